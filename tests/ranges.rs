//! Ranges on inputs (DESIGN §10): validated at each end, saved and read back through the
//! file, shown with the answer, and swung across by the tornado.

use pilot_audit::audit::economics::economic_case;
use pilot_audit::audit::examples::examples;
use pilot_audit::audit::schema::{Field, RangeEnd};
use pilot_audit::audit::sensitivity::Driver;
use pilot_audit::audit::{assess, InputRange, Pilot};
use pilot_audit::parse_import;
use pilot_audit::store::file::export_json;

fn triage() -> Pilot {
    examples()
        .into_iter()
        .find(|p| p.id == "example-ticket-triage")
        .unwrap()
}

fn with_range(mut p: Pilot, path: &str, low: f64, high: f64) -> Pilot {
    p.ranges.insert(path.into(), InputRange { low, high });
    p
}

fn problems(p: &Pilot) -> Vec<String> {
    p.validate()
        .err()
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn each_end_is_checked_against_its_rule_and_the_answer() {
    let p = triage();
    let volume = p.task.monthly_volume;
    assert_eq!(volume, 60_000.0, "the example this test reads");
    assert!(problems(&with_range(
        p.clone(),
        "task.monthly_volume",
        30_000.0,
        90_000.0
    ))
    .is_empty());
    assert_eq!(
        problems(&with_range(
            p.clone(),
            "task.monthly_volume",
            65_000.0,
            90_000.0
        )),
        ["ranges.task.monthly_volume.low: must not be above the answer (60000)"]
    );
    assert_eq!(
        problems(&with_range(
            p.clone(),
            "task.monthly_volume",
            30_000.0,
            55_000.0
        )),
        ["ranges.task.monthly_volume.high: must not be below the answer (60000)"]
    );
    assert_eq!(
        problems(&with_range(p.clone(), "task.monthly_volume", volume, volume)),
        ["ranges.task.monthly_volume.high: must be above the low end (60000): a range needs room to vary"]
    );
    assert_eq!(
        problems(&with_range(p.clone(), "task.monthly_volume", -1.0, 2e9)),
        [
            "ranges.task.monthly_volume.low: must be 0 or more",
            "ranges.task.monthly_volume.high: must be between 0 and 1,000,000,000 tasks a month"
        ]
    );
    // Rates in the file are fractions, shown as percentages.
    let rate = with_range(p.clone(), "task.human_error_rate", 0.09, 0.2);
    assert_eq!(
        problems(&rate),
        [format!(
            "ranges.task.human_error_rate.low: must not be above the answer ({}%)",
            p.task.human_error_rate * 100.0
        )]
    );
    let elsewhere = with_range(p.clone(), "finance.discount_rate", 0.05, 0.2);
    assert_eq!(problems(&elsewhere).len(), 1);
    assert!(problems(&elsewhere)[0].starts_with("ranges.finance.discount_rate: takes no range"));
    // The engine draws only from valid ranges: the others are left out of its copy.
    assert!(elsewhere.sanitized().ranges.is_empty());
    let kept = with_range(p, "task.monthly_volume", 30_000.0, 90_000.0);
    assert_eq!(kept.sanitized().ranges, kept.ranges);
}

#[test]
fn ranges_travel_through_the_file_and_wrong_shapes_are_refused() {
    let p = with_range(triage(), "compute.monthly_licence", 1000.0, 9000.0);
    let file = export_json(std::slice::from_ref(&p));
    assert!(file.contains("\"ranges\""));
    assert_eq!(parse_import(&file), Ok(vec![p.clone()]));
    let mut value: serde_json::Value = serde_json::from_str(&file).unwrap();
    value["pilots"][0]["ranges"]["task.monthly_volume"] =
        serde_json::json!({"low": "lots", "high": 5});
    value["pilots"][0]["ranges"]["finance.horizon_months"] =
        serde_json::json!({"low": 1, "high": 2});
    value["pilots"][0]["ranges"]["task.hourly_cost"] = serde_json::json!({"low": 1});
    let errors = parse_import(&value.to_string()).unwrap_err();
    assert!(errors.contains(&"pilots[0].ranges.task.monthly_volume.low: “lots” — a number of tasks a month from 0 to 1,000,000,000".to_string()), "{errors:#?}");
    assert!(errors.iter().any(|e| e.starts_with("pilots[0].ranges.finance.horizon_months: not an answer that takes a range — one of “task.monthly_volume”")), "{errors:#?}");
    assert!(
        errors.contains(
            &"pilots[0].ranges.task.hourly_cost.high: missing — an amount from 0 to 1,000,000"
                .to_string()
        ),
        "{errors:#?}"
    );
    assert_eq!(errors.len(), 3, "{errors:#?}");
    // Only out of range: a draft with the end marked.
    let mut value: serde_json::Value = serde_json::from_str(&file).unwrap();
    value["pilots"][0]["ranges"]["compute.monthly_licence"]["low"] = serde_json::json!(-4);
    let drafts = parse_import(&value.to_string()).expect("a draft");
    assert_eq!(
        problems(&drafts[0]),
        ["ranges.compute.monthly_licence.low: must be 0 or more"]
    );
}

#[test]
fn the_answer_shows_with_its_range() {
    let p = with_range(triage(), "task.human_error_rate", 0.01, 0.05);
    let spec = Field::HumanErrorRate.spec();
    assert_eq!(
        spec.shown_with_range(&p),
        format!("{} (1% to 5%)", spec.shown(&p))
    );
    assert_eq!(
        Field::MonthlyVolume.spec().shown_with_range(&p),
        "60000",
        "no range, the answer alone"
    );
    // Typed as a person types it: percentages.
    let mut q = p.clone();
    spec.write_range(&mut q, RangeEnd::High, "7.5").unwrap();
    assert_eq!(q.ranges["task.human_error_rate"].high, 0.075);
    assert!(spec.write_range(&mut q, RangeEnd::Low, "1,5").is_err());
    // A new range starts at the answer.
    let mut r = triage();
    Field::HourlyCost
        .spec()
        .write_range(&mut r, RangeEnd::High, "80")
        .unwrap();
    assert_eq!(
        r.ranges["task.hourly_cost"],
        InputRange {
            low: r.task.hourly_cost,
            high: 80.0
        }
    );
    assert!(Field::Target
        .spec()
        .write_range(&mut r, RangeEnd::Low, "99")
        .is_err());
}

#[test]
fn the_tornado_swings_a_ranged_input_across_its_range() {
    let plain = triage();
    let p = with_range(plain.clone(), "task.monthly_volume", 10_000.0, 95_000.0);
    let rate_of = |p: &Pilot| assess(p).economics.expected.failure_rate;
    let row = |p: &Pilot, d: Driver| {
        assess(p)
            .sensitivity
            .into_iter()
            .find(|r| r.driver == d)
            .unwrap()
    };
    let ranged = row(&p, Driver::MonthlyVolume);
    assert_eq!((ranged.low_value, ranged.high_value), (10_000.0, 95_000.0));
    let mut at = plain.clone();
    at.task.monthly_volume = 10_000.0;
    assert_eq!(ranged.npv_low, economic_case(&at, rate_of(&plain)).npv);
    at.task.monthly_volume = 95_000.0;
    assert_eq!(ranged.npv_high, economic_case(&at, rate_of(&plain)).npv);
    // Without a range: ±25%.
    let unranged = row(&plain, Driver::MonthlyVolume);
    assert_eq!(
        (unranged.low_value, unranged.high_value),
        (45_000.0, 75_000.0)
    );
    // Token prices: the ranged price across its range, the other ±25%.
    let q = with_range(plain.clone(), "compute.price_per_million_input", 1.0, 9.0);
    let tokens = row(&q, Driver::TokenPrices);
    let mut low = plain.clone();
    low.compute.price_per_million_input = 1.0;
    low.compute.price_per_million_output *= 0.75;
    assert_eq!(tokens.npv_low, economic_case(&low, rate_of(&plain)).npv);
}
