//! Unit economics per month (DESIGN §3), at a given AI failure rate.
//!
//! With V = monthly volume, h = hourly cost, f = AI failure rate:
//!
//! * human cost per task = minutes ÷ 60 × h
//! * baseline = V × (human cost per task + human error rate × cost per error)
//! * AI variable cost per task = token cost + review share × review minutes ÷ 60 × h
//!   + f × detection rate × human cost per task (caught, redone by a person)
//!   + f × (1 − detection rate) × cost per error (not caught)
//! * served S = min(V, capacity) when capacity is paid for, else V; the rest stay with
//!   people and earn nothing, so every V below is S
//! * AI monthly = V × variable + fixed compute + licence + maintenance
//! * net = baseline − AI monthly, at full volume
//! * ramp: month m serves V × min(1, m ÷ (ramp months + 1)); fixed costs run in full
//! * remaining = one-off − what is already spent (sunk: decisions look forward)
//! * payback = the month (interpolated) at which the cumulative net first covers the
//!   remaining one-off; 0 when nothing remains; none within 120 months: never
//! * NPV = −remaining + Σ_{m=1..H} net_m ÷ (1 + r)^(m/12)
//! * ROI = NPV ÷ PV AI cost incl. the remaining one-off

use super::model::{CostStack, EconomicCase, Headroom, Pilot, Unlimited};
use super::standard::JUDGED_HORIZON_MONTHS;

/// The tasks a month the AI serves (DESIGN §3): with capacity P paid for, min(V, P) — the
/// rest stay with people at today's cost and earn nothing; paid per use, all of V.
pub fn served_volume(pilot: &Pilot) -> f64 {
    let (volume, capacity) = (
        pilot.task.monthly_volume,
        pilot.compute.provisioned_tasks_per_month,
    );
    if capacity > 0.0 {
        volume.min(capacity)
    } else {
        volume
    }
}

/// The months the standard judges the money over: the horizon, at most 36 (DESIGN §3).
pub fn judged_horizon(pilot: &Pilot) -> u32 {
    pilot.finance.horizon_months.min(JUDGED_HORIZON_MONTHS)
}

/// Token cost of one task: tokens × price per million ÷ 10^6, input and output.
pub fn token_cost_per_task(pilot: &Pilot) -> f64 {
    let c = &pilot.compute;
    token_cost_at(pilot, c.price_per_million_input, c.price_per_million_output)
}

