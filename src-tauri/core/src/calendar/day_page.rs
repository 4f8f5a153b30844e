//! Jumping to a day: the timeline page that ends with the chosen day, and where to start
//! walking back toward the present from it (`Journal::timeline_newer`).
use super::{day_start, Calendar, CalendarError};
use crate::journal::{Cursor, EntryView, Journal, TimelineFilter};
use crate::time::instant::to_millis;
use chrono::NaiveDate;
use chrono_tz::Tz;
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

/// The timeline around a chosen day: the entries written on it or before it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DayPage {
    /// The day asked for.
    pub on: NaiveDate,
    /// Newest first: the day's own entries, then older ones.
    pub entries: Vec<EntryView>,
    /// Where the next older page starts; `None` when this page reaches the oldest entry.
    pub next: Option<Cursor>,
    /// Where a page toward the present starts; `None` when nothing is newer.
    pub newer: Option<Cursor>,
    /// How many of `entries` were written on the day itself (0: nothing that day).
    pub on_the_day: u32,
}

impl Calendar<'_> {
    /// Up to `limit` entries written on `on` (in `tz`) or before it, newest first.
    pub fn day_page(
        &self,
        filter: TimelineFilter,
        on: NaiveDate,
        tz: Tz,
        limit: u32,
    ) -> Result<DayPage, CalendarError> {
        let start = day_start(tz, on);
        let end = day_start(tz, on.succ_opt().unwrap_or(on));
        // Ids start at 1, so id 0 at the next day's first instant sits between the two days.
        let boundary = Cursor { created_at: end, id: 0 };
        let page = Journal::new(self.conn)
            .timeline_filtered(filter, Some(boundary), limit)
            .map_err(|e| match e {
                crate::JournalError::Storage(e) => CalendarError::Storage(e),
                _ => CalendarError::Invalid("that page of the journal could not be read"),
            })?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM entry
             WHERE created_at >= ?1 AND (?2 IS NULL OR relationship_id = ?2))",
        )?;
        let any_newer: bool =
            stmt.query_row(params![to_millis(end), filter.relationship_id], |r| r.get(0))?;
        let on_the_day = page.entries.iter().filter(|e| e.created_at >= start).count();
        Ok(DayPage {
            on,
            newer: any_newer.then(|| {
                page.entries
                    .first()
                    .map_or(boundary, |e| Cursor { created_at: e.created_at, id: e.id })
            }),
            entries: page.entries,
            next: page.next,
            on_the_day: u32::try_from(on_the_day).unwrap_or(u32::MAX),
        })
    }
}
