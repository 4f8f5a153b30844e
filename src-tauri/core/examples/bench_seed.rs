//! Seeds the vaults for `benches/cli_vs_sqlite.sh`: an encrypted Mend vault holding `N`
//! entries of varied text, in the data-folder layout the app and `mend` open
//! (`<data-dir>/mend.vault` + `<data-dir>/mend.key`), and an unencrypted SQLite copy of
//! the same database (same schema, same rows, same FTS5 index), written by SQLCipher's
//! own `sqlcipher_export` into a database attached with an empty key.
//!
//! Run: `cargo run --release -p mend-core --example bench_seed -- <data-dir> <plain.sqlite> <N>`
//! with the passphrase as the first line of standard input (never an argument). The vault
//! is made with the app's own KDF parameters, so unlocking it costs what it costs the app.
//!
//! The rare word ([`RARE`]) is in 5 entries (for `N` of 10 or more); the common word
//! ([`COMMON`]) is in roughly two entries of five. Both counts are checked on both copies
//! and printed.
use chrono::{DateTime, Duration, TimeZone, Utc};
use mend_core::{Passphrase, Vault, VaultPaths};
use rusqlite::Connection;
use std::error::Error;
use std::io::BufRead;
use std::path::PathBuf;

/// In 5 entries: the word the benchmark's "rare word" search looks for.
const RARE: &str = "heron";
/// In about 40% of entries: the word the "common word" search looks for.
const COMMON: &str = "trust";

/// Sentences an entry is made of. Only the `WITH_COMMON` ones hold the common word, and no
/// word here starts with the rare word.
const SENTENCES: &[&str] = &[
    "Today I noticed how quickly I reached for an excuse.",
    "I wrote down what I actually did, without the story around it.",
    "We talked after dinner and I mostly listened.",
    "She asked why I had not called, and I told her the plain answer.",
    "I kept the promise about Saturday, even though it was inconvenient.",
    "The conversation went sideways when I started defending myself.",
    "Walked by the river for an hour before work to think it through.",
    "I said sorry without adding a but at the end.",
    "He did not want to talk, so I left a short note instead.",
    "Tomorrow: say it plainly, then listen for longer than feels comfortable.",
    "My sister reminded me that change is slow and not a straight line.",
    "I felt the old urge to hide the receipt and did not.",
    "Read the checklist again before the call with Sam.",
    "Counted three small things I did as I said I would.",
    "The therapist asked what repair would look like from their side.",
    "I was late again and I named it before they had to.",
    "Cooked together for the first time in weeks; it was quiet but kind.",
    "Noticed the tightness in my chest when the phone rang.",
    "I asked what they needed instead of guessing.",
    "Wrote the letter I will not send, to get the anger out of the way.",
];
const WITH_COMMON: &[&str] = &[
    "Rebuilding trust is slower than breaking it, and I keep forgetting that.",
    "I want her to trust the small things before the big ones.",
    "Trust came up again tonight; I did not argue.",
    "Being trusted with the car keys again felt bigger than it should have.",
];
const RARE_SENTENCE: &str = "A heron stood in the shallows the whole time we talked.";
const MOODS: &[&str] = &["hopeful", "tired", "anxious", "calm", "ashamed", "steady"];

/// A small deterministic generator (xorshift64*), so every run seeds the same journal.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Entry `i` of `n`: two to seven sentences, sometimes a heading or a list, the common word
/// in about 40% of entries and the rare one in 5 entries spread across the journal.
fn entry_text(i: usize, n: usize, dice: &mut Dice) -> String {
    let paragraphs = dice.below(3) == 0;
    let mut parts: Vec<String> = Vec::new();
    if paragraphs && dice.below(2) == 0 {
        parts.push(format!("## Day {}, feeling {}", i + 1, MOODS[dice.below(MOODS.len())]));
    }
    let sentences = 2 + dice.below(6);
    for _ in 0..sentences {
        let s = SENTENCES[dice.below(SENTENCES.len())];
        if paragraphs && dice.below(3) == 0 {
            parts.push(format!("- {s}"));
        } else {
            parts.push(s.to_owned());
        }
    }
    if dice.below(5) < 2 {
        let at = dice.below(parts.len() + 1);
        parts.insert(at, WITH_COMMON[dice.below(WITH_COMMON.len())].to_owned());
    }
    if n >= 5 && i % (n / 5) == n / 10 {
        parts.push(RARE_SENTENCE.to_owned());
    }
    parts.join(if paragraphs { "\n\n" } else { " " })
}

