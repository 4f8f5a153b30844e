//! Backups, exports and imports. Every path comes from a native dialog opened here in
//! Rust, never from the web view; the web view sees only file names and counts.
//!
//! An import is read and previewed first, and the parsed batch waits here (never on disk)
//! until the person confirms or cancels it; locking forgets it.
use crate::error::{CmdResult, ErrorCode, IpcError};
use crate::state::AppState;
use chrono::Utc;
use mend_core::transfer::backup;
use mend_core::transfer::export;
use mend_core::transfer::import::{self, ImportBatch, ImportFormat, ImportOutcome, ImportPreview};
use mend_core::transfer::TransferError;
use mend_core::{Passphrase, Vault};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

/// What waits between choosing a file and acting on it.
#[derive(Default)]
pub struct Pending {
    import: Mutex<Option<ImportBatch>>,
    restore: Mutex<Option<PathBuf>>,
}

impl Pending {
    /// Drops a previewed import (journal text held in memory) when the vault locks.
    pub fn forget(&self) {
        *lock(&self.import) = None;
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

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

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A dialog's answer, still to come.
type Answer = std::pin::Pin<Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>>;

/// Shows a native file dialog and waits for the answer (`None` when the person closes
/// it). The dialog is made on the main (GTK) thread, where GTK must be used; the answer
/// is awaited on a thread of its own, as the command's thread may be an async worker.
fn ask<R: Runtime>(
    app: &AppHandle<R>,
    title: &'static str,
    build: impl FnOnce(rfd::AsyncFileDialog) -> Answer + Send + 'static,
) -> CmdResult<Option<PathBuf>> {
    let (tx, rx) = std::sync::mpsc::channel();
    app.run_on_main_thread(move || {
        let answer = build(rfd::AsyncFileDialog::new().set_title(title));
        std::thread::spawn(move || {
            let path = tauri::async_runtime::block_on(answer).map(|h| h.path().to_path_buf());
            let _ = tx.send(path);
        });
    })
    .map_err(|_| IpcError::new(ErrorCode::Internal, "The file dialog could not be shown."))?;
    rx.recv()
        .map_err(|_| IpcError::new(ErrorCode::Internal, "The file dialog closed unexpectedly."))
}

fn app_name<R: Runtime>(app: &AppHandle<R>) -> &'static str {
    app.state::<crate::discretion::Discretion>().app_name()
}

fn today() -> String {
    crate::scheduler::local_today().format("%Y-%m-%d").to_string()
}

fn require_unlocked(state: &AppState) -> CmdResult<()> {
    if state.is_unlocked() {
        Ok(())
    } else {
        Err(IpcError::locked())
    }
}

/// Checks the vault's current passphrase before something lasting or outward (a backup
/// file, a plain export): an unlocked Mend left alone must not hand the journal out.
fn reauthenticate(state: &AppState, current: String) -> CmdResult<()> {
    let current = Passphrase::new(current);
    state.with_vault(|v| Ok(v.verify_passphrase(&current)?))
}

/// Backs the whole journal up to a file the person chooses, encrypted to `passphrase`,
/// after checking the vault's `current` passphrase. `None` when they close the dialog.
#[tauri::command(async)]
pub fn backup_now<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
) -> CmdResult<Option<SavedTo>> {
    let passphrase = Passphrase::new(passphrase);
    reauthenticate(&state, current)?;
    // Before the dialog: a weak passphrase should not cost the person a trip to it.
    backup::check_passphrase(&passphrase)?;
    let file_name = format!("{} backup {}.{}", app_name(&app), today(), backup::EXTENSION);
    let Some(path) = ask(&app, "Save an encrypted backup", move |d| {
        Box::pin(
            d.add_filter("Encrypted backup", &[backup::EXTENSION])
                .set_file_name(file_name)
                .save_file(),
        )
    })?
    else {
        return Ok(None);
    };
    let path = with_extension(path, backup::EXTENSION);
    let image = state.with_vault(|v| Ok(v.snapshot()?))?;
    backup::save(&image, &passphrase, backup::MANUAL_WORK_FACTOR, &path)?;
    Ok(Some(SavedTo { name: name_of(&path), entries: None }))
}

/// Adds the extension when the person typed a name without one.
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
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

/// Takes an automatic backup (after an unlock or a re-key) off the command's thread:
/// the snapshot is taken under the vault's lock, the slow encryption outside it, all while
/// holding the backups' lock so a re-key cannot interleave. A re-key that came after this
/// was asked for makes it stand down: its passphrase may be the old one. Failures are
/// reported without detail (they carry no journal text either way). Returns whether a
/// backup will be taken (automatic backups are on).
pub fn spawn_automatic_backup<R: Runtime>(app: AppHandle<R>, passphrase: Passphrase) -> bool {
    let state = app.state::<AppState>();
    let asked_at = state.rekeys();
    let on = state.peek(|v| v.settings().backups_kept().ok()).is_some_and(|kept| kept > 0);
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let _held = state.hold_backups();
        if state.rekeys() != asked_at {
            return;
        }
        let Some((image, kept)) =
            state.peek(|v| Some((v.snapshot().ok()?, v.settings().backups_kept().ok()?)))
        else {
            return;
        };
        if let Err(e) = backup::rotate(&image, &passphrase, state.paths.dir(), kept) {
            eprintln!("Mend could not take its automatic backup: {e}");
        }
    });
    on
}

