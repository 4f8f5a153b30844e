//! Why a contact code, a stored identity or a share was refused. Every message is a fixed
//! sentence: none quotes the file, the code that was typed or anything a person wrote.
use crate::error::{ErrorKind, Origin, Secret};

/// Why a typed or pasted contact code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("there is no contact code here")]
    Empty,
    #[error("this is not a Mend contact code: a contact code starts with mend1")]
    WrongKind,
    #[error("this is a secret key, not a contact code: never give it to anyone")]
    SecretKey,
    #[error("this contact code is too short or too long: part of it is missing or doubled")]
    WrongLength,
    #[error("a character is wrong or missing: please compare the code again")]
    WrongCharacter,
    #[error("this code has a character that never appears in a contact code")]
    InvalidCharacter,
    #[error("this contact code was made by a newer version of Mend")]
    TooNew,
}

impl CodeError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            CodeError::TooNew => ErrorKind::TooNew(Origin::Import),
            _ => ErrorKind::InvalidInput { field: Some("code") },
        }
    }
}

/// Why an identity exported from a vault could not be read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    #[error("the stored Mend identity is damaged")]
    Damaged,
    #[error("the stored Mend identity was made by a newer version of Mend")]
    TooNew,
    #[error("the Mend identity could not be derived")]
    Internal,
}

impl IdentityError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            IdentityError::Damaged => ErrorKind::Damaged(Origin::Vault),
            IdentityError::TooNew => ErrorKind::TooNew(Origin::Vault),
            IdentityError::Internal => ErrorKind::Internal,
        }
    }
}

/// Why a share could not be sealed, or why a `.mendshare` file was refused. Each refusal
/// has its own variant; opening a share that is refused changes nothing.
#[derive(Debug, thiserror::Error)]
pub enum ShareError {
    #[error("this file is not a Mend share")]
    NotAShare,
    #[error("this share is damaged and cannot be read")]
    Damaged,
    #[error("this share is incomplete: its end is missing, perhaps from an unfinished copy")]
    Truncated,
    #[error("this file is larger than any share Mend opens (the limit is 16 MiB)")]
    TooLarge,
    #[error("this share was sealed for someone else")]
    NotForYou,
    #[error("this share was sealed with a passphrase: it opens with that passphrase")]
    NeedsPassphrase,
    #[error("that passphrase does not open this share")]
    WrongPassphrase,
    #[error("this share asks for more work to open than Mend allows, so it was not opened")]
    TooMuchWork,
    #[error("this share's signature does not match the person it says it is from: it was changed or forged")]
    WronglySigned,
    #[error("this share is older than one already received from the same person")]
    Older,
    #[error("this share has already been received")]
    AlreadyReceived,
    #[error("this share was made by a newer version of Mend")]
    UnknownVersion,
    /// One of the limits in [`super::payload`]; the sentence names it.
    #[error("{0}")]
    OverLimit(&'static str),
    #[error("a share needs at least one item")]
    Empty,
    #[error("the share could not be sealed")]
    Internal,
    #[error("the file could not be read")]
    Io(#[from] std::io::Error),
}

impl ShareError {
    /// What kind of failure this is, for callers that branch on it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::NotAShare | Self::Damaged | Self::Truncated | Self::WronglySigned => {
                ErrorKind::Damaged(Origin::Import)
            }
            Self::TooLarge | Self::OverLimit(_) => ErrorKind::TooLarge,
            Self::NotForYou | Self::NeedsPassphrase | Self::TooMuchWork | Self::Empty => {
                ErrorKind::INVALID
            }
            Self::WrongPassphrase => ErrorKind::WrongSecret(Secret::Passphrase),
            Self::Older | Self::AlreadyReceived => ErrorKind::Conflict,
            Self::UnknownVersion => ErrorKind::TooNew(Origin::Import),
            Self::Internal => ErrorKind::Internal,
            Self::Io(_) => ErrorKind::Io,
        }
    }
}
