//! A relationship's setting and power: chosen, changed and cleared; refused outside work;
//! carried through an export; and the framework variants they bring to the guide.
use chrono::{TimeZone, Utc};
use mend_core::error::ErrorKind;
use mend_core::frameworks::{self, BreachKind, Context, Role};
use mend_core::guide::{StepRef, UserPromptInput};
use mend_core::relationships::{Power, RelationshipError, RelationshipInput, Setting};
use mend_core::{FixedClock, Passphrase, Vault, VaultPaths};

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

fn input(role: Role, setting: Option<Setting>, power: Option<Power>) -> RelationshipInput {
    RelationshipInput {
        name: "Alex".into(),
        role,
        what_happened: String::new(),
        happened_on: None,
        breach_kind: BreachKind::Competence,
        setting,
        power,
    }
}

#[test]
fn a_setting_and_power_are_kept_changed_and_cleared() {
    let (_d, v) = vault();
    let c = clock();
    let rels = v.relationships();
    let r = rels
        .create(&input(Role::Repairer, Some(Setting::Colleague), Some(Power::Even)), &c)
        .unwrap();
    assert_eq!((r.setting, r.power), (Some(Setting::Colleague), Some(Power::Even)));
    assert_eq!(rels.get(r.id).unwrap().contexts, [Context::Work]);

    // A manager implies their power; the person can say otherwise.
    let r2 = rels.update(r.id, &input(Role::Repairer, Some(Setting::MyManager), None), &c).unwrap();
    assert_eq!((r2.setting, r2.power), (Some(Setting::MyManager), Some(Power::Them)));
    assert_eq!(r2.contexts, [Context::Work, Context::UnderPower]);
    let r3 = rels
        .update(r.id, &input(Role::Repairer, Some(Setting::MyManager), Some(Power::Even)), &c)
        .unwrap();
    assert_eq!(r3.power, Some(Power::Even));

    // Moving to a personal setting drops power; clearing leaves both unset.
    let r4 = rels.update(r.id, &input(Role::Repairer, Some(Setting::Friend), None), &c).unwrap();
    assert_eq!(
        (r4.setting, r4.power, r4.contexts.clone()),
        (Some(Setting::Friend), None, vec![Context::Personal])
    );
    let r5 = rels.update(r.id, &input(Role::Repairer, None, None), &c).unwrap();
    assert_eq!((r5.setting, r5.power), (None, None));
    assert!(rels.get(r.id).unwrap().contexts.is_empty());
}

#[test]
fn power_for_a_personal_setting_is_refused_at_the_power_field() {
    let (_d, v) = vault();
    let c = clock();
    let rels = v.relationships();
    let err = rels
        .create(&input(Role::Decider, Some(Setting::Partner), Some(Power::Them)), &c)
        .unwrap_err();
    assert!(matches!(err, RelationshipError::PowerOutsideWork));
    assert_eq!(err.kind(), ErrorKind::InvalidInput { field: Some("power") });
    assert!(err.to_string().contains("work"), "{err}");
    assert!(rels.list().unwrap().is_empty(), "nothing was saved");

    let r = rels.create(&input(Role::Decider, None, None), &c).unwrap();
    let err = rels.update(r.id, &input(Role::Decider, None, Some(Power::Me)), &c).unwrap_err();
    assert!(matches!(err, RelationshipError::PowerOutsideWork));
    assert_eq!(rels.get(r.id).unwrap().power, None);
}

#[test]
fn old_callers_without_setting_or_power_still_work() {
    let json = r#"{"name":"Sam","role":"decider","breachKind":"care"}"#;
    let input: RelationshipInput = serde_json::from_str(json).unwrap();
    assert_eq!((input.setting, input.power), (None, None));
    let json = r#"{"name":"Sam","role":"decider","breachKind":"care","setting":"someoneIManage","power":null}"#;
    let input: RelationshipInput = serde_json::from_str(json).unwrap();
    assert_eq!(input.setting, Some(Setting::SomeoneIManage));
}

