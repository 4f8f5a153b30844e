//! Fires reminders through the desktop's notification service, whether the vault is
//! locked or not and whether the window is open or not.
//!
//! The schedule lives in `reminders.json` beside the vault: reminder ids, kinds, times
//! and repeat rules, never any words (see `mend_core::reminders`). It is rewritten from
//! the vault whenever the vault is unlocked or its reminders change. Notification text is
//! generic unless the person asked for a commitment's wording, and even then only while
//! the vault is unlocked: the words are asked for through the lookup the app hands to
//! [`Scheduler::spawn`], so the scheduler itself never touches the vault.
use crate::local_time;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use mend_core::reminders::{Due, Reminder, ReminderKind, Schedule};
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::{Action, ActionType, NotificationExt};
use ts_rs::TS;

/// The notification action type of a single reminder: it offers a snooze button.
pub const ACTION_TYPE: &str = "reminder";
pub const SNOOZE_ACTION: &str = "snooze";
pub const SNOOZE_MINUTES: u32 = 10;
/// Told to the window when a notification was clicked, so it can go to the right place
/// (after unlocking, if the vault is locked).
pub const REMINDER_OPENED_EVENT: &str = "reminder-opened";

/// Payload of the `reminder-opened` event: where the reminder points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReminderOpened {
    /// None for the summary of missed reminders.
    pub kind: Option<ReminderKind>,
    #[ts(type = "number | null")]
    pub relationship_id: Option<i64>,
}

/// What a click on a notification (or one of its buttons) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    Open,
    Snooze,
    Ignore,
}

/// `tap` is a click on the notification itself; `snooze` is its button.
pub fn response(action_id: &str) -> Response {
    match action_id {
        "tap" => Response::Open,
        SNOOZE_ACTION => Response::Snooze,
        _ => Response::Ignore,
    }
}

pub const FILE: &str = "reminders.json";
/// A reminder fires as itself up to this late; later ones are summarised.
const GRACE_MINUTES: i64 = 2;
/// The longest the scheduler sleeps, so a wall-clock jump or a time-zone change is
/// noticed within this long.
const MAX_SLEEP_SECS: i64 = 20;

pub struct Scheduler {
    path: PathBuf,
    schedule: Mutex<Schedule>,
    wake: Condvar,
    /// Notifications shown this run: their id, and the reminder they were for (None for
    /// a summary).
    shown: Mutex<HashMap<i32, Option<Reminder>>>,
    next_id: AtomicI32,
}

/// The words of a notification. Generic by default: nothing about what the journal holds.
pub fn generic_text(kind: ReminderKind) -> &'static str {
    kind.generic_text()
}

