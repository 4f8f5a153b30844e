//! `mend`: with a command (`mend add …`, `mend list`, …), the journal from a terminal;
//! without one, it hands over to the app, `mend-app`, installed beside it.
//!
//! Invariants:
//! - This binary links no GUI library (checked by the package test with `ldd`): a command
//!   starts in milliseconds, not after GTK and WebKit are loaded.
//! - It protects itself as the app does (`mend_core::process::protect`) before anything.
mod commands;

use std::os::unix::process::CommandExt;

/// The app's binary, next to this one (in the package and in a cargo target folder).
const APP: &str = "mend-app";

fn main() {
    mend_core::process::protect();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = commands::run(&args) {
        std::process::exit(code);
    }
    // Not a command: open the app, in this very process (same id, same arguments).
    let app = match std::env::current_exe() {
        Ok(me) => me.with_file_name(APP),
        Err(_) => std::path::PathBuf::from(APP),
    };
    let failed = std::process::Command::new(&app).args(&args).exec();
    eprintln!("mend: could not open the app ({}): {failed}", app.display());
    std::process::exit(1);
}
