//! Open exports: Mend's JSON (documented in src-tauri/core/EXPORT-FORMAT.md, versioned, importable
//! again) and a folder of Markdown files. Both are plain text: the app warns before
//! writing them, and writes them only where the person chose.
use super::{TransferError, Written};
use crate::files;
use crate::frameworks::{BreachKind, Role};
use crate::journal::{entry_from_row, ENTRY_COLUMNS};
use crate::relationships::{EventKind, Power, Setting};
use crate::time::instant::from_millis;
use crate::time::Clock;
use crate::vault::Vault;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The `format` field of every Mend JSON export.
pub const FORMAT: &str = "mend-journal";
/// The schema version this build writes (and the newest it reads).
pub const VERSION: u32 = 1;

/// A whole journal in Mend's JSON format, version 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JournalExport {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub relationships: Vec<ExportedRelationship>,
    pub entries: Vec<ExportedEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedRelationship {
    /// Identifies the relationship within this file; entries point to it.
    #[serde(rename = "ref")]
    pub reference: i64,
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub happened_on: Option<NaiveDate>,
    pub breach_kind: BreachKind,
    pub created_at: DateTime<Utc>,
    /// Work or personal, and who the other side is; null or absent when unset.
    #[serde(default)]
    pub setting: Option<Setting>,
    /// At work, who holds more power; null or absent when unset.
    #[serde(default)]
    pub power: Option<Power>,
    #[serde(default)]
    pub events: Vec<ExportedEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedEvent {
    pub kind: EventKind,
    pub occurred_on: NaiveDate,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedEntry {
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    pub body: String,
    /// The `ref` of one of the file's relationships.
    #[serde(default)]
    pub relationship: Option<i64>,
    #[serde(default)]
    pub framework: Option<String>,
    #[serde(default)]
    pub step: Option<String>,
    #[serde(default)]
    pub mood: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Vault {
    /// The journal in Mend's open JSON format (relationships, their events, entries),
    /// dated by `clock`.
    pub fn export(&self, clock: &dyn Clock) -> Result<JournalExport, TransferError> {
        collect(self.connection(), clock.now())
    }

    /// Writes the journal as Mend JSON to `path` (see [`write_json`]).
    pub fn export_json_to(&self, path: &Path, clock: &dyn Clock) -> Result<Written, TransferError> {
        let export = self.export(clock)?;
        write_json(&export, path)?;
        Ok(Written { path: path.to_owned(), entries: Some(export.entries.len()) })
    }

    /// Writes one Markdown file per entry into a new folder inside `parent`, named for
    /// `app_name` (see [`write_markdown`]).
    pub fn export_markdown_to(
        &self,
        parent: &Path,
        app_name: &str,
        clock: &dyn Clock,
    ) -> Result<Written, TransferError> {
        let written = write_markdown(&self.export(clock)?, parent, app_name)?;
        Ok(Written { path: written.folder, entries: Some(written.files) })
    }
}

/// Reads the whole journal (relationships with their events, and every entry, oldest
/// first) into the export structure.
pub(crate) fn collect(
    conn: &Connection,
    now: DateTime<Utc>,
) -> Result<JournalExport, TransferError> {
    let mut relationships = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, role, what_happened, happened_on, breach_kind, created_at, setting, power
         FROM relationship ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let role: String = r.get(2)?;
        let kind: String = r.get(5)?;
        let happened: Option<String> = r.get(4)?;
        relationships.push(ExportedRelationship {
            reference: r.get(0)?,
            name: r.get(1)?,
            role: Role::parse(&role).unwrap_or(Role::Repairer),
            what_happened: r.get(3)?,
            happened_on: happened.and_then(|d| d.parse().ok()),
            breach_kind: BreachKind::parse(&kind).unwrap_or(BreachKind::Integrity),
            created_at: from_millis(r.get(6)?),
            setting: r.get::<_, Option<String>>(7)?.and_then(|s| Setting::parse(&s)),
            power: r.get::<_, Option<String>>(8)?.and_then(|p| Power::parse(&p)),
            events: Vec::new(),
        });
    }
    let index: HashMap<i64, usize> =
        relationships.iter().enumerate().map(|(i, r)| (r.reference, i)).collect();
    let mut stmt = conn.prepare(
        "SELECT relationship_id, kind, occurred_on, note FROM relationship_event
         ORDER BY relationship_id, occurred_on, id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let owner: i64 = r.get(0)?;
        let kind: String = r.get(1)?;
        let on: String = r.get(2)?;
        if let (Some(&i), Ok(occurred_on)) = (index.get(&owner), on.parse()) {
            relationships[i].events.push(ExportedEvent {
                kind: EventKind::parse(&kind),
                occurred_on,
                note: r.get(3)?,
            });
        }
    }
    let mut stmt =
        conn.prepare(&format!("SELECT {ENTRY_COLUMNS} FROM entry e ORDER BY e.created_at, e.id"))?;
    let entries = stmt
        .query_map([], entry_from_row)?
        .map(|e| {
            e.map(|e| ExportedEntry {
                created_at: e.created_at,
                updated_at: (e.updated_at != e.created_at).then_some(e.updated_at),
                body: e.body,
                relationship: e.meta.relationship_id,
                framework: e.meta.framework_id,
                step: e.meta.step_id,
                mood: e.meta.mood,
                tags: e.meta.tags,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(JournalExport {
        format: FORMAT.to_owned(),
        version: VERSION,
        exported_at: now,
        relationships,
        entries,
    })
}

/// Writes the export as pretty JSON to `path`, atomically (temporary file, then rename).
pub fn write_json(export: &JournalExport, path: &Path) -> Result<(), TransferError> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // tempfile makes the file owner-only (0600), and the rename keeps that mode.
    let mut temp =
        tempfile::Builder::new().prefix(".mend-export-").suffix(".partial").tempfile_in(dir)?;
    {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        serde_json::to_writer_pretty(&mut out, export).map_err(std::io::Error::other)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| TransferError::Io(e.error))?;
    Ok(())
}

/// What a Markdown export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownExport {
    /// The new folder, inside the one the person chose.
    pub folder: PathBuf,
    pub files: usize,
}

/// Writes one Markdown file per entry into a new folder inside `parent`, named
/// "`app_name` export DATE" (the app passes its neutral name when the person chose one):
/// free entries in `Journal/`, the others in a folder per relationship. Names come from
/// dates and from relationship names reduced to safe characters; existing files are never
/// overwritten. Folders are owner-only (0700), files 0600.
pub fn write_markdown(
    export: &JournalExport,
    parent: &Path,
    app_name: &str,
) -> Result<MarkdownExport, TransferError> {
    let base = format!("{} export {}", safe_name(app_name), export.exported_at.format("%Y-%m-%d"));
    let mut folder = parent.join(&base);
    let mut n = 2;
    while folder.exists() {
        folder = parent.join(format!("{base} ({n})"));
        n += 1;
    }
    std::fs::DirBuilder::new().mode(files::DIR_MODE).create(&folder)?;
    let mut folders: HashMap<Option<i64>, PathBuf> = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    used.insert("journal".to_owned());
    folders.insert(None, folder.join("Journal"));
    for r in &export.relationships {
        let mut name = safe_name(&r.name);
        if name.is_empty() {
            name = format!("Relationship {}", r.reference);
        }
        if !used.insert(name.to_lowercase()) {
            name = format!("{name} ({})", r.reference);
            used.insert(name.to_lowercase());
        }
        folders.insert(Some(r.reference), folder.join(name));
    }
    let named: HashMap<i64, &ExportedRelationship> =
        export.relationships.iter().map(|r| (r.reference, r)).collect();
    let mut written = 0;
    for (i, e) in export.entries.iter().enumerate() {
        let dir = folders.get(&e.relationship).unwrap_or(&folder);
        files::create_private_dir(dir)?;
        let file = dir.join(format!("{}-{:05}.md", e.created_at.format("%Y-%m-%d-%H%M%S"), i + 1));
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(files::FILE_MODE)
            .open(&file)?;
        out.write_all(
            markdown_file(e, e.relationship.and_then(|r| named.get(&r).copied())).as_bytes(),
        )?;
        written += 1;
    }
    Ok(MarkdownExport { folder, files: written })
}

/// A relationship's name as a folder name: letters, digits, spaces, `-` and `_` only.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' || c == '_' { c } else { '-' })
        .take(60)
        .collect();
    cleaned.trim_matches(|c: char| c == ' ' || c == '-').to_owned()
}

/// One entry as Markdown with YAML front matter (values JSON-quoted, which YAML reads).
/// The relationship's setting in the front matter (Mend's import ignores it): "team", or
/// with power at work, "myManager (they hold more power)".
fn setting_words(r: &ExportedRelationship) -> Option<String> {
    let s = r.setting?;
    let power = match r.power {
        _ if !s.is_work() => "",
        Some(Power::Them) => " (they hold more power)",
        Some(Power::Me) => " (I hold more power)",
        Some(Power::Even) => " (power about even)",
        None => "",
    };
    Some(format!("{}{power}", s.as_str()))
}

fn markdown_file(e: &ExportedEntry, relationship: Option<&ExportedRelationship>) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    let setting = relationship.and_then(setting_words);
    let mut out = String::from("---\n");
    out.push_str(&format!(
        "created: {}\n",
        quote(&e.created_at.to_rfc3339_opts(SecondsFormat::Millis, true))
    ));
    if let Some(u) = e.updated_at {
        out.push_str(&format!(
            "updated: {}\n",
            quote(&u.to_rfc3339_opts(SecondsFormat::Millis, true))
        ));
    }
    for (key, value) in [
        ("relationship", relationship.map(|r| r.name.as_str())),
        ("setting", setting.as_deref()),
        ("mood", e.mood.as_deref()),
        ("framework", e.framework.as_deref()),
        ("step", e.step.as_deref()),
    ] {
        if let Some(v) = value {
            out.push_str(&format!("{key}: {}\n", quote(v)));
        }
    }
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|t| quote(t)).collect();
        out.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    out.push_str("---\n\n");
    out.push_str(&e.body);
    if !e.body.ends_with('\n') {
        out.push('\n');
    }
    out
}
