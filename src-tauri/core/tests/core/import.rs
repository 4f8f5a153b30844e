//! Bulk imports on real vaults: the search index is filled in bulk and finds every
//! imported entry exactly once; an import that fails part-way, or is cancelled half-way,
//! leaves the vault and its search index exactly as they were; and the index keeps
//! following new entries afterwards.
use chrono::{Duration, TimeZone, Utc};
use mend_core::search::SearchQuery;
use mend_core::transfer::import::{self, ImportBatch, ImportFormat, ImportedEntry, CHUNK};
use mend_core::transfer::TransferError;
use mend_core::{FixedClock, Passphrase, Vault, VaultPaths};
use std::ops::ControlFlow;
use std::path::Path;

const PASS: &str = "quiet lantern over the harbour wall";

fn vault(dir: &Path) -> Vault {
    Vault::create(&VaultPaths::new(dir), &Passphrase::new(PASS.into())).unwrap()
}

/// A word that appears in entry `i` of a batch and nowhere else.
fn marker(i: usize) -> String {
    format!("kestrel{i:05}")
}

/// `n` entries (more than two chunks' worth when `n` is), some tagged, one every few
/// hours from 2024, each with its own marker word and the common word "harbour".
fn batch(n: usize) -> ImportBatch {
    let start = Utc.with_ymd_and_hms(2024, 1, 1, 8, 0, 0).unwrap();
    let mut batch = ImportBatch::new(ImportFormat::JrnlText);
    batch.entries = (0..n)
        .map(|i| {
            let mut e = ImportedEntry::plain(
                start + Duration::hours(5 * i as i64),
                format!("Walked along the harbour and thought it over. {}", marker(i)),
            );
            if i % 3 == 0 {
                e.tags = vec!["walks".into(), if i % 2 == 0 { "Even" } else { "odd" }.into()];
            }
            e
        })
        .collect();
    batch
}

/// The ids of the entries a search for `text` finds (up to 500).
fn found(v: &Vault, text: &str) -> Vec<i64> {
    let q = SearchQuery { text: text.into(), limit: Some(500), ..Default::default() };
    v.search().run(&q).unwrap().hits.iter().map(|h| h.entry.id).collect()
}

