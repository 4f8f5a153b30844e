//! The vault on a real SQLCipher file: create, unlock, wrong secrets, re-keying,
//! recovery keys, tampering, and nothing readable on disk.
use chrono::{TimeZone, Utc};
use mend_core::vault::{Header, KdfParams};
use mend_core::{FixedClock, Passphrase, RecoveryKey, Vault, VaultError, VaultPaths};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

const GOOD: &str = "quiet lantern over the harbour wall";
const OTHER: &str = "seven herons crossing a grey estuary";

fn pass(s: &str) -> Passphrase {
    Passphrase::new(s.to_owned())
}

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 1, 8, 30, 0).unwrap())
}

/// Every file in the folder with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let meta = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                (fs::read(e.path()).unwrap(), meta.modified().unwrap()),
            )
        })
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn new_vault() -> (tempfile::TempDir, VaultPaths, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path().join("vault"));
    let vault = Vault::create(&paths, &pass(GOOD)).unwrap();
    (dir, paths, vault)
}

#[test]
fn create_write_lock_unlock_reads_the_same_entries() {
    let (_d, paths, vault) = new_vault();
    let c = clock();
    let first = vault.journal().create("I said I would call and I didn't.", &c).unwrap();
    c.advance(chrono::Duration::minutes(5));
    vault.journal().create("Called today. It was hard.", &c).unwrap();
    vault.lock();

    let vault = Vault::unlock(&paths, &pass(GOOD)).unwrap();
    let page = vault.journal().timeline(None, 50).unwrap();
    let bodies: Vec<_> = page.entries.iter().map(|e| e.body.as_str()).collect();
    assert_eq!(bodies, ["Called today. It was hard.", "I said I would call and I didn't."]);
    assert_eq!(vault.journal().get(first.id).unwrap(), first);
}

#[test]
fn creating_over_an_existing_vault_is_refused_and_changes_nothing() {
    let (_d, paths, vault) = new_vault();
    vault.lock();
    let before = snapshot(paths.dir());
    assert!(matches!(Vault::create(&paths, &pass(OTHER)), Err(VaultError::VaultExists)));
    assert_eq!(snapshot(paths.dir()), before);
}

#[test]
fn weak_passphrases_are_refused_at_creation() {
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    assert!(matches!(Vault::create(&paths, &pass("password123")), Err(VaultError::WeakPassphrase)));
    assert!(!paths.exists());
    assert!(!paths.database().exists());
}

#[test]
fn wrong_passphrase_is_refused_and_no_file_changes() {
    let (_d, paths, vault) = new_vault();
    vault.journal().create("private words", &clock()).unwrap();
    vault.lock();
    let before = snapshot(paths.dir());
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(matches!(Vault::unlock(&paths, &pass(OTHER)), Err(VaultError::WrongPassphrase)));
    assert!(matches!(Vault::unlock(&paths, &pass("")), Err(VaultError::WrongPassphrase)));
    assert_eq!(snapshot(paths.dir()), before, "bytes and mtimes are untouched");
}

#[test]
fn unlocking_where_there_is_no_vault_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    assert!(matches!(Vault::unlock(&paths, &pass(GOOD)), Err(VaultError::NoVault)));
}

#[test]
fn nothing_readable_on_disk() {
    let (_d, paths, vault) = new_vault();
    let marker = "MARKER-7f3a9c-the-thing-i-never-said";
    vault.journal().create(&format!("{marker} and more"), &clock()).unwrap();
    vault.lock();
    for (name, (bytes, _)) in snapshot(paths.dir()) {
        assert!(!contains(&bytes, marker.as_bytes()), "{name} holds the text");
        assert!(!contains(&bytes, b"SQLite format 3"), "{name} is a plain SQLite file");
        assert!(!contains(&bytes, b"CREATE TABLE"), "{name} shows the schema");
    }
}

#[test]
fn change_passphrase_then_only_the_new_one_works() {
    let (_d, paths, mut vault) = new_vault();
    vault.journal().create("kept across the change", &clock()).unwrap();
    assert!(matches!(
        vault.change_passphrase(&pass(OTHER), &pass(GOOD)),
        Err(VaultError::WrongPassphrase)
    ));
    assert!(matches!(
        vault.change_passphrase(&pass(GOOD), &pass("abc")),
        Err(VaultError::WeakPassphrase)
    ));
    vault.change_passphrase(&pass(GOOD), &pass(OTHER)).unwrap();
    vault.lock();
    assert!(matches!(Vault::unlock(&paths, &pass(GOOD)), Err(VaultError::WrongPassphrase)));
    let vault = Vault::unlock(&paths, &pass(OTHER)).unwrap();
    assert_eq!(vault.journal().count().unwrap(), 1);
    assert!(!paths.dir().join("mend.key.tmp").exists());
}

