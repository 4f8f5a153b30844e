//! Discretion, for a journal kept in a shared home: an optional neutral name for the
//! tray and notifications, and the clipboard cleared of what was copied from Mend when
//! the vault locks.
//!
//! Invariants:
//! - `discretion.json` holds one flag and nothing else: it is read while the vault is
//!   locked, so it may hold nothing from the journal.
//! - Only a SHA-256 digest of copied text is kept, in memory; the clipboard is cleared
//!   (at lock and when Mend quits) only if it still holds exactly that text, so nothing
//!   copied elsewhere is touched.
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use ts_rs::TS;

pub const NAME: &str = "Mend";
/// Shown instead of "Mend" when the person asks for a neutral name.
pub const NEUTRAL_NAME: &str = "Notes";
const FILE: &str = "discretion.json";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct DiscretionSettings {
    /// Show a neutral name ("Notes") in the window title, the tray and on notifications.
    pub neutral_name: bool,
}

pub struct Discretion {
    path: PathBuf,
    settings: Mutex<DiscretionSettings>,
    copied: Mutex<Option<[u8; 32]>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Discretion {
    /// Reads the settings; a missing or unreadable file means the defaults.
    pub fn load(dir: &Path) -> Self {
        let path = dir.join(FILE);
        let settings = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Self { path, settings: Mutex::new(settings), copied: Mutex::new(None) }
    }

    pub fn settings(&self) -> DiscretionSettings {
        *lock(&self.settings)
    }

    /// Saves the settings (owner-only; write, sync, rename) and keeps them.
    pub fn set(&self, next: DiscretionSettings) -> std::io::Result<()> {
        let text = serde_json::to_vec(&next).map_err(std::io::Error::other)?;
        mend_core::files::replace_atomically(&self.path, &text)?;
        *lock(&self.settings) = next;
        Ok(())
    }

    /// The name the tray and notifications use.
    pub fn app_name(&self) -> &'static str {
        if self.settings().neutral_name {
            NEUTRAL_NAME
        } else {
            NAME
        }
    }

    /// Remembers the digest of text just copied from Mend (64 hex digits).
    pub fn note_copied(&self, hex_digest: &str) -> bool {
        let Some(digest) = parse_digest(hex_digest) else { return false };
        *lock(&self.copied) = Some(digest);
        true
    }

    /// On lock: clears the clipboard if it still holds the text copied from Mend. Runs on
    /// its own thread: the clipboard's owner may be this very process's main loop.
    pub fn clear_copied_on_lock(&self) {
        let Some(digest) = lock(&self.copied).take() else { return };
        std::thread::spawn(move || {
            let Ok(mut clipboard) = arboard::Clipboard::new() else { return };
            let holds_ours = clipboard.get_text().is_ok_and(|t| digest_of(&t) == digest);
            if holds_ours && clipboard.clear().is_err() {
                eprintln!("Mend could not clear the clipboard.");
            }
        });
    }
}

impl Discretion {
    /// On quit, on the main thread: clears the clipboard if it still holds the text copied
    /// from Mend. GTK serves a clipboard this process owns from within, so reading it here
    /// cannot wait on itself the way a second thread would.
    pub fn clear_copied_at_quit(&self) {
        let Some(digest) = lock(&self.copied).take() else { return };
        #[cfg(target_os = "linux")]
        {
            let clipboard = gtk::Clipboard::get(&gtk::gdk::SELECTION_CLIPBOARD);
            let holds_ours = clipboard.wait_for_text().is_some_and(|t| digest_of(&t) == digest);
            if holds_ours {
                clipboard.set_text("");
                clipboard.clear();
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = digest;
    }
}

pub fn digest_of(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

fn parse_digest(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_restart_and_bad_files_mean_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let d = Discretion::load(dir.path());
        assert_eq!(d.app_name(), "Mend");
        d.set(DiscretionSettings { neutral_name: true }).unwrap();
        assert_eq!(Discretion::load(dir.path()).app_name(), "Notes");
        std::fs::write(dir.path().join(FILE), b"{not json").unwrap();
        assert_eq!(Discretion::load(dir.path()).settings(), DiscretionSettings::default());
    }

    #[test]
    fn only_well_formed_digests_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let d = Discretion::load(dir.path());
        let hex: String = digest_of("hello").iter().map(|b| format!("{b:02x}")).collect();
        assert!(d.note_copied(&hex));
        assert_eq!(*lock(&d.copied), Some(digest_of("hello")));
        assert!(!d.note_copied("abc"));
        assert!(!d.note_copied(&"zz".repeat(32)));
    }
}
