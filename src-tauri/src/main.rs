// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

//! `mend-app`: the desktop app. The `mend` command (src-tauri/cli) runs the journal's
//! commands without the GUI libraries and hands over to this binary otherwise.
fn main() {
    mend_core::process::protect();
    mend_app::run();
}
