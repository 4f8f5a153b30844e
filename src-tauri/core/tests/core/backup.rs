//! Encrypted backups on real files: a round trip reproduces every table exactly; wrong
//! passphrases, damaged or hostile files and existing vaults are refused, changing nothing.
use chrono::{Duration, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::ledger::OccurrenceStatus;
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog};
use mend_core::progress::checkins::CheckInInput;
use mend_core::relationships::RelationshipInput;
use mend_core::repeat::{Repeat, Weekday};
use mend_core::search::SearchQuery;
use mend_core::transfer::backup;
use mend_core::transfer::{TransferError, Written};
use mend_core::{EntryMeta, FixedClock, Passphrase, Vault, VaultError, VaultPaths};
use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const GOOD: &str = "quiet lantern over the harbour wall";
const BACKUP_PASS: &str = "seven herons crossing a grey estuary";
/// Tests use a cheap scrypt cost; the app uses `MANUAL_WORK_FACTOR`.
const TEST_WORK: u8 = 10;

fn pass(s: &str) -> Passphrase {
    Passphrase::new(s.to_owned())
}

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap())
}

/// A vault with something in every kind of record.
fn filled(dir: &Path) -> Vault {
    let v = Vault::create(&VaultPaths::new(dir), &pass(GOOD)).unwrap();
    let c = clock();
    let rel = v
        .relationships()
        .create(
            &RelationshipInput {
                name: "Robin".into(),
                role: Role::Decider,
                what_happened: "Money went missing from the shared account.".into(),
                happened_on: Some("2026-10-02".into()),
                breach_kind: BreachKind::Integrity,
                setting: None,
                power: None,
            },
            &c,
        )
        .unwrap()
        .id;
    for i in 0..30 {
        let meta = EntryMeta {
            relationship_id: (i % 2 == 0).then_some(rel),
            mood: Some("steady".into()),
            tags: vec![format!("week-{}", i / 7)],
            ..EntryMeta::default()
        };
        let at = FixedClock::new(
            Utc.with_ymd_and_hms(2026, 10, 1, 20, 0, 0).unwrap() + Duration::days(i),
        );
        v.journal()
            .create_with(&format!("Day {i}: a walk, then an honest talk."), &meta, &at)
            .unwrap();
    }
    let com = v
        .commitments()
        .create(
            rel,
            &CommitmentInput {
                owner: CommitmentOwner::Them,
                promise: "Share the bank statement each Sunday".into(),
                repeat: Repeat::Weekly { days: vec![Weekday::Su] },
                starts_on: "2026-10-04".into(),
                ends_on: None,
                kept_looks_like: "Statement on the table by noon".into(),
                due_time: Some("12:00".into()),
                remind: true,
                show_details: false,
            },
            &c,
        )
        .unwrap();
    let log = OccurrenceLog {
        due_on: "2026-11-15".into(),
        status: OccurrenceStatus::Kept,
        note: "On time".into(),
    };
    v.commitments()
        .log(com.id, &log, chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(), &c)
        .unwrap();
    v.progress()
        .save_check_in(
            rel,
            &CheckInInput {
                on: "2026-11-19".into(),
                answers: [("able-skills".to_owned(), 4)].into_iter().collect(),
                trust_level: Some(4),
                note: "Better this week".into(),
            },
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            &c,
        )
        .unwrap();
    v.settings().set_auto_lock_minutes(12).unwrap();
    v
}

/// Every row of every table (but SQLite's own and the search index's internals), as text.
fn dump(v: &Vault) -> BTreeMap<String, Vec<String>> {
    let conn = v.connection();
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entry_fts%' ORDER BY name",
        )
        .unwrap();
    let tables: Vec<String> =
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    tables
        .into_iter()
        .map(|t| {
            let mut q = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let n = q.column_count();
            let mut rows: Vec<String> = q
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            rows.sort();
            (t, rows)
        })
        .collect()
}