#[test]
fn a_leader_at_work_sees_the_leader_variant_and_a_partner_does_not() {
    let (_d, v) = vault();
    let c = clock();
    let lead = v
        .relationships()
        .create(&input(Role::Repairer, Some(Setting::SomeoneIManage), None), &c)
        .unwrap();
    let partner =
        v.relationships().create(&input(Role::Repairer, Some(Setting::Partner), None), &c).unwrap();
    let (_, step) = frameworks::find_step("four-steps", "take-ownership").unwrap();
    let leader_variant = step
        .variants
        .iter()
        .find(|v| v.when == Context::Leader && !v.prompts.repairer.is_empty())
        .expect("a leader's variant of owning it");
    let first_leader_prompt = &leader_variant.prompts.repairer[0];

    let view = |id: i64| {
        let guide = v.guide().overview(id).unwrap();
        let fw = guide.frameworks.into_iter().find(|f| f.id == "four-steps").unwrap();
        fw.steps.into_iter().find(|s| s.id == "take-ownership").unwrap()
    };
    let as_leader = view(lead.id);
    assert_eq!(&as_leader.prompts[0].text, first_leader_prompt, "the variant comes first");
    assert!(!as_leader.notes.is_empty(), "the leader's note is shown");
    let as_partner = view(partner.id);
    assert!(as_partner.prompts.iter().all(|p| &p.text != first_leader_prompt));
    assert!(as_partner.notes.iter().all(|n| leader_variant.note.as_ref() != Some(n)));
    assert_eq!(as_partner.prompts[0].text, step.prompts.repairer[0]);

    // The step as completed asks the same prompts the guide showed.
    let at = |id| StepRef {
        relationship_id: id,
        framework_id: "four-steps".into(),
        step_id: "take-ownership".into(),
    };
    let (_, asked) = v.guide().prompts_for(&at(lead.id)).unwrap();
    assert_eq!(asked, as_leader.prompts.iter().map(|p| p.text.clone()).collect::<Vec<_>>());
    let entry =
        v.guide().complete(&at(lead.id), &["I owned it.".into()], None, vec![], &c).unwrap();
    assert!(entry.body.contains(first_leader_prompt.as_str()), "{}", entry.body);
}

#[test]
fn a_team_sees_the_team_variant_in_the_conversation_plan() {
    let (_d, v) = vault();
    let c = clock();
    let team = v
        .relationships()
        .create(&input(Role::Repairer, Some(Setting::Team), Some(Power::Me)), &c)
        .unwrap();
    let guide = v.guide().overview(team.id).unwrap();
    let conv = guide.frameworks.iter().find(|f| f.id == "repair-conversation").unwrap();
    let notes: Vec<&String> = conv.steps.iter().flat_map(|s| &s.notes).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.to_lowercase().contains("team") || n.to_lowercase().contains("group")),
        "{notes:?}"
    );
}

#[test]
fn deleting_an_own_prompt_keeps_drafts_aligned_when_a_setting_adds_prompts() {
    let (_d, v) = vault();
    let c = clock();
    let lead = v
        .relationships()
        .create(&input(Role::Repairer, Some(Setting::SomeoneIManage), None), &c)
        .unwrap();
    let plain = v.relationships().create(&input(Role::Repairer, None, None), &c).unwrap();
    let own = |text: &str| UserPromptInput {
        framework_id: "four-steps".into(),
        step_id: "take-ownership".into(),
        role: Role::Repairer,
        text: text.into(),
    };
    let first = v.guide().add_user_prompt(&own("My first question"), &c).unwrap();
    v.guide().add_user_prompt(&own("My second question"), &c).unwrap();
    let at = |id| StepRef {
        relationship_id: id,
        framework_id: "four-steps".into(),
        step_id: "take-ownership".into(),
    };
    for id in [lead.id, plain.id] {
        let (_, prompts) = v.guide().prompts_for(&at(id)).unwrap();
        let mut answers = vec![String::new(); prompts.len()];
        answers[prompts.len() - 2] = "to the first".into();
        answers[prompts.len() - 1] = "to the second".into();
        v.guide().save_draft(&at(id), &answers, &c).unwrap();
    }
    v.guide().delete_user_prompt(first).unwrap();
    for id in [lead.id, plain.id] {
        let (_, prompts) = v.guide().prompts_for(&at(id)).unwrap();
        let draft = v.guide().draft(&at(id)).unwrap().unwrap();
        assert_eq!(draft.answers.len(), prompts.len());
        assert_eq!(prompts.last().unwrap(), "My second question");
        assert_eq!(draft.answers.last().unwrap(), "to the second", "relationship {id}");
    }
}

