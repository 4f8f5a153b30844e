//! What moving the journal to a new data key costs (a passphrase change: the current
//! passphrase checked, the new one sealed, the database copied through SQLCipher under the
//! new key, the old files overwritten and swapped out) at 10k and 50k entries (target:
//! under 2 s at 50k on the project's 2-core machine); and what SQLCipher's
//! `cipher_memory_security` (wiping every freed allocation) would cost at 50k entries on
//! saving, the first timeline page and a common-word search (Mend turns it on only if that
//! is under 20%). Run: `cargo bench -p mend-core --bench rekey`.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mend_core::search::SearchQuery;
use mend_core::{FixedClock, Passphrase, Vault};
use std::hint::black_box;
use std::time::Duration;

mod common;
use common::{pass, vault_with, PASS};

const OTHER: &str = "seven herons crossing a grey estuary";

fn rekey(c: &mut Criterion) {
    for n in [10_000usize, 50_000] {
        let (_dir, paths, vault) = vault_with(n);
        drop(vault);
        let mut vault = Vault::unlock(&paths, &pass()).expect("unlock");
        let mut g = c.benchmark_group(format!("re-key at {n} entries"));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(if n > 10_000 { 40 } else { 15 }));
        let mut current = PASS;
        g.bench_with_input(BenchmarkId::new("change passphrase (new data key)", n), &n, |b, _| {
            b.iter(|| {
                let next = if current == PASS { OTHER } else { PASS };
                black_box(
                    vault
                        .change_passphrase(
                            &Passphrase::new(current.to_owned()),
                            &Passphrase::new(next.to_owned()),
                        )
                        .expect("re-key"),
                );
                current = next;
            })
        });
        g.finish();
    }
}

fn memory_security(c: &mut Criterion) {
    let n = 50_000usize;
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("date"));
    let (_dir, paths, vault) = vault_with(n);
    drop(vault);
    let common = SearchQuery { text: "excuse".into(), ..Default::default() };
    for on in [false, true] {
        let vault = Vault::unlock(&paths, &pass()).expect("unlock");
        let setting = if on { "ON" } else { "OFF" };
        vault
            .connection()
            .execute_batch(&format!("PRAGMA cipher_memory_security = {setting}"))
            .expect("pragma");
        let now: String = vault
            .connection()
            .query_row("PRAGMA cipher_memory_security", [], |r| r.get(0))
            .expect("read back");
        eprintln!("cipher_memory_security reads back as {now}");
        let mut g = c.benchmark_group(format!("cipher_memory_security {setting} at {n} entries"));
        g.sample_size(20);
        g.bench_function("save one entry", |b| {
            b.iter(|| black_box(vault.journal().create("One small thing.", &clock).expect("save")))
        });
        g.bench_function("timeline first page (50)", |b| {
            b.iter(|| black_box(vault.journal().timeline(None, 50).expect("page")))
        });
        g.bench_function("search, a word in every entry", |b| {
            b.iter(|| black_box(vault.search().run(&common).expect("search")))
        });
        g.finish();
    }
}

criterion_group!(benches, rekey, memory_security);
criterion_main!(benches);
