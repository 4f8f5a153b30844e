//! What the other person shared, read as progress in real vaults: received items linked
//! to the decider's checklist and shown in the step's own view as theirs, the items a step
//! could link, and their commitments' record on the dashboard beside what was observed.
use crate::sharing::{at, commitment_in, entry_in, local_day, pair, Pair};
use chrono::{Duration, NaiveDate};
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog, OccurrenceStatus};
use mend_core::progress::checklist::{ChecklistState, ChecklistStep, StepMarkInput};
use mend_core::progress::dashboard::{DashboardRange, DayState};
use mend_core::progress::theirs::TheirItemKind;
use mend_core::progress::ProgressError;
use mend_core::share::Selection;
use mend_core::{Clock, Vault};

const STEP: &str = "actions-not-words";

fn day(d: &str) -> NaiveDate {
    d.parse().unwrap()
}

/// Alex shares `selection`; Sam receives it into the relationship with Alex.
fn receive(p: &Pair, selection: &Selection) -> i64 {
    let opened = p.sam.shares().open(&p.seal(selection).file, None).unwrap();
    p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap()
}

fn step(p: &Pair) -> ChecklistStep {
    let lists = p.sam.progress().checklists(p.sam_rel, &local_day).unwrap();
    lists[0].steps.iter().find(|s| s.step_id == STEP).unwrap().clone()
}

fn mark(p: &Pair) {
    let mark = StepMarkInput {
        framework_id: "four-steps".into(),
        step_id: STEP.into(),
        marked_on: "2026-11-19".into(),
        note: String::new(),
    };
    p.sam.progress().mark_step(p.sam_rel, &mark, &p.clock).unwrap();
}

fn log(v: &Vault, commitment: i64, on: &str, status: OccurrenceStatus, p: &Pair) {
    let log = OccurrenceLog { due_on: on.into(), status, note: String::new() };
    v.commitments().log(commitment, &log, local_day(p.clock.now()), &p.clock).unwrap();
}

#[test]
fn a_linked_shared_item_is_in_the_steps_view_as_theirs_and_counts_as_evidence() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "I came home when I said I would.", &p.clock);
    let commitment = commitment_in(&p.alex, p.alex_rel, &p.clock);
    p.clock.advance(Duration::hours(1));
    receive(
        &p,
        &Selection {
            relationship_id: p.alex_rel,
            entry_ids: vec![entry],
            commitment_ids: vec![commitment],
            ..Selection::default()
        },
    );
    mark(&p);
    assert_eq!(step(&p).state, ChecklistState::Claimed);
    assert!(step(&p).theirs.is_empty());

    let progress = p.sam.progress();
    let offered = progress.their_candidates(p.sam_rel, "four-steps", STEP).unwrap();
    let kinds: Vec<TheirItemKind> = offered.iter().map(|o| o.kind).collect();
    assert_eq!(kinds, [TheirItemKind::Entry, TheirItemKind::Commitment]);
    assert!(offered.iter().all(|o| o.shared_by == "Alex" && o.link_id.is_none() && !o.replaced));
    assert_eq!(
        offered[0].lines.last().map(String::as_str),
        Some("I came home when I said I would.")
    );

    let link = progress.link_theirs(p.sam_rel, "four-steps", STEP, offered[1].item_id, &p.clock);
    let link = link.unwrap();
    let again = progress.link_theirs(p.sam_rel, "four-steps", STEP, offered[1].item_id, &p.clock);
    assert_eq!(again.unwrap(), link, "linked once");

    let s = step(&p);
    assert_eq!(s.state, ChecklistState::Evidenced, "their evidence alone evidences the step");
    assert!(s.evidence.is_empty(), "kept apart from the step's own evidence");
    assert_eq!(s.theirs.len(), 1);
    let theirs = &s.theirs[0];
    assert_eq!(theirs.link_id, Some(link));
    assert_eq!(theirs.item_id, offered[1].item_id);
    assert_eq!(theirs.kind, TheirItemKind::Commitment);
    assert_eq!(theirs.shared_by, "Alex");
    assert_eq!(theirs.fingerprint.len(), 23, "four groups of five digits");
    assert_eq!(theirs.heading, "Commitment: Home by seven on weekdays");
    assert!(theirs.lines.iter().any(|l| l.starts_with("2026-11-02: kept")), "{:?}", theirs.lines);
    assert!(theirs.lines.iter().any(|l| l.starts_with("2026-11-03: missed")));
    assert_eq!(theirs.received_at, at() + Duration::hours(1));
    assert!(!theirs.replaced);

    let offered = progress.their_candidates(p.sam_rel, "four-steps", STEP).unwrap();
    assert_eq!(offered.len(), 1, "the linked item is not offered again");
    assert_eq!(offered[0].kind, TheirItemKind::Entry);

    // Unlinking takes it off the step and leaves it received.
    progress.unlink_theirs(link).unwrap();
    let s = step(&p);
    assert_eq!(s.state, ChecklistState::Claimed);
    assert!(s.theirs.is_empty());
    assert!(matches!(progress.unlink_theirs(link), Err(ProgressError::NotFound)));
    assert_eq!(progress.their_candidates(p.sam_rel, "four-steps", STEP).unwrap().len(), 2);
}

