//! Backups, restore and imports in the real app, with the real GTK file dialogs answered
//! by keyboard: what the person would do.
use crate::harness::{answer_file_dialog, files_containing, App, PASSPHRASE};
use std::path::Path;
use std::time::Duration;

const BACKUP_PASS: &str = "copper kettle singing on a cold morning";

/// Clicks `button`, then answers the file dialog it opens with `path`.
async fn choose(app: &App, button: &str, title: &'static str, path: &Path, save: bool) {
    app.click(button).await;
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || answer_file_dialog(title, &path, save)).await.unwrap();
}

async fn open_settings(app: &App) {
    app.click("#settings").await;
    app.wait_for("#backup-passphrase").await;
}

#[tokio::test]
async fn back_up_then_restore_into_a_fresh_vault_shows_the_same_entries() {
    let app = App::start().await;
    app.create_vault().await;
    let entries = [
        "Backed-up entry one: the first honest talk in weeks",
        "Backed-up entry two: a quiet walk, no arguing",
        "Backed-up entry three: they kept the Sunday promise",
    ];
    for e in entries {
        app.write_entry(e).await;
    }
    open_settings(&app).await;
    // Without the journal's current passphrase, nothing is saved (and no dialog opens).
    app.type_into("#backup-current", "somebody else at this computer").await;
    app.type_into("#backup-passphrase", BACKUP_PASS).await;
    app.type_into("#backup-confirm", BACKUP_PASS).await;
    app.click("#backup-save").await;
    app.wait_until_text("the refusal", |t| t.contains("isn't your current passphrase")).await;
    app.type_into("#backup-current", PASSPHRASE).await;
    let out = app.working_dir().join("kept-safe.mendbackup");
    choose(&app, "#backup-save", "Save an encrypted backup", &out, true).await;
    app.wait_until_text("the backup to be saved", |t| t.contains("kept-safe.mendbackup")).await;
    app.screenshot("backup-saved").await;
    let bytes = std::fs::read(&out).expect("the backup file was written where chosen");
    assert_eq!(crate::harness::mode_of(&out), 0o600, "the backup file is owner-only");
    assert!(
        bytes.starts_with(b"age-encryption.org/v1\n-> scrypt "),
        "an age file, passphrase-encrypted"
    );
    assert!(!bytes.windows(8).any(|w| w == b"Backed-u"), "no journal text in the backup");
    // Nor anywhere else: the plaintext image never reached a file, here or in temp.
    let everywhere = app.working_dir().parent().unwrap().to_path_buf();
    let leaked = files_containing(&everywhere, b"Backed-up entry");
    assert!(leaked.is_empty(), "journal text found in {leaked:?}");
    let root = app.quit().await;
    let backup_file = root.path().join("tmp").join("kept-safe.mendbackup");

    // A fresh install: no vault. Restore from the welcome screen.
    let fresh = App::start().await;
    fresh.click("#restore-start").await;
    choose(&fresh, "#restore-choose", "Choose a backup to restore", &backup_file, false).await;
    fresh.wait_until_text("the chosen backup", |t| t.contains("kept-safe.mendbackup")).await;
    // A wrong passphrase is refused and changes nothing.
    fresh.type_into("#restore-passphrase", PASSPHRASE).await;
    fresh.click("#restore-submit").await;
    fresh.wait_for("#restore-error").await;
    assert!(!fresh.data_dir().join("mend.key").exists(), "no vault was made");
    fresh.set_value("#restore-passphrase", "").await;
    fresh.type_into("#restore-passphrase", BACKUP_PASS).await;
    fresh.screenshot("restore").await;
    fresh.click("#restore-submit").await;
    fresh.click("#recovery-skip").await;
    fresh.wait_for("#timeline").await;
    fresh.wait_until_text("the restored entries", |t| entries.iter().all(|e| t.contains(e))).await;
    fresh.screenshot("restored-timeline").await;

    // The restored journal opens with the backup's passphrase, and unlocking takes an
    // automatic backup into the data folder.
    fresh.click("#lock").await;
    fresh.unlock(BACKUP_PASS).await;
    fresh.wait_for("#timeline").await;
    let backups = fresh.data_dir().join("backups");
    let start = std::time::Instant::now();
    let automatic = loop {
        let found: Vec<_> = std::fs::read_dir(&backups)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        let done: Vec<_> = found
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "mendbackup"))
            .collect();
        if !done.is_empty() || start.elapsed() > Duration::from_secs(30) {
            break done;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(automatic.len(), 1, "one automatic backup after the unlock");
    let _ = fresh.quit().await;
}

