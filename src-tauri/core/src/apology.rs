//! The apology workshop: deterministic feedback on a drafted apology.
//!
//! [`review`] reads a draft and reports seven checks, drawn from the "apologise" and
//! "amend" steps of the five A's (see `shared/FRAMEWORKS.md`, section 4): admit the
//! mistake, accept responsibility, explain without shifting blame, ask for forgiveness,
//! make amends. Every finding points at the exact words in the draft, as UTF-16 offsets
//! so the web view can slice and highlight the draft directly.
//!
//! # How the checks decide
//! Matching is case-insensitive, treats straight and curly apostrophes alike
//! (`I'm` / `I’m`), lets any run of whitespace stand for a space, and respects word
//! boundaries (no "but" inside "button", no "just" inside "justice" or "adjust").
//!
//! - **namesHarm**: met by an "I + action" phrase ("I lied", "I missed", "I broke my
//!   promise", "I shouldn't have told…", "sorry for shouting…"). Problem: vague cover-alls
//!   ("for everything", "for what happened", "sorry about the whole situation") and
//!   actions without an actor ("mistakes were made", "things were said", "it slipped out").
//! - **acceptsResponsibility**: met by owning words ("I'm sorry", "I apologise", "I was
//!   wrong", "that's on me", "I shouldn't have", "my bad"). Problem: conditional apologies
//!   ("sorry if…", "if I upset you", "if you were hurt", "if my email came across as…"),
//!   apologies for their feelings ("sorry you feel that way", "sorry you're upset", "sorry
//!   it upset you"), and a "but", "however", "although", "that said" or "honestly though"
//!   after the apology in the same sentence or opening the next one. A "but" is let
//!   through when what follows is a commitment or more ownership ("but I will…", "but that's
//!   no excuse", "not only… but also…"). A conditional about the future ("if I ever hurt
//!   you again…") is not a conditional apology.
//! - **noBlameShifting**: problem when the draft gives them the blame ("you made me",
//!   "because you kept/always/never…", "if you hadn't…", "you know how I get", "it's partly
//!   your fault", "you should have told me"), trades faults ("you also…", "we both…", "it
//!   takes two", "on both sides", "we're even"), or hands it to circumstances in a way that
//!   excuses ("I only did it because…", "the stress made me", "I had no choice", "it
//!   wasn't my fault"). Plain explanation ("I was exhausted", "because of my work") is
//!   not flagged: the framework allows explaining, and a rule that caught every "because"
//!   would mostly catch honest context.
//! - **noMinimising**: problem for "not a big deal", "overreacting", "too sensitive", "it
//!   was nothing", "at least I…", "a white lie", "it was a joke", "it didn't mean anything",
//!   "it happens", and for "just", "only", "merely" or "simply" used as a shrinking word:
//!   directly before "a/an", a number, "once", "joking", "wanted", "trying", "being" and
//!   similar, directly before a harm verb ("I only told Sam", "I just forgot"), or right
//!   after "was"/"is" ("it was only…"). Not after "not", "the", "if" or a possessive ("not
//!   only… but also", "the only one", "only you can decide"), and not in "I just wanted to
//!   say/tell/apologise".
//! - **acknowledgesPain**: met by naming their feelings or the impact ("I hurt you", "you
//!   felt…", "I can see how…", "it must have…", "that left you waiting", "you had every
//!   right"). Never a problem. Feelings mentioned inside a conditional or non-apology
//!   ("sorry if you were hurt", "sorry you feel that way") do not count, nor do phrases
//!   after "if" or "when" ("when you feel ready").
//! - **offersRepair**: met by a commitment or an offer ("I will…", "I'm going to…", "from
//!   now on…", "what can I do…", "I've already booked…", "make it up to you", "it won't
//!   happen again"). "I'll
//!   understand", "I'll wait", "I'll respect…" and "I'll be honest," are not repairs.
//! - **asksForgiveness**: met by asking gently ("will you forgive me", "I hope in time
//!   you can forgive me", "when you're ready", "I'd understand if you need time", "only you
//!   can decide", "please give me another chance"). Problem: demanding it ("you have to forgive me", "get over it", "let's
//!   move on", "can we just forget it", "I said I'm sorry", "what more do you want",
//!   "forgive me now"). Missing is only a gentle prompt.
//!
//! # Statuses
//! A problem wins over met when both kinds of evidence are present. A strength that lies
//! inside a problem of the same check is dropped (the "sorry" of "sorry if"), and so is an
//! owning word inside a demand ("I said I'm sorry") or a feeling inside a conditional.
//! noBlameShifting and noMinimising pass by absence: they are met when no problem is found
//! and the draft is an apology attempt, meaning it uses apology language (sorry, apologise,
//! forgive, or an owning phrase). A draft with no apology language at all leaves them
//! missing unless a problem is found. acceptsResponsibility is met only by an owning phrase
//! that survives the rules above, so "I said sorry, what more do you want" leaves it missing.
//! A draft of fewer than [`MIN_WORDS`] words is too short to review: every check is
//! missing and there are no findings.
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::OnceLock;
use ts_rs::TS;

/// Drafts with fewer words than this are not reviewed: every check is missing.
pub const MIN_WORDS: usize = 4;

/// One of the seven things a good apology does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CheckId {
    NamesHarm,
    AcceptsResponsibility,
    NoBlameShifting,
    NoMinimising,
    AcknowledgesPain,
    OffersRepair,
    AsksForgiveness,
}