#[test]
fn a_link_stays_on_the_version_linked_and_says_a_newer_one_arrived() {
    let p = pair();
    let commitment = commitment_in(&p.alex, p.alex_rel, &p.clock);
    let selection = Selection {
        relationship_id: p.alex_rel,
        commitment_ids: vec![commitment],
        ..Selection::default()
    };
    receive(&p, &selection);
    let progress = p.sam.progress();
    let first = progress.their_candidates(p.sam_rel, "four-steps", STEP).unwrap()[0].item_id;
    progress.link_theirs(p.sam_rel, "four-steps", STEP, first, &p.clock).unwrap();

    log(&p.alex, commitment, "2026-11-04", OccurrenceStatus::Kept, &p);
    p.clock.advance(Duration::days(1));
    receive(&p, &selection);

    let s = step(&p);
    assert_eq!(s.theirs.len(), 1);
    assert_eq!(s.theirs[0].item_id, first);
    assert!(s.theirs[0].replaced, "a newer version has arrived");
    assert!(!s.theirs[0].lines.iter().any(|l| l.starts_with("2026-11-04")), "the words linked");
    let offered = progress.their_candidates(p.sam_rel, "four-steps", STEP).unwrap();
    assert_eq!(offered.len(), 1, "the newer version can be linked too");
    assert_ne!(offered[0].item_id, first);
    assert!(offered[0].lines.iter().any(|l| l.starts_with("2026-11-04: kept")));
}

#[test]
fn a_sender_who_is_not_a_contact_is_named_by_fingerprint() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "Words.", &p.clock);
    receive(
        &p,
        &Selection { relationship_id: p.alex_rel, entry_ids: vec![entry], ..Selection::default() },
    );
    let contact = p.sam.shares().contacts(p.sam_rel).unwrap()[0].clone();
    p.sam.shares().remove_contact(contact.id).unwrap();
    let offered = p.sam.progress().their_candidates(p.sam_rel, "four-steps", STEP).unwrap();
    assert_eq!(offered[0].shared_by, contact.code.fingerprint());
    assert_eq!(offered[0].fingerprint, contact.code.fingerprint());
}

#[test]
fn shared_items_link_only_to_a_step_of_the_relationship_they_were_received_into() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "Words.", &p.clock);
    receive(
        &p,
        &Selection { relationship_id: p.alex_rel, entry_ids: vec![entry], ..Selection::default() },
    );
    let progress = p.sam.progress();
    let item = progress.their_candidates(p.sam_rel, "four-steps", STEP).unwrap()[0].item_id;
    let refused = progress.link_theirs(p.sam_rel, "five-as", "acknowledge", item, &p.clock);
    assert!(matches!(refused, Err(ProgressError::Invalid(_))), "{refused:?}");
    let refused = progress.their_candidates(p.sam_rel, "five-as", "acknowledge");
    assert!(matches!(refused, Err(ProgressError::Invalid(_))), "{refused:?}");
    let other = crate::common::add_relationship(
        &p.sam,
        "Robin",
        mend_core::frameworks::Role::Decider,
        &p.clock,
    );
    let refused = progress.link_theirs(other, "four-steps", STEP, item, &p.clock);
    assert!(matches!(refused, Err(ProgressError::Invalid(_))), "{refused:?}");
    assert!(progress.their_candidates(other, "four-steps", STEP).unwrap().is_empty());
}

