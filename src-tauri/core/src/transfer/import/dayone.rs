//! Day One's JSON export (the `Journal.json` inside its zip).
//!
//! Times are RFC 3339 instants, so no time zone is needed. Photos and other attachments
//! are left out (Mend keeps text only): their `![](dayone-moment://…)` references are
//! removed from the text and counted. Day One's backslash escapes of Markdown punctuation
//! (`Hello\. World\!`) are undone.
use super::jrnl::{empty_note, push_tag, tidy_body, STARRED_TAG};
use super::json::from_json;
use super::{ImportBatch, ImportFormat, ImportedEntry};
use crate::transfer::TransferError;
use chrono::{DateTime, Utc};
use regex::Regex;
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Export {
    entries: Option<Vec<Entry>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    creation_date: Option<String>,
    modified_date: Option<String>,
    text: Option<String>,
    tags: Option<Vec<String>>,
    starred: Option<bool>,
    photos: Option<Vec<IgnoredAny>>,
    videos: Option<Vec<IgnoredAny>>,
    audios: Option<Vec<IgnoredAny>>,
    pdf_attachments: Option<Vec<IgnoredAny>>,
}

const FIELDS: &[&str] = &[
    "metadata",
    "entries",
    "creationDate",
    "modifiedDate",
    "text",
    "tags",
    "starred",
    "photos",
    "videos",
    "audios",
    "pdfAttachments",
];

/// An image (or other attachment) reference Day One writes into the text.
fn moment_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"!\[[^\]\n]*\]\(dayone-moment:[^)\s]*\)").ok()).as_ref()
}

pub fn parse_json(text: &str) -> Result<ImportBatch, TransferError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(TransferError::Empty);
    }
    let export: Export = from_json(text, FIELDS)?;
    let entries = export
        .entries
        .ok_or_else(|| TransferError::malformed("entries", "the file has no list of entries"))?;
    let mut batch = ImportBatch::new(ImportFormat::DayOneJson);
    let mut skipped = 0;
    let mut attachments = 0usize;
    for (i, e) in entries.into_iter().enumerate() {
        let created = e.creation_date.as_deref().map(str::trim).unwrap_or("");
        if created.is_empty() {
            return Err(TransferError::malformed(
                format!("entries[{i}].creationDate"),
                "the entry has no creation date",
            ));
        }
        let created = instant(created).ok_or_else(|| {
            TransferError::malformed(
                format!("entries[{i}].creationDate"),
                "that is not a date and time Mend can read",
            )
        })?;
        let updated = match e.modified_date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => Some(instant(d).ok_or_else(|| {
                TransferError::malformed(
                    format!("entries[{i}].modifiedDate"),
                    "that is not a date and time Mend can read",
                )
            })?),
        };
        let (text, in_text) = without_moments(e.text.as_deref().unwrap_or(""));
        let listed = [&e.photos, &e.videos, &e.audios, &e.pdf_attachments]
            .iter()
            .map(|list| list.as_ref().map_or(0, Vec::len))
            .fold(0usize, usize::saturating_add);
        attachments = attachments.saturating_add(in_text.max(listed));
        let text = unescape(&text);
        let body = tidy_body(&text);
        if body.trim().is_empty() {
            skipped += 1;
            continue;
        }
        let mut entry = ImportedEntry::plain(created, body);
        entry.updated_at = updated;
        for tag in e.tags.iter().flatten() {
            push_tag(&mut entry.tags, tag);
        }
        if e.starred == Some(true) {
            push_tag(&mut entry.tags, STARRED_TAG);
        }
        batch.entries.push(entry);
    }
    match attachments {
        0 => {}
        1 => batch.notes.push("1 photo/attachment was left out: Mend keeps text only.".into()),
        n => {
            batch.notes.push(format!("{n} photos/attachments were left out: Mend keeps text only."))
        }
    }
    batch.notes.extend(empty_note(skipped, ("entry", "entries")));
    if batch.entries.is_empty() {
        return Err(TransferError::Empty);
    }
    Ok(batch)
}

fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// The text without attachment references, and how many there were. A line left blank
/// by the removal goes, and so does one blank line around it, so a photo between two
/// paragraphs leaves one paragraph break.
fn without_moments(text: &str) -> (String, usize) {
    let Some(re) = moment_re() else {
        return (text.to_string(), 0);
    };
    let mut count = 0usize;
    let mut kept: Vec<String> = Vec::new();
    let mut after_removed = false;
    for line in text.lines() {
        let found = re.find_iter(line).count();
        if found == 0 {
            let blank = line.trim().is_empty();
            let previous_blank = kept.last().is_none_or(|l| l.trim().is_empty());
            if !(after_removed && blank && previous_blank) {
                kept.push(line.to_string());
            }
            after_removed = false;
            continue;
        }
        count = count.saturating_add(found);
        let rest = re.replace_all(line, "");
        if rest.trim().is_empty() {
            after_removed = true;
        } else {
            kept.push(rest.into_owned());
            after_removed = false;
        }
    }
    (kept.join("\n"), count)
}

/// Undoes Day One's backslash escapes: `\X` becomes `X` for Markdown punctuation, and
/// `\\` becomes `\`. Any other backslash is kept.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if "\\.!()-+#*_[]{}<>|".contains(next) {
                    out.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_markdown_punctuation_only() {
        assert_eq!(unescape(r"Hello\. World\! \\ \n a\-b \q"), r"Hello. World! \ \n a-b \q");
    }

    #[test]
    fn removes_photo_lines_and_one_blank_line() {
        let (text, n) =
            without_moments("one\n\n![](dayone-moment://AB12)\n\ntwo ![](dayone-moment:/video/X9)");
        assert_eq!(text, "one\n\ntwo ");
        assert_eq!(n, 2);
    }
}
