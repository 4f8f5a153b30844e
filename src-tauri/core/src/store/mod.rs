//! The SQLCipher database: opening it with the data key, the pragmas every connection
//! runs with, and the schema migrations.
//!
//! Invariants:
//! - The key is handed over in raw form, so SQLCipher runs no key derivation of its own.
//! - `journal_mode=WAL` with `synchronous=FULL`: a committed write survives power loss.
//! - `temp_store=MEMORY`: sorts and temporary tables never reach disk unencrypted.
//! - `secure_delete=ON`: deleted text is overwritten, not left in free pages.
//! - Migrations are numbered, append-only SQL files applied in one transaction each and
//!   tracked in `user_version`; an existing migration is never edited.
use crate::secret::DataKey;
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};
use std::path::Path;
use zeroize::Zeroizing;

/// Every migration, in order. Append only: never edit or reorder one that has shipped.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_entries.sql")),
    M::up(include_str!("migrations/0002_relationships.sql")),
    M::up(include_str!("migrations/0003_ledger.sql")),
    M::up(include_str!("migrations/0004_progress.sql")),
    M::up(include_str!("migrations/0005_safety.sql")),
    M::up(include_str!("migrations/0006_fts_secure_delete.sql")),
    M::up(include_str!("migrations/0007_relationship_setting.sql")),
    M::up(include_str!("migrations/0008_shares.sql")),
    M::up(include_str!("migrations/0009_share_sender_mark.sql")),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

/// The number of the newest migration: what `user_version` reads after opening.
pub fn schema_version() -> usize {
    MIGRATIONS.len()
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The key did not decrypt the file, or the file is damaged.
    #[error("the vault's data file could not be decrypted or is damaged")]
    Unreadable,
    /// The file was written by a newer Mend.
    #[error("the vault was written by a newer version of Mend")]
    TooNew,
    #[error("the vault's database reported an error")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the vault's files could not be read or written")]
    Io(#[from] std::io::Error),
    #[error("the vault's schema could not be brought up to date")]
    Migration,
    /// A database image that is damaged or is not a Mend journal.
    #[error("that does not hold a Mend journal")]
    Foreign,
}

/// Opens (or, with `create`, makes) the encrypted database and brings its schema up to date.
pub(crate) fn open(path: &Path, key: &DataKey, create: bool) -> Result<Connection, StoreError> {
    let mut conn = connect(path, key, create)?;
    migrations().to_latest(&mut conn).map_err(|_| StoreError::Migration)?;
    Ok(conn)
}

/// [`open`] without the migrations: the key proven, every pragma set, and a schema no
/// newer than this build. (The fixture vaults of older schemas are made from here.)
pub(crate) fn connect(path: &Path, key: &DataKey, create: bool) -> Result<Connection, StoreError> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    if create && !path.exists() {
        // Owner-only from the start; SQLite gives its -wal and -shm files the same mode.
        crate::files::create_private(path)?;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher's own log would print decryption failures to stderr; Mend reports them.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    conn.execute_batch(&key.pragma())?;
    // The first read proves the key: SQLCipher checks the page's HMAC here.
    let readable: Result<i64, _> =
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0));
    if readable.is_err() {
        return Err(StoreError::Unreadable);
    }
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;",
    )?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > schema_version() as i64 {
        return Err(StoreError::TooNew);
    }
    Ok(conn)
}

/// The whole database as a plaintext SQLite image, copied through an in-memory database so
/// the plaintext never reaches a file. The image carries the schema version. The search
/// index is merged first, so no leftover segment carries deleted words into a backup.
pub(crate) fn snapshot(conn: &Connection) -> Result<Zeroizing<Vec<u8>>, StoreError> {
    conn.execute_batch("INSERT INTO entry_fts (entry_fts) VALUES ('optimize')")?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    conn.execute_batch("ATTACH DATABASE ':memory:' AS snapshot KEY ''")?;
    let copied = (|| -> Result<Zeroizing<Vec<u8>>, StoreError> {
        conn.query_row("SELECT sqlcipher_export('snapshot')", [], |_| Ok(()))?;
        conn.execute_batch(&format!("PRAGMA snapshot.user_version = {version}"))?;
        let data = conn.serialize(c"snapshot")?;
        Ok(Zeroizing::new(data.to_vec()))
    })();
    conn.execute_batch("DETACH DATABASE snapshot")?;
    copied
}

