//! A changed passphrase locks out whoever knew the old one, in the real window on the
//! real files: an old copy of `mend.key` with the old passphrase opens neither today's
//! vault nor any automatic backup, and nothing written after the change is readable under
//! the old key. Every file and folder Mend leaves is owner-only.
use crate::harness::{files_containing, marker, mode_of, App, PASSPHRASE};
use mend_core::transfer::{backup, TransferError};
use mend_core::{Passphrase, Vault, VaultError, VaultPaths};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NEXT: &str = "seven herons crossing a grey estuary";

fn pass(s: &str) -> Passphrase {
    Passphrase::new(s.to_owned())
}

/// The automatic backups in the data folder, once at least `n` are there.
fn automatic_backups(data: &Path, n: usize) -> Vec<PathBuf> {
    let start = Instant::now();
    loop {
        let found: Vec<PathBuf> = std::fs::read_dir(data.join("backups"))
            .map(|l| l.map(|e| e.unwrap().path()).filter(|p| is_automatic(p)).collect())
            .unwrap_or_default();
        if found.len() >= n {
            return found;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "{n} automatic backup(s) appeared");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn is_automatic(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(VaultPaths::is_automatic_backup_name)
}

/// Every file and folder under `dir`.
fn everything_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if out[i].is_dir() {
            let mut inner: Vec<PathBuf> =
                std::fs::read_dir(&out[i]).unwrap().map(|e| e.unwrap().path()).collect();
            out.append(&mut inner);
        }
        i += 1;
    }
    out
}