#[test]
fn recovery_key_unlocks_and_can_be_replaced_or_removed() {
    let (_d, paths, mut vault) = new_vault();
    assert!(!vault.has_recovery_key().unwrap());
    assert!(matches!(vault.create_recovery_key(&pass(OTHER)), Err(VaultError::WrongPassphrase)));
    assert!(!vault.has_recovery_key().unwrap(), "a wrong passphrase makes no key");
    let first = vault.create_recovery_key(&pass(GOOD)).unwrap().recovery_key.unwrap();
    let first_text = first.expose().to_owned();
    assert!(vault.has_recovery_key().unwrap());
    vault.journal().create("reachable by recovery", &clock()).unwrap();
    vault.lock();

    let typed = RecoveryKey::parse(&first_text.to_lowercase()).unwrap();
    let mut vault = Vault::unlock_with_recovery_key(&paths, &typed).unwrap();
    assert_eq!(vault.journal().count().unwrap(), 1);

    let second = vault.create_recovery_key(&pass(GOOD)).unwrap().recovery_key.unwrap();
    assert_ne!(second.expose(), first_text);
    vault.lock();
    let old = RecoveryKey::parse(&first_text).unwrap();
    assert!(matches!(
        Vault::unlock_with_recovery_key(&paths, &old),
        Err(VaultError::WrongRecoveryKey)
    ));
    let mut vault = Vault::unlock_with_recovery_key(&paths, &second).unwrap();
    // The passphrase still works alongside it.
    assert!(matches!(vault.remove_recovery_key(&pass(OTHER)), Err(VaultError::WrongPassphrase)));
    assert!(vault.has_recovery_key().unwrap(), "a wrong passphrase removes nothing");
    vault.remove_recovery_key(&pass(GOOD)).unwrap();
    vault.lock();
    assert!(matches!(
        Vault::unlock_with_recovery_key(&paths, &second),
        Err(VaultError::WrongRecoveryKey)
    ));
    assert!(Vault::unlock(&paths, &pass(GOOD)).is_ok());
}

#[test]
fn changing_the_passphrase_keeps_the_recovery_key() {
    let (_d, paths, mut vault) = new_vault();
    let rk = vault.create_recovery_key(&pass(GOOD)).unwrap().recovery_key.unwrap();
    let rekeyed = vault.change_passphrase(&pass(GOOD), &pass(OTHER)).unwrap();
    assert!(rekeyed.recovery_key.is_none(), "the same recovery key follows the new data key");
    vault.lock();
    assert!(Vault::unlock_with_recovery_key(&paths, &rk).is_ok());
}

#[test]
fn a_tampered_key_file_is_reported_and_left_alone() {
    let (_d, paths, vault) = new_vault();
    vault.lock();
    let original = fs::read_to_string(paths.key_file()).unwrap();

    let cases = [
        original.replace("\"memoryKib\": 65536", "\"memoryKib\": 4000000000"),
        original.replace("\"iterations\": 3", "\"iterations\": 100000"),
        original.replace("mend-key", "not-mend"),
        original.replace("\"version\": 2", "\"version\": 7"),
        original.replace(
            "\"kind\": \"passphrase\",",
            "\"kind\": \"passphrase\", \"recipient\": \"age1x\",",
        ),
        original[..original.len() / 2].to_owned(),
        "\u{0}\u{1}binary".to_owned(),
    ];
    for (i, text) in cases.iter().enumerate() {
        assert_ne!(text, &original, "case {i} changes the file");
        fs::write(paths.key_file(), text).unwrap();
        let err = Vault::unlock(&paths, &pass(GOOD)).unwrap_err();
        assert!(
            matches!(err, VaultError::CorruptHeader(_) | VaultError::Unsupported(_)),
            "case {i}: {err:?}"
        );
        assert_eq!(
            fs::read_to_string(paths.key_file()).unwrap(),
            *text,
            "case {i}: file untouched"
        );
    }

    // A flipped bit in the wrapped key: indistinguishable from a wrong passphrase.
    let header = Header::parse(&original).unwrap();
    assert!(header.slot(mend_core::vault::SlotKind::Passphrase).is_some());
    let flipped = flip_in_field(&original, "wrappedKey");
    fs::write(paths.key_file(), &flipped).unwrap();
    assert!(matches!(Vault::unlock(&paths, &pass(GOOD)), Err(VaultError::WrongPassphrase)));
    assert_eq!(fs::read_to_string(paths.key_file()).unwrap(), flipped);
}

