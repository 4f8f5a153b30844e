//! A folder of Markdown files, one entry per file, with optional YAML front matter.
//!
//! The folder is walked without following links, skipping hidden files and folders, to a
//! depth of 8; `.md`, `.markdown` and `.txt` files are read, in path order. An entry's
//! time comes from `created` (or `date`) in its front matter, or else from a name that
//! starts `YYYY-MM-DD`. Mend's own Markdown export reads back exactly.
//!
//! The front matter is read with yaml-rust2's event parser, not its loader: aliases are
//! never expanded and nesting is skipped without recursion, so a small file cannot grow
//! into a large tree.
use super::jrnl::{clock_time, local_to_utc, noon, push_tag, tidy_body};
use super::{read_capped, ImportBatch, ImportFormat, ImportedEntry, RelationshipRef};
use crate::transfer::TransferError;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// The most files one folder import reads.
pub const MAX_FILES: usize = 20_000;
/// The largest single file (1 MiB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The most all files together may hold (256 MiB).
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// The largest front matter (64 KiB).
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// How deep into the folder files are looked for.
const MAX_DEPTH: usize = 8;
/// A bound on the YAML events one front matter may produce.
const MAX_EVENTS: usize = 200_000;

pub fn parse_folder(dir: &Path, tz: chrono_tz::Tz) -> Result<ImportBatch, TransferError> {
    let mut files: Vec<(PathBuf, String, u64)> = Vec::new();
    let mut other_files = 0usize;
    let mut links = 0usize;
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .max_depth(MAX_DEPTH)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for item in walker {
        let item = item.map_err(std::io::Error::from)?;
        let kind = item.file_type();
        if kind.is_symlink() {
            links += 1;
            continue;
        }
        if !kind.is_file() {
            continue;
        }
        if !is_text_file(item.path()) {
            other_files += 1;
            continue;
        }
        if files.len() >= MAX_FILES {
            return Err(TransferError::TooManyFiles(MAX_FILES));
        }
        let len = item.metadata().map_err(std::io::Error::from)?.len();
        let location = relative(dir, item.path());
        files.push((item.into_path(), location, len));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    if files.is_empty() {
        return Err(TransferError::Empty);
    }
    let mut total = 0u64;
    for (_, location, len) in &files {
        if *len > MAX_FILE_BYTES {
            return Err(too_big(location));
        }
        total = total.saturating_add(*len);
    }
    if total > MAX_TOTAL_BYTES {
        return Err(TransferError::TooLarge { limit_mib: MAX_TOTAL_BYTES / (1024 * 1024) });
    }

    let mut batch = ImportBatch::new(ImportFormat::MarkdownFolder);
    let mut skipped = 0usize;
    for (path, location, _) in &files {
        let text = read_capped(path, MAX_FILE_BYTES).map_err(|e| match e {
            TransferError::TooLarge { .. } => too_big(location),
            TransferError::Malformed { location: at, problem } => {
                TransferError::malformed(format!("{location}, {at}"), problem)
            }
            other => other,
        })?;
        match parse_entry(location, &text, tz)? {
            Some(entry) => batch.entries.push(entry),
            None => skipped += 1,
        }
    }
    match skipped {
        0 => {}
        1 => batch.notes.push("1 empty file was skipped.".into()),
        n => batch.notes.push(format!("{n} empty files were skipped.")),
    }
    match other_files {
        0 => {}
        1 => batch.notes.push("1 file that is not Markdown or text was left out.".into()),
        n => batch.notes.push(format!("{n} files that are not Markdown or text were left out.")),
    }
    match links {
        0 => {}
        1 => batch.notes.push("1 link in the folder was not followed.".into()),
        n => batch.notes.push(format!("{n} links in the folder were not followed.")),
    }
    if batch.entries.is_empty() {
        return Err(TransferError::Empty);
    }
    Ok(batch)
}

fn too_big(location: &str) -> TransferError {
    TransferError::malformed(location, "the file is larger than 1 MiB")
}

fn is_text_file(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "md" | "markdown" | "txt"))
}

