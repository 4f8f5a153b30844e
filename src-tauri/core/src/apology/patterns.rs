//! The workshop's English, as data: `src-tauri/core/frameworks/apology-patterns.toml`,
//! compiled into the binary and read at first use (as the frameworks are). It holds each
//! check's label and advice, the message beside each kind of finding, the groups of
//! phrases (regular expressions) behind each check, and the words the hand-written rules
//! in `engine.rs` turn on. The file's header explains the pattern syntax.
//!
//! Invariants (checked by [`parse`], so a bad file fails the tests, not a person):
//! - every check has a label and advice, and every message, label and advice is non-empty;
//! - every pattern compiles once its `{list}` names are expanded, and names only lists
//!   that exist; every group names a message and keep rule words that exist;
//! - the messages the hand-written rules use exist, and every message, list and word list
//!   is used by something;
//! - words are single lower-case words with straight apostrophes, as [`normalise`] gives.
//!
//! Group and pattern order is kept: the engine breaks ties between equal spans by it.
//!
//! [`normalise`]: super::tokens::normalise
use super::types::{CheckId, FindingKind};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const FILE: &str = include_str!("../../frameworks/apology-patterns.toml");

/// The messages the hand-written rules use, by their name in the file.
const SHRINKING_WORD: &str = "shrinkingWord";
const TAKES_BACK: &str = "takesBack";

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    checks: BTreeMap<String, CheckText>,
    messages: BTreeMap<String, String>,
    lists: BTreeMap<String, Vec<String>>,
    markers: MarkerText,
    words: BTreeMap<String, Vec<String>>,
    group: Vec<GroupText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckText {
    label: String,
    advice: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MarkerText {
    apology_language: String,
    apology_marker: String,
    connective: String,
    opening_connective: String,
    harmless_after_but: String,
    discourse_marker: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupText {
    check: CheckId,
    kind: FindingKind,
    message: String,
    #[serde(default)]
    keep: KeepText,
    patterns: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
enum KeepText {
    #[default]
    Always,
    NotAfter(String),
    NotBefore(String),
    NotHypothetical,
    Commitment,
}

/// When a match of a rule counts.
#[derive(Debug, Clone)]
pub(super) enum Keep {
    Always,
    /// Not when the word just before the match is one of these.
    NotAfter(Vec<String>),
    /// Not when the word just after the match is one of these.
    NotBefore(Vec<String>),
    /// Not a hypothetical about the future: "if I ever hurt you again".
    NotHypothetical,
    /// Commitments, minus "I'll understand", "I'll wait", "I'll be honest, …".
    Commitment,
}

/// One compiled pattern of a group.
pub(super) struct Rule {
    pub check: CheckId,
    pub kind: FindingKind,
    pub message: String,
    pub keep: Keep,
    pub re: Regex,
}

/// The single patterns the hand-written rules use.
pub(super) struct Markers {
    /// Any apology language at all: the draft is an attempt at an apology.
    pub apology_language: Regex,
    /// The words an apology sentence turns on, for the "but" rule.
    pub apology_marker: Regex,
    /// "but", "however" and their kin.
    pub connective: Regex,
    /// The same, opening a sentence.
    pub opening_connective: Regex,
    /// What may follow a "but" without taking the apology back.
    pub harmless_after_but: Regex,
    /// "I'll be honest, …": a way of speaking, not a commitment.
    pub discourse_marker: Regex,
}

/// The word lists the hand-written rules use (see the data file for each one's meaning).
pub(super) struct Words {
    pub shrinking: Vec<String>,
    pub not_shrinking_after: Vec<String>,
    pub shrinks_before: Vec<String>,
    pub shrinkable_harm: Vec<String>,
    pub copula: Vec<String>,
    pub time_or_cause: Vec<String>,
    pub saying: Vec<String>,
    pub commitment_fillers: Vec<String>,
    pub not_a_commitment: Vec<String>,
    pub not_a_commitment_after_be: Vec<String>,
}

/// Everything the engine reads, compiled and checked.
pub(super) struct Patterns {
    checks: Vec<(CheckId, String, String)>,
    pub rules: Vec<Rule>,
    pub markers: Markers,
    pub words: Words,
    /// The message of the "just"/"only" rule.
    pub shrinking_word: String,
    /// The message of the "but"/"however" rule.
    pub takes_back: String,
}

impl Patterns {
    /// The label and advice of a check.
    pub fn check_text(&self, id: CheckId) -> (&str, &str) {
        self.checks
            .iter()
            .find(|(c, _, _)| *c == id)
            .map_or(("", ""), |(_, label, advice)| (label.as_str(), advice.as_str()))
    }
}

/// The workshop's data, parsed and compiled at first use. `None` only if the file breaks
/// an invariant, which the tests rule out.
pub(super) fn patterns() -> Option<&'static Patterns> {
    static PATTERNS: OnceLock<Option<Patterns>> = OnceLock::new();
    PATTERNS.get_or_init(|| parse(FILE).ok()).as_ref()
}

/// Tracks which names of a table were looked up, to report the unused ones.
struct Table<'a, T> {
    what: &'static str,
    items: &'a BTreeMap<String, T>,
    used: BTreeSet<&'a str>,
}

impl<'a, T> Table<'a, T> {
    fn new(what: &'static str, items: &'a BTreeMap<String, T>) -> Self {
        Table { what, items, used: BTreeSet::new() }
    }

    fn get(&mut self, name: &str) -> Result<&'a T, String> {
        let (key, item) =
            self.items.get_key_value(name).ok_or_else(|| format!("no {} {name}", self.what))?;
        self.used.insert(key);
        Ok(item)
    }

    fn all_used(&self) -> Result<(), String> {
        match self.items.keys().find(|k| !self.used.contains(k.as_str())) {
            Some(unused) => Err(format!("{} {unused} is never used", self.what)),
            None => Ok(()),
        }
    }
}

