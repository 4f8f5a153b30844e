//! jrnl: its plain-text journal file and its JSON export.
//!
//! The plain-text file is a list of entries, each starting on a line that begins with a
//! timestamp (`[2024-03-01 09:15] Title…` or the older `2024-03-01 09:15 Title…`, with
//! optional seconds and AM/PM); everything up to the next such line is the entry's text.
//! Tags are the `@words` in the text. A ` *` after the timestamp or at the end of the
//! first line marks a starred entry, which becomes the tag "starred".
//!
//! Also holds the small helpers the other format parsers share (local times, tags, JSON
//! error locations), so that every parser reads them the same way.
use super::json::from_json;
use super::{ImportBatch, ImportFormat, ImportedEntry};
use crate::transfer::TransferError;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

/// The tag a starred entry is given.
pub(super) const STARRED_TAG: &str = "starred";

/// An entry line in brackets: `[2024-03-01 09:15:00 AM] …`.
fn bracketed_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^\[([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\s?([AaPp][Mm]))?\]",
        )
        .ok()
    })
    .as_ref()
}

/// An old-style entry line: `2024-03-01 09:15 …`. The timestamp must be followed by
/// whitespace or the end of the line, so `2024-03-01 09:155` is body text.
fn bare_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?: ?(AM|PM))?(?:\s|$)",
        )
        .ok()
    })
    .as_ref()
}

fn tag_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|\s)@([\w-]+)").ok()).as_ref()
}

/// A line that starts an entry: the local time it names (or why it names none) and the
/// text after the timestamp.
struct EntryLine<'a> {
    at: Result<NaiveDateTime, &'static str>,
    rest: &'a str,
}

fn entry_line(line: &str) -> Option<EntryLine<'_>> {
    if !line.starts_with(|c: char| c == '[' || c.is_ascii_digit()) {
        return None;
    }
    let caps = bracketed_re()?.captures(line).or_else(|| bare_re()?.captures(line))?;
    let end = caps.get(0)?.end();
    let num = |i: usize| -> Option<u32> { caps.get(i).and_then(|m| m.as_str().parse().ok()) };
    let at = (|| {
        let bad_date = "that date does not exist";
        let (y, mo, d) =
            (num(1).ok_or(bad_date)?, num(2).ok_or(bad_date)?, num(3).ok_or(bad_date)?);
        let date = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, mo, d))
            .ok_or("that date does not exist")?;
        let bad_time = "that time does not exist";
        let (h, m, s) = (num(4).ok_or(bad_time)?, num(5).ok_or(bad_time)?, num(6).unwrap_or(0));
        let meridiem = caps.get(7).map(|m| m.as_str().to_ascii_uppercase());
        let hour = twelve_hour(h, meridiem.as_deref()).ok_or("that time does not exist")?;
        let time = NaiveTime::from_hms_opt(hour, m, s).ok_or("that time does not exist")?;
        Ok(date.and_time(time))
    })();
    let rest = line.get(end..).unwrap_or("");
    Some(EntryLine { at, rest })
}

/// Converts a 12-hour clock reading to 24-hour; `None` if it is not a real reading.
pub(super) fn twelve_hour(hour: u32, meridiem: Option<&str>) -> Option<u32> {
    match meridiem {
        None => Some(hour),
        Some(_) if hour == 0 || hour > 12 => None,
        Some("AM") => Some(hour % 12),
        Some("PM") => Some(hour % 12 + 12),
        Some(_) => None,
    }
}

/// A local time in `tz` as UTC. In a DST overlap the earlier instant is taken; in a gap,
/// the time an hour later.
pub(super) fn local_to_utc(naive: NaiveDateTime, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let mapped = tz.from_local_datetime(&naive).earliest().or_else(|| {
        let later = naive.checked_add_signed(Duration::hours(1))?;
        tz.from_local_datetime(&later).earliest()
    })?;
    Some(mapped.with_timezone(&Utc))
}

