//! The person's local time: their time zone, and the calendar day an instant falls on
//! there. Commands use it for "today" (due dates, streaks, file names), the scheduler for
//! when a reminder fires, imports for the local times written in a source file.
//!
//! Invariant: this is where the app learns the zone ($TZ if it names one, else the
//! system's, else UTC); `mend-core` never guesses one: it is handed a zone or a day.
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The person's time zone: $TZ if it names one, else the system's, else UTC.
pub fn zone() -> Tz {
    std::env::var("TZ")
        .ok()
        .and_then(|t| t.trim_start_matches(':').parse().ok())
        .or_else(|| iana_time_zone::get_timezone().ok().and_then(|t| t.parse().ok()))
        .unwrap_or(Tz::UTC)
}

/// The person's calendar date now, in their time zone.
pub fn today() -> NaiveDate {
    local_day(Utc::now())
}

/// An instant's calendar date in the person's time zone (what core calls a `LocalDay`).
pub fn local_day(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&zone()).date_naive()
}
