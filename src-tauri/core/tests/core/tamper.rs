//! Tampering: random bytes flipped in a copy of a real vault are always caught — the
//! vault refuses to open, or SQLCipher's page check names the damaged pages — and the
//! text that still reads back is never altered. The original is never written to.
use crate::common::{seed, Rng};
use mend_core::{FixedClock, Passphrase, Vault, VaultError, VaultPaths};
use std::collections::HashMap;
use std::path::Path;

const PASS: &str = "quiet lantern over the harbour wall";

fn digest(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    all.sort();
    all
}

#[test]
fn flipped_bytes_are_reported_and_never_read_as_text() {
    let seed = seed();
    let mut rng = Rng(seed);
    let root = tempfile::tempdir().unwrap();
    let original = VaultPaths::new(root.path().join("original"));
    let mut bodies = HashMap::new();
    {
        let v = Vault::create(&original, &Passphrase::new(PASS.into())).unwrap();
        let clock = FixedClock::new(chrono::DateTime::UNIX_EPOCH + chrono::Duration::days(20_000));
        for i in 0..300 {
            let body = format!("entry {i}: {}", "a careful, honest sentence. ".repeat(i % 30 + 1));
            let e = v.journal().create(&body, &clock).unwrap();
            bodies.insert(e.id, body);
        }
    }
    let before = digest(original.dir());
    let db = std::fs::read(original.database()).unwrap();
    let trials = 60;
    let (mut refused, mut reported) = (0, 0);
    for trial in 0..trials {
        let copy = VaultPaths::new(root.path().join(format!("copy-{trial}")));
        std::fs::create_dir_all(copy.dir()).unwrap();
        std::fs::copy(original.key_file(), copy.key_file()).unwrap();
        let mut bytes = db.clone();
        for _ in 0..=rng.below(8) {
            let at = rng.below(bytes.len() as u64) as usize;
            bytes[at] ^= 1 + rng.below(255) as u8;
        }
        std::fs::write(copy.database(), &bytes).unwrap();

        match Vault::unlock(&copy, &Passphrase::new(PASS.into())) {
            Err(VaultError::Corrupt) => refused += 1,
            Err(other) => panic!("seed {seed}, trial {trial}: unexpected error {other:?}"),
            Ok(v) => {
                let conn = v.connection();
                let mut stmt = conn.prepare("PRAGMA cipher_integrity_check").unwrap();
                let problems: Vec<String> = stmt
                    .query_map([], |r| r.get::<_, String>(0))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                assert!(!problems.is_empty(), "seed {seed}, trial {trial}: damage went unreported");
                assert!(problems.iter().all(|p| p.contains("page")), "{problems:?}");
                reported += 1;
                // Whatever still reads back is exactly what was written.
                if let Ok(mut stmt) = conn.prepare("SELECT id, body FROM entry") {
                    if let Ok(rows) =
                        stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                    {
                        for row in rows.flatten() {
                            assert_eq!(
                                Some(&row.1),
                                bodies.get(&row.0),
                                "seed {seed}, trial {trial}"
                            );
                        }
                    }
                }
            }
        }
    }
    assert_eq!(digest(original.dir()), before, "the original was never written to");
    eprintln!("{trials} damaged copies: {refused} refused to open, {reported} opened with the bad pages named (seed {seed})");
}