/// `path` relative to `dir`, with `/` between its parts.
fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    let parts: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// Parses one file's text. `location` is its path relative to the folder; it names the
/// file in messages and may give the date. A file with no text is an error here (a
/// folder import skips it instead).
pub fn parse_file(
    location: &str,
    text: &str,
    tz: chrono_tz::Tz,
) -> Result<ImportedEntry, TransferError> {
    parse_entry(location, text, tz)?
        .ok_or_else(|| TransferError::malformed(location, "the file has no text"))
}

/// One file's entry, or `None` if its text is blank.
fn parse_entry(
    location: &str,
    text: &str,
    tz: chrono_tz::Tz,
) -> Result<Option<ImportedEntry>, TransferError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let (front, body) = split_front_matter(location, &text)?;
    let fields = match front {
        Some(yaml) => read_front_matter(location, yaml)?,
        None => Fields::default(),
    };
    let mut body = tidy_body(body).to_string();
    if let Some(title) = fields.text("title") {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !title.is_empty() && !starts_with_heading(&body) {
            body =
                if body.is_empty() { format!("# {title}") } else { format!("# {title}\n\n{body}") };
        }
    }
    if body.trim().is_empty() {
        return Ok(None);
    }
    let created = match fields.get("created").or_else(|| fields.get("date")) {
        Some(field) => field_time(location, field, tz)?,
        None => name_time(location, tz)?.ok_or_else(|| {
            TransferError::malformed(location, "no date in its front matter or its name")
        })?,
    };
    let mut entry = ImportedEntry::plain(created, body);
    if let Some(field) = fields.get("updated") {
        entry.updated_at = Some(field_time(location, field, tz)?);
    }
    if let Some(field) = fields.get("tags") {
        match &field.value {
            Value::Scalar(s) => {
                for tag in s.split(',') {
                    push_tag(&mut entry.tags, tag);
                }
            }
            Value::List(items) => {
                for tag in items {
                    push_tag(&mut entry.tags, tag);
                }
            }
            Value::Other => {}
        }
    }
    entry.mood = fields.text("mood");
    entry.relationship = fields.text("relationship").map(RelationshipRef::Named);
    entry.framework_id = fields.text("framework");
    entry.step_id = fields.text("step");
    Ok(Some(entry))
}

fn starts_with_heading(body: &str) -> bool {
    let hashes = body.len() - body.trim_start_matches('#').len();
    (1..=6).contains(&hashes)
        && body
            .get(hashes..)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n']))
}

/// Splits off front matter: the text between a first line `---` and the next line that
/// is `---` or `...`. Returns the front matter (if any) and the rest.
fn split_front_matter<'a>(
    location: &str,
    text: &'a str,
) -> Result<(Option<&'a str>, &'a str), TransferError> {
    let (first, mut rest) = match text.split_once('\n') {
        Some((first, rest)) => (first, rest),
        None => (text, ""),
    };
    if first.trim_end() != "---" {
        return Ok((None, text));
    }
    let start = text.len() - rest.len();
    loop {
        let (line, after) = match rest.split_once('\n') {
            Some((line, after)) => (line, Some(after)),
            None => (rest, None),
        };
        let line_start = text.len() - rest.len();
        if matches!(line.trim_end(), "---" | "...") {
            if line_start - start > MAX_FRONT_MATTER_BYTES {
                return Err(front_matter_too_big(location));
            }
            let yaml = text.get(start..line_start).unwrap_or("");
            return Ok((Some(yaml), after.unwrap_or("")));
        }
        if line_start - start > MAX_FRONT_MATTER_BYTES {
            return Err(front_matter_too_big(location));
        }
        match after {
            Some(after) => rest = after,
            None => {
                return Err(TransferError::malformed(
                    format!("{location}, line 1"),
                    "the front matter has no closing --- line",
                ))
            }
        }
    }
}

