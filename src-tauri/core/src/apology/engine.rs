//! The review itself: runs every rule over the draft, settles overlapping findings and
//! decides each check's status (see the module docs of `apology` for the rules).
//!
//! Invariants: the review is deterministic; findings come out sorted by start (the longest
//! first among those starting together), with at most one finding of a check and kind over
//! any stretch of the draft; a strength silenced by an overlapping problem is dropped; a
//! problem wins over met. Byte ranges become UTF-16 offsets only at the end, in one pass.
use super::patterns::{patterns, Keep, Patterns, Rule};
use super::tokens::{next_words, normalise, prev_word, sentence_end, sentences, word_token};
use super::types::{ApologyReview, Check, CheckId, CheckStatus, Finding, FindingKind};
use super::MIN_WORDS;
use std::ops::Range;

/// Reviews a drafted apology. Deterministic: the same draft gives the same review.
pub fn review(draft: &str) -> ApologyReview {
    if draft.split_whitespace().count() < MIN_WORDS {
        return ApologyReview {
            checks: CheckId::ALL.iter().map(|&id| check(id, CheckStatus::Missing)).collect(),
            findings: Vec::new(),
        };
    }

    let data = patterns();
    let mut raw = Vec::new();
    if let Some(p) = data {
        for rule in &p.rules {
            for caps in rule.re.captures_iter(draft) {
                let Some(m) = caps.name("q").or_else(|| caps.get(0)) else {
                    continue;
                };
                if m.start() < m.end() && keeps(rule, p, draft, m.start(), m.end()) {
                    raw.push(Raw {
                        check: rule.check,
                        kind: rule.kind,
                        span: m.start()..m.end(),
                        message: &rule.message,
                    });
                }
            }
        }
        shrinking_words(draft, p, &mut raw);
        taking_it_back(draft, p, &mut raw);
    }

    let has_apology = data.is_some_and(|p| p.markers.apology_language.is_match(draft))
        || raw
            .iter()
            .any(|r| r.check == CheckId::AcceptsResponsibility && r.kind == FindingKind::Strength);

    let raw = settle(raw);

    let checks = CheckId::ALL
        .iter()
        .map(|&id| {
            let of = |kind| raw.iter().any(|r| r.check == id && r.kind == kind);
            let status = if of(FindingKind::Problem) {
                CheckStatus::Problem
            } else if of(FindingKind::Strength) || (id.passes_by_absence() && has_apology) {
                CheckStatus::Met
            } else {
                CheckStatus::Missing
            };
            check(id, status)
        })
        .collect();

    // `raw` is sorted by start, so UTF-16 offsets are counted in one pass over the draft.
    let mut cursor = (0usize, 0usize); // (byte offset, UTF-16 offset) of the last start
    let findings = raw
        .into_iter()
        .filter_map(|r| {
            let gap = draft.get(cursor.0..r.span.start)?;
            cursor = (r.span.start, cursor.1 + gap.encode_utf16().count());
            let quote = draft.get(r.span)?;
            Some(Finding {
                check: r.check,
                kind: r.kind,
                start: u32::try_from(cursor.1).ok()?,
                end: u32::try_from(cursor.1 + quote.encode_utf16().count()).ok()?,
                quote: quote.to_owned(),
                message: r.message.to_owned(),
            })
        })
        .collect();

    ApologyReview { checks, findings }
}

fn check(id: CheckId, status: CheckStatus) -> Check {
    Check { id, label: id.label().to_owned(), status, advice: id.advice().to_owned() }
}

/// A finding before it is converted to UTF-16 offsets.
#[derive(Debug, Clone)]
struct Raw {
    check: CheckId,
    kind: FindingKind,
    span: Range<usize>,
    message: &'static str,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Drops silenced strengths and overlapping duplicates, and sorts by position.
fn settle(mut raw: Vec<Raw>) -> Vec<Raw> {
    let problems: Vec<(CheckId, Range<usize>)> = raw
        .iter()
        .filter(|r| r.kind == FindingKind::Problem)
        .map(|r| (r.check, r.span.clone()))
        .collect();
    raw.retain(|r| {
        r.kind == FindingKind::Problem
            || !problems
                .iter()
                .any(|(c, span)| r.check.silenced_by().contains(c) && overlaps(span, &r.span))
    });
    // Earliest first, and the longest of those that start together.
    raw.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut kept: Vec<Raw> = Vec::with_capacity(raw.len());
    for r in raw {
        let duplicate = kept
            .iter()
            .any(|k| k.check == r.check && k.kind == r.kind && overlaps(&k.span, &r.span));
        if !duplicate {
            kept.push(r);
        }
    }
    kept
}

fn is_in(words: &[String], word: &str) -> bool {
    words.iter().any(|w| w == word)
}

/// Whether a match of `rule` at `start..end` counts, by the rule's keep condition.
fn keeps(rule: &Rule, p: &Patterns, text: &str, start: usize, end: usize) -> bool {
    match &rule.keep {
        Keep::Always => true,
        Keep::NotAfter(words) => prev_word(text, start).is_none_or(|w| !is_in(words, &w)),
        Keep::NotBefore(words) => next_words(text, end, 1).first().is_none_or(|w| !is_in(words, w)),
        Keep::NotHypothetical => {
            let matched = text.get(start..end).unwrap_or_default().to_lowercase();
            let rest = text.get(end..sentence_end(text, end)).unwrap_or_default();
            !matched.split_whitespace().any(|w| w == "ever")
                && !rest
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case("again"))
        }
        Keep::Commitment => {
            if p.markers.discourse_marker.is_match(text.get(end..).unwrap_or_default()) {
                return false;
            }
            let next = next_words(text, end, 4);
            let w = &p.words;
            let mut words = next.iter().skip_while(|x| is_in(&w.commitment_fillers, x));
            let not_a_commitment = match (words.next(), words.next()) {
                (Some(first), _) if is_in(&w.not_a_commitment, first) => true,
                (Some(be), Some(then)) => be == "be" && is_in(&w.not_a_commitment_after_be, then),
                _ => false,
            };
            !not_a_commitment
        }
    }
}

