//! The rounding rules of DESIGN §3, applied here only: a lower bound is rounded down, an
//! upper bound up, and a rate compared with another is printed with as many decimals as it
//! takes for the printed pair to stand in the same order as the numbers.

use crate::audit::format::{
    base_decimals, grouped, money, money_decimals, months, percent_rounded, percent_value, rounded,
    without_trailing_zeros, Round, MAX_DECIMALS,
};
use crate::audit::standard::{PAYBACK_PASS_MONTHS, SCALE_MIN_SCORE};
use std::cmp::Ordering;

/// A lower bound as a percentage, rounded down.
pub fn percent_down(rate: f64) -> String {
    percent_rounded(rate, base_decimals(rate), Round::Down)
}

/// An upper bound as a percentage, rounded up.
pub fn percent_up(rate: f64) -> String {
    percent_rounded(rate, base_decimals(rate), Round::Up)
}

/// `rate` (rounded as asked) and the `reference` it is compared with, printed with as many
/// decimals as it takes for the printed pair to stand in the same order as the numbers
/// (DESIGN §3): "99.8999%" against "99.9%", never "99.9%" below "99.9%".
pub fn percent_vs(rate: f64, round: Round, reference: f64) -> (String, String) {
    let order = rate.total_cmp(&reference);
    let start = base_decimals(rate).max(base_decimals(reference));
    let decimals = (start..=MAX_DECIMALS)
        .find(|&d| {
            let shown = percent_value(rate, d, round);
            let against = percent_value(reference, d, Round::Nearest);
            shown.total_cmp(&against) == order
        })
        .unwrap_or(MAX_DECIMALS);
    (
        percent_rounded(rate, decimals, round),
        percent_rounded(reference, decimals, Round::Nearest),
    )
}

/// `value` at `decimals` places beside the `reference` it is judged by: to the nearest,
/// unless that would put it onto or past the reference; then away from it.
fn beside(value: f64, reference: f64, decimals: usize) -> f64 {
    let nearest = rounded(value, decimals, Round::Nearest);
    let order = value.total_cmp(&reference);
    if nearest.total_cmp(&reference) == order {
        return nearest;
    }
    match order {
        Ordering::Greater => rounded(value, decimals, Round::Up),
        Ordering::Less => rounded(value, decimals, Round::Down),
        Ordering::Equal => value,
    }
}

/// `rate` as a percentage beside the nearest of the `thresholds` it is judged by: it never
/// shows on or past one it has not reached (u = 0.2499 is "24.9%" where 25% is a rule,
/// never "25%").
pub fn percent_beside(rate: f64, thresholds: &[f64]) -> String {
    let decimals = base_decimals(rate);
    let nearest = thresholds
        .iter()
        .copied()
        .min_by(|a, b| (a - rate).abs().total_cmp(&(b - rate).abs()));
    let shown = nearest.map_or(rate * 100.0, |t| beside(rate * 100.0, t * 100.0, decimals));
    percent_rounded(shown / 100.0, decimals, Round::Nearest)
}

/// A number of months at one decimal beside the `reference` it is judged by (a payback of
/// 12.04 months is "12.1 months" where 12 is the rule, never "12 months").
pub fn months_beside(value: f64, reference: f64) -> String {
    months(beside(value, reference, 1))
}

/// A payback as people read it, beside the standard's 12 months: "never" when it never pays
/// back.
pub fn payback(value: Option<f64>) -> String {
    value.map_or_else(
        || "never".to_string(),
        |m| months_beside(m, PAYBACK_PASS_MONTHS),
    )
}

/// A ceiling that is a multiple, rounded down: two decimals under 10, so that it never reads
/// past the standard's 1.25 or 2 ("1.24×" for 1.2499, "2×" for 2.0), whole above ("699×" for
/// 699.4).
pub fn times_down(value: f64) -> String {
    let decimals = if value < 10.0 { 2 } else { 0 };
    let digits = grouped(rounded(value, decimals, Round::Down), decimals);
    format!("{}×", without_trailing_zeros(digits))
}

/// A score out of 100 as a whole number beside the bar *scale* needs (DESIGN §4): 79.6 is
/// "79", never "80".
pub fn score_shown(score: f64) -> String {
    // The bar is "at least 80": a score past it may read as 80, one short of it never.
    let whole = rounded(score, 0, Round::Nearest);
    let shown = if score < SCALE_MIN_SCORE && whole >= SCALE_MIN_SCORE {
        rounded(score, 0, Round::Down)
    } else {
        whole
    };
    format!("{shown:.0}")
}

