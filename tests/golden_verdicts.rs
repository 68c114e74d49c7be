//! Criteria statuses and verdicts of standard 2.0 against `tests/golden/verdicts.json`, written
//! by `tools/verdicts.py`: an independent reading of DESIGN §4 (not derived from the engine),
//! over the six examples, the reviewers' scenarios and the boundary cases.

use pilot_audit::audit::{pilot_from_json, CriterionId};
use pilot_audit::{assess, Pilot};
use serde_json::Value;

use crate::common;

fn golden() -> Vec<Value> {
    let file = common::golden("verdicts.json");
    assert_eq!(file["standard"], pilot_audit::audit::STANDARD_VERSION);
    file["pilots"].as_array().unwrap().clone()
}

#[test]
fn statuses_and_verdicts_match_the_independent_reading_of_the_standard() {
    let cases = golden();
    assert!(cases.len() >= 40, "{} golden pilots", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let pilot: Pilot = pilot_from_json(case["pilot"].clone()).unwrap();
        assert_eq!(pilot.validate(), Ok(()), "{} is a valid pilot", pilot.id);
        let a = assess(&pilot);
        for c in CriterionId::ALL {
            let found = a.criteria.iter().find(|x| x.id == c).unwrap();
            let status = serde_json::to_value(found.status).unwrap();
            if status != case["statuses"][c.id()] {
                failures.push(format!(
                    "{} {}: engine {status}, golden {} ({}) — {}",
                    pilot.id,
                    c.id(),
                    case["statuses"][c.id()],
                    case["note"],
                    found.finding
                ));
            }
        }
        let verdict = serde_json::to_value(a.verdict).unwrap();
        let expected = case["verdict"].as_str().unwrap();
        let ok = match expected {
            "scale_or_fix" => verdict == "scale" || verdict == "fix",
            v => verdict == v,
        };
        if !ok {
            failures.push(format!(
                "{}: verdict engine {verdict} (score {:.1}), golden {expected} ({})",
                pilot.id, a.score, case["note"]
            ));
        }
        let close = |engine: f64, golden: &Value, what: &str| {
            let g = golden.as_f64().unwrap();
            assert!(
                (engine - g).abs() <= 1e-12,
                "{} {what}: engine {engine}, golden {g}",
                pilot.id
            );
        };
        close(
            a.reliability.upper_bound,
            &case["upper_bound"],
            "upper bound",
        );
        close(
            a.reliability.lower_bound,
            &case["lower_bound"],
            "lower bound",
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_examples_still_span_scale_fix_and_stop() {
    let verdicts: Vec<String> = pilot_audit::audit::examples::examples()
        .iter()
        .map(|p| assess(p).verdict.label().to_string())
        .collect();
    for v in ["Scale", "Fix", "Stop"] {
        assert!(verdicts.iter().any(|x| x == v), "{v} in {verdicts:?}");
    }
}
