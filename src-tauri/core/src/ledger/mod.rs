//! The commitments ledger: promises with a schedule, each due occurrence logged as
//! kept, partly kept, missed or renegotiated, and the consistency that shows. The
//! repairer logs their own commitments; the decider logs what they saw of the other's.
//!
//! One name across the app: this module stores the ledger (`Commitments`), `rules`
//! holds its pure arithmetic (due dates, score, streaks), the app's commands are
//! `commands/ledger.rs` and the UI's feature is `features/ledger/`.
pub mod rules;

pub use rules::{
    check_rule, consistency, due_dates, streak, weight, Consistency, Logged, OccurrenceStatus,
    RuleError, Streak, SCORE_FORMULA,
};

use crate::error::record_error;
use crate::frameworks::Role;
use crate::relationships::Relationships;
use crate::reminders::{Reminder, ReminderKind};
use crate::repeat::{describe_rule, Repeat};
use crate::safety::MODE_SQL;
use crate::time::dates;
use crate::time::instant::to_millis;
use crate::time::Clock;
use chrono::{Duration, NaiveDate, NaiveTime, Timelike};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const MAX_TEXT_BYTES: usize = 4096;
/// How far back the ledger lists occurrences, and how far ahead.
const HISTORY_DAYS: i64 = 90;
const AHEAD_DAYS: i64 = 14;

