//! Figures for a relationship's dashboard on a real SQLCipher file: 50,000 entries in the
//! relationship (one in ten answering a framework step), three daily commitments logged
//! every day for five years (5,478 logged occurrences), weekly check-ins with trust
//! levels, and events. Target on the project's 2-core machine: the whole dashboard, the
//! checklists and the evidence candidates, each under 100 ms for the full five years.
//! Run: `cargo bench -p mend-core --bench dashboard`.
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::progress::dashboard::DashboardRange;
use mend_core::relationships::RelationshipInput;
use mend_core::{FixedClock, Passphrase, Vault, VaultPaths};
use rusqlite::params;
use std::hint::black_box;

const STEPS: [(&str, &str); 4] = [
    ("four-steps", "take-ownership"),
    ("four-steps", "show-compassion"),
    ("four-steps", "make-amends"),
    ("four-steps", "actions-not-words"),
];

fn day(d: NaiveDate) -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(20, 0, 0).expect("time"))
}

/// A vault with one decider relationship holding five years of everything.
fn five_years() -> (tempfile::TempDir, Vault, i64, NaiveDate) {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::create(
        &VaultPaths::new(dir.path()),
        &Passphrase::new("quiet lantern over the harbour wall".into()),
    )
    .expect("create");
    let start = NaiveDate::from_ymd_opt(2021, 11, 1).expect("date");
    let today = start + Duration::days(5 * 365 + 1);
    let clock = FixedClock::new(day(today));
    let rel = vault
        .relationships()
        .create(
            &RelationshipInput {
                name: "Alex".into(),
                role: Role::Decider,
                what_happened: String::new(),
                happened_on: None,
                breach_kind: BreachKind::Integrity,
                setting: None,
                power: None,
            },
            &clock,
        )
        .expect("relationship")
        .id;
    let conn = vault.connection();
    conn.execute_batch("BEGIN").expect("begin");
    let body = "What they did today, and how it landed. Small, but it was there.";
    for i in 0..50_000i64 {
        let at = day(start) + Duration::minutes(i * 52);
        let (fw, step) = if i % 10 == 0 {
            let (f, s) = STEPS[(i / 10) as usize % STEPS.len()];
            (Some(f), Some(s))
        } else {
            (None, None)
        };
        conn.execute(
            "INSERT INTO entry (created_at, updated_at, body, relationship_id, framework_id, step_id)
             VALUES (?1, ?1, ?2, ?3, ?4, ?5)",
            params![at.timestamp_millis(), body, rel, fw, step],
        )
        .expect("entry");
    }
    for c in 0..3 {
        conn.execute(
            "INSERT INTO commitment (relationship_id, owner, promise, rrule, starts_on, created_at)
             VALUES (?1, 'them', 'Home by seven', 'FREQ=DAILY', ?2, 0)",
            params![rel, start.to_string()],
        )
        .expect("commitment");
        let cid = conn.last_insert_rowid();
        let statuses = ["kept", "kept", "partly", "kept", "missed", "kept", "renegotiated"];
        for (n, d) in start.iter_days().take_while(|d| *d < today).enumerate() {
            conn.execute(
                "INSERT INTO occurrence (commitment_id, due_on, status, ahead, note, logged_at)
                 VALUES (?1, ?2, ?3, 0, '', 0)",
                params![cid, d.to_string(), statuses[(n + c) % statuses.len()]],
            )
            .expect("occurrence");
        }
    }
    for (n, d) in start.iter_days().step_by(7).take_while(|d| *d < today).enumerate() {
        conn.execute(
            "INSERT INTO rating (relationship_id, rated_on, answers, note, updated_at)
             VALUES (?1, ?2, ?3, '', 0)",
            params![
                rel,
                d.to_string(),
                format!(r#"{{"able-skills":{},"dependable-follow":3}}"#, 1 + n % 5)
            ],
        )
        .expect("rating");
        conn.execute(
            "INSERT INTO trust_level (relationship_id, rated_on, level, updated_at) VALUES (?1, ?2, ?3, 0)",
            params![rel, d.to_string(), (n % 11) as i64],
        )
        .expect("trust");
        if n % 26 == 0 {
            conn.execute(
                "INSERT INTO relationship_event (relationship_id, kind, occurred_on, note, created_at)
                 VALUES (?1, 'milestone', ?2, '', 0)",
                params![rel, d.to_string()],
            )
            .expect("event");
        }
    }
    conn.execute_batch("COMMIT").expect("commit");
    (dir, vault, rel, today)
}

fn local_day(t: chrono::DateTime<Utc>) -> NaiveDate {
    t.date_naive()
}

fn dashboard(c: &mut Criterion) {
    let (_dir, vault, rel, today) = five_years();
    let mut g = c.benchmark_group("dashboard, 50k entries, 5 years of daily occurrences");
    g.sample_size(20);
    for (label, days) in [("last 90 days", 89), ("last year", 364), ("all five years", 5 * 366)] {
        let range = DashboardRange {
            from: (today - Duration::days(days)).to_string(),
            to: today.to_string(),
        };
        g.bench_function(label, |b| {
            b.iter(|| {
                black_box(
                    vault.progress().dashboard(rel, &range, today, &local_day).expect("dashboard"),
                )
            })
        });
    }
    g.bench_function("checklists", |b| {
        b.iter(|| black_box(vault.progress().checklists(rel, &local_day).expect("checklists")))
    });
    g.bench_function("evidence candidates for one step", |b| {
        b.iter(|| {
            black_box(
                vault
                    .progress()
                    .evidence_candidates(rel, "four-steps", "make-amends", &local_day)
                    .expect("candidates"),
            )
        })
    });
    g.bench_function("commitments ledger (90 days shown, streaks over 5 years)", |b| {
        b.iter(|| black_box(vault.commitments().ledger(rel, today).expect("ledger")))
    });
    g.finish();
}

criterion_group!(benches, dashboard);
criterion_main!(benches);
