//! The five-step repair conversation: notes to prepare each step, then how it went,
//! ending with a commitment from the other person and, unless the journal keeper is the
//! decider, one of their own. Those commitments are stored in the
//! `commitment` table, in the shape the commitments ledger uses.
use crate::error::record_error;
use crate::frameworks::Role;
use crate::ledger::{commitment_from_row, Commitment, CommitmentOwner, COMMITMENT_COLUMNS};
use crate::relationships::{EventInput, EventKind, Relationships};
use crate::store::atomically;
use crate::time::dates;
use crate::time::instant::{from_millis, to_millis};
use crate::time::Clock;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The conversation's steps, as in frameworks/repair-conversation.toml.
pub const STEPS: [&str; 5] =
    ["their-perspective", "ask-to-share", "share-impact", "align", "commit"];
const MAX_TEXT_BYTES: usize = 64 * 1024;

record_error!(
    /// Why a conversation plan or its outcome was refused or not found.
    ConversationError,
    gone: "that conversation no longer exists"
);

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conversation {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub relationship_id: i64,
    /// Preparation notes by step id.
    pub notes: BTreeMap<String, String>,
    pub planned_on: Option<NaiveDate>,
    pub held_on: Option<NaiveDate>,
    pub outcome: String,
    pub commitments: Vec<Commitment>,
    /// Whether the outcome may be noted without a commitment of the journal keeper's own
    /// (see [`own_commitment_optional`]).
    pub own_commitment_optional: bool,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ConversationPlan {
    pub notes: BTreeMap<String, String>,
    /// `YYYY-MM-DD`, or empty.
    pub planned_on: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConversationOutcome {
    /// `YYYY-MM-DD`.
    pub held_on: String,
    pub outcome: String,
    /// One clear commitment from the person keeping the journal (may be empty when they
    /// are the decider)…
    pub my_commitment: String,
    /// …and one from the other person.
    pub their_commitment: String,
}

pub struct Conversations<'a> {
    conn: &'a Connection,
}

fn check_plan(
    plan: &ConversationPlan,
) -> Result<(BTreeMap<String, String>, Option<NaiveDate>), ConversationError> {
    let mut notes = BTreeMap::new();
    for (step, text) in &plan.notes {
        if !STEPS.contains(&step.as_str()) {
            return Err(ConversationError::Invalid(
                "those notes are for a step the conversation doesn't have",
            ));
        }
        if text.len() > MAX_TEXT_BYTES {
            return Err(ConversationError::Invalid("those notes are too long to save"));
        }
        if !text.trim().is_empty() {
            notes.insert(step.clone(), text.clone());
        }
    }
    Ok((notes, dates::parse_optional(plan.planned_on.as_deref())?))
}

impl<'a> Conversations<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    pub fn list(&self, relationship_id: i64) -> Result<Vec<Conversation>, ConversationError> {
        Relationships::new(self.conn).get(relationship_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM conversation WHERE relationship_id = ?1 ORDER BY created_at DESC, id DESC",
        )?;
        let ids: Vec<i64> =
            stmt.query_map([relationship_id], |r| r.get(0))?.collect::<Result<_, _>>()?;
        ids.into_iter().map(|id| self.get(id)).collect()
    }

    pub fn get(&self, id: i64) -> Result<Conversation, ConversationError> {
        let row = self
            .conn
            .query_row(
                "SELECT id, relationship_id, notes, planned_on, held_on, outcome, updated_at
                 FROM conversation WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, i64>(6)?,
                    ))
                },
            )
            .optional()?
            .ok_or(ConversationError::NotFound)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COMMITMENT_COLUMNS} FROM commitment WHERE conversation_id = ?1 ORDER BY id"
        ))?;
        let commitments = stmt.query_map([id], commitment_from_row)?.collect::<Result<_, _>>()?;
        let role = Relationships::new(self.conn).get(row.1)?.role;
        Ok(Conversation {
            id: row.0,
            relationship_id: row.1,
            notes: serde_json::from_str(&row.2).unwrap_or_default(),
            planned_on: row.3.and_then(|d| dates::parse(&d).ok()),
            held_on: row.4.and_then(|d| dates::parse(&d).ok()),
            outcome: row.5,
            commitments,
            own_commitment_optional: own_commitment_optional(role),
            updated_at: from_millis(row.6),
        })
    }

    pub fn create(
        &self,
        relationship_id: i64,
        plan: &ConversationPlan,
        clock: &dyn Clock,
    ) -> Result<Conversation, ConversationError> {
        Relationships::new(self.conn).get(relationship_id)?;
        let (notes, planned_on) = check_plan(plan)?;
        let now = to_millis(clock.now());
        self.conn.execute(
            "INSERT INTO conversation (relationship_id, notes, planned_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![relationship_id, to_json(&notes)?, planned_on.map(|d| d.to_string()), now],
        )?;
        self.get(self.conn.last_insert_rowid())
    }

    /// Saves the preparation notes (called as the person types).
    pub fn save_plan(
        &self,
        id: i64,
        plan: &ConversationPlan,
        clock: &dyn Clock,
    ) -> Result<Conversation, ConversationError> {
        let (notes, planned_on) = check_plan(plan)?;
        let changed = self.conn.execute(
            "UPDATE conversation SET notes = ?2, planned_on = ?3, updated_at = ?4 WHERE id = ?1",
            params![
                id,
                to_json(&notes)?,
                planned_on.map(|d| d.to_string()),
                to_millis(clock.now())
            ],
        )?;
        if changed == 0 {
            return Err(ConversationError::NotFound);
        }
        self.get(id)
    }

    /// Records how it went and the commitments that closed it (the other person's always;
    /// the journal keeper's own too, except for a decider, for whom it is optional); marks the day as a
    /// milestone in the relationship's events. Recording again replaces the commitments.
    pub fn record_outcome(
        &self,
        id: i64,
        outcome: &ConversationOutcome,
        clock: &dyn Clock,
    ) -> Result<Conversation, ConversationError> {
        let conv = self.get(id)?;
        let now = clock.now();
        let held_on = dates::parse_past(&outcome.held_on, now)?;
        let mine = outcome.my_commitment.trim();
        let theirs = outcome.their_commitment.trim();
        if theirs.is_empty() {
            return Err(ConversationError::Invalid(
                "the conversation ends with a commitment from the other person",
            ));
        }
        if mine.is_empty() && !conv.own_commitment_optional {
            return Err(ConversationError::Invalid(
                "the conversation ends with one commitment from each of you",
            ));
        }
        if outcome.outcome.len() > MAX_TEXT_BYTES || mine.len() > 2000 || theirs.len() > 2000 {
            return Err(ConversationError::Invalid("that text is too long to save"));
        }
        let first_time = conv.held_on.is_none();
        atomically(self.conn, || {
            self.conn.execute(
                "UPDATE conversation SET held_on = ?2, outcome = ?3, updated_at = ?4 WHERE id = ?1",
                params![id, held_on.to_string(), outcome.outcome, to_millis(now)],
            )?;
            self.conn.execute("DELETE FROM commitment WHERE conversation_id = ?1", [id])?;
            let promises = [(CommitmentOwner::Me, mine), (CommitmentOwner::Them, theirs)];
            for (owner, promise) in promises.into_iter().filter(|(_, text)| !text.is_empty()) {
                self.conn.execute(
                    "INSERT INTO commitment (relationship_id, owner, promise, starts_on, conversation_id, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![conv.relationship_id, owner.as_str(), promise, held_on.to_string(), id, to_millis(now)],
                )?;
            }
            if first_time {
                let event = EventInput {
                    kind: EventKind::Milestone,
                    occurred_on: held_on.to_string(),
                    note: "Repair conversation".into(),
                };
                Relationships::new(self.conn).add_event(conv.relationship_id, &event, clock)?;
            }
            Ok::<_, ConversationError>(())
        })?;
        self.get(id)
    }

    pub fn delete(&self, id: i64) -> Result<(), ConversationError> {
        match self.conn.execute("DELETE FROM conversation WHERE id = ?1", [id])? {
            0 => Err(ConversationError::NotFound),
            _ => Ok(()),
        }
    }
}

/// Whether the person keeping the journal may close a conversation without a commitment
/// of their own: the decider may (the repair is not theirs to make), the repairer may not.
pub fn own_commitment_optional(role: Role) -> bool {
    matches!(role, Role::Decider)
}

fn to_json(notes: &BTreeMap<String, String>) -> Result<String, ConversationError> {
    serde_json::to_string(notes)
        .map_err(|_| ConversationError::Invalid("those notes could not be kept"))
}