#[test]
fn a_backup_restores_every_table_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let v = filled(&dir.path().join("original"));
    let before = dump(&v);
    for t in [
        "entry",
        "relationship",
        "relationship_event",
        "commitment",
        "occurrence",
        "rating",
        "trust_level",
        "setting",
        "tag",
        "entry_tag",
    ] {
        assert!(!before[t].is_empty(), "the test vault has something in {t}");
    }
    let file = dir.path().join("journal.mendbackup");
    backup::save(&v.snapshot().unwrap(), &pass(BACKUP_PASS), TEST_WORK, &file).unwrap();
    drop(v);

    let bytes = std::fs::read(&file).unwrap();
    assert!(
        bytes.starts_with(b"age-encryption.org/v1\n-> scrypt "),
        "an age file with a passphrase"
    );
    assert!(!bytes.windows(6).any(|w| w == b"honest"), "no journal text in the file");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left: {leftovers:?}");

    let image = backup::open(&file, &pass(BACKUP_PASS)).unwrap();
    let restored_at = VaultPaths::new(dir.path().join("restored"));
    let r = Vault::restore(&restored_at, &pass(BACKUP_PASS), &image).unwrap();
    assert_eq!(dump(&r), before, "every row of every table comes back");
    let q = SearchQuery { text: "honest".into(), limit: Some(50), ..SearchQuery::default() };
    assert_eq!(r.search().run(&q).unwrap().hits.len(), 30, "search works in the restored vault");
    let ok: String = r.connection().query_row("PRAGMA integrity_check", [], |x| x.get(0)).unwrap();
    assert_eq!(ok, "ok");
    drop(r);
    // The restored vault opens with the backup's passphrase like any other.
    let again = Vault::unlock(&restored_at, &pass(BACKUP_PASS)).unwrap();
    assert_eq!(again.journal().count().unwrap(), 30);
}

#[test]
fn a_wrong_passphrase_or_a_foreign_file_is_refused_and_no_vault_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let v = filled(&dir.path().join("original"));
    let file = dir.path().join("b.mendbackup");
    backup::save(&v.snapshot().unwrap(), &pass(BACKUP_PASS), TEST_WORK, &file).unwrap();

    assert!(matches!(backup::open(&file, &pass(GOOD)), Err(TransferError::WrongPassphrase)));

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "just some words\n").unwrap();
    assert!(matches!(backup::open(&text, &pass(BACKUP_PASS)), Err(TransferError::NotABackup)));

    // Flip one byte in the encrypted payload: age's authentication catches it.
    let mut bytes = std::fs::read(&file).unwrap();
    let last = bytes.len() - 10;
    bytes[last] ^= 0x40;
    let damaged = dir.path().join("damaged.mendbackup");
    std::fs::write(&damaged, &bytes).unwrap();
    assert!(matches!(backup::open(&damaged, &pass(BACKUP_PASS)), Err(TransferError::NotABackup)));

    // An image that is not a Mend database makes no vault.
    let target = VaultPaths::new(dir.path().join("restored"));
    let err =
        Vault::restore(&target, &pass(BACKUP_PASS), b"SQLite format 3\0 nonsense").unwrap_err();
    assert!(matches!(err, VaultError::Foreign), "{err:?}");
    assert!(!target.exists() && !target.database().exists(), "nothing left behind");
}

#[test]
fn a_backup_demanding_excessive_work_is_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.mendbackup");
    let mut out = Vec::new();
    backup::encrypt(b"anything", &pass(BACKUP_PASS), TEST_WORK, &mut out).unwrap();
    // Rewrite the stanza's work factor to 2^40: refused before any key derivation runs.
    let text = String::from_utf8_lossy(&out[..80]).into_owned();
    let stanza_end = text.find("\n---").unwrap_or(text.len());
    let line = &text[..stanza_end];
    let hostile = line.replacen(&format!(" {TEST_WORK}\n"), " 40\n", 1);
    assert_ne!(line, hostile, "the work factor was rewritten");
    let mut bytes = hostile.into_bytes();
    bytes.extend_from_slice(&out[stanza_end..]);
    std::fs::write(&file, &bytes).unwrap();
    assert!(matches!(backup::open(&file, &pass(BACKUP_PASS)), Err(TransferError::TooMuchWork)));
}

