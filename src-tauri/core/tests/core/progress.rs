//! Checklists with evidence, check-ins, decisions and the dashboard, on a real vault.
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::ledger::OccurrenceStatus;
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog};
use mend_core::progress::checkins::{
    CheckInInput, CheckInScheduleInput, DecisionChoice, DecisionInput,
};
use mend_core::progress::checklist::{ChecklistState, EvidenceKind, StepMarkInput};
use mend_core::progress::dashboard::{DashboardRange, DayState};
use mend_core::progress::ProgressError;
use mend_core::relationships::{EventInput, EventKind, RelationshipInput};
use mend_core::reminders::ReminderKind;
use mend_core::repeat::{CheckInEvery, Repeat};
use mend_core::{EntryMeta, FixedClock, Passphrase, Vault, VaultPaths};
use std::collections::BTreeMap;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The person lives at UTC+10: local days differ from UTC days in the evening (UTC).
fn local_day(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&FixedOffset::east_opt(10 * 3600).unwrap()).date_naive()
}

fn relationship(v: &Vault, c: &FixedClock, name: &str, role: Role) -> i64 {
    v.relationships()
        .create(
            &RelationshipInput {
                name: name.into(),
                role,
                what_happened: String::new(),
                happened_on: None,
                breach_kind: BreachKind::Integrity,
                setting: None,
                power: None,
            },
            c,
        )
        .unwrap()
        .id
}

/// The setup clock's day.
const NOV20: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 20) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

fn setup(role: Role) -> (tempfile::TempDir, Vault, i64, FixedClock) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        &VaultPaths::new(dir.path()),
        &Passphrase::new("slow river under a pale winter sky".into()),
    )
    .unwrap();
    let c = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap());
    let rel = relationship(&v, &c, "Alex", role);
    (dir, v, rel, c)
}

fn mark(step: &str, on: &str) -> StepMarkInput {
    StepMarkInput {
        framework_id: "four-steps".into(),
        step_id: step.into(),
        marked_on: on.into(),
        note: String::new(),
    }
}

fn step_state(v: &Vault, rel: i64, step: &str) -> ChecklistState {
    let lists = v.progress().checklists(rel, &local_day).unwrap();
    lists[0].steps.iter().find(|s| s.step_id == step).unwrap().state
}

#[test]
fn a_decider_sees_a_step_claimed_until_evidence_is_linked() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let lists = v.progress().checklists(rel, &local_day).unwrap();
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].framework_id, "four-steps");
    assert_eq!(lists[0].steps.len(), 4);
    assert!(lists[0].steps.iter().all(|s| s.state == ChecklistState::Open));

    v.progress().mark_step(rel, &mark("take-ownership", "2026-11-18"), &c).unwrap();
    assert_eq!(step_state(&v, rel, "take-ownership"), ChecklistState::Claimed);

    let meta = EntryMeta {
        relationship_id: Some(rel),
        framework_id: Some("four-steps".into()),
        step_id: Some("take-ownership".into()),
        ..EntryMeta::default()
    };
    let entry =
        v.journal().create_with("# They said it was wrong\nNo excuses.", &meta, &c).unwrap();
    let candidates =
        v.progress().evidence_candidates(rel, "four-steps", "take-ownership", &local_day).unwrap();
    let first = &candidates[0];
    assert_eq!(first.target.entry_id, Some(entry.id));
    assert!(first.answers_step);
    assert_eq!(first.text, "They said it was wrong");
    assert_eq!(first.on, d(2026, 11, 20));

    v.progress().link_evidence(rel, "four-steps", "take-ownership", &first.target, &c).unwrap();
    v.progress().link_evidence(rel, "four-steps", "take-ownership", &first.target, &c).unwrap();
    let lists = v.progress().checklists(rel, &local_day).unwrap();
    let step = &lists[0].steps[0];
    assert_eq!(step.state, ChecklistState::Evidenced);
    assert_eq!(step.evidence.len(), 1, "linking twice keeps one link");
    assert_eq!(step.marked_on, Some(d(2026, 11, 18)));
    assert_eq!(step.written_on, [d(2026, 11, 20)]);
    let again =
        v.progress().evidence_candidates(rel, "four-steps", "take-ownership", &local_day).unwrap();
    assert!(
        again.iter().all(|c| c.target.entry_id != Some(entry.id)),
        "linked ones are not offered"
    );

    // Deleting the entry takes the link with it: the step is only claimed again.
    v.journal().delete(entry.id).unwrap();
    assert_eq!(step_state(&v, rel, "take-ownership"), ChecklistState::Claimed);
    v.progress().unmark_step(rel, "four-steps", "take-ownership").unwrap();
    assert_eq!(step_state(&v, rel, "take-ownership"), ChecklistState::Open);
}