/// Writes a new encrypted database at `path` from a plaintext image made by [`snapshot`],
/// after checking the image is an intact Mend database no newer than this build. On any
/// error the half-written file is removed.
pub(crate) fn restore(path: &Path, key: &DataKey, image: &[u8]) -> Result<(), StoreError> {
    let mut plain = Connection::open_in_memory()?;
    plain
        .deserialize_read_exact(rusqlite::MAIN_DB, image, image.len(), true)
        .map_err(|_| StoreError::Foreign)?;
    let check = |sql: &str| -> Result<String, StoreError> {
        plain.query_row(sql, [], |r| r.get::<_, String>(0)).map_err(|_| StoreError::Foreign)
    };
    if check("PRAGMA integrity_check")? != "ok" {
        return Err(StoreError::Foreign);
    }
    let has_entries =
        check("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'entry'")?;
    let version: i64 = plain
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| StoreError::Foreign)?;
    if has_entries != "entry" || version < 1 {
        return Err(StoreError::Foreign);
    }
    if version > schema_version() as i64 {
        return Err(StoreError::TooNew);
    }
    if path.exists() {
        return Err(StoreError::Foreign);
    }
    crate::files::create_private(path)?;
    let written = (|| -> Result<(), StoreError> {
        let target = path.to_str().ok_or(StoreError::Foreign)?;
        plain.execute(
            "ATTACH DATABASE ?1 AS vault KEY ?2",
            rusqlite::params![target, key.raw_key_literal().as_str()],
        )?;
        plain.query_row("SELECT sqlcipher_export('vault')", [], |_| Ok(()))?;
        plain.execute_batch(&format!("PRAGMA vault.user_version = {version}"))?;
        plain.execute_batch("DETACH DATABASE vault")?;
        Ok(())
    })();
    if written.is_err() {
        drop(plain);
        let _ = std::fs::remove_file(path);
    }
    written
}

/// Copies the whole database, through SQLCipher, into the empty file at `path`, encrypted
/// under `key` (a re-key). The copy is written without a journal: until the caller commits
/// to it, it is a scratch file that a crash discards. The caller syncs it.
pub(crate) fn copy_encrypted(
    conn: &Connection,
    path: &Path,
    key: &DataKey,
) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    // Everything in the WAL goes into the main file first, so nothing is left only there.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let target = path.to_str().ok_or(StoreError::Foreign)?;
    conn.execute(
        "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
        rusqlite::params![target, key.raw_key_literal().as_str()],
    )?;
    let copied = (|| -> Result<(), StoreError> {
        conn.execute_batch(
            "PRAGMA rekeyed.journal_mode = OFF;
             PRAGMA rekeyed.synchronous = OFF;",
        )?;
        conn.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
        conn.execute_batch(&format!("PRAGMA rekeyed.user_version = {version}"))?;
        Ok(())
    })();
    conn.execute_batch("DETACH DATABASE rekeyed")?;
    copied
}

/// Runs `f` all-or-nothing inside a savepoint, so it nests inside a caller's own.
pub(crate) fn atomically<T, E: From<rusqlite::Error>>(
    conn: &Connection,
    f: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    conn.execute_batch("SAVEPOINT mend")?;
    match f() {
        Ok(v) => {
            conn.execute_batch("RELEASE mend")?;
            Ok(v)
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK TO mend; RELEASE mend");
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomically_rolls_back_and_nests() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x INTEGER)").unwrap();
        let r: Result<(), rusqlite::Error> = atomically(&conn, || {
            conn.execute("INSERT INTO t VALUES (1)", [])?;
            atomically(&conn, || conn.execute("INSERT INTO t VALUES (2)", []).map(|_| ()))?;
            Err(rusqlite::Error::InvalidQuery)
        });
        assert!(r.is_err());
        let n: i64 = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "both inserts rolled back");
        atomically(&conn, || conn.execute("INSERT INTO t VALUES (3)", []).map(|_| ())).unwrap();
        let n: i64 = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }

    #[test]
    fn migrations_are_valid() {
        migrations().validate().expect("every migration applies cleanly");
    }

    #[test]
    fn migrations_reach_the_latest_version_from_empty() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v as usize, schema_version());
        let n: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'entry'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1);
    }
}
