//! Shares between two vaults: identities, sealing to a contact code or a passphrase, and
//! every refusal a received file can meet, including thousands of mutated files.
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::ledger::{CommitmentInput, CommitmentOwner, OccurrenceLog, OccurrenceStatus};
use mend_core::relationships::RelationshipInput;
use mend_core::repeat::{Repeat, Weekday};
use mend_core::share::{
    self, ContactCode, Identity, ItemKey, KeyedItem, OpenWith, SealTo, ShareError,
    SharedCommitment, SharedEntry, SharedItem, SharedNote, MAX_SHARE_BYTES,
};
use mend_core::{FixedClock, Passphrase, Vault, VaultPaths};
use proptest::prelude::*;
use rand_core::OsRng;
use std::sync::OnceLock;

fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, h, 0, 0).unwrap()
}

fn note(text: &str) -> SharedItem {
    SharedItem::Note(SharedNote { written_at: at(9), text: text.into() })
}

/// Items keyed as a sender's Mend keys them (any 64 hex digits open; these are fixed).
fn keyed(items: Vec<SharedItem>) -> Vec<KeyedItem> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| KeyedItem { key: ItemKey::parse(&format!("{i:064x}")).unwrap(), item })
        .collect()
}

fn items() -> Vec<KeyedItem> {
    keyed(vec![
        SharedItem::Entry(SharedEntry {
            written_at: at(8),
            text: "I told the truth about Saturday before being asked.".into(),
            mood: Some("steady".into()),
            tags: vec!["honesty".into()],
        }),
        note("Before Tuesday's session."),
    ])
}

fn never(_: &ContactCode) -> Option<u64> {
    None
}

fn seal_to(from: &Identity, to: &Identity, sequence: u64) -> Vec<u8> {
    share::seal(from, SealTo::Contact(to.code()), at(10), sequence, items()).unwrap()
}

#[test]
fn a_share_sealed_to_a_code_opens_only_in_that_identity() {
    let alex = Identity::generate(&mut OsRng).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let other = Identity::generate(&mut OsRng).unwrap();
    let file = seal_to(&alex, &sam, 1);
    assert!(file.starts_with(b"mendshare 1 "));
    assert!(!share::needs_passphrase(&file).unwrap());

    let mut asked = None;
    let opened = share::open(&file, OpenWith::Identity(&sam), |code| {
        asked = Some(*code);
        None
    })
    .unwrap();
    assert_eq!(asked, Some(*alex.code()), "the replay check is asked about the sender");
    assert_eq!(opened.sender, *alex.code());
    assert_eq!(opened.recipient, share::Addressee::Contact(*sam.code()));
    assert_eq!((opened.sequence, opened.created_at), (1, at(10)));
    assert_eq!(opened.items, items());

    let refused = share::open(&file, OpenWith::Identity(&other), never).unwrap_err();
    assert!(matches!(refused, ShareError::NotForYou), "{refused:?}");
    let refused = share::open(&file, OpenWith::Identity(&alex), never).unwrap_err();
    assert!(matches!(refused, ShareError::NotForYou), "the sender cannot open it either");
    let pass = Passphrase::new("any words at all".into());
    let refused = share::open(&file, OpenWith::Passphrase(&pass), never).unwrap_err();
    assert!(matches!(refused, ShareError::NotForYou), "{refused:?}");
}

#[test]
fn no_journal_text_is_visible_in_a_sealed_file() {
    let alex = Identity::generate(&mut OsRng).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let file = seal_to(&alex, &sam, 1);
    let needle = b"Saturday";
    assert!(!file.windows(needle.len()).any(|w| w == needle));
    let code = alex.code().compact();
    assert!(!file.windows(code.len()).any(|w| w == code.as_bytes()), "nor who sent it");
}