#[test]
fn events_and_logged_occurrences_are_evidence_and_vanish_with_their_source() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let event = v
        .relationships()
        .add_event(
            rel,
            &EventInput {
                kind: EventKind::Milestone,
                occurred_on: "2026-11-10".into(),
                note: "Paid back what was owed".into(),
            },
            &c,
        )
        .unwrap();
    let com = v
        .commitments()
        .create(
            rel,
            &CommitmentInput {
                owner: CommitmentOwner::Them,
                promise: "Home by seven on weekdays".into(),
                repeat: Repeat::Daily,
                starts_on: "2026-11-01".into(),
                ends_on: None,
                kept_looks_like: String::new(),
                due_time: None,
                remind: false,
                show_details: false,
            },
            &c,
        )
        .unwrap();
    let log = OccurrenceLog {
        due_on: "2026-11-12".into(),
        status: OccurrenceStatus::Kept,
        note: String::new(),
    };
    v.commitments().log(com.id, &log, d(2026, 11, 20), &c).unwrap();

    v.progress().mark_step(rel, &mark("actions-not-words", "2026-11-19"), &c).unwrap();
    let candidates = v
        .progress()
        .evidence_candidates(rel, "four-steps", "actions-not-words", &local_day)
        .unwrap();
    let ev = candidates.iter().find(|c| c.target.kind == EvidenceKind::Event).unwrap();
    assert_eq!(ev.event_kind, Some(EventKind::Milestone));
    let occ = candidates.iter().find(|c| c.target.kind == EvidenceKind::Occurrence).unwrap();
    assert_eq!(occ.occurrence_status, Some(OccurrenceStatus::Kept));
    assert_eq!(occ.text, "Home by seven on weekdays");
    for t in [&ev.target, &occ.target] {
        v.progress().link_evidence(rel, "four-steps", "actions-not-words", t, &c).unwrap();
    }
    let list = &v.progress().checklists(rel, &local_day).unwrap()[0];
    let step = list.steps.iter().find(|s| s.step_id == "actions-not-words").unwrap();
    assert_eq!(step.evidence.len(), 2);
    assert_eq!(step.evidence[0].on, d(2026, 11, 10), "oldest first");

    v.commitments().unlog(com.id, "2026-11-12").unwrap();
    v.relationships().delete_event(event.id).unwrap();
    assert_eq!(step_state(&v, rel, "actions-not-words"), ChecklistState::Claimed);
}

#[test]
fn evidence_from_elsewhere_and_impossible_marks_change_nothing() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let other = relationship(&v, &c, "Jo", Role::Decider);
    let meta = EntryMeta { relationship_id: Some(other), ..EntryMeta::default() };
    let theirs = v.journal().create_with("About Jo", &meta, &c).unwrap();
    let candidates =
        v.progress().evidence_candidates(other, "four-steps", "make-amends", &local_day).unwrap();
    let err = v
        .progress()
        .link_evidence(rel, "four-steps", "make-amends", &candidates[0].target, &c)
        .unwrap_err();
    assert!(matches!(err, ProgressError::Invalid(_)));
    assert_eq!(candidates[0].target.entry_id, Some(theirs.id));

    assert!(matches!(
        v.progress().mark_step(rel, &mark("take-ownership", "2026-11-31"), &c),
        Err(ProgressError::InvalidDate(_))
    ));
    assert!(matches!(
        v.progress().mark_step(rel, &mark("take-ownership", "2027-01-01"), &c),
        Err(ProgressError::InvalidDate(_))
    ));
    assert!(matches!(
        v.progress().mark_step(rel, &mark("no-such-step", "2026-11-01"), &c),
        Err(ProgressError::Invalid(_))
    ));
    assert!(v.progress().checklists(rel, &local_day).unwrap()[0]
        .steps
        .iter()
        .all(|s| s.state == ChecklistState::Open));
}

