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
//!
//! # Where things are
//! The phrases behind each check, the words the hand-written rules turn on, and every
//! sentence the workshop shows are data, in `src-tauri/core/frameworks/apology-patterns.toml`
//! (read and checked at first use by `patterns.rs`). `engine.rs` runs the review,
//! `tokens.rs` finds words and sentences, `types.rs` holds what the web view receives.
//! Tables of phrases and their expected statuses are in `tests/data/apology-phrases.toml`
//! and a corpus of whole apologies in `tests/data/apologies.toml`.
mod engine;
mod patterns;
mod tokens;
mod types;

pub use engine::review;
pub use types::{utf16_range, ApologyReview, Check, CheckId, CheckStatus, Finding, FindingKind};

/// Drafts with fewer words than this are not reviewed: every check is missing.
pub const MIN_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;
    use CheckId::{AcceptsResponsibility, NamesHarm};
    use CheckStatus::Missing;

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
}
