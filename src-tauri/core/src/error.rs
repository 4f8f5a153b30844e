//! What kind of failure an error is, shared by every area's error enum.
//!
//! Each area keeps its own narrow `thiserror` enum (its sentences are the user-facing
//! text); `kind()` on each says which of these few kinds it is, so callers such as the
//! IPC layer branch on one small enum instead of matching every area's variants.
//!
//! Invariant: a kind carries no text from the user and no SQL, only fixed names.

/// Which secret did not open something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secret {
    Passphrase,
    RecoveryKey,
}

/// Whose data is damaged or too new: the vault itself, or a file the user chose to
/// bring in (a backup or an import).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Vault,
    Import,
}

/// The kind of a failure, independent of the area that reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// There is no vault in the data folder yet.
    NoVault,
    /// The record asked for (an entry, a relationship, a step...) does not exist.
    NotFound,
    /// The input was refused; `field` names the input when one field is at fault.
    InvalidInput { field: Option<&'static str> },
    /// Something already exists where a new one would be made.
    Conflict,
    /// The vault must be (re)opened before this can be done.
    Locked,
    /// A secret did not open the vault or the backup.
    WrongSecret(Secret),
    /// A new passphrase is too easy to guess.
    WeakSecret,
    /// Setting a passphrase without the current one needs the recovery key first.
    RecoveryRequired,
    /// The data cannot be read: it is damaged, or it is not Mend's.
    Damaged(Origin),
    /// The input is over one of Mend's limits.
    TooLarge,
    /// The data was written by a newer version of Mend.
    TooNew(Origin),
    /// Reading or writing the files or the database failed.
    Io,
    /// A bug in Mend, not something the user can fix.
    Internal,
}

impl ErrorKind {
    /// Every kind, for exhaustive mapping tests in callers.
    pub const ALL: [ErrorKind; 17] = [
        ErrorKind::NoVault,
        ErrorKind::NotFound,
        ErrorKind::InvalidInput { field: None },
        ErrorKind::InvalidInput { field: Some("name") },
        ErrorKind::Conflict,
        ErrorKind::Locked,
        ErrorKind::WrongSecret(Secret::Passphrase),
        ErrorKind::WrongSecret(Secret::RecoveryKey),
        ErrorKind::WeakSecret,
        ErrorKind::RecoveryRequired,
        ErrorKind::Damaged(Origin::Vault),
        ErrorKind::Damaged(Origin::Import),
        ErrorKind::TooLarge,
        ErrorKind::TooNew(Origin::Vault),
        ErrorKind::TooNew(Origin::Import),
        ErrorKind::Io,
        ErrorKind::Internal,
    ];

    /// Refused input with no single field to blame.
    pub const INVALID: ErrorKind = ErrorKind::InvalidInput { field: None };
}

/// Declares the error of an area that keeps records under a relationship (the ledger,
/// progress, conversations): one shape for all of them, with the same variants, the same
/// `kind()` and the same mapping from `RelationshipError`, and its own sentence for a
/// record that is gone. Unused variants cost nothing; a shared shape keeps the IPC
/// mapping and the UI's handling identical across the areas.
macro_rules! record_error {
    ($(#[$meta:meta])* $name:ident, gone: $gone:literal) => {
        $(#[$meta])*
        #[derive(Debug, thiserror::Error)]
        pub enum $name {
            #[error($gone)]
            NotFound,
            #[error("that relationship no longer exists")]
            RelationshipNotFound,
            #[error("{0}")]
            InvalidDate(#[from] $crate::time::dates::DateError),
            #[error("{0}")]
            InvalidRule(#[from] $crate::ledger::RuleError),
            #[error("{0}")]
            Invalid(&'static str),
            /// Refused input, with the input field at fault (`promise`, `on`, `startsOn`…).
            #[error("{message}")]
            InvalidField { field: &'static str, message: &'static str },
            #[error("the vault's database reported an error")]
            Storage(#[from] rusqlite::Error),
        }

        impl $name {
            /// What kind of failure this is, for callers that branch on it.
            pub fn kind(&self) -> $crate::error::ErrorKind {
                use $crate::error::ErrorKind;
                match self {
                    Self::NotFound | Self::RelationshipNotFound => ErrorKind::NotFound,
                    Self::InvalidDate(d) => d.kind(),
                    Self::InvalidRule(r) => r.kind(),
                    Self::Invalid(_) => ErrorKind::INVALID,
                    Self::InvalidField { field, .. } => {
                        ErrorKind::InvalidInput { field: Some(field) }
                    }
                    Self::Storage(_) => ErrorKind::Io,
                }
            }
        }

        impl From<$crate::relationships::RelationshipError> for $name {
            fn from(e: $crate::relationships::RelationshipError) -> Self {
                use $crate::relationships::RelationshipError;
                match e {
                    RelationshipError::Storage(e) => Self::Storage(e),
                    RelationshipError::InvalidDate(d)
                    | RelationshipError::InvalidHappenedOn(d) => Self::InvalidDate(d),
                    _ => Self::RelationshipNotFound,
                }
            }
        }
    };
}
pub(crate) use record_error;
