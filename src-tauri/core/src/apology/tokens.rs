//! Words and sentences of a draft, by byte offset.
//!
//! Invariants: a word is a run of letters and digits, joined by straight or curly
//! apostrophes ("I'm", "I’m"); words are compared lower-case with curly apostrophes read
//! as straight ones ([`normalise`]); a sentence ends at `.`, `!`, `?`, `…` or a line break.
//! Every offset returned falls on a character boundary of the text.
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// The words of a draft, apostrophes included ("didn't", "I’m").
pub(super) fn word_token() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}]+(?:['\u{2019}\u{2bc}][\p{L}\p{N}]+)*").ok())
        .as_ref()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

pub(super) fn normalise(word: &str) -> String {
    word.to_lowercase().replace(['\u{2019}', '\u{2bc}'], "'")
}

/// The word just before `start`, if only whitespace separates them.
pub(super) fn prev_word(text: &str, start: usize) -> Option<String> {
    let before = text.get(..start)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let from = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !is_word_char(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = trimmed.get(from..)?;
    (!word.is_empty()).then(|| normalise(word))
}

/// Up to `n` words after `end`, stopping at the first punctuation.
pub(super) fn next_words(text: &str, end: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text.get(end..).unwrap_or_default();
    while out.len() < n {
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && !out.is_empty() {
            break;
        }
        let len = trimmed
            .char_indices()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(trimmed.len(), |(i, _)| i);
        let Some(word) = trimmed.get(..len) else { break };
        if word.is_empty() {
            break;
        }
        out.push(normalise(word));
        rest = trimmed.get(len..).unwrap_or_default();
    }
    out
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}' | '\n')
}

/// Where the sentence holding `from` ends (the byte of its closing mark, or the text's end).
pub(super) fn sentence_end(text: &str, from: usize) -> usize {
    text.get(from..).and_then(|rest| rest.find(is_sentence_end)).map_or(text.len(), |i| from + i)
}

/// Byte ranges of the sentences, without their closing punctuation.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_sentence_end(c) {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..text.len());
    out.retain(|r| text.get(r.clone()).is_some_and(|s| !s.trim().is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_match() {
        let text = "Well, I\u{2019}m  sorry I lied. Truly";
        let at = text.find("sorry").unwrap();
        assert_eq!(prev_word(text, at).as_deref(), Some("i'm"));
        assert_eq!(prev_word(text, 0), None);
        assert_eq!(prev_word(text, text.find(" I\u{2019}m").unwrap() + 1), None, "a comma");
        assert_eq!(next_words(text, at + "sorry".len(), 4), ["i", "lied"]);
        assert_eq!(sentence_end(text, at), text.find('.').unwrap());
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(s, ["Well, I\u{2019}m  sorry I lied", " Truly"]);
    }
}
