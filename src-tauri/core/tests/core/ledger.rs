//! The commitments ledger on a real vault.
use chrono::{NaiveDate, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::ledger::OccurrenceStatus;
use mend_core::ledger::{CommitmentError, CommitmentInput, CommitmentOwner, OccurrenceLog};
use mend_core::relationships::RelationshipInput;
use mend_core::repeat::{Repeat, Weekday};
use mend_core::{ErrorKind, FixedClock, Passphrase, Vault, VaultPaths};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn setup() -> (tempfile::TempDir, Vault, i64, FixedClock) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        &VaultPaths::new(dir.path()),
        &Passphrase::new("quiet lantern over the harbour wall".into()),
    )
    .unwrap();
    let c = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).unwrap());
    let rel = v
        .relationships()
        .create(
            &RelationshipInput {
                name: "Sam".into(),
                role: Role::Repairer,
                what_happened: String::new(),
                happened_on: None,
                breach_kind: BreachKind::Care,
                setting: None,
                power: None,
            },
            &c,
        )
        .unwrap();
    (dir, v, rel.id, c)
}

fn weekly() -> CommitmentInput {
    CommitmentInput {
        owner: CommitmentOwner::Me,
        promise: "Call on Monday and Thursday evenings".into(),
        repeat: Repeat::Weekly { days: vec![Weekday::Mo, Weekday::Th] },
        starts_on: "2026-11-02".into(),
        ends_on: None,
        kept_looks_like: "We spoke for at least ten minutes".into(),
        due_time: Some("19:30".into()),
        remind: true,
        show_details: false,
    }
}

fn log(due: &str, status: OccurrenceStatus) -> OccurrenceLog {
    OccurrenceLog { due_on: due.into(), status, note: String::new() }
}

#[test]
fn logging_occurrences_moves_the_score_and_the_streak() {
    let (_d, v, rel, c) = setup();
    let today = d(2026, 11, 20); // a Friday
    let com = v.commitments().create(rel, &weekly(), &c).unwrap();
    let ledger = v.commitments().ledger(rel, today).unwrap();
    let due: Vec<NaiveDate> = ledger.commitments[0].occurrences.iter().map(|o| o.due_on).collect();
    assert_eq!(
        &due[..6],
        [
            d(2026, 11, 2),
            d(2026, 11, 5),
            d(2026, 11, 9),
            d(2026, 11, 12),
            d(2026, 11, 16),
            d(2026, 11, 19)
        ]
    );
    assert!(due.contains(&d(2026, 11, 23)), "the next two weeks are listed too");
    assert_eq!(ledger.owners[0].last30.score, None, "nothing logged yet: no score");
    assert_eq!(ledger.owners[0].last30.not_logged, 6, "shown as not logged, not counted as missed");

    for day in ["2026-11-02", "2026-11-05", "2026-11-09"] {
        v.commitments().log(com.id, &log(day, OccurrenceStatus::Kept), today, &c).unwrap();
    }
    v.commitments().log(com.id, &log("2026-11-12", OccurrenceStatus::Missed), today, &c).unwrap();
    v.commitments().log(com.id, &log("2026-11-16", OccurrenceStatus::Kept), today, &c).unwrap();
    let l = v.commitments().ledger(rel, today).unwrap();
    let c30 = &l.commitments[0].last30;
    assert_eq!((c30.kept, c30.missed, c30.not_logged), (4, 1, 1));
    assert!((c30.score.unwrap() - 0.8).abs() < 1e-9);
    assert_eq!(l.commitments[0].streak.best, 3);
    assert_eq!(l.commitments[0].streak.current, 0, "the 19th went unlogged");
    assert!((l.owners[0].last30.score.unwrap() - 0.8).abs() < 1e-9);
    assert!(l.formula.contains("never counted"));

    // Logging again replaces; taking a log back shows it as not logged again.
    v.commitments().log(com.id, &log("2026-11-12", OccurrenceStatus::Kept), today, &c).unwrap();
    assert_eq!(v.commitments().ledger(rel, today).unwrap().owners[0].last30.score, Some(1.0));
    v.commitments().unlog(com.id, "2026-11-12").unwrap();
    assert_eq!(v.commitments().ledger(rel, today).unwrap().owners[0].last30.not_logged, 2);
}

