//! The `mend` command line on a real vault: the same journal the app opens, the
//! passphrase from a descriptor (never an argument), the same refusals.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use mend_core::{Passphrase, Vault, VaultPaths};
use std::path::Path;
use std::process::{Command, Output};

const PASS: &str = "quiet lantern over the harbour wall";

/// Runs `mend <args>` through bash, with the passphrase file on descriptor 3.
fn mend(data: &Path, pass_file: &Path, args: &str, stdin: &str) -> Output {
    let script = format!("printf '%s' \"$STDIN_TEXT\" | \"$MEND\" {args} 3<\"$PASS_FILE\"");
    Command::new("bash")
        .args(["-c", &script])
        .env("MEND", env!("CARGO_BIN_EXE_mend"))
        .env("MEND_DATA_DIR", data)
        .env("PASS_FILE", pass_file)
        .env("STDIN_TEXT", stdin)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    all.sort();
    all
}

#[test]
fn add_list_search_and_export_on_the_apps_vault() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    drop(Vault::create(&VaultPaths::new(&data), &Passphrase::new(PASS.into())).unwrap());
    let pass = root.path().join("pass");
    std::fs::write(&pass, format!("{PASS}\n")).unwrap();

    let out = mend(&data, &pass, "add --passphrase-fd 3 Said sorry without a but", "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("Saved entry 1"), "{}", text(&out.stdout));

    let out = mend(&data, &pass, "add --passphrase-fd 3", "Piped heron entry\nsecond line");
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = mend(&data, &pass, "list --passphrase-fd 3", "");
    let listed = text(&out.stdout);
    assert!(listed.contains("#1  Said sorry without a but"), "{listed}");
    assert!(listed.contains("#2  Piped heron entry"), "{listed}");
    assert!(listed.find("#2").unwrap() < listed.find("#1").unwrap(), "newest first");

    let out = mend(&data, &pass, "search --passphrase-fd 3 heron", "");
    let found = text(&out.stdout);
    assert!(found.contains("#2") && !found.contains("#1 "), "{found}");

    let json = root.path().join("out.json");
    let out =
        mend(&data, &pass, &format!("export --passphrase-fd 3 --json {}", json.display()), "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("not encrypted"), "the export warns");
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(exported["entries"].as_array().unwrap().len(), 2);
    assert_eq!(exported["entries"][1]["body"], "Piped heron entry\nsecond line");

    // The same vault the app opens, with what the command line wrote.
    let v = Vault::unlock(&VaultPaths::new(&data), &Passphrase::new(PASS.into())).unwrap();
    assert_eq!(v.journal().count().unwrap(), 2);
}

#[test]
fn wrong_passphrases_and_passphrase_arguments_are_refused_and_change_nothing() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    drop(Vault::create(&VaultPaths::new(&data), &Passphrase::new(PASS.into())).unwrap());
    let before = files(&data);
    let wrong = root.path().join("wrong");
    std::fs::write(&wrong, "not the passphrase\n").unwrap();

    let out = mend(&data, &wrong, "add --passphrase-fd 3 hello there", "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr).trim(), "mend: that passphrase did not open the vault");
    assert_eq!(files(&data), before, "no file changed");

    let out = mend(&data, &wrong, &format!("list --passphrase '{PASS}'"), "");
    assert_eq!(out.status.code(), Some(64));
    assert!(text(&out.stderr).contains("never taken as an argument"));

    let out = mend(&data, &wrong, "list --limit 0 --passphrase-fd 3", "");
    assert_eq!(out.status.code(), Some(64));

    let empty = root.path().join("empty");
    let out = mend(&empty, &wrong, "list --passphrase-fd 3", "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no journal here yet"));
}

/// Reads `from` on a thread until `until` has been seen (or it ends), then hands back
/// everything read so far; a later call goes on from there.
fn read_until(
    from: std::sync::mpsc::Receiver<Vec<u8>>,
    seen: &mut Vec<u8>,
    until: &str,
) -> std::sync::mpsc::Receiver<Vec<u8>> {
    let limit = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !text(seen).contains(until) {
        let left = limit.saturating_duration_since(std::time::Instant::now());
        match from.recv_timeout(left) {
            Ok(chunk) => seen.extend(chunk),
            Err(_) => break,
        }
    }
    from
}

