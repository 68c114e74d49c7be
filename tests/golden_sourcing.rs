//! Sourcing (DESIGN §12) against the reference written from DESIGN alone
//! (`tools/sourcing.py`, `tests/golden/sourcing.json`): each option's monthly cost, cost per
//! successful task, capacity and utilization, the break-even volume, the right-sized GPUs
//! and what they save, the over-provisioning, and the expected money the GPU block's
//! capacity and compute flow into, to 1e-9; then the properties of §12.

use crate::common::{close, close_optional, golden, Tolerance};
use pilot_audit::audit::model::{Alternative, Gpu, Sourcing};
use pilot_audit::audit::sourcing::monthly_costs_at;
use pilot_audit::{assess, Pilot};
use proptest::prelude::*;
use serde_json::Value;

const TOLERANCE: Tolerance = Tolerance {
    rel: 1e-9,
    abs: 1e-9,
};

fn optional(engine: Option<f64>, reference: &Value, what: &str) {
    close_optional(engine, reference, TOLERANCE, what);
}

#[test]
fn sourcing_matches_the_reference() {
    let table = golden("sourcing.json");
    let rows = table["pilots"].as_array().unwrap();
    assert!(rows.len() >= 30);
    for row in rows {
        let name = row["name"].as_str().unwrap();
        let pilot: Pilot = serde_json::from_value(row["pilot"].clone()).unwrap();
        assert_eq!(pilot.validate(), Ok(()), "{name}");
        let a = assess(&pilot);
        let (s, want) = (&a.sourcing, &row["expected"]);
        let options = want["options"].as_array().unwrap();
        assert_eq!(s.options.len(), options.len(), "{name}: options");
        for (i, (o, w)) in s.options.iter().zip(options).enumerate() {
            let at = |k: &str| format!("{name}: option {i} {k}");
            let sourcing = serde_json::to_value(o.sourcing).unwrap();
            assert_eq!(sourcing, w["sourcing"], "{}", at("sourcing"));
            close(
                o.monthly_cost,
                w["monthly_cost"].as_f64().unwrap(),
                TOLERANCE,
                &at("cost"),
            );
            optional(o.cost_per_task, &w["cost_per_task"], &at("cost per task"));
            optional(o.capacity, &w["capacity"], &at("capacity"));
            optional(o.utilization, &w["utilization"], &at("utilization"));
        }
        let at = |k: &str| format!("{name}: {k}");
        optional(
            s.break_even_volume,
            &want["break_even_volume"],
            &at("break-even"),
        );
        assert_eq!(
            s.right_sized_gpus.map(u64::from),
            want["right_sized_gpus"].as_u64(),
            "{name}: right-sized"
        );
        optional(
            s.right_sized_saving,
            &want["right_sized_saving"],
            &at("saving"),
        );
        optional(
            s.over_provisioning,
            &want["over_provisioning"],
            &at("over-provisioning"),
        );
        let e = &a.economics.expected;
        let net = want["expected_net_value"].as_f64().unwrap();
        close(e.monthly_net_value, net, TOLERANCE, &at("net value"));
        let npv = want["expected_npv"].as_f64().unwrap();
        close(e.npv, npv, TOLERANCE, &at("NPV"));
    }
}

/// A hosted pilot on a GPU block with an API as the other option, or an API pilot with a
/// GPU block as the other option.
fn sourced_pilot() -> impl Strategy<Value = Pilot> {
    (
        any::<bool>(),
        1u32..200,
        1.0..5_000.0f64,
        0.0..20.0f64,
        0.0..2.0f64,
        1.0..3.0f64,
        0.0..0.5f64,
        0.0..200.0f64,
        (0.0..10_000_000.0f64, 0.0..30.0f64, 0.0..60.0f64),
    )
        .prop_map(
            |(hosted, gpus, tph, hourly, kw, pue, kwh, ops, (v, pin, pout))| {
                let mut p = Pilot::default();
                p.task.monthly_volume = v;
                p.task.hourly_cost = 40.0;
                p.task.human_minutes_per_task = 5.0;
                p.compute.input_tokens_per_task = 2_000.0;
                p.compute.output_tokens_per_task = 300.0;
                let g = Gpu {
                    gpus,
                    hourly_cost: hourly,
                    tasks_per_gpu_hour: tph,
                    power_kw: kw,
                    pue,
                    price_per_kwh: kwh,
                    ops_hours_per_month: ops,
                    ops_hourly_cost: None,
                };
                if hosted {
                    p.compute.sourcing = Sourcing::SelfHostedOpenModel;
                    p.compute.gpu = Some(g);
                    p.compute.alternative = Some(Alternative {
                        price_per_million_input: pin,
                        price_per_million_output: pout,
                        gpu: None,
                    });
                } else {
                    p.compute.price_per_million_input = pin;
                    p.compute.price_per_million_output = pout;
                    p.compute.alternative = Some(Alternative {
                        gpu: Some(g),
                        ..Alternative::default()
                    });
                }
                p
            },
        )
}

