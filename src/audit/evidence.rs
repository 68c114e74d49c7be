//! The evidence log (DESIGN §9): which batches count, drift between them, the test plan in
//! force, and the lower bound's history.

use super::model::{
    Batch, CountedEvidence, Drift, EvidenceKind, HistoryPoint, Pilot, PlanStanding, PlanStatus,
    Reliability, Stale,
};
use super::reliability::{binomial_cdf, ln_binomial_pmf, lower_bound, total_cases_needed};

/// Drift is flagged below this p-value.
pub const DRIFT_ALPHA: f64 = 0.05;

/// The counted evidence and the indices of the batches counted, oldest first.
pub struct Counted {
    /// What the assessment reports.
    pub summary: CountedEvidence,
    /// Indices into `batches` of the batches counted.
    pub indices: Vec<usize>,
}

/// The buyer's batches of the latest buyer model version, pooled; with no buyer batch, the
/// vendor's of the latest vendor model version; else nothing.
pub fn counted(batches: &[Batch]) -> Counted {
    let buyers = |b: &&Batch| b.source.is_buyers_own();
    let (kind, pool): (EvidenceKind, Vec<(usize, &Batch)>) =
        if batches.iter().any(|b| b.source.is_buyers_own()) {
            (
                EvidenceKind::Buyer,
                batches
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| buyers(b))
                    .collect(),
            )
        } else if batches.is_empty() {
            (EvidenceKind::None, Vec::new())
        } else {
            (EvidenceKind::Vendor, batches.iter().enumerate().collect())
        };
    let version = pool
        .last()
        .map(|(_, b)| b.model_version.clone())
        .unwrap_or_default();
    let mut summary = CountedEvidence {
        kind,
        model_version: version.clone(),
        ..CountedEvidence::default()
    };
    let mut indices = Vec::new();
    for (i, b) in pool {
        if b.model_version == version {
            summary.cases = summary.cases.saturating_add(b.cases);
            summary.failures = summary.failures.saturating_add(b.failures.min(b.cases));
            summary.batches += 1;
            indices.push(i);
        } else {
            summary.left_out_cases = summary.left_out_cases.saturating_add(b.cases);
        }
    }
    if kind == EvidenceKind::Buyer {
        summary.vendor_cases_left_out = batches
            .iter()
            .filter(|b| !b.source.is_buyers_own())
            .map(|b| b.cases)
            .fold(0, u64::saturating_add);
    }
    Counted { summary, indices }
}

/// `ln P(X = x)` for `X ~ Hypergeometric`: `x` failures among `drawn` cases taken from
/// `total` cases of which `failures` failed. By Loader's identity (R's `dhyper`):
/// `dbinom(x; failures, p) · dbinom(drawn − x; total − failures, p) / dbinom(drawn; total, p)`
/// with `p = drawn / total`, each term in the saddle-point form that keeps its digits for
/// ten million cases.
fn ln_hypergeometric_pmf(x: f64, failures: f64, drawn: f64, total: f64) -> f64 {
    let p = drawn / total;
    ln_binomial_pmf(x, failures, p) + ln_binomial_pmf(drawn - x, total - failures, p)
        - ln_binomial_pmf(drawn, total, p)
}

/// One-sided Fisher's exact test that the latest batch (`f1` failures in `n1` cases) fails
/// more often than the earlier ones (`f0` in `n0`): `P(X ≥ f1)` for the failures X the
/// latest batch would hold, all margins fixed. Summed from `f1` outward where the terms
/// shrink (the upper tail above the mean, else one minus the lower tail below `f1`), each
/// term from the one before by the exact ratio of successive hypergeometric probabilities.
pub fn fisher_latest_fails_more(f1: u64, n1: u64, f0: u64, n0: u64) -> f64 {
    let (f1, f0) = (f1.min(n1), f0.min(n0));
    let (total, failures, drawn) = ((n0 + n1) as f64, (f0 + f1) as f64, n1 as f64);
    let x = f1 as f64;
    if failures == 0.0 || drawn == 0.0 || drawn == total {
        return 1.0; // no failure anywhere, or nothing to compare: no evidence of drift
    }
    let low = (drawn - (total - failures)).max(0.0);
    let high = failures.min(drawn);
    // Ratio pmf(x + 1) / pmf(x).
    let up =
        |x: f64| (failures - x) * (drawn - x) / ((x + 1.0) * (total - failures - drawn + x + 1.0));
    let mean = drawn * failures / total;
    let sum_from = |start: f64, step: f64| {
        let mut term = ln_hypergeometric_pmf(start, failures, drawn, total).exp();
        let mut sum = 0.0;
        let mut at = start;
        loop {
            sum += term;
            let next = at + step;
            if next < low || next > high || term <= sum * 1e-17 {
                return sum;
            }
            term *= if step > 0.0 { up(at) } else { 1.0 / up(next) };
            at = next;
        }
    };
    let p = if x >= mean {
        sum_from(x, 1.0)
    } else if x <= low {
        1.0
    } else {
        1.0 - sum_from(x - 1.0, -1.0)
    };
    p.clamp(0.0, 1.0)
}

