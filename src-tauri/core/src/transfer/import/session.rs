//! An import between choosing a file and confirming it.
//!
//! Invariants: the parsed batch (journal text) lives only in memory, never on disk, and
//! only as long as the session; the app drops the session when the vault locks. The
//! preview and the import follow the same plan against the vault, so what the person
//! was shown is what is written (a duplicate added in between is skipped, not doubled).
use super::{read, ImportBatch, ImportFormat, ImportOutcome, ImportPreview};
use crate::transfer::TransferError;
use crate::vault::Vault;
use std::ops::ControlFlow;
use std::path::Path;

/// A file or folder read and parsed in full, waiting to be previewed and then imported
/// or dropped. Deliberately not `Debug`: it holds journal text.
pub struct ImportSession {
    batch: ImportBatch,
    source: String,
}

impl ImportSession {
    /// Reads and parses the file or folder at `path` in `format`; writes nothing. Local
    /// times in the source (jrnl, Markdown) are read in `tz`.
    pub fn read(
        format: ImportFormat,
        path: &Path,
        tz: chrono_tz::Tz,
    ) -> Result<ImportSession, TransferError> {
        let source = path.file_name().map(|n| n.to_string_lossy().into_owned());
        Ok(ImportSession { batch: read(format, path, tz)?, source: source.unwrap_or_default() })
    }

    /// The file or folder's name (not its whole path), as the person will recognise it.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// What importing into `vault` would do; writes nothing.
    pub fn preview(&self, vault: &Vault) -> Result<ImportPreview, TransferError> {
        vault.importer().preview(&self.batch)
    }

    /// Imports into `vault` in one transaction (all of it or, on any error, none of it),
    /// and ends the session.
    pub fn apply(self, vault: &Vault) -> Result<ImportOutcome, TransferError> {
        vault.importer().apply(&self.batch)
    }

    /// [`Self::apply`], telling `progress` how far it has got after every chunk; when
    /// `progress` answers `Break`, nothing is written and the answer is `None`. See
    /// [`super::Importer::apply_with`].
    pub fn apply_with(
        self,
        vault: &Vault,
        progress: impl FnMut(usize, usize) -> ControlFlow<()>,
    ) -> Result<Option<ImportOutcome>, TransferError> {
        vault.importer().apply_with(&self.batch, progress)
    }
}
