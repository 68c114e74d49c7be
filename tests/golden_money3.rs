//! The money of standard 3.0 the engine has so far — the ramp, the one-off already spent
//! (file version 3) and the price-shock headroom (DESIGN §3) — against the reference written
//! from DESIGN alone (`tools/standard3.py`, `tests/golden/standard3.json`): at the failure
//! rate of each of its cases, the engine's month-by-month money matches it. Only the money
//! is checked here, and only where the volume is all served (V ≤ capacity, or pay per use):
//! the criteria and the verdict of standard 3.0, and served volume, are not the engine's yet.

use crate::common::{close, golden, Tolerance};
use pilot_audit::audit::economics::{economic_case, price_shock_headroom};
use pilot_audit::audit::Headroom;
use pilot_audit::Pilot;
use serde_json::Value;

const TOLERANCE: Tolerance = Tolerance {
    rel: 1e-9,
    abs: 1e-6,
};

fn optional(engine: Option<f64>, reference: &Value, what: &str) {
    match (engine, reference.as_f64()) {
        (Some(e), Some(r)) => close(e, r, TOLERANCE, what),
        (None, None) => {}
        (e, r) => panic!("{what}: engine {e:?}, reference {r:?}"),
    }
}

#[test]
fn month_by_month_money_matches_the_reference() {
    let table = golden("standard3.json");
    let (mut checked, mut ramped, mut spent, mut factors) = (0, 0, 0, 0);
    for scenario in table["pilots"].as_array().unwrap() {
        let name = scenario["name"].as_str().unwrap();
        let pilot: Pilot = serde_json::from_value(scenario["pilot"].clone()).unwrap();
        let expected = &scenario["expected"];
        if expected["served_volume"].as_f64() != Some(pilot.task.monthly_volume) {
            continue;
        }
        let p = pilot.sanitized();
        for which in ["expected", "conservative"] {
            let g = &expected[which];
            let case = economic_case(&p, g["failure_rate"].as_f64().unwrap());
            let what = |figure: &str| format!("{name}, {which} case: {figure}");
            close(
                case.monthly_net_value,
                g["monthly_net_value"].as_f64().unwrap(),
                TOLERANCE,
                &what("net value"),
            );
            optional(case.payback_months, &g["payback_months"], &what("payback"));
            close(
                case.npv,
                g["npv"].as_f64().unwrap(),
                TOLERANCE,
                &what("NPV"),
            );
            close(
                case.npv_including_spent,
                g["npv_including_spent"].as_f64().unwrap(),
                TOLERANCE,
                &what("NPV with the money spent"),
            );
            optional(case.roi, &g["roi"], &what("ROI"));
        }
        let conservative = economic_case(
            &p,
            expected["conservative"]["failure_rate"].as_f64().unwrap(),
        );
        match (price_shock_headroom(&conservative), &expected["headroom"]) {
            (Some(Headroom::Factor(x)), g) if g.is_number() => {
                close(
                    x,
                    g.as_f64().unwrap(),
                    TOLERANCE,
                    &format!("{name}: headroom"),
                );
                factors += 1;
            }
            (Some(Headroom::Unlimited(_)), g) if g == "infinite" => {}
            (None, Value::Null) => {}
            (engine, g) => panic!("{name}: headroom {engine:?}, reference {g}"),
        }
        checked += 1;
        ramped += usize::from(pilot.task.ramp_months > 0);
        spent += usize::from(pilot.integration.one_off_spent > 0.0);
    }
    assert!(
        checked >= 80 && ramped >= 5 && spent >= 3 && factors >= 9,
        "{checked} {ramped} {spent} {factors}"
    );
}
