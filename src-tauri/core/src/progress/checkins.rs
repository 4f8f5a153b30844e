//! Check-ins: ABCD ratings (the repairer of themself, the decider of what they observe),
//! the decider's overall trust level from 0 to 10, decision reviews, and the schedule on
//! which the person wants to be asked.
use super::elements::{self, ElementScores, SCALE_MAX};
use super::{check_note, Progress, ProgressError};
use crate::frameworks::Role;
use crate::ledger;
use crate::ledger::parse_time;
use crate::relationships::Relationships;
use crate::reminders::{Reminder, ReminderKind};
use crate::repeat::CheckInEvery;
use crate::time::dates;
use crate::time::instant::to_millis;
use crate::time::Clock;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

pub const MAX_TRUST_LEVEL: u8 = 10;

fn refuse(field: &'static str, message: &'static str) -> ProgressError {
    ProgressError::InvalidField { field, message }
}

/// One day's check-in: ratings, trust level (decider only), or both.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckIn {
    pub on: NaiveDate,
    /// Item id to 1..5; items left out were skipped.
    pub answers: BTreeMap<String, u8>,
    pub scores: ElementScores,
    pub trust_level: Option<u8>,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckInInput {
    /// `YYYY-MM-DD`, not in the future. A second check-in on the same day replaces it.
    pub on: String,
    #[serde(default)]
    pub answers: BTreeMap<String, u8>,
    /// 0 to 10; only the decider gives one.
    #[serde(default)]
    pub trust_level: Option<u8>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DecisionChoice {
    /// Extend some trust.
    Extend,
    /// Keep things where they are for now.
    Hold,
    /// Take a pause: space before deciding more.
    Pause,
    /// Step away from the relationship, or from trying to repair it.
    StepAway,
}

impl DecisionChoice {
    fn as_str(self) -> &'static str {
        match self {
            DecisionChoice::Extend => "extend",
            DecisionChoice::Hold => "hold",
            DecisionChoice::Pause => "pause",
            DecisionChoice::StepAway => "stepAway",
        }
    }

    fn parse(s: &str) -> DecisionChoice {
        match s {
            "extend" => DecisionChoice::Extend,
            "pause" => DecisionChoice::Pause,
            "stepAway" => DecisionChoice::StepAway,
            _ => DecisionChoice::Hold,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Decision {
    #[ts(type = "number")]
    pub id: i64,
    pub decided_on: NaiveDate,
    pub choice: DecisionChoice,
    pub reasons: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DecisionInput {
    /// `YYYY-MM-DD`, not in the future.
    pub decided_on: String,
    pub choice: DecisionChoice,
    #[serde(default)]
    pub reasons: String,
}

/// How often the person wants to check in on a relationship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckInSchedule {
    /// Stored as an RFC 5545 rule, such as `FREQ=WEEKLY` or `FREQ=MONTHLY`.
    pub repeat: CheckInEvery,
    pub starts_on: NaiveDate,
    /// Local time of day, `HH:MM`.
    pub at: String,
    pub remind: bool,
    /// The next day a check-in is due, from today on.
    pub next_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CheckInScheduleInput {
    pub repeat: CheckInEvery,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// `HH:MM`.
    pub at: String,
    pub remind: bool,
}

impl Progress<'_> {
    /// Saves one day's check-in, replacing any earlier one on that day, in one transaction.
    /// `today` is the person's local date: a check-in is for a day that has come.
    pub fn save_check_in(
        &self,
        relationship_id: i64,
        input: &CheckInInput,
        today: NaiveDate,
        clock: &dyn Clock,
    ) -> Result<CheckIn, ProgressError> {
        let role = self.role(relationship_id)?;
        let now = clock.now();
        let on = dates::parse(&input.on)
            .map_err(|_| refuse("on", "please choose the day this check-in is for"))?;
        if on > today {
            return Err(refuse("on", "a check-in can't be for a day that hasn't come yet"));
        }
        if input.answers.keys().any(|k| !elements::is_item(k)) {
            return Err(ProgressError::Invalid("one of those ratings isn't a question Mend asks"));
        }
        if input.answers.values().any(|v| !(1..=SCALE_MAX).contains(v)) {
            return Err(ProgressError::Invalid("each rating is from 1 to 5"));
        }
        if let Some(level) = input.trust_level {
            if role != Role::Decider {
                return Err(ProgressError::Invalid(
                    "only the person deciding whether to trust gives a trust level",
                ));
            }
            if level > MAX_TRUST_LEVEL {
                return Err(ProgressError::Invalid("the trust level is from 0 to 10"));
            }
        }
        let note = check_note(&input.note)?;
        if input.answers.is_empty() && input.trust_level.is_none() {
            return Err(refuse(
                "answers",
                match role {
                    Role::Decider => {
                        "answer at least one question, or give a trust level, to save a check-in"
                    }
                    Role::Repairer => "answer at least one question to save a check-in",
                },
            ));
        }
        let answers = serde_json::to_string(&input.answers)
            .map_err(|_| ProgressError::Invalid("those ratings could not be saved"))?;
        let day = on.to_string();
        crate::store::atomically(self.conn(), || {
            self.conn().execute(
                "DELETE FROM rating WHERE relationship_id = ?1 AND rated_on = ?2",
                params![relationship_id, day],
            )?;
            self.conn().execute(
                "DELETE FROM trust_level WHERE relationship_id = ?1 AND rated_on = ?2",
                params![relationship_id, day],
            )?;
            if !input.answers.is_empty() || !note.is_empty() {
                self.conn().execute(
                    "INSERT INTO rating (relationship_id, rated_on, answers, note, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![relationship_id, day, answers, note, to_millis(now)],
                )?;
            }
            if let Some(level) = input.trust_level {
                self.conn().execute(
                    "INSERT INTO trust_level (relationship_id, rated_on, level, updated_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![relationship_id, day, level, to_millis(now)],
                )?;
            }
            Ok::<_, rusqlite::Error>(())
        })?;
        Ok(CheckIn {
            on,
            scores: elements::scores(&input.answers),
            answers: input.answers.clone(),
            trust_level: input.trust_level,
            note,
        })
    }

    /// Every check-in of a relationship within `from..=to`, oldest first.
    pub fn check_ins(
        &self,
        relationship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<CheckIn>, ProgressError> {
        Relationships::new(self.conn()).get(relationship_id)?;
        let mut by_day: BTreeMap<NaiveDate, CheckIn> = BTreeMap::new();
        let blank = |on| CheckIn {
            on,
            answers: BTreeMap::new(),
            scores: ElementScores::default(),
            trust_level: None,
            note: String::new(),
        };
        let (from_s, to_s) = (from.to_string(), to.to_string());
        let mut stmt = self.conn().prepare_cached(
            "SELECT rated_on, answers, note FROM rating
             WHERE relationship_id = ?1 AND rated_on BETWEEN ?2 AND ?3",
        )?;
        let rows = stmt.query_map(params![relationship_id, from_s, to_s], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?;
        for row in rows {
            let (day, answers, note) = row?;
            let Ok(on) = dates::parse(&day) else { continue };
            let answers: BTreeMap<String, u8> = serde_json::from_str(&answers).unwrap_or_default();
            let c = by_day.entry(on).or_insert_with(|| blank(on));
            c.scores = elements::scores(&answers);
            c.answers = answers;
            c.note = note;
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT rated_on, level FROM trust_level
             WHERE relationship_id = ?1 AND rated_on BETWEEN ?2 AND ?3",
        )?;
        let rows = stmt.query_map(params![relationship_id, from_s, to_s], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?))
        })?;
        for row in rows {
            let (day, level) = row?;
            let Ok(on) = dates::parse(&day) else { continue };
            by_day.entry(on).or_insert_with(|| blank(on)).trust_level = Some(level);
        }
        Ok(by_day.into_values().collect())
    }

    pub fn delete_check_in(&self, relationship_id: i64, on: &str) -> Result<(), ProgressError> {
        let day = dates::parse(on)?.to_string();
        let removed = crate::store::atomically(self.conn(), || {
            let a = self.conn().execute(
                "DELETE FROM rating WHERE relationship_id = ?1 AND rated_on = ?2",
                params![relationship_id, day],
            )?;
            let b = self.conn().execute(
                "DELETE FROM trust_level WHERE relationship_id = ?1 AND rated_on = ?2",
                params![relationship_id, day],
            )?;
            Ok::<_, rusqlite::Error>(a + b)
        })?;
        if removed == 0 {
            return Err(ProgressError::NotFound);
        }
        Ok(())
    }

    /// Records a decision review (the decider's).
    pub fn add_decision(
        &self,
        relationship_id: i64,
        input: &DecisionInput,
        clock: &dyn Clock,
    ) -> Result<Decision, ProgressError> {
        if self.role(relationship_id)? != Role::Decider {
            return Err(ProgressError::Invalid(
                "decision reviews belong to the person deciding whether to trust",
            ));
        }
        let now = clock.now();
        let on = dates::parse_past(&input.decided_on, now)?;
        let reasons = check_note(&input.reasons)?;
        self.conn().execute(
            "INSERT INTO decision (relationship_id, decided_on, choice, reasons, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                relationship_id,
                on.to_string(),
                input.choice.as_str(),
                reasons,
                to_millis(now)
            ],
        )?;
        Ok(Decision {
            id: self.conn().last_insert_rowid(),
            decided_on: on,
            choice: input.choice,
            reasons,
        })
    }

    /// Decision reviews within `from..=to`, oldest first.
    pub fn decisions(
        &self,
        relationship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Decision>, ProgressError> {
        Relationships::new(self.conn()).get(relationship_id)?;
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, decided_on, choice, reasons FROM decision
             WHERE relationship_id = ?1 AND decided_on BETWEEN ?2 AND ?3 ORDER BY decided_on, id",
        )?;
        let rows =
            stmt.query_map(params![relationship_id, from.to_string(), to.to_string()], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get(3)?))
            })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, on, choice, reasons) = row?;
            if let Ok(decided_on) = dates::parse(&on) {
                out.push(Decision {
                    id,
                    decided_on,
                    choice: DecisionChoice::parse(&choice),
                    reasons,
                });
            }
        }
        Ok(out)
    }

    pub fn delete_decision(&self, id: i64) -> Result<(), ProgressError> {
        match self.conn().execute("DELETE FROM decision WHERE id = ?1", [id])? {
            0 => Err(ProgressError::NotFound),
            _ => Ok(()),
        }
    }

    pub fn check_in_schedule(
        &self,
        relationship_id: i64,
        today: NaiveDate,
    ) -> Result<Option<CheckInSchedule>, ProgressError> {
        Relationships::new(self.conn()).get(relationship_id)?;
        let row: Option<(String, String, String, bool)> = self
            .conn()
            .query_row(
                "SELECT rrule, starts_on, at, remind FROM checkin_schedule WHERE relationship_id = ?1",
                [relationship_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((rrule, starts, at, remind)) = row else { return Ok(None) };
        let repeat = CheckInEvery::from_rrule(&rrule);
        let starts_on = dates::parse(&starts)?;
        let next_on = ledger::due_dates(
            Some(&rrule),
            starts_on,
            None,
            today,
            today + chrono::Duration::days(400),
        )?
        .first()
        .copied();
        Ok(Some(CheckInSchedule { repeat, starts_on, at, remind, next_on }))
    }

    /// Sets (or replaces) how often to check in on a relationship.
    pub fn set_check_in_schedule(
        &self,
        relationship_id: i64,
        input: &CheckInScheduleInput,
        today: NaiveDate,
    ) -> Result<Option<CheckInSchedule>, ProgressError> {
        Relationships::new(self.conn()).get(relationship_id)?;
        let starts_on = dates::parse(&input.starts_on)
            .map_err(|_| refuse("startsOn", "please choose the day to start from"))?;
        let rule = input.repeat.to_rrule();
        let rule = rule.trim();
        if rule.is_empty() {
            return Err(refuse("repeat", "choose how often to check in"));
        }
        ledger::check_rule(rule, starts_on)?;
        let at = parse_time(&input.at)
            .ok_or(refuse("at", "please choose a time of day, such as 19:00"))?
            .format("%H:%M")
            .to_string();
        self.conn().execute(
            "INSERT INTO checkin_schedule (relationship_id, rrule, starts_on, at, remind)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (relationship_id) DO UPDATE SET
                rrule = excluded.rrule, starts_on = excluded.starts_on, at = excluded.at, remind = excluded.remind",
            params![relationship_id, rule, starts_on.to_string(), at, input.remind],
        )?;
        self.check_in_schedule(relationship_id, today)
    }

    pub fn clear_check_in_schedule(&self, relationship_id: i64) -> Result<(), ProgressError> {
        self.conn().execute(
            "DELETE FROM checkin_schedule WHERE relationship_id = ?1",
            [relationship_id],
        )?;
        Ok(())
    }

    /// A reminder for each check-in schedule that asked for one: times and rules only.
    pub fn reminders(&self) -> Result<Vec<Reminder>, ProgressError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT relationship_id, rrule, starts_on, at FROM checkin_schedule WHERE remind = 1
             ORDER BY relationship_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (rid, rrule, starts, at) = row?;
            let (Ok(starts_on), Some(at)) = (dates::parse(&starts), parse_time(&at)) else {
                continue;
            };
            out.push(Reminder {
                id: format!("checkin-{rid}"),
                kind: ReminderKind::CheckIn,
                enabled: true,
                at,
                weekday: None,
                rrule: Some(rrule),
                starts_on: Some(starts_on),
                ends_on: None,
                snoozed_until: None,
                show_details: false,
                relationship_id: Some(rid),
            });
        }
        Ok(out)
    }
}
