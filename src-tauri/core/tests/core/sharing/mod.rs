//! Sharing kept in real vaults: the identity, contacts, shares made from a selection
//! and received into another vault, replays, versions, and what a deleted relationship
//! takes with it. What never leaves is in `boundaries.rs`.
use crate::common::{add_relationship, new_vault, PASSPHRASE};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use mend_core::frameworks::Role;
use mend_core::journal::EntryMeta;
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog, OccurrenceStatus};
use mend_core::progress::checkins::{CheckInInput, DecisionChoice, DecisionInput};
use mend_core::progress::checklist::StepMarkInput;
use mend_core::safety::{RelationshipMode, SafetyCheckInput};
use mend_core::share::{CodeError, Selection, ShareError, ShareTo, SharedItem, SharingError};
use mend_core::{Clock, FixedClock, Passphrase, Vault, VaultPaths};
use rand_core::OsRng;

mod boundaries;

pub(crate) fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).unwrap()
}

pub(crate) fn local_day(t: DateTime<Utc>) -> NaiveDate {
    t.date_naive()
}

fn count(v: &Vault, table: &str) -> i64 {
    let sql = format!("SELECT count(*) FROM {table}");
    v.connection().query_row(&sql, [], |r| r.get(0)).unwrap()
}

/// A vault with one relationship; its directory, the vault and the relationship.
fn vault_with(name: &str, role: Role, clock: &FixedClock) -> (tempfile::TempDir, Vault, i64) {
    let dir = tempfile::tempdir().unwrap();
    let vault = new_vault(dir.path());
    let rel = add_relationship(&vault, name, role, clock);
    (dir, vault, rel)
}

pub(crate) fn entry_in(v: &Vault, rel: i64, text: &str, clock: &FixedClock) -> i64 {
    let entry = v.journal().create(text, clock).unwrap();
    let meta = EntryMeta { relationship_id: Some(rel), ..EntryMeta::default() };
    v.journal().set_meta(entry.id, &meta).unwrap();
    entry.id
}

pub(crate) fn commitment_in(v: &Vault, rel: i64, clock: &FixedClock) -> i64 {
    let input = CommitmentInput {
        owner: CommitmentOwner::Me,
        promise: "Home by seven on weekdays".into(),
        repeat: mend_core::repeat::Repeat::Daily,
        starts_on: "2026-11-02".into(),
        ends_on: None,
        kept_looks_like: "In the door by seven".into(),
        due_time: None,
        remind: false,
        show_details: false,
    };
    let id = v.commitments().create(rel, &input, clock).unwrap().id;
    let today = local_day(clock.now());
    for (day, status) in
        [("2026-11-02", OccurrenceStatus::Kept), ("2026-11-03", OccurrenceStatus::Missed)]
    {
        let log = OccurrenceLog { due_on: day.into(), status, note: "logged".into() };
        v.commitments().log(id, &log, today, clock).unwrap();
    }
    id
}

/// Two vaults that have each other as a contact: Alex repairs, Sam decides.
pub(crate) struct Pair {
    _dirs: (tempfile::TempDir, tempfile::TempDir),
    pub(crate) alex: Vault,
    pub(crate) sam: Vault,
    /// Alex's relationship with Sam, and Sam's with Alex.
    pub(crate) alex_rel: i64,
    pub(crate) sam_rel: i64,
    /// Sam as a contact of Alex's relationship.
    sam_contact: i64,
    pub(crate) clock: FixedClock,
}

pub(crate) fn pair() -> Pair {
    let clock = FixedClock::new(at());
    let (da, alex, alex_rel) = vault_with("Sam", Role::Repairer, &clock);
    let (ds, sam, sam_rel) = vault_with("Alex", Role::Decider, &clock);
    let (alex_code, _) = alex.shares().my_code(&mut OsRng, &clock).unwrap();
    let (sam_code, _) = sam.shares().my_code(&mut OsRng, &clock).unwrap();
    let sam_contact =
        alex.shares().add_contact(alex_rel, "Sam", &sam_code.grouped(), &clock).unwrap().id;
    sam.shares().add_contact(sam_rel, "Alex", &alex_code.compact(), &clock).unwrap();
    Pair { _dirs: (da, ds), alex, sam, alex_rel, sam_rel, sam_contact, clock }
}