fn count(conn: &Connection, sql: &str) -> Result<i64, rusqlite::Error> {
    conn.query_row(sql, [], |r| r.get(0))
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data_dir, plain, n] = args.as_slice() else {
        return Err(
            "usage: bench_seed <data-dir> <plain.sqlite> <entries> (passphrase on stdin)".into()
        );
    };
    let n: usize = n.parse().map_err(|_| "the number of entries must be a whole number")?;
    let plain = PathBuf::from(plain);
    if plain.exists() {
        return Err(format!("{} already exists", plain.display()).into());
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let passphrase = Passphrase::new(line.trim_end_matches(['\r', '\n']).to_owned());
    line.clear();

    let paths = VaultPaths::new(data_dir);
    let vault = Vault::create(&paths, &passphrase)?;

    // Newest entry a little before 2026; one every 2 to 4 hours going back.
    let newest: DateTime<Utc> =
        Utc.with_ymd_and_hms(2025, 12, 31, 21, 0, 0).single().ok_or("a fixed date")?;
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let mut times: Vec<DateTime<Utc>> = Vec::with_capacity(n);
    let mut at = newest;
    for _ in 0..n {
        times.push(at);
        at -= Duration::minutes(120 + dice.below(121) as i64);
    }
    times.reverse(); // oldest first, so ids rise with time as when written by hand
    let entries: Vec<(String, DateTime<Utc>)> =
        times.into_iter().enumerate().map(|(i, at)| (entry_text(i, n, &mut dice), at)).collect();
    vault.journal().insert_many(entries.iter().map(|(t, at)| (t.as_str(), *at)))?;

    // The plain copy: SQLCipher copies every table (the FTS5 shadow tables included),
    // index, trigger and virtual table into a database attached with an empty key.
    let conn = vault.connection();
    let plain_str = plain.to_str().ok_or("the plain copy's path must be UTF-8")?;
    conn.execute("ATTACH DATABASE ?1 AS plain KEY ''", [plain_str])?;
    conn.query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(()))?;
    let version = count(conn, "PRAGMA user_version")?;
    conn.execute_batch(&format!("PRAGMA plain.user_version = {version}"))?;
    conn.execute_batch("DETACH DATABASE plain")?;

    // The same journal mode as the vault (WAL is stored in the file).
    let copy = Connection::open(&plain)?;
    copy.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;

    let rare_sql = format!("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH '\"{RARE}\"*'");
    let common_sql =
        format!("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH '\"{COMMON}\"*'");
    let mut figures = Vec::new();
    for (name, db) in [("vault", conn), ("plain copy", &copy)] {
        let row = (
            count(db, "SELECT count(*) FROM entry")?,
            count(db, &rare_sql)?,
            count(db, &common_sql)?,
            count(db, "PRAGMA user_version")?,
        );
        if db.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))? != "ok" {
            return Err(format!("the {name} failed its integrity check").into());
        }
        figures.push(row);
    }
    if figures[0] != figures[1] {
        return Err("the plain copy does not hold what the vault holds".into());
    }
    let (entries_n, rare_n, common_n, _) = figures[0];
    let cipher: String = conn.query_row("PRAGMA cipher_version", [], |r| r.get(0))?;
    let sqlite: String = conn.query_row("SELECT sqlite_version()", [], |r| r.get(0))?;
    drop(copy);
    vault.lock(); // closes the connection: the WAL is checkpointed into the file

    let size = |p: PathBuf| std::fs::metadata(p).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);
    println!(
        "seeded {entries_n} entries ('{RARE}' in {rare_n}, '{COMMON}' in {common_n}); \
         vault {:.1} MB, plain copy {:.1} MB; SQLCipher {cipher} (SQLite {sqlite})",
        size(paths.database()),
        size(plain)
    );
    Ok(())
}
