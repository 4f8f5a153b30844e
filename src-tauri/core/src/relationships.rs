//! Relationships: whose trust is at stake, which side the person is on, what happened,
//! and the events (the original breach, repeat breaches, milestones) that mark charts.
use crate::error::ErrorKind;
use crate::frameworks::{BreachKind, Role};
use crate::store::atomically;
use crate::time::dates::{self, DateError};
use crate::time::instant::{from_millis, to_millis};
use crate::time::Clock;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub mod setting;
pub use setting::{Context, Power, Setting};

pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum RelationshipError {
    #[error("that relationship no longer exists")]
    NotFound,
    #[error("a relationship needs a name or nickname (up to 80 characters)")]
    InvalidName,
    #[error("{0}")]
    InvalidDate(#[from] DateError),
    /// The day it happened is impossible or still to come (the form's `happenedOn`).
    #[error("{0}")]
    InvalidHappenedOn(DateError),
    #[error("that text is too long to save")]
    TooLong,
    /// Who holds more power was given for a setting that is not work (the form's `power`).
    #[error("who holds more power can only be set for a work relationship")]
    PowerOutsideWork,
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
}

impl RelationshipError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::NotFound => ErrorKind::NotFound,
            Self::InvalidName => ErrorKind::InvalidInput { field: Some("name") },
            Self::InvalidDate(d) => d.kind(),
            Self::InvalidHappenedOn(_) => ErrorKind::InvalidInput { field: Some("happenedOn") },
            Self::TooLong => ErrorKind::TooLarge,
            Self::PowerOutsideWork => ErrorKind::InvalidInput { field: Some("power") },
            Self::Storage(_) => ErrorKind::Io,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Relationship {
    #[ts(type = "number")]
    pub id: i64,
    /// The other person: a name or a nickname.
    pub name: String,
    pub role: Role,
    pub what_happened: String,
    pub happened_on: Option<NaiveDate>,
    pub breach_kind: BreachKind,
    pub created_at: DateTime<Utc>,
    /// Work or personal, and who the other side is; unset unless the person chose it.
    pub setting: Option<Setting>,
    /// At work, who holds more power; never set outside work.
    pub power: Option<Power>,
    /// The situations this relationship is in (from setting and power), which decide
    /// the framework variants it is shown.
    pub contexts: Vec<Context>,
}

/// What the person fills in. Dates arrive as text and are checked here.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RelationshipInput {
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub what_happened: String,
    /// `YYYY-MM-DD`, or empty if unknown.
    #[serde(default)]
    pub happened_on: Option<String>,
    pub breach_kind: BreachKind,
    /// Optional; absent or null leaves it unset.
    #[serde(default)]
    pub setting: Option<Setting>,
    /// Only for a work setting; left out, a manager or a report implies it.
    #[serde(default)]
    pub power: Option<Power>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum EventKind {
    /// The original breach.
    Breach,
    /// It happened again.
    RepeatBreach,
    /// Something worth marking: a conversation, a turning point.
    Milestone,
}

impl EventKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EventKind::Breach => "breach",
            EventKind::RepeatBreach => "repeatBreach",
            EventKind::Milestone => "milestone",
        }
    }

    pub(crate) fn parse(s: &str) -> EventKind {
        match s {
            "breach" => EventKind::Breach,
            "repeatBreach" => EventKind::RepeatBreach,
            _ => EventKind::Milestone,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RelationshipEvent {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub relationship_id: i64,
    pub kind: EventKind,
    pub occurred_on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EventInput {
    pub kind: EventKind,
    /// `YYYY-MM-DD`.
    pub occurred_on: String,
    #[serde(default)]
    pub note: String,
}

pub struct Relationships<'a> {
    conn: &'a Connection,
}

fn relationship_from_row(row: &Row<'_>) -> rusqlite::Result<Relationship> {
    let role: String = row.get(2)?;
    let kind: String = row.get(5)?;
    let happened: Option<String> = row.get(4)?;
    let setting = row.get::<_, Option<String>>(7)?.and_then(|s| Setting::parse(&s));
    let power = row.get::<_, Option<String>>(8)?.and_then(|p| Power::parse(&p));
    Ok(Relationship {
        id: row.get(0)?,
        name: row.get(1)?,
        role: Role::parse(&role).unwrap_or(Role::Repairer),
        what_happened: row.get(3)?,
        happened_on: happened.and_then(|d| dates::parse(&d).ok()),
        breach_kind: BreachKind::parse(&kind).unwrap_or(BreachKind::Care),
        created_at: from_millis(row.get(6)?),
        setting,
        power,
        contexts: setting::contexts(setting, power),
    })
}

fn event_from_row(row: &Row<'_>) -> rusqlite::Result<RelationshipEvent> {
    let kind: String = row.get(2)?;
    let on: String = row.get(3)?;
    Ok(RelationshipEvent {
        id: row.get(0)?,
        relationship_id: row.get(1)?,
        kind: EventKind::parse(&kind),
        occurred_on: dates::parse(&on).unwrap_or_default(),
        note: row.get(4)?,
    })
}

struct Checked {
    name: String,
    happened_on: Option<NaiveDate>,
    setting: Option<&'static str>,
    power: Option<&'static str>,
}

fn check(input: &RelationshipInput, now: DateTime<Utc>) -> Result<Checked, RelationshipError> {
    let name = input.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(RelationshipError::InvalidName);
    }
    if input.what_happened.len() > MAX_TEXT_BYTES {
        return Err(RelationshipError::TooLong);
    }
    let happened_on = match input.happened_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(t) => Some(dates::parse_past(t, now).map_err(RelationshipError::InvalidHappenedOn)?),
    };
    let (setting, power) = setting::check(input.setting, input.power)
        .map_err(|setting::PowerOutsideWork| RelationshipError::PowerOutsideWork)?;
    Ok(Checked {
        name,
        happened_on,
        setting: setting.map(Setting::as_str),
        power: power.map(Power::as_str),
    })
}