/// "just", "only", "merely", "simply" used to make the harm smaller (see the module docs).
fn shrinking_words(text: &str, p: &'static Patterns, out: &mut Vec<Raw>) {
    let Some(re) = word_token() else { return };
    let w = &p.words;
    let tokens: Vec<Range<usize>> = re.find_iter(text).map(|m| m.range()).collect();
    let word = |i: usize| tokens.get(i).and_then(|r| text.get(r.clone())).map(normalise);
    // Two tokens are neighbours when only whitespace lies between them.
    let adjacent = |a: usize, b: usize| match (tokens.get(a), tokens.get(b)) {
        (Some(x), Some(y)) => text
            .get(x.end..y.start)
            .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace)),
        _ => false,
    };
    for (i, span) in tokens.iter().enumerate() {
        let Some(this) = word(i) else { continue };
        if !is_in(&w.shrinking, &this) {
            continue;
        }
        let prev = (i > 0 && adjacent(i - 1, i)).then(|| word(i - 1)).flatten();
        let next =
            |k: usize| (1..=k).all(|j| adjacent(i + j - 1, i + j)).then(|| word(i + k)).flatten();
        let (n1, n2, n3) = (next(1), next(2), next(3));
        if prev.as_deref().is_some_and(|before| is_in(&w.not_shrinking_after, before)) {
            continue;
        }
        // "I just wanted to say …"
        if matches!(n1.as_deref(), Some("wanted" | "want"))
            && n2.as_deref() == Some("to")
            && n3.as_deref().is_some_and(|v| is_in(&w.saying, v))
        {
            continue;
        }
        let n1s = n1.as_deref().unwrap_or_default();
        let by_next = is_in(&w.shrinks_before, n1s)
            || is_in(&w.shrinkable_harm, n1s)
            || n1s.starts_with(|c: char| c.is_ascii_digit());
        let by_copula = prev.as_deref().is_some_and(|before| is_in(&w.copula, before))
            && !n1s.is_empty()
            && !is_in(&w.time_or_cause, n1s);
        if by_next || by_copula {
            let end = tokens.get(i + 1).filter(|_| n1.is_some()).map_or(span.end, |r| r.end);
            out.push(Raw {
                check: CheckId::NoMinimising,
                kind: FindingKind::Problem,
                span: span.start..end,
                message: &p.shrinking_word,
            });
        }
    }
}

/// How far (in bytes) a "but" may be from the apology word for both to be quoted together.
const QUOTE_TOGETHER: usize = 40;

/// A "but"/"however" after an apology, in its sentence or opening the next one.
fn taking_it_back(text: &str, p: &'static Patterns, out: &mut Vec<Raw>) {
    let m = &p.markers;
    let (marker, conn, opening, harmless) =
        (&m.apology_marker, &m.connective, &m.opening_connective, &m.harmless_after_but);
    let harmless_at = |end: usize| harmless.is_match(text.get(end..).unwrap_or_default());
    let all = sentences(text);
    for (i, s) in all.iter().enumerate() {
        let Some(sentence) = text.get(s.clone()) else { continue };
        let Some(m) = marker.find(sentence) else { continue };
        let apology = s.start + m.start();
        let after = s.start + m.end();
        let same = text.get(after..s.end).and_then(|rest| {
            conn.find_iter(rest)
                .map(|c| (after + c.start())..(after + c.end()))
                .find(|c| !harmless_at(c.end))
        });
        let found = same.map(|c| (c, true)).or_else(|| {
            let next = all.get(i + 1)?;
            let q = opening.captures(text.get(next.clone())?)?.name("q")?;
            let c = (next.start + q.start())..(next.start + q.end());
            (!harmless_at(c.end)).then_some((c, false))
        });
        if let Some((c, same_sentence)) = found {
            let span = if same_sentence && c.start - apology <= QUOTE_TOGETHER {
                apology..c.end
            } else {
                c
            };
            out.push(Raw {
                check: CheckId::AcceptsResponsibility,
                kind: FindingKind::Problem,
                span,
                message: &p.takes_back,
            });
        }
    }
}