#[test]
fn a_repairer_keeps_the_five_as_and_the_three_stages() {
    let (_d, v, rel, c) = setup(Role::Repairer);
    let lists = v.progress().checklists(rel, &local_day).unwrap();
    let ids: Vec<&str> = lists.iter().map(|l| l.framework_id.as_str()).collect();
    assert_eq!(ids, ["five-as", "acknowledge-communicate-consistent"]);
    assert_eq!(lists[0].steps.len(), 5);
    let done = StepMarkInput {
        framework_id: "five-as".into(),
        step_id: "admit".into(),
        marked_on: "2026-11-02".into(),
        note: "Told them it was my doing".into(),
    };
    v.progress().mark_step(rel, &done, &c).unwrap();
    let lists = v.progress().checklists(rel, &local_day).unwrap();
    let admit = lists[0].steps.iter().find(|s| s.step_id == "admit").unwrap();
    assert_eq!(
        (admit.marked_on, admit.note.as_str()),
        (Some(d(2026, 11, 2)), "Told them it was my doing")
    );
    assert!(
        v.progress().mark_step(rel, &mark("take-ownership", "2026-11-01"), &c).is_err(),
        "not on the repairer's checklists"
    );
}

fn answers(pairs: &[(&str, u8)]) -> BTreeMap<String, u8> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

fn check_in(on: &str, pairs: &[(&str, u8)], trust: Option<u8>) -> CheckInInput {
    CheckInInput { on: on.into(), answers: answers(pairs), trust_level: trust, note: String::new() }
}

#[test]
fn check_ins_replace_their_day_and_refuse_bad_input_without_changes() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let p = v.progress();
    p.save_check_in(rel, &check_in("2026-11-01", &[("able-skills", 2)], Some(3)), NOV20, &c)
        .unwrap();
    p.save_check_in(
        rel,
        &check_in("2026-11-01", &[("able-skills", 4), ("able-results", 5)], Some(5)),
        NOV20,
        &c,
    )
    .unwrap();
    let all = p.check_ins(rel, d(2026, 1, 1), d(2026, 12, 31)).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].trust_level, Some(5));
    assert_eq!(all[0].scores.able, Some(4.5));

    for bad in [
        check_in("2026-11-02", &[("able-skills", 6)], None),
        check_in("2026-11-02", &[("able-skills", 0)], None),
        check_in("2026-11-02", &[("made-up", 3)], None),
        check_in("2026-11-02", &[], Some(11)),
        check_in("2026-11-02", &[], None),
        check_in("2026-02-30", &[("able-skills", 3)], None),
        check_in("2026-12-25", &[("able-skills", 3)], None),
    ] {
        assert!(p.save_check_in(rel, &bad, NOV20, &c).is_err(), "{bad:?}");
    }
    assert_eq!(p.check_ins(rel, d(2026, 1, 1), d(2026, 12, 31)).unwrap(), all, "nothing changed");
    let later =
        p.save_check_in(rel, &check_in("2026-11-21", &[("able-skills", 3)], None), NOV20, &c);
    let e = later.unwrap_err();
    assert_eq!(e.to_string(), "a check-in can't be for a day that hasn't come yet");
    assert_eq!(e.kind(), mend_core::ErrorKind::InvalidInput { field: Some("on") });
    let empty = p.save_check_in(rel, &check_in("", &[("able-skills", 3)], None), NOV20, &c);
    assert_eq!(empty.unwrap_err().to_string(), "please choose the day this check-in is for");
    let none = p.save_check_in(rel, &check_in("2026-11-02", &[], None), NOV20, &c).unwrap_err();
    assert_eq!(
        none.to_string(),
        "answer at least one question, or give a trust level, to save a check-in"
    );

    let (_d2, v2, repairer, c2) = setup(Role::Repairer);
    let err = v2
        .progress()
        .save_check_in(repairer, &check_in("2026-11-01", &[], Some(4)), NOV20, &c2)
        .unwrap_err();
    assert!(matches!(err, ProgressError::Invalid(_)), "a repairer gives no trust level");

    p.delete_check_in(rel, "2026-11-01").unwrap();
    assert!(p.check_ins(rel, d(2026, 1, 1), d(2026, 12, 31)).unwrap().is_empty());
    assert!(matches!(p.delete_check_in(rel, "2026-11-01"), Err(ProgressError::NotFound)));
}

