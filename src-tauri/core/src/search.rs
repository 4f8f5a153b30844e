//! Full-text search over every entry with FTS5. The index is a table inside the
//! SQLCipher database, so it is encrypted like everything else.
//!
//! What the person types is never handed to FTS5's query language: it is split into
//! words, each quoted as a literal, and the last one matched as a prefix, so no input
//! can cause a syntax error. Results are ranked by BM25 and filtered by relationship,
//! framework step, tag, mood and date range.
use crate::journal::{entry_from_row, EntryView, JournalError, ENTRY_COLUMNS};
use crate::time::instant::to_millis;
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const MAX_RESULTS: u32 = 100;
const MARK_OPEN: char = '\u{E000}';
const MARK_CLOSE: char = '\u{E001}';

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct SearchQuery {
    /// Words to find; empty lists the filtered entries newest first.
    pub text: String,
    #[ts(type = "number | null")]
    pub relationship_id: Option<i64>,
    pub framework_id: Option<String>,
    pub step_id: Option<String>,
    pub tag: Option<String>,
    pub mood: Option<String>,
    /// Entries written at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Entries written before this instant.
    pub to: Option<DateTime<Utc>>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub entry: EntryView,
    /// A short excerpt around the matches, as safe HTML with matches in `<mark>`.
    pub snippet: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// Whether more entries matched than were returned.
    pub more: bool,
}

/// Turns typed text into a safe FTS5 query: quoted words, ANDed, the last as a prefix.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<&str> =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let (last, rest) = words.split_last()?;
    let mut q: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    let typing_last = !text.ends_with(|c: char| !c.is_alphanumeric());
    q.push(if typing_last { format!("\"{last}\"*") } else { format!("\"{last}\"") });
    Some(q.join(" "))
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            MARK_OPEN => out.push_str("<mark>"),
            MARK_CLOSE => out.push_str("</mark>"),
            // Markdown punctuation reads as noise in a one-line excerpt.
            '*' | '_' | '#' | '`' => {}
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An excerpt from the start of an entry, for results without search words.
fn opening(body: &str) -> String {
    let text: String =
        body.chars().filter(|c| *c != MARK_OPEN && *c != MARK_CLOSE).take(160).collect();
    let more = body.chars().count() > 160;
    format!("{}{}", escape_html(&text), if more { "…" } else { "" })
}

pub struct Search<'a> {
    conn: &'a Connection,
}

impl<'a> Search<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    pub fn run(&self, q: &SearchQuery) -> Result<SearchResults, JournalError> {
        let limit = q.limit.unwrap_or(50).clamp(1, MAX_RESULTS);
        let fts = fts_query(&q.text);
        let mut params: Vec<Value> = Vec::new();
        let mut filters = String::new();
        let mut add = |sql: &str, v: Value, params: &mut Vec<Value>| {
            params.push(v);
            filters.push_str(&sql.replace('?', &format!("?{}", params.len())));
        };
        if let Some(f) = &fts {
            add(" AND entry_fts MATCH ?", Value::Text(f.clone()), &mut params);
        }
        if let Some(r) = q.relationship_id {
            add(" AND e.relationship_id = ?", Value::Integer(r), &mut params);
        }
        if let Some(f) = q.framework_id.as_ref().filter(|s| !s.is_empty()) {
            add(" AND e.framework_id = ?", Value::Text(f.clone()), &mut params);
        }
        if let Some(s) = q.step_id.as_ref().filter(|s| !s.is_empty()) {
            add(" AND e.step_id = ?", Value::Text(s.clone()), &mut params);
        }
        if let Some(m) = q.mood.as_ref().filter(|s| !s.is_empty()) {
            add(" AND e.mood = ? COLLATE NOCASE", Value::Text(m.trim().to_owned()), &mut params);
        }
        if let Some(t) = q.tag.as_ref().filter(|s| !s.is_empty()) {
            add(
                " AND EXISTS (SELECT 1 FROM entry_tag et JOIN tag t ON t.id = et.tag_id
                   WHERE et.entry_id = e.id AND t.name = ?)",
                Value::Text(t.trim().trim_start_matches('#').to_owned()),
                &mut params,
            );
        }
        if let Some(from) = q.from {
            add(" AND e.created_at >= ?", Value::Integer(to_millis(from)), &mut params);
        }
        if let Some(to) = q.to {
            add(" AND e.created_at < ?", Value::Integer(to_millis(to)), &mut params);
        }
        params.push(Value::Integer(i64::from(limit) + 1));
        let limit_param = params.len();
        let sql = if fts.is_some() {
            format!(
                "SELECT {ENTRY_COLUMNS},
                        snippet(entry_fts, 0, char(57344), char(57345), '…', 24)
                 FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid
                 WHERE 1 {filters}
                 ORDER BY entry_fts.rank LIMIT ?{limit_param}"
            )
        } else {
            format!(
                "SELECT {ENTRY_COLUMNS}, NULL FROM entry e
                 WHERE 1 {filters}
                 ORDER BY e.created_at DESC, e.id DESC LIMIT ?{limit_param}"
            )
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |row| {
            let entry = entry_from_row(row)?;
            let snippet: Option<String> = row.get(9)?;
            Ok((entry, snippet))
        })?;
        let mut hits: Vec<SearchHit> = Vec::new();
        for row in rows {
            let (entry, snippet) = row?;
            let snippet = snippet.map(|s| escape_html(&s)).unwrap_or_else(|| opening(&entry.body));
            hits.push(SearchHit { entry: entry.into(), snippet });
        }
        let more = hits.len() > limit as usize;
        hits.truncate(limit as usize);
        Ok(SearchResults { hits, more })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_a_safe_query() {
        assert_eq!(fts_query("kept promise").as_deref(), Some("\"kept\" \"promise\"*"));
        assert_eq!(fts_query("kept promise ").as_deref(), Some("\"kept\" \"promise\""));
        assert_eq!(
            fts_query("\"unbalanced AND (NEAR").as_deref(),
            Some("\"unbalanced\" \"AND\" \"NEAR\"*")
        );
        assert_eq!(fts_query("  *** ").as_deref(), None);
        assert_eq!(fts_query("café").as_deref(), Some("\"café\"*"));
    }

    #[test]
    fn snippets_are_escaped_and_marked() {
        let s = escape_html("<b>\u{E000}lie\u{E001}</b> & **more**");
        assert_eq!(s, "&lt;b&gt;<mark>lie</mark>&lt;/b&gt; &amp; more");
    }
}