/// How many rows the search index finds for `word`, and how many distinct entries.
fn indexed(v: &Vault, word: &str) -> (i64, i64) {
    v.connection()
        .query_row(
            "SELECT count(*), count(DISTINCT rowid) FROM entry_fts WHERE entry_fts MATCH ?1",
            [word],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

/// Everything an import could change, as it stands: every table's row count, the
/// schema, and what the search index holds.
fn state(v: &Vault) -> Vec<String> {
    let c = v.connection();
    let mut out = Vec::new();
    for table in ["entry", "relationship", "relationship_event", "tag", "entry_tag"] {
        let n: i64 =
            c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        out.push(format!("{table}: {n}"));
    }
    let schema: Vec<String> = c
        .prepare(
            "SELECT type || ' ' || name || ' ' || ifnull(sql, '') FROM sqlite_schema ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    out.extend(schema);
    let (rows, distinct) = indexed(v, "harbour");
    out.push(format!("indexed harbour: {rows} rows, {distinct} entries"));
    let (rows, distinct) = indexed(v, "lantern");
    out.push(format!("indexed lantern: {rows} rows, {distinct} entries"));
    out
}

/// The FTS5 index agrees with the entry table (FTS5's own check).
fn index_is_consistent(v: &Vault) {
    v.connection()
        .execute("INSERT INTO entry_fts (entry_fts, rank) VALUES ('integrity-check', 1)", [])
        .unwrap();
}

/// A vault already holding a few entries, one of them about a lantern.
fn vault_with_entries(dir: &Path) -> Vault {
    let v = vault(dir);
    let at = FixedClock::new(Utc.with_ymd_and_hms(2023, 6, 1, 9, 0, 0).unwrap());
    v.journal().create("A lantern in the window when I got home.", &at).unwrap();
    v.journal().create("Quiet evening; we talked about the harbour trip.", &at).unwrap();
    v
}

/// After an import, a new entry is still indexed as it is saved.
fn new_entries_are_still_indexed(v: &Vault) {
    let at = FixedClock::new(Utc.with_ymd_and_hms(2026, 2, 1, 9, 0, 0).unwrap());
    let e = v.journal().create("An osprey over the estuary.", &at).unwrap();
    assert_eq!(found(v, "osprey"), vec![e.id]);
}

#[test]
fn a_bulk_import_is_found_by_search_every_entry_once() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault_with_entries(dir.path());
    let n = 2 * CHUNK + 345;
    let batch = batch(n);
    let outcome = v.importer().apply(&batch).unwrap();
    assert_eq!((outcome.imported, outcome.duplicates), (n as u32, 0));
    for i in 0..n {
        assert_eq!(found(&v, &marker(i)).len(), 1, "entry {i} is found, once");
    }
    assert_eq!(indexed(&v, "harbour"), (n as i64 + 1, n as i64 + 1), "no entry indexed twice");
    assert_eq!(found(&v, "lantern").len(), 1, "what was there before is still found");
    index_is_consistent(&v);
    new_entries_are_still_indexed(&v);
    // Tags: every third entry, on one tag row per name.
    let tags = v.journal().tags().unwrap();
    let walks = tags.iter().find(|t| t.name == "walks").unwrap();
    assert_eq!(walks.count as usize, n.div_ceil(3));
    assert_eq!(tags.len(), 3);

    // Again: every entry is a duplicate, nothing is indexed twice.
    let again = v.importer().apply(&batch).unwrap();
    assert_eq!((again.imported, again.duplicates), (0, n as u32));
    assert_eq!(indexed(&v, "harbour"), (n as i64 + 1, n as i64 + 1));
    index_is_consistent(&v);
}

#[test]
fn an_import_that_fails_part_way_leaves_the_vault_and_its_index_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault_with_entries(dir.path());
    let before = state(&v);
    // A database-level failure in the second chunk, after a chunk has been written and indexed.
    let n = 2 * CHUNK + 10;
    let failing = marker(CHUNK + 500);
    v.connection()
        .execute_batch(&format!(
            "CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON entry
             WHEN new.body LIKE '%{failing}' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;"
        ))
        .unwrap();
    let mut reports = Vec::new();
    let r = v.importer().apply_with(&batch(n), |done, total| {
        reports.push((done, total));
        ControlFlow::Continue(())
    });
    assert!(matches!(r, Err(TransferError::Storage(_))), "{r:?}");
    assert_eq!(reports, vec![(0, n), (CHUNK, n)], "it failed in the second chunk");
    v.connection().execute_batch("DROP TRIGGER temp.fail_midway").unwrap();
    assert_eq!(state(&v), before);
    assert!(found(&v, &marker(0)).is_empty(), "the first chunk's entries are not found");
    index_is_consistent(&v);
    new_entries_are_still_indexed(&v);
}

#[test]
fn a_cancelled_import_leaves_the_vault_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault_with_entries(dir.path());
    let before = state(&v);
    let n = 4 * CHUNK;
    let mut reports = Vec::new();
    let outcome = v
        .importer()
        .apply_with(&batch(n), |done, total| {
            reports.push((done, total));
            if done >= total / 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .unwrap();
    assert_eq!(outcome, None, "cancelled");
    assert_eq!(reports, vec![(0, n), (CHUNK, n), (2 * CHUNK, n)]);
    assert_eq!(state(&v), before);
    assert!(found(&v, &marker(0)).is_empty());
    index_is_consistent(&v);
    new_entries_are_still_indexed(&v);

    // The same import, not cancelled, then writes everything, reporting every chunk.
    let mut reports = Vec::new();
    let outcome = v
        .importer()
        .apply_with(&batch(n), |done, total| {
            reports.push((done, total));
            ControlFlow::Continue(())
        })
        .unwrap()
        .unwrap();
    assert_eq!(outcome.imported as usize, n);
    assert_eq!(reports.last(), Some(&(n, n)));
    assert_eq!(reports.len(), n / CHUNK + 1);
    assert_eq!(found(&v, &marker(n - 1)).len(), 1);
    index_is_consistent(&v);
}

#[test]
fn a_session_cancelled_before_anything_is_written_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let v = vault_with_entries(dir.path());
    let before = state(&v);
    let file = dir.path().join("journal.txt");
    std::fs::write(&file, "[2024-05-01 09:00] A walk by the harbour.\n").unwrap();
    let session =
        import::ImportSession::read(ImportFormat::JrnlText, &file, chrono_tz::UTC).unwrap();
    assert_eq!(session.apply_with(&v, |_, _| ControlFlow::Break(())).unwrap(), None);
    assert_eq!(state(&v), before);
}