#[test]
fn a_passphrase_share_opens_with_that_passphrase_only() {
    let alex = Identity::generate(&mut OsRng).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let pass = Passphrase::new("blue heron at the quiet pier".into());
    let file = share::seal(&alex, SealTo::Passphrase(&pass), at(10), 3, items()).unwrap();
    assert!(share::needs_passphrase(&file).unwrap());

    let opened = share::open(&file, OpenWith::Passphrase(&pass), never).unwrap();
    assert_eq!(opened.sender, *alex.code(), "still signed by its sender");
    assert_eq!(opened.recipient, share::Addressee::Passphrase);
    assert_eq!(opened.items, items());

    let wrong = Passphrase::new("blue heron at the quiet pie".into());
    let refused = share::open(&file, OpenWith::Passphrase(&wrong), never).unwrap_err();
    assert!(matches!(refused, ShareError::WrongPassphrase), "{refused:?}");
    let refused = share::open(&file, OpenWith::Identity(&sam), never).unwrap_err();
    assert!(matches!(refused, ShareError::NeedsPassphrase), "{refused:?}");
}

#[test]
fn a_share_not_newer_than_the_last_one_received_is_refused() {
    let alex = Identity::generate(&mut OsRng).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let last = |code: &ContactCode| (*code == *alex.code()).then_some(5);
    let older = share::open(&seal_to(&alex, &sam, 4), OpenWith::Identity(&sam), last);
    assert!(matches!(older, Err(ShareError::Older)), "{older:?}");
    let again = share::open(&seal_to(&alex, &sam, 5), OpenWith::Identity(&sam), last);
    assert!(matches!(again, Err(ShareError::AlreadyReceived)), "{again:?}");
    let newer = share::open(&seal_to(&alex, &sam, 6), OpenWith::Identity(&sam), last).unwrap();
    assert_eq!(newer.sequence, 6);
    // Another sender's sequence is their own.
    let other = Identity::generate(&mut OsRng).unwrap();
    assert!(share::open(&seal_to(&other, &sam, 1), OpenWith::Identity(&sam), last).is_ok());
}

#[test]
fn files_that_are_not_whole_shares_are_refused_by_name() {
    let alex = Identity::generate(&mut OsRng).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let file = seal_to(&alex, &sam, 1);
    let open = |bytes: &[u8]| share::open(bytes, OpenWith::Identity(&sam), never).unwrap_err();

    assert!(matches!(open(&file[..file.len() - 20]), ShareError::Truncated));
    assert!(matches!(open(&file[..7]), ShareError::Truncated));
    assert!(matches!(open(&file[..14]), ShareError::Truncated));
    assert!(matches!(open(b"Dear Sam, here is what I wrote"), ShareError::NotAShare));
    assert!(matches!(open(b""), ShareError::NotAShare));

    let mut longer = file.clone();
    longer.extend_from_slice(b"tail");
    assert!(matches!(open(&longer), ShareError::Damaged));

    let mut newer = file.clone();
    newer[10] = b'2';
    assert!(matches!(open(&newer), ShareError::UnknownVersion));

    let huge = vec![b'm'; MAX_SHARE_BYTES + 1];
    assert!(matches!(open(&huge), ShareError::TooLarge));
    let read = share::read_capped(std::io::repeat(b'x').take(MAX_SHARE_BYTES as u64 + 10));
    assert!(matches!(read, Err(ShareError::TooLarge)));
    assert_eq!(share::read_capped(&file[..]).unwrap(), file);
}

use std::io::Read;

#[test]
fn what_is_over_a_limit_is_not_sealed() {
    let alex = Identity::generate(&mut OsRng).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let to = SealTo::Contact(sam.code());
    let empty = share::seal(&alex, to, at(10), 1, Vec::new()).unwrap_err();
    assert!(matches!(empty, ShareError::Empty));
    let long = "x".repeat(mend_core::journal::MAX_BODY_BYTES + 1);
    let refused = share::seal(&alex, to, at(10), 1, keyed(vec![note(&long)])).unwrap_err();
    assert!(matches!(refused, ShareError::OverLimit(_)));
    let many = keyed(vec![note("a"); share::payload::MAX_ITEMS + 1]);
    assert!(matches!(share::seal(&alex, to, at(10), 1, many), Err(ShareError::OverLimit(_))));
}

