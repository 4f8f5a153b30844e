//! The ledger's arithmetic, with no storage and no clock: when a commitment falls due
//! (RFC 5545 recurrence rules, through the `rrule` crate), how kept occurrences add up
//! to a consistency score, and streaks. Every function takes "today" as an argument.
//!
//! The score, in the words the app shows:
//! > Each time a commitment fell due in the window and was logged counts once: kept
//! > counts fully, partly kept or renegotiated before it was due counts half,
//! > renegotiated after it was due counts a quarter, missed counts nothing. The score is
//! > the total divided by the number of logged times. Times not logged are shown apart
//! > and never counted either way.
use crate::error::ErrorKind;
use crate::repeat::{MAX_WEEKS_APART, MIN_WEEKS_APART};
use chrono::{Datelike, Duration, NaiveDate, TimeZone};
use rrule::{RRuleSet, Tz};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The explanation shown beside every score.
pub const SCORE_FORMULA: &str = "Each time a commitment fell due in this window and was logged counts once: \
kept counts fully, partly kept or renegotiated before it was due counts half, renegotiated after it was due \
counts a quarter, and missed counts nothing. The score is that total divided by the number of logged times. \
Times that were not logged are shown separately and never counted either way.";

/// Most occurrences one query may list (about 27 years of daily dates).
const MAX_OCCURRENCES: u16 = 10_000;

/// A repeat rule refused; each names the input field at fault (see `field`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("that repeat rule isn't one Mend understands")]
    Invalid,
    #[error("a commitment can repeat at most daily")]
    TooFrequent,
    #[error("the end date is before the start date")]
    EndsBeforeStart,
    #[error("please choose at least one day of the week")]
    NoDays,
    #[error("please choose how many weeks apart, from {} to {}", MIN_WEEKS_APART, MAX_WEEKS_APART)]
    WeeksApart,
    #[error("please choose a day of the month from 1 to 31")]
    MonthDay,
    #[error("please choose how often it repeats")]
    NoRule,
}

impl RuleError {
    /// The input field at fault, as the commands' inputs name it.
    pub fn field(&self) -> Option<&'static str> {
        Some(match self {
            Self::Invalid | Self::TooFrequent | Self::NoRule => "repeat",
            Self::EndsBeforeStart => "endsOn",
            Self::NoDays => "days",
            Self::WeeksApart => "weeksApart",
            Self::MonthDay => "monthDay",
        })
    }

    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput { field: self.field() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OccurrenceStatus {
    Kept,
    Partly,
    Missed,
    /// Changed by agreement instead of kept.
    Renegotiated,
}

impl OccurrenceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OccurrenceStatus::Kept => "kept",
            OccurrenceStatus::Partly => "partly",
            OccurrenceStatus::Missed => "missed",
            OccurrenceStatus::Renegotiated => "renegotiated",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "kept" => Some(Self::Kept),
            "partly" => Some(Self::Partly),
            "missed" => Some(Self::Missed),
            "renegotiated" => Some(Self::Renegotiated),
            _ => None,
        }
    }
}

/// One logged occurrence, as the score sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Logged {
    pub due_on: NaiveDate,
    pub status: OccurrenceStatus,
    /// Logged on or before the day it was due (matters for renegotiation).
    pub ahead: bool,
}

pub fn weight(l: &Logged) -> f64 {
    match (l.status, l.ahead) {
        (OccurrenceStatus::Kept, _) => 1.0,
        (OccurrenceStatus::Partly, _) | (OccurrenceStatus::Renegotiated, true) => 0.5,
        (OccurrenceStatus::Renegotiated, false) => 0.25,
        (OccurrenceStatus::Missed, _) => 0.0,
    }
}

fn midnight(d: NaiveDate) -> chrono::DateTime<Tz> {
    Tz::UTC
        .with_ymd_and_hms(d.year(), d.month(), d.day(), 0, 0, 0)
        .single()
        .unwrap_or_else(|| Tz::UTC.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default()))
}

