//! When to lock after a quiet spell.
//!
//! Idle time is measured on two clocks and the larger wins: the monotonic clock (immune
//! to someone changing the time) and the wall clock (which, unlike the monotonic clock on
//! Linux, keeps running while the computer sleeps). A laptop closed for an hour is
//! therefore locked the moment it wakes, and setting the clock back cannot keep a vault
//! open. Both readings are passed in, so this is tested without waiting.
use chrono::{DateTime, Utc};
use std::time::Duration;

#[derive(Debug, Clone, Copy)]
pub struct IdleTimer {
    last_mono: Duration,
    last_wall: DateTime<Utc>,
}

impl IdleTimer {
    /// `mono` is any monotonic reading (e.g. time since the app started).
    pub fn new(mono: Duration, wall: DateTime<Utc>) -> Self {
        Self { last_mono: mono, last_wall: wall }
    }

    /// The person did something.
    pub fn touch(&mut self, mono: Duration, wall: DateTime<Utc>) {
        *self = Self::new(mono, wall);
    }

    /// How long it has been quiet, by the larger of the two clocks.
    pub fn idle_for(&self, mono: Duration, wall: DateTime<Utc>) -> Duration {
        let by_mono = mono.saturating_sub(self.last_mono);
        let by_wall = (wall - self.last_wall).to_std().unwrap_or(Duration::ZERO);
        by_mono.max(by_wall)
    }

    pub fn should_lock(&self, mono: Duration, wall: DateTime<Utc>, limit: Duration) -> bool {
        self.idle_for(mono, wall) >= limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 29, h, m, s).unwrap()
    }
    const FIVE_MIN: Duration = Duration::from_secs(300);

    #[test]
    fn locks_after_the_limit_and_not_before() {
        let t = IdleTimer::new(Duration::from_secs(10), at(9, 0, 0));
        assert!(!t.should_lock(Duration::from_secs(309), at(9, 4, 59), FIVE_MIN));
        assert!(t.should_lock(Duration::from_secs(310), at(9, 5, 0), FIVE_MIN));
    }

    #[test]
    fn activity_resets_the_timer() {
        let mut t = IdleTimer::new(Duration::from_secs(0), at(9, 0, 0));
        t.touch(Duration::from_secs(240), at(9, 4, 0));
        assert!(!t.should_lock(Duration::from_secs(400), at(9, 6, 40), FIVE_MIN));
        assert!(t.should_lock(Duration::from_secs(540), at(9, 9, 0), FIVE_MIN));
    }

    #[test]
    fn sleep_counts_as_idle_even_though_the_monotonic_clock_paused() {
        let t = IdleTimer::new(Duration::from_secs(100), at(9, 0, 0));
        // Two seconds of monotonic time, but the wall clock moved an hour: the lid was shut.
        assert!(t.should_lock(Duration::from_secs(102), at(10, 0, 2), FIVE_MIN));
    }

    #[test]
    fn setting_the_clock_back_does_not_keep_the_vault_open() {
        let t = IdleTimer::new(Duration::from_secs(100), at(9, 0, 0));
        assert!(t.should_lock(Duration::from_secs(400), at(8, 0, 0), FIVE_MIN));
    }
}