#[test]
fn records_from_a_real_vault_travel_to_another_identity_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::create(
        &VaultPaths::new(dir.path()),
        &Passphrase::new("quiet lantern over the harbour wall".into()),
    )
    .unwrap();
    let clock = FixedClock::new(at(18));
    let rel = vault
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
            &clock,
        )
        .unwrap()
        .id;
    let entry = vault.journal().create("I kept Thursday's call short but real.", &clock).unwrap();
    let input = CommitmentInput {
        owner: CommitmentOwner::Me,
        promise: "Call on Monday and Thursday evenings".into(),
        repeat: Repeat::Weekly { days: vec![Weekday::Mo, Weekday::Th] },
        starts_on: "2026-11-02".into(),
        ends_on: None,
        kept_looks_like: "We spoke for at least ten minutes".into(),
        due_time: None,
        remind: false,
        show_details: false,
    };
    let commitment = vault.commitments().create(rel, &input, &clock).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    for (day, status) in
        [("2026-11-02", OccurrenceStatus::Kept), ("2026-11-05", OccurrenceStatus::Missed)]
    {
        let log = OccurrenceLog { due_on: day.into(), status, note: "noted".into() };
        vault.commitments().log(commitment.id, &log, today, &clock).unwrap();
    }
    let ledger = vault.commitments().ledger(rel, today).unwrap();
    let shared = SharedCommitment::from(&ledger.commitments[0]);
    assert_eq!(shared.record.len(), 2, "only the logged days travel");
    assert_eq!(shared.record[1].status, OccurrenceStatus::Missed);

    // The identity is kept as bytes inside the vault; here it is read back from them.
    let alex = Identity::from_bytes(&Identity::generate(&mut OsRng).unwrap().to_bytes()).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let sent = vec![
        KeyedItem {
            key: alex.item_key("entry", &entry.id.to_string()).unwrap(),
            item: SharedItem::Entry(SharedEntry::from(&entry)),
        },
        KeyedItem {
            key: alex.item_key("commitment", &commitment.id.to_string()).unwrap(),
            item: SharedItem::Commitment(shared.clone()),
        },
    ];
    let file = share::seal(&alex, SealTo::Contact(sam.code()), at(19), 1, sent.clone()).unwrap();
    let opened = share::open(&file, OpenWith::Identity(&sam), never).unwrap();
    assert_eq!(opened.items, sent);
}