/// Token cost of one of `pilot`'s tasks at other prices per million (DESIGN §12's other
/// option).
pub fn token_cost_at(pilot: &Pilot, per_million_input: f64, per_million_output: f64) -> f64 {
    let c = &pilot.compute;
    (c.input_tokens_per_task * per_million_input + c.output_tokens_per_task * per_million_output)
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
    let volume = served_volume(pilot);
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

/// Months within which a payback is looked for; none later is a payback (DESIGN §3).
pub const PAYBACK_SEARCH_MONTHS: u32 = 120;

/// The share of the volume month `m` (from 1) serves while the pilot ramps up over
/// `ramp_months`: min(1, m ÷ (ramp + 1)).
pub fn ramp_share(ramp_months: u32, m: u32) -> f64 {
    (f64::from(m) / f64::from(ramp_months + 1)).min(1.0)
}

/// `Σ_{m=1..H} share_m × (1 + r)^(−m/12)`: the annuity of what the volume earns while it
/// ramps up (the plain [`annuity_factor`] with no ramp, to the bit).
pub fn ramped_annuity(discount_rate: f64, horizon_months: u32, ramp_months: u32) -> f64 {
    if ramp_months == 0 {
        return annuity_factor(discount_rate, horizon_months);
    }
    let monthly = (1.0 + discount_rate).powf(-1.0 / 12.0);
    let mut factor = 0.0;
    let mut d = 1.0;
    for m in 1..=horizon_months {
        d *= monthly;
        factor += ramp_share(ramp_months, m) * d;
    }
    factor
}

/// The one-off still to spend: the one-off cost less what is already spent (never below 0).
pub fn remaining_one_off(pilot: &Pilot) -> f64 {
    let i = &pilot.integration;
    (i.one_off_cost - i.one_off_spent).max(0.0)
}

/// The net value of month `m` (from 1): the volume's part at full volume × its ramp share,
/// less the fixed costs, which run in full.
fn month_net(pilot: &Pilot, volume_net: f64, fixed: f64, m: u32) -> f64 {
    volume_net * ramp_share(pilot.task.ramp_months, m) - fixed
}

/// The month (fractional, interpolated within it) at which the cumulative net value first
/// covers `remaining`: 0 when nothing remains, None when not within
/// [`PAYBACK_SEARCH_MONTHS`].
fn payback(pilot: &Pilot, volume_net: f64, fixed: f64, remaining: f64) -> Option<f64> {
    let net = volume_net - fixed;
    if remaining <= 0.0 {
        return Some(0.0);
    }
    let limit = f64::from(PAYBACK_SEARCH_MONTHS);
    if pilot.task.ramp_months == 0 {
        // Constant net value: the closed form, as version 2 had it.
        return (net > 0.0).then(|| remaining / net).filter(|m| *m <= limit);
    }
    let mut cumulative = 0.0;
    for m in 1..=PAYBACK_SEARCH_MONTHS {
        let this = month_net(pilot, volume_net, fixed, m);
        if this > 0.0 && cumulative + this >= remaining {
            return Some(f64::from(m - 1) + (remaining - cumulative) / this);
        }
        cumulative += this;
    }
    None
}

/// The cumulative net value, undiscounted, at the end of each month 0..=`months`: from
/// minus the remaining one-off, month by month with the ramp.
pub fn cumulative_net(pilot: &Pilot, case: &EconomicCase, months: u32) -> Vec<f64> {
    let fixed = fixed_monthly_cost(pilot);
    let volume_net = case.monthly_net_value + fixed;
    let mut total = -remaining_one_off(pilot);
    let mut out = vec![total];
    for m in 1..=months {
        total += month_net(pilot, volume_net, fixed, m);
        out.push(total);
    }
    out
}

/// What `months` months at full volume must net in all for the cumulative net value to
/// cover the one-off still to spend by the end of month `months`, the ramp and its full
/// fixed costs included (the remaining one-off itself without a ramp; 0 when nothing
/// remains).
pub fn net_to_pay_back_within(pilot: &Pilot, months: f64) -> f64 {
    let remaining = remaining_one_off(pilot);
    let ramp = pilot.task.ramp_months;
    if ramp == 0 || remaining <= 0.0 {
        return remaining;
    }
    let fixed = fixed_monthly_cost(pilot);
    let whole = months.floor() as u32;
    let served: f64 = (1..=whole).map(|m| ramp_share(ramp, m)).sum();
    if served <= 0.0 {
        return f64::INFINITY;
    }
    ((remaining + months * fixed) / served - fixed) * months
}

/// The monthly net value at full volume whose NPV over the judged horizon
/// ([`judged_horizon`]) is 0: the one-off still to spend and the ramp's shortfall covered
/// (the remaining one-off ÷ the annuity without a ramp); 0 over no month.
pub fn net_for_zero_npv(pilot: &Pilot) -> f64 {
    let remaining = remaining_one_off(pilot);
    let (rate, horizon) = (pilot.finance.discount_rate, judged_horizon(pilot));
    let annuity = annuity_factor(rate, horizon);
    if annuity <= 0.0 {
        return 0.0;
    }
    let ramp = pilot.task.ramp_months;
    if ramp == 0 {
        return remaining / annuity;
    }
    let fixed = fixed_monthly_cost(pilot);
    let served = ramped_annuity(rate, horizon, ramp);
    (remaining + fixed * annuity) / served - fixed
}

/// The NPV over `horizon` months of a pilot whose volume nets `volume_net` a month at full
/// volume, its fixed costs `fixed` running in full, after the one-off still to spend.
fn npv_over(pilot: &Pilot, volume_net: f64, fixed: f64, remaining: f64, horizon: u32) -> f64 {
    let rate = pilot.finance.discount_rate;
    let annuity = annuity_factor(rate, horizon);
    let served = ramped_annuity(rate, horizon, pilot.task.ramp_months);
    // The closed form at full volume, less what the ramp-up takes away.
    npv(volume_net - fixed, remaining, annuity) - volume_net * (annuity - served)
}

/// One economic case at AI failure rate `failure_rate` (DESIGN §3), on the served volume.
pub fn economic_case(pilot: &Pilot, failure_rate: f64) -> EconomicCase {
    let volume = served_volume(pilot);
    let remaining = remaining_one_off(pilot);
    let spent = pilot.integration.one_off_cost - remaining;
    let monthly_baseline = volume * baseline_per_task(pilot);
    let monthly_cost = monthly_cost(pilot, failure_rate);
    let monthly_net_value = monthly_baseline - monthly_cost.total;
    let fixed = fixed_monthly_cost(pilot);
    let (rate, horizon) = (pilot.finance.discount_rate, pilot.finance.horizon_months);
    let annuity = annuity_factor(rate, horizon);
    // What the ramp-up takes away: the volume's share of the months before full volume.
    let ramp_gap = annuity - ramped_annuity(rate, horizon, pilot.task.ramp_months);
    let variable = monthly_cost.total - fixed;
    let pv_ai = remaining + monthly_cost.total * annuity - variable * ramp_gap;
    let pv_baseline = monthly_baseline * annuity - monthly_baseline * ramp_gap;
    let per_task = |monthly: f64| (volume > 0.0).then(|| monthly / volume);
    let volume_net = monthly_net_value + fixed;
    let npv = npv_over(pilot, volume_net, fixed, remaining, horizon);
    EconomicCase {
        failure_rate,
        human_cost_per_task: human_cost_per_task(pilot),
        baseline_cost_per_task: per_task(monthly_baseline),
        ai_cost_per_task: per_task(monthly_cost.total),
        monthly_baseline,
        monthly_net_value,
        payback_months: payback(pilot, volume_net, fixed, remaining),
        npv,
        npv_judged: npv_over(pilot, volume_net, fixed, remaining, judged_horizon(pilot)),
        npv_including_spent: npv - spent,
        roi: (pv_ai > 0.0).then(|| (pv_baseline - pv_ai) / pv_ai),
        monthly_cost,
    }
}

/// Price-shock headroom of a case (DESIGN §3): the factor by which token prices and the
/// licence can rise together before its net value at full volume reaches 0,
/// 1 + net ÷ (tokens + licence); unlimited when they cost nothing; None when the net value
/// is not positive.
pub fn price_shock_headroom(case: &EconomicCase) -> Option<Headroom> {
    let net = case.monthly_net_value;
    let priced = case.monthly_cost.tokens + case.monthly_cost.licence;
    if net <= 0.0 {
        return None;
    }
    let factor = 1.0 + net / priced;
    Some(if priced > 0.0 && factor.is_finite() {
        Headroom::Factor(factor)
    } else {
        Headroom::Unlimited(Unlimited::Unlimited)
    })
}
