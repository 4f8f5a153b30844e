//! Making a share from what a person chose in one relationship: the chosen records are
//! read with the vault's own functions, checked to belong to that relationship, keyed,
//! previewed, and sealed with the next sequence.
//!
//! Invariants:
//! - A relationship in own-safety mode shares nothing ([`SharingError::SafetyMode`]).
//! - Only what was chosen leaves, and only from the chosen relationship: any id of
//!   another relationship refuses the whole share. The safety check and its answers have
//!   no item kind, and writing from the own-safety steps is refused, so neither can leave.
//! - The sequence is taken in the transaction that seals: a share that fails to seal
//!   gives its number back, and two sealed shares never carry the same one.
use super::code::ContactCode;
use super::payload::{
    KeyedItem, SharedCheckIn, SharedCommitment, SharedDecision, SharedEntry, SharedItem,
    SharedMark, SharedNote, SharedOccurrence, MAX_RECORD,
};
use super::preview::preview_text;
use super::seal::{seal, SealTo};
use super::store::{Shares, SharingError};
use crate::frameworks::{self, FrameworkKind};
use crate::journal::Journal;
use crate::ledger::Commitments;
use crate::progress::checklist::LocalDay;
use crate::progress::Progress;
use crate::safety::{RelationshipMode, Safety};
use crate::secret::Passphrase;
use crate::store::atomically;
use crate::time::Clock;
use chrono::NaiveDate;
use rand_core::CryptoRngCore;
use rusqlite::{params, OptionalExtension};

/// What a person chose to share from one relationship. Nothing is shared by default:
/// an empty selection is refused.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub relationship_id: i64,
    pub entry_ids: Vec<i64>,
    /// Commitments, each with every day logged for it.
    pub commitment_ids: Vec<i64>,
    /// Checklist steps, as (framework id, step id), shared with their mark and evidence.
    pub marks: Vec<(String, String)>,
    /// Check-ins, by day.
    pub check_ins: Vec<NaiveDate>,
    pub decision_id: Option<i64>,
    /// A note written for this share alone.
    pub note: Option<String>,
}

/// Whom a share is for: a contact of the same relationship, or a passphrase.
#[derive(Clone, Copy)]
pub enum ShareTo<'a> {
    Contact(i64),
    Passphrase(&'a Passphrase),
}

/// A sealed share: the bytes of the `.mendshare` file and the words it carries.
pub struct Sealed {
    pub file: Vec<u8>,
    /// [`super::preview_text`] of its items: what the receiver will read.
    pub preview: String,
    pub sequence: u64,
}

