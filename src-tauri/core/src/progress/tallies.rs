//! The dashboard's arithmetic, as pure functions of their inputs (tested with fixed
//! dates): due days grouped by day and week, the rolling consistency score in linear
//! time, when framework steps were answered, and the check-ins' points.
use super::checkins::CheckIn;
use super::dashboard::{
    DayState, DayTally, RatingPoint, ScorePoint, StepDone, TrustPoint, WeekTally,
};
use crate::frameworks;
use crate::ledger::{self, Logged, OccurrenceStatus};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;

/// One due date of one commitment, and its log if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub on: NaiveDate,
    pub logged: Option<Logged>,
}

/// Groups due dates by day, in date order.
pub fn tally_days(due: &[Due], today: NaiveDate) -> Vec<DayTally> {
    let mut by_day: BTreeMap<NaiveDate, (DayTally, f64)> = BTreeMap::new();
    for d in due {
        let (t, weight) = by_day.entry(d.on).or_insert((
            DayTally {
                on: d.on,
                kept: 0,
                partly: 0,
                renegotiated: 0,
                missed: 0,
                not_logged: 0,
                upcoming: 0,
                state: DayState::Upcoming,
            },
            0.0,
        ));
        match d.logged {
            Some(l) => {
                *weight += ledger::weight(&l);
                match l.status {
                    OccurrenceStatus::Kept => t.kept += 1,
                    OccurrenceStatus::Partly => t.partly += 1,
                    OccurrenceStatus::Renegotiated => t.renegotiated += 1,
                    OccurrenceStatus::Missed => t.missed += 1,
                }
            }
            None if d.on < today => t.not_logged += 1,
            None => t.upcoming += 1,
        }
    }
    by_day
        .into_values()
        .map(|(mut t, weight)| {
            let logged = t.kept + t.partly + t.renegotiated + t.missed;
            t.state = if logged == 0 {
                if t.not_logged > 0 {
                    DayState::NotLogged
                } else {
                    DayState::Upcoming
                }
            } else if t.kept == logged {
                DayState::Kept
            } else if weight == 0.0 {
                DayState::Missed
            } else {
                DayState::Partly
            };
            t
        })
        .collect()
}

/// The Monday of a day's week.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Adds days up by week (Monday to Sunday), in date order. Upcoming times are left out.
pub fn tally_weeks(days: &[DayTally]) -> Vec<WeekTally> {
    let mut by_week: BTreeMap<NaiveDate, WeekTally> = BTreeMap::new();
    for d in days {
        let w = week_of(d.on);
        let t = by_week.entry(w).or_insert(WeekTally {
            week_of: w,
            kept: 0,
            partly: 0,
            renegotiated: 0,
            missed: 0,
            not_logged: 0,
        });
        t.kept += d.kept;
        t.partly += d.partly;
        t.renegotiated += d.renegotiated;
        t.missed += d.missed;
        t.not_logged += d.not_logged;
    }
    by_week.into_values().collect()
}

/// The consistency score (as [`ledger::consistency`] works it out) over the `window`
/// days ending on each Sunday of `from..=end`, and on `end` itself, where `end` is the
/// earlier of `to` and `today`. `due` must include the days before `from` that the
/// first window reaches back to. Runs in time linear in the days and occurrences.
pub fn rolling_consistency(
    due: &[Due],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    window: u32,
) -> Vec<ScorePoint> {
    let end = to.min(today);
    if end < from {
        return vec![];
    }
    let window = i64::from(window.max(1));
    let start = from - Duration::days(window - 1);
    let span = usize::try_from((end - start).num_days() + 1).unwrap_or(0);
    // Per day: total weight and number of logged times.
    let mut weight = vec![0.0f64; span];
    let mut count = vec![0u32; span];
    for d in due {
        let Some(l) = d.logged else { continue };
        let Ok(i) = usize::try_from((d.on - start).num_days()) else { continue };
        if i < span {
            weight[i] += ledger::weight(&l);
            count[i] += 1;
        }
    }
    // Prefix sums: sum over days [a, b) = prefix[b] - prefix[a].
    let mut pw = vec![0.0f64; span + 1];
    let mut pc = vec![0u32; span + 1];
    for i in 0..span {
        pw[i + 1] = pw[i] + weight[i];
        pc[i + 1] = pc[i] + count[i];
    }
    let point = |day: NaiveDate| {
        let b = usize::try_from((day - start).num_days() + 1).unwrap_or(0).min(span);
        let a = b.saturating_sub(usize::try_from(window).unwrap_or(1));
        let n = pc[b] - pc[a];
        ScorePoint { on: day, score: (n > 0).then(|| (pw[b] - pw[a]) / f64::from(n)), logged: n }
    };
    let mut out: Vec<ScorePoint> = from
        .iter_days()
        .take_while(|d| *d <= end)
        .filter(|d| d.weekday() == chrono::Weekday::Sun && *d != end)
        .map(point)
        .collect();
    out.push(point(end));
    out
}