#[test]
fn restoring_never_touches_an_existing_vault_and_weak_backup_passphrases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let v = filled(&dir.path().join("original"));
    let image = v.snapshot().unwrap();
    let err = Vault::restore(v.paths(), &pass(BACKUP_PASS), &image).unwrap_err();
    assert!(matches!(err, VaultError::VaultExists));
    assert_eq!(v.journal().count().unwrap(), 30);

    let file = dir.path().join("weak.mendbackup");
    let err = backup::save(&image, &pass("password1"), TEST_WORK, &file).unwrap_err();
    assert!(matches!(err, TransferError::WeakPassphrase));
    assert!(!file.exists());
}

#[test]
fn a_manual_backup_and_its_restore_are_one_call_each_after_the_checks() {
    let dir = tempfile::tempdir().unwrap();
    let v = filled(&dir.path().join("original"));
    // Before a file is chosen: the vault's current passphrase first, then the new one's strength.
    let wrong_current = v.check_backup(&pass(BACKUP_PASS), &pass(BACKUP_PASS)).unwrap_err();
    assert!(matches!(wrong_current, TransferError::Vault(VaultError::WrongPassphrase)));
    let weak = v.check_backup(&pass(GOOD), &pass("password1")).unwrap_err();
    assert!(matches!(weak, TransferError::WeakPassphrase));
    v.check_backup(&pass(GOOD), &pass(BACKUP_PASS)).unwrap();

    let file = dir.path().join("manual.mendbackup");
    let written = v.backup_to(&file, &pass(BACKUP_PASS)).unwrap();
    assert_eq!(written, Written { path: file.clone(), entries: None });
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);

    // Restoring makes a new vault only: refused where one exists, before decrypting.
    assert!(matches!(backup::check_restore_target(v.paths()), Err(TransferError::VaultExists)));
    let over = Vault::restore_from(v.paths(), &file, &pass(BACKUP_PASS)).unwrap_err();
    assert!(matches!(over, TransferError::VaultExists));
    let at = VaultPaths::new(dir.path().join("restored"));
    backup::check_restore_target(&at).unwrap();
    let wrong = Vault::restore_from(&at, &file, &pass(GOOD)).unwrap_err();
    assert!(matches!(wrong, TransferError::WrongPassphrase));
    assert!(!at.exists(), "a wrong passphrase leaves no vault behind");
    let r = Vault::restore_from(&at, &file, &pass(BACKUP_PASS)).unwrap();
    assert_eq!(dump(&r), dump(&v), "every row comes back");
}

#[test]
fn automatic_backups_keep_the_newest_n_under_names_that_record_no_time() {
    let dir = tempfile::tempdir().unwrap();
    let v = filled(&dir.path().join("vault"));
    let data = dir.path().join("vault");
    let image = v.snapshot().unwrap();
    let mut made = Vec::new();
    for _ in 0..5 {
        made.push(backup::rotate(&image, &pass(GOOD), &data, 3).unwrap().unwrap());
    }
    std::fs::write(data.join("backups").join("keep-me.txt"), "not Mend's").unwrap();
    let kept = backup::automatic_backups(&data).unwrap();
    assert_eq!(kept.len(), 3);
    let kept_paths: Vec<_> = kept.iter().map(|b| b.path.clone()).collect();
    assert_eq!(kept_paths, [made[4].clone(), made[3].clone(), made[2].clone()], "newest first");
    assert!(!made[0].exists() && !made[1].exists());
    assert!(data.join("backups").join("keep-me.txt").exists(), "other files are left alone");
    for b in &kept {
        let name = b.path.file_name().unwrap().to_str().unwrap();
        assert!(!name.chars().any(|c| c == 'T' || c == 'Z' || c == ':'), "{name}");
        assert!(!name.contains("2026") && !name.contains("2027"), "{name} records no date");
        assert_eq!(
            std::fs::metadata(&b.path).unwrap().permissions().mode() & 0o777,
            0o600,
            "{name} is owner-only"
        );
    }
    // Each opens with the vault passphrase and holds the journal.
    let image = backup::open(&kept[2].path, &pass(GOOD)).unwrap();
    let r = Vault::restore(&VaultPaths::new(dir.path().join("r")), &pass(GOOD), &image).unwrap();
    assert_eq!(r.journal().count().unwrap(), 30);

    assert_eq!(backup::rotate(&image, &pass(GOOD), &data, 0).unwrap(), None);
    assert_eq!(
        backup::automatic_backups(&data).unwrap().len(),
        3,
        "zero takes none and deletes none"
    );
}
