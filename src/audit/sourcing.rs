//! Sourcing (DESIGN §12): what the capacity costs, API against self-hosted.
//!
//! A GPU block gives the capacity, P = GPUs × tasks per GPU-hour × 730, and the reserved
//! compute, GPUs × 730 × (hourly cost + kW × PUE × price per kWh) + operations hours × their
//! hourly cost. Each option — the pilot's own sourcing, then the other — is priced on the
//! same tasks (today's volume), failure rate (the expected case's) and review: its monthly
//! cost is V × (token cost + review + failures per task) + reserved compute + licence +
//! maintenance, and per successful task that ÷ (V × (1 − f)). Both costs are straight lines
//! in the volume, so they cross once at most: the break-even volume.

use super::economics::{cost_per_ai_failure, review_cost_per_task, token_cost_at};
use super::model::{
    Compute, Gpu, Headroom, Pilot, Sourcing, SourcingOption, SourcingResult, HOURS_PER_MONTH,
};

/// Utilization the right-sized GPU count is planned for: headroom for peaks.
pub const RIGHT_SIZED_UTILIZATION: f64 = 0.8;
/// The largest volume a break-even is looked for at; none beyond is a break-even.
pub const BREAK_EVEN_MAX_VOLUME: f64 = 1e9;

/// True for the sourcings that run on the buyer's own GPUs.
pub fn runs_on_own_gpus(sourcing: Sourcing) -> bool {
    matches!(
        sourcing,
        Sourcing::SelfHostedOpenModel | Sourcing::DistilledSmallModel
    )
}

/// The GPU block the pilot's sourcing is weighed on: its own for a model it hosts, the
/// other option's for an API or wrapper.
pub fn gpu_block(c: &Compute) -> Option<&Gpu> {
    if runs_on_own_gpus(c.sourcing) {
        c.gpu.as_ref()
    } else {
        c.alternative.as_ref().and_then(|a| a.gpu.as_ref())
    }
}

/// The GPU block a model the pilot hosts runs on: its own capacity's source (none for an
/// API pilot, whose block is the other option).
pub fn own_gpu_block(c: &Compute) -> Option<&Gpu> {
    c.gpu.as_ref().filter(|_| runs_on_own_gpus(c.sourcing))
}

/// Tasks a month a GPU block serves: GPUs × sustained tasks per GPU-hour × 730.
pub fn gpu_capacity(g: &Gpu) -> f64 {
    capacity_of(g, g.gpus)
}

/// Tasks a month `gpus` GPUs of block `g` serve.
fn capacity_of(g: &Gpu, gpus: u32) -> f64 {
    f64::from(gpus) * g.tasks_per_gpu_hour * HOURS_PER_MONTH
}

/// The most GPUs of block `g` that `volume` keeps at `utilization` or more (0 when even
/// one would be less used), and the fewest that serve it at `utilization` or less (at
/// least one) — each checked by the very quotient the criteria judge, volume ÷ capacity.
pub fn gpus_at_utilization(g: &Gpu, volume: f64, utilization: f64) -> (u32, u32) {
    let used = |n: u32| n > 0 && volume / capacity_of(g, n) >= utilization;
    let serves = |n: u32| n > 0 && volume / capacity_of(g, n) <= utilization;
    let guess = (volume / (utilization * capacity_of(g, 1))).clamp(0.0, f64::from(u32::MAX - 1));
    let mut most = guess.floor() as u32;
    while most > 0 && !used(most) {
        most -= 1;
    }
    while most < u32::MAX - 1 && used(most + 1) {
        most += 1;
    }
    let mut fewest = (guess.ceil() as u32).max(1);
    while fewest > 1 && serves(fewest - 1) {
        fewest -= 1;
    }
    while fewest < u32::MAX - 1 && !serves(fewest) {
        fewest += 1;
    }
    (most, fewest)
}

