//! Unit tests that need the module's insides: contact code typos, and shares whose
//! signed contents are changed and then sealed again properly, so that only the
//! signature and the checks after it stand between them and the receiver.
use super::envelope::{frame_inner, frame_outer, signed_message, unframe_inner, unframe_outer};
use super::seal::seal as seal_share;
use super::*;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rand_core::OsRng;
use std::io::{Read, Write};

fn identity() -> Identity {
    Identity::generate(&mut OsRng).unwrap()
}

fn items() -> Vec<KeyedItem> {
    vec![KeyedItem {
        key: ItemKey::parse(&format!("{:064x}", 1)).unwrap(),
        item: SharedItem::Note(SharedNote {
            written_at: Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
            text: "Before Tuesday's session.".into(),
        }),
    }]
}

fn never(_: &ContactCode) -> Option<u64> {
    None
}

/// The signed inner bytes of a share sealed to `to`.
fn inner_of(file: &[u8], to: &Identity) -> Vec<u8> {
    let sealed = unframe_outer(file).unwrap();
    let decryptor = age::Decryptor::new(sealed).unwrap();
    let mut reader =
        decryptor.decrypt(std::iter::once(to.age_identity() as &dyn age::Identity)).unwrap();
    let mut out = Vec::new();
    reader.read_to_end(&mut out).unwrap();
    out
}

/// `inner` sealed properly to `to`, as anyone who knows `to`'s code can do.
fn reseal(inner: &[u8], to: &Identity) -> Vec<u8> {
    let recipient = to.code().age_recipient().unwrap();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut sealed = Vec::new();
    let mut w = encryptor.wrap_output(&mut sealed).unwrap();
    w.write_all(inner).unwrap();
    w.finish().unwrap();
    frame_outer(&sealed).unwrap()
}

#[test]
fn an_identity_round_trips_through_its_bytes_and_never_prints() {
    let id = identity();
    let bytes = id.to_bytes();
    assert_eq!(bytes.len(), 33);
    let back = Identity::from_bytes(&bytes).unwrap();
    assert_eq!(back.code(), id.code());
    assert_eq!(format!("{id:?}"), "Identity(***)");
    assert!(matches!(Identity::from_bytes(&bytes[..20]), Err(IdentityError::Damaged)));
    assert!(matches!(Identity::from_bytes(&[]), Err(IdentityError::Damaged)));
    let mut newer = bytes.to_vec();
    newer[0] = 2;
    assert!(matches!(Identity::from_bytes(&newer), Err(IdentityError::TooNew)));
    assert_ne!(identity().code(), id.code());
}

