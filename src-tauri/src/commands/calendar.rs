//! Finding a day: a month's marks, the page around a chosen day, and "on this day".
use crate::error::CmdResult;
use crate::local_time::{today, zone};
use crate::state::AppState;
use mend_core::calendar::day_page::DayPage;
use mend_core::calendar::on_this_day::OnThisDay;
use mend_core::calendar::{parse_day, Month, MonthMarks};
use mend_core::journal::TimelineFilter;
use tauri::State;

/// What the calendar marks in a month (a relationship's, when the filter names one).
#[tauri::command(async)]
pub fn calendar_month(
    state: State<'_, AppState>,
    filter: Option<TimelineFilter>,
    year: i32,
    month: u32,
) -> CmdResult<MonthMarks> {
    let month = Month::new(year, month)?;
    state.with_vault(|v| {
        Ok(v.calendar().month(filter.unwrap_or_default(), month, zone(), today())?)
    })
}

/// The timeline page that ends with the chosen day (`YYYY-MM-DD`).
#[tauri::command(async)]
pub fn jump_to_day(
    state: State<'_, AppState>,
    filter: Option<TimelineFilter>,
    on: String,
    limit: u32,
) -> CmdResult<DayPage> {
    let on = parse_day(&on)?;
    state
        .with_vault(|v| Ok(v.calendar().day_page(filter.unwrap_or_default(), on, zone(), limit)?))
}

/// Entries written on today's date in earlier years, if the person turned it on.
#[tauri::command(async)]
pub fn on_this_day(
    state: State<'_, AppState>,
    filter: Option<TimelineFilter>,
) -> CmdResult<OnThisDay> {
    state.with_vault(|v| {
        Ok(v.calendar().on_this_day(filter.unwrap_or_default(), today(), zone())?)
    })
}

#[tauri::command(async)]
pub fn set_on_this_day(state: State<'_, AppState>, enabled: bool) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.calendar().set_on_this_day_enabled(enabled)?))
}

/// Turns "on this day" off (`hidden`) or back on for one relationship.
#[tauri::command(async)]
pub fn set_on_this_day_hidden(
    state: State<'_, AppState>,
    relationship_id: i64,
    hidden: bool,
) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.calendar().set_on_this_day_hidden(relationship_id, hidden)?))
}
