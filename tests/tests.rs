//! The native tests, one binary (as ripgrep keeps them): each module below is one suite,
//! `common` what they share. The browser tests are `tests/browser.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

mod boot;
mod engine;
mod evidence_input;
mod golden_evidence;
mod golden_fingerprints;
mod golden_sourcing;
mod golden_standard3;
mod golden_uncertainty;
mod import_fuzz;
mod migration;
mod properties;
mod ranges;
mod reliability;
mod simulation;
