//! The rounding rules of DESIGN §3, applied here only: a lower bound is rounded down, an
//! upper bound up, and a rate compared with another is printed with as many decimals as it
//! takes for the printed pair to stand in the same order as the numbers.

use crate::audit::format::{base_decimals, percent_rounded, percent_value, Round, MAX_DECIMALS};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::format::percent;

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
}
