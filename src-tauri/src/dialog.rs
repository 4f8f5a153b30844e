//! The native file dialogs (GTK, through rfd) that choose where backups and exports go
//! and what is restored or imported, and where shares are saved and opened from.
//!
//! Invariants: every path the app reads or writes for the person comes from one of these
//! dialogs, opened here in Rust, never from the web view; a dialog closed without a choice
//! is `None`. The titles are what the person (and the end-to-end tests) see.
use crate::discretion::Discretion;
use crate::error::{CmdResult, ErrorCode, IpcError};
use chrono::NaiveDate;
use mend_core::share;
use mend_core::transfer::backup;
use mend_core::transfer::import::ImportFormat;
use mend_core::VaultPaths;
use std::path::PathBuf;
use tauri::{AppHandle, Manager, Runtime};

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

/// The name the person chose for the app (Mend, or the neutral name): file names and the
/// Markdown export's folder carry it.
pub fn app_name<R: Runtime>(app: &AppHandle<R>) -> &'static str {
    app.state::<Discretion>().app_name()
}

/// Adds the extension when the person typed a name without one.
fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}

/// Where to save a manual backup, offered as "<name> backup <today>.mendbackup".
pub fn save_backup<R: Runtime>(app: &AppHandle<R>, today: NaiveDate) -> CmdResult<Option<PathBuf>> {
    let file_name = format!("{} backup {today}.{}", app_name(app), backup::EXTENSION);
    let path = ask(app, "Save an encrypted backup", move |d| {
        Box::pin(
            d.add_filter("Encrypted backup", &[backup::EXTENSION])
                .set_file_name(file_name)
                .save_file(),
        )
    })?;
    Ok(path.map(|p| with_extension(p, backup::EXTENSION)))
}

/// A backup to restore, looked for first among the automatic ones.
pub fn open_backup<R: Runtime>(
    app: &AppHandle<R>,
    paths: &VaultPaths,
) -> CmdResult<Option<PathBuf>> {
    let automatic = paths.automatic_backups();
    ask(app, "Choose a backup to restore", move |d| {
        let d = d.add_filter("Encrypted backup", &[backup::EXTENSION]);
        Box::pin(if automatic.is_dir() { d.set_directory(automatic) } else { d }.pick_file())
    })
}

/// Where to save a JSON export, offered as "<name> journal <today>.json".
pub fn save_json<R: Runtime>(app: &AppHandle<R>, today: NaiveDate) -> CmdResult<Option<PathBuf>> {
    let file_name = format!("{} journal {today}.json", app_name(app));
    let path = ask(app, "Export as JSON (not encrypted)", move |d| {
        Box::pin(d.add_filter("JSON", &["json"]).set_file_name(file_name).save_file())
    })?;
    Ok(path.map(|p| with_extension(p, "json")))
}

/// The folder in which a Markdown export makes its own new folder.
pub fn pick_export_folder<R: Runtime>(app: &AppHandle<R>) -> CmdResult<Option<PathBuf>> {
    ask(app, "Export as Markdown (not encrypted)", |d| Box::pin(d.pick_folder()))
}

/// The file (or, for Markdown, the folder) to import in `format`.
pub fn open_import<R: Runtime>(
    app: &AppHandle<R>,
    format: ImportFormat,
) -> CmdResult<Option<PathBuf>> {
    ask(app, "Choose what to import", move |d| match format {
        ImportFormat::MarkdownFolder => Box::pin(d.pick_folder()),
        ImportFormat::JrnlText => {
            Box::pin(d.add_filter("jrnl journal", &["txt", "jrnl"]).pick_file())
        }
        _ => Box::pin(d.add_filter("JSON", &["json"]).pick_file()),
    })
}

/// Where to save a share, offered as "<name> share <today>.mendshare".
pub fn save_share<R: Runtime>(app: &AppHandle<R>, today: NaiveDate) -> CmdResult<Option<PathBuf>> {
    let file_name = format!("{} share {today}.{}", app_name(app), share::EXTENSION);
    let path = ask(app, "Save a share", move |d| {
        Box::pin(d.add_filter("Share", &[share::EXTENSION]).set_file_name(file_name).save_file())
    })?;
    Ok(path.map(|p| with_extension(p, share::EXTENSION)))
}

/// A share someone gave the person, to open.
pub fn open_share<R: Runtime>(app: &AppHandle<R>) -> CmdResult<Option<PathBuf>> {
    ask(app, "Open a share", |d| Box::pin(d.add_filter("Share", &[share::EXTENSION]).pick_file()))
}
