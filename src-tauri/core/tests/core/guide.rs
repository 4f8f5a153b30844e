//! Relationships, guided steps, conversations and search on a real vault.
use chrono::{Duration, TimeZone, Utc};
use mend_core::conversation::{ConversationOutcome, ConversationPlan};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::guide::{GuideError, StepRef, StepStatus, UserPromptInput};
use mend_core::journal::TimelineFilter;
use mend_core::ledger::CommitmentOwner;
use mend_core::relationships::{EventInput, EventKind, RelationshipInput};
use mend_core::search::SearchQuery;
use mend_core::{EntryMeta, FixedClock, Passphrase, Vault, VaultPaths};

fn vault() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::create(
        &VaultPaths::new(dir.path()),
        &Passphrase::new("quiet lantern over the harbour wall".into()),
    )
    .unwrap();
    (dir, v)
}

fn clock() -> FixedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).unwrap())
}

fn input(name: &str, role: Role, kind: BreachKind, on: &str) -> RelationshipInput {
    RelationshipInput {
        name: name.into(),
        role,
        what_happened: "Something that broke trust.".into(),
        happened_on: Some(on.into()),
        breach_kind: kind,
        setting: None,
        power: None,
    }
}

#[test]
fn relationships_keep_their_role_and_their_first_breach() {
    let (_d, v) = vault();
    let c = clock();
    let sam = v
        .relationships()
        .create(&input("Sam", Role::Decider, BreachKind::Integrity, "2026-09-14"), &c)
        .unwrap();
    let jo = v
        .relationships()
        .create(&input("Jo", Role::Repairer, BreachKind::Competence, ""), &c)
        .unwrap();
    assert_eq!(
        v.relationships().list().unwrap().iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["Sam", "Jo"]
    );
    assert_eq!(sam.role, Role::Decider);
    let events = v.relationships().events(sam.id).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, EventKind::Breach);
    assert_eq!(events[0].occurred_on.to_string(), "2026-09-14");
    assert!(v.relationships().events(jo.id).unwrap().is_empty(), "no date, no breach event");
}

#[test]
fn bad_names_and_impossible_or_future_dates_change_nothing() {
    let (_d, v) = vault();
    let c = clock();
    // Each refusal names the form's field at fault, so the form can mark it.
    for (name, on, field) in [
        ("", "2026-01-01", "name"),
        ("Sam", "2026-02-30", "happenedOn"),
        ("Sam", "2027-01-01", "happenedOn"),
        (&"x".repeat(81)[..], "", "name"),
    ] {
        let err = v
            .relationships()
            .create(&input(name, Role::Decider, BreachKind::Care, on), &c)
            .unwrap_err();
        assert_eq!(
            err.kind(),
            mend_core::ErrorKind::InvalidInput { field: Some(field) },
            "{name:?} {on:?}: {err:?}"
        );
    }
    assert!(v.relationships().list().unwrap().is_empty());
    let sam =
        v.relationships().create(&input("Sam", Role::Decider, BreachKind::Care, ""), &c).unwrap();
    let bad = EventInput {
        kind: EventKind::RepeatBreach,
        occurred_on: "2026-11-31".into(),
        note: String::new(),
    };
    assert!(v.relationships().add_event(sam.id, &bad, &c).is_err());
    assert!(v.relationships().events(sam.id).unwrap().is_empty());
}

#[test]
fn the_guide_follows_the_role() {
    let (_d, v) = vault();
    let c = clock();
    let decider = v
        .relationships()
        .create(&input("Sam", Role::Decider, BreachKind::Integrity, ""), &c)
        .unwrap();
    let repairer = v
        .relationships()
        .create(&input("Jo", Role::Repairer, BreachKind::Competence, ""), &c)
        .unwrap();
    let d = v.guide().overview(decider.id).unwrap();
    let r = v.guide().overview(repairer.id).unwrap();
    let ids = |g: &mend_core::guide::RelationshipGuide| {
        g.frameworks.iter().map(|f| f.id.clone()).collect::<Vec<_>>()
    };
    assert!(
        !ids(&d).contains(&"acknowledge-communicate-consistent".to_string()),
        "repairer-only framework"
    );
    assert!(ids(&r).contains(&"acknowledge-communicate-consistent".to_string()));
    let four_d = d.frameworks.iter().find(|f| f.id == "four-steps").unwrap();
    let four_r = r.frameworks.iter().find(|f| f.id == "four-steps").unwrap();
    assert_ne!(
        four_d.steps[0].prompts[0].text, four_r.steps[0].prompts[0].text,
        "worded for each role"
    );
    let conv_d = d.frameworks.iter().find(|f| f.id == "repair-conversation").unwrap();
    assert!(conv_d.steps.iter().any(|s| s.id == "misdiagnosis-check"));
    let conv_r = r.frameworks.iter().find(|f| f.id == "repair-conversation").unwrap();
    assert!(
        !conv_r.steps.iter().any(|s| s.id == "misdiagnosis-check"),
        "the check is the decider's"
    );
    // Guidance follows the kind of breach.
    assert_ne!(four_d.steps[0].guidance, four_r.steps[0].guidance);
}

