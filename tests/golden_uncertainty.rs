//! The first part of DESIGN §10 against `tools/uncertainty.py`, an independent reading of
//! the design in mpmath at 50+ digits (no Rust read): the Jeffreys posterior's chance of
//! meeting the target, the power table of plans with 0–3 allowed failures, the chance to
//! demonstrate with more cases (beta-binomial) and the least more cases for an 80% chance,
//! from no evidence up to ten million cases.

use pilot_audit::audit::reliability::reliability;
use pilot_audit::audit::uncertainty::{
    cases_for_80_percent, chance_to_demonstrate, p_meets_target, power,
};

use crate::common::{self, Tolerance};

/// Probabilities: 1e-7 relative, or 1e-12 absolute near 0.
const TOLERANCE: Tolerance = Tolerance {
    rel: 1e-7,
    abs: 1e-12,
};

fn close(engine: f64, golden: f64, what: &str) {
    common::close(engine, golden, TOLERANCE, what);
}

#[test]
fn posterior_power_and_chance_match_the_independent_reference() {
    let golden = common::golden("uncertainty.json");
    let cases = golden["cases"].as_array().expect("cases");
    assert!(cases.len() >= 30, "{} cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let (n, k) = (case["n"].as_u64().unwrap(), case["k"].as_u64().unwrap());
        let (target, confidence) = (
            case["target"].as_f64().unwrap(),
            case["confidence"].as_f64().unwrap(),
        );
        let e = &case["expected"];
        match (p_meets_target(n, k, target), e["p_meets_target"].as_f64()) {
            (None, None) => {}
            (Some(p), Some(g)) => close(p, g, &format!("{name}: p_meets_target")),
            (p, g) => panic!("{name}: p_meets_target {p:?}, reference {g:?}"),
        }
        let rows = power(target, confidence);
        let golden_rows = e["power"].as_array().unwrap();
        assert_eq!(rows.len(), golden_rows.len(), "{name}: power rows");
        for (r, g) in rows.iter().zip(golden_rows) {
            assert_eq!(
                r.allowed_failures,
                g["allowed_failures"].as_u64().unwrap(),
                "{name}"
            );
            assert_eq!(
                r.planned_cases,
                g["planned_cases"].as_u64(),
                "{name}: planned"
            );
            close(
                r.true_failure_rate,
                g["true_failure_rate"].as_f64().unwrap(),
                &format!("{name}: q"),
            );
            match (r.probability, g["probability"].as_f64()) {
                (None, None) => {}
                (Some(p), Some(gp)) => close(
                    p,
                    gp,
                    &format!(
                        "{name}: power j={} q={}",
                        r.allowed_failures, r.true_failure_rate
                    ),
                ),
                (p, gp) => panic!("{name}: power {p:?}, reference {gp:?}"),
            }
        }
        let rel = reliability(n, k, target, confidence);
        if let Some(needed) = e["cases_needed"].as_u64() {
            assert_eq!(rel.cases_needed, Some(needed), "{name}: cases needed");
        }
        let chances = chance_to_demonstrate(n, k, rel.cases_needed, target, confidence);
        let golden_chances = e["chance_to_demonstrate"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(
            chances.len(),
            golden_chances.len(),
            "{name}: chances {chances:?}"
        );
        for (c, g) in chances.iter().zip(&golden_chances) {
            assert_eq!(c.more_cases, g["more_cases"].as_u64().unwrap(), "{name}");
            close(
                c.probability,
                g["probability"].as_f64().unwrap(),
                &format!("{name}: chance m={}", c.more_cases),
            );
        }
        assert_eq!(
            cases_for_80_percent(n, k, rel.demonstrated, target, confidence),
            e["cases_for_80_percent"].as_u64(),
            "{name}: cases for 80%"
        );
    }
}
