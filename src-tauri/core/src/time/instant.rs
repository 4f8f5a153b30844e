//! How instants are stored: Unix milliseconds, UTC (an `INTEGER` column).
//!
//! Invariant: reading never fails; a value out of chrono's range reads as the Unix epoch,
//! so one damaged row shows as 1970 instead of failing the whole list it is in.
use chrono::{DateTime, TimeZone, Utc};

pub(crate) fn to_millis(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub(crate) fn from_millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}
