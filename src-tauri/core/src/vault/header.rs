//! The key file: a small JSON document beside the database that holds the data key,
//! wrapped (XChaCha20-Poly1305) under keys derived with Argon2id from the passphrase
//! and, optionally, from a recovery key.
//!
//! Invariants:
//! - Each slot's format version, kind, KDF parameters and salt are bound as associated
//!   data, so changing any of them makes the slot fail to open rather than weaken it.
//! - Parameters outside [`KdfParams::check`]'s bounds are refused before any work is done,
//!   so a hostile file cannot ask for gigabytes of memory or hours of hashing.
//! - The file is only ever replaced whole: write a temporary file, fsync, rename, fsync
//!   the folder. A crash leaves either the old file or the new one, never a mixture.
//! - A recovery slot (format 2) is sealed to a public key: the recovery key derives,
//!   through Argon2id, an age X25519 identity whose public half (the slot's `recipient`)
//!   is kept in the slot. So when the journal moves to a new data key, the new key can be
//!   sealed for the recovery key without knowing it, and the recovery key keeps working
//!   while the old key file opens nothing new. Format-1 recovery slots (wrapped like the
//!   passphrase slot) are still read; they cannot follow a new data key.
use super::VaultError;
use crate::files;
use crate::secret::DataKey;
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand_core::CryptoRngCore;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use zeroize::Zeroizing;

pub const FORMAT: &str = "mend-key";
/// The format written. Format 1 (no recovery slot sealed to a public key) is still read.
pub const VERSION: u32 = 2;
/// The version bound into a passphrase-wrapped slot's associated data. It stays 1: those
/// slots are made the same way in both formats.
const WRAPPED_SLOT_VERSION: u32 = 1;
/// An age file holding a 32-byte key is a few hundred bytes; anything past this is not ours.
const MAX_SEALED_BYTES: usize = 1024;
/// A key file is a few hundred bytes; anything past this is not ours.
const MAX_FILE_BYTES: u64 = 64 * 1024;
const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;
const WRAPPED_BYTES: usize = 32 + 16;

/// Argon2id cost. The floor is RFC 9106's second recommended option (64 MiB, t=3, p=4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KdfParams {
    pub algorithm: KdfAlgorithm,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KdfAlgorithm {
    Argon2id,
}

impl KdfParams {
    pub const MIN_MEMORY_KIB: u32 = 64 * 1024;
    pub const MAX_MEMORY_KIB: u32 = 2 * 1024 * 1024;
    pub const MIN_ITERATIONS: u32 = 3;
    pub const MAX_ITERATIONS: u32 = 64;
    pub const MAX_PARALLELISM: u32 = 16;

    /// RFC 9106, section 4, second recommended option.
    pub const RFC9106_SECOND: KdfParams = KdfParams {
        algorithm: KdfAlgorithm::Argon2id,
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 4,
    };

    /// Refuses parameters weaker than the floor or absurdly expensive, before any work.
    pub fn check(&self) -> Result<(), VaultError> {
        let ok = (Self::MIN_MEMORY_KIB..=Self::MAX_MEMORY_KIB).contains(&self.memory_kib)
            && (Self::MIN_ITERATIONS..=Self::MAX_ITERATIONS).contains(&self.iterations)
            && (1..=Self::MAX_PARALLELISM).contains(&self.parallelism);
        if ok {
            Ok(())
        } else {
            Err(VaultError::CorruptHeader("its key-derivation settings are out of bounds"))
        }
    }

    fn derive(&self, secret: &[u8], salt: &[u8]) -> Result<Zeroizing<[u8; 32]>, VaultError> {
        self.check()?;
        let params = Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|_| VaultError::CorruptHeader("its key-derivation settings are invalid"))?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(secret, salt, out.as_mut())
            .map_err(|_| VaultError::CorruptHeader("its key-derivation settings are invalid"))?;
        Ok(out)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlotKind {
    Passphrase,
    Recovery,
}

impl SlotKind {
    fn label(self) -> &'static str {
        match self {
            SlotKind::Passphrase => "passphrase",
            SlotKind::Recovery => "recovery",
        }
    }
}

/// One way in: the data key wrapped under a key derived from one secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Slot {
    pub kind: SlotKind,
    pub kdf: KdfParams,
    salt: String,
    /// Sealed to a public key (recovery slots, format 2): the age X25519 recipient that the
    /// recovery key derives. `wrapped_key` is then an age file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recipient: Option<String>,
    /// Wrapped with XChaCha20-Poly1305 (passphrase slots, format-1 recovery slots).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nonce: Option<String>,
    wrapped_key: String,
}

