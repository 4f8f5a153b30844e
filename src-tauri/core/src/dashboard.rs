//! The figures behind a relationship's dashboard: trust level and ABCD ratings over time,
//! the commitments calendar, weekly kept-versus-missed, the rolling consistency score,
//! and when framework steps were answered. Pure functions do the arithmetic (tested with
//! fixed dates); one query gathers their inputs for a chosen date range.
use crate::dates;
use crate::frameworks::{self, Role};
use crate::ledger::{self, Logged, OccurrenceStatus, SCORE_FORMULA};
use crate::progress::checkins::{CheckIn, Decision};
use crate::progress::checklist::LocalDay;
use crate::progress::elements::{self, ElementScores};
use crate::progress::{Progress, ProgressError};
use crate::relationships::{RelationshipEvent, Relationships};
use crate::time::from_millis;
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The consistency score's window, as on the ledger.
pub const WINDOW_DAYS: u32 = 30;
/// The longest range one dashboard covers.
pub const MAX_RANGE_DAYS: i64 = 366 * 20;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DashboardRange {
    /// `YYYY-MM-DD`.
    pub from: String,
    /// `YYYY-MM-DD`, on or after `from`.
    pub to: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TrustPoint {
    pub on: NaiveDate,
    pub level: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RatingPoint {
    pub on: NaiveDate,
    pub scores: ElementScores,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DayState {
    /// Everything logged that day was kept.
    Kept,
    /// A mix, or partly kept, or renegotiated.
    Partly,
    /// Everything logged that day was missed.
    Missed,
    /// Due, the day is over, and nothing was logged.
    NotLogged,
    /// Due today or later, not logged yet.
    Upcoming,
}

/// The commitments that fell due on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DayTally {
    pub on: NaiveDate,
    pub kept: u32,
    pub partly: u32,
    pub renegotiated: u32,
    pub missed: u32,
    pub not_logged: u32,
    pub upcoming: u32,
    pub state: DayState,
}

/// One week (Monday to Sunday) of commitments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WeekTally {
    /// The Monday the week starts on.
    pub week_of: NaiveDate,
    pub kept: u32,
    pub partly: u32,
    pub renegotiated: u32,
    pub missed: u32,
    pub not_logged: u32,
}

/// The consistency score over the window ending on a day.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ScorePoint {
    pub on: NaiveDate,
    /// 0 to 1; none when nothing in the window was logged.
    pub score: Option<f64>,
    /// How many logged times the score is over.
    pub logged: u32,
}

/// A framework step answered on a day (one point on the steps timeline).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepDone {
    pub on: NaiveDate,
    pub framework_id: String,
    pub framework_name: String,
    pub step_id: String,
    pub title: String,
    /// Entries answering the step that day.
    pub entries: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dashboard {
    #[ts(type = "number")]
    pub relationship_id: i64,
    pub role: Role,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub today: NaiveDate,
    /// The first day anything of this relationship is dated: what "everything" starts at.
    pub earliest: NaiveDate,
    pub trust: Vec<TrustPoint>,
    pub ratings: Vec<RatingPoint>,
    /// The first ABCD rating ever given, whatever the range: what the latest is set against.
    pub first_rating: Option<RatingPoint>,
    /// The latest ABCD rating within the range.
    pub latest_rating: Option<RatingPoint>,
    /// Breaches, repeat breaches and milestones within the range.
    pub events: Vec<RelationshipEvent>,
    /// Days in the range on which something fell due.
    pub days: Vec<DayTally>,
    pub weeks: Vec<WeekTally>,
    /// The consistency score at the end of each week, and on the range's last day.
    pub consistency: Vec<ScorePoint>,
    pub steps: Vec<StepDone>,
    pub decisions: Vec<Decision>,
    /// How the consistency score is worked out.
    pub formula: String,
    /// "Reflection, not diagnosis."
    pub note: String,
}

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

/// Checks a range typed or picked by the person.
pub fn check_range(
    range: &DashboardRange,
    today: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), ProgressError> {
    let from = dates::parse(&range.from)?;
    let to = dates::parse(&range.to)?;
    if to < from {
        return Err(ProgressError::Invalid("the range ends before it starts"));
    }
    if (to - from).num_days() > MAX_RANGE_DAYS || to > today + Duration::days(366) {
        return Err(ProgressError::Invalid("choose a range of at most twenty years"));
    }
    Ok((from, to))
}

