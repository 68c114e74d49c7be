//! Number formatting for findings and fixes: plain, locale-free, always finite. Rounding a
//! bound or a compared figure is [`words::rounding`](super::words::rounding)'s.
//!
//! The UI formats figures through the browser's `Intl.NumberFormat`; the engine's own
//! sentences need a formatter that runs anywhere, so they use these.

/// `1742` → `"1,742"`. Rounds to the nearest whole number.
pub fn count(value: f64) -> String {
    grouped(value, 0)
}

/// A multiple, grouped like every other figure: `4.5` → `"4.5×"`, `12345.6` → `"12,345.6×"`.
pub fn times(value: f64, decimals: usize) -> String {
    format!("{}×", grouped(value, decimals))
}

/// Money in `currency` (ISO 4217): `$0.42`, `€1,250`, `CHF 12`. Two decimals under 100, none above.
pub fn money(value: f64, currency: &str) -> String {
    let digits = grouped(value.abs(), money_decimals(value));
    signed_money(value, digits, currency)
}

/// Money short enough for a chart's label: as [`money`] under 100,000, above it in thousands,
/// millions, billions or trillions with a decimal under 100: `¥72,955,843` → `"¥73.0M"`,
/// `$417,300` → `"$417k"`. The caption beside the chart gives the figure in full.
pub fn money_short(value: f64, currency: &str) -> String {
    const UNITS: [(f64, &str); 4] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")];
    let unit = UNITS
        .iter()
        .find(|(unit, _)| value.is_finite() && value.abs() >= unit.max(1e5));
    match unit {
        Some(&(unit, suffix)) => {
            let scaled = value.abs() / unit;
            let digits = grouped(scaled, usize::from(scaled < 99.95));
            signed_money(value, format!("{digits}{suffix}"), currency)
        }
        None => money(value, currency),
    }
}

/// The sign (when the digits are not all zeros), the currency's symbol or code, the digits.
fn signed_money(value: f64, digits: String, currency: &str) -> String {
    let sign = if value < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match currency_symbol(currency) {
        Some(symbol) => format!("{sign}{symbol}{digits}"),
        None => format!("{sign}{currency} {digits}"),
    }
}

fn currency_symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        _ => return None,
    })
}

/// A rate as a percentage: `0.999` → `"99.9%"`, `0.95` → `"95%"`, `0.99899` → `"99.899%"`.
/// Three decimals from 99% to 100% (where reliability lives), two under 1%, one elsewhere.
pub fn percent(rate: f64) -> String {
    percent_rounded(rate, base_decimals(rate), Round::Nearest)
}

/// A probability as the report writes it: a percentage at one decimal at most, one rule
/// for every chance (no "99.184%" beside "5%"), never "0%" or "100%" for what is only
/// nearly so.
pub fn chance(p: f64) -> String {
    if p > 0.0 && p < 0.001 {
        "under 0.1%".to_string()
    } else if p < 1.0 && p > 0.999 {
        "over 99.9%".to_string()
    } else {
        percent_rounded(p, 1, Round::Nearest)
    }
}

/// A share of a simulation's draws as a chance: never "0%" or "100%", which no number of
/// draws can show.
pub fn draw_share(p: f64) -> String {
    if p <= 0.0 {
        "under 0.1%".to_string()
    } else if p >= 1.0 {
        "over 99.9%".to_string()
    } else {
        chance(p)
    }
}

/// Which way a shown figure is rounded (DESIGN §3: lower bounds down, upper bounds up);
/// [`words::rounding`](super::words::rounding) applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Round {
    /// To the nearest.
    Nearest,
    /// Towards −∞: a lower bound never shows higher than it is.
    Down,
    /// Towards +∞: an upper bound never shows lower than it is.
    Up,
}

/// Decimals of a percentage by [`percent`]'s rule.
pub(in crate::audit) fn base_decimals(rate: f64) -> usize {
    let pct = (rate * 100.0).abs();
    if (99.0..=100.0).contains(&pct) {
        3
    } else if pct < 1.0 {
        2
    } else {
        1
    }
}

/// Most decimals a percentage is ever printed with: enough to tell 99.8999% from 99.9%, and
/// two more for an upper bound a hair under its target.
pub(in crate::audit) const MAX_DECIMALS: usize = 6;

/// The percentage of `rate` at `decimals` places, rounded as asked (a float's last-bit noise
/// is not taken for a digit), trailing zeros dropped.
pub(in crate::audit) fn percent_value(rate: f64, decimals: usize, round: Round) -> f64 {
    rounded(finite(rate) * 100.0, decimals, round)
}

/// `value` at `decimals` places, rounded as asked (a float's last-bit noise is not taken for
/// a digit).
pub(in crate::audit) fn rounded(value: f64, decimals: usize, round: Round) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    let scaled = finite(value) * scale;
    let digits = match round {
        Round::Nearest => scaled.round(),
        Round::Down => (scaled + 1e-6).floor(),
        Round::Up => (scaled - 1e-6).ceil(),
    };
    digits / scale
}