impl Slot {
    /// Wraps `key` under `secret` with fresh salt and nonce.
    pub(crate) fn seal(
        kind: SlotKind,
        kdf: KdfParams,
        secret: &[u8],
        key: &DataKey,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Slot, VaultError> {
        let mut salt = [0u8; SALT_BYTES];
        let mut nonce = [0u8; NONCE_BYTES];
        rng.fill_bytes(&mut salt);
        rng.fill_bytes(&mut nonce);
        let wrapping = kdf.derive(secret, &salt)?;
        let aad = associated_data(kind, &kdf, &salt);
        let cipher = XChaCha20Poly1305::new(wrapping.as_ref().into());
        let wrapped = cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: key.bytes(), aad: &aad })
            .map_err(|_| VaultError::Internal("could not seal the key"))?;
        Ok(Slot {
            kind,
            kdf,
            salt: B64.encode(salt),
            recipient: None,
            nonce: Some(B64.encode(nonce)),
            wrapped_key: B64.encode(wrapped),
        })
    }

    /// A recovery slot sealed to the public half of the identity that `secret` derives
    /// (with fresh salt), holding `key`.
    pub(crate) fn seal_recovery(
        kdf: KdfParams,
        secret: &[u8],
        key: &DataKey,
        rng: &mut impl CryptoRngCore,
    ) -> Result<Slot, VaultError> {
        let mut salt = [0u8; SALT_BYTES];
        rng.fill_bytes(&mut salt);
        let identity = recovery_identity(&kdf, secret, &salt)?;
        let recipient = identity.to_public().to_string();
        let wrapped = seal_to(&recipient, key)?;
        Ok(Slot {
            kind: SlotKind::Recovery,
            kdf,
            salt: B64.encode(salt),
            recipient: Some(recipient),
            nonce: None,
            wrapped_key: B64.encode(wrapped),
        })
    }

    /// The same slot holding another data key, when it is sealed to a public key (no secret
    /// needed). `None` for a wrapped slot, which only its secret can re-seal.
    pub(crate) fn reseal(&self, key: &DataKey) -> Result<Option<Slot>, VaultError> {
        let Some(recipient) = &self.recipient else { return Ok(None) };
        let wrapped = seal_to(recipient, key)?;
        Ok(Some(Slot { wrapped_key: B64.encode(wrapped), ..self.clone() }))
    }

    /// Unwraps the data key. `None` means the secret is not the one this slot was sealed
    /// with (or the slot was tampered with: the two cannot be told apart, by design).
    pub(crate) fn open(&self, secret: &[u8]) -> Result<Option<DataKey>, VaultError> {
        self.kdf.check()?;
        let salt = decode_exact(&self.salt, SALT_BYTES)?;
        if let Some(recipient) = &self.recipient {
            return self.open_sealed(recipient, secret, &salt);
        }
        let nonce =
            self.nonce.as_deref().ok_or(VaultError::CorruptHeader("a key slot has no nonce"))?;
        let nonce = decode_exact(nonce, NONCE_BYTES)?;
        let wrapped = decode_exact(&self.wrapped_key, WRAPPED_BYTES)?;
        let wrapping = self.kdf.derive(secret, &salt)?;
        let aad = associated_data(self.kind, &self.kdf, &salt);
        let cipher = XChaCha20Poly1305::new(wrapping.as_ref().into());
        match cipher.decrypt(XNonce::from_slice(&nonce), Payload { msg: &wrapped, aad: &aad }) {
            Ok(plain) => {
                let plain = Zeroizing::new(plain);
                Ok(DataKey::from_bytes(&plain))
            }
            Err(_) => Ok(None),
        }
    }

    fn open_sealed(
        &self,
        recipient: &str,
        secret: &[u8],
        salt: &[u8],
    ) -> Result<Option<DataKey>, VaultError> {
        let sealed = B64
            .decode(&self.wrapped_key)
            .map_err(|_| VaultError::CorruptHeader("a field is not valid base64"))?;
        if sealed.len() > MAX_SEALED_BYTES {
            return Err(VaultError::CorruptHeader("a field has the wrong length"));
        }
        let identity = recovery_identity(&self.kdf, secret, salt)?;
        if identity.to_public().to_string() != recipient {
            return Ok(None);
        }
        let Ok(decryptor) = age::Decryptor::new(&sealed[..]) else {
            return Err(VaultError::CorruptHeader("a key slot is malformed"));
        };
        let Ok(mut reader) = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity))
        else {
            return Ok(None);
        };
        let mut plain = Zeroizing::new(Vec::with_capacity(32));
        if reader.by_ref().take(64).read_to_end(&mut plain).is_err() {
            return Ok(None);
        }
        Ok(DataKey::from_bytes(&plain))
    }

    /// Whether the slot can take a new data key without its secret.
    pub(crate) fn is_sealed_to_public_key(&self) -> bool {
        self.recipient.is_some()
    }

    /// The slot's shape fits its kind and the file's format.
    fn well_formed(&self, version: u32) -> bool {
        match (self.kind, &self.recipient, &self.nonce) {
            (SlotKind::Passphrase, None, Some(_)) => true,
            (SlotKind::Recovery, None, Some(_)) => true,
            (SlotKind::Recovery, Some(r), None) => version >= 2 && r.starts_with("age1"),
            _ => false,
        }
    }
}

