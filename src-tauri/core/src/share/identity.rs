//! A Mend identity: one per vault, made of an age X25519 key pair that shares are sealed
//! to and an Ed25519 key pair that shares are signed with.
//!
//! Both key pairs come from one random 32-byte seed through HKDF-SHA256 with a fixed salt
//! and a different `info` label for each key, so the two keys are independent and neither
//! is ever used for the other's job. A third label gives the key that names shared items
//! ([`Identity::item_key`]). Only the seed is stored (inside the encrypted vault,
//! by the caller), behind a version byte. The secret half wipes itself on drop, prints as
//! `Identity(***)`, cannot be cloned and cannot be serialised.
use super::code::ContactCode;
use super::error::IdentityError;
use super::payload::ItemKey;
use bech32::{ToBase32, Variant};
use ed25519_dalek::{Signer, SigningKey};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rand_core::CryptoRngCore;
use sha2::Sha256;
use std::fmt;
use zeroize::Zeroizing;

const SEED_BYTES: usize = 32;
/// The first byte of an exported identity.
const IDENTITY_VERSION: u8 = 1;
const HKDF_SALT: &[u8] = b"mend.identity.v1";
const SEALING_INFO: &[u8] = b"age x25519 sealing key";
const SIGNING_INFO: &[u8] = b"ed25519 signing key";
const ITEM_KEY_INFO: &[u8] = b"hmac-sha256 shared item keys";

/// The secret half of a Mend identity. Its public half is [`Identity::code`].
pub struct Identity {
    seed: Zeroizing<[u8; SEED_BYTES]>,
    sealing: age::x25519::Identity,
    signing: SigningKey,
    item_keys: Zeroizing<[u8; 32]>,
    code: ContactCode,
}

impl Identity {
    /// A new identity from fresh randomness.
    pub fn generate(rng: &mut impl CryptoRngCore) -> Result<Self, IdentityError> {
        let mut seed = Zeroizing::new([0u8; SEED_BYTES]);
        rng.fill_bytes(seed.as_mut());
        Self::from_seed(seed)
    }

    fn from_seed(seed: Zeroizing<[u8; SEED_BYTES]>) -> Result<Self, IdentityError> {
        let hkdf = Hkdf::<Sha256>::new(Some(HKDF_SALT), seed.as_ref());
        let derive = |info: &[u8]| -> Result<Zeroizing<[u8; 32]>, IdentityError> {
            let mut out = Zeroizing::new([0u8; 32]);
            hkdf.expand(info, out.as_mut()).map_err(|_| IdentityError::Internal)?;
            Ok(out)
        };
        let scalar = derive(SEALING_INFO)?;
        let encoded = Zeroizing::new(
            bech32::encode("age-secret-key-", scalar.to_base32(), Variant::Bech32)
                .map_err(|_| IdentityError::Internal)?
                .to_uppercase(),
        );
        let sealing: age::x25519::Identity =
            encoded.parse().map_err(|_| IdentityError::Internal)?;
        let signing = SigningKey::from_bytes(&*derive(SIGNING_INFO)?);
        let item_keys = derive(ITEM_KEY_INFO)?;
        let public = sealing.to_public().to_string();
        let (_, data, _) = bech32::decode(&public).map_err(|_| IdentityError::Internal)?;
        let bytes: Vec<u8> =
            bech32::FromBase32::from_base32(&data).map_err(|_| IdentityError::Internal)?;
        let sealing_public: [u8; 32] =
            bytes.as_slice().try_into().map_err(|_| IdentityError::Internal)?;
        let code = ContactCode::new(sealing_public, signing.verifying_key());
        Ok(Self { seed, sealing, signing, item_keys, code })
    }

    /// The identity as bytes, for keeping inside the encrypted vault only: a version
    /// byte and the seed. Wiped when dropped.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(1 + SEED_BYTES));
        out.push(IDENTITY_VERSION);
        out.extend_from_slice(self.seed.as_ref());
        out
    }

    /// Reads back what [`Identity::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, IdentityError> {
        match bytes.first() {
            Some(&IDENTITY_VERSION) => {}
            Some(v) if *v > IDENTITY_VERSION => return Err(IdentityError::TooNew),
            _ => return Err(IdentityError::Damaged),
        }
        let seed: [u8; SEED_BYTES] = bytes[1..].try_into().map_err(|_| IdentityError::Damaged)?;
        Self::from_seed(Zeroizing::new(seed))
    }

    /// The public half, to give to other people.
    pub fn code(&self) -> &ContactCode {
        &self.code
    }

    /// The key a shared item carries: HMAC-SHA256, under a key only this identity can
    /// derive, of the item's kind and its id in this vault (`"entry:42"`). The same item
    /// shared twice carries the same key, so the receiver can replace the older version;
    /// without the seed, the key says nothing about the item or the vault.
    pub fn item_key(&self, kind: &str, local_id: &str) -> Result<ItemKey, IdentityError> {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.item_keys.as_ref())
            .map_err(|_| IdentityError::Internal)?;
        mac.update(kind.as_bytes());
        mac.update(b":");
        mac.update(local_id.as_bytes());
        Ok(ItemKey::from_digest(&mac.finalize().into_bytes()))
    }

    pub(crate) fn age_identity(&self) -> &age::x25519::Identity {
        &self.sealing
    }

    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Identity(***)")
    }
}
