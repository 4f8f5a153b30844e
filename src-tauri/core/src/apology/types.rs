//! The review's types, as the web view receives them (ts-rs generates their TypeScript).
//!
//! Invariants: a review lists every check once, in the order of [`CheckId::ALL`]; a
//! finding's `start` and `end` are UTF-16 offsets into the draft and `quote` is exactly the
//! draft between them. Labels and advice are read from the workshop's data file.
use super::patterns::patterns;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use ts_rs::TS;

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
        patterns().map_or("", |p| p.check_text(self).0)
    }

    /// How to meet the check, in one or two sentences.
    pub fn advice(self) -> &'static str {
        patterns().map_or("", |p| p.check_text(self).1)
    }

    /// Checks that pass by the absence of a bad pattern, once the draft is an apology.
    pub(super) fn passes_by_absence(self) -> bool {
        matches!(self, CheckId::NoBlameShifting | CheckId::NoMinimising)
    }

    /// Problems of these checks silence this check's strengths where they overlap.
    pub(super) fn silenced_by(self) -> &'static [CheckId] {
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