/// The age X25519 identity a recovery key derives: Argon2id of the key and the slot's salt
/// is the identity's secret scalar.
fn recovery_identity(
    kdf: &KdfParams,
    secret: &[u8],
    salt: &[u8],
) -> Result<age::x25519::Identity, VaultError> {
    use bech32::ToBase32;
    let scalar = kdf.derive(secret, salt)?;
    let encoded = Zeroizing::new(
        bech32::encode("age-secret-key-", scalar.to_base32(), bech32::Variant::Bech32)
            .map_err(|_| VaultError::Internal("could not derive the recovery identity"))?
            .to_uppercase(),
    );
    encoded.parse().map_err(|_| VaultError::Internal("could not derive the recovery identity"))
}

/// `key` encrypted to an age X25519 recipient.
fn seal_to(recipient: &str, key: &DataKey) -> Result<Vec<u8>, VaultError> {
    let recipient: age::x25519::Recipient =
        recipient.parse().map_err(|_| VaultError::CorruptHeader("a key slot is malformed"))?;
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as _))
        .map_err(|_| VaultError::Internal("could not seal the key"))?;
    let mut out = Vec::with_capacity(256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|_| VaultError::Internal("could not seal the key"))?;
    writer.write_all(key.bytes()).map_err(|_| VaultError::Internal("could not seal the key"))?;
    writer.finish().map_err(|_| VaultError::Internal("could not seal the key"))?;
    Ok(out)
}

fn decode_exact(text: &str, len: usize) -> Result<Vec<u8>, VaultError> {
    let bytes =
        B64.decode(text).map_err(|_| VaultError::CorruptHeader("a field is not valid base64"))?;
    if bytes.len() == len {
        Ok(bytes)
    } else {
        Err(VaultError::CorruptHeader("a field has the wrong length"))
    }
}

/// Everything about a slot except its ciphertext, in one unambiguous byte string.
fn associated_data(kind: SlotKind, kdf: &KdfParams, salt: &[u8]) -> Vec<u8> {
    format!(
        "{FORMAT}|v{WRAPPED_SLOT_VERSION}|{}|argon2id|m={}|t={}|p={}|salt={}",
        kind.label(),
        kdf.memory_kib,
        kdf.iterations,
        kdf.parallelism,
        B64.encode(salt)
    )
    .into_bytes()
}

/// The whole key file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Header {
    format: String,
    version: u32,
    slots: Vec<Slot>,
}

impl Header {
    pub(crate) fn new(passphrase_slot: Slot) -> Self {
        Header { format: FORMAT.to_owned(), version: VERSION, slots: vec![passphrase_slot] }
    }

    pub fn slot(&self, kind: SlotKind) -> Option<&Slot> {
        self.slots.iter().find(|s| s.kind == kind)
    }

    /// Replaces (or adds) the slot of the same kind.
    pub(crate) fn put(&mut self, slot: Slot) {
        self.slots.retain(|s| s.kind != slot.kind);
        self.slots.push(slot);
        self.slots.sort_by_key(|s| s.kind != SlotKind::Passphrase);
    }