/// Parses the data file, compiles every pattern and checks the invariants above.
pub(super) fn parse(text: &str) -> Result<Patterns, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;

    let mut checks = Vec::new();
    for id in CheckId::ALL {
        let t = file.checks.get(id.as_str()).ok_or(format!("no label for {}", id.as_str()))?;
        if t.label.trim().is_empty() || t.advice.trim().is_empty() {
            return Err(format!("{}: an empty label or advice", id.as_str()));
        }
        checks.push((id, t.label.clone(), t.advice.clone()));
    }
    if let Some(extra) = file.checks.keys().find(|k| !CheckId::ALL.iter().any(|c| c.as_str() == *k))
    {
        return Err(format!("no check {extra}"));
    }
    if let Some((name, _)) = file.messages.iter().find(|(_, m)| m.trim().is_empty()) {
        return Err(format!("message {name} is empty"));
    }
    for (name, words) in &file.words {
        let odd =
            |w: &&String| w.is_empty() || w.contains(char::is_whitespace) || normalised(w) != **w;
        if let Some(w) = words.iter().find(odd) {
            return Err(format!("words {name}: {w:?} is not one lower-case word"));
        }
    }

    let mut lists = Table::new("list", &file.lists);
    let mut messages = Table::new("message", &file.messages);
    let mut words = Table::new("word list", &file.words);
    let mut build = |pattern: &str| compile(pattern, &mut lists);

    let m = &file.markers;
    let markers = Markers {
        apology_language: build(&m.apology_language)?,
        apology_marker: build(&m.apology_marker)?,
        connective: build(&m.connective)?,
        opening_connective: build(&m.opening_connective)?,
        harmless_after_but: build(&m.harmless_after_but)?,
        discourse_marker: build(&m.discourse_marker)?,
    };

    let mut rules = Vec::new();
    for g in &file.group {
        let message = messages.get(&g.message)?.clone();
        let keep = match &g.keep {
            KeepText::Always => Keep::Always,
            KeepText::NotAfter(list) => Keep::NotAfter(words.get(list)?.clone()),
            KeepText::NotBefore(list) => Keep::NotBefore(words.get(list)?.clone()),
            KeepText::NotHypothetical => Keep::NotHypothetical,
            KeepText::Commitment => Keep::Commitment,
        };
        if g.patterns.is_empty() {
            return Err(format!("a group of {} has no patterns", g.check.as_str()));
        }
        for p in &g.patterns {
            let re = build(p)?;
            rules.push(Rule {
                check: g.check,
                kind: g.kind,
                message: message.clone(),
                keep: keep.clone(),
                re,
            });
        }
    }

    let mut word = |name: &str| words.get(name).cloned();
    let rule_words = Words {
        shrinking: word("shrinking")?,
        not_shrinking_after: word("notShrinkingAfter")?,
        shrinks_before: word("shrinksBefore")?,
        shrinkable_harm: word("shrinkableHarm")?,
        copula: word("copula")?,
        time_or_cause: word("timeOrCause")?,
        saying: word("saying")?,
        commitment_fillers: word("commitmentFillers")?,
        not_a_commitment: word("notACommitment")?,
        not_a_commitment_after_be: word("notACommitmentAfterBe")?,
    };
    let shrinking_word = messages.get(SHRINKING_WORD)?.clone();
    let takes_back = messages.get(TAKES_BACK)?.clone();

    lists.all_used()?;
    messages.all_used()?;
    words.all_used()?;
    Ok(Patterns { checks, rules, markers, words: rule_words, shrinking_word, takes_back })
}

/// `harmIng`: a lower-case letter, then letters and digits (so `\p{L}` is not one).
fn is_list_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

