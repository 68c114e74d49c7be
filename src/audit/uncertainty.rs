//! Uncertainty a buyer can act on (DESIGN §10, first part): how likely the pilot is to meet
//! its target given the buyer's own counted evidence (Jeffreys posterior), how likely a test
//! plan is to pass at a given true failure rate (exact binomial), and how likely more
//! testing is to demonstrate the target (beta-binomial posterior predictive).

pub use super::model::{Chance, PowerRow};
use super::reliability::{binomial_cdf, ln_binomial_pmf, ln_gamma, total_cases_needed};

/// Failures a plan may allow in the power table: 0 to 3.
pub const POWER_FAILURES: [u64; 4] = [0, 1, 2, 3];
/// True failure rates of the power table, as fractions of the target's allowed rate.
pub const POWER_FRACTIONS: [f64; 4] = [1.0, 0.5, 1.0 / 3.0, 0.1];
/// Multiples of the cases still needed at which the chance to demonstrate is shown.
pub const CHANCE_MULTIPLES: [u64; 3] = [1, 2, 5];
/// The chance `cases_for_80_percent` looks for.
pub const CHANCE_WANTED: f64 = 0.8;
/// More cases beyond which `cases_for_80_percent` is null.
pub const MAX_MORE_CASES: u64 = 10_000_000;

/// The regularized incomplete beta function `I_x(a, b)` (the Beta CDF), by Lentz's continued
/// fraction on the side where it converges; the prefactor `x^a (1 − x)^b / (a·B(a, b))` in
/// the saddle-point form of a binomial probability, so that it keeps its digits for a
/// billion cases.
pub fn beta_cdf(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    if x > (a + 1.0) / (a + b + 2.0) {
        return 1.0 - beta_cdf(1.0 - x, b, a);
    }
    // x^a (1 − x)^b / B(a, b) = dbinom(a; a + b, x) · a·b / (a + b).
    let front = (ln_binomial_pmf(a, a + b, x)).exp() * b / (a + b);
    (front * continued_fraction(x, a, b)).clamp(0.0, 1.0)
}

/// The continued fraction of `I_x(a, b)` (modified Lentz), to full double precision.
fn continued_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..10_000_000u64 {
        let m = m as f64;
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < 1e-16 {
            break;
        }
    }
    h
}

/// P(failure rate ≤ 1 − target) under the Jeffreys posterior Beta(k + ½, n − k + ½); None
/// without evidence.
pub fn p_meets_target(cases: u64, failures: u64, target: f64) -> Option<f64> {
    if cases == 0 {
        return None;
    }
    let k = failures.min(cases) as f64;
    Some(beta_cdf(1.0 - target, k + 0.5, cases as f64 - k + 0.5))
}

/// The power table: for each number of allowed failures j (0–3), its success-run plan n_j,
/// and for each true failure rate (the target's allowed rate × 1, ½, ⅓, ⅒) the chance
/// `P(Binomial(n_j, q) ≤ j)` that the plan passes.
pub fn power(target: f64, confidence: f64) -> Vec<PowerRow> {
    let allowed = 1.0 - target;
    POWER_FAILURES
        .iter()
        .flat_map(|&j| {
            let planned = total_cases_needed(j, target, confidence);
            POWER_FRACTIONS.iter().map(move |&fraction| {
                let q = allowed * fraction;
                PowerRow {
                    allowed_failures: j,
                    planned_cases: planned,
                    true_failure_rate: q,
                    probability: planned.map(|n| binomial_cdf(j, n, q)),
                }
            })
        })
        .collect()
}

/// Whether `total` cases with `failures` failures demonstrate `target` (success-run test).
fn demonstrates(total: u64, failures: u64, target: f64, confidence: f64) -> bool {
    failures < total && binomial_cdf(failures, total, 1.0 - target) <= 1.0 - confidence
}

