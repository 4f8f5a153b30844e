//! The figures behind a relationship's dashboard: trust level and ABCD ratings over time,
//! the commitments calendar, weekly kept-versus-missed, the rolling consistency score,
//! and when framework steps were answered. The arithmetic is in [`super::tallies`] (pure,
//! tested with fixed dates); here one query gathers its inputs for a chosen date range.
use crate::frameworks::Role;
use crate::ledger::{self, CommitmentOwner, Logged, OccurrenceStatus, SCORE_FORMULA};
use crate::progress::checkins::Decision;
use crate::progress::checklist::LocalDay;
use crate::progress::elements::{self, ElementScores};
use crate::progress::theirs::TheirRecord;
use crate::progress::{Progress, ProgressError};
use crate::relationships::{RelationshipEvent, Relationships};
use crate::time::dates;
use crate::time::instant::from_millis;
use chrono::{Duration, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

pub use super::tallies::{
    rating_points, rolling_consistency, steps_done, tally_days, tally_weeks, trust_points, week_of,
    Due,
};

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

/// The commitments of one owner, charted alone: never summed with another owner's.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OwnerSeries {
    pub owner: CommitmentOwner,
    /// Days in the range on which something of this owner's fell due.
    pub days: Vec<DayTally>,
    pub weeks: Vec<WeekTally>,
    /// The consistency score at the end of each week, and on the range's last day.
    pub consistency: Vec<ScorePoint>,
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
    /// The commitments' days, weeks and consistency, one series per owner with a
    /// commitment here, in the role's order (the decider's headed by the other
    /// person's, the repairer's by their own; shared ones once, last).
    pub owners: Vec<OwnerSeries>,
    /// The other person's own record of the commitments they shared here, one series per
    /// sender and owner: drawn beside `owners`, never added to them.
    pub their_record: Vec<TheirRecord>,
    pub steps: Vec<StepDone>,
    pub decisions: Vec<Decision>,
    /// How the consistency score is worked out.
    pub formula: String,
    /// "Reflection, not diagnosis."
    pub note: String,
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
        // Every owner with a commitment here, even one with nothing due in the range.
        let owners_here: Vec<CommitmentOwner> = crate::ledger::Commitments::new(self.conn())
            .list(relationship_id)?
            .iter()
            .map(|c| c.owner)
            .collect();
        let owners = CommitmentOwner::order_for(rel.role)
            .into_iter()
            .filter(|owner| owners_here.contains(owner))
            .map(|owner| {
                let due: Vec<Due> =
                    due.iter().filter(|(o, _)| *o == owner).map(|(_, d)| *d).collect();
                let in_range: Vec<Due> = due.iter().copied().filter(|d| d.on >= from).collect();
                let days = tally_days(&in_range, today);
                let weeks = tally_weeks(&days);
                let consistency = rolling_consistency(&due, from, to, today, WINDOW_DAYS);
                OwnerSeries { owner, days, weeks, consistency }
            })
            .collect();

        let their_record = self.their_record(relationship_id, from, to, today)?;
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
            owners,
            their_record,
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

    /// Every due date of the relationship's commitments in `from..=to`, with its log
    /// and whose commitment it is.
    fn due(
        &self,
        relationship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(CommitmentOwner, Due)>, ProgressError> {
        let commitments = crate::ledger::Commitments::new(self.conn()).list(relationship_id)?;
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
                out.push((c.owner, Due { on, logged: logged.get(&on).copied() }));
            }
            out.extend(
                logged
                    .values()
                    .filter(|l| !seen.contains(&l.due_on))
                    .map(|l| (c.owner, Due { on: l.due_on, logged: Some(*l) })),
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