#[test]
fn decisions_are_the_deciders_and_stepping_away_is_one_of_them() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let input = DecisionInput {
        decided_on: "2026-11-15".into(),
        choice: DecisionChoice::StepAway,
        reasons: "It keeps happening.".into(),
    };
    let saved = v.progress().add_decision(rel, &input, &c).unwrap();
    let list = v.progress().decisions(rel, d(2026, 11, 1), d(2026, 11, 30)).unwrap();
    assert_eq!(list, std::slice::from_ref(&saved));
    assert_eq!(list[0].choice, DecisionChoice::StepAway);
    v.progress().delete_decision(saved.id).unwrap();
    assert!(v.progress().decisions(rel, d(2026, 11, 1), d(2026, 11, 30)).unwrap().is_empty());

    let (_d2, v2, repairer, c2) = setup(Role::Repairer);
    assert!(v2.progress().add_decision(repairer, &input, &c2).is_err());
}

#[test]
fn a_check_in_schedule_becomes_a_reminder_with_no_words() {
    let (_d, v, rel, _c) = setup(Role::Decider);
    let today = d(2026, 11, 20); // a Friday
    let input = CheckInScheduleInput {
        repeat: CheckInEvery::Custom { rule: "FREQ=WEEKLY;BYDAY=SU".into() },
        starts_on: "2026-11-01".into(),
        at: "18:30".into(),
        remind: true,
    };
    let s = v.progress().set_check_in_schedule(rel, &input, today).unwrap().unwrap();
    assert_eq!(s.next_on, Some(d(2026, 11, 22)));
    let schedule = v.reminder_schedule().unwrap();
    let r = schedule.iter().find(|r| r.kind == ReminderKind::CheckIn).unwrap();
    assert_eq!(r.id, format!("checkin-{rel}"));
    assert_eq!(r.relationship_id, Some(rel));
    assert!(!r.show_details);
    let bad = CheckInScheduleInput {
        repeat: CheckInEvery::Custom { rule: "FREQ=HOURLY".into() },
        ..input.clone()
    };
    assert!(v.progress().set_check_in_schedule(rel, &bad, today).is_err());
    let no_time = CheckInScheduleInput { at: "".into(), ..input.clone() };
    let e = v.progress().set_check_in_schedule(rel, &no_time, today).unwrap_err();
    assert_eq!(e.to_string(), "please choose a time of day, such as 19:00");
    assert_eq!(e.kind(), mend_core::ErrorKind::InvalidInput { field: Some("at") });
    let weekly = CheckInScheduleInput { repeat: CheckInEvery::Weekly, ..input.clone() };
    let saved = v.progress().set_check_in_schedule(rel, &weekly, today).unwrap().unwrap();
    assert_eq!((saved.repeat, saved.next_on), (CheckInEvery::Weekly, Some(d(2026, 11, 22))));
    v.progress().set_check_in_schedule(rel, &input, today).unwrap();
    assert_eq!(v.progress().check_in_schedule(rel, today).unwrap(), Some(s));
    v.progress().clear_check_in_schedule(rel).unwrap();
    assert!(v.reminder_schedule().unwrap().iter().all(|r| r.kind != ReminderKind::CheckIn));
}

#[test]
fn the_weekly_look_back_opens_the_only_relationships_checklist() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let weekly = |v: &mend_core::Vault| {
        v.reminder_schedule()
            .unwrap()
            .into_iter()
            .find(|r| r.kind == ReminderKind::WeeklyReview)
            .unwrap()
    };
    assert_eq!(weekly(&v).relationship_id, Some(rel));
    // With two, Mend cannot tell which one the person means: the journal opens instead.
    let other = relationship(&v, &c, "Jo", Role::Repairer);
    assert_eq!(weekly(&v).relationship_id, None);
    v.relationships().delete(rel).unwrap();
    assert_eq!(weekly(&v).relationship_id, Some(other));
    assert_eq!(mend_core::reminders::weekly_look_back_on(&[]), None);
}