/// K(N): the most failures in `total` cases that still demonstrate the target; None when
/// even none does.
pub fn most_failures_allowed(total: u64, target: f64, confidence: f64) -> Option<u64> {
    if !demonstrates(total, 0, target, confidence) {
        return None;
    }
    // Demonstrating is monotone in the failures. At or above the expected failures
    // N(1 − R) it never does (the binomial's median is within one of its mean, and the
    // confidence is above one half); five standard deviations below, it does whenever the
    // confidence is under 99.99997% — checked, else the search starts from 0.
    let mean = total as f64 * (1.0 - target);
    let fails = (mean.ceil() as u64).min(total);
    let below = (mean - 5.0 * mean.sqrt() - 1.0).floor();
    let mut lo = if below >= 1.0 && demonstrates(total, below as u64, target, confidence) {
        below as u64
    } else {
        0
    };
    let mut hi = fails.max(lo + 1);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if demonstrates(total, mid, target, confidence) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

/// `P(X ≤ x)` for `X ~ BetaBinomial(m, alpha, beta)`: summed from `x` outward where the terms
/// shrink (down to 0 below the mean; above it, one minus the upper tail), each term from the
/// one before by the exact ratio of successive probabilities, the first from `ln Γ`.
pub fn beta_binomial_cdf(x: u64, m: u64, alpha: f64, beta: f64) -> f64 {
    if x >= m {
        return 1.0;
    }
    let mf = m as f64;
    let ln_pmf = |i: f64| {
        ln_gamma(mf + 1.0) - ln_gamma(i + 1.0) - ln_gamma(mf - i + 1.0)
            + ln_gamma(i + alpha)
            + ln_gamma(mf - i + beta)
            - ln_gamma(mf + alpha + beta)
            - (ln_gamma(alpha) + ln_gamma(beta) - ln_gamma(alpha + beta))
    };
    // pmf(i + 1) / pmf(i).
    let up = |i: f64| (mf - i) * (i + alpha) / ((i + 1.0) * (mf - i - 1.0 + beta));
    let mean = mf * alpha / (alpha + beta);
    let xf = x as f64;
    let sum_from = |start: f64, step: f64, end: f64| {
        let mut term = ln_pmf(start).exp();
        let (mut sum, mut at) = (0.0, start);
        loop {
            sum += term;
            let next = at + step;
            if (step > 0.0 && next > end) || (step < 0.0 && next < end) || term <= sum * 1e-17 {
                return sum;
            }
            term *= if step > 0.0 { up(at) } else { 1.0 / up(next) };
            at = next;
        }
    };
    let p = if xf <= mean {
        sum_from(xf, -1.0, 0.0)
    } else {
        1.0 - sum_from(xf + 1.0, 1.0, mf)
    };
    p.clamp(0.0, 1.0)
}

/// The chance that `more` more cases demonstrate the target, given `cases` with `failures`
/// so far: `P(X ≤ K(n + m) − k)` for `X ~ BetaBinomial(m, k + ½, n − k + ½)`.
pub fn chance_with(cases: u64, failures: u64, more: u64, target: f64, confidence: f64) -> f64 {
    let most = most_failures_allowed(cases.saturating_add(more), target, confidence);
    chance_given(cases, failures, more, most)
}

/// [`chance_with`] when K(n + m), the most failures allowed, is known.
fn chance_given(cases: u64, failures: u64, more: u64, most: Option<u64>) -> f64 {
    let k = failures.min(cases);
    match most {
        Some(most) if most >= k => {
            let (alpha, beta) = (k as f64 + 0.5, (cases - k) as f64 + 0.5);
            beta_binomial_cdf(most - k, more, alpha, beta)
        }
        _ => 0.0,
    }
}

/// The chance to demonstrate with `cases_needed` × {1, 2, 5} more cases; empty without
/// evidence or once demonstrated (no more cases are needed).
pub fn chance_to_demonstrate(
    cases: u64,
    failures: u64,
    cases_needed: Option<u64>,
    target: f64,
    confidence: f64,
) -> Vec<Chance> {
    match cases_needed {
        Some(needed) if cases > 0 && needed > 0 => CHANCE_MULTIPLES
            .iter()
            .map(|&x| {
                let more = needed.saturating_mul(x);
                Chance {
                    more_cases: more,
                    probability: chance_with(cases, failures, more, target, confidence),
                }
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The true failure rate at which `more` more cases, after `cases` with `failures`,
/// demonstrate the target with chance `wanted` (DESIGN §4, a fix that can work): the q with
/// `P(Binomial(m, q) ≤ K(n + m) − k) = wanted`, by bisection (the chance falls as q rises).
/// None when even no further failure would not demonstrate it.
pub fn rate_for_chance(
    cases: u64,
    failures: u64,
    more: u64,
    target: f64,
    confidence: f64,
    wanted: f64,
) -> Option<f64> {
    let k = failures.min(cases);
    let most = most_failures_allowed(cases.saturating_add(more), target, confidence)?;
    let room = most.checked_sub(k)?;
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if binomial_cdf(room, more, mid) >= wanted {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-12 * hi {
            break;
        }
    }
    Some(lo)
}

/// The least number of more cases with at least an 80% chance to demonstrate the target;
/// None without evidence, or when none up to ten million does. 0 once demonstrated.
///
/// The chance is not monotone in the more cases m: it falls while K(n + m), the failures
/// allowed, stays the same (more cases, more room for failures), and jumps where K rises.
/// So over a range [a, b] of m it is at most `P(X_a ≤ K(n + b) − k)`: a range whose bound is
/// under 80% holds no answer, a range where K is constant has its best chance at a. The
/// search splits [1, 10^7] in halves, left first, dropping ranges by that bound: exact, and
/// quick because only ranges near the answer survive.
pub fn cases_for_80_percent(
    cases: u64,
    failures: u64,
    demonstrated: bool,
    target: f64,
    confidence: f64,
) -> Option<u64> {
    if cases == 0 {
        return None;
    }
    if demonstrated {
        return Some(0);
    }
    let k = failures.min(cases);
    let most = |m: u64| most_failures_allowed(cases + m, target, confidence);
    least_in(
        1,
        MAX_MORE_CASES,
        most(1),
        most(MAX_MORE_CASES),
        &|a, b| (chance_given(cases, k, a, b) >= CHANCE_WANTED, ()),
        &most,
    )
}

/// The least m in [a, b] with `good(m, K(n + m))`, given K at both ends (see
/// [`cases_for_80_percent`]).
fn least_in(
    a: u64,
    b: u64,
    most_a: Option<u64>,
    most_b: Option<u64>,
    passes: &dyn Fn(u64, Option<u64>) -> (bool, ()),
    most: &dyn Fn(u64) -> Option<u64>,
) -> Option<u64> {
    if most_a == most_b {
        // K constant over the range: the chance falls with m, so a is its best.
        return passes(a, most_a).0.then_some(a);
    }
    if !passes(a, most_b).0 {
        return None; // even the bound misses: nothing in [a, b] reaches 80%
    }
    let mid = a + (b - a) / 2;
    let most_mid = most(mid);
    least_in(a, mid, most_a, most_mid, passes, most).or_else(|| {
        let most_next = most(mid + 1);
        least_in(mid + 1, b, most_next, most_b, passes, most)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beta_cdf_meets_closed_forms() {
        // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
        assert!((beta_cdf(0.3, 1.0, 1.0) - 0.3).abs() < 1e-15);
        assert!((beta_cdf(0.3, 2.5, 1.0) - 0.3_f64.powf(2.5)).abs() < 1e-14);
        assert!((beta_cdf(0.01, 1.0, 300.5) - (1.0 - 0.99_f64.powf(300.5))).abs() < 1e-14);
        // Beta(½, ½) is the arcsine law: I_x = (2/π)·asin(√x).
        let x = 0.2_f64;
        let arcsine = 2.0 / std::f64::consts::PI * x.sqrt().asin();
        assert!((beta_cdf(x, 0.5, 0.5) - arcsine).abs() < 1e-14);
    }

    #[test]
    fn the_designs_example_of_power() {
        // A pilot truly at 99.95% passes a 2,995-case, zero-failure plan about 22% of the
        // time (DESIGN §10): 0.9995^2995.
        let rows = power(0.999, 0.95);
        let row = &rows[1];
        assert_eq!((row.allowed_failures, row.planned_cases), (0, Some(2995)));
        let expected = 0.9995_f64.powi(2995);
        assert!(
            (row.probability.unwrap() - expected).abs() < 1e-12,
            "{row:?}"
        );
        assert!((expected - 0.2236).abs() < 1e-3);
    }

    #[test]
    fn beta_binomial_sums_to_one_and_matches_a_direct_sum() {
        let (m, a, b) = (12u64, 2.5, 7.5);
        let direct = |x: u64| {
            (0..=x)
                .map(|i| {
                    let i = i as f64;
                    let mf = m as f64;
                    (ln_gamma(mf + 1.0) - ln_gamma(i + 1.0) - ln_gamma(mf - i + 1.0)
                        + ln_gamma(i + a)
                        + ln_gamma(mf - i + b)
                        - ln_gamma(mf + a + b)
                        - ln_gamma(a)
                        - ln_gamma(b)
                        + ln_gamma(a + b))
                    .exp()
                })
                .sum::<f64>()
        };
        for x in 0..m {
            assert!(
                (beta_binomial_cdf(x, m, a, b) - direct(x)).abs() < 1e-13,
                "{x}"
            );
        }
        assert!((direct(m) - 1.0).abs() < 1e-13);
    }
}
