//! Secrets are types: they wipe themselves on drop, print as `***`, and cannot be
//! serialised. Nothing in this module implements `Serialize`, `Display` or `Clone`.
use data_encoding::BASE32_NOPAD;
use rand_core::CryptoRngCore;
use secrecy::{ExposeSecret, SecretBox, SecretString};
use std::fmt;
use zeroize::Zeroizing;

/// A passphrase typed by the person. Compared and hashed, never stored or shown.
pub struct Passphrase(SecretString);

impl Passphrase {
    pub fn new(text: String) -> Self {
        Self(SecretString::from(text))
    }

    pub(crate) fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    pub fn is_empty(&self) -> bool {
        self.0.expose_secret().is_empty()
    }
}

impl From<String> for Passphrase {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(***)")
    }
}

/// The random 256-bit key that SQLCipher encrypts the database with.
pub(crate) struct DataKey(SecretBox<[u8; 32]>);

impl DataKey {
    pub(crate) fn generate(rng: &mut impl CryptoRngCore) -> Self {
        let mut bytes = Box::new([0u8; 32]);
        rng.fill_bytes(bytes.as_mut());
        Self(SecretBox::new(bytes))
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; 32] = bytes.try_into().ok()?;
        Some(Self(SecretBox::new(Box::new(arr))))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        self.0.expose_secret()
    }

    /// The key as SQLCipher's raw-key literal (`x'…'`), for `ATTACH … KEY ?`.
    pub(crate) fn raw_key_literal(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::with_capacity(68));
        out.push_str("x'");
        for b in self.bytes() {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xF) as usize] as char);
        }
        out.push('\'');
        out
    }

    /// The statement that hands the key to SQLCipher in its raw form (`x'…'`), so
    /// SQLCipher runs no key derivation of its own. Wiped when dropped.
    pub(crate) fn pragma(&self) -> Zeroizing<String> {
        let mut sql = Zeroizing::new(String::with_capacity(80));
        sql.push_str("PRAGMA key = \"");
        sql.push_str(&self.raw_key_literal());
        sql.push_str("\";");
        sql
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(***)")
    }
}

/// A recovery key: 160 random bits shown once as eight groups of four characters.
/// It unlocks the vault like the passphrase does.
pub struct RecoveryKey(Zeroizing<String>);

const RECOVERY_BYTES: usize = 20;

impl RecoveryKey {
    pub(crate) fn generate(rng: &mut impl CryptoRngCore) -> Self {
        let mut raw = Zeroizing::new([0u8; RECOVERY_BYTES]);
        rng.fill_bytes(raw.as_mut());
        Self::from_raw(raw.as_ref())
    }

    /// Accepts what a person types: any case, with or without dashes and spaces.
    /// Returns `None` when the text cannot be a recovery key.
    pub fn parse(text: &str) -> Option<Self> {
        let cleaned: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .map(|c| match c.to_ascii_uppercase() {
                    // Base32 has no 0, 1 or 8: read them as the letters they resemble.
                    '0' => 'O',
                    '1' => 'I',
                    '8' => 'B',
                    other => other,
                })
                .collect(),
        );
        let raw = Zeroizing::new(BASE32_NOPAD.decode(cleaned.as_bytes()).ok()?);
        if raw.len() != RECOVERY_BYTES {
            return None;
        }
        Some(Self::from_raw(&raw))
    }

    fn from_raw(raw: &[u8]) -> Self {
        let plain = Zeroizing::new(BASE32_NOPAD.encode(raw));
        let mut grouped = Zeroizing::new(String::with_capacity(40));
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                grouped.push('-');
            }
            grouped.push(c);
        }
        Self(grouped)
    }

    /// The canonical text, for showing once to the person who asked for it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::OsRng;

    #[test]
    fn secrets_do_not_print() {
        let p = Passphrase::new("correct horse".into());
        assert_eq!(format!("{p:?}"), "Passphrase(***)");
        let k = DataKey::generate(&mut OsRng);
        assert_eq!(format!("{k:?}"), "Key(***)");
        let r = RecoveryKey::generate(&mut OsRng);
        assert_eq!(format!("{r:?}"), "RecoveryKey(***)");
    }

    #[test]
    fn recovery_key_round_trips_through_sloppy_typing() {
        let r = RecoveryKey::generate(&mut OsRng);
        assert_eq!(r.expose().len(), 39, "8 groups of 4 and 7 dashes");
        let typed = r.expose().to_lowercase().replace('-', " ");
        let back = RecoveryKey::parse(&typed).expect("parses");
        assert_eq!(back.expose(), r.expose());
    }

    #[test]
    fn recovery_key_rejects_wrong_lengths_and_alphabet() {
        assert!(RecoveryKey::parse("").is_none());
        assert!(RecoveryKey::parse("ABCD-EFGH").is_none());
        assert!(RecoveryKey::parse("9999-9999-9999-9999-9999-9999-9999-9999").is_none());
    }

    #[test]
    fn recovery_key_forgives_digits_that_look_like_letters() {
        let r = RecoveryKey::parse("OIBA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA").expect("valid");
        let typed =
            RecoveryKey::parse("01ba aaaa aaaa aaaa aaaa aaaa aaaa aaaa").expect("forgiven");
        assert_eq!(r.expose(), typed.expose());
    }

    #[test]
    fn key_pragma_is_raw_hex_form() {
        let k = DataKey::from_bytes(&[0xAB; 32]).expect("32 bytes");
        let sql = k.pragma();
        assert!(sql.starts_with("PRAGMA key = \"x'ABAB"));
        assert!(sql.ends_with("'\";"));
        assert_eq!(sql.len(), "PRAGMA key = \"x'".len() + 64 + "'\";".len());
    }
}
