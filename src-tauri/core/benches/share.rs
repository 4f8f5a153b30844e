//! Figures for shares (issue 20): making an identity, reading a contact code, and sealing
//! and opening a share of 200 entries (about a month of writing) and of 5,000 entries of
//! 1 KiB (near the largest a share may be), to a contact code and to a passphrase.
//! In real vaults: sealing 200 of a relationship's entries from a selection, opening and
//! keeping such a share in another vault, and listing "shared with me" after ten versions
//! of the same 200 entries.
//! Run: `cargo bench -p mend-core --bench share`. The sizes of the files are printed once.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::journal::EntryMeta;
use mend_core::relationships::RelationshipInput;
use mend_core::share::{
    self, ContactCode, Identity, ItemKey, KeyedItem, OpenWith, SealTo, SharedEntry, SharedItem,
};
use mend_core::share::{Selection, ShareTo};
use mend_core::Passphrase;
use mend_core::{FixedClock, Vault, VaultPaths};
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

fn vault_with(dir: &std::path::Path, role: Role, clock: &FixedClock) -> (Vault, i64) {
    let vault = Vault::create(
        &VaultPaths::new(dir),
        &Passphrase::new("quiet lantern over the harbour wall".into()),
    )
    .unwrap();
    let input = RelationshipInput {
        name: "Sam".into(),
        role,
        what_happened: String::new(),
        happened_on: None,
        breach_kind: BreachKind::Care,
        setting: None,
        power: None,
    };
    let rel = vault.relationships().create(&input, clock).unwrap().id;
    (vault, rel)
}

fn kept_bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("share kept");
    g.sample_size(10);
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).single().expect("date"));
    let local_day = |t: chrono::DateTime<Utc>| t.date_naive();
    let (da, ds) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (alex, alex_rel) = vault_with(da.path(), Role::Repairer, &clock);
    let (sam, sam_rel) = vault_with(ds.path(), Role::Decider, &clock);
    let (sam_code, _) = sam.shares().my_code(&mut OsRng, &clock).unwrap();
    let contact =
        alex.shares().add_contact(alex_rel, "Sam", &sam_code.compact(), &clock).unwrap().id;
    let text: String = "I kept the call short but real. ".chars().cycle().take(600).collect();
    let meta = EntryMeta { relationship_id: Some(alex_rel), ..EntryMeta::default() };
    let ids: Vec<i64> =
        (0..200).map(|_| alex.journal().create_with(&text, &meta, &clock).unwrap().id).collect();
    let selection = Selection { relationship_id: alex_rel, entry_ids: ids, ..Selection::default() };
    let seal = || {
        alex.shares()
            .seal(&selection, ShareTo::Contact(contact), &local_day, &mut OsRng, &clock)
            .unwrap()
    };

    g.bench_function("seal 200 entries from a selection", |b| b.iter(|| black_box(seal())));
    g.bench_function("open and keep 200 entries", |b| {
        b.iter_batched(
            seal,
            |sealed| {
                let opened = sam.shares().open(&sealed.file, None).unwrap();
                black_box(sam.shares().accept(&opened, sam_rel, &clock).unwrap())
            },
            BatchSize::PerIteration,
        )
    });
    // A relationship with exactly ten versions of the same 200 entries.
    let dl = tempfile::tempdir().unwrap();
    let (listed, listed_rel) = vault_with(dl.path(), Role::Decider, &clock);
    let (listed_code, _) = listed.shares().my_code(&mut OsRng, &clock).unwrap();
    let to =
        alex.shares().add_contact(alex_rel, "Another", &listed_code.compact(), &clock).unwrap().id;
    for _ in 0..10 {
        let sealed = alex
            .shares()
            .seal(&selection, ShareTo::Contact(to), &local_day, &mut OsRng, &clock)
            .unwrap();
        let opened = listed.shares().open(&sealed.file, None).unwrap();
        listed.shares().accept(&opened, listed_rel, &clock).unwrap();
    }
    g.bench_function("shared with me: 200 items, 10 versions each", |b| {
        b.iter(|| black_box(listed.shares().shared_with_me(listed_rel).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, share_bench, kept_bench);
criterion_main!(benches);
