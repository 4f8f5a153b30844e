//! Opening: every check a received file must pass, in order, each refusal its own error.
//! Opening reads bytes already in memory and writes nothing anywhere.
use super::code::ContactCode;
use super::envelope::{signed_message, unframe_inner, unframe_outer, MAX_SHARE_BYTES};
use super::error::ShareError;
use super::identity::Identity;
use super::payload::{Addressee, Share, PAYLOAD_VERSION};
use crate::secret::Passphrase;
use age::secrecy::SecretString;
use ed25519_dalek::Signature;
use serde::Deserialize;
use std::io::Read;
use zeroize::Zeroizing;

/// The most scrypt work (log2 N) Mend spends opening a passphrase share: 2^20, four
/// times what it seals with, so a hostile file cannot make it work for minutes.
pub const MAX_WORK_FACTOR: u8 = 20;

/// What to open a share with.
#[derive(Clone, Copy)]
pub enum OpenWith<'a> {
    /// This vault's identity, for shares sealed to its contact code.
    Identity(&'a Identity),
    /// The passphrase a share was sealed with.
    Passphrase(&'a Passphrase),
}

/// Reads a share file, refusing one larger than [`MAX_SHARE_BYTES`] without reading
/// past the limit.
pub fn read_capped(input: impl Read) -> Result<Vec<u8>, ShareError> {
    let mut out = Vec::new();
    input.take(MAX_SHARE_BYTES as u64 + 1).read_to_end(&mut out)?;
    if out.len() > MAX_SHARE_BYTES {
        return Err(ShareError::TooLarge);
    }
    Ok(out)
}

/// Whether a share file was sealed to a passphrase (and so must be opened with one).
pub fn needs_passphrase(file: &[u8]) -> Result<bool, ShareError> {
    let sealed = unframe_outer(file)?;
    let decryptor = age::Decryptor::new(sealed).map_err(header_error)?;
    Ok(decryptor.is_scrypt())
}

/// Opens a share: checks its size and framing, decrypts it, verifies the sender's
/// signature, checks it is addressed to `with`, keeps to the limits, and is newer than
/// the last share received from that sender. `last_received` is asked, once the sender
/// is known, for the sequence of the last share kept from them (`None` if none).
pub fn open(
    file: &[u8],
    with: OpenWith<'_>,
    last_received: impl FnOnce(&ContactCode) -> Option<u64>,
) -> Result<Share, ShareError> {
    let sealed = unframe_outer(file)?;
    let decryptor = age::Decryptor::new(sealed).map_err(header_error)?;
    let reader = match with {
        OpenWith::Identity(identity) => {
            if decryptor.is_scrypt() {
                return Err(ShareError::NeedsPassphrase);
            }
            decryptor
                .decrypt(std::iter::once(identity.age_identity() as &dyn age::Identity))
                .map_err(|e| match e {
                    age::DecryptError::NoMatchingKeys => ShareError::NotForYou,
                    other => header_error(other),
                })?
        }
        OpenWith::Passphrase(passphrase) => {
            if !decryptor.is_scrypt() {
                return Err(ShareError::NotForYou);
            }
            let mut identity =
                age::scrypt::Identity::new(SecretString::from(passphrase.expose().to_owned()));
            identity.set_max_work_factor(MAX_WORK_FACTOR);
            decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(
                |e| match e {
                    age::DecryptError::ExcessiveWork { .. } => ShareError::TooMuchWork,
                    age::DecryptError::DecryptionFailed
                    | age::DecryptError::KeyDecryptionFailed
                    | age::DecryptError::NoMatchingKeys => ShareError::WrongPassphrase,
                    other => header_error(other),
                },
            )?
        }
    };
    let mut inner = Zeroizing::new(Vec::new());
    reader.take(MAX_SHARE_BYTES as u64 + 1).read_to_end(&mut inner).map_err(|e| {
        match e.kind() {
            std::io::ErrorKind::UnexpectedEof => ShareError::Truncated,
            _ => ShareError::Damaged,
        }
    })?;
    if inner.len() > MAX_SHARE_BYTES {
        return Err(ShareError::TooLarge);
    }
    let (payload, signature) = unframe_inner(&inner)?;

    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    #[derive(Deserialize)]
    struct Sender {
        sender: ContactCode,
    }
    let version: Version = serde_json::from_slice(payload).map_err(|_| ShareError::Damaged)?;
    if version.version != PAYLOAD_VERSION {
        return Err(ShareError::UnknownVersion);
    }
    let sender: Sender = serde_json::from_slice(payload).map_err(|_| ShareError::Damaged)?;
    sender
        .sender
        .verifying_key()
        .ok_or(ShareError::WronglySigned)?
        .verify_strict(&signed_message(payload), &Signature::from_bytes(&signature))
        .map_err(|_| ShareError::WronglySigned)?;

    let share: Share = serde_json::from_slice(payload).map_err(|_| ShareError::Damaged)?;
    share.check()?;
    let addressed_to_us = match (with, share.recipient) {
        (OpenWith::Identity(identity), Addressee::Contact(code)) => code == *identity.code(),
        (OpenWith::Passphrase(_), Addressee::Passphrase) => true,
        _ => false,
    };
    if !addressed_to_us {
        return Err(ShareError::NotForYou);
    }
    match last_received(&share.sender) {
        Some(last) if share.sequence < last => Err(ShareError::Older),
        Some(last) if share.sequence == last => Err(ShareError::AlreadyReceived),
        _ => Ok(share),
    }
}

fn header_error(e: age::DecryptError) -> ShareError {
    match e {
        age::DecryptError::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            ShareError::Truncated
        }
        _ => ShareError::Damaged,
    }
}
