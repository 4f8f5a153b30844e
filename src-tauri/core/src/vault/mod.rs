//! The vault: one SQLCipher database and the key file that unlocks it.
//!
//! An unlocked [`Vault`] owns the open connection and the data key. Locking is dropping
//! it: the connection closes and the key is wiped. Unlocking with a wrong secret reads
//! the key file and nothing else, so it changes no file on disk (it may first finish or
//! discard a re-key that a crash interrupted: see [`rekey`]).
//!
//! Every change of credential (passphrase changed or reset, recovery key made, replaced
//! or removed) moves the journal to a fresh data key, so an old copy of the key file with
//! the secret it held opens nothing written since. The vault's files are owner-only.
//!
//! This module knows nothing of moving a journal in or out: `transfer` depends on it and
//! adds those operations to [`Vault`] (`backup_to`, `restore_from`, `export`, `importer`).
#[cfg(test)]
mod fixtures;
mod header;
mod rekey;

use crate::error::{ErrorKind, Origin, Secret};
pub use header::{Header, KdfAlgorithm, KdfParams, SlotKind};
use rekey::RecoveryPlan;
pub use rekey::{Rekeyed, VaultLock};

use crate::journal::Journal;
use crate::secret::{DataKey, Passphrase, RecoveryKey};
use crate::settings::SettingsStore;
use crate::store::{self, StoreError};
use crate::strength;
use header::Slot;
use rand_core::{CryptoRngCore, OsRng};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("there is no vault here yet")]
    NoVault,
    #[error("a vault already exists here")]
    VaultExists,
    #[error("that passphrase did not open the vault")]
    WrongPassphrase,
    #[error("that recovery key did not open the vault")]
    WrongRecoveryKey,
    #[error("that passphrase is too easy to guess")]
    WeakPassphrase,
    #[error("the vault's key file is damaged: {0}")]
    CorruptHeader(&'static str),
    #[error("the vault's data file could not be decrypted with its key, or is damaged")]
    Corrupt,
    #[error("the vault was made by a newer version of Mend")]
    Unsupported(u32),
    #[error("the vault has no recovery key")]
    NoRecoveryKey,
    #[error(
        "a new passphrase without the current one needs the vault opened with its recovery key"
    )]
    RecoveryRequired,
    #[error("that backup does not hold a Mend journal, or it is damaged")]
    Foreign,
    /// The new key is in place but the old files could not all be swapped out; the vault
    /// is closed, and the next unlock (with the new credentials) finishes the swap.
    #[error("the journal moved to its new key, but the change could not be finished; unlock it again with the new passphrase to finish")]
    RekeyUnfinished,
    #[error("the vault's files could not be read or written")]
    Io(#[from] std::io::Error),
    #[error("the vault's database reported an error")]
    Storage(#[source] StoreError),
    #[error("internal error: {0}")]
    Internal(&'static str),
}

impl VaultError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::NoVault => ErrorKind::NoVault,
            Self::VaultExists => ErrorKind::Conflict,
            Self::WrongPassphrase => ErrorKind::WrongSecret(Secret::Passphrase),
            Self::WrongRecoveryKey | Self::NoRecoveryKey => {
                ErrorKind::WrongSecret(Secret::RecoveryKey)
            }
            Self::WeakPassphrase => ErrorKind::WeakSecret,
            Self::RecoveryRequired => ErrorKind::RecoveryRequired,
            Self::CorruptHeader(_) | Self::Corrupt => ErrorKind::Damaged(Origin::Vault),
            Self::Unsupported(_) => ErrorKind::TooNew(Origin::Vault),
            Self::Foreign => ErrorKind::Damaged(Origin::Import),
            Self::RekeyUnfinished => ErrorKind::Locked,
            Self::Io(_) | Self::Storage(_) => ErrorKind::Io,
            Self::Internal(_) => ErrorKind::Internal,
        }
    }
}

impl From<StoreError> for VaultError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unreadable => VaultError::Corrupt,
            StoreError::TooNew => VaultError::Unsupported(0),
            StoreError::Foreign => VaultError::Foreign,
            StoreError::Io(e) => VaultError::Io(e),
            other => VaultError::Storage(other),
        }
    }
}

/// Where a vault's files live.
#[derive(Debug, Clone)]
pub struct VaultPaths {
    dir: PathBuf,
}

