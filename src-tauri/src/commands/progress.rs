//! Checklists with evidence, check-ins (ABCD ratings and trust level), decision reviews,
//! check-in schedules and the dashboard.
use crate::error::CmdResult;
use crate::local_time::{local_day, today};
use crate::state::AppState;
use chrono::NaiveDate;
use mend_core::progress::checkins::{
    CheckIn, CheckInInput, CheckInSchedule, CheckInScheduleInput, Decision, DecisionInput,
};
use mend_core::progress::checklist::{Checklist, EvidenceTarget, EvidenceView, StepMarkInput};
use mend_core::progress::dashboard::{Dashboard, DashboardRange};
use mend_core::progress::elements::{self, RatingForm};
use tauri::{Runtime, State, WebviewWindow};

/// Wide enough for "all of it": every record ever is on or after this day.
const EVER: NaiveDate = NaiveDate::MIN;

#[tauri::command(async)]
pub fn checklists(state: State<'_, AppState>, relationship_id: i64) -> CmdResult<Vec<Checklist>> {
    state.with_vault(|v| Ok(v.progress().checklists(relationship_id, &local_day)?))
}

#[tauri::command(async)]
pub fn mark_step(
    state: State<'_, AppState>,
    relationship_id: i64,
    input: StepMarkInput,
) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.progress().mark_step(relationship_id, &input, &state.clock)?))
}

#[tauri::command(async)]
pub fn unmark_step(
    state: State<'_, AppState>,
    relationship_id: i64,
    framework_id: String,
    step_id: String,
) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.progress().unmark_step(relationship_id, &framework_id, &step_id)?))
}

/// The person says a step marked before a repeat breach still holds: marked again today.
#[tauri::command(async)]
pub fn reconfirm_step(
    state: State<'_, AppState>,
    relationship_id: i64,
    framework_id: String,
    step_id: String,
) -> CmdResult<()> {
    state.with_vault(|v| {
        let (progress, clock) = (v.progress(), &state.clock);
        Ok(progress.reconfirm_step(relationship_id, &framework_id, &step_id, &local_day, clock)?)
    })
}

#[tauri::command(async)]
pub fn evidence_candidates(
    state: State<'_, AppState>,
    relationship_id: i64,
    framework_id: String,
    step_id: String,
) -> CmdResult<Vec<EvidenceView>> {
    state.with_vault(|v| {
        let progress = v.progress();
        Ok(progress.evidence_candidates(relationship_id, &framework_id, &step_id, &local_day)?)
    })
}

#[tauri::command(async)]
pub fn link_evidence(
    state: State<'_, AppState>,
    relationship_id: i64,
    framework_id: String,
    step_id: String,
    target: EvidenceTarget,
) -> CmdResult<()> {
    state.with_vault(|v| {
        let (progress, clock) = (v.progress(), &state.clock);
        Ok(progress.link_evidence(relationship_id, &framework_id, &step_id, &target, clock)?)
    })
}

#[tauri::command(async)]
pub fn unlink_evidence(state: State<'_, AppState>, link_id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.progress().unlink_evidence(link_id)?))
}

#[tauri::command(async)]
pub fn rating_form(state: State<'_, AppState>, relationship_id: i64) -> CmdResult<RatingForm> {
    state.with_vault(|v| Ok(elements::form(v.relationships().get(relationship_id)?.role)))
}

#[tauri::command(async)]
pub fn save_check_in(
    state: State<'_, AppState>,
    relationship_id: i64,
    input: CheckInInput,
) -> CmdResult<CheckIn> {
    state.with_vault(|v| {
        Ok(v.progress().save_check_in(relationship_id, &input, today(), &state.clock)?)
    })
}

/// Every check-in of a relationship, oldest first.
#[tauri::command(async)]
pub fn list_check_ins(state: State<'_, AppState>, relationship_id: i64) -> CmdResult<Vec<CheckIn>> {
    state.with_vault(|v| Ok(v.progress().check_ins(relationship_id, EVER, NaiveDate::MAX)?))
}

#[tauri::command(async)]
pub fn delete_check_in(
    state: State<'_, AppState>,
    relationship_id: i64,
    on: String,
) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.progress().delete_check_in(relationship_id, &on)?))
}

#[tauri::command(async)]
pub fn add_decision(
    state: State<'_, AppState>,
    relationship_id: i64,
    input: DecisionInput,
) -> CmdResult<Decision> {
    state.with_vault(|v| Ok(v.progress().add_decision(relationship_id, &input, &state.clock)?))
}

/// Every decision review of a relationship, oldest first.
#[tauri::command(async)]
pub fn list_decisions(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<Vec<Decision>> {
    state.with_vault(|v| Ok(v.progress().decisions(relationship_id, EVER, NaiveDate::MAX)?))
}

#[tauri::command(async)]
pub fn delete_decision(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.progress().delete_decision(id)?))
}

#[tauri::command(async)]
pub fn get_check_in_schedule(
    state: State<'_, AppState>,
    relationship_id: i64,
) -> CmdResult<Option<CheckInSchedule>> {
    state.with_vault(|v| Ok(v.progress().check_in_schedule(relationship_id, today())?))
}

#[tauri::command(async)]
pub fn set_check_in_schedule(
    state: State<'_, AppState>,
    relationship_id: i64,
    input: CheckInScheduleInput,
) -> CmdResult<Option<CheckInSchedule>> {
    state.with_vault(|v| {
        let s = v.progress().set_check_in_schedule(relationship_id, &input, today())?;
        state.sync_reminders(v);
        Ok(s)
    })
}

#[tauri::command(async)]
pub fn clear_check_in_schedule(state: State<'_, AppState>, relationship_id: i64) -> CmdResult<()> {
    state.with_vault(|v| {
        v.progress().clear_check_in_schedule(relationship_id)?;
        state.sync_reminders(v);
        Ok(())
    })
}

#[tauri::command(async)]
pub fn relationship_dashboard(
    state: State<'_, AppState>,
    relationship_id: i64,
    range: DashboardRange,
) -> CmdResult<Dashboard> {
    state
        .with_vault(|v| Ok(v.progress().dashboard(relationship_id, &range, today(), &local_day)?))
}

/// Opens the system's print dialog for the page (the progress review), where the person
/// can print it or save it as a PDF file. In the app window on Linux, `window.print()`
/// opened no dialog (seen under tauri-driver); Tauri's webview print runs WebKitGTK's
/// print operation directly, and the end-to-end test prints a PDF through it.
#[tauri::command]
pub fn print_review<R: Runtime>(window: WebviewWindow<R>) -> CmdResult<()> {
    window.print().map_err(|_| {
        crate::error::IpcError::new(
            crate::error::ErrorCode::Internal,
            "The print dialog could not be opened.",
        )
    })
}
