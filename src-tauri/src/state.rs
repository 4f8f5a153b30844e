//! What the app holds between commands: where the vault lives, the unlocked vault (if
//! any), the idle timer, and what waits between choosing a file and acting on it. One
//! small mutex per concern; the vault itself is `None` whenever it is locked, so a locked
//! app holds no key and no open database, and locking drops a previewed import with it.
use crate::error::{CmdResult, ErrorCode, IpcError};
use crate::housekeeping::FirstPage;
use crate::local_time;
use crate::scheduler::Scheduler;
use chrono::Utc;
use mend_core::share::Opened;
use mend_core::transfer::import::ImportSession;
use mend_core::{Clock, IdleTimer, SystemClock, Vault, VaultPaths};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub struct AppState {
    pub paths: VaultPaths,
    pub clock: SystemClock,
    vault: Mutex<Option<Vault>>,
    idle: Mutex<IdleTimer>,
    started: Instant,
    auto_lock_minutes: AtomicU32,
    pub scheduler: Arc<Scheduler>,
    /// Held while an automatic backup is written and while the journal is re-keyed, so no
    /// backup under an old passphrase lands after a re-key has removed them.
    backups: Mutex<()>,
    /// Counts re-keys: an automatic backup asked for before one is not written after it.
    rekeys: AtomicU64,
    /// A previewed import (journal text, in memory only) until it is confirmed, cancelled,
    /// or the vault locks.
    import: Mutex<Option<ImportSession>>,
    /// Set to stop the import being written (it is then rolled back): by the person's
    /// Cancel or by a lock. Cleared when an import is chosen.
    import_stop: AtomicBool,
    /// The backup chosen for restoring, until a vault is in place.
    restore: Mutex<Option<PathBuf>>,
    /// A share file being received: sealed (waiting for its passphrase) or opened (its
    /// words in memory only), until it is accepted, dismissed, or the vault locks.
    received: Mutex<Option<Receiving>>,
    /// Whether the journal's first page has been read since the last unlock: the
    /// automatic backup waits for it.
    pub first_page: FirstPage,
}

/// A `.mendshare` file chosen to receive.
pub enum Receiving {
    /// Read (its encrypted bytes only) and waiting for the passphrase it was sealed with.
    Sealed { name: String, file: Vec<u8> },
    /// Opened and checked; nothing of it is written until it is accepted.
    Opened(Box<Opened>),
}