impl Pair {
    pub(crate) fn seal(&self, selection: &Selection) -> mend_core::share::Sealed {
        self.alex
            .shares()
            .seal(
                selection,
                ShareTo::Contact(self.sam_contact),
                &local_day,
                &mut OsRng,
                &self.clock,
            )
            .unwrap()
    }

    fn entries(&self, ids: &[i64]) -> Selection {
        Selection {
            relationship_id: self.alex_rel,
            entry_ids: ids.to_vec(),
            ..Selection::default()
        }
    }
}

#[test]
fn the_identity_is_made_once_and_read_back_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let vault = new_vault(dir.path());
    let clock = FixedClock::new(at());
    assert!(vault.shares().existing_identity().unwrap().is_none(), "none before first use");
    assert_eq!(vault.shares().next_sequence().unwrap(), None);
    let (code, fingerprint) = vault.shares().my_code(&mut OsRng, &clock).unwrap();
    assert_eq!(fingerprint, code.fingerprint());
    assert_eq!(*vault.shares().identity(&mut OsRng, &clock).unwrap().code(), code, "made once");
    assert_eq!(count(&vault, "share_identity"), 1);
    assert_eq!(vault.shares().next_sequence().unwrap(), Some(1));
    vault.lock();

    let vault =
        Vault::unlock(&VaultPaths::new(dir.path()), &Passphrase::new(PASSPHRASE.into())).unwrap();
    let again = vault.shares().existing_identity().unwrap().unwrap();
    assert_eq!(*again.code(), code, "the same identity after reopening");
    // The seed is in the encrypted database and nowhere else in the folder.
    let seed = &again.to_bytes()[1..];
    for file in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(file.unwrap().path()).unwrap();
        assert!(!bytes.windows(seed.len()).any(|w| w == seed));
    }
}

#[test]
fn contacts_are_checked_before_they_are_kept() {
    let clock = FixedClock::new(at());
    let (_d, vault, rel) = vault_with("Sam", Role::Decider, &clock);
    let other = add_relationship(&vault, "Robin", Role::Repairer, &clock);
    let shares = vault.shares();
    let (mine, _) = shares.my_code(&mut OsRng, &clock).unwrap();
    let theirs = *mend_core::share::Identity::generate(&mut OsRng).unwrap().code();

    // Typed loosely, kept in its compact form.
    let typed = theirs.grouped().to_uppercase().replace(' ', "-");
    let contact = shares.add_contact(rel, "  Sam's laptop ", &typed, &clock).unwrap();
    assert_eq!((contact.name.as_str(), contact.code), ("Sam's laptop", theirs));
    let kept: String = vault
        .connection()
        .query_row("SELECT code FROM share_contact WHERE id = ?1", [contact.id], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, theirs.compact());

    let refused =
        |r: Result<_, SharingError>| r.map(|_: mend_core::share::Contact| ()).unwrap_err();
    assert!(matches!(
        refused(shares.add_contact(rel, "Again", &theirs.compact(), &clock)),
        SharingError::DuplicateContact
    ));
    assert!(matches!(
        refused(shares.add_contact(rel, "Me", &mine.grouped(), &clock)),
        SharingError::OwnCode
    ));
    assert!(matches!(
        refused(shares.add_contact(rel, "  ", &typed, &clock)),
        SharingError::InvalidName
    ));
    let long = "n".repeat(mend_core::share::MAX_CONTACT_NAME_CHARS + 1);
    assert!(matches!(
        refused(shares.add_contact(other, &long, &typed, &clock)),
        SharingError::InvalidName
    ));
    let mut typo: Vec<char> = theirs.compact().chars().collect();
    typo[30] = if typo[30] == 'q' { 'p' } else { 'q' };
    let typo: String = typo.into_iter().collect();
    assert!(matches!(
        refused(shares.add_contact(other, "Typo", &typo, &clock)),
        SharingError::Code(CodeError::WrongCharacter)
    ));
    assert!(matches!(
        refused(shares.add_contact(999, "Nobody", &typed, &clock)),
        SharingError::RelationshipNotFound
    ));
    // The same person may be a contact of another relationship.
    let elsewhere = shares.add_contact(other, "Sam", &theirs.compact(), &clock).unwrap();

    shares.rename_contact(contact.id, "Sam").unwrap();
    assert!(matches!(shares.rename_contact(contact.id, ""), Err(SharingError::InvalidName)));
    let listed = shares.contacts(rel).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].name.as_str(), listed[0].code), ("Sam", theirs));
    shares.remove_contact(contact.id).unwrap();
    assert!(shares.contacts(rel).unwrap().is_empty());
    assert!(matches!(shares.remove_contact(contact.id), Err(SharingError::NotFound)));
    assert_eq!(shares.contacts(other).unwrap()[0].id, elsewhere.id);
}

