//! Migrations from a real vault of each earlier schema version, as made by the Mend that
//! shipped it (tests/fixtures/v<N>/, made by the release of that schema and never edited).
use mend_core::journal::TimelineFilter;
use mend_core::search::SearchQuery;
use mend_core::{Passphrase, Vault, VaultPaths};
use std::path::Path;

const FIXTURE_PASSPHRASE: &str = "fixture vault passphrase for schema one";

fn copy_fixture(version: u32) -> (tempfile::TempDir, VaultPaths) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}"));
    let dir = tempfile::tempdir().unwrap();
    for f in ["mend.key", "mend.vault"] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    let paths = VaultPaths::new(dir.path());
    (dir, paths)
}

#[test]
fn a_schema_one_vault_opens_migrated_with_everything_intact() {
    let (_d, paths) = copy_fixture(1);
    let vault = Vault::unlock(&paths, &Passphrase::new(FIXTURE_PASSPHRASE.into())).unwrap();
    let version: i64 =
        vault.connection().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version as usize, mend_core::store::schema_version());

    let page = vault.journal().timeline_filtered(TimelineFilter::default(), None, 10).unwrap();
    let bodies: Vec<&str> = page.entries.iter().map(|e| e.body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "A second one, about **patience** and lanterns.",
            "The first entry, written under schema one."
        ]
    );
    assert!(page
        .entries
        .iter()
        .all(|e| e.meta.relationship_id.is_none() && e.meta.tags.is_empty()));
    assert_eq!(vault.settings().auto_lock_minutes().unwrap(), 12);

    // Entries written before search existed are in the new index.
    let found =
        vault.search().run(&SearchQuery { text: "lantern".into(), ..Default::default() }).unwrap();
    assert_eq!(found.hits.len(), 1);
    assert!(found.hits[0].snippet.contains("<mark>lanterns</mark>"));

    let ok: String =
        vault.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}