fn gpu_index(p: &Pilot) -> usize {
    usize::from(p.compute.gpu.is_none())
}

proptest! {
    #[test]
    fn more_gpus_never_lower_the_monthly_cost(p in sourced_pilot(), more in 1u32..50) {
        let before = assess(&p).sourcing.options[gpu_index(&p)].monthly_cost;
        let mut bigger = p.clone();
        let g = bigger.compute.gpu.as_mut()
            .or(bigger.compute.alternative.as_mut().and_then(|a| a.gpu.as_mut()))
            .unwrap();
        g.gpus += more;
        let after = assess(&bigger).sourcing.options[gpu_index(&p)].monthly_cost;
        prop_assert!(after >= before, "{before} -> {after}");
    }

    #[test]
    fn at_the_break_even_volume_both_options_cost_the_same(p in sourced_pilot()) {
        let a = assess(&p);
        prop_assert_eq!(a.sourcing.options.len(), 2);
        if let Some(v) = a.sourcing.break_even_volume {
            prop_assert!(v > 0.0 && v <= 1e9);
            let f = pilot_audit::audit::expected_rate(&p.sanitized(), &a.reliability);
            let costs = monthly_costs_at(&p.sanitized(), f, v);
            let scale = costs[0].abs().max(costs[1].abs()).max(1.0);
            prop_assert!((costs[0] - costs[1]).abs() <= 1e-9 * scale, "{:?} at {v}", costs);
            // Below it the one with the smaller fixed cost is cheaper, above it the other.
            let below = monthly_costs_at(&p.sanitized(), f, v * 0.5);
            let above = monthly_costs_at(&p.sanitized(), f, v * 2.0);
            prop_assert!((below[0] - below[1]) * (above[0] - above[1]) < 0.0);
        }
    }
}

#[test]
fn a_gpu_block_out_of_range_is_refused_at_its_field_with_the_range() {
    let table = golden("sourcing.json");
    let row = &table["pilots"][0];
    let mut bad = row["pilot"].clone();
    let gpu = &mut bad["compute"]["gpu"];
    gpu["gpus"] = 0.into();
    gpu["pue"] = 0.9.into();
    gpu["tasks_per_gpu_hour"] = 0.into();
    bad["compute"]["alternative"]["price_per_million_input"] = (-1).into();
    let file = serde_json::json!({"format": "pilot-audit", "version": 3, "pilots": [bad]});
    let pilots = pilot_audit::parse_import(&file.to_string()).expect("it reads");
    let errors = pilots[0].validate().unwrap_err();
    let said: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    for (path, range) in [
        ("compute.gpu.gpus", "1"),
        ("compute.gpu.pue", "between 1 and 5"),
        ("compute.gpu.tasks_per_gpu_hour", "between 1 and"),
        ("compute.alternative.price_per_million_input", "0"),
    ] {
        assert!(
            said.iter()
                .any(|s| s.starts_with(&format!("{path}: ")) && s.contains(range)),
            "{path} in {said:?}"
        );
    }
    // Judged all the same, finitely: the block is brought into its range.
    let a = assess(&pilots[0]);
    assert!(a
        .sourcing
        .options
        .iter()
        .all(|o| o.monthly_cost.is_finite()));
    // A block on the wrong side is named too.
    let mut api = pilots[0].clone();
    api.compute.sourcing = Sourcing::ThirdPartyApi;
    let errors = api.validate().unwrap_err();
    assert!(errors.iter().any(|e| e
        .to_string()
        .starts_with("compute.gpu: is for a model you host")));
}

#[test]
fn a_gpu_block_of_the_wrong_type_refuses_the_file_naming_each_input() {
    let table = golden("sourcing.json");
    let mut bad = table["pilots"][0]["pilot"].clone();
    bad["compute"]["gpu"]["gpus"] = "two".into();
    bad["compute"]["gpu"]["ops_hourly_cost"] = "a lot".into();
    bad["compute"]["alternative"]["price_per_million_output"] = true.into();
    let file = serde_json::json!({"format": "pilot-audit", "version": 3, "pilots": [bad]});
    let errors = pilot_audit::parse_import(&file.to_string()).unwrap_err();
    for expected in [
        "pilots[0].compute.gpu.gpus: “two” — a whole number of GPUs from 1 to 100,000",
        "pilots[0].compute.gpu.ops_hourly_cost: “a lot” — an amount from 0 to 1,000,000",
        "pilots[0].compute.alternative.price_per_million_output: true — an amount from 0 to",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "missing {expected:?} in {errors:#?}"
        );
    }
    // A block that is not a group of fields is named, not a serde message.
    let mut bad = table["pilots"][0]["pilot"].clone();
    bad["compute"]["gpu"] = 4.into();
    let file = serde_json::json!({"format": "pilot-audit", "version": 3, "pilots": [bad]});
    let errors = pilot_audit::parse_import(&file.to_string()).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e == "pilots[0].compute.gpu: 4 — a group of fields"),
        "{errors:#?}"
    );
    // Null operations cost is "not given", as absent.
    let mut fine = table["pilots"][0]["pilot"].clone();
    fine["compute"]["gpu"]["ops_hourly_cost"] = serde_json::Value::Null;
    let file = serde_json::json!({"format": "pilot-audit", "version": 3, "pilots": [fine]});
    let pilots = pilot_audit::parse_import(&file.to_string()).expect("null is not given");
    assert_eq!(
        pilots[0]
            .compute
            .gpu
            .as_ref()
            .and_then(|g| g.ops_hourly_cost),
        None
    );
}

