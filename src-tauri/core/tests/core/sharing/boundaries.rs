//! What never leaves in a share, in real vaults: nothing from a relationship in
//! own-safety mode, nothing of another relationship, never the safety check or writing
//! kept for one's own safety, and the candidates offered to choose from.
use super::*;

#[test]
fn a_relationship_in_own_safety_mode_shares_nothing() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "Nothing to send.", &p.clock);
    let signs = SafetyCheckInput { present: vec!["controlled".into()] };
    p.alex.safety().record(p.alex_rel, &signs, &p.clock).unwrap();
    let selection = p.entries(&[entry]);
    let refused = p
        .alex
        .shares()
        .seal(&selection, ShareTo::Contact(p.sam_contact), &local_day, &mut OsRng, &p.clock)
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(refused, SharingError::SafetyMode), "{refused:?}");
    let message = refused.to_string();
    assert!(message.contains("own-safety mode"), "{message}");
    assert!(message.contains("turned back on in the relationship's safety settings"), "{message}");
    let preview = p.alex.shares().preview(&selection, &local_day, &p.clock).unwrap_err();
    assert!(matches!(preview, SharingError::SafetyMode));
    assert_eq!(p.alex.shares().next_sequence().unwrap(), Some(1), "no number taken");

    // Only the person's own choice turns it back on.
    p.alex.safety().choose_mode(p.alex_rel, Some(RelationshipMode::Repair)).unwrap();
    assert_eq!(p.seal(&selection).sequence, 1);
}

#[test]
fn ids_from_another_relationship_refuse_the_whole_share() {
    let clock = FixedClock::new(at());
    let (_d, v, rel) = vault_with("Sam", Role::Decider, &clock);
    let other = add_relationship(&v, "Robin", Role::Decider, &clock);
    let today = local_day(clock.now());
    let theirs = *mend_core::share::Identity::generate(&mut OsRng).unwrap().code();
    v.shares().my_code(&mut OsRng, &clock).unwrap();
    let contact = v.shares().add_contact(rel, "Sam", &theirs.compact(), &clock).unwrap().id;
    let elsewhere = v.shares().add_contact(other, "Robin", &theirs.compact(), &clock).unwrap().id;

    let mine = entry_in(&v, rel, "Mine.", &clock);
    let foreign_entry = entry_in(&v, other, "Robin's.", &clock);
    let free_entry = v.journal().create("Free writing.", &clock).unwrap().id;
    let foreign_commitment = commitment_in(&v, other, &clock);
    let check_in = CheckInInput {
        on: "2026-11-19".into(),
        answers: [("able-skills".to_string(), 4u8)].into_iter().collect(),
        trust_level: Some(5),
        note: String::new(),
    };
    v.progress().save_check_in(other, &check_in, today, &clock).unwrap();
    let decision = DecisionInput {
        decided_on: "2026-11-19".into(),
        choice: DecisionChoice::Hold,
        reasons: "Not yet.".into(),
    };
    let foreign_decision = v.progress().add_decision(other, &decision, &clock).unwrap().id;
    let own_decision = v.progress().add_decision(rel, &decision, &clock).unwrap().id;

    let base = Selection { relationship_id: rel, entry_ids: vec![mine], ..Selection::default() };
    let seal = |s: &Selection, to: i64| {
        v.shares().seal(s, ShareTo::Contact(to), &local_day, &mut OsRng, &clock).map(|_| ())
    };
    let day = NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
    for (what, selection) in [
        ("another's entry", Selection { entry_ids: vec![mine, foreign_entry], ..base.clone() }),
        ("a free entry", Selection { entry_ids: vec![free_entry], ..base.clone() }),
        ("a missing entry", Selection { entry_ids: vec![9_999], ..base.clone() }),
        (
            "another's commitment",
            Selection { commitment_ids: vec![foreign_commitment], ..base.clone() },
        ),
        ("another's check-in", Selection { check_ins: vec![day], ..base.clone() }),
        ("another's decision", Selection { decision_id: Some(foreign_decision), ..base.clone() }),
        (
            "an unmarked step",
            Selection {
                marks: vec![("four-steps".into(), "take-ownership".into())],
                ..base.clone()
            },
        ),
    ] {
        let refused = seal(&selection, contact).unwrap_err();
        assert!(matches!(refused, SharingError::NotInRelationship), "{what}: {refused:?}");
    }
    let refused = seal(&base, elsewhere).unwrap_err();
    assert!(matches!(refused, SharingError::NotInRelationship), "another's contact: {refused:?}");
    assert_eq!(v.shares().next_sequence().unwrap(), Some(1), "nothing sealed");

    let fine = Selection { decision_id: Some(own_decision), ..base };
    seal(&fine, contact).unwrap();
}

