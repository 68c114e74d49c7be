//! The example pilots against golden figures written by `tools/reference.py`, an independent
//! implementation of DESIGN §3 at 50 digits (mpmath), not derived from the engine.
#![cfg(not(target_arch = "wasm32"))]

use pilot_audit::assess;
use pilot_audit::audit::examples::examples;
use serde_json::Value;

fn close(engine: f64, golden: f64, what: &str) {
    let tolerance = 1e-9 * golden.abs().max(1.0);
    assert!(
        (engine - golden).abs() <= tolerance,
        "{what}: engine {engine} vs golden {golden}"
    );
}

fn optional(engine: Option<f64>, golden: &Value, what: &str) {
    match (engine, golden.as_f64()) {
        (Some(e), Some(g)) => close(e, g, what),
        (None, None) => assert!(golden.is_null(), "{what}: golden is {golden}"),
        (e, _) => panic!("{what}: engine {e:?} vs golden {golden}"),
    }
}

#[test]
fn examples_match_the_independent_reference() {
    let pilots = examples();
    assert_eq!(pilots.len(), 6);
    for pilot in pilots {
        let path = format!(
            "{}/tests/golden/examples/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            pilot.id
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let golden: Value = serde_json::from_str(&text).unwrap();
        let a = assess(&pilot);
        let id = &pilot.id;
        let r = &golden["reliability"];
        optional(
            a.reliability.point_estimate,
            &r["point_estimate"],
            &format!("{id} point estimate"),
        );
        close(
            a.reliability.lower_bound,
            r["lower_bound"].as_f64().unwrap(),
            &format!("{id} lower bound"),
        );
        close(
            a.reliability.upper_bound,
            r["upper_bound"].as_f64().unwrap(),
            &format!("{id} upper bound"),
        );
        assert_eq!(
            a.reliability.cases_needed,
            r["cases_needed"].as_u64(),
            "{id} cases needed"
        );
        for (name, case) in [
            ("expected", &a.economics.expected),
            ("conservative", &a.economics.conservative),
        ] {
            let g = &golden[name];
            let what = |field: &str| format!("{id} {name} {field}");
            close(
                case.failure_rate,
                g["failure_rate"].as_f64().unwrap(),
                &what("failure rate"),
            );
            close(
                case.human_cost_per_task,
                g["human_cost_per_task"].as_f64().unwrap(),
                &what("human cost"),
            );
            optional(
                case.ai_cost_per_task,
                &g["ai_cost_per_task"],
                &what("AI cost per task"),
            );
            close(
                case.monthly_net_value,
                g["monthly_net_value"].as_f64().unwrap(),
                &what("net value"),
            );
            optional(case.payback_months, &g["payback_months"], &what("payback"));
            close(case.npv, g["npv"].as_f64().unwrap(), &what("NPV"));
            optional(case.roi, &g["roi"], &what("ROI"));
        }
    }
}