#[test]
fn a_step_goes_from_untouched_to_in_progress_to_done() {
    let (_d, v) = vault();
    let c = clock();
    let rel = v
        .relationships()
        .create(&input("Sam", Role::Decider, BreachKind::Integrity, ""), &c)
        .unwrap();
    let step = StepRef {
        relationship_id: rel.id,
        framework_id: "four-steps".into(),
        step_id: "take-ownership".into(),
    };
    let status = |v: &Vault| {
        let g = v.guide().overview(rel.id).unwrap();
        g.frameworks.iter().find(|f| f.id == "four-steps").unwrap().steps[0].status
    };
    assert_eq!(status(&v), StepStatus::Untouched);
    v.guide().save_draft(&step, &["They said it was wrong, on Tuesday.".into()], &c).unwrap();
    assert_eq!(status(&v), StepStatus::InProgress);
    assert_eq!(
        v.guide().draft(&step).unwrap().unwrap().answers[0],
        "They said it was wrong, on Tuesday."
    );

    assert!(matches!(
        v.guide().complete(&step, &["  ".into()], None, vec![], &c),
        Err(GuideError::NothingAnswered)
    ));
    let answers = vec![
        "They said it was wrong, on Tuesday.".to_string(),
        String::new(),
        "No excuses this time.".into(),
    ];
    let entry = v
        .guide()
        .complete(&step, &answers, Some("hopeful".into()), vec!["ownership".into()], &c)
        .unwrap();
    assert_eq!(status(&v), StepStatus::Done);
    assert!(v.guide().draft(&step).unwrap().is_none(), "draft cleared");
    assert_eq!(entry.meta.relationship_id, Some(rel.id));
    assert_eq!(entry.meta.framework_id.as_deref(), Some("four-steps"));
    assert_eq!(entry.meta.step_id.as_deref(), Some("take-ownership"));
    assert_eq!(entry.meta.mood.as_deref(), Some("hopeful"));
    assert_eq!(entry.meta.tags, ["ownership"]);
    assert!(entry.body.contains("They said it was wrong, on Tuesday."));
    assert!(entry.body.contains("No excuses this time."));
    assert_eq!(entry.body.matches("**").count(), 4, "two answered prompts, each under its prompt");
    let timeline = v
        .journal()
        .timeline_filtered(TimelineFilter { relationship_id: Some(rel.id) }, None, 10)
        .unwrap();
    assert_eq!(timeline.entries.len(), 1);
    // Revisiting a done step starts a new draft: the step shows in progress again.
    v.guide().save_draft(&step, &["More, a week later.".into()], &c).unwrap();
    assert_eq!(status(&v), StepStatus::InProgress);
}

#[test]
fn steps_outside_the_role_or_the_frameworks_are_refused() {
    let (_d, v) = vault();
    let c = clock();
    let rel =
        v.relationships().create(&input("Jo", Role::Repairer, BreachKind::Care, ""), &c).unwrap();
    let not_theirs = StepRef {
        relationship_id: rel.id,
        framework_id: "repair-conversation".into(),
        step_id: "misdiagnosis-check".into(),
    };
    assert!(matches!(
        v.guide().save_draft(&not_theirs, &["x".into()], &c),
        Err(GuideError::UnknownStep)
    ));
    let unknown =
        StepRef { relationship_id: rel.id, framework_id: "nope".into(), step_id: "x".into() };
    assert!(matches!(
        v.guide().complete(&unknown, &["x".into()], None, vec![], &c),
        Err(GuideError::UnknownStep)
    ));
}

