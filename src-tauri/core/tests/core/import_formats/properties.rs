//! Properties of the import parsers over generated input: none panics or quotes the file in
//! an error, and jrnl text and Mend's own Markdown export read back what was written.
use super::{mend_export, utc};
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::London;
use mend_core::transfer::import::{
    dayone, jrnl, markdown, ImportBatch, ImportedEntry, RelationshipRef,
};
use mend_core::transfer::TransferError;
use proptest::prelude::*;

/// A word that never appears in a message, whatever the input.
const SECRET: &str = "zebraquartz";

#[track_caller]
fn assert_quiet<T>(r: &Result<T, TransferError>) {
    if let Err(e) = r {
        let shown = e.to_string();
        assert!(!shown.contains(SECRET), "a message quoted the file: {shown}");
    }
}

#[track_caller]
fn assert_batch_sane(r: &Result<ImportBatch, TransferError>) {
    assert_quiet(r);
    if let Ok(b) = r {
        assert!(!b.entries.is_empty());
        assert!(b.entries.iter().all(|e| !e.body.trim().is_empty() && e.body == e.body.trim_end()));
        assert!(b.entries.iter().all(|e| e.tags.iter().all(|t| !t.is_empty())));
    }
}

/// Lines that look a little like each format, mixed at random.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\[?[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?\\]? ?\\*?",
        "\\[20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]\\] ",
        Just("---".to_string()),
        Just("...".to_string()),
        Just(String::new()),
        Just(SECRET.to_string()),
        "@[a-z]{1,8}",
        "(created|date|updated|title|tags|mood|relationship|framework|step): ?[\\[\\]{}\"'&*!|>:,# a-z0-9-]{0,20}",
        "  - [a-z#@]{0,6}",
        "[{}\\[\\]\",:]{1,6}",
        "\"(entries|title|body|date|time|tags|starred|creationDate|modifiedDate|text|photos)\": ?",
        "\"[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?\",?",
        "!\\[\\]\\(dayone-moment:/?/?[a-zA-Z0-9/]{0,12}\\)",
        "\\\\[.!()#*_-]",
        "\\PC{0,30}",
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(fragment(), 0..24).prop_map(|v| v.join("\n")),
        prop::collection::vec(fragment(), 0..24).prop_map(|v| v.concat()),
        prop::collection::vec(fragment(), 0..24).prop_map(|v| v.join("\r\n")),
    ]
}

/// JSON-shaped documents with random values where each format expects its fields.
fn json_text() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
        "-?[0-9]{1,20}(\\.[0-9]+)?",
        "\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"",
        "\"[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AP]M)?\"",
        "\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})\"",
        "\"(zebraquartz|[a-z @#\\\\.!]{0,12}|!\\[\\]\\(dayone-moment://[A-Z0-9]{4}\\))*\"",
        Just("[\"@a\", \"#b\", \"\"]".to_string()),
        Just("[{}, {}]".to_string()),
    ];
    let key = prop_oneof![
        Just("title"),
        Just("body"),
        Just("date"),
        Just("time"),
        Just("tags"),
        Just("starred"),
        Just("creationDate"),
        Just("modifiedDate"),
        Just("text"),
        Just("photos"),
        Just("videos"),
        Just("zebraquartz"),
    ];
    let entry = prop::collection::vec((key, value), 0..8).prop_map(|fields| {
        let inner: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
        format!("{{{}}}", inner.join(", "))
    });
    (prop::collection::vec(entry, 0..5), any::<bool>(), 0usize..4).prop_map(
        |(entries, wrap, cut)| {
            let doc = format!("{{\"metadata\": {{}}, \"entries\": [{}]}}", entries.join(",\n"));
            let doc = if wrap { doc } else { format!("[{doc}") };
            // Sometimes cut it short.
            let keep = doc.len().saturating_sub(cut * 3);
            doc.char_indices().take_while(|(i, _)| *i < keep).map(|(_, c)| c).collect()
        },
    )
}

fn markdown_text() -> impl Strategy<Value = String> {
    prop_oneof![
        mixed_text(),
        (prop::collection::vec(fragment(), 0..12), prop::collection::vec(fragment(), 0..6))
            .prop_map(|(front, body)| format!(
                "---\n{}\n---\n{}",
                front.join("\n"),
                body.join("\n")
            )),
    ]
}

fn file_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("notes/entry.md".to_string()),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}([-_ ][0-9]{2}-?[0-9]{2})?[a-z -]{0,8}\\.md",
        "(sub/)?\\PC{0,12}",
    ]
}