#[tokio::test]
async fn a_jrnl_file_is_previewed_then_imported_once_and_duplicates_are_skipped() {
    let app = App::start().await;
    app.create_vault().await;
    let file = app.working_dir().join("journal.txt");
    std::fs::write(
        &file,
        "[2024-03-01 09:15] Imported morning: coffee and a plan. @calm\n\
         Wrote the list of what I owe.\n\n\
         [2024-03-02 21:40] Imported evening: we talked on the phone.\n\n\
         [2024-03-02 21:40] Imported evening: we talked on the phone.\n",
    )
    .unwrap();
    open_settings(&app).await;
    app.set_value("#import-format", "jrnlText").await;
    choose(&app, "#import-choose", "Choose what to import", &file, false).await;
    let preview = app.wait_for("#import-preview").await;
    assert_eq!(app.wait_for("#import-new").await.text().await.unwrap().trim(), "2");
    assert_eq!(app.wait_for("#import-duplicates").await.text().await.unwrap().trim(), "1");
    assert!(preview.text().await.unwrap().contains("Imported morning"));
    app.screenshot("import-preview").await;
    app.click("#import-confirm").await;
    app.wait_until_text("the import to finish", |t| t.contains("Imported 2 entries")).await;

    // The same file again: everything is already there.
    choose(&app, "#import-choose", "Choose what to import", &file, false).await;
    app.wait_for("#import-preview").await;
    assert_eq!(app.wait_for("#import-new").await.text().await.unwrap().trim(), "0");
    assert_eq!(app.wait_for("#import-duplicates").await.text().await.unwrap().trim(), "3");
    app.click("#import-cancel").await;

    // A malformed file names the line and imports nothing.
    let bad = app.working_dir().join("bad.txt");
    std::fs::write(&bad, "[2024-02-30 10:00] A day that never was.\n").unwrap();
    choose(&app, "#import-choose", "Choose what to import", &bad, false).await;
    let error = app.wait_for("#import-error").await;
    assert!(error.text().await.unwrap().contains("Line 1"), "the error names the line");

    // Export what is there as JSON: a warning and the current passphrase first (a wrong
    // one exports nothing), then the save dialog.
    app.click("#export-json").await;
    app.wait_until_text("the unencrypted warning", |t| t.contains("encrypted")).await;
    app.type_into("#export-current", "somebody else at this computer").await;
    app.click("#export-confirm").await;
    app.wait_until_text("the refusal", |t| t.contains("Nothing was exported")).await;
    app.click("#export-json").await;
    app.type_into("#export-current", PASSPHRASE).await;
    let exported = app.working_dir().join("journal-export.json");
    crate::harness::written_on_purpose(&exported);
    choose(&app, "#export-confirm", "Export as JSON (not encrypted)", &exported, true).await;
    app.wait_until_text("the export", |t| t.contains("Exported 2 entries")).await;
    assert_eq!(crate::harness::mode_of(&exported), 0o600, "the export is owner-only");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&exported).expect("the export was written")).unwrap();
    assert_eq!(json["format"], "mend-journal");
    let bodies: Vec<&str> =
        json["entries"].as_array().unwrap().iter().map(|e| e["body"].as_str().unwrap()).collect();
    assert!(bodies[0].starts_with("Imported morning") && bodies[1].starts_with("Imported evening"));

    app.click("#settings-back").await;
    app.wait_until_text("the imported entries", |t| {
        t.contains("Imported morning") && t.contains("Imported evening")
    })
    .await;
    let _ = app.quit().await;
}
