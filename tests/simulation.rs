//! The Monte Carlo economics of DESIGN §10 against closed forms.
//!
//! Without ranges, a draw varies only the failure rate, drawn from the Jeffreys posterior,
//! and NPV is affine in it: `tools/simulation.py` gives P(NPV > 0), the NPV percentiles and
//! P(payback ≤ 12 months) exactly (mpmath). The simulation must land within five Monte
//! Carlo standard errors of each: for a share p of N draws, 5·√(p(1−p)/N) + 1/N; for a
//! percentile, the same tolerance on the posterior probability below the failure rate it
//! implies. The sampler itself is checked against the posterior's quantiles and a PERT's
//! mean and spread, within the same five standard errors.

use pilot_audit::audit::simulation::{Sampler, DRAWS, SEED};
use pilot_audit::audit::uncertainty::beta_cdf;
use pilot_audit::audit::{Batch, InputRange, Pilot, Source};
use pilot_audit::{simulate, Simulation};
use serde_json::Value;

use crate::common;

fn golden() -> Vec<Value> {
    let file = common::golden("simulation.json");
    file["cases"].as_array().expect("cases").clone()
}

fn pilot_of(case: &Value) -> Pilot {
    serde_json::from_value(case["pilot"].clone()).expect("a pilot")
}

/// Five standard errors of a share p of n draws, plus one draw.
fn tolerance(p: f64, n: u32) -> f64 {
    5.0 * (p * (1.0 - p) / n as f64).sqrt() + 1.0 / n as f64
}

fn share_close(simulated: f64, exact: f64, n: u32, what: &str) {
    assert!(
        (simulated - exact).abs() <= tolerance(exact, n),
        "{what}: simulated {simulated}, exact {exact} (tolerance {:e})",
        tolerance(exact, n)
    );
}

fn check_case(case: &Value, draws: u32) -> Simulation {
    let name = case["name"].as_str().unwrap();
    let pilot = pilot_of(case);
    let sim = simulate(&pilot, draws, SEED).unwrap_or_else(|| panic!("{name}: no simulation"));
    let g = |key: &str| case[key].as_f64().unwrap();
    share_close(
        sim.p_npv_positive,
        g("p_npv_positive"),
        draws,
        &format!("{name}: P(NPV > 0)"),
    );
    share_close(
        sim.p_payback_within_12,
        g("p_payback_within_12"),
        draws,
        &format!("{name}: P(payback ≤ 12)"),
    );
    // NPV = npv(0) + f·(npv(1) − npv(0)): the failure rate a simulated percentile implies,
    // and the posterior's probability below it, which must be 1 − p.
    let batch = &pilot.reliability.batches[0];
    let (a, b) = (
        batch.failures as f64 + 0.5,
        (batch.cases - batch.failures) as f64 + 0.5,
    );
    for (p, simulated, exact) in [
        (0.05, sim.npv_p5, g("npv_p5")),
        (0.5, sim.npv_p50, g("npv_p50")),
        (0.95, sim.npv_p95, g("npv_p95")),
    ] {
        let f = (g("npv_at_0") - simulated) / (g("npv_at_0") - g("npv_at_1"));
        share_close(
            beta_cdf(f, a, b),
            1.0 - p,
            draws,
            &format!("{name}: NPV P{} {simulated} (exact {exact})", p * 100.0),
        );
    }
    assert!(sim.npv_p5 <= sim.npv_p50 && sim.npv_p50 <= sim.npv_p95);
    sim
}

#[test]
fn simulated_figures_match_the_closed_forms() {
    let cases = golden();
    assert!(cases.len() >= 6);
    for case in &cases {
        check_case(case, 100_000);
        // The app's own draws: the same tolerances, wider by √10.
        let sim = check_case(case, DRAWS);
        assert_eq!(sim.draws, DRAWS);
        assert_eq!(sim.npv_histogram.counts.iter().sum::<u32>(), DRAWS);
    }
}

#[test]
fn the_sampler_draws_the_posterior_the_design_names() {
    const N: u32 = 100_000;
    for case in golden() {
        let name = case["name"].as_str().unwrap();
        let pilot = pilot_of(&case);
        let sampler = Sampler::new(&pilot).expect("buyer's evidence");
        let mut rng = Sampler::rng(7);
        let mut work = pilot.clone();
        let draws: Vec<f64> = (0..N).map(|_| sampler.draw(&mut rng, &mut work)).collect();
        assert!(draws.iter().all(|f| (0.0..=1.0).contains(f)), "{name}");
        for q in case["posterior_quantiles"].as_array().unwrap() {
            let (p, x) = (q["p"].as_f64().unwrap(), q["x"].as_f64().unwrap());
            let below = draws.iter().filter(|f| **f <= x).count() as f64 / N as f64;
            share_close(
                below,
                p,
                N,
                &format!("{name}: share below the {p} quantile {x:e}"),
            );
        }
    }
}

