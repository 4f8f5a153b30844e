//! The core's integration tests on real vault files, in one test binary with a module per
//! area, so the crate and its dependencies are linked once rather than once per file.
//!
//! `cargo test -p mend-core --test core` runs them all; `cargo test -p mend-core --test core
//! crash::` runs one area. Data the tests read is in `tests/data/` and `tests/fixtures/`;
//! what several areas share is in [`common`].
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

mod apology;
mod backup;
mod calendar;
mod crash;
mod export;
mod guide;
mod import;
mod import_formats;
mod journal;
mod ledger;
mod migrations;
mod progress;
mod safety;
mod setting;
mod share;
mod sharing;
mod tamper;
mod theirs;
mod vault;
