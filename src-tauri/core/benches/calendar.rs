//! Figures for finding a day on a real SQLCipher file at 10k and 50k entries (one every
//! three hours from 2020): a month's marks, the page around a chosen day, a page toward the
//! present from it, and "on this day" across every earlier year. Target on the project's
//! 2-core machine: each under 20 ms at 50k, like the timeline's first page.
//! Run: `cargo bench -p mend-core --bench calendar`.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use mend_core::calendar::Month;
use mend_core::journal::TimelineFilter;
use std::hint::black_box;

mod common;
use common::vault_with;

fn calendar(c: &mut Criterion) {
    let tz = chrono_tz::Europe::London;
    let day = NaiveDate::from_ymd_opt(2022, 6, 15).unwrap();
    let today = NaiveDate::from_ymd_opt(2037, 1, 15).unwrap();
    let all = TimelineFilter::default();
    for n in [10_000usize, 50_000] {
        let (_dir, _paths, vault) = vault_with(n);
        vault.calendar().set_on_this_day_enabled(true).unwrap();
        let mut g = c.benchmark_group(format!("calendar at {n} entries"));
        g.sample_size(30);
        g.bench_with_input(BenchmarkId::new("a month's marks", n), &n, |b, _| {
            let month = Month::new(2022, 6).unwrap();
            b.iter(|| black_box(vault.calendar().month(all, month, tz, today).unwrap()))
        });
        g.bench_with_input(BenchmarkId::new("jump to a day (50)", n), &n, |b, _| {
            b.iter(|| black_box(vault.calendar().day_page(all, day, tz, 50).unwrap()))
        });
        let from = vault.calendar().day_page(all, day, tz, 50).unwrap().newer.unwrap();
        g.bench_with_input(BenchmarkId::new("newer page (50)", n), &n, |b, _| {
            b.iter(|| black_box(vault.journal().timeline_newer(all, from, 50).unwrap()))
        });
        g.bench_with_input(BenchmarkId::new("on this day", n), &n, |b, _| {
            b.iter(|| black_box(vault.calendar().on_this_day(all, today, tz).unwrap()))
        });
        g.finish();
    }
}

criterion_group!(benches, calendar);
criterion_main!(benches);
