//! The system tray, and what closing the window means.
//!
//! While any reminder is on, closing the window hides it and Mend keeps running in the
//! tray so reminders still arrive; the tray menu opens it again, locks it, or quits.
//! With no reminders on, closing the window quits, as people expect. Where the desktop
//! shows no tray (no host), the app still runs and "Quit" stays reachable from a second
//! launch's window (see the closing note).
use crate::discretion::Discretion;
use crate::locking::{lock_and_announce, LockReason};
use crate::state::AppState;
use crate::window::show_main;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime, Window, WindowEvent};

/// Passed by the login launcher: start hidden in the tray.
pub const HIDDEN_ARG: &str = "--hidden";

/// The tray's menu, worded with the name the person chose (Mend, or the neutral name).
fn menu<R: Runtime>(app: &AppHandle<R>, name: &str) -> tauri::Result<Menu<R>> {
    let open = MenuItem::with_id(app, "open", format!("Open {name}"), true, None::<&str>)?;
    let lock = MenuItem::with_id(app, "lock", "Lock", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", format!("Quit {name}"), true, None::<&str>)?;
    Menu::with_items(app, &[&open, &lock, &quit])
}

/// Shows the chosen name everywhere outside the page: the window title, the tray's
/// tooltip and menu.
pub fn apply_name<R: Runtime>(app: &AppHandle<R>) {
    let name = app.state::<Discretion>().app_name();
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(name);
    }
    if let Some(tray) = app.tray_by_id("mend") {
        let _ = tray.set_tooltip(Some(name));
        if let Ok(menu) = menu(app, name) {
            let _ = tray.set_menu(Some(menu));
        }
    }
}

pub fn install<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let name = app.state::<Discretion>().app_name();
    let mut tray = TrayIconBuilder::with_id("mend").menu(&menu(app, name)?).tooltip(name);
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.on_menu_event(|app, event| match event.id().as_ref() {
        "open" => show_main(app),
        "lock" => lock_and_announce(app, &app.state::<AppState>(), LockReason::User),
        "quit" => app.exit(0),
        _ => {}
    })
    .build(app)?;
    Ok(())
}

/// Closing the window keeps Mend running in the tray while reminders are on.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        let state = window.state::<AppState>();
        if state.scheduler.has_enabled_reminders() {
            api.prevent_close();
            let _ = window.hide();
        }
    }
}
