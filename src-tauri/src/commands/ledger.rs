//! The commitments ledger and reminders.
use crate::error::{CmdResult, ErrorCode, IpcError};
use crate::local_time::today;
use crate::state::AppState;
use chrono::Utc;
use mend_core::ledger::{
    Commitment, CommitmentInput, OccurrenceLog, OccurrenceView, RelationshipLedger,
};
use mend_core::repeat::{Repeat, RepeatSummary};
use mend_core::settings::ReminderSettings;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_autostart::ManagerExt;

#[tauri::command(async)]
pub fn create_commitment(
    state: State<'_, AppState>,
    relationship_id: i64,
    input: CommitmentInput,
) -> CmdResult<Commitment> {
    state.with_vault(|v| {
        let c = v.commitments().create(relationship_id, &input, &state.clock)?;
        state.sync_reminders(v);
        Ok(c)
    })
}

#[tauri::command(async)]
pub fn update_commitment(
    state: State<'_, AppState>,
    id: i64,
    input: CommitmentInput,
) -> CmdResult<Commitment> {
    state.with_vault(|v| {
        let c = v.commitments().update(id, &input)?;
        state.sync_reminders(v);
        Ok(c)
    })
}

/// A repeat rule in words while the picker is filled in (no vault needed): the limit it
/// breaks, if any, names its field.
#[tauri::command(async)]
pub fn describe_repeat(repeat: Repeat, starts_on: String) -> CmdResult<RepeatSummary> {
    Ok(repeat.summary(mend_core::time::dates::parse(&starts_on).ok())?)
}

#[tauri::command(async)]
pub fn delete_commitment(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_vault(|v| {
        v.commitments().delete(id)?;
        state.sync_reminders(v);
        Ok(())
    })
}

#[tauri::command(async)]
pub fn log_occurrence(
    state: State<'_, AppState>,
    commitment_id: i64,
    log: OccurrenceLog,
) -> CmdResult<OccurrenceView> {
    state.with_vault(|v| Ok(v.commitments().log(commitment_id, &log, today(), &state.clock)?))
}

#[tauri::command(async)]
pub fn unlog_occurrence(
    state: State<'_, AppState>,
    commitment_id: i64,
    due_on: String,
) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.commitments().unlog(commitment_id, &due_on)?))
}

#[tauri::command(async)]
pub fn relationship_ledger(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<RelationshipLedger> {
    state.with_vault(|v| Ok(v.commitments().ledger(relationship_id, today())?))
}

#[tauri::command(async)]
pub fn get_reminder_settings(state: State<'_, AppState>) -> CmdResult<ReminderSettings> {
    state.with_vault(|v| Ok(v.settings().reminders()?))
}

#[tauri::command(async)]
pub fn set_reminder_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> CmdResult<ReminderSettings> {
    state.with_vault(|v| {
        v.settings().set_reminders(&settings)?;
        state.sync_reminders(v);
        Ok(v.settings().reminders()?)
    })
}

/// Whether Mend starts (hidden, in the tray) when the person logs in.
#[tauri::command(async)]
pub fn get_autostart<R: Runtime>(app: AppHandle<R>) -> CmdResult<bool> {
    app.autolaunch()
        .is_enabled()
        .map_err(|_| IpcError::new(ErrorCode::Internal, "Mend could not read the login setting."))
}

#[tauri::command(async)]
pub fn set_autostart<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    enabled: bool,
) -> CmdResult<bool> {
    state.with_vault(|_| Ok(()))?;
    let result = if enabled { app.autolaunch().enable() } else { app.autolaunch().disable() };
    result.map_err(|_| {
        IpcError::new(ErrorCode::Internal, "Mend could not change the login setting.")
    })?;
    Ok(enabled)
}

/// Puts a reminder off: it fires once more `minutes` from now.
#[tauri::command(async)]
pub fn snooze_reminder(state: State<'_, AppState>, id: String, minutes: u32) -> CmdResult<bool> {
    state.with_vault(|_| Ok(state.scheduler.snooze(&id, minutes, Utc::now())))
}