/// Groups entries answering framework steps into one point per step and day.
pub fn steps_done(answered: &[(String, String, NaiveDate)]) -> Vec<StepDone> {
    let mut by_key: BTreeMap<(NaiveDate, String, String), u32> = BTreeMap::new();
    for (fw, step, on) in answered {
        *by_key.entry((*on, fw.clone(), step.clone())).or_default() += 1;
    }
    by_key
        .into_iter()
        .filter_map(|((on, fw, step), entries)| {
            let (f, s) = frameworks::find_step(&fw, &step)?;
            Some(StepDone {
                on,
                framework_id: f.id.clone(),
                framework_name: f.name.clone(),
                step_id: s.id.clone(),
                title: s.title.clone(),
                entries,
            })
        })
        .collect()
}

/// Trust levels and ABCD points from check-ins.
pub fn trust_points(check_ins: &[CheckIn]) -> Vec<TrustPoint> {
    check_ins.iter().filter_map(|c| Some(TrustPoint { on: c.on, level: c.trust_level? })).collect()
}

pub fn rating_points(check_ins: &[CheckIn]) -> Vec<RatingPoint> {
    check_ins
        .iter()
        .filter(|c| !c.answers.is_empty())
        .map(|c| RatingPoint { on: c.on, scores: c.scores })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::dashboard::{check_range, DashboardRange};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn due(on: NaiveDate, status: Option<OccurrenceStatus>) -> Due {
        Due { on, logged: status.map(|status| Logged { due_on: on, status, ahead: false }) }
    }

    #[test]
    fn days_take_the_state_of_what_was_logged() {
        use OccurrenceStatus::*;
        let today = d(2026, 6, 10);
        let days = tally_days(
            &[
                due(d(2026, 6, 1), Some(Kept)),
                due(d(2026, 6, 1), Some(Kept)),
                due(d(2026, 6, 2), Some(Kept)),
                due(d(2026, 6, 2), Some(Missed)),
                due(d(2026, 6, 3), Some(Missed)),
                due(d(2026, 6, 4), None),
                due(d(2026, 6, 5), Some(Partly)),
                due(d(2026, 6, 10), None),
                due(d(2026, 6, 12), None),
            ],
            today,
        );
        let states: Vec<DayState> = days.iter().map(|t| t.state).collect();
        assert_eq!(
            states,
            [
                DayState::Kept,
                DayState::Partly,
                DayState::Missed,
                DayState::NotLogged,
                DayState::Partly,
                DayState::Upcoming,
                DayState::Upcoming
            ]
        );
        assert_eq!(days[0].kept, 2);
        assert_eq!((days[1].kept, days[1].missed), (1, 1));
        assert_eq!(days[5].upcoming, 1, "today is not over: upcoming, not 'not logged'");
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        use OccurrenceStatus::*;
        // Sunday 7 June 2026 ends one week; Monday 8 June starts the next.
        let days = tally_days(
            &[
                due(d(2026, 6, 1), Some(Kept)),
                due(d(2026, 6, 7), Some(Missed)),
                due(d(2026, 6, 8), Some(Kept)),
                due(d(2026, 6, 9), None),
            ],
            d(2026, 6, 20),
        );
        let weeks = tally_weeks(&days);
        assert_eq!(weeks.len(), 2);
        assert_eq!(weeks[0].week_of, d(2026, 6, 1));
        assert_eq!((weeks[0].kept, weeks[0].missed), (1, 1));
        assert_eq!(weeks[1].week_of, d(2026, 6, 8));
        assert_eq!((weeks[1].kept, weeks[1].not_logged), (1, 1));
        assert_eq!(week_of(d(2026, 6, 7)), d(2026, 6, 1));
    }

    #[test]
    fn the_rolling_score_matches_the_ledgers_own_score_on_every_point() {
        use OccurrenceStatus::*;
        let from = d(2026, 3, 1);
        let today = d(2026, 6, 17);
        let statuses =
            [Some(Kept), Some(Missed), None, Some(Partly), Some(Kept), Some(Renegotiated)];
        let all: Vec<Due> = (0..160)
            .map(|i| {
                let on = d(2026, 1, 20) + Duration::days(i);
                let s = statuses[(i as usize * 7 + i as usize / 3) % statuses.len()];
                Due { on, logged: s.map(|status| Logged { due_on: on, status, ahead: i % 2 == 0 }) }
            })
            .collect();
        let points = rolling_consistency(&all, from, d(2026, 12, 31), today, 30);
        assert_eq!(points.last().unwrap().on, today, "the last point is today, not the range end");
        assert!(points[..points.len() - 1].iter().all(|p| p.on.weekday() == chrono::Weekday::Sun));
        let due_days: Vec<NaiveDate> = all.iter().map(|x| x.on).collect();
        let logs: Vec<Logged> = all.iter().filter_map(|x| x.logged).collect();
        for p in &points {
            let expected = ledger::consistency(&due_days, &logs, p.on, 30);
            let n = expected.kept + expected.partly + expected.renegotiated + expected.missed;
            assert_eq!(p.logged, n, "{}", p.on);
            match (p.score, expected.score) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{}: {a} vs {b}", p.on),
                (a, b) => assert_eq!(a, b),
            }
        }
    }

    #[test]
    fn a_range_entirely_ahead_has_no_score_points() {
        assert!(
            rolling_consistency(&[], d(2026, 7, 1), d(2026, 7, 31), d(2026, 6, 1), 30).is_empty()
        );
        let p = rolling_consistency(&[], d(2026, 6, 1), d(2026, 6, 3), d(2026, 6, 30), 30);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0], ScorePoint { on: d(2026, 6, 3), score: None, logged: 0 });
    }

    #[test]
    fn steps_group_by_day_and_drop_unknown_ids() {
        let rows = vec![
            ("five-as".to_owned(), "admit".to_owned(), d(2026, 5, 2)),
            ("five-as".to_owned(), "admit".to_owned(), d(2026, 5, 2)),
            ("five-as".to_owned(), "admit".to_owned(), d(2026, 5, 9)),
            ("gone".to_owned(), "step".to_owned(), d(2026, 5, 9)),
        ];
        let steps = steps_done(&rows);
        assert_eq!(steps.len(), 2);
        assert_eq!((steps[0].on, steps[0].entries), (d(2026, 5, 2), 2));
        assert_eq!(steps[0].framework_id, "five-as");
        assert!(!steps[0].title.is_empty());
    }

    #[test]
    fn ranges_are_checked() {
        let today = d(2026, 6, 1);
        let r = |a: &str, b: &str| DashboardRange { from: a.into(), to: b.into() };
        assert!(check_range(&r("2026-01-01", "2026-06-01"), today).is_ok());
        assert!(check_range(&r("2026-06-02", "2026-06-01"), today).is_err());
        assert!(check_range(&r("2026-02-30", "2026-06-01"), today).is_err());
        assert!(check_range(&r("1990-01-01", "2026-06-01"), today).is_err());
    }
}
