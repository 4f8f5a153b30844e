//! The one error type that crosses IPC: a code the UI branches on and a sentence it may
//! show. Built from the core's error enums; never carries SQL or anything the user wrote.
use mend_core::commitments::CommitmentError;
use mend_core::conversation::ConversationError;
use mend_core::guide::GuideError;
use mend_core::progress::ProgressError;
use mend_core::relationships::RelationshipError;
use mend_core::safety::SafetyError;
use mend_core::settings::SettingsError;
use mend_core::transfer::TransferError;
use mend_core::{JournalError, VaultError};
use serde::Serialize;
use ts_rs::TS;

/// What went wrong, as a code the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorCode {
    NoVault,
    VaultExists,
    Locked,
    WrongPassphrase,
    WrongRecoveryKey,
    RecoveryRequired,
    WeakPassphrase,
    CorruptVault,
    UnsupportedVault,
    NotFound,
    InvalidInput,
    Storage,
    Internal,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }

    pub fn locked() -> Self {
        Self::new(ErrorCode::Locked, "The vault is locked.")
    }
}

fn sentence(e: &impl std::fmt::Display) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

impl From<VaultError> for IpcError {
    fn from(e: VaultError) -> Self {
        let code = match &e {
            VaultError::NoVault => ErrorCode::NoVault,
            VaultError::VaultExists => ErrorCode::VaultExists,
            VaultError::WrongPassphrase => ErrorCode::WrongPassphrase,
            VaultError::WrongRecoveryKey | VaultError::NoRecoveryKey => ErrorCode::WrongRecoveryKey,
            VaultError::WeakPassphrase => ErrorCode::WeakPassphrase,
            VaultError::RecoveryRequired => ErrorCode::RecoveryRequired,
            VaultError::CorruptHeader(_) | VaultError::Corrupt => ErrorCode::CorruptVault,
            VaultError::Unsupported(_) => ErrorCode::UnsupportedVault,
            VaultError::Foreign => ErrorCode::InvalidInput,
            VaultError::RekeyUnfinished => ErrorCode::Locked,
            VaultError::Io(_) | VaultError::Storage(_) => ErrorCode::Storage,
            VaultError::Internal(_) => ErrorCode::Internal,
        };
        IpcError::new(code, sentence(&e))
    }
}

impl From<JournalError> for IpcError {
    fn from(e: JournalError) -> Self {
        let code = match &e {
            JournalError::NotFound | JournalError::RelationshipNotFound => ErrorCode::NotFound,
            JournalError::Empty | JournalError::TooLong | JournalError::InvalidMeta(_) => {
                ErrorCode::InvalidInput
            }
            JournalError::Storage(_) => ErrorCode::Storage,
        };
        IpcError::new(code, sentence(&e))
    }
}

impl From<SettingsError> for IpcError {
    fn from(e: SettingsError) -> Self {
        let code = match &e {
            SettingsError::AutoLockOutOfRange
            | SettingsError::BackupsOutOfRange
            | SettingsError::BadTime => ErrorCode::InvalidInput,
            SettingsError::Storage(_) => ErrorCode::Storage,
        };
        IpcError::new(code, sentence(&e))
    }
}

impl From<RelationshipError> for IpcError {
    fn from(e: RelationshipError) -> Self {
        let code = match &e {
            RelationshipError::NotFound => ErrorCode::NotFound,
            RelationshipError::InvalidName
            | RelationshipError::InvalidDate(_)
            | RelationshipError::TooLong => ErrorCode::InvalidInput,
            RelationshipError::Storage(_) => ErrorCode::Storage,
        };
        IpcError::new(code, sentence(&e))
    }
}

impl From<GuideError> for IpcError {
    fn from(e: GuideError) -> Self {
        match e {
            GuideError::Journal(j) => j.into(),
            e => {
                let code = match &e {
                    GuideError::RelationshipNotFound
                    | GuideError::UnknownStep
                    | GuideError::NotFound => ErrorCode::NotFound,
                    GuideError::NothingAnswered | GuideError::Invalid(_) => ErrorCode::InvalidInput,
                    GuideError::Storage(_) | GuideError::Journal(_) => ErrorCode::Storage,
                };
                IpcError::new(code, sentence(&e))
            }
        }
    }
}

impl From<ConversationError> for IpcError {
    fn from(e: ConversationError) -> Self {
        let code = match &e {
            ConversationError::NotFound | ConversationError::RelationshipNotFound => {
                ErrorCode::NotFound
            }
            ConversationError::InvalidDate(_) | ConversationError::Invalid(_) => {
                ErrorCode::InvalidInput
            }
            ConversationError::Storage(_) => ErrorCode::Storage,
        };
        IpcError::new(code, sentence(&e))
    }
}

impl From<CommitmentError> for IpcError {
    fn from(e: CommitmentError) -> Self {
        let code = match &e {
            CommitmentError::NotFound | CommitmentError::RelationshipNotFound => {
                ErrorCode::NotFound
            }
            CommitmentError::InvalidDate(_)
            | CommitmentError::InvalidRule(_)
            | CommitmentError::Invalid(_) => ErrorCode::InvalidInput,
            CommitmentError::Storage(_) => ErrorCode::Storage,
        };
        IpcError::new(code, sentence(&e))
    }
}

impl From<ProgressError> for IpcError {
    fn from(e: ProgressError) -> Self {
        let code = match &e {
            ProgressError::NotFound | ProgressError::RelationshipNotFound => ErrorCode::NotFound,
            ProgressError::InvalidDate(_)
            | ProgressError::InvalidRule(_)
            | ProgressError::Invalid(_) => ErrorCode::InvalidInput,
            ProgressError::Storage(_) => ErrorCode::Storage,
        };
        IpcError::new(code, sentence(&e))
    }
}

impl From<SafetyError> for IpcError {
    fn from(e: SafetyError) -> Self {
        let code = match &e {
            SafetyError::RelationshipNotFound => ErrorCode::NotFound,
            SafetyError::Invalid(_) => ErrorCode::InvalidInput,
            SafetyError::Storage(_) => ErrorCode::Storage,
        };
        IpcError::new(code, sentence(&e))
    }
}

impl From<TransferError> for IpcError {
    fn from(e: TransferError) -> Self {
        let code = match e {
            TransferError::Vault(v) => return v.into(),
            TransferError::WrongPassphrase => ErrorCode::WrongPassphrase,
            TransferError::WeakPassphrase => ErrorCode::WeakPassphrase,
            TransferError::VaultExists => ErrorCode::VaultExists,
            TransferError::Io(_) | TransferError::Storage(_) => ErrorCode::Storage,
            TransferError::Malformed { .. }
            | TransferError::TooLarge { .. }
            | TransferError::TooManyFiles(_)
            | TransferError::Empty
            | TransferError::NotABackup
            | TransferError::TooMuchWork
            | TransferError::TooNew => ErrorCode::InvalidInput,
        };
        IpcError::new(code, sentence(&e))
    }
}

pub type CmdResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_sentences_and_codes_are_stable() {
        let e = IpcError::from(VaultError::WrongPassphrase);
        assert_eq!(e.code, ErrorCode::WrongPassphrase);
        assert_eq!(e.message, "That passphrase did not open the vault.");
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"code":"wrongPassphrase","message":"That passphrase did not open the vault."}"#
        );
    }
}