fn normalised(word: &str) -> String {
    super::tokens::normalise(word.trim())
}

/// Expands a pattern (`{list}` names, apostrophes, spaces; see the data file) and compiles
/// it, case-insensitively.
fn compile(pattern: &str, lists: &mut Table<'_, Vec<String>>) -> Result<Regex, String> {
    let mut expanded = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some((before, after)) = rest.split_once('{') {
        expanded.push_str(before);
        match after.split_once('}') {
            Some((name, tail)) if is_list_name(name) => {
                expanded.push_str("(?:");
                expanded.push_str(&lists.get(name)?.join("|"));
                expanded.push(')');
                rest = tail;
            }
            // A counted repetition (`{0,3}`) or an escape (`\u{2014}`).
            _ => {
                expanded.push('{');
                rest = after;
            }
        }
    }
    expanded.push_str(rest);
    let expanded = expanded.replace('\'', "['\u{2019}\u{2bc}]").replace(' ', r"\s+");
    RegexBuilder::new(&expanded)
        .case_insensitive(true)
        .size_limit(1 << 26)
        .build()
        .map_err(|e| format!("{pattern}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped file with one line replaced, to show what `parse` refuses.
    fn shipped_with(from: &str, to: &str) -> String {
        assert!(FILE.contains(from), "the file has no {from:?}");
        FILE.replacen(from, to, 1)
    }

    #[test]
    fn the_shipped_file_parses_and_every_pattern_compiles() {
        let p = parse(FILE).unwrap_or_else(|e| panic!("apology-patterns.toml: {e}"));
        let file: File = toml::from_str(FILE).unwrap();
        let written: usize = file.group.iter().map(|g| g.patterns.len()).sum();
        assert_eq!(p.rules.len(), written, "one rule per pattern");
        assert!(written > 150, "only {written} patterns");
        assert!(patterns().is_some());
    }

    #[test]
    fn every_check_has_its_words_and_every_finding_its_message() {
        let p = parse(FILE).unwrap();
        for id in CheckId::ALL {
            let (label, advice) = p.check_text(id);
            assert!(!label.is_empty() && !advice.is_empty(), "{}", id.as_str());
            assert_eq!((id.label(), id.advice()), (label, advice));
            assert!(p.rules.iter().any(|r| r.check == id), "{} has no patterns", id.as_str());
        }
        // Every pattern's findings, and the hand-written rules' ("just"/"only", "but"),
        // carry a message, in a calm voice. (`parse` has checked every message is used.)
        let hand_written = [p.shrinking_word.as_str(), p.takes_back.as_str()];
        for m in p.rules.iter().map(|r| r.message.as_str()).chain(hand_written) {
            assert!(!m.trim().is_empty() && !m.contains('!'), "{m:?}");
        }
    }

    #[test]
    fn lists_expand_in_order_into_one_alternation() {
        let file: File = toml::from_str(FILE).unwrap();
        let mut lists = Table::new("list", &file.lists);
        let re = compile(r"\bI {harmIngStrong}\b", &mut lists).unwrap();
        let strong = file.lists["harmIngStrong"].join("|").replace('\'', "['\u{2019}\u{2bc}]");
        assert_eq!(re.as_str(), format!(r"\bI\s+(?:{})\b", strong.replace(' ', r"\s+")));
        // Counted repetitions and escapes are not list names.
        let re = compile(r"(?: \w+){0,3}\u{2014}", &mut lists).unwrap();
        assert_eq!(re.as_str(), r"(?:\s+\w+){0,3}\u{2014}");
    }

    #[test]
    fn a_broken_file_is_refused_with_its_reason() {
        let cases = [
            (shipped_with("message = \"harmVague\"", "message = \"harmVaguer\""), "no message"),
            (shipped_with("{harmIngStrong} (?:to", "{harmStrong} (?:to"), "no list harmStrong"),
            (shipped_with("'\\bmistakes were made\\b'", "'\\bmistakes (were made\\b'"), "unclosed"),
            (shipped_with("keep = { notAfter = \"negation\" }", ""), "word list negation"),
            (
                shipped_with("owns = \"Here you own it", "ownsIt = \"Here you own it"),
                "no message owns",
            ),
            (shipped_with("[checks.asksForgiveness]", "[checks.asksForgiven]"), "asksForgiveness"),
            (shipped_with("\"myself\", \"yourself\"", "\"Myself\", \"yourself\""), "lower-case"),
            (shipped_with("saying = [", "sayings = ["), "no word list saying"),
        ];
        for (text, reason) in cases {
            let err = parse(&text).err().unwrap_or_else(|| panic!("accepted: {reason}"));
            assert!(err.contains(reason), "{err:?} does not say {reason:?}");
        }
    }
}
