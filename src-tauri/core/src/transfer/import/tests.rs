//! Export → import round trips on random journals (property-based), duplicates, and
//! all-or-nothing application, on an in-memory database with Mend's schema.
use super::*;
use crate::transfer::export::{collect, JournalExport};
use chrono::TimeZone;
use proptest::prelude::*;

fn db() -> Connection {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    crate::store::migrations().to_latest(&mut conn).unwrap();
    conn
}

fn at(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).unwrap()
}

/// The export with what necessarily differs between vaults (the export time and the
/// relationships' refs, which are row ids) taken out.
fn comparable(mut e: JournalExport) -> JournalExport {
    e.exported_at = at(0);
    let refs: HashMap<i64, i64> =
        e.relationships.iter().enumerate().map(|(i, r)| (r.reference, i as i64)).collect();
    for r in &mut e.relationships {
        r.reference = refs[&r.reference];
    }
    for entry in &mut e.entries {
        entry.relationship = entry.relationship.map(|r| refs[&r]);
    }
    e
}

fn parse_json(e: &JournalExport) -> ImportBatch {
    mend_json::parse(&serde_json::to_string_pretty(e).unwrap()).unwrap()
}

prop_compose! {
    fn relationship()(name in "[A-Za-z][A-Za-z .'-]{0,20}", decider in any::<bool>(),
                      what in "\\PC{0,60}", day in 0i64..5000, ms in 0i64..2_000_000_000_000)
                      -> ImportedRelationship {
        ImportedRelationship {
            name,
            role: if decider { Role::Decider } else { Role::Repairer },
            what_happened: what,
            happened_on: NaiveDate::from_num_days_from_ce_opt(730_000 + day as i32),
            breach_kind: BreachKind::Care,
            created_at: at(ms),
            setting: None,
            power: None,
            events: vec![],
        }
    }
}

prop_compose! {
    fn entry(relationships: usize)(
        ms in 0i64..2_500_000_000_000,
        edited in proptest::option::of(1i64..10_000_000),
        body in "[\\PC\n]{0,200}[a-z]",
        rel in proptest::option::of(0..relationships.max(1)),
        mood in proptest::option::of("[a-z]{1,12}"),
        tags in proptest::collection::vec("[a-z][a-z0-9-]{0,15}", 0..4),
        step in proptest::option::of(("[a-z-]{1,12}", "[a-z-]{1,12}")),
    ) -> ImportedEntry {
        ImportedEntry {
            created_at: at(ms),
            updated_at: edited.map(|d| at(ms + d)),
            body,
            relationship: if relationships == 0 { None } else { rel.map(RelationshipRef::InBatch) },
            framework_id: step.as_ref().map(|s| s.0.clone()),
            step_id: step.map(|s| s.1),
            mood,
            tags,
        }
    }
}

fn journal() -> impl Strategy<Value = ImportBatch> {
    proptest::collection::vec(relationship(), 0..4).prop_flat_map(|rels| {
        let n = rels.len();
        proptest::collection::vec(entry(n), 1..40).prop_map(move |entries| ImportBatch {
            format: ImportFormat::MendJson,
            entries,
            relationships: rels.clone(),
            notes: vec![],
        })
    })
}

proptest! {
    // 256 random journals per run (proptest's default case count).
    #[test]
    fn export_then_import_gives_identical_data(batch in journal()) {
        let a = db();
        Importer::new(&a).apply(&batch).unwrap();
        let first = collect(&a, at(1)).unwrap();

        let b = db();
        let outcome = Importer::new(&b).apply(&parse_json(&first)).unwrap();
        prop_assert_eq!(outcome.duplicates, 0);
        let second = collect(&b, at(2)).unwrap();
        prop_assert_eq!(comparable(second), comparable(first.clone()));

        // Importing the same file again adds nothing: every entry is a duplicate.
        let again = Importer::new(&b).apply(&parse_json(&first)).unwrap();
        prop_assert_eq!(again.imported, 0);
        prop_assert_eq!(again.duplicates as usize, first.entries.len());
        prop_assert_eq!(again.new_relationships, 0, "relationships with the same name and role are reused");
    }
}

