//! Reliability statistics: exact binomial tails, Clopper–Pearson bounds, the success-run test.
//!
//! Failures among `n` evaluated cases are modelled as `X ~ Binomial(n, q)` where `q` is the
//! true failure rate. Everything here reduces to one function, the lower tail
//! `P(X <= k | n, q)`, computed exactly in log space:
//!
//! * the anchor term `P(X = k)` by Loader's saddle-point form (the method of R's `dbinom`),
//!   which stays accurate where `ln n!` would lose every digit (n = 10^9);
//! * the other terms by the ratio recurrence, summed away from the mode so that they
//!   shrink, stopping once they no longer change the sum.
//!
//! (statrs' regularized incomplete beta caps its continued fraction at 140 iterations,
//! which is not enough for the shape parameters of 10^7 cases, hence this module.)

use super::model::ReliabilityResult;

/// Largest number of cases the engine reasons about; validation allows no more.
pub const MAX_CASES: u64 = 1_000_000_000;

/// Largest total case count `cases_needed` searches; beyond it the answer is null.
const MAX_TOTAL_CASES: u64 = 1_000_000_000_000_000;

/// `ln(n!) − ln(√(2πn)·(n/e)^n)` for n = 0..15, computed at 40 digits with mpmath
/// (kept at 20 digits; the compiler rounds them to the nearest f64).
#[allow(clippy::excessive_precision)]
const STIRLING_ERROR_TABLE: [f64; 16] = [
    0.0,
    0.081_061_466_795_327_26,
    0.041_340_695_955_409_294,
    0.027_677_925_684_998_339,
    0.020_790_672_103_765_093,
    0.016_644_691_189_821_192,
    0.013_876_128_823_070_748,
    0.011_896_709_945_891_770,
    0.010_411_265_261_972_096,
    0.009_255_462_182_712_733,
    0.008_330_563_433_362_871,
    0.007_573_675_487_951_841,
    0.006_942_840_107_209_530,
    0.006_408_994_188_004_207,
    0.005_951_370_112_758_848,
    0.005_554_733_551_962_801,
];

