//! The suite's records: where each app's folders go, and what text the tests typed or
//! had written in plain text on purpose, for the leak scan after the suite.
use std::path::{Path, PathBuf};

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