fn front_matter_too_big(location: &str) -> TransferError {
    TransferError::malformed(location, "the front matter is larger than 64 KiB")
}

/// A front matter value Mend reads: a scalar's text, or a list of scalars' texts.
#[derive(Debug)]
enum Value {
    Scalar(String),
    List(Vec<String>),
    Other,
}

#[derive(Debug)]
struct Field {
    key: String,
    value: Value,
    /// The file line the value starts on.
    line: usize,
}

#[derive(Debug, Default)]
struct Fields(Vec<Field>);

impl Fields {
    /// The first field named `key` (ignoring case) with a value.
    fn get(&self, key: &str) -> Option<&Field> {
        self.0.iter().find(|f| f.key.eq_ignore_ascii_case(key))
    }

    /// A scalar field's text, trimmed; `None` if absent or blank.
    fn text(&self, key: &str) -> Option<String> {
        match &self.get(key)?.value {
            Value::Scalar(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        }
    }
}

/// The front matter keys Mend reads; others are ignored.
const KEYS: [&str; 9] =
    ["created", "date", "updated", "title", "tags", "mood", "relationship", "framework", "step"];

/// Reads the top-level keys of the front matter's first document. Aliases are not
/// expanded and nested values are skipped.
fn read_front_matter(location: &str, yaml: &str) -> Result<Fields, TransferError> {
    let mut events = Events { parser: Parser::new_from_str(yaml), seen: 0, location };
    let mut fields = Fields::default();
    // Stream start, then a document (or nothing at all).
    let (first, _) = events.next()?;
    if first != Event::StreamStart {
        return Err(events.invalid_at(1));
    }
    let (doc, _) = events.next()?;
    if doc == Event::DocumentStart {
        let (root, _) = events.next()?;
        if let Event::MappingStart(..) = root {
            loop {
                let (key, _) = events.next()?;
                match key {
                    Event::MappingEnd | Event::StreamEnd => break,
                    Event::Scalar(key, ..) => {
                        let (value, mark) = events.next()?;
                        let value = events.value(value)?;
                        if KEYS.iter().any(|k| k.eq_ignore_ascii_case(&key))
                            && !matches!(&value, Value::Scalar(s) if s.is_empty())
                            && fields.get(&key).is_none()
                        {
                            fields.0.push(Field { key, value, line: mark.line() + 1 });
                        }
                    }
                    other => {
                        events.skip(other)?;
                        let (value, _) = events.next()?;
                        events.skip(value)?;
                    }
                }
            }
        } else {
            events.skip(root)?;
        }
    }
    // Read the rest, so that a malformed tail is still reported.
    loop {
        let (event, _) = events.next()?;
        if event == Event::StreamEnd {
            break;
        }
    }
    Ok(fields)
}

struct Events<'a, 'l> {
    parser: Parser<std::str::Chars<'a>>,
    seen: usize,
    location: &'l str,
}

impl Events<'_, '_> {
    fn next(&mut self) -> Result<(Event, Marker), TransferError> {
        self.seen += 1;
        if self.seen > MAX_EVENTS {
            return Err(TransferError::malformed(
                self.location,
                "the front matter is too complex to read",
            ));
        }
        self.parser.next_token().map_err(|e| self.invalid_at(e.marker().line() + 1))
    }

    fn invalid_at(&self, line: usize) -> TransferError {
        TransferError::malformed(
            format!("{}, line {line}", self.location),
            "the front matter is not valid YAML",
        )
    }