#[test]
fn a_share_from_one_vault_is_kept_in_another() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "I came home when I said I would.", &p.clock);
    let commitment = commitment_in(&p.alex, p.alex_rel, &p.clock);
    let mark = StepMarkInput {
        framework_id: "five-as".into(),
        step_id: "acknowledge".into(),
        marked_on: "2026-11-10".into(),
        note: "Said it plainly".into(),
    };
    p.alex.progress().mark_step(p.alex_rel, &mark, &p.clock).unwrap();
    let selection = Selection {
        relationship_id: p.alex_rel,
        entry_ids: vec![entry],
        commitment_ids: vec![commitment],
        marks: vec![("five-as".into(), "acknowledge".into())],
        note: Some("Before Tuesday's session.".into()),
        ..Selection::default()
    };
    let preview = p.alex.shares().preview(&selection, &local_day, &p.clock).unwrap();
    assert_eq!(p.alex.shares().next_sequence().unwrap(), Some(1), "a preview takes no number");
    let sealed = p.seal(&selection);
    assert_eq!(sealed.preview, preview, "what was previewed is what is sealed");
    assert_eq!(sealed.sequence, 1);

    let opened = p.sam.shares().open(&sealed.file, None).unwrap();
    assert_eq!(opened.preview(), preview, "the receiver reads what the sender previewed");
    assert_eq!(
        opened.share().sender,
        *p.alex.shares().existing_identity().unwrap().unwrap().code()
    );
    assert!(!opened.by_passphrase());
    assert!(!format!("{opened:?}").contains("came home"), "its Debug prints no words");
    assert_eq!(count(&p.sam, "received_share"), 0, "opening writes nothing");

    p.clock.advance(Duration::hours(1));
    let kept = p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap();
    let shared = p.sam.shares().shared_with_me(p.sam_rel).unwrap();
    assert_eq!(shared.len(), 1);
    assert_eq!(shared[0].contact_name.as_deref(), Some("Alex"));
    let kinds: Vec<&str> = shared[0].items.iter().map(|i| i.item.kind()).collect();
    assert_eq!(kinds, ["entry", "commitment", "checklistMark", "note"]);
    assert!(shared[0].items.iter().all(|i| i.share_id == kept && i.older.is_empty()));
    assert_eq!(shared[0].items[0].received_at, at() + Duration::hours(1));
    let SharedItem::Entry(e) = &shared[0].items[0].item else { panic!("an entry first") };
    assert_eq!(e.text, "I came home when I said I would.");

    // Their commitments' record, for the dashboard.
    let theirs = p.sam.shares().shared_commitments(p.sam_rel).unwrap();
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].contact_name.as_deref(), Some("Alex"));
    let record: Vec<(String, OccurrenceStatus)> =
        theirs[0].commitment.record.iter().map(|o| (o.due_on.to_string(), o.status)).collect();
    assert_eq!(
        record,
        [
            ("2026-11-02".into(), OccurrenceStatus::Kept),
            ("2026-11-03".into(), OccurrenceStatus::Missed)
        ]
    );
}

