//! Bad evidence logs (issue 15, point 6): every problem named by path in words, a file
//! with a wrong type refused whole, out-of-range batches imported as drafts with the
//! answers marked; and a log of 10,000 batches that imports under the 5 MB cap.

use pilot_audit::audit::examples::examples;
use pilot_audit::parse_import;
use pilot_audit::store::file::MAX_IMPORT_BYTES;
use serde_json::{json, Value};

fn file_with(batches: Value, plans: Value) -> String {
    let mut pilot = serde_json::to_value(&examples()[0]).unwrap();
    pilot["reliability"]["batches"] = batches;
    pilot["reliability"]["plans"] = plans;
    json!({"format": "pilot-audit", "version": 2, "pilots": [pilot]}).to_string()
}

fn batch(date: &str, cases: u64, failures: u64) -> Value {
    json!({"date": date, "cases": cases, "failures": failures, "source": "buyer_sample",
           "model_version": "v1", "note": ""})
}

#[test]
fn out_of_range_batches_are_drafts_with_each_problem_by_path() {
    let text = file_with(
        json!([
            batch("2026-01-05", 100, 0),
            batch("2026-02-01", 10, 12),
            batch("2999-01-01", 100, 0),
            batch("2026-01-20", 100, 0),
            batch("2026-03-01", 0, 0),
            batch("2026-02-30", 100, 0),
        ]),
        json!([{"set_on": "2026-03-01", "target": 0.999, "confidence": 0.95,
                "allowed_failures": 25, "decide_by": "2026-02-01"}]),
    );
    let pilots = parse_import(&text).expect("out of range only: a draft");
    let errors: Vec<String> = pilots[0]
        .validate()
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    for expected in [
        "reliability.batches[1].failures: must not exceed the batch's cases (10)",
        "reliability.batches[2].date: must not be later than today",
        "reliability.batches[3].date: must not be before the batch above it (2999-01-01): the log is oldest first",
        "reliability.batches[4].cases: must be between 1 and 1,000,000,000 cases",
        "reliability.batches[5].date: must be a date written YYYY-MM-DD, such as 2026-03-31",
        "reliability.plans[0].allowed_failures: must be between 0 and 20 failures",
        "reliability.plans[0].decide_by: must not be before the plan was set (2026-03-01)",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "missing {expected:?} in {errors:#?}"
        );
    }
}

#[test]
fn wrong_types_refuse_the_file_naming_each() {
    let mut bad_source = batch("2026-01-05", 100, 0);
    bad_source["source"] = json!("vendor_claim");
    let mut bad_cases = batch("2026-01-06", 100, 0);
    bad_cases["cases"] = json!("lots");
    let text = file_with(json!([bad_source, bad_cases, 7]), json!({}));
    let errors = parse_import(&text).unwrap_err();
    for expected in [
        "pilots[0].reliability.batches[0].source: “vendor_claim” — one of “buyer_sample”, “buyer_production”, “vendor_test”",
        "pilots[0].reliability.batches[1].cases: “lots” — a whole number of cases from 1 to 1,000,000,000",
        "pilots[0].reliability.batches[2]: 7 — a group of fields",
        "pilots[0].reliability.plans: a group of fields — a list",
    ] {
        assert!(errors.iter().any(|e| e == expected), "missing {expected:?} in {errors:#?}");
    }
}

#[test]
fn ten_thousand_batches_import_under_the_cap() {
    let batches: Vec<Value> = (0..10_000)
        .map(|i| {
            batch(
                &format!("2026-{:02}-{:02}", 1 + i / 1000 % 10, 1 + i % 28),
                500,
                (i % 3) as u64,
            )
        })
        .collect();
    // Dates oldest first: sort the generated ones.
    let mut batches = batches;
    batches.sort_by(|a, b| a["date"].as_str().cmp(&b["date"].as_str()));
    let text = file_with(json!(batches), json!([]));
    assert!(
        (text.len() as u64) < MAX_IMPORT_BYTES,
        "{} bytes",
        text.len()
    );
    let pilots = parse_import(&text).unwrap();
    assert_eq!(pilots[0].reliability.batches.len(), 10_000);
    assert_eq!(pilots[0].validate(), Ok(()));
    let a = pilot_audit::assess(&pilots[0]);
    assert_eq!(a.reliability.evidence.cases, 5_000_000);
    assert!(a.reliability.drift.is_some());
    println!("10,000 batches: {} bytes", text.len());
}