/// Cases the recent window of the drift test gathers, newest batch first (DESIGN §9).
pub const DRIFT_WINDOW_CASES: u64 = 1_000;

/// Drift among the counted buyer batches (DESIGN §9): the recent window — the newest
/// batches, taken newest first until they hold [`DRIFT_WINDOW_CASES`], always leaving an
/// earlier batch — pooled against the earlier ones pooled. None with fewer than two
/// counted buyer batches.
pub fn drift(batches: &[Batch], counted: &Counted) -> Option<Drift> {
    if counted.summary.kind != EvidenceKind::Buyer || counted.indices.len() < 2 {
        return None;
    }
    let pool = |indices: &[usize]| {
        indices.iter().fold((0u64, 0u64), |(n, f), &i| {
            let b = &batches[i];
            (
                n.saturating_add(b.cases),
                f.saturating_add(b.failures.min(b.cases)),
            )
        })
    };
    // Grow the window newest first, its cases summed as it grows.
    let mut split = counted.indices.len() - 1;
    let mut cases = batches[counted.indices[split]].cases;
    while split > 1 && cases < DRIFT_WINDOW_CASES {
        split -= 1;
        cases = cases.saturating_add(batches[counted.indices[split]].cases);
    }
    let (earlier, window) = counted.indices.split_at(split);
    let ((n1, f1), (n0, f0)) = (pool(window), pool(earlier));
    let p_value = fisher_latest_fails_more(f1, n1, f0, n0);
    Some(Drift {
        p_value,
        flagged: p_value < DRIFT_ALPHA,
        window_cases: n1,
        window_failures: f1,
        power: None,
    })
}

/// The failure rate the drift test's power is stated at (DESIGN §9): the standard's
/// allowed rate, 1 − 99.9%, in the earlier batches ...
pub const DRIFT_POWER_BASE_RATE: f64 = 1.0 - super::standard::STANDARD_TARGET;
/// ... rising this many times in the recent window.
pub const DRIFT_POWER_RISE: f64 = 4.0;

