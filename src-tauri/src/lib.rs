//! The Mend desktop app: Tauri glue around `mend-core`. No domain logic lives here.
//!
//! Invariants:
//! - The window title is "Mend" (or the neutral name, if chosen), never journal text;
//!   nothing here logs or prints journal text.
//! - A panic prints where it happened, never its message (which could hold user text),
//!   and a crash writes no core dump (`mend_core::process::protect`, first in `main`).
//! - The web view can only reach the commands in `commands`, granted by the one
//!   capability in src-tauri/capabilities/, and cannot navigate away from the app.
pub mod appearance;
mod automatic_backup;
pub mod commands;
mod dialog;
pub mod discretion;
#[cfg(feature = "e2e")]
pub mod e2e;
pub mod error;
pub mod housekeeping;
pub mod local_time;
pub mod locking;
pub mod scheduler;
pub mod state;
mod tray;
mod webview;
mod window;

use locking::{lock_and_announce, LockReason};
use mend_core::VaultPaths;
use scheduler::Scheduler;
use state::AppState;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tauri::{Manager, Runtime};

pub use mend_core::process::{DATA_DIR_ENV, IDENTIFIER};
const IDLE_CHECK_EVERY: Duration = Duration::from_secs(5);

/// Blocks every navigation away from the app's own pages (a link in an entry, a
/// redirect, anything injected): the window only ever shows Mend.
fn navigation_guard<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            matches!(url.scheme(), "tauri") || url.host_str() == Some("tauri.localhost")
        })
        .build()
}

fn vault_dir<R: Runtime>(app: &tauri::App<R>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    match mend_core::process::data_dir_override() {
        Some(dir) => Ok(dir),
        None => Ok(app.path().app_data_dir()?),
    }
}

/// Locks the vault once it has been left alone for the configured time.
fn spawn_idle_watch<R: Runtime>(app: tauri::AppHandle<R>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(IDLE_CHECK_EVERY);
        let state = app.state::<AppState>();
        if state.is_unlocked() && state.idle_expired() {
            lock_and_announce(&app, &state, LockReason::Idle);
        }
    });
}

/// The command handler, with the end-to-end tests' record of every command called when
/// built for them (see `e2e::record_command`); the handler itself otherwise.
fn commands_with_e2e_hook<R: Runtime>(
    handler: impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke| {
        #[cfg(feature = "e2e")]
        e2e::record_command(invoke.message.command());
        handler(invoke)
    }
}

