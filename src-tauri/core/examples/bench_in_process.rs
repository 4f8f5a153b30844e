//! The in-process half of `benches/cli_vs_sqlite.sh`: what encryption costs once the
//! process has started, apart from process start-up and apart from the key derivation.
//!
//! Both sides use the same SQLite library (the SQLCipher that mend-core links) and run the
//! same SQL, copied from mend-core (`journal::ENTRY_COLUMNS`, `Journal::timeline`,
//! `Journal::create`, `Search::run`) and checked here to return the same entries as the core
//! API. The encrypted side is the vault's own connection (opened by `Vault::unlock`, with
//! its pragmas); the plain side is the `bench_seed` copy opened with the same pragmas and no
//! key. So the ratio is SQLCipher's page encryption (AES-256-CBC plus an HMAC-SHA512 per
//! 4 KiB page) and the 80 bytes it reserves in each page for them (the vault file is about
//! 15% larger than the plain copy), nothing else.
//!
//! Unlocking: Argon2id alone is timed as an unlock with a wrong passphrase (the key file is
//! read, the KDF runs, the slot's tag check fails, nothing opens); a whole `Vault::unlock`
//! against opening the plain copy with the same statements; and, since the vault's key
//! never leaves mend-core, opening an encrypted twin (the plain copy exported under a
//! throwaway raw key, in a temporary folder) the way `store::open` opens the vault.
//!
//! "warm": the page cache already holds the pages (decrypted), as for a repeated query in
//! the app. "cold": `PRAGMA shrink_memory` empties the page cache before each timed run, so
//! every page is read again from the OS file cache and (on the vault) decrypted, as in a
//! fresh `mend` process.
//!
//! Run: `cargo run --release -p mend-core --example bench_in_process -- <data-dir>
//! <plain.sqlite> <runs>` with the passphrase as the first line of standard input. It adds
//! a few entries to both databases. Prints table rows (the driver prints the header).
use mend_core::search::SearchQuery;
use mend_core::{Passphrase, Vault, VaultError, VaultPaths};
use rusqlite::{params, Connection, OpenFlags};
use std::error::Error;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// As `journal::ENTRY_COLUMNS` (crate-private there).
const ENTRY_COLUMNS: &str = "e.id, e.created_at, e.updated_at, e.body, e.relationship_id,
    e.framework_id, e.step_id, e.mood,
    (SELECT group_concat(t.name, char(31)) FROM entry_tag et JOIN tag t ON t.id = et.tag_id
     WHERE et.entry_id = e.id)";

/// The pragmas `store::open` runs on every connection after the key.
const PRAGMAS: &str = "PRAGMA journal_mode = WAL;
     PRAGMA synchronous = FULL;
     PRAGMA foreign_keys = ON;
     PRAGMA secure_delete = ON;
     PRAGMA temp_store = MEMORY;";

const RARE: &str = "heron";
const COMMON: &str = "trust";
/// How many times the key derivation and the unlock are timed (each runs Argon2id, 64 MiB).
const UNLOCK_RUNS: usize = 5;

fn timeline_sql() -> String {
    // `Journal::timeline(None, 20)`: no cursor, no relationship filter, one row more than the page.
    format!(
        "SELECT {ENTRY_COLUMNS} FROM entry e
         WHERE (e.created_at, e.id) < (?1, ?2) AND ?4 IS NULL
         ORDER BY e.created_at DESC, e.id DESC LIMIT ?3"
    )
}

fn search_sql() -> String {
    // `Search::run` with words and no filters.
    format!(
        "SELECT {ENTRY_COLUMNS},
                snippet(entry_fts, 0, char(57344), char(57345), '…', 24)
         FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid
         WHERE 1 AND entry_fts MATCH ?1
         ORDER BY entry_fts.rank LIMIT ?2"
    )
}

/// The list page the `mend list` command shows: 20 entries (21 asked for).
fn list(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare(&timeline_sql())?;
    let rows = stmt.query_map(
        params![i64::MAX, i64::MAX, 21, Option::<i64>::None],
        |r| -> rusqlite::Result<(i64, String)> { Ok((r.get(0)?, r.get(3)?)) },
    )?;
    let mut ids: Vec<i64> = rows.map(|r| r.map(|(id, _)| id)).collect::<Result<_, _>>()?;
    ids.truncate(20);
    Ok(ids)
}

