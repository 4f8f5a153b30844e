//! The repeat rules: round trips, each kind's words, the limits, custom rules kept.
use super::text::WORKING_WEEK;
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
        (Repeat::EveryFewWeeks { weeks_apart: 2, days: vec![Su] }, "Every other week on Sunday"),
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
    let json =
        serde_json::to_string(&Repeat::EveryFewWeeks { weeks_apart: 2, days: vec![Mo] }).unwrap();
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
