//! A bare Tauri 2 window built from Mend's own dependencies, showing an empty page: the
//! floor the memory benchmark (`tests/e2e/memory.rs`, run by `.ci/memory`) measures Mend
//! against. Title "Bare Tauri window", 1100x760 like Mend's.
use tauri::{WebviewUrl, WebviewWindowBuilder};

fn main() {
    let mut context = tauri::generate_context!();
    // Not Mend's window (and so not Mend's page): only the bare one below.
    context.config_mut().app.windows.clear();
    let built = tauri::Builder::default()
        .setup(|app| {
            let blank = "about:blank".parse().map_err(|_| "about:blank is not a URL")?;
            WebviewWindowBuilder::new(app, "bare", WebviewUrl::External(blank))
                .title("Bare Tauri window")
                .inner_size(1100.0, 760.0)
                .build()?;
            Ok(())
        })
        .build(context);
    match built {
        Ok(app) => app.run(|_, _| {}),
        Err(e) => eprintln!("the bare window could not start: {e}"),
    }
}
