//! The safety check of a relationship, and the mode it leaves the relationship in.
use crate::error::CmdResult;
use crate::state::AppState;
use mend_core::safety::{RelationshipMode, SafetyCheckInput, SafetyView};
use tauri::State;

#[tauri::command(async)]
pub fn safety_check(state: State<'_, AppState>, relationship_id: i64) -> CmdResult<SafetyView> {
    state.with_vault(|v| Ok(v.safety().view(relationship_id)?))
}

/// Records the answers; the mode they suggest takes effect, reminders included.
#[tauri::command(async)]
pub fn record_safety_check(
    state: State<'_, AppState>,
    relationship_id: i64,
    input: SafetyCheckInput,
) -> CmdResult<SafetyView> {
    state.with_vault(|v| {
        let view = v.safety().record(relationship_id, &input, &state.clock)?;
        state.sync_reminders(v);
        Ok(view)
    })
}

/// The person's own choice of mode; none follows the check again.
#[tauri::command(async)]
pub fn choose_relationship_mode(
    state: State<'_, AppState>,
    relationship_id: i64,
    mode: Option<RelationshipMode>,
) -> CmdResult<SafetyView> {
    state.with_vault(|v| {
        let view = v.safety().choose_mode(relationship_id, mode)?;
        state.sync_reminders(v);
        Ok(view)
    })
}

/// "Not now" to taking the check again after a repeat breach, until the next one.
#[tauri::command(async)]
pub fn safety_not_now(state: State<'_, AppState>, relationship_id: i64) -> CmdResult<SafetyView> {
    state.with_vault(|v| Ok(v.safety().not_now(relationship_id, &state.clock)?))
}