pub fn missed_text(n: usize) -> String {
    if n == 1 {
        "One reminder came due while Mend was closed or asleep.".into()
    } else {
        format!("{n} reminders came due while Mend was closed or asleep.")
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Scheduler {
    /// Loads the schedule from the data folder (an unreadable file is treated as empty).
    pub fn load(dir: PathBuf) -> Self {
        let path = dir.join(FILE);
        let schedule = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Schedule>(&t).ok())
            .unwrap_or_default();
        Scheduler {
            path,
            schedule: Mutex::new(schedule),
            wake: Condvar::new(),
            shown: Mutex::new(HashMap::new()),
            next_id: AtomicI32::new(1),
        }
    }

    pub fn has_enabled_reminders(&self) -> bool {
        lock(&self.schedule).reminders.iter().any(|r| r.enabled)
    }

    pub fn reminder(&self, id: &str) -> Option<Reminder> {
        lock(&self.schedule).reminders.iter().find(|r| r.id == id).cloned()
    }

    /// Replaces the reminders (from the vault), keeping snoozes and the fired-up-to mark.
    pub fn replace(&self, mut reminders: Vec<Reminder>) {
        let mut s = lock(&self.schedule);
        for r in &mut reminders {
            if let Some(old) = s.reminders.iter().find(|o| o.id == r.id) {
                r.snoozed_until = old.snoozed_until;
            }
        }
        if s.reminders != reminders {
            s.reminders = reminders;
            self.save(&s);
        }
        self.wake.notify_all();
    }

    /// Fires this reminder once more, `minutes` from now.
    pub fn snooze(&self, id: &str, minutes: u32, now: DateTime<Utc>) -> bool {
        let mut s = lock(&self.schedule);
        let Some(r) = s.reminders.iter_mut().find(|r| r.id == id) else { return false };
        r.snoozed_until = Some(now + Duration::minutes(i64::from(minutes.clamp(1, 24 * 60))));
        self.save(&s);
        self.wake.notify_all();
        true
    }

    fn save(&self, s: &Schedule) {
        let Ok(text) = serde_json::to_string_pretty(s) else { return };
        if mend_core::files::replace_atomically(&self.path, text.as_bytes()).is_err() {
            eprintln!("Mend could not save its reminder schedule.");
        }
    }

    /// One pass: what is due now, and how long to sleep before the next pass.
    fn tick(&self, now: DateTime<Utc>, tz: Tz) -> (Due, std::time::Duration) {
        let mut s = lock(&self.schedule);
        let first = s.checked_until.is_none();
        let due = s.take_due(now, tz, Duration::minutes(GRACE_MINUTES));
        if first || due != Due::Nothing {
            self.save(&s);
        }
        let next = s.next_after(now, tz).map_or(Duration::seconds(MAX_SLEEP_SECS), |t| t - now);
        let sleep = next.clamp(Duration::milliseconds(200), Duration::seconds(MAX_SLEEP_SECS));
        (due, sleep.to_std().unwrap_or(std::time::Duration::from_secs(1)))
    }

    /// Runs the scheduler on its own thread for the life of the app. `words` gives a
    /// commitment's own words while the vault is unlocked (`None` while it is locked).
    pub fn spawn<R: Runtime>(
        self: Arc<Self>,
        app: AppHandle<R>,
        words: impl Fn(i64) -> Option<String> + Send + 'static,
    ) {
        std::thread::spawn(move || loop {
            let (due, sleep) = self.tick(Utc::now(), local_time::zone());
            match due {
                Due::Nothing => {}
                Due::Now(ids) => {
                    for id in ids {
                        let text = self.text_for(&id, &words);
                        self.notify(&app, &text, self.reminder(&id));
                    }
                }
                Due::Missed(n) => self.notify(&app, &missed_text(n), None),
            }
            let guard = lock(&self.schedule);
            let _ = self.wake.wait_timeout(guard, sleep);
        });
    }

    /// Generic text, or the commitment's own words if the person asked for them and the
    /// vault is unlocked right now.
    fn text_for(&self, id: &str, words: &dyn Fn(i64) -> Option<String>) -> String {
        let Some(r) = self.reminder(id) else {
            return generic_text(ReminderKind::DailyReflection).into();
        };
        if r.kind == ReminderKind::CommitmentDue && r.show_details {
            let commitment = id.strip_prefix("commitment-").and_then(|n| n.parse::<i64>().ok());
            if let Some(own) = commitment.and_then(words) {
                return own;
            }
        }
        generic_text(r.kind).into()
    }
}

impl Scheduler {
    fn notify<R: Runtime>(&self, app: &AppHandle<R>, body: &str, reminder: Option<Reminder>) {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let name = app.state::<crate::discretion::Discretion>().app_name();
        let mut builder = app.notification().builder().id(id).title(name).body(body);
        if reminder.is_some() {
            builder = builder.action_type_id(ACTION_TYPE);
        }
        lock(&self.shown).insert(id, reminder);
        if builder.show().is_err() {
            eprintln!("Mend could not show a notification.");
        }
    }

    /// A notification was clicked, or its snooze button pressed.
    pub fn on_action<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        action_id: &str,
        notification_id: Option<i32>,
    ) {
        let reminder = notification_id.and_then(|id| lock(&self.shown).get(&id).cloned()).flatten();
        match response(action_id) {
            Response::Open => {
                crate::window::show_main(app);
                let target = ReminderOpened {
                    kind: reminder.as_ref().map(|r| r.kind),
                    relationship_id: reminder.as_ref().and_then(|r| r.relationship_id),
                };
                let _ = app.emit(REMINDER_OPENED_EVENT, target);
            }
            Response::Snooze => {
                if let Some(r) = reminder {
                    self.snooze(&r.id, SNOOZE_MINUTES, Utc::now());
                }
            }
            Response::Ignore => {}
        }
    }
}

/// Registers the reminder's snooze button and routes clicks to the scheduler.
pub fn listen_for_actions<R: Runtime>(app: &AppHandle<R>, scheduler: Arc<Scheduler>) {
    let snooze = Action::builder(SNOOZE_ACTION, "Remind me in 10 minutes").build();
    let types = vec![ActionType::builder(ACTION_TYPE).actions(vec![snooze]).build()];
    let notifications = app.notification();
    let handle = app.clone();
    let registered = notifications.register_action_types(types).and_then(|_| {
        notifications.on_action(move |performed| {
            let id = performed.notification().map(|n| n.id());
            scheduler.on_action(&handle, performed.action_id(), id);
        })
    });
    if registered.is_err() {
        eprintln!("Mend could not listen for clicks on its notifications.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notification_text_names_nothing_private() {
        for kind in [
            ReminderKind::CommitmentDue,
            ReminderKind::DailyReflection,
            ReminderKind::WeeklyReview,
            ReminderKind::CheckIn,
        ] {
            let t = generic_text(kind);
            assert!(t.len() < 80 && t.ends_with('.'));
        }
        assert_eq!(missed_text(1), "One reminder came due while Mend was closed or asleep.");
        assert_eq!(missed_text(4), "4 reminders came due while Mend was closed or asleep.");
    }

    #[test]
    fn clicks_open_and_the_button_snoozes() {
        assert_eq!(response("tap"), Response::Open);
        assert_eq!(response("snooze"), Response::Snooze);
        assert_eq!(response("dismiss"), Response::Ignore);
    }

    #[test]
    fn the_schedule_file_round_trips_and_keeps_snoozes() {
        let dir = tempfile::tempdir().unwrap();
        let s = Scheduler::load(dir.path().to_path_buf());
        let r = Reminder {
            id: "daily".into(),
            kind: ReminderKind::DailyReflection,
            enabled: true,
            at: chrono::NaiveTime::from_hms_opt(21, 0, 0).unwrap(),
            weekday: None,
            rrule: None,
            starts_on: None,
            ends_on: None,
            snoozed_until: None,
            show_details: false,
            relationship_id: None,
        };
        s.replace(vec![r.clone()]);
        let now = Utc::now();
        assert!(s.snooze("daily", 10, now));
        s.replace(vec![r]);
        let again = Scheduler::load(dir.path().to_path_buf());
        assert_eq!(
            again.reminder("daily").unwrap().snoozed_until,
            Some(now + Duration::minutes(10))
        );
        assert!(again.has_enabled_reminders());
    }
}