#[test]
fn own_prompts_join_the_step_for_that_role_and_templates_run_as_steps() {
    let (_d, v) = vault();
    let c = clock();
    let rel =
        v.relationships().create(&input("Jo", Role::Repairer, BreachKind::Care, ""), &c).unwrap();
    let id = v
        .guide()
        .add_user_prompt(
            &UserPromptInput {
                framework_id: "five-as".into(),
                step_id: "amend".into(),
                role: Role::Repairer,
                text: "What will I do on Sundays?".into(),
            },
            &c,
        )
        .unwrap();
    let g = v.guide().overview(rel.id).unwrap();
    let amend = g
        .frameworks
        .iter()
        .find(|f| f.id == "five-as")
        .unwrap()
        .steps
        .iter()
        .find(|s| s.id == "amend")
        .unwrap();
    let last = amend.prompts.last().unwrap();
    assert_eq!((last.text.as_str(), last.user_prompt_id), ("What will I do on Sundays?", Some(id)));
    v.guide().delete_user_prompt(id).unwrap();

    let t = v
        .guide()
        .create_template(
            "Evening check",
            &["What went well?".into(), " ".into(), "What didn't?".into()],
            &c,
        )
        .unwrap();
    assert_eq!(t.prompts.len(), 2, "blank prompts dropped");
    let step = StepRef {
        relationship_id: rel.id,
        framework_id: "template".into(),
        step_id: t.id.to_string(),
    };
    let e = v
        .guide()
        .complete(&step, &["Called when I said I would.".into()], None, vec![], &c)
        .unwrap();
    assert!(e.body.starts_with("## Evening check"));
    let g = v.guide().overview(rel.id).unwrap();
    assert_eq!(g.templates[0].status, StepStatus::Done);
}

#[test]
fn deleting_a_relationship_keeps_its_entries() {
    let (_d, v) = vault();
    let c = clock();
    let rel = v
        .relationships()
        .create(&input("Sam", Role::Decider, BreachKind::Care, "2026-01-05"), &c)
        .unwrap();
    let meta = EntryMeta { relationship_id: Some(rel.id), ..Default::default() };
    let e = v.journal().create_with("Still mine to keep.", &meta, &c).unwrap();
    v.relationships().delete(rel.id).unwrap();
    let kept = v.journal().get(e.id).unwrap();
    assert_eq!(kept.body, "Still mine to keep.");
    assert_eq!(kept.meta.relationship_id, None);
    // An entry cannot point at a relationship that is gone.
    assert!(v.journal().create_with("x", &meta, &c).is_err());
}

#[test]
fn a_conversation_ends_with_one_commitment_from_each_person() {
    let (_d, v) = vault();
    let c = clock();
    let rel = v
        .relationships()
        .create(&input("Sam", Role::Decider, BreachKind::Integrity, ""), &c)
        .unwrap();
    let mut plan = ConversationPlan::default();
    plan.notes.insert("their-perspective".into(), "Ask what the week was like for them.".into());
    let conv = v.conversations().create(rel.id, &plan, &c).unwrap();
    plan.notes.insert("not-a-step".into(), "x".into());
    assert!(v.conversations().save_plan(conv.id, &plan, &c).is_err());

    let missing = ConversationOutcome {
        held_on: "2026-11-19".into(),
        outcome: "Calmer than I feared.".into(),
        my_commitment: "Say when something bothers me, the same day.".into(),
        their_commitment: "  ".into(),
    };
    assert!(v.conversations().record_outcome(conv.id, &missing, &c).is_err());
    let outcome =
        ConversationOutcome { their_commitment: "Tell me before plans change.".into(), ..missing };
    let done = v.conversations().record_outcome(conv.id, &outcome, &c).unwrap();
    assert_eq!(done.commitments.len(), 2);
    assert_eq!(done.commitments[0].owner, CommitmentOwner::Me);
    assert_eq!(done.commitments[1].owner, CommitmentOwner::Them);
    assert_eq!(done.commitments[1].promise, "Tell me before plans change.");
    assert_eq!(done.commitments[0].rrule, None, "a one-off until the ledger gives it a schedule");
    assert_eq!(v.commitments().list(rel.id).unwrap().len(), 2);
    // Recording again replaces rather than duplicates, and marks the day once.
    v.conversations().record_outcome(conv.id, &outcome, &c).unwrap();
    assert_eq!(v.commitments().list(rel.id).unwrap().len(), 2);
    let milestones = v.relationships().events(rel.id).unwrap();
    assert_eq!(milestones.iter().filter(|e| e.kind == EventKind::Milestone).count(), 1);
}

