//! The fixture vaults of the migration tests: `tests/fixtures/v<N>/` is a vault (key file
//! and database) whose schema stopped at migration N, with rows in every table that
//! version has. `tests/core/migrations.rs` opens each one, which migrates it to the latest
//! schema, and checks every row survived.
//!
//! A fixture is made once, when its migration ships, and never edited afterwards: it
//! stands for the files that release left on people's disks. To make the one for a new
//! migration N: add `tests/fixtures/seeds/000N.sql` (rows for the tables it adds or
//! changes, listed in [`SEEDS`]), its key format to [`KEY_FORMAT`], its passphrase to the
//! migration tests, then run
//!
//! ```text
//! MEND_FIXTURE_VERSION=N cargo test -p mend-core --lib vault::fixtures -- --ignored
//! ```
//!
//! It refuses to replace a fixture that exists. The tests below fail until every schema
//! has its seed, key format and fixture.
//!
//! How a vault of schema N is made: a fresh data key sealed under the fixture passphrase
//! of N (Argon2id at the floor, as every release wrote), a database opened with that key
//! and taken through migrations 1 to N one at a time, the rows of seed K inserted right
//! after migration K (so each is written in the shape its release gave the tables), and
//! the key file written in the format that release wrote ([`KEY_FORMAT`]). `v1` predates
//! this generator: it was made by the first release itself.
use super::header::{Header, KdfParams, Slot, SlotKind};
use crate::secret::DataKey;
use crate::store;
use rand_core::OsRng;
use std::path::{Path, PathBuf};

/// The rows each migration's tables get, by migration (index 0 is migration 1).
const SEEDS: &[&str] = &[
    include_str!("../../tests/fixtures/seeds/0001.sql"),
    include_str!("../../tests/fixtures/seeds/0002.sql"),
    include_str!("../../tests/fixtures/seeds/0003.sql"),
    include_str!("../../tests/fixtures/seeds/0004.sql"),
    include_str!("../../tests/fixtures/seeds/0005.sql"),
    include_str!("../../tests/fixtures/seeds/0006.sql"),
    include_str!("../../tests/fixtures/seeds/0007.sql"),
    include_str!("../../tests/fixtures/seeds/0008.sql"),
    include_str!("../../tests/fixtures/seeds/0009.sql"),
];

/// The key file format each schema's release wrote, by schema (index 0 is schema 1):
/// format 2 (recovery slots sealed to a public key) came with migration 6.
const KEY_FORMAT: &[u32] = &[1, 1, 1, 1, 1, 2, 2, 2, 2];

/// The passphrase of the fixture of schema `version` (tests/core/migrations.rs knows them).
fn passphrase(version: usize) -> String {
    let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    format!("fixture vault passphrase for schema {}", words[version - 1])
}

fn fixture_dir(version: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}"))
}

/// Writes a vault of schema `version` into the empty folder `dir`.
fn make(dir: &Path, version: usize) {
    let key = DataKey::generate(&mut OsRng);
    let secret = passphrase(version);
    let slot = Slot::seal(
        SlotKind::Passphrase,
        KdfParams::RFC9106_SECOND,
        secret.as_bytes(),
        &key,
        &mut OsRng,
    )
    .unwrap();
    let paths = super::VaultPaths::new(dir);
    let mut conn = store::connect(&paths.database(), &key, true).unwrap();
    for (done, seed) in SEEDS.iter().enumerate().take(version) {
        store::migrations().to_version(&mut conn, done + 1).unwrap();
        conn.execute_batch(seed).unwrap_or_else(|e| panic!("seed {}: {e}", done + 1));
    }
    // Everything into the main file, so the vault is its two files alone.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    conn.close().map_err(|(_, e)| e).unwrap();
    let header = Header::new(slot).in_format(KEY_FORMAT[version - 1]);
    std::fs::write(paths.key_file(), serde_json::to_string_pretty(&header).unwrap()).unwrap();
}

#[test]
#[ignore = "writes tests/fixtures/v<N>: run by hand when migration N ships (see the module docs)"]
fn make_the_fixture_vault_of_a_new_schema() {
    let version: usize = std::env::var("MEND_FIXTURE_VERSION")
        .expect("set MEND_FIXTURE_VERSION to the schema version to make")
        .parse()
        .expect("MEND_FIXTURE_VERSION is a number");
    assert!((1..=store::schema_version()).contains(&version), "no schema {version}");
    let dir = fixture_dir(version);
    assert!(!dir.exists(), "{} exists, and a fixture is never edited", dir.display());
    // Made beside its place, then moved in whole.
    let parent = dir.parent().unwrap();
    let scratch = tempfile::tempdir_in(parent).unwrap();
    make(scratch.path(), version);
    for name in std::fs::read_dir(scratch.path()).unwrap() {
        let name = name.unwrap().file_name();
        assert!(
            name == super::VaultPaths::DATABASE || name == super::VaultPaths::KEY_FILE,
            "a stray file: {name:?}"
        );
    }
    std::fs::rename(scratch.keep(), &dir).unwrap();
}

#[test]
fn every_schema_has_its_rows_its_key_format_and_its_fixture() {
    assert_eq!(SEEDS.len(), store::schema_version(), "each migration adds its rows (seeds/)");
    assert_eq!(KEY_FORMAT.len(), store::schema_version());
    assert_eq!(KEY_FORMAT.last(), Some(&super::header::VERSION));
    for version in 1..=store::schema_version() {
        let dir = fixture_dir(version);
        for file in [super::VaultPaths::DATABASE, super::VaultPaths::KEY_FILE] {
            assert!(
                dir.join(file).is_file(),
                "no {file} in {}: make it (see the module docs)",
                dir.display()
            );
        }
    }
}

#[test]
fn the_generator_makes_a_vault_of_every_schema_that_opens() {
    // The seeds stay valid for their schema, and what is made opens (on scratch copies).
    for version in 1..=store::schema_version() {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path(), version);
        let paths = super::VaultPaths::new(dir.path());
        let header = Header::read(&paths.key_file()).unwrap();
        assert_eq!(serde_json::to_value(&header).unwrap()["version"], KEY_FORMAT[version - 1]);
        let vault =
            super::Vault::unlock(&paths, &crate::Passphrase::new(passphrase(version))).unwrap();
        assert_eq!(vault.journal().count().unwrap(), if version == 1 { 2 } else { 3 });
    }
}