/// The terminal (its standard input) of the `mend` process working on `data`.
fn terminal_of_mend(data: &Path) -> Option<std::path::PathBuf> {
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_mend")).unwrap();
    let want = format!("MEND_DATA_DIR={}", data.display());
    let limit = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::time::Instant::now() < limit {
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            if std::fs::read_link(entry.path().join("exe")).ok().as_ref() != Some(&exe) {
                continue;
            }
            let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
            if environ.split(|b| *b == 0).any(|v| v == want.as_bytes()) {
                return std::fs::read_link(entry.path().join("fd/0")).ok();
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    None
}

/// Whether `terminal` has echo turned off (`stty` reports `-echo`).
fn echo_is_off(terminal: &Path) -> bool {
    let out = Command::new("stty").arg("-F").arg(terminal).arg("-a").output().unwrap();
    text(&out.stdout).split_whitespace().any(|flag| flag == "-echo")
}

/// At a terminal (a pseudo-terminal made by util-linux's `script`), the passphrase is
/// asked for, typed without being echoed, and opens the vault.
#[test]
fn the_passphrase_is_asked_for_at_a_terminal_and_not_echoed() {
    use std::io::{Read, Write};
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let vault = Vault::create(&VaultPaths::new(&data), &Passphrase::new(PASS.into())).unwrap();
    vault.journal().create("Written on a quiet evening", &mend_core::SystemClock).unwrap();
    drop(vault);

    let mut child = Command::new("script")
        .args(["-qec", "\"$MEND\" list", "/dev/null"])
        .env("MEND", env!("CARGO_BIN_EXE_mend"))
        .env("MEND_DATA_DIR", &data)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux's `script` is installed");
    let mut stdout = child.stdout.take().unwrap();
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 || send.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let receive = read_until(receive, &mut seen, "Passphrase: ");
    assert!(text(&seen).contains("Passphrase: "), "the prompt shows: {:?}", text(&seen));
    // The terminal stops echoing (the prompt is printed a moment before), and only then
    // is the passphrase typed.
    let terminal = terminal_of_mend(&data).expect("mend runs on a terminal");
    let limit = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !echo_is_off(&terminal) {
        assert!(std::time::Instant::now() < limit, "the terminal still echoes at the prompt");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.stdin.as_mut().unwrap().write_all(format!("{PASS}\r").as_bytes()).unwrap();
    read_until(receive, &mut seen, "quiet evening");
    let status = child.wait().unwrap();
    let shown = text(&seen);
    assert!(status.success(), "{shown}");
    assert!(shown.contains("#1  Written on a quiet evening"), "{shown}");
    assert!(!shown.contains(PASS), "the passphrase was echoed: {shown}");
}

/// `mend` links no GUI library: a command does not wait for GTK and WebKit to load.
#[test]
fn the_command_links_no_gui_library() {
    let out = Command::new("ldd").arg(env!("CARGO_BIN_EXE_mend")).output().unwrap();
    let libs = text(&out.stdout);
    assert!(out.status.success() && libs.contains("libc.so"), "{libs}");
    for gui in ["libgtk", "libgdk", "libwebkit", "libjavascriptcore", "libsoup"] {
        assert!(!libs.contains(gui), "mend links {gui}: {libs}");
    }
}

/// Without a command, `mend` becomes the app beside it (`mend-app`), in the same process
/// and with the same arguments. A stand-in app records what it was started with.
#[test]
fn without_a_command_it_hands_over_to_the_app_beside_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mend = dir.path().join("mend");
    std::fs::copy(env!("CARGO_BIN_EXE_mend"), &mend).unwrap();
    let app = dir.path().join("mend-app");
    std::fs::write(&app, "#!/bin/sh\necho \"app $$ $*\" > \"$RECORD\"\n").unwrap();
    std::fs::set_permissions(&app, std::fs::Permissions::from_mode(0o755)).unwrap();
    let record = dir.path().join("record");
    let child = Command::new(&mend).arg("--hidden").env("RECORD", &record).spawn().unwrap();
    let pid = child.id();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&record).unwrap().trim(), format!("app {pid} --hidden"));

    // With no app beside it, it says so and fails.
    std::fs::remove_file(&app).unwrap();
    let out = Command::new(&mend).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("could not open the app"), "{}", text(&out.stderr));
}