/// Stirling's error term `ln(n!) − ln(√(2πn)·(n/e)^n)`, by table for whole n ≤ 15, from
/// [`ln_gamma`] for other n ≤ 15 (the Jeffreys posterior's half-integers), else by series.
fn stirling_error(n: f64) -> f64 {
    if n <= 15.0 {
        if n.fract() == 0.0 {
            return STIRLING_ERROR_TABLE[n as usize];
        }
        return ln_gamma(n + 1.0) - 0.5 * (2.0 * std::f64::consts::PI * n).ln() - n * n.ln() + n;
    }
    const S0: f64 = 1.0 / 12.0;
    const S1: f64 = 1.0 / 360.0;
    const S2: f64 = 1.0 / 1260.0;
    const S3: f64 = 1.0 / 1680.0;
    const S4: f64 = 1.0 / 1188.0;
    let nn = n * n;
    if n > 500.0 {
        (S0 - S1 / nn) / n
    } else {
        (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n
    }
}

/// `ln Γ(x)` for x > 0: Stirling's series from 15 up (error under 1e-16 relative there),
/// below by the recurrence `Γ(x) = Γ(x + 1) / x`.
pub fn ln_gamma(x: f64) -> f64 {
    let mut shift = 0.0;
    let mut z = x;
    while z < 15.0 {
        shift += z.ln();
        z += 1.0;
    }
    let zz = z * z;
    let series = (1.0 / 12.0
        - (1.0 / 360.0 - (1.0 / 1260.0 - (1.0 / 1680.0 - 1.0 / (1188.0 * zz)) / zz) / zz) / zz)
        / z;
    (z - 0.5) * z.ln() - z + 0.5 * (2.0 * std::f64::consts::PI).ln() + series - shift
}

/// The deviance term `x·ln(x/np) + np − x`, accurate when `x ≈ np`.
fn deviance(x: f64, np: f64) -> f64 {
    if (x - np).abs() < 0.1 * (x + np) {
        let v = (x - np) / (x + np);
        let mut sum = (x - np) * v;
        let mut term = 2.0 * x * v;
        let v2 = v * v;
        let mut j = 1.0;
        loop {
            term *= v2;
            let next = sum + term / (2.0 * j + 1.0);
            if next == sum {
                return sum;
            }
            sum = next;
            j += 1.0;
        }
    }
    x * (x / np).ln() + np - x
}

/// `ln P(X = k)` for `X ~ Binomial(n, q)`, by Loader's saddle-point expansion.
pub(crate) fn ln_binomial_pmf(k: f64, n: f64, q: f64) -> f64 {
    let p = 1.0 - q;
    if q == 0.0 {
        return if k == 0.0 { 0.0 } else { f64::NEG_INFINITY };
    }
    if q == 1.0 {
        return if k == n { 0.0 } else { f64::NEG_INFINITY };
    }
    if k == 0.0 {
        return n * (-q).ln_1p();
    }
    if k == n {
        return n * q.ln();
    }
    let rest = n - k;
    stirling_error(n)
        - stirling_error(k)
        - stirling_error(rest)
        - deviance(k, n * q)
        - deviance(rest, n * p)
        + 0.5 * (n / (2.0 * std::f64::consts::PI * k * rest)).ln()
}

/// `P(X <= k)` for `X ~ Binomial(n, q)`: the chance of seeing at most `k` failures in `n`
/// cases when the true failure rate is `q`. Exact to about 1e-13 relative, any n ≤ 10^15.
pub fn binomial_cdf(k: u64, n: u64, q: f64) -> f64 {
    if k >= n || q <= 0.0 {
        return 1.0;
    }
    if q >= 1.0 {
        return 0.0;
    }
    let (kf, nf) = (k as f64, n as f64);
    let odds = q / (1.0 - q);
    if kf < nf * q {
        // Left of the mean the terms shrink as j falls: sum P(X = j) for j = k, k−1, … .
        let ln_anchor = ln_binomial_pmf(kf, nf, q);
        let (mut sum, mut term, mut j) = (1.0_f64, 1.0_f64, kf);
        while j > 0.0 {
            term *= j / ((nf - j + 1.0) * odds);
            sum += term;
            if term < sum * 1e-17 {
                break;
            }
            j -= 1.0;
        }
        (ln_anchor + sum.ln()).exp().min(1.0)
    } else {
        // Right of the mean: 1 − P(X >= k+1), summing j = k+1, k+2, … as the terms shrink.
        let first = kf + 1.0;
        let ln_anchor = ln_binomial_pmf(first, nf, q);
        let (mut sum, mut term, mut j) = (1.0_f64, 1.0_f64, first);
        while j < nf {
            term *= (nf - j) / (j + 1.0) * odds;
            sum += term;
            if term < sum * 1e-17 {
                break;
            }
            j += 1.0;
        }
        (1.0 - (ln_anchor + sum.ln()).exp()).max(0.0)
    }
}

/// Solve `tail(q) = level` for q in [0, 1] by bisection, where `tail` falls as q rises.
/// Stops at a relative width of 1e-15 (absolute 1e-300).
fn solve_decreasing(level: f64, tail: impl Fn(f64) -> f64) -> f64 {
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..1100 {
        let mid = 0.5 * (lo + hi);
        if tail(mid) > level {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-15 * hi || hi - lo < 1e-300 {
            break;
        }
    }
    0.5 * (lo + hi)
}

/// One-sided Clopper–Pearson lower bound on the success rate at `confidence`, for `cases`
/// evaluated with `failures` failures: the success rate `p` at which seeing this many
/// successes or more has probability `1 − confidence`. Equivalently `1 − q` where
/// `P(X <= failures | cases, q) = 1 − confidence`. With no failure this is
/// `(1 − confidence)^(1/cases)`. 0 when there are no cases or no successes.
pub fn lower_bound(cases: u64, failures: u64, confidence: f64) -> f64 {
    let alpha = 1.0 - confidence;
    if cases == 0 || failures >= cases {
        return 0.0;
    }
    if failures == 0 {
        return (alpha.ln() / cases as f64).exp();
    }
    let q_upper = solve_decreasing(alpha, |q| binomial_cdf(failures, cases, q));
    (1.0 - q_upper).clamp(0.0, 1.0)
}

/// One-sided Clopper–Pearson upper bound on the success rate at `confidence`: `1 − q` where
/// `P(X >= failures | cases, q) = 1 − confidence`. 1 when there is no failure (or no case).
pub fn upper_bound(cases: u64, failures: u64, confidence: f64) -> f64 {
    let alpha = 1.0 - confidence;
    if cases == 0 || failures == 0 {
        return 1.0;
    }
    if failures >= cases {
        return 1.0 - (alpha.ln() / cases as f64).exp();
    }
    // P(X >= f) = 1 − P(X <= f−1) rises with q; solve P(X <= f−1) = 1 − alpha.
    let q_lower = solve_decreasing(confidence, |q| binomial_cdf(failures - 1, cases, q));
    (1.0 - q_lower).clamp(0.0, 1.0)
}

/// Whether `total` cases with `failures` failures demonstrate `target` at `confidence`:
/// `P(X <= failures | total, 1 − target) <= 1 − confidence` (the success-run test).
fn demonstrates(total: u64, failures: u64, target: f64, confidence: f64) -> bool {
    binomial_cdf(failures, total, 1.0 - target) <= 1.0 - confidence
}

/// Least total number of cases, with `failures` failures among them, that demonstrates
/// `target` at `confidence` by the success-run test: the least `N` with
/// `P(X <= failures | N, 1 − target) <= 1 − confidence`. With no failure this is
/// `ceil(ln(1 − C) / ln R)`: 2,995 for R = 99.9%, C = 95%. Null when no N up to 10^15 does.
pub fn total_cases_needed(failures: u64, target: f64, confidence: f64) -> Option<u64> {
    if !(target > 0.0 && target < 1.0 && confidence > 0.0 && confidence < 1.0) {
        return None;
    }
    // Exponential search for an upper end, then bisection on the monotone test.
    let mut lo = failures; // never enough: every case failed
    let mut hi = failures.saturating_add(1).max(2);
    while !demonstrates(hi, failures, target, confidence) {
        lo = hi;
        hi = hi.checked_mul(2)?;
        if hi > MAX_TOTAL_CASES {
            return None;
        }
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if demonstrates(mid, failures, target, confidence) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// The reliability figures of DESIGN §3 for `cases` evaluated with `failures` failures.
/// `cases_needed` is 0 once `demonstrated`, else the extra successful cases the success-run
/// test asks for (at least 1).
pub fn reliability(cases: u64, failures: u64, target: f64, confidence: f64) -> ReliabilityResult {
    let failures = failures.min(cases);
    let point_estimate = (cases > 0).then(|| 1.0 - failures as f64 / cases as f64);
    let lower = lower_bound(cases, failures, confidence);
    let demonstrated = cases > 0 && lower >= target;
    let cases_needed = if demonstrated {
        Some(0)
    } else {
        total_cases_needed(failures, target, confidence)
            .map(|total| total.saturating_sub(cases).max(1))
    };
    ReliabilityResult {
        point_estimate,
        lower_bound: lower,
        upper_bound: upper_bound(cases, failures, confidence),
        demonstrated,
        cases_needed,
        evidence: Default::default(),
        drift: None,
        plan: None,
        stale: None,
        p_meets_target: None,
        power: Vec::new(),
        chance_to_demonstrate: Vec::new(),
        cases_for_80_percent: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stirling_series_meets_table_at_15() {
        // The series at 15 must agree with the exact table entry to 1e-12.
        let series = {
            let n: f64 = 15.0;
            let nn = n * n;
            (1.0 / 12.0
                - (1.0 / 360.0 - (1.0 / 1260.0 - (1.0 / 1680.0 - 1.0 / 1188.0 / nn) / nn) / nn)
                    / nn)
                / n
        };
        assert!((series - STIRLING_ERROR_TABLE[15]).abs() < 1e-12);
    }

    #[test]
    fn cdf_of_small_binomial_matches_direct_sum() {
        // P(X <= 1 | 4, 0.5) = (1 + 4) / 16.
        assert!((binomial_cdf(1, 4, 0.5) - 5.0 / 16.0).abs() < 1e-14);
        // P(X <= 2 | 10, 0.3) = 0.3827827864 (sum of three exact terms).
        let direct: f64 = [1.0, 10.0, 45.0]
            .iter()
            .enumerate()
            .map(|(j, c)| c * 0.3_f64.powi(j as i32) * 0.7_f64.powi(10 - j as i32))
            .sum();
        assert!((binomial_cdf(2, 10, 0.3) - direct).abs() < 1e-14);
    }
}
