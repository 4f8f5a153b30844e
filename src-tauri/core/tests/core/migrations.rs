//! Migrations from a real vault of each earlier schema version (tests/fixtures/v<N>/, made
//! once when that schema shipped and never edited; v1 by the first release, the others by
//! the generator in src/vault/fixtures.rs from tests/fixtures/seeds/), and the shipped
//! migration files themselves, which must never change.
use chrono::{NaiveDate, TimeZone, Utc};
use mend_core::frameworks::{BreachKind, Role};
use mend_core::guide::StepRef;
use mend_core::journal::TimelineFilter;
use mend_core::ledger::CommitmentOwner;
use mend_core::ledger::OccurrenceStatus;
use mend_core::progress::checkins::DecisionChoice;
use mend_core::progress::checklist::EvidenceKind;
use mend_core::relationships::{Context, EventKind, Power, Setting};
use mend_core::safety::RelationshipMode;
use mend_core::search::SearchQuery;
use mend_core::{Passphrase, Vault, VaultPaths};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// The passphrase of each fixture, by schema version (index 0 is schema 1).
const FIXTURE_PASSPHRASES: [&str; 9] = [
    "fixture vault passphrase for schema one",
    "fixture vault passphrase for schema two",
    "fixture vault passphrase for schema three",
    "fixture vault passphrase for schema four",
    "fixture vault passphrase for schema five",
    "fixture vault passphrase for schema six",
    "fixture vault passphrase for schema seven",
    "fixture vault passphrase for schema eight",
    "fixture vault passphrase for schema nine",
];

/// SHA-256 of every migration file, recorded when it shipped. A shipped migration has
/// already run on people's vaults, so it is never edited: change the schema with a new
/// migration, record its hash here, and make its fixture vault.
const SHIPPED_MIGRATIONS: [(&str, &str); 9] = [
    ("0001_entries.sql", "2b038c272bcd502ec575a7d8d26f35e8f8849082ed56965afb8a86ca6840577a"),
    ("0002_relationships.sql", "fc2043c505694ac4327e3f6c210812ef2fee673434a626c219c81cc9c26f5818"),
    ("0003_ledger.sql", "a00daecf4af69dd10968325b27b1611fc5dfdc817bc3f623094f50bc6d93f7d2"),
    ("0004_progress.sql", "13ec34593cfd504024e858c78c9c474da17558f8b0beb4e966626bacf0883c7f"),
    ("0005_safety.sql", "af2e6ec21ca58873a6ff666d88ee80f895c24c016070359ff00590216cb36cb0"),
    (
        "0006_fts_secure_delete.sql",
        "1ddaf4c8915da8c3319e58271f0c4b7760a452bbe8fd9dd3a70ed5d49c904c72",
    ),
    (
        "0007_relationship_setting.sql",
        "10227c69cbb2eb658f95764a3804ac0e00d58818124d06bf482b9cceb1be4629",
    ),
    ("0008_shares.sql", "51e35c46ce5f3051d80e92d296d5caca945f724fe7bf203796a16c858a6dccec"),
    (
        "0009_share_sender_mark.sql",
        "d278b69966cdbc2d762c15ac2c94617b9a4d8c89cab193fd94b4de1d8a83e401",
    ),
];

fn copy_fixture(version: usize) -> (tempfile::TempDir, VaultPaths) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}"));
    let dir = tempfile::tempdir().unwrap();
    for f in [VaultPaths::KEY_FILE, VaultPaths::DATABASE] {
        std::fs::copy(src.join(f), dir.path().join(f)).unwrap();
    }
    let paths = VaultPaths::new(dir.path());
    (dir, paths)
}

