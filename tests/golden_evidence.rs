//! The evidence log (DESIGN §9) against `tools/evidence.py`, an independent reading of the
//! design written without the Rust code: counted evidence, Fisher's exact test for drift
//! (the reference sums exactly with Python integers) and its power against a 4× rise, plan status and the history of the
//! lower bound, on 52 logs including 10-million-case batches and p-values either side of 0.05.

use pilot_audit::audit::evidence::history;
use pilot_audit::audit::{assess_on, Pilot, Reliability};
use serde_json::Value;

use crate::common::{self, Tolerance};

/// Within `tolerance` of the golden value's size.
fn close(engine: f64, golden: f64, tolerance: f64, what: &str) {
    let relative = Tolerance {
        rel: tolerance,
        abs: tolerance * 1e-300,
    };
    common::close(engine, golden, relative, what);
}

#[test]
fn evidence_log_matches_the_independent_reference() {
    let golden = common::golden("evidence.json");
    let cases = golden["cases"].as_array().expect("cases");
    assert!(cases.len() >= 40);
    let mut powers = 0;
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let reliability: Reliability =
            serde_json::from_value(case["reliability"].clone()).expect(name);
        let pilot = Pilot {
            reliability: reliability.clone(),
            ..Pilot::default()
        };
        let a = assess_on(&pilot, case["today"].as_str().unwrap()).reliability;
        let e = &case["expected"];
        let ev = &a.evidence;
        assert_eq!(
            serde_json::to_value(ev.kind).unwrap(),
            e["evidence"],
            "{name}: kind"
        );
        assert_eq!(
            ev.cases,
            e["counted_cases"].as_u64().unwrap(),
            "{name}: cases"
        );
        assert_eq!(
            ev.failures,
            e["counted_failures"].as_u64().unwrap(),
            "{name}: failures"
        );
        assert_eq!(
            ev.batches,
            e["counted_batches"].as_u64().unwrap(),
            "{name}: batches"
        );
        assert_eq!(
            ev.left_out_cases,
            e["left_out_cases"].as_u64().unwrap(),
            "{name}: left out"
        );
        assert_eq!(
            ev.vendor_cases_left_out,
            e["vendor_cases_left_out"].as_u64().unwrap(),
            "{name}: vendor left out"
        );
        match (&a.drift, &e["drift"]) {
            (None, Value::Null) => {}
            (Some(d), g) if g.is_object() => {
                close(
                    d.p_value,
                    g["p_value"].as_f64().unwrap(),
                    1e-9,
                    &format!("{name}: p"),
                );
                assert_eq!(
                    d.flagged,
                    g["flagged"].as_bool().unwrap(),
                    "{name}: flagged"
                );
                assert_eq!(
                    d.window_cases,
                    g["window_cases"].as_u64().unwrap(),
                    "{name}"
                );
                let power = d.power.expect("the full assessment works out the power");
                assert!((0.0..=1.0).contains(&power), "{name}: power {power}");
                if let Some(reference) = g["power"].as_f64() {
                    close(power, reference, 1e-9, &format!("{name}: power"));
                    powers += 1;
                }
            }
            (d, g) => panic!("{name}: drift {d:?}, reference {g}"),
        }
        match (&a.plan, &e["plan"]) {
            (None, Value::Null) => {}
            (Some(p), g) if g.is_object() => {
                assert_eq!(
                    serde_json::to_value(p.status).unwrap(),
                    g["status"],
                    "{name}: status"
                );
                assert_eq!(
                    p.planned_cases,
                    g["planned_cases"].as_u64(),
                    "{name}: planned"
                );
                assert_eq!(
                    p.counted_cases,
                    g["counted_cases"].as_u64().unwrap(),
                    "{name}"
                );
                assert_eq!(
                    p.counted_failures,
                    g["counted_failures"].as_u64().unwrap(),
                    "{name}"
                );
            }
            (p, g) => panic!("{name}: plan {p:?}, reference {g}"),
        }
        let points = history(&reliability);
        let golden_points = e["history"].as_array().unwrap();
        assert_eq!(points.len(), golden_points.len(), "{name}: history");
        for (p, g) in points.iter().zip(golden_points) {
            assert_eq!(p.date, g["date"].as_str().unwrap(), "{name}");
            assert_eq!(
                (p.cases, p.failures),
                (
                    g["cases"].as_u64().unwrap(),
                    g["failures"].as_u64().unwrap()
                )
            );
            close(
                p.lower_bound,
                g["lower_bound"].as_f64().unwrap(),
                1e-12,
                &format!("{name}: bound"),
            );
        }
    }
    assert!(powers >= 20, "{powers} drift powers checked");
}
