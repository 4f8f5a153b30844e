//! The repair frameworks, as data. Each framework is one TOML file in
//! `src-tauri/core/frameworks/`, compiled into the binary: its steps, the roles each
//! step is for, and the prompts of each step written for each of those roles (with
//! optional guidance per kind of breach). See `shared/FRAMEWORKS.md` for the sources.
//!
//! Invariants (checked by the tests below, so a bad file fails CI, not a person):
//! - every file parses, ids are unique, and every step has at least one prompt for each
//!   role it is for, and none for a role it is not for.
//! - a step's variants (`[[steps.variants]]`, for a context such as a leader at work or a
//!   team) name a known context, hold prompts or a note, no empty text, and speak only
//!   to roles the step is for.
pub use crate::relationships::setting::Context;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

/// Which side of the breach the person is on, per relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Role {
    /// Broke the other person's trust and wants to rebuild it.
    Repairer,
    /// Had their trust broken and is deciding whether to trust again.
    Decider,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Repairer => "repairer",
            Role::Decider => "decider",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "repairer" => Some(Role::Repairer),
            "decider" => Some(Role::Decider),
            _ => None,
        }
    }
}

/// What kind of trust was broken. An apology repairs a competence breach best; an
/// integrity breach needs action and transparency; a breach of care needs both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BreachKind {
    Competence,
    Integrity,
    Care,
}

impl BreachKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BreachKind::Competence => "competence",
            BreachKind::Integrity => "integrity",
            BreachKind::Care => "care",
        }
    }

    pub fn parse(s: &str) -> Option<BreachKind> {
        match s {
            "competence" => Some(BreachKind::Competence),
            "integrity" => Some(BreachKind::Integrity),
            "care" => Some(BreachKind::Care),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FrameworkKind {
    /// A published approach with ordered steps.
    Framework,
    /// Prompts for particular circumstances (no reply, living apart, …).
    Situations,
    /// Prompts about the person's own safety, offered instead of the repair frameworks
    /// when a relationship's safety check shows signs of fear or control.
    Safety,
}

/// The prompts of one step, per role. A role the step is not for has none.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RolePrompts {
    #[serde(default)]
    pub repairer: Vec<String>,
    #[serde(default)]
    pub decider: Vec<String>,
}

impl RolePrompts {
    pub fn for_role(&self, role: Role) -> &[String] {
        match role {
            Role::Repairer => &self.repairer,
            Role::Decider => &self.decider,
        }
    }
}

/// Extra guidance for a step, by kind of breach.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct BreachGuidance {
    #[serde(default)]
    pub competence: Option<String>,
    #[serde(default)]
    pub integrity: Option<String>,
    #[serde(default)]
    pub care: Option<String>,
}

impl BreachGuidance {
    pub fn for_kind(&self, kind: BreachKind) -> Option<&str> {
        match kind {
            BreachKind::Competence => self.competence.as_deref(),
            BreachKind::Integrity => self.integrity.as_deref(),
            BreachKind::Care => self.care.as_deref(),
        }
    }
}

/// What a step says differently in one context (a leader at work, a team, …): prompts
/// asked before the step's own, and a short note shown like the breach guidance.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct StepVariant {
    pub when: Context,
    /// Only for this role, if given (both its prompts and its note).
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub prompts: RolePrompts,
    #[serde(default)]
    pub note: Option<String>,
}