/// Unlocks a copy of the fixture of `version`, which migrates it to the latest schema.
fn open_fixture(version: usize) -> (tempfile::TempDir, Vault) {
    let (dir, paths) = copy_fixture(version);
    let secret = Passphrase::new(FIXTURE_PASSPHRASES[version - 1].into());
    let vault = Vault::unlock(&paths, &secret).unwrap_or_else(|e| panic!("v{version}: {e}"));
    let schema: i64 =
        vault.connection().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(schema as usize, mend_core::store::schema_version(), "v{version} migrated");
    let ok: String =
        vault.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok", "v{version}");
    (dir, vault)
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn a_schema_one_vault_opens_migrated_with_everything_intact() {
    let (_d, vault) = open_fixture(1);

    let page = vault.journal().timeline_filtered(TimelineFilter::default(), None, 10).unwrap();
    let bodies: Vec<&str> = page.entries.iter().map(|e| e.body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "A second one, about **patience** and lanterns.",
            "The first entry, written under schema one."
        ]
    );
    assert!(page
        .entries
        .iter()
        .all(|e| e.meta.relationship_id.is_none() && e.meta.tags.is_empty()));
    assert_eq!(vault.settings().auto_lock_minutes().unwrap(), 12);

    // Entries written before search existed are in the new index.
    let found =
        vault.search().run(&SearchQuery { text: "lantern".into(), ..Default::default() }).unwrap();
    assert_eq!(found.hits.len(), 1);
    assert!(found.hits[0].snippet.contains("<mark>lanterns</mark>"));
}

#[test]
fn there_is_a_fixture_vault_for_every_schema_version() {
    let latest = mend_core::store::schema_version();
    assert_eq!(FIXTURE_PASSPHRASES.len(), latest, "a passphrase per fixture");
    for version in 1..=latest {
        let (_d, paths) = copy_fixture(version);
        assert!(paths.exists(), "v{version}");
    }
}

/// Every table of the latest schema (the search index's own tables aside), the migration
/// that made it, and how many rows the seeds (tests/fixtures/seeds/) put in it.
const SEEDED: [(&str, usize, i64); 24] = [
    ("setting", 1, 1),
    ("relationship", 2, 2),
    ("relationship_event", 2, 2),
    ("tag", 2, 2),
    ("entry_tag", 2, 2),
    ("draft", 2, 1),
    ("user_prompt", 2, 1),
    ("template", 2, 1),
    ("conversation", 2, 1),
    ("commitment", 2, 2),
    ("occurrence", 3, 3),
    ("step_mark", 4, 2),
    ("step_evidence", 4, 4),
    ("rating", 4, 1),
    ("trust_level", 4, 1),
    ("decision", 4, 1),
    ("checkin_schedule", 4, 1),
    ("safety_check", 5, 2),
    ("share_identity", 8, 1),
    ("share_contact", 8, 1),
    ("received_share", 8, 2),
    ("received_item", 8, 3),
    ("step_shared_evidence", 8, 1),
    // Seed 0009's mark, and the one migration 0009 makes from seed 0008's shares.
    ("share_sender_mark", 9, 2),
];

#[test]
fn the_seeds_cover_every_table() {
    let (_d, vault) = open_fixture(mend_core::store::schema_version());
    let mut stmt = vault
        .connection()
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'entry_fts%'",
        )
        .unwrap();
    let tables: BTreeSet<String> =
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let seeded: BTreeSet<String> =
        SEEDED.iter().map(|(t, _, _)| t.to_string()).chain(["entry".into()]).collect();
    assert_eq!(tables, seeded, "a new table needs seed rows and a line in SEEDED");
}

#[test]
fn every_later_fixture_vault_opens_migrated_with_its_rows_intact() {
    for version in 2..=mend_core::store::schema_version() {
        let (_d, vault) = open_fixture(version);
        let count = |table: &str| -> i64 {
            let sql = format!("SELECT count(*) FROM {table}");
            vault.connection().query_row(&sql, [], |r| r.get(0)).unwrap()
        };
        assert_eq!(count("entry"), 3, "v{version}");
        for (table, made_by, rows) in SEEDED {
            let want = match (table, version) {
                // A schema-8 vault gets its mark from the shares it kept, when migrated.
                ("share_sender_mark", 8) => 1,
                _ if version >= made_by => rows,
                _ => 0,
            };
            assert_eq!(count(table), want, "v{version}: rows of {table}");
        }
        check_schema_two(&vault);
        if version >= 3 {
            check_schema_three(&vault);
        }
        if version >= 4 {
            check_schema_four(&vault);
        }
        if version >= 5 {
            check_schema_five(&vault);
        }
        check_schema_seven(&vault, version);
        if version >= 8 {
            check_schema_eight(&vault);
            check_schema_nine(&vault);
        }
    }
}