/// A ceiling of money, rounded down ("below $0.40" for a ceiling of $0.4062).
pub fn money_down(value: f64, currency: &str) -> String {
    money(rounded(value, money_decimals(value), Round::Down), currency)
}

/// A floor of money, rounded up.
pub fn money_up(value: f64, currency: &str) -> String {
    money(rounded(value, money_decimals(value), Round::Up), currency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::format::percent;

    #[test]
    fn a_score_never_reads_as_the_bar_it_has_not_reached() {
        assert_eq!(score_shown(79.6), "79");
        assert_eq!(score_shown(79.4), "79");
        assert_eq!(score_shown(80.0), "80");
        assert_eq!(score_shown(80.4), "80");
        assert_eq!(score_shown(27.5), "28");
        assert_eq!(score_shown(99.6), "100");
    }

    #[test]
    fn multiples_are_rounded_down_and_never_read_past_a_rule() {
        assert_eq!(times_down(1.2499), "1.24×");
        assert_eq!(times_down(1.25), "1.25×");
        assert_eq!(times_down(1.999), "1.99×");
        assert_eq!(times_down(2.0), "2×");
        assert_eq!(times_down(2.5), "2.5×");
        assert_eq!(times_down(699.4), "699×");
        assert_eq!(times_down(12_345.9), "12,345×");
    }

    #[test]
    fn bounds_round_away_from_what_they_bound_and_comparisons_stay_true() {
        assert_eq!(percent_down(0.99999), "99.999%");
        assert_eq!(percent_down(0.999_999_7), "99.999%");
        assert_eq!(percent_up(0.998_001), "99.801%");
        assert_eq!(percent(0.999_999_7), "100%");
        // Below the target, however close: more decimals until the order shows.
        assert_eq!(
            percent_vs(0.998_999, Round::Down, 0.999),
            ("99.899%".to_string(), "99.9%".to_string())
        );
        assert_eq!(
            percent_vs(0.998_95, Round::Nearest, 0.999),
            ("99.895%".to_string(), "99.9%".to_string())
        );
        assert_eq!(
            percent_vs(0.998_999_9, Round::Nearest, 0.999),
            ("99.89999%".to_string(), "99.9%".to_string())
        );
        assert_eq!(
            percent_vs(0.998_999_99, Round::Up, 0.999),
            ("99.899999%".to_string(), "99.9%".to_string())
        );
        // Above it, however close: the order shows too.
        assert_eq!(
            percent_vs(0.999_04, Round::Down, 0.999),
            ("99.904%".to_string(), "99.9%".to_string())
        );
        assert_eq!(
            percent_vs(0.999_000_4, Round::Down, 0.999),
            ("99.90004%".to_string(), "99.9%".to_string())
        );
        assert_eq!(
            percent_vs(0.999, Round::Down, 0.999),
            ("99.9%".to_string(), "99.9%".to_string())
        );
        assert_eq!(
            percent_vs(0.001_000_2, Round::Up, 0.001),
            ("0.11%".to_string(), "0.1%".to_string())
        );
    }

    #[test]
    fn a_figure_never_shows_on_the_wrong_side_of_its_rule() {
        assert_eq!(months_beside(12.04, 12.0), "12.1 months");
        assert_eq!(months_beside(11.96, 12.0), "11.9 months");
        assert_eq!(months_beside(12.0, 12.0), "12 months");
        assert_eq!(
            months_beside(3.46, 12.0),
            "3.5 months",
            "far from the rule: nearest"
        );
        assert_eq!(payback(Some(12.0001)), "12.1 months");
        assert_eq!(payback(None), "never");
        let u = [0.25, 0.5, 1.0, 1.25];
        assert_eq!(percent_beside(0.2499, &u), "24.9%");
        assert_eq!(percent_beside(0.25, &u), "25%");
        assert_eq!(percent_beside(0.2501, &u), "25.1%");
        assert_eq!(percent_beside(1.000_01, &u), "100.1%");
        assert_eq!(percent_beside(0.499_99, &u), "49.9%");
        assert_eq!(percent_beside(0.4, &u), "40%");
        assert_eq!(money_down(0.4062, "USD"), "$0.40");
        assert_eq!(
            money_down(0.29, "USD"),
            "$0.29",
            "no float noise taken for a digit"
        );
        assert_eq!(money_up(0.4012, "USD"), "$0.41");
        assert_eq!(money_down(1234.9, "EUR"), "€1,234");
    }
}
