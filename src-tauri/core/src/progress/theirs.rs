//! What the other person shared, read as progress: received items linked as evidence of
//! a checklist step (shown in the step's view beside its own evidence, marked as theirs),
//! the received items a step could link, and their shared commitments' kept/missed record
//! for the dashboard.
//!
//! Invariants:
//! - A step's shared evidence counts towards its state exactly as its own evidence does
//!   ([`super::checklist::ChecklistState::of`] over both lists).
//! - Their record is their own log of their commitments, as received: it is tallied apart
//!   from the person's own observations and never added to them.
//! - Their words are shown as the share's preview renders them ([`crate::share::preview`]),
//!   the same words the sender saw before sealing.
use super::checklist::checked_step;
use super::dashboard::{DayTally, WeekTally};
use super::tallies::{tally_days, tally_weeks, Due};
use super::{Progress, ProgressError};
use crate::ledger::{CommitmentOwner, Logged};
use crate::share::{
    preview, ContactCode, ReceivedItem, SharedItem, Shares, SharingError, TheirCommitment,
};
use crate::time::Clock;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

/// What kind of thing the other person shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TheirItemKind {
    Entry,
    Commitment,
    ChecklistMark,
    CheckIn,
    DecisionReview,
    Note,
}

impl TheirItemKind {
    pub fn of(item: &SharedItem) -> Self {
        match item {
            SharedItem::Entry(_) => TheirItemKind::Entry,
            SharedItem::Commitment(_) => TheirItemKind::Commitment,
            SharedItem::ChecklistMark(_) => TheirItemKind::ChecklistMark,
            SharedItem::CheckIn(_) => TheirItemKind::CheckIn,
            SharedItem::DecisionReview(_) => TheirItemKind::DecisionReview,
            SharedItem::Note(_) => TheirItemKind::Note,
        }
    }
}

/// A received item as evidence: linked to a step, or offered to be linked. Read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TheirEvidence {
    /// The link's id, once linked to a step.
    #[ts(type = "number | null")]
    pub link_id: Option<i64>,
    /// The received item (the version that was linked, or the current one).
    #[ts(type = "number")]
    pub item_id: i64,
    /// Who shared it: their contact name in the relationship, or else their code's
    /// fingerprint.
    pub shared_by: String,
    /// The fingerprint of the code that signed it.
    pub fingerprint: String,
    pub kind: TheirItemKind,
    /// Their words, as the share's preview renders them: a heading, then its lines.
    pub heading: String,
    pub lines: Vec<String>,
    /// When they made the share, and when it was received here.
    pub sent_at: DateTime<Utc>,
    pub received_at: DateTime<Utc>,
    /// A newer version of the item has been received since; the link stays on this one.
    pub replaced: bool,
}

/// Their name if their code is a contact here, else the code's fingerprint.
fn shared_by(sender: &ContactCode, contact_name: Option<&str>) -> String {
    contact_name.map_or_else(|| sender.fingerprint(), str::to_owned)
}

fn their_evidence(
    link_id: Option<i64>,
    item: &ReceivedItem,
    sender: &ContactCode,
    contact_name: Option<&str>,
    replaced: bool,
) -> TheirEvidence {
    let words = preview(std::iter::once(&item.item)).pop();
    let (heading, lines) = words.map(|p| (p.heading, p.lines)).unwrap_or_default();
    TheirEvidence {
        link_id,
        item_id: item.id,
        shared_by: shared_by(sender, contact_name),
        fingerprint: sender.fingerprint(),
        kind: TheirItemKind::of(&item.item),
        heading,
        lines,
        sent_at: item.sent_at,
        received_at: item.received_at,
        replaced,
    }
}

impl From<SharingError> for ProgressError {
    fn from(e: SharingError) -> Self {
        match e {
            SharingError::Storage(e) => ProgressError::Storage(e),
            SharingError::RelationshipNotFound => ProgressError::RelationshipNotFound,
            SharingError::NotFound => ProgressError::NotFound,
            SharingError::NotOnChecklist => {
                ProgressError::Invalid("that step isn't on this relationship's checklist")
            }
            SharingError::NotInRelationship => {
                ProgressError::Invalid("that shared item isn't part of this relationship")
            }
            _ => ProgressError::Invalid("that shared item can't be used here"),
        }
    }
}