/// Seed 0008: the identity, Sam's contact, and two shares from Sam, the second replacing
/// the first's entry; read through the sharing API.
fn check_schema_eight(vault: &Vault) {
    use mend_core::share::SharedItem;
    let shares = vault.shares();
    let me = shares.existing_identity().unwrap().unwrap();
    let mut seed = vec![1u8];
    seed.extend_from_slice(&[0x11; 32]);
    assert_eq!(me.code(), mend_core::share::Identity::from_bytes(&seed).unwrap().code());
    assert_eq!(shares.next_sequence().unwrap(), Some(3));
    let contacts = shares.contacts(2).unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].name, "Sam's laptop");
    let shared = shares.shared_with_me(2).unwrap();
    assert_eq!(shared.len(), 1);
    assert_eq!(
        (shared[0].sender, shared[0].contact_name.as_deref()),
        (contacts[0].code, Some("Sam's laptop"))
    );
    let kinds: Vec<&str> = shared[0].items.iter().map(|i| i.item.kind()).collect();
    assert_eq!(kinds, ["commitment", "entry"]);
    let entry = &shared[0].items[1];
    let texts: Vec<&str> = std::iter::once(&entry.item)
        .chain(entry.older.iter().map(|o| &o.item))
        .map(|i| match i {
            SharedItem::Entry(e) => e.text.as_str(),
            _ => "",
        })
        .collect();
    assert_eq!(
        texts,
        ["I came home when I said I would, and said so.", "I came home when I said I would."]
    );
    assert!(shares.shared_with_me(1).unwrap().is_empty());
    let linked = shares.linked_evidence(2, "four-steps", "take-ownership").unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].item.id, shared[0].items[0].id, "Sam's commitment");
}

/// Migration 0009 marks each sender's highest kept share: after every share from Sam is
/// deleted, the mark still stands at Sam's second share.
fn check_schema_nine(vault: &Vault) {
    let shares = vault.shares();
    // Deleting a share brings back the versions it replaced: delete until none is left.
    loop {
        let current = shares.shared_with_me(2).unwrap();
        let Some(item) = current.first().and_then(|from| from.items.first()) else { break };
        shares.delete_received(item.share_id).unwrap();
    }
    let mark: i64 = vault
        .connection()
        .query_row(
            "SELECT last_sequence FROM share_sender_mark WHERE relationship_id = 2",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mark, 2);
}

/// The rows of seeds 0001 and 0002, read through the journal's own API.
fn check_schema_two(vault: &Vault) {
    let page = vault.journal().timeline_filtered(TimelineFilter::default(), None, 10).unwrap();
    let bodies: Vec<&str> = page.entries.iter().map(|e| e.body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "I told Robin plainly that I missed the recital.",
            "A second one, about **patience** and lanterns.",
            "The first entry, about the harbour at dawn.",
        ]
    );
    let third = vault.journal().get(3).unwrap();
    assert_eq!(third.created_at, Utc.with_ymd_and_hms(2025, 11, 3, 20, 15, 0).unwrap());
    assert_eq!(third.meta.relationship_id, Some(1));
    assert_eq!(
        (third.meta.framework_id.as_deref(), third.meta.step_id.as_deref()),
        (Some("five-as"), Some("acknowledge"))
    );
    assert_eq!(third.meta.mood.as_deref(), Some("hopeful"));
    assert_eq!(third.meta.tags, ["family"]);
    assert_eq!(vault.journal().get(2).unwrap().meta.tags, ["evenings"]);
    assert_eq!(vault.settings().auto_lock_minutes().unwrap(), 12);

    // Entries from before and after the index existed are both found.
    for (word, id) in [("lantern", 2), ("harbour", 1), ("recital", 3)] {
        let q = SearchQuery { text: word.into(), ..Default::default() };
        let hits = vault.search().run(&q).unwrap().hits;
        assert_eq!(hits.iter().map(|h| h.entry.id).collect::<Vec<_>>(), [id], "{word}");
    }

    let people = vault.relationships().list().unwrap();
    let robin = people.iter().find(|r| r.name == "Robin").unwrap();
    let sam = people.iter().find(|r| r.name == "Sam").unwrap();
    assert_eq!((robin.id, robin.role, robin.breach_kind), (1, Role::Repairer, BreachKind::Care));
    assert_eq!(robin.happened_on, Some(day("2025-10-30")));
    assert_eq!(
        (sam.role, sam.breach_kind, sam.happened_on),
        (Role::Decider, BreachKind::Integrity, None)
    );
    let events = vault.relationships().events(1).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].kind, events[0].note.as_str()), (EventKind::Breach, "The recital."));
    assert_eq!(vault.relationships().events(2).unwrap()[0].kind, EventKind::Milestone);

    let admit =
        StepRef { relationship_id: 1, framework_id: "five-as".into(), step_id: "admit".into() };
    let draft = vault.guide().draft(&admit).unwrap().unwrap();
    assert_eq!(draft.answers, ["I said I would come, and I did not."]);
    let (_, prompts) = vault.guide().prompts_for(&admit).unwrap();
    assert_eq!(prompts.last().map(String::as_str), Some("What did I promise, in my own words?"));
    let templates = vault.guide().templates().unwrap();
    assert_eq!(templates.len(), 1);
    assert_eq!(templates[0].prompts, ["What went well today?", "What would I do again?"]);

    let talk = vault.conversations().get(1).unwrap();
    assert_eq!(talk.notes["their-perspective"], "Ask how the evening felt for Robin.");
    assert_eq!(talk.planned_on, Some(day("2025-11-08")));
    assert_eq!(talk.commitments.iter().map(|c| c.id).collect::<Vec<_>>(), [1]);

    let call = vault.commitments().get(1).unwrap();
    assert_eq!(call.owner, CommitmentOwner::Me);
    assert_eq!(call.rrule.as_deref(), Some("FREQ=WEEKLY;BYDAY=SU"));
    assert_eq!(call.kept_looks_like, "A call, not a text");
    let bill = vault.commitments().get(2).unwrap();
    assert_eq!((bill.owner, bill.rrule.as_deref()), (CommitmentOwner::Them, None));
    assert_eq!(bill.starts_on, day("2025-11-10"));
}

