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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Freq {
    Daily,
    Weekly,
    Monthly,
}

/// The parts of a rule the app can name.
struct Parsed {
    freq: Freq,
    interval: u32,
    /// BYDAY, in week order; none when the rule has none.
    days: Option<Vec<Weekday>>,
    /// BYMONTHDAY, in the rule's order; none when the rule has none.
    month_days: Option<Vec<i32>>,
}

impl Parsed {
    /// The rules the app can name; none for anything else (counts, end dates, yearly…).
    fn read(rule: &str) -> Option<Parsed> {
        let upper = rule.trim().to_uppercase();
        let body = upper.strip_prefix("RRULE:").unwrap_or(&upper);
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for part in body.split(';').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=')?;
            let key_ok = !key.is_empty() && key.bytes().all(|b| b.is_ascii_uppercase());
            let value_ok = !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b",+-".contains(&b));
            if !key_ok || !value_ok || seen.iter().any(|(k, _)| *k == key) {
                return None;
            }
            seen.push((key, value));
        }
        let get = |key: &str| seen.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        let known = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "WKST"];
        if seen.iter().any(|(k, _)| !known.contains(k)) {
            return None;
        }
        // Another week start changes which weeks "every other week" picks: left unnamed.
        if get("WKST").is_some_and(|w| w != "MO") {
            return None;
        }
        let freq = match get("FREQ")? {
            "DAILY" => Freq::Daily,
            "WEEKLY" => Freq::Weekly,
            "MONTHLY" => Freq::Monthly,
            _ => return None,
        };
        let interval = match get("INTERVAL") {
            None => 1,
            Some(text) if text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok()?,
            Some(_) => return None,
        };
        if interval < 1 {
            return None;
        }
        let days = match get("BYDAY") {
            None => None,
            Some(text) => {
                let list: Vec<Weekday> =
                    text.split(',').map(Weekday::from_code).collect::<Option<_>>()?;
                if in_week_order(&list).len() != list.len() {
                    return None;
                }
                Some(in_week_order(&list))
            }
        };
        let month_days = match get("BYMONTHDAY") {
            None => None,
            Some(text) => {
                let mut list = Vec::new();
                for d in text.split(',') {
                    let digits = d.strip_prefix('-').unwrap_or(d);
                    if digits.is_empty()
                        || digits.len() > 2
                        || !digits.bytes().all(|b| b.is_ascii_digit())
                    {
                        return None;
                    }
                    let n: i32 = d.parse().ok()?;
                    if n == 0 || !(-1..=31).contains(&n) || list.contains(&n) {
                        return None;
                    }
                    list.push(n);
                }
                Some(list)
            }
        };
        // Only these shapes are named; a daily rule limited to weekdays, or a monthly
        // rule on weekdays, is valid RRULE but stays "custom".
        let named = match freq {
            Freq::Daily => days.is_none() && month_days.is_none(),
            Freq::Weekly => month_days.is_none(),
            Freq::Monthly => days.is_none(),
        };
        named.then_some(Parsed { freq, interval, days, month_days })
    }
}