#[test]
fn a_share_to_a_passphrase_opens_with_it_and_is_kept_as_such() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "For the counsellor.", &p.clock);
    let pass = Passphrase::new("blue heron at the quiet pier".into());
    let sealed = p
        .alex
        .shares()
        .seal(&p.entries(&[entry]), ShareTo::Passphrase(&pass), &local_day, &mut OsRng, &p.clock)
        .unwrap();
    let refused = p.sam.shares().open(&sealed.file, None).unwrap_err();
    assert!(matches!(refused, SharingError::Share(ShareError::NeedsPassphrase)), "{refused:?}");
    let opened = p.sam.shares().open(&sealed.file, Some(&pass)).unwrap();
    assert!(opened.by_passphrase());
    p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap();
    let by: i64 = p
        .sam
        .connection()
        .query_row("SELECT by_passphrase FROM received_share", [], |r| r.get(0))
        .unwrap();
    assert_eq!(by, 1);
}

#[test]
fn each_sealed_share_takes_the_next_sequence() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "Once.", &p.clock);
    let numbers: Vec<u64> = (0..3).map(|_| p.seal(&p.entries(&[entry])).sequence).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(p.alex.shares().next_sequence().unwrap(), Some(4));
    // A share that is refused takes no number.
    let nothing = Selection { relationship_id: p.alex_rel, ..Selection::default() };
    let refused = p
        .alex
        .shares()
        .seal(&nothing, ShareTo::Contact(p.sam_contact), &local_day, &mut OsRng, &p.clock)
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(refused, SharingError::Share(ShareError::Empty)), "{refused:?}");
    assert_eq!(p.alex.shares().next_sequence().unwrap(), Some(4));
}

#[test]
fn a_share_received_twice_or_out_of_order_is_refused_and_changes_nothing() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "Once.", &p.clock);
    let first = p.seal(&p.entries(&[entry]));
    let second = p.seal(&p.entries(&[entry]));
    let third = p.seal(&p.entries(&[entry]));
    let opened_first = p.sam.shares().open(&first.file, None).unwrap();
    let opened = p.sam.shares().open(&second.file, None).unwrap();
    p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap();
    let before = (count(&p.sam, "received_share"), count(&p.sam, "received_item"));

    let again = p.sam.shares().open(&second.file, None).unwrap_err();
    assert!(matches!(again, SharingError::Share(ShareError::AlreadyReceived)), "{again:?}");
    let again = p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap_err();
    assert!(matches!(again, SharingError::Share(ShareError::AlreadyReceived)), "{again:?}");
    let older = p.sam.shares().open(&first.file, None).unwrap_err();
    assert!(matches!(older, SharingError::Share(ShareError::Older)), "{older:?}");
    // Opened before the newer one was kept: still refused when accepted after it.
    let older = p.sam.shares().accept(&opened_first, p.sam_rel, &p.clock).unwrap_err();
    assert!(matches!(older, SharingError::Share(ShareError::Older)), "{older:?}");
    // Replays are refused into any relationship, not only the one it was kept in.
    let elsewhere = add_relationship(&p.sam, "Alex at work", Role::Decider, &p.clock);
    let again = p.sam.shares().accept(&opened, elsewhere, &p.clock).unwrap_err();
    assert!(matches!(again, SharingError::Share(ShareError::AlreadyReceived)), "{again:?}");
    assert_eq!((count(&p.sam, "received_share"), count(&p.sam, "received_item")), before);

    let newer = p.sam.shares().open(&third.file, None).unwrap();
    p.sam.shares().accept(&newer, p.sam_rel, &p.clock).unwrap();
}