/// Seed 0003: the ledger's reminder settings and logged occurrences.
fn check_schema_three(vault: &Vault) {
    let call = vault.commitments().get(1).unwrap();
    assert_eq!((call.due_time.as_deref(), call.remind), (Some("19:00"), true));
    let ledger = vault.commitments().ledger(1, day("2025-11-12")).unwrap();
    let logged: Vec<(NaiveDate, Option<OccurrenceStatus>, bool, &str)> = ledger.commitments[0]
        .occurrences
        .iter()
        .filter(|o| o.status.is_some())
        .map(|o| (o.due_on, o.status, o.ahead, o.note.as_str()))
        .collect();
    assert_eq!(
        logged,
        [
            (day("2025-11-02"), Some(OccurrenceStatus::Kept), true, "A long call."),
            (day("2025-11-09"), Some(OccurrenceStatus::Partly), false, "A short call."),
        ]
    );
    let ledger = vault.commitments().ledger(2, day("2025-11-12")).unwrap();
    let missed = ledger.commitments[0].occurrences.iter().find(|o| o.status.is_some()).unwrap();
    assert_eq!((missed.due_on, missed.status), (day("2025-11-10"), Some(OccurrenceStatus::Missed)));
}

/// Seed 0004: marked steps with every kind of evidence; Sam's check-in, trust level,
/// decision and check-in schedule.
fn check_schema_four(vault: &Vault) {
    let local_day = |t: chrono::DateTime<Utc>| t.date_naive();
    let step = |relationship: i64, framework: &str, step: &str| {
        let lists = vault.progress().checklists(relationship, &local_day).unwrap();
        let list = lists.into_iter().find(|l| l.framework_id == framework).unwrap();
        list.steps.into_iter().find(|s| s.step_id == step).unwrap()
    };
    let acknowledge = step(1, "five-as", "acknowledge");
    assert_eq!(acknowledge.marked_on, Some(day("2025-11-03")));
    assert_eq!(acknowledge.note, "Said it without excuses.");
    let kinds: Vec<EvidenceKind> = acknowledge.evidence.iter().map(|e| e.target.kind).collect();
    assert_eq!(kinds.len(), 3);
    for kind in [EvidenceKind::Entry, EvidenceKind::Event, EvidenceKind::Occurrence] {
        assert!(kinds.contains(&kind), "{kind:?} evidence in {kinds:?}");
    }
    let ownership = step(2, "four-steps", "take-ownership");
    assert_eq!(ownership.marked_on, Some(day("2025-11-05")));
    let texts: Vec<&str> = ownership.evidence.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["We talked for an hour."]);

    let week = (day("2025-11-01"), day("2025-11-08"));
    let check_ins = vault.progress().check_ins(2, week.0, week.1).unwrap();
    let sixth = check_ins.iter().find(|c| c.on == day("2025-11-06")).unwrap();
    assert_eq!(sixth.answers.get("able-skills"), Some(&4));
    assert_eq!(sixth.answers.get("able-results"), Some(&3));
    assert_eq!((sixth.trust_level, sixth.note.as_str()), (Some(6), "A better week."));
    let decisions = vault.progress().decisions(2, week.0, week.1).unwrap();
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].choice, DecisionChoice::Hold);
    assert_eq!(decisions[0].reasons, "Waiting to see the next month.");
    let schedule = vault.progress().check_in_schedule(2, day("2025-11-12")).unwrap().unwrap();
    assert_eq!(
        (schedule.repeat.to_rrule().as_str(), schedule.at.as_str()),
        ("FREQ=WEEKLY;BYDAY=FR", "18:30")
    );
    assert_eq!((schedule.starts_on, schedule.remind), (day("2025-11-07"), true));
}

