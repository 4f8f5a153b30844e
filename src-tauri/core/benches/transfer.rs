//! Figures for moving a journal in and out, at 10k and 50k entries on a real encrypted
//! vault: the in-memory snapshot, an automatic backup (snapshot + age at 2^18), opening a
//! backup, restoring it into a new vault (Argon2id included), the JSON export, and
//! previewing and applying a JSON import into an empty vault, and the same for a jrnl
//! plain-text journal (parse, preview, apply: apply is "from confirm to done").
//! Run: `cargo bench -p mend-core --bench transfer`.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use mend_core::transfer::backup;
use mend_core::transfer::import::{jrnl, mend_json};
use mend_core::{FixedClock, Vault, VaultPaths};
use std::hint::black_box;

mod common;
use common::{pass, vault_with};

fn transfer(c: &mut Criterion) {
    let mut g = c.benchmark_group("transfer");
    g.sample_size(10);
    for n in [10_000usize, 50_000] {
        let (dir, _, vault) = vault_with(n);
        g.bench_with_input(BenchmarkId::new("snapshot (in memory)", n), &n, |b, _| {
            b.iter(|| black_box(vault.snapshot().expect("snapshot")))
        });
        g.bench_with_input(BenchmarkId::new("automatic backup (2^18)", n), &n, |b, _| {
            b.iter(|| {
                let image = vault.snapshot().expect("snapshot");
                let mut out = Vec::new();
                backup::encrypt(&image, &pass(), backup::AUTOMATIC_WORK_FACTOR, &mut out)
                    .expect("encrypt");
                black_box(out)
            })
        });
        let file = dir.path().join("b.mendbackup");
        backup::save(&vault.snapshot().expect("snapshot"), &pass(), 16, &file).expect("save");
        g.bench_with_input(BenchmarkId::new("open a backup (2^16)", n), &n, |b, _| {
            b.iter(|| black_box(backup::open(&file, &pass()).expect("open")))
        });
        let image = backup::open(&file, &pass()).expect("open");
        let mut k = 0;
        g.bench_with_input(BenchmarkId::new("restore into a new vault", n), &n, |b, _| {
            b.iter(|| {
                k += 1;
                let at = VaultPaths::new(dir.path().join(format!("r{k}")));
                black_box(Vault::restore(&at, &pass(), &image).expect("restore"))
            })
        });
        let now =
            FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).single().expect("date"));
        g.bench_with_input(BenchmarkId::new("JSON export", n), &n, |b, _| {
            b.iter(|| {
                black_box(serde_json::to_vec(&vault.export(&now).expect("export")).expect("json"))
            })
        });
        let json = serde_json::to_string(&vault.export(&now).expect("export")).expect("json");
        let (_empty_dir, _, empty) = vault_with(0);
        g.bench_with_input(BenchmarkId::new("JSON import: parse + preview", n), &n, |b, _| {
            b.iter(|| {
                let batch = mend_json::parse(&json).expect("parse");
                black_box(empty.importer().preview(&batch).expect("preview"))
            })
        });
        let batch = mend_json::parse(&json).expect("parse");
        g.bench_with_input(BenchmarkId::new("JSON import: apply", n), &n, |b, _| {
            b.iter_batched(
                || vault_with(0),
                |(_d, _, fresh)| black_box(fresh.importer().apply(&batch).expect("apply")),
                BatchSize::PerIteration,
            )
        });
        let text = jrnl_text(n);
        g.bench_with_input(BenchmarkId::new("jrnl import: parse", n), &n, |b, _| {
            b.iter(|| black_box(jrnl::parse_text(&text, chrono_tz::UTC).expect("parse")))
        });
        let batch = jrnl::parse_text(&text, chrono_tz::UTC).expect("parse");
        assert_eq!(batch.entries.len(), n);
        g.bench_with_input(BenchmarkId::new("jrnl import: preview", n), &n, |b, _| {
            b.iter(|| black_box(empty.importer().preview(&batch).expect("preview")))
        });
        g.bench_with_input(BenchmarkId::new("jrnl import: apply", n), &n, |b, _| {
            b.iter_batched(
                || vault_with(0),
                |(_d, _, fresh)| black_box(fresh.importer().apply(&batch).expect("apply")),
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

/// A jrnl plain-text journal of `n` entries, one every few hours: a title line and a
/// paragraph of a few hundred characters; every third entry has a tag or two, every
/// tenth is starred.
fn jrnl_text(n: usize) -> String {
    let start = Utc.with_ymd_and_hms(2020, 1, 1, 8, 0, 0).single().expect("date");
    let tags = ["@walks", "@work @sleep", "@family"];
    let mut out = String::new();
    for i in 0..n {
        let at = start + chrono::Duration::hours(3 * i as i64);
        let star = if i % 10 == 0 { " *" } else { "" };
        let tag = if i % 3 == 0 { tags[(i / 3) % tags.len()] } else { "" };
        out.push_str(&format!(
            "[{}] Evening note {i}.{star}\nToday I noticed how quickly I reached for an excuse. \
             I wrote down what I actually did, without the story around it, and what it cost \
             them. Tomorrow: say it plainly, then listen for longer than feels comfortable. {tag}\n\n",
            at.format("%Y-%m-%d %H:%M")
        ));
    }
    out
}

criterion_group!(benches, transfer);
criterion_main!(benches);