/// One share sealed once for the whole mutation run.
fn fixture() -> &'static (Identity, Identity, Vec<u8>) {
    static FIXTURE: OnceLock<(Identity, Identity, Vec<u8>)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let alex = Identity::generate(&mut OsRng).unwrap();
        let sam = Identity::generate(&mut OsRng).unwrap();
        let file = seal_to(&alex, &sam, 1);
        (alex, sam, file)
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    FlipBit { at: usize, bit: u8 },
    Truncate { to: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Remove { at: usize, len: usize },
    Overwrite { at: usize, bytes: Vec<u8> },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let n = fixture().2.len();
    prop_oneof![
        4 => (0..n, 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        2 => (0..n).prop_map(|to| Mutation::Truncate { to }),
        2 => (0..=n, prop::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        1 => (0..n, 1usize..64).prop_map(|(at, len)| Mutation::Remove { at, len }),
        2 => (0..n, prop::collection::vec(any::<u8>(), 1..32))
            .prop_map(|(at, bytes)| Mutation::Overwrite { at, bytes }),
    ]
}

fn apply(file: &[u8], m: &Mutation) -> Vec<u8> {
    let mut out = file.to_vec();
    match m {
        Mutation::FlipBit { at, bit } => out[*at] ^= 1 << bit,
        Mutation::Truncate { to } => out.truncate(*to),
        Mutation::Insert { at, bytes } => {
            out.splice(*at..*at, bytes.iter().copied());
        }
        Mutation::Remove { at, len } => {
            let end = (*at + *len).min(out.len());
            out.drain(*at..end);
        }
        Mutation::Overwrite { at, bytes } => {
            for (i, b) in bytes.iter().enumerate() {
                if let Some(slot) = out.get_mut(at + i) {
                    *slot = *b;
                }
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever is done to a share file, it opens only if it is byte for byte the file
    /// that was sealed; every other file is refused with an error, never a panic.
    #[test]
    fn every_mutated_share_is_refused(m in mutation()) {
        let (_, sam, file) = fixture();
        let mutated = apply(file, &m);
        let result = share::open(&mutated, OpenWith::Identity(sam), never);
        if mutated == *file {
            prop_assert!(result.is_ok());
        } else {
            prop_assert!(result.is_err(), "a changed file was accepted: {m:?}");
        }
    }
}

fn every_kind() -> Vec<SharedItem> {
    use mend_core::progress::checkins::DecisionChoice;
    use mend_core::share::{
        SharedCheckIn, SharedDecision, SharedEvidence, SharedMark, SharedOccurrence,
    };
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    vec![
        items()[0].item.clone(),
        SharedItem::Commitment(SharedCommitment {
            owner: CommitmentOwner::Me,
            promise: "Call on Monday and Thursday evenings".into(),
            repeat: "Every Monday and Thursday".into(),
            starts_on: day(2),
            ends_on: None,
            kept_looks_like: "We spoke for at least ten minutes".into(),
            record: vec![
                SharedOccurrence {
                    due_on: day(2),
                    status: OccurrenceStatus::Kept,
                    note: String::new(),
                },
                SharedOccurrence {
                    due_on: day(5),
                    status: OccurrenceStatus::Missed,
                    note: "I was late from work and did not ring".into(),
                },
            ],
        }),
        SharedItem::ChecklistMark(SharedMark {
            framework_id: "four-steps".into(),
            step_id: "actions".into(),
            title: "Actions, not words".into(),
            marked_on: day(10),
            note: "Three weeks of calls".into(),
            evidence: vec![SharedEvidence { on: day(9), text: "He rang from the station".into() }],
        }),
        SharedItem::CheckIn(SharedCheckIn {
            on: day(18),
            able: Some(3.5),
            believable: None,
            connected: Some(4.0),
            dependable: Some(3.0),
            trust_level: Some(6),
            note: "Calmer week".into(),
        }),
        SharedItem::DecisionReview(SharedDecision {
            decided_on: day(15),
            choice: DecisionChoice::Hold,
            reasons: "Too soon to say more".into(),
        }),
        note("Before Tuesday's session."),
    ]
}

#[test]
fn the_preview_shows_every_word_that_leaves() {
    let sent = every_kind();
    let text = share::preview_text(&sent);
    for words in [
        "I told the truth about Saturday before being asked.",
        "steady",
        "#honesty",
        "Call on Monday and Thursday evenings",
        "Every Monday and Thursday",
        "We spoke for at least ten minutes",
        "I was late from work and did not ring",
        "Actions, not words",
        "Three weeks of calls",
        "He rang from the station",
        "Calmer week",
        "Too soon to say more",
        "Before Tuesday's session.",
    ] {
        assert!(text.contains(words), "{words:?} is missing from the preview");
    }
    let commitment = &share::preview(&sent)[1];
    assert_eq!(commitment.heading, "Commitment: Call on Monday and Thursday evenings");
    assert_eq!(
        commitment.lines,
        [
            "Promised by: the person sharing this",
            "How often: Every Monday and Thursday",
            "From 2026-11-02",
            "Kept looks like: We spoke for at least ten minutes",
            "2026-11-02: kept",
            "2026-11-05: missed — I was late from work and did not ring",
        ]
    );
    let check_in = &share::preview(&sent)[3];
    assert_eq!(
        check_in.lines,
        [
            "Able: 3.5 of 5",
            "Connected: 4.0 of 5",
            "Dependable: 3.0 of 5",
            "Trust level: 6 of 10",
            "Note: Calmer week"
        ]
    );
    assert!(text.ends_with(&format!("{}\n", share::ALSO_IN_THE_FILE)));

    // The receiver reads exactly what the sender previewed.
    let alex = Identity::generate(&mut OsRng).unwrap();
    let sam = Identity::generate(&mut OsRng).unwrap();
    let file = share::seal(&alex, SealTo::Contact(sam.code()), at(10), 1, keyed(sent)).unwrap();
    let opened = share::open(&file, OpenWith::Identity(&sam), never).unwrap();
    assert_eq!(share::preview_text(opened.items.iter().map(|k| &k.item)), text);
}
