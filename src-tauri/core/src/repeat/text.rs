//! Reading a stored rule's parts and naming rules in words: the only place that
//! parses RRULE text for people (due dates are `ledger::rules`' job).
use super::{in_week_order, Weekday, CUSTOM_LABEL};
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Freq {
    Daily,
    Weekly,
    Monthly,
}

/// The parts of a rule the app can name.
pub(super) struct Parsed {
    pub(super) freq: Freq,
    pub(super) interval: u32,
    /// BYDAY, in week order; none when the rule has none.
    pub(super) days: Option<Vec<Weekday>>,
    /// BYMONTHDAY, in the rule's order; none when the rule has none.
    pub(super) month_days: Option<Vec<i32>>,
}

impl Parsed {
    /// The rules the app can name; none for anything else (counts, end dates, yearly…).
    pub(super) fn read(rule: &str) -> Option<Parsed> {
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

pub(super) const WORKING_WEEK: [Weekday; 5] =
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