/// The chance the drift test flags a window of `window` cases against `earlier` cases when
/// the failure rate rises from [`DRIFT_POWER_BASE_RATE`] to [`DRIFT_POWER_RISE`] times it
/// in the window (DESIGN §9), exactly: Σ over the earlier failures x₀ ~ Bin(earlier, q) of
/// P(X₁ ≥ c(x₀)) for X₁ ~ Bin(window, 4q), where c(x₀) is the least window count the
/// one-sided Fisher test flags (p < 0.05). c rises with x₀, so one scan finds every c;
/// x₀ runs over the binomial's mass (twelve standard deviations each side, at least 0–60).
pub fn drift_power(window: u64, earlier: u64) -> f64 {
    let (q0, q1) = (
        DRIFT_POWER_BASE_RATE,
        DRIFT_POWER_BASE_RATE * DRIFT_POWER_RISE,
    );
    if window == 0 || earlier == 0 {
        return 0.0;
    }
    let flags = |x1: u64, x0: u64| fisher_latest_fails_more(x1, window, x0, earlier) < DRIFT_ALPHA;
    let mean = earlier as f64 * q0;
    let spread = 12.0 * mean.sqrt() + 60.0;
    let low = (mean - spread).max(0.0).floor() as u64;
    let high = ((mean + spread).ceil() as u64).min(earlier);
    // The least flagged count for x₀, at least `from` (flagging rises with x₁): galloping
    // up from `from`, then bisection.
    let least = |x0: u64, from: u64| -> Option<u64> {
        if !flags(window, x0) {
            return None;
        }
        if flags(from, x0) {
            return Some(from);
        }
        let (mut lo, mut step) = (from, 1u64);
        let mut hi = loop {
            let next = lo.saturating_add(step).min(window);
            if next == window || flags(next, x0) {
                break next;
            }
            lo = next;
            step = step.saturating_mul(2);
        };
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if flags(mid, x0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(hi)
    };
    let mut power = 0.0;
    let mut c = 0;
    for x0 in low..=high {
        let Some(found) = least(x0, c) else {
            break; // no window count is flagged here, nor for more earlier failures
        };
        c = found;
        let weight = ln_binomial_pmf(x0 as f64, earlier as f64, q0).exp();
        let caught = if c == 0 {
            1.0
        } else {
            1.0 - binomial_cdf(c - 1, window, q1)
        };
        power += weight * caught;
    }
    power.clamp(0.0, 1.0)
}

/// Stale evidence (DESIGN §4): the first batch of any source dated after the latest counted
/// buyer batch that names a model version other than the one counted ("" names none).
pub fn stale(batches: &[Batch], counted: &Counted) -> Option<Stale> {
    if counted.summary.kind != EvidenceKind::Buyer {
        return None;
    }
    let last = &batches[*counted.indices.last()?].date;
    let version = &counted.summary.model_version;
    batches
        .iter()
        .find(|b| {
            b.date.as_str() > last.as_str()
                && !b.model_version.is_empty()
                && &b.model_version != version
        })
        .map(|b| Stale {
            model_version: b.model_version.clone(),
            date: b.date.clone(),
        })
}

/// The plan in force (the last), judged on the counted batches dated on or after it was
/// set: failed when more failures than allowed, passed when the planned cases are reached,
/// overdue when its decide-by date is before `today`, else on track.
pub fn plan(r: &Reliability, counted: &Counted, today: &str) -> Option<PlanStanding> {
    let plan = r.plans.last()?;
    let planned_cases = total_cases_needed(
        u64::from(plan.allowed_failures),
        plan.target,
        plan.confidence,
    );
    let (counted_cases, counted_failures) = counted
        .indices
        .iter()
        .map(|&i| &r.batches[i])
        .filter(|b| !b.date.is_empty() && b.date.as_str() >= plan.set_on.as_str())
        .fold((0u64, 0u64), |(n, f), b| {
            (
                n.saturating_add(b.cases),
                f.saturating_add(b.failures.min(b.cases)),
            )
        });
    let status = if counted_failures > u64::from(plan.allowed_failures) {
        PlanStatus::Failed
    } else if planned_cases.is_some_and(|needed| counted_cases >= needed) {
        PlanStatus::Passed
    } else if !plan.decide_by.is_empty() && plan.decide_by.as_str() < today {
        PlanStatus::Overdue
    } else {
        PlanStatus::OnTrack
    };
    Some(PlanStanding {
        status,
        planned_cases,
        counted_cases,
        counted_failures,
    })
}

/// The lower bound at the pilot's confidence after each counted batch, pooled so far.
pub fn history(r: &Reliability) -> Vec<HistoryPoint> {
    let counted = counted(&r.batches);
    let (mut n, mut k) = (0u64, 0u64);
    counted
        .indices
        .iter()
        .map(|&i| {
            let b = &r.batches[i];
            n = n.saturating_add(b.cases);
            k = k.saturating_add(b.failures.min(b.cases));
            HistoryPoint {
                date: b.date.clone(),
                cases: n,
                failures: k,
                lower_bound: lower_bound(n, k, r.confidence),
            }
        })
        .collect()
}

/// The counted evidence of `pilot`: cases, failures among them, and the total cases at
/// which the target would be demonstrated if every further case passes (None: it cannot be).
pub fn counted_run(pilot: &Pilot) -> (u64, u64, Option<u64>) {
    let r = &pilot.reliability;
    let summary = counted(&r.batches).summary;
    let (n, k) = (summary.cases, summary.failures);
    (n, k, total_cases_needed(k, r.target, r.confidence))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::model::Source;

    fn batch(date: &str, cases: u64, failures: u64, source: Source, version: &str) -> Batch {
        Batch {
            date: date.into(),
            cases,
            failures,
            source,
            model_version: version.into(),
            note: String::new(),
        }
    }

    #[test]
    fn fisher_matches_hand_computed_tables() {
        // 2×2 table [[3, 7], [1, 9]] (latest 3 of 10 failed, earlier 1 of 10): P(X ≥ 3) with
        // 4 failures among 20, 10 drawn = (C(4,3)C(16,7) + C(4,4)C(16,6)) / C(20,10)
        // = (4·11440 + 8008) / 184756 = 53768 / 184756.
        let p = fisher_latest_fails_more(3, 10, 1, 10);
        assert!((p - 53_768.0 / 184_756.0).abs() < 1e-14, "{p}");
        // The other way round: the latest failed less; the tail is the lower one's complement:
        // P(X ≥ 1) = 1 − C(16,10)/C(20,10) = 1 − 8008/184756.
        let p = fisher_latest_fails_more(1, 10, 3, 10);
        assert!((p - (1.0 - 8_008.0 / 184_756.0)).abs() < 1e-14, "{p}");
        assert_eq!(fisher_latest_fails_more(0, 10, 0, 10), 1.0);
        assert_eq!(fisher_latest_fails_more(0, 10, 5, 10), 1.0);
    }

    #[test]
    fn counts_the_buyers_latest_model_version() {
        let batches = vec![
            batch("2026-01-05", 500, 0, Source::VendorTest, "v1"),
            batch("2026-02-01", 300, 1, Source::BuyerSample, "v1"),
            batch("2026-03-01", 400, 0, Source::BuyerSample, "v2"),
            batch("2026-04-01", 600, 1, Source::BuyerProduction, "v2"),
        ];
        let c = counted(&batches);
        assert_eq!(c.summary.kind, EvidenceKind::Buyer);
        assert_eq!((c.summary.cases, c.summary.failures), (1000, 1));
        assert_eq!(c.summary.left_out_cases, 300);
        assert_eq!(c.summary.vendor_cases_left_out, 500);
        assert_eq!(c.indices, vec![2, 3]);
        let vendor_only = counted(&batches[..1]);
        assert_eq!(vendor_only.summary.kind, EvidenceKind::Vendor);
        assert_eq!(counted(&[]).summary.kind, EvidenceKind::None);
    }
}
