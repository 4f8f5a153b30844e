//! Open exports on real vaults and real files: JSON and Markdown written, read back by
//! the importers, and applied to a fresh vault give the same journal.
use chrono::{Duration, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::relationships::RelationshipInput;
use mend_core::transfer::export::{self, JournalExport};
use mend_core::transfer::import::{self, ImportFormat, ImportSession};
use mend_core::transfer::Written;
use mend_core::{Clock, EntryMeta, FixedClock, Passphrase, Vault, VaultPaths};
use std::path::Path;

const PASS: &str = "quiet lantern over the harbour wall";

fn vault(dir: &Path) -> Vault {
    Vault::create(&VaultPaths::new(dir), &Passphrase::new(PASS.into())).unwrap()
}

fn relationship(v: &Vault, name: &str) -> i64 {
    let c = FixedClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 8, 0, 0).unwrap());
    v.relationships()
        .create(
            &RelationshipInput {
                name: name.into(),
                role: Role::Repairer,
                what_happened: "I broke a promise about money.".into(),
                happened_on: Some("2025-12-20".into()),
                breach_kind: BreachKind::Integrity,
                setting: None,
                power: None,
            },
            &c,
        )
        .unwrap()
        .id
}

fn fill(v: &Vault, rel: i64) {
    for i in 0..12i64 {
        let meta = EntryMeta {
            relationship_id: (i % 3 != 0).then_some(rel),
            framework_id: (i == 4).then(|| "four-steps".to_owned()),
            step_id: (i == 4).then(|| "acknowledge".to_owned()),
            mood: (i % 2 == 0).then(|| "hopeful".to_owned()),
            tags: if i % 4 == 0 { vec!["money".into(), "sunday".into()] } else { vec![] },
        };
        let at = FixedClock::new(
            Utc.with_ymd_and_hms(2026, 1, 2, 7, 30, 15).unwrap()
                + Duration::hours(31 * i)
                + Duration::milliseconds(i * 7),
        );
        let body = format!(
            "# Day {i}\n\nSaid *sorry* and meant it: \"no excuses\".\n\n- kept: yes\n- next: call on Friday\n"
        );
        let e = v.journal().create_with(&body, &meta, &at).unwrap();
        if i == 5 {
            let later = FixedClock::new(at.now() + Duration::minutes(40));
            v.journal().update(e.id, &format!("{body}\nAdded later.\n"), &later).unwrap();
        }
    }
}

fn exported() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap())
}

fn without_time(mut e: JournalExport) -> JournalExport {
    e.exported_at = Utc.timestamp_opt(0, 0).unwrap();
    e
}

#[test]
fn json_written_to_a_file_imports_into_a_fresh_vault_identically() {
    let dir = tempfile::tempdir().unwrap();
    let a = vault(&dir.path().join("a"));
    let rel = relationship(&a, "Jo");
    fill(&a, rel);
    let first = a.export(&exported()).unwrap();
    let file = dir.path().join("journal.json");
    export::write_json(&first, &file).unwrap();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);

    let b = vault(&dir.path().join("b"));
    let batch = import::read(ImportFormat::MendJson, &file, chrono_tz::UTC).unwrap();
    let preview = b.importer().preview(&batch).unwrap();
    assert_eq!((preview.new_entries, preview.duplicates, preview.new_relationships), (12, 0, 1));
    b.importer().apply(&batch).unwrap();
    assert_eq!(without_time(b.export(&exported()).unwrap()), without_time(first));
}

#[test]
fn markdown_export_reads_back_with_the_same_entries() {
    let dir = tempfile::tempdir().unwrap();
    let a = vault(&dir.path().join("a"));
    let rel = relationship(&a, "Jo / Jordan?");
    fill(&a, rel);
    let first = a.export(&exported()).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let written = export::write_markdown(&first, &out, "Mend").unwrap();
    assert_eq!(written.files, 12);
    assert!(written.folder.join("Journal").is_dir());
    assert!(written.folder.join("Jo - Jordan").is_dir(), "the name made safe for a folder");
    // Owner-only, every folder and file of it; the folder carries the name it was given.
    use std::os::unix::fs::PermissionsExt;
    assert!(written.folder.file_name().unwrap().to_str().unwrap().starts_with("Mend export "));
    for item in walkdir::WalkDir::new(&written.folder) {
        let item = item.unwrap();
        let mode = item.metadata().unwrap().permissions().mode() & 0o777;
        let wanted = if item.file_type().is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode, wanted, "{}", item.path().display());
    }
    let neutral = export::write_markdown(&first, &out, "Notes").unwrap();
    assert!(neutral.folder.file_name().unwrap().to_str().unwrap().starts_with("Notes export "));
    // A second export never overwrites the first.
    let again = export::write_markdown(&first, &out, "Mend").unwrap();
    assert_ne!(again.folder, written.folder);

    // Into a fresh vault that knows the relationship by name.
    let b = vault(&dir.path().join("b"));
    relationship(&b, "Jo / Jordan?");
    let batch =
        import::read(ImportFormat::MarkdownFolder, &written.folder, chrono_tz::UTC).unwrap();
    let outcome = b.importer().apply(&batch).unwrap();
    assert_eq!((outcome.imported, outcome.duplicates), (12, 0));
    let mut second = b.export(&exported()).unwrap();
    let mut expected = first.clone();
    // The relationship itself is not in Markdown (only its name), so compare entries;
    // Markdown files end in a line break, so whitespace at an entry's very end is not kept.
    second.relationships.clear();
    expected.relationships.clear();
    for e in &mut expected.entries {
        e.body = e.body.trim_end().to_owned();
    }
    assert_eq!(without_time(second), without_time(expected));

    // Importing it into the vault it came from finds every entry already there.
    let outcome = a.importer().apply(&batch).unwrap();
    assert_eq!((outcome.imported, outcome.duplicates), (0, 12));
}

#[test]
fn the_app_exports_and_imports_in_one_call_each() {
    let dir = tempfile::tempdir().unwrap();
    let a = vault(&dir.path().join("a"));
    let rel = relationship(&a, "Jo");
    fill(&a, rel);
    // JSON, dated by the clock it is given.
    let file = dir.path().join("journal.json");
    let written = a.export_json_to(&file, &exported()).unwrap();
    assert_eq!(written, Written { path: file.clone(), entries: Some(12) });
    let json: JournalExport = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(json.exported_at, exported().now());
    // Markdown, into a new folder named for the app and the clock's day.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let folder = a.export_markdown_to(&out, "Notes", &exported()).unwrap();
    assert_eq!(folder.entries, Some(12));
    assert_eq!(folder.path, out.join("Notes export 2026-12-01"));

    // An import session: read (nothing written), previewed, then applied once.
    let b = vault(&dir.path().join("b"));
    let session = ImportSession::read(ImportFormat::MendJson, &file, chrono_tz::UTC).unwrap();
    assert_eq!(session.source(), "journal.json");
    let preview = session.preview(&b).unwrap();
    assert_eq!((preview.new_entries, preview.duplicates), (12, 0));
    assert_eq!(b.journal().count().unwrap(), 0, "a preview writes nothing");
    let outcome = session.apply(&b).unwrap();
    assert_eq!((outcome.imported, outcome.duplicates, outcome.new_relationships), (12, 0, 1));
    assert_eq!(without_time(b.export(&exported()).unwrap()), without_time(json));
}
