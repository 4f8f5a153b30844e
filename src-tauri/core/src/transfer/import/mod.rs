//! Imports: each format's parser turns a file into an [`ImportBatch`] without touching the
//! vault; [`Importer::preview`] checks every entry and counts duplicates; then
//! [`Importer::apply`] writes the batch in one transaction. [`ImportSession`] holds a
//! parsed batch between the preview and the person's answer.
//!
//! Applying runs the preview's plan again inside the transaction (so an entry added in
//! between is still skipped), then writes [`CHUNK`] entries at a time, filling the search
//! index for each chunk with one statement while the per-row index trigger is set aside;
//! the trigger is put back, text unchanged, before the transaction ends. After each chunk
//! [`Importer::apply_with`] reports progress and may be told to stop: stopping, like any
//! error, rolls everything back, search index and schema included.
//!
//! A duplicate is an entry with the same day (UTC) and the same text, ignoring
//! whitespace at either end, as one already in the vault or earlier in the same batch.
pub mod dayone;
pub mod jrnl;
mod json;
pub mod markdown;
pub mod mend_json;
mod session;

use super::TransferError;
use crate::frameworks::{BreachKind, Role};
use crate::journal::{EntryMeta, MAX_BODY_BYTES};
use crate::relationships::{setting, EventKind, Power, Setting};
use crate::time::instant::{from_millis, to_millis};
use crate::vault::Vault;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::ops::ControlFlow;
use std::path::Path;
use ts_rs::TS;

pub use session::ImportSession;

/// The largest single file Mend will import (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most entries one import may hold.
pub const MAX_ENTRIES: usize = 200_000;
/// How many entries an import writes between two reports of its progress.
pub const CHUNK: usize = 1000;
/// How many entries the preview shows.
pub const PREVIEW_SAMPLES: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportFormat {
    /// jrnl's own plain-text journal file (or `jrnl --export txt`).
    JrnlText,
    /// `jrnl --export json`.
    JrnlJson,
    /// Day One's JSON export (the `Journal.json` inside its zip).
    DayOneJson,
    /// A folder of Markdown files, with optional YAML front matter.
    MarkdownFolder,
    /// Mend's own JSON export.
    MendJson,
}

impl ImportFormat {
    /// Whether the format is read from a folder rather than one file.
    pub fn is_folder(self) -> bool {
        self == ImportFormat::MarkdownFolder
    }
}

