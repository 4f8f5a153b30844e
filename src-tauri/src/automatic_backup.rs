//! The automatic backups Mend takes into its data folder after an unlock and after every
//! change of passphrase (encrypted to the passphrase that opens the journal then).
//!
//! Invariants: after an unlock it waits for the journal's first page (housekeeping.rs);
//! the snapshot is taken under the vault's lock, the slow encryption outside
//! it, so the person can go on writing; no backup under an old passphrase lands after a
//! re-key has removed the old ones (both hold `AppState`'s backups lock, and a backup asked
//! for before a re-key stands down).
use crate::housekeeping;
use crate::state::AppState;
use mend_core::transfer::backup;
use mend_core::Passphrase;
use tauri::{AppHandle, Manager, Runtime};

/// Takes an automatic backup, encrypted to `passphrase`, on a thread of its own. A re-key
/// that came after this was asked for makes it stand down: its passphrase may be the old
/// one. Failures are reported without detail (they carry no journal text either way).
/// Returns whether a backup will be taken (automatic backups are on).
pub fn spawn<R: Runtime>(app: AppHandle<R>, passphrase: Passphrase) -> bool {
    let state = app.state::<AppState>();
    let asked_at = state.rekeys();
    let on = state.peek(|v| v.settings().backups_kept().ok()).is_some_and(|kept| kept > 0);
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        // Unlock first: the first page is fetched and drawn before the snapshot and scrypt.
        // (After a re-key the page was read long ago: no wait.)
        if !state.first_page.is_read() && state.first_page.wait(housekeeping::FIRST_PAGE_LIMIT) {
            std::thread::sleep(housekeeping::DRAW_GRACE);
        }
        let _held = state.hold_backups();
        if state.rekeys() != asked_at {
            return;
        }
        let Some((image, kept)) =
            state.peek(|v| Some((v.snapshot().ok()?, v.settings().backups_kept().ok()?)))
        else {
            return;
        };
        if let Err(e) = backup::rotate(&image, &passphrase, state.paths.dir(), kept) {
            eprintln!("Mend could not take its automatic backup: {e}");
        }
    });
    on
}
