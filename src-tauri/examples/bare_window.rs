//! A bare Tauri 2 window built from Mend's own dependencies, showing an HTML page of one word
//! served by a custom protocol (as Mend's page is): the floor the memory benchmark
//! (`tests/e2e/memory.rs`, run by `.ci/memory`) measures Mend against. Title "Bare Tauri
//! window", 1100x760 like Mend's.
use tauri::http::Response;
use tauri::{WebviewUrl, WebviewWindowBuilder};

// One word, so the benchmark can see the page drawn under WebDriver.
const PAGE: &str =
    "<!doctype html><html><head><title>Bare</title></head><body><p id=bare>Bare</p></body></html>";

fn main() {
    let mut context = tauri::generate_context!();
    // Not Mend's window (and so not Mend's page): only the bare one below.
    context.config_mut().app.windows.clear();
    let built = tauri::Builder::default()
        .register_uri_scheme_protocol("bare", |_, _| {
            Response::builder()
                .header("Content-Type", "text/html")
                .body(PAGE.as_bytes().to_vec())
                .unwrap_or_else(|_| Response::new(Vec::new()))
        })
        .setup(|app| {
            let page = "bare://localhost/".parse().map_err(|_| "the page is not a URL")?;
            WebviewWindowBuilder::new(app, "bare", WebviewUrl::CustomProtocol(page))
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
