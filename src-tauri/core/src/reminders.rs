//! When reminders fire. Pure functions of a schedule, an instant and a time zone, so
//! they are tested across daylight-saving changes, time-zone moves, wall-clock jumps
//! (sleep and resume) and month ends without waiting for any of them.
//!
//! A [`Schedule`] holds times only: never journal text, names or commitment wording.
//! It is what the app keeps outside the vault so reminders can fire while it is locked.
use crate::ledger;
use chrono::{
    DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far ahead the scheduler looks for a commitment's next due date.
const LOOKAHEAD_DAYS: i64 = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReminderKind {
    /// A commitment coming due.
    CommitmentDue,
    /// A daily moment to reflect.
    DailyReflection,
    /// A weekly look back.
    WeeklyReview,
    /// A relationship's check-in (ratings, trust level, decision review) is due.
    CheckIn,
}

impl ReminderKind {
    /// The words of its notification: generic, naming nobody (a commitment may be the
    /// person's own or the other's) and nothing the journal holds.
    pub fn generic_text(self) -> &'static str {
        match self {
            ReminderKind::CommitmentDue => {
                "A commitment is due today. Time to note whether it was kept."
            }
            ReminderKind::DailyReflection => "Time for your check-in.",
            ReminderKind::WeeklyReview => "Time for your weekly look back.",
            ReminderKind::CheckIn => "Time to check in on how things are going.",
        }
    }
}

/// The relationship whose checklist the weekly look back opens: the only one there is.
/// With none, or with several (no way to know which the person means), it opens the
/// journal instead.
pub fn weekly_look_back_on(relationships: &[i64]) -> Option<i64> {
    match relationships {
        [only] => Some(*only),
        _ => None,
    }
}

/// When one reminder fires, in the person's local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Reminder {
    /// Stable id: "daily", "weekly", "commitment-<id>" or "checkin-<relationship id>".
    pub id: String,
    pub kind: ReminderKind,
    pub enabled: bool,
    /// Local time of day, "HH:MM".
    #[ts(type = "string")]
    pub at: NaiveTime,
    /// For the weekly review.
    #[ts(type = "string | null")]
    pub weekday: Option<Weekday>,
    /// For a commitment: its repeat rule and dates (no wording).
    pub rrule: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    /// Fire at this instant instead of the next scheduled time, once.
    pub snoozed_until: Option<DateTime<Utc>>,
    /// Whether the notification may show the commitment's wording (only ever shown while
    /// the vault is unlocked; locked, the generic text is used).
    #[serde(default)]
    pub show_details: bool,
    /// For a commitment, a check-in or the weekly look back: the relationship to open when
    /// the notification is clicked.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub relationship_id: Option<i64>,
}

/// Converts a local date and time to an instant. A time skipped by a spring-forward
/// change fires at the first valid minute after the gap; a time that happens twice in an
/// autumn change fires at the first of the two.
pub fn local_instant(tz: Tz, date: NaiveDate, at: NaiveTime) -> DateTime<Utc> {
    let mut naive = NaiveDateTime::new(date, at);
    for _ in 0..4 {
        match tz.from_local_datetime(&naive) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => return first.with_timezone(&Utc),
            LocalResult::None => naive += Duration::minutes(30),
        }
    }
    Utc.from_utc_datetime(&NaiveDateTime::new(date, at))
}

impl Reminder {
    /// Local dates (in `tz`) on which this reminder is scheduled, from `from` to `to`.
    fn dates(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        match self.kind {
            ReminderKind::DailyReflection => from.iter_days().take_while(|d| *d <= to).collect(),
            ReminderKind::WeeklyReview => {
                let wd = self.weekday.unwrap_or(Weekday::Sun);
                from.iter_days()
                    .take_while(|d| *d <= to)
                    .filter(|d| chrono::Datelike::weekday(d) == wd)
                    .collect()
            }
            ReminderKind::CommitmentDue | ReminderKind::CheckIn => match self.starts_on {
                Some(start) => {
                    ledger::due_dates(self.rrule.as_deref(), start, self.ends_on, from, to)
                        .unwrap_or_default()
                }
                None => vec![],
            },
        }
    }

    /// The first time this reminder fires strictly after `after`, if ever.
    pub fn next_after(&self, after: DateTime<Utc>, tz: Tz) -> Option<DateTime<Utc>> {
        if !self.enabled {
            return None;
        }
        if let Some(s) = self.snoozed_until.filter(|s| *s > after) {
            return Some(s);
        }
        let today = after.with_timezone(&tz).date_naive();
        let from = today - Duration::days(1);
        let mut span = 8;
        while span <= LOOKAHEAD_DAYS * 2 {
            let to = from + Duration::days(span);
            let hit = self
                .dates(from, to)
                .into_iter()
                .map(|d| local_instant(tz, d, self.at))
                .find(|t| *t > after);
            if hit.is_some() {
                return hit;
            }
            span *= 4;
        }
        None
    }

