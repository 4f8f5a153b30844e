//! Figures for the vault's hot paths on a real SQLCipher file:
//! unlock (Argon2id included), saving one entry, and the first timeline page at 1k, 10k
//! and 50k entries; search (a rare word, a common word, a prefix, a filter) at the same sizes
//! (target: under 50 ms at 50k). Targets on the project's 2-core machine: unlock under 1 s; save and
//! first page under 20 ms at 50k. Run: `cargo bench -p mend-core --bench vault`.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mend_core::search::SearchQuery;
use mend_core::{FixedClock, Vault};
use std::hint::black_box;

mod common;
use common::{pass, vault_with};

fn unlock(c: &mut Criterion) {
    let (_dir, paths, _) = vault_with(1_000);
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
        let (_dir, paths, _) = vault_with(n);
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
        let (_dir, paths, _) = vault_with(n);
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
