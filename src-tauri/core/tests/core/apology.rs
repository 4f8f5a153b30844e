//! The apology workshop against hand-written data: a corpus of whole apologies
//! (tests/data/apologies.toml), where every check of every apology has the expected status,
//! every finding quotes the draft exactly at its UTF-16 offsets and every problem is
//! pointed at; and tables of short phrases (tests/data/apology-phrases.toml), each testing
//! one rule of one check.
use mend_core::apology::{review, CheckId, CheckStatus, FindingKind};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Corpus {
    apology: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    expect: BTreeMap<CheckId, CheckStatus>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseFile {
    phrases: Vec<Phrases>,
}

/// Drafts that share an expectation about one check.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrases {
    check: CheckId,
    texts: Vec<String>,
    status: Option<CheckStatus>,
    /// The quotes of the check's problem findings, in order.
    problems: Option<Vec<String>>,
    /// The quotes of the check's strength findings, in order.
    strengths: Option<Vec<String>>,
}

fn corpus() -> Vec<Case> {
    let corpus: Corpus = toml::from_str(include_str!("../data/apologies.toml")).unwrap();
    corpus.apology
}

/// The draft between UTF-16 offsets, as the web view would slice it.
fn slice_utf16(text: &str, start: u32, end: u32) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let part = units.get(start as usize..end as usize)?;
    String::from_utf16(part).ok()
}

#[test]
fn corpus_is_big_and_varied_enough() {
    let cases = corpus();
    assert!(cases.len() >= 30, "only {} apologies", cases.len());
    let good = cases
        .iter()
        .filter(|c| {
            c.expect.iter().all(|(&id, &s)| {
                s == CheckStatus::Met
                    || (id == CheckId::AsksForgiveness && s == CheckStatus::Missing)
            })
        })
        .count();
    let with_problems =
        cases.iter().filter(|c| c.expect.values().any(|&s| s == CheckStatus::Problem)).count();
    assert!(good >= 8, "only {good} good apologies");
    assert!(with_problems >= 15, "only {with_problems} apologies with problems");
    // Every check shows up as a problem somewhere, except acknowledgesPain and offersRepair,
    // which are only ever met or missing.
    for id in CheckId::ALL {
        let problems =
            cases.iter().filter(|c| c.expect.get(&id) == Some(&CheckStatus::Problem)).count();
        let expected_some = !matches!(id, CheckId::AcknowledgesPain | CheckId::OffersRepair);
        assert_eq!(problems > 0, expected_some, "{id:?} appears as a problem {problems} times");
    }
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "apology names must be unique");
}

#[test]
fn every_check_of_every_apology_has_the_expected_status() {
    let mut failures = Vec::new();
    for case in corpus() {
        assert_eq!(case.expect.len(), CheckId::ALL.len(), "{}: expect all seven checks", case.name);
        let r = review(&case.text);
        for (&id, &want) in &case.expect {
            let got = r.status(id);
            if got != want {
                let quotes: Vec<String> = r
                    .findings
                    .iter()
                    .filter(|f| f.check == id)
                    .map(|f| format!("{:?} {:?}", f.kind, f.quote))
                    .collect();
                failures.push(format!(
                    "{}: {} expected {}, got {} {:?}",
                    case.name,
                    id.as_str(),
                    want.as_str(),
                    got.as_str(),
                    quotes
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn findings_quote_the_draft_at_their_utf16_offsets() {
    for case in corpus() {
        let r = review(&case.text);
        assert!(
            r.findings.windows(2).all(|w| w[0].start <= w[1].start),
            "{}: findings out of order",
            case.name
        );
        for f in &r.findings {
            assert!(f.start < f.end, "{}: empty finding {f:?}", case.name);
            assert!(case.text.contains(&f.quote), "{}: {:?} not in the text", case.name, f.quote);
            assert_eq!(
                slice_utf16(&case.text, f.start, f.end).as_deref(),
                Some(f.quote.as_str()),
                "{}: offsets of {:?}",
                case.name,
                f.quote
            );
            assert!(!f.message.is_empty() && !f.message.contains('!'));
            assert_ne!(
                r.status(f.check),
                CheckStatus::Missing,
                "{}: a missing check has findings",
                case.name
            );
        }
        for id in CheckId::ALL {
            let problems = r
                .findings
                .iter()
                .filter(|f| f.check == id && f.kind == FindingKind::Problem)
                .count();
            assert_eq!(
                problems > 0,
                r.status(id) == CheckStatus::Problem,
                "{}: {} has {problems} problem findings",
                case.name,
                id.as_str()
            );
        }
    }
}

#[test]
fn every_phrase_gives_its_status_and_quotes() {
    let file: PhraseFile = toml::from_str(include_str!("../data/apology-phrases.toml")).unwrap();
    assert!(file.phrases.len() >= 30, "only {} tables", file.phrases.len());
    let mut failures = Vec::new();
    let mut checked = 0;
    for table in &file.phrases {
        let id = table.check;
        assert!(
            table.status.is_some() || table.problems.is_some() || table.strengths.is_some(),
            "a table of {} expects nothing",
            id.as_str()
        );
        assert!(!table.texts.is_empty(), "a table of {} has no texts", id.as_str());
        for text in &table.texts {
            let r = review(text);
            let quotes = |kind| -> Vec<String> {
                r.findings
                    .iter()
                    .filter(|f| f.check == id && f.kind == kind)
                    .map(|f| f.quote.clone())
                    .collect()
            };
            let (problems, strengths) =
                (quotes(FindingKind::Problem), quotes(FindingKind::Strength));
            let status = r.status(id);
            if table.status.is_some_and(|want| want != status) {
                failures.push(format!("{text:?}: {} is {}", id.as_str(), status.as_str()));
            }
            if table.problems.as_ref().is_some_and(|want| *want != problems) {
                failures.push(format!("{text:?}: {} problems {problems:?}", id.as_str()));
            }
            if table.strengths.as_ref().is_some_and(|want| *want != strengths) {
                failures.push(format!("{text:?}: {} strengths {strengths:?}", id.as_str()));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
    assert!(checked >= 100, "only {checked} phrases");
}
