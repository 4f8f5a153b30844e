//! End-to-end tests of the real app window. Run with a display (Xvfb) and tauri-driver:
//! `cargo test --features e2e --test e2e -- --test-threads=1` (see .ci/test).
// Test code: a failed unwrap is a failed test. [workspace.lints] denies these elsewhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod appearance;
mod calendar;
mod durability;
mod frameworks;
mod harness;
mod hostile;
mod keyboard;
mod leak;
mod memory;
mod package;
mod progress;
mod rekey;
mod relationships;
mod reminders;
mod safety;
mod screens;
mod sharing;
mod timeline;
mod transfer;
mod vault;