fn relationship(v: &Vault, role: Role, c: &FixedClock) -> i64 {
    let input = RelationshipInput {
        name: "Alex".into(),
        role,
        what_happened: String::new(),
        happened_on: None,
        breach_kind: BreachKind::Care,
        setting: None,
        power: None,
    };
    v.relationships().create(&input, c).unwrap().id
}

/// A ledger where one owner keeps everything and the other nothing.
fn one_keeps_one_misses(v: &Vault, rel: i64, c: &FixedClock, today: NaiveDate) {
    let mine = v.commitments().create(rel, &weekly(), c).unwrap();
    let theirs = CommitmentInput { owner: CommitmentOwner::Them, ..weekly() };
    let theirs = v.commitments().create(rel, &theirs, c).unwrap();
    for day in ["2026-11-02", "2026-11-05", "2026-11-09", "2026-11-12", "2026-11-16", "2026-11-19"]
    {
        v.commitments().log(mine.id, &log(day, OccurrenceStatus::Kept), today, c).unwrap();
        v.commitments().log(theirs.id, &log(day, OccurrenceStatus::Missed), today, c).unwrap();
    }
}

#[test]
fn each_owner_is_scored_alone_never_averaged_with_the_other() {
    let (_d, v, repairing, c) = setup();
    let today = d(2026, 11, 20);
    one_keeps_one_misses(&v, repairing, &c, today);
    let l = v.commitments().ledger(repairing, today).unwrap();
    let scores: Vec<_> = l
        .owners
        .iter()
        .map(|o| (o.owner, o.last30.score, o.last30.kept, o.last30.missed))
        .collect();
    assert_eq!(
        scores,
        [(CommitmentOwner::Me, Some(1.0), 6, 0), (CommitmentOwner::Them, Some(0.0), 0, 6)],
        "100% and 0%, not 50%; the repairer's own first"
    );

    let deciding = relationship(&v, Role::Decider, &c);
    one_keeps_one_misses(&v, deciding, &c, today);
    let l = v.commitments().ledger(deciding, today).unwrap();
    let order: Vec<_> = l.owners.iter().map(|o| (o.owner, o.last90.score)).collect();
    assert_eq!(
        order,
        [(CommitmentOwner::Them, Some(0.0)), (CommitmentOwner::Me, Some(1.0))],
        "the decider reads the other person's first"
    );
}

#[test]
fn shared_commitments_are_counted_once_as_their_own_owner() {
    let (_d, v, rel, c) = setup();
    let today = d(2026, 11, 20);
    let both = CommitmentInput { owner: CommitmentOwner::Both, ..weekly() };
    let both = v.commitments().create(rel, &both, &c).unwrap();
    v.commitments().log(both.id, &log("2026-11-16", OccurrenceStatus::Kept), today, &c).unwrap();
    let l = v.commitments().ledger(rel, today).unwrap();
    assert_eq!(l.owners.len(), 1, "only owners with a commitment are listed");
    assert_eq!(l.owners[0].owner, CommitmentOwner::Both);
    assert_eq!((l.owners[0].last30.kept, l.owners[0].last30.not_logged), (1, 5));
    assert!(v
        .commitments()
        .ledger(relationship(&v, Role::Decider, &c), today)
        .unwrap()
        .owners
        .is_empty());
}

#[test]
fn only_real_due_days_can_be_logged_and_the_future_only_renegotiated() {
    let (_d, v, rel, c) = setup();
    let today = d(2026, 11, 20);
    let com = v.commitments().create(rel, &weekly(), &c).unwrap();
    let err = v
        .commitments()
        .log(com.id, &log("2026-11-03", OccurrenceStatus::Kept), today, &c)
        .unwrap_err();
    assert!(matches!(err, CommitmentError::Invalid(_)), "a Tuesday is not due");
    let err = v
        .commitments()
        .log(com.id, &log("2026-11-23", OccurrenceStatus::Kept), today, &c)
        .unwrap_err();
    assert!(matches!(err, CommitmentError::Invalid(_)), "can't keep what hasn't come");
    assert!(v
        .commitments()
        .log(com.id, &log("2026-02-30", OccurrenceStatus::Kept), today, &c)
        .is_err());
    let ahead = v
        .commitments()
        .log(com.id, &log("2026-11-23", OccurrenceStatus::Renegotiated), today, &c)
        .unwrap();
    assert!(ahead.ahead, "renegotiated before it was due");
    let ledger = v.commitments().ledger(rel, today).unwrap();
    assert_eq!(
        ledger.owners[0].last30.score, None,
        "a future date is outside the window until it comes"
    );
}

