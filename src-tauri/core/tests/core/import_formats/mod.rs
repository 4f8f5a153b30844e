//! The import parsers for jrnl (text and JSON), Day One JSON and Markdown folders: real-shaped
//! sample files and malformed inputs; [`properties`] holds the properties (no input
//! panics; jrnl text round-trips).
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::London;
use mend_core::transfer::import::{
    dayone, jrnl, markdown, ImportFormat, ImportedEntry, RelationshipRef,
};
use mend_core::transfer::TransferError;
use std::path::{Path, PathBuf};

mod properties;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(fixture(path)).unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

fn tags(e: &ImportedEntry) -> Vec<&str> {
    e.tags.iter().map(String::as_str).collect()
}

/// The location of a Malformed error, failing the test on anything else.
#[track_caller]
fn location<T: std::fmt::Debug>(r: Result<T, TransferError>) -> String {
    match r {
        Err(TransferError::Malformed { location, .. }) => location,
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[track_caller]
fn assert_empty<T: std::fmt::Debug>(r: Result<T, TransferError>) {
    assert!(matches!(r, Err(TransferError::Empty)), "expected Empty, got {r:?}");
}

// ---------------------------------------------------------------- jrnl plain text

#[test]
fn jrnl_text_fixture_reads_every_entry() {
    let batch = jrnl::parse_text(&read("jrnl.txt"), London).unwrap();
    assert_eq!(batch.format, ImportFormat::JrnlText);
    assert!(batch.relationships.is_empty());
    assert_eq!(batch.notes, vec!["1 empty entry was skipped.".to_string()]);
    let e = &batch.entries;
    assert_eq!(e.len(), 7);

    assert_eq!(e[0].created_at, utc(2024, 1, 5, 8, 30, 0));
    assert_eq!(
        e[0].body,
        "Cold morning walk to the bakery. The queue was out the door.\n\
         Bought a rye loaf and two cinnamon buns. @food"
    );
    assert_eq!(tags(&e[0]), ["food"]);
    assert_eq!(e[0].updated_at, None);

    assert_eq!(e[1].created_at, utc(2024, 1, 7, 19, 45, 10));
    assert_eq!(
        e[1].body,
        "Finished the jigsaw puzzle @home @Hobbies\nIt took three weeks.\n\nThe last piece was under the sofa."
    );
    assert_eq!(tags(&e[1]), ["home", "Hobbies"]);

    // 12-hour time, starred with a trailing " *".
    assert_eq!(e[2].created_at, utc(2024, 2, 14, 21, 5, 0));
    assert_eq!(e[2].body, "Late train home again. @work @commute");
    assert_eq!(tags(&e[2]), ["work", "commute", "starred"]);

    // The first day of British Summer Time: 07:15 local is 06:15 UTC.
    assert_eq!(e[3].created_at, utc(2024, 3, 31, 6, 15, 0));
    assert_eq!(tags(&e[3]), ["home", "garden"], "@HOME repeats @home");

    // Old style without brackets; a date later in a line is body text.
    assert_eq!(e[4].created_at, utc(2024, 4, 2, 11, 0, 0));
    assert_eq!(
        e[4].body,
        "Old style line without brackets. Lunch on the bench by the river.\n\
         A note that mentions 2024-04-01 10:00 in the middle is just text."
    );

    // "06:00 AM" in summer; starred with a "*" straight after the timestamp.
    assert_eq!(e[5].created_at, utc(2024, 4, 10, 5, 0, 0));
    assert_eq!(e[5].body, "Ran 5k before breakfast @running\nLegs were heavy but it felt good.");
    assert_eq!(tags(&e[5]), ["running", "starred"]);

    assert_eq!(e[6].created_at, utc(2024, 6, 21, 20, 30, 0));
    assert!(e[6].body.ends_with("- learn three new songs on the guitar"));
    assert!(e.iter().all(|e| e.relationship.is_none() && e.mood.is_none()));
}

#[test]
fn jrnl_text_daylight_saving_gaps_and_overlaps_take_the_earliest_valid_time() {
    // 01:30 on 31 March 2024 does not exist in London: an hour later (02:30 BST) is taken.
    let b = jrnl::parse_text("[2024-03-31 01:30] in the gap", London).unwrap();
    assert_eq!(b.entries[0].created_at, utc(2024, 3, 31, 1, 30, 0));
    // 01:30 on 27 October 2024 happens twice: the first (BST) is taken.
    let b = jrnl::parse_text("[2024-10-27 01:30] in the overlap", London).unwrap();
    assert_eq!(b.entries[0].created_at, utc(2024, 10, 27, 0, 30, 0));
}

#[test]
fn jrnl_text_twelve_hour_edges_and_crlf() {
    let text = "[2024-01-01 12:00 AM] midnight\r\n[2024-01-01 12:00:30 PM] noon\r\nsecond line\r\n";
    let b = jrnl::parse_text(text, chrono_tz::UTC).unwrap();
    assert_eq!(b.entries[0].created_at, utc(2024, 1, 1, 0, 0, 0));
    assert_eq!(b.entries[1].created_at, utc(2024, 1, 1, 12, 0, 30));
    assert_eq!(b.entries[1].body, "noon\nsecond line");
}

#[test]
fn jrnl_text_malformed_inputs_name_the_line() {
    assert_empty(jrnl::parse_text("", London));
    assert_empty(jrnl::parse_text(" \n\t\n  ", London));
    assert_empty(jrnl::parse_text("[2024-01-01 10:00]\n\n", London));

    let r = jrnl::parse_text("\n\nsome words first\n[2024-01-01 10:00] hi", London);
    match r {
        Err(TransferError::Malformed { location, problem }) => {
            assert_eq!(location, "line 3");
            assert_eq!(problem, "the file does not start with a jrnl entry date");
        }
        other => panic!("{other:?}"),
    }
    let r = jrnl::parse_text("[2024-01-01 10:00] fine\nok\n[2024-02-30 10:00] no", London);
    match r {
        Err(TransferError::Malformed { location, problem }) => {
            assert_eq!(location, "line 3");
            assert_eq!(problem, "that date does not exist");
        }
        other => panic!("{other:?}"),
    }
    let r = jrnl::parse_text("2024-01-01 10:00 fine\n2024-01-02 25:00 no", London);
    assert_eq!(location(r), "line 2");
    let r = jrnl::parse_text("[2024-01-01 13:00 PM] no", London);
    assert_eq!(location(r), "line 1");
}

// ---------------------------------------------------------------- jrnl JSON

#[test]
fn jrnl_json_fixture_reads_every_entry() {
    let batch = jrnl::parse_json(&read("jrnl.json"), London).unwrap();
    assert_eq!(batch.format, ImportFormat::JrnlJson);
    assert_eq!(batch.notes, vec!["1 empty entry was skipped.".to_string()]);
    let e = &batch.entries;
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].created_at, utc(2024, 3, 1, 12, 30, 0));
    assert_eq!(
        e[0].body,
        "Team lunch at the noodle place.\nEveryone ordered the same dish by accident.\nWe laughed about it all afternoon."
    );
    assert_eq!(tags(&e[0]), ["work"]);
    // Summer, with seconds; starred.
    assert_eq!(e[1].created_at, utc(2024, 7, 15, 21, 5, 30));
    assert_eq!(e[1].body, "Quiet evening with a book.");
    assert_eq!(tags(&e[1]), ["home", "starred"]);
    // No time: noon local.
    assert_eq!(e[2].created_at, utc(2024, 11, 2, 12, 0, 0));
    assert_eq!(e[2].body, "Forgot the time on this one.\nSome days blur together. @work");
}