#[test]
fn the_dashboard_puts_each_record_on_the_right_day() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let p = v.progress();
    p.save_check_in(
        rel,
        &check_in("2026-09-01", &[("able-skills", 1), ("believable-truth", 1)], Some(2)),
        NOV20,
        &c,
    )
    .unwrap();
    p.save_check_in(rel, &check_in("2026-10-01", &[], Some(4)), NOV20, &c).unwrap();
    p.save_check_in(
        rel,
        &check_in("2026-11-01", &[("able-skills", 4), ("dependable-follow", 5)], Some(6)),
        NOV20,
        &c,
    )
    .unwrap();
    v.relationships()
        .add_event(
            rel,
            &EventInput {
                kind: EventKind::RepeatBreach,
                occurred_on: "2026-10-10".into(),
                note: String::new(),
            },
            &c,
        )
        .unwrap();
    let com = v
        .commitments()
        .create(
            rel,
            &CommitmentInput {
                owner: CommitmentOwner::Them,
                promise: "Check in every evening".into(),
                repeat: Repeat::Daily,
                starts_on: "2026-11-09".into(),
                ends_on: None,
                kept_looks_like: String::new(),
                due_time: None,
                remind: false,
                show_details: false,
            },
            &c,
        )
        .unwrap();
    let today = d(2026, 11, 20);
    for (day, status) in [
        ("2026-11-09", OccurrenceStatus::Kept),
        ("2026-11-10", OccurrenceStatus::Missed),
        ("2026-11-16", OccurrenceStatus::Kept),
    ] {
        v.commitments()
            .log(
                com.id,
                &OccurrenceLog { due_on: day.into(), status, note: String::new() },
                today,
                &c,
            )
            .unwrap();
    }
    // An entry written at 20:00 UTC on 14 November is on 15 November at UTC+10.
    c.set(Utc.with_ymd_and_hms(2026, 11, 14, 20, 0, 0).unwrap());
    let meta = EntryMeta {
        relationship_id: Some(rel),
        framework_id: Some("four-steps".into()),
        step_id: Some("make-amends".into()),
        ..EntryMeta::default()
    };
    v.journal().create_with("They fixed the fence", &meta, &c).unwrap();

    let range = DashboardRange { from: "2026-10-01".into(), to: "2026-11-30".into() };
    let dash = p.dashboard(rel, &range, today, &local_day).unwrap();
    let trust: Vec<(NaiveDate, u8)> = dash.trust.iter().map(|t| (t.on, t.level)).collect();
    assert_eq!(trust, [(d(2026, 10, 1), 4), (d(2026, 11, 1), 6)], "only the range's trust levels");
    assert_eq!(dash.ratings.len(), 1, "the trust-only day has no ABCD point");
    assert_eq!(
        dash.first_rating.unwrap().on,
        d(2026, 9, 1),
        "the first rating ever, outside the range"
    );
    assert_eq!(dash.first_rating.unwrap().scores.able, Some(1.0));
    let latest = dash.latest_rating.unwrap();
    assert_eq!(
        (latest.on, latest.scores.able, latest.scores.dependable, latest.scores.connected),
        (d(2026, 11, 1), Some(4.0), Some(5.0), None)
    );
    assert_eq!(dash.events.len(), 1);
    assert_eq!(dash.events[0].kind, EventKind::RepeatBreach);

    // 9 Nov to 30 Nov fall due: 22 days.
    assert_eq!(dash.owners.len(), 1, "one owner, one series");
    let theirs = &dash.owners[0];
    assert_eq!(theirs.owner, CommitmentOwner::Them);
    assert_eq!(theirs.days.len(), 22);
    let state = |day| theirs.days.iter().find(|t| t.on == day).unwrap().state;
    assert_eq!(state(d(2026, 11, 9)), DayState::Kept);
    assert_eq!(state(d(2026, 11, 10)), DayState::Missed);
    assert_eq!(state(d(2026, 11, 11)), DayState::NotLogged);
    assert_eq!(state(d(2026, 11, 20)), DayState::Upcoming);
    let week = theirs.weeks.iter().find(|w| w.week_of == d(2026, 11, 9)).unwrap();
    assert_eq!((week.kept, week.missed, week.not_logged), (1, 1, 5));
    let last = theirs.consistency.last().unwrap();
    assert_eq!(last.on, today);
    assert_eq!(last.logged, 3);
    assert!((last.score.unwrap() - 2.0 / 3.0).abs() < 1e-9);

    assert_eq!(dash.steps.len(), 1);
    assert_eq!(
        (dash.steps[0].on, dash.steps[0].step_id.as_str()),
        (d(2026, 11, 15), "make-amends")
    );

    assert_eq!(dash.earliest, d(2026, 9, 1), "the first check-in is the earliest record");

    let bad = DashboardRange { from: "2026-11-30".into(), to: "2026-10-01".into() };
    assert!(p.dashboard(rel, &bad, today, &local_day).is_err());
}