/// Checks a rule as typed or built by the UI (`FREQ=WEEKLY;BYDAY=MO,TH`).
pub fn check_rule(rule: &str, starts_on: NaiveDate) -> Result<(), RuleError> {
    let upper = rule.to_ascii_uppercase();
    if ["HOURLY", "MINUTELY", "SECONDLY"].iter().any(|f| upper.contains(&format!("FREQ={f}"))) {
        return Err(RuleError::TooFrequent);
    }
    if upper.contains("DTSTART") || upper.contains('\n') {
        return Err(RuleError::Invalid);
    }
    rule_set(Some(rule), starts_on).map(|_| ())
}

fn rule_set(rule: Option<&str>, starts_on: NaiveDate) -> Result<Option<RRuleSet>, RuleError> {
    let Some(rule) = rule.map(str::trim).filter(|r| !r.is_empty()) else { return Ok(None) };
    let text = format!(
        "DTSTART:{}T000000Z\nRRULE:{}",
        starts_on.format("%Y%m%d"),
        rule.trim_start_matches("RRULE:")
    );
    text.parse::<RRuleSet>().map(Some).map_err(|_| RuleError::Invalid)
}

/// The days a commitment falls due within `from..=to`: its start day for a one-off, or
/// every date its rule yields, never before `starts_on` nor after `ends_on`.
pub fn due_dates(
    rule: Option<&str>,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<NaiveDate>, RuleError> {
    if ends_on.is_some_and(|e| e < starts_on) {
        return Err(RuleError::EndsBeforeStart);
    }
    let to = ends_on.map_or(to, |e| e.min(to));
    let from = from.max(starts_on);
    if to < from {
        return Ok(vec![]);
    }
    match rule_set(rule, starts_on)? {
        None => Ok(if (from..=to).contains(&starts_on) { vec![starts_on] } else { vec![] }),
        Some(set) => {
            let after = midnight(from) - Duration::seconds(1);
            let before = midnight(to) + Duration::seconds(1);
            let found = set.after(after).before(before).all(MAX_OCCURRENCES);
            let mut days: Vec<NaiveDate> = found.dates.iter().map(|d| d.date_naive()).collect();
            days.dedup();
            Ok(days)
        }
    }
}

/// The consistency of some occurrences over a window of days ending today.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Consistency {
    pub window_days: u32,
    pub kept: u32,
    pub partly: u32,
    pub renegotiated: u32,
    pub missed: u32,
    /// Fell due in the window and nobody logged them.
    pub not_logged: u32,
    /// 0 to 1; none when nothing in the window was logged.
    pub score: Option<f64>,
}

