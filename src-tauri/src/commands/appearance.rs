//! Theme, text size, motion and spelling: read before the unlock screen is drawn, and
//! changed from Settings whether or not the vault is unlocked.
use crate::appearance::{AppearanceState, AppearanceView};
use crate::error::{CmdResult, ErrorCode, IpcError};
use mend_core::appearance::Appearance;
use tauri::{AppHandle, Manager, Runtime, State};

#[tauri::command(async)]
pub fn get_appearance(state: State<'_, AppearanceState>) -> AppearanceView {
    state.view()
}

#[tauri::command(async)]
pub fn set_appearance<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppearanceState>,
    appearance: Appearance,
) -> CmdResult<AppearanceView> {
    state.set(appearance).map_err(|m| IpcError::new(ErrorCode::InvalidInput, m))?;
    if let Some(window) = app.get_webview_window("main") {
        crate::webview::apply_spelling(&window, state.spelling());
    }
    Ok(state.view())
}