/// What one GPU costs a month: 730 hours of its hourly cost and of its power.
pub fn gpu_month(g: &Gpu) -> f64 {
    HOURS_PER_MONTH * (g.hourly_cost + g.power_kw * g.pue * g.price_per_kwh)
}

/// What a GPU block costs a month: every GPU's month, and the people running it at
/// `ops_hourly_cost`, or at `people_hourly_cost` (the pilot's) when none is given.
pub fn gpu_monthly_cost(g: &Gpu, people_hourly_cost: f64) -> f64 {
    f64::from(g.gpus) * gpu_month(g)
        + g.ops_hours_per_month * g.ops_hourly_cost.unwrap_or(people_hourly_cost)
}

/// The capacity and reserved compute a pilot's own GPU block gives (DESIGN §12), from the
/// block as the engine judges it (its inputs brought into their ranges): what the two plain
/// inputs show in its place. None when the pilot does not run on a block of its own.
pub fn derived_compute(p: &Pilot) -> Option<(f64, f64)> {
    own_gpu_block(&p.compute)?;
    let c = p.sanitized().compute;
    Some((c.provisioned_tasks_per_month, c.monthly_fixed_compute))
}

/// Hourly cost of a GPU bought outright: its price spread over the months of its life.
pub fn amortised_hourly_cost(price: f64, months_of_life: f64) -> Option<f64> {
    (months_of_life > 0.0).then(|| price / months_of_life / HOURS_PER_MONTH)
}

/// An option as straight line in the volume: reserved monthly cost and cost per task.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Line {
    sourcing: Sourcing,
    fixed: f64,
    per_task: f64,
    capacity: Option<f64>,
}

impl Line {
    fn at(&self, volume: f64) -> f64 {
        self.fixed + volume * self.per_task
    }
}

/// The options of `p` (sanitized: its GPU block already derived into its reserved compute
/// and capacity), its own first, at failure rate `f`.
fn lines(p: &Pilot, f: f64) -> Vec<Line> {
    let c = &p.compute;
    let common_per_task = review_cost_per_task(p) + f * cost_per_ai_failure(p);
    let common_fixed = c.monthly_licence + p.integration.monthly_maintenance;
    let own = Line {
        sourcing: c.sourcing,
        fixed: common_fixed + c.monthly_fixed_compute,
        per_task: common_per_task
            + token_cost_at(p, c.price_per_million_input, c.price_per_million_output),
        capacity: (c.provisioned_tasks_per_month > 0.0).then_some(c.provisioned_tasks_per_month),
    };
    let mut options = vec![own];
    let Some(alt) = &c.alternative else {
        return options;
    };
    if runs_on_own_gpus(c.sourcing) {
        options.push(Line {
            sourcing: Sourcing::ThirdPartyApi,
            fixed: common_fixed,
            per_task: common_per_task
                + token_cost_at(p, alt.price_per_million_input, alt.price_per_million_output),
            capacity: None,
        });
    } else if let Some(g) = &alt.gpu {
        options.push(Line {
            sourcing: Sourcing::SelfHostedOpenModel,
            fixed: common_fixed + gpu_monthly_cost(g, p.task.hourly_cost),
            per_task: common_per_task,
            capacity: Some(gpu_capacity(g)),
        });
    }
    options
}

/// The volume at which two options cost the same, when they cross above 0 and within
/// [`BREAK_EVEN_MAX_VOLUME`].
fn break_even(a: &Line, b: &Line) -> Option<f64> {
    let slope = a.per_task - b.per_task;
    if slope == 0.0 {
        return None;
    }
    let v = (b.fixed - a.fixed) / slope;
    (v > 0.0 && v <= BREAK_EVEN_MAX_VOLUME).then_some(v)
}

