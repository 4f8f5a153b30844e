//! Sealing: the payload is signed with the sender's Ed25519 key, then encrypted with age
//! to the recipient's X25519 key or to a passphrase (scrypt).
use super::code::ContactCode;
use super::envelope::{frame_inner, frame_outer, signed_message};
use super::error::ShareError;
use super::identity::Identity;
use super::payload::{Addressee, KeyedItem, Share, PAYLOAD_VERSION};
use crate::secret::Passphrase;
use age::secrecy::SecretString;
use chrono::{DateTime, Utc};
use std::io::Write;

/// The scrypt work factor (log2 N) of shares sealed to a passphrase: age's usual 2^18.
pub const PASSPHRASE_WORK_FACTOR: u8 = 18;

/// Whom to seal a share to.
#[derive(Clone, Copy)]
pub enum SealTo<'a> {
    /// A contact's Mend identity: only that vault opens it.
    Contact(&'a ContactCode),
    /// Someone without Mend (or a counsellor): whoever knows the passphrase opens it.
    Passphrase(&'a Passphrase),
}

/// Signs and seals `items` (each keyed with [`Identity::item_key`]) from `sender`, ready to be written to a `.mendshare` file.
///
/// `sequence` must be above every sequence this identity used before (the caller keeps
/// the counter); `created_at` comes from the caller's clock. Nothing is written anywhere.
pub fn seal(
    sender: &Identity,
    to: SealTo<'_>,
    created_at: DateTime<Utc>,
    sequence: u64,
    items: Vec<KeyedItem>,
) -> Result<Vec<u8>, ShareError> {
    let share = Share {
        version: PAYLOAD_VERSION,
        sender: *sender.code(),
        recipient: match to {
            SealTo::Contact(code) => Addressee::Contact(*code),
            SealTo::Passphrase(_) => Addressee::Passphrase,
        },
        created_at,
        sequence,
        items,
    };
    share.check()?;
    let payload =
        zeroize::Zeroizing::new(serde_json::to_vec(&share).map_err(|_| ShareError::Internal)?);
    let signature = sender.sign(&signed_message(&payload));
    let inner = frame_inner(&payload, &signature)?;
    let sealed = match to {
        SealTo::Contact(code) => {
            let recipient = code.age_recipient().ok_or(ShareError::Internal)?;
            encrypt(&recipient, &inner)?
        }
        SealTo::Passphrase(passphrase) => {
            let mut recipient =
                age::scrypt::Recipient::new(SecretString::from(passphrase.expose().to_owned()));
            recipient.set_work_factor(PASSPHRASE_WORK_FACTOR);
            encrypt(&recipient, &inner)?
        }
    };
    frame_outer(&sealed)
}

fn encrypt(recipient: &dyn age::Recipient, inner: &[u8]) -> Result<Vec<u8>, ShareError> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient))
        .map_err(|_| ShareError::Internal)?;
    let mut out = Vec::with_capacity(inner.len() + 512);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|_| ShareError::Internal)?;
    writer.write_all(inner).map_err(|_| ShareError::Internal)?;
    writer.finish().map_err(|_| ShareError::Internal)?;
    Ok(out)
}
