//! Unlock first, housekeeping after: the automatic backup that follows an unlock waits
//! until the journal's first page has been read (or a few seconds have passed), so the
//! snapshot does not hold the vault, and scrypt does not hold a core, while the first page
//! is fetched and drawn.
//!
//! Invariants: a wait never outlasts its limit (a window that shows no journal, after a
//! recovery-key unlock say, still gets its backup); each unlock starts a new wait.
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long housekeeping waits for the first page at most.
pub const FIRST_PAGE_LIMIT: Duration = Duration::from_secs(8);
/// After the first page is read, time for the window to draw it.
pub const DRAW_GRACE: Duration = Duration::from_millis(1500);

#[derive(Default)]
pub struct FirstPage {
    read: Mutex<bool>,
    changed: Condvar,
}

impl FirstPage {
    fn flag(&self) -> MutexGuard<'_, bool> {
        self.read.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A new unlock: the first page is still to come.
    pub fn reset(&self) {
        *self.flag() = false;
    }

    /// The journal's first page was read.
    pub fn read(&self) {
        let mut read = self.flag();
        if !*read {
            *read = true;
            self.changed.notify_all();
        }
    }

    /// Whether the first page has been read since the last unlock.
    pub fn is_read(&self) -> bool {
        *self.flag()
    }

    /// Waits until the first page has been read or `limit` has passed; true if it was read.
    pub fn wait(&self, limit: Duration) -> bool {
        let until = Instant::now() + limit;
        let mut read = self.flag();
        while !*read {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            read = match self.changed.wait_timeout(read, left) {
                Ok((guard, _)) => guard,
                Err(p) => p.into_inner().0,
            };
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_wait_ends_when_the_first_page_is_read() {
        let page = Arc::new(FirstPage::default());
        page.reset();
        let reader = Arc::clone(&page);
        let started = Instant::now();
        let handle = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            reader.read();
        });
        assert!(page.wait(Duration::from_secs(30)));
        assert!(started.elapsed() < Duration::from_secs(30), "it did not wait for the limit");
        handle.join().unwrap();
        // Read already: no wait at all.
        assert!(page.is_read() && page.wait(Duration::ZERO));
    }

    #[test]
    fn a_wait_gives_up_at_its_limit_and_a_new_unlock_waits_again() {
        let page = FirstPage::default();
        assert!(!page.wait(Duration::from_millis(20)), "nothing read yet");
        page.read();
        page.reset();
        assert!(!page.wait(Duration::from_millis(20)), "an unlock starts a new wait");
    }
}
