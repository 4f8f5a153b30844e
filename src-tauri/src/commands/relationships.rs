//! Relationships, their events, the guided frameworks, and repair conversations.
use crate::error::CmdResult;
use crate::state::AppState;
use mend_core::conversation::{Conversation, ConversationOutcome, ConversationPlan};
use mend_core::guide::{Draft, RelationshipGuide, StepRef, Template, UserPromptInput};
use mend_core::journal::EntryView;
use mend_core::relationships::{EventInput, Relationship, RelationshipEvent, RelationshipInput};
use tauri::State;

#[tauri::command(async)]
pub fn list_relationships(state: State<'_, AppState>) -> CmdResult<Vec<Relationship>> {
    state.with_vault(|v| Ok(v.relationships().list()?))
}

#[tauri::command(async)]
pub fn create_relationship(
    state: State<'_, AppState>,
    input: RelationshipInput,
) -> CmdResult<Relationship> {
    state.with_vault(|v| {
        let created = v.relationships().create(&input, &state.clock)?;
        state.sync_reminders(v); // the weekly look back may now open this one
        Ok(created)
    })
}

#[tauri::command(async)]
pub fn update_relationship(
    state: State<'_, AppState>,
    id: i64,
    input: RelationshipInput,
) -> CmdResult<Relationship> {
    state.with_vault(|v| Ok(v.relationships().update(id, &input, &state.clock)?))
}

/// Deletes a relationship with its events, drafts, plans and commitments (and their
/// reminders); its entries stay.
#[tauri::command(async)]
pub fn delete_relationship(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_vault(|v| {
        v.relationships().delete(id)?;
        state.sync_reminders(v);
        Ok(())
    })
}

#[tauri::command(async)]
pub fn list_events(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<Vec<RelationshipEvent>> {
    state.with_vault(|v| Ok(v.relationships().events(relationship_id)?))
}

#[tauri::command(async)]
pub fn add_event(
    state: State<'_, AppState>,
    relationship_id: i64,
    input: EventInput,
) -> CmdResult<RelationshipEvent> {
    state.with_vault(|v| Ok(v.relationships().add_event(relationship_id, &input, &state.clock)?))
}

#[tauri::command(async)]
pub fn delete_event(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.relationships().delete_event(id)?))
}

#[tauri::command(async)]
pub fn relationship_guide(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<RelationshipGuide> {
    state.with_vault(|v| Ok(v.guide().overview(relationship_id)?))
}

#[tauri::command(async)]
pub fn get_draft(state: State<'_, AppState>, step: StepRef) -> CmdResult<Option<Draft>> {
    state.with_vault(|v| Ok(v.guide().draft(&step)?))
}

#[tauri::command(async)]
pub fn save_draft(
    state: State<'_, AppState>,
    step: StepRef,
    answers: Vec<String>,
) -> CmdResult<Draft> {
    state.with_vault(|v| Ok(v.guide().save_draft(&step, &answers, &state.clock)?))
}

#[tauri::command(async)]
pub fn discard_draft(state: State<'_, AppState>, step: StepRef) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.guide().discard_draft(&step)?))
}

/// Turns a step's answers into a journal entry tied to the relationship and step.
#[tauri::command(async)]
pub fn complete_step(
    state: State<'_, AppState>,
    step: StepRef,
    answers: Vec<String>,
    mood: Option<String>,
    tags: Option<Vec<String>>,
) -> CmdResult<EntryView> {
    let tags = tags.unwrap_or_default();
    state.with_vault(|v| Ok(v.guide().complete(&step, &answers, mood, tags, &state.clock)?.into()))
}

#[tauri::command(async)]
pub fn add_prompt(state: State<'_, AppState>, input: UserPromptInput) -> CmdResult<i64> {
    state.with_vault(|v| Ok(v.guide().add_user_prompt(&input, &state.clock)?))
}

#[tauri::command(async)]
pub fn delete_prompt(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.guide().delete_user_prompt(id)?))
}

#[tauri::command(async)]
pub fn list_templates(state: State<'_, AppState>) -> CmdResult<Vec<Template>> {
    state.with_vault(|v| Ok(v.guide().templates()?))
}

#[tauri::command(async)]
pub fn create_template(
    state: State<'_, AppState>,
    name: String,
    prompts: Vec<String>,
) -> CmdResult<Template> {
    state.with_vault(|v| Ok(v.guide().create_template(&name, &prompts, &state.clock)?))
}

#[tauri::command(async)]
pub fn delete_template(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.guide().delete_template(id)?))
}

#[tauri::command(async)]
pub fn list_conversations(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<Vec<Conversation>> {
    state.with_vault(|v| Ok(v.conversations().list(relationship_id)?))
}

#[tauri::command(async)]
pub fn create_conversation(
    state: State<'_, AppState>,
    relationship_id: i64,
    plan: ConversationPlan,
) -> CmdResult<Conversation> {
    state.with_vault(|v| Ok(v.conversations().create(relationship_id, &plan, &state.clock)?))
}

#[tauri::command(async)]
pub fn save_conversation_plan(
    state: State<'_, AppState>,
    id: i64,
    plan: ConversationPlan,
) -> CmdResult<Conversation> {
    state.with_vault(|v| Ok(v.conversations().save_plan(id, &plan, &state.clock)?))
}

#[tauri::command(async)]
pub fn record_conversation_outcome(
    state: State<'_, AppState>,
    id: i64,
    outcome: ConversationOutcome,
) -> CmdResult<Conversation> {
    state.with_vault(|v| Ok(v.conversations().record_outcome(id, &outcome, &state.clock)?))
}

#[tauri::command(async)]
pub fn delete_conversation(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.conversations().delete(id)?))
}
