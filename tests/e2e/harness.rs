//! Drives the real Mend binary in its real window through tauri-driver and
//! WebKitWebDriver. Each `App` gets its own data folder, XDG folders, temp folder and
//! driver ports, so tests are independent and their leftovers can be scanned.
use serde_json::json;
use std::collections::BTreeSet;
use std::net::{TcpListener, TcpStream};
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

/// When set (by .ci/test), every app's folders are made in this folder and kept after
/// the test, with a record of the text typed into the app and of the files the tests
/// chose to write in plain text, so `leak::after_the_suite…` can scan them all.
pub const SUITE_DIR_ENV: &str = "MEND_E2E_SUITE_DIR";
/// In the suite folder: one JSON string per line, each text typed into the app.
pub const TYPED_RECORD: &str = "typed.jsonl";
/// In the suite folder: one path per line, files written in plain text on purpose (an
/// export, a printed review): what the person asked for, not a leak.
pub const DELIBERATE_RECORD: &str = "deliberate.txt";

pub fn suite_dir() -> Option<PathBuf> {
    std::env::var_os(SUITE_DIR_ENV).filter(|d| !d.is_empty()).map(PathBuf::from)
}

/// A fresh root for one app's folders: in the suite folder and kept, if there is one.
pub fn new_root() -> tempfile::TempDir {
    let mut builder = tempfile::Builder::new();
    builder.prefix("mend-e2e-");
    match suite_dir() {
        Some(suite) => builder.disable_cleanup(true).tempdir_in(suite).unwrap(),
        None => builder.tempdir().unwrap(),
    }
}

fn append_to_suite_record(name: &str, line: &str) {
    use std::io::Write;
    if let Some(suite) = suite_dir() {
        let mut file =
            std::fs::OpenOptions::new().create(true).append(true).open(suite.join(name)).unwrap();
        writeln!(file, "{line}").unwrap();
    }
}

/// Notes text typed into the app, for the scan after the suite.
pub fn remember_typed(text: &str) {
    append_to_suite_record(TYPED_RECORD, &serde_json::to_string(text).unwrap());
}

/// The same, inline: `element.send_keys(typed("…"))`.
pub fn typed(text: &str) -> &str {
    remember_typed(text);
    text
}

/// Notes a file the test had the app write in plain text on purpose.
pub fn written_on_purpose(path: &Path) {
    append_to_suite_record(DELIBERATE_RECORD, &path.display().to_string());
}

/// A string no test has used before: `zq<tag><nanoseconds>qz`.
pub fn marker(tag: &str) -> String {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("zq{tag}{nanos:x}qz")
}

