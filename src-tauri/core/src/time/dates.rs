//! Calendar dates typed by a person: parsed strictly, never guessed.
use crate::error::ErrorKind;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("that date isn't in the form YYYY-MM-DD, or doesn't exist on the calendar")]
    Impossible,
    #[error("that date is in the future")]
    InFuture,
}

impl DateError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Impossible | Self::InFuture => ErrorKind::INVALID,
        }
    }
}

/// Parses `YYYY-MM-DD`, refusing dates that do not exist (2026-02-30).
pub fn parse(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    if text.len() != 10 {
        return Err(DateError::Impossible);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| DateError::Impossible)
}

/// [`parse`], also refusing dates after `now` (a day of slack for time zones ahead of UTC).
pub fn parse_past(text: &str, now: DateTime<Utc>) -> Result<NaiveDate, DateError> {
    let date = parse(text)?;
    if date > now.date_naive().succ_opt().unwrap_or(NaiveDate::MAX) {
        return Err(DateError::InFuture);
    }
    Ok(date)
}

/// An optional date field: empty means none.
pub fn parse_optional(text: Option<&str>) -> Result<Option<NaiveDate>, DateError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse(t).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(parse("2026-02-30"), Err(DateError::Impossible));
        assert_eq!(parse("2026-13-01"), Err(DateError::Impossible));
        assert_eq!(parse("26-1-1"), Err(DateError::Impossible));
        assert_eq!(parse("yesterday"), Err(DateError::Impossible));
        assert_eq!(parse("2024-02-29"), Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()));
    }

    #[test]
    fn future_dates_are_refused_where_only_the_past_makes_sense() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        assert!(parse_past("2026-11-23", now).is_ok(), "a day of slack for time zones");
        assert_eq!(parse_past("2026-11-25", now), Err(DateError::InFuture));
        assert!(parse_past("2019-06-01", now).is_ok());
    }

    #[test]
    fn empty_optional_dates_are_none() {
        assert_eq!(parse_optional(None), Ok(None));
        assert_eq!(parse_optional(Some("  ")), Ok(None));
        assert!(parse_optional(Some("2026-02-30")).is_err());
    }
}
