//! The example pilots against golden figures written by `tools/reference.py`, an independent
//! implementation of DESIGN §3 at 50 digits (mpmath), not derived from the engine.

use pilot_audit::assess;
use pilot_audit::audit::examples::examples;
use serde_json::Value;

use crate::common::{self, Tolerance};

/// 1e-9 of the figure, or 1e-9 for figures below 1.
const TOLERANCE: Tolerance = Tolerance {
    rel: 1e-9,
    abs: 1e-9,
};

fn close(engine: f64, golden: f64, what: &str) {
    common::close(engine, golden, TOLERANCE, what);
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
        let golden = common::golden(&format!("examples/{}.json", pilot.id));
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
