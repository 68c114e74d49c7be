//! Sensitivity (the tornado) and what it would take to break even (DESIGN §3).

use super::economics::{
    baseline_per_task, cost_per_ai_failure, economic_case, fixed_monthly_cost,
    review_cost_per_task, token_cost_per_task,
};
use super::model::{Pilot, ReliabilityResult, SensitivityRow, WhatItWouldTake};

/// How far each driver swings either way: ±25%.
pub const SWING: f64 = 0.25;

/// A driver scales some inputs of `pilot` to `factor` × their values in `base`.
type Scale = fn(&mut Pilot, &Pilot, f64);

/// The drivers of the tornado (the failure rate is handled apart, between its bounds).
const DRIVERS: [(&str, &str, Scale); 7] = [
    ("monthly_volume", "Monthly volume", |p, b, f| {
        p.task.monthly_volume = b.task.monthly_volume * f
    }),
    (
        "human_minutes_per_task",
        "Human minutes per task",
        |p, b, f| p.task.human_minutes_per_task = b.task.human_minutes_per_task * f,
    ),
    ("hourly_cost", "Hourly cost", |p, b, f| {
        p.task.hourly_cost = b.task.hourly_cost * f
    }),
    ("cost_per_error", "Cost per error", |p, b, f| {
        p.task.cost_per_error = b.task.cost_per_error * f
    }),
    ("token_prices", "Token prices", |p, b, f| {
        p.compute.price_per_million_input = b.compute.price_per_million_input * f;
        p.compute.price_per_million_output = b.compute.price_per_million_output * f;
    }),
    ("monthly_licence", "Licence", |p, b, f| {
        p.compute.monthly_licence = b.compute.monthly_licence * f
    }),
    ("one_off_cost", "One-off cost", |p, b, f| {
        p.integration.one_off_cost = b.integration.one_off_cost * f
    }),
];

/// The headline value a driver stands for, for the tornado's labels.
fn driver_value(pilot: &Pilot, driver: &str) -> f64 {
    match driver {
        "monthly_volume" => pilot.task.monthly_volume,
        "human_minutes_per_task" => pilot.task.human_minutes_per_task,
        "hourly_cost" => pilot.task.hourly_cost,
        "cost_per_error" => pilot.task.cost_per_error,
        "token_prices" => token_cost_per_task(pilot),
        "monthly_licence" => pilot.compute.monthly_licence,
        _ => pilot.integration.one_off_cost,
    }
}

/// Failure-rate range of the tornado: between the confidence bounds when cases were
/// evaluated (1 − upper bound … 1 − lower bound), else the claimed rate ±25%.
pub fn failure_rate_range(
    pilot: &Pilot,
    expected_rate: f64,
    rel: &ReliabilityResult,
) -> (f64, f64) {
    if pilot.reliability.cases_evaluated > 0 {
        (1.0 - rel.upper_bound, 1.0 - rel.lower_bound)
    } else {
        (
            expected_rate * (1.0 - SWING),
            (expected_rate * (1.0 + SWING)).min(1.0),
        )
    }
}

/// Tornado rows: expected-case NPV with each driver at −25% and +25% (the failure rate
/// between its bounds), sorted by swing, widest first.
pub fn tornado(pilot: &Pilot, expected_rate: f64, rel: &ReliabilityResult) -> Vec<SensitivityRow> {
    let mut work = pilot.clone();
    let mut rows: Vec<SensitivityRow> = DRIVERS
        .iter()
        .map(|(driver, label, scale)| {
            let mut npv_at = |factor: f64| {
                scale(&mut work, pilot, factor);
                let npv = economic_case(&work, expected_rate).npv;
                scale(&mut work, pilot, 1.0);
                npv
            };
            let (npv_low, npv_high) = (npv_at(1.0 - SWING), npv_at(1.0 + SWING));
            let value = driver_value(pilot, driver);
            row(
                driver,
                label,
                value * (1.0 - SWING),
                value * (1.0 + SWING),
                npv_low,
                npv_high,
            )
        })
        .collect();
    let (low, high) = failure_rate_range(pilot, expected_rate, rel);
    rows.push(row(
        "failure_rate",
        "AI failure rate",
        low,
        high,
        economic_case(pilot, low).npv,
        economic_case(pilot, high).npv,
    ));
    rows.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    rows
}

fn row(
    driver: &str,
    label: &str,
    low: f64,
    high: f64,
    npv_low: f64,
    npv_high: f64,
) -> SensitivityRow {
    SensitivityRow {
        driver: driver.to_string(),
        label: label.to_string(),
        low_value: low,
        high_value: high,
        npv_low,
        npv_high,
        swing: (npv_high - npv_low).abs(),
    }
}

/// Break-even figures at failure rate `f` (the expected case):
/// * volume: fixed monthly cost ÷ (baseline per task − AI variable cost per task);
/// * AI cost per task: the baseline per task (net value is zero there);
/// * AI cost per task for a 12-month payback: baseline per task − one-off ÷ (12 × volume);
/// * failure rate: (baseline − volume × (tokens + review) − fixed) ÷ (volume × cost per failure).
pub fn what_it_would_take(pilot: &Pilot, f: f64) -> WhatItWouldTake {
    let volume = pilot.task.monthly_volume;
    let baseline = baseline_per_task(pilot);
    let fixed = fixed_monthly_cost(pilot);
    let variable_before_failures = token_cost_per_task(pilot) + review_cost_per_task(pilot);
    let per_failure = cost_per_ai_failure(pilot);
    let margin = baseline - variable_before_failures - f * per_failure;
    let break_even_volume = (margin > 0.0).then(|| fixed / margin);
    let headroom = volume * (baseline - variable_before_failures) - fixed;
    let max_failure_rate = if volume <= 0.0 || headroom <= 0.0 {
        None
    } else if per_failure <= 0.0 {
        Some(1.0)
    } else {
        Some((headroom / (volume * per_failure)).min(1.0))
    };
    WhatItWouldTake {
        break_even_volume,
        break_even_ai_cost_per_task: (volume > 0.0).then_some(baseline),
        ai_cost_per_task_for_12_month_payback: (volume > 0.0)
            .then(|| baseline - pilot.integration.one_off_cost / (12.0 * volume)),
        max_failure_rate,
    }
}
