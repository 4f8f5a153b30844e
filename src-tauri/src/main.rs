// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    mend_app::protect_process();
    // `mend add …`, `mend list`, …: the command line; anything else opens the app.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(code) = mend_app::cli::run(&args) {
        std::process::exit(code);
    }
    mend_app::run();
}