impl CheckId {
    /// Every check, in the order the review lists them.
    pub const ALL: [CheckId; 7] = [
        CheckId::NamesHarm,
        CheckId::AcceptsResponsibility,
        CheckId::NoBlameShifting,
        CheckId::NoMinimising,
        CheckId::AcknowledgesPain,
        CheckId::OffersRepair,
        CheckId::AsksForgiveness,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::NamesHarm => "namesHarm",
            CheckId::AcceptsResponsibility => "acceptsResponsibility",
            CheckId::NoBlameShifting => "noBlameShifting",
            CheckId::NoMinimising => "noMinimising",
            CheckId::AcknowledgesPain => "acknowledgesPain",
            CheckId::OffersRepair => "offersRepair",
            CheckId::AsksForgiveness => "asksForgiveness",
        }
    }

    /// A short, plain name for the check.
    pub fn label(self) -> &'static str {
        match self {
            CheckId::NamesHarm => "Names what happened",
            CheckId::AcceptsResponsibility => "Owns it without conditions",
            CheckId::NoBlameShifting => "Keeps the blame off them",
            CheckId::NoMinimising => "Doesn't play it down",
            CheckId::AcknowledgesPain => "Recognises their hurt",
            CheckId::OffersRepair => "Offers to make it right",
            CheckId::AsksForgiveness => "Asks, doesn't demand",
        }
    }

    /// How to meet the check, in one or two sentences.
    pub fn advice(self) -> &'static str {
        match self {
            CheckId::NamesHarm => {
                "Say in plain words what you did, such as \u{201c}I lied to you about the money\u{201d}. \
                 Broad phrases like \u{201c}for everything\u{201d} leave them wondering whether you understand."
            }
            CheckId::AcceptsResponsibility => {
                "Apologise for what you did, with no \u{201c}if\u{201d} in front and no \u{201c}but\u{201d} after. \
                 Any context can wait until they ask for it."
            }
            CheckId::NoBlameShifting => {
                "Keep the apology about your own choices. What they did, or what was going on for you, \
                 belongs in a later conversation."
            }
            CheckId::NoMinimising => {
                "Let the harm be the size it was for them. Words like \u{201c}just\u{201d}, \u{201c}only\u{201d} \
                 or \u{201c}at least\u{201d} make it smaller."
            }
            CheckId::AcknowledgesPain => {
                "Say what it was like for them, such as \u{201c}I can see how alone you felt\u{201d}. \
                 It shows you have thought about their side."
            }
            CheckId::OffersRepair => {
                "Offer something concrete: what you will do differently, or ask what would help. \
                 A specific step means more than a general promise."
            }
            CheckId::AsksForgiveness => {
                "If you ask for forgiveness, ask gently and leave them time, such as \u{201c}I hope in time \
                 you can forgive me\u{201d}. It is theirs to give."
            }
        }
    }

    /// Checks that pass by the absence of a bad pattern, once the draft is an apology.
    fn passes_by_absence(self) -> bool {
        matches!(self, CheckId::NoBlameShifting | CheckId::NoMinimising)
    }

    /// Problems of these checks silence this check's strengths where they overlap.
    fn silenced_by(self) -> &'static [CheckId] {
        match self {
            CheckId::AcceptsResponsibility => {
                &[CheckId::AcceptsResponsibility, CheckId::AsksForgiveness]
            }
            CheckId::AcknowledgesPain => {
                &[CheckId::AcknowledgesPain, CheckId::AcceptsResponsibility]
            }
            CheckId::NamesHarm => &[CheckId::NamesHarm],
            CheckId::NoBlameShifting => &[CheckId::NoBlameShifting],
            CheckId::NoMinimising => &[CheckId::NoMinimising],
            CheckId::OffersRepair => &[CheckId::OffersRepair],
            CheckId::AsksForgiveness => &[CheckId::AsksForgiveness],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CheckStatus {
    /// The draft does this.
    Met,
    /// The draft does not do this yet.
    Missing,
    /// The draft does something that works against this; wins over `Met`.
    Problem,
}

impl CheckStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CheckStatus::Met => "met",
            CheckStatus::Missing => "missing",
            CheckStatus::Problem => "problem",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FindingKind {
    Strength,
    Problem,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Check {
    pub id: CheckId,
    pub label: String,
    pub status: CheckStatus,
    /// How to meet the check, in one or two sentences.
    pub advice: String,
}

/// Some words of the draft that count for or against a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Finding {
    pub check: CheckId,
    pub kind: FindingKind,
    /// Offset of the first UTF-16 code unit of the quote in the draft.
    pub start: u32,
    /// Offset just past the quote, in UTF-16 code units.
    pub end: u32,
    /// The exact words of the draft between `start` and `end`.
    pub quote: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ApologyReview {
    /// Every check, in the order of [`CheckId::ALL`].
    pub checks: Vec<Check>,
    /// Sorted by `start`; a missing check has none.
    pub findings: Vec<Finding>,
}

impl ApologyReview {
    pub fn status(&self, id: CheckId) -> CheckStatus {
        self.checks.iter().find(|c| c.id == id).map_or(CheckStatus::Missing, |c| c.status)
    }
}

/// Converts a byte range of `text` to UTF-16 code-unit offsets, the unit JavaScript
/// strings are indexed in. `None` if the range does not fall on character boundaries.
pub fn utf16_range(text: &str, bytes: Range<usize>) -> Option<(u32, u32)> {
    let head = text.get(..bytes.start)?;
    let body = text.get(bytes.clone())?;
    let start = head.encode_utf16().count();
    let end = start + body.encode_utf16().count();
    Some((u32::try_from(start).ok()?, u32::try_from(end).ok()?))
}

/// Reviews a drafted apology. Deterministic: the same draft gives the same review.
pub fn review(draft: &str) -> ApologyReview {
    if draft.split_whitespace().count() < MIN_WORDS {
        return ApologyReview {
            checks: CheckId::ALL.iter().map(|&id| check(id, CheckStatus::Missing)).collect(),
            findings: Vec::new(),
        };
    }

    let mut raw = Vec::new();
    for rule in rules() {
        for caps in rule.re.captures_iter(draft) {
            let Some(m) = caps.name("q").or_else(|| caps.get(0)) else {
                continue;
            };
            if m.start() < m.end() && rule.keep.allows(draft, m.start(), m.end()) {
                raw.push(Raw {
                    check: rule.check,
                    kind: rule.kind,
                    span: m.start()..m.end(),
                    message: rule.message,
                });
            }
        }
    }
    shrinking_words(draft, &mut raw);
    taking_it_back(draft, &mut raw);

    let has_apology = apology_language().is_some_and(|re| re.is_match(draft))
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

// ---------------------------------------------------------------------------------------
// Messages shown beside a highlighted quote. Fixed sentences: they never repeat the draft.

const M_HARM_NAMED: &str =
    "Here you say plainly what you did. Being specific shows you understand it.";
const M_HARM_VAGUE: &str =
    "This is broad. Naming the actual thing you did shows you know what it was.";
const M_HARM_PASSIVE: &str =
    "This describes it happening without saying who did it. Putting yourself in the sentence owns it.";
const M_OWNS: &str = "Here you own it, with no conditions attached.";
const M_CONDITIONAL: &str =
    "The \u{201c}if\u{201d} makes the apology depend on whether they were hurt. Apologise for what you did, whatever they felt.";
const M_THEIR_FEELINGS: &str = "This apologises for their feelings rather than for your actions.";
const M_TAKES_BACK: &str =
    "A \u{201c}but\u{201d} or \u{201c}however\u{201d} after an apology tends to cancel it. Let the apology stand on its own.";
const M_BLAMES_THEM: &str =
    "This puts some of the weight on them. Explaining is fine; making them responsible for your choice is not.";
const M_TRADES: &str =
    "Bringing up their part turns the apology into a trade. If there is something to say about it, it can wait.";
const M_EXCUSES: &str = "This makes the circumstances responsible for what you chose to do.";
const M_NO_EXCUSE: &str = "Here you make clear it was not their doing.";
const M_SHRINKS: &str = "This makes the harm sound smaller than it may have felt to them.";
const M_DISMISSES: &str = "This questions their reaction instead of looking at your action.";
const M_SHRINKING_WORD: &str =
    "Words like \u{201c}just\u{201d} or \u{201c}only\u{201d} here make what happened sound smaller.";
const M_SERIOUS: &str = "Here you treat it as seriously as it was.";
const M_PAIN: &str = "Here you recognise what it was like for them.";
const M_REPAIR: &str = "Here you offer something concrete to make it right.";
const M_ASKS: &str = "Here you ask, and leave the answer with them.";
const M_DEMANDS: &str =
    "This asks them to be finished before they may be ready. Forgiveness can be asked for, not required.";

// ---------------------------------------------------------------------------------------
// Rules. In a pattern, `'` matches straight and curly apostrophes, a space matches any run
// of whitespace, and `{HARM}`, `{HARM_ING}`, `{HARM_ING_STRONG}` stand for the lists
// below. Matching is case-insensitive. A named group `q` narrows the quoted words.

/// Things one does that break trust, in the past tense, after "I".
const HARM: &str = r"(?:lied|cheated|yelled|shouted|screamed|snapped|swore at|cursed at|missed|forgot|broke|betrayed|ignored|shared|told|read|went through|looked through|snooped|spent|took (?:your|the money|money|credit|it out on)|hid|kept|blamed|critici[sz]ed|mocked|insulted|humiliated|belittled|dismissed|interrupted|stood you up|cancell?ed|bailed|flaked|left|walked out|hung up|called you|made fun|gossiped|repeated|passed on|raised my voice|lost my temper|went behind your back|used your|borrowed|drank|gambled|flirted|kissed|slept with|stole|lost|ghosted|deceived|misled|manipulated|disrespected|threatened|hit|pushed|shoved|slammed|posted|presented|scratched|damaged|said (?:\w+ )?(?:things|that|you|those|something|what|such)|(?:didn't|did not) (?:show up|come|call|tell|turn up|keep|pick up|answer|reply|text|listen|stand up|defend|back you|follow through|pay|invite|include|visit|check|warn)|never (?:told|showed|called|came|paid|replied|answered|visited|turned up)|(?:wasn't|was not) (?:there|honest|truthful|faithful|listening)|was (?:(?:a bit|so|really|very) )?(?:late|cruel|dishonest|unfair|rude|harsh|unkind|disrespectful|careless|mean|condescending|dismissive|controlling|jealous|unfaithful|short with you|snappy|grumpy|cold|sarcastic|defensive|pushy)|embarrassed you|let (?:it|that|this|your \w+) slip|talked over|went silent|gave you the silent treatment|made a promise|promised|brought up|ruined|skipped|blew off|dropped the ball|failed to|neglected)";

/// The same, as -ing forms after "sorry for", "I've been", "I regret".
const HARM_ING: &str = r"(?:lying|cheating|hiding|ignoring|keeping|drinking|gambling|flirting|texting|snooping|reading|missing|forgetting|breaking|yelling|shouting|snapping|screaming|swearing|cancell?ing|leaving|sharing|telling|spending|blaming|critici[sz]ing|mocking|insulting|belittling|humiliating|embarrassing|dismissing|interrupting|standing you up|not (?:telling|showing|calling|coming|being there|keeping|listening|following through|paying|picking up|answering|replying|turning up|defending|standing up|backing|inviting|including|visiting)|going behind|going through|looking through|betraying|deceiving|misleading|bailing|ghosting|raising my voice|losing my temper|making fun|gossiping|repeating|passing on|posting|bringing up|ruining|skipping|blowing off|taking credit|talking over|stealing|borrowing|using your|being (?:(?:a bit|so|really|very) )?(?:late|cruel|dishonest|unfair|rude|harsh|unkind|disrespectful|careless|mean|condescending|dismissive|controlling|jealous|absent|distant|unfaithful|short with you|snappy|grumpy|cold|sarcastic|defensive|pushy))";

/// -ing forms that name a harm even without "sorry for" in front.
const HARM_ING_STRONG: &str = r"(?:lying|cheating|hiding|ignoring|betraying|deceiving|misleading|yelling|shouting|screaming|snapping|swearing|mocking|insulting|belittling|humiliating|gossiping|snooping|ghosting|forgetting|cancell?ing|blaming|bailing|standing you up|losing my temper|raising my voice|going behind your back|going through|reading your|making fun|taking credit|talking over|blowing off)";

#[derive(Debug, Clone, Copy)]
enum Keep {
    Always,
    /// Not when the word just before the match is one of these.
    NotAfter(&'static [&'static str]),
    /// Not when the word just after the match is one of these.
    NotBefore(&'static [&'static str]),
    /// Not a hypothetical about the future: "if I ever hurt you again".
    NotHypothetical,
    /// Commitments, minus "I'll understand", "I'll wait", "I'll be honest, …".
    Commitment,
}

const AFTER_IF_OR_WHEN: &[&str] =
    &["if", "when", "whenever", "unless", "until", "before", "whether"];

impl Keep {
    fn allows(self, text: &str, start: usize, end: usize) -> bool {
        match self {
            Keep::Always => true,
            Keep::NotAfter(words) => {
                prev_word(text, start).is_none_or(|w| !words.contains(&w.as_str()))
            }
            Keep::NotBefore(words) => {
                next_words(text, end, 1).first().is_none_or(|w| !words.contains(&w.as_str()))
            }
            Keep::NotHypothetical => {
                let matched = text.get(start..end).unwrap_or_default().to_lowercase();
                let rest = text.get(end..sentence_end(text, end)).unwrap_or_default();
                !matched.split_whitespace().any(|w| w == "ever")
                    && !rest
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case("again"))
            }
            Keep::Commitment => {
                if discourse_marker()
                    .is_some_and(|re| re.is_match(text.get(end..).unwrap_or_default()))
                {
                    return false;
                }
                let next = next_words(text, end, 4);
                let mut words = next.iter().map(String::as_str).skip_while(|w| {
                    matches!(
                        *w,
                        "always" | "still" | "completely" | "totally" | "fully" | "never" | "just"
                    )
                });
                let not_a_commitment = matches!(
                    (words.next(), words.next()),
                    (
                        Some(
                            "understand"
                                | "wait"
                                | "accept"
                                | "respect"
                                | "miss"
                                | "love"
                                | "need"
                                | "admit"
                                | "forgive"
                        ),
                        _
                    ) | (Some("be"), Some("here" | "waiting" | "there"))
                );
                !not_a_commitment
            }
        }
    }
}