#[test]
fn their_record_is_on_the_dashboard_beside_what_was_observed_and_never_added_to_it() {
    let p = pair();
    // Alex's own record: kept on the 2nd, missed on the 3rd (commitment_in), kept on the 4th.
    let commitment = commitment_in(&p.alex, p.alex_rel, &p.clock);
    log(&p.alex, commitment, "2026-11-04", OccurrenceStatus::Kept, &p);
    // A shared "ours" commitment of Alex's, logged once.
    let both = p
        .alex
        .commitments()
        .create(
            p.alex_rel,
            &CommitmentInput {
                owner: CommitmentOwner::Both,
                promise: "Talk on Sundays".into(),
                repeat: mend_core::repeat::Repeat::Once,
                starts_on: "2026-11-08".into(),
                ends_on: None,
                kept_looks_like: String::new(),
                due_time: None,
                remind: false,
                show_details: false,
            },
            &p.clock,
        )
        .unwrap()
        .id;
    log(&p.alex, both, "2026-11-08", OccurrenceStatus::Partly, &p);
    receive(
        &p,
        &Selection {
            relationship_id: p.alex_rel,
            commitment_ids: vec![commitment, both],
            ..Selection::default()
        },
    );
    // What Sam observed of Alex's commitment: missed on the 2nd.
    let observed = p
        .sam
        .commitments()
        .create(
            p.sam_rel,
            &CommitmentInput {
                owner: CommitmentOwner::Them,
                promise: "Home by seven".into(),
                repeat: mend_core::repeat::Repeat::Once,
                starts_on: "2026-11-02".into(),
                ends_on: None,
                kept_looks_like: String::new(),
                due_time: None,
                remind: false,
                show_details: false,
            },
            &p.clock,
        )
        .unwrap()
        .id;
    log(&p.sam, observed, "2026-11-02", OccurrenceStatus::Missed, &p);

    let today = local_day(p.clock.now());
    let range = DashboardRange { from: "2026-11-03".into(), to: "2026-11-20".into() };
    let dash = p.sam.progress().dashboard(p.sam_rel, &range, today, &local_day).unwrap();

    assert_eq!(dash.their_record.len(), 2, "one series per owner");
    let theirs = &dash.their_record[0];
    assert_eq!(theirs.owner, CommitmentOwner::Them, "Alex's own commitment is theirs here");
    assert_eq!(theirs.shared_by, "Alex");
    assert_eq!(theirs.promises, ["Home by seven on weekdays"]);
    let days: Vec<(NaiveDate, DayState)> = theirs.days.iter().map(|d| (d.on, d.state)).collect();
    assert_eq!(
        days,
        [(day("2026-11-03"), DayState::Missed), (day("2026-11-04"), DayState::Kept)],
        "only logged days in the range (the 2nd is before it)"
    );
    assert!(theirs.days.iter().all(|d| d.not_logged == 0 && d.upcoming == 0));
    assert_eq!(theirs.weeks.len(), 1);
    assert_eq!(
        (theirs.weeks[0].week_of, theirs.weeks[0].kept, theirs.weeks[0].missed),
        (day("2026-11-02"), 1, 1)
    );

    let ours = &dash.their_record[1];
    assert_eq!(ours.owner, CommitmentOwner::Both);
    assert_eq!(ours.promises, ["Talk on Sundays"]);
    assert_eq!(ours.days.len(), 1);
    assert_eq!((ours.days[0].on, ours.days[0].partly), (day("2026-11-08"), 1));

    // Sam's own series holds only what Sam observed: nothing of Alex's record is added.
    let observed = dash.owners.iter().find(|o| o.owner == CommitmentOwner::Them).unwrap();
    assert!(observed.days.is_empty(), "Sam's one observation is before the range");
    let all = DashboardRange { from: "2026-11-01".into(), to: "2026-11-20".into() };
    let dash = p.sam.progress().dashboard(p.sam_rel, &all, today, &local_day).unwrap();
    let observed = dash.owners.iter().find(|o| o.owner == CommitmentOwner::Them).unwrap();
    let tallies: Vec<(NaiveDate, u32, u32)> =
        observed.days.iter().map(|d| (d.on, d.kept, d.missed)).collect();
    assert_eq!(tallies, [(day("2026-11-02"), 0, 1)]);
    assert_eq!(dash.their_record[0].days[0].on, day("2026-11-02"));
    assert_eq!(dash.their_record[0].days[0].kept, 1, "their word, apart from the observation");
}

#[test]
fn a_relationship_with_nothing_shared_has_no_record_of_theirs() {
    let p = pair();
    let today = local_day(p.clock.now());
    let range = DashboardRange { from: "2026-11-01".into(), to: "2026-11-20".into() };
    let dash = p.sam.progress().dashboard(p.sam_rel, &range, today, &local_day).unwrap();
    assert!(dash.their_record.is_empty());
    let offered = p.sam.progress().their_candidates(p.sam_rel, "four-steps", STEP).unwrap();
    assert!(offered.is_empty());
}