proptest! {
    // 2000 cases per parser.
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// jrnl plain text: 2000 cases.
    #[test]
    fn jrnl_text_never_panics(text in mixed_text()) {
        assert_batch_sane(&jrnl::parse_text(&text, London));
    }

    /// jrnl JSON: 2000 cases of text-ish input and 2000 of JSON-shaped input.
    #[test]
    fn jrnl_json_never_panics(text in mixed_text(), json in json_text()) {
        assert_batch_sane(&jrnl::parse_json(&text, London));
        assert_batch_sane(&jrnl::parse_json(&json, chrono_tz::America::New_York));
    }

    /// Day One JSON: 2000 cases of text-ish input and 2000 of JSON-shaped input.
    #[test]
    fn dayone_never_panics(text in mixed_text(), json in json_text()) {
        assert_batch_sane(&dayone::parse_json(&text));
        assert_batch_sane(&dayone::parse_json(&json));
    }

    /// Markdown files: 2000 cases.
    #[test]
    fn markdown_parse_file_never_panics(name in file_name(), text in markdown_text()) {
        let r = markdown::parse_file(&name, &text, London);
        assert_quiet(&r);
        if let Ok(e) = r {
            prop_assert!(!e.body.trim().is_empty());
            prop_assert_eq!(e.body.trim_end(), e.body.as_str());
        }
    }

    /// Mend's own Markdown export reads back exactly: 2000 cases.
    #[test]
    fn markdown_reads_back_any_mend_export(
        millis in 631_152_000_000i64..2_240_611_200_000,
        edited in prop::option::of(0i64..10_000_000_000),
        body in prop::collection::vec("\\PC{0,40}", 1..6).prop_map(|v| v.join("\n"))
            .prop_filter("has text", |b| !b.trim().is_empty()),
        relationship in prop::option::of(meta_text()),
        mood in prop::option::of(meta_text()),
        framework in prop::option::of(meta_text()),
        step in prop::option::of(meta_text()),
        tags in prop::collection::vec(meta_text(), 0..4),
    ) {
        let at = DateTime::from_timestamp_millis(millis).unwrap();
        let body = body.trim_end();
        let body = body.trim_start_matches(|c: char| c.is_whitespace());
        let mut e = ImportedEntry::plain(at, body);
        e.updated_at = edited.map(|ms| at + chrono::Duration::milliseconds(ms));
        e.relationship = relationship.map(RelationshipRef::Named);
        e.mood = mood;
        e.framework_id = framework;
        e.step_id = step;
        for t in tags {
            if !e.tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()) {
                e.tags.push(t);
            }
        }
        let back = markdown::parse_file("Journal/entry.md", &mend_export(&e), London).unwrap();
        prop_assert_eq!(back, e);
    }

    /// jrnl plain text round trip: 2000 cases.
    #[test]
    fn jrnl_text_round_trips(
        entries in prop::collection::vec((0i64..26_822_880, body(), 0usize..4), 1..6),
        zone in prop_oneof![
            Just(chrono_tz::UTC),
            Just(London),
            Just(chrono_tz::America::New_York),
            Just(chrono_tz::Asia::Kolkata),
            Just(chrono_tz::Australia::Lord_Howe),
        ],
        gap in prop_oneof![Just("\n"), Just("\n\n"), Just("\n \n\n")],
    ) {
        // Minutes from 1990-01-01 to the end of 2040.
        let start = utc(1990, 1, 1, 0, 0, 0);
        let mut text = String::new();
        let mut expected = Vec::new();
        for (minutes, body, style) in &entries {
            let at = start + chrono::Duration::minutes(*minutes);
            let local = at.with_timezone(&zone).naive_local();
            let stamp = match style {
                0 => format!("[{}]", local.format("%Y-%m-%d %H:%M")),
                1 => format!("[{}]", local.format("%Y-%m-%d %I:%M:%S %p")),
                2 => local.format("%Y-%m-%d %H:%M").to_string(),
                _ => local.format("%Y-%m-%d %I:%M %p").to_string(),
            };
            text += &format!("{stamp} {body}{gap}");
            // Where a local time happens twice, the earlier is read.
            let first = zone.from_local_datetime(&local).earliest().unwrap().with_timezone(&Utc);
            expected.push((first, body.clone()));
        }
        let batch = jrnl::parse_text(&text, zone).unwrap();
        let got: Vec<_> = batch.entries.iter().map(|e| (e.created_at, e.body.clone())).collect();
        prop_assert_eq!(got, expected);
        prop_assert!(batch.notes.is_empty());
    }
}

/// A value as Mend stores it: trimmed, not blank, and (for tags) without a leading `#`/`@`.
fn meta_text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z]{1,12}", "\\PC{1,16}", "[\"':#@ ,\\[\\]{}&*!|>%-]{0,4}[a-zé日]{1,4}"]
        .prop_filter("stored form", |s| {
            !s.is_empty() && s.trim() == s && !s.starts_with(['#', '@'])
        })
}

/// An entry's text: a first line with no star marker, then any lines that do not start
/// an entry, without trailing whitespace.
fn body() -> impl Strategy<Value = String> {
    let first = "[a-zé日@(][a-zA-Z0-9 ,.!?'@#é日()-]{0,30}[a-z.!?)]|[a-z]";
    let line = prop_oneof![
        Just(String::new()),
        Just("   ".to_string()),
        "[a-zA-Z@#( ][ -~é日]{0,40}",
        "2024-0[1-9]-[12][0-9] was a (good|quiet) day",
        "- [a-z ]{1,20}",
    ];
    (first, prop::collection::vec(line, 0..5)).prop_map(|(first, lines)| {
        let mut body = first;
        for l in lines {
            body.push('\n');
            body.push_str(&l);
        }
        body.trim_end().to_string()
    })
}