fn plain(day: u32, hour: u32, body: &str) -> ImportedEntry {
    ImportedEntry::plain(Utc.with_ymd_and_hms(2025, 3, day, hour, 0, 0).unwrap(), body)
}

#[test]
fn duplicates_are_the_same_day_and_text_and_are_counted() {
    let conn = db();
    let mut batch = ImportBatch::new(ImportFormat::JrnlText);
    batch.entries = vec![
        plain(1, 9, "Walked by the river."),
        plain(1, 21, "  Walked by the river.\n"), // same day and text, other time: duplicate
        plain(2, 9, "Walked by the river."),      // other day: new
        plain(1, 9, "Walked by the sea."),        // other text: new
    ];
    let preview = Importer::new(&conn).preview(&batch).unwrap();
    assert_eq!((preview.entries, preview.new_entries, preview.duplicates), (4, 3, 1));
    assert_eq!(preview.samples.len(), 3);
    assert_eq!(preview.samples[0].excerpt, "Walked by the river.");
    let n = |c: &Connection| {
        c.query_row("SELECT count(*) FROM entry", [], |r| r.get::<_, i64>(0)).unwrap()
    };
    assert_eq!(n(&conn), 0, "a preview writes nothing");
    let outcome = Importer::new(&conn).apply(&batch).unwrap();
    assert_eq!((outcome.imported, outcome.duplicates), (3, 1));
    let again = Importer::new(&conn).apply(&batch).unwrap();
    assert_eq!((again.imported, again.duplicates), (0, 4));
    assert_eq!(n(&conn), 3);
}

