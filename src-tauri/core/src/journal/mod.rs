//! Journal entries: write, edit, delete, and the timeline, newest first.
//!
//! The timeline uses keyset pagination over the `(created_at, id)` index, so the first
//! page costs the same at fifty entries or fifty thousand.
mod markdown;

pub use markdown::render as render_markdown;

use crate::error::ErrorKind;
use crate::store::atomically;
use crate::time::instant::{from_millis, to_millis};
use crate::time::Clock;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most text one entry may hold (1 MiB), so a paste accident cannot wedge the app.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The most entries one timeline page may ask for.
pub const MAX_PAGE: u32 = 200;
pub const MAX_TAGS: usize = 20;
pub const MAX_LABEL_CHARS: usize = 40;

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("that entry no longer exists")]
    NotFound,
    #[error("an entry needs at least a few words")]
    Empty,
    #[error("that entry is too long to save (the limit is 1 MiB of text)")]
    TooLong,
    #[error("{0}")]
    InvalidMeta(&'static str),
    #[error("that relationship no longer exists")]
    RelationshipNotFound,
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
}

impl JournalError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::NotFound | Self::RelationshipNotFound => ErrorKind::NotFound,
            Self::Empty | Self::InvalidMeta(_) => ErrorKind::INVALID,
            Self::TooLong => ErrorKind::TooLarge,
            Self::Storage(_) => ErrorKind::Io,
        }
    }
}

/// What an entry is about, beyond its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct EntryMeta {
    /// The relationship it belongs to, or none for free journaling.
    #[ts(type = "number | null")]
    pub relationship_id: Option<i64>,
    /// The framework step it answers, if it came from a guided flow.
    pub framework_id: Option<String>,
    pub step_id: Option<String>,
    /// A mood or feeling, in a word or two.
    pub mood: Option<String>,
    pub tags: Vec<String>,
}

impl EntryMeta {
    /// Trims and checks labels; drops empty ones; de-duplicates tags ignoring case.
    pub fn normalised(&self) -> Result<EntryMeta, JournalError> {
        let label = |s: &Option<String>| -> Result<Option<String>, JournalError> {
            match s.as_deref().map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")) {
                None => Ok(None),
                Some(t) if t.is_empty() => Ok(None),
                Some(t) if t.chars().count() > MAX_LABEL_CHARS => {
                    Err(JournalError::InvalidMeta("a mood or tag can be at most 40 characters"))
                }
                Some(t) => Ok(Some(t)),
            }
        };
        let mut tags: Vec<String> = Vec::new();
        for t in &self.tags {
            if let Some(t) = label(&Some(t.trim_start_matches('#').to_owned()))? {
                if !tags.iter().any(|x| x.to_lowercase() == t.to_lowercase()) {
                    tags.push(t);
                }
            }
        }
        if tags.len() > MAX_TAGS {
            return Err(JournalError::InvalidMeta("an entry can have at most 20 tags"));
        }
        tags.sort_by_key(|t| t.to_lowercase());
        Ok(EntryMeta {
            relationship_id: self.relationship_id,
            framework_id: label(&self.framework_id)?,
            step_id: label(&self.step_id)?,
            mood: label(&self.mood)?,
            tags,
        })
    }
}

/// One journal entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub body: String,
    pub meta: EntryMeta,
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
    pub meta: EntryMeta,
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
            meta: e.meta,
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

/// A page toward the present (after a jump to a day), oldest first.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewerPage {
    pub entries: Vec<EntryView>,
    /// Where the next newer page starts; `None` when this page reaches the newest entry.
    pub next: Option<Cursor>,
}

/// An entry's first line of text, without Markdown's leading marks, cut to `max_chars`
/// (with an ellipsis): for lists, previews and the command line.
pub fn excerpt(body: &str, max_chars: usize) -> String {
    let line = body
        .lines()
        .map(|l| l.trim().trim_start_matches(['#', '>', '-', '*', ' ']).trim())
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() > max_chars {
        let cut: String = line.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_owned()
    }
}

/// The journal inside an unlocked vault.
pub struct Journal<'a> {
    conn: &'a Connection,
}