/// Which relationship an imported entry belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelationshipRef {
    /// One of the batch's own relationships, by index.
    InBatch(usize),
    /// A name, matched (ignoring case) against the vault's relationships when applied.
    Named(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEntry {
    pub created_at: DateTime<Utc>,
    /// `None` when the source does not say; the entry then counts as never edited.
    pub updated_at: Option<DateTime<Utc>>,
    pub body: String,
    pub relationship: Option<RelationshipRef>,
    pub framework_id: Option<String>,
    pub step_id: Option<String>,
    pub mood: Option<String>,
    pub tags: Vec<String>,
}

impl ImportedEntry {
    /// An entry with only a time and text.
    pub fn plain(created_at: DateTime<Utc>, body: impl Into<String>) -> Self {
        ImportedEntry {
            created_at,
            updated_at: None,
            body: body.into(),
            relationship: None,
            framework_id: None,
            step_id: None,
            mood: None,
            tags: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEvent {
    pub kind: EventKind,
    pub occurred_on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRelationship {
    pub name: String,
    pub role: Role,
    pub what_happened: String,
    pub happened_on: Option<NaiveDate>,
    pub breach_kind: BreachKind,
    pub created_at: DateTime<Utc>,
    /// From a Mend JSON export that has it; other formats leave it unset.
    pub setting: Option<Setting>,
    pub power: Option<Power>,
    pub events: Vec<ImportedEvent>,
}

/// Everything one file or folder holds, parsed and not yet written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportBatch {
    pub format: ImportFormat,
    pub entries: Vec<ImportedEntry>,
    pub relationships: Vec<ImportedRelationship>,
    /// Plain remarks for the preview ("3 photos were left out"), never quoting content.
    pub notes: Vec<String>,
}

impl ImportBatch {
    pub fn new(format: ImportFormat) -> Self {
        ImportBatch { format, entries: Vec::new(), relationships: Vec::new(), notes: Vec::new() }
    }
}

/// Reads and parses a file or folder in `format`. Local times in the source (jrnl,
/// Markdown) are read in `tz`.
pub fn read(
    format: ImportFormat,
    path: &Path,
    tz: chrono_tz::Tz,
) -> Result<ImportBatch, TransferError> {
    let text = || read_capped_text(path);
    let batch = match format {
        ImportFormat::MarkdownFolder => markdown::parse_folder(path, tz)?,
        ImportFormat::JrnlText => jrnl::parse_text(&text()?, tz)?,
        ImportFormat::JrnlJson => jrnl::parse_json(&text()?, tz)?,
        ImportFormat::DayOneJson => dayone::parse_json(&text()?)?,
        ImportFormat::MendJson => mend_json::parse(&text()?)?,
    };
    if batch.entries.len() > MAX_ENTRIES {
        return Err(TransferError::malformed(
            "the file",
            format!("it holds more than {MAX_ENTRIES} entries, more than Mend imports at once"),
        ));
    }
    Ok(batch)
}

/// Reads a whole file as UTF-8, refusing anything over [`MAX_FILE_BYTES`] before reading it.
pub fn read_capped_text(path: &Path) -> Result<String, TransferError> {
    read_capped(path, MAX_FILE_BYTES)
}

pub(crate) fn read_capped(path: &Path, limit: u64) -> Result<String, TransferError> {
    let file = std::fs::File::open(path)?;
    if file.metadata()?.len() > limit {
        return Err(TransferError::TooLarge { limit_mib: limit / (1024 * 1024) });
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(TransferError::TooLarge { limit_mib: limit / (1024 * 1024) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        TransferError::malformed(format!("line {line}"), "the file is not UTF-8 text")
    })
}

/// What an import will do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub format: ImportFormat,
    /// Every entry in the file.
    pub entries: u32,
    /// Those that will be added.
    pub new_entries: u32,
    /// Those skipped as already in the journal (or repeated within the file).
    pub duplicates: u32,
    /// Relationships that will be added.
    pub new_relationships: u32,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
    /// The first few new entries, oldest first, as a short excerpt each.
    pub samples: Vec<ImportSample>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportSample {
    pub created_at: DateTime<Utc>,
    pub excerpt: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportOutcome {
    pub imported: u32,
    pub duplicates: u32,
    pub new_relationships: u32,
}

/// Checks and applies batches against one vault.
pub struct Importer<'a> {
    conn: &'a Connection,
}

impl Vault {
    pub fn importer(&self) -> Importer<'_> {
        Importer::new(self.connection())
    }
}

/// The plan both preview and apply follow, so the preview is exactly what happens.
struct Plan {
    /// Indexes into the batch's entries, in order, that will be written.
    new: Vec<usize>,
    duplicates: usize,
    /// For each batch relationship: an existing id to reuse, or `None` to create it.
    relationships: Vec<Option<i64>>,
    /// Named references resolved against the vault (lower-cased name to id).
    named: HashMap<String, Option<i64>>,
    metas: Vec<EntryMeta>,
}

/// Tags for imported entries: each name looked up (or added) once per import, with
/// statements prepared once.
struct Tags<'c> {
    conn: &'c Connection,
    ids: HashMap<String, i64>,
}

impl<'c> Tags<'c> {
    fn new(conn: &'c Connection) -> Self {
        Tags { conn, ids: HashMap::new() }
    }

    /// Gives a new entry its (normalised) tags.
    fn write(&mut self, entry_id: i64, tags: &[String]) -> Result<(), TransferError> {
        for tag in tags {
            let tag_id = match self.ids.get(tag) {
                Some(id) => *id,
                None => {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO tag (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
                        )?
                        .execute([tag])?;
                    let id: i64 = self
                        .conn
                        .prepare_cached("SELECT id FROM tag WHERE name = ?1")?
                        .query_row([tag], |row| row.get(0))?;
                    self.ids.insert(tag.clone(), id);
                    id
                }
            };
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO entry_tag (entry_id, tag_id) VALUES (?1, ?2)",
                )?
                .execute(params![entry_id, tag_id])?;
        }
        Ok(())
    }
}

fn trim_body(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, ' ' | '\n' | '\r' | '\t'))
}