#[test]
fn the_operations_hourly_cost_is_optional_and_checked_when_given() {
    use pilot_audit::audit::schema::GPU_FIELDS;
    let spec = GPU_FIELDS
        .iter()
        .find(|s| s.name == "ops_hourly_cost")
        .expect("an input of the block");
    let mut g = Gpu::default();
    spec.write(&mut g, "  ").unwrap();
    assert_eq!(g.ops_hourly_cost, None);
    assert_eq!(spec.input_value(&g), "");
    assert_eq!(spec.problem(&g, ""), None);
    spec.write(&mut g, "85.5").unwrap();
    assert_eq!(g.ops_hourly_cost, Some(85.5));
    assert_eq!(spec.input_value(&g), "85.5");
    assert!(spec.write(&mut g, "lots").is_err());
    assert_eq!(
        g.ops_hourly_cost,
        Some(85.5),
        "what is not a value writes nothing"
    );
    spec.write(&mut g, "-3").unwrap();
    assert_eq!(spec.problem(&g, ""), Some("must be 0 or more".to_string()));
    spec.clamp(&mut g);
    assert_eq!(g.ops_hourly_cost, Some(0.0));
}

#[test]
fn the_cost_chart_draws_the_reference_costs_and_marks_today_and_the_break_even() {
    use pilot_audit::charts::report::{sourcing_cost, sourcing_cost_caption};
    let table = golden("sourcing.json");
    let row = table["pilots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "kyc-3.5x-frontier")
        .unwrap();
    let pilot: Pilot = serde_json::from_value(row["pilot"].clone()).unwrap();
    let a = assess(&pilot);
    let e = &row["expected"];
    let option = sourcing_cost(&pilot, &a)
        .expect("two options and a volume")
        .0;
    assert_eq!(option["xAxis"]["type"], "log");
    assert_eq!(option["yAxis"]["type"], "log");
    let series = option["series"].as_array().unwrap();
    assert_eq!(series.len(), 2);
    let v = pilot.task.monthly_volume;
    let b = e["break_even_volume"].as_f64().unwrap();
    let at = |s: &Value, x: f64| {
        s["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| (p[0].as_f64().unwrap() - (x * 100.0).round() / 100.0).abs() < 1e-9)
            .map(|p| p[1].as_f64().unwrap())
            .unwrap_or_else(|| panic!("no point at {x}"))
    };
    // At today's volume each line is the reference's monthly cost (to the cent).
    for (i, s) in series.iter().enumerate() {
        let expected = e["options"][i]["monthly_cost"].as_f64().unwrap();
        assert!(
            (at(s, v) - expected).abs() <= 0.005,
            "{i}: {} vs {expected}",
            at(s, v)
        );
    }
    // At the break-even both lines meet.
    assert!((at(&series[0], b) - at(&series[1], b)).abs() <= 0.01);
    // Marked: today and the break-even, at their volumes.
    let marks: Vec<(f64, String)> = series[0]["markLine"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["xAxis"].as_f64().unwrap(),
                m["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let names: Vec<&str> = marks.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["today", "break-even"]);
    assert!((marks[0].0 - v).abs() < 1e-9 && (marks[1].0 - b).abs() <= 1e-9 * b);
    // The range holds both, a decade either side.
    let (lo, hi) = (
        option["xAxis"]["min"].as_f64().unwrap(),
        option["xAxis"]["max"].as_f64().unwrap(),
    );
    assert!(
        lo <= v.min(b) / 10.0 + 0.01 && hi >= v.max(b) * 10.0 - 0.01,
        "{lo}..{hi}"
    );
    // The text alternative says the same figures.
    let caption = sourcing_cost_caption(&pilot, &a).unwrap();
    let grouped = |x: f64| pilot_audit::audit::format::count(x);
    assert!(
        caption.contains(&format!(
            "the lines cross at {} tasks a month",
            grouped(b.floor())
        )),
        "{caption}"
    );
    assert!(
        caption.contains(&format!("At today's {}", grouped(v))),
        "{caption}"
    );
    // A pilot with one option has no chart and no caption.
    let mut alone = pilot.clone();
    alone.compute.alternative = None;
    let a = assess(&alone);
    assert!(sourcing_cost(&alone, &a).is_none() && sourcing_cost_caption(&alone, &a).is_none());
}
