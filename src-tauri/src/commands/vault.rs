//! Creating, unlocking, locking and re-keying the vault.
use crate::error::{CmdResult, IpcError};
use crate::state::AppState;
use mend_core::strength::{self, PassphraseStrength};
use mend_core::{Passphrase, RecoveryKey, Settings, Vault};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VaultStatus {
    pub exists: bool,
    pub unlocked: bool,
}

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

/// A recovery key, sent once to be shown once.
#[derive(Serialize, TS)]
#[ts(export, rename = "RecoveryKey")]
pub struct RecoveryKeyShown {
    pub key: String,
}

/// Locks and tells the window, so it can drop every piece of journal text it holds.
pub fn lock_and_announce<R: Runtime>(app: &AppHandle<R>, state: &AppState, reason: LockReason) {
    if state.lock() {
        let _ = app.emit(VAULT_LOCKED_EVENT, VaultLocked { reason });
    }
    app.state::<crate::commands::transfer::Pending>().forget();
    // Whether or not it was unlocked: what was copied goes with the lock.
    app.state::<crate::discretion::Discretion>().clear_copied_on_lock();
}

#[tauri::command(async)]
pub fn vault_status(state: State<'_, AppState>) -> VaultStatus {
    VaultStatus { exists: state.paths.exists(), unlocked: state.is_unlocked() }
}

#[tauri::command(async)]
pub fn assess_passphrase(passphrase: String) -> PassphraseStrength {
    let passphrase = Passphrase::new(passphrase);
    strength::assess_secret(&passphrase)
}

#[tauri::command(async)]
pub fn create_vault(state: State<'_, AppState>, passphrase: String) -> CmdResult<()> {
    let passphrase = Passphrase::new(passphrase);
    let vault = Vault::create(&state.paths, &passphrase)?;
    state.install(vault);
    Ok(())
}

/// Unlocks, then takes an automatic backup (encrypted to the same passphrase) in the
/// background.
#[tauri::command(async)]
pub fn unlock<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<()> {
    let for_backup = Passphrase::new(passphrase.clone());
    let passphrase = Passphrase::new(passphrase);
    let vault = Vault::unlock(&state.paths, &passphrase)?;
    state.install(vault);
    crate::commands::transfer::spawn_automatic_backup(app, for_backup);
    Ok(())
}

#[tauri::command(async)]
pub fn unlock_with_recovery_key(state: State<'_, AppState>, recovery_key: String) -> CmdResult<()> {
    let key = RecoveryKey::parse(&zeroize::Zeroizing::new(recovery_key))
        .ok_or_else(|| IpcError::from(mend_core::VaultError::WrongRecoveryKey))?;
    let vault = Vault::unlock_with_recovery_key(&state.paths, &key)?;
    state.install(vault);
    Ok(())
}

#[tauri::command(async)]
pub fn lock<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) {
    lock_and_announce(&app, &state, LockReason::User);
}

#[tauri::command(async)]
pub fn touch(state: State<'_, AppState>) {
    if state.is_unlocked() {
        state.touch();
    }
}

#[tauri::command(async)]
pub fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    next: String,
) -> CmdResult<()> {
    let (current, next) = (Passphrase::new(current), Passphrase::new(next));
    state.with_vault(|v| Ok(v.change_passphrase(&current, &next)?))
}

/// Sets a new passphrase without the old one: only after unlocking with the recovery key.
#[tauri::command(async)]
pub fn reset_passphrase(state: State<'_, AppState>, next: String) -> CmdResult<()> {
    let next = Passphrase::new(next);
    state.with_vault(|v| Ok(v.reset_passphrase(&next)?))
}

#[tauri::command(async)]
pub fn create_recovery_key(state: State<'_, AppState>) -> CmdResult<RecoveryKeyShown> {
    state.with_vault(|v| {
        let key = v.create_recovery_key()?;
        Ok(RecoveryKeyShown { key: key.expose().to_owned() })
    })
}

#[tauri::command(async)]
pub fn remove_recovery_key(state: State<'_, AppState>) -> CmdResult<()> {
    state.with_vault(|v| Ok(v.remove_recovery_key()?))
}

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> CmdResult<Settings> {
    state.with_vault(|v| Ok(v.current_settings()?))
}

#[tauri::command(async)]
pub fn set_auto_lock_minutes(state: State<'_, AppState>, minutes: u32) -> CmdResult<Settings> {
    let settings = state.with_vault(|v| {
        v.settings().set_auto_lock_minutes(minutes)?;
        Ok(v.current_settings()?)
    })?;
    state.set_auto_lock_minutes(settings.auto_lock_minutes);
    Ok(settings)
}
