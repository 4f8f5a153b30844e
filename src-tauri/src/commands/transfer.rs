//! Backups, exports and imports: each command checks what must be checked before a file
//! dialog, shows the dialog (see `dialog`: every path comes from a native dialog opened in
//! Rust, never from the web view), makes one core call and maps its error. The web view
//! sees only file names and counts.
//!
//! An import is read and previewed first, and the parsed session waits in `AppState`
//! (never on disk) until the person confirms or cancels it; locking forgets it.
use crate::dialog::{self, app_name};
use crate::error::{CmdResult, ErrorCode, IpcError};
use crate::local_time;
use crate::state::AppState;
use chrono::Utc;
use mend_core::transfer::backup;
use mend_core::transfer::import::{ImportFormat, ImportOutcome, ImportPreview, ImportSession};
use mend_core::transfer::{TransferError, Written};
use mend_core::{Passphrase, Vault};
use serde::Serialize;
use std::ops::ControlFlow;
use std::path::Path;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

/// Where something was written, as the person will recognise it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedTo {
    /// The file or folder name (not its whole path).
    pub name: String,
    /// How many entries went into it, for exports.
    pub entries: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AutomaticBackupView {
    pub taken_at: chrono::DateTime<Utc>,
    #[ts(type = "number")]
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupSettings {
    /// How many automatic backups are kept; 0 means none are taken.
    pub kept: u32,
    /// The automatic backups in the data folder, newest first.
    pub automatic: Vec<AutomaticBackupView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChosenBackup {
    pub name: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportChosen {
    /// The file or folder name.
    pub source: String,
    pub preview: ImportPreview,
}

/// How far a confirmed import has got: entries written (and indexed) of those to write.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

impl From<Written> for SavedTo {
    fn from(w: Written) -> Self {
        SavedTo { name: name_of(&w.path), entries: w.entries.map(|n| n as u32) }
    }
}

impl ChosenBackup {
    /// The chosen file's name and size, for the person to recognise it.
    fn of(path: &Path) -> CmdResult<Self> {
        let bytes = std::fs::metadata(path).map_err(TransferError::from)?.len();
        Ok(ChosenBackup { name: name_of(path), bytes })
    }
}

impl ImportChosen {
    /// What importing `session` into the vault would do, under the name the person chose.
    fn of(state: &AppState, session: &ImportSession) -> CmdResult<Self> {
        let preview = state.with_vault(|v| Ok(session.preview(v)?))?;
        Ok(ImportChosen { source: session.source().to_owned(), preview })
    }
}

/// Checks the vault's current passphrase before something lasting or outward (a backup
/// file, a plain export): an unlocked Mend left alone must not hand the journal out.
fn reauthenticate(state: &AppState, current: String) -> CmdResult<()> {
    let current = Passphrase::new(current);
    state.with_vault(|v| Ok(v.verify_passphrase(&current)?))
}

/// Backs the whole journal up to a file the person chooses, encrypted to `passphrase`,
/// after checking the vault's `current` passphrase and the new one's strength (before the
/// dialog, so neither costs the person a trip to it). `None` when they close the dialog.
/// Only the snapshot holds the vault; encrypting it (scrypt) happens after.
#[tauri::command(async)]
pub fn backup_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
) -> CmdResult<Option<SavedTo>> {
    let (current, passphrase) = (Passphrase::new(current), Passphrase::new(passphrase));
    state.with_vault(|v| Ok(v.check_backup(&current, &passphrase)?))?;
    let Some(path) = dialog::save_backup(&app, state.today())? else { return Ok(None) };
    let snapshot = state.with_vault(|v| Ok(v.backup_snapshot()?))?;
    Ok(Some(snapshot.save_to(&path, &passphrase)?.into()))
}

#[tauri::command(async)]
pub fn backup_settings(state: State<'_, AppState>) -> CmdResult<BackupSettings> {
    let kept = state.with_vault(|v| Ok(v.settings().backups_kept()?))?;
    let automatic = backup::automatic_backups(state.paths.dir())?
        .into_iter()
        .map(|b| AutomaticBackupView { taken_at: b.taken_at, bytes: b.bytes })
        .collect();
    Ok(BackupSettings { kept, automatic })
}

#[tauri::command(async)]
pub fn set_backups_kept(state: State<'_, AppState>, kept: u32) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.settings().set_backups_kept(kept)?))
}

/// Chooses a backup to restore (from the automatic ones' folder by default). Only where
/// no vault exists yet.
#[tauri::command(async)]
pub fn choose_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<ChosenBackup>> {
    backup::check_restore_target(&state.paths)?;
    let Some(path) = dialog::open_backup(&app, &state.paths)? else { return Ok(None) };
    let chosen = ChosenBackup::of(&path)?;
    state.choose_backup(path);
    Ok(Some(chosen))
}

/// Restores the chosen backup into a new vault, which then opens with the backup's
/// passphrase. Only where no vault exists yet.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, passphrase: String) -> CmdResult<()> {
    let chosen = state
        .chosen_backup()
        .ok_or_else(|| IpcError::new(ErrorCode::InvalidInput, "Choose a backup first."))?;
    state.install(Vault::restore_from(&state.paths, &chosen, &Passphrase::new(passphrase))?);
    Ok(())
}

/// Exports the journal as Mend JSON to a file the person chooses, after checking the
/// current passphrase. Plain text: the UI warns before calling this.
#[tauri::command(async)]
pub fn export_json<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: String,
) -> CmdResult<Option<SavedTo>> {
    reauthenticate(&state, current)?;
    let Some(path) = dialog::save_json(&app, state.today())? else { return Ok(None) };
    Ok(Some(state.with_vault(|v| Ok(v.export_json_to(&path, &state.clock)?))?.into()))
}

