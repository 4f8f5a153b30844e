//! Encrypted backups: the whole database image, encrypted with age to a passphrase
//! (an scrypt recipient), so any age tool can also open it.
//!
//! Writing goes to a hidden temporary file beside the target, synced, then renamed over
//! it: a crash leaves the old backup or the new one, never half of one. Reading caps the
//! scrypt work factor and the decrypted size, so a hostile file cannot exhaust the machine.
use super::{TransferError, Written};
use crate::files;
use crate::secret::Passphrase;
use crate::strength;
use crate::vault::{Vault, VaultPaths};
use age::secrecy::SecretString;
use chrono::{DateTime, Utc};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The file name extension of a Mend backup (an age file).
pub const EXTENSION: &str = "mendbackup";
/// The largest backup Mend will open: 4 GiB decrypted.
pub const MAX_IMAGE_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// The most scrypt work (log2 N) Mend accepts when opening a backup: 2^22 is about
/// 4 GiB of memory-hard work, far beyond what Mend itself writes.
pub const MAX_WORK_FACTOR: u8 = 22;
/// The work factor of backups the person makes: 2^18 (256 MiB), age's usual strength.
pub const MANUAL_WORK_FACTOR: u8 = 18;
/// Automatic backups cost a guesser as much as manual ones: they sit in a known folder.
pub const AUTOMATIC_WORK_FACTOR: u8 = MANUAL_WORK_FACTOR;
/// Automatic backups live in this folder of the data folder, named `auto-<random>.mendbackup`
/// (nothing in a name records when the journal was opened).
pub const AUTOMATIC_FOLDER: &str = VaultPaths::AUTOMATIC_BACKUPS;

fn secret(passphrase: &Passphrase) -> SecretString {
    SecretString::from(passphrase.expose().to_owned())
}

/// Encrypts a database image to `passphrase` and writes it to `out`.
pub fn encrypt(
    image: &[u8],
    passphrase: &Passphrase,
    work_factor: u8,
    out: impl Write,
) -> Result<(), TransferError> {
    let mut recipient = age::scrypt::Recipient::new(secret(passphrase));
    recipient.set_work_factor(work_factor.clamp(1, MAX_WORK_FACTOR));
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as _))
        .map_err(|_| TransferError::NotABackup)?;
    let mut writer = encryptor.wrap_output(out)?;
    writer.write_all(image)?;
    writer.finish()?.flush()?;
    Ok(())
}

/// Decrypts a backup read from `input`: the database image, wiped when dropped.
pub fn decrypt(
    input: impl Read,
    passphrase: &Passphrase,
) -> Result<Zeroizing<Vec<u8>>, TransferError> {
    let decryptor = age::Decryptor::new_buffered(std::io::BufReader::new(input))
        .map_err(|_| TransferError::NotABackup)?;
    if !decryptor.is_scrypt() {
        return Err(TransferError::NotABackup);
    }
    let mut identity = age::scrypt::Identity::new(secret(passphrase));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let reader = decryptor.decrypt(std::iter::once(&identity as _)).map_err(|e| match e {
        age::DecryptError::ExcessiveWork { .. } => TransferError::TooMuchWork,
        age::DecryptError::DecryptionFailed
        | age::DecryptError::KeyDecryptionFailed
        | age::DecryptError::NoMatchingKeys => TransferError::WrongPassphrase,
        age::DecryptError::Io(io) => TransferError::Io(io),
        _ => TransferError::NotABackup,
    })?;
    let mut image = Zeroizing::new(Vec::new());
    reader.take(MAX_IMAGE_BYTES + 1).read_to_end(&mut image).map_err(|e| {
        // The payload's authentication failed part-way: damaged or tampered with.
        if e.kind() == std::io::ErrorKind::InvalidData {
            TransferError::NotABackup
        } else {
            TransferError::Io(e)
        }
    })?;
    if image.len() as u64 > MAX_IMAGE_BYTES {
        return Err(TransferError::TooLarge { limit_mib: MAX_IMAGE_BYTES / (1024 * 1024) });
    }
    Ok(image)
}

/// Writes a backup of `image` to `path`, atomically. The passphrase must be strong
/// enough to be a vault passphrase, since restoring makes it one.
pub fn save(
    image: &[u8],
    passphrase: &Passphrase,
    work_factor: u8,
    path: &Path,
) -> Result<(), TransferError> {
    check_passphrase(passphrase)?;
    write_atomically(image, passphrase, work_factor, path)
}

/// A backup's passphrase must be strong enough to be a vault passphrase, since restoring
/// makes it one.
pub fn check_passphrase(passphrase: &Passphrase) -> Result<(), TransferError> {
    if strength::assess(passphrase.expose(), &[]).acceptable {
        Ok(())
    } else {
        Err(TransferError::WeakPassphrase)
    }
}

