//! What the benchmarks share: the passphrase, and a real vault holding `n` entries.
use chrono::{Duration, TimeZone, Utc};
use mend_core::{Passphrase, Vault, VaultPaths};

pub const PASS: &str = "quiet lantern over the harbour wall";

pub fn pass() -> Passphrase {
    Passphrase::new(PASS.to_owned())
}

/// A vault (in `<dir>/vault`) holding `n` entries of a few hundred characters, one every
/// few hours. Every 5,000th also mentions a heron: the rare word for search.
pub fn vault_with(n: usize) -> (tempfile::TempDir, VaultPaths, Vault) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path().join("vault"));
    let vault = Vault::create(&paths, &pass()).expect("create");
    let start = Utc.with_ymd_and_hms(2020, 1, 1, 8, 0, 0).single().expect("date");
    let body = "Today I noticed how quickly I reached for an excuse. I wrote down what I \
                actually did, without the story around it, and what it cost them. \
                Tomorrow: say it plainly, then listen for longer than feels comfortable.";
    let texts: Vec<String> = (0..n)
        .map(|i| {
            if i % 5000 == 0 {
                format!("{body} A heron stood in the shallows. ({i})")
            } else {
                format!("{body} ({i})")
            }
        })
        .collect();
    vault
        .journal()
        .insert_many(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| (t.as_str(), start + Duration::hours(3 * i as i64))),
        )
        .expect("insert");
    (dir, paths, vault)
}