/// Whether the old key file and the old passphrase open the database file `database`.
fn old_key_opens(old_key_file: &[u8], database: &Path) -> bool {
    let probe = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(probe.path());
    std::fs::copy(database, paths.database()).unwrap();
    std::fs::write(paths.key_file(), old_key_file).unwrap();
    match Vault::unlock(&paths, &pass(PASSPHRASE)) {
        Ok(_) => true,
        Err(VaultError::Corrupt) => false,
        Err(other) => panic!("unexpected answer from the old key file: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn after_a_passphrase_change_the_old_key_file_and_passphrase_open_nothing() {
    let app = App::start().await;
    app.create_vault().await;
    let before = marker("before");
    app.write_entry(&format!("Written before the change: {before}.")).await;
    // An unlock takes an automatic backup under the passphrase of the moment.
    app.click("#lock").await;
    app.unlock(PASSPHRASE).await;
    app.wait_for("#timeline").await;
    let data = app.data_dir();
    let old_backups = automatic_backups(&data, 1);
    // What someone who knew the passphrase could have copied: the key file as it is now.
    let old_key_file = std::fs::read(data.join("mend.key")).unwrap();
    assert!(old_key_opens(&old_key_file, &data.join("mend.vault")), "the probe itself works");
    assert!(backup::open(&old_backups[0], &pass(PASSPHRASE)).is_ok(), "so does the backup probe");

    app.click("#settings").await;
    app.type_into("#change-current", PASSPHRASE).await;
    app.type_into("#change-new", NEXT).await;
    app.type_into("#change-confirm", NEXT).await;
    app.click("#change-submit").await;
    app.wait_until_text("the explanation", |t| {
        t.contains("Your passphrase has been changed") && t.contains("Mend can't reach copies")
    })
    .await;
    app.screenshot("rekey-passphrase-changed").await;
    let said = app.wait_for("#change-message").await.text().await.unwrap();
    assert!(said.contains("old passphrase no longer opens it"), "{said}");
    assert!(said.contains("automatic backup made before this was erased"), "{said}");

    app.click("#settings-back").await;
    let after = marker("after");
    app.write_entry(&format!("Written after the change: {after}.")).await;
    // The backup made under the new passphrase.
    let new_backups = automatic_backups(&data, 1);
    app.click("#lock").await;
    app.wait_for("#unlock-passphrase").await;
    let root = app.quit().await;
    let data = root.path().join("data");

    // Today's vault: the old key file with the old passphrase does not open it.
    assert!(!old_key_opens(&old_key_file, &data.join("mend.vault")));
    // Every automatic backup: none opens with the old passphrase; the old ones are gone.
    for old in &old_backups {
        assert!(!old.exists(), "{} was erased", old.display());
    }
    let backups = automatic_backups(&data, 1);
    assert_eq!(backups, new_backups);
    for b in &backups {
        assert!(
            matches!(backup::open(b, &pass(PASSPHRASE)), Err(TransferError::WrongPassphrase)),
            "{} opened with the old passphrase",
            b.display()
        );
        let image = backup::open(b, &pass(NEXT)).expect("the new backup opens with the new one");
        assert!(image.windows(before.len()).any(|w| w == before.as_bytes()));
    }
    // No file anywhere under the old key: nothing in the folder opens with it, and the new
    // entry is in no file in plain text.
    for file in everything_under(&data).into_iter().filter(|p| p.is_file()) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("mend.vault") && !name.contains('-') {
            assert!(!old_key_opens(&old_key_file, &file), "{name} opens under the old key");
        }
    }
    assert!(files_containing(&data, after.as_bytes()).is_empty(), "the new entry in plain text");

    // The new passphrase opens the vault and everything is there.
    let v = Vault::unlock(&VaultPaths::new(&data), &pass(NEXT)).unwrap();
    let bodies: Vec<String> =
        v.journal().timeline(None, 10).unwrap().entries.into_iter().map(|e| e.body).collect();
    assert!(
        bodies.iter().any(|b| b.contains(&before)) && bodies.iter().any(|b| b.contains(&after))
    );
    drop(v);

    // Owner-only: the folder and everything a real session left in it.
    for path in everything_under(&data) {
        let wanted = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode_of(&path), wanted, "{}", path.display());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_loose_data_folder_from_an_older_mend_is_made_private_at_start() {
    use std::os::unix::fs::PermissionsExt;
    let app = App::start().await;
    app.create_vault().await;
    let root = app.quit().await;
    let data = root.path().join("data");
    for path in everything_under(&data) {
        let loose = if path.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(loose)).unwrap();
    }
    let app = App::start_in(root, &[]).await;
    app.wait_for("#unlock-passphrase").await;
    for path in everything_under(&app.data_dir()) {
        let wanted = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode_of(&path), wanted, "{}", path.display());
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn making_or_removing_the_recovery_key_asks_for_the_current_passphrase() {
    let app = App::start().await;
    app.create_vault().await;
    app.click("#settings").await;
    app.click("#recovery-regenerate").await;
    // The dialog asks for the passphrase, and starts there.
    app.wait_for("#recovery-current").await;
    let focused = app.script("return document.activeElement && document.activeElement.id;").await;
    assert_eq!(focused, serde_json::json!("recovery-current"));
    app.type_into("#recovery-current", "somebody else at this computer").await;
    app.click("#recovery-confirm").await;
    app.wait_until_text("the refusal", |t| t.contains("isn't your current passphrase")).await;
    app.screenshot("rekey-recovery-refused").await;
    let key_file = app.data_dir().join("mend.key");
    let slots = std::fs::read_to_string(&key_file).unwrap();
    assert!(!slots.contains("recovery"), "a wrong passphrase made no recovery key");

    app.type_into("#recovery-current", PASSPHRASE).await;
    app.click("#recovery-confirm").await;
    let shown: String =
        app.wait_for("#recovery-key").await.text().await.unwrap().split_whitespace().collect();
    assert_eq!(shown.len(), 39);
    assert!(std::fs::read_to_string(&key_file).unwrap().contains("\"recipient\""));
    app.click("#recovery-stored").await;
    app.click("#recovery-done").await;
    app.wait_until_text("what it did", |t| t.contains("Your new recovery key is in place")).await;

    app.click("#recovery-remove").await;
    app.type_into("#recovery-current", PASSPHRASE).await;
    app.click("#recovery-confirm").await;
    app.wait_until_text("the removal", |t| t.contains("The recovery key has been removed")).await;
    assert!(!std::fs::read_to_string(&key_file).unwrap().contains("recovery"));
    app.quit().await;
}