    /// Every time this reminder was due in `(from, to]`: what fired while the app was
    /// not running, or while the computer slept.
    pub fn due_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        tz: Tz,
    ) -> Vec<DateTime<Utc>> {
        if !self.enabled || to <= from {
            return vec![];
        }
        let first = from.with_timezone(&tz).date_naive() - Duration::days(1);
        let last = to.with_timezone(&tz).date_naive() + Duration::days(1);
        let mut times: Vec<DateTime<Utc>> = self
            .dates(first, last)
            .into_iter()
            .map(|d| local_instant(tz, d, self.at))
            .filter(|t| *t > from && *t <= to)
            .collect();
        if let Some(s) = self.snoozed_until.filter(|s| *s > from && *s <= to) {
            times.push(s);
            times.sort();
        }
        times
    }
}

/// Every reminder, and the last instant the scheduler accounted for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    pub reminders: Vec<Reminder>,
    /// Everything due up to here has fired or been summarised.
    pub checked_until: Option<DateTime<Utc>>,
}

/// What to do at a moment: reminders due now, or a summary of those missed meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    Nothing,
    /// Fire these, one notification each.
    Now(Vec<String>),
    /// More than one came due while nobody was there: one summary, not a flood.
    Missed(usize),
}

impl Schedule {
    /// The next instant after `now` at which any reminder fires.
    pub fn next_after(&self, now: DateTime<Utc>, tz: Tz) -> Option<DateTime<Utc>> {
        self.reminders.iter().filter_map(|r| r.next_after(now, tz)).min()
    }