/// Changes one base64 character inside the named field.
fn flip_in_field(json: &str, field: &str) -> String {
    let start = json.find(&format!("\"{field}\": \"")).unwrap() + field.len() + 5;
    let mut bytes = json.as_bytes().to_vec();
    bytes[start + 3] = if bytes[start + 3] == b'A' { b'B' } else { b'A' };
    String::from_utf8(bytes).unwrap()
}

#[test]
fn a_damaged_database_is_reported_and_never_overwritten() {
    let (_d, paths, vault) = new_vault();
    vault.journal().create("words that matter", &clock()).unwrap();
    vault.lock();
    let mut bytes = fs::read(paths.database()).unwrap();
    for b in bytes.iter_mut().take(4096).skip(100) {
        *b ^= 0x5A;
    }
    fs::write(paths.database(), &bytes).unwrap();
    let before = snapshot(paths.dir());
    assert!(matches!(Vault::unlock(&paths, &pass(GOOD)), Err(VaultError::Corrupt)));
    assert_eq!(snapshot(paths.dir()), before);
}

#[test]
fn a_key_file_from_another_vault_does_not_open_this_one() {
    let (_d1, paths_a, a) = new_vault();
    let (_d2, paths_b, b) = new_vault();
    a.lock();
    b.lock();
    fs::copy(paths_b.key_file(), paths_a.key_file()).unwrap();
    assert!(matches!(Vault::unlock(&paths_a, &pass(GOOD)), Err(VaultError::Corrupt)));
}

#[test]
fn kdf_parameters_are_at_least_rfc9106_second_option() {
    let (_d, paths, vault) = new_vault();
    vault.lock();
    let text = fs::read_to_string(paths.key_file()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let kdf = &v["slots"][0]["kdf"];
    assert_eq!(kdf["algorithm"], "argon2id");
    assert!(kdf["memoryKib"].as_u64().unwrap() >= 65536);
    assert!(kdf["iterations"].as_u64().unwrap() >= 3);
    assert_eq!(KdfParams::RFC9106_SECOND.memory_kib, 65536);
}

#[test]
fn wal_and_full_sync_are_on() {
    let (_d, _paths, vault) = new_vault();
    let conn = vault.connection();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    let temp: i64 = conn.query_row("PRAGMA temp_store", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "FULL");
    assert_eq!(temp, 2, "MEMORY");
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn reopening_an_up_to_date_vault_keeps_the_schema_version() {
    let (_d, paths, vault) = new_vault();
    let v1: i64 = vault.connection().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v1 as usize, mend_core::store::schema_version());
    vault.lock();
    let vault = Vault::unlock(&paths, &pass(GOOD)).unwrap();
    let v2: i64 = vault.connection().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v1, v2);
}

#[test]
fn a_vault_from_a_newer_mend_is_refused_untouched() {
    let (_d, paths, vault) = new_vault();
    vault.connection().execute_batch("PRAGMA user_version = 999").unwrap();
    vault.lock();
    assert!(matches!(Vault::unlock(&paths, &pass(GOOD)), Err(VaultError::Unsupported(_))));
}

#[test]
fn a_forgotten_passphrase_can_be_reset_only_after_a_recovery_unlock() {
    let (_d, paths, mut vault) = new_vault();
    let rk = vault.create_recovery_key(&pass(GOOD)).unwrap().recovery_key.unwrap();
    vault.journal().create("still here after the reset", &clock()).unwrap();
    assert!(matches!(vault.reset_passphrase(&pass(OTHER)), Err(VaultError::RecoveryRequired)));
    vault.lock();

    let mut vault = Vault::unlock_with_recovery_key(&paths, &rk).unwrap();
    assert!(vault.opened_with_recovery_key());
    assert!(matches!(vault.reset_passphrase(&pass("abc")), Err(VaultError::WeakPassphrase)));
    vault.reset_passphrase(&pass(OTHER)).unwrap();
    vault.lock();

    assert!(matches!(Vault::unlock(&paths, &pass(GOOD)), Err(VaultError::WrongPassphrase)));
    let vault = Vault::unlock(&paths, &pass(OTHER)).unwrap();
    assert!(!vault.opened_with_recovery_key());
    assert_eq!(vault.journal().count().unwrap(), 1);
    vault.lock();
    assert!(Vault::unlock_with_recovery_key(&paths, &rk).is_ok(), "the recovery key still works");
}

