//! Writing, editing and reading journal entries.
use crate::error::CmdResult;
use crate::state::AppState;
use mend_core::journal::{render_markdown as render, EntryView};
use mend_core::{Cursor, TimelinePage};
use tauri::State;

#[tauri::command(async)]
pub fn list_entries(
    state: State<'_, AppState>,
    before: Option<Cursor>,
    limit: u32,
) -> CmdResult<TimelinePage> {
    state.with_vault(|v| Ok(v.journal().timeline(before, limit)?))
}

#[tauri::command(async)]
pub fn get_entry(state: State<'_, AppState>, id: i64) -> CmdResult<EntryView> {
    state.with_vault(|v| Ok(v.journal().get(id)?.into()))
}

#[tauri::command(async)]
pub fn create_entry(state: State<'_, AppState>, body: String) -> CmdResult<EntryView> {
    state.with_vault(|v| Ok(v.journal().create(&body, &state.clock)?.into()))
}

#[tauri::command(async)]
pub fn update_entry(state: State<'_, AppState>, id: i64, body: String) -> CmdResult<EntryView> {
    state.with_vault(|v| Ok(v.journal().update(id, &body, &state.clock)?.into()))
}

#[tauri::command(async)]
pub fn delete_entry(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.journal().delete(id)?))
}

/// Markdown preview for the editor. Needs an unlocked vault only so a locked app does no
/// work on journal text at all.
#[tauri::command(async)]
pub fn render_markdown(state: State<'_, AppState>, body: String) -> CmdResult<String> {
    state.with_vault(|_| Ok(render(&body)))
}