fn buyer_pilot(cases: u64, failures: u64) -> Pilot {
    let mut p = Pilot {
        id: "s".into(),
        name: "Simulated".into(),
        ..Pilot::default()
    };
    p.task.monthly_volume = 1000.0;
    p.task.human_minutes_per_task = 6.0;
    p.task.hourly_cost = 60.0;
    p.task.cost_per_error = 50.0;
    p.integration.one_off_cost = 20_000.0;
    p.reliability.batches.push(Batch {
        date: "2026-11-01".into(),
        cases,
        failures,
        source: Source::BuyerSample,
        ..Batch::default()
    });
    p
}

#[test]
fn the_sampler_draws_each_range_from_the_pert_of_the_design() {
    const N: u32 = 200_000;
    let mut pilot = buyer_pilot(1000, 1);
    // Mode inside, and mode at the low end (Beta(1, 5)).
    pilot.ranges.insert(
        "task.monthly_volume".into(),
        InputRange {
            low: 500.0,
            high: 3000.0,
        },
    );
    pilot.task.hourly_cost = 40.0;
    pilot.ranges.insert(
        "task.hourly_cost".into(),
        InputRange {
            low: 40.0,
            high: 100.0,
        },
    );
    let sampler = Sampler::new(&pilot).unwrap();
    let mut rng = Sampler::rng(11);
    let mut work = pilot.clone();
    let mut volumes = Vec::new();
    let mut costs = Vec::new();
    for _ in 0..N {
        sampler.draw(&mut rng, &mut work);
        volumes.push(work.task.monthly_volume);
        costs.push(work.task.hourly_cost);
    }
    // PERT(a, m, b), λ = 4: mean (a + 4m + b)/6, variance (μ − a)(b − μ)/7.
    for (values, (a, m, b)) in [
        (volumes, (500.0, 1000.0, 3000.0)),
        (costs, (40.0, 40.0, 100.0)),
    ] {
        let mean_exact = (a + 4.0 * m + b) / 6.0;
        let sd_exact = ((mean_exact - a) * (b - mean_exact) / 7.0_f64).sqrt();
        let mean = values.iter().sum::<f64>() / N as f64;
        let sd = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / N as f64).sqrt();
        assert!(
            (mean - mean_exact).abs() <= 5.0 * sd_exact / (N as f64).sqrt(),
            "PERT({a}, {m}, {b}) mean {mean}, exact {mean_exact}"
        );
        // The spread within 2%: its standard error is under 0.3% here.
        assert!(
            (sd / sd_exact - 1.0).abs() < 0.02,
            "PERT({a}, {m}, {b}) sd {sd}, exact {sd_exact}"
        );
        assert!(values.iter().all(|v| (a..=b).contains(v)));
    }
}

#[test]
fn the_same_seed_gives_the_same_figures_and_no_evidence_gives_none() {
    let pilot = buyer_pilot(2000, 3);
    let first = simulate(&pilot, 5000, 1).unwrap();
    assert_eq!(simulate(&pilot, 5000, 1).unwrap(), first);
    assert_ne!(simulate(&pilot, 5000, 2).unwrap(), first);
    assert_eq!(first.seed, 1);
    let mut vendor = pilot.clone();
    vendor.reliability.batches[0].source = Source::VendorTest;
    assert_eq!(
        simulate(&vendor, 5000, 1),
        None,
        "a vendor's test is not evidence"
    );
    assert_eq!(simulate(&Pilot::default(), 5000, 1), None);
    assert_eq!(simulate(&pilot, 0, 1), None);
}

/// Every figure finite, every share a probability, the histogram holding every draw.
fn sane(sim: &Simulation, what: &str) {
    for (name, v) in [
        ("p_npv_positive", sim.p_npv_positive),
        ("p_payback_within_12", sim.p_payback_within_12),
    ] {
        assert!((0.0..=1.0).contains(&v), "{what}: {name} {v}");
    }
    for v in [sim.npv_p5, sim.npv_p50, sim.npv_p95]
        .iter()
        .chain(&sim.npv_histogram.bin_edges)
    {
        assert!(v.is_finite(), "{what}: {sim:?}");
    }
    let h = &sim.npv_histogram;
    assert_eq!(h.bin_edges.len(), h.counts.len() + 1, "{what}");
    assert!(h.bin_edges.windows(2).all(|w| w[0] < w[1]), "{what}: {h:?}");
    assert_eq!(h.counts.iter().sum::<u32>(), sim.draws, "{what}");
    assert!(serde_json::to_string(sim).unwrap().find("null").is_none());
}