/// The other person's record of their commitments, as they logged and shared it: one
/// series per sender and owner, never summed with the person's own observations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TheirRecord {
    /// Who shared it: their contact name, or else their code's fingerprint.
    pub shared_by: String,
    pub fingerprint: String,
    /// Whose commitments these are, as this vault sees it (the sender's own are `them`).
    pub owner: CommitmentOwner,
    /// The promises, in their words, that this record covers.
    pub promises: Vec<String>,
    /// Days in the range on which they logged something; only logged days are shared,
    /// so nothing here is "not logged" or "upcoming".
    pub days: Vec<DayTally>,
    pub weeks: Vec<WeekTally>,
}

/// A commitment's owner as the sender saw it, turned to the receiver's side.
fn as_received(owner: CommitmentOwner) -> CommitmentOwner {
    match owner {
        CommitmentOwner::Me => CommitmentOwner::Them,
        CommitmentOwner::Them => CommitmentOwner::Me,
        CommitmentOwner::Both => CommitmentOwner::Both,
    }
}

/// Tallies received commitments by sender and owner over `from..=to`, in the order the
/// senders and owners first appear.
pub fn their_record(
    commitments: &[TheirCommitment],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Vec<TheirRecord> {
    let mut groups: Vec<(&TheirCommitment, CommitmentOwner, Vec<String>, Vec<Due>)> = Vec::new();
    for c in commitments {
        let owner = as_received(c.commitment.owner);
        let at = match groups.iter().position(|(g, o, _, _)| g.sender == c.sender && *o == owner) {
            Some(at) => at,
            None => {
                groups.push((c, owner, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        let (_, _, promises, due) = &mut groups[at];
        promises.push(c.commitment.promise.clone());
        due.extend(c.commitment.record.iter().filter(|o| (from..=to).contains(&o.due_on)).map(
            |o| Due {
                on: o.due_on,
                // Whether it was logged ahead is not shared; it changes no day's state.
                logged: Some(Logged { due_on: o.due_on, status: o.status, ahead: false }),
            },
        ));
    }
    groups
        .into_iter()
        .map(|(c, owner, promises, due)| {
            let days = tally_days(&due, today);
            TheirRecord {
                shared_by: shared_by(&c.sender, c.contact_name.as_deref()),
                fingerprint: c.sender.fingerprint(),
                owner,
                promises,
                weeks: tally_weeks(&days),
                days,
            }
        })
        .collect()
}

impl Progress<'_> {
    fn shares(&self) -> Shares<'_> {
        Shares::new(self.conn())
    }

    /// The received items linked to a step, in the order they were linked.
    pub(super) fn their_linked(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
    ) -> Result<Vec<TheirEvidence>, ProgressError> {
        let linked = self.shares().linked_evidence(relationship_id, framework_id, step_id)?;
        Ok(linked
            .iter()
            .map(|l| {
                let name = l.contact_name.as_deref();
                their_evidence(Some(l.link_id), &l.item, &l.sender, name, l.replaced)
            })
            .collect())
    }

    /// What the other person shared into the relationship that could be linked to a step:
    /// the current version of each received item not already linked to it, by sender
    /// (the most recent first), newest share first.
    pub fn their_candidates(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
    ) -> Result<Vec<TheirEvidence>, ProgressError> {
        checked_step(self.role(relationship_id)?, framework_id, step_id)?;
        let linked = self.shares().linked_evidence(relationship_id, framework_id, step_id)?;
        let mut out = Vec::new();
        for from in self.shares().shared_with_me(relationship_id)? {
            let name = from.contact_name.as_deref();
            for item in from.items.iter().filter(|i| linked.iter().all(|l| l.item.id != i.id)) {
                out.push(their_evidence(None, item, &from.sender, name, false));
            }
        }
        Ok(out)
    }

    /// Links a received item as evidence of a step; linking it again keeps one link.
    /// Returns the link's id.
    pub fn link_theirs(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
        item_id: i64,
        clock: &dyn Clock,
    ) -> Result<i64, ProgressError> {
        Ok(self.shares().link_evidence(relationship_id, framework_id, step_id, item_id, clock)?)
    }

    /// Takes a received item off a step's evidence; the item itself stays received.
    pub fn unlink_theirs(&self, link_id: i64) -> Result<(), ProgressError> {
        Ok(self.shares().unlink_evidence(link_id)?)
    }

    /// Their shared commitments' record over `from..=to`, for the dashboard.
    pub(super) fn their_record(
        &self,
        relationship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<TheirRecord>, ProgressError> {
        let commitments = self.shares().shared_commitments(relationship_id)?;
        Ok(their_record(&commitments, from, to, today))
    }
}
