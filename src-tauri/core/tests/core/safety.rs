//! The safety check on a real vault: which answers switch a relationship's mode, what
//! each mode offers, and that reminders stop nudging toward repair in safety mode.
use chrono::{NaiveDate, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, FrameworkKind, Role};
use mend_core::ledger::{CommitmentInput, CommitmentOwner};
use mend_core::relationships::{EventInput, EventKind, RelationshipInput};
use mend_core::reminders::ReminderKind;
use mend_core::safety::{RelationshipMode, SafetyCheckInput, SafetyError};
use mend_core::{FixedClock, Passphrase, Vault, VaultPaths};

fn setup(role: Role) -> (tempfile::TempDir, Vault, i64, FixedClock) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        &VaultPaths::new(dir.path()),
        &Passphrase::new("lanterns along the quiet canal path".into()),
    )
    .unwrap();
    let c = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap());
    let rel = v
        .relationships()
        .create(
            &RelationshipInput {
                name: "Kit".into(),
                role,
                what_happened: String::new(),
                happened_on: None,
                breach_kind: BreachKind::Care,
                setting: None,
                power: None,
            },
            &c,
        )
        .unwrap()
        .id;
    (dir, v, rel, c)
}

fn answer(signs: &[&str]) -> SafetyCheckInput {
    SafetyCheckInput { present: signs.iter().map(|s| (*s).to_owned()).collect() }
}

fn kinds(v: &Vault, rel: i64) -> Vec<(String, FrameworkKind)> {
    v.guide().overview(rel).unwrap().frameworks.into_iter().map(|f| (f.id, f.kind)).collect()
}

fn reminded(v: &Vault) -> usize {
    v.reminder_schedule().unwrap().iter().filter(|r| r.kind == ReminderKind::CommitmentDue).count()
}

#[test]
fn a_warning_sign_switches_prompts_and_pauses_repair_reminders() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let view = v.safety().view(rel).unwrap();
    assert_eq!(view.mode, RelationshipMode::Repair);
    assert!(view.checked_at.is_none(), "never asked yet");
    v.commitments()
        .create(
            rel,
            &CommitmentInput {
                owner: CommitmentOwner::Them,
                promise: "Call before coming home late".into(),
                repeat: mend_core::repeat::Repeat::Daily,
                starts_on: "2026-11-01".into(),
                ends_on: None,
                kept_looks_like: String::new(),
                due_time: Some("18:00".into()),
                remind: true,
                show_details: false,
            },
            &c,
        )
        .unwrap();
    assert_eq!(reminded(&v), 1);
    assert!(kinds(&v, rel).iter().any(|(id, _)| id == "four-steps"));

    // No signs: repair stays.
    let view = v.safety().record(rel, &answer(&[]), &c).unwrap();
    assert_eq!((view.suggested, view.mode), (RelationshipMode::Repair, RelationshipMode::Repair));
    assert!(view.checked_at.is_some());
    assert_eq!(reminded(&v), 1);

    // One sign: safety mode, own-safety prompts only, no commitment reminders.
    let view = v.safety().record(rel, &answer(&["controlled"]), &c).unwrap();
    assert_eq!(view.mode, RelationshipMode::Safety);
    assert!(view.signs.iter().find(|s| s.id == "controlled").unwrap().present);
    assert!(!view.guidance.paragraphs.is_empty());
    assert_eq!(kinds(&v, rel), [("own-safety".to_owned(), FrameworkKind::Safety)]);
    assert_eq!(v.guide().overview(rel).unwrap().mode, RelationshipMode::Safety);
    assert_eq!(reminded(&v), 0);

    // The person may choose repair anyway, and go back.
    let view = v.safety().choose_mode(rel, Some(RelationshipMode::Repair)).unwrap();
    assert_eq!(
        (view.suggested, view.mode, view.chosen),
        (RelationshipMode::Safety, RelationshipMode::Repair, true)
    );
    assert!(kinds(&v, rel).iter().any(|(id, _)| id == "four-steps"));
    assert_eq!(reminded(&v), 1);
    let view = v.safety().choose_mode(rel, None).unwrap();
    assert_eq!((view.mode, view.chosen), (RelationshipMode::Safety, false));

    // Answering again is what counts: a fresh answer clears the hand-made choice.
    v.safety().choose_mode(rel, Some(RelationshipMode::Repair)).unwrap();
    let view = v.safety().record(rel, &answer(&["afraid", "hurt"]), &c).unwrap();
    assert_eq!((view.mode, view.chosen), (RelationshipMode::Safety, false));
}