#[test]
fn the_safety_check_and_writing_for_own_safety_never_leave() {
    let p = pair();
    let signs = SafetyCheckInput { present: vec!["afraid".into(), "controlled".into()] };
    p.alex.safety().record(p.alex_rel, &signs, &p.clock).unwrap();
    p.alex.safety().choose_mode(p.alex_rel, Some(RelationshipMode::Repair)).unwrap();
    let view = p.alex.safety().view(p.alex_rel).unwrap();

    let meta = EntryMeta {
        relationship_id: Some(p.alex_rel),
        framework_id: Some("own-safety".into()),
        step_id: Some(mend_core::frameworks::find("own-safety").unwrap().steps[0].id.clone()),
        ..EntryMeta::default()
    };
    let safety_entry =
        p.alex.journal().create_with("Where I would go if I had to.", &meta, &p.clock).unwrap();
    let refused = p
        .alex
        .shares()
        .seal(
            &p.entries(&[safety_entry.id]),
            ShareTo::Contact(p.sam_contact),
            &local_day,
            &mut OsRng,
            &p.clock,
        )
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(refused, SharingError::Private), "{refused:?}");

    // Everything else that can be chosen, shared: nothing of the check is in it.
    let entry = entry_in(&p.alex, p.alex_rel, "An ordinary day.", &p.clock);
    let commitment = commitment_in(&p.alex, p.alex_rel, &p.clock);
    let selection = Selection {
        relationship_id: p.alex_rel,
        entry_ids: vec![entry],
        commitment_ids: vec![commitment],
        note: Some("A note.".into()),
        ..Selection::default()
    };
    let sealed = p.seal(&selection);
    let opened = p.sam.shares().open(&sealed.file, None).unwrap();
    let payload = serde_json::to_string(opened.share()).unwrap();
    for sign in &view.signs {
        for text in [&sign.id, &sign.text] {
            assert!(!payload.contains(text.as_str()), "{text:?} left in the payload");
            assert!(!opened.preview().contains(text.as_str()), "{text:?} left in the preview");
        }
    }
    assert!(!payload.contains("safety"), "{payload}");
}

#[test]
fn candidates_offer_what_could_be_shared_and_never_writing_for_own_safety() {
    let p = pair();
    let signs = SafetyCheckInput { present: vec!["controlled".into()] };
    p.alex.safety().record(p.alex_rel, &signs, &p.clock).unwrap();
    let refused = p.alex.shares().candidates(p.alex_rel, &local_day).unwrap_err();
    assert!(matches!(refused, SharingError::SafetyMode), "{refused:?}");
    assert!(p.alex.shares().in_safety_mode(p.alex_rel).unwrap());

    p.alex.safety().choose_mode(p.alex_rel, Some(RelationshipMode::Repair)).unwrap();
    assert!(!p.alex.shares().in_safety_mode(p.alex_rel).unwrap());
    let empty = p.alex.shares().candidates(p.alex_rel, &local_day).unwrap();
    assert!(empty.entries.is_empty() && empty.commitments.is_empty() && empty.marks.is_empty());

    let meta = EntryMeta {
        relationship_id: Some(p.alex_rel),
        framework_id: Some("own-safety".into()),
        step_id: Some(mend_core::frameworks::find("own-safety").unwrap().steps[0].id.clone()),
        ..EntryMeta::default()
    };
    p.alex.journal().create_with("Where I would go.", &meta, &p.clock).unwrap();
    let long = format!("An ordinary day,\nand then {}", "more ".repeat(60));
    let entry = entry_in(&p.alex, p.alex_rel, &long, &p.clock);
    let commitment = commitment_in(&p.alex, p.alex_rel, &p.clock);

    let offered = p.alex.shares().candidates(p.alex_rel, &local_day).unwrap();
    assert_eq!(offered.entries.len(), 1, "the own-safety entry is not offered");
    assert_eq!(offered.entries[0].id, entry);
    assert!(offered.entries[0].excerpt.starts_with("An ordinary day, and then more"));
    assert!(offered.entries[0].excerpt.ends_with('…'));
    assert!(!offered.entries[0].excerpt.contains('\n'));
    assert_eq!(offered.commitments.len(), 1);
    assert_eq!(offered.commitments[0].id, commitment);
    assert_eq!(offered.commitments[0].days_logged, 2);
    assert!(offered.marks.is_empty(), "nothing marked yet");

    // Everything offered can be shared, as offered.
    let selection = Selection {
        relationship_id: p.alex_rel,
        entry_ids: offered.entries.iter().map(|e| e.id).collect(),
        commitment_ids: offered.commitments.iter().map(|c| c.id).collect(),
        ..Selection::default()
    };
    let preview = p.alex.shares().preview(&selection, &local_day, &p.clock).unwrap();
    assert!(preview.contains("Home by seven on weekdays"), "{preview}");
    assert!(!preview.contains("Where I would go."));
}
