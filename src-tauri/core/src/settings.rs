//! Settings kept inside the vault (so they are encrypted with everything else).
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;
pub const MAX_AUTO_LOCK_MINUTES: u32 = 240;

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
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
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
}
