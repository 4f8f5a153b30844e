//! Checklists: the decider's four steps (observed? when? on what evidence?) and the
//! repairer's five A's and three-stage arc (done? when?), each step backed by links to
//! entries, events or logged occurrences of the same relationship.
use super::{check_note, Progress, ProgressError};
use crate::frameworks::{self, Role};
use crate::journal::excerpt;
use crate::ledger::OccurrenceStatus;
use crate::relationships::{EventKind, Relationships};
use crate::time::dates;
use crate::time::instant::{from_millis, to_millis};
use crate::time::Clock;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod evidence;

/// Turns an instant into the person's local calendar day.
pub type LocalDay<'f> = &'f dyn Fn(DateTime<Utc>) -> NaiveDate;

/// Most candidates of each kind offered as evidence.
const MAX_CANDIDATES: u32 = 200;
const EXCERPT_CHARS: usize = 90;

/// The frameworks each role keeps a checklist of, in the order shown.
pub fn checklist_frameworks(role: Role) -> &'static [&'static str] {
    match role {
        Role::Decider => &["four-steps"],
        Role::Repairer => &["five-as", "acknowledge-communicate-consistent"],
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ChecklistState {
    /// Not marked.
    Open,
    /// Marked, with no evidence linked yet (the UI says "Seen on …" with a quiet hint).
    Claimed,
    /// Marked, with at least one piece of evidence.
    Evidenced,
}

impl ChecklistState {
    pub fn of(marked: bool, evidence: usize) -> Self {
        match (marked, evidence) {
            (false, _) => ChecklistState::Open,
            (true, 0) => ChecklistState::Claimed,
            (true, _) => ChecklistState::Evidenced,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum EvidenceKind {
    Entry,
    Event,
    Occurrence,
}

/// What a piece of evidence points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EvidenceTarget {
    pub kind: EvidenceKind,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub entry_id: Option<i64>,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub event_id: Option<i64>,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub commitment_id: Option<i64>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
}

/// A piece of evidence as shown: linked to a step, or offered as a candidate.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EvidenceView {
    /// The link's id, once linked to a step.
    #[ts(type = "number | null")]
    pub link_id: Option<i64>,
    pub target: EvidenceTarget,
    /// The day it happened (an entry's local day of writing).
    pub on: NaiveDate,
    /// An entry's first line, an event's note, or a commitment's promise.
    pub text: String,
    pub event_kind: Option<EventKind>,
    pub occurrence_status: Option<OccurrenceStatus>,
    /// For an entry: whether it answers this very step.
    pub answers_step: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChecklistStep {
    pub framework_id: String,
    pub step_id: String,
    pub title: String,
    pub summary: String,
    /// The day the person marks it done or observed.
    pub marked_on: Option<NaiveDate>,
    pub note: String,
    pub evidence: Vec<EvidenceView>,
    /// Received items the other person shared, linked as evidence: shown as theirs.
    pub theirs: Vec<super::theirs::TheirEvidence>,
    /// Days on which the person wrote an entry answering this step, oldest first.
    pub written_on: Vec<NaiveDate>,
    pub state: ChecklistState,
    /// The day of the latest repeat breach, when this mark was made before it: the
    /// person is asked whether the step still holds (see [`before_repeat_breach`]).
    pub before_repeat_breach: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Checklist {
    pub framework_id: String,
    pub name: String,
    pub summary: String,
    pub steps: Vec<ChecklistStep>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepMarkInput {
    pub framework_id: String,
    pub step_id: String,
    /// `YYYY-MM-DD`, not in the future.
    pub marked_on: String,
    #[serde(default)]
    pub note: String,
}

/// The latest repeat breach of a relationship: the day it happened and when it was
/// recorded (UTC milliseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepeatBreach {
    pub on: NaiveDate,
    pub recorded_at: i64,
}

/// Whether a mark was made before the latest repeat breach, and if so that breach's day.
///
/// A mark whose day is earlier than the breach's day is before it. A mark on the very
/// day of the breach is before it only if the mark was recorded before the breach was:
/// someone who marks a step after writing down that it happened again has already
/// taken the breach into account. A mark on a later day is never flagged.
pub fn before_repeat_breach(
    marked_on: Option<NaiveDate>,
    mark_recorded_at: i64,
    latest: Option<RepeatBreach>,
) -> Option<NaiveDate> {
    let (on, breach) = (marked_on?, latest?);
    let before = on < breach.on || (on == breach.on && mark_recorded_at < breach.recorded_at);
    before.then_some(breach.on)
}

/// A checklist step of the relationship's role, or an error.
pub(crate) fn checked_step(
    role: Role,
    framework_id: &str,
    step_id: &str,
) -> Result<(), ProgressError> {
    let known = checklist_frameworks(role).contains(&framework_id)
        && frameworks::find_step(framework_id, step_id).is_some();
    if known {
        Ok(())
    } else {
        Err(ProgressError::Invalid("that step isn't on this relationship's checklist"))
    }
}

impl Progress<'_> {
    pub(super) fn role(&self, relationship_id: i64) -> Result<Role, ProgressError> {
        Ok(Relationships::new(self.conn()).get(relationship_id)?.role)
    }

    /// The checklists of a relationship's role, each step with its mark and evidence.
    pub fn checklists(
        &self,
        relationship_id: i64,
        local_day: LocalDay<'_>,
    ) -> Result<Vec<Checklist>, ProgressError> {
        let role = self.role(relationship_id)?;
        let latest = self.latest_repeat_breach(relationship_id)?;
        let mut out = Vec::new();
        for fw_id in checklist_frameworks(role) {
            let Some(fw) = frameworks::find(fw_id) else { continue };
            let mut steps = Vec::new();
            for step in fw.steps.iter().filter(|s| s.for_roles.contains(&role)) {
                let mark: Option<(String, String, i64)> = self
                    .conn()
                    .query_row(
                        "SELECT marked_on, note, updated_at FROM step_mark
                         WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3",
                        params![relationship_id, fw.id, step.id],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                let evidence = self.linked(relationship_id, &fw.id, &step.id, local_day)?;
                // Items shared by the other person count as evidence too.
                let theirs = self.their_linked(relationship_id, &fw.id, &step.id)?;
                let written_on = self.written_on(relationship_id, &fw.id, &step.id, local_day)?;
                let marked_on = mark.as_ref().and_then(|(d, _, _)| dates::parse(d).ok());
                let recorded_at = mark.as_ref().map_or(0, |(_, _, at)| *at);
                steps.push(ChecklistStep {
                    framework_id: fw.id.clone(),
                    step_id: step.id.clone(),
                    title: step.title.clone(),
                    summary: step.summary.clone(),
                    state: ChecklistState::of(marked_on.is_some(), evidence.len() + theirs.len()),
                    before_repeat_breach: before_repeat_breach(marked_on, recorded_at, latest),
                    marked_on,
                    note: mark.map(|(_, n, _)| n).unwrap_or_default(),
                    evidence,
                    theirs,
                    written_on,
                });
            }
            out.push(Checklist {
                framework_id: fw.id.clone(),
                name: fw.name.clone(),
                summary: fw.summary.clone(),
                steps,
            });
        }
        Ok(out)
    }

    /// The repeat breach on the latest day; of several that day, the last recorded.
    fn latest_repeat_breach(
        &self,
        relationship_id: i64,
    ) -> Result<Option<RepeatBreach>, ProgressError> {
        let row: Option<(String, i64)> = self
            .conn()
            .query_row(
                "SELECT occurred_on, created_at FROM relationship_event
                 WHERE relationship_id = ?1 AND kind = ?2
                 ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT 1",
                params![relationship_id, EventKind::RepeatBreach.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.and_then(|(on, recorded_at)| {
            dates::parse(&on).ok().map(|on| RepeatBreach { on, recorded_at })
        }))
    }

    fn written_on(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
        local_day: LocalDay<'_>,
    ) -> Result<Vec<NaiveDate>, ProgressError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT created_at FROM entry
             WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3 ORDER BY created_at",
        )?;
        let rows = stmt
            .query_map(params![relationship_id, framework_id, step_id], |r| r.get::<_, i64>(0))?;
        let mut days = Vec::new();
        for ms in rows {
            let day = local_day(from_millis(ms?));
            if days.last() != Some(&day) {
                days.push(day);
            }
        }
        Ok(days)
    }

    /// Marks a step done (repairer) or observed (decider) on a day; again replaces it.
    pub fn mark_step(
        &self,
        relationship_id: i64,
        input: &StepMarkInput,
        clock: &dyn Clock,
    ) -> Result<(), ProgressError> {
        let role = self.role(relationship_id)?;
        checked_step(role, &input.framework_id, &input.step_id)?;
        let now = clock.now();
        let on = dates::parse_past(&input.marked_on, now)?;
        let note = check_note(&input.note)?;
        self.conn().execute(
            "INSERT INTO step_mark (relationship_id, framework_id, step_id, marked_on, note, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (relationship_id, framework_id, step_id) DO UPDATE SET
                marked_on = excluded.marked_on, note = excluded.note, updated_at = excluded.updated_at",
            params![relationship_id, input.framework_id, input.step_id, on.to_string(), note, to_millis(now)],
        )?;
        Ok(())
    }

    /// The person says a marked step still holds after a repeat breach: the mark moves to
    /// today (the person's local day now), keeping its note and its evidence, so it no
    /// longer counts as made before the breach.
    pub fn reconfirm_step(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
        local_day: LocalDay<'_>,
        clock: &dyn Clock,
    ) -> Result<(), ProgressError> {
        let role = self.role(relationship_id)?;
        checked_step(role, framework_id, step_id)?;
        let now = clock.now();
        let changed = self.conn().execute(
            "UPDATE step_mark SET marked_on = ?4, updated_at = ?5
             WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3",
            params![
                relationship_id,
                framework_id,
                step_id,
                local_day(now).to_string(),
                to_millis(now)
            ],
        )?;
        match changed {
            0 => Err(ProgressError::NotFound),
            _ => Ok(()),
        }
    }

    /// Takes a mark back. Linked evidence stays, ready for when it is marked again.
    pub fn unmark_step(
        &self,
        relationship_id: i64,
        framework_id: &str,
        step_id: &str,
    ) -> Result<(), ProgressError> {
        self.conn().execute(
            "DELETE FROM step_mark WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3",
            params![relationship_id, framework_id, step_id],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_without_evidence_is_only_claimed() {
        assert_eq!(ChecklistState::of(false, 3), ChecklistState::Open);
        assert_eq!(ChecklistState::of(true, 0), ChecklistState::Claimed);
        assert_eq!(ChecklistState::of(true, 1), ChecklistState::Evidenced);
    }

    #[test]
    fn a_mark_is_before_a_repeat_breach_by_day_then_by_when_it_was_recorded() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d);
        let breach = Some(RepeatBreach { on: day(10).unwrap(), recorded_at: 5_000 });
        assert_eq!(before_repeat_breach(day(9), 9_000, breach), day(10), "an earlier day");
        assert_eq!(before_repeat_breach(day(10), 4_000, breach), day(10), "same day, marked first");
        assert_eq!(before_repeat_breach(day(10), 6_000, breach), None, "same day, marked after");
        assert_eq!(before_repeat_breach(day(11), 1_000, breach), None, "a later day");
        assert_eq!(before_repeat_breach(None, 1_000, breach), None, "not marked");
        assert_eq!(before_repeat_breach(day(9), 1_000, None), None, "no repeat breach");
    }

    #[test]
    fn excerpts_take_the_first_line_without_markup() {
        assert_eq!(excerpt("\n\n## They said sorry\nmore", EXCERPT_CHARS), "They said sorry");
        assert_eq!(excerpt("> quoted", EXCERPT_CHARS), "quoted");
        let long = "word ".repeat(40);
        let e = excerpt(&long, EXCERPT_CHARS);
        assert!(e.ends_with('…') && e.chars().count() <= EXCERPT_CHARS);
        assert_eq!(excerpt("", EXCERPT_CHARS), "");
    }
}