/// Builds the app on any runtime, so tests can drive it with a mock runtime.
pub fn app<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        // A second launch (from the menu, or while Mend sits hidden in the tray) brings the
        // running Mend forward instead of starting a second scheduler on the same vault.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| window::show_main(app)))
        .plugin(navigation_guard())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![tray::HIDDEN_ARG]),
        ))
        .setup(|app| {
            let dir = vault_dir(app)?;
            let paths = VaultPaths::new(&dir);
            // 0700 for the folder and 0600 for every file in it, tightening older ones.
            paths.make_private()?;
            let scheduler = Arc::new(Scheduler::load(dir.clone()));
            app.manage(discretion::Discretion::load(&dir));
            let looks = appearance::AppearanceState::load(&dir);
            let spelling = looks.spelling();
            app.manage(looks);
            app.manage(AppState::new(paths, scheduler.clone()));
            scheduler::listen_for_actions(app.handle(), scheduler.clone());
            let handle = app.handle().clone();
            let words = move |id| handle.state::<AppState>().commitment_words(id);
            scheduler.spawn(app.handle().clone(), words);
            spawn_idle_watch(app.handle().clone());
            if let Some(w) = app.get_webview_window("main") {
                webview::configure(&w);
                webview::apply_spelling(&w, spelling);
            }
            tray::install(app.handle())?;
            tray::apply_name(app.handle());
            if std::env::args().any(|a| a == tray::HIDDEN_ARG) {
                // Started at login: stay in the tray until asked for.
                if let Some(w) = app.get_webview_window("main") {
                    let _ = w.hide();
                }
            }
            Ok(())
        })
        .on_window_event(tray::on_window_event)
        .invoke_handler(commands_with_e2e_hook(tauri::generate_handler![
            commands::vault::vault_status,
            commands::vault::assess_passphrase,
            commands::vault::create_vault,
            commands::vault::unlock,
            commands::vault::unlock_with_recovery_key,
            commands::vault::lock,
            commands::vault::touch,
            commands::vault::change_passphrase,
            commands::vault::reset_passphrase,
            commands::vault::create_recovery_key,
            commands::vault::remove_recovery_key,
            commands::vault::get_settings,
            commands::vault::set_auto_lock_minutes,
            commands::journal::list_entries,
            commands::journal::list_newer_entries,
            commands::calendar::calendar_month,
            commands::calendar::jump_to_day,
            commands::calendar::on_this_day,
            commands::calendar::set_on_this_day,
            commands::calendar::set_on_this_day_hidden,
            commands::journal::get_entry,
            commands::journal::create_entry,
            commands::journal::update_entry,
            commands::journal::delete_entry,
            commands::journal::render_markdown,
            commands::journal::set_entry_meta,
            commands::journal::list_tags,
            commands::journal::search,
            commands::journal::review_apology,
            commands::relationships::list_relationships,
            commands::relationships::create_relationship,
            commands::relationships::update_relationship,
            commands::relationships::delete_relationship,
            commands::relationships::list_events,
            commands::relationships::add_event,
            commands::relationships::delete_event,
            commands::relationships::relationship_guide,
            commands::relationships::get_draft,
            commands::relationships::save_draft,
            commands::relationships::discard_draft,
            commands::relationships::complete_step,
            commands::relationships::add_prompt,
            commands::relationships::delete_prompt,
            commands::relationships::list_templates,
            commands::relationships::create_template,
            commands::relationships::delete_template,
            commands::relationships::list_conversations,
            commands::relationships::create_conversation,
            commands::relationships::save_conversation_plan,
            commands::relationships::record_conversation_outcome,
            commands::relationships::delete_conversation,
            commands::ledger::create_commitment,
            commands::ledger::update_commitment,
            commands::ledger::describe_repeat,
            commands::ledger::delete_commitment,
            commands::ledger::log_occurrence,
            commands::ledger::unlog_occurrence,
            commands::ledger::relationship_ledger,
            commands::ledger::get_reminder_settings,
            commands::ledger::set_reminder_settings,
            commands::ledger::snooze_reminder,
            commands::ledger::get_autostart,
            commands::ledger::set_autostart,
            commands::progress::checklists,
            commands::progress::mark_step,
            commands::progress::unmark_step,
            commands::progress::reconfirm_step,
            commands::progress::evidence_candidates,
            commands::progress::link_evidence,
            commands::progress::unlink_evidence,
            commands::progress::rating_form,
            commands::progress::save_check_in,
            commands::progress::list_check_ins,
            commands::progress::delete_check_in,
            commands::progress::add_decision,
            commands::progress::list_decisions,
            commands::progress::delete_decision,
            commands::progress::get_check_in_schedule,
            commands::progress::set_check_in_schedule,
            commands::progress::clear_check_in_schedule,
            commands::progress::relationship_dashboard,
            commands::progress::print_review,
            commands::shared_evidence::their_evidence_candidates,
            commands::shared_evidence::link_their_evidence,
            commands::shared_evidence::unlink_their_evidence,
            commands::safety::safety_check,
            commands::safety::record_safety_check,
            commands::safety::choose_relationship_mode,
            commands::safety::safety_not_now,
            commands::appearance::get_appearance,
            commands::appearance::set_appearance,
            commands::discretion::get_discretion,
            commands::discretion::set_discretion,
            commands::discretion::note_copied,
            commands::transfer::backup_now,
            commands::transfer::backup_settings,
            commands::transfer::set_backups_kept,
            commands::transfer::choose_backup,
            commands::transfer::restore_backup,
            commands::transfer::export_json,
            commands::transfer::export_markdown,
            commands::transfer::choose_import,
            commands::transfer::confirm_import,
            commands::transfer::cancel_import,
            commands::transfer::stop_import,
            commands::sharing::my_code,
            commands::sharing::sharing_status,
            commands::sharing::list_contacts,
            commands::sharing::add_contact,
            commands::sharing::rename_contact,
            commands::sharing::remove_contact,
            commands::sharing::share_candidates,
            commands::sharing::share_preview,
            commands::sharing::save_share,
            commands::sharing::open_share,
            commands::sharing::open_share_with,
            commands::sharing::accept_share,
            commands::sharing::dismiss_share,
            commands::sharing::shared_with_me,
            commands::sharing::delete_received,
        ]))
}

pub fn run() {
    #[cfg(feature = "e2e")]
    e2e::stdout_to_stderr_if_asked();
    let built = app(tauri::Builder::default()).build(tauri::generate_context!());
    let app = match built {
        Ok(app) => app,
        Err(e) => {
            eprintln!("Mend could not start: {e}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| {
        if let tauri::RunEvent::Exit = event {
            // Quitting locks: nothing copied from Mend stays behind on the clipboard.
            app.state::<AppState>().lock();
            app.state::<discretion::Discretion>().clear_copied_at_quit();
        }
    });
}
