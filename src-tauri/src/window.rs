//! The main window, brought forward from wherever Mend is asked to show itself: the tray,
//! a clicked notification, a second launch.
use tauri::{AppHandle, Manager, Runtime};

/// Shows, restores and focuses the main window (if it exists).
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}
