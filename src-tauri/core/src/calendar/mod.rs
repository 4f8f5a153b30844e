//! Finding a day: which days of a month have entries (and, for a relationship, check-ins
//! and logged commitments), a timeline page around a chosen day ([`day_page`]), and the
//! opt-in "on this day" look back ([`on_this_day`]).
//!
//! Invariants:
//! - An entry belongs to the calendar day its creation instant falls on in the person's
//!   time zone (`Tz`, handed in by the app; core never looks it up). Check-ins and logged
//!   occurrences already carry their local day (`rated_on`, `due_on`) and are not moved.
//! - Each kind of mark in a month is one query over the month's range, never one per day.
//! - A month or a day that does not exist on the calendar is refused with the field at
//!   fault named (`year`, `month`, `on`), before anything is read.
pub mod day_page;
pub mod on_this_day;

use crate::error::record_error;
use crate::journal::TimelineFilter;
use crate::relationships::Relationships;
use crate::reminders::local_instant;
use crate::time::instant::{from_millis, to_millis};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// The earliest and latest years the calendar shows (the range a date field accepts).
pub const FIRST_YEAR: i32 = 1;
pub const LAST_YEAR: i32 = 9999;

record_error!(
    /// Why a month, a day or a look back was refused or could not be read.
    CalendarError,
    gone: "that entry no longer exists"
);

/// A calendar month, checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    first: NaiveDate,
}

impl Month {
    /// `month` runs from 1 (January) to 12; `year` from 1 to 9999.
    pub fn new(year: i32, month: u32) -> Result<Month, CalendarError> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(CalendarError::InvalidField {
                field: "year",
                message: "the calendar goes from the year 1 to the year 9999",
            });
        }
        NaiveDate::from_ymd_opt(year, month, 1).map(|first| Month { first }).ok_or(
            CalendarError::InvalidField {
                field: "month",
                message: "that month doesn't exist: months run from 1 (January) to 12 (December)",
            },
        )
    }

    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The first day of the next month (exclusive end of this one).
    pub fn end(self) -> NaiveDate {
        let (y, m) = if self.first.month() == 12 {
            (self.first.year() + 1, 1)
        } else {
            (self.first.year(), self.first.month() + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX)
    }
}

/// Parses a day the person chose (`YYYY-MM-DD`), refusing one that does not exist.
pub fn parse_day(text: &str) -> Result<NaiveDate, CalendarError> {
    let day = crate::time::dates::parse(text).map_err(|_| CalendarError::InvalidField {
        field: "on",
        message: "that date doesn't exist on the calendar: please pick a day as YYYY-MM-DD",
    })?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&day.year()) {
        return Err(CalendarError::InvalidField {
            field: "on",
            message: "the calendar goes from the year 1 to the year 9999",
        });
    }
    Ok(day)
}

/// The first instant of a local day: midnight, or the first minute after a gap when a
/// clock change skips midnight there.
pub fn day_start(tz: Tz, day: NaiveDate) -> DateTime<Utc> {
    local_instant(tz, day, NaiveTime::MIN)
}

/// One day of a month that has entries, and how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DayCount {
    pub on: NaiveDate,
    pub count: u32,
}

/// What the calendar marks in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthMarks {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// The person's today, for the calendar to mark.
    pub today: NaiveDate,
    /// Days with entries (of the relationship, when the calendar is a relationship's).
    pub entries: Vec<DayCount>,
    /// Days with a check-in (ratings or a trust level); empty outside a relationship.
    pub check_ins: Vec<NaiveDate>,
    /// Days with at least one logged commitment occurrence (the day it was due);
    /// empty outside a relationship.
    pub commitments: Vec<DayCount>,
}

/// The calendar over an unlocked vault.
pub struct Calendar<'a> {
    conn: &'a Connection,
}

impl<'a> Calendar<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    /// The marks for `month` in `tz`: days with entries and, when the filter names a
    /// relationship, its check-in days and logged-commitment days.
    pub fn month(
        &self,
        filter: TimelineFilter,
        month: Month,
        tz: Tz,
        today: NaiveDate,
    ) -> Result<MonthMarks, CalendarError> {
        let (check_ins, commitments) = match filter.relationship_id {
            Some(id) => {
                Relationships::new(self.conn).get(id)?;
                (self.check_in_days(id, month)?, self.commitment_days(id, month)?)
            }
            None => (vec![], vec![]),
        };
        Ok(MonthMarks {
            year: month.first.year(),
            month: month.first.month(),
            today,
            entries: self.entry_days(filter, month, tz)?,
            check_ins,
            commitments,
        })
    }

    /// Days of `month` with entries, in one query over the month's instants.
    fn entry_days(
        &self,
        filter: TimelineFilter,
        month: Month,
        tz: Tz,
    ) -> Result<Vec<DayCount>, CalendarError> {
        let lo = to_millis(day_start(tz, month.first));
        let hi = to_millis(day_start(tz, month.end()));
        let mut stmt = self.conn.prepare_cached(
            "SELECT created_at FROM entry
             WHERE created_at >= ?1 AND created_at < ?2
               AND (?3 IS NULL OR relationship_id = ?3)",
        )?;
        let rows =
            stmt.query_map(params![lo, hi, filter.relationship_id], |r| r.get::<_, i64>(0))?;
        let mut days: BTreeMap<NaiveDate, u32> = BTreeMap::new();
        for ms in rows {
            let day = from_millis(ms?).with_timezone(&tz).date_naive();
            *days.entry(day).or_default() += 1;
        }
        Ok(days.into_iter().map(|(on, count)| DayCount { on, count }).collect())
    }

    /// Days of `month` with a rating or a trust level, in one query.
    fn check_in_days(
        &self,
        relationship_id: i64,
        month: Month,
    ) -> Result<Vec<NaiveDate>, CalendarError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rated_on FROM rating WHERE relationship_id = ?1 AND rated_on >= ?2 AND rated_on < ?3
             UNION
             SELECT rated_on FROM trust_level WHERE relationship_id = ?1 AND rated_on >= ?2 AND rated_on < ?3
             ORDER BY 1",
        )?;
        let rows = stmt.query_map(
            params![relationship_id, month.first.to_string(), month.end().to_string()],
            |r| r.get::<_, String>(0),
        )?;
        let mut days = Vec::new();
        for text in rows {
            if let Ok(day) = crate::time::dates::parse(&text?) {
                days.push(day);
            }
        }
        Ok(days)
    }

    /// Days of `month` with logged occurrences of the relationship's commitments, and how
    /// many were logged for each, in one query.
    fn commitment_days(
        &self,
        relationship_id: i64,
        month: Month,
    ) -> Result<Vec<DayCount>, CalendarError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.due_on, count(*) FROM occurrence o JOIN commitment c ON c.id = o.commitment_id
             WHERE c.relationship_id = ?1 AND o.due_on >= ?2 AND o.due_on < ?3
             GROUP BY o.due_on ORDER BY o.due_on",
        )?;
        let rows = stmt.query_map(
            params![relationship_id, month.first.to_string(), month.end().to_string()],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
        )?;
        let mut days = Vec::new();
        for row in rows {
            let (text, count) = row?;
            if let Ok(on) = crate::time::dates::parse(&text) {
                days.push(DayCount { on, count: u32::try_from(count).unwrap_or(u32::MAX) });
            }
        }
        Ok(days)
    }
}