/// Decimals of an amount of money by [`money`]'s rule: cents under 100, else none.
pub(in crate::audit) fn money_decimals(value: f64) -> usize {
    if value.abs() < 100.0 {
        2
    } else {
        0
    }
}

/// `rate` as a percentage at `decimals` places, rounded as asked.
pub(in crate::audit) fn percent_rounded(rate: f64, decimals: usize, round: Round) -> String {
    let text = without_trailing_zeros(format!(
        "{:.*}",
        decimals,
        percent_value(rate, decimals, round)
    ));
    let text = if text == "-0" { "0".to_string() } else { text };
    // Grouped as every other figure: "250%", "19,042,966%".
    format!("{}%", grouped_str(&text))
}

/// A figure without the zeros that end its decimals: "99.90" → "99.9", "2.00" → "2"; a
/// whole number ("120") stays as it is.
pub(in crate::audit) fn without_trailing_zeros(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// `text` with its first letter in upper case, to start a sentence.
pub fn upper_first(text: &str) -> String {
    first_ascii(text, str::make_ascii_uppercase)
}

/// `text` with its first letter in lower case ("Vendor's claim" → "vendor's claim"), to
/// continue a sentence.
pub fn lower_first(text: &str) -> String {
    first_ascii(text, str::make_ascii_lowercase)
}

/// `text` with `change` made to its first character when that is ASCII. The app's words are
/// ASCII: Unicode's case tables (about 30 KB of wasm) stay out.
fn first_ascii(text: &str, change: fn(&mut str)) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        change(first);
    }
    out
}

/// `1 failure`, `2 failures`: a count with its noun in the right number.
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", count(n as f64), if n == 1 { one } else { many })
}

/// Months with one decimal: `7.44` → `"7.4 months"`; `1` → `"1 month"`.
pub fn months(value: f64) -> String {
    let text = format!("{:.1}", finite(value));
    let text = text.trim_end_matches(".0");
    if text == "1" {
        "1 month".to_string()
    } else {
        format!("{} months", grouped_str(text))
    }
}

fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// Digits with thousands separators and `decimals` places.
pub(in crate::audit) fn grouped(value: f64, decimals: usize) -> String {
    grouped_str(&format!("{:.*}", decimals, finite(value)))
}

fn grouped_str(text: &str) -> String {
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    let sign = if out.chars().all(|c| c == '0' || c == ',')
        && frac.is_none_or(|f| f.chars().all(|c| c == '0'))
    {
        ""
    } else {
        sign
    };
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn short_money_keeps_three_figures_and_the_currency() {
        use super::money_short;
        assert_eq!(money_short(72_955_843.0, "JPY"), "¥73.0M");
        assert_eq!(money_short(417_300.0, "USD"), "$417k");
        assert_eq!(money_short(99_999.0, "USD"), "$99,999");
        assert_eq!(money_short(0.42, "EUR"), "€0.42");
        assert_eq!(money_short(-2.5e9, "CHF"), "-CHF 2.5B");
        assert_eq!(money_short(3.2e18, "GBP"), "£3,200,000T");
        assert_eq!(
            money_short(f64::INFINITY, "USD"),
            money(f64::INFINITY, "USD")
        );
    }

    #[test]
    fn first_letters_change_case_and_nothing_else() {
        assert_eq!(lower_first("Vendor's claim"), "vendor's claim");
        assert_eq!(lower_first("A/B test"), "a/B test");
        assert_eq!(
            upper_first("output lands in X; fix it."),
            "Output lands in X; fix it."
        );
        assert_eq!(
            (lower_first(""), upper_first("")),
            (String::new(), String::new())
        );
        assert_eq!(lower_first("Écart"), "Écart");
    }

    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(count(1742.0), "1,742");
        assert_eq!(count(2_995.0), "2,995");
        assert_eq!(count(1_000_000.0), "1,000,000");
        assert_eq!(count(999.0), "999");
        assert_eq!(count(-12_345.0), "-12,345");
    }

    #[test]
    fn formats_money_with_currency() {
        assert_eq!(money(0.4213, "USD"), "$0.42");
        assert_eq!(money(1250.0, "EUR"), "€1,250");
        assert_eq!(money(-98_765.4, "GBP"), "-£98,765");
        assert_eq!(money(12.0, "CHF"), "CHF 12.00");
        assert_eq!(money(-0.001, "USD"), "$0.00");
    }

    #[test]
    fn formats_rates_and_months() {
        assert_eq!(percent(0.999), "99.9%");
        assert_eq!(percent(0.95), "95%");
        assert_eq!(percent(0.998_99), "99.899%");
        assert_eq!(percent(0.3), "30%");
        assert_eq!(percent(0.0045), "0.45%");
        assert_eq!(percent(1.666_666), "166.7%");
        assert_eq!(percent(99.99), "9,999%");
        assert_eq!(percent(-12.345), "-1,234.5%");
        assert_eq!(months(7.44), "7.4 months");
        assert_eq!(months(1.0), "1 month");
        assert_eq!(months(f64::NAN), "0 months");
        assert_eq!(plural(1, "failure", "failures"), "1 failure");
        assert_eq!(plural(1200, "case", "cases"), "1,200 cases");
    }
}