#[test]
fn deleting_every_share_from_a_sender_still_refuses_their_older_files() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "Kept, then deleted.", &p.clock);
    let first = p.seal(&p.entries(&[entry]));
    let second = p.seal(&p.entries(&[entry]));
    let opened = p.sam.shares().open(&second.file, None).unwrap();
    let kept = p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap();
    p.sam.shares().delete_received(kept).unwrap();
    assert!(p.sam.shares().shared_with_me(p.sam_rel).unwrap().is_empty());

    let older = p.sam.shares().open(&first.file, None).unwrap_err();
    assert!(matches!(older, SharingError::Share(ShareError::Older)), "{older:?}");
    let again = p.sam.shares().open(&second.file, None).unwrap_err();
    assert!(matches!(again, SharingError::Share(ShareError::AlreadyReceived)), "{again:?}");
    assert_eq!(count(&p.sam, "received_share"), 0);

    // The mark goes with the relationship it was kept in.
    p.sam.relationships().delete(p.sam_rel).unwrap();
    assert_eq!(count(&p.sam, "share_sender_mark"), 0);
    p.sam.shares().open(&first.file, None).unwrap();
}

#[test]
fn a_newer_version_of_an_item_replaces_the_older_which_is_kept_as_history() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "First words.", &p.clock);
    let other = entry_in(&p.alex, p.alex_rel, "Another entry.", &p.clock);
    let receive = |sealed: &mend_core::share::Sealed| {
        let opened = p.sam.shares().open(&sealed.file, None).unwrap();
        p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap()
    };
    receive(&p.seal(&p.entries(&[entry])));
    p.alex.journal().update(entry, "Second words.", &p.clock).unwrap();
    let second = receive(&p.seal(&p.entries(&[entry, other])));
    p.alex.journal().update(entry, "Third words.", &p.clock).unwrap();
    receive(&p.seal(&p.entries(&[entry])));

    let text = |item: &SharedItem| match item {
        SharedItem::Entry(e) => e.text.clone(),
        _ => String::new(),
    };
    let shared = p.sam.shares().shared_with_me(p.sam_rel).unwrap();
    let items = &shared[0].items;
    let current: Vec<String> = items.iter().map(|i| text(&i.item)).collect();
    assert_eq!(current, ["Third words.", "Another entry."]);
    let history: Vec<String> = items[0].older.iter().map(|i| text(&i.item)).collect();
    assert_eq!(history, ["Second words.", "First words."], "newest first");
    assert!(items[1].older.is_empty());
    assert_eq!(items[0].key, items[0].older[0].key);

    // Deleting the middle share keeps the history whole.
    p.sam.shares().delete_received(second).unwrap();
    let shared = p.sam.shares().shared_with_me(p.sam_rel).unwrap();
    let items = &shared[0].items;
    assert_eq!(items.iter().map(|i| text(&i.item)).collect::<Vec<_>>(), ["Third words."]);
    let history: Vec<String> = items[0].older.iter().map(|i| text(&i.item)).collect();
    assert_eq!(history, ["First words."]);
    assert!(matches!(p.sam.shares().delete_received(second), Err(SharingError::NotFound)));
}

#[test]
fn deleting_a_relationship_deletes_its_contacts_and_what_was_shared_into_it() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "Once.", &p.clock);
    let opened = p.sam.shares().open(&p.seal(&p.entries(&[entry])).file, None).unwrap();
    p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap();
    let keep = add_relationship(&p.sam, "Robin", Role::Decider, &p.clock);
    let code = *mend_core::share::Identity::generate(&mut OsRng).unwrap().code();
    p.sam.shares().add_contact(keep, "Robin", &code.compact(), &p.clock).unwrap();
    assert_eq!(count(&p.sam, "share_contact"), 2);

    p.sam.relationships().delete(p.sam_rel).unwrap();
    for table in ["received_share", "received_item"] {
        assert_eq!(count(&p.sam, table), 0, "{table}");
    }
    assert_eq!(count(&p.sam, "share_contact"), 1, "the other relationship's contact stays");
    assert_eq!(count(&p.sam, "share_identity"), 1, "the vault's identity stays");
    assert!(matches!(
        p.sam.shares().shared_with_me(p.sam_rel),
        Err(SharingError::RelationshipNotFound)
    ));
}

