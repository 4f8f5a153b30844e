//! Evidence of progress in one relationship: checklists whose steps are marked with a
//! date and backed by linked evidence, ABCD ratings, the decider's trust level, decision
//! reviews, and how often the person wants to check in.
//!
//! Invariants:
//! - A checklist step marked without evidence is "claimed", never "evidenced".
//! - Evidence is a link to something already in the vault (an entry, an event, a logged
//!   occurrence) of the same relationship; it disappears with the thing it points to.
//!   A received item the other person shared can be linked too ([`theirs`]): it is shown
//!   as theirs and counts as evidence all the same.
//! - Every score is a reflection the person gave; nothing here infers or diagnoses.
pub mod checkins;
pub mod checklist;
pub mod dashboard;
pub mod elements;
pub mod tallies;
pub mod theirs;

use crate::error::record_error;
use crate::ledger::CommitmentError;
use rusqlite::Connection;

/// Longest note or reason kept with a mark, a check-in or a decision.
pub const MAX_NOTE_BYTES: usize = 16 * 1024;

record_error!(
    /// Why a mark, a check-in, a decision or a schedule was refused or not found.
    ProgressError,
    gone: "that no longer exists"
);

impl From<CommitmentError> for ProgressError {
    fn from(e: CommitmentError) -> Self {
        match e {
            CommitmentError::Storage(e) => ProgressError::Storage(e),
            CommitmentError::InvalidDate(e) => ProgressError::InvalidDate(e),
            CommitmentError::InvalidRule(e) => ProgressError::InvalidRule(e),
            CommitmentError::Invalid(m) => ProgressError::Invalid(m),
            CommitmentError::InvalidField { field, message } => {
                ProgressError::InvalidField { field, message }
            }
            CommitmentError::RelationshipNotFound => ProgressError::RelationshipNotFound,
            CommitmentError::NotFound => ProgressError::NotFound,
        }
    }
}

/// The progress records of the vault.
pub struct Progress<'a> {
    conn: &'a Connection,
}

impl<'a> Progress<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    pub(crate) fn conn(&self) -> &'a Connection {
        self.conn
    }
}

fn check_note(text: &str) -> Result<String, ProgressError> {
    if text.len() > MAX_NOTE_BYTES {
        return Err(ProgressError::Invalid("that note is too long to save"));
    }
    Ok(text.trim().to_owned())
}
