//! Journal text stays in the vault. A marker typed into every kind of content ends up in
//! no other file: not the data folder's other files, the web view's data, cache, config
//! and state folders, the temp folders, or the logs (the app's stdout and stderr, which
//! the driver's log captures), with every verbose switch on, after a panic and after a
//! crash. After the whole suite, `after_the_suite_…` scans every app folder the suite
//! used for everything any test typed.
use crate::harness::{
    files_containing, files_containing_any, marker, new_root, process_tree, suite_dir, typed, App,
    DELIBERATE_RECORD, SUITE_DIR_ENV, TYPED_RECORD,
};
use mend_app::e2e::{PANIC_ON_ENV, STDOUT_TO_STDERR_ENV};
use nix::sys::resource::{getrlimit, setrlimit, Resource};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};
use thirtyfour::By;

/// Mend keeps no log file of its own: what it prints goes to stderr. These turn on the
/// verbose output of everything it is built on (Rust's `log` users, GLib, WebKit).
const VERBOSE: [(&str, &str); 4] = [
    ("RUST_LOG", "trace"),
    ("RUST_BACKTRACE", "full"),
    ("G_MESSAGES_DEBUG", "all"),
    ("WEBKIT_DEBUG", "all"),
];

/// Texts shorter than this are not looked for after the suite: short words ("care",
/// "3") are also in the app's own code and styles, which WebKit may cache.
const SHORTEST_TYPED: usize = 12;

/// Folders outside the app's own where a library that ignores the XDG variables, or
/// the temp folder setting, would write: only files changed since `since` are read.
fn shared_places() -> Vec<PathBuf> {
    let mut places = vec![std::env::temp_dir(), "/dev/shm".into(), "/var/tmp".into()];
    if let Some(home) = std::env::var_os("HOME") {
        for sub in [".cache", ".local", ".config"] {
            places.push(Path::new(&home).join(sub));
        }
    }
    places
}

/// Every file under `dirs` changed at or after `since` (and not in `skip`) that holds
/// one of `needles`, with the needle found; and how many files were read.
fn scan(
    dirs: &[PathBuf],
    needles: &[String],
    since: SystemTime,
    skip: &BTreeSet<PathBuf>,
) -> (Vec<(PathBuf, String)>, usize) {
    let (hits, read) = files_containing_any(dirs, needles, since, skip);
    (hits.into_iter().map(|(path, i)| (path, needles[i].clone())).collect(), read)
}

/// Raises this process's core dump limit as far as it goes (the app inherits it through
/// the driver), and gives back the old one.
fn allow_core_dumps() -> (u64, u64) {
    let old = getrlimit(Resource::RLIMIT_CORE).unwrap();
    if setrlimit(Resource::RLIMIT_CORE, u64::MAX, u64::MAX).is_err() {
        let _ = setrlimit(Resource::RLIMIT_CORE, old.1, old.1);
    }
    old
}

fn core_limit(pid: u32) -> String {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits")).unwrap_or_default();
    let line = limits.lines().find(|l| l.starts_with("Max core file size")).unwrap_or_default();
    line.split_whitespace().skip(4).take(2).collect::<Vec<_>>().join(" ")
}

fn core_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("core")))
                .collect()
        })
        .unwrap_or_default()
}

/// Where the kernel writes core dumps, if it writes them as files relative to the
/// crashing process's working folder (this machine's setting); `None` if they go to a
/// program (systemd-coredump, apport) or an absolute path this test cannot watch.
fn core_dumps_land_in_working_dir() -> bool {
    let pattern = std::fs::read_to_string("/proc/sys/kernel/core_pattern").unwrap_or_default();
    let pattern = pattern.trim();
    !pattern.is_empty() && !pattern.starts_with('|') && !pattern.contains('/')
}

/// A process that crashes with dumps allowed leaves a core file where this test looks:
/// the check below would see one from Mend.
fn core_dump_control(dir: &Path) -> bool {
    std::fs::create_dir_all(dir).unwrap();
    let mut child = std::process::Command::new("sleep").arg("60").current_dir(dir).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    std::process::Command::new("kill").args(["-ABRT", &child.id().to_string()]).status().unwrap();
    let _ = child.wait();
    let start = Instant::now();
    while core_files(dir).is_empty() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let found = !core_files(dir).is_empty();
    let _ = std::fs::remove_dir_all(dir);
    found
}

