//! The one error type that crosses IPC: a code the UI branches on, a sentence it may
//! show and, for refused input, the input field at fault (so a form shows the sentence
//! beside that field). The code and field come from the core error's `ErrorKind`, the
//! sentence from its message; never carries SQL or anything the user wrote.
use mend_core::calendar::CalendarError;
use mend_core::conversation::ConversationError;
use mend_core::error::{ErrorKind, Origin, Secret};
use mend_core::guide::GuideError;
use mend_core::ledger::CommitmentError;
use mend_core::ledger::RuleError;
use mend_core::progress::ProgressError;
use mend_core::relationships::RelationshipError;
use mend_core::safety::SafetyError;
use mend_core::settings::SettingsError;
use mend_core::share::{ShareError, SharingError};
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
    /// The input field at fault, as the command's input names it ("startsOn", "days").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: None }
    }

    fn from_kind(kind: ErrorKind, message: String) -> Self {
        let field = match kind {
            ErrorKind::InvalidInput { field } => field.map(str::to_owned),
            _ => None,
        };
        Self { code: kind.into(), message, field }
    }

    /// Refused input, with the input field at fault.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: message.into(),
            field: Some(field.to_owned()),
        }
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

impl From<ErrorKind> for ErrorCode {
    fn from(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::NoVault => ErrorCode::NoVault,
            ErrorKind::Conflict => ErrorCode::VaultExists,
            ErrorKind::Locked => ErrorCode::Locked,
            ErrorKind::WrongSecret(Secret::Passphrase) => ErrorCode::WrongPassphrase,
            ErrorKind::WrongSecret(Secret::RecoveryKey) => ErrorCode::WrongRecoveryKey,
            ErrorKind::RecoveryRequired => ErrorCode::RecoveryRequired,
            ErrorKind::WeakSecret => ErrorCode::WeakPassphrase,
            ErrorKind::Damaged(Origin::Vault) => ErrorCode::CorruptVault,
            ErrorKind::TooNew(Origin::Vault) => ErrorCode::UnsupportedVault,
            ErrorKind::NotFound => ErrorCode::NotFound,
            // A damaged or too-new file the user chose is, to the UI, input it refuses.
            ErrorKind::InvalidInput { .. }
            | ErrorKind::TooLarge
            | ErrorKind::Damaged(Origin::Import)
            | ErrorKind::TooNew(Origin::Import) => ErrorCode::InvalidInput,
            ErrorKind::Io => ErrorCode::Storage,
            ErrorKind::Internal => ErrorCode::Internal,
        }
    }
}

/// Each core error crosses IPC as its kind's code and its own sentence.
macro_rules! from_core_errors {
    ($($error:ty),* $(,)?) => {$(
        impl From<$error> for IpcError {
            fn from(e: $error) -> Self {
                IpcError::from_kind(e.kind(), sentence(&e))
            }
        }
    )*};
}

from_core_errors!(
    CalendarError,
    RuleError,
    VaultError,
    JournalError,
    SettingsError,
    RelationshipError,
    GuideError,
    ConversationError,
    CommitmentError,
    ProgressError,
    SafetyError,
    TransferError,
    SharingError,
    ShareError,
);

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

    #[test]
    fn every_error_kind_maps_to_a_code() {
        let expected = [
            ErrorCode::NoVault,
            ErrorCode::NotFound,
            ErrorCode::InvalidInput,
            ErrorCode::InvalidInput,
            ErrorCode::VaultExists,
            ErrorCode::Locked,
            ErrorCode::WrongPassphrase,
            ErrorCode::WrongRecoveryKey,
            ErrorCode::WeakPassphrase,
            ErrorCode::RecoveryRequired,
            ErrorCode::CorruptVault,
            ErrorCode::InvalidInput,
            ErrorCode::InvalidInput,
            ErrorCode::UnsupportedVault,
            ErrorCode::InvalidInput,
            ErrorCode::Storage,
            ErrorCode::Internal,
        ];
        for (kind, code) in ErrorKind::ALL.into_iter().zip(expected) {
            assert_eq!(ErrorCode::from(kind), code, "{kind:?}");
        }
    }

    #[test]
    fn codes_match_the_hand_mapping_they_replace() {
        use mend_core::time::dates::DateError;
        let cases: [(IpcError, ErrorCode); 12] = [
            (VaultError::NoRecoveryKey.into(), ErrorCode::WrongRecoveryKey),
            (VaultError::Foreign.into(), ErrorCode::InvalidInput),
            (VaultError::RekeyUnfinished.into(), ErrorCode::Locked),
            (VaultError::Unsupported(9).into(), ErrorCode::UnsupportedVault),
            (VaultError::CorruptHeader("x").into(), ErrorCode::CorruptVault),
            (JournalError::TooLong.into(), ErrorCode::InvalidInput),
            (GuideError::Journal(JournalError::NotFound).into(), ErrorCode::NotFound),
            (RelationshipError::InvalidDate(DateError::InFuture).into(), ErrorCode::InvalidInput),
            (TransferError::TooNew.into(), ErrorCode::InvalidInput),
            (TransferError::TooManyFiles(3).into(), ErrorCode::InvalidInput),
            (TransferError::VaultExists.into(), ErrorCode::VaultExists),
            (TransferError::Vault(VaultError::Corrupt).into(), ErrorCode::CorruptVault),
        ];
        for (e, code) in cases {
            assert_eq!(e.code, code, "{}", e.message);
        }
        let nested = IpcError::from(TransferError::Vault(VaultError::WrongPassphrase));
        assert_eq!(nested.message, "That passphrase did not open the vault.");
    }

    #[test]
    fn refused_input_names_its_field() {
        let e = IpcError::from(RuleError::WeeksApart);
        assert_eq!(e.field.as_deref(), Some("weeksApart"));
        assert_eq!(e.message, "Please choose how many weeks apart, from 2 to 52.");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["field"], "weeksApart");
        let e = IpcError::from(CommitmentError::InvalidField {
            field: "dueTime",
            message: "that time couldn't be read. Please choose it again",
        });
        assert_eq!(
            (e.code, e.field.as_deref(), e.message.as_str()),
            (
                ErrorCode::InvalidInput,
                Some("dueTime"),
                "That time couldn't be read. Please choose it again."
            )
        );
        assert_eq!(IpcError::from(JournalError::TooLong).field, None);
    }
}
