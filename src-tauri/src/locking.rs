//! Locking, as the whole app does it: the vault is dropped (with any previewed import),
//! the window is told so it can drop every piece of journal text it holds, and what was
//! copied from Mend leaves the clipboard. The lock command, the tray, the idle watch and
//! an unfinished re-key all lock through here.
use crate::discretion::Discretion;
use crate::state::AppState;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LockReason {
    User,
    Idle,
}

/// Payload of the `vault-locked` event.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VaultLocked {
    pub reason: LockReason,
}

pub const VAULT_LOCKED_EVENT: &str = "vault-locked";

/// Locks and tells the window, so it can drop every piece of journal text it holds.
pub fn lock_and_announce<R: Runtime>(app: &AppHandle<R>, state: &AppState, reason: LockReason) {
    if state.lock() {
        let _ = app.emit(VAULT_LOCKED_EVENT, VaultLocked { reason });
    }
    // Whether or not it was unlocked: what was copied goes with the lock.
    app.state::<Discretion>().clear_copied_on_lock();
}