record_error!(
    /// Why a commitment or its log was refused or not found.
    CommitmentError,
    gone: "that commitment no longer exists"
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CommitmentOwner {
    /// The person keeping this journal.
    Me,
    /// The other person in the relationship.
    Them,
    Both,
}

impl CommitmentOwner {
    /// The owners in the order a role reads them: the decider the other person's
    /// first, the repairer their own; shared ones last.
    pub fn order_for(role: Role) -> [CommitmentOwner; 3] {
        match role {
            Role::Decider => [CommitmentOwner::Them, CommitmentOwner::Me, CommitmentOwner::Both],
            Role::Repairer => [CommitmentOwner::Me, CommitmentOwner::Them, CommitmentOwner::Both],
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentOwner::Me => "me",
            CommitmentOwner::Them => "them",
            CommitmentOwner::Both => "both",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "me" => CommitmentOwner::Me,
            "them" => CommitmentOwner::Them,
            _ => CommitmentOwner::Both,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Commitment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub relationship_id: i64,
    pub owner: CommitmentOwner,
    pub promise: String,
    /// The stored RFC 5545 recurrence rule; none for a one-off due on `starts_on`.
    /// For due dates and reminders only: the UI reads `repeat`, so it never crosses IPC.
    #[serde(skip)]
    #[ts(skip)]
    pub rrule: Option<String>,
    /// How often it falls due, read from `rrule`.
    pub repeat: Repeat,
    /// `repeat` in words ("Every Monday and Thursday"; "Once" for a one-off, whose day
    /// the UI writes out in the reader's locale).
    pub repeat_description: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    /// How anyone could tell it was kept.
    pub kept_looks_like: String,
    #[ts(type = "number | null")]
    pub conversation_id: Option<i64>,
    /// Local time of day for its reminder, "HH:MM".
    pub due_time: Option<String>,
    pub remind: bool,
    /// Whether its reminder may show the promise's wording (only while unlocked).
    pub show_details: bool,
}

pub(crate) const COMMITMENT_COLUMNS: &str =
    "id, relationship_id, owner, promise, rrule, starts_on, ends_on, \
     kept_looks_like, conversation_id, due_time, remind, show_details";

pub(crate) fn commitment_from_row(row: &Row<'_>) -> rusqlite::Result<Commitment> {
    let owner: String = row.get(2)?;
    let starts: String = row.get(5)?;
    let ends: Option<String> = row.get(6)?;
    let rrule: Option<String> = row.get(4)?;
    let starts_on = dates::parse(&starts).unwrap_or_default();
    let repeat = Repeat::from_rrule(rrule.as_deref(), starts_on);
    Ok(Commitment {
        id: row.get(0)?,
        relationship_id: row.get(1)?,
        owner: CommitmentOwner::parse(&owner),
        promise: row.get(3)?,
        repeat_description: describe_rule(rrule.as_deref(), Some(starts_on)),
        repeat,
        rrule,
        starts_on,
        ends_on: ends.and_then(|e| dates::parse(&e).ok()),
        kept_looks_like: row.get(7)?,
        conversation_id: row.get(8)?,
        due_time: row.get(9)?,
        remind: row.get::<_, i64>(10)? != 0,
        show_details: row.get::<_, i64>(11)? != 0,
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommitmentInput {
    pub owner: CommitmentOwner,
    pub promise: String,
    /// How often it falls due; a one-off has no end date.
    pub repeat: Repeat,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: Option<String>,
    #[serde(default)]
    pub kept_looks_like: String,
    /// "HH:MM", or empty.
    #[serde(default)]
    pub due_time: Option<String>,
    #[serde(default)]
    pub remind: bool,
    #[serde(default)]
    pub show_details: bool,
}

struct CheckedInput {
    promise: String,
    rrule: Option<String>,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    due_time: Option<String>,
}

/// A local time of day, "HH:MM" (seconds, which some time fields add, are dropped).
pub(crate) fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S%.f"))
        .ok()
        .map(|t| t.with_second(0).unwrap_or(t).with_nanosecond(0).unwrap_or(t))
}

fn refuse(field: &'static str, message: &'static str) -> CommitmentError {
    CommitmentError::InvalidField { field, message }
}

/// Every rule a commitment keeps, in the order the form shows its fields; each refusal
/// names its field.
fn check(input: &CommitmentInput) -> Result<CheckedInput, CommitmentError> {
    let promise = input.promise.trim().to_owned();
    if promise.is_empty() {
        return Err(refuse("promise", "please write a few words about what was promised"));
    }
    if promise.len() > MAX_TEXT_BYTES {
        return Err(refuse("promise", "a commitment needs a few words saying what was promised"));
    }
    if input.kept_looks_like.len() > MAX_TEXT_BYTES {
        return Err(refuse(
            "keptLooksLike",
            "a commitment needs a few words saying what was promised",
        ));
    }
    let starts_on = dates::parse(&input.starts_on)
        .map_err(|_| refuse("startsOn", "please choose the day it starts"))?;
    input.repeat.check(starts_on)?;
    let rrule = input.repeat.to_rrule().map(|r| r.trim().to_owned());
    // A one-off has no end: it is due once, on its start day.
    let ends_on = match rrule {
        None => None,
        Some(_) => dates::parse_optional(input.ends_on.as_deref())
            .map_err(|_| refuse("endsOn", "that end date isn't a day on the calendar"))?,
    };
    if ends_on.is_some_and(|e| e < starts_on) {
        return Err(RuleError::EndsBeforeStart.into());
    }
    let due_time = match input.due_time.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Some(
            parse_time(t)
                .ok_or(refuse("dueTime", "that time couldn't be read. Please choose it again"))?
                .format("%H:%M")
                .to_string(),
        ),
        None => None,
    };
    if input.remind && due_time.is_none() {
        return Err(refuse("dueTime", "please choose a time for the reminder"));
    }
    Ok(CheckedInput { promise, rrule, starts_on, ends_on, due_time })
}

/// One due date of a commitment, logged or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OccurrenceView {
    pub due_on: NaiveDate,
    /// None: not logged (yet).
    pub status: Option<OccurrenceStatus>,
    pub ahead: bool,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommitmentLedger {
    pub commitment: Commitment,
    /// The last 90 days and the next 14, oldest first.
    pub occurrences: Vec<OccurrenceView>,
    pub last30: Consistency,
    pub last90: Consistency,
    pub streak: Streak,
}

/// The consistency of one owner's commitments: never mixed with another owner's.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OwnerScore {
    pub owner: CommitmentOwner,
    pub last30: Consistency,
    pub last90: Consistency,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RelationshipLedger {
    pub commitments: Vec<CommitmentLedger>,
    /// One score per owner with a commitment here, in `owner_order` for the role
    /// ("both" once, as shared).
    pub owners: Vec<OwnerScore>,
    /// How the score is worked out, in plain words.
    pub formula: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OccurrenceLog {
    /// `YYYY-MM-DD`: one of the commitment's due dates.
    pub due_on: String,
    pub status: OccurrenceStatus,
    #[serde(default)]
    pub note: String,
}

/// The consistency of some commitments together: their counts summed, their scores
/// weighted by how many occurrences each logged.
fn total(
    commitments: &[&CommitmentLedger],
    window_of: impl Fn(&CommitmentLedger) -> &Consistency,
    today: NaiveDate,
    window: u32,
) -> Consistency {
    let mut sum = rules::consistency(&[], &[], today, window);
    let mut weighted = 0.0;
    let mut count = 0u32;
    for c in commitments {
        let part = window_of(c);
        sum.kept += part.kept;
        sum.partly += part.partly;
        sum.renegotiated += part.renegotiated;
        sum.missed += part.missed;
        sum.not_logged += part.not_logged;
        let n = part.kept + part.partly + part.renegotiated + part.missed;
        if let Some(s) = part.score {
            weighted += s * f64::from(n);
            count += n;
        }
    }
    sum.score = (count > 0).then(|| weighted / f64::from(count));
    sum
}

pub struct Commitments<'a> {
    conn: &'a Connection,
}

impl<'a> Commitments<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    pub fn get(&self, id: i64) -> Result<Commitment, CommitmentError> {
        self.conn
            .query_row(
                &format!("SELECT {COMMITMENT_COLUMNS} FROM commitment WHERE id = ?1"),
                [id],
                commitment_from_row,
            )
            .optional()?
            .ok_or(CommitmentError::NotFound)
    }

    /// Every commitment of a relationship, oldest first.
    pub fn list(&self, relationship_id: i64) -> Result<Vec<Commitment>, CommitmentError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COMMITMENT_COLUMNS} FROM commitment WHERE relationship_id = ?1 ORDER BY starts_on, id"
        ))?;
        let rows = stmt.query_map([relationship_id], commitment_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn create(
        &self,
        relationship_id: i64,
        input: &CommitmentInput,
        clock: &dyn Clock,
    ) -> Result<Commitment, CommitmentError> {
        Relationships::new(self.conn).get(relationship_id)?;
        let c = check(input)?;
        self.conn.execute(
            "INSERT INTO commitment (relationship_id, owner, promise, rrule, starts_on, ends_on, kept_looks_like,
                                     due_time, remind, show_details, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                relationship_id,
                input.owner.as_str(),
                c.promise,
                c.rrule,
                c.starts_on.to_string(),
                c.ends_on.map(|d| d.to_string()),
                input.kept_looks_like.trim(),
                c.due_time,
                input.remind,
                input.show_details,
                to_millis(clock.now())
            ],
        )?;
        self.get(self.conn.last_insert_rowid())
    }

    /// Changes a commitment. Logged occurrences stay, even on dates no longer due.
    pub fn update(&self, id: i64, input: &CommitmentInput) -> Result<Commitment, CommitmentError> {
        let c = check(input)?;
        let changed = self.conn.execute(
            "UPDATE commitment SET owner = ?2, promise = ?3, rrule = ?4, starts_on = ?5, ends_on = ?6,
                    kept_looks_like = ?7, due_time = ?8, remind = ?9, show_details = ?10
             WHERE id = ?1",
            params![
                id,
                input.owner.as_str(),
                c.promise,
                c.rrule,
                c.starts_on.to_string(),
                c.ends_on.map(|d| d.to_string()),
                input.kept_looks_like.trim(),
                c.due_time,
                input.remind,
                input.show_details
            ],
        )?;
        if changed == 0 {
            return Err(CommitmentError::NotFound);
        }
        self.get(id)
    }

    /// Deletes a commitment and its logged occurrences.
    pub fn delete(&self, id: i64) -> Result<(), CommitmentError> {
        match self.conn.execute("DELETE FROM commitment WHERE id = ?1", [id])? {
            0 => Err(CommitmentError::NotFound),
            _ => Ok(()),
        }
    }

    /// Logs one due occurrence. Only a real due date can be logged; only renegotiation
    /// can be logged for a day still ahead. Logging again replaces the earlier log.
    pub fn log(
        &self,
        commitment_id: i64,
        entry: &OccurrenceLog,
        today: NaiveDate,
        clock: &dyn Clock,
    ) -> Result<OccurrenceView, CommitmentError> {
        let c = self.get(commitment_id)?;
        let due_on = dates::parse(&entry.due_on)?;
        let due = rules::due_dates(c.rrule.as_deref(), c.starts_on, c.ends_on, due_on, due_on)?;
        if due.is_empty() {
            return Err(CommitmentError::Invalid("that day isn't one this commitment falls due"));
        }
        if due_on > today && entry.status != OccurrenceStatus::Renegotiated {
            return Err(CommitmentError::Invalid(
                "a day still ahead can only be renegotiated, not logged as kept or missed",
            ));
        }
        if entry.note.len() > MAX_TEXT_BYTES {
            return Err(CommitmentError::Invalid("that note is too long to save"));
        }
        let ahead = due_on >= today;
        self.conn.execute(
            "INSERT INTO occurrence (commitment_id, due_on, status, ahead, note, logged_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (commitment_id, due_on) DO UPDATE SET
                status = excluded.status, ahead = excluded.ahead, note = excluded.note, logged_at = excluded.logged_at",
            params![commitment_id, due_on.to_string(), entry.status.as_str(), ahead, entry.note.trim(), to_millis(clock.now())],
        )?;
        Ok(OccurrenceView {
            due_on,
            status: Some(entry.status),
            ahead,
            note: entry.note.trim().to_owned(),
        })
    }

    /// Takes back a log: the occurrence shows as not logged again.
    pub fn unlog(&self, commitment_id: i64, due_on: &str) -> Result<(), CommitmentError> {
        let due_on = dates::parse(due_on)?;
        self.conn.execute(
            "DELETE FROM occurrence WHERE commitment_id = ?1 AND due_on = ?2",
            params![commitment_id, due_on.to_string()],
        )?;
        Ok(())
    }

    pub(crate) fn logged(
        &self,
        commitment_id: i64,
    ) -> Result<Vec<(Logged, String)>, CommitmentError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT due_on, status, ahead, note FROM occurrence WHERE commitment_id = ?1",
        )?;
        let rows = stmt.query_map([commitment_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (due, status, ahead, note) = row?;
            if let (Ok(due_on), Some(status)) =
                (dates::parse(&due), OccurrenceStatus::parse(&status))
            {
                out.push((Logged { due_on, status, ahead: ahead != 0 }, note));
            }
        }
        Ok(out)
    }

    /// The ledger of one relationship as of `today` (the person's local date).
    pub fn ledger(
        &self,
        relationship_id: i64,
        today: NaiveDate,
    ) -> Result<RelationshipLedger, CommitmentError> {
        let relationship = Relationships::new(self.conn).get(relationship_id)?;
        let from = today - Duration::days(HISTORY_DAYS - 1);
        let to = today + Duration::days(AHEAD_DAYS);
        let mut commitments = Vec::new();
        for c in self.list(relationship_id)? {
            let due = rules::due_dates(c.rrule.as_deref(), c.starts_on, c.ends_on, from, to)?;
            let logged = self.logged(c.id)?;
            let logs: Vec<Logged> = logged.iter().map(|(l, _)| *l).collect();
            let occurrences = due
                .iter()
                .map(|d| {
                    let found = logged.iter().find(|(l, _)| l.due_on == *d);
                    OccurrenceView {
                        due_on: *d,
                        status: found.map(|(l, _)| l.status),
                        ahead: found.is_some_and(|(l, _)| l.ahead),
                        note: found.map(|(_, n)| n.clone()).unwrap_or_default(),
                    }
                })
                .collect();
            // Streaks look at the whole history, not just the window shown.
            let history =
                rules::due_dates(c.rrule.as_deref(), c.starts_on, c.ends_on, c.starts_on, today)?;
            let entry = CommitmentLedger {
                last30: rules::consistency(&due, &logs, today, 30),
                last90: rules::consistency(&due, &logs, today, 90),
                streak: rules::streak(&history, &logs, today),
                occurrences,
                commitment: c,
            };
            commitments.push(entry);
        }
        let owners = CommitmentOwner::order_for(relationship.role)
            .into_iter()
            .filter(|o| commitments.iter().any(|c| c.commitment.owner == *o))
            .map(|owner| {
                let mine: Vec<&CommitmentLedger> =
                    commitments.iter().filter(|c| c.commitment.owner == owner).collect();
                OwnerScore {
                    owner,
                    last30: total(&mine, |c| &c.last30, today, 30),
                    last90: total(&mine, |c| &c.last90, today, 90),
                }
            })
            .collect();
        Ok(RelationshipLedger { commitments, owners, formula: SCORE_FORMULA.to_owned() })
    }

    /// The reminders of every commitment that asked for one: times and rules only. A
    /// relationship in safety mode gets none: no nudges to keep rebuilding.
    pub fn reminders(&self) -> Result<Vec<Reminder>, CommitmentError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COMMITMENT_COLUMNS} FROM commitment WHERE remind = 1 AND due_time IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM safety_check s
                               WHERE s.relationship_id = commitment.relationship_id AND {MODE_SQL} = 'safety')
             ORDER BY id"
        ))?;
        let rows = stmt.query_map([], commitment_from_row)?;
        let mut out = Vec::new();
        for c in rows {
            let c = c?;
            let Some(at) = c.due_time.as_deref().and_then(parse_time) else { continue };
            out.push(Reminder {
                id: format!("commitment-{}", c.id),
                kind: ReminderKind::CommitmentDue,
                enabled: true,
                at,
                weekday: None,
                rrule: c.rrule,
                starts_on: Some(c.starts_on),
                ends_on: c.ends_on,
                snoozed_until: None,
                show_details: c.show_details,
                relationship_id: Some(c.relationship_id),
            });
        }
        Ok(out)
    }
}