#[test]
fn a_decider_may_close_a_conversation_with_only_the_other_persons_commitment() {
    let (_d, v) = vault();
    let c = clock();
    let outcome = ConversationOutcome {
        held_on: "2026-11-19".into(),
        outcome: "They listened.".into(),
        my_commitment: "  ".into(),
        their_commitment: "Tell me before plans change.".into(),
    };
    let decider = v
        .relationships()
        .create(&input("Sam", Role::Decider, BreachKind::Integrity, ""), &c)
        .unwrap();
    let conv = v.conversations().create(decider.id, &ConversationPlan::default(), &c).unwrap();
    assert!(conv.own_commitment_optional);
    let done = v.conversations().record_outcome(conv.id, &outcome, &c).unwrap();
    assert_eq!(done.commitments.len(), 1, "no empty promise of their own is stored");
    assert_eq!(done.commitments[0].owner, CommitmentOwner::Them);
    assert_eq!(done.commitments[0].promise, "Tell me before plans change.");
    assert_eq!(v.commitments().list(decider.id).unwrap().len(), 1);

    // The other person's commitment is still needed.
    let nothing_from_them = ConversationOutcome {
        their_commitment: "".into(),
        my_commitment: "Say so on the day.".into(),
        ..outcome.clone()
    };
    assert!(v.conversations().record_outcome(conv.id, &nothing_from_them, &c).is_err());
    assert_eq!(v.commitments().list(decider.id).unwrap().len(), 1, "a refusal changes nothing");

    // The repairer still closes with a commitment of their own.
    let repairer = v
        .relationships()
        .create(&input("Jo", Role::Repairer, BreachKind::Integrity, ""), &c)
        .unwrap();
    let conv = v.conversations().create(repairer.id, &ConversationPlan::default(), &c).unwrap();
    assert!(!conv.own_commitment_optional);
    assert!(v.conversations().record_outcome(conv.id, &outcome, &c).is_err());
    assert!(v.commitments().list(repairer.id).unwrap().is_empty());
}

#[test]
fn search_ranks_filters_and_highlights() {
    let (_d, v) = vault();
    let c = clock();
    let sam =
        v.relationships().create(&input("Sam", Role::Decider, BreachKind::Care, ""), &c).unwrap();
    let jo =
        v.relationships().create(&input("Jo", Role::Repairer, BreachKind::Care, ""), &c).unwrap();
    let add = |body: &str, rel: Option<i64>, mood: Option<&str>, tags: &[&str], days_ago: i64| {
        c.set(Utc.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).unwrap() - Duration::days(days_ago));
        let meta = EntryMeta {
            relationship_id: rel,
            mood: mood.map(Into::into),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        };
        v.journal().create_with(body, &meta, &c).unwrap().id
    };
    let once = add(
        "A long entry about many things, and one mention of the promise.",
        Some(sam.id),
        Some("tired"),
        &["work"],
        30,
    );
    let thrice = add(
        "The promise. Promises kept. Another promise kept today.",
        Some(sam.id),
        Some("hopeful"),
        &["kept"],
        10,
    );
    let other = add("Jo and the promise about Sundays.", Some(jo.id), None, &["Sundays"], 2);
    let free = add("Nothing about it here: <script>x</script> just weather.", None, None, &[], 1);

    let q = |f: &dyn Fn(&mut SearchQuery)| {
        let mut query = SearchQuery { text: "promise".into(), ..Default::default() };
        f(&mut query);
        v.search().run(&query).unwrap().hits.iter().map(|h| h.entry.id).collect::<Vec<_>>()
    };
    let all = q(&|_| {});
    assert_eq!(all.len(), 3);
    assert_eq!(all[0], thrice, "most mentions, shortest entry ranks first");
    assert!(!all.contains(&free));
    assert_eq!(q(&|s| s.relationship_id = Some(jo.id)), [other]);
    assert_eq!(q(&|s| s.tag = Some("KEPT".into())), [thrice], "tags match ignoring case");
    assert_eq!(q(&|s| s.mood = Some("tired".into())), [once]);
    assert_eq!(
        q(&|s| s.from = Some(Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap())).len(),
        2,
        "date range"
    );
    assert_eq!(q(&|s| s.to = Some(Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap())), [once]);
    assert_eq!(q(&|s| s.text = "prom".into()).len(), 3, "prefix while typing");
    assert_eq!(q(&|s| s.text = "promises".into()).len(), 3, "stemmed");
    assert!(q(&|s| s.text = "\"(NEAR AND".into()).is_empty(), "no syntax error on odd input");

    let res =
        v.search().run(&SearchQuery { text: "weather".into(), ..Default::default() }).unwrap();
    assert_eq!(res.hits.len(), 1);
    let snippet = &res.hits[0].snippet;
    assert!(snippet.contains("<mark>weather</mark>"), "{snippet}");
    assert!(!snippet.contains("<script"), "{snippet}");

    // No words: the filtered entries, newest first.
    let browse = v
        .search()
        .run(&SearchQuery { relationship_id: Some(sam.id), ..Default::default() })
        .unwrap();
    assert_eq!(browse.hits.iter().map(|h| h.entry.id).collect::<Vec<_>>(), [thrice, once]);

    // Edits and deletions reach the index.
    v.journal().update(other, "Jo and Sundays.", &c).unwrap();
    v.journal().delete(thrice).unwrap();
    assert_eq!(q(&|_| {}), [once]);
}