#[test]
fn the_dashboard_charts_each_owner_apart_in_the_roles_order() {
    for role in [Role::Decider, Role::Repairer] {
        let (_d, v, rel, c) = setup(role);
        let today = d(2026, 11, 20);
        for (owner, status) in [
            (CommitmentOwner::Me, OccurrenceStatus::Kept),
            (CommitmentOwner::Them, OccurrenceStatus::Missed),
        ] {
            let input = CommitmentInput {
                owner,
                promise: "A short walk together".into(),
                repeat: Repeat::Daily,
                starts_on: "2026-11-16".into(),
                ends_on: None,
                kept_looks_like: String::new(),
                due_time: None,
                remind: false,
                show_details: false,
            };
            let com = v.commitments().create(rel, &input, &c).unwrap();
            for day in ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"] {
                let log = OccurrenceLog { due_on: day.into(), status, note: String::new() };
                v.commitments().log(com.id, &log, today, &c).unwrap();
            }
        }
        let range = DashboardRange { from: "2026-11-01".into(), to: "2026-11-20".into() };
        let dash = v.progress().dashboard(rel, &range, today, &local_day).unwrap();
        let seen: Vec<_> = dash
            .owners
            .iter()
            .map(|o| {
                let week = o.weeks.iter().find(|w| w.week_of == d(2026, 11, 16)).unwrap();
                let kept_days = o.days.iter().filter(|t| t.state == DayState::Kept).count();
                (o.owner, o.consistency.last().unwrap().score, week.kept, week.missed, kept_days)
            })
            .collect();
        let me = (CommitmentOwner::Me, Some(1.0), 4, 0, 4);
        let them = (CommitmentOwner::Them, Some(0.0), 0, 4, 0);
        let expected = if role == Role::Decider { [them, me] } else { [me, them] };
        assert_eq!(seen, expected, "{role:?}: 100% and 0%, never a mixed 50%");
    }
}

fn repeat_breach(v: &Vault, c: &FixedClock, rel: i64, on: &str) {
    let input =
        EventInput { kind: EventKind::RepeatBreach, occurred_on: on.into(), note: String::new() };
    v.relationships().add_event(rel, &input, c).unwrap();
}

/// Each step's (id, day of the repeat breach it was marked before), in checklist order.
fn flagged(v: &Vault, rel: i64) -> Vec<(String, Option<NaiveDate>)> {
    let lists = v.progress().checklists(rel, &local_day).unwrap();
    lists
        .iter()
        .flat_map(|l| l.steps.iter())
        .filter(|s| s.marked_on.is_some())
        .map(|s| (s.step_id.clone(), s.before_repeat_breach))
        .collect()
}

#[test]
fn marks_made_before_the_latest_repeat_breach_ask_whether_they_still_hold() {
    let (_d, v, rel, c) = setup(Role::Decider);
    v.progress().mark_step(rel, &mark("take-ownership", "2026-11-02"), &c).unwrap();
    v.progress().mark_step(rel, &mark("show-compassion", "2026-11-12"), &c).unwrap();
    assert!(flagged(&v, rel).iter().all(|(_, f)| f.is_none()), "no repeat breach yet");

    c.advance(chrono::Duration::minutes(5));
    repeat_breach(&v, &c, rel, "2026-11-05");
    assert_eq!(
        flagged(&v, rel),
        [("take-ownership".into(), Some(d(2026, 11, 5))), ("show-compassion".into(), None)],
        "only the mark before it"
    );

    // A second, later repeat breach is the one that counts; one added later but dated
    // earlier changes nothing.
    c.advance(chrono::Duration::minutes(5));
    repeat_breach(&v, &c, rel, "2026-11-15");
    repeat_breach(&v, &c, rel, "2026-11-01");
    assert_eq!(
        flagged(&v, rel),
        [
            ("take-ownership".into(), Some(d(2026, 11, 15))),
            ("show-compassion".into(), Some(d(2026, 11, 15)))
        ]
    );

    // A mark made on the breach's day after it was recorded already knows about it.
    c.advance(chrono::Duration::minutes(5));
    v.progress().mark_step(rel, &mark("make-amends", "2026-11-15"), &c).unwrap();
    let after = flagged(&v, rel);
    assert!(after.contains(&("make-amends".into(), None)), "{after:?}");
}