impl VaultPaths {
    pub const DATABASE: &'static str = "mend.vault";
    pub const KEY_FILE: &'static str = "mend.key";
    /// The folder of automatic backups, inside the data folder.
    pub const AUTOMATIC_BACKUPS: &'static str = "backups";
    const AUTOMATIC_BACKUP_PREFIX: &'static str = "auto-";
    const BACKUP_SUFFIX: &'static str = ".mendbackup";
    const PARTIAL_BACKUP_PREFIX: &'static str = ".mend-backup-";

    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn database(&self) -> PathBuf {
        self.dir.join(Self::DATABASE)
    }

    pub fn key_file(&self) -> PathBuf {
        self.dir.join(Self::KEY_FILE)
    }

    /// The database a re-key is writing, before it takes the place of [`Self::database`].
    pub fn staged_database(&self) -> PathBuf {
        self.dir.join("mend.vault.next")
    }

    /// The key file a re-key has committed to, before it takes the place of the old one.
    pub fn staged_key_file(&self) -> PathBuf {
        self.dir.join("mend.key.next")
    }

    /// The lock file that keeps two processes from re-keying at once.
    pub fn lock_file(&self) -> PathBuf {
        self.dir.join("mend.lock")
    }

    pub fn automatic_backups(&self) -> PathBuf {
        self.dir.join(Self::AUTOMATIC_BACKUPS)
    }

    /// Automatic backups are `auto-<anything>.mendbackup`.
    pub fn is_automatic_backup_name(name: &str) -> bool {
        name.starts_with(Self::AUTOMATIC_BACKUP_PREFIX) && name.ends_with(Self::BACKUP_SUFFIX)
    }

    /// A backup being written (or left half-written by a crash).
    pub fn is_partial_backup_name(name: &str) -> bool {
        name.starts_with(Self::PARTIAL_BACKUP_PREFIX)
    }

    /// The prefix of a backup's temporary file while it is written.
    pub fn partial_backup_prefix() -> &'static str {
        Self::PARTIAL_BACKUP_PREFIX
    }

    /// An automatic backup's file name: a random tag, so names record nothing of when
    /// the journal was opened.
    pub fn automatic_backup_name(rng: &mut impl CryptoRngCore) -> String {
        let mut tag = [0u8; 8];
        rng.fill_bytes(&mut tag);
        let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        format!("{}{hex}{}", Self::AUTOMATIC_BACKUP_PREFIX, Self::BACKUP_SUFFIX)
    }

    /// A vault exists once its key file does (or a re-key has committed to a new one).
    pub fn exists(&self) -> bool {
        self.key_file().exists() || self.staged_key_file().exists()
    }

    /// Finishes (or discards) a re-key that a crash interrupted; unlocking does this too.
    /// A process that holds a [`VaultLock::shared`] while it works calls this first, since
    /// finishing needs the lock alone.
    pub fn finish_interrupted_rekey(&self) -> Result<(), VaultError> {
        rekey::finish_interrupted(self)
    }

    /// Makes the data folder owner-only (0700) and every file Mend keeps in it (and in its
    /// backups folder) 0600, tightening what an earlier version left looser.
    pub fn make_private(&self) -> Result<(), VaultError> {
        crate::files::create_private_dir(&self.dir)?;
        crate::files::tighten_tree(&self.dir, &[Self::AUTOMATIC_BACKUPS])?;
        Ok(())
    }
}

/// An unlocked vault. Dropping it locks: the connection closes and the key is wiped.
pub struct Vault {
    paths: VaultPaths,
    key: DataKey,
    conn: Connection,
    /// Which secret opened it: a passphrase can be reset only after a recovery unlock.
    opened_with: SlotKind,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("dir", &self.paths.dir).finish_non_exhaustive()
    }
}

impl Vault {
    /// Creates a new vault at `paths`, protected by `passphrase`, and returns it unlocked.
    /// Refuses weak passphrases and never touches an existing vault's files.
    pub fn create(paths: &VaultPaths, passphrase: &Passphrase) -> Result<Vault, VaultError> {
        Self::create_with(paths, passphrase, KdfParams::RFC9106_SECOND, &mut OsRng)
    }

