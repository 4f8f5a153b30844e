//! Time in Mend, in one place: where "now" comes from ([`clock`]), how instants are
//! stored (`instant`), how the calendar dates a person types are read ([`dates`]), and
//! when a quiet spell locks the vault ([`idle`]).
//!
//! Invariants:
//! - Only [`SystemClock`] reads the system clock (core's clippy.toml bans it everywhere
//!   else); everything else is handed a [`Clock`] or an instant, so streaks, schedules,
//!   reminders and idle locks are tested at fixed instants.
//! - An instant is stored as Unix milliseconds in UTC; a calendar date (a due day, the
//!   day something happened) as `YYYY-MM-DD`, parsed strictly, never guessed.
//! - `mend-core` never looks up the person's time zone: the app passes a zone, or a
//!   function from an instant to its local day, to whatever needs one.
pub mod clock;
pub mod dates;
pub mod idle;
pub(crate) mod instant;

pub use clock::{Clock, FixedClock, SystemClock};
pub use idle::IdleTimer;