/// Exports one Markdown file per entry into a new folder inside the one chosen, after
/// checking the current passphrase.
#[tauri::command(async)]
pub fn export_markdown<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: String,
) -> CmdResult<Option<SavedTo>> {
    reauthenticate(&state, current)?;
    let Some(parent) = dialog::pick_export_folder(&app)? else { return Ok(None) };
    let name = app_name(&app);
    Ok(Some(state.with_vault(|v| Ok(v.export_markdown_to(&parent, name, &state.clock)?))?.into()))
}

/// Chooses a file (or folder) to import, reads it and previews what importing would do.
/// Nothing is written until [`confirm_import`].
#[tauri::command(async)]
pub fn choose_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ImportFormat,
) -> CmdResult<Option<ImportChosen>> {
    state.require_unlocked()?;
    let Some(path) = dialog::open_import(&app, format)? else { return Ok(None) };
    let session = ImportSession::read(format, &path, local_time::zone())?;
    let chosen = ImportChosen::of(&state, &session)?;
    state.hold_import(session);
    Ok(Some(chosen))
}

/// Writes the previewed import, in one transaction, telling the page how far it has got
/// through `progress` after every chunk. `None` when it was stopped ([`stop_import`] or
/// a lock): rolled back, nothing added.
#[tauri::command(async)]
pub fn confirm_import(
    state: State<'_, AppState>,
    progress: Channel<ImportProgress>,
) -> CmdResult<Option<ImportOutcome>> {
    let session = state
        .take_import()
        .ok_or_else(|| IpcError::new(ErrorCode::InvalidInput, "Choose what to import first."))?;
    let outcome = state.with_vault(|v| {
        Ok(session.apply_with(v, |done, total| {
            // Progress is only shown: a page that has gone away does not stop the import.
            let _ = progress.send(ImportProgress { done: done as u32, total: total as u32 });
            if state.import_stopped() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?)
    })?;
    if outcome.is_some() {
        state.peek(|v| {
            state.sync_reminders(v);
            Some(())
        });
    }
    Ok(outcome)
}

/// Drops a previewed import that was not confirmed.
#[tauri::command(async)]
pub fn cancel_import(state: State<'_, AppState>) {
    drop(state.take_import());
}

/// Stops the import being written: it is rolled back, and nothing is added.
#[tauri::command(async)]
pub fn stop_import(state: State<'_, AppState>) {
    state.stop_import();
}