/// What `mend search WORD` runs: the word as a quoted prefix, 50 hits (51 asked for).
fn search(conn: &Connection, word: &str) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare(&search_sql())?;
    let rows = stmt.query_map(
        params![format!("\"{word}\"*"), 51],
        |r| -> rusqlite::Result<(i64, String, String)> { Ok((r.get(0)?, r.get(3)?, r.get(9)?)) },
    )?;
    let mut ids: Vec<i64> = rows.map(|r| r.map(|(id, _, _)| id)).collect::<Result<_, _>>()?;
    ids.truncate(50);
    Ok(ids)
}

/// `Journal::create` with no metadata: a savepoint around the insert and the tag rewrite,
/// then the entry read back. Committed (and fsync'd) before it returns.
fn add(conn: &Connection, now_ms: i64) -> rusqlite::Result<i64> {
    conn.execute_batch("SAVEPOINT mend")?;
    conn.execute(
        "INSERT INTO entry (created_at, updated_at, body, relationship_id, framework_id, step_id, mood)
         VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            now_ms,
            "One small thing I did today.",
            Option::<i64>::None,
            Option::<String>::None,
            Option::<String>::None,
            Option::<String>::None
        ],
    )?;
    let id = conn.last_insert_rowid();
    conn.execute("DELETE FROM entry_tag WHERE entry_id = ?1", [id])?;
    conn.execute_batch("RELEASE mend")?;
    conn.query_row(&format!("SELECT {ENTRY_COLUMNS} FROM entry e WHERE e.id = ?1"), [id], |r| {
        r.get(0)
    })
}

/// What `store::open` does, with the key statements when given a raw key: the first read,
/// the pragmas, the schema version and the migration check.
fn open(path: &Path, raw_key: Option<&str>) -> Result<Connection, Box<dyn Error>> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)?;
    if let Some(key) = raw_key {
        conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
        conn.execute_batch(&format!("PRAGMA key = \"{key}\";"))?;
    }
    let _: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    conn.execute_batch(PRAGMAS)?;
    let _: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    mend_core::store::migrations().to_latest(&mut conn)?;
    Ok(conn)
}

/// An encrypted twin of the plain copy under a throwaway raw key (the vault's own key never
/// leaves mend-core): the same rows, the same SQLCipher defaults as the vault, so its open
/// shows what opening the vault costs once the key is known.
fn encrypted_twin(plain: &Path, dir: &Path, key: &str) -> Result<PathBuf, Box<dyn Error>> {
    let twin = dir.join("twin.sqlite");
    let conn = Connection::open(plain)?;
    let twin_str = twin.to_str().ok_or("the temporary folder's path must be UTF-8")?;
    conn.execute("ATTACH DATABASE ?1 AS twin KEY ?2", [twin_str, key])?;
    conn.query_row("SELECT sqlcipher_export('twin')", [], |_| Ok(()))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    conn.execute_batch(&format!("PRAGMA twin.user_version = {version}; DETACH DATABASE twin"))?;
    drop(conn);
    open(&twin, Some(key))?.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    Ok(twin)
}

/// Median wall times in ms of `runs` opens of the twin and of the plain copy (each closed
/// untimed), taking turns, after one untimed open of each.
fn time_opens(
    twin: &Path,
    key: &str,
    plain: &Path,
    runs: usize,
) -> Result<(f64, f64), Box<dyn Error>> {
    let sides = [(twin, Some(key)), (plain, None)];
    let mut samples = [Vec::with_capacity(runs), Vec::with_capacity(runs)];
    for (path, raw_key) in sides {
        drop(open(path, raw_key)?);
    }
    for _ in 0..runs {
        for (side, (path, raw_key)) in sides.into_iter().enumerate() {
            let t = Instant::now();
            let conn = open(path, raw_key)?;
            samples[side].push(t.elapsed());
            drop(conn);
        }
    }
    let [t, p] = samples;
    Ok((median(t), median(p)))
}

fn median(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples.get(samples.len() / 2).map_or(f64::NAN, |d| d.as_secs_f64() * 1e3)
}

