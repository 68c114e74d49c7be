//! Unit economics per month (DESIGN §3), at a given AI failure rate.
//!
//! With V = monthly volume, h = hourly cost, f = AI failure rate:
//!
//! * human cost per task = minutes ÷ 60 × h
//! * baseline = V × (human cost per task + human error rate × cost per error)
//! * AI variable cost per task = token cost + review share × review minutes ÷ 60 × h
//!   + f × detection rate × human cost per task (caught, redone by a person)
//!   + f × (1 − detection rate) × cost per error (not caught)
//! * AI monthly = V × variable + fixed compute + licence + maintenance
//! * net = baseline − AI monthly; payback = one-off ÷ net when net > 0
//! * NPV = −one-off + Σ_{m=1..H} net ÷ (1 + r)^(m/12)
//! * ROI = (PV baseline − PV AI cost incl. one-off) ÷ PV AI cost incl. one-off

use super::model::{CostStack, EconomicCase, Pilot};

/// Token cost of one task: tokens × price per million ÷ 10^6, input and output.
pub fn token_cost_per_task(pilot: &Pilot) -> f64 {
    let c = &pilot.compute;
    (c.input_tokens_per_task * c.price_per_million_input
        + c.output_tokens_per_task * c.price_per_million_output)
        / 1e6
}

/// A person's time on one task: minutes ÷ 60 × hourly cost.
pub fn human_cost_per_task(pilot: &Pilot) -> f64 {
    pilot.task.human_minutes_per_task / 60.0 * pilot.task.hourly_cost
}

/// Today's cost of one task done by people, errors included.
pub fn baseline_per_task(pilot: &Pilot) -> f64 {
    human_cost_per_task(pilot) + pilot.task.human_error_rate * pilot.task.cost_per_error
}

/// Cost of one AI failure: caught ones are redone by a person, the rest reach the business.
pub fn cost_per_ai_failure(pilot: &Pilot) -> f64 {
    let detect = pilot.reliability.failure_detection_rate;
    detect * human_cost_per_task(pilot) + (1.0 - detect) * pilot.task.cost_per_error
}

/// Review cost of one AI output: share reviewed × minutes ÷ 60 × hourly cost.
pub fn review_cost_per_task(pilot: &Pilot) -> f64 {
    let r = &pilot.reliability;
    r.review_share * r.review_minutes_per_task / 60.0 * pilot.task.hourly_cost
}

/// Monthly costs that do not depend on volume: fixed compute, licence, maintenance.
pub fn fixed_monthly_cost(pilot: &Pilot) -> f64 {
    pilot.compute.monthly_fixed_compute
        + pilot.compute.monthly_licence
        + pilot.integration.monthly_maintenance
}

/// Sum of the monthly discount factors `Σ_{m=1..H} (1 + r)^(−m/12)`.
pub fn annuity_factor(discount_rate: f64, horizon_months: u32) -> f64 {
    let monthly = (1.0 + discount_rate).powf(-1.0 / 12.0);
    let mut factor = 0.0;
    let mut d = 1.0;
    for _ in 0..horizon_months {
        d *= monthly;
        factor += d;
    }
    factor
}

/// The monthly AI cost at failure rate `f`, split by source.
pub fn monthly_cost(pilot: &Pilot, failure_rate: f64) -> CostStack {
    let volume = pilot.task.monthly_volume;
    let tokens = volume * token_cost_per_task(pilot);
    let review = volume * review_cost_per_task(pilot);
    let failures = volume * failure_rate * cost_per_ai_failure(pilot);
    let fixed_compute = pilot.compute.monthly_fixed_compute;
    let licence = pilot.compute.monthly_licence;
    let maintenance = pilot.integration.monthly_maintenance;
    CostStack {
        tokens,
        fixed_compute,
        licence,
        maintenance,
        review,
        failures,
        total: tokens + fixed_compute + licence + maintenance + review + failures,
    }
}

/// Net present value of a constant monthly net value over the horizon, after the one-off.
pub fn npv(monthly_net_value: f64, one_off_cost: f64, annuity: f64) -> f64 {
    -one_off_cost + monthly_net_value * annuity
}

/// One economic case at AI failure rate `failure_rate` (DESIGN §3).
pub fn economic_case(pilot: &Pilot, failure_rate: f64) -> EconomicCase {
    let volume = pilot.task.monthly_volume;
    let one_off = pilot.integration.one_off_cost;
    let monthly_baseline = volume * baseline_per_task(pilot);
    let monthly_cost = monthly_cost(pilot, failure_rate);
    let monthly_net_value = monthly_baseline - monthly_cost.total;
    let annuity = annuity_factor(pilot.finance.discount_rate, pilot.finance.horizon_months);
    let pv_ai = one_off + monthly_cost.total * annuity;
    let pv_baseline = monthly_baseline * annuity;
    let per_task = |monthly: f64| (volume > 0.0).then(|| monthly / volume);
    EconomicCase {
        failure_rate,
        human_cost_per_task: human_cost_per_task(pilot),
        baseline_cost_per_task: per_task(monthly_baseline),
        ai_cost_per_task: per_task(monthly_cost.total),
        monthly_baseline,
        monthly_net_value,
        payback_months: (monthly_net_value > 0.0).then(|| one_off / monthly_net_value),
        npv: npv(monthly_net_value, one_off, annuity),
        roi: (pv_ai > 0.0).then(|| (pv_baseline - pv_ai) / pv_ai),
        monthly_cost,
    }
}