#[test]
fn the_person_can_choose_safety_without_any_sign() {
    let (_d, v, rel, _c) = setup(Role::Repairer);
    let view = v.safety().choose_mode(rel, Some(RelationshipMode::Safety)).unwrap();
    assert_eq!(view.mode, RelationshipMode::Safety);
    assert!(view.checked_at.is_none());
    assert_eq!(kinds(&v, rel), [("own-safety".to_owned(), FrameworkKind::Safety)]);
}

#[test]
fn unknown_answers_change_nothing_and_checks_go_with_their_relationship() {
    let (_d, v, rel, c) = setup(Role::Decider);
    v.safety().record(rel, &answer(&["afraid"]), &c).unwrap();
    let err = v.safety().record(rel, &answer(&["afraid", "made-up"]), &c).unwrap_err();
    assert!(matches!(err, SafetyError::Invalid(_)));
    let view = v.safety().view(rel).unwrap();
    assert!(
        view.signs.iter().find(|s| s.id == "afraid").unwrap().present,
        "the earlier answer stands"
    );
    v.safety().not_now(rel, &c).unwrap();
    let declined = "SELECT count(*) FROM setting WHERE key LIKE 'safety.offerDeclinedAt.%'";
    let count = |sql: &str| -> i64 { v.connection().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count(declined), 1, "'Not now' is kept while the relationship is");
    v.relationships().delete(rel).unwrap();
    assert!(matches!(v.safety().view(rel), Err(SafetyError::RelationshipNotFound)));
    assert_eq!(count("SELECT count(*) FROM safety_check"), 0);
    assert_eq!(count(declined), 0, "and goes with it");
}

fn repeat_breach(v: &Vault, c: &FixedClock, rel: i64, on: &str) {
    let input =
        EventInput { kind: EventKind::RepeatBreach, occurred_on: on.into(), note: String::new() };
    v.relationships().add_event(rel, &input, c).unwrap();
}

fn offer(v: &Vault, rel: i64) -> Option<NaiveDate> {
    v.safety().view(rel).unwrap().offer_again_since
}

#[test]
fn a_repeat_breach_offers_the_check_again_until_it_is_taken_or_put_off() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let minute = chrono::Duration::minutes(1);
    v.safety().record(rel, &answer(&[]), &c).unwrap();
    assert_eq!(offer(&v, rel), None, "no repeat breach");
    c.advance(minute);
    let milestone = EventInput {
        kind: EventKind::Milestone,
        occurred_on: "2026-11-19".into(),
        note: String::new(),
    };
    v.relationships().add_event(rel, &milestone, &c).unwrap();
    assert_eq!(offer(&v, rel), None, "a milestone is not a breach");

    repeat_breach(&v, &c, rel, "2026-11-18");
    assert_eq!(offer(&v, rel), Some(NaiveDate::from_ymd_opt(2026, 11, 18).unwrap()));

    // Taking the check again answers the offer.
    c.advance(minute);
    assert_eq!(v.safety().record(rel, &answer(&[]), &c).unwrap().offer_again_since, None);

    // "Not now" puts it away until the next repeat breach is recorded.
    c.advance(minute);
    repeat_breach(&v, &c, rel, "2026-11-19");
    assert!(offer(&v, rel).is_some());
    c.advance(minute);
    assert_eq!(v.safety().not_now(rel, &c).unwrap().offer_again_since, None);
    assert_eq!(offer(&v, rel), None, "remembered");
    c.advance(minute);
    repeat_breach(&v, &c, rel, "2026-11-20");
    assert_eq!(offer(&v, rel), Some(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()), "back");

    // In safety mode the page already offers the check; no second offer.
    v.safety().choose_mode(rel, Some(RelationshipMode::Safety)).unwrap();
    assert_eq!(offer(&v, rel), None);
    assert!(matches!(v.safety().not_now(rel + 99, &c), Err(SafetyError::RelationshipNotFound)));
}

#[test]
fn a_repeat_breach_offers_the_check_to_a_repairer_who_never_took_it() {
    let (_d, v, rel, c) = setup(Role::Repairer);
    assert_eq!(offer(&v, rel), None);
    repeat_breach(&v, &c, rel, "2026-11-20");
    assert_eq!(offer(&v, rel), Some(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()));
}
