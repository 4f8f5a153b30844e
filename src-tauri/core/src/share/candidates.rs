//! What a relationship has that could be shared, for the person to choose from: its
//! entries, commitments, marked checklist steps, check-ins and decision reviews. Nothing
//! in it is chosen; the person picks, and [`Shares::preview`] shows the exact words.
//!
//! Invariants:
//! - A relationship in own-safety mode offers nothing ([`SharingError::SafetyMode`]), the
//!   same refusal sealing gives.
//! - Entries written from the own-safety steps are never offered (sealing refuses them
//!   too), and only marked steps are offered, as only they can be shared.
use super::store::{Shares, SharingError};
use crate::frameworks::{self, FrameworkKind};
use crate::journal::{entry_from_row, ENTRY_COLUMNS};
use crate::ledger::Commitments;
use crate::progress::checkins::DecisionChoice;
use crate::progress::checklist::LocalDay;
use crate::progress::Progress;
use crate::safety::{RelationshipMode, Safety};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

/// The most recent entries offered (older ones are not listed).
pub const MAX_OFFERED_ENTRIES: u32 = 500;
/// Characters of an entry shown to recognise it by.
const EXCERPT_CHARS: usize = 120;

/// Everything in a relationship that could be shared, newest first within each kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Candidates {
    pub entries: Vec<EntryCandidate>,
    pub commitments: Vec<CommitmentCandidate>,
    pub marks: Vec<MarkCandidate>,
    pub check_ins: Vec<NaiveDate>,
    pub decisions: Vec<DecisionCandidate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EntryCandidate {
    #[ts(type = "number")]
    pub id: i64,
    pub written_at: DateTime<Utc>,
    /// The start of its text, on one line, to recognise it by.
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommitmentCandidate {
    #[ts(type = "number")]
    pub id: i64,
    pub promise: String,
    /// How many days have been logged for it (all of them go with it).
    pub days_logged: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MarkCandidate {
    pub framework_id: String,
    pub step_id: String,
    pub title: String,
    pub marked_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DecisionCandidate {
    #[ts(type = "number")]
    pub id: i64,
    pub decided_on: NaiveDate,
    pub choice: DecisionChoice,
}

fn excerpt(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(EXCERPT_CHARS).collect();
    if flat.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

impl Shares<'_> {
    /// What the person could choose to share from a relationship.
    pub fn candidates(
        &self,
        relationship_id: i64,
        local_day: LocalDay<'_>,
    ) -> Result<Candidates, SharingError> {
        self.relationship_exists(relationship_id)?;
        if self.in_safety_mode(relationship_id)? {
            return Err(SharingError::SafetyMode);
        }
        let mut out = Candidates::default();

        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM entry e WHERE e.relationship_id = ?1
             ORDER BY e.created_at DESC, e.id DESC LIMIT ?2"
        ))?;
        let rows = stmt
            .query_map(rusqlite::params![relationship_id, MAX_OFFERED_ENTRIES], entry_from_row)?;
        for entry in rows {
            let entry = entry?;
            let private = entry
                .meta
                .framework_id
                .as_deref()
                .and_then(frameworks::find)
                .is_some_and(|f| f.kind == FrameworkKind::Safety);
            if !private {
                out.entries.push(EntryCandidate {
                    id: entry.id,
                    written_at: entry.created_at,
                    excerpt: excerpt(&entry.body),
                });
            }
        }

        let commitments = Commitments::new(self.conn);
        let mut list =
            commitments.list(relationship_id).map_err(|_| SharingError::RelationshipNotFound)?;
        list.reverse();
        for c in list {
            let logged = commitments.logged(c.id).map_err(|_| SharingError::NotFound)?;
            out.commitments.push(CommitmentCandidate {
                id: c.id,
                promise: c.promise,
                days_logged: u32::try_from(logged.len()).unwrap_or(u32::MAX),
            });
        }

        let progress = Progress::new(self.conn);
        let lists = progress
            .checklists(relationship_id, local_day)
            .map_err(|_| SharingError::RelationshipNotFound)?;
        for step in lists.iter().flat_map(|l| &l.steps) {
            if let Some(marked_on) = step.marked_on {
                out.marks.push(MarkCandidate {
                    framework_id: step.framework_id.clone(),
                    step_id: step.step_id.clone(),
                    title: step.title.clone(),
                    marked_on,
                });
            }
        }

        let check_ins = progress
            .check_ins(relationship_id, NaiveDate::MIN, NaiveDate::MAX)
            .map_err(|_| SharingError::RelationshipNotFound)?;
        out.check_ins = check_ins.iter().rev().map(|c| c.on).collect();
        let decisions = progress
            .decisions(relationship_id, NaiveDate::MIN, NaiveDate::MAX)
            .map_err(|_| SharingError::RelationshipNotFound)?;
        out.decisions = decisions
            .iter()
            .rev()
            .map(|d| DecisionCandidate { id: d.id, decided_on: d.decided_on, choice: d.choice })
            .collect();
        Ok(out)
    }

    /// Whether a relationship is in own-safety mode, where nothing is shared.
    pub fn in_safety_mode(&self, relationship_id: i64) -> Result<bool, SharingError> {
        let mode = Safety::new(self.conn)
            .mode(relationship_id)
            .map_err(|_| SharingError::RelationshipNotFound)?;
        Ok(mode == RelationshipMode::Safety)
    }
}
