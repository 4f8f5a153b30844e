//! Shares: chosen pages passed from one vault to another person as a `.mendshare` file,
//! sealed so only they can open it and signed so they can tell whom it came from.
//!
//! - [`Identity`] is a vault's key material (age X25519 for sealing, Ed25519 for signing,
//!   both derived from one seed); [`ContactCode`] is its public half as readable text.
//! - [`seal`] signs a [`Share`] payload and encrypts it to a contact or a passphrase;
//!   [`open`] undoes that and refuses anything it cannot vouch for.
//! - [`preview`] renders a share's items as the words its receiver will read, for the
//!   sender before sealing and the receiver after opening.
//! - [`Shares`] (`Vault::shares`) keeps all of it in the vault: the identity, each
//!   relationship's contacts, shares made from a [`Selection`], shares received, and
//!   received items linked as evidence of a checklist step.
//!
//! Invariants:
//! - The secret half of an identity never prints, clones or serialises; it leaves memory
//!   only as [`Identity::to_bytes`], for storage inside the encrypted vault.
//! - The signature covers the exact payload bytes, which name the sender, the recipient
//!   (a contact code, or "passphrase"), the creation time and the sender's sequence: a
//!   share cannot be re-addressed, replayed as newer, or altered without detection.
//! - Opening reads bytes already in memory and writes nothing; it checks the size before
//!   anything else, and each refusal is its own [`ShareError`] whose message quotes
//!   nothing from the file.
//! - A share is accepted only if its signature holds, it is addressed to the identity or
//!   passphrase that opened it, it keeps every limit in [`payload`], and its sequence is
//!   above the last one the caller says it received from that sender.
//!
//! The format is described in EXPORT-FORMAT.md, "Shares (.mendshare)".
mod candidates;
mod code;
mod envelope;
mod error;
mod evidence;
mod identity;
mod open;
mod outgoing;
pub mod payload;
mod preview;
mod received;
mod seal;
mod store;
#[cfg(test)]
mod tests;

pub use candidates::{
    Candidates, CommitmentCandidate, DecisionCandidate, EntryCandidate, MarkCandidate,
    MAX_OFFERED_ENTRIES,
};
pub use code::{ContactCode, CODE_CHARS, CODE_HRP};
pub use envelope::{ENVELOPE_VERSION, MAX_SHARE_BYTES};
pub use error::{CodeError, IdentityError, ShareError};
pub use evidence::LinkedItem;
pub use identity::Identity;
pub use open::{needs_passphrase, open, read_capped, OpenWith, MAX_WORK_FACTOR};
pub use outgoing::{Sealed, Selection, ShareTo};
pub use payload::{
    Addressee, ItemKey, KeyedItem, Share, SharedCheckIn, SharedCommitment, SharedDecision,
    SharedEntry, SharedEvidence, SharedItem, SharedMark, SharedNote, SharedOccurrence,
    PAYLOAD_VERSION,
};
pub use preview::{preview, preview_text, ItemPreview, ALSO_IN_THE_FILE};
pub use received::{FromSender, Opened, ReceivedItem, TheirCommitment};
pub use seal::{seal, SealTo, PASSPHRASE_WORK_FACTOR};
pub use store::{Contact, Shares, SharingError, MAX_CONTACT_NAME_CHARS};

/// The file name extension of a share.
pub const EXTENSION: &str = "mendshare";