impl Progress<'_> {
    /// Everything a relationship's dashboard draws, for `range`, as of `today`.
    pub fn dashboard(
        &self,
        relationship_id: i64,
        range: &DashboardRange,
        today: NaiveDate,
        local_day: LocalDay<'_>,
    ) -> Result<Dashboard, ProgressError> {
        let rel = Relationships::new(self.conn()).get(relationship_id)?;
        let (from, to) = check_range(range, today)?;

        let check_ins = self.check_ins(relationship_id, from, to)?;
        let first_rating = self.first_rating(relationship_id)?;
        let ratings = rating_points(&check_ins);
        let latest_rating = ratings.last().copied();

        let events = Relationships::new(self.conn())
            .events(relationship_id)?
            .into_iter()
            .filter(|e| (from..=to).contains(&e.occurred_on))
            .collect();

        // The first window reaches back WINDOW_DAYS - 1 days before the range.
        let reach = from - Duration::days(i64::from(WINDOW_DAYS) - 1);
        let due = self.due(relationship_id, reach, to)?;
        let in_range: Vec<Due> = due.iter().copied().filter(|d| d.on >= from).collect();
        let days = tally_days(&in_range, today);
        let weeks = tally_weeks(&days);
        let consistency = rolling_consistency(&due, from, to, today, WINDOW_DAYS);

        let steps = steps_done(&self.answered(relationship_id, from, to, local_day)?);
        let decisions = self.decisions(relationship_id, from, to)?;

        Ok(Dashboard {
            relationship_id,
            role: rel.role,
            from,
            to,
            today,
            earliest: self.earliest(relationship_id, rel.happened_on, local_day(rel.created_at))?,
            trust: trust_points(&check_ins),
            ratings,
            first_rating,
            latest_rating,
            events,
            days,
            weeks,
            consistency,
            steps,
            decisions,
            formula: SCORE_FORMULA.to_owned(),
            note: elements::elements().note.clone(),
        })
    }

    /// The earliest of: what happened, when the relationship was added, and the first
    /// event, check-in, decision, commitment start or entry.
    fn earliest(
        &self,
        relationship_id: i64,
        happened_on: Option<NaiveDate>,
        created_on: NaiveDate,
    ) -> Result<NaiveDate, ProgressError> {
        let first: Option<String> = self.conn().query_row(
            "SELECT min(d) FROM (
                SELECT min(occurred_on) AS d FROM relationship_event WHERE relationship_id = ?1
                UNION ALL SELECT min(rated_on) FROM rating WHERE relationship_id = ?1
                UNION ALL SELECT min(rated_on) FROM trust_level WHERE relationship_id = ?1
                UNION ALL SELECT min(decided_on) FROM decision WHERE relationship_id = ?1
                UNION ALL SELECT min(starts_on) FROM commitment WHERE relationship_id = ?1
                UNION ALL SELECT date(min(created_at) / 1000, 'unixepoch', '-1 day')
                          FROM entry WHERE relationship_id = ?1)",
            [relationship_id],
            |r| r.get(0),
        )?;
        let mut earliest = created_on;
        for d in
            [happened_on, first.as_deref().and_then(|d| dates::parse(d).ok())].into_iter().flatten()
        {
            earliest = earliest.min(d);
        }
        Ok(earliest)
    }

    fn first_rating(&self, relationship_id: i64) -> Result<Option<RatingPoint>, ProgressError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT rated_on, answers FROM rating WHERE relationship_id = ?1 AND answers != '{}'
             ORDER BY rated_on LIMIT 1",
        )?;
        let mut rows = stmt.query([relationship_id])?;
        let Some(row) = rows.next()? else { return Ok(None) };
        let on: String = row.get(0)?;
        let answers: BTreeMap<String, u8> =
            serde_json::from_str(&row.get::<_, String>(1)?).unwrap_or_default();
        Ok(dates::parse(&on).ok().map(|on| RatingPoint { on, scores: elements::scores(&answers) }))
    }

    /// Every due date of the relationship's commitments in `from..=to`, with its log.
    fn due(
        &self,
        relationship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Due>, ProgressError> {
        let commitments =
            crate::commitments::Commitments::new(self.conn()).list(relationship_id)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT due_on, status, ahead FROM occurrence
             WHERE commitment_id = ?1 AND due_on BETWEEN ?2 AND ?3 ORDER BY due_on",
        )?;
        let mut out = Vec::new();
        for c in commitments {
            let days = ledger::due_dates(c.rrule.as_deref(), c.starts_on, c.ends_on, from, to)?;
            let mut logged: BTreeMap<NaiveDate, Logged> = BTreeMap::new();
            let rows = stmt.query_map(params![c.id, from.to_string(), to.to_string()], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, bool>(2)?))
            })?;
            for row in rows {
                let (on, status, ahead) = row?;
                if let (Ok(due_on), Some(status)) =
                    (dates::parse(&on), OccurrenceStatus::parse(&status))
                {
                    logged.insert(due_on, Logged { due_on, status, ahead });
                }
            }
            // A log on a day the schedule no longer yields still counts (as on the ledger).
            let mut seen = std::collections::BTreeSet::new();
            for on in days {
                seen.insert(on);
                out.push(Due { on, logged: logged.get(&on).copied() });
            }
            out.extend(
                logged
                    .values()
                    .filter(|l| !seen.contains(&l.due_on))
                    .map(|l| Due { on: l.due_on, logged: Some(*l) }),
            );
        }
        Ok(out)
    }

    /// (framework, step, local day) of each entry answering a framework step in range.
    fn answered(
        &self,
        relationship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        local_day: LocalDay<'_>,
    ) -> Result<Vec<(String, String, NaiveDate)>, ProgressError> {
        // Instants a day either side cover every time zone; the local day decides.
        let lo = from.pred_opt().unwrap_or(from).and_hms_opt(0, 0, 0).unwrap_or_default();
        let hi = to
            .succ_opt()
            .unwrap_or(to)
            .succ_opt()
            .unwrap_or(to)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default();
        let mut stmt = self.conn().prepare_cached(
            "SELECT framework_id, step_id, created_at FROM entry
             WHERE relationship_id = ?1 AND step_id IS NOT NULL AND framework_id != 'template'
               AND created_at >= ?2 AND created_at < ?3",
        )?;
        let rows = stmt.query_map(
            params![
                relationship_id,
                lo.and_utc().timestamp_millis(),
                hi.and_utc().timestamp_millis()
            ],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)),
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (fw, step, ms) = row?;
            let day = local_day(from_millis(ms));
            if (from..=to).contains(&day) {
                out.push((fw, step, day));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
