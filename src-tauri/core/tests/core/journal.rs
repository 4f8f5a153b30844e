//! The journal on a real vault: editing, deleting, limits and timeline pagination.
use chrono::{Duration, TimeZone, Utc};
use mend_core::journal::MAX_BODY_BYTES;
use mend_core::vault::KdfParams;
use mend_core::{FixedClock, JournalError, Passphrase, Vault, VaultPaths};
use rand_core::OsRng;

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    let pass = Passphrase::new("quiet lantern over the harbour wall".into());
    let v = Vault::create_with(&paths, &pass, KdfParams::RFC9106_SECOND, &mut OsRng).unwrap();
    (dir, v)
}

#[test]
fn edit_changes_text_and_updated_time_only() {
    let (_d, v) = vault();
    let c = FixedClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap());
    let e = v.journal().create("first draft", &c).unwrap();
    c.advance(Duration::hours(2));
    let edited = v.journal().update(e.id, "second thoughts", &c).unwrap();
    assert_eq!(edited.body, "second thoughts");
    assert_eq!(edited.created_at, e.created_at);
    assert_eq!(edited.updated_at, e.created_at + Duration::hours(2));
}

#[test]
fn delete_removes_and_missing_ids_say_not_found() {
    let (_d, v) = vault();
    let c = FixedClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap());
    let e = v.journal().create("to be removed", &c).unwrap();
    v.journal().delete(e.id).unwrap();
    assert!(matches!(v.journal().get(e.id), Err(JournalError::NotFound)));
    assert!(matches!(v.journal().delete(e.id), Err(JournalError::NotFound)));
    assert!(matches!(v.journal().update(e.id, "x", &c), Err(JournalError::NotFound)));
}

#[test]
fn empty_and_oversized_entries_are_refused_without_saving() {
    let (_d, v) = vault();
    let c = FixedClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap());
    assert!(matches!(v.journal().create("   \n ", &c), Err(JournalError::Empty)));
    let huge = "a".repeat(MAX_BODY_BYTES + 1);
    assert!(matches!(v.journal().create(&huge, &c), Err(JournalError::TooLong)));
    let e = v.journal().create("short", &c).unwrap();
    assert!(matches!(v.journal().update(e.id, &huge, &c), Err(JournalError::TooLong)));
    assert_eq!(v.journal().get(e.id).unwrap().body, "short");
    assert_eq!(v.journal().count().unwrap(), 1);
}

#[test]
fn timeline_pages_cover_every_entry_once_newest_first() {
    let (_d, v) = vault();
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    // Several entries share a timestamp, so the id breaks ties.
    let bodies: Vec<String> = (0..237).map(|i| format!("entry {i}")).collect();
    v.journal()
        .insert_many(
            bodies
                .iter()
                .enumerate()
                .map(|(i, b)| (b.as_str(), start + Duration::minutes((i / 3) as i64))),
        )
        .unwrap();
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = v.journal().timeline(cursor, 50).unwrap();
        assert!(page.entries.len() <= 50);
        seen.extend(page.entries.iter().map(|e| (e.created_at, e.id)));
        match page.next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(seen.len(), 237);
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted, "strictly newest first, no repeats");
    sorted.dedup();
    assert_eq!(sorted.len(), 237);
}

#[test]
fn timeline_renders_markdown_safely() {
    let (_d, v) = vault();
    let c = FixedClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap());
    v.journal().create("**held** <script>window.pwned=1</script>", &c).unwrap();
    let page = v.journal().timeline(None, 10).unwrap();
    let html = &page.entries[0].html;
    assert!(html.contains("<strong>held</strong>"));
    assert!(!html.contains("<script"));
}