    /// Reads the value that starts with `first`.
    fn value(&mut self, first: Event) -> Result<Value, TransferError> {
        match first {
            Event::Scalar(text, style, ..) => Ok(Value::Scalar(scalar(text, style))),
            Event::SequenceStart(..) => {
                let mut items = Vec::new();
                loop {
                    let (event, _) = self.next()?;
                    match event {
                        Event::SequenceEnd | Event::StreamEnd => break,
                        Event::Scalar(text, style, ..) => {
                            let text = scalar(text, style);
                            if !text.is_empty() {
                                items.push(text);
                            }
                        }
                        other => self.skip(other)?,
                    }
                }
                Ok(Value::List(items))
            }
            other => {
                self.skip(other)?;
                Ok(Value::Other)
            }
        }
    }

    /// Skips the rest of the node that starts with `first`, however deeply it nests.
    fn skip(&mut self, first: Event) -> Result<(), TransferError> {
        let mut depth = match first {
            Event::SequenceStart(..) | Event::MappingStart(..) => 1usize,
            _ => return Ok(()),
        };
        while depth > 0 {
            let (event, _) = self.next()?;
            match event {
                Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
                Event::SequenceEnd | Event::MappingEnd => depth -= 1,
                Event::StreamEnd => break,
                _ => {}
            }
        }
        Ok(())
    }
}

/// A scalar's text; a plain `~` or `null` counts as no value.
fn scalar(text: String, style: TScalarStyle) -> String {
    if style == TScalarStyle::Plain && matches!(text.as_str(), "~" | "null" | "Null" | "NULL") {
        String::new()
    } else {
        text
    }
}

/// A time from the front matter: RFC 3339, or a local `YYYY-MM-DD HH:MM[:SS]`, or a
/// local day (taken at noon).
fn field_time(
    location: &str,
    field: &Field,
    tz: chrono_tz::Tz,
) -> Result<DateTime<Utc>, TransferError> {
    let bad = || {
        TransferError::malformed(
            format!("{location}, line {}", field.line),
            format!("the {} value is not a date Mend can read", field.key),
        )
    };
    let Value::Scalar(text) = &field.value else {
        return Err(bad());
    };
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(t) = DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f%:z") {
        return Ok(t.with_timezone(&Utc));
    }
    local_time(text).and_then(|naive| local_to_utc(naive, tz)).ok_or_else(bad)
}

/// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.fff]]` or the same with a `T`.
fn local_time(text: &str) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 4] =
        ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"];
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().and_then(noon))
}

fn name_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[-_]([0-9]{2})([0-9]{2})|\s([0-9]{2})-([0-9]{2}))?(?:[^0-9]|$)",
        )
        .ok()
    })
    .as_ref()
}

/// The time a file's name gives (`2024-03-01-0915-title.md`, `2024-03-01 09-15.md`,
/// `2024-03-01.md` at noon); `Ok(None)` if the name does not start with a date.
fn name_time(location: &str, tz: chrono_tz::Tz) -> Result<Option<DateTime<Utc>>, TransferError> {
    let name = location.rsplit('/').next().unwrap_or(location);
    let Some(caps) = name_re().and_then(|re| re.captures(name)) else {
        return Ok(None);
    };
    let num = |i: usize| -> Option<u32> { caps.get(i).and_then(|m| m.as_str().parse().ok()) };
    let date = match (num(1).and_then(|y| i32::try_from(y).ok()), num(2), num(3)) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
        _ => None,
    }
    .ok_or_else(|| TransferError::malformed(location, "the date in its name does not exist"))?;
    let hour_minute = num(4).zip(num(5)).or_else(|| num(6).zip(num(7)));
    // A time that is not a real time is part of the title (`2024-03-01-1999-trip.md`).
    let naive = hour_minute
        .and_then(|(h, m)| clock_time(&format!("{h}:{m}")))
        .map(|t| date.and_time(t))
        .or_else(|| noon(date))
        .ok_or_else(|| TransferError::malformed(location, "the date in its name does not exist"))?;
    local_to_utc(naive, tz)
        .map(Some)
        .ok_or_else(|| TransferError::malformed(location, "the time in its name does not exist"))
}
