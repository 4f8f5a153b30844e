//! How often something falls due, as typed choices instead of rule text: [`Repeat`] for
//! a commitment (the choices the app's picker offers, plus any other rule kept as it
//! is) and [`CheckInEvery`] for a check-in schedule. Both are stored as RFC 5545 RRULE
//! bodies (`FREQ=WEEKLY;BYDAY=MO,TH`); this module is the only place that builds or
//! reads those bodies for people, and it names them in the words the app shows.
//!
//! Invariants:
//! - A rule the choices cannot show is `Custom`, and its text is kept exactly.
//! - `from_rrule(to_rrule(r))` gives back `r` for every valid choice (days in week order).
//! - The limits (days ticked, weeks apart, day of the month) are decided here, once;
//!   each refusal names the input field at fault (see [`RuleError::field`]).
//! - Which days a rule falls due on is `ledger::due_dates`'s job, not this module's.
use crate::ledger::{self, RuleError};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[cfg(test)]
mod tests;
mod text;

pub use text::{describe_rule, ordinal};
use text::{Freq, Parsed};

/// The fewest and most weeks apart "every few weeks" may be.
pub const MIN_WEEKS_APART: i64 = 2;
pub const MAX_WEEKS_APART: i64 = 52;

/// How a rule the app cannot put into words is named.
pub const CUSTOM_LABEL: &str = "A custom repeat";

/// A day of the week, Monday first, named by its RFC 5545 code (`MO` … `SU`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
#[ts(export)]
pub enum Weekday {
    Mo,
    Tu,
    We,
    Th,
    Fr,
    Sa,
    Su,
}

impl Weekday {
    /// Monday first.
    pub const ALL: [Weekday; 7] =
        [Weekday::Mo, Weekday::Tu, Weekday::We, Weekday::Th, Weekday::Fr, Weekday::Sa, Weekday::Su];

    pub fn code(self) -> &'static str {
        match self {
            Weekday::Mo => "MO",
            Weekday::Tu => "TU",
            Weekday::We => "WE",
            Weekday::Th => "TH",
            Weekday::Fr => "FR",
            Weekday::Sa => "SA",
            Weekday::Su => "SU",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Weekday::Mo => "Monday",
            Weekday::Tu => "Tuesday",
            Weekday::We => "Wednesday",
            Weekday::Th => "Thursday",
            Weekday::Fr => "Friday",
            Weekday::Sa => "Saturday",
            Weekday::Su => "Sunday",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The weekday a date falls on.
    pub fn of(date: NaiveDate) -> Self {
        Self::ALL[date.weekday().num_days_from_monday() as usize]
    }
}

/// How often a commitment falls due: what the picker offers, or a rule made elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum Repeat {
    /// Due once, on its start day.
    Once,
    Daily,
    /// Every week on these days.
    Weekly {
        days: Vec<Weekday>,
    },
    /// Every `weeks_apart` weeks (2 to 52) on these days.
    EveryFewWeeks {
        #[serde(rename = "weeksApart")]
        #[ts(type = "number")]
        weeks_apart: i64,
        days: Vec<Weekday>,
    },
    /// Each month on this date (1 to 31; months without it are skipped).
    MonthlyOnDay {
        #[serde(rename = "monthDay")]
        #[ts(type = "number")]
        month_day: i64,
    },
    MonthlyLastDay,
    /// A rule the picker cannot show, kept exactly as it was.
    Custom {
        rule: String,
    },
}

/// What the picker shows under itself: the rule in words, and a hint when one helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RepeatSummary {
    pub description: String,
    pub hint: Option<String>,
}

fn in_week_order(days: &[Weekday]) -> Vec<Weekday> {
    Weekday::ALL.into_iter().filter(|d| days.contains(d)).collect()
}

fn codes(days: &[Weekday]) -> String {
    in_week_order(days).iter().map(|d| d.code()).collect::<Vec<_>>().join(",")
}

impl Repeat {
    /// The RRULE body; none for a one-off.
    pub fn to_rrule(&self) -> Option<String> {
        match self {
            Repeat::Once => None,
            Repeat::Daily => Some("FREQ=DAILY".into()),
            Repeat::Weekly { days } => Some(format!("FREQ=WEEKLY;BYDAY={}", codes(days))),
            Repeat::EveryFewWeeks { weeks_apart: 1, days } => {
                Some(format!("FREQ=WEEKLY;BYDAY={}", codes(days)))
            }
            Repeat::EveryFewWeeks { weeks_apart, days } => {
                Some(format!("FREQ=WEEKLY;INTERVAL={weeks_apart};BYDAY={}", codes(days)))
            }
            Repeat::MonthlyOnDay { month_day } => {
                Some(format!("FREQ=MONTHLY;BYMONTHDAY={month_day}"))
            }
            Repeat::MonthlyLastDay => Some("FREQ=MONTHLY;BYMONTHDAY=-1".into()),
            Repeat::Custom { rule } => Some(rule.clone()),
        }
    }