#[test]
fn tags_are_tidied_counted_and_limited() {
    let (_d, v) = vault();
    let c = clock();
    let meta = EntryMeta {
        tags: vec!["#Work".into(), "work".into(), " family  time ".into(), "".into()],
        ..Default::default()
    };
    let e = v.journal().create_with("tagged", &meta, &c).unwrap();
    assert_eq!(e.meta.tags, ["family time", "Work"]);
    let too_many =
        EntryMeta { tags: (0..21).map(|i| format!("t{i}")).collect(), ..Default::default() };
    assert!(v.journal().set_meta(e.id, &too_many).is_err());
    assert_eq!(
        v.journal().get(e.id).unwrap().meta.tags,
        ["family time", "Work"],
        "unchanged after refusal"
    );
    let counts = v.journal().tags().unwrap();
    assert_eq!(counts.len(), 2);
}

#[test]
fn removing_an_own_prompt_keeps_other_drafts_answers_under_their_prompts() {
    let (_d, v) = vault();
    let c = clock();
    let a =
        v.relationships().create(&input("Jo", Role::Repairer, BreachKind::Care, ""), &c).unwrap();
    let b =
        v.relationships().create(&input("Ash", Role::Repairer, BreachKind::Care, ""), &c).unwrap();
    let own = |text: &str| UserPromptInput {
        framework_id: "five-as".into(),
        step_id: "amend".into(),
        role: Role::Repairer,
        text: text.into(),
    };
    let first = v.guide().add_user_prompt(&own("First own question?"), &c).unwrap();
    v.guide().add_user_prompt(&own("Second own question?"), &c).unwrap();
    let step = |rel: i64| StepRef {
        relationship_id: rel,
        framework_id: "five-as".into(),
        step_id: "amend".into(),
    };
    let (_, prompts) = v.guide().prompts_for(&step(a.id)).unwrap();
    let n = prompts.len();
    assert_eq!(&prompts[n - 2..], ["First own question?", "Second own question?"]);
    let mut answers: Vec<String> = vec![String::new(); n];
    answers[n - 2] = "answer to the first".into();
    answers[n - 1] = "answer to the second".into();
    v.guide().save_draft(&step(a.id), &answers, &c).unwrap();
    v.guide().save_draft(&step(b.id), &answers, &c).unwrap();

    v.guide().delete_user_prompt(first).unwrap();
    let (_, prompts) = v.guide().prompts_for(&step(a.id)).unwrap();
    for rel in [a.id, b.id] {
        let draft = v.guide().draft(&step(rel)).unwrap().unwrap();
        assert_eq!(draft.answers.len(), prompts.len());
        assert_eq!(prompts.last().unwrap(), "Second own question?");
        assert_eq!(draft.answers.last().unwrap(), "answer to the second", "still under its prompt");
    }
    assert!(matches!(v.guide().delete_user_prompt(first), Err(GuideError::NotFound)));
}
