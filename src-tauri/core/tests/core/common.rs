//! Shared by several areas: repeatable randomness (crash, tamper), and a new vault with a
//! relationship (sharing).

/// A small deterministic generator (xorshift), seeded per run and printed, so a failing
/// run can be repeated with `MEND_CRASH_SEED`.
pub struct Rng(pub u64);
impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

pub fn seed() -> u64 {
    use rand_core::RngCore;
    std::env::var("MEND_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand_core::OsRng.next_u64() | 1)
}

/// A new vault in `dir` with a fixed passphrase ([`PASSPHRASE`]).
pub fn new_vault(dir: &std::path::Path) -> mend_core::Vault {
    mend_core::Vault::create(
        &mend_core::VaultPaths::new(dir),
        &mend_core::Passphrase::new(PASSPHRASE.into()),
    )
    .unwrap()
}

/// The passphrase of every vault [`new_vault`] makes.
pub const PASSPHRASE: &str = "quiet lantern over the harbour wall";

/// A relationship of `role` named `name`, with nothing else filled in; its id.
pub fn add_relationship(
    vault: &mend_core::Vault,
    name: &str,
    role: mend_core::frameworks::Role,
    clock: &mend_core::FixedClock,
) -> i64 {
    let input = mend_core::relationships::RelationshipInput {
        name: name.into(),
        role,
        what_happened: String::new(),
        happened_on: None,
        breach_kind: mend_core::frameworks::BreachKind::Care,
        setting: None,
        power: None,
    };
    vault.relationships().create(&input, clock).unwrap().id
}