#[test]
fn an_item_key_is_stable_per_item_and_says_nothing_of_the_vault() {
    let id = identity();
    let key = id.item_key("entry", "42").unwrap();
    assert_eq!(key.as_str().len(), 64);
    assert!(key.as_str().bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    let again = Identity::from_bytes(&id.to_bytes()).unwrap();
    assert_eq!(again.item_key("entry", "42").unwrap(), key, "the same item, the same key");
    assert_ne!(id.item_key("entry", "43").unwrap(), key);
    assert_ne!(id.item_key("commitment", "42").unwrap(), key);
    assert_ne!(identity().item_key("entry", "42").unwrap(), key, "another vault's key differs");
    assert_eq!(ItemKey::parse(key.as_str()), Some(key.clone()));
    assert_eq!(ItemKey::parse(&key.as_str().to_uppercase()), None);
    assert_eq!(ItemKey::parse("42"), None);
}

#[test]
fn a_share_with_two_items_under_one_key_is_refused() {
    let (alex, sam) = (identity(), identity());
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
    let twice = [items(), items()].concat();
    let refused = seal_share(&alex, SealTo::Contact(sam.code()), at, 1, twice).unwrap_err();
    assert!(matches!(refused, ShareError::Damaged), "{refused:?}");
}

#[test]
fn the_two_keys_of_an_identity_are_independent() {
    let id = identity();
    let code = id.code();
    assert_ne!(&code.sealing_bytes(), code.verifying_key().unwrap().as_bytes());
}

#[test]
fn a_code_reads_back_however_it_is_typed() {
    let code = *identity().code();
    let compact = code.compact();
    assert_eq!(compact.len(), CODE_CHARS);
    assert!(compact.starts_with("mend1"));
    let grouped = code.grouped();
    assert!(grouped.starts_with("mend1 "));
    assert!(grouped.split(' ').all(|g| g.len() == 5), "groups of five");
    for typed in [
        compact.clone(),
        grouped.clone(),
        grouped.to_uppercase(),
        grouped.replace(' ', "-"),
        format!("  {}\n", grouped.replace(' ', "\n")),
    ] {
        assert_eq!(ContactCode::parse(&typed).unwrap(), code);
    }
    let json = serde_json::to_string(&code).unwrap();
    assert_eq!(serde_json::from_str::<ContactCode>(&json).unwrap(), code);
    let sloppy = serde_json::to_string(&grouped).unwrap();
    assert!(serde_json::from_str::<ContactCode>(&sloppy).is_err(), "shares hold one spelling");
}

#[test]
fn a_wrong_code_is_refused_with_what_is_wrong() {
    let id = identity();
    let compact = id.code().compact();
    let parse = |t: &str| ContactCode::parse(t).unwrap_err();
    assert_eq!(parse("  "), CodeError::Empty);
    assert_eq!(parse(&id.age_identity().to_public().to_string()), CodeError::WrongKind);
    let secret = {
        use age::secrecy::ExposeSecret;
        id.age_identity().to_string().expose_secret().to_owned()
    };
    assert_eq!(parse(&secret), CodeError::SecretKey);
    assert_eq!(parse(&compact[..60]), CodeError::WrongLength);
    assert_eq!(parse(&format!("{compact}{}", &compact[5..])), CodeError::WrongLength);
    let mut typo: Vec<char> = compact.chars().collect();
    typo[40] = if typo[40] == 'q' { 'p' } else { 'q' };
    assert_eq!(parse(&typo.iter().collect::<String>()), CodeError::WrongCharacter);
    assert_eq!(parse(&format!("{}{}", &compact[..40], &compact[41..])), CodeError::WrongCharacter);
    assert_eq!(
        parse(&compact.replacen('q', "b", 1).replacen('p', "b", 1)),
        CodeError::InvalidCharacter
    );
    assert_eq!(
        CodeError::WrongCharacter.to_string(),
        "a character is wrong or missing: please compare the code again"
    );
}

#[test]
fn a_fingerprint_is_twenty_digits_in_four_groups() {
    let code = *identity().code();
    let f = code.fingerprint();
    let groups: Vec<&str> = f.split(' ').collect();
    assert_eq!(groups.len(), 4);
    assert!(groups.iter().all(|g| g.len() == 5 && g.bytes().all(|b| b.is_ascii_digit())));
    assert_eq!(ContactCode::parse(&code.grouped()).unwrap().fingerprint(), f);
    assert_ne!(identity().code().fingerprint(), f);
}

const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyz0123456789";

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every single wrong character, every adjacent swap, and every dropped character of
    /// a real code is refused.
    #[test]
    fn every_single_typo_and_swap_in_a_code_is_refused(seed in any::<[u8; 32]>()) {
        let mut bytes = vec![1u8];
        bytes.extend_from_slice(&seed);
        let code = Identity::from_bytes(&bytes).unwrap();
        let compact: Vec<char> = code.code().compact().chars().collect();
        for i in 0..compact.len() {
            for c in ALPHABET.chars().filter(|c| *c != compact[i]) {
                let mut typo = compact.clone();
                typo[i] = c;
                let typo: String = typo.into_iter().collect();
                prop_assert!(ContactCode::parse(&typo).is_err(), "typo at {} accepted", i);
            }
            let mut dropped = compact.clone();
            dropped.remove(i);
            prop_assert!(ContactCode::parse(&dropped.into_iter().collect::<String>()).is_err());
            if i + 1 < compact.len() && compact[i] != compact[i + 1] {
                let mut swapped = compact.clone();
                swapped.swap(i, i + 1);
                let swapped: String = swapped.into_iter().collect();
                prop_assert!(ContactCode::parse(&swapped).is_err(), "swap at {} accepted", i);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Anything pasted into the code field is answered, never a panic; and what is
    /// accepted is a code that prints back as its own canonical form.
    #[test]
    fn any_text_is_answered_without_panicking(text in "(mend1)?[a-zA-Z0-9 -]{0,130}|\\PC{0,200}") {
        if let Ok(code) = ContactCode::parse(&text) {
            prop_assert_eq!(ContactCode::parse(&code.compact()).unwrap(), code);
        }
    }
}

#[test]
fn a_swapped_signature_is_refused() {
    let (alex, sam, carol) = (identity(), identity(), identity());
    let to = SealTo::Contact(sam.code());
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
    let first = inner_of(&seal_share(&alex, to, at, 1, items()).unwrap(), &sam);
    let second = inner_of(&seal_share(&alex, to, at, 2, items()).unwrap(), &sam);
    let (payload, _) = unframe_inner(&first).unwrap();
    let (_, other_signature) = unframe_inner(&second).unwrap();

    // The sender's signature over another of their shares.
    let swapped = frame_inner(payload, &other_signature).unwrap();
    let refused = open(&reseal(&swapped, &sam), OpenWith::Identity(&sam), never).unwrap_err();
    assert!(matches!(refused, ShareError::WronglySigned), "{refused:?}");

    // Someone else's signature over the very same payload.
    let forged = frame_inner(payload, &carol.sign(&signed_message(payload))).unwrap();
    let refused = open(&reseal(&forged, &sam), OpenWith::Identity(&sam), never).unwrap_err();
    assert!(matches!(refused, ShareError::WronglySigned), "{refused:?}");

    // The sender's name changed to someone else's, the signature kept.
    let text = std::str::from_utf8(payload).unwrap();
    let claimed = text.replace(&alex.code().compact(), &carol.code().compact());
    let claimed = frame_inner(claimed.as_bytes(), &unframe_inner(&first).unwrap().1).unwrap();
    let refused = open(&reseal(&claimed, &sam), OpenWith::Identity(&sam), never).unwrap_err();
    assert!(matches!(refused, ShareError::WronglySigned), "{refused:?}");

    // Unchanged and sealed again: still accepted (the check is the signature, not age).
    assert!(open(&reseal(&first, &sam), OpenWith::Identity(&sam), never).is_ok());
}

#[test]
fn a_share_passed_on_to_someone_else_is_not_for_them() {
    let (alex, sam, carol) = (identity(), identity(), identity());
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
    let inner =
        inner_of(&seal_share(&alex, SealTo::Contact(sam.code()), at, 1, items()).unwrap(), &sam);
    let forwarded = reseal(&inner, &carol);
    let refused = open(&forwarded, OpenWith::Identity(&carol), never).unwrap_err();
    assert!(matches!(refused, ShareError::NotForYou), "{refused:?}");
}

#[test]
fn a_payload_of_a_newer_version_is_refused_as_such() {
    let (alex, sam) = (identity(), identity());
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
    let inner =
        inner_of(&seal_share(&alex, SealTo::Contact(sam.code()), at, 1, items()).unwrap(), &sam);
    let (payload, _) = unframe_inner(&inner).unwrap();
    let newer = std::str::from_utf8(payload).unwrap().replace("\"version\":1", "\"version\":2");
    assert_ne!(newer.as_bytes(), payload);
    let signed =
        frame_inner(newer.as_bytes(), &alex.sign(&signed_message(newer.as_bytes()))).unwrap();
    let refused = open(&reseal(&signed, &sam), OpenWith::Identity(&sam), never).unwrap_err();
    assert!(matches!(refused, ShareError::UnknownVersion), "{refused:?}");
}

fn signed_fixture() -> &'static (Identity, Identity, Vec<u8>) {
    static F: std::sync::OnceLock<(Identity, Identity, Vec<u8>)> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let (alex, sam) = (identity(), identity());
        let at = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap();
        let file = seal_share(&alex, SealTo::Contact(sam.code()), at, 1, items()).unwrap();
        let inner = inner_of(&file, &sam);
        (alex, sam, inner)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

    /// The signed bytes changed and sealed again properly: the age layer is satisfied, so
    /// only the framing, the signature and the checks after it can refuse them.
    #[test]
    fn every_changed_payload_sealed_again_is_refused(
        at in any::<prop::sample::Index>(),
        bit in 0u8..8,
        insert in prop::collection::vec(any::<u8>(), 0..4),
        cut in any::<bool>(),
    ) {
        let (_, sam, inner) = signed_fixture();
        let i = at.index(inner.len());
        let mut changed = inner.clone();
        if cut {
            changed.truncate(i);
        } else if insert.is_empty() {
            changed[i] ^= 1 << bit;
        } else {
            changed.splice(i..i, insert.iter().copied());
        }
        let result = open(&reseal(&changed, sam), OpenWith::Identity(sam), never);
        prop_assert_eq!(result.is_ok(), changed == *inner);
    }
}