    /// The choice a stored rule is (none or blank: a one-off). `starts_on` fills in what
    /// a rule leaves to its start day (a weekly rule without days). A rule the picker
    /// cannot show is `Custom`, with its text unchanged.
    pub fn from_rrule(rule: Option<&str>, starts_on: NaiveDate) -> Self {
        let Some(rule) = rule.filter(|r| !r.trim().is_empty()) else { return Repeat::Once };
        let custom = Repeat::Custom { rule: rule.to_owned() };
        let Some(parsed) = Parsed::read(rule) else { return custom };
        let read = match parsed.freq {
            Freq::Daily if parsed.interval == 1 => Repeat::Daily,
            Freq::Daily => return custom,
            Freq::Weekly => {
                let days = parsed.days.unwrap_or_else(|| vec![Weekday::of(starts_on)]);
                match parsed.interval {
                    1 => Repeat::Weekly { days },
                    n => Repeat::EveryFewWeeks { weeks_apart: i64::from(n), days },
                }
            }
            Freq::Monthly => match (parsed.interval, parsed.month_days.as_deref()) {
                (1, None) => Repeat::MonthlyOnDay { month_day: i64::from(starts_on.day()) },
                (1, Some([-1])) => Repeat::MonthlyLastDay,
                (1, Some([day])) => Repeat::MonthlyOnDay { month_day: i64::from(*day) },
                _ => return custom,
            },
        };
        if read.check_limits().is_err() {
            return custom;
        }
        read
    }

    /// The picker's limits, which need no start day.
    pub fn check_limits(&self) -> Result<(), RuleError> {
        match self {
            Repeat::Weekly { days } if days.is_empty() => Err(RuleError::NoDays),
            Repeat::EveryFewWeeks { weeks_apart, .. }
                if !(MIN_WEEKS_APART..=MAX_WEEKS_APART).contains(weeks_apart) =>
            {
                Err(RuleError::WeeksApart)
            }
            Repeat::EveryFewWeeks { days, .. } if days.is_empty() => Err(RuleError::NoDays),
            Repeat::MonthlyOnDay { month_day } if !(1..=31).contains(month_day) => {
                Err(RuleError::MonthDay)
            }
            Repeat::Custom { rule } if rule.trim().is_empty() => Err(RuleError::NoRule),
            _ => Ok(()),
        }
    }

    /// Every rule: the picker's limits, then the rule itself (valid RFC 5545, at most
    /// daily) for a commitment starting on `starts_on`.
    pub fn check(&self, starts_on: NaiveDate) -> Result<(), RuleError> {
        self.check_limits()?;
        match self.to_rrule() {
            Some(rule) => ledger::check_rule(rule.trim(), starts_on),
            None => Ok(()),
        }
    }

    /// In words, as the app shows it: "Every Monday and Thursday", "Every other week on
    /// Sunday", "On the last day of every month", "Once"; "A custom repeat" for a rule
    /// it cannot name. The UI adds a one-off's day, written in the reader's locale.
    pub fn describe(&self, starts_on: Option<NaiveDate>) -> String {
        describe_rule(self.to_rrule().as_deref(), starts_on)
    }

    /// A quiet hint for dates that not every month has.
    pub fn hint(&self) -> Option<String> {
        match self {
            Repeat::MonthlyOnDay { month_day } if (29..=31).contains(month_day) => Some(format!(
                "Months without a {} are skipped. To count every month, choose \"On the last day of each month\".",
                ordinal(*month_day)
            )),
            _ => None,
        }
    }

    /// What the picker shows while it is being filled in; the limit it breaks, if any.
    pub fn summary(&self, starts_on: Option<NaiveDate>) -> Result<RepeatSummary, RuleError> {
        self.check_limits()?;
        Ok(RepeatSummary { description: self.describe(starts_on), hint: self.hint() })
    }
}

/// How often to be asked to check in: the schedule form's choices, or a rule made
/// elsewhere, kept exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum CheckInEvery {
    /// Every week, on the start day's weekday.
    Weekly,
    /// Every two weeks, from the start day.
    Fortnightly,
    /// Every month, on the start day's date.
    Monthly,
    Custom {
        rule: String,
    },
}

impl CheckInEvery {
    pub fn to_rrule(&self) -> String {
        match self {
            CheckInEvery::Weekly => "FREQ=WEEKLY".into(),
            CheckInEvery::Fortnightly => "FREQ=WEEKLY;INTERVAL=2".into(),
            CheckInEvery::Monthly => "FREQ=MONTHLY".into(),
            CheckInEvery::Custom { rule } => rule.clone(),
        }
    }

    /// The choice a stored rule is, whatever the order of its parts or their case
    /// (`INTERVAL=1` is the same as none); anything else is `Custom`, unchanged.
    pub fn from_rrule(rule: &str) -> Self {
        let upper = rule.to_uppercase();
        let mut parts: Vec<&str> = upper
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty() && *p != "INTERVAL=1")
            .collect();
        parts.sort_unstable();
        match parts.as_slice() {
            ["FREQ=WEEKLY"] => CheckInEvery::Weekly,
            ["FREQ=WEEKLY", "INTERVAL=2"] => CheckInEvery::Fortnightly,
            ["FREQ=MONTHLY"] => CheckInEvery::Monthly,
            _ => CheckInEvery::Custom { rule: rule.to_owned() },
        }
    }
}
