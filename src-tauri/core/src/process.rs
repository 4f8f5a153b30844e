//! What every Mend process does first, the app and the command line alike, and where
//! both find the vault.
//!
//! Invariants:
//! - A panic reports its place in the code only, never its message (which could hold
//!   journal text).
//! - No core dumps, for this process and everything it starts (the web view's processes
//!   inherit the limit): a crash must not write the unlocked journal to a file. Both
//!   limits are set, so no child can raise it again.
//! - Every file and folder the process creates is private to the person's account.
//! - The app and the command line agree on the data folder: `$MEND_DATA_DIR`, else the
//!   folder Tauri's `app_data_dir` gives on Linux for the app's identifier.
use std::path::PathBuf;

/// Overrides where the vault lives (tests, or people who keep it elsewhere).
pub const DATA_DIR_ENV: &str = "MEND_DATA_DIR";
/// The app's identifier (tauri.conf.json): the name of its data folder.
pub const IDENTIFIER: &str = "app.mend.journal";

/// First thing in `main`: panics report their place only, nothing is ever dumped from
/// memory to a file, and new files are owner-only.
pub fn protect() {
    install_panic_hook();
    no_core_dumps();
    private_files();
}

fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "an unknown place".into());
        eprintln!("Mend hit an internal error at {place}.");
    }));
}

fn no_core_dumps() {
    use nix::sys::resource::{setrlimit, Resource};
    if setrlimit(Resource::RLIMIT_CORE, 0, 0).is_err() {
        eprintln!("Mend could not turn off core dumps.");
    }
}

fn private_files() {
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o077));
}

/// `$MEND_DATA_DIR`, if set (and not empty).
pub fn data_dir_override() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()).map(PathBuf::from)
}

/// Where the vault lives: `$MEND_DATA_DIR`, else `$XDG_DATA_HOME/<identifier>`, else
/// `~/.local/share/<identifier>`; `None` with neither a data home nor a home.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = data_dir_override() {
        return Some(dir);
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join(IDENTIFIER))
}
