//! Shared by the areas that need repeatable randomness (crash, tamper).

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