#[test]
fn a_bad_entry_is_named_and_nothing_is_written() {
    let conn = db();
    let mut batch = ImportBatch::new(ImportFormat::DayOneJson);
    batch.entries = vec![plain(1, 9, "One."), plain(2, 9, "Two."), plain(3, 9, "Three.")];
    batch.entries[2].tags = vec!["x".repeat(41)];
    let err = Importer::new(&conn).apply(&batch).unwrap_err();
    match err {
        TransferError::Malformed { location, .. } => assert_eq!(location, "entry 3 (2025-03-03)"),
        other => panic!("{other:?}"),
    }
    let n: i64 = conn.query_row("SELECT count(*) FROM entry", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_failure_part_way_through_rolls_everything_back() {
    let conn = db();
    // A database-level failure on the third insert, after relationships and two entries.
    conn.execute_batch(
        "CREATE TEMP TRIGGER fail_third BEFORE INSERT ON entry
         WHEN new.body = 'Three.' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
    )
    .unwrap();
    let mut batch = ImportBatch::new(ImportFormat::MendJson);
    batch.relationships = vec![ImportedRelationship {
        name: "Sam".into(),
        role: Role::Repairer,
        what_happened: String::new(),
        happened_on: None,
        breach_kind: BreachKind::Integrity,
        created_at: at(0),
        setting: None,
        power: None,
        events: vec![ImportedEvent {
            kind: EventKind::Breach,
            occurred_on: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            note: String::new(),
        }],
    }];
    batch.entries = vec![plain(1, 9, "One."), plain(2, 9, "Two."), plain(3, 9, "Three.")];
    batch.entries[0].relationship = Some(RelationshipRef::InBatch(0));
    batch.entries[1].tags = vec!["walks".into()];
    assert!(Importer::new(&conn).apply(&batch).is_err());
    for table in ["entry", "relationship", "relationship_event", "tag", "entry_tag"] {
        let n: i64 =
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{table} is as it was");
    }
}

#[test]
fn named_relationships_match_ignoring_case_or_are_left_out_with_a_note() {
    let conn = db();
    conn.execute(
        "INSERT INTO relationship (name, role, breach_kind, created_at) VALUES ('Robin', 'decider', 'care', 0)",
        [],
    )
    .unwrap();
    let mut batch = ImportBatch::new(ImportFormat::MarkdownFolder);
    batch.entries = vec![plain(1, 9, "One."), plain(2, 9, "Two.")];
    batch.entries[0].relationship = Some(RelationshipRef::Named("robin".into()));
    batch.entries[1].relationship = Some(RelationshipRef::Named("Someone else".into()));
    let preview = Importer::new(&conn).preview(&batch).unwrap();
    assert_eq!(preview.notes.len(), 1, "{:?}", preview.notes);
    Importer::new(&conn).apply(&batch).unwrap();
    let rels: Vec<Option<i64>> = conn
        .prepare("SELECT relationship_id FROM entry ORDER BY created_at")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rels, vec![Some(1), None]);
}

#[test]
fn mend_json_errors_name_the_place() {
    let cases = [
        (
            r#"{"format":"mend-journal","version":1,"exportedAt":"2025-01-01T00:00:00Z","relationships":[],"entries":[{"createdAt":"yesterday","body":"x"}]}"#,
            "entries[0].createdAt",
        ),
        (
            r#"{"format":"mend-journal","version":1,"exportedAt":"2025-01-01T00:00:00Z","relationships":[],"entries":[{"createdAt":"2025-01-01T00:00:00Z","body":"x","relationship":7}]}"#,
            "entries[0].relationship",
        ),
        (
            r#"{"format":"something-else","version":1,"exportedAt":"2025-01-01T00:00:00Z","relationships":[],"entries":[]}"#,
            "format",
        ),
        (
            r#"{"format":"mend-journal","version":9,"exportedAt":"2025-01-01T00:00:00Z","relationships":[],"entries":[]}"#,
            "version",
        ),
        ("{\"format\":\"mend-journal\",\n\"version\":1,\n\"exportedAt\": nope", "exportedAt"),
    ];
    for (text, place) in cases {
        match mend_json::parse(text) {
            Err(TransferError::Malformed { location, .. }) => {
                assert!(location.starts_with(place), "{location} names {place}")
            }
            other => panic!("{place}: {other:?}"),
        }
    }
}

fn sample_export_json() -> String {
    r#"{"format":"mend-journal","version":1,"exportedAt":"2025-01-01T00:00:00Z",
"relationships":[{"ref":3,"name":"Jo","role":"decider","breachKind":"care","createdAt":"2025-01-01T00:00:00Z","events":[{"kind":"breach","occurredOn":"2024-12-30"}]}],
"entries":[{"createdAt":"2025-01-02T10:00:00Z","body":"A walk.","relationship":3,"tags":["a"]},
{"createdAt":"2025-01-03T10:00:00.5Z","updatedAt":null,"body":"Rain."}]}"#
        .to_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    // 2000 arbitrary strings: the parser returns an error or a batch, never panics.
    #[test]
    fn mend_json_never_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        let _ = mend_json::parse(&text);
    }

    // 2000 valid exports with one byte replaced or cut short at a random place.
    #[test]
    fn mend_json_never_panics_on_damaged_exports(at in 0usize..400, byte in any::<u8>(), cut in any::<bool>()) {
        let mut bytes = sample_export_json().into_bytes();
        let at = at % bytes.len();
        if cut { bytes.truncate(at) } else { bytes[at] = byte }
        if let Ok(text) = String::from_utf8(bytes) {
            if let Err(TransferError::Malformed { location, problem }) = mend_json::parse(&text) {
                prop_assert!(!location.is_empty() && !problem.is_empty());
            }
        }
    }
}

#[test]
fn the_sample_export_parses() {
    let batch = mend_json::parse(&sample_export_json()).unwrap();
    assert_eq!(batch.entries.len(), 2);
    assert_eq!(batch.entries[0].relationship, Some(RelationshipRef::InBatch(0)));
}