/// "1st", "2nd", "3rd", "11th", "22nd".
pub fn ordinal(n: i64) -> String {
    let suffix = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "Monday", "Monday and Thursday", "Monday, Wednesday and Friday".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn day_names(days: &[Weekday]) -> String {
    join_words(&days.iter().map(|d| d.name().to_owned()).collect::<Vec<_>>())
}

fn every(interval: u32, unit: &str) -> String {
    match interval {
        1 => format!("every {unit}"),
        2 => format!("every other {unit}"),
        n => format!("every {n} {unit}s"),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const WORKING_WEEK: [Weekday; 5] =
    [Weekday::Mo, Weekday::Tu, Weekday::We, Weekday::Th, Weekday::Fr];

/// Any stored rule in words (none: "Once"). `starts_on` fills in what a rule leaves to
/// its start day (a weekly rule without days, a monthly one without a date).
pub fn describe_rule(rule: Option<&str>, starts_on: Option<NaiveDate>) -> String {
    let Some(rule) = rule.filter(|r| !r.trim().is_empty()) else { return "Once".into() };
    let Some(parsed) = Parsed::read(rule) else { return CUSTOM_LABEL.into() };
    match parsed.freq {
        Freq::Daily => capitalise(&every(parsed.interval, "day")),
        Freq::Weekly => {
            let Some(days) = parsed.days.or_else(|| starts_on.map(|s| vec![Weekday::of(s)])) else {
                return CUSTOM_LABEL.into();
            };
            if parsed.interval == 1 {
                if days.len() == 7 {
                    return "Every day".into();
                }
                if days == WORKING_WEEK {
                    return "Every weekday, Monday to Friday".into();
                }
                return format!("Every {}", day_names(&days));
            }
            format!("{} on {}", capitalise(&every(parsed.interval, "week")), day_names(&days))
        }
        Freq::Monthly => {
            let Some(month_days) =
                parsed.month_days.or_else(|| starts_on.map(|s| vec![s.day() as i32]))
            else {
                return CUSTOM_LABEL.into();
            };
            let named: Vec<String> = month_days
                .iter()
                .map(|d| if *d == -1 { "last day".into() } else { ordinal(i64::from(*d)) })
                .collect();
            format!("On the {} of {}", join_words(&named), every(parsed.interval, "month"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Thursday 12 November 2026.
    fn start() -> NaiveDate {
        d(2026, 11, 12)
    }

    fn every_choice() -> Vec<Repeat> {
        vec![
            Repeat::Once,
            Repeat::Daily,
            Repeat::Weekly { days: vec![Mo, Th] },
            Repeat::Weekly { days: Weekday::ALL.to_vec() },
            Repeat::EveryFewWeeks { weeks_apart: 2, days: vec![Su] },
            Repeat::EveryFewWeeks { weeks_apart: 52, days: vec![Mo, We, Fr] },
            Repeat::MonthlyOnDay { month_day: 1 },
            Repeat::MonthlyOnDay { month_day: 31 },
            Repeat::MonthlyLastDay,
            Repeat::Custom { rule: "FREQ=YEARLY;BYMONTH=3".into() },
        ]
    }

    #[test]
    fn every_choice_survives_a_round_trip_through_its_rule() {
        for r in every_choice() {
            let rule = r.to_rrule();
            assert_eq!(Repeat::from_rrule(rule.as_deref(), start()), r, "{rule:?}");
            assert!(r.check(start()).is_ok(), "{r:?}");
        }
        assert_eq!(
            Repeat::Weekly { days: vec![Th, Mo, Th] }.to_rrule().as_deref(),
            Some("FREQ=WEEKLY;BYDAY=MO,TH"),
            "days in week order, once each"
        );
        assert_eq!(
            Repeat::EveryFewWeeks { weeks_apart: 3, days: vec![Su] }.to_rrule().as_deref(),
            Some("FREQ=WEEKLY;INTERVAL=3;BYDAY=SU")
        );
    }

    #[test]
    fn rules_made_elsewhere_are_kept_verbatim() {
        for rule in [
            "FREQ=YEARLY;BYMONTH=3",
            "FREQ=DAILY;COUNT=5",
            "FREQ=DAILY;INTERVAL=3",
            "FREQ=WEEKLY;INTERVAL=60;BYDAY=MO",
            "FREQ=MONTHLY;BYMONTHDAY=1,15",
            "FREQ=MONTHLY;INTERVAL=2",
            "FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=MO",
            "  freq=weekly;byday=xx ",
        ] {
            let read = Repeat::from_rrule(Some(rule), start());
            assert_eq!(read, Repeat::Custom { rule: rule.into() }, "{rule}");
            assert_eq!(read.to_rrule().as_deref(), Some(rule));
        }
        assert_eq!(Repeat::from_rrule(None, start()), Repeat::Once);
        assert_eq!(Repeat::from_rrule(Some("  "), start()), Repeat::Once);
    }

    #[test]
    fn rules_are_read_as_the_picker_would_show_them() {
        let read = |rule| Repeat::from_rrule(Some(rule), start());
        assert_eq!(read("rrule:freq=weekly;byday=th,mo"), Repeat::Weekly { days: vec![Mo, Th] });
        assert_eq!(read("FREQ=WEEKLY"), Repeat::Weekly { days: vec![Th] }, "the start's weekday");
        assert_eq!(read("FREQ=MONTHLY"), Repeat::MonthlyOnDay { month_day: 12 });
        assert_eq!(read("FREQ=DAILY;INTERVAL=1;WKST=MO"), Repeat::Daily);
    }

    #[test]
    fn each_kind_is_described_as_the_app_shows_it() {
        let s = Some(start());
        let cases = [
            (Repeat::Once, "Once"),
            (Repeat::Daily, "Every day"),
            (Repeat::Weekly { days: vec![Mo, Th] }, "Every Monday and Thursday"),
            (Repeat::Weekly { days: vec![Mo, We, Fr] }, "Every Monday, Wednesday and Friday"),
            (Repeat::Weekly { days: WORKING_WEEK.to_vec() }, "Every weekday, Monday to Friday"),
            (Repeat::Weekly { days: Weekday::ALL.to_vec() }, "Every day"),
            (
                Repeat::EveryFewWeeks { weeks_apart: 2, days: vec![Su] },
                "Every other week on Sunday",
            ),
            (Repeat::EveryFewWeeks { weeks_apart: 3, days: vec![Tu] }, "Every 3 weeks on Tuesday"),
            (Repeat::MonthlyOnDay { month_day: 1 }, "On the 1st of every month"),
            (Repeat::MonthlyOnDay { month_day: 22 }, "On the 22nd of every month"),
            (Repeat::MonthlyOnDay { month_day: 13 }, "On the 13th of every month"),
            (Repeat::MonthlyLastDay, "On the last day of every month"),
            (Repeat::Custom { rule: "FREQ=YEARLY".into() }, CUSTOM_LABEL),
            (Repeat::Custom { rule: "FREQ=DAILY;INTERVAL=3".into() }, "Every 3 days"),
            (
                Repeat::Custom { rule: "FREQ=MONTHLY;BYMONTHDAY=1,-1".into() },
                "On the 1st and last day of every month",
            ),
            (
                Repeat::Custom { rule: "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=3".into() },
                "On the 3rd of every other month",
            ),
            (Repeat::Custom { rule: "FREQ=WEEKLY".into() }, "Every Thursday"),
        ];
        for (r, words) in cases {
            assert_eq!(r.describe(s), words, "{r:?}");
        }
        assert_eq!(describe_rule(Some("FREQ=WEEKLY"), None), CUSTOM_LABEL, "no start day to go by");
        assert_eq!(Repeat::MonthlyOnDay { month_day: 28 }.hint(), None);
        assert_eq!(
            Repeat::MonthlyOnDay { month_day: 31 }.hint().as_deref(),
            Some("Months without a 31st are skipped. To count every month, choose \"On the last day of each month\".")
        );
    }

    #[test]
    fn the_limits_are_refused_with_the_field_at_fault() {
        let cases = [
            (Repeat::Weekly { days: vec![] }, RuleError::NoDays, "days"),
            (
                Repeat::EveryFewWeeks { weeks_apart: 1, days: vec![Mo] },
                RuleError::WeeksApart,
                "weeksApart",
            ),
            (
                Repeat::EveryFewWeeks { weeks_apart: 53, days: vec![Mo] },
                RuleError::WeeksApart,
                "weeksApart",
            ),
            (
                Repeat::EveryFewWeeks { weeks_apart: 0, days: vec![] },
                RuleError::WeeksApart,
                "weeksApart",
            ),
            (Repeat::EveryFewWeeks { weeks_apart: 2, days: vec![] }, RuleError::NoDays, "days"),
            (Repeat::MonthlyOnDay { month_day: 0 }, RuleError::MonthDay, "monthDay"),
            (Repeat::MonthlyOnDay { month_day: 32 }, RuleError::MonthDay, "monthDay"),
            (Repeat::Custom { rule: " ".into() }, RuleError::NoRule, "repeat"),
            (Repeat::Custom { rule: "FREQ=HOURLY".into() }, RuleError::TooFrequent, "repeat"),
            (Repeat::Custom { rule: "FREQ=SOMETIMES".into() }, RuleError::Invalid, "repeat"),
        ];
        for (r, error, field) in cases {
            assert_eq!(r.check(start()), Err(error.clone()), "{r:?}");
            assert_eq!(error.field(), Some(field));
        }
        assert_eq!(
            RuleError::WeeksApart.to_string(),
            "please choose how many weeks apart, from 2 to 52"
        );
        assert!(Repeat::Weekly { days: vec![] }.summary(Some(start())).is_err());
    }

    #[test]
    fn hourly_rules_are_refused_and_never_named() {
        let hourly = Repeat::from_rrule(Some("FREQ=HOURLY"), start());
        assert_eq!(hourly, Repeat::Custom { rule: "FREQ=HOURLY".into() });
        assert_eq!(hourly.check(start()), Err(RuleError::TooFrequent));
        assert_eq!(hourly.describe(Some(start())), CUSTOM_LABEL);
    }

    #[test]
    fn the_wire_format_is_tagged_by_kind() {
        let json = serde_json::to_string(&Repeat::EveryFewWeeks { weeks_apart: 2, days: vec![Mo] })
            .unwrap();
        assert_eq!(json, r#"{"kind":"everyFewWeeks","weeksApart":2,"days":["MO"]}"#);
        let back: Repeat = serde_json::from_str(r#"{"kind":"monthlyOnDay","monthDay":5}"#).unwrap();
        assert_eq!(back, Repeat::MonthlyOnDay { month_day: 5 });
    }

    #[test]
    fn check_in_choices_read_and_write_the_rules_they_always_have() {
        for (every, rule) in [
            (CheckInEvery::Weekly, "FREQ=WEEKLY"),
            (CheckInEvery::Fortnightly, "FREQ=WEEKLY;INTERVAL=2"),
            (CheckInEvery::Monthly, "FREQ=MONTHLY"),
        ] {
            assert_eq!(every.to_rrule(), rule);
            assert_eq!(CheckInEvery::from_rrule(rule), every);
        }
        assert_eq!(CheckInEvery::from_rrule("interval=2;freq=weekly"), CheckInEvery::Fortnightly);
        assert_eq!(CheckInEvery::from_rrule("FREQ=WEEKLY;INTERVAL=1"), CheckInEvery::Weekly);
        let custom = CheckInEvery::from_rrule("FREQ=WEEKLY;BYDAY=FR");
        assert_eq!(custom, CheckInEvery::Custom { rule: "FREQ=WEEKLY;BYDAY=FR".into() });
        assert_eq!(custom.to_rrule(), "FREQ=WEEKLY;BYDAY=FR");
    }
}
