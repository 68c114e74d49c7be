//! Number formatting for findings and fixes: plain, locale-free, always finite.
//!
//! The UI formats figures through the browser's `Intl.NumberFormat`; the engine's own
//! sentences need a formatter that runs anywhere, so they use these.

/// `1742` → `"1,742"`. Rounds to the nearest whole number.
pub fn count(value: f64) -> String {
    grouped(value, 0)
}

/// Money in `currency` (ISO 4217): `$0.42`, `€1,250`, `CHF 12`. Two decimals under 100, none above.
pub fn money(value: f64, currency: &str) -> String {
    let decimals = if value.abs() < 100.0 { 2 } else { 0 };
    let digits = grouped(value.abs(), decimals);
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
/// Three decimals at 99% and above (where reliability lives), two under 1%, one between.
pub fn percent(rate: f64) -> String {
    let pct = rate * 100.0;
    let decimals = if pct >= 99.0 {
        3
    } else if pct.abs() < 1.0 {
        2
    } else {
        1
    };
    let text = format!("{:.*}", decimals, finite(pct));
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text}%")
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
fn grouped(value: f64, decimals: usize) -> String {
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
        assert_eq!(months(7.44), "7.4 months");
        assert_eq!(months(1.0), "1 month");
        assert_eq!(months(f64::NAN), "0 months");
    }
}