/// Waits for a process to end; kills it if it outstays `grace`.
fn make_sure_gone(pid: u32, grace: Duration) {
    let alive = || {
        Path::new(&format!("/proc/{pid}")).exists()
            && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .unwrap_or_default()
                .contains(") Z ")
    };
    let start = Instant::now();
    while alive() && start.elapsed() < grace {
        std::thread::sleep(Duration::from_millis(50));
    }
    if alive() {
        let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        let start = Instant::now();
        while alive() && start.elapsed() < WAIT {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_for_port(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < WAIT, "tauri-driver did not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
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

    /// Starts the app on an existing root (to reopen the same vault).
    pub async fn start_in(root: tempfile::TempDir, env: &[(&str, &str)]) -> App {
        Self::start_program(Path::new(env!("CARGO_BIN_EXE_mend")), root, env).await
    }

    /// Starts `program` (the binary cargo built for these tests, or an installed one).
    pub async fn start_program(
        program: &Path,
        root: tempfile::TempDir,
        env: &[(&str, &str)],
    ) -> App {
        for sub in ["data", "xdg-data", "xdg-cache", "xdg-config", "xdg-state", "tmp"] {
            std::fs::create_dir_all(root.path().join(sub)).unwrap();
        }
        let port = free_port();
        let native_port = free_port();
        let log = std::fs::File::create(root.path().join("driver.log")).unwrap();
        let tauri_driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("MEND_DATA_DIR", root.path().join("data"))
            .env("XDG_DATA_HOME", root.path().join("xdg-data"))
            .env("XDG_CACHE_HOME", root.path().join("xdg-cache"))
            .env("XDG_CONFIG_HOME", root.path().join("xdg-config"))
            .env("XDG_STATE_HOME", root.path().join("xdg-state"))
            .env("TMPDIR", root.path().join("tmp"))
            // The app's working folder too (where a print-to-file PDF lands by default).
            .current_dir(root.path().join("tmp"))
            .env("LANG", "en_US.UTF-8")
            .env("NO_AT_BRIDGE", "1")
            .envs(env.iter().copied())
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("tauri-driver is on PATH (cargo install tauri-driver --version ^2)");
        wait_for_port(port);
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("tauri:options".into(), json!({ "application": program }));
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps)
            .await
            .expect("a WebDriver session on the app");
        let program = std::fs::canonicalize(program).unwrap();
        let mut app = App { driver: Some(driver), tauri_driver, root, pid: None, program };
        app.pid = app.find_app_pid();
        app.wait_for("#create-passphrase, #unlock-passphrase, #new-entry").await;
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

    pub async fn click(&self, css: &str) {
        let el = self.wait_for(css).await;
        let start = Instant::now();
        while !el.is_enabled().await.unwrap_or(false) {
            assert!(start.elapsed() < WAIT, "{css} stayed disabled");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
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
        let el = self.wait_for(css).await;
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

    /// Saves a picture of the screen to $MEND_SCREENSHOT_DIR/<name>.png, if that is set.
    /// It is taken from the X display (ImageMagick's `import`), because WebKitWebDriver's
    /// own screenshot can hand back a frame painted before the last change.
    pub async fn screenshot(&self, name: &str) {
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

/// The app and every process below it (WebKit's web and network processes).
pub fn process_tree(root: u32) -> Vec<u32> {
    let mut all = vec![root];
    let mut i = 0;
    while i < all.len() {
        let parent = all[i];
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
            let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
            let ppid = stat.rsplit(") ").next().and_then(|s| s.split_whitespace().nth(1));
            if ppid.and_then(|p| p.parse::<u32>().ok()) == Some(parent) && !all.contains(&pid) {
                all.push(pid);
            }
        }
        i += 1;
    }
    all
}

/// Every file in `dir` with its bytes and modification time.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let m = e.metadata().unwrap();
            (e.path(), std::fs::read(e.path()).unwrap(), m.modified().unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Every file under `dir` that contains `needle`.
/// A file's or folder's permission bits.
pub fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
}

pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    files_containing_since(dir, needle, std::time::UNIX_EPOCH)
}

/// Every file under `dir` modified at or after `since` that contains `needle` (the
/// time is checked first, so big unrelated trees are not read).
pub fn files_containing_since(
    dir: &Path,
    needle: &[u8],
    since: std::time::SystemTime,
) -> Vec<PathBuf> {
    let (hits, _) = files_containing_any(&[dir.to_path_buf()], &[needle], since, &BTreeSet::new());
    hits.into_iter().map(|(path, _)| path).collect()
}

/// Every file under `dirs`, not in `skip` and modified at or after `since`, that holds
/// one of `needles`, with the index of the needle found (one pass over each file); and
/// how many files were read.
pub fn files_containing_any<N: AsRef<[u8]>>(
    dirs: &[PathBuf],
    needles: &[N],
    since: std::time::SystemTime,
    skip: &BTreeSet<PathBuf>,
) -> (Vec<(PathBuf, usize)>, usize) {
    let finder = aho_corasick::AhoCorasick::new(needles).unwrap();
    let mut hits = Vec::new();
    let mut read = 0;
    let mut stack: Vec<PathBuf> = dirs.to_vec();
    while let Some(dir) = stack.pop() {
        if skip.contains(&dir) {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file()
                && !skip.contains(&path)
                && meta.modified().map(|t| t >= since).unwrap_or(true)
            {
                let Ok(bytes) = std::fs::read(&path) else { continue };
                read += 1;
                if let Some(m) = finder.find(&bytes) {
                    hits.push((path, m.pattern().as_usize()));
                }
            }
        }
    }
    (hits, read)
}

/// A real notification daemon (dunst) on this test's D-Bus session, read through its
/// own history: proof that a notification reached the desktop, not that a call returned.
pub struct NotificationDaemon {
    child: Child,
}

fn bus_has_notifications() -> bool {
    Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.Notifications",
        ])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
        .unwrap_or(false)
}

impl NotificationDaemon {
    pub fn start() -> NotificationDaemon {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "run inside dbus-run-session"
        );
        assert!(!bus_has_notifications(), "another notification daemon owns the bus name");
        let child = Command::new("dunst")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dunst is installed (apt install dunst)");
        let start = Instant::now();
        while !bus_has_notifications() {
            assert!(start.elapsed() < WAIT, "dunst did not take the notification bus name");
            std::thread::sleep(Duration::from_millis(100));
        }
        NotificationDaemon { child }
    }

    /// Every notification the daemon has received: (summary, body).
    pub fn history(&self) -> Vec<(String, String)> {
        let _ = Command::new("dunstctl").arg("close-all").status();
        let out = Command::new("dunstctl").arg("history").output().expect("dunstctl history");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let field =
            |n: &serde_json::Value, k: &str| n[k]["data"].as_str().unwrap_or_default().to_owned();
        json["data"]
            .as_array()
            .and_then(|a| a.first())
            .and_then(|a| a.as_array())
            .map(|items| items.iter().map(|n| (field(n, "summary"), field(n, "body"))).collect())
            .unwrap_or_default()
    }

    /// Waits until a notification is on screen, then clicks it (dunst's default action,
    /// as a person's click would). Returns whether one was there to click.
    pub fn click_when_shown(&self, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            let out = Command::new("dunstctl")
                .args(["count", "displayed"])
                .output()
                .expect("dunstctl count");
            let shown: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0);
            if shown > 0 {
                return Command::new("dunstctl")
                    .args(["action", "0"])
                    .status()
                    .map(|s| s.success())
                    .unwrap_or(false);
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        false
    }

    /// Waits until at least `n` notifications arrived, and returns them all.
    pub fn wait_for(&self, n: usize, limit: Duration) -> Vec<(String, String)> {
        let start = Instant::now();
        loop {
            let h = self.history();
            if h.len() >= n || start.elapsed() > limit {
                return h;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}

impl Drop for NotificationDaemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits for a top-level X window whose title is exactly `title` (a system dialog the app
/// opened, say) and returns its X id.
pub fn wait_for_x_window(title: &str, limit: Duration) -> Option<String> {
    let start = Instant::now();
    while start.elapsed() < limit {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &format!("^{}$", regex_escape(title))])
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.lines().next().map(str::to_owned));
        if found.is_some() {
            return found;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    None
}

/// The title as a literal for xdotool's regular expressions.
fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let special = "\\.^$|?*+()[]{}".contains(c);
            special.then_some('\\').into_iter().chain(std::iter::once(c))
        })
        .collect()
}

/// Sends a key to an X window (Escape to dismiss a dialog, say). Focus is set directly:
/// under Xvfb there is no window manager to activate windows.
pub fn send_x_key(window: &str, key: &str) {
    let status = Command::new("xdotool")
        .args(["windowfocus", "--sync", window, "key", "--clearmodifiers", key])
        .status()
        .expect("xdotool runs");
    assert!(status.success(), "xdotool could not send {key}");
}

/// Answers a native (GTK) file dialog titled `title` with `path`, typed as a person
/// would: into the name field of a save dialog, or into the location field (Ctrl+L) of
/// an open dialog, then Enter.
pub fn answer_file_dialog(title: &str, path: &Path, save: bool) {
    let window = wait_for_x_window(title, WAIT).unwrap_or_else(|| panic!("no dialog “{title}”"));
    let pause = || std::thread::sleep(Duration::from_millis(400));
    pause();
    send_x_key(&window, if save { "ctrl+a" } else { "ctrl+l" });
    pause();
    let status = Command::new("xdotool")
        .args(["windowfocus", "--sync", &window, "type", "--delay", "15"])
        .arg(path)
        .status()
        .expect("xdotool runs");
    assert!(status.success(), "xdotool could not type the path");
    pause();
    send_x_key(&window, "Return");
}
