//! The guided flow: a relationship's frameworks seen from the person's role, with each
//! step's prompts (the framework's and the person's own), guidance for the kind of
//! breach, and whether the step is done, in progress or untouched. Answers are kept as
//! a draft while typed and become one journal entry when the step is completed.
use crate::error::ErrorKind;
use crate::frameworks::{self, Context, Framework, FrameworkKind, Role};
use crate::journal::{Entry, EntryMeta, Journal, JournalError};
use crate::relationships::{Relationship, RelationshipError, Relationships};
use crate::store::atomically;
use crate::time::instant::{from_millis, to_millis};
use crate::time::Clock;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// The framework id under which the person's own templates run as steps.
pub const TEMPLATE_FRAMEWORK: &str = "template";
pub const MAX_PROMPT_CHARS: usize = 500;
pub const MAX_TEMPLATE_PROMPTS: usize = 20;

#[derive(Debug, thiserror::Error)]
pub enum GuideError {
    #[error("that relationship no longer exists")]
    RelationshipNotFound,
    #[error("that step is not part of Mend's frameworks")]
    UnknownStep,
    #[error("that prompt or template no longer exists")]
    NotFound,
    #[error("answer at least one prompt before finishing the step")]
    NothingAnswered,
    #[error("{0}")]
    Invalid(&'static str),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
}

impl GuideError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::RelationshipNotFound | Self::UnknownStep | Self::NotFound => ErrorKind::NotFound,
            Self::NothingAnswered | Self::Invalid(_) => ErrorKind::INVALID,
            Self::Journal(j) => j.kind(),
            Self::Storage(_) => ErrorKind::Io,
        }
    }
}