/// The files a re-key is judged by: a copy of the data folder as it was.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Today's database with yesterday's key file: what someone holding an old copy of
/// `mend.key` (and the passphrase it was sealed with) could try.
fn opens_with_old_key_file(paths: &VaultPaths, old_key_file: &[u8], old: &str) -> bool {
    let probe = tempfile::tempdir().unwrap();
    let probe_paths = VaultPaths::new(probe.path());
    fs::copy(paths.database(), probe_paths.database()).unwrap();
    fs::write(probe_paths.key_file(), old_key_file).unwrap();
    match Vault::unlock(&probe_paths, &pass(old)) {
        Ok(_) => true,
        Err(VaultError::Corrupt) => false,
        Err(other) => panic!("unexpected: {other:?}"),
    }
}

#[test]
fn every_credential_change_moves_the_journal_to_a_new_data_key() {
    let (_d, paths, mut vault) = new_vault();
    vault.journal().create("written before", &clock()).unwrap();
    let before = fs::read(paths.key_file()).unwrap();
    assert!(opens_with_old_key_file(&paths, &before, GOOD), "the probe itself works");

    let rk = vault.create_recovery_key(&pass(GOOD)).unwrap().recovery_key.unwrap();
    assert!(!opens_with_old_key_file(&paths, &before, GOOD), "after making a recovery key");
    let with_recovery = fs::read(paths.key_file()).unwrap();

    let rekeyed = vault.change_passphrase(&pass(GOOD), &pass(OTHER)).unwrap();
    assert!(rekeyed.recovery_key.is_none());
    vault.journal().create("written after the change", &clock()).unwrap();
    assert!(!opens_with_old_key_file(&paths, &with_recovery, GOOD), "after changing it");
    let changed = fs::read(paths.key_file()).unwrap();

    vault.remove_recovery_key(&pass(OTHER)).unwrap();
    assert!(!opens_with_old_key_file(&paths, &changed, OTHER), "after removing the key");
    vault.lock();
    assert!(matches!(
        Vault::unlock_with_recovery_key(&paths, &rk),
        Err(VaultError::WrongRecoveryKey)
    ));

    let mut vault = Vault::unlock(&paths, &pass(OTHER)).unwrap();
    let rk = vault.create_recovery_key(&pass(OTHER)).unwrap().recovery_key.unwrap();
    vault.lock();
    let before_reset = fs::read(paths.key_file()).unwrap();
    let mut vault = Vault::unlock_with_recovery_key(&paths, &rk).unwrap();
    vault.reset_passphrase(&pass(GOOD)).unwrap();
    assert!(!opens_with_old_key_file(&paths, &before_reset, OTHER), "after a reset");

    // Everything written is still there, search included, and nothing was left behind.
    let bodies: Vec<_> =
        vault.journal().timeline(None, 10).unwrap().entries.into_iter().map(|e| e.body).collect();
    assert_eq!(bodies, ["written after the change", "written before"]);
    let hits = vault
        .search()
        .run(&mend_core::search::SearchQuery { text: "change".into(), ..Default::default() })
        .unwrap();
    assert_eq!(hits.hits.len(), 1);
    let integrity: String =
        vault.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let mut names: Vec<_> = snapshot(paths.dir()).into_keys().collect();
    names.retain(|n| !n.ends_with("-wal") && !n.ends_with("-shm"));
    assert_eq!(names, ["mend.key", "mend.lock", "mend.vault"]);
}

#[test]
fn a_wrong_current_passphrase_changes_no_file() {
    let (_d, paths, mut vault) = new_vault();
    vault.journal().create("untouched", &clock()).unwrap();
    vault.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    let before = snapshot(paths.dir());
    assert!(matches!(
        vault.change_passphrase(&pass(OTHER), &pass(GOOD)),
        Err(VaultError::WrongPassphrase)
    ));
    assert!(matches!(vault.create_recovery_key(&pass(OTHER)), Err(VaultError::WrongPassphrase)));
    assert!(matches!(vault.verify_passphrase(&pass(OTHER)), Err(VaultError::WrongPassphrase)));
    vault.verify_passphrase(&pass(GOOD)).unwrap();
    assert_eq!(snapshot(paths.dir()), before);
}

