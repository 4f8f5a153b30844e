//! Journal entries: write, edit, delete, and the timeline, newest first.
//!
//! The timeline uses keyset pagination over the `(created_at, id)` index, so the first
//! page costs the same at fifty entries or fifty thousand.
mod markdown;

pub use markdown::render as render_markdown;

use crate::clock::Clock;
use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most text one entry may hold (1 MiB), so a paste accident cannot wedge the app.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The most entries one timeline page may ask for.
pub const MAX_PAGE: u32 = 200;

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("that entry no longer exists")]
    NotFound,
    #[error("an entry needs at least a few words")]
    Empty,
    #[error("that entry is too long to save (the limit is 1 MiB of text)")]
    TooLong,
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
}

/// One journal entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub body: String,
}

/// An entry as the UI shows it: the Markdown body plus its sanitised HTML.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EntryView {
    #[ts(type = "number")]
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub body: String,
    pub html: String,
}

impl From<Entry> for EntryView {
    fn from(e: Entry) -> Self {
        let html = render_markdown(&e.body);
        EntryView {
            id: e.id,
            created_at: e.created_at,
            updated_at: e.updated_at,
            body: e.body,
            html,
        }
    }
}

/// Where the next timeline page starts: strictly older than this entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Cursor {
    pub created_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub id: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TimelinePage {
    pub entries: Vec<EntryView>,
    /// `None` when this page reaches the oldest entry.
    pub next: Option<Cursor>,
}

/// The journal inside an unlocked vault.
pub struct Journal<'a> {
    conn: &'a Connection,
}

fn to_millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

fn from_millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: row.get(0)?,
        created_at: from_millis(row.get(1)?),
        updated_at: from_millis(row.get(2)?),
        body: row.get(3)?,
    })
}

fn check_body(body: &str) -> Result<(), JournalError> {
    if body.len() > MAX_BODY_BYTES {
        Err(JournalError::TooLong)
    } else {
        Ok(())
    }
}

impl<'a> Journal<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    /// Saves a new entry. Returns once it is durably committed.
    pub fn create(&self, body: &str, clock: &dyn Clock) -> Result<Entry, JournalError> {
        check_body(body)?;
        if body.trim().is_empty() {
            return Err(JournalError::Empty);
        }
        let now = clock.now();
        self.insert_at(body, now)
    }

    /// Saves an entry with an explicit creation time (imports, tests, benchmarks).
    pub fn insert_at(&self, body: &str, at: DateTime<Utc>) -> Result<Entry, JournalError> {
        check_body(body)?;
        self.conn.execute(
            "INSERT INTO entry (created_at, updated_at, body) VALUES (?1, ?1, ?2)",
            params![to_millis(at), body],
        )?;
        let id = self.conn.last_insert_rowid();
        Ok(Entry {
            id,
            created_at: from_millis(to_millis(at)),
            updated_at: from_millis(to_millis(at)),
            body: body.to_owned(),
        })
    }

    pub fn get(&self, id: i64) -> Result<Entry, JournalError> {
        self.conn
            .query_row(
                "SELECT id, created_at, updated_at, body FROM entry WHERE id = ?1",
                [id],
                entry_from_row,
            )
            .optional()?
            .ok_or(JournalError::NotFound)
    }

    /// Replaces an entry's text. An empty body is allowed while someone is mid-edit.
    pub fn update(&self, id: i64, body: &str, clock: &dyn Clock) -> Result<Entry, JournalError> {
        check_body(body)?;
        let now = to_millis(clock.now());
        let changed = self.conn.execute(
            "UPDATE entry SET body = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, body, now],
        )?;
        if changed == 0 {
            return Err(JournalError::NotFound);
        }
        self.get(id)
    }

    pub fn delete(&self, id: i64) -> Result<(), JournalError> {
        match self.conn.execute("DELETE FROM entry WHERE id = ?1", [id])? {
            0 => Err(JournalError::NotFound),
            _ => Ok(()),
        }
    }

    pub fn count(&self) -> Result<u64, JournalError> {
        Ok(self.conn.query_row("SELECT count(*) FROM entry", [], |r| r.get::<_, i64>(0))? as u64)
    }

    /// One page of the timeline, newest first, strictly older than `before`.
    pub fn timeline(
        &self,
        before: Option<Cursor>,
        limit: u32,
    ) -> Result<TimelinePage, JournalError> {
        let limit = limit.clamp(1, MAX_PAGE);
        let mut rows: Vec<Entry> = match before {
            None => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT id, created_at, updated_at, body FROM entry
                     ORDER BY created_at DESC, id DESC LIMIT ?1",
                )?;
                let it = stmt.query_map([limit + 1], entry_from_row)?;
                it.collect::<Result<_, _>>()?
            }
            Some(c) => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT id, created_at, updated_at, body FROM entry
                     WHERE (created_at, id) < (?1, ?2)
                     ORDER BY created_at DESC, id DESC LIMIT ?3",
                )?;
                let it = stmt
                    .query_map(params![to_millis(c.created_at), c.id, limit + 1], entry_from_row)?;
                it.collect::<Result<_, _>>()?
            }
        };
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|e| Cursor { created_at: e.created_at, id: e.id })
        } else {
            None
        };
        Ok(TimelinePage { entries: rows.into_iter().map(EntryView::from).collect(), next })
    }

    /// Many entries in one transaction (benchmarks, imports).
    pub fn insert_many<'b>(
        &self,
        entries: impl IntoIterator<Item = (&'b str, DateTime<Utc>)>,
    ) -> Result<usize, JournalError> {
        let tx = self.conn.unchecked_transaction()?;
        let mut n = 0;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO entry (created_at, updated_at, body) VALUES (?1, ?1, ?2)",
            )?;
            for (body, at) in entries {
                check_body(body)?;
                stmt.execute(params![to_millis(at), body])?;
                n += 1;
            }
        }
        tx.commit()?;
        Ok(n)
    }
}
