//! File version 1 → 2, nothing lost (DESIGN §9, issue 15): every example and every golden
//! pilot, read through the version-1 path (an export file of version 1, as the app wrote
//! them), assesses to exactly the figures of the same pilot written by hand in version 2;
//! and the app's own version-2 export reads back to the same pilots.

use pilot_audit::audit::examples::EXAMPLES_JSON;
use pilot_audit::audit::{Batch, Pilot, Source};
use pilot_audit::store::file::{export_json, FILE_VERSION};
use pilot_audit::{assess, parse_import};
use serde_json::{json, Value};

use crate::common;

/// The version-1 pilots: the examples as they shipped until standard 3.0 and the pilots of
/// the 2.0 golden verdicts, kept as the version-1 file the app wrote
/// (`tests/golden/version1.json`).
fn version_1_pilots() -> Vec<Value> {
    let file = common::golden("version1.json");
    assert_eq!(file["version"], 1);
    let pilots = file["pilots"].as_array().unwrap().clone();
    assert!(pilots.len() >= 80, "{} version-1 pilots", pilots.len());
    pilots
}

/// The same pilot as version 2, by hand: one batch with the version-1 figures.
fn by_hand(v1: &Value) -> Pilot {
    let mut value = v1.clone();
    let r = value["reliability"].as_object_mut().unwrap();
    let cases = r
        .remove("cases_evaluated")
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    let failures = r
        .remove("failures_observed")
        .and_then(|v| v.as_u64())
        .unwrap_or(0);
    let source = match r.remove("evidence").as_ref().and_then(Value::as_str) {
        Some("buyer_sample") => Source::BuyerSample,
        Some("buyer_production") => Source::BuyerProduction,
        _ => Source::VendorTest,
    };
    r.insert("batches".into(), json!([]));
    let mut pilot: Pilot = serde_json::from_value(value).unwrap();
    if cases > 0 {
        pilot.reliability.batches.push(Batch {
            date: pilot.created_at.get(..10).unwrap_or_default().to_string(),
            cases,
            failures,
            source,
            ..Batch::default()
        });
    }
    pilot
}

#[test]
fn every_version_1_pilot_assesses_as_it_did() {
    let pilots = version_1_pilots();
    assert!(pilots.len() >= 80, "{} pilots", pilots.len());
    for v1 in &pilots {
        assert!(
            v1["reliability"].get("cases_evaluated").is_some(),
            "a version-1 pilot"
        );
        let file = json!({"format": "pilot-audit", "version": 1, "pilots": [v1]}).to_string();
        let read = parse_import(&file).unwrap_or_else(|e| panic!("{}: {e:?}", v1["id"]));
        let expected = by_hand(v1);
        assert_eq!(read[0], expected, "{}", v1["id"]);
        let (a, b) = (assess(&read[0]), assess(&expected));
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap(),
            "{}",
            v1["id"]
        );
        assert_eq!(read[0].validate(), Ok(()), "{} stays valid", v1["id"]);
    }
}

#[test]
fn export_writes_version_3_and_reads_back() {
    let pilots = parse_import(EXAMPLES_JSON).unwrap();
    let text = export_json(&pilots);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["version"], FILE_VERSION);
    assert_eq!(FILE_VERSION, 3);
    // Version 3's answers, written at their defaults for a pilot that had none.
    assert_eq!(file["pilots"][0]["task"]["ramp_months"], 0);
    assert_eq!(file["pilots"][0]["integration"]["one_off_spent"], 0.0);
    assert!(file["pilots"][0]["reliability"]["batches"].is_array());
    assert!(file["pilots"][0]["reliability"]
        .get("cases_evaluated")
        .is_none());
    assert_eq!(parse_import(&text).unwrap(), pilots);
}

/// File version 3 (DESIGN §2, §3): the ramp and the one-off already spent are read, kept
/// through a round trip, and checked at their fields; a version-2 file reads them as 0.
#[test]
fn version_3_answers_round_trip_and_are_checked_at_their_fields() {
    let mut pilot = parse_import(EXAMPLES_JSON).unwrap().remove(0);
    pilot.task.ramp_months = 6;
    pilot.integration.one_off_spent = pilot.integration.one_off_cost / 2.0;
    assert_eq!(pilot.validate(), Ok(()));
    let back = parse_import(&export_json(std::slice::from_ref(&pilot))).unwrap();
    assert_eq!(back, vec![pilot.clone()]);
    let mut v2: Value = serde_json::to_value(&pilot).unwrap();
    v2["task"].as_object_mut().unwrap().remove("ramp_months");
    v2["integration"]
        .as_object_mut()
        .unwrap()
        .remove("one_off_spent");
    let file = serde_json::json!({"format": "pilot-audit", "version": 2, "pilots": [v2]});
    let read = parse_import(&file.to_string()).unwrap().remove(0);
    assert_eq!(
        (read.task.ramp_months, read.integration.one_off_spent),
        (0, 0.0)
    );

    let mut over = pilot.clone();
    over.integration.one_off_spent = over.integration.one_off_cost + 1.0;
    let errors = over.validate().unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path.to_string(), "integration.one_off_spent");
    assert!(
        errors[0]
            .message
            .starts_with("must be at most the one-off cost ("),
        "{}",
        errors[0].message
    );
    let mut slow = pilot;
    slow.task.ramp_months = 25;
    let errors = slow.validate().unwrap_err();
    assert_eq!(errors[0].path.to_string(), "task.ramp_months");
    assert!(
        errors[0].message.contains("between 0 and 24 months"),
        "{}",
        errors[0].message
    );
}