/// The columns every entry query selects, in the order [`entry_from_row`] reads them.
pub(crate) const ENTRY_COLUMNS: &str =
    "e.id, e.created_at, e.updated_at, e.body, e.relationship_id,
    e.framework_id, e.step_id, e.mood,
    (SELECT group_concat(t.name, char(31)) FROM entry_tag et JOIN tag t ON t.id = et.tag_id
     WHERE et.entry_id = e.id)";

pub(crate) fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    let tags: Option<String> = row.get(8)?;
    let mut tags: Vec<String> =
        tags.map(|t| t.split('\u{1f}').map(str::to_owned).collect()).unwrap_or_default();
    tags.sort_by_key(|t| t.to_lowercase());
    Ok(Entry {
        id: row.get(0)?,
        created_at: from_millis(row.get(1)?),
        updated_at: from_millis(row.get(2)?),
        body: row.get(3)?,
        meta: EntryMeta {
            relationship_id: row.get(4)?,
            framework_id: row.get(5)?,
            step_id: row.get(6)?,
            mood: row.get(7)?,
            tags,
        },
    })
}

fn check_body(body: &str) -> Result<(), JournalError> {
    if body.len() > MAX_BODY_BYTES {
        Err(JournalError::TooLong)
    } else {
        Ok(())
    }
}

fn storage(e: rusqlite::Error) -> JournalError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => JournalError::RelationshipNotFound,
        _ => JournalError::Storage(e),
    }
}

/// Replaces an entry's tags (inside the caller's transaction).
pub(crate) fn write_tags(
    conn: &Connection,
    entry_id: i64,
    tags: &[String],
) -> Result<(), JournalError> {
    conn.execute("DELETE FROM entry_tag WHERE entry_id = ?1", [entry_id])?;
    for tag in tags {
        conn.execute("INSERT INTO tag (name) VALUES (?1) ON CONFLICT (name) DO NOTHING", [tag])?;
        conn.execute(
            "INSERT OR IGNORE INTO entry_tag (entry_id, tag_id) SELECT ?1, id FROM tag WHERE name = ?2",
            params![entry_id, tag],
        )?;
    }
    Ok(())
}

/// Which entries a timeline shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct TimelineFilter {
    /// Only this relationship's entries; all entries when absent.
    #[ts(type = "number | null")]
    pub relationship_id: Option<i64>,
}

