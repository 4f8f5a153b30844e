//! Drives the real Mend binary in its real window through tauri-driver and
//! WebKitWebDriver. Each `App` gets its own data folder, XDG folders, temp folder and
//! driver ports, so tests are independent and their leftovers can be scanned.
mod accessibility;
mod desktop;
mod files;
mod keyboard;
mod process;
mod suite;

pub use desktop::{answer_file_dialog, send_x_key, wait_for_x_window, NotificationDaemon};
pub use files::{files_containing, files_containing_any, mode_of, snapshot};
pub use process::process_tree;
use process::{free_port, make_sure_gone, wait_for_port};
pub use suite::{
    marker, new_root, remember_typed, suite_dir, typed, written_on_purpose, DELIBERATE_RECORD,
    SUITE_DIR_ENV, TYPED_RECORD,
};

use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

pub const PASSPHRASE: &str = "quiet lantern over the harbour wall";
const WAIT: Duration = Duration::from_secs(15);

pub struct App {
    pub driver: Option<WebDriver>,
    tauri_driver: Child,
    root: tempfile::TempDir,
    /// The app's own process, so it is surely gone before the next test starts one (Mend
    /// is single-instance: a leftover would turn the next launch away).
    pid: Option<u32>,
    /// The binary running as the app.
    program: PathBuf,
}

impl App {
    /// Starts the app with a fresh, empty data folder.
    pub async fn start() -> App {
        Self::start_with(&[]).await
    }

    /// Starts the app with extra environment (a theme, say) and a fresh data folder.
    pub async fn start_with(env: &[(&str, &str)]) -> App {
        Self::start_in(new_root(), env).await
    }

    /// Starts the app on an existing root (to reopen the same vault): the binary cargo
    /// built for these tests, or the one `MEND_E2E_APP` names (a copy kept apart, so
    /// another build in the same target folder cannot swap it mid-run).
    pub async fn start_in(root: tempfile::TempDir, env: &[(&str, &str)]) -> App {
        let program = std::env::var_os("MEND_E2E_APP")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_mend-app")));
        Self::start_program(&program, root, env).await
    }

    /// Starts `program` (the binary cargo built for these tests, or an installed one).
    pub async fn start_program(
        program: &Path,
        root: tempfile::TempDir,
        env: &[(&str, &str)],
    ) -> App {
        Self::start_program_until(
            program,
            root,
            env,
            "#create-passphrase, #unlock-passphrase, #new-entry",
        )
        .await
    }

    /// [`App::start_program`] for any Tauri program: ready once `ready` (CSS) is shown.
    pub async fn start_program_until(
        program: &Path,
        root: tempfile::TempDir,
        env: &[(&str, &str)],
        ready: &str,
    ) -> App {
        for sub in ["data", "xdg-data", "xdg-cache", "xdg-config", "xdg-state", "tmp"] {
            std::fs::create_dir_all(root.path().join(sub)).unwrap();
        }
        // A session that cannot be made is tried again from scratch (new ports, a new
        // driver), at most twice: on a busy machine tauri-driver now and then drops the
        // very first request. A real failure to start fails all three.
        let mut attempt = 1;
        let (tauri_driver, driver) = loop {
            let (mut tauri_driver, port) = spawn_driver(root.path(), env);
            let mut caps = serde_json::Map::new();
            caps.insert("browserName".into(), json!("wry"));
            caps.insert("tauri:options".into(), json!({ "application": program }));
            match WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await {
                Ok(driver) => break (tauri_driver, driver),
                Err(e) if attempt < 3 => {
                    eprintln!("no WebDriver session on attempt {attempt} ({e}); starting again");
                    end_driver_tree(&mut tauri_driver);
                    attempt += 1;
                }
                Err(e) => panic!("a WebDriver session on the app: {e:?}"),
            }
        };
        let program = std::fs::canonicalize(program).unwrap();
        let mut app = App { driver: Some(driver), tauri_driver, root, pid: None, program };
        app.pid = app.find_app_pid();
        app.wait_for(ready).await;
        app
    }