struct Group {
    check: CheckId,
    kind: FindingKind,
    message: &'static str,
    keep: Keep,
    patterns: &'static [&'static str],
}

use CheckId::*;
use FindingKind::{Problem as Bad, Strength as Good};

const GROUPS: &[Group] = &[
    // ---- namesHarm
    Group {
        check: NamesHarm,
        kind: Good,
        message: M_HARM_NAMED,
        keep: Keep::NotBefore(&["myself", "yourself"]),
        patterns: &[
            r"\bI(?:'ve| have| had|'d)?(?: (?:just|really|completely|totally|simply|actually|stupidly|carelessly|deliberately|knowingly|repeatedly|then|still|even|again|also|basically|went and|wrongly|cruelly|selfishly|shouldn't have|should not have|should never have|never should have))* {HARM}\b",
        ],
    },
    Group {
        check: NamesHarm,
        kind: Good,
        message: M_HARM_NAMED,
        keep: Keep::NotAfter(&["not", "never"]),
        patterns: &[
            r"\bI(?:'ve| have| had)? been {HARM_ING}\b",
            r"\b(?:sorry|apologi[sz]e|apologies|apology|forgive me|regret|ashamed of myself)(?: \w+){0,3}? (?P<q>(?:for|about) {HARM_ING})\b",
            r"\bregret {HARM_ING}\b",
            r"\b{HARM_ING_STRONG} (?:to|about|behind|your|you|at|on|in|with|from|our|my|the|him|her|them|me|of)\b",
            r"\b(?:my|the) (?:lie|lies|affair|outburst)\b",
            r"\bmy (?:lying|comments? about|remarks? about|jokes? about)\b",
            r"\bI (?:wish I(?:'d| had)|should(?:'ve| have)) (?:been honest|told you the truth)\b",
            r"\bwhat I (?:said|wrote|posted) (?:about|to you about|at|in front of|on|behind)\b",
            r"\b(?:the|those) (?:things|words|comments?|remarks?) I (?:said|made|wrote|posted)\b",
        ],
    },
    Group {
        check: NamesHarm,
        kind: Bad,
        message: M_HARM_VAGUE,
        keep: Keep::Always,
        patterns: &[
            r"\b(?P<q>for (?:everything|all of (?:it|this|that)|it all|what(?:ever)? happened|whatever (?:I did|I said|happened)|anything I (?:did|said|may have (?:done|said))))\b",
            r"\b(?:sorry|apologi[sz]e|apologies|apology) (?P<q>(?:for|about) (?:the (?:whole )?(?:situation|thing|mess|misunderstanding|confusion|inconvenience|mix-up|mixup|mix up)|(?:any|all the) (?:hurt|pain|trouble|inconvenience|confusion|misunderstanding|upset)|my mistakes))\b",
        ],
    },
    Group {
        check: NamesHarm,
        kind: Bad,
        message: M_HARM_PASSIVE,
        keep: Keep::Always,
        patterns: &[
            r"\bmistakes were made\b",
            r"\b(?:things|words|some things|stuff|hurtful things) (?:were|got) said\b",
            r"\bthings (?:got|went|have gotten|had gotten) (?:a (?:bit|little) )?(?:out of hand|too far|heated|messy|complicated)\b",
            r"\b(?:it|things|stuff) just happened\b",
            r"\b(?:it|that|this|the (?:secret|news|money|comment|message|photo)|your (?:\w+ )?(?:secret|news|message|messages|texts|photo|diagnosis|plans?)) (?:just )?(?:slipped out|got out|got shared|got posted|got forwarded|was shared|was forwarded|was posted|got spent|was spent|went missing|got lost|got broken|was broken|got forgotten|was forgotten)\b",
            r"\bthe (?:promise|ball|deadline|date|appointment) (?:was|got) (?:broken|dropped|missed|forgotten)\b",
            r"\b(?:the|your) \w+ (?:got|was|were) (?:damaged|broken|scratched|dented|ruined|lost|leaked|deleted)\b",
        ],
    },
    // ---- acceptsResponsibility
    Group {
        check: AcceptsResponsibility,
        kind: Good,
        message: M_OWNS,
        keep: Keep::NotAfter(AFTER_IF_OR_WHEN),
        patterns: &[
            r"\b(?:I(?:'m| am)(?: so| truly| really| deeply| very| genuinely| sincerely| terribly| incredibly)* )?sorry\b",
            r"\bI(?: really| truly| sincerely)? (?:apologi[sz]e|(?:want|need|would like|'d like) to apologi[sz]e)\b",
            r"\bmy (?:sincere |deepest |honest |heartfelt )?apolog(?:y|ies)\b",
            r"\bI owe you an apology\b",
            r"\bI was (?:so |very |really |completely |totally |absolutely |badly )?wrong\b",
            r"\b(?:it|that|this|what I did|what I said|my (?:behaviou?r|reaction|words|comments?|actions))(?:'s| is| was) (?:so |very |really |completely |totally |deeply |utterly |incredibly |just |plain |absolutely )?(?:wrong|unfair|selfish|cruel|thoughtless|careless|unkind|out of line|bad|terrible|awful|inexcusable|unacceptable|a betrayal|not okay|not ok|not fair|not right)\b",
            r"\b(?:it|that|this) (?:wasn't|was not|isn't|is not) (?:fair|okay|ok|right|kind)\b",
            r"\b(?:it(?:'s| is| was)|that(?:'s| is| was)|this(?:'s| is| was)|the blame is|all of (?:this|it) (?:is|was))(?: all| entirely| completely| totally| fully| only)? (?:my fault|on me|my responsibility|mine)\b",
            r"\bI take (?:full |complete |total )?(?:responsibility|ownership)\b",
            r"\bI(?:'m| am) (?:fully |completely |solely )?responsible\b",
            r"\bI own (?:this|it|that|what I did)\b",
            r"\bI (?:deeply |really |truly )?regret\b",
            r"\bI (?:shouldn't|should not|should never|never should)(?:'ve| have)\b",
            r"\bI should(?:'ve| have)\b",
            r"\bI(?:'m| am) (?:so |deeply |really |truly )?ashamed\b",
            r"\bI (?:messed|screwed) up\b",
            r"\bI let you down\b",
            r"\bmy bad\b",
            r"\bI had no right\b",
            r"\bI was out of line\b",
        ],
    },
    Group {
        check: AcceptsResponsibility,
        kind: Good,
        message: M_OWNS,
        keep: Keep::NotAfter(&["not", "wasn't", "isn't", "never", "hardly"]),
        patterns: &[r"\b(?:all |entirely |completely |totally )?my fault\b"],
    },
    Group {
        check: AcceptsResponsibility,
        kind: Bad,
        message: M_CONDITIONAL,
        keep: Keep::NotHypothetical,
        patterns: &[
            r"\b(?:sorry|apologi[sz]e|apologies) if\b",
            r"\bif (?:I|my \w+|what I (?:said|did)|anything I (?:said|did)|something I (?:said|did)) (?:\w+ ){0,2}?(?:upset|hurt|offended|bothered|disappointed|embarrassed|annoyed|wronged|made you)\b",
            r"\bif (?:you|anyone) (?:were|was|felt|got|are|'re|feel|have been|'ve been|took (?:it|that)) (?:\w+ ){0,2}?(?:hurt|upset|offended|bothered|disappointed|embarrassed|uncomfortable|let down|wronged|worried)\b",
            r"\bif (?:that|it|this|anything|something|any of (?:that|this|it)|my \w+|what I (?:said|did|wrote)) (?:\w+ ){0,2}?(?:hurt|upset|offended|bothered|came across|came off|sounded|seemed)\b",
            r"\bif (?:I|we) (?:did|said|have done|'ve done|made|caused) (?:something|anything)\b",
            r"\bif (?:I|what I (?:did|said)|that|it|this) (?:was|did something) wrong\b",
        ],
    },
    Group {
        check: AcceptsResponsibility,
        kind: Bad,
        message: M_THEIR_FEELINGS,
        keep: Keep::Always,
        patterns: &[
            r"\b(?:sorry|apologi[sz]e|apologies|regret) (?:that )?you (?:feel|felt|see it|took it|take it|saw it) (?:that way|this way|like that|so|the wrong way|badly|wrong|personally|offended|attacked)\b",
            r"\b(?:sorry|apologi[sz]e|apologies|regret) (?:that )?you(?:'re| are| were| got| feel| felt) (?:so |a bit |a little )?(?:upset|offended|hurt|angry|mad|bothered|annoyed|sensitive|worried|disappointed)\b",
            r"\b(?:sorry|apologi[sz]e|apologies|regret) (?:that )?(?:it|this|that) (?:upset|hurt|bothered|offended|annoyed) you\b",
        ],
    },
    // ---- noBlameShifting
    Group {
        check: NoBlameShifting,
        kind: Bad,
        message: M_BLAMES_THEM,
        keep: Keep::NotBefore(&[
            "a",
            "an",
            "the",
            "happy",
            "smile",
            "laugh",
            "proud",
            "better",
            "dinner",
            "breakfast",
            "lunch",
            "coffee",
            "tea",
        ]),
        patterns: &[r"\byou (?:made|make|forced|pushed|drove|provoked) me\b"],
    },
    Group {
        check: NoBlameShifting,
        kind: Bad,
        message: M_BLAMES_THEM,
        keep: Keep::NotBefore(&["deserve", "deserved", "need", "needed"]),
        patterns: &[
            r"\b(?:because|cause|since) you (?:always|never|kept|keep|started|start|wouldn't|would not|didn't|did not|won't|will not|ignored|nagged|nag|pushed|provoked|made me|yelled|went through|were being|were too|were always|were never|were nagging|were pushing|were acting|are too|are always|are never|'re too|'re always|'re never|get so|got so|always get)\b",
        ],
    },
    Group {
        check: NoBlameShifting,
        kind: Bad,
        message: M_BLAMES_THEM,
        keep: Keep::Always,
        patterns: &[
            r"\bif you (?:hadn't|had not)\b",
            r"\bif you(?:'d| had| would've| would have) (?:just |only |actually )?(?:listened|told me|been honest|asked|checked|stayed|answered|picked up|paid attention|bothered)\b",
            r"\bif you (?:weren't|were not|wasn't|didn't|did not) (?:always|constantly|so|keep|make|push|nag|ignore|act)\b",
            r"\bif you (?:would|'d) (?:just |only )?(?:stop|quit|listen|calm)\b",
            r"\byou know how I (?:get|am|can be|react)\b",
            r"\byou know what I(?:'m| am) like\b",
            r"\b(?:it|that|this)(?:'s| is| was) (?:partly |also |really |actually |all |half |as much |just as much |equally |totally |completely |entirely )?your fault\b",
            r"\byou(?:'re| are| were) (?:partly |also |equally |just as much |as much |the one )?(?:to blame|responsible (?:too|as well|for this|for that))\b",
            r"\b(?:the )?blame is (?:on )?(?:yours|you|both|shared)\b",
            r"\byou should(?:n't| not)? have (?:known|told|reminded|asked|said|checked|called|pushed|provoked|gone|looked|snooped|brought|started|made)\b",
        ],
    },
    Group {
        check: NoBlameShifting,
        kind: Bad,
        message: M_TRADES,
        keep: Keep::Always,
        patterns: &[
            r"\b(?:we(?:'re| are| were) both to blame|we both (?:made mistakes|messed up|screwed up|did things|said things|share (?:the )?blame|have (?:blame|things)|hurt each other)|it takes two|on both sides|we(?:'re| are) even)\b",
            r"\byou(?:'re| are) not (?:perfect|innocent|blameless) either\b",
            r"\byou (?:weren't|were not) (?:exactly |completely |totally )?(?:innocent|perfect|blameless)\b",
            r"\byou(?:'re| are) no (?:saint|angel)\b",
            r"\byou also (?:lied|did|said|yelled|hurt|broke|forgot|cancell?ed|made|ignored|snapped|went|kept|read|told|missed|blew|started|messed|screwed|shouted|do|lie|were|cheated|flirted)\b",
            r"\byou (?:did|do|have done|'ve done|said) (?:it|that|the same(?: thing)?|worse) (?:too|to me|as well|before)\b",
            r"\bwhat about (?:when|the time|all the times|the times) you\b",
            r"\byou(?:'ve| have) done (?:worse|the same|it too)\b",
        ],
    },
    Group {
        check: NoBlameShifting,
        kind: Bad,
        message: M_EXCUSES,
        keep: Keep::Always,
        patterns: &[
            r"\b(?:it|that|this) (?:was|wasn't|was not|is) (?:\w+ )?(?:because of|due to) (?:work|stress|the stress|drink|the drink|alcohol|the alcohol|my boss|the kids|my job|my day|the pressure|my schedule|the traffic|the deadline)\b",
            r"\b(?:the|my) (?:stress|work|job|boss|drinking|drink|alcohol|day|week|schedule|pressure|deadline|manager) (?:made me|got to me|got the better of me|is to blame|was to blame|was the reason|took over)\b",
            r"\bI (?:only|just|simply) (?:did|said|do|say) (?:it|that|this) (?:because|since|cause)\b",
            r"\bI (?:was|did it|said it|did that|said that) (?:only|just|simply) (?:because|since)\b",
            r"\bI couldn't help (?:it|myself)\b",
            r"\bI had no (?:other )?choice\b",
            r"\bwhat (?:else )?was I supposed to do\b",
            r"\b(?:anyone|anybody) (?:else )?would(?:'ve| have)\b",
            r"\b(?:it|that|this) (?:wasn't|was not|isn't|is not) (?:all |entirely |totally |completely |really |just |only )?(?:my fault|on me)\b",
            r"\bnot (?:all |entirely |totally |completely |really |just |only )?my fault\b",
            r"\b(?:the )?(?:drink|alcohol|booze) (?:was )?talking\b",
        ],
    },
    Group {
        check: NoBlameShifting,
        kind: Good,
        message: M_NO_EXCUSE,
        keep: Keep::Always,
        patterns: &[
            r"\b(?:not|isn't|wasn't|never) (?:\w+ )?your fault\b",
            r"\bnone of (?:this|it|that) (?:is|was) your fault\b",
            r"\b(?:is|was|'s) no excuse\b",
            r"\bnothing (?:you did|you said|you could have done)\b",
            r"\bI(?:'m| am) not (?:going to |gonna )?(?:make|making|offer|offering) (?:any )?excuses\b",
            r"\bI won't make (?:any )?excuses\b",
            r"\bI chose to\b",
            r"\b(?:it|that) was my (?:choice|decision)\b",
            r"\b(?:that|it|this) (?:doesn't|does not|didn't|did not) (?:excuse|justify)\b",
            r"\b(?:no one|nobody)(?: else)? (?:to blame|made me)\b",
        ],
    },
    // ---- noMinimising
    Group {
        check: NoMinimising,
        kind: Bad,
        message: M_SHRINKS,
        keep: Keep::Always,
        patterns: &[
            r"\bno big deal\b",
            r"\b(?:not|wasn't|isn't|was not|is not|never) (?:\w+ ){0,2}?big (?:a )?deal\b",
            r"\b(?:didn't|did not|don't|do not) think (?:it|this|that) (?:was|is|would be) (?:\w+ ){0,2}?(?:big deal|serious|bad|important|a problem)\b",
            r"\b(?:wasn't|was not|isn't|is not|not) (?:that|so|really|all that) (?:bad|serious|big|terrible|awful)\b",
            r"\b(?:it|that|this) (?:was|is|'s) nothing\b",
            r"\bnothing (?:really )?happened\b",
            r"\b(?:not|isn't|wasn't) (?:like|as if) I\b",
            r"\bat least (?:I|it|you|nobody|no one|we|that|this|nothing|he|she|they)\b",
            r"\b(?:(?:little|tiny|small|harmless) )?white lies?\b",
            r"\b(?:a|just a|only a) (?:little|tiny|small|harmless|silly) (?:lie|fib|slip|mistake|joke|comment)\b",
            r"\bharmless\b",
            r"\bno harm (?:done|meant|was done|intended)\b",
            r"\b(?:it|that|this) (?:was|is|'s) (?:(?:only|just) )?(?:a )?joke\b",
            r"\b(?:was|were|I'm|I am) (?:only |just )?(?:joking|kidding|teasing|messing around|having a laugh|having fun)\b",
            r"\bcan't you take a joke\b",
            r"\bbanter\b",
            r"\b(?:everyone|everybody|all couples|lots of people|most people|people) (?:does|do|did) (?:it|that|this)\b",
            r"\bcould(?:'ve| have) been (?:a lot |much |way |so much )?worse\b",
            r"\bnot the end of the world\b",
            r"\bin the grand scheme\b",
            r"\b(?:it|that|she|he|they|this) (?:didn't|did not|doesn't|does not) mean anything\b",
            r"\bI didn't mean anything by (?:it|that)\b",
        ],
    },
    Group {
        check: NoMinimising,
        kind: Bad,
        message: M_SHRINKS,
        keep: Keep::NotAfter(AFTER_IF_OR_WHEN),
        patterns: &[r"\b(?:it|these things|things|stuff) (?:just )?happens?\b"],
    },
    Group {
        check: NoMinimising,
        kind: Bad,
        message: M_DISMISSES,
        keep: Keep::Always,
        patterns: &[
            r"\boverreact\w*\b",
            r"\b(?:too|so|overly|very|hyper|a bit) sensitive\b",
            r"\boversensitive\b",
            r"\b(?:read|reading|reads) (?:way )?too much into\b",
            r"\b(?:imagining things|being paranoid|so paranoid)\b",
            r"\b(?:being|so|too|a bit|overly) dramatic\b",
            r"\bmaking (?:a |such a |this into a |it into a )?(?:big )?(?:fuss|drama|scene|mountain)\b",
            r"\bmaking (?:a |such a )big deal\b",
            r"\bout of proportion\b",
            r"\b(?:taking|took|take|taken) (?:it|this|that|things) (?:too|so) (?:seriously|personally|hard)\b",
        ],
    },
    Group {
        check: NoMinimising,
        kind: Good,
        message: M_SERIOUS,
        keep: Keep::Always,
        patterns: &[
            r"\b(?:it|this|that|what I did)(?:'s| is| was) (?:a |such a )?(?:big|serious|huge) (?:deal|thing|breach|betrayal)\b",
            r"\bI(?:'m| am) not (?:going to |trying to )?(?:minimi[sz]e|downplay|play down|make light of)\b",
            r"\bI won't (?:minimi[sz]e|downplay|play (?:it|this) down|make light of)\b",
            r"\b(?:it|that|this) (?:was|is) (?:serious|not (?:okay|ok|small|minor|nothing|a small thing))\b",
            r"\bit mattered\b",
        ],
    },
    // ---- acknowledgesPain
    Group {
        check: AcknowledgesPain,
        kind: Good,
        message: M_PAIN,
        keep: Keep::NotAfter(AFTER_IF_OR_WHEN),
        patterns: &[
            r"\bI(?:'ve| have| had)?(?: (?:really|deeply|badly|truly|so|clearly|obviously|must have))? (?:hurt|upset|humiliated|embarrassed|scared|frightened|worried|disappointed|wounded|belittled|shamed) you\b",
            r"\bhow (?:much |badly |deeply )?(?:I(?:'ve| have)?|that|this|it|my \w+|what I (?:did|said)) (?:\w+ )?(?:hurt|affected|humiliated|embarrassed|scared|upset|shook|frightened|worried)(?: you)?\b",
            r"\bhow (?:\w+ )?(?:hurt|alone|lonely|humiliated|embarrassed|scared|frightened|worried|betrayed|angry|upset|small|invisible|unimportant|let down|exposed|anxious|foolish|stupid|unsafe|disrespected|forgotten|hard|painful|difficult|frightening|humiliating|embarrassing) (?:you|that|it|this)\b",
            r"\bI (?:can |could )?(?:only )?(?:see|imagine|understand|realise|realize|get|know) (?:now )?(?:how|why|what (?:it|that|this)|that you|you(?:'re| are| were| felt| feel|'ve been| have been| must))\b",
            r"\byou (?:must have |must've |must |probably |might have |may have |have |'ve )?(?:felt|feel|were feeling|have been feeling)\b",
            r"\b(?:it|that|this) must (?:have )?(?:been|felt|hurt|made you|left you)\b",
            r"\bit must've\b",
            r"\b(?:left|leaving|made|making|put|putting|caused|causing) you (?:to )?(?:feel|feeling|alone|waiting|embarrassed|humiliated|scared|worried|exposed|hurt|through|doubt|question|in (?:a|an|such a) \w+ (?:position|spot|situation)|\w+ing)\b",
            r"\b(?:regret|sorry for|sorry about|apologi[sz]e for) (?:hurting|upsetting|humiliating|embarrassing|scaring|frightening|worrying|disappointing) you\b",
            r"\b(?:it|that|this|and|which|what I (?:did|said)|my \w+) (?:really |deeply |must have |must've )?(?:hurt|upset|humiliated|embarrassed|scared|frightened|worried|disappointed|wounded) you\b",
            r"\bhurt your feelings\b",
            r"\byour (?:pain|hurt|anger|sadness|embarrassment|disappointment|fear|feelings|tears|grief)\b",
            r"\byou(?:'re| are| were|'ve been| have been) (?:\w+ )?(?:hurt|angry|upset|scared|frightened|humiliated|embarrassed|alone|heartbroken|devastated|worried|anxious|furious|sad|disappointed|let down|waiting|crying|exposed|lonely)\b",
            r"\byou (?:had|have) every (?:right|reason)\b",
        ],
    },
    // ---- offersRepair
    Group {
        check: OffersRepair,
        kind: Good,
        message: M_REPAIR,
        keep: Keep::Commitment,
        patterns: &[
            r"\bI(?:'ll| will| am going to|'m going to|'m gonna| promise| plan to| intend to| commit to| am committed to|'m committed to)\b",
        ],
    },
    Group {
        check: OffersRepair,
        kind: Good,
        message: M_REPAIR,
        keep: Keep::Always,
        patterns: &[
            r"\b(?:from now on|going forward|from today|starting (?:today|now|tomorrow|this week)|in (?:the )?future)\b",
            r"\b(?:what can I do|how can I (?:make|fix|repair|earn|rebuild|help|show)|is there anything I can do|tell me what (?:you need|would help|I can do)|what (?:would|do you need|could) (?:help|I do))\b",
            r"\b(?:let me|allow me to) (?:make|fix|replace|pay|repair|show|earn|help)\b",
            r"\bI want to (?:make (?:it|this|things) (?:right|up)|fix|repair|earn|rebuild|do better|change|show you|pay)\b",
            r"\bI(?:'d| would) like to (?:make|fix|repair|earn|rebuild|pay|replace|talk|take you|show you)\b",
            r"\bI(?:'ve| have) (?:already )?(?:started|booked|set up|made an appointment|deleted|returned|paid|transferred|blocked|signed up|joined|enrolled|scheduled|arranged|apologi[sz]ed to|called|stopped|quit|handed|ended|emailed|put|set|fixed|sorted|rebooked|replaced|refunded|repaid|contacted|moved)\b",
            r"\bmake (?:it|this|things) (?:right|up to you)\b",
            r"\bmake amends\b",
            r"\b(?:it|this|that) (?:won't|will not|will never|is never going to|isn't going to) happen again\b",
        ],
    },
    // ---- asksForgiveness
    Group {
        check: AsksForgiveness,
        kind: Good,
        message: M_ASKS,
        keep: Keep::Always,
        patterns: &[
            r"\b(?:will|would|could|can) you (?:\w+ ){0,2}?forgive me\b",
            r"\bplease forgive me\b",
            r"\b(?:please )?give me (?:a|another|one more|a second) chance\b",
            r"\bI(?:'m| am)? (?:hope|hoping|pray|wish) (?:\w+ ){0,6}?(?:forgive|trust me again|give me (?:a|another) chance)\b",
            r"\bI don't expect you to (?:forgive|trust)\b",
            r"\b(?:ask|asking) (?:for )?(?:your )?forgiveness\b",
            r"\b(?:would|will|could) you (?:be willing|be open|consider|let me|give me|allow me)\b",
            r"\bwhen(?:ever)? you(?:'re| are| feel) ready\b",
            r"\bin your own time\b",
            r"\bat your own pace\b",
            r"\btake (?:all )?(?:the|whatever|as much) time you need\b",
            r"\bI(?:'d| would|'ll| will)? (?:completely |totally |fully )?understand if you\b",
            r"\bif you need (?:time|space|some time|more time|some space)\b",
            r"\bif you(?:'re| are) (?:ever )?(?:willing|open|able)\b",
            r"\bno pressure\b",
            r"\bI (?:won't|will not|don't want to) (?:rush|pressure|push|hurry) you\b",
            r"\bwhatever you decide\b",
            r"\bonly you can decide\b",
            r"\b(?:it's|it is|that's) (?:your (?:decision|choice|call)|up to you)\b",
            r"\bwhether (?:or not )?(?:you|to) (?:forgive|want|can|trust)\b",
        ],
    },
    Group {
        check: AsksForgiveness,
        kind: Bad,
        message: M_DEMANDS,
        keep: Keep::Always,
        patterns: &[
            r"\byou (?:have|need|ought|'ve got|got|'ll have|will have|must) (?:to )?(?:forgive|get over|move on|let (?:it|this|that) go|stop (?:being|bringing|dwelling|punishing))\b",
            r"\b(?:get|got|getting) over it\b",
            r"\blet(?:'s| us) (?:just )?(?:move on|forget|put (?:this|it|that) behind|drop it)\b",
            r"\b(?:can|could|shall) we (?:just )?(?:forget|move on|put (?:this|it|that) behind|drop it|not talk)\b",
            r"\bI(?: said| already said|'ve said|'ve already said| have said| have already said) (?:I(?:'m| am| was) )?sorry\b",
            r"\bwhat (?:more|else) do you want\b",
            r"\b(?:don't|do not) know what (?:more|else) you want\b",
            r"\b(?:just )?forgive me (?:now|already|right now)\b",
            r"\bjust forgive me\b",
            r"\b(?:it's|it is) time (?:for you )?to (?:move on|let (?:it|this|that) go|get over)\b",
            r"\b(?:stop|quit) (?:bringing (?:it|this|that) up|dwelling|punishing me|being (?:mad|angry|upset|cold))\b",
            r"\bI(?:'ve| have) (?:already )?apologi[sz]ed (?:already|enough|a hundred times|a million times|so many times|twice)\b",
            r"\bhow many (?:more )?times (?:do|must|should|can) I\b",
            r"\byou should (?:forgive|be over|move on|let)\b",
            r"\bI expect you to\b",
            r"\bI need you to (?:forgive|get over|move on|let (?:it|this|that) go|stop)\b",
            r"\bneed you to (?:get over|move on)\b",
            r"\b(?:don't|do not) (?:stay|be) (?:mad|angry|upset)\b",
            r"\byou can(?:'t|not| not) (?:stay|keep being|be) (?:angry|mad|upset|cold)\b",
            r"\bwe need to move on\b",
            r"\bthe least you (?:can|could) do\b",
        ],
    },
];