#[test]
fn extreme_inputs_give_finite_figures() {
    let range = |low, high| InputRange { low, high };
    let mut cases: Vec<(&str, Pilot)> = vec![
        (
            "a billion cases, none failed",
            buyer_pilot(1_000_000_000, 0),
        ),
        (
            "a billion cases, all failed",
            buyer_pilot(1_000_000_000, 1_000_000_000),
        ),
        ("one case, failed", buyer_pilot(1, 1)),
    ];
    let mut from_zero = buyer_pilot(500, 2);
    from_zero.task.monthly_volume = 0.0;
    from_zero
        .ranges
        .insert("task.monthly_volume".into(), range(0.0, 1e9));
    cases.push(("volume range from 0", from_zero));
    let mut widest = buyer_pilot(500, 2);
    for field in pilot_audit::audit::schema::Field::ranged() {
        let spec = field.spec();
        let rule = spec.number_rule().unwrap();
        let (get, _) = spec.number_access().unwrap();
        let answer = get(&widest);
        widest
            .ranges
            .insert(spec.path.into(), range(rule.min, rule.max.max(answer)));
    }
    cases.push(("every range across its whole rule", widest));
    let mut wrong = buyer_pilot(500, 2);
    wrong
        .ranges
        .insert("task.monthly_volume".into(), range(5000.0, 10.0));
    wrong
        .ranges
        .insert("finance.horizon_months".into(), range(1.0, 2.0));
    wrong
        .ranges
        .insert("task.hourly_cost".into(), range(f64::MIN, f64::MAX));
    cases.push(("ranges that are not valid", wrong));
    for (what, pilot) in cases {
        let sim = simulate(&pilot, DRAWS, SEED).unwrap_or_else(|| panic!("{what}"));
        sane(&sim, what);
    }
    // All failed: nothing pays.
    let lost = simulate(&buyer_pilot(1_000_000_000, 1_000_000_000), DRAWS, SEED).unwrap();
    assert_eq!(lost.p_npv_positive, 0.0);
}

#[test]
fn the_histogram_marks_zero_between_the_draws_that_lose_and_those_that_pay() {
    use pilot_audit::charts::{report::npv_histogram, ChartOption};
    let case = golden()
        .into_iter()
        .find(|c| c["name"] == "break-even near the evidence")
        .unwrap();
    let pilot = pilot_of(&case);
    let sim = simulate(&pilot, DRAWS, SEED).unwrap();
    let option = ChartOption::from(npv_histogram(&pilot.currency, &sim)).0;
    let series = option["series"].as_array().unwrap();
    let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Loses money", "Pays"]);
    let points = |i: usize| series[i]["data"].as_array().unwrap().clone();
    let (lose, pay) = (points(0), points(1));
    // The losing steps end at zero, where the paying ones begin.
    assert_eq!(lose.last().unwrap()[0], 0.0);
    assert_eq!(pay.first().unwrap()[0], 0.0);
    assert_eq!(series[0]["markLine"]["data"][0]["xAxis"], 0.0);
    // Each bin's share once (a series' closing point repeats its last bin): all the draws.
    let shares: f64 = [&lose, &pay]
        .iter()
        .map(|p| {
            p[..p.len() - 1]
                .iter()
                .map(|q| q[1].as_f64().unwrap())
                .sum::<f64>()
        })
        .sum();
    assert!((shares - 100.0).abs() < 0.1, "{shares}");
    // The losing share is the draws' share below zero.
    let losing: f64 = lose[..lose.len() - 1]
        .iter()
        .map(|q| q[1].as_f64().unwrap())
        .sum();
    assert!((losing / 100.0 - (1.0 - sim.p_npv_positive)).abs() < 0.001);
    // Far from zero (a pilot that surely pays), the axis keeps to the draws, unmarked.
    let sure = pilot_of(
        golden()
            .iter()
            .find(|c| c["name"] == "few failures, pays")
            .unwrap(),
    );
    let sure_option = ChartOption::from(npv_histogram(
        &sure.currency,
        &simulate(&sure, DRAWS, SEED).unwrap(),
    ))
    .0;
    assert_eq!(sure_option["series"].as_array().unwrap().len(), 1);
    assert!(sure_option["series"][0]["markLine"].is_null());
    assert!(sure_option["xAxis"]["min"].as_f64().unwrap() > 0.0);
}
