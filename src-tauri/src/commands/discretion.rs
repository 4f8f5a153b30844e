//! The neutral-name setting and the note of what was copied from Mend.
use crate::discretion::{Discretion, DiscretionSettings};
use crate::error::{CmdResult, ErrorCode, IpcError};
use tauri::{AppHandle, Runtime, State};

#[tauri::command(async)]
pub fn get_discretion(discretion: State<'_, Discretion>) -> DiscretionSettings {
    discretion.settings()
}

#[tauri::command(async)]
pub fn set_discretion<R: Runtime>(
    app: AppHandle<R>,
    discretion: State<'_, Discretion>,
    settings: DiscretionSettings,
) -> CmdResult<DiscretionSettings> {
    discretion
        .set(settings)
        .map_err(|_| IpcError::new(ErrorCode::Storage, "That setting could not be saved."))?;
    crate::tray::apply_name(&app);
    Ok(discretion.settings())
}

/// Text was copied from Mend: keep its SHA-256 digest (hex) to clear it at lock.
#[tauri::command(async)]
pub fn note_copied(discretion: State<'_, Discretion>, digest: String) -> CmdResult<()> {
    if discretion.note_copied(&digest) {
        Ok(())
    } else {
        Err(IpcError::new(ErrorCode::InvalidInput, "That isn't a digest Mend understands."))
    }
}
