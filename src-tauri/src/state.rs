//! What the app holds between commands: where the vault lives, the unlocked vault (if
//! any) and the idle timer. One small mutex per concern; the vault itself is `None`
//! whenever it is locked, so a locked app holds no key and no open database.
use crate::error::{CmdResult, ErrorCode, IpcError};
use crate::scheduler::Scheduler;
use chrono::Utc;
use mend_core::{IdleTimer, SystemClock, Vault, VaultPaths};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
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

    /// Puts a freshly unlocked vault in place and starts the idle clock.
    pub fn install(&self, vault: Vault) {
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

    /// Locks: drops the vault (closing the database, wiping the key). Returns whether it
    /// was unlocked.
    pub fn lock(&self) -> bool {
        self.slot().take().is_some()
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
