//! Hooks for the end-to-end tests, compiled only with the `e2e` feature: never part of
//! a build anyone installs.

/// Saving an entry whose text contains this variable's value panics, with the whole
/// text in the panic message: the worst case, which the panic hook must keep out of the
/// logs and `AppState::with_vault` must turn into an error the window can show.
pub const PANIC_ON_ENV: &str = "MEND_E2E_PANIC_ON";

pub fn panic_if_asked(body: &str) {
    let trigger = std::env::var(PANIC_ON_ENV).unwrap_or_default();
    if !trigger.is_empty() && body.contains(&trigger) {
        panic!("asked to fail while saving {body:?}");
    }
}

/// Sends stdout to stderr when this variable is set. WebKitWebDriver starts the app with
/// stdout on /dev/null, and GLib writes its debug messages to stdout: the leak test
/// needs them in the log it scans, as a desktop session's log would have them.
pub const STDOUT_TO_STDERR_ENV: &str = "MEND_E2E_STDOUT_TO_STDERR";

pub fn stdout_to_stderr_if_asked() {
    if std::env::var_os(STDOUT_TO_STDERR_ENV).is_some() {
        let _ = nix::unistd::dup2_stdout(std::io::stderr());
    }
}

/// Names a file to which the name of every command the web view calls is appended (names
/// only, never arguments): the hostile-content test reads it to see that no injected
/// script reached a command.
pub const COMMAND_LOG_ENV: &str = "MEND_E2E_COMMAND_LOG";

pub fn record_command(command: &str) {
    use std::io::Write;
    let Some(path) = std::env::var_os(COMMAND_LOG_ENV) else { return };
    if let Ok(mut file) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
        let _ = writeln!(file, "{command}");
    }
}

/// Names a file to which the web view's spell checking is written each time it is set
/// up, as WebKit reports it back: "on" or "off", then the dictionaries it loaded.
pub const SPELLING_REPORT_ENV: &str = "MEND_E2E_SPELLING_REPORT";

pub fn report_spelling(enabled: bool, loaded: &[String]) {
    let Some(path) = std::env::var_os(SPELLING_REPORT_ENV) else { return };
    let state = if enabled { "on" } else { "off" };
    let _ = std::fs::write(path, format!("{state} {}\n", loaded.join(",")));
}
