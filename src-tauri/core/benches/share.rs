//! Figures for shares (issue 20): making an identity, reading a contact code, and sealing
//! and opening a share of 200 entries (about a month of writing) and of 5,000 entries of
//! 1 KiB (near the largest a share may be), to a contact code and to a passphrase.
//! Run: `cargo bench -p mend-core --bench share`. The sizes of the files are printed once.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mend_core::share::{
    self, ContactCode, Identity, ItemKey, KeyedItem, OpenWith, SealTo, SharedEntry, SharedItem,
};
use mend_core::Passphrase;
use rand_core::OsRng;
use std::hint::black_box;

fn entries(n: usize, bytes: usize) -> Vec<KeyedItem> {
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 20, 0, 0).single().expect("date");
    let line = "I kept the call short but real, and said what I had been avoiding. ";
    (0..n)
        .map(|i| {
            let text: String = line.chars().cycle().take(bytes).collect();
            let item = SharedItem::Entry(SharedEntry {
                written_at: start + Duration::hours(i as i64 * 7),
                text,
                mood: Some("steady".into()),
                tags: vec!["honesty".into(), "calls".into()],
            });
            KeyedItem { key: ItemKey::parse(&format!("{i:064x}")).unwrap(), item }
        })
        .collect()
}

fn never(_: &ContactCode) -> Option<u64> {
    None
}

fn share_bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("share");
    g.sample_size(10);
    let alex = Identity::generate(&mut OsRng).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).single().expect("date");

    g.bench_function("generate an identity", |b| {
        b.iter(|| black_box(Identity::generate(&mut OsRng).unwrap()))
    });
    let bytes = alex.to_bytes();
    g.bench_function("read an identity from its bytes", |b| {
        b.iter(|| black_box(Identity::from_bytes(&bytes).unwrap()))
    });
    let typed = alex.code().grouped().to_uppercase();
    g.bench_function("parse a typed contact code", |b| {
        b.iter(|| black_box(ContactCode::parse(&typed).unwrap()))
    });

    for (n, size) in [(200usize, 600usize), (5_000, 1024)] {
        let items = entries(n, size);
        let to = SealTo::Contact(sam.code());
        let file = share::seal(&alex, to, at, 1, items.clone()).unwrap();
        eprintln!("share of {n} entries of {size} bytes: {} bytes", file.len());
        g.bench_with_input(BenchmarkId::new("seal to a code", n), &n, |b, _| {
            b.iter(|| black_box(share::seal(&alex, to, at, 1, items.clone()).unwrap()))
        });
        g.bench_with_input(BenchmarkId::new("open from a code", n), &n, |b, _| {
            b.iter(|| black_box(share::open(&file, OpenWith::Identity(&sam), never).unwrap()))
        });
    }

    let pass = Passphrase::new("blue heron at the quiet pier".into());
    let items = entries(200, 600);
    let file = share::seal(&alex, SealTo::Passphrase(&pass), at, 1, items).unwrap();
    g.bench_function("open from a passphrase (2^18), 200 entries", |b| {
        b.iter(|| black_box(share::open(&file, OpenWith::Passphrase(&pass), never).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, share_bench);
criterion_main!(benches);