#[test]
fn still_holds_keeps_the_note_and_evidence_and_no_longer_holds_unmarks() {
    let (_d, v, rel, c) = setup(Role::Decider);
    let input = StepMarkInput {
        note: "They named it plainly".into(),
        ..mark("take-ownership", "2026-11-02")
    };
    v.progress().mark_step(rel, &input, &c).unwrap();
    v.progress().mark_step(rel, &mark("show-compassion", "2026-11-03"), &c).unwrap();
    let event = v
        .relationships()
        .add_event(
            rel,
            &EventInput {
                kind: EventKind::Milestone,
                occurred_on: "2026-11-02".into(),
                note: "Talked".into(),
            },
            &c,
        )
        .unwrap();
    let target = v
        .progress()
        .evidence_candidates(rel, "four-steps", "take-ownership", &local_day)
        .unwrap()
        .into_iter()
        .find(|e| e.target.event_id == Some(event.id))
        .unwrap()
        .target;
    v.progress().link_evidence(rel, "four-steps", "take-ownership", &target, &c).unwrap();
    c.advance(chrono::Duration::hours(1));
    repeat_breach(&v, &c, rel, "2026-11-19");

    // Two days later (local), the person says it still holds.
    c.advance(chrono::Duration::days(2));
    v.progress().reconfirm_step(rel, "four-steps", "take-ownership", &local_day, &c).unwrap();
    let lists = v.progress().checklists(rel, &local_day).unwrap();
    let step = lists[0].steps.iter().find(|s| s.step_id == "take-ownership").unwrap();
    assert_eq!(step.before_repeat_breach, None);
    assert_eq!(step.marked_on, Some(d(2026, 11, 22)), "marked again today");
    assert_eq!(step.note, "They named it plainly");
    assert_eq!(step.evidence.len(), 1);
    assert_eq!(step.state, ChecklistState::Evidenced);

    // "No longer holds" is the ordinary unmark.
    v.progress().unmark_step(rel, "four-steps", "show-compassion").unwrap();
    assert_eq!(flagged(&v, rel), [("take-ownership".into(), None)]);
    assert!(
        matches!(
            v.progress().reconfirm_step(rel, "four-steps", "show-compassion", &local_day, &c),
            Err(ProgressError::NotFound)
        ),
        "only a marked step can still hold"
    );
    assert!(v.progress().reconfirm_step(rel, "five-as", "admit", &local_day, &c).is_err());
}

#[test]
fn a_repairers_marks_before_a_repeat_breach_are_asked_about_too() {
    let (_d, v, rel, c) = setup(Role::Repairer);
    for (fw, step) in [("five-as", "admit"), ("acknowledge-communicate-consistent", "acknowledge")]
    {
        let input = StepMarkInput {
            framework_id: fw.into(),
            step_id: step.into(),
            marked_on: "2026-11-02".into(),
            note: String::new(),
        };
        v.progress().mark_step(rel, &input, &c).unwrap();
    }
    c.advance(chrono::Duration::minutes(1));
    repeat_breach(&v, &c, rel, "2026-11-10");
    assert_eq!(
        flagged(&v, rel),
        [("admit".into(), Some(d(2026, 11, 10))), ("acknowledge".into(), Some(d(2026, 11, 10)))]
    );
    c.advance(chrono::Duration::minutes(1));
    v.progress()
        .reconfirm_step(rel, "acknowledge-communicate-consistent", "acknowledge", &local_day, &c)
        .unwrap();
    assert_eq!(
        flagged(&v, rel),
        [("admit".into(), Some(d(2026, 11, 10))), ("acknowledge".into(), None)]
    );
}
