//! "On this day": entries written on today's month and day in earlier years.
//!
//! Off unless the person turns it on, because the anniversary of a breach can hurt. It can
//! also be turned off for one relationship: that relationship's entries are then left out
//! of the journal's look back and its own page shows none.
//!
//! 29 February: in a year without one, the look back on 28 February also shows the
//! entries written on 29 February in earlier leap years, so they are not hidden for three
//! years in four. On a 29 February it shows only earlier 29 Februaries.
use super::{day_start, Calendar, CalendarError};
use crate::journal::{excerpt, TimelineFilter};
use crate::relationships::{on_this_day_hidden_key, Relationships, ON_THIS_DAY_HIDDEN_PREFIX};
use crate::time::instant::{from_millis, to_millis};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params_from_iter, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// The setting that turns the look back on ("1"); absent or anything else is off.
const ENABLED_KEY: &str = "onThisDay.enabled";
/// The most entries one look back lists.
pub const MAX_MEMORIES: u32 = 20;
/// How many characters of an entry the card shows.
pub const EXCERPT_CHARS: usize = 160;
/// How far back the look back reaches, in years.
const MAX_YEARS_BACK: i32 = 200;

/// One entry from an earlier year, as the card lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Memory {
    #[ts(type = "number")]
    pub id: i64,
    pub created_at: DateTime<Utc>,
    /// The local day it was written on.
    pub on: NaiveDate,
    pub years_ago: u32,
    pub excerpt: String,
}

/// What the "on this day" card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OnThisDay {
    /// Whether the person turned the look back on (Settings).
    pub enabled: bool,
    /// Whether it is turned off for the relationship asked about.
    pub hidden_here: bool,
    /// Newest first; empty when off, hidden here, or nothing was written on this day.
    pub memories: Vec<Memory>,
}

/// The month-days whose entries a look back on `today` shows.
pub fn month_days(today: NaiveDate) -> Vec<(u32, u32)> {
    let (m, d) = (today.month(), today.day());
    let leap = NaiveDate::from_ymd_opt(today.year(), 2, 29).is_some();
    if (m, d) == (2, 28) && !leap {
        vec![(2, 28), (2, 29)]
    } else {
        vec![(m, d)]
    }
}

impl Calendar<'_> {
    pub fn on_this_day_enabled(&self) -> Result<bool, CalendarError> {
        Ok(self.setting(ENABLED_KEY)?.as_deref() == Some("1"))
    }

    pub fn set_on_this_day_enabled(&self, enabled: bool) -> Result<(), CalendarError> {
        if enabled {
            self.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?1, '1')
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [ENABLED_KEY],
            )?;
        } else {
            self.conn.execute("DELETE FROM setting WHERE key = ?1", [ENABLED_KEY])?;
        }
        Ok(())
    }

    /// Turns the look back off (`hidden`) or back on for one relationship.
    pub fn set_on_this_day_hidden(
        &self,
        relationship_id: i64,
        hidden: bool,
    ) -> Result<(), CalendarError> {
        Relationships::new(self.conn).get(relationship_id)?;
        let key = on_this_day_hidden_key(relationship_id);
        if hidden {
            self.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?1, '1')
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key],
            )?;
        } else {
            self.conn.execute("DELETE FROM setting WHERE key = ?1", [key])?;
        }
        Ok(())
    }

    fn setting(&self, key: &str) -> Result<Option<String>, CalendarError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// The look back for `today` in `tz`: the journal's (filter without a relationship,
    /// leaving out relationships it is turned off for) or one relationship's.
    pub fn on_this_day(
        &self,
        filter: TimelineFilter,
        today: NaiveDate,
        tz: Tz,
    ) -> Result<OnThisDay, CalendarError> {
        let enabled = self.on_this_day_enabled()?;
        let hidden_here = match filter.relationship_id {
            Some(id) => {
                Relationships::new(self.conn).get(id)?;
                self.setting(&on_this_day_hidden_key(id))?.is_some()
            }
            None => false,
        };
        let memories =
            if enabled && !hidden_here { self.memories(filter, today, tz)? } else { vec![] };
        Ok(OnThisDay { enabled, hidden_here, memories })
    }

    fn memories(
        &self,
        filter: TimelineFilter,
        today: NaiveDate,
        tz: Tz,
    ) -> Result<Vec<Memory>, CalendarError> {
        let Some(first_ms) = self
            .conn
            .query_row("SELECT min(created_at) FROM entry", [], |r| r.get::<_, Option<i64>>(0))?
        else {
            return Ok(vec![]);
        };
        let first_year =
            from_millis(first_ms).with_timezone(&tz).year().max(today.year() - MAX_YEARS_BACK);
        // Each earlier year's matching day, as the instants that bound it locally.
        let mut bounds: Vec<i64> = Vec::new();
        for year in first_year..today.year() {
            for (m, d) in month_days(today) {
                if let Some(day) = NaiveDate::from_ymd_opt(year, m, d) {
                    let next = day.succ_opt().unwrap_or(day);
                    bounds.push(to_millis(day_start(tz, day)));
                    bounds.push(to_millis(day_start(tz, next)));
                }
            }
        }
        if bounds.is_empty() {
            return Ok(vec![]);
        }
        let days = vec!["(?, ?)"; bounds.len() / 2].join(", ");
        let n = bounds.len();
        let sql = format!(
            "WITH day (lo, hi) AS (VALUES {days})
             SELECT e.id, e.created_at, e.body FROM day JOIN entry e
               ON e.created_at >= day.lo AND e.created_at < day.hi
             WHERE (?{rel} IS NULL OR e.relationship_id = ?{rel})
               AND (e.relationship_id IS NULL OR e.relationship_id NOT IN
                    (SELECT CAST(substr(key, {skip}) AS INTEGER) FROM setting
                     WHERE key GLOB '{prefix}*'))
             ORDER BY e.created_at DESC, e.id DESC LIMIT {MAX_MEMORIES}",
            rel = n + 1,
            skip = ON_THIS_DAY_HIDDEN_PREFIX.len() + 1,
            prefix = ON_THIS_DAY_HIDDEN_PREFIX,
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let values = bounds.into_iter().map(Some).chain(std::iter::once(filter.relationship_id));
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, ms, body) = row?;
            let created_at = from_millis(ms);
            let on = created_at.with_timezone(&tz).date_naive();
            out.push(Memory {
                id,
                created_at,
                on,
                years_ago: u32::try_from(today.year() - on.year()).unwrap_or(0),
                excerpt: excerpt(&body, EXCERPT_CHARS),
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn the_28th_of_february_in_a_common_year_also_looks_back_on_the_29th() {
        assert_eq!(month_days(d(2027, 2, 28)), vec![(2, 28), (2, 29)]);
        assert_eq!(month_days(d(2028, 2, 28)), vec![(2, 28)], "a leap year has its own 29th");
        assert_eq!(month_days(d(2028, 2, 29)), vec![(2, 29)]);
        assert_eq!(month_days(d(2027, 3, 1)), vec![(3, 1)]);
    }
}