#[test]
fn bad_commitments_are_refused() {
    let (_d, v, rel, c) = setup();
    let cases = [
        CommitmentInput { promise: "  ".into(), ..weekly() },
        CommitmentInput { repeat: Repeat::Custom { rule: "FREQ=HOURLY".into() }, ..weekly() },
        CommitmentInput { repeat: Repeat::Custom { rule: "EVERY=DAY".into() }, ..weekly() },
        CommitmentInput { starts_on: "2026-13-01".into(), ..weekly() },
        CommitmentInput { ends_on: Some("2026-10-01".into()), ..weekly() },
        CommitmentInput { due_time: Some("25:00".into()), ..weekly() },
        CommitmentInput { due_time: None, remind: true, ..weekly() },
    ];
    let fields = ["promise", "repeat", "repeat", "startsOn", "endsOn", "dueTime", "dueTime"];
    for (i, (input, field)) in cases.iter().zip(fields).enumerate() {
        let e =
            v.commitments().create(rel, input, &c).expect_err(&format!("case {i} was accepted"));
        assert_eq!(e.kind(), ErrorKind::InvalidInput { field: Some(field) }, "case {i}: {e}");
    }
    let e = v
        .commitments()
        .create(rel, &CommitmentInput { remind: true, due_time: None, ..weekly() }, &c)
        .unwrap_err();
    assert_eq!(e.to_string(), "please choose a time for the reminder");
    let e = v
        .commitments()
        .create(rel, &CommitmentInput { repeat: Repeat::Weekly { days: vec![] }, ..weekly() }, &c)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput { field: Some("days") });
    assert!(v.commitments().list(rel).unwrap().is_empty());
}

#[test]
fn a_commitment_carries_its_typed_repeat_and_its_words() {
    let (_d, v, rel, c) = setup();
    let saved = v.commitments().create(rel, &weekly(), &c).unwrap();
    assert_eq!(saved.repeat, Repeat::Weekly { days: vec![Weekday::Mo, Weekday::Th] });
    assert_eq!(saved.repeat_description, "Every Monday and Thursday");
    assert_eq!(saved.rrule.as_deref(), Some("FREQ=WEEKLY;BYDAY=MO,TH"));
    let once =
        CommitmentInput { repeat: Repeat::Once, ends_on: Some("2027-01-01".into()), ..weekly() };
    let once = v.commitments().create(rel, &once, &c).unwrap();
    assert_eq!(
        (once.repeat_description.as_str(), once.ends_on),
        ("Once", None),
        "a one-off has no end"
    );
    let custom = Repeat::Custom { rule: "FREQ=DAILY;INTERVAL=3".into() };
    let kept = v
        .commitments()
        .create(rel, &CommitmentInput { repeat: custom.clone(), ..weekly() }, &c)
        .unwrap();
    assert_eq!((kept.repeat, kept.repeat_description.as_str()), (custom, "Every 3 days"));
}

#[test]
fn reminders_carry_times_and_rules_only_for_commitments_that_asked() {
    let (_d, v, rel, c) = setup();
    let with = v.commitments().create(rel, &weekly(), &c).unwrap();
    v.commitments().create(rel, &CommitmentInput { remind: false, ..weekly() }, &c).unwrap();
    let reminders = v.commitments().reminders().unwrap();
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].id, format!("commitment-{}", with.id));
    assert_eq!(reminders[0].at.to_string(), "19:30:00");
    let json = serde_json::to_string(&reminders).unwrap();
    assert!(!json.contains("Call on Monday"), "no wording in a reminder");
    assert!(!json.contains("Sam"));
}
