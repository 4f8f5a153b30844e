//! Contact codes: the public half of a Mend identity as text a person can pass on by any
//! means, and the short fingerprint two people compare to be sure it arrived unchanged.
//!
//! A code is bech32m (BIP 350) with the human-readable part `mend`, over one version byte,
//! the X25519 key shares are sealed to and the Ed25519 key they are signed with: 115
//! characters, shown in groups of five. The checksum catches every single wrong character
//! and every swap of two neighbours (the property tests try all of them on real codes).
//! Parsing forgives case, spaces and dashes, and names what is wrong otherwise.
use super::error::CodeError;
use bech32::{FromBase32, ToBase32, Variant};
use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};
use std::fmt;

/// The human-readable part every contact code starts with (before its `1`).
pub const CODE_HRP: &str = "mend";
/// The version byte of the codes this Mend writes.
const CODE_VERSION: u8 = 1;
const KEY_BYTES: usize = 32;
const CODE_BYTES: usize = 1 + 2 * KEY_BYTES;
/// "mend" + "1" + 104 data characters + 6 checksum characters.
pub const CODE_CHARS: usize = CODE_HRP.len() + 1 + (CODE_BYTES * 8).div_ceil(5) + 6;
/// Characters per group in [`ContactCode::grouped`].
const GROUP: usize = 5;
/// How far from the right length a code may be and still be called a typo rather than a
/// code cut short or pasted twice.
const TYPO_SLACK: usize = 2;
const FINGERPRINT_DOMAIN: &[u8] = b"mend.fingerprint.v1";

/// The public half of a Mend identity: whom a share is sealed to, and whose signature
/// it carries. Equal codes are the same identity.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContactCode {
    sealing: [u8; KEY_BYTES],
    /// An Ed25519 public key, checked to be a valid, non-weak point when parsed.
    verifying: [u8; KEY_BYTES],
}

impl ContactCode {
    pub(crate) fn new(sealing: [u8; KEY_BYTES], verifying: VerifyingKey) -> Self {
        Self { sealing, verifying: verifying.to_bytes() }
    }

    /// Reads a code as a person typed or pasted it: any case, with or without spaces,
    /// dashes or line breaks.
    pub fn parse(text: &str) -> Result<Self, CodeError> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
            .collect::<String>()
            .to_lowercase();
        if cleaned.is_empty() {
            return Err(CodeError::Empty);
        }
        if cleaned.starts_with("agesecretkey1") {
            return Err(CodeError::SecretKey);
        }
        let prefix = format!("{CODE_HRP}1");
        if !cleaned.starts_with(&prefix) {
            return Err(CodeError::WrongKind);
        }
        let near = cleaned.len().abs_diff(CODE_CHARS) <= TYPO_SLACK;
        let (hrp, data, variant) = bech32::decode(&cleaned).map_err(|e| match e {
            bech32::Error::InvalidChar(_) | bech32::Error::InvalidData(_) => {
                CodeError::InvalidCharacter
            }
            bech32::Error::InvalidChecksum if near => CodeError::WrongCharacter,
            _ => CodeError::WrongLength,
        })?;
        if hrp != CODE_HRP || variant != Variant::Bech32m {
            return Err(CodeError::WrongKind);
        }
        let bytes = Vec::<u8>::from_base32(&data).map_err(|_| CodeError::WrongLength)?;
        if bytes.len() != CODE_BYTES {
            return Err(CodeError::WrongLength);
        }
        match bytes.first() {
            Some(&CODE_VERSION) => {}
            Some(v) if *v > CODE_VERSION => return Err(CodeError::TooNew),
            _ => return Err(CodeError::WrongKind),
        }
        let mut sealing = [0u8; KEY_BYTES];
        let mut verifying = [0u8; KEY_BYTES];
        sealing.copy_from_slice(&bytes[1..=KEY_BYTES]);
        verifying.copy_from_slice(&bytes[1 + KEY_BYTES..]);
        // A checksum that holds over bytes that are no Ed25519 key: not one typo, but a
        // code that was never made by Mend.
        let key = VerifyingKey::from_bytes(&verifying).map_err(|_| CodeError::WrongKind)?;
        if key.is_weak() {
            return Err(CodeError::WrongKind);
        }
        Ok(Self { sealing, verifying })
    }

    fn bytes(&self) -> [u8; CODE_BYTES] {
        let mut out = [0u8; CODE_BYTES];
        out[0] = CODE_VERSION;
        out[1..=KEY_BYTES].copy_from_slice(&self.sealing);
        out[1 + KEY_BYTES..].copy_from_slice(&self.verifying);
        out
    }

    /// The code in one piece, lower case: what is stored and written into shares.
    pub fn compact(&self) -> String {
        // Encoding cannot fail: the human-readable part is fixed and valid.
        bech32::encode(CODE_HRP, self.bytes().to_base32(), Variant::Bech32m).unwrap_or_default()
    }

    /// The code in groups of five separated by spaces, for reading aloud or copying by
    /// hand; the first group is `mend1`.
    pub fn grouped(&self) -> String {
        let compact = self.compact();
        let mut out = String::with_capacity(compact.len() + compact.len() / GROUP);
        for (i, c) in compact.chars().enumerate() {
            if i > 0 && i % GROUP == 0 {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }

    /// Twenty digits in four groups of five, from a SHA-256 digest of the code: two people
    /// read theirs to each other (in person or on a call) to be sure a code was not
    /// swapped on its way. About 66 bits: finding another code with the same fingerprint
    /// takes on the order of 2^66 attempts.
    pub fn fingerprint(&self) -> String {
        let mut hash = Sha256::new();
        hash.update(FINGERPRINT_DOMAIN);
        hash.update(self.bytes());
        let digest = hash.finalize();
        let groups: Vec<String> = digest
            .chunks_exact(5)
            .take(4)
            .map(|chunk| {
                let n = chunk.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
                format!("{:05}", n % 100_000)
            })
            .collect();
        groups.join(" ")
    }

    /// The age recipient shares to this identity are encrypted to.
    pub(crate) fn age_recipient(&self) -> Option<age::x25519::Recipient> {
        let text = bech32::encode("age", self.sealing.to_base32(), Variant::Bech32).ok()?;
        text.parse().ok()
    }

    /// The Ed25519 key shares from this identity are signed with; `None` only for bytes
    /// that never came through [`ContactCode::parse`] or an [`super::Identity`].
    pub(crate) fn verifying_key(&self) -> Option<VerifyingKey> {
        VerifyingKey::from_bytes(&self.verifying).ok()
    }

    #[cfg(test)]
    pub(crate) fn sealing_bytes(&self) -> [u8; KEY_BYTES] {
        self.sealing
    }
}

impl fmt::Display for ContactCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.compact())
    }
}

impl fmt::Debug for ContactCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContactCode({})", self.compact())
    }
}

impl std::str::FromStr for ContactCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for ContactCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.compact())
    }
}

impl<'de> Deserialize<'de> for ContactCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        // Inside a share only the canonical form is accepted: what a signature covers
        // has one spelling.
        let code = ContactCode::parse(&text).map_err(serde::de::Error::custom)?;
        if code.compact() != text {
            return Err(serde::de::Error::custom("a contact code is not in its canonical form"));
        }
        Ok(code)
    }
}