#[test]
fn a_share_opened_by_a_vault_without_an_identity_is_not_for_it() {
    let p = pair();
    let entry = entry_in(&p.alex, p.alex_rel, "Once.", &p.clock);
    let file = p.seal(&p.entries(&[entry])).file;
    let dir = tempfile::tempdir().unwrap();
    let stranger = new_vault(dir.path());
    let refused = stranger.shares().open(&file, None).unwrap_err();
    assert!(matches!(refused, SharingError::Share(ShareError::NotForYou)), "{refused:?}");
    assert!(stranger.shares().existing_identity().unwrap().is_none(), "opening made none");
}

#[test]
fn a_received_item_is_evidence_of_a_step_until_its_share_is_deleted() {
    use mend_core::progress::checklist::ChecklistState;
    let p = pair();
    let commitment = commitment_in(&p.alex, p.alex_rel, &p.clock);
    let selection = Selection {
        relationship_id: p.alex_rel,
        commitment_ids: vec![commitment],
        ..Selection::default()
    };
    let opened = p.sam.shares().open(&p.seal(&selection).file, None).unwrap();
    let share = p.sam.shares().accept(&opened, p.sam_rel, &p.clock).unwrap();
    let item = p.sam.shares().shared_with_me(p.sam_rel).unwrap()[0].items[0].id;

    let step = "actions-not-words";
    let mark = StepMarkInput {
        framework_id: "four-steps".into(),
        step_id: step.into(),
        marked_on: "2026-11-19".into(),
        note: String::new(),
    };
    p.sam.progress().mark_step(p.sam_rel, &mark, &p.clock).unwrap();
    let state = || {
        let lists = p.sam.progress().checklists(p.sam_rel, &local_day).unwrap();
        lists[0].steps.iter().find(|s| s.step_id == step).unwrap().state
    };
    assert_eq!(state(), ChecklistState::Claimed);

    let link = p.sam.shares().link_evidence(p.sam_rel, "four-steps", step, item, &p.clock).unwrap();
    let again =
        p.sam.shares().link_evidence(p.sam_rel, "four-steps", step, item, &p.clock).unwrap();
    assert_eq!(link, again, "linked once");
    assert_eq!(state(), ChecklistState::Evidenced);
    let linked = p.sam.shares().linked_evidence(p.sam_rel, "four-steps", step).unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].item.item.kind(), "commitment");

    let refused = p.sam.shares().link_evidence(p.sam_rel, "five-as", "acknowledge", item, &p.clock);
    assert!(matches!(refused, Err(SharingError::NotOnChecklist)), "{refused:?}");
    let other = add_relationship(&p.sam, "Robin", Role::Decider, &p.clock);
    let refused = p.sam.shares().link_evidence(other, "four-steps", step, item, &p.clock);
    assert!(matches!(refused, Err(SharingError::NotInRelationship)), "{refused:?}");

    p.sam.shares().unlink_evidence(link).unwrap();
    assert_eq!(state(), ChecklistState::Claimed);
    p.sam.shares().link_evidence(p.sam_rel, "four-steps", step, item, &p.clock).unwrap();
    p.sam.shares().delete_received(share).unwrap();
    assert_eq!(state(), ChecklistState::Claimed, "the link went with the share");
    assert!(p.sam.shares().linked_evidence(p.sam_rel, "four-steps", step).unwrap().is_empty());
}