    /// The app's working folder.
    pub fn working_dir(&self) -> PathBuf {
        self.root.path().join("tmp")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn driver(&self) -> &WebDriver {
        self.driver.as_ref().unwrap()
    }

    /// Waits for an element to be present and shown, and returns it.
    pub async fn wait_for(&self, css: &str) -> WebElement {
        self.wait_for_long(css, WAIT).await
    }

    /// [`App::wait_for`] with a longer limit, for things that take minutes by design.
    pub async fn wait_for_long(&self, css: &str, limit: Duration) -> WebElement {
        let start = Instant::now();
        loop {
            if let Ok(el) = self.driver().find(By::Css(css)).await {
                if el.is_displayed().await.unwrap_or(false) {
                    return el;
                }
            }
            assert!(start.elapsed() < limit, "{css} did not appear; page:\n{}", self.text().await);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `check` holds for the page's visible text.
    pub async fn wait_until_text(&self, what: &str, check: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let text = self.text().await;
            if check(&text) {
                return;
            }
            assert!(start.elapsed() < WAIT, "timed out waiting for {what}; page:\n{text}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for an element to be shown and enabled (a form is disabled while it loads
    /// or saves), and returns it.
    pub async fn wait_for_enabled(&self, css: &str) -> WebElement {
        let el = self.wait_for(css).await;
        let start = Instant::now();
        while !el.is_enabled().await.unwrap_or(false) {
            assert!(start.elapsed() < WAIT, "{css} stayed disabled");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        el
    }

    pub async fn click(&self, css: &str) {
        let el = self.wait_for_enabled(css).await;
        // Centre it first, so the sticky header never covers what a person would click.
        self.driver()
            .execute("arguments[0].scrollIntoView({block: 'center'});", vec![el.to_json().unwrap()])
            .await
            .unwrap();
        if let Err(e) = el.click().await {
            panic!("clicking {css} failed: {e}");
        }
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        remember_typed(text);
        let el = self.wait_for_enabled(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    /// Sets a form control's value the way a person's typing would, for controls
    /// WebKitWebDriver cannot type into reliably (date and time pickers, selects).
    pub async fn set_value(&self, css: &str, value: &str) {
        let el = self.wait_for(css).await;
        self.driver()
            .execute(
                "const e = arguments[0]; e.value = arguments[1]; \
                 e.dispatchEvent(new Event('input', {bubbles: true})); \
                 e.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![el.to_json().unwrap(), serde_json::json!(value)],
            )
            .await
            .unwrap();
    }

    /// Runs `js` in the page and gives back what it returns.
    pub async fn script(&self, js: &str) -> serde_json::Value {
        self.driver().execute(js, vec![]).await.unwrap().json().clone()
    }

    /// The page's visible text.
    pub async fn text(&self) -> String {
        match self.driver().find(By::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Everything the page holds that could carry journal text: the serialised DOM,
    /// and the values of every input and text area (which the DOM does not serialise).
    pub async fn everything_in_the_page(&self) -> String {
        let source = self.driver().source().await.unwrap();
        let values = self
            .script(
                "return [...document.querySelectorAll('input, textarea')].map(e => e.value).join('\\n') + '\\n' + document.title;",
            )
            .await;
        format!("{source}\n{}", values.as_str().unwrap_or_default())
    }

    pub async fn create_vault(&self) {
        self.type_into("#create-passphrase", PASSPHRASE).await;
        self.type_into("#create-confirm", PASSPHRASE).await;
        self.click("#create-submit").await;
        self.click("#recovery-skip").await;
        self.wait_for("#new-entry").await;
    }

    pub async fn unlock(&self, passphrase: &str) {
        self.type_into("#unlock-passphrase", passphrase).await;
        self.click("#unlock-submit").await;
    }

    /// Local "HH:MM" about a minute and a half from now, as the app's web view sees time.
    pub async fn soon(&self) -> String {
        let v = self
            .script(
                "const d = new Date(Date.now() + 90000); \
                 return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');",
            )
            .await;
        v.as_str().unwrap().to_owned()
    }

    /// After a new relationship is saved: answer the safety check with "none of these"
    /// and arrive at the relationship's page.
    pub async fn pass_safety_check(&self) {
        self.wait_for("#safety-heading").await;
        self.click("#safety-none").await;
        self.click("#safety-save").await;
        self.wait_for("#relationship-page").await;
    }

    /// Writes a new entry through the editor and waits until it shows as saved.
    pub async fn write_entry(&self, text: &str) {
        remember_typed(text);
        self.click("#new-entry").await;
        let body = self.wait_for("#editor-body").await;
        body.send_keys(text).await.unwrap();
        self.wait_until_text("the entry to save", |t| t.contains("Saved")).await;
        self.click("#editor-done").await;
        self.wait_for("#timeline").await;
    }

    /// A screen worth looking at: checked with axe-core (a serious or critical violation
    /// fails the test), then, if $MEND_SCREENSHOT_DIR is set, saved there as <name>.png.
    /// The picture is taken from the X display (ImageMagick's `import`), because
    /// WebKitWebDriver's own screenshot can hand back a frame painted before the last change.
    pub async fn screenshot(&self, name: &str) {
        let found = accessibility::violations(self.driver()).await;
        if accessibility::survey(name, &found) {
            return self.picture(name).await;
        }
        assert!(
            found.is_empty(),
            "{name}: accessibility violations (axe-core, serious or critical):\n{}",
            serde_json::to_string_pretty(&found).unwrap_or_default()
        );
        self.picture(name).await;
    }

    async fn picture(&self, name: &str) {
        if let Some(dir) = std::env::var_os("MEND_SCREENSHOT_DIR") {
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir).unwrap();
            // Let the X display catch up with the page before the picture is taken (it lags
            // by a second or more while a modal dialog opens; only when pictures are asked for).
            tokio::time::sleep(Duration::from_millis(2500)).await;
            let path = dir.join(format!("{name}.png"));
            let ok = Command::new("import")
                .args(["-window", "root"])
                .arg(&path)
                .status()
                .map(|s| s.success());
            if !ok.unwrap_or(false) {
                self.driver().screenshot(&path).await.unwrap();
            }
        }
    }

    /// The app's process id: the process running our binary with this test's data folder.
    pub fn app_pid(&self) -> u32 {
        self.pid.or_else(|| self.find_app_pid()).expect("the app's process was not found")
    }

    fn find_app_pid(&self) -> Option<u32> {
        let exe = &self.program;
        let want = format!("MEND_DATA_DIR={}", self.root.path().join("data").display());
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
            let Ok(path) = std::fs::read_link(entry.path().join("exe")) else { continue };
            if &path != exe {
                continue;
            }
            let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
            if environ.split(|b| *b == 0).any(|v| v == want.as_bytes()) {
                return Some(pid);
            }
        }
        None
    }

    /// Kills the app with SIGKILL, as a crash or power cut would, and stops the driver.
    /// Returns the folders so the app can be started again on the same vault.
    pub async fn crash(self) -> tempfile::TempDir {
        self.crash_with("KILL").await
    }

    /// Ends the app with `signal` (`KILL`, `SEGV`…), and stops the driver.
    pub async fn crash_with(mut self, signal: &str) -> tempfile::TempDir {
        let pid = self.app_pid();
        let status =
            Command::new("kill").args([format!("-{signal}"), pid.to_string()]).status().unwrap();
        assert!(status.success());
        // Any other signal may first write a core dump: give it the time to.
        let grace = if signal == "KILL" { Duration::ZERO } else { Duration::from_secs(10) };
        make_sure_gone(pid, grace);
        self.driver.take();
        self.stop_driver();
        let root = tempfile::Builder::new().tempdir().unwrap();
        std::mem::replace(&mut self.root, root)
    }

    /// Closes the app and its driver, keeping the folders for inspection or reuse.
    pub async fn quit(mut self) -> tempfile::TempDir {
        if let Some(d) = self.driver.take() {
            let _ = d.quit().await;
        }
        self.stop_driver();
        if let Some(pid) = self.pid.take() {
            make_sure_gone(pid, Duration::from_secs(5));
        }
        let root = tempfile::Builder::new().tempdir().unwrap();
        std::mem::replace(&mut self.root, root)
    }

    fn stop_driver(&mut self) {
        // SIGTERM, never SIGKILL: a killed tauri-driver orphans WebKitWebDriver.
        let _ = Command::new("kill").args(["-TERM", &self.tauri_driver.id().to_string()]).status();
        let _ = self.tauri_driver.wait();
    }
}

/// Starts tauri-driver for one app, with the app's folders in its environment; returns
/// it once it listens, with its port.
fn spawn_driver(root: &Path, env: &[(&str, &str)]) -> (Child, u16) {
    let port = free_port();
    let native_port = free_port();
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(root.join("driver.log"))
        .unwrap();
    let tauri_driver = Command::new("tauri-driver")
        .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
        .env("MEND_DATA_DIR", root.join("data"))
        .env("XDG_DATA_HOME", root.join("xdg-data"))
        .env("XDG_CACHE_HOME", root.join("xdg-cache"))
        .env("XDG_CONFIG_HOME", root.join("xdg-config"))
        .env("XDG_STATE_HOME", root.join("xdg-state"))
        .env("TMPDIR", root.join("tmp"))
        // The app's working folder too (where a print-to-file PDF lands by default).
        .current_dir(root.join("tmp"))
        .env("LANG", "en_US.UTF-8")
        .env("NO_AT_BRIDGE", "1")
        .envs(env.iter().copied())
        .stdout(Stdio::from(log.try_clone().unwrap()))
        .stderr(Stdio::from(log))
        .spawn()
        .expect("tauri-driver is on PATH (cargo install tauri-driver --version ^2)");
    wait_for_port(port);
    (tauri_driver, port)
}

/// Ends a driver whose session failed, with everything it started (WebKitWebDriver, an
/// app that may have opened), so a new attempt starts from nothing.
fn end_driver_tree(tauri_driver: &mut Child) {
    let below: Vec<u32> = process_tree(tauri_driver.id()).into_iter().skip(1).collect();
    let _ = Command::new("kill").args(["-TERM", &tauri_driver.id().to_string()]).status();
    let _ = tauri_driver.wait();
    for pid in below {
        make_sure_gone(pid, Duration::from_secs(2));
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if self.driver.is_some() {
            // A test failed midway: end the app for sure, then its driver.
            self.driver.take();
            if let Some(pid) = self.pid.take() {
                make_sure_gone(pid, Duration::ZERO);
            }
            self.stop_driver();
        }
    }
}