    /// [`Vault::create`] with explicit KDF parameters and randomness (for tests).
    pub fn create_with(
        paths: &VaultPaths,
        passphrase: &Passphrase,
        kdf: KdfParams,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Vault, VaultError> {
        let (key, slot) = Self::new_key(paths, passphrase, kdf, rng)?;
        // The database first, then the key file: a vault "exists" once its key file does.
        let conn = store::open(&paths.database(), &key, true)?;
        Header::new(slot).write_atomically(&paths.key_file())?;
        Ok(Vault { paths: paths.clone(), key, conn, opened_with: SlotKind::Passphrase })
    }

    /// Creates a new vault at `paths` holding a database image from [`Vault::snapshot`]
    /// (a restored backup), protected by `passphrase`, and returns it unlocked. The image is
    /// checked first; on any error no vault is left behind.
    pub fn restore(
        paths: &VaultPaths,
        passphrase: &Passphrase,
        image: &[u8],
    ) -> Result<Vault, VaultError> {
        Self::restore_with(paths, passphrase, image, KdfParams::RFC9106_SECOND, &mut OsRng)
    }

    pub fn restore_with(
        paths: &VaultPaths,
        passphrase: &Passphrase,
        image: &[u8],
        kdf: KdfParams,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Vault, VaultError> {
        let (key, slot) = Self::new_key(paths, passphrase, kdf, rng)?;
        store::restore(&paths.database(), &key, image)?;
        let opened = store::open(&paths.database(), &key, false).and_then(|conn| {
            // The search index is rebuilt from the entries rather than trusted from the image.
            conn.execute_batch("INSERT INTO entry_fts (entry_fts) VALUES ('rebuild')")?;
            Ok(conn)
        });
        let conn = match opened {
            Ok(conn) => conn,
            Err(e) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = paths.database().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
                return Err(e.into());
            }
        };
        Header::new(slot).write_atomically(&paths.key_file())?;
        Ok(Vault { paths: paths.clone(), key, conn, opened_with: SlotKind::Passphrase })
    }

    /// The whole journal as a plaintext database image, in memory only (wiped on drop),
    /// for an encrypted backup.
    pub fn snapshot(&self) -> Result<zeroize::Zeroizing<Vec<u8>>, VaultError> {
        Ok(store::snapshot(&self.conn)?)
    }

    /// What every new vault needs before its database is written: a strong passphrase,
    /// sane KDF parameters, no vault already there, then a fresh data key sealed in the
    /// passphrase slot.
    fn new_key(
        paths: &VaultPaths,
        passphrase: &Passphrase,
        kdf: KdfParams,
        rng: &mut impl CryptoRngCore,
    ) -> Result<(DataKey, Slot), VaultError> {
        if !strength::assess(passphrase.expose(), &[]).acceptable {
            return Err(VaultError::WeakPassphrase);
        }
        kdf.check()?;
        if paths.exists() || paths.database().exists() {
            return Err(VaultError::VaultExists);
        }
        crate::files::create_private_dir(paths.dir())?;
        // The lock file a re-key takes, made now so that opening the vault later (even with
        // a wrong passphrase) creates no file.
        drop(VaultLock::shared(paths)?);
        let key = DataKey::generate(rng);
        let slot =
            Slot::seal(SlotKind::Passphrase, kdf, passphrase.expose().as_bytes(), &key, rng)?;
        Ok((key, slot))
    }

    /// Unlocks with the passphrase. A wrong passphrase changes nothing on disk.
    pub fn unlock(paths: &VaultPaths, passphrase: &Passphrase) -> Result<Vault, VaultError> {
        rekey::finish_interrupted(paths)?;
        let header = Header::read(&paths.key_file())?;
        let slot = header
            .slot(SlotKind::Passphrase)
            .ok_or(VaultError::CorruptHeader("it has no passphrase slot"))?;
        let key = slot.open(passphrase.expose().as_bytes())?.ok_or(VaultError::WrongPassphrase)?;
        Self::open_database(paths, key, SlotKind::Passphrase)
    }

    /// Unlocks with a recovery key. A wrong key changes nothing on disk.
    pub fn unlock_with_recovery_key(
        paths: &VaultPaths,
        recovery: &RecoveryKey,
    ) -> Result<Vault, VaultError> {
        rekey::finish_interrupted(paths)?;
        let header = Header::read(&paths.key_file())?;
        let slot = header.slot(SlotKind::Recovery).ok_or(VaultError::WrongRecoveryKey)?;
        let key = slot.open(recovery.expose().as_bytes())?.ok_or(VaultError::WrongRecoveryKey)?;
        Self::open_database(paths, key, SlotKind::Recovery)
    }

    fn open_database(
        paths: &VaultPaths,
        key: DataKey,
        opened_with: SlotKind,
    ) -> Result<Vault, VaultError> {
        if !paths.database().exists() {
            return Err(VaultError::Corrupt);
        }
        let conn = store::open(&paths.database(), &key, false)?;
        Ok(Vault { paths: paths.clone(), key, conn, opened_with })
    }

    /// Whether this vault was opened with its recovery key (so the passphrase may be reset).
    pub fn opened_with_recovery_key(&self) -> bool {
        self.opened_with == SlotKind::Recovery
    }

    /// Sets a new passphrase without the old one, moving the journal to a new data key.
    /// Allowed only when the vault was opened with its recovery key, which keeps working
    /// afterwards (an older kind of recovery key is replaced, and the new one returned).
    pub fn reset_passphrase(&mut self, next: &Passphrase) -> Result<Rekeyed, VaultError> {
        self.reset_passphrase_with(next, &mut OsRng)
    }

    pub fn reset_passphrase_with(
        &mut self,
        next: &Passphrase,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Rekeyed, VaultError> {
        if !self.opened_with_recovery_key() {
            return Err(VaultError::RecoveryRequired);
        }
        Self::check_strength(next)?;
        self.rekey(next, RecoveryPlan::Keep, rng)
    }

    /// Checks that `passphrase` is the vault's current one (against the key file), for
    /// actions that last or send the journal outward. A wrong one changes nothing.
    pub fn verify_passphrase(&self, passphrase: &Passphrase) -> Result<(), VaultError> {
        let header = Header::read(&self.paths.key_file())?;
        let slot = header
            .slot(SlotKind::Passphrase)
            .ok_or(VaultError::CorruptHeader("it has no passphrase slot"))?;
        match slot.open(passphrase.expose().as_bytes())? {
            Some(k) if k.bytes() == self.key.bytes() => Ok(()),
            _ => Err(VaultError::WrongPassphrase),
        }
    }

    fn check_strength(next: &Passphrase) -> Result<(), VaultError> {
        if strength::assess(next.expose(), &[]).acceptable {
            Ok(())
        } else {
            Err(VaultError::WeakPassphrase)
        }
    }

    /// Changes the passphrase after checking the current one, moving the journal to a new
    /// data key. After a crash at any point exactly one of the two passphrases opens it.
    pub fn change_passphrase(
        &mut self,
        current: &Passphrase,
        next: &Passphrase,
    ) -> Result<Rekeyed, VaultError> {
        self.change_passphrase_with(current, next, &mut OsRng)
    }

    pub fn change_passphrase_with(
        &mut self,
        current: &Passphrase,
        next: &Passphrase,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Rekeyed, VaultError> {
        self.verify_passphrase(current)?;
        Self::check_strength(next)?;
        self.rekey(next, RecoveryPlan::Keep, rng)
    }

    /// Makes a new recovery key (replacing any earlier one) after checking the current
    /// passphrase, moving the journal to a new data key; the key, in `recovery_key`, is to
    /// be shown once.
    pub fn create_recovery_key(&mut self, current: &Passphrase) -> Result<Rekeyed, VaultError> {
        self.create_recovery_key_with(current, &mut OsRng)
    }

    pub fn create_recovery_key_with(
        &mut self,
        current: &Passphrase,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Rekeyed, VaultError> {
        self.verify_passphrase(current)?;
        self.rekey(current, RecoveryPlan::New, rng)
    }

    /// Removes the recovery key after checking the current passphrase, moving the journal
    /// to a new data key: afterwards only the passphrase opens it.
    pub fn remove_recovery_key(&mut self, current: &Passphrase) -> Result<Rekeyed, VaultError> {
        self.remove_recovery_key_with(current, &mut OsRng)
    }

    pub fn remove_recovery_key_with(
        &mut self,
        current: &Passphrase,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Rekeyed, VaultError> {
        self.verify_passphrase(current)?;
        if !self.has_recovery_key()? {
            return Err(VaultError::NoRecoveryKey);
        }
        self.rekey(current, RecoveryPlan::Remove, rng)
    }

    pub fn has_recovery_key(&self) -> Result<bool, VaultError> {
        Ok(Header::read(&self.paths.key_file())?.slot(SlotKind::Recovery).is_some())
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    pub fn journal(&self) -> Journal<'_> {
        Journal::new(&self.conn)
    }

    pub fn calendar(&self) -> crate::calendar::Calendar<'_> {
        crate::calendar::Calendar::new(&self.conn)
    }

    pub fn relationships(&self) -> crate::relationships::Relationships<'_> {
        crate::relationships::Relationships::new(&self.conn)
    }

    pub fn guide(&self) -> crate::guide::Guide<'_> {
        crate::guide::Guide::new(&self.conn)
    }

    pub fn conversations(&self) -> crate::conversation::Conversations<'_> {
        crate::conversation::Conversations::new(&self.conn)
    }

    pub fn commitments(&self) -> crate::ledger::Commitments<'_> {
        crate::ledger::Commitments::new(&self.conn)
    }

