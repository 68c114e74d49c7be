//! What the test modules share: the first batch of a pilot's evidence log, a golden file
//! read from `tests/golden/`, and the check of a figure against its golden value.

use pilot_audit::audit::Batch;
use pilot_audit::Pilot;
use serde_json::Value;

/// The first batch of the evidence log, made (dated 2026-01-05, the buyer's sample) if the
/// log is empty: tests set one batch's cases, failures and source.
pub fn batch0(p: &mut Pilot) -> &mut Batch {
    if p.reliability.batches.is_empty() {
        p.reliability.batches.push(Batch {
            date: "2026-01-05".into(),
            ..Default::default()
        });
    }
    &mut p.reliability.batches[0]
}

/// A golden file of `tests/golden/` (`name` as `verdicts.json`), parsed.
pub fn golden(name: &str) -> Value {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// How far a figure may be from its golden value: `rel` of the golden value's size, or
/// `abs`, whichever is wider.
#[derive(Clone, Copy)]
pub struct Tolerance {
    pub rel: f64,
    pub abs: f64,
}

/// Asserts that the engine's figure is its golden value within `tolerance`.
pub fn close(engine: f64, golden: f64, tolerance: Tolerance, what: &str) {
    let allowed = (tolerance.rel * golden.abs()).max(tolerance.abs);
    assert!(
        (engine - golden).abs() <= allowed,
        "{what}: engine {engine:e}, reference {golden:e}"
    );
}

/// Asserts that an optional engine figure is its golden value within `tolerance`, or that
/// both are null.
pub fn close_optional(engine: Option<f64>, reference: &Value, tolerance: Tolerance, what: &str) {
    match (engine, reference.as_f64()) {
        (Some(e), Some(r)) => close(e, r, tolerance, what),
        (None, None) => assert!(reference.is_null(), "{what}: reference {reference}"),
        (e, r) => panic!("{what}: engine {e:?}, reference {r:?}"),
    }
}
