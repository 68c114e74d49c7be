//! Monte Carlo economics (DESIGN §10): the chance the pilot pays, drawn from what is known.
//!
//! Each draw takes the AI failure rate from the Jeffreys posterior of the buyer's counted
//! evidence, Beta(k + ½, n − k + ½), and every input that has a range from PERT(low, mode =
//! its answer, high) with λ = 4; inputs without a range stay as answered. The draw then runs
//! the economics of §3 ([`economic_case`]). `rand_distr` does the drawing (its `Beta` is
//! Cheng's BB/BC, its `Pert` exactly the §10 form), from a `rand_pcg` generator: the same
//! (pilot, draws, seed) give the same figures, and the app uses [`DRAWS`] and [`SEED`], so a
//! report reads the same each time.
//!
//! The app's own wasm does not hold this module's code: only the lazily loaded chart module
//! calls it (`src/bin/charts.rs`), so the first load does not grow by the sampler.

use super::economics::economic_case;
use super::evidence::counted;
use super::model::{EvidenceKind, Pilot};
use super::schema::Field;
use super::standard::PAYBACK_PASS_MONTHS;
use rand::SeedableRng;
use rand_distr::{Beta, Distribution, Pert};
use rand_pcg::Pcg64Mcg;
use serde::{Deserialize, Serialize};

/// Draws the app makes for a report and for compare.
pub const DRAWS: u32 = 10_000;
/// The app's one fixed seed.
pub const SEED: u64 = 20_261_129;
/// Most bars of the NPV histogram but one (it has from half as many to one more, on round
/// edges).
pub const HISTOGRAM_BINS: usize = 16;
/// The PERT's shape, λ (DESIGN §10).
pub const PERT_SHAPE: f64 = 4.0;

/// What the simulation found (DESIGN §10). Probabilities are shares of the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    /// How many draws.
    pub draws: u32,
    /// The generator's seed.
    pub seed: u64,
    /// Share of draws with NPV above zero.
    pub p_npv_positive: f64,
    /// NPV's 5th percentile.
    pub npv_p5: f64,
    /// NPV's median.
    pub npv_p50: f64,
    /// NPV's 95th percentile.
    pub npv_p95: f64,
    /// Share of draws that pay the one-off cost back within 12 months.
    pub p_payback_within_12: f64,
    /// The draws' NPVs, counted in bins.
    pub npv_histogram: Histogram,
}

/// Counts in bins: `counts[i]` draws fell in [`bin_edges[i]`, `bin_edges[i + 1]`) (the last
/// bin closed). Edges are whole multiples of one round width, so zero, when in the span, is an
/// edge: no bar mixes draws that pay with draws that lose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// `counts.len() + 1` edges, ascending.
    pub bin_edges: Vec<f64>,
    /// Draws per bin.
    pub counts: Vec<u32>,
}

/// One ranged input: how to write it, and the PERT it is drawn from.
type RangedInput = (fn(&mut Pilot, f64), Pert<f64>);

/// What one draw varies: the failure rate's posterior and each ranged input's PERT.
pub struct Sampler {
    posterior: Beta<f64>,
    inputs: Vec<RangedInput>,
}

impl Sampler {
    /// The sampler of a pilot already [`sanitized`](Pilot::sanitized) (its ranges valid); None
    /// without the buyer's own counted evidence.
    pub fn new(pilot: &Pilot) -> Option<Sampler> {
        let evidence = counted(&pilot.reliability.batches).summary;
        if evidence.kind != EvidenceKind::Buyer || evidence.cases == 0 {
            return None;
        }
        let (n, k) = (evidence.cases as f64, evidence.failures as f64);
        let posterior = Beta::new(k + 0.5, n - k + 0.5).ok()?;
        let inputs = Field::ranged()
            .filter_map(|field| {
                let spec = field.spec();
                let range = spec.range(pilot)?;
                let (get, set) = spec.number_access()?;
                let pert = Pert::new(range.low, range.high)
                    .with_shape(PERT_SHAPE)
                    .with_mode(get(pilot))
                    .ok()?;
                Some((set, pert))
            })
            .collect();
        Some(Sampler { posterior, inputs })
    }

    /// One draw: the ranged inputs of `work` set to drawn values; the failure rate returned.
    pub fn draw(&self, rng: &mut Pcg64Mcg, work: &mut Pilot) -> f64 {
        for (set, pert) in &self.inputs {
            set(work, pert.sample(rng));
        }
        self.posterior.sample(rng)
    }