struct Rule {
    check: CheckId,
    kind: FindingKind,
    message: &'static str,
    keep: Keep,
    re: Regex,
}

fn compile(pattern: &str) -> Option<Regex> {
    let expanded = pattern
        .replace("{HARM_ING_STRONG}", HARM_ING_STRONG)
        .replace("{HARM_ING}", HARM_ING)
        .replace("{HARM}", HARM)
        .replace('\'', "['\u{2019}\u{2bc}]")
        .replace(' ', r"\s+");
    RegexBuilder::new(&expanded).case_insensitive(true).size_limit(1 << 26).build().ok()
}

/// The compiled rules; a pattern that fails to compile is skipped (a test checks none do).
fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        GROUPS
            .iter()
            .flat_map(|g| {
                g.patterns.iter().filter_map(move |p| {
                    compile(p).map(|re| Rule {
                        check: g.check,
                        kind: g.kind,
                        message: g.message,
                        keep: g.keep,
                        re,
                    })
                })
            })
            .collect()
    })
}

fn cached(cell: &'static OnceLock<Option<Regex>>, pattern: &str) -> Option<&'static Regex> {
    cell.get_or_init(|| compile(pattern)).as_ref()
}

/// Any apology language at all: the draft is an attempt at an apology.
fn apology_language() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    cached(&RE, r"\b(?:sorry|apologi[sz]\w*|apolog(?:y|ies)|forgive|forgiveness)\b")
}

