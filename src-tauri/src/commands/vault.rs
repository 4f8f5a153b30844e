//! Creating, unlocking, locking and re-keying the vault.
use crate::automatic_backup;
use crate::error::{CmdResult, IpcError};
use crate::locking::{lock_and_announce, LockReason};
use crate::state::AppState;
use mend_core::strength::{self, PassphraseStrength};
use mend_core::vault::Rekeyed;
use mend_core::{Passphrase, RecoveryKey, Settings, Vault, VaultError};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VaultStatus {
    pub exists: bool,
    pub unlocked: bool,
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
    automatic_backup::spawn(app, for_backup);
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

/// What changing a credential did, so the window can say it plainly.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CredentialsChanged {
    /// A recovery key to show once: the one asked for, or a new one made because an older
    /// kind of recovery key could not follow the journal's new key.
    pub recovery_key: Option<String>,
    /// Whether `recovery_key` replaces a key the person did not ask to replace.
    pub recovery_key_replaced: bool,
    /// Automatic backups made under the old credentials, overwritten and removed.
    pub removed_backups: u32,
    /// Whether a new automatic backup under the new passphrase is being made.
    pub new_backup: bool,
}

/// Re-keys the vault with `f`, then replaces the automatic backups with one under
/// `passphrase` (the passphrase that opens the journal afterwards). A re-key that could not
/// finish locks the vault; the next unlock finishes it.
fn rekey<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    passphrase: Passphrase,
    f: impl FnOnce(&mut Vault) -> Result<Rekeyed, VaultError>,
) -> CmdResult<CredentialsChanged> {
    let held = state.hold_backups();
    let done = state.with_vault_mut(|v| Ok(f(v)))?;
    if matches!(done, Ok(_) | Err(VaultError::RekeyUnfinished)) {
        // Before the backups' lock is released: a backup asked for under the old
        // passphrase, waiting for that lock, must see it and stand down.
        state.note_rekey();
    }
    drop(held);
    let rekeyed = match done {
        Ok(r) => r,
        Err(VaultError::RekeyUnfinished) => {
            lock_and_announce(app, state, LockReason::User);
            return Err(VaultError::RekeyUnfinished.into());
        }
        Err(e) => return Err(e.into()),
    };
    let new_backup = automatic_backup::spawn(app.clone(), passphrase);
    Ok(CredentialsChanged {
        recovery_key: rekeyed.recovery_key.map(|k| k.expose().to_owned()),
        recovery_key_replaced: rekeyed.recovery_key_replaced,
        removed_backups: rekeyed.removed_backups,
        new_backup,
    })
}

/// Changes the passphrase, moving the journal to a new data key (the old key file and
/// passphrase open nothing afterwards).
#[tauri::command(async)]
pub fn change_passphrase<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: String,
    next: String,
) -> CmdResult<CredentialsChanged> {
    let after = Passphrase::new(next.clone());
    let (current, next) = (Passphrase::new(current), Passphrase::new(next));
    rekey(&app, &state, after, |v| v.change_passphrase(&current, &next))
}

/// Sets a new passphrase without the old one: only after unlocking with the recovery key.
#[tauri::command(async)]
pub fn reset_passphrase<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    next: String,
) -> CmdResult<CredentialsChanged> {
    let after = Passphrase::new(next.clone());
    let next = Passphrase::new(next);
    rekey(&app, &state, after, |v| v.reset_passphrase(&next))
}

/// Makes (or replaces) the recovery key after checking the current passphrase.
#[tauri::command(async)]
pub fn create_recovery_key<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: String,
) -> CmdResult<CredentialsChanged> {
    let after = Passphrase::new(current.clone());
    let current = Passphrase::new(current);
    rekey(&app, &state, after, |v| v.create_recovery_key(&current))
}

/// Removes the recovery key after checking the current passphrase.
#[tauri::command(async)]
pub fn remove_recovery_key<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    current: String,
) -> CmdResult<CredentialsChanged> {
    let after = Passphrase::new(current.clone());
    let current = Passphrase::new(current);
    rekey(&app, &state, after, |v| v.remove_recovery_key(&current))
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