/// The setting that remembers when the person last said "Not now" to taking the safety
/// check again (UTC milliseconds; no words of theirs). Removed with the relationship.
pub(crate) fn declined_safety_offer_key(relationship_id: i64) -> String {
    format!("safety.offerDeclinedAt.{relationship_id}")
}

/// The settings that turn "on this day" off for one relationship (a flag; no words).
/// Removed with the relationship.
pub(crate) const ON_THIS_DAY_HIDDEN_PREFIX: &str = "onThisDay.hidden.";

pub(crate) fn on_this_day_hidden_key(relationship_id: i64) -> String {
    format!("{ON_THIS_DAY_HIDDEN_PREFIX}{relationship_id}")
}

const COLUMNS: &str =
    "id, name, role, what_happened, happened_on, breach_kind, created_at, setting, power";

impl<'a> Relationships<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    pub fn list(&self) -> Result<Vec<Relationship>, RelationshipError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM relationship ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([], relationship_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn get(&self, id: i64) -> Result<Relationship, RelationshipError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM relationship WHERE id = ?1"),
                [id],
                relationship_from_row,
            )
            .optional()?
            .ok_or(RelationshipError::NotFound)
    }

    /// Creates a relationship; a known date of the breach also becomes its first event.
    pub fn create(
        &self,
        input: &RelationshipInput,
        clock: &dyn Clock,
    ) -> Result<Relationship, RelationshipError> {
        let now = clock.now();
        let c = check(input, now)?;
        let id = atomically(self.conn, || {
            self.conn.execute(
            "INSERT INTO relationship (name, role, what_happened, happened_on, breach_kind, created_at, setting, power)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                c.name,
                input.role.as_str(),
                input.what_happened,
                c.happened_on.map(|d| d.to_string()),
                input.breach_kind.as_str(),
                to_millis(now),
                c.setting,
                c.power
            ],
        )?;
            let id = self.conn.last_insert_rowid();
            if let Some(on) = c.happened_on {
                self.conn.execute(
                    "INSERT INTO relationship_event (relationship_id, kind, occurred_on, note, created_at)
                     VALUES (?1, 'breach', ?2, '', ?3)",
                    params![id, on.to_string(), to_millis(now)],
                )?;
            }
            Ok::<_, RelationshipError>(id)
        })?;
        self.get(id)
    }

    pub fn update(
        &self,
        id: i64,
        input: &RelationshipInput,
        clock: &dyn Clock,
    ) -> Result<Relationship, RelationshipError> {
        let c = check(input, clock.now())?;
        let before = self.get(id)?;
        atomically(self.conn, || {
            self.write_update(id, input, &c)?;
            let after = self.get(id)?;
            if after.role == before.role && after.contexts != before.contexts {
                crate::guide::realign_drafts(
                    self.conn,
                    id,
                    after.role,
                    &before.contexts,
                    &after.contexts,
                )?;
            }
            Ok(after)
        })
    }

    fn write_update(
        &self,
        id: i64,
        input: &RelationshipInput,
        c: &Checked,
    ) -> Result<(), RelationshipError> {
        let changed = self.conn.execute(
            "UPDATE relationship SET name = ?2, role = ?3, what_happened = ?4, happened_on = ?5, breach_kind = ?6,
             setting = ?7, power = ?8 WHERE id = ?1",
            params![
                id,
                c.name,
                input.role.as_str(),
                input.what_happened,
                c.happened_on.map(|d| d.to_string()),
                input.breach_kind.as_str(),
                c.setting,
                c.power
            ],
        )?;
        if changed == 0 {
            return Err(RelationshipError::NotFound);
        }
        Ok(())
    }

    /// Deletes a relationship and what only makes sense with it (events, drafts, plans,
    /// commitments, its safety check and the settings kept for it). Its journal entries
    /// stay, as free entries.
    pub fn delete(&self, id: i64) -> Result<(), RelationshipError> {
        atomically(self.conn, || {
            if self.conn.execute("DELETE FROM relationship WHERE id = ?1", [id])? == 0 {
                return Err(RelationshipError::NotFound);
            }
            self.conn
                .execute("DELETE FROM setting WHERE key = ?1", [declined_safety_offer_key(id)])?;
            self.conn
                .execute("DELETE FROM setting WHERE key = ?1", [on_this_day_hidden_key(id)])?;
            Ok(())
        })
    }

    pub fn events(
        &self,
        relationship_id: i64,
    ) -> Result<Vec<RelationshipEvent>, RelationshipError> {
        self.get(relationship_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, relationship_id, kind, occurred_on, note FROM relationship_event
             WHERE relationship_id = ?1 ORDER BY occurred_on, id",
        )?;
        let rows = stmt.query_map([relationship_id], event_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn add_event(
        &self,
        relationship_id: i64,
        input: &EventInput,
        clock: &dyn Clock,
    ) -> Result<RelationshipEvent, RelationshipError> {
        self.get(relationship_id)?;
        let now = clock.now();
        let on = dates::parse_past(&input.occurred_on, now)?;
        if input.note.len() > MAX_TEXT_BYTES {
            return Err(RelationshipError::TooLong);
        }
        self.conn.execute(
            "INSERT INTO relationship_event (relationship_id, kind, occurred_on, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                relationship_id,
                input.kind.as_str(),
                on.to_string(),
                input.note.trim(),
                to_millis(now)
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        Ok(RelationshipEvent {
            id,
            relationship_id,
            kind: input.kind,
            occurred_on: on,
            note: input.note.trim().into(),
        })
    }

    pub fn delete_event(&self, id: i64) -> Result<(), RelationshipError> {
        match self.conn.execute("DELETE FROM relationship_event WHERE id = ?1", [id])? {
            0 => Err(RelationshipError::NotFound),
            _ => Ok(()),
        }
    }
}