    /// Reads and validates a key file. Never writes.
    pub fn read(path: &Path) -> Result<Header, VaultError> {
        let file = File::open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => VaultError::NoVault,
            _ => VaultError::Io(e),
        })?;
        let mut text = String::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(|_| VaultError::CorruptHeader("it is not readable text"))?;
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(VaultError::CorruptHeader("it is far larger than a key file can be"));
        }
        Header::parse(&text)
    }

    pub fn parse(text: &str) -> Result<Header, VaultError> {
        #[derive(Deserialize)]
        struct Probe {
            format: String,
            version: u32,
        }
        let probe: Probe = serde_json::from_str(text)
            .map_err(|_| VaultError::CorruptHeader("it is not a Mend key file"))?;
        if probe.format != FORMAT {
            return Err(VaultError::CorruptHeader("it is not a Mend key file"));
        }
        if !(1..=VERSION).contains(&probe.version) {
            return Err(VaultError::Unsupported(probe.version));
        }
        let header: Header = serde_json::from_str(text)
            .map_err(|_| VaultError::CorruptHeader("its contents are malformed"))?;
        let passphrase_slots = header.slots.iter().filter(|s| s.kind == SlotKind::Passphrase);
        let recovery_slots = header.slots.iter().filter(|s| s.kind == SlotKind::Recovery);
        if passphrase_slots.count() != 1 || recovery_slots.count() > 1 {
            return Err(VaultError::CorruptHeader("its key slots are malformed"));
        }
        for slot in &header.slots {
            slot.kdf.check()?;
            if !slot.well_formed(header.version) {
                return Err(VaultError::CorruptHeader("its key slots are malformed"));
            }
        }
        Ok(header)
    }

    /// Atomically replaces the key file at `path` (written in the current format): temp
    /// file (owner-only), fsync, rename, fsync folder.
    pub(crate) fn write_atomically(&self, path: &Path) -> Result<(), VaultError> {
        let current = Header { version: VERSION, ..self.clone() };
        let text = Zeroizing::new(
            serde_json::to_string_pretty(&current)
                .map_err(|_| VaultError::Internal("could not encode the key file"))?,
        );
        files::replace_atomically(path, text.as_bytes())?;
        Ok(())
    }

    /// The same header in an older format, for the fixture vaults of older releases.
    #[cfg(test)]
    pub(crate) fn in_format(self, version: u32) -> Header {
        Header { version, ..self }
    }

    /// Whether the slot of `kind` exists and can follow a new data key without its secret.
    pub fn can_follow_new_key(&self, kind: SlotKind) -> bool {
        self.slot(kind).is_some_and(Slot::is_sealed_to_public_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::OsRng;

    fn fast() -> KdfParams {
        KdfParams::RFC9106_SECOND
    }

    #[test]
    fn seal_then_open_gives_the_same_key() {
        let key = DataKey::generate(&mut OsRng);
        let slot = Slot::seal(SlotKind::Passphrase, fast(), b"secret", &key, &mut OsRng).unwrap();
        let back = slot.open(b"secret").unwrap().expect("opens");
        assert_eq!(back.bytes(), key.bytes());
        assert!(slot.open(b"Secret").unwrap().is_none());
    }

    #[test]
    fn changing_bound_parameters_breaks_the_slot() {
        let key = DataKey::generate(&mut OsRng);
        let slot = Slot::seal(SlotKind::Passphrase, fast(), b"secret", &key, &mut OsRng).unwrap();
        let mut more_iters = slot.clone();
        more_iters.kdf.iterations = 4;
        assert!(more_iters.open(b"secret").unwrap().is_none());
        let mut as_recovery = slot.clone();
        as_recovery.kind = SlotKind::Recovery;
        assert!(as_recovery.open(b"secret").unwrap().is_none());
        let mut other_salt = slot;
        other_salt.salt = B64.encode([7u8; SALT_BYTES]);
        assert!(other_salt.open(b"secret").unwrap().is_none());
    }

    #[test]
    fn absurd_or_weak_parameters_are_refused_before_work() {
        let absurd = KdfParams { memory_kib: u32::MAX, ..fast() };
        assert!(matches!(absurd.check(), Err(VaultError::CorruptHeader(_))));
        let slow = KdfParams { iterations: 1_000_000, ..fast() };
        assert!(slow.check().is_err());
        let weak = KdfParams { memory_kib: 8, iterations: 1, ..fast() };
        assert!(weak.check().is_err());
        let no_lanes = KdfParams { parallelism: 0, ..fast() };
        assert!(no_lanes.check().is_err());
        assert!(fast().check().is_ok());
    }

    #[test]
    fn parse_refuses_foreign_and_future_files() {
        assert!(matches!(Header::parse("not json"), Err(VaultError::CorruptHeader(_))));
        assert!(matches!(
            Header::parse(r#"{"format":"other","version":1,"slots":[]}"#),
            Err(VaultError::CorruptHeader(_))
        ));
        assert!(matches!(
            Header::parse(r#"{"format":"mend-key","version":99,"slots":[]}"#),
            Err(VaultError::Unsupported(99))
        ));
        assert!(matches!(
            Header::parse(r#"{"format":"mend-key","version":1,"slots":[]}"#),
            Err(VaultError::CorruptHeader(_))
        ));
    }
}
