//! Fires reminders through the desktop's notification service, whether the vault is
//! locked or not and whether the window is open or not.
//!
//! The schedule lives in `reminders.json` beside the vault: reminder ids, kinds, times
//! and repeat rules, never any words (see `mend_core::reminders`). It is rewritten from
//! the vault whenever the vault is unlocked or its reminders change. Notification text is
//! generic unless the person asked for a commitment's wording, and even then only while
//! the vault is unlocked.
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use mend_core::reminders::{Due, Reminder, ReminderKind, Schedule};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

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
}

/// The person's time zone: $TZ if it names one, else the system's, else UTC.
pub fn local_tz() -> Tz {
    std::env::var("TZ")
        .ok()
        .and_then(|t| t.trim_start_matches(':').parse().ok())
        .or_else(|| iana_time_zone::get_timezone().ok().and_then(|t| t.parse().ok()))
        .unwrap_or(Tz::UTC)
}

/// The words of a notification. Generic by default: nothing about what the journal holds.
pub fn generic_text(kind: ReminderKind) -> &'static str {
    match kind {
        ReminderKind::CommitmentDue => "Something you planned is due today.",
        ReminderKind::DailyReflection => "Time for your check-in.",
        ReminderKind::WeeklyReview => "Time for your weekly look back.",
    }
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
        Scheduler { path, schedule: Mutex::new(schedule), wake: Condvar::new() }
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
        let tmp = self.path.with_extension("json.tmp");
        let ok = std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, &self.path).is_ok();
        if !ok {
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

    /// Runs the scheduler on its own thread for the life of the app.
    pub fn spawn<R: Runtime>(self: Arc<Self>, app: AppHandle<R>) {
        std::thread::spawn(move || loop {
            let (due, sleep) = self.tick(Utc::now(), local_tz());
            match due {
                Due::Nothing => {}
                Due::Now(ids) => {
                    for id in ids {
                        let text = self.text_for(&app, &id);
                        notify(&app, &text);
                    }
                }
                Due::Missed(n) => notify(&app, &missed_text(n)),
            }
            let guard = lock(&self.schedule);
            let _ = self.wake.wait_timeout(guard, sleep);
        });
    }

    /// Generic text, or the commitment's own words if the person asked for them and the
    /// vault is unlocked right now.
    fn text_for<R: Runtime>(&self, app: &AppHandle<R>, id: &str) -> String {
        let Some(r) = self.reminder(id) else {
            return generic_text(ReminderKind::DailyReflection).into();
        };
        if r.kind == ReminderKind::CommitmentDue && r.show_details {
            let commitment = id.strip_prefix("commitment-").and_then(|n| n.parse::<i64>().ok());
            if let Some(cid) = commitment {
                let state = app.state::<AppState>();
                if let Some(words) =
                    state.peek(|v| v.commitments().get(cid).ok().map(|c| c.promise))
                {
                    return words;
                }
            }
        }
        generic_text(r.kind).into()
    }
}

fn notify<R: Runtime>(app: &AppHandle<R>, body: &str) {
    let shown = app.notification().builder().title("Mend").body(body).show();
    if shown.is_err() {
        eprintln!("Mend could not show a notification.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notification_text_names_nothing_private() {
        for kind in
            [ReminderKind::CommitmentDue, ReminderKind::DailyReflection, ReminderKind::WeeklyReview]
        {
            let t = generic_text(kind);
            assert!(t.len() < 60 && t.ends_with('.'));
        }
        assert_eq!(missed_text(1), "One reminder came due while Mend was closed or asleep.");
        assert_eq!(missed_text(4), "4 reminders came due while Mend was closed or asleep.");
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
