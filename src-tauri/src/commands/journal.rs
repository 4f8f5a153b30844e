//! Writing, editing and reading journal entries.
use crate::error::CmdResult;
use crate::state::AppState;
use mend_core::apology::ApologyReview;
use mend_core::journal::{
    render_markdown as render, EntryView, NewerPage, TagCount, TimelineFilter,
};
use mend_core::search::{SearchQuery, SearchResults};
use mend_core::{Cursor, EntryMeta, TimelinePage};
use tauri::State;

#[tauri::command(async)]
pub fn list_entries(
    state: State<'_, AppState>,
    filter: Option<TimelineFilter>,
    before: Option<Cursor>,
    limit: u32,
) -> CmdResult<TimelinePage> {
    let filter = filter.unwrap_or_default();
    let page = state.with_vault(|v| Ok(v.journal().timeline_filtered(filter, before, limit)?))?;
    state.first_page.read(); // the automatic backup may go ahead
    Ok(page)
}

/// A page toward the present, oldest first: entries strictly newer than `after`.
#[tauri::command(async)]
pub fn list_newer_entries(
    state: State<'_, AppState>,
    filter: Option<TimelineFilter>,
    after: Cursor,
    limit: u32,
) -> CmdResult<NewerPage> {
    let filter = filter.unwrap_or_default();
    state.with_vault(|v| Ok(v.journal().timeline_newer(filter, after, limit)?))
}

#[tauri::command(async)]
pub fn get_entry(state: State<'_, AppState>, id: i64) -> CmdResult<EntryView> {
    state.with_vault(|v| Ok(v.journal().get(id)?.into()))
}

#[tauri::command(async)]
pub fn create_entry(
    state: State<'_, AppState>,
    body: String,
    meta: Option<EntryMeta>,
) -> CmdResult<EntryView> {
    let meta = meta.unwrap_or_default();
    state.with_vault(|v| {
        #[cfg(feature = "e2e")]
        crate::e2e::panic_if_asked(&body);
        Ok(v.journal().create_with(&body, &meta, &state.clock)?.into())
    })
}

/// Sets an entry's relationship, mood and tags.
#[tauri::command(async)]
pub fn set_entry_meta(
    state: State<'_, AppState>,
    id: i64,
    meta: EntryMeta,
) -> CmdResult<EntryView> {
    state.with_vault(|v| Ok(v.journal().set_meta(id, &meta)?.into()))
}

#[tauri::command(async)]
pub fn list_tags(state: State<'_, AppState>) -> CmdResult<Vec<TagCount>> {
    state.with_vault(|v| Ok(v.journal().tags()?))
}

/// Feedback on a draft apology: what it does well and where it slips, pointing at its words.
#[tauri::command(async)]
pub fn review_apology(state: State<'_, AppState>, draft: String) -> CmdResult<ApologyReview> {
    state.with_vault(|_| Ok(mend_core::apology::review(&draft)))
}

#[tauri::command(async)]
pub fn search(state: State<'_, AppState>, query: SearchQuery) -> CmdResult<SearchResults> {
    state.with_vault(|v| Ok(v.search().run(&query)?))
}

#[tauri::command(async)]
pub fn update_entry(state: State<'_, AppState>, id: i64, body: String) -> CmdResult<EntryView> {
    state.with_vault(|v| {
        #[cfg(feature = "e2e")]
        crate::e2e::panic_if_asked(&body);
        Ok(v.journal().update(id, &body, &state.clock)?.into())
    })
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