/// Types `secret` into an entry, its tag, a relationship's name and story, a commitment
/// and a search, in the real window.
async fn write_everywhere(app: &App, secret: &str) {
    app.write_entry(&format!("The thing I never told anyone: {secret}")).await;
    app.wait_until_text("the entry in the timeline", |t| t.contains(secret)).await;
    // Edit it too, so the editor, autosave and timeline all handle the text.
    app.driver().find(By::Css(".entry")).await.unwrap().click().await.unwrap();
    let body = app.wait_for("#editor-body").await;
    body.send_keys(" and more").await.unwrap();
    app.wait_until_text("the edit to save", |t| t.contains("Saved")).await;
    app.type_into("#editor-tags", &format!("tag{secret}")).await;
    app.wait_until_text("the tag to save", |t| t.contains("Saved")).await;
    app.click("#editor-done").await;

    app.click("#nav-add-relationship").await;
    app.type_into("#rel-name", &format!("N{secret}")).await;
    app.click("#rel-role-decider").await;
    app.type_into("#rel-what", &format!("What happened: {secret}")).await;
    app.set_value("#rel-kind", "care").await;
    app.click("#rel-save").await;
    app.pass_safety_check().await;
    app.click("#commitment-new").await;
    app.type_into("#commitment-promise", &format!("Promise {secret}")).await;
    app.set_value("#commitment-repeat", "once").await;
    app.click("#commitment-save").await;
    app.wait_for(".commitment[data-commitment-id]").await;

    app.click("#nav-search").await;
    app.type_into("#search-input", secret).await;
    app.wait_for(".search-hit").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_marker_in_every_kind_of_content_stays_in_the_vault_verbose_after_a_panic_and_a_crash() {
    let started = SystemTime::now();
    let secret = marker("leak");
    let trigger = marker("panic");
    let old_limit = allow_core_dumps();
    let mut env = VERBOSE.to_vec();
    env.push((PANIC_ON_ENV, &trigger));
    env.push((STDOUT_TO_STDERR_ENV, "1"));
    let app = App::start_with(&env).await;
    app.create_vault().await;
    write_everywhere(&app, &secret).await;

    // A panic while saving text that holds the marker (its message quotes the text).
    app.click("#nav-journal").await;
    app.click("#new-entry").await;
    let body = app.wait_for("#editor-body").await;
    body.send_keys(typed(&format!("Before the fault {secret} {trigger}"))).await.unwrap();
    app.wait_until_text("the save to fail", |t| t.contains("Your text is still here")).await;
    let kept = body.prop("value").await.unwrap().unwrap_or_default();
    assert!(kept.contains(&secret), "the editor keeps the text after the failed save");
    // The app goes on: without the trigger the same entry saves.
    body.clear().await.unwrap();
    body.send_keys(typed(&format!("After the fault {secret}"))).await.unwrap();
    app.wait_until_text("the entry to save after the panic", |t| t.contains("Saved")).await;
    app.click("#editor-done").await;
    app.wait_until_text("the saved entry", |t| t.contains("After the fault")).await;
    let log_path = app.working_dir().parent().unwrap().join("driver.log");
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        log.contains("Mend hit an internal error at src-tauri/src/e2e.rs"),
        "the panic was reported by its place"
    );
    assert!(!log.contains("asked to fail"), "the panic's message is not printed");

    // A crash, with the journal open in memory: Mend and its web view processes have
    // core dumps turned off, though the driver that started Mend allows them.
    let pid = app.app_pid();
    let processes = process_tree(pid);
    assert!(processes.len() >= 2, "Mend and its web view processes: {processes:?}");
    for p in &processes {
        assert_eq!(core_limit(*p), "0 0", "process {p} may write a core dump");
    }
    // SIGABRT, whose default is to dump core (Rust's own SIGSEGV handler would make a
    // SIGSEGV sent from outside a no-op).
    let working_dir = app.working_dir();
    for p in &processes[1..] {
        let _ = std::process::Command::new("kill").args(["-ABRT", &p.to_string()]).status();
    }
    let root = app.crash_with("ABRT").await;
    if core_dumps_land_in_working_dir() {
        assert!(
            core_dump_control(&root.path().join("control")),
            "a crash that may dump leaves a core file where this test looks"
        );
        assert_eq!(core_files(&working_dir), Vec::<PathBuf>::new(), "Mend left a core dump");
    } else {
        eprintln!(
            "core dumps go to a program or a fixed folder here: only the limits were checked"
        );
    }
    let _ = setrlimit(Resource::RLIMIT_CORE, old_limit.0, old_limit.1);

    // No file in the app's folders, or in shared places changed during the test, holds
    // the marker; the log is there and has the verbose output in it.
    let log = std::fs::read_to_string(&log_path).unwrap();
    for process in ["(mend-app:", "(WebKitWebProcess:"] {
        assert!(
            log.lines().any(|l| l.starts_with(process) && l.contains("-DEBUG:")),
            "the log has {process} debug output"
        );
    }
    let hits = files_containing(root.path(), secret.as_bytes());
    assert!(hits.is_empty(), "journal text found in {hits:?}");
    // (The suite's own record of what was typed is not a leak.)
    let skip: BTreeSet<PathBuf> =
        [Some(root.path().to_path_buf()), suite_dir()].into_iter().flatten().collect();
    let (hits, _) = scan(&shared_places(), std::slice::from_ref(&secret), started, &skip);
    assert!(hits.is_empty(), "journal text found in {hits:?}");
    // The scan itself works: the vault is there, and a planted copy is found.
    assert!(root.path().join("data/mend.vault").metadata().unwrap().len() > 0);
    let planted = root.path().join("xdg-cache/planted");
    std::fs::write(&planted, format!("x{secret}x")).unwrap();
    assert_eq!(files_containing(root.path(), secret.as_bytes()), std::slice::from_ref(&planted));
    std::fs::remove_file(planted).unwrap();
}

