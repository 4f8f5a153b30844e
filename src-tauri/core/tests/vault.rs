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
    let (_d, paths, vault) = new_vault();
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
fn a_leftover_temporary_key_file_from_a_crash_is_harmless() {
    // A crash after writing the new key file but before the rename leaves a .tmp beside
    // the real one: the old passphrase still opens the vault, the new one does not.
    let (_d, paths, vault) = new_vault();
    let old_header = fs::read(paths.key_file()).unwrap();
    vault.change_passphrase(&pass(GOOD), &pass(OTHER)).unwrap();
    let new_header = fs::read(paths.key_file()).unwrap();
    vault.lock();
    fs::write(paths.key_file(), &old_header).unwrap();
    fs::write(paths.dir().join("mend.key.tmp"), &new_header).unwrap();
    assert!(Vault::unlock(&paths, &pass(GOOD)).is_ok());
    assert!(matches!(Vault::unlock(&paths, &pass(OTHER)), Err(VaultError::WrongPassphrase)));
}

#[test]
fn recovery_key_unlocks_and_can_be_replaced_or_removed() {
    let (_d, paths, vault) = new_vault();
    assert!(!vault.has_recovery_key().unwrap());
    let first = vault.create_recovery_key().unwrap();
    let first_text = first.expose().to_owned();
    assert!(vault.has_recovery_key().unwrap());
    vault.journal().create("reachable by recovery", &clock()).unwrap();
    vault.lock();

    let typed = RecoveryKey::parse(&first_text.to_lowercase()).unwrap();
    let vault = Vault::unlock_with_recovery_key(&paths, &typed).unwrap();
    assert_eq!(vault.journal().count().unwrap(), 1);

    let second = vault.create_recovery_key().unwrap();
    assert_ne!(second.expose(), first_text);
    vault.lock();
    let old = RecoveryKey::parse(&first_text).unwrap();
    assert!(matches!(
        Vault::unlock_with_recovery_key(&paths, &old),
        Err(VaultError::WrongRecoveryKey)
    ));
    let vault = Vault::unlock_with_recovery_key(&paths, &second).unwrap();
    // The passphrase still works alongside it.
    vault.remove_recovery_key().unwrap();
    vault.lock();
    assert!(matches!(
        Vault::unlock_with_recovery_key(&paths, &second),
        Err(VaultError::WrongRecoveryKey)
    ));
    assert!(Vault::unlock(&paths, &pass(GOOD)).is_ok());
}

#[test]
fn changing_the_passphrase_keeps_the_recovery_key() {
    let (_d, paths, vault) = new_vault();
    let rk = vault.create_recovery_key().unwrap();
    vault.change_passphrase(&pass(GOOD), &pass(OTHER)).unwrap();
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
        original.replace("\"version\": 1", "\"version\": 7"),
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
    let (_d, paths, vault) = new_vault();
    let rk = vault.create_recovery_key().unwrap();
    vault.journal().create("still here after the reset", &clock()).unwrap();
    assert!(matches!(vault.reset_passphrase(&pass(OTHER)), Err(VaultError::RecoveryRequired)));
    vault.lock();

    let vault = Vault::unlock_with_recovery_key(&paths, &rk).unwrap();
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
