//! Moving the journal to a fresh data key whenever a credential changes, so that an old
//! copy of the key file and the secret that opened it open nothing written since.
//!
//! The database is copied, page by page through SQLCipher, into `mend.vault.next` under the
//! new key; the new key file (holding only the new slots) is written as `mend.key.next`.
//! Writing `mend.key.next` is the commit point:
//!
//! - before it, the old files are untouched and the old credentials open the journal; a
//!   staged `mend.vault.next` is discarded by the next opener;
//! - after it, the new files are complete and [`complete`] (run by the re-key itself, or by
//!   the next opener after a crash) overwrites the old database with zeros, renames the new
//!   one over it, overwrites and removes the automatic backups made under the old key,
//!   overwrites the old key file and renames the new one over it. Each step is repeatable,
//!   so a crash during [`complete`] is finished by the next opener.
//!
//! A lock file (`mend.lock`, `flock`) keeps two processes (the app and the command line) from
//! re-keying or finishing a re-key at once; the command line holds it shared while it works,
//! so a re-key waits for it.
use super::header::{Header, Slot};
use super::{KdfParams, SlotKind, Vault, VaultError, VaultPaths};
use crate::files;
use crate::secret::{DataKey, Passphrase, RecoveryKey};
use crate::store;
use rand_core::CryptoRngCore;
use rusqlite::Connection;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;

/// What happens to the recovery key when the journal moves to a new data key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecoveryPlan {
    /// Keep the current one (if any) working. A format-1 recovery slot cannot follow a new
    /// key; a new recovery key replaces it and is returned.
    Keep,
    /// Make a new one (replacing any earlier one).
    New,
    /// None afterwards.
    Remove,
}

/// What a re-key did, for the person to be told.
#[derive(Debug)]
pub struct Rekeyed {
    /// A recovery key made by this re-key, to be shown once: asked for, or made because
    /// an older kind of recovery key could not follow the new data key.
    pub recovery_key: Option<RecoveryKey>,
    /// Whether `recovery_key` replaced an older key the person did not ask to replace.
    pub recovery_key_replaced: bool,
    /// Automatic backups made under the old key that were overwritten and removed.
    pub removed_backups: u32,
}

/// An advisory lock on the vault's folder (`flock` on `mend.lock`), released on drop.
pub struct VaultLock {
    _file: File,
}

impl VaultLock {
    /// Waits until no other process holds the lock, then holds it alone: for a re-key.
    pub fn exclusive(paths: &VaultPaths) -> Result<VaultLock, VaultError> {
        let file = Self::open(paths)?;
        file.lock()?;
        Ok(VaultLock { _file: file })
    }

    /// Waits until no re-key is under way, then holds the lock alongside other readers:
    /// for the command line's whole run, so the files do not change under it.
    pub fn shared(paths: &VaultPaths) -> Result<VaultLock, VaultError> {
        let file = Self::open(paths)?;
        file.lock_shared()?;
        Ok(VaultLock { _file: file })
    }

    fn open(paths: &VaultPaths) -> Result<File, VaultError> {
        files::create_private_dir(paths.dir())?;
        Ok(OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(files::FILE_MODE)
            .open(paths.lock_file())?)
    }
}