    pub fn progress(&self) -> crate::progress::Progress<'_> {
        crate::progress::Progress::new(&self.conn)
    }

    pub fn safety(&self) -> crate::safety::Safety<'_> {
        crate::safety::Safety::new(&self.conn)
    }

    pub fn shares(&self) -> crate::share::Shares<'_> {
        crate::share::Shares::new(&self.conn)
    }

    pub fn search(&self) -> crate::search::Search<'_> {
        crate::search::Search::new(&self.conn)
    }

    pub fn settings(&self) -> SettingsStore<'_> {
        SettingsStore::new(&self.conn)
    }

    /// The open connection, for integrity checks, benchmarks and the modules that add their
    /// own operations to the vault (`transfer`'s backups, exports and imports).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Locks: closes the database and wipes the key (the same as dropping the vault).
    pub fn lock(self) {
        drop(self);
    }
}

impl KdfParams {
    /// The stronger of two parameter sets, field by field.
    fn max_with(self, other: KdfParams) -> KdfParams {
        KdfParams {
            algorithm: self.algorithm,
            memory_kib: self.memory_kib.max(other.memory_kib),
            iterations: self.iterations.max(other.iterations),
            parallelism: self.parallelism.max(other.parallelism),
        }
    }
}

impl Vault {
    /// The settings screen's view: stored settings plus whether a recovery key exists.
    pub fn current_settings(&self) -> Result<crate::Settings, VaultError> {
        Ok(crate::Settings {
            auto_lock_minutes: self.settings().auto_lock_minutes().map_err(settings_error)?,
            has_recovery_key: self.has_recovery_key()?,
        })
    }
}

