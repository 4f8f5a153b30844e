//! What the other person shared, as evidence of a checklist step: the received items a
//! step could link, and linking or unlinking one. (Linked items come back with the
//! checklists, in each step's `theirs`; their commitments' record with the dashboard.)
use crate::error::CmdResult;
use crate::state::AppState;
use mend_core::progress::theirs::TheirEvidence;
use tauri::State;

/// The current version of each item shared into the relationship not yet linked to the step.
#[tauri::command(async)]
pub fn their_evidence_candidates(
    state: State<'_, AppState>,
    relationship_id: i64,
    framework_id: String,
    step_id: String,
) -> CmdResult<Vec<TheirEvidence>> {
    state.with_vault(|v| {
        Ok(v.progress().their_candidates(relationship_id, &framework_id, &step_id)?)
    })
}

/// Links a received item to a step; returns the link's id.
#[tauri::command(async)]
pub fn link_their_evidence(
    state: State<'_, AppState>,
    relationship_id: i64,
    framework_id: String,
    step_id: String,
    item_id: i64,
) -> CmdResult<i64> {
    state.with_vault(|v| {
        let (progress, clock) = (v.progress(), &state.clock);
        Ok(progress.link_theirs(relationship_id, &framework_id, &step_id, item_id, clock)?)
    })
}

/// Takes a received item off a step; the item stays under "Shared with me".
#[tauri::command(async)]
pub fn unlink_their_evidence(state: State<'_, AppState>, link_id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.progress().unlink_theirs(link_id)?))
}