#[test]
fn an_export_carries_the_setting_and_an_old_export_still_imports() {
    let (_d, v) = vault();
    let c = clock();
    v.relationships()
        .create(&input(Role::Repairer, Some(Setting::Team), Some(Power::Me)), &c)
        .unwrap();
    let export = v.export(&c).unwrap();
    let json = serde_json::to_value(&export).unwrap();
    assert_eq!(json["relationships"][0]["setting"], "team");
    assert_eq!(json["relationships"][0]["power"], "me");

    // The Markdown export names it in the front matter of the relationship's entries.
    let team = v.relationships().list().unwrap()[0].id;
    let meta = mend_core::EntryMeta { relationship_id: Some(team), ..Default::default() };
    v.journal().create_with("A note about the team.", &meta, &c).unwrap();
    let out = tempfile::tempdir().unwrap();
    let written = v.export_markdown_to(out.path(), "Mend", &c).unwrap();
    let folder = written.path.join("Alex");
    let file = std::fs::read_dir(&folder).unwrap().next().unwrap().unwrap().path();
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("setting: \"team (I hold more power)\"\n"), "{text}");

    let old = r#"{"format":"mend-journal","version":1,"exportedAt":"2026-01-01T00:00:00Z",
        "relationships":[{"ref":1,"name":"Robin","role":"repairer","breachKind":"care",
        "createdAt":"2025-12-01T00:00:00Z"}],"entries":[]}"#;
    let parsed: mend_core::transfer::export::JournalExport = serde_json::from_str(old).unwrap();
    assert_eq!((parsed.relationships[0].setting, parsed.relationships[0].power), (None, None));
}

#[test]
fn changing_the_setting_keeps_each_draft_answer_with_its_question() {
    let (_d, v) = vault();
    let c = clock();
    let lead = v
        .relationships()
        .create(&input(Role::Repairer, Some(Setting::SomeoneIManage), None), &c)
        .unwrap();
    let at = StepRef {
        relationship_id: lead.id,
        framework_id: "four-steps".into(),
        step_id: "take-ownership".into(),
    };
    let (_, before) = v.guide().prompts_for(&at).unwrap();
    let (_, step) = frameworks::find_step("four-steps", "take-ownership").unwrap();
    let base = &step.prompts.repairer;
    let variant_count = before.len() - base.len();
    assert!(variant_count > 0);
    let mut answers = vec![String::new(); before.len()];
    answers[0] = "As their manager, I own it.".into();
    answers[variant_count] = "I moved the deadline without asking.".into();
    v.guide().save_draft(&at, &answers, &c).unwrap();

    v.relationships()
        .update(lead.id, &input(Role::Repairer, Some(Setting::Partner), None), &c)
        .unwrap();
    let (_, after) = v.guide().prompts_for(&at).unwrap();
    assert_eq!(&after, base, "no leader prompts for a partner");
    let draft = v.guide().draft(&at).unwrap().unwrap();
    assert_eq!(
        draft.answers[0], "I moved the deadline without asking.",
        "still under its question"
    );
    assert_eq!(
        draft.answers.last().map(String::as_str),
        Some("As their manager, I own it."),
        "the answer to a question no longer asked is kept, at the end"
    );
    assert_eq!(draft.answers.iter().filter(|a| !a.is_empty()).count(), 2);
}