/// Median wall times in ms of `runs` calls of `f` on each connection, after one untimed call
/// on each; the two take turns, so both medians come from the same stretch of time. With
/// `cold`, a connection's page cache is emptied (untimed) before each of its calls.
fn time_both<T>(
    encrypted: &Connection,
    plain: &Connection,
    runs: usize,
    cold: bool,
    mut f: impl FnMut(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<(f64, f64)> {
    let mut samples = [Vec::with_capacity(runs), Vec::with_capacity(runs)];
    f(encrypted)?;
    f(plain)?;
    for _ in 0..runs {
        for (conn, side) in [(encrypted, 0), (plain, 1)] {
            if cold {
                conn.execute_batch("PRAGMA shrink_memory")?;
            }
            let t = Instant::now();
            std::hint::black_box(f(conn)?);
            samples[side].push(t.elapsed());
        }
    }
    let [e, p] = samples;
    Ok((median(e), median(p)))
}

fn row(n: i64, what: &str, encrypted: f64, plain: Option<f64>) {
    match plain {
        Some(p) => {
            println!("{n:>7} | {what:<48} | {encrypted:>12.3} | {p:>9.3} | {:>7.1}x", encrypted / p)
        }
        None => println!("{n:>7} | {what:<48} | {encrypted:>12.3} | {:>9} | {:>8}", "-", "-"),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data_dir, plain_path, runs] = args.as_slice() else {
        return Err(
            "usage: bench_in_process <data-dir> <plain.sqlite> <runs> (passphrase on stdin)".into(),
        );
    };
    let runs: usize = runs.parse().map_err(|_| "runs must be a whole number")?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let pass = line.trim_end_matches(['\r', '\n']).to_owned();
    line.clear();
    let paths = VaultPaths::new(data_dir);

    // The key derivation alone: a wrong passphrase runs Argon2id, fails the key slot's
    // authentication tag, and opens nothing. Wrong and right take turns, so both medians
    // come from the same stretch of time.
    let wrong = Passphrase::new(format!("{pass} not quite"));
    let passphrase = Passphrase::new(pass);
    let (mut kdf, mut unlock) = (Vec::new(), Vec::new());
    for _ in 0..UNLOCK_RUNS {
        let t = Instant::now();
        match Vault::unlock(&paths, &wrong) {
            Err(VaultError::WrongPassphrase) => kdf.push(t.elapsed()),
            _ => return Err("a wrong passphrase was not refused".into()),
        }
        let t = Instant::now();
        let v = Vault::unlock(&paths, &passphrase)?;
        unlock.push(t.elapsed());
        drop(v);
    }
    let (kdf, unlock) = (median(kdf), median(unlock));
    let plain_path = Path::new(plain_path);
    let beside = plain_path.parent().filter(|d| !d.as_os_str().is_empty());
    let scratch = tempfile::tempdir_in(beside.unwrap_or(Path::new(".")))?;
    let key = "x'0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0'";
    let twin = encrypted_twin(plain_path, scratch.path(), key)?;
    let (open_twin, open_plain) = time_opens(&twin, key, plain_path, runs)?;

    let vault = Vault::unlock(&paths, &passphrase)?;
    let enc = vault.connection();
    let plain = open(plain_path, None)?;
    let n: i64 = enc.query_row("SELECT count(*) FROM entry", [], |r| r.get(0))?;

    // The SQL above answers as the core does, and both databases answer alike.
    let core_list: Vec<i64> =
        vault.journal().timeline(None, 20)?.entries.iter().map(|e| e.id).collect();
    if list(enc)? != core_list || list(&plain)? != core_list {
        return Err("the list query does not match Journal::timeline".into());
    }
    for word in [RARE, COMMON] {
        let q = SearchQuery { text: word.into(), limit: Some(50), ..SearchQuery::default() };
        let core: Vec<i64> = vault.search().run(&q)?.hits.iter().map(|h| h.entry.id).collect();
        if search(enc, word)? != core || search(&plain, word)? != core {
            return Err("the search query does not match Search::run".into());
        }
    }

    row(n, "unlock: Argon2id alone (a wrong passphrase)", kdf, None);
    row(n, "unlock: Vault::unlock vs plain open + pragmas", unlock, Some(open_plain));
    row(n, "open with the raw key, no KDF (encrypted twin)", open_twin, Some(open_plain));
    for cold in [false, true] {
        let cache = if cold { "cold" } else { "warm" };
        let (e, p) = time_both(enc, &plain, runs, cold, list)?;
        row(n, &format!("list recent (20), {cache} cache"), e, Some(p));
        for (label, word) in [("rare", RARE), ("common", COMMON)] {
            let (e, p) = time_both(enc, &plain, runs, cold, |c| search(c, word))?;
            row(n, &format!("search {label} word '{word}', {cache} cache"), e, Some(p));
        }
    }
    // A fixed instant after every seeded entry: the benchmark does not read the clock.
    let at = 1_767_225_600_000_i64; // 2026-01-01T00:00:00Z
    let (e, p) = time_both(enc, &plain, runs, false, |c| add(c, at))?;
    row(n, "add one entry (committed, fsync'd)", e, Some(p));
    Ok(())
}