/// Seed 0005: both safety checks, one with a sign present and repair mode chosen.
fn check_schema_five(vault: &Vault) {
    let robin = vault.safety().view(1).unwrap();
    assert!(robin.checked_at.is_some() && robin.signs.iter().all(|s| !s.present));
    assert_eq!((robin.mode, robin.chosen), (RelationshipMode::Repair, false));
    let sam = vault.safety().view(2).unwrap();
    let present: Vec<&str> =
        sam.signs.iter().filter(|s| s.present).map(|s| s.id.as_str()).collect();
    assert_eq!(present, ["controlled"]);
    assert_eq!(
        (sam.suggested, sam.mode, sam.chosen),
        (RelationshipMode::Safety, RelationshipMode::Repair, true)
    );
}

/// Migration 0007: relationships from before it have no setting and no power (and are
/// shown no work variant); seed 0007 made Sam a team the person leads.
fn check_schema_seven(vault: &Vault, version: usize) {
    let people = vault.relationships().list().unwrap();
    assert_eq!(people.len(), 2, "v{version}");
    for r in &people {
        let seeded = version >= 7 && r.name == "Sam";
        if seeded {
            assert_eq!((r.setting, r.power), (Some(Setting::Team), Some(Power::Me)));
            assert_eq!(r.contexts, [Context::Work, Context::Leader, Context::Team]);
        } else {
            assert_eq!((r.setting, r.power), (None, None), "v{version}: {}", r.name);
            assert!(r.contexts.is_empty());
        }
    }
}

#[test]
fn relationships_from_schemas_four_to_six_have_no_setting_and_keep_everything_else() {
    for version in 4..=6 {
        let (_d, vault) = open_fixture(version);
        for r in vault.relationships().list().unwrap() {
            assert_eq!((r.setting, r.power), (None, None), "v{version}: {}", r.name);
        }
        // Their guide reads as it did: no variant prompts or notes before the step's own.
        let guide = vault.guide().overview(1).unwrap();
        let five_as = guide.frameworks.iter().find(|f| f.id == "five-as").unwrap();
        assert!(five_as.steps.iter().all(|s| s.notes.is_empty()), "v{version}");
        let admit =
            StepRef { relationship_id: 1, framework_id: "five-as".into(), step_id: "admit".into() };
        let draft = vault.guide().draft(&admit).unwrap().unwrap();
        assert_eq!(draft.answers, ["I said I would come, and I did not."], "v{version}");
    }
}

#[test]
fn shipped_migrations_are_never_edited() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".sql"))
        .collect();
    files.sort();
    let recorded: Vec<&str> = SHIPPED_MIGRATIONS.iter().map(|(name, _)| *name).collect();
    assert_eq!(files, recorded, "every migration file, in order, has its hash recorded here");
    assert_eq!(recorded.len(), mend_core::store::schema_version());
    for (name, recorded) in SHIPPED_MIGRATIONS {
        // Line endings as git may check them out on Windows do not count as an edit.
        let text = std::fs::read_to_string(dir.join(name)).unwrap().replace("\r\n", "\n");
        let hash: String =
            Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hash, recorded, "{name} changed after it shipped: add a new migration instead");
    }
}