impl Vault {
    /// Moves the journal to a fresh data key: a new database file and a key file holding
    /// only the new slots (the passphrase slot sealed under `passphrase`, the recovery slot
    /// as `plan` says). On an error before the commit point nothing has changed; after it,
    /// the error is [`VaultError::RekeyUnfinished`] and this vault must be dropped (the new
    /// files are complete; the next unlock finishes the swap).
    pub(crate) fn rekey(
        &mut self,
        passphrase: &Passphrase,
        plan: RecoveryPlan,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Rekeyed, VaultError> {
        let _lock = VaultLock::exclusive(&self.paths)?;
        let current = Header::read(&self.paths.key_file())?;
        let kdf = current
            .slot(SlotKind::Passphrase)
            .map_or(KdfParams::RFC9106_SECOND, |s| s.kdf.max_with(KdfParams::RFC9106_SECOND));
        let key = DataKey::generate(rng);
        let mut next = Header::new(Slot::seal(
            SlotKind::Passphrase,
            kdf,
            passphrase.expose().as_bytes(),
            &key,
            rng,
        )?);
        let mut made = None;
        let mut replaced = false;
        let resealed = match (plan, current.slot(SlotKind::Recovery)) {
            (RecoveryPlan::Keep, Some(slot)) => {
                let resealed = slot.reseal(&key)?;
                replaced = resealed.is_none();
                resealed
            }
            _ => None,
        };
        if let Some(slot) = resealed {
            next.put(slot);
        } else if plan == RecoveryPlan::New || replaced {
            let recovery = RecoveryKey::generate(rng);
            next.put(Slot::seal_recovery(kdf, recovery.expose().as_bytes(), &key, rng)?);
            made = Some(recovery);
        }

        // The new database, complete and on disk, before anything points at it.
        discard_staged(&self.paths)?;
        let staged = self.paths.staged_database();
        drop(files::create_private(&staged)?);
        if let Err(e) = store::copy_encrypted(&self.conn, &staged, &key) {
            let _ = discard_staged(&self.paths);
            return Err(e.into());
        }
        // The commit point. If writing the key file fails at any step (even the folder's
        // sync after its rename), take back whatever reached the disk: this vault goes on
        // with its old files, so nothing may later swap them out from under it.
        let committed = files::sync_file(&staged)
            .map_err(VaultError::from)
            .and_then(|()| next.write_atomically(&self.paths.staged_key_file()));
        if let Err(e) = committed {
            let _ = files::remove_if_present(&self.paths.staged_key_file());
            let _ = discard_staged(&self.paths);
            return Err(e);
        }

        // From here the old files are no longer needed: close the old database and swap.
        let placeholder = Connection::open_in_memory().map_err(|_| VaultError::RekeyUnfinished)?;
        let old = std::mem::replace(&mut self.conn, placeholder);
        if let Err((conn, _)) = old.close() {
            drop(conn);
        }
        let removed_backups = complete(&self.paths).map_err(|_| VaultError::RekeyUnfinished)?;
        self.conn = store::open(&self.paths.database(), &key, false)
            .map_err(|_| VaultError::RekeyUnfinished)?;
        self.key = key;
        Ok(Rekeyed { recovery_key: made, recovery_key_replaced: replaced, removed_backups })
    }
}

/// Finishes a re-key that a crash interrupted after its commit point, or discards one that
/// did not reach it. Run before every unlock; does nothing (and takes no lock) when no
/// re-key was under way.
pub(crate) fn finish_interrupted(paths: &VaultPaths) -> Result<(), VaultError> {
    let staged =
        [paths.staged_key_file(), paths.staged_database(), temp_of(&paths.staged_key_file())];
    if !staged.iter().any(|p| p.exists()) {
        return Ok(());
    }
    let _lock = VaultLock::exclusive(paths)?;
    if paths.staged_key_file().exists() {
        complete(paths)?;
    } else {
        discard_staged(paths)?;
    }
    Ok(())
}

/// After the commit point: puts the new files in place of the old ones, overwriting what
/// the old key could open. Returns how many automatic backups were removed.
fn complete(paths: &VaultPaths) -> Result<u32, VaultError> {
    let database = paths.database();
    if paths.staged_database().exists() {
        for suffix in ["-wal", "-shm", "-journal"] {
            files::overwrite_and_remove(&with_suffix(&database, suffix))?;
        }
        if database.exists() {
            files::overwrite(&database)?;
        }
        files::rename_durably(&paths.staged_database(), &database)?;
    }
    let removed = remove_automatic_backups(paths)?;
    if paths.key_file().exists() {
        files::overwrite(&paths.key_file())?;
    }
    files::rename_durably(&paths.staged_key_file(), &paths.key_file())?;
    Ok(removed)
}

/// Overwrites and removes every automatic backup (and half-written one) in the data folder:
/// they were encrypted under the credentials being replaced.
fn remove_automatic_backups(paths: &VaultPaths) -> Result<u32, VaultError> {
    let dir = paths.automatic_backups();
    let listing = match std::fs::read_dir(&dir) {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    let mut removed = 0;
    for item in listing {
        let item = item?;
        let name = item.file_name();
        let Some(name) = name.to_str() else { continue };
        if VaultPaths::is_automatic_backup_name(name) || VaultPaths::is_partial_backup_name(name) {
            files::overwrite_and_remove(&item.path())?;
            removed += u32::from(VaultPaths::is_automatic_backup_name(name));
        }
    }
    files::sync_dir(&dir)?;
    Ok(removed)
}

/// Removes a re-key that never reached its commit point.
fn discard_staged(paths: &VaultPaths) -> Result<(), VaultError> {
    let staged = paths.staged_database();
    for suffix in ["", "-journal", "-wal", "-shm"] {
        files::remove_if_present(&with_suffix(&staged, suffix))?;
    }
    files::remove_if_present(&temp_of(&paths.staged_key_file()))?;
    Ok(())
}

fn with_suffix(path: &std::path::Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

fn temp_of(path: &std::path::Path) -> std::path::PathBuf {
    with_suffix(path, ".tmp")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::OsRng;

    const GOOD: &str = "quiet lantern over the harbour wall";
    const OTHER: &str = "seven herons crossing a grey estuary";

    fn pass(s: &str) -> Passphrase {
        Passphrase::new(s.to_owned())
    }

    #[test]
    fn an_older_recovery_key_is_replaced_and_shown_when_the_key_changes() {
        let dir = tempfile::tempdir().unwrap();
        let paths = VaultPaths::new(dir.path());
        let vault = Vault::create(&paths, &pass(GOOD)).unwrap();
        // A format-1 recovery slot: the data key wrapped under the recovery key itself.
        let legacy = RecoveryKey::generate(&mut OsRng);
        let mut header = Header::read(&paths.key_file()).unwrap();
        header.put(
            Slot::seal(
                SlotKind::Recovery,
                KdfParams::RFC9106_SECOND,
                legacy.expose().as_bytes(),
                &vault.key,
                &mut OsRng,
            )
            .unwrap(),
        );
        header.write_atomically(&paths.key_file()).unwrap();
        assert!(!Header::read(&paths.key_file()).unwrap().can_follow_new_key(SlotKind::Recovery));
        vault.lock();
        let mut vault = Vault::unlock_with_recovery_key(&paths, &legacy).unwrap();

        let rekeyed = vault.reset_passphrase(&pass(OTHER)).unwrap();
        assert!(rekeyed.recovery_key_replaced);
        let fresh = rekeyed.recovery_key.expect("a new recovery key to show");
        assert!(Header::read(&paths.key_file()).unwrap().can_follow_new_key(SlotKind::Recovery));
        vault.lock();
        assert!(matches!(
            Vault::unlock_with_recovery_key(&paths, &legacy),
            Err(VaultError::WrongRecoveryKey)
        ));
        assert!(Vault::unlock_with_recovery_key(&paths, &fresh).is_ok());
        assert!(Vault::unlock(&paths, &pass(OTHER)).is_ok());

        // A recovery key of the current kind follows every later change unchanged.
        let mut vault = Vault::unlock(&paths, &pass(OTHER)).unwrap();
        let again = vault.change_passphrase(&pass(OTHER), &pass(GOOD)).unwrap();
        assert!(again.recovery_key.is_none() && !again.recovery_key_replaced);
        vault.lock();
        assert!(Vault::unlock_with_recovery_key(&paths, &fresh).is_ok());
    }
}