#[tokio::test]
#[ignore = "scans the suite's folders: .ci/test runs it after the whole suite"]
async fn after_the_suite_no_typed_text_is_outside_a_vault() {
    let suite = suite_dir().unwrap_or_else(|| panic!("{SUITE_DIR_ENV} names the suite's folder"));
    let started = std::fs::metadata(suite.join("started"))
        .and_then(|m| m.modified())
        .expect("the suite folder has a `started` file, made before the suite ran");
    let typed: BTreeSet<String> = std::fs::read_to_string(suite.join(TYPED_RECORD))
        .expect("the suite recorded what it typed")
        .lines()
        .map(|l| serde_json::from_str::<String>(l).unwrap())
        .filter(|t| t.chars().count() >= SHORTEST_TYPED)
        .collect();
    let typed: Vec<String> = typed.into_iter().collect();
    let mut skip: BTreeSet<PathBuf> =
        [suite.join(TYPED_RECORD), suite.join(DELIBERATE_RECORD), suite.join("started")].into();
    if let Ok(list) = std::fs::read_to_string(suite.join(DELIBERATE_RECORD)) {
        skip.extend(list.lines().map(PathBuf::from));
    }
    let roots: Vec<PathBuf> = std::fs::read_dir(&suite)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    assert!(roots.len() >= 15, "the suite kept its app folders: {}", roots.len());
    assert!(typed.len() >= 20, "the suite recorded its typing: {}", typed.len());

    let (hits, read) = scan(&roots, &typed, std::time::UNIX_EPOCH, &skip);
    assert!(hits.is_empty(), "typed text found outside a vault: {hits:#?}");
    skip.insert(suite.clone());
    let (shared_hits, shared_read) = scan(&shared_places(), &typed, started, &skip);
    assert!(shared_hits.is_empty(), "typed text found outside a vault: {shared_hits:#?}");
    eprintln!(
        "{} typed texts looked for in {read} files of {} app folders and {shared_read} \
         files changed in shared places: none found",
        typed.len(),
        roots.len()
    );

    // The scan itself works: a planted copy of a typed text is found.
    let control = new_root();
    let planted = control.path().join("planted");
    std::fs::write(&planted, format!("..{}..", typed[typed.len() / 2])).unwrap();
    let (hits, _) = scan(&[control.path().to_path_buf()], &typed, started, &skip);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0, planted);
    std::fs::remove_dir_all(control.path()).unwrap();
}
