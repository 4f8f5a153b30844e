//! Getting a journal in and out: encrypted backups, open exports and imports.
//!
//! Invariants:
//! - A backup is the whole database, encrypted with age to a passphrase; its plaintext
//!   exists only in memory, never in a file.
//! - An import is parsed in full and previewed before anything is written, then applied
//!   in one transaction: a malformed file changes nothing.
//! - Every input is read with a size cap, and nothing in a file's content chooses a path.
//! - This module depends on `vault`, never the reverse: the operations over an unlocked
//!   vault (`Vault::backup_to`, `Vault::restore_from`, `Vault::export_json_to`,
//!   `Vault::export_markdown_to`, `Vault::importer`, [`import::ImportSession`]) are
//!   defined here, each as one call for the app to make.
pub mod backup;
pub mod export;
pub mod import;

use crate::error::{ErrorKind, Origin, Secret};
use std::path::PathBuf;

/// What a backup or an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file (a backup, a JSON export) or the new folder (a Markdown export).
    pub path: PathBuf,
    /// How many entries went into it; `None` for a backup, which holds the whole vault.
    pub entries: Option<usize>,
}

/// What went wrong moving a journal in or out. Messages name where a file is malformed,
/// but never quote what it says.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// `location` is "line 12", "entries[3].creationDate", "notes/2020-01-02.md" and so on.
    #[error("{location}: {problem}")]
    Malformed { location: String, problem: String },
    #[error("that file is too large to import (the limit is {limit_mib} MiB)")]
    TooLarge { limit_mib: u64 },
    #[error("that folder holds too many files to import at once (the limit is {0})")]
    TooManyFiles(usize),
    #[error("there was nothing to import in that file")]
    Empty,
    #[error("that passphrase did not open the backup")]
    WrongPassphrase,
    #[error("that file is not a Mend backup")]
    NotABackup,
    #[error("that backup asks for more work to open than Mend allows, so it was not opened")]
    TooMuchWork,
    #[error("that backup was made by a newer version of Mend")]
    TooNew,
    #[error("a vault already exists there")]
    VaultExists,
    #[error("that passphrase is too easy to guess")]
    WeakPassphrase,
    #[error("the file could not be read or written")]
    Io(#[from] std::io::Error),
    #[error("the vault's database reported an error")]
    Storage(#[from] rusqlite::Error),
    #[error("{0}")]
    Vault(#[from] crate::vault::VaultError),
}

impl TransferError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Vault(v) => v.kind(),
            Self::WrongPassphrase => ErrorKind::WrongSecret(Secret::Passphrase),
            Self::WeakPassphrase => ErrorKind::WeakSecret,
            Self::VaultExists => ErrorKind::Conflict,
            Self::Io(_) | Self::Storage(_) => ErrorKind::Io,
            Self::Malformed { .. } | Self::Empty | Self::TooMuchWork => ErrorKind::INVALID,
            Self::TooLarge { .. } | Self::TooManyFiles(_) => ErrorKind::TooLarge,
            Self::NotABackup => ErrorKind::Damaged(Origin::Import),
            Self::TooNew => ErrorKind::TooNew(Origin::Import),
        }
    }
}

impl TransferError {
    pub(crate) fn malformed(location: impl Into<String>, problem: impl Into<String>) -> Self {
        TransferError::Malformed { location: location.into(), problem: problem.into() }
    }
}