/// The volumes the cost-against-volume chart spans, from a power of ten to a power of ten:
/// at least a tenth of the lower of today's volume and the break-even to ten times the
/// higher, so that both stand well inside it; None without a volume.
pub fn chart_range(volume: f64, break_even: Option<f64>) -> Option<(f64, f64)> {
    (volume > 0.0).then(|| {
        let (low, high) = break_even.map_or((volume, volume), |b| (volume.min(b), volume.max(b)));
        let decade = |x: f64, round: fn(f64) -> f64| 10f64.powi(round(x.log10()) as i32);
        (
            decade(low / 10.0, f64::floor),
            decade(high * 10.0, f64::ceil),
        )
    })
}

/// Monthly cost of each option of `p` at `volume`, its own first (for the chart).
pub fn monthly_costs_at(p: &Pilot, f: f64, volume: f64) -> Vec<f64> {
    lines(p, f).iter().map(|l| l.at(volume)).collect()
}

/// The sourcing figures of the sanitized pilot `p` at the expected failure rate `f`, with
/// the price-shock headroom of its economics.
pub fn sourcing(p: &Pilot, f: f64, headroom: Option<Headroom>) -> SourcingResult {
    let v = p.task.monthly_volume;
    let lines = lines(p, f);
    let successful = v * (1.0 - f);
    let options = lines
        .iter()
        .map(|l| {
            let monthly_cost = l.at(v);
            SourcingOption {
                sourcing: l.sourcing,
                monthly_cost,
                cost_per_task: (successful > 0.0).then(|| monthly_cost / successful),
                capacity: l.capacity,
                utilization: l.capacity.filter(|&cap| cap > 0.0).map(|cap| v / cap),
            }
        })
        .collect();
    let break_even_volume = match lines.as_slice() {
        [a, b] => break_even(a, b),
        _ => None,
    };
    let c = &p.compute;
    let right_sized = gpu_block(c).map(|g| {
        let per_gpu = g.tasks_per_gpu_hour * HOURS_PER_MONTH * RIGHT_SIZED_UTILIZATION;
        let needed = (v / per_gpu).ceil().max(1.0);
        let gpus = needed.min(f64::from(u32::MAX)) as u32;
        (gpus, (f64::from(g.gpus) - f64::from(gpus)) * gpu_month(g))
    });
    let capacity = c.provisioned_tasks_per_month;
    SourcingResult {
        options,
        break_even_volume,
        right_sized_gpus: right_sized.map(|(n, _)| n),
        right_sized_saving: right_sized.map(|(_, s)| s),
        over_provisioning: (capacity > 0.0 && v > 0.0).then(|| capacity / v),
        price_shock_headroom: headroom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gpu_block_reads_as_design_12_says() {
        // 2 GPUs at $2.50 an hour, 0.7 kW each at PUE 1.4 and $0.15 a kWh, 40 ops hours at
        // $60: 2 × 730 × (2.5 + 0.147) + 2,400 = $6,264.62; 2 × 500 × 730 = 730,000 tasks.
        let g = Gpu {
            gpus: 2,
            hourly_cost: 2.5,
            tasks_per_gpu_hour: 500.0,
            power_kw: 0.7,
            pue: 1.4,
            price_per_kwh: 0.15,
            ops_hours_per_month: 40.0,
            ops_hourly_cost: Some(60.0),
        };
        assert!((gpu_monthly_cost(&g, 1e6) - 6_264.62).abs() < 1e-9);
        assert_eq!(gpu_capacity(&g), 730_000.0);
        // Without its own rate, the people running it cost the pilot's hourly cost.
        let own_rate = Gpu {
            ops_hourly_cost: None,
            ..g
        };
        assert!((gpu_monthly_cost(&own_rate, 50.0) - (3_864.62 + 2_000.0)).abs() < 1e-9);
        // $30,000 over 36 months: 30,000 ÷ 36 ÷ 730 an hour.
        let hourly = amortised_hourly_cost(30_000.0, 36.0).unwrap();
        assert!((hourly - 1.141_552_511_415_525).abs() < 1e-12);
        assert_eq!(amortised_hourly_cost(30_000.0, 0.0), None);
    }
}