impl Shares<'_> {
    /// The words a selection would carry, exactly as [`Shares::seal`] would write them,
    /// without sealing or writing anything.
    pub fn preview(
        &self,
        selection: &Selection,
        local_day: LocalDay<'_>,
        clock: &dyn Clock,
    ) -> Result<String, SharingError> {
        let items = self.items(selection, local_day, clock)?;
        Ok(preview_text(&items))
    }

    /// Seals a selection to a contact of its relationship or to a passphrase, with the
    /// vault's identity (made on first use) and its next sequence.
    pub fn seal(
        &self,
        selection: &Selection,
        to: ShareTo<'_>,
        local_day: LocalDay<'_>,
        rng: &mut impl CryptoRngCore,
        clock: &dyn Clock,
    ) -> Result<Sealed, SharingError> {
        let items = self.items(selection, local_day, clock)?;
        let contact = match to {
            ShareTo::Contact(id) => Some(self.contact_code(selection.relationship_id, id)?),
            ShareTo::Passphrase(_) => None,
        };
        atomically(self.conn, || {
            let identity = self.identity(rng, clock)?;
            let sequence = self.take_sequence()?;
            let mut keyed = Vec::with_capacity(items.len());
            for (i, (local_id, item)) in
                self.local_ids(selection).into_iter().zip(&items).enumerate()
            {
                let local_id = match item {
                    SharedItem::Note(_) => format!("{sequence}:{i}"),
                    _ => local_id,
                };
                let key = identity.item_key(item.kind(), &local_id)?;
                keyed.push(KeyedItem { key, item: item.clone() });
            }
            let to = match (&contact, to) {
                (Some(code), _) => SealTo::Contact(code),
                (None, ShareTo::Passphrase(p)) => SealTo::Passphrase(p),
                (None, ShareTo::Contact(_)) => return Err(SharingError::NotFound),
            };
            let file = seal(&identity, to, clock.now(), sequence, keyed)?;
            Ok(Sealed { file, preview: preview_text(&items), sequence })
        })
    }

    fn contact_code(
        &self,
        relationship_id: i64,
        contact_id: i64,
    ) -> Result<ContactCode, SharingError> {
        let code: Option<String> = self
            .conn
            .query_row(
                "SELECT code FROM share_contact WHERE id = ?1 AND relationship_id = ?2",
                params![contact_id, relationship_id],
                |r| r.get(0),
            )
            .optional()?;
        let code = code.ok_or(SharingError::NotInRelationship)?;
        Ok(ContactCode::parse(&code)?)
    }

    /// Each item's id in this vault, in the order [`Shares::items`] reads them.
    fn local_ids(&self, s: &Selection) -> Vec<String> {
        let rel = s.relationship_id;
        let mut out: Vec<String> = Vec::new();
        out.extend(s.entry_ids.iter().map(|id| id.to_string()));
        out.extend(s.commitment_ids.iter().map(|id| id.to_string()));
        out.extend(s.marks.iter().map(|(f, st)| format!("{rel}:{f}:{st}")));
        out.extend(s.check_ins.iter().map(|d| format!("{rel}:{d}")));
        out.extend(s.decision_id.iter().map(|id| id.to_string()));
        out.extend(s.note.iter().map(|_| String::new()));
        out
    }

    /// The chosen records as share items, each checked to belong to the relationship.
    fn items(
        &self,
        s: &Selection,
        local_day: LocalDay<'_>,
        clock: &dyn Clock,
    ) -> Result<Vec<SharedItem>, SharingError> {
        let rel = s.relationship_id;
        self.relationship_exists(rel)?;
        if Safety::new(self.conn).mode(rel).map_err(|_| SharingError::RelationshipNotFound)?
            == RelationshipMode::Safety
        {
            return Err(SharingError::SafetyMode);
        }
        let mut items = Vec::new();

        let journal = Journal::new(self.conn);
        for id in &s.entry_ids {
            let entry = journal.get(*id).map_err(|_| SharingError::NotInRelationship)?;
            if entry.meta.relationship_id != Some(rel) {
                return Err(SharingError::NotInRelationship);
            }
            let private = entry
                .meta
                .framework_id
                .as_deref()
                .and_then(frameworks::find)
                .is_some_and(|f| f.kind == FrameworkKind::Safety);
            if private {
                return Err(SharingError::Private);
            }
            items.push(SharedItem::Entry(SharedEntry::from(&entry)));
        }

        let commitments = Commitments::new(self.conn);
        for id in &s.commitment_ids {
            let c = commitments.get(*id).map_err(|_| SharingError::NotInRelationship)?;
            if c.relationship_id != rel {
                return Err(SharingError::NotInRelationship);
            }
            let mut logged = commitments.logged(c.id).map_err(|_| SharingError::NotFound)?;
            logged.sort_by_key(|(l, _)| l.due_on);
            let skip = logged.len().saturating_sub(MAX_RECORD);
            items.push(SharedItem::Commitment(SharedCommitment {
                owner: c.owner,
                promise: c.promise.clone(),
                repeat: c.repeat_description.clone(),
                starts_on: c.starts_on,
                ends_on: c.ends_on,
                kept_looks_like: c.kept_looks_like.clone(),
                record: logged
                    .into_iter()
                    .skip(skip)
                    .map(|(l, note)| SharedOccurrence { due_on: l.due_on, status: l.status, note })
                    .collect(),
            }));
        }

        let progress = Progress::new(self.conn);
        if !s.marks.is_empty() {
            let lists = progress
                .checklists(rel, local_day)
                .map_err(|_| SharingError::RelationshipNotFound)?;
            for (framework, step) in &s.marks {
                let found = lists
                    .iter()
                    .filter(|l| &l.framework_id == framework)
                    .flat_map(|l| &l.steps)
                    .find(|st| &st.step_id == step)
                    .and_then(SharedMark::from_step);
                items
                    .push(SharedItem::ChecklistMark(found.ok_or(SharingError::NotInRelationship)?));
            }
        }

        for day in &s.check_ins {
            let found = progress
                .check_ins(rel, *day, *day)
                .map_err(|_| SharingError::RelationshipNotFound)?;
            let check_in = found.first().ok_or(SharingError::NotInRelationship)?;
            items.push(SharedItem::CheckIn(SharedCheckIn::from(check_in)));
        }

        if let Some(id) = s.decision_id {
            let day: Option<String> = self
                .conn
                .query_row(
                    "SELECT decided_on FROM decision WHERE id = ?1 AND relationship_id = ?2",
                    params![id, rel],
                    |r| r.get(0),
                )
                .optional()?;
            let day = day
                .and_then(|d| d.parse::<NaiveDate>().ok())
                .ok_or(SharingError::NotInRelationship)?;
            let decisions = progress
                .decisions(rel, day, day)
                .map_err(|_| SharingError::RelationshipNotFound)?;
            let decision =
                decisions.iter().find(|d| d.id == id).ok_or(SharingError::NotInRelationship)?;
            items.push(SharedItem::DecisionReview(SharedDecision::from(decision)));
        }

        if let Some(text) = &s.note {
            if text.trim().is_empty() {
                return Err(SharingError::EmptyNote);
            }
            items
                .push(SharedItem::Note(SharedNote { written_at: clock.now(), text: text.clone() }));
        }
        Ok(items)
    }
}