/// Chooses a backup to restore (from the automatic ones' folder by default).
#[tauri::command(async)]
pub fn choose_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pending: State<'_, Pending>,
) -> CmdResult<Option<ChosenBackup>> {
    if state.paths.exists() {
        return Err(TransferError::VaultExists.into());
    }
    let automatic = state.paths.dir().join(backup::AUTOMATIC_FOLDER);
    let Some(path) = ask(&app, "Choose a backup to restore", move |d| {
        let d = d.add_filter("Encrypted backup", &[backup::EXTENSION]);
        Box::pin(if automatic.is_dir() { d.set_directory(automatic) } else { d }.pick_file())
    })?
    else {
        return Ok(None);
    };
    let bytes = std::fs::metadata(&path).map_err(TransferError::from)?.len();
    *lock(&pending.restore) = Some(path.clone());
    Ok(Some(ChosenBackup { name: name_of(&path), bytes }))
}

/// Restores the chosen backup into a new vault, which then opens with the backup's
/// passphrase. Only where no vault exists yet.
#[tauri::command(async)]
pub fn restore_backup(
    state: State<'_, AppState>,
    pending: State<'_, Pending>,
    passphrase: String,
) -> CmdResult<()> {
    let passphrase = Passphrase::new(passphrase);
    let path = lock(&pending.restore)
        .clone()
        .ok_or_else(|| IpcError::new(ErrorCode::InvalidInput, "Choose a backup first."))?;
    if state.paths.exists() {
        return Err(TransferError::VaultExists.into());
    }
    let image = backup::open(&path, &passphrase)?;
    let vault = Vault::restore(&state.paths, &passphrase, &image)?;
    drop(image);
    *lock(&pending.restore) = None;
    state.install(vault);
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
    let file_name = format!("{} journal {}.json", app_name(&app), today());
    let Some(path) = ask(&app, "Export as JSON (not encrypted)", move |d| {
        Box::pin(d.add_filter("JSON", &["json"]).set_file_name(file_name).save_file())
    })?
    else {
        return Ok(None);
    };
    let path = with_extension(path, "json");
    let data = state.with_vault(|v| Ok(v.export(Utc::now())?))?;
    export::write_json(&data, &path)?;
    Ok(Some(SavedTo { name: name_of(&path), entries: Some(data.entries.len() as u32) }))
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
    let Some(parent) =
        ask(&app, "Export as Markdown (not encrypted)", |d| Box::pin(d.pick_folder()))?
    else {
        return Ok(None);
    };
    let data = state.with_vault(|v| Ok(v.export(Utc::now())?))?;
    let written = export::write_markdown(&data, &parent, app_name(&app))?;
    Ok(Some(SavedTo { name: name_of(&written.folder), entries: Some(written.files as u32) }))
}

/// Chooses a file (or folder) to import, reads it and previews what importing would do.
/// Nothing is written until [`confirm_import`].
#[tauri::command(async)]
pub fn choose_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pending: State<'_, Pending>,
    format: ImportFormat,
) -> CmdResult<Option<ImportChosen>> {
    require_unlocked(&state)?;
    let Some(path) = ask(&app, "Choose what to import", move |d| match format {
        ImportFormat::MarkdownFolder => Box::pin(d.pick_folder()),
        ImportFormat::JrnlText => {
            Box::pin(d.add_filter("jrnl journal", &["txt", "jrnl"]).pick_file())
        }
        _ => Box::pin(d.add_filter("JSON", &["json"]).pick_file()),
    })?
    else {
        return Ok(None);
    };
    let batch = import::read(format, &path, crate::scheduler::local_tz())?;
    let preview = state.with_vault(|v| Ok(v.importer().preview(&batch)?))?;
    *lock(&pending.import) = Some(batch);
    Ok(Some(ImportChosen { source: name_of(&path), preview }))
}

/// Writes the previewed import, in one transaction.
#[tauri::command(async)]
pub fn confirm_import(
    state: State<'_, AppState>,
    pending: State<'_, Pending>,
) -> CmdResult<ImportOutcome> {
    let batch = lock(&pending.import)
        .take()
        .ok_or_else(|| IpcError::new(ErrorCode::InvalidInput, "Choose what to import first."))?;
    let outcome = state.with_vault(|v| Ok(v.importer().apply(&batch)?))?;
    state.peek(|v| {
        state.sync_reminders(v);
        Some(())
    });
    Ok(outcome)
}

#[tauri::command(async)]
pub fn cancel_import(pending: State<'_, Pending>) {
    pending.forget();
}