/// The words an apology sentence turns on, for the "but" rule.
fn apology_marker() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    cached(
        &RE,
        r"\b(?:sorry|apologi[sz]e|apologies|my apology|I was wrong|(?:it(?:'s| is| was)|that(?:'s| is| was)) (?:all )?my fault|I regret|I (?:shouldn't|should not|should never)(?:'ve| have)|I should(?:'ve| have))\b",
    )
}

/// "but", "however" and their kin.
fn connective() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    cached(
        &RE,
        r"\b(?:but|however|although|that said|having said that|even so|(?:honestly|still|then again),? though)\b",
    )
}

/// The same, opening a sentence.
fn opening_connective() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    cached(
        &RE,
        r"^\s*(?:(?:and|so) )?(?P<q>but|however|although|that said|having said that|even so|(?:honestly|still|then again),? though)\b",
    )
}

/// What may follow a "but" without taking the apology back.
fn harmless_after_but() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    cached(
        &RE,
        r"^[\s,;:\u{2014}\u{2013}-]*(?:also\b|I(?:'ll| will| am going to|'m going to| promise| intend| want to (?:make|fix|earn|show|rebuild|repair|do better|change|prove)|(?:'d| would|'ll| will)? (?:completely |totally |fully )?understand| hope)\b|from now on|going forward|(?:that|it|this)(?:'s| is| was)? (?:no|not an?|never an?) excuse|(?:that|it|this) (?:doesn't|does not|didn't|did not) (?:excuse|make it (?:okay|ok|right))|(?:words|sorry|saying sorry|an apology|apologi[sz]ing|saying it)(?: alone)? (?:aren't|isn't|is not|are not|won't be|will not be|can't be|cannot be) enough|nothing excuses|there(?:'s| is| was) no excuse)",
    )
}