fn settings_error(e: crate::settings::SettingsError) -> VaultError {
    match e {
        crate::settings::SettingsError::Storage(e) => VaultError::Storage(StoreError::Sqlite(e)),
        _ => VaultError::Internal("setting out of range"),
    }
}

impl Vault {
    /// Every reminder the vault asks for (daily, weekly, commitments): times only, to be
    /// kept outside the vault so they fire while it is locked. The weekly look back
    /// points at the relationship whose checklist it opens, when there is one.
    pub fn reminder_schedule(&self) -> Result<Vec<crate::reminders::Reminder>, VaultError> {
        let settings = self.settings().reminders().map_err(settings_error)?;
        let mut all = settings.reminders().map_err(settings_error)?;
        let relationships: Vec<i64> = self
            .relationships()
            .list()
            .map_err(|e| match e {
                crate::relationships::RelationshipError::Storage(e) => {
                    VaultError::Storage(StoreError::Sqlite(e))
                }
                _ => VaultError::Internal("the relationships could not be read"),
            })?
            .iter()
            .map(|r| r.id)
            .collect();
        let look_back = crate::reminders::weekly_look_back_on(&relationships);
        for weekly in
            all.iter_mut().filter(|r| r.kind == crate::reminders::ReminderKind::WeeklyReview)
        {
            weekly.relationship_id = look_back;
        }
        all.extend(self.commitments().reminders().map_err(|e| match e {
            crate::ledger::CommitmentError::Storage(e) => {
                VaultError::Storage(StoreError::Sqlite(e))
            }
            _ => VaultError::Internal("a commitment's reminder could not be read"),
        })?);
        all.extend(self.progress().reminders().map_err(|e| match e {
            crate::progress::ProgressError::Storage(e) => {
                VaultError::Storage(StoreError::Sqlite(e))
            }
            _ => VaultError::Internal("a check-in reminder could not be read"),
        })?);
        Ok(all)
    }
}
