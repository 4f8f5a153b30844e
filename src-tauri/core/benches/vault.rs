//! Figures for the vault's hot paths on a real SQLCipher file:
//! unlock (Argon2id included), saving one entry, and the first timeline page at 1k, 10k
//! and 50k entries; search (a rare word, a common word, a prefix, a filter) at the same sizes
//! (target: under 50 ms at 50k). Targets on the project's 2-core machine: unlock under 1 s; save and
//! first page under 20 ms at 50k. Run: `cargo bench -p mend-core --bench vault`.
use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mend_core::search::SearchQuery;
use mend_core::{FixedClock, Passphrase, Vault, VaultPaths};
use std::hint::black_box;

const PASS: &str = "quiet lantern over the harbour wall";

fn pass() -> Passphrase {
    Passphrase::new(PASS.to_owned())
}

/// A vault holding `n` entries of a few hundred characters, one every few hours.
fn vault_with(n: usize) -> (tempfile::TempDir, VaultPaths) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path());
    let vault = Vault::create(&paths, &pass()).expect("create");
    let start = Utc.with_ymd_and_hms(2020, 1, 1, 8, 0, 0).single().expect("date");
    let body = "Today I noticed how quickly I reached for an excuse. I wrote down what I \
                actually did, without the story around it, and what it cost them. \
                Tomorrow: say it plainly, then listen for longer than feels comfortable.";
    // Every 5,000th entry also mentions a heron: the rare word for search.
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
    (dir, paths)
}

fn unlock(c: &mut Criterion) {
    let (_dir, paths) = vault_with(1_000);
    let mut g = c.benchmark_group("unlock");
    g.sample_size(10);
    g.bench_function("passphrase (Argon2id 64 MiB, t=3) + open", |b| {
        b.iter(|| black_box(Vault::unlock(&paths, &pass()).expect("unlock")))
    });
    g.finish();
}

fn save_and_timeline(c: &mut Criterion) {
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("date"));
    for n in [1_000usize, 10_000, 50_000] {
        let (_dir, paths) = vault_with(n);
        let vault = Vault::unlock(&paths, &pass()).expect("unlock");
        let mut g = c.benchmark_group(format!("journal at {n} entries"));
        g.sample_size(30);
        g.bench_with_input(BenchmarkId::new("timeline first page (50)", n), &n, |b, _| {
            b.iter(|| black_box(vault.journal().timeline(None, 50).expect("page")))
        });
        g.bench_with_input(BenchmarkId::new("save one entry (fsync'd)", n), &n, |b, _| {
            b.iter(|| {
                black_box(
                    vault.journal().create("One small thing I did today.", &clock).expect("save"),
                )
            })
        });
        g.finish();
    }
}

fn search(c: &mut Criterion) {
    for n in [1_000usize, 10_000, 50_000] {
        let (_dir, paths) = vault_with(n);
        let vault = Vault::unlock(&paths, &pass()).expect("unlock");
        let mut g = c.benchmark_group(format!("search at {n} entries"));
        g.sample_size(20);
        for (label, text) in [
            ("rare word", "heron"),
            ("common word", "excuse"),
            ("two words, prefix", "listen comf"),
        ] {
            let q = SearchQuery { text: text.into(), ..Default::default() };
            g.bench_with_input(BenchmarkId::new(label, n), &n, |b, _| {
                b.iter(|| black_box(vault.search().run(&q).expect("search")))
            });
        }
        let since = Utc.with_ymd_and_hms(2022, 1, 1, 0, 0, 0).single().expect("date");
        let filtered = SearchQuery {
            text: "excuse".into(),
            from: Some(since),
            mood: None,
            ..Default::default()
        };
        g.bench_with_input(BenchmarkId::new("common word since 2022", n), &n, |b, _| {
            b.iter(|| black_box(vault.search().run(&filtered).expect("search")))
        });
        g.finish();
    }
}

criterion_group!(benches, unlock, save_and_timeline, search);
criterion_main!(benches);
