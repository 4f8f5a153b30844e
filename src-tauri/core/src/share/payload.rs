//! What a share holds: the payload that is signed and then sealed, its items, and the
//! limits a share keeps both when it is sealed and when it is opened.
//!
//! The payload is JSON (camelCase) with a `version` field. Items mirror the vault's own
//! records (entries, commitments and their logged record, checklist marks and their
//! evidence, check-ins, decision reviews) as plain text and dates: no database ids, so
//! nothing in a share points back into the sender's vault. Each item carries an opaque
//! [`ItemKey`] instead: the same item shared again carries the same key, so a receiver
//! keeps the newer version and the older one as its history.
use super::code::ContactCode;
use super::error::ShareError;
use crate::journal::{Entry, MAX_BODY_BYTES, MAX_LABEL_CHARS, MAX_TAGS};
use crate::ledger::{CommitmentLedger, CommitmentOwner, OccurrenceStatus};
use crate::progress::checkins::{CheckIn, Decision, DecisionChoice, MAX_TRUST_LEVEL};
use crate::progress::checklist::ChecklistStep;
use crate::progress::MAX_NOTE_BYTES;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The payload version this Mend writes and the only one it opens.
pub const PAYLOAD_VERSION: u32 = 1;
/// The most items one share holds.
pub const MAX_ITEMS: usize = 5_000;
/// The most logged days one shared commitment carries.
pub const MAX_RECORD: usize = 1_000;
/// The most pieces of evidence one shared checklist mark carries.
pub const MAX_EVIDENCE: usize = 200;
/// Entries and free notes: as long as an entry may be.
pub const MAX_TEXT_BYTES: usize = MAX_BODY_BYTES;
/// Promises, notes, reasons, evidence and titles.
pub const MAX_SHORT_TEXT_BYTES: usize = MAX_NOTE_BYTES;

/// A share's content, as signed by its sender.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Share {
    /// [`PAYLOAD_VERSION`].
    pub version: u32,
    /// Who sealed and signed it.
    pub sender: ContactCode,
    /// Whom it was sealed to.
    pub recipient: Addressee,
    pub created_at: DateTime<Utc>,
    /// Grows by at least one with each share the sender makes: a receiver refuses a share
    /// whose sequence is not above the last one received from the same sender.
    pub sequence: u64,
    pub items: Vec<KeyedItem>,
}

/// An item with the key that names it across the sender's shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KeyedItem {
    pub key: ItemKey,
    pub item: SharedItem,
}

/// The name a sender gives a shared item, the same each time that item is shared: 64
/// lower-case hex digits of an HMAC only the sender's identity can compute
/// ([`super::Identity::item_key`]). It reveals nothing about the item or the vault.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ItemKey(String);

impl ItemKey {
    pub(crate) fn from_digest(digest: &[u8]) -> Self {
        ItemKey(digest.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Reads a key kept as text; `None` unless it is 64 lower-case hex digits.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
        (text.len() == 64 && text.bytes().all(hex)).then(|| ItemKey(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for ItemKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ItemKey::parse(&text).ok_or_else(|| serde::de::Error::custom("not an item key"))
    }
}

/// Whom a share is for: one Mend identity, or whoever knows the passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Addressee {
    Contact(ContactCode),
    Passphrase,
}

/// One thing a person chose to share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SharedItem {
    Entry(SharedEntry),
    Commitment(SharedCommitment),
    ChecklistMark(SharedMark),
    CheckIn(SharedCheckIn),
    DecisionReview(SharedDecision),
    Note(SharedNote),
}

/// A journal entry: its text as written (Markdown), when, and its mood and tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedEntry {
    pub written_at: DateTime<Utc>,
    pub text: String,
    pub mood: Option<String>,
    pub tags: Vec<String>,
}

impl From<&Entry> for SharedEntry {
    fn from(e: &Entry) -> Self {
        SharedEntry {
            written_at: e.created_at,
            text: e.body.clone(),
            mood: e.meta.mood.clone(),
            tags: e.meta.tags.clone(),
        }
    }
}

/// A commitment and the days logged for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedCommitment {
    /// Whose it is, as the sender sees it: `me` is the sender.
    pub owner: CommitmentOwner,
    pub promise: String,
    /// How often it falls due, in words ("Every Monday and Thursday", "Once").
    pub repeat: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub kept_looks_like: String,
    /// Logged days, oldest first.
    pub record: Vec<SharedOccurrence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedOccurrence {
    pub due_on: NaiveDate,
    pub status: OccurrenceStatus,
    pub note: String,
}

impl From<&CommitmentLedger> for SharedCommitment {
    /// The commitment with every day logged so far (days not logged are left out).
    fn from(l: &CommitmentLedger) -> Self {
        let c = &l.commitment;
        SharedCommitment {
            owner: c.owner,
            promise: c.promise.clone(),
            repeat: c.repeat_description.clone(),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            kept_looks_like: c.kept_looks_like.clone(),
            record: l
                .occurrences
                .iter()
                .filter_map(|o| {
                    o.status.map(|status| SharedOccurrence {
                        due_on: o.due_on,
                        status,
                        note: o.note.clone(),
                    })
                })
                .collect(),
        }
    }
}

/// A step of a framework's checklist marked done or observed, with its evidence as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedMark {
    pub framework_id: String,
    pub step_id: String,
    /// The step's title as the sender's Mend shows it.
    pub title: String,
    pub marked_on: NaiveDate,
    pub note: String,
    pub evidence: Vec<SharedEvidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedEvidence {
    pub on: NaiveDate,
    pub text: String,
}