/// The state a crash leaves right after a re-key's commit point: the new database and key
/// file staged beside the old ones (made by re-keying a copy, then laid beside them).
fn staged_after_commit(paths: &VaultPaths) {
    let copy = tempfile::tempdir().unwrap();
    let copy_paths = VaultPaths::new(copy.path());
    copy_dir(paths.dir(), copy.path());
    let mut v = Vault::unlock(&copy_paths, &pass(GOOD)).unwrap();
    v.change_passphrase(&pass(GOOD), &pass(OTHER)).unwrap();
    v.lock();
    fs::copy(copy_paths.database(), paths.staged_database()).unwrap();
    fs::copy(copy_paths.key_file(), paths.staged_key_file()).unwrap();
}

#[test]
fn a_rekey_interrupted_before_its_commit_point_is_discarded() {
    let (_d, paths, vault) = new_vault();
    vault.journal().create("kept", &clock()).unwrap();
    vault.lock();
    staged_after_commit(&paths);
    // Before the commit point there is no staged key file: only a staged database (and
    // perhaps the key file's temporary).
    fs::rename(paths.staged_key_file(), paths.dir().join("mend.key.next.tmp")).unwrap();
    assert!(matches!(Vault::unlock(&paths, &pass(OTHER)), Err(VaultError::WrongPassphrase)));
    let v = Vault::unlock(&paths, &pass(GOOD)).unwrap();
    assert_eq!(v.journal().count().unwrap(), 1);
    assert!(!paths.staged_database().exists());
    assert!(!paths.dir().join("mend.key.next.tmp").exists());
}

#[test]
fn a_rekey_interrupted_after_its_commit_point_is_finished_by_the_next_unlock() {
    for swapped_database in [false, true] {
        let (_d, paths, vault) = new_vault();
        vault.journal().create("kept", &clock()).unwrap();
        vault.lock();
        let backups = paths.automatic_backups();
        fs::create_dir_all(&backups).unwrap();
        fs::write(backups.join("auto-0011223344556677.mendbackup"), b"under the old key").unwrap();
        fs::write(backups.join("mine.mendbackup"), b"not automatic").unwrap();
        let old_key_file = fs::read(paths.key_file()).unwrap();
        staged_after_commit(&paths);
        if swapped_database {
            // The crash came after the database's rename, before the key file's.
            fs::rename(paths.staged_database(), paths.database()).unwrap();
        }
        assert!(paths.exists());
        assert!(matches!(Vault::unlock(&paths, &pass(GOOD)), Err(VaultError::WrongPassphrase)));
        let v = Vault::unlock(&paths, &pass(OTHER)).unwrap();
        assert_eq!(v.journal().count().unwrap(), 1);
        assert!(!paths.staged_database().exists() && !paths.staged_key_file().exists());
        assert!(!opens_with_old_key_file(&paths, &old_key_file, GOOD));
        assert!(!backups.join("auto-0011223344556677.mendbackup").exists());
        assert!(backups.join("mine.mendbackup").exists(), "only automatic backups go");
    }
}

#[test]
fn the_vault_files_are_owner_only_and_a_loose_folder_is_tightened() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let (_d, paths, mut vault) = new_vault();
    vault.journal().create("private", &clock()).unwrap();
    vault.change_passphrase(&pass(GOOD), &pass(OTHER)).unwrap();
    vault.journal().create("still private", &clock()).unwrap();
    assert_eq!(mode(paths.dir()), 0o700);
    for (name, _) in snapshot(paths.dir()) {
        assert_eq!(mode(&paths.dir().join(&name)), 0o600, "{name}");
    }
    vault.lock();
    fs::set_permissions(paths.dir(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(paths.key_file(), fs::Permissions::from_mode(0o644)).unwrap();
    paths.make_private().unwrap();
    assert_eq!(mode(paths.dir()), 0o700);
    assert_eq!(mode(&paths.key_file()), 0o600);
}

#[test]
fn deleted_and_edited_words_leave_the_search_index_and_backups() {
    let (_d, _paths, vault) = new_vault();
    let c = clock();
    let j = vault.journal();
    let gone = j.create("the quokkaflute evening stays between us", &c).unwrap();
    let edited = j.create("a marimbazest morning", &c).unwrap();
    j.create("an ordinary kept entry", &c).unwrap();
    j.delete(gone.id).unwrap();
    j.update(edited.id, "a quiet morning", &c).unwrap();
    let image = vault.snapshot().unwrap();
    for word in [&b"quokkaflute"[..], b"marimbazest"] {
        assert!(
            !contains(&image, word),
            "{} is still in the plaintext image",
            String::from_utf8_lossy(word)
        );
    }
    assert!(contains(&image, b"ordinary"), "the probe can see words that are there");
}