    /// The generator for `seed`.
    pub fn rng(seed: u64) -> Pcg64Mcg {
        Pcg64Mcg::seed_from_u64(seed)
    }
}

/// The Monte Carlo economics of `pilot` (DESIGN §10); None without the buyer's own counted
/// evidence, or with no draws.
pub fn simulate(pilot: &Pilot, draws: u32, seed: u64) -> Option<Simulation> {
    if draws == 0 {
        return None;
    }
    let pilot = pilot.sanitized();
    let sampler = Sampler::new(&pilot)?;
    let mut rng = Sampler::rng(seed);
    let mut work = pilot.without_log();
    let mut npvs = Vec::with_capacity(draws as usize);
    let mut paid_back = 0u32;
    for _ in 0..draws {
        let failure_rate = sampler.draw(&mut rng, &mut work);
        let case = economic_case(&work, failure_rate);
        if case
            .payback_months
            .is_some_and(|months| months <= PAYBACK_PASS_MONTHS)
        {
            paid_back += 1;
        }
        npvs.push(case.npv);
    }
    let positive = npvs.iter().filter(|npv| **npv > 0.0).count();
    npvs.sort_by(f64::total_cmp);
    let share = |n: usize| n as f64 / draws as f64;
    Some(Simulation {
        draws,
        seed,
        p_npv_positive: share(positive),
        npv_p5: quantile(&npvs, 0.05),
        npv_p50: quantile(&npvs, 0.5),
        npv_p95: quantile(&npvs, 0.95),
        p_payback_within_12: share(paid_back as usize),
        npv_histogram: histogram(&npvs),
    })
}

/// The `p` quantile of sorted values, interpolated between order statistics (type 7 of
/// Hyndman and Fan, numpy's default).
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    let h = last as f64 * p.clamp(0.0, 1.0);
    let below = h.floor() as usize;
    let above = (below + 1).min(last);
    sorted[below] + (h - below as f64) * (sorted[above] - sorted[below])
}

/// The smallest round width (1, 2, 2.5 or 5 × 10^e) at least `raw`.
fn round_width(raw: f64) -> f64 {
    let scale = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * scale)
        .find(|w| *w >= raw)
        .unwrap_or(10.0 * scale)
}

/// Sorted values counted in about [`HISTOGRAM_BINS`] bins of one round width.
pub fn histogram(sorted: &[f64]) -> Histogram {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return Histogram {
            bin_edges: Vec::new(),
            counts: Vec::new(),
        };
    };
    // A spread too small to tell from the values' own size is one bar.
    let spread = (hi - lo).max(lo.abs().max(hi.abs()) * 1e-9).max(1e-9);
    let width = round_width(spread / HISTOGRAM_BINS as f64);
    let first = (lo / width).floor();
    let bins = (((hi / width).floor() - first) as usize + 1).max(1);
    let bin_edges = (0..=bins).map(|i| (first + i as f64) * width).collect();
    let mut counts = vec![0u32; bins];
    for v in sorted {
        let i = ((v / width).floor() - first).clamp(0.0, (bins - 1) as f64) as usize;
        counts[i] += 1;
    }
    Histogram { bin_edges, counts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_between_order_statistics() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert!((quantile(&v, 0.05) - 1.2).abs() < 1e-12);
        assert!((quantile(&v, 0.95) - 4.8).abs() < 1e-12);
        assert_eq!(quantile(&[7.0], 0.95), 7.0);
        assert_eq!(quantile(&[], 0.5), 0.0);
    }

    #[test]
    fn histogram_edges_are_round_and_zero_is_one_of_them() {
        let values: Vec<f64> = (-37..=113).map(|i| i as f64 * 1000.0).collect();
        let h = histogram(&values);
        assert_eq!(h.counts.iter().sum::<u32>() as usize, values.len());
        assert_eq!(h.bin_edges.len(), h.counts.len() + 1);
        assert!(h.bin_edges.contains(&0.0), "{:?}", h.bin_edges);
        assert!(h.bin_edges[0] <= -37_000.0 && *h.bin_edges.last().unwrap() > 113_000.0);
        assert!((HISTOGRAM_BINS / 2..=HISTOGRAM_BINS + 1).contains(&h.counts.len()));
        // One value, or values alike to the ninth digit: one bar.
        assert_eq!(histogram(&[5.0; 10]).counts, vec![10]);
        assert_eq!(
            histogram(&[1e12, 1e12 + 1e-4]).counts.iter().sum::<u32>(),
            2
        );
        assert!(histogram(&[]).counts.is_empty());
    }
}
