//! The safety check: a few questions, when a relationship is added and at any time
//! after, about signs that point away from repair (fear, threats, control, violence).
//! Any sign present switches the relationship to safety mode: prompts about the person's
//! own safety and decision instead of repair steps, and no commitment reminders nudging
//! them to keep rebuilding. The person can choose the other mode themself at any time.
//!
//! Invariants: answers live only in the vault; the check suggests, the person decides.
use crate::error::ErrorKind;
use crate::frameworks::{self, Framework, FrameworkKind, Role};
use crate::relationships::declined_safety_offer_key as not_now_key;
use crate::relationships::{EventKind, RelationshipError, Relationships};
use crate::time::dates;
use crate::time::instant::{from_millis, to_millis};
use crate::time::Clock;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

#[derive(Debug, thiserror::Error)]
pub enum SafetyError {
    #[error("that relationship no longer exists")]
    RelationshipNotFound,
    #[error("{0}")]
    Invalid(&'static str),
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
}

impl SafetyError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::RelationshipNotFound => ErrorKind::NotFound,
            Self::Invalid(_) => ErrorKind::INVALID,
            Self::Storage(_) => ErrorKind::Io,
        }
    }
}

impl From<RelationshipError> for SafetyError {
    fn from(e: RelationshipError) -> Self {
        match e {
            RelationshipError::Storage(e) => SafetyError::Storage(e),
            _ => SafetyError::RelationshipNotFound,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RelationshipMode {
    /// The guided steps for rebuilding trust.
    Repair,
    /// The person's own safety and decision come first.
    Safety,
}

impl RelationshipMode {
    fn as_str(self) -> &'static str {
        match self {
            RelationshipMode::Repair => "repair",
            RelationshipMode::Safety => "safety",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "repair" => Some(RelationshipMode::Repair),
            "safety" => Some(RelationshipMode::Safety),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
struct CheckFile {
    intro: String,
    none: String,
    signs: Vec<SignDef>,
    guidance: Guidance,
}

#[derive(Debug, Clone, Deserialize)]
struct SignDef {
    id: String,
    text: String,
}

/// Where to find support, in general terms (no numbers that go stale).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Guidance {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

const FILE: &str = include_str!("../frameworks/safety-check.toml");

fn check_file() -> &'static CheckFile {
    static PARSED: OnceLock<CheckFile> = OnceLock::new();
    PARSED.get_or_init(|| {
        toml::from_str(FILE).unwrap_or(CheckFile {
            intro: String::new(),
            none: String::new(),
            signs: vec![],
            guidance: Guidance::default(),
        })
    })
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SignView {
    pub id: String,
    pub text: String,
    pub present: bool,
}

/// The check as the person meets it, and where it leaves the relationship.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SafetyView {
    pub intro: String,
    /// The label of the "none of these" answer.
    pub none_label: String,
    pub signs: Vec<SignView>,
    /// When the check was last answered; none if never.
    pub checked_at: Option<DateTime<Utc>>,
    /// What the answers suggest.
    pub suggested: RelationshipMode,
    /// The mode in force: the person's own choice if they made one, else the suggestion.
    pub mode: RelationshipMode,
    /// Whether the person chose the mode themself.
    pub chosen: bool,
    pub guidance: Guidance,
    /// The day of the latest repeat breach recorded since the check was last answered
    /// (or since the person last said "Not now" to taking it again): the relationship
    /// page then offers the check again, quietly. None in safety mode, whose page
    /// already offers it.
    pub offer_again_since: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SafetyCheckInput {
    /// The ids of the signs that are present; empty for "none of these".
    pub present: Vec<String>,
}

/// What a set of answers suggests: any sign at all points away from repair.
pub fn suggested_mode(present: &[String]) -> RelationshipMode {
    if present.is_empty() {
        RelationshipMode::Repair
    } else {
        RelationshipMode::Safety
    }
}

/// The frameworks a relationship offers in a mode: the repair frameworks and situations,
/// or only the ones about the person's own safety.
pub fn frameworks_for(role: Role, mode: RelationshipMode) -> Vec<&'static Framework> {
    frameworks::all()
        .iter()
        .filter(|f| f.for_roles.contains(&role))
        .filter(|f| match mode {
            RelationshipMode::Repair => f.kind != FrameworkKind::Safety,
            RelationshipMode::Safety => f.kind == FrameworkKind::Safety,
        })
        .collect()
}

/// The SQL for a relationship's mode in force, given a `safety_check` row aliased `s`.
pub(crate) const MODE_SQL: &str =
    "coalesce(s.chosen_mode, CASE WHEN s.present != '[]' THEN 'safety' ELSE 'repair' END)";

pub struct Safety<'a> {
    conn: &'a Connection,
}

impl<'a> Safety<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    pub fn view(&self, relationship_id: i64) -> Result<SafetyView, SafetyError> {
        Relationships::new(self.conn).get(relationship_id)?;
        let row: Option<(String, Option<i64>, Option<String>)> = self
            .conn
            .query_row(
                "SELECT present, checked_at, chosen_mode FROM safety_check WHERE relationship_id = ?1",
                [relationship_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (present, checked_at, chosen) = match row {
            Some((p, at, c)) => (
                serde_json::from_str::<Vec<String>>(&p).unwrap_or_default(),
                at.map(from_millis),
                c.as_deref().and_then(RelationshipMode::parse),
            ),
            None => (vec![], None, None),
        };
        let file = check_file();
        let suggested = suggested_mode(&present);
        let mode = chosen.unwrap_or(suggested);
        let offer_again_since = match mode {
            RelationshipMode::Safety => None,
            RelationshipMode::Repair => self.repeat_breach_since(relationship_id, checked_at)?,
        };
        Ok(SafetyView {
            intro: file.intro.clone(),
            none_label: file.none.clone(),
            signs: file
                .signs
                .iter()
                .map(|s| SignView {
                    id: s.id.clone(),
                    text: s.text.clone(),
                    present: present.contains(&s.id),
                })
                .collect(),
            checked_at,
            suggested,
            mode,
            chosen: chosen.is_some(),
            guidance: file.guidance.clone(),
            offer_again_since,
        })
    }

    /// The latest day of a repeat breach recorded after both the last check and the
    /// last "Not now".
    fn repeat_breach_since(
        &self,
        relationship_id: i64,
        checked_at: Option<DateTime<Utc>>,
    ) -> Result<Option<NaiveDate>, SafetyError> {
        let declined: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [not_now_key(relationship_id)],
                |r| r.get(0),
            )
            .optional()?;
        let declined = declined.and_then(|v| v.parse::<i64>().ok());
        let since = checked_at.map(to_millis).into_iter().chain(declined).max().unwrap_or(i64::MIN);
        let day: Option<String> = self.conn.query_row(
            "SELECT max(occurred_on) FROM relationship_event
             WHERE relationship_id = ?1 AND kind = ?2 AND created_at > ?3",
            params![relationship_id, EventKind::RepeatBreach.as_str(), since],
            |r| r.get(0),
        )?;
        Ok(day.and_then(|d| dates::parse(&d).ok()))
    }

    /// "Not now": the offer to take the check again stays away until a repeat breach
    /// is recorded after this moment.
    pub fn not_now(
        &self,
        relationship_id: i64,
        clock: &dyn Clock,
    ) -> Result<SafetyView, SafetyError> {
        Relationships::new(self.conn).get(relationship_id)?;
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![not_now_key(relationship_id), to_millis(clock.now()).to_string()],
        )?;
        self.view(relationship_id)
    }

    /// The mode in force for a relationship (repair if it was never checked).
    pub fn mode(&self, relationship_id: i64) -> Result<RelationshipMode, SafetyError> {
        let mode: Option<String> = self
            .conn
            .query_row(
                &format!("SELECT {MODE_SQL} FROM safety_check s WHERE s.relationship_id = ?1"),
                [relationship_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(mode.as_deref().and_then(RelationshipMode::parse).unwrap_or(RelationshipMode::Repair))
    }

    /// Records the answers. A new answer clears any mode chosen by hand, so that what
    /// the person has just said takes effect.
    pub fn record(
        &self,
        relationship_id: i64,
        input: &SafetyCheckInput,
        clock: &dyn Clock,
    ) -> Result<SafetyView, SafetyError> {
        Relationships::new(self.conn).get(relationship_id)?;
        let known = &check_file().signs;
        if input.present.iter().any(|p| !known.iter().any(|s| &s.id == p)) {
            return Err(SafetyError::Invalid("one of those answers isn't a question Mend asks"));
        }
        let mut present: Vec<String> =
            known.iter().filter(|s| input.present.contains(&s.id)).map(|s| s.id.clone()).collect();
        present.dedup();
        let json = serde_json::to_string(&present)
            .map_err(|_| SafetyError::Invalid("those answers could not be saved"))?;
        self.conn.execute(
            "INSERT INTO safety_check (relationship_id, present, checked_at, chosen_mode)
             VALUES (?1, ?2, ?3, NULL)
             ON CONFLICT (relationship_id) DO UPDATE SET
                present = excluded.present, checked_at = excluded.checked_at, chosen_mode = NULL",
            params![relationship_id, json, to_millis(clock.now())],
        )?;
        self.view(relationship_id)
    }

    /// The person's own choice of mode; none goes back to what the check suggests.
    pub fn choose_mode(
        &self,
        relationship_id: i64,
        mode: Option<RelationshipMode>,
    ) -> Result<SafetyView, SafetyError> {
        Relationships::new(self.conn).get(relationship_id)?;
        self.conn.execute(
            "INSERT INTO safety_check (relationship_id, present, checked_at, chosen_mode)
             VALUES (?1, '[]', NULL, ?2)
             ON CONFLICT (relationship_id) DO UPDATE SET chosen_mode = excluded.chosen_mode",
            params![relationship_id, mode.map(RelationshipMode::as_str)],
        )?;
        self.view(relationship_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_check_parses_and_has_the_four_signs() {
        let f: CheckFile = toml::from_str(FILE).unwrap();
        let ids: Vec<&str> = f.signs.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["afraid", "threatened", "controlled", "hurt"]);
        assert!(!f.guidance.paragraphs.is_empty());
        let all = f.guidance.paragraphs.join(" ");
        assert!(all.contains("emergency services") && all.contains("helpline"));
        assert!(!all.chars().any(|c| c.is_ascii_digit()), "no phone numbers that go stale");
    }

    #[test]
    fn any_sign_suggests_safety_and_none_suggests_repair() {
        assert_eq!(suggested_mode(&[]), RelationshipMode::Repair);
        for sign in ["afraid", "threatened", "controlled", "hurt"] {
            assert_eq!(suggested_mode(&[sign.to_owned()]), RelationshipMode::Safety, "{sign}");
        }
    }

    #[test]
    fn each_mode_offers_its_own_prompts() {
        for role in [Role::Repairer, Role::Decider] {
            let repair: Vec<&str> = frameworks_for(role, RelationshipMode::Repair)
                .iter()
                .map(|f| f.id.as_str())
                .collect();
            let safety: Vec<&str> = frameworks_for(role, RelationshipMode::Safety)
                .iter()
                .map(|f| f.id.as_str())
                .collect();
            assert!(repair.contains(&"four-steps") && repair.contains(&"situations"));
            assert!(!repair.contains(&"own-safety"));
            assert_eq!(safety, ["own-safety"], "{role:?}");
            let own = frameworks::find("own-safety").unwrap();
            for step in &own.steps {
                assert!(!step.prompts.for_role(role).is_empty());
            }
        }
    }
}