fn lock_ignoring_poison<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl AppState {
    pub fn new(paths: VaultPaths, scheduler: Arc<Scheduler>) -> Self {
        let started = Instant::now();
        Self {
            paths,
            clock: SystemClock,
            vault: Mutex::new(None),
            idle: Mutex::new(IdleTimer::new(Duration::ZERO, Utc::now())),
            started,
            auto_lock_minutes: AtomicU32::new(mend_core::settings::DEFAULT_AUTO_LOCK_MINUTES),
            scheduler,
            backups: Mutex::new(()),
            rekeys: AtomicU64::new(0),
            import: Mutex::new(None),
            import_stop: AtomicBool::new(false),
            restore: Mutex::new(None),
            received: Mutex::new(None),
            first_page: FirstPage::default(),
        }
    }

    /// The vault slot, for opening and closing.
    pub fn slot(&self) -> MutexGuard<'_, Option<Vault>> {
        lock_ignoring_poison(&self.vault)
    }

    /// Runs `f` on the unlocked vault, or fails with `Locked`. Counts as activity.
    ///
    /// A panic inside `f` (a bug) becomes an `Internal` error for the window instead of a
    /// request that never answers: an open transaction rolls back as it unwinds, the vault
    /// stays open and usable, and the editor keeps the person's unsaved text. The panic
    /// hook reports only where it happened.
    pub fn with_vault<T>(&self, f: impl FnOnce(&Vault) -> CmdResult<T>) -> CmdResult<T> {
        let guard = self.slot();
        let vault = guard.as_ref().ok_or_else(IpcError::locked)?;
        self.touch();
        std::panic::catch_unwind(AssertUnwindSafe(|| f(vault))).unwrap_or_else(|_| {
            Err(IpcError::new(
                ErrorCode::Internal,
                "Mend hit an internal error while doing that. Please try again.",
            ))
        })
    }

    /// [`Self::with_vault`] for the few commands that change the vault itself (re-keying).
    pub fn with_vault_mut<T>(&self, f: impl FnOnce(&mut Vault) -> CmdResult<T>) -> CmdResult<T> {
        let mut guard = self.slot();
        let vault = guard.as_mut().ok_or_else(IpcError::locked)?;
        self.touch();
        std::panic::catch_unwind(AssertUnwindSafe(|| f(vault))).unwrap_or_else(|_| {
            Err(IpcError::new(
                ErrorCode::Internal,
                "Mend hit an internal error while doing that. Please try again.",
            ))
        })
    }

    /// Waits for any automatic backup being written, and holds off new ones.
    pub fn hold_backups(&self) -> MutexGuard<'_, ()> {
        lock_ignoring_poison(&self.backups)
    }

    /// How many re-keys this run has made.
    pub fn rekeys(&self) -> u64 {
        self.rekeys.load(Ordering::SeqCst)
    }

    pub fn note_rekey(&self) {
        self.rekeys.fetch_add(1, Ordering::SeqCst);
    }

    /// Fails with `Locked` unless the vault is unlocked (without counting as activity).
    pub fn require_unlocked(&self) -> CmdResult<()> {
        if self.is_unlocked() {
            Ok(())
        } else {
            Err(IpcError::locked())
        }
    }

    /// The person's calendar date now, by the app's clock, in their time zone.
    pub fn today(&self) -> chrono::NaiveDate {
        local_time::local_day(self.clock.now())
    }

    /// Keeps a previewed import until [`Self::take_import`] (or a lock) ends it.
    pub fn hold_import(&self, session: ImportSession) {
        self.import_stop.store(false, Ordering::SeqCst);
        *lock_ignoring_poison(&self.import) = Some(session);
    }

    /// Asks the import being written to stop; it is rolled back, so nothing is added.
    pub fn stop_import(&self) {
        self.import_stop.store(true, Ordering::SeqCst);
    }

    /// Whether the import being written has been asked to stop.
    pub fn import_stopped(&self) -> bool {
        self.import_stop.load(Ordering::SeqCst)
    }

    pub fn take_import(&self) -> Option<ImportSession> {
        lock_ignoring_poison(&self.import).take()
    }

    /// Keeps a share being received until it is accepted, dismissed or the vault locks.
    pub fn hold_received(&self, receiving: Receiving) {
        *lock_ignoring_poison(&self.received) = Some(receiving);
    }

    /// The share being received, taken out of the app's hands.
    pub fn take_received(&self) -> Option<Receiving> {
        lock_ignoring_poison(&self.received).take()
    }

    /// Notes the backup the person chose to restore.
    pub fn choose_backup(&self, path: PathBuf) {
        *lock_ignoring_poison(&self.restore) = Some(path);
    }

    pub fn chosen_backup(&self) -> Option<PathBuf> {
        lock_ignoring_poison(&self.restore).clone()
    }

    /// Puts a freshly unlocked vault in place and starts the idle clock. A backup chosen
    /// for restoring no longer applies once a vault exists.
    pub fn install(&self, vault: Vault) {
        *lock_ignoring_poison(&self.restore) = None;
        self.first_page.reset();
        let minutes = vault
            .settings()
            .auto_lock_minutes()
            .unwrap_or(mend_core::settings::DEFAULT_AUTO_LOCK_MINUTES);
        self.set_auto_lock_minutes(minutes);
        self.sync_reminders(&vault);
        *self.slot() = Some(vault);
        self.touch();
    }

    /// Copies the vault's reminder times (never their words) to the scheduler, so they
    /// fire while the vault is locked.
    pub fn sync_reminders(&self, vault: &Vault) {
        match vault.reminder_schedule() {
            Ok(reminders) => self.scheduler.replace(reminders),
            Err(_) => eprintln!("Mend could not read its reminders from the vault."),
        }
    }

    /// Runs `f` on the vault if it is unlocked, without counting as the person's activity.
    pub fn peek<T>(&self, f: impl FnOnce(&Vault) -> Option<T>) -> Option<T> {
        self.slot().as_ref().and_then(f)
    }

    /// A commitment's own words for its reminder, only while the vault is unlocked (the
    /// scheduler's lookup; not the person's activity).
    pub fn commitment_words(&self, id: i64) -> Option<String> {
        self.peek(|v| v.commitments().get(id).ok().map(|c| c.promise))
    }

    /// Locks: drops the vault (closing the database, wiping the key) and any previewed
    /// import, whether or not the vault was unlocked. Returns whether it was. An import
    /// being written is stopped first (and rolled back), so the lock does not wait for it.
    pub fn lock(&self) -> bool {
        self.stop_import();
        let was_unlocked = self.slot().take().is_some();
        *lock_ignoring_poison(&self.import) = None;
        *lock_ignoring_poison(&self.received) = None;
        was_unlocked
    }

    pub fn is_unlocked(&self) -> bool {
        self.slot().is_some()
    }

    pub fn touch(&self) {
        lock_ignoring_poison(&self.idle).touch(self.started.elapsed(), Utc::now());
    }

    pub fn set_auto_lock_minutes(&self, minutes: u32) {
        self.auto_lock_minutes.store(minutes, Ordering::Relaxed);
    }

    /// Whether the vault has been left alone for longer than the auto-lock setting.
    pub fn idle_expired(&self) -> bool {
        let limit =
            Duration::from_secs(u64::from(self.auto_lock_minutes.load(Ordering::Relaxed)) * 60);
        lock_ignoring_poison(&self.idle).should_lock(self.started.elapsed(), Utc::now(), limit)
    }
}