    /// What came due since the last check, up to `now`, and moves the mark to `now`.
    /// `grace` is how late a reminder may be and still fire as itself (a sleeping
    /// laptop that wakes an hour later gets a summary instead).
    pub fn take_due(&mut self, now: DateTime<Utc>, tz: Tz, grace: Duration) -> Due {
        let Some(since) = self.checked_until else {
            self.checked_until = Some(now);
            return Due::Nothing;
        };
        if now <= since {
            // The clock went back: nothing new is due; keep the later mark.
            return Due::Nothing;
        }
        let mut on_time = Vec::new();
        let mut late = 0usize;
        for r in &mut self.reminders {
            let times = r.due_between(since, now, tz);
            if times.is_empty() {
                continue;
            }
            if r.snoozed_until.is_some_and(|s| s <= now) {
                r.snoozed_until = None;
            }
            for t in times {
                if now - t <= grace {
                    on_time.push(r.id.clone());
                } else {
                    late += 1;
                }
            }
        }
        self.checked_until = Some(now);
        match (on_time.len(), late) {
            (0, 0) => Due::Nothing,
            (_, 0) => {
                on_time.dedup();
                Due::Now(on_time)
            }
            (n, l) => Due::Missed(n + l),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_due_commitment_is_worded_for_any_owner_and_without_journal_words() {
        let t = ReminderKind::CommitmentDue.generic_text();
        assert_eq!(t, "A commitment is due today. Time to note whether it was kept.");
        for kind in [
            ReminderKind::CommitmentDue,
            ReminderKind::DailyReflection,
            ReminderKind::WeeklyReview,
            ReminderKind::CheckIn,
        ] {
            let t = kind.generic_text().to_lowercase();
            for word in ["journal", "entry", "planned", "trust", "repair", "breach", "apolog"] {
                assert!(!t.contains(word), "{t:?} says {word:?}");
            }
        }
    }

    use super::*;

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn daily(at: NaiveTime) -> Reminder {
        Reminder {
            id: "daily".into(),
            kind: ReminderKind::DailyReflection,
            enabled: true,
            at,
            weekday: None,
            rrule: None,
            starts_on: None,
            ends_on: None,
            snoozed_until: None,
            show_details: false,
            relationship_id: None,
        }
    }

    const LONDON: Tz = chrono_tz::Europe::London;
    const NEW_YORK: Tz = chrono_tz::America::New_York;

    #[test]
    fn daily_reflection_fires_at_local_time_across_spring_forward() {
        let r = daily(hm(21, 0));
        // Before the change (GMT): 21:00 local is 21:00 UTC.
        assert_eq!(r.next_after(utc(2026, 3, 28, 12, 0), LONDON), Some(utc(2026, 3, 28, 21, 0)));
        // After it (BST): 21:00 local is 20:00 UTC.
        assert_eq!(r.next_after(utc(2026, 3, 28, 21, 0), LONDON), Some(utc(2026, 3, 29, 20, 0)));
    }

    #[test]
    fn a_time_skipped_by_the_change_fires_just_after_the_gap() {
        let r = daily(hm(1, 30)); // 01:00-02:00 does not exist in London on 29 March 2026
        assert_eq!(
            r.next_after(utc(2026, 3, 28, 12, 0), LONDON),
            Some(utc(2026, 3, 29, 1, 0)),
            "02:00 BST"
        );
    }

    #[test]
    fn a_time_that_happens_twice_fires_once_at_the_first() {
        let r = daily(hm(1, 30)); // 01:00-02:00 happens twice on 25 October 2026
        let first = r.next_after(utc(2026, 10, 24, 12, 0), LONDON).unwrap();
        assert_eq!(first, utc(2026, 10, 25, 0, 30), "01:30 BST");
        assert_eq!(
            r.next_after(first, LONDON),
            Some(utc(2026, 10, 26, 1, 30)),
            "then the next day, GMT"
        );
    }

    #[test]
    fn moving_time_zone_keeps_local_time() {
        let r = daily(hm(9, 0));
        assert_eq!(r.next_after(utc(2026, 6, 1, 0, 0), LONDON), Some(utc(2026, 6, 1, 8, 0)));
        assert_eq!(r.next_after(utc(2026, 6, 1, 0, 0), NEW_YORK), Some(utc(2026, 6, 1, 13, 0)));
    }

    #[test]
    fn weekly_review_on_its_weekday() {
        let mut r = daily(hm(18, 0));
        r.kind = ReminderKind::WeeklyReview;
        r.weekday = Some(Weekday::Sun);
        // Wednesday 4 November 2026 -> Sunday 8 November, 18:00 GMT.
        assert_eq!(r.next_after(utc(2026, 11, 4, 9, 0), LONDON), Some(utc(2026, 11, 8, 18, 0)));
    }

    #[test]
    fn commitments_fire_on_their_due_dates_including_month_ends() {
        let mut r = daily(hm(8, 0));
        r.kind = ReminderKind::CommitmentDue;
        r.rrule = Some("FREQ=MONTHLY;BYMONTHDAY=-1".into());
        r.starts_on = Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(r.next_after(utc(2026, 2, 1, 0, 0), LONDON), Some(utc(2026, 2, 28, 8, 0)));
        r.ends_on = Some(NaiveDate::from_ymd_opt(2026, 2, 27).unwrap());
        assert_eq!(r.next_after(utc(2026, 2, 1, 0, 0), LONDON), None, "ended");
        r.rrule = None;
        r.ends_on = None;
        r.starts_on = Some(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap());
        assert_eq!(
            r.next_after(utc(2026, 11, 22, 0, 0), LONDON),
            Some(utc(2026, 12, 24, 8, 0)),
            "one-off"
        );
    }

    #[test]
    fn disabled_and_snoozed_reminders() {
        let mut r = daily(hm(21, 0));
        r.enabled = false;
        assert_eq!(r.next_after(utc(2026, 6, 1, 0, 0), LONDON), None);
        r.enabled = true;
        r.snoozed_until = Some(utc(2026, 6, 1, 10, 15));
        assert_eq!(r.next_after(utc(2026, 6, 1, 10, 0), LONDON), Some(utc(2026, 6, 1, 10, 15)));
    }

    #[test]
    fn reminders_due_on_time_fire_and_a_long_gap_is_summarised_once() {
        let mut s = Schedule { reminders: vec![daily(hm(21, 0))], checked_until: None };
        let grace = Duration::minutes(10);
        // 21:00 in London in June is 20:00 UTC.
        assert_eq!(
            s.take_due(utc(2026, 6, 1, 19, 0), LONDON, grace),
            Due::Nothing,
            "first run sets the mark"
        );
        assert_eq!(s.take_due(utc(2026, 6, 1, 19, 59), LONDON, grace), Due::Nothing);
        assert_eq!(
            s.take_due(utc(2026, 6, 1, 20, 1), LONDON, grace),
            Due::Now(vec!["daily".into()])
        );
        assert_eq!(s.take_due(utc(2026, 6, 1, 20, 2), LONDON, grace), Due::Nothing, "fired once");
        // The app was closed for five days: one summary, not five notifications.
        assert_eq!(s.take_due(utc(2026, 6, 6, 22, 0), LONDON, grace), Due::Missed(5));
        assert_eq!(s.take_due(utc(2026, 6, 6, 22, 5), LONDON, grace), Due::Nothing, "never twice");
    }

    #[test]
    fn the_wall_clock_jumping_back_fires_nothing_twice() {
        let mut s = Schedule {
            reminders: vec![daily(hm(21, 0))],
            checked_until: Some(utc(2026, 6, 1, 21, 5)),
        };
        let grace = Duration::minutes(10);
        assert_eq!(s.take_due(utc(2026, 6, 1, 20, 0), LONDON, grace), Due::Nothing);
        assert_eq!(s.checked_until, Some(utc(2026, 6, 1, 21, 5)), "the later mark is kept");
        assert_eq!(
            s.take_due(utc(2026, 6, 1, 21, 30), LONDON, grace),
            Due::Nothing,
            "21:00 already fired"
        );
    }

    #[test]
    fn a_schedule_holds_no_words() {
        let mut r = daily(hm(21, 0));
        r.kind = ReminderKind::CommitmentDue;
        r.id = "commitment-7".into();
        r.rrule = Some("FREQ=WEEKLY;BYDAY=MO".into());
        let json =
            serde_json::to_string(&Schedule { reminders: vec![r], checked_until: None }).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut keys: Vec<&str> =
            v["reminders"][0].as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "at",
                "enabled",
                "endsOn",
                "id",
                "kind",
                "relationshipId",
                "rrule",
                "showDetails",
                "snoozedUntil",
                "startsOn",
                "weekday"
            ]
        );
    }
}