/// Noon local time on `date`, for sources that give a day but no time.
pub(super) fn noon(date: NaiveDate) -> Option<NaiveDateTime> {
    date.and_hms_opt(12, 0, 0)
}

/// A tag as given, without a leading `@` or `#` and surrounding whitespace; `None` if
/// nothing is left.
pub(super) fn clean_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let tag = tag.strip_prefix(['@', '#']).unwrap_or(tag).trim();
    (!tag.is_empty()).then(|| tag.to_string())
}

/// Adds `tag` unless the entry already has it (ignoring case).
pub(super) fn push_tag(tags: &mut Vec<String>, tag: &str) {
    if let Some(tag) = clean_tag(tag) {
        let lower = tag.to_lowercase();
        if !tags.iter().any(|t| t.to_lowercase() == lower) {
            tags.push(tag);
        }
    }
}

/// The text with leading blank lines removed and trailing whitespace trimmed.
pub(super) fn tidy_body(text: &str) -> &str {
    let mut rest = text;
    while let Some(i) = rest.find('\n') {
        let (line, after) = (rest.get(..i).unwrap_or(""), rest.get(i + 1..).unwrap_or(""));
        if line.trim().is_empty() {
            rest = after;
        } else {
            break;
        }
    }
    rest.trim_end()
}

/// The note for entries skipped because they had no text.
pub(super) fn empty_note(skipped: usize, what: (&str, &str)) -> Option<String> {
    match skipped {
        0 => None,
        1 => Some(format!("1 empty {} was skipped.", what.0)),
        n => Some(format!("{n} empty {} were skipped.", what.1)),
    }
}

pub fn parse_text(text: &str, tz: chrono_tz::Tz) -> Result<ImportBatch, TransferError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(TransferError::Empty);
    }
    let mut batch = ImportBatch::new(ImportFormat::JrnlText);
    let mut skipped = 0;
    // The entry being read: its time and its lines (the first is the title).
    let mut current: Option<(DateTime<Utc>, Vec<&str>)> = None;
    let mut finish = |entry: Option<(DateTime<Utc>, Vec<&str>)>, batch: &mut ImportBatch| {
        if let Some((at, lines)) = entry {
            match text_entry(at, &lines) {
                Some(e) => batch.entries.push(e),
                None => skipped += 1,
            }
        }
    };
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if let Some(EntryLine { at, rest }) = entry_line(line) {
            let naive = at.map_err(|p| TransferError::malformed(format!("line {number}"), p))?;
            let at = local_to_utc(naive, tz).ok_or_else(|| {
                TransferError::malformed(format!("line {number}"), "that time does not exist")
            })?;
            finish(current.take(), &mut batch);
            current = Some((at, vec![rest]));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        } else if !line.trim().is_empty() {
            return Err(TransferError::malformed(
                format!("line {number}"),
                "the file does not start with a jrnl entry date",
            ));
        }
    }
    finish(current.take(), &mut batch);
    batch.notes.extend(empty_note(skipped, ("entry", "entries")));
    if batch.entries.is_empty() {
        return Err(TransferError::Empty);
    }
    Ok(batch)
}

/// Builds one entry from its lines; `None` if it has no text.
fn text_entry(at: DateTime<Utc>, lines: &[&str]) -> Option<ImportedEntry> {
    let (first, more) = lines.split_first()?;
    let mut starred = false;
    let mut title = first.trim();
    if let Some(rest) = title.strip_prefix('*') {
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            starred = true;
            title = rest.trim_start();
        }
    }
    if title == "*" {
        starred = true;
        title = "";
    } else if let Some(rest) = title.strip_suffix(" *").or_else(|| title.strip_suffix("\t*")) {
        starred = true;
        title = rest.trim_end();
    }
    let mut body = String::from(title);
    if !more.is_empty() {
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&more.join("\n"));
    }
    let body = tidy_body(&body);
    if body.trim().is_empty() {
        return None;
    }
    let mut entry = ImportedEntry::plain(at, body);
    if let Some(re) = tag_re() {
        for caps in re.captures_iter(body) {
            if let Some(m) = caps.get(1) {
                push_tag(&mut entry.tags, m.as_str());
            }
        }
    }
    if starred {
        push_tag(&mut entry.tags, STARRED_TAG);
    }
    Some(entry)
}

