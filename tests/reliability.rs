//! Reliability statistics checked against textbook values, against an independent second
//! computation written here (a plain log-space binomial sum solved by bisection), and
//! against a golden table computed at 50 digits with mpmath (`tools/reference.py`).

use pilot_audit::audit::reliability::{
    binomial_cdf, lower_bound, reliability, total_cases_needed, upper_bound,
};
use serde::Deserialize;

/// `ln C(n, j)` by the product formula, for small j: independent of the engine's Stirling form.
fn ln_choose(n: u64, j: u64) -> f64 {
    (0..j)
        .map(|i| ((n - i) as f64).ln() - ((i + 1) as f64).ln())
        .sum()
}

/// `P(X <= k | n, q)` as the plain sum of k + 1 terms, each in log space.
fn naive_cdf(k: u64, n: u64, q: f64) -> f64 {
    (0..=k.min(n))
        .map(|j| (ln_choose(n, j) + j as f64 * q.ln() + (n - j) as f64 * (-q).ln_1p()).exp())
        .sum()
}

/// Clopper–Pearson lower bound on success by bisection on the naive sum.
fn naive_lower_bound(n: u64, k: u64, confidence: f64) -> f64 {
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if naive_cdf(k, n, mid) > 1.0 - confidence {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    1.0 - 0.5 * (lo + hi)
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-300)
}

#[test]
fn success_run_textbook_values() {
    // Zero-failure success run: n = ceil(ln(1 − C) / ln R).
    assert_eq!(total_cases_needed(0, 0.999, 0.95), Some(2995));
    assert_eq!(total_cases_needed(0, 0.99, 0.95), Some(299));
    assert_eq!(total_cases_needed(0, 0.9, 0.9), Some(22));
    // The classic table for R = 90%, C = 90% with 0..3 failures allowed.
    assert_eq!(total_cases_needed(1, 0.9, 0.9), Some(38));
    assert_eq!(total_cases_needed(2, 0.9, 0.9), Some(52));
    assert_eq!(total_cases_needed(3, 0.9, 0.9), Some(65));
}

#[test]
fn clopper_pearson_textbook_values() {
    // No failure in n: (1 − C)^(1/n).
    assert!(close(lower_bound(10, 0, 0.95), 0.05_f64.powf(0.1), 1e-14));
    // One failure in 100: the one-sided 95% upper failure bound is 4.66%.
    assert!((1.0 - lower_bound(100, 1, 0.95) - 0.0466).abs() < 5e-5);
    // All failures: upper success bound 1 − (1 − C)^(1/n); lower bound 0.
    assert_eq!(lower_bound(5, 5, 0.95), 0.0);
    assert!(close(
        upper_bound(5, 5, 0.95),
        1.0 - 0.05_f64.powf(0.2),
        1e-12
    ));
    assert_eq!(lower_bound(0, 0, 0.95), 0.0);
}

#[test]
fn cases_needed_counts_the_remaining_run() {
    let r = reliability(800, 0, 0.999, 0.95);
    assert_eq!(r.cases_needed, Some(2995 - 800));
    assert!(!r.demonstrated);
    let r = reliability(2995, 0, 0.999, 0.95);
    assert!(r.demonstrated);
    assert_eq!(r.cases_needed, Some(0));
    let r = reliability(2994, 0, 0.999, 0.95);
    assert_eq!(r.cases_needed, Some(1));
    let r = reliability(0, 0, 0.999, 0.95);
    assert_eq!(r.point_estimate, None);
    assert_eq!(r.lower_bound, 0.0);
    assert_eq!(r.cases_needed, Some(2995));
}

#[test]
fn lower_bound_agrees_with_a_second_method_up_to_ten_million_cases() {
    for &n in &[20_u64, 100, 800, 5_000, 100_000, 1_000_000, 10_000_000] {
        for &k in &[1_u64, 2, 5, 17, 60] {
            if k >= n {
                continue;
            }
            for &c in &[0.9, 0.95, 0.99] {
                let engine = lower_bound(n, k, c);
                let second = naive_lower_bound(n, k, c);
                assert!(
                    close(1.0 - engine, 1.0 - second, 1e-9),
                    "n={n} k={k} C={c}: engine {engine} vs second method {second}"
                );
            }
        }
    }
}

#[test]
fn binomial_tail_agrees_with_naive_sum_on_both_sides_of_the_mean() {
    for &(k, n, q) in &[
        (3_u64, 50_u64, 0.2),
        (30, 50, 0.2),
        (0, 10_000_000, 1e-7),
        (25, 10_000_000, 2e-6),
        (900, 1_000_000, 1e-3),
        (1_100, 1_000_000, 1e-3),
    ] {
        let engine = binomial_cdf(k, n, q);
        let naive = naive_cdf(k, n, q);
        assert!(
            close(engine, naive, 1e-9),
            "k={k} n={n} q={q}: {engine} vs {naive}"
        );
    }
}

#[test]
fn cases_needed_is_exact_for_any_failure_count() {
    // The total found is the least N passing the success-run test: N passes, N − 1 does not.
    for &k in &[0_u64, 1, 4, 25, 400] {
        for &(r, c) in &[(0.999, 0.95), (0.99, 0.9), (0.9999, 0.99)] {
            let total = total_cases_needed(k, r, c).expect("finite");
            assert!(
                naive_cdf(k, total, 1.0 - r) <= 1.0 - c,
                "k={k} R={r} C={c} N={total}"
            );
            assert!(
                naive_cdf(k, total - 1, 1.0 - r) > 1.0 - c,
                "k={k} R={r} C={c} N-1"
            );
        }
    }
    // Large counts stay finite and quick: 50,000 failures at 99.99% need about 5·10^8 cases.
    let total = total_cases_needed(50_000, 0.9999, 0.95).expect("finite");
    assert!(total > 500_000_000 && total < 510_000_000, "{total}");
}

#[derive(Deserialize)]
struct TableRow {
    n: u64,
    k: u64,
    confidence: f64,
    target: f64,
    lower_bound: f64,
    upper_bound: f64,
    total_cases_needed: u64,
}

#[test]
fn matches_the_mpmath_golden_table() {
    let text = include_str!("golden/reliability_table.json");
    let rows: Vec<TableRow> = serde_json::from_str(text).expect("golden table parses");
    assert!(rows.len() >= 40, "table has {} rows", rows.len());
    for row in rows {
        let lower = lower_bound(row.n, row.k, row.confidence);
        let upper = upper_bound(row.n, row.k, row.confidence);
        // Compare the failure-rate side (1 − bound), where the digits are.
        assert!(
            close(1.0 - lower, 1.0 - row.lower_bound, 1e-8)
                || (lower - row.lower_bound).abs() < 1e-15,
            "lower n={} k={} C={}: {lower} vs {}",
            row.n,
            row.k,
            row.confidence,
            row.lower_bound
        );
        assert!(
            close(1.0 - upper, 1.0 - row.upper_bound, 1e-8)
                || (upper - row.upper_bound).abs() < 1e-15,
            "upper n={} k={} C={}: {upper} vs {}",
            row.n,
            row.k,
            row.confidence,
            row.upper_bound
        );
        assert_eq!(
            total_cases_needed(row.k, row.target, row.confidence),
            Some(row.total_cases_needed),
            "N for k={} R={} C={}",
            row.k,
            row.target,
            row.confidence
        );
    }
}
