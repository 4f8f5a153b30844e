//! Settings kept inside the vault (so they are encrypted with everything else).
use crate::error::ErrorKind;
use crate::reminders::{Reminder, ReminderKind};
use chrono::{NaiveTime, Weekday};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
pub const MAX_AUTO_LOCK_MINUTES: u32 = 240;
/// How many automatic backups are kept unless the person says otherwise.
pub const DEFAULT_BACKUPS_KEPT: u32 = 5;
pub const MAX_BACKUPS_KEPT: u32 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Settings {
    /// Minutes without activity before the vault locks itself.
    pub auto_lock_minutes: u32,
    pub has_recovery_key: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("auto-lock must be between 1 and 240 minutes")]
    AutoLockOutOfRange,
    #[error("between 0 and 30 automatic backups can be kept")]
    BackupsOutOfRange,
    #[error("that time or day isn't valid")]
    BadTime,
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
}

impl SettingsError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::AutoLockOutOfRange | Self::BackupsOutOfRange | Self::BadTime => {
                ErrorKind::INVALID
            }
            Self::Storage(_) => ErrorKind::Io,
        }
    }
}

/// The daily reflection and weekly review reminders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReminderSettings {
    pub daily_enabled: bool,
    /// "HH:MM", local.
    pub daily_time: String,
    pub weekly_enabled: bool,
    /// 0 = Monday … 6 = Sunday.
    pub weekly_day: u8,
    pub weekly_time: String,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            daily_enabled: false,
            daily_time: "21:00".into(),
            weekly_enabled: false,
            weekly_day: 6,
            weekly_time: "18:00".into(),
        }
    }
}

impl ReminderSettings {
    fn time(text: &str) -> Result<NaiveTime, SettingsError> {
        NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| SettingsError::BadTime)
    }

    fn weekday(&self) -> Result<Weekday, SettingsError> {
        Weekday::try_from(self.weekly_day).map_err(|_| SettingsError::BadTime)
    }

    pub fn check(&self) -> Result<(), SettingsError> {
        Self::time(&self.daily_time)?;
        Self::time(&self.weekly_time)?;
        self.weekday().map(|_| ())
    }

    /// The two reminders these settings describe.
    pub fn reminders(&self) -> Result<Vec<Reminder>, SettingsError> {
        let base = |id: &str, kind, enabled, at| Reminder {
            id: id.into(),
            kind,
            enabled,
            at,
            weekday: None,
            rrule: None,
            starts_on: None,
            ends_on: None,
            snoozed_until: None,
            show_details: false,
            relationship_id: None,
        };
        let daily = base(
            "daily",
            ReminderKind::DailyReflection,
            self.daily_enabled,
            Self::time(&self.daily_time)?,
        );
        let mut weekly = base(
            "weekly",
            ReminderKind::WeeklyReview,
            self.weekly_enabled,
            Self::time(&self.weekly_time)?,
        );
        weekly.weekday = Some(self.weekday()?);
        Ok(vec![daily, weekly])
    }
}

pub struct SettingsStore<'a> {
    conn: &'a Connection,
}

impl<'a> SettingsStore<'a> {
    pub(crate) fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }

    fn get(&self, key: &str) -> Result<Option<String>, SettingsError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SettingsError> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    pub fn auto_lock_minutes(&self) -> Result<u32, SettingsError> {
        Ok(self
            .get("auto_lock_minutes")?
            .and_then(|v| v.parse().ok())
            .filter(|m| (1..=MAX_AUTO_LOCK_MINUTES).contains(m))
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
    }

    pub fn set_auto_lock_minutes(&self, minutes: u32) -> Result<(), SettingsError> {
        if !(1..=MAX_AUTO_LOCK_MINUTES).contains(&minutes) {
            return Err(SettingsError::AutoLockOutOfRange);
        }
        self.set("auto_lock_minutes", &minutes.to_string())
    }

    /// How many automatic backups to keep (0: take none).
    pub fn backups_kept(&self) -> Result<u32, SettingsError> {
        Ok(self
            .get("backups_kept")?
            .and_then(|v| v.parse().ok())
            .filter(|n| *n <= MAX_BACKUPS_KEPT)
            .unwrap_or(DEFAULT_BACKUPS_KEPT))
    }

    pub fn set_backups_kept(&self, n: u32) -> Result<(), SettingsError> {
        if n > MAX_BACKUPS_KEPT {
            return Err(SettingsError::BackupsOutOfRange);
        }
        self.set("backups_kept", &n.to_string())
    }

    pub fn reminders(&self) -> Result<ReminderSettings, SettingsError> {
        Ok(self.get("reminders")?.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default())
    }

    pub fn set_reminders(&self, r: &ReminderSettings) -> Result<(), SettingsError> {
        r.check()?;
        let json = serde_json::to_string(r).map_err(|_| SettingsError::BadTime)?;
        self.set("reminders", &json)
    }
}
