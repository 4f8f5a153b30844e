//! Mend's domain: the encrypted vault and the journal inside it.
//!
//! Invariants held by this crate:
//! - It knows nothing of Tauri or the web view; the app and the tests drive it directly.
//! - Journal text only ever lives inside the SQLCipher database. Errors carry codes and
//!   fixed sentences, never SQL text or anything the user wrote.
//! - Keys and passphrases are held in zeroizing types that cannot be printed or serialised.
//! - Time comes from an injected [`Clock`]; this crate never reads the system clock itself.
// unwrap_used and expect_used are denied workspace-wide ([workspace.lints]); panic here too.
#![deny(clippy::panic)]

pub mod apology;
pub mod appearance;
pub mod calendar;
pub mod conversation;
pub mod error;
pub mod files;
pub mod frameworks;
pub mod guide;
pub mod journal;
pub mod ledger;
pub mod process;
pub mod progress;
pub mod relationships;
pub mod reminders;
pub mod repeat;
pub mod safety;
pub mod search;
pub mod secret;
pub mod settings;
pub mod share;
pub mod store;
pub mod strength;
pub mod time;
pub mod transfer;
pub mod vault;

pub use error::ErrorKind;
pub use journal::{Cursor, Entry, EntryMeta, Journal, JournalError, TimelinePage};
pub use secret::{Passphrase, RecoveryKey};
pub use settings::Settings;
pub use time::{Clock, FixedClock, IdleTimer, SystemClock};
pub use vault::{Vault, VaultError, VaultPaths};