#[derive(Deserialize)]
struct JsonExport {
    entries: Option<Vec<JsonEntry>>,
}

#[derive(Deserialize)]
struct JsonEntry {
    title: Option<String>,
    body: Option<String>,
    date: Option<String>,
    time: Option<String>,
    tags: Option<Vec<String>>,
    starred: Option<bool>,
}

const JSON_FIELDS: &[&str] = &["entries", "title", "body", "date", "time", "tags", "starred"];

pub fn parse_json(text: &str, tz: chrono_tz::Tz) -> Result<ImportBatch, TransferError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(TransferError::Empty);
    }
    let export: JsonExport = from_json(text, JSON_FIELDS)?;
    let entries = export
        .entries
        .ok_or_else(|| TransferError::malformed("entries", "the file has no list of entries"))?;
    let mut batch = ImportBatch::new(ImportFormat::JrnlJson);
    let mut skipped = 0;
    for (i, e) in entries.into_iter().enumerate() {
        let date = e.date.as_deref().map(str::trim).unwrap_or("");
        if date.is_empty() {
            return Err(TransferError::malformed(
                format!("entries[{i}].date"),
                "the entry has no date",
            ));
        }
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
            TransferError::malformed(
                format!("entries[{i}].date"),
                "that is not a date in the form YYYY-MM-DD, or the date does not exist",
            )
        })?;
        let naive = match e.time.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            None => noon(date),
            Some(t) => clock_time(t).map(|t| date.and_time(t)),
        }
        .ok_or_else(|| {
            TransferError::malformed(format!("entries[{i}].time"), "that is not a time of day")
        })?;
        let at = local_to_utc(naive, tz).ok_or_else(|| {
            TransferError::malformed(format!("entries[{i}].time"), "that time does not exist")
        })?;
        let title = e.title.as_deref().unwrap_or("").trim_end();
        let rest = e.body.as_deref().unwrap_or("");
        let mut body = String::from(title);
        if !rest.trim().is_empty() {
            if !body.is_empty() {
                body.push('\n');
            }
            body.push_str(rest);
        }
        let body = tidy_body(&body);
        if body.trim().is_empty() {
            skipped += 1;
            continue;
        }
        let mut entry = ImportedEntry::plain(at, body);
        for tag in e.tags.iter().flatten() {
            push_tag(&mut entry.tags, tag);
        }
        if e.starred == Some(true) {
            push_tag(&mut entry.tags, STARRED_TAG);
        }
        batch.entries.push(entry);
    }
    batch.notes.extend(empty_note(skipped, ("entry", "entries")));
    if batch.entries.is_empty() {
        return Err(TransferError::Empty);
    }
    Ok(batch)
}

/// `HH:MM` or `HH:MM:SS`, either with an optional AM/PM.
pub(super) fn clock_time(text: &str) -> Option<NaiveTime> {
    let upper = text.trim().to_ascii_uppercase();
    let (clock, meridiem) = match upper.strip_suffix("AM") {
        Some(clock) => (clock.trim_end(), Some("AM")),
        None => match upper.strip_suffix("PM") {
            Some(clock) => (clock.trim_end(), Some("PM")),
            None => (upper.as_str(), None),
        },
    };
    let parts: Vec<&str> = clock.splitn(4, ':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut numbers = [0u32; 3];
    for (slot, part) in numbers.iter_mut().zip(&parts) {
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    let [h, m, s] = numbers;
    NaiveTime::from_hms_opt(twelve_hour(h, meridiem)?, m, s)
}