impl<'a> Journal<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    /// Saves a new free entry. Returns once it is durably committed.
    pub fn create(&self, body: &str, clock: &dyn Clock) -> Result<Entry, JournalError> {
        self.create_with(body, &EntryMeta::default(), clock)
    }

    /// Saves a new entry with its metadata, in one transaction.
    pub fn create_with(
        &self,
        body: &str,
        meta: &EntryMeta,
        clock: &dyn Clock,
    ) -> Result<Entry, JournalError> {
        check_body(body)?;
        if body.trim().is_empty() {
            return Err(JournalError::Empty);
        }
        let meta = meta.normalised()?;
        let now = to_millis(clock.now());
        let id = atomically(self.conn, || {
            self.conn
                .execute(
                    "INSERT INTO entry (created_at, updated_at, body, relationship_id, framework_id, step_id, mood)
                     VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6)",
                    params![now, body, meta.relationship_id, meta.framework_id, meta.step_id, meta.mood],
                )
                .map_err(storage)?;
            let id = self.conn.last_insert_rowid();
            write_tags(self.conn, id, &meta.tags)?;
            Ok::<_, JournalError>(id)
        })?;
        self.get(id)
    }

    /// Saves an entry with an explicit creation time (imports, tests, benchmarks).
    pub fn insert_at(&self, body: &str, at: DateTime<Utc>) -> Result<Entry, JournalError> {
        check_body(body)?;
        self.conn.execute(
            "INSERT INTO entry (created_at, updated_at, body) VALUES (?1, ?1, ?2)",
            params![to_millis(at), body],
        )?;
        self.get(self.conn.last_insert_rowid())
    }

    pub fn get(&self, id: i64) -> Result<Entry, JournalError> {
        self.conn
            .query_row(
                &format!("SELECT {ENTRY_COLUMNS} FROM entry e WHERE e.id = ?1"),
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

    /// Replaces an entry's relationship, mood and tags (its framework step stays).
    pub fn set_meta(&self, id: i64, meta: &EntryMeta) -> Result<Entry, JournalError> {
        let meta = meta.normalised()?;
        atomically(self.conn, || {
            let changed = self
                .conn
                .execute(
                    "UPDATE entry SET relationship_id = ?2, mood = ?3 WHERE id = ?1",
                    params![id, meta.relationship_id, meta.mood],
                )
                .map_err(storage)?;
            if changed == 0 {
                return Err(JournalError::NotFound);
            }
            write_tags(self.conn, id, &meta.tags)
        })?;
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
        self.timeline_filtered(TimelineFilter::default(), before, limit)
    }

    pub fn timeline_filtered(
        &self,
        filter: TimelineFilter,
        before: Option<Cursor>,
        limit: u32,
    ) -> Result<TimelinePage, JournalError> {
        let limit = limit.clamp(1, MAX_PAGE);
        let (after_ms, after_id) =
            before.map_or((i64::MAX, i64::MAX), |c| (to_millis(c.created_at), c.id));
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entry e
             WHERE (e.created_at, e.id) < (?1, ?2) {}
             ORDER BY e.created_at DESC, e.id DESC LIMIT ?3",
            if filter.relationship_id.is_some() {
                "AND e.relationship_id = ?4"
            } else {
                "AND ?4 IS NULL"
            }
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![after_ms, after_id, limit + 1, filter.relationship_id],
            entry_from_row,
        )?;
        let mut rows: Vec<Entry> = rows.collect::<Result<_, _>>()?;
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|e| Cursor { created_at: e.created_at, id: e.id })
        } else {
            None
        };
        Ok(TimelinePage { entries: rows.into_iter().map(EntryView::from).collect(), next })
    }

    /// One page toward the present: entries strictly newer than `after`, oldest first.
    /// After a jump to a day, "Show newer entries" walks forward with this.
    pub fn timeline_newer(
        &self,
        filter: TimelineFilter,
        after: Cursor,
        limit: u32,
    ) -> Result<NewerPage, JournalError> {
        let limit = limit.clamp(1, MAX_PAGE);
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM entry e
             WHERE (e.created_at, e.id) > (?1, ?2) {}
             ORDER BY e.created_at, e.id LIMIT ?3",
            if filter.relationship_id.is_some() {
                "AND e.relationship_id = ?4"
            } else {
                "AND ?4 IS NULL"
            }
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![to_millis(after.created_at), after.id, limit + 1, filter.relationship_id],
            entry_from_row,
        )?;
        let mut rows: Vec<Entry> = rows.collect::<Result<_, _>>()?;
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|e| Cursor { created_at: e.created_at, id: e.id })
        } else {
            None
        };
        Ok(NewerPage { entries: rows.into_iter().map(EntryView::from).collect(), next })
    }

    /// Many entries in one transaction (benchmarks, imports).
    pub fn insert_many<'b>(
        &self,
        entries: impl IntoIterator<Item = (&'b str, DateTime<Utc>)>,
    ) -> Result<usize, JournalError> {
        atomically(self.conn, || {
            let mut n = 0;
            let mut stmt = self.conn.prepare_cached(
                "INSERT INTO entry (created_at, updated_at, body) VALUES (?1, ?1, ?2)",
            )?;
            for (body, at) in entries {
                check_body(body)?;
                stmt.execute(params![to_millis(at), body])?;
                n += 1;
            }
            Ok(n)
        })
    }

    /// Every tag in use, with how many entries carry it, most used first.
    pub fn tags(&self) -> Result<Vec<TagCount>, JournalError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.name, count(*) FROM tag t JOIN entry_tag et ON et.tag_id = t.id
             GROUP BY t.id ORDER BY count(*) DESC, t.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TagCount { name: r.get(0)?, count: r.get::<_, i64>(1)? as u32 })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TagCount {
    pub name: String,
    pub count: u32,
}