impl From<RelationshipError> for GuideError {
    fn from(e: RelationshipError) -> Self {
        match e {
            RelationshipError::Storage(e) => GuideError::Storage(e),
            _ => GuideError::RelationshipNotFound,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum StepStatus {
    Untouched,
    InProgress,
    Done,
}

/// A step as this person, in this relationship, meets it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepView {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The framework's prompts for the role, then the person's own.
    pub prompts: Vec<PromptView>,
    /// Advice for this kind of breach, if the step has some.
    pub guidance: Option<String>,
    /// Notes for the relationship's setting (a leader at work, a team, …), if any.
    pub notes: Vec<String>,
    pub status: StepStatus,
    /// How many entries answer this step.
    pub entries: u32,
    pub last_done_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PromptView {
    pub text: String,
    /// The id of the person's own prompt (which they may delete); none for built-in ones.
    #[ts(type = "number | null")]
    pub user_prompt_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FrameworkView {
    pub id: String,
    pub kind: FrameworkKind,
    pub name: String,
    pub summary: String,
    pub closing_prompt: Option<String>,
    pub steps: Vec<StepView>,
}

/// Everything the relationship page needs to guide the person.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RelationshipGuide {
    pub relationship: Relationship,
    /// Repair steps, or (after a safety check with warning signs) the person's own safety.
    pub mode: crate::safety::RelationshipMode,
    pub frameworks: Vec<FrameworkView>,
    /// The person's own templates, run like steps under the framework id "template".
    pub templates: Vec<StepView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Draft {
    pub answers: Vec<String>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Template {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub prompts: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UserPromptInput {
    pub framework_id: String,
    pub step_id: String,
    pub role: Role,
    pub text: String,
}

/// Where a guided step lives: a framework step, or one of the person's templates.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StepRef {
    #[ts(type = "number")]
    pub relationship_id: i64,
    pub framework_id: String,
    pub step_id: String,
}

pub struct Guide<'a> {
    conn: &'a Connection,
}

struct Progress {
    entries: u32,
    last: Option<DateTime<Utc>>,
}

/// (framework id, step id)
type StepKey = (String, String);
/// The person's own prompts by step: (prompt id, text).
type OwnPrompts = HashMap<StepKey, Vec<(i64, String)>>;

/// What has happened to each step in one relationship.
struct Activity {
    progress: HashMap<StepKey, Progress>,
    drafts: Vec<StepKey>,
}

impl Activity {
    fn state(&self, fw: &str, step: &str) -> (StepStatus, u32, Option<DateTime<Utc>>) {
        let key = (fw.to_owned(), step.to_owned());
        let drafted = self.drafts.contains(&key);
        match self.progress.get(&key) {
            Some(p) if drafted => (StepStatus::InProgress, p.entries, p.last),
            Some(p) => (StepStatus::Done, p.entries, p.last),
            None if drafted => (StepStatus::InProgress, 0, None),
            None => (StepStatus::Untouched, 0, None),
        }
    }
}

/// A relationship's setting changed, and with it the variant prompts asked before a
/// step's own. Drafts keep answers by position, so each of the relationship's drafts is
/// rearranged to keep every answer with its question; an answer to a question no longer
/// asked is kept at the end (it becomes "a further thought"), never dropped.
pub(crate) fn realign_drafts(
    conn: &Connection,
    relationship_id: i64,
    role: Role,
    before: &[Context],
    after: &[Context],
) -> rusqlite::Result<()> {
    let mut stmt = conn
        .prepare("SELECT framework_id, step_id, answers FROM draft WHERE relationship_id = ?1")?;
    let drafts: Vec<(String, String, String)> = stmt
        .query_map([relationship_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    for (fw, step, json) in drafts {
        let Some((_, s)) = frameworks::find_step(&fw, &step) else { continue };
        let (old, new) = (s.prompts_in(role, before), s.prompts_in(role, after));
        let own: i64 = conn.query_row(
            "SELECT count(*) FROM user_prompt WHERE framework_id = ?1 AND step_id = ?2 AND role = ?3",
            params![fw, step, role.as_str()],
            |r| r.get(0),
        )?;
        let answers: Vec<String> = serde_json::from_str(&json).unwrap_or_default();
        let mut built_in = vec![String::new(); new.len()];
        let mut rest = Vec::new();
        let mut unasked = Vec::new();
        for (i, answer) in answers.into_iter().enumerate() {
            match old.get(i) {
                None => rest.push(answer),
                Some(prompt) => match new.iter().position(|p| p == prompt) {
                    Some(j) => built_in[j] = answer,
                    None if answer.trim().is_empty() => {}
                    None => unasked.push(answer),
                },
            }
        }
        if !unasked.is_empty() {
            // Past the person's own prompts, so no answer lands under one of them.
            rest.resize(rest.len().max(own as usize), String::new());
        }
        built_in.extend(rest);
        built_in.extend(unasked);
        let Ok(json) = serde_json::to_string(&built_in) else { continue };
        conn.execute(
            "UPDATE draft SET answers = ?4 WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3",
            params![relationship_id, fw, step, json],
        )?;
    }
    Ok(())
}

fn check_prompt(text: &str) -> Result<String, GuideError> {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > MAX_PROMPT_CHARS {
        return Err(GuideError::Invalid("a prompt needs some words (up to 500 characters)"));
    }
    Ok(t.to_owned())
}

impl<'a> Guide<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    fn relationship(&self, id: i64) -> Result<Relationship, GuideError> {
        Ok(Relationships::new(self.conn).get(id)?)
    }

    /// The relationship's frameworks from its role, each step with its status.
    pub fn overview(&self, relationship_id: i64) -> Result<RelationshipGuide, GuideError> {
        let rel = self.relationship(relationship_id)?;
        let activity = Activity {
            progress: self.progress(relationship_id)?,
            drafts: self.draft_keys(relationship_id)?,
        };
        let own = self.user_prompts(rel.role)?;
        let mode =
            crate::safety::Safety::new(self.conn).mode(relationship_id).map_err(|e| match e {
                crate::safety::SafetyError::Storage(e) => GuideError::Storage(e),
                _ => GuideError::RelationshipNotFound,
            })?;
        let frameworks = crate::safety::frameworks_for(rel.role, mode)
            .into_iter()
            .map(|f| self.framework_view(f, &rel, &own, &activity))
            .collect();
        let templates = self
            .templates()?
            .into_iter()
            .map(|t| {
                let id = t.id.to_string();
                let (status, entries, last_done_at) = activity.state(TEMPLATE_FRAMEWORK, &id);
                StepView {
                    id,
                    title: t.name,
                    summary: String::new(),
                    prompts: t
                        .prompts
                        .into_iter()
                        .map(|text| PromptView { text, user_prompt_id: None })
                        .collect(),
                    guidance: None,
                    notes: Vec::new(),
                    status,
                    entries,
                    last_done_at,
                }
            })
            .collect();
        Ok(RelationshipGuide { relationship: rel, mode, frameworks, templates })
    }

    fn framework_view(
        &self,
        f: &Framework,
        rel: &Relationship,
        own: &OwnPrompts,
        activity: &Activity,
    ) -> FrameworkView {
        let role = rel.role;
        let steps = f
            .steps
            .iter()
            .filter(|s| s.for_roles.contains(&role))
            .map(|s| {
                let mut prompts: Vec<PromptView> = s
                    .prompts_in(role, &rel.contexts)
                    .into_iter()
                    .map(|text| PromptView { text, user_prompt_id: None })
                    .collect();
                if let Some(extra) = own.get(&(f.id.clone(), s.id.clone())) {
                    prompts.extend(extra.iter().map(|(id, text)| PromptView {
                        text: text.clone(),
                        user_prompt_id: Some(*id),
                    }));
                }
                let (status, entries, last_done_at) = activity.state(&f.id, &s.id);
                StepView {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    summary: s.summary.clone(),
                    prompts,
                    guidance: s.guidance.for_kind(rel.breach_kind).map(str::to_owned),
                    notes: s.notes_in(role, &rel.contexts),
                    status,
                    entries,
                    last_done_at,
                }
            })
            .collect();
        FrameworkView {
            id: f.id.clone(),
            kind: f.kind,
            name: f.name.clone(),
            summary: f.summary.clone(),
            closing_prompt: f.closing_prompt.clone(),
            steps,
        }
    }

    fn progress(&self, relationship_id: i64) -> Result<HashMap<StepKey, Progress>, GuideError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT framework_id, step_id, count(*), max(created_at) FROM entry
             WHERE relationship_id = ?1 AND framework_id IS NOT NULL AND step_id IS NOT NULL
             GROUP BY framework_id, step_id",
        )?;
        let rows = stmt.query_map([relationship_id], |r| {
            Ok((
                (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
                Progress {
                    entries: r.get::<_, i64>(2)? as u32,
                    last: r.get::<_, Option<i64>>(3)?.map(from_millis),
                },
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn draft_keys(&self, relationship_id: i64) -> Result<Vec<StepKey>, GuideError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT framework_id, step_id FROM draft WHERE relationship_id = ?1")?;
        let rows = stmt.query_map([relationship_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn user_prompts(&self, role: Role) -> Result<OwnPrompts, GuideError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, framework_id, step_id, text FROM user_prompt WHERE role = ?1 ORDER BY id",
        )?;
        let mut map: HashMap<(String, String), Vec<(i64, String)>> = HashMap::new();
        let rows = stmt.query_map([role.as_str()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, fw, step, text) = row?;
            map.entry((fw, step)).or_default().push((id, text));
        }
        Ok(map)
    }

    /// The prompts a step asks, in order, for the relationship's role and setting.
    pub fn prompts_for(&self, step: &StepRef) -> Result<(String, Vec<String>), GuideError> {
        let rel = self.relationship(step.relationship_id)?;
        if step.framework_id == TEMPLATE_FRAMEWORK {
            let id: i64 = step.step_id.parse().map_err(|_| GuideError::UnknownStep)?;
            let t = self.template(id)?;
            return Ok((t.name, t.prompts));
        }
        let (f, s) = frameworks::find_step(&step.framework_id, &step.step_id)
            .ok_or(GuideError::UnknownStep)?;
        if !s.for_roles.contains(&rel.role) {
            return Err(GuideError::UnknownStep);
        }
        let mut prompts = s.prompts_in(rel.role, &rel.contexts);
        if let Some(own) = self.user_prompts(rel.role)?.remove(&(f.id.clone(), s.id.clone())) {
            prompts.extend(own.into_iter().map(|(_, t)| t));
        }
        Ok((format!("{}: {}", f.name, s.title), prompts))
    }

    pub fn draft(&self, step: &StepRef) -> Result<Option<Draft>, GuideError> {
        let row: Option<(String, i64)> = self
            .conn
            .query_row(
                "SELECT answers, updated_at FROM draft
                 WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3",
                params![step.relationship_id, step.framework_id, step.step_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(row.map(|(answers, at)| Draft {
            answers: serde_json::from_str(&answers).unwrap_or_default(),
            updated_at: from_millis(at),
        }))
    }

    /// Keeps the answers typed so far. A draft of only empty answers is discarded.
    pub fn save_draft(
        &self,
        step: &StepRef,
        answers: &[String],
        clock: &dyn Clock,
    ) -> Result<Draft, GuideError> {
        self.prompts_for(step)?;
        let now = clock.now();
        if answers.iter().all(|a| a.trim().is_empty()) {
            self.discard_draft(step)?;
            return Ok(Draft { answers: answers.to_vec(), updated_at: now });
        }
        let total: usize = answers.iter().map(String::len).sum();
        if total > crate::journal::MAX_BODY_BYTES {
            return Err(GuideError::Journal(JournalError::TooLong));
        }
        let json = serde_json::to_string(answers)
            .map_err(|_| GuideError::Invalid("those answers could not be kept"))?;
        self.conn.execute(
            "INSERT INTO draft (relationship_id, framework_id, step_id, answers, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (relationship_id, framework_id, step_id)
             DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at",
            params![step.relationship_id, step.framework_id, step.step_id, json, to_millis(now)],
        )?;
        Ok(Draft { answers: answers.to_vec(), updated_at: now })
    }

    pub fn discard_draft(&self, step: &StepRef) -> Result<(), GuideError> {
        self.conn.execute(
            "DELETE FROM draft WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3",
            params![step.relationship_id, step.framework_id, step.step_id],
        )?;
        Ok(())
    }

    /// Turns the answers into one journal entry tied to the relationship and step, and
    /// clears the draft, in one transaction. Unanswered prompts are left out.
    pub fn complete(
        &self,
        step: &StepRef,
        answers: &[String],
        mood: Option<String>,
        tags: Vec<String>,
        clock: &dyn Clock,
    ) -> Result<Entry, GuideError> {
        let (title, prompts) = self.prompts_for(step)?;
        let mut body = format!("## {title}\n\n");
        let mut answered = 0;
        for (i, answer) in answers.iter().enumerate() {
            let answer = answer.trim();
            if answer.is_empty() {
                continue;
            }
            let prompt = prompts.get(i).map(String::as_str).unwrap_or("A further thought");
            body.push_str(&format!("**{}**\n\n{}\n\n", prompt.trim(), answer));
            answered += 1;
        }
        if answered == 0 {
            return Err(GuideError::NothingAnswered);
        }
        let meta = EntryMeta {
            relationship_id: Some(step.relationship_id),
            framework_id: Some(step.framework_id.clone()),
            step_id: Some(step.step_id.clone()),
            mood,
            tags,
        };
        atomically(self.conn, || {
            let entry = Journal::new(self.conn).create_with(body.trim_end(), &meta, clock)?;
            self.discard_draft(step)?;
            Ok(entry)
        })
    }

    pub fn add_user_prompt(
        &self,
        input: &UserPromptInput,
        clock: &dyn Clock,
    ) -> Result<i64, GuideError> {
        let (_, s) = frameworks::find_step(&input.framework_id, &input.step_id)
            .ok_or(GuideError::UnknownStep)?;
        if !s.for_roles.contains(&input.role) {
            return Err(GuideError::UnknownStep);
        }
        let text = check_prompt(&input.text)?;
        self.conn.execute(
            "INSERT INTO user_prompt (framework_id, step_id, role, text, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![input.framework_id, input.step_id, input.role.as_str(), text, to_millis(clock.now())],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Removes one of the person's own prompts. Drafts store answers by position, so the
    /// answer to that prompt is taken out of every draft of that step in relationships of
    /// that role: the answers after it keep matching their prompts (the built-in prompts
    /// before it counted per relationship, as its setting may add some).
    pub fn delete_user_prompt(&self, id: i64) -> Result<(), GuideError> {
        let found: Option<(String, String, String)> = self
            .conn
            .query_row(
                "SELECT framework_id, step_id, role FROM user_prompt WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (fw, step, role) = found.ok_or(GuideError::NotFound)?;
        let role = Role::parse(&role).ok_or(GuideError::NotFound)?;
        let own = self.user_prompts(role)?.remove(&(fw.clone(), step.clone())).unwrap_or_default();
        let own_index = own.iter().position(|(pid, _)| *pid == id).unwrap_or(own.len());
        let relationships = Relationships::new(self.conn);
        atomically(self.conn, || {
            let mut stmt = self.conn.prepare(
                "SELECT d.relationship_id, d.answers FROM draft d JOIN relationship r ON r.id = d.relationship_id
                 WHERE d.framework_id = ?1 AND d.step_id = ?2 AND r.role = ?3",
            )?;
            let drafts: Vec<(i64, String)> = stmt
                .query_map(params![fw, step, role.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (relationship_id, json) in drafts {
                // Built-in prompts come first; how many depends on the relationship's setting.
                let contexts = relationships.get(relationship_id)?.contexts;
                let built_in = frameworks::find_step(&fw, &step)
                    .map_or(0, |(_, s)| s.prompts_in(role, &contexts).len());
                let index = built_in + own_index;
                let mut answers: Vec<String> = serde_json::from_str(&json).unwrap_or_default();
                if index < answers.len() {
                    answers.remove(index);
                    let json = serde_json::to_string(&answers)
                        .map_err(|_| GuideError::Invalid("those answers could not be kept"))?;
                    self.conn.execute(
                        "UPDATE draft SET answers = ?4
                         WHERE relationship_id = ?1 AND framework_id = ?2 AND step_id = ?3",
                        params![relationship_id, fw, step, json],
                    )?;
                }
            }
            self.conn.execute("DELETE FROM user_prompt WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    pub fn templates(&self) -> Result<Vec<Template>, GuideError> {
        let mut stmt =
            self.conn.prepare_cached("SELECT id, name, prompts FROM template ORDER BY name, id")?;
        let rows = stmt.query_map([], |r| {
            let prompts: String = r.get(2)?;
            Ok(Template {
                id: r.get(0)?,
                name: r.get(1)?,
                prompts: serde_json::from_str(&prompts).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn template(&self, id: i64) -> Result<Template, GuideError> {
        self.templates()?.into_iter().find(|t| t.id == id).ok_or(GuideError::NotFound)
    }

    pub fn create_template(
        &self,
        name: &str,
        prompts: &[String],
        clock: &dyn Clock,
    ) -> Result<Template, GuideError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 80 {
            return Err(GuideError::Invalid("a template needs a name (up to 80 characters)"));
        }
        let prompts: Vec<String> = prompts
            .iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| check_prompt(p))
            .collect::<Result<_, _>>()?;
        if prompts.is_empty() || prompts.len() > MAX_TEMPLATE_PROMPTS {
            return Err(GuideError::Invalid("a template needs between 1 and 20 prompts"));
        }
        let json = serde_json::to_string(&prompts)
            .map_err(|_| GuideError::Invalid("that template could not be kept"))?;
        self.conn.execute(
            "INSERT INTO template (name, prompts, created_at) VALUES (?1, ?2, ?3)",
            params![name, json, to_millis(clock.now())],
        )?;
        Ok(Template { id: self.conn.last_insert_rowid(), name: name.to_owned(), prompts })
    }

    pub fn delete_template(&self, id: i64) -> Result<(), GuideError> {
        match self.conn.execute("DELETE FROM template WHERE id = ?1", [id])? {
            0 => Err(GuideError::NotFound),
            _ => Ok(()),
        }
    }
}