#[test]
fn jrnl_json_malformed_inputs_name_the_path() {
    assert_empty(jrnl::parse_json("", London));
    assert_empty(jrnl::parse_json(r#"{"entries": []}"#, London));

    assert_eq!(location(jrnl::parse_json(r#"{"tags": {}}"#, London)), "entries");
    let text = "{\"entries\": [\n  {\"title\": \"a\", \"date\": \"2024-01-01\"},\n  {\"title\": \"b\", \"date\": \"2024-01-02\", \"starred\": \"yes\"}\n]}";
    assert_eq!(location(jrnl::parse_json(text, London)), "entries[1].starred (line 3, column 55)");
    let text = r#"{"entries": [{"title": "a", "date": "2024-02-30"}]}"#;
    assert_eq!(location(jrnl::parse_json(text, London)), "entries[0].date");
    let text = r#"{"entries": [{"title": "a", "date": "2024-02-03", "time": "9 o'clock"}]}"#;
    assert_eq!(location(jrnl::parse_json(text, London)), "entries[0].time");
    let text = r#"{"entries": [{"title": "a"}]}"#;
    assert_eq!(location(jrnl::parse_json(text, London)), "entries[0].date");
    let text = "{\"entries\": [\n{\"title\": \"a\" \"date\": 1}]}";
    assert_eq!(location(jrnl::parse_json(text, London)), "entries[0] (line 2, column 15)");
    let text = r#"{"entries": []} trailing"#;
    assert_eq!(location(jrnl::parse_json(text, London)), "line 1, column 17");
}

// ---------------------------------------------------------------- Day One

#[test]
fn dayone_fixture_reads_every_entry() {
    let batch = dayone::parse_json(&read("dayone/Journal.json")).unwrap();
    assert_eq!(batch.format, ImportFormat::DayOneJson);
    assert_eq!(
        batch.notes,
        vec![
            "4 photos/attachments were left out: Mend keeps text only.".to_string(),
            "1 empty entry was skipped.".to_string(),
        ]
    );
    let e = &batch.entries;
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].created_at, utc(2024, 3, 1, 9, 15, 0));
    assert_eq!(e[0].updated_at, Some(utc(2024, 3, 2, 10, 0, 0)));
    assert_eq!(
        e[0].body,
        "# Market day\n\nBought apples, pears and a new mug. What a morning!\n\n\
         Price list (rough):\n- apples 2.50\n- pears 3.00"
    );
    assert_eq!(tags(&e[0]), ["shopping", "weekend", "starred"]);

    assert_eq!(e[1].created_at, utc(2024, 7, 4, 18, 40, 12));
    assert_eq!(e[1].updated_at, None);
    assert_eq!(e[1].body, "Picnic in the park. Too many wasps.");
    assert!(e[1].tags.is_empty());

    assert_eq!(
        e[2].created_at,
        utc(2024, 12, 24, 22, 59, 59) + chrono::Duration::milliseconds(500)
    );
    assert_eq!(e[2].body, r"Wrapped the last present with half a roll of tape and no skill \o/");
    assert_eq!(tags(&e[2]), ["holidays"]);
}

#[test]
fn dayone_malformed_inputs_name_the_path() {
    assert_empty(dayone::parse_json("  \n"));
    assert_empty(dayone::parse_json(r#"{"metadata": {}, "entries": []}"#));
    assert_eq!(location(dayone::parse_json(r#"{"metadata": {}}"#)), "entries");
    let text =
        r#"{"entries": [{"creationDate": "2024-01-01T00:00:00Z", "text": "a"}, {"text": "b"}]}"#;
    assert_eq!(location(dayone::parse_json(text)), "entries[1].creationDate");
    let text = r#"{"entries": [{"creationDate": "yesterday", "text": "a"}]}"#;
    assert_eq!(location(dayone::parse_json(text)), "entries[0].creationDate");
    let text = r#"{"entries": [{"creationDate": "2024-01-01T00:00:00Z", "modifiedDate": "soon", "text": "a"}]}"#;
    assert_eq!(location(dayone::parse_json(text)), "entries[0].modifiedDate");
    let text =
        "{\"entries\": [\n {\"creationDate\": \"2024-01-01T00:00:00Z\",\n  \"tags\": [\"a\", 7]}]}";
    assert_eq!(location(dayone::parse_json(text)), "entries[0].tags[1] (line 3, column 17)");
    // A key the file chose is never named in a location.
    let text = "{\"entries\": [{\"creationDate\": \"2024-01-01T00:00:00Z\",\n \"weather\": {\"private words\": [1, }}]}";
    let at = location(dayone::parse_json(text));
    assert!(!at.contains("private"), "{at}");
    assert!(at.starts_with("entries[0]"), "{at}");
    assert_eq!(location(dayone::parse_json("\n  [1, 2")), "line 2, column 3");
    assert_eq!(location(dayone::parse_json("{\"entries\": [")), "entries (line 1, column 13)");
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_folder_fixture_reads_every_file_in_order() {
    let batch = markdown::parse_folder(&fixture("markdown"), London).unwrap();
    assert_eq!(batch.format, ImportFormat::MarkdownFolder);
    assert_eq!(
        batch.notes,
        vec![
            "1 empty file was skipped.".to_string(),
            "1 file that is not Markdown or text was left out.".to_string(),
        ]
    );
    let e = &batch.entries;
    assert_eq!(e.len(), 4, "the hidden .obsidian folder is left alone");
    assert!(e.iter().all(|e| !e.body.contains("hidden")));

    // 2024/march/mend-export.md: Mend's own export reads back exactly.
    let at = DateTime::parse_from_rfc3339("2026-11-30T18:04:05.123Z").unwrap();
    assert_eq!(e[0].created_at, at);
    assert_eq!(e[0].updated_at, Some(utc(2026, 11, 30, 18, 10, 0)));
    assert_eq!(e[0].relationship, Some(RelationshipRef::Named("Sam".into())));
    assert_eq!(e[0].mood.as_deref(), Some("tired"));
    assert_eq!(tags(&e[0]), ["first", "second"]);
    assert_eq!(e[0].framework_id.as_deref(), Some("four-steps"));
    assert_eq!(e[0].step_id.as_deref(), Some("acknowledge"));
    assert_eq!(
        e[0].body,
        "Long day. Wrote down what I want to say before the call.\n\n- listen first\n- say sorry for the missed dinner"
    );

    // 2024/titled.md: title becomes a heading; local summer time.
    assert_eq!(e[1].created_at, utc(2024, 6, 10, 6, 30, 0));
    assert_eq!(e[1].body, "# Allotment plans\n\nBeans on the left, courgettes on the right.");
    assert_eq!(tags(&e[1]), ["garden", "outdoors"]);
    assert_eq!(e[1].updated_at, None);

    // 2024-08-15-1930-evening-swim.md: dated by its name.
    assert_eq!(e[2].created_at, utc(2024, 8, 15, 18, 30, 0));
    assert_eq!(e[2].body, "The lake was colder than expected. Swam to the buoy and back.");

    // 2024-09-01.txt: a day only (noon), Windows line endings.
    assert_eq!(e[3].created_at, utc(2024, 9, 1, 11, 0, 0));
    assert_eq!(
        e[3].body,
        "Plain text note about fixing the bike chain.\nIt only took ten minutes."
    );
}

/// What Mend's Markdown export writes for one entry.
fn mend_export(e: &ImportedEntry) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap();
    let mut out = String::from("---\n");
    out += &format!(
        "created: {}\n",
        q(&e.created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    );
    if let Some(u) = e.updated_at {
        out +=
            &format!("updated: {}\n", q(&u.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)));
    }
    if let Some(RelationshipRef::Named(n)) = &e.relationship {
        out += &format!("relationship: {}\n", q(n));
    }
    if let Some(m) = &e.mood {
        out += &format!("mood: {}\n", q(m));
    }
    if !e.tags.is_empty() {
        out += &format!("tags: {}\n", serde_json::to_string(&e.tags).unwrap());
    }
    if let Some(f) = &e.framework_id {
        out += &format!("framework: {}\n", q(f));
    }
    if let Some(s) = &e.step_id {
        out += &format!("step: {}\n", q(s));
    }
    out += "---\n\n";
    out += &e.body;
    out += "\n";
    out
}

#[test]
fn markdown_reads_back_mends_own_export() {
    let mut e = ImportedEntry::plain(
        DateTime::parse_from_rfc3339("2026-11-30T18:04:05.123Z").unwrap().into(),
        "# A heading\n\n    indented code\n\n---\n\nA \"quoted\" line with: a colon, \\ and # hash\n  \ttrailing",
    );
    e.updated_at = Some(utc(2026, 11, 30, 18, 10, 0));
    e.relationship = Some(RelationshipRef::Named("Sam \"the\" Baker: café".into()));
    e.mood = Some("tired, but ok".into());
    e.tags = vec!["first".into(), "two words".into(), "ünïcode".into()];
    e.framework_id = Some("four-steps".into());
    e.step_id = Some("acknowledge".into());
    let back = markdown::parse_file("2026/entry.md", &mend_export(&e), London).unwrap();
    assert_eq!(back, e);

    let plain = ImportedEntry::plain(utc(2001, 2, 3, 4, 5, 6), "Just text.");
    let back = markdown::parse_file("x.md", &mend_export(&plain), London).unwrap();
    assert_eq!(back, plain);
}

#[test]
fn markdown_front_matter_variants() {
    let tz = London;
    let e = markdown::parse_file("a.md", "\u{feff}---\r\ndate: 2024-01-02\r\ntags: \"#one, two ,,three\"\r\ntitle: \"# Already\"\r\n...\r\n# Heading\r\ntext\r\n", tz)
        .unwrap();
    assert_eq!(e.created_at, utc(2024, 1, 2, 12, 0, 0));
    assert_eq!(tags(&e), ["one", "two", "three"]);
    assert_eq!(e.body, "# Heading\ntext", "the body already starts with a heading");

    // created wins over date; unknown keys, nesting and aliases are ignored.
    let text = "---\ndate: 2020-01-01\ncreated: 2024-07-01T10:00:00+02:00\nextra: {a: [1, 2]}\nanchor: &x [1]\nagain: *x\nmood: ~\n---\nhello";
    let e = markdown::parse_file("b.md", text, tz).unwrap();
    assert_eq!(e.created_at, utc(2024, 7, 1, 8, 0, 0));
    assert_eq!(e.mood, None);
    // Dated by name with " HH-MM" and "_HHMM"; a non-time after the date is the title.
    let e = markdown::parse_file("x/2024-01-02 07-45 walk.md", "hi", tz).unwrap();
    assert_eq!(e.created_at, utc(2024, 1, 2, 7, 45, 0));
    let e = markdown::parse_file("2024-01-02_0745.md", "hi", tz).unwrap();
    assert_eq!(e.created_at, utc(2024, 1, 2, 7, 45, 0));
    let e = markdown::parse_file("2024-01-02-1999-memories.md", "hi", tz).unwrap();
    assert_eq!(e.created_at, utc(2024, 1, 2, 12, 0, 0));
    // A title with no body text is the entry.
    let e = markdown::parse_file("2024-01-02.md", "---\ntitle: Only a title\n---\n", tz).unwrap();
    assert_eq!(e.body, "# Only a title");
}

#[test]
fn markdown_malformed_files_name_the_file_and_line() {
    let tz = London;
    let r = markdown::parse_file(
        "notes/2020-01-02.md",
        "---\ndate: 2020-01-02\ntags: [a, b\n---\nbody",
        tz,
    );
    match r {
        Err(TransferError::Malformed { location, problem }) => {
            assert!(location.starts_with("notes/2020-01-02.md, line "), "{location}");
            assert_eq!(problem, "the front matter is not valid YAML");
        }
        other => panic!("{other:?}"),
    }
    let r = markdown::parse_file("n.md", "---\nmood: ok\ntitle: a: b: c\n---\nbody", tz);
    assert_eq!(location(r), "n.md, line 3");
    let r = markdown::parse_file("n.md", "---\nmood: ok\ncreated: next tuesday\n---\nbody", tz);
    assert_eq!(location(r), "n.md, line 3");
    let r = markdown::parse_file("sub/notes.md", "no date anywhere", tz);
    match r {
        Err(TransferError::Malformed { location, problem }) => {
            assert_eq!(location, "sub/notes.md");
            assert_eq!(problem, "no date in its front matter or its name");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(location(markdown::parse_file("2024-02-30.md", "text", tz)), "2024-02-30.md");
    assert_eq!(
        location(markdown::parse_file("a.md", "---\ndate: 2024-01-01\nbody", tz)),
        "a.md, line 1"
    );
    let big = format!("---\nnote: \"{}\"\n---\nbody", "x".repeat(70_000));
    assert_eq!(location(markdown::parse_file("a.md", &big, tz)), "a.md");
    assert_eq!(location(markdown::parse_file("2024-01-01.md", " \n\n", tz)), "2024-01-01.md");
}

#[test]
fn markdown_front_matter_cannot_blow_up() {
    // Deep nesting is skipped without recursion.
    let deep = format!("---\ndate: 2024-01-01\nx: {}\n---\nok", "- ".repeat(30_000));
    let _ = markdown::parse_file("a.md", &deep, London);
    let deep = format!("---\ndate: 2024-01-01\nx: {}{}\n---\nok", "[".repeat(300), "]".repeat(300));
    let _ = markdown::parse_file("a.md", &deep, London);
    // Aliases are not expanded ("billion laughs").
    let mut laughs = String::from(
        "---\ndate: 2024-01-01\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..12 {
        let p = i - 1;
        laughs += &format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        );
    }
    laughs += "---\nstill fine";
    let e = markdown::parse_file("a.md", &laughs, London).unwrap();
    assert_eq!(e.body, "still fine");
}

#[test]
fn markdown_folder_limits_and_links() {
    let tz = London;
    let dir = tempfile::tempdir().unwrap();
    assert_empty(markdown::parse_folder(dir.path(), tz));
    std::fs::write(dir.path().join("photo.jpg"), "x").unwrap();
    assert_empty(markdown::parse_folder(dir.path(), tz));

    // A link to a file outside the folder is not followed.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("2024-05-05.md"), "outside the folder").unwrap();
    std::fs::create_dir(outside.path().join("sub")).unwrap();
    std::fs::write(outside.path().join("sub/2024-05-06.md"), "also outside").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("2024-05-05.md"),
        dir.path().join("2024-05-05.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path().join("sub"), dir.path().join("linked")).unwrap();
    std::fs::write(dir.path().join("2024-05-07.md"), "inside").unwrap();
    let b = markdown::parse_folder(dir.path(), tz).unwrap();
    assert_eq!(b.entries.len(), 1);
    assert_eq!(b.entries[0].body, "inside");
    assert!(
        b.notes.contains(&"2 links in the folder were not followed.".to_string()),
        "{:?}",
        b.notes
    );

    // A file over 1 MiB is named.
    std::fs::create_dir(dir.path().join("big")).unwrap();
    std::fs::write(dir.path().join("big/2024-01-01.md"), "a".repeat(1024 * 1024 + 1)).unwrap();
    match markdown::parse_folder(dir.path(), tz) {
        Err(TransferError::Malformed { location, problem }) => {
            assert_eq!(location, "big/2024-01-01.md");
            assert_eq!(problem, "the file is larger than 1 MiB");
        }
        other => panic!("{other:?}"),
    }
    std::fs::remove_dir_all(dir.path().join("big")).unwrap();

    // Errors inside a file name it, relative to the folder.
    std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
    std::fs::write(dir.path().join("a/b/undated.md"), "no date").unwrap();
    assert_eq!(location(markdown::parse_folder(dir.path(), tz)), "a/b/undated.md");
    std::fs::write(dir.path().join("a/b/undated.md"), b"2024\xff").unwrap();
    assert_eq!(location(markdown::parse_folder(dir.path(), tz)), "a/b/undated.md, line 1");
}
