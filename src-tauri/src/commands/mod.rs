//! Thin adapters: each command takes the app state, calls one core function and maps
//! the error. Every command is declared in build.rs and granted in the capability.
pub mod appearance;
pub mod calendar;
pub mod discretion;
pub mod journal;
pub mod ledger;
pub mod progress;
pub mod relationships;
pub mod safety;
pub mod shared_evidence;
pub mod sharing;
pub mod transfer;
pub mod vault;