/// "I'll be honest, …": a way of speaking, not a commitment.
fn discourse_marker() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    cached(
        &RE,
        r"^ (?:be (?:honest|frank|clear|straight)|admit|say|tell you this)\s*[,:;\u{2014}\u{2013}-]",
    )
}

fn word_token() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[\p{L}\p{N}]+(?:['\u{2019}\u{2bc}][\p{L}\p{N}]+)*").ok())
        .as_ref()
}

// ---------------------------------------------------------------------------------------
// Words around a match.

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

fn normalise(word: &str) -> String {
    word.to_lowercase().replace(['\u{2019}', '\u{2bc}'], "'")
}

/// The word just before `start`, if only whitespace separates them.
fn prev_word(text: &str, start: usize) -> Option<String> {
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
fn next_words(text: &str, end: usize, n: usize) -> Vec<String> {
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

fn sentence_end(text: &str, from: usize) -> usize {
    text.get(from..).and_then(|rest| rest.find(is_sentence_end)).map_or(text.len(), |i| from + i)
}

/// Byte ranges of the sentences, without their closing punctuation.
fn sentences(text: &str) -> Vec<Range<usize>> {
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

// ---------------------------------------------------------------------------------------
// Rules that need more than a pattern.

const SHRINKING: &[&str] = &["just", "only", "merely", "simply"];
/// "only"/"just" after these is not a minimiser: "not only", "the only one", "if only".
const SHRINK_SKIP_PREV: &[&str] =
    &["not", "the", "if", "my", "your", "our", "his", "her", "their", "a", "an", "can", "could"];
/// "just"/"only" before these shrinks what follows.
const SHRINK_NEXT: &[&str] = &[
    "a", "an", "once", "twice", "one", "two", "three", "four", "five", "ten", "fifty", "hundred",
    "joking", "kidding", "teasing", "messing", "wanted", "trying", "meant", "being", "few",
    "little", "bit", "couple", "words", "minutes", "for", "some", "having", "talking", "looking",
    "playing", "friends", "flirting", "texting", "harmless", "innocent", "banter", "fun",
];
/// Harm verbs that "just"/"only" can shrink: "I only told Sam", "I just forgot".
const SHRINK_HARM: &[&str] = &[
    "lied",
    "forgot",
    "forgotten",
    "missed",
    "told",
    "said",
    "cancelled",
    "canceled",
    "snapped",
    "yelled",
    "shouted",
    "looked",
    "read",
    "borrowed",
    "took",
    "spent",
    "kissed",
    "texted",
    "flirted",
    "mentioned",
    "shared",
    "left",
    "skipped",
    "drank",
    "had",
    "slipped",
    "lost",
];
/// "it was only …", except where it marks time or cause: "it was only when you told me".
const SHRINK_COPULA: &[&str] = &["was", "is", "it's", "that's", "were", "its", "thats"];
const SHRINK_COPULA_EXCEPT: &[&str] = &[
    "when",
    "after",
    "now",
    "then",
    "later",
    "because",
    "since",
    "until",
    "recently",
    "the",
    "right",
    "starting",
    "beginning",
    "as",
    "before",
    "about",
];
const SAYING: &[&str] =
    &["say", "tell", "let", "apologise", "apologize", "ask", "check", "explain"];

/// "just", "only", "merely", "simply" used to make the harm smaller (see the module docs).
fn shrinking_words(text: &str, out: &mut Vec<Raw>) {
    let Some(re) = word_token() else { return };
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
        let Some(w) = word(i) else { continue };
        if !SHRINKING.contains(&w.as_str()) {
            continue;
        }
        let prev = (i > 0 && adjacent(i - 1, i)).then(|| word(i - 1)).flatten();
        let next =
            |k: usize| (1..=k).all(|j| adjacent(i + j - 1, i + j)).then(|| word(i + k)).flatten();
        let (n1, n2, n3) = (next(1), next(2), next(3));
        if prev.as_deref().is_some_and(|p| SHRINK_SKIP_PREV.contains(&p)) {
            continue;
        }
        if matches!(n1.as_deref(), Some("wanted" | "want"))
            && n2.as_deref() == Some("to")
            && n3.as_deref().is_some_and(|v| SAYING.contains(&v))
        {
            continue;
        }
        let n1s = n1.as_deref().unwrap_or_default();
        let by_next = SHRINK_NEXT.contains(&n1s)
            || SHRINK_HARM.contains(&n1s)
            || n1s.starts_with(|c: char| c.is_ascii_digit());
        let by_copula = prev.as_deref().is_some_and(|p| SHRINK_COPULA.contains(&p))
            && !n1s.is_empty()
            && !SHRINK_COPULA_EXCEPT.contains(&n1s);
        if by_next || by_copula {
            let end = tokens.get(i + 1).filter(|_| n1.is_some()).map_or(span.end, |r| r.end);
            out.push(Raw {
                check: NoMinimising,
                kind: Bad,
                span: span.start..end,
                message: M_SHRINKING_WORD,
            });
        }
    }
}

/// How far (in bytes) a "but" may be from the apology word for both to be quoted together.
const QUOTE_TOGETHER: usize = 40;

/// A "but"/"however" after an apology, in its sentence or opening the next one.
fn taking_it_back(text: &str, out: &mut Vec<Raw>) {
    let (Some(marker), Some(conn), Some(opening), Some(harmless)) =
        (apology_marker(), connective(), opening_connective(), harmless_after_but())
    else {
        return;
    };
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
            out.push(Raw { check: AcceptsResponsibility, kind: Bad, span, message: M_TAKES_BACK });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(draft: &str, id: CheckId) -> CheckStatus {
        review(draft).status(id)
    }

    fn quotes(draft: &str, id: CheckId, kind: FindingKind) -> Vec<String> {
        review(draft)
            .findings
            .into_iter()
            .filter(|f| f.check == id && f.kind == kind)
            .map(|f| f.quote)
            .collect()
    }

    use CheckStatus::{Met, Missing, Problem};

    #[test]
    fn every_pattern_compiles() {
        let patterns: usize = GROUPS.iter().map(|g| g.patterns.len()).sum();
        assert_eq!(rules().len(), patterns);
        assert!(apology_language().is_some());
        assert!(apology_marker().is_some());
        assert!(connective().is_some());
        assert!(opening_connective().is_some());
        assert!(harmless_after_but().is_some());
        assert!(discourse_marker().is_some());
        assert!(word_token().is_some());
    }

    #[test]
    fn utf16_offsets_count_code_units_not_bytes() {
        let text = "I\u{2019}m sorry \u{2014} n\u{e9}e caf\u{e9} \u{1f494} I lied";
        // "I’m" is 3 code units (5 bytes); "née" 3 units (4 bytes); the emoji 2 units (4 bytes).
        let born = text.find("n\u{e9}e").unwrap_or_default();
        assert_eq!(utf16_range(text, born..born + "n\u{e9}e".len()), Some((12, 15)));
        assert_eq!(utf16_range(text, 0..text.len()), Some((0, 30)));
        assert_eq!(utf16_range(text, 0..2), None, "not a character boundary");
        let lied = text.find("I lied").unwrap_or_default();
        assert_eq!(utf16_range(text, lied..lied + 6), Some((24, 30)));

        let review = review(text);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert!(!review.findings.is_empty());
        for f in &review.findings {
            let slice = String::from_utf16(&units[f.start as usize..f.end as usize]).unwrap();
            assert_eq!(slice, f.quote);
        }
        let harm = review.findings.iter().find(|f| f.check == NamesHarm).unwrap();
        assert_eq!((harm.start, harm.end, harm.quote.as_str()), (24, 30, "I lied"));
        let sorry = review.findings.iter().find(|f| f.check == AcceptsResponsibility).unwrap();
        assert_eq!((sorry.start, sorry.end), (0, 9));
        assert_eq!(sorry.quote, "I\u{2019}m sorry");
    }

    #[test]
    fn offsets_stay_exact_across_many_findings_and_non_ascii_text() {
        let draft = "Caf\u{e9} \u{1f494} \u{2014} I\u{2019}m sorry I lied to you, and I\u{2019}ll tell you everything. "
            .repeat(200);
        let r = review(&draft);
        let units: Vec<u16> = draft.encode_utf16().collect();
        assert!(r.findings.len() >= 600);
        for f in &r.findings {
            let slice = String::from_utf16(&units[f.start as usize..f.end as usize]).unwrap();
            assert_eq!(slice, f.quote);
        }
    }

    #[test]
    fn short_or_empty_drafts_are_all_missing() {
        for draft in ["", "   ", "Sorry.", "I'm sorry, Mum."] {
            let r = review(draft);
            assert!(r.findings.is_empty(), "{draft:?}");
            assert_eq!(r.checks.len(), 7);
            assert!(r.checks.iter().all(|c| c.status == Missing), "{draft:?}");
        }
    }

    #[test]
    fn checks_come_in_order_with_labels_and_plain_advice() {
        let r = review("I lied to you and I am sorry.");
        let ids: Vec<CheckId> = r.checks.iter().map(|c| c.id).collect();
        assert_eq!(ids, CheckId::ALL);
        for c in &r.checks {
            assert!(!c.label.is_empty() && !c.advice.is_empty());
            assert!(!c.advice.contains('!') && !c.label.contains('!'));
        }
        for g in GROUPS {
            assert!(!g.message.contains('!'));
        }
    }

    #[test]
    fn output_is_camel_case_json() {
        let r = review("I lied to you and I am sorry.");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["checks"][0]["id"], "namesHarm");
        assert_eq!(json["checks"][0]["status"], "met");
        assert_eq!(json["checks"][3]["id"], "noMinimising");
        assert!(json["findings"][0]["quote"].is_string());
        assert_eq!(CheckId::AsksForgiveness.as_str(), "asksForgiveness");
        assert_eq!(CheckStatus::Problem.as_str(), "problem");
    }

    #[test]
    fn names_harm_specific_vague_and_passive() {
        assert_eq!(status("I lied to you about the money last week.", NamesHarm), Met);
        assert_eq!(status("I'm sorry for missing your recital on Friday.", NamesHarm), Met);
        assert_eq!(status("I broke my promise to call you every night.", NamesHarm), Met);
        assert_eq!(status("I shouldn't have told Mum about it.", NamesHarm), Met);
        assert_eq!(status("I'm sorry for everything, okay.", NamesHarm), Problem);
        assert_eq!(status("I apologise for what happened at work.", NamesHarm), Problem);
        assert_eq!(status("Mistakes were made and I regret them.", NamesHarm), Problem);
        assert_eq!(status("Things were said that night, sorry.", NamesHarm), Problem);
        assert_eq!(status("I am so sorry about that.", NamesHarm), Missing);
        assert_eq!(status("I told myself it would be fine, sorry.", NamesHarm), Missing);
        // Specific and vague together: the problem wins, the strength is still shown.
        let both = "Sorry for everything, especially for lying to you.";
        assert_eq!(status(both, NamesHarm), Problem);
        assert_eq!(quotes(both, NamesHarm, Bad), ["for everything"]);
        assert_eq!(quotes(both, NamesHarm, Good), ["lying to"]);
    }

    #[test]
    fn accepts_responsibility_conditionals_and_non_apologies() {
        assert_eq!(status("I'm sorry I lied to you.", AcceptsResponsibility), Met);
        assert_eq!(status("That was wrong of me, and it's on me.", AcceptsResponsibility), Met);
        assert_eq!(status("I\u{2019}m sorry if you were upset.", AcceptsResponsibility), Problem);
        assert_eq!(status("I apologise if I upset you yesterday.", AcceptsResponsibility), Problem);
        assert_eq!(
            status("Sorry, if you were hurt by it, I mean.", AcceptsResponsibility),
            Problem
        );
        assert_eq!(status("I'm sorry you feel that way about it.", AcceptsResponsibility), Problem);
        assert_eq!(status("I'm sorry it upset you so much.", AcceptsResponsibility), Problem);
        assert_eq!(
            status(
                "If my email on Monday came across as harsh, I apologise.",
                AcceptsResponsibility
            ),
            Problem
        );
        assert_eq!(
            quotes("I'm sorry if you were upset.", AcceptsResponsibility, Good),
            Vec::<String>::new()
        );
        // A future conditional is not a conditional apology.
        let future = "I'm sorry. If I ever hurt you like that again, tell me.";
        assert_eq!(status(future, AcceptsResponsibility), Met);
        assert_eq!(status(future, AcknowledgesPain), Missing);
    }

    #[test]
    fn accepts_responsibility_but_however_although() {
        let q = |d: &str| quotes(d, AcceptsResponsibility, Bad);
        assert_eq!(q("I'm sorry, but you were late too."), ["sorry, but"]);
        assert_eq!(q("I'm sorry I lied. However, I had my reasons."), ["However"]);
        assert_eq!(
            q("I'm sorry I did it, although it was a long day."),
            ["sorry I did it, although"]
        );
        assert_eq!(q("I'm sorry I said it. Honestly though, it was true."), ["Honestly though"]);
        // Harmless "but"s.
        assert!(q("I'm sorry. I know sorry isn't enough, but I will show you.").is_empty());
        assert!(q("I'm sorry, not only for the lie but also for hiding it.").is_empty());
        assert!(q("I'm sorry, but that's no excuse for what I did.").is_empty());
        assert!(q("I'm sorry I broke the button on your camera.").is_empty());
        assert!(q("I'm sorry I lied to you. I will tell you everything, but slowly.").is_empty());
    }

    #[test]
    fn blame_shifting_is_caught_and_explaining_is_not() {
        for bad in [
            "I'm sorry, you made me so angry.",
            "I yelled because you kept nagging me, sorry.",
            "Sorry, but if you hadn't gone through my phone this wouldn't have happened.",
            "You know how I get when I'm tired, sorry.",
            "It's your fault as much as mine, sorry.",
            "I'm sorry, it's partly your fault though.",
            "Sorry I lied, you also lied to me last year.",
            "Sorry. We both said things we regret.",
            "I'm sorry, I only did it because the deadline was close.",
            "Sorry, it wasn't my fault the car broke.",
        ] {
            assert_eq!(status(bad, NoBlameShifting), Problem, "{bad}");
        }
        for fine in [
            "I'm sorry I missed it. I was exhausted, and that is no excuse.",
            "I'm telling you because you deserve the truth, and I'm sorry.",
            "I'm sorry I missed it because I stayed late at work.",
            "I'm sorry. You made me a cake and I forgot to come.",
            "I'm sorry. It's not your fault, none of it.",
        ] {
            assert_eq!(status(fine, NoBlameShifting), Met, "{fine}");
        }
        assert_eq!(
            quotes("I'm sorry. It's not your fault, none of it.", NoBlameShifting, Good),
            ["not your fault"]
        );
    }

    #[test]
    fn minimising_words_and_just_only_rule() {
        for bad in [
            "I'm sorry, it was only once.",
            "Sorry, it was just a joke.",
            "Sorry, I was only joking about it.",
            "I'm sorry I just forgot your birthday.",
            "Sorry, it wasn't a big deal though.",
            "Sorry, you're overreacting about this.",
            "I'm sorry, you're too sensitive about it.",
            "Sorry, at least I told you eventually.",
            "Sorry about the little white lie.",
            "Sorry, it was only fifty quid.",
            "I'm sorry, I was simply trying to help.",
        ] {
            assert_eq!(status(bad, NoMinimising), Problem, "{bad}");
        }
        for fine in [
            "I just wanted to say I'm sorry for shouting.",
            "I'm sorry, and justice matters to me too.",
            "I'm sorry, I will adjust how I react.",
            "I'm sorry, not only for the lie but for hiding it.",
            "I'm sorry. Only you can decide what happens next.",
            "I'm sorry. I will call at least once a week.",
            "I'm sorry, you are the only one I told.",
            "I'm sorry. It was only when you told me that I understood.",
            "I'm sorry. It was a big deal and I know it.",
        ] {
            assert_eq!(status(fine, NoMinimising), Met, "{fine}");
        }
        assert_eq!(quotes("Sorry, it was only once.", NoMinimising, Bad), ["only once"]);
        assert_eq!(
            quotes("I'm sorry. It was a big deal and I know it.", NoMinimising, Good),
            ["It was a big deal"]
        );
        // "I didn't think it was a big deal" is not counted as taking it seriously.
        let d = "Sorry, I didn't think it was a big deal.";
        assert_eq!(status(d, NoMinimising), Problem);
        assert!(quotes(d, NoMinimising, Good).is_empty());
    }

    #[test]
    fn acknowledging_pain() {
        for good in [
            "I'm sorry. I know I hurt you badly.",
            "I'm sorry. You must have felt so alone that night.",
            "I'm sorry. I can see how much that embarrassed you.",
            "I'm sorry. It must have been awful to find out that way.",
            "I'm sorry. That left you waiting in the rain for an hour.",
            "I'm sorry, and you had every right to be angry.",
        ] {
            assert_eq!(status(good, AcknowledgesPain), Met, "{good}");
        }
        for missing in [
            "I'm sorry if you were hurt by it.",
            "I'm sorry you feel that way about it.",
            "I'm sorry. Call me when you feel ready.",
            "I'm sorry I lied about the money.",
        ] {
            assert_eq!(status(missing, AcknowledgesPain), Missing, "{missing}");
        }
    }

    #[test]
    fn offering_repair() {
        for good in [
            "I'm sorry. I will call you every Sunday.",
            "I'm sorry. From now on you'll see every statement.",
            "I'm sorry. What can I do to make this right?",
            "I'm sorry. How can I make it up to you?",
            "I'm sorry. I've already booked a counsellor.",
            "I'm going to pay you back by Friday, I'm sorry.",
        ] {
            assert_eq!(status(good, OffersRepair), Met, "{good}");
        }
        for missing in [
            "I'm sorry. I'll understand if you need time.",
            "I'll be honest, I don't know why I did it.",
            "I'm sorry. I'll wait until you want to talk.",
            "I'm sorry I lied about the money.",
        ] {
            assert_eq!(status(missing, OffersRepair), Missing, "{missing}");
        }
    }

    #[test]
    fn asking_versus_demanding_forgiveness() {
        for good in [
            "I lied, and I'm sorry. Will you forgive me?",
            "I'm sorry. I hope in time you can forgive me.",
            "I'm sorry. Talk to me when you're ready.",
            "I'm sorry. I'd understand if you need time.",
        ] {
            assert_eq!(status(good, AsksForgiveness), Met, "{good}");
        }
        for bad in [
            "I'm sorry. You have to forgive me.",
            "Sorry. You need to get over it.",
            "Sorry about it. Let's move on.",
            "Sorry, can we just forget it?",
            "I said sorry, what more do you want?",
            "Please, just forgive me now.",
        ] {
            assert_eq!(status(bad, AsksForgiveness), Problem, "{bad}");
        }
        assert_eq!(status("I'm sorry I lied about the money.", AsksForgiveness), Missing);
        // "I said sorry" is a demand, not an apology.
        assert_eq!(status("I said sorry, what more do you want?", AcceptsResponsibility), Missing);
    }

    #[test]
    fn absence_checks_need_an_apology_attempt() {
        let no_apology = "I will pay for the scratch on your car next week.";
        assert_eq!(status(no_apology, NoBlameShifting), Missing);
        assert_eq!(status(no_apology, NoMinimising), Missing);
        assert_eq!(status(no_apology, AcceptsResponsibility), Missing);
        assert_eq!(status(no_apology, OffersRepair), Met);
        // A problem is still reported without an apology.
        assert_eq!(status("You made me do it, obviously.", NoBlameShifting), Problem);
    }

    #[test]
    fn findings_are_sorted_and_missing_checks_have_none() {
        let draft = "I'm sorry if you were upset, but you know how I get. It was only once.";
        let r = review(draft);
        assert!(r.findings.windows(2).all(|w| w[0].start <= w[1].start));
        for c in &r.checks {
            if c.status == Missing {
                assert!(r.findings.iter().all(|f| f.check != c.id));
            }
        }
        for f in &r.findings {
            assert_eq!(&draft[f.start as usize..f.end as usize], f.quote, "ASCII draft");
        }
    }

    #[test]
    fn matching_is_case_and_apostrophe_insensitive() {
        let curly = "I\u{2019}M SORRY IF YOU WERE UPSET. YOU KNOW HOW I GET.";
        assert_eq!(status(curly, AcceptsResponsibility), Problem);
        assert_eq!(status(curly, NoBlameShifting), Problem);
        let spaced = "I  lied\nto you,   and I\u{2019}m\tsorry.";
        assert_eq!(status(spaced, NamesHarm), Met);
        assert_eq!(status(spaced, AcceptsResponsibility), Met);
    }
}