/// Encrypts into a hidden temporary file beside `path`, syncs it, renames it into place.
fn write_atomically(
    image: &[u8],
    passphrase: &Passphrase,
    work_factor: u8,
    path: &Path,
) -> Result<(), TransferError> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // tempfile makes the file owner-only (0600).
    let mut temp = tempfile::Builder::new()
        .prefix(VaultPaths::partial_backup_prefix())
        .suffix(".partial")
        .tempfile_in(dir)?;
    encrypt(image, passphrase, work_factor, std::io::BufWriter::new(temp.as_file_mut()))?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| TransferError::Io(e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Reads and decrypts the backup at `path`.
pub fn open(path: &Path, passphrase: &Passphrase) -> Result<Zeroizing<Vec<u8>>, TransferError> {
    decrypt(std::fs::File::open(path)?, passphrase)
}

/// The database image of a whole vault, wiped when dropped. It holds the journal in plain
/// text, so it is neither printable nor kept: it is encrypted and written, then dropped.
pub struct Snapshot(Zeroizing<Vec<u8>>);

impl Snapshot {
    /// Writes a backup to `path`, encrypted to `passphrase` at [`MANUAL_WORK_FACTOR`]
    /// (atomic, owner-only; the passphrase must be strong enough to be a vault's).
    pub fn save_to(&self, path: &Path, passphrase: &Passphrase) -> Result<Written, TransferError> {
        save(&self.0, passphrase, MANUAL_WORK_FACTOR, path)?;
        Ok(Written { path: path.to_owned(), entries: None })
    }
}

/// Restoring makes a new vault, so it is refused where one exists: checked before the
/// person is sent to choose a file, and again before a backup is decrypted.
pub fn check_restore_target(paths: &VaultPaths) -> Result<(), TransferError> {
    if paths.exists() {
        Err(TransferError::VaultExists)
    } else {
        Ok(())
    }
}

impl Vault {
    /// The checks before a manual backup's file is chosen: `current` must be the vault's
    /// passphrase (an unlocked Mend left alone must not hand the journal out) and
    /// `passphrase` strong enough to be a vault passphrase, since restoring makes it one.
    /// Wrong or weak, the person learns it before a file dialog, not after.
    pub fn check_backup(
        &self,
        current: &Passphrase,
        passphrase: &Passphrase,
    ) -> Result<(), TransferError> {
        self.verify_passphrase(current)?;
        check_passphrase(passphrase)
    }

    /// The whole journal in memory, for a manual backup: the only part of a backup that
    /// needs the vault. The slow part, encrypting it, is [`Snapshot::save_to`], run after
    /// the vault is let go so nothing the person saves meanwhile waits for scrypt.
    pub fn backup_snapshot(&self) -> Result<Snapshot, TransferError> {
        Ok(Snapshot(self.snapshot()?))
    }

    /// Backs the whole journal up to `path`: [`Vault::backup_snapshot`], then
    /// [`Snapshot::save_to`], in one call.
    pub fn backup_to(
        &self,
        path: &Path,
        passphrase: &Passphrase,
    ) -> Result<Written, TransferError> {
        self.backup_snapshot()?.save_to(path, passphrase)
    }

    /// Makes a new vault at `paths` from the backup at `backup`, opened (and afterwards
    /// unlocked) with the backup's `passphrase`. Only where no vault exists yet; on any
    /// error no vault is left behind.
    pub fn restore_from(
        paths: &VaultPaths,
        backup: &Path,
        passphrase: &Passphrase,
    ) -> Result<Vault, TransferError> {
        check_restore_target(paths)?;
        let image = open(backup, passphrase)?;
        Ok(Vault::restore(paths, passphrase, &image)?)
    }
}

/// One automatic backup in the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutomaticBackup {
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
}

/// The automatic backups in `data_dir`, newest first (by the time each was written).
/// Files not named by Mend are ignored.
pub fn automatic_backups(data_dir: &Path) -> Result<Vec<AutomaticBackup>, TransferError> {
    let dir = data_dir.join(AUTOMATIC_FOLDER);
    let mut found = Vec::new();
    let listing = match std::fs::read_dir(&dir) {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
        Err(e) => return Err(e.into()),
    };
    for item in listing {
        let item = item?;
        let name = item.file_name();
        if !name.to_str().is_some_and(VaultPaths::is_automatic_backup_name) {
            continue;
        }
        let meta = item.metadata()?;
        if meta.is_file() {
            let taken_at = DateTime::<Utc>::from(meta.modified()?);
            found.push(AutomaticBackup { path: item.path(), taken_at, bytes: meta.len() });
        }
    }
    found.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    Ok(found)
}

/// Takes an automatic backup into `data_dir`, then overwrites and deletes all but the
/// newest `keep`. With `keep` of zero it takes none (and deletes none: turning them off
/// keeps old ones until the next change of passphrase removes them).
pub fn rotate(
    image: &[u8],
    passphrase: &Passphrase,
    data_dir: &Path,
    keep: u32,
) -> Result<Option<PathBuf>, TransferError> {
    rotate_with(image, passphrase, data_dir, keep, &mut rand_core::OsRng)
}

/// [`rotate`] with the randomness that names the file given.
pub fn rotate_with(
    image: &[u8],
    passphrase: &Passphrase,
    data_dir: &Path,
    keep: u32,
    rng: &mut impl rand_core::CryptoRngCore,
) -> Result<Option<PathBuf>, TransferError> {
    if keep == 0 {
        return Ok(None);
    }
    let dir = data_dir.join(AUTOMATIC_FOLDER);
    files::create_private_dir(&dir)?;
    let path = dir.join(VaultPaths::automatic_backup_name(rng));
    // The vault passphrase already passed the strength check when it was set.
    write_atomically(image, passphrase, AUTOMATIC_WORK_FACTOR, &path)?;
    // The one just written stays, and of the others the newest `keep - 1` (keep >= 1 here).
    for old in
        automatic_backups(data_dir)?.into_iter().filter(|b| b.path != path).skip(keep as usize - 1)
    {
        files::overwrite_and_remove(&old.path)?;
    }
    Ok(Some(path))
}