impl SharedMark {
    /// A marked step as shared; `None` for a step not marked.
    pub fn from_step(step: &ChecklistStep) -> Option<Self> {
        Some(SharedMark {
            framework_id: step.framework_id.clone(),
            step_id: step.step_id.clone(),
            title: step.title.clone(),
            marked_on: step.marked_on?,
            note: step.note.clone(),
            evidence: step
                .evidence
                .iter()
                .map(|e| SharedEvidence { on: e.on, text: e.text.clone() })
                .collect(),
        })
    }
}

/// One day's check-in: the four element scores (1 to 5), the trust level (0 to 10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedCheckIn {
    pub on: NaiveDate,
    pub able: Option<f64>,
    pub believable: Option<f64>,
    pub connected: Option<f64>,
    pub dependable: Option<f64>,
    pub trust_level: Option<u8>,
    pub note: String,
}

impl From<&CheckIn> for SharedCheckIn {
    fn from(c: &CheckIn) -> Self {
        SharedCheckIn {
            on: c.on,
            able: c.scores.able,
            believable: c.scores.believable,
            connected: c.scores.connected,
            dependable: c.scores.dependable,
            trust_level: c.trust_level,
            note: c.note.clone(),
        }
    }
}

/// A decision review: what was decided, when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedDecision {
    pub decided_on: NaiveDate,
    pub choice: DecisionChoice,
    pub reasons: String,
}

impl From<&Decision> for SharedDecision {
    fn from(d: &Decision) -> Self {
        SharedDecision { decided_on: d.decided_on, choice: d.choice, reasons: d.reasons.clone() }
    }
}

/// A note written for this share alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SharedNote {
    pub written_at: DateTime<Utc>,
    pub text: String,
}

fn text(t: &str) -> Result<(), ShareError> {
    if t.len() > MAX_TEXT_BYTES {
        return Err(ShareError::OverLimit("an entry or note in a share can be at most 1 MiB"));
    }
    Ok(())
}

fn short(t: &str) -> Result<(), ShareError> {
    if t.len() > MAX_SHORT_TEXT_BYTES {
        return Err(ShareError::OverLimit(
            "a promise, note, reason or piece of evidence in a share can be at most 16 KiB",
        ));
    }
    Ok(())
}

fn label(t: &str) -> Result<(), ShareError> {
    if t.chars().count() > MAX_LABEL_CHARS {
        return Err(ShareError::OverLimit("a mood or tag can be at most 40 characters"));
    }
    Ok(())
}

fn score(s: Option<f64>) -> Result<(), ShareError> {
    match s {
        Some(v) if !(1.0..=5.0).contains(&v) => {
            Err(ShareError::OverLimit("a check-in's scores are from 1 to 5"))
        }
        _ => Ok(()),
    }
}

impl SharedItem {
    /// The kind's name, as in the payload (`entry`, `checklistMark`...).
    pub fn kind(&self) -> &'static str {
        match self {
            SharedItem::Entry(_) => "entry",
            SharedItem::Commitment(_) => "commitment",
            SharedItem::ChecklistMark(_) => "checklistMark",
            SharedItem::CheckIn(_) => "checkIn",
            SharedItem::DecisionReview(_) => "decisionReview",
            SharedItem::Note(_) => "note",
        }
    }

    fn check(&self) -> Result<(), ShareError> {
        match self {
            SharedItem::Entry(e) => {
                text(&e.text)?;
                if e.tags.len() > MAX_TAGS {
                    return Err(ShareError::OverLimit("an entry can have at most 20 tags"));
                }
                e.mood.iter().chain(&e.tags).try_for_each(|l| label(l))
            }
            SharedItem::Commitment(c) => {
                short(&c.promise)?;
                short(&c.repeat)?;
                short(&c.kept_looks_like)?;
                if c.record.len() > MAX_RECORD {
                    return Err(ShareError::OverLimit(
                        "a shared commitment can carry at most 1,000 logged days",
                    ));
                }
                c.record.iter().try_for_each(|o| short(&o.note))
            }
            SharedItem::ChecklistMark(m) => {
                label(&m.framework_id)?;
                label(&m.step_id)?;
                short(&m.title)?;
                short(&m.note)?;
                if m.evidence.len() > MAX_EVIDENCE {
                    return Err(ShareError::OverLimit(
                        "a shared checklist step can carry at most 200 pieces of evidence",
                    ));
                }
                m.evidence.iter().try_for_each(|e| short(&e.text))
            }
            SharedItem::CheckIn(c) => {
                short(&c.note)?;
                [c.able, c.believable, c.connected, c.dependable]
                    .into_iter()
                    .try_for_each(score)?;
                if c.trust_level.is_some_and(|t| t > MAX_TRUST_LEVEL) {
                    return Err(ShareError::OverLimit("a trust level is from 0 to 10"));
                }
                Ok(())
            }
            SharedItem::DecisionReview(d) => short(&d.reasons),
            SharedItem::Note(n) => text(&n.text),
        }
    }
}

impl Share {
    /// Every limit a share keeps, checked before sealing and after opening.
    pub(crate) fn check(&self) -> Result<(), ShareError> {
        if self.items.is_empty() {
            return Err(ShareError::Empty);
        }
        if self.items.len() > MAX_ITEMS {
            return Err(ShareError::OverLimit("a share can hold at most 5,000 items"));
        }
        let mut keys = std::collections::HashSet::with_capacity(self.items.len());
        if !self.items.iter().all(|k| keys.insert(&k.key)) {
            // Two items under one key: no sender's Mend writes that.
            return Err(ShareError::Damaged);
        }
        self.items.iter().try_for_each(|k| k.item.check())
    }
}