impl StepVariant {
    fn applies(&self, role: Role, contexts: &[Context]) -> bool {
        contexts.contains(&self.when) && self.role.is_none_or(|r| r == role)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Step {
    /// Unique within its framework; kebab-case; stored with entries, never renamed.
    pub id: String,
    pub title: String,
    /// One or two sentences on what the step is and why it matters.
    pub summary: String,
    pub for_roles: Vec<Role>,
    pub prompts: RolePrompts,
    #[serde(default)]
    pub guidance: BreachGuidance,
    #[serde(default)]
    pub variants: Vec<StepVariant>,
}

impl Step {
    /// The step's prompts for `role` in `contexts`: the matching variants' first (in the
    /// file's order), then the step's own.
    pub fn prompts_in(&self, role: Role, contexts: &[Context]) -> Vec<String> {
        self.variants
            .iter()
            .filter(|v| v.applies(role, contexts))
            .flat_map(|v| v.prompts.for_role(role).iter().cloned())
            .chain(self.prompts.for_role(role).iter().cloned())
            .collect()
    }

    /// The notes of the variants that match `role` in `contexts`.
    pub fn notes_in(&self, role: Role, contexts: &[Context]) -> Vec<String> {
        self.variants
            .iter()
            .filter(|v| v.applies(role, contexts))
            .filter_map(|v| v.note.clone())
            .collect()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Framework {
    /// Unique; kebab-case; stored with entries, never renamed.
    pub id: String,
    pub kind: FrameworkKind,
    pub name: String,
    pub summary: String,
    pub for_roles: Vec<Role>,
    pub steps: Vec<Step>,
    /// A question to close any step of this framework with, if it has one.
    #[serde(default)]
    pub closing_prompt: Option<String>,
}

impl Framework {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}

const FILES: &[(&str, &str)] = &[
    (
        "acknowledge-communicate-consistent",
        include_str!("../../frameworks/acknowledge-communicate-consistent.toml"),
    ),
    ("repair-conversation", include_str!("../../frameworks/repair-conversation.toml")),
    ("four-steps", include_str!("../../frameworks/four-steps.toml")),
    ("five-as", include_str!("../../frameworks/five-as.toml")),
    ("situations", include_str!("../../frameworks/situations.toml")),
    ("own-safety", include_str!("../../frameworks/own-safety.toml")),
];

/// Parses one framework file and checks its invariants.
pub fn parse(text: &str) -> Result<Framework, String> {
    let f: Framework = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut ids = std::collections::HashSet::new();
    if f.steps.is_empty() {
        return Err(format!("{}: no steps", f.id));
    }
    for step in &f.steps {
        if !ids.insert(step.id.as_str()) {
            return Err(format!("{}: step id {} repeats", f.id, step.id));
        }
        if step.for_roles.is_empty() {
            return Err(format!("{}/{}: for no role", f.id, step.id));
        }
        for role in [Role::Repairer, Role::Decider] {
            let prompts = step.prompts.for_role(role);
            let for_it = step.for_roles.contains(&role);
            if for_it && prompts.is_empty() {
                return Err(format!("{}/{}: no prompts for the {}", f.id, step.id, role.as_str()));
            }
            if !for_it && !prompts.is_empty() {
                return Err(format!(
                    "{}/{}: prompts for the {}, whom it is not for",
                    f.id,
                    step.id,
                    role.as_str()
                ));
            }
            if prompts.iter().any(|p| p.trim().is_empty()) {
                return Err(format!("{}/{}: an empty prompt", f.id, step.id));
            }
        }
        if !step.for_roles.iter().all(|r| f.for_roles.contains(r)) {
            return Err(format!("{}/{}: for a role the framework is not for", f.id, step.id));
        }
        for v in &step.variants {
            check_variant(&f.id, step, v)?;
        }
    }
    // Every published framework closes with one step the person can take today.
    let closing = f.closing_prompt.as_deref().map(str::trim).unwrap_or("");
    if f.kind == FrameworkKind::Framework && closing.is_empty() {
        return Err(format!("{}: no closing prompt (one step to take today)", f.id));
    }
    Ok(f)
}

/// A variant speaks only to roles its step is for, and says something.
fn check_variant(framework: &str, step: &Step, v: &StepVariant) -> Result<(), String> {
    let at = format!("{framework}/{}: a variant for {:?}", step.id, v.when);
    if v.role.is_some_and(|r| !step.for_roles.contains(&r)) {
        return Err(format!("{at} is for a role the step is not for"));
    }
    let mut says_something = v.note.is_some();
    for role in [Role::Repairer, Role::Decider] {
        let prompts = v.prompts.for_role(role);
        let allowed = step.for_roles.contains(&role) && v.role.is_none_or(|r| r == role);
        if !allowed && !prompts.is_empty() {
            return Err(format!("{at} has prompts for the {}, whom it is not for", role.as_str()));
        }
        if prompts.iter().any(|p| p.trim().is_empty()) {
            return Err(format!("{at} has an empty prompt"));
        }
        says_something |= !prompts.is_empty();
    }
    if v.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(format!("{at} has an empty note"));
    }
    if !says_something {
        return Err(format!("{at} has neither prompts nor a note"));
    }
    Ok(())
}

/// Every framework, in the order the app offers them.
pub fn all() -> &'static [Framework] {
    static ALL: OnceLock<Vec<Framework>> = OnceLock::new();
    ALL.get_or_init(|| FILES.iter().filter_map(|(_, text)| parse(text).ok()).collect())
}

pub fn find(id: &str) -> Option<&'static Framework> {
    all().iter().find(|f| f.id == id)
}

/// The step a guided flow is about, if both ids are known.
pub fn find_step(framework: &str, step: &str) -> Option<(&'static Framework, &'static Step)> {
    let f = find(framework)?;
    Some((f, f.step(step)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_and_keeps_the_invariants() {
        for (name, text) in FILES {
            let f = parse(text).unwrap_or_else(|e| panic!("{name}.toml: {e}"));
            assert_eq!(&f.id, name, "file name matches id");
        }
        assert_eq!(all().len(), FILES.len());
    }

    #[test]
    fn the_four_published_frameworks_are_there_with_their_steps() {
        let steps = |id: &str| -> Vec<&str> {
            find(id).unwrap().steps.iter().map(|s| s.id.as_str()).collect()
        };
        assert_eq!(
            steps("acknowledge-communicate-consistent"),
            ["acknowledge", "communicate", "be-consistent"]
        );
        let conv = steps("repair-conversation");
        for s in [
            "their-perspective",
            "ask-to-share",
            "share-impact",
            "align",
            "commit",
            "misdiagnosis-check",
        ] {
            assert!(conv.contains(&s), "repair-conversation lacks {s}");
        }
        assert_eq!(
            steps("four-steps"),
            ["take-ownership", "show-compassion", "make-amends", "actions-not-words"]
        );
        assert_eq!(steps("five-as"), ["acknowledge", "admit", "apologise", "assess", "amend"]);
        let situations = steps("situations");
        for s in ["no-reply", "unsent-letter", "living-apart"] {
            assert!(situations.contains(&s), "situations lacks {s}");
        }
    }

    #[test]
    fn the_four_steps_speak_to_both_roles() {
        for step in &find("four-steps").unwrap().steps {
            assert!(
                step.for_roles.contains(&Role::Repairer) && step.for_roles.contains(&Role::Decider)
            );
        }
    }

    #[test]
    fn the_misdiagnosis_check_covers_each_alternative_cause() {
        let (_, step) = find_step("repair-conversation", "misdiagnosis-check").unwrap();
        assert!(step.for_roles.contains(&Role::Decider));
        let text = step.prompts.decider.join(" ").to_lowercase();
        for cause in ["misunderstanding", "personal", "skill", "cultur", "stretched"] {
            assert!(text.contains(cause), "no prompt about {cause}");
        }
    }

    #[test]
    fn every_published_framework_closes_with_one_step_for_today() {
        let published: Vec<_> =
            all().iter().filter(|f| f.kind == FrameworkKind::Framework).collect();
        assert_eq!(published.len(), 4);
        for f in published {
            let closing = f.closing_prompt.as_deref().unwrap_or_default();
            assert!(closing.contains("today"), "{}: {closing:?}", f.id);
        }
        let without = r#"
            id = "x"
            kind = "framework"
            name = "X"
            summary = "s"
            forRoles = ["repairer"]
            closingPrompt = "  "
            [[steps]]
            id = "a"
            title = "A"
            summary = "s"
            forRoles = ["repairer"]
            prompts = { repairer = ["one"] }
        "#;
        assert!(parse(without).unwrap_err().contains("no closing prompt"));
        let situations = without.replace(r#"kind = "framework""#, r#"kind = "situations""#);
        assert!(parse(&situations).is_ok(), "only published frameworks need one");
    }

    const WITH_VARIANT: &str = r#"
        id = "x"
        kind = "situations"
        name = "X"
        summary = "s"
        forRoles = ["repairer", "decider"]
        [[steps]]
        id = "a"
        title = "A"
        summary = "s"
        forRoles = ["repairer"]
        prompts = { repairer = ["base"] }
        [[steps.variants]]
        when = "leader"
        prompts = { repairer = ["as a leader"] }
        note = "A note."
    "#;

    #[test]
    fn a_variant_is_read_and_asked_first_only_in_its_context() {
        let f = parse(WITH_VARIANT).unwrap();
        let step = &f.steps[0];
        let leader = [Context::Work, Context::Leader];
        assert_eq!(step.prompts_in(Role::Repairer, &leader), ["as a leader", "base"]);
        assert_eq!(step.prompts_in(Role::Repairer, &[Context::Personal]), ["base"]);
        assert_eq!(step.notes_in(Role::Repairer, &leader), ["A note."]);
        assert!(step.notes_in(Role::Repairer, &[]).is_empty());
    }

    #[test]
    fn a_bad_variant_is_refused() {
        let unknown = WITH_VARIANT.replace(r#"when = "leader""#, r#"when = "boss""#);
        assert!(parse(&unknown).unwrap_err().contains("unknown variant `boss`"), "{unknown}");
        let empty = WITH_VARIANT.replace(r#"["as a leader"]"#, r#"["  "]"#);
        assert!(parse(&empty).unwrap_err().contains("an empty prompt"));
        let other_role =
            WITH_VARIANT.replace(r#"{ repairer = ["as a leader"] }"#, r#"{ decider = ["d"] }"#);
        let refused = parse(&other_role).unwrap_err();
        assert!(refused.contains("prompts for the decider, whom it is not for"), "{refused}");
        let only_decider = WITH_VARIANT.replace(
            r#"when = "leader""#,
            r#"when = "leader"
        role = "decider""#,
        );
        assert!(parse(&only_decider).unwrap_err().contains("a role the step is not for"));
        let empty_note = WITH_VARIANT.replace(r#"note = "A note.""#, r#"note = " ""#);
        assert!(parse(&empty_note).unwrap_err().contains("an empty note"));
        let silent = WITH_VARIANT
            .replace(r#"prompts = { repairer = ["as a leader"] }"#, "")
            .replace(r#"note = "A note.""#, "");
        assert!(parse(&silent).unwrap_err().contains("neither prompts nor a note"));
    }

    #[test]
    fn work_variants_exist_where_the_advice_differs() {
        let has = |fw: &str, when: Context| {
            find(fw).unwrap().steps.iter().any(|s| s.variants.iter().any(|v| v.when == when))
        };
        for fw in
            ["repair-conversation", "four-steps", "five-as", "acknowledge-communicate-consistent"]
        {
            assert!(has(fw, Context::Leader), "{fw}: no leader variant");
            assert!(has(fw, Context::Team), "{fw}: no team variant");
        }
        assert!(has("repair-conversation", Context::UnderPower));
        assert!(has("five-as", Context::UnderPower));
    }

    #[test]
    fn a_step_with_missing_prompts_is_rejected() {
        let bad = r#"
            id = "x"
            kind = "framework"
            name = "X"
            summary = "s"
            forRoles = ["repairer", "decider"]
            [[steps]]
            id = "a"
            title = "A"
            summary = "s"
            forRoles = ["repairer", "decider"]
            prompts = { repairer = ["one"] }
        "#;
        assert!(parse(bad).unwrap_err().contains("no prompts for the decider"));
    }
}