/// The instants (Unix milliseconds) a UTC day starts and ends at; `None` out of range.
fn day_range(day: NaiveDate) -> Option<(i64, i64)> {
    let start = day.and_hms_opt(0, 0, 0)?.and_utc();
    let end = start.checked_add_signed(chrono::Duration::days(1))?;
    Some((to_millis(start), to_millis(end)))
}

fn entry_location(i: usize, e: &ImportedEntry) -> String {
    format!("entry {} ({})", i + 1, e.created_at.format("%Y-%m-%d"))
}

impl<'a> Importer<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    fn plan(&self, batch: &ImportBatch) -> Result<Plan, TransferError> {
        // Relationships: reuse one with the same name and role, otherwise create it.
        let mut relationships = Vec::with_capacity(batch.relationships.len());
        for (i, r) in batch.relationships.iter().enumerate() {
            let name = r.name.trim();
            if name.is_empty() || name.chars().count() > crate::relationships::MAX_NAME_CHARS {
                return Err(TransferError::malformed(
                    format!("relationship {}", i + 1),
                    "a relationship needs a name of up to 80 characters",
                ));
            }
            if r.what_happened.len() > crate::relationships::MAX_TEXT_BYTES {
                return Err(TransferError::malformed(
                    format!("relationship {}", i + 1),
                    "what happened is too long to save",
                ));
            }
            let existing: Option<i64> = self
                .conn
                .query_row(
                    "SELECT id FROM relationship WHERE name = ?1 AND role = ?2 ORDER BY id LIMIT 1",
                    params![name, r.role.as_str()],
                    |row| row.get(0),
                )
                .optional()?;
            relationships.push(existing);
        }
        let mut named = HashMap::new();
        let mut metas = Vec::with_capacity(batch.entries.len());
        let mut days = Vec::with_capacity(batch.entries.len());
        for (i, e) in batch.entries.iter().enumerate() {
            let at = || entry_location(i, e);
            if e.body.len() > MAX_BODY_BYTES {
                return Err(TransferError::malformed(at(), "the entry is longer than 1 MiB"));
            }
            if trim_body(&e.body).is_empty() {
                return Err(TransferError::malformed(at(), "the entry has no text"));
            }
            if let Some(RelationshipRef::InBatch(r)) = e.relationship {
                if r >= batch.relationships.len() {
                    return Err(TransferError::malformed(
                        at(),
                        "it names a relationship the file does not have",
                    ));
                }
            }
            if let Some(RelationshipRef::Named(name)) = &e.relationship {
                let key = name.trim().to_lowercase();
                if let std::collections::hash_map::Entry::Vacant(slot) = named.entry(key) {
                    let id: Option<i64> = self
                        .conn
                        .query_row(
                            "SELECT id FROM relationship WHERE lower(name) = ?1 ORDER BY id LIMIT 1",
                            [slot.key()],
                            |row| row.get(0),
                        )
                        .optional()?;
                    slot.insert(id);
                }
            }
            let meta = EntryMeta {
                relationship_id: None,
                framework_id: e.framework_id.clone(),
                step_id: e.step_id.clone(),
                mood: e.mood.clone(),
                tags: e.tags.clone(),
            }
            .normalised()
            .map_err(|err| TransferError::malformed(at(), err.to_string()))?;
            metas.push(meta);
            let day = e.created_at.date_naive();
            if day_range(day).is_none() {
                return Err(TransferError::malformed(at(), "its date is out of range"));
            }
            days.push(day);
        }
        let in_vault = self.texts_on(&days)?;
        let mut seen: HashSet<(NaiveDate, &str)> = HashSet::new();
        let mut new = Vec::new();
        let mut duplicates = 0;
        for (i, (e, &day)) in batch.entries.iter().zip(&days).enumerate() {
            let body = trim_body(&e.body);
            let known = in_vault.get(&day).is_some_and(|texts| texts.contains(body));
            if known || !seen.insert((day, body)) {
                duplicates += 1;
            } else {
                new.push(i);
            }
        }
        Ok(Plan { new, duplicates, relationships, named, metas })
    }

    /// The vault's entries on any of `days` (UTC), as trimmed text by day: one walk over
    /// the timeline index between the first and last day rather than one query per entry.
    /// Text on other days in between is read but not kept.
    fn texts_on(
        &self,
        days: &[NaiveDate],
    ) -> Result<HashMap<NaiveDate, HashSet<String>>, TransferError> {
        let mut found: HashMap<NaiveDate, HashSet<String>> = HashMap::new();
        let wanted: HashSet<NaiveDate> = days.iter().copied().collect();
        let (Some(first), Some(last)) = (wanted.iter().min(), wanted.iter().max()) else {
            return Ok(found);
        };
        let (Some((start, _)), Some((_, end))) = (day_range(*first), day_range(*last)) else {
            return Ok(found);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT created_at, body FROM entry WHERE created_at >= ?1 AND created_at < ?2",
        )?;
        let mut rows = stmt.query(params![start, end])?;
        while let Some(row) = rows.next()? {
            let day = from_millis(row.get(0)?).date_naive();
            if wanted.contains(&day) {
                let body: String = row.get(1)?;
                found.entry(day).or_default().insert(trim_body(&body).to_owned());
            }
        }
        Ok(found)
    }

    /// Checks every entry and counts what would be added; writes nothing.
    pub fn preview(&self, batch: &ImportBatch) -> Result<ImportPreview, TransferError> {
        let plan = self.plan(batch)?;
        if batch.entries.is_empty() && batch.relationships.is_empty() {
            return Err(TransferError::Empty);
        }
        let mut order: Vec<usize> = plan.new.clone();
        order.sort_by_key(|&i| batch.entries[i].created_at);
        let samples = order
            .iter()
            .take(PREVIEW_SAMPLES)
            .map(|&i| ImportSample {
                created_at: batch.entries[i].created_at,
                excerpt: crate::journal::excerpt(&batch.entries[i].body, 80),
            })
            .collect();
        let mut notes = batch.notes.clone();
        let unmatched = batch
            .entries
            .iter()
            .filter(|e| match &e.relationship {
                Some(RelationshipRef::Named(n)) => {
                    plan.named.get(&n.trim().to_lowercase()).copied().flatten().is_none()
                }
                _ => false,
            })
            .count();
        if unmatched > 0 {
            notes.push(format!(
                "{unmatched} {} a relationship this journal does not have, so {} be added without one.",
                if unmatched == 1 { "entry names" } else { "entries name" },
                if unmatched == 1 { "it will" } else { "they will" },
            ));
        }
        Ok(ImportPreview {
            format: batch.format,
            entries: batch.entries.len() as u32,
            new_entries: plan.new.len() as u32,
            duplicates: plan.duplicates as u32,
            new_relationships: plan.relationships.iter().filter(|r| r.is_none()).count() as u32,
            first: batch.entries.iter().map(|e| e.created_at).min(),
            last: batch.entries.iter().map(|e| e.created_at).max(),
            samples,
            notes,
        })
    }

    /// Writes the batch in one transaction: all of it, or (on any error) none of it.
    pub fn apply(&self, batch: &ImportBatch) -> Result<ImportOutcome, TransferError> {
        let outcome = self.apply_with(batch, |_, _| ControlFlow::Continue(()))?;
        // Never `None`: nothing above asks to stop.
        Ok(outcome.unwrap_or_default())
    }

    /// Writes the batch in one transaction, [`CHUNK`] entries at a time, telling
    /// `progress` how many of the new entries are written (and the search index filled)
    /// so far, out of how many: first `(0, total)`, then after each chunk. When `progress`
    /// answers `Break`, everything is rolled back and the answer is `None`: the vault
    /// (its search index included) is exactly as it was. So is it on any error.
    pub fn apply_with(
        &self,
        batch: &ImportBatch,
        mut progress: impl FnMut(usize, usize) -> ControlFlow<()>,
    ) -> Result<Option<ImportOutcome>, TransferError> {
        self.conn.execute_batch("SAVEPOINT mend_import")?;
        let result = self.write(batch, &mut progress);
        if matches!(result, Ok(Some(_))) {
            self.conn.execute_batch("RELEASE mend_import")?;
        } else {
            // Keep the first error; a failed rollback leaves the transaction open, and
            // the connection's next commit fails rather than writing half an import.
            let _ = self.conn.execute_batch("ROLLBACK TO mend_import; RELEASE mend_import");
        }
        result
    }

    /// [`Self::apply_with`] inside its savepoint. The search index is filled in bulk:
    /// the per-row insert trigger is set aside while the rows go in, each chunk's rows
    /// are indexed with one statement, and the trigger is put back with its exact text
    /// (schema changes are transactional, so a rollback restores it too).
    fn write(
        &self,
        batch: &ImportBatch,
        progress: &mut dyn FnMut(usize, usize) -> ControlFlow<()>,
    ) -> Result<Option<ImportOutcome>, TransferError> {
        let plan = self.plan(batch)?;
        let total = plan.new.len();
        if progress(0, total).is_break() {
            return Ok(None);
        }
        let mut ids = Vec::with_capacity(batch.relationships.len());
        let mut created = 0;
        for (r, existing) in batch.relationships.iter().zip(&plan.relationships) {
            let id = match existing {
                Some(id) => *id,
                None => {
                    created += 1;
                    self.insert_relationship(r)?
                }
            };
            ids.push(id);
        }
        let trigger: Option<String> = self
            .conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'entry_fts_insert'",
                [],
                |row| row.get(0),
            )
            .optional()?;
        if trigger.is_some() {
            self.conn.execute_batch("DROP TRIGGER entry_fts_insert")?;
        }
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO entry (created_at, updated_at, body, relationship_id, framework_id, step_id, mood)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut index = self.conn.prepare_cached(
            "INSERT INTO entry_fts (rowid, body) SELECT id, body FROM entry WHERE id BETWEEN ?1 AND ?2",
        )?;
        let mut tags = Tags::new(self.conn);
        let mut done = 0;
        for chunk in plan.new.chunks(CHUNK) {
            let mut first = None;
            let mut last = 0;
            for &i in chunk {
                let e = &batch.entries[i];
                let meta = &plan.metas[i];
                let relationship = match &e.relationship {
                    Some(RelationshipRef::InBatch(r)) => ids.get(*r).copied(),
                    Some(RelationshipRef::Named(n)) => {
                        plan.named.get(&n.trim().to_lowercase()).copied().flatten()
                    }
                    None => None,
                };
                let created_at = to_millis(e.created_at);
                let updated_at = e.updated_at.map_or(created_at, to_millis).max(created_at);
                insert.execute(params![
                    created_at,
                    updated_at,
                    e.body,
                    relationship,
                    meta.framework_id,
                    meta.step_id,
                    meta.mood
                ])?;
                let id = self.conn.last_insert_rowid();
                first.get_or_insert(id);
                last = id;
                tags.write(id, &meta.tags)?;
            }
            // New rows take ids above every existing one, so a chunk's are one range.
            if let (Some(first), true) = (first, trigger.is_some()) {
                index.execute(params![first, last])?;
            }
            done += chunk.len();
            if progress(done, total).is_break() {
                return Ok(None);
            }
        }
        if let Some(sql) = &trigger {
            self.conn.execute_batch(sql)?;
        }
        Ok(Some(ImportOutcome {
            imported: total as u32,
            duplicates: plan.duplicates as u32,
            new_relationships: created,
        }))
    }

    fn insert_relationship(&self, r: &ImportedRelationship) -> Result<i64, TransferError> {
        // A file edited by hand may give power outside work: the setting is kept, not that.
        let (setting, power) = setting::check(r.setting, r.power).unwrap_or((r.setting, None));
        self.conn.execute(
            "INSERT INTO relationship (name, role, what_happened, happened_on, breach_kind, created_at, setting, power)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                r.name.trim(),
                r.role.as_str(),
                r.what_happened,
                r.happened_on.map(|d| d.to_string()),
                r.breach_kind.as_str(),
                to_millis(r.created_at),
                setting.map(Setting::as_str),
                power.map(Power::as_str)
            ],
        )?;
        let id = self.conn.last_insert_rowid();
        let mut event = self.conn.prepare_cached(
            "INSERT INTO relationship_event (relationship_id, kind, occurred_on, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for e in &r.events {
            event.execute(params![
                id,
                e.kind.as_str(),
                e.occurred_on.to_string(),
                e.note,
                to_millis(r.created_at)
            ])?;
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests;