/// Scores the occurrences due in the `window_days` days ending `today` (inclusive).
/// `due` are every due date (logged or not); `logged` the logged ones.
pub fn consistency(
    due: &[NaiveDate],
    logged: &[Logged],
    today: NaiveDate,
    window_days: u32,
) -> Consistency {
    let start = today - Duration::days(i64::from(window_days.max(1)) - 1);
    let in_window = |d: &NaiveDate| (start..=today).contains(d);
    let mut c = Consistency {
        window_days,
        kept: 0,
        partly: 0,
        renegotiated: 0,
        missed: 0,
        not_logged: 0,
        score: None,
    };
    let mut total = 0.0;
    let mut count = 0u32;
    for l in logged.iter().filter(|l| in_window(&l.due_on)) {
        match l.status {
            OccurrenceStatus::Kept => c.kept += 1,
            OccurrenceStatus::Partly => c.partly += 1,
            OccurrenceStatus::Renegotiated => c.renegotiated += 1,
            OccurrenceStatus::Missed => c.missed += 1,
        }
        total += weight(l);
        count += 1;
    }
    // Today's occurrence is not "not logged" yet: the day isn't over.
    c.not_logged = due
        .iter()
        .filter(|d| in_window(d) && **d < today && !logged.iter().any(|l| l.due_on == **d))
        .count() as u32;
    if count > 0 {
        c.score = Some(total / f64::from(count));
    }
    c
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Streak {
    /// Kept in a row up to now (today's occurrence counts once logged).
    pub current: u32,
    pub best: u32,
}

/// Runs of kept occurrences. Anything else due in between (partly, missed, renegotiated,
/// or not logged once its day has passed) ends a run.
pub fn streak(due: &[NaiveDate], logged: &[Logged], today: NaiveDate) -> Streak {
    let mut days: Vec<NaiveDate> = due.iter().copied().filter(|d| *d <= today).collect();
    days.sort();
    let kept =
        |d: &NaiveDate| logged.iter().any(|l| l.due_on == *d && l.status == OccurrenceStatus::Kept);
    let logged_at_all = |d: &NaiveDate| logged.iter().any(|l| l.due_on == *d);
    let mut run = 0u32;
    let mut best = 0u32;
    for d in &days {
        if kept(d) {
            run += 1;
            best = best.max(run);
        } else if *d == today && !logged_at_all(d) {
            // Still today: neither kept nor broken yet.
        } else {
            run = 0;
        }
    }
    Streak { current: run, best }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn log(due_on: NaiveDate, status: OccurrenceStatus, ahead: bool) -> Logged {
        Logged { due_on, status, ahead }
    }

    #[test]
    fn one_off_commitments_fall_due_once() {
        let start = d(2026, 3, 10);
        assert_eq!(due_dates(None, start, None, d(2026, 3, 1), d(2026, 3, 31)).unwrap(), [start]);
        assert!(due_dates(None, start, None, d(2026, 4, 1), d(2026, 4, 30)).unwrap().is_empty());
    }

    #[test]
    fn weekly_rules_follow_the_calendar() {
        // Mondays and Thursdays from Monday 2 March 2026.
        let days = due_dates(
            Some("FREQ=WEEKLY;BYDAY=MO,TH"),
            d(2026, 3, 2),
            None,
            d(2026, 3, 1),
            d(2026, 3, 15),
        )
        .unwrap();
        assert_eq!(days, [d(2026, 3, 2), d(2026, 3, 5), d(2026, 3, 9), d(2026, 3, 12)]);
    }

    #[test]
    fn month_ends_are_handled_by_the_rule_not_by_guesswork() {
        // The last day of each month, including a leap February.
        let days = due_dates(
            Some("FREQ=MONTHLY;BYMONTHDAY=-1"),
            d(2028, 1, 1),
            None,
            d(2028, 1, 1),
            d(2028, 4, 30),
        )
        .unwrap();
        assert_eq!(days, [d(2028, 1, 31), d(2028, 2, 29), d(2028, 3, 31), d(2028, 4, 30)]);
        // The 31st only in months that have one (RFC 5545 skips the others).
        let days =
            due_dates(Some("FREQ=MONTHLY"), d(2026, 1, 31), None, d(2026, 1, 1), d(2026, 5, 31))
                .unwrap();
        assert_eq!(days, [d(2026, 1, 31), d(2026, 3, 31), d(2026, 5, 31)]);
    }

    #[test]
    fn dates_do_not_shift_across_daylight_saving_changes() {
        // Daily across the European spring-forward night (29 March 2026).
        let days =
            due_dates(Some("FREQ=DAILY"), d(2026, 3, 27), None, d(2026, 3, 27), d(2026, 3, 31))
                .unwrap();
        assert_eq!(days.len(), 5);
        assert_eq!(days[2], d(2026, 3, 29));
    }

    #[test]
    fn end_dates_counts_and_bad_rules() {
        let days = due_dates(
            Some("FREQ=DAILY"),
            d(2026, 1, 1),
            Some(d(2026, 1, 3)),
            d(2025, 12, 1),
            d(2026, 2, 1),
        )
        .unwrap();
        assert_eq!(days.len(), 3);
        let days = due_dates(
            Some("FREQ=DAILY;COUNT=2"),
            d(2026, 1, 1),
            None,
            d(2026, 1, 1),
            d(2026, 2, 1),
        )
        .unwrap();
        assert_eq!(days.len(), 2);
        assert_eq!(check_rule("FREQ=HOURLY", d(2026, 1, 1)), Err(RuleError::TooFrequent));
        assert_eq!(check_rule("FREQ=SOMETIMES", d(2026, 1, 1)), Err(RuleError::Invalid));
        assert_eq!(
            check_rule("FREQ=DAILY\nRRULE:FREQ=DAILY", d(2026, 1, 1)),
            Err(RuleError::Invalid)
        );
        assert!(check_rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", d(2026, 1, 1)).is_ok());
        assert_eq!(
            due_dates(None, d(2026, 1, 5), Some(d(2026, 1, 1)), d(2026, 1, 1), d(2026, 2, 1)),
            Err(RuleError::EndsBeforeStart)
        );
    }

    #[test]
    fn the_score_weighs_as_the_app_explains() {
        let today = d(2026, 6, 30);
        let due: Vec<NaiveDate> = (1..=30).map(|i| d(2026, 6, i)).collect();
        let logged = vec![
            log(d(2026, 6, 1), OccurrenceStatus::Kept, true),
            log(d(2026, 6, 2), OccurrenceStatus::Partly, true),
            log(d(2026, 6, 3), OccurrenceStatus::Renegotiated, true),
            log(d(2026, 6, 4), OccurrenceStatus::Renegotiated, false),
            log(d(2026, 6, 5), OccurrenceStatus::Missed, false),
        ];
        let c = consistency(&due, &logged, today, 30);
        assert_eq!((c.kept, c.partly, c.renegotiated, c.missed), (1, 1, 2, 1));
        assert_eq!(c.not_logged, 24, "the 6th to the 29th; today is still open");
        let expected = (1.0 + 0.5 + 0.5 + 0.25 + 0.0) / 5.0;
        assert!((c.score.unwrap() - expected).abs() < 1e-9);
    }

    #[test]
    fn renegotiating_ahead_beats_a_silent_miss() {
        let today = d(2026, 6, 10);
        let due = [d(2026, 6, 9)];
        let ahead = consistency(
            &due,
            &[log(d(2026, 6, 9), OccurrenceStatus::Renegotiated, true)],
            today,
            30,
        );
        let silent =
            consistency(&due, &[log(d(2026, 6, 9), OccurrenceStatus::Missed, false)], today, 30);
        assert!(ahead.score > silent.score);
    }

    #[test]
    fn nothing_logged_means_no_score_not_zero() {
        let c = consistency(&[d(2026, 6, 1)], &[], d(2026, 6, 30), 30);
        assert_eq!(c.score, None);
        assert_eq!(c.not_logged, 1);
    }

    #[test]
    fn windows_only_count_their_own_days() {
        let today = d(2026, 6, 30);
        let logged = [
            log(d(2026, 4, 15), OccurrenceStatus::Missed, false),
            log(d(2026, 6, 20), OccurrenceStatus::Kept, true),
        ];
        let due = [d(2026, 4, 15), d(2026, 6, 20)];
        assert_eq!(consistency(&due, &logged, today, 30).score, Some(1.0));
        assert_eq!(consistency(&due, &logged, today, 90).score, Some(0.5));
    }

    #[test]
    fn streaks_count_kept_runs_and_wait_for_today() {
        let today = d(2026, 6, 5);
        let due: Vec<NaiveDate> = (1..=5).map(|i| d(2026, 6, i)).collect();
        let kept = |i| log(d(2026, 6, i), OccurrenceStatus::Kept, true);
        let s = streak(
            &due,
            &[kept(1), kept(2), log(d(2026, 6, 3), OccurrenceStatus::Missed, false), kept(4)],
            today,
        );
        assert_eq!(
            s,
            Streak { current: 1, best: 2 },
            "today not logged yet does not break the run"
        );
        let s = streak(&due, &[kept(1), kept(2), kept(4)], today);
        assert_eq!(s.current, 1, "the 3rd went unlogged: the run restarts");
        let s = streak(&due, &[kept(1), kept(2), kept(3), kept(4), kept(5)], today);
        assert_eq!(s, Streak { current: 5, best: 5 });
    }
}
