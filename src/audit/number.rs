//! Numbers as people type them and as inputs show them.
//!
//! Pure text handling, shared by the questionnaire and the tests: no browser here.

use crate::error::AppError;

/// A number as typed back into an input: up to 6 decimals, no trailing zeros.
pub fn show_number(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// Parse a typed number, exactly as meant or not at all (DESIGN §6: "1,5" is never 15).
///
/// A point is the decimal mark. A comma may only separate thousands (`12,500`,
/// `1,250,000.75`); any other comma (`1,5`, `1.000,5`) is refused with the text read, so a
/// number written the continental way is never taken for another.
pub fn parse_number(text: &str) -> Result<f64, AppError> {
    let typed = text.trim();
    if typed.is_empty() {
        return Err(AppError::NotAValue("enter a number".to_string()));
    }
    let cleaned = if typed.contains(',') {
        ungroup(typed).ok_or_else(|| {
            AppError::NotAValue(format!(
                "“{typed}” is not read as a number: use a point for decimals (1.5) and commas only between thousands (12,500)"
            ))
        })?
    } else {
        typed.to_string()
    };
    match as_json_number(&cleaned).and_then(|json| serde_json::from_str::<f64>(&json).ok()) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(AppError::NotAValue(format!(
            "“{typed}” is not a number; enter one such as 1200 or 0.5"
        ))),
    }
}

/// `12,500.5` without its thousands separators, or None when a comma is not one: every
/// group after a comma has exactly three digits, the first one to three, all before any
/// decimal point or exponent.
fn ungroup(text: &str) -> Option<String> {
    let (sign, rest) = match text.strip_prefix(['-', '+']) {
        Some(rest) => (&text[..1], rest),
        None => ("", text),
    };
    let end = rest.find(['.', 'e', 'E']).unwrap_or(rest.len());
    let (int, tail) = rest.split_at(end);
    if tail.contains(',') {
        return None;
    }
    let mut groups = int.split(',');
    let first = groups.next()?;
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if first.is_empty() || first.len() > 3 || !digits(first) {
        return None;
    }
    let mut out = format!("{sign}{first}");
    for group in groups {
        if group.len() != 3 || !digits(group) {
            return None;
        }
        out.push_str(group);
    }
    out.push_str(tail);
    Some(out)
}

/// A decimal number as people type it (`+.5`, `007`, `5.`, `1E3`) rewritten in JSON's
/// stricter grammar (`0.5`, `7`, `5`, `1E3`), or None if it is not a decimal number.
///
/// Typed numbers are then read by serde_json's parser, which the app carries anyway, rather
/// than by `str::parse::<f64>`, whose tables and code add about 15 KB gzip to the wasm.
fn as_json_number(text: &str) -> Option<String> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'-' => ("-", &text[1..]),
        b'+' => ("", &text[1..]),
        _ => ("", text),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (rest, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let mut json = format!("{sign}{}", if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if let Some(exponent) = exponent {
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if digits.is_empty() || !all_digits(digits) {
            return None;
        }
        json.push('e');
        json.push_str(exponent);
    }
    Some(json)
}

/// A typed percentage as the fraction stored: 99.9 → 0.999 exactly (rounded to 12 decimals,
/// so that 99.9 / 100 does not store 0.9990000000000001).
pub fn fraction_of_percent(percent: f64) -> f64 {
    (percent / 100.0 * 1e12).round() / 1e12
}

/// Parse a typed whole number that is 0 or more.
pub fn parse_whole(text: &str) -> Result<u64, AppError> {
    let value = parse_number(text)?;
    if value < 0.0 || value.fract() != 0.0 || value > 1e15 {
        return Err(AppError::NotAValue(
            "enter a whole number, 0 or more".to_string(),
        ));
    }
    Ok(value as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_read_as_the_standard_library_reads_them() {
        // The oracle is core's `f64::from_str`, a second, independent parser.
        for typed in [
            "0",
            "7",
            "007",
            "-0",
            "+3",
            "1200",
            "12,500",
            " 42 ",
            "0.5",
            ".5",
            "-.25",
            "5.",
            "99.9",
            "0.999",
            "1e3",
            "1E3",
            "2.5e-3",
            "+1.5E+2",
            "0.1",
            "0.7",
            "123456.789",
            "1e15",
            "9007199254740993",
            "3.141592653589793",
            "1,250,000.75",
            "-12,500",
        ] {
            let oracle: f64 = typed.trim().replace(',', "").parse().unwrap();
            assert_eq!(parse_number(typed), Ok(oracle), "{typed:?}");
        }
        for refused in [
            "", " ", "-", "+", ".", "e3", "1e", "1e+", "1.2.3", "1..2", "--1", "+-1", "0x10",
            "inf", "NaN", "infinity", "1e999", "12a", "½", "1 2", "1_000", "1,5", "1.000,5",
            "1,50", "12,5000", ",500", "1,,000", "1,000,", "1.5,000", "1e3,000", "1,000e,3",
        ] {
            assert!(
                parse_number(refused).is_err(),
                "{refused:?} should be refused"
            );
        }
    }

    #[test]
    fn a_continental_comma_is_refused_with_the_text_read() {
        let why = parse_number("1,5").unwrap_err();
        assert!(
            why.message().contains("“1,5”") && why.message().contains("point for decimals"),
            "{why}"
        );
        assert!(parse_number("1.000,5")
            .unwrap_err()
            .message()
            .contains("“1.000,5”"));
    }

    #[test]
    fn whole_numbers_and_percentages() {
        assert_eq!(parse_whole("2995"), Ok(2995));
        assert!(parse_whole("2.5").is_err());
        assert!(parse_whole("-1").is_err());
        assert_eq!(fraction_of_percent(99.9), 0.999);
        assert_eq!(show_number(0.999 * 100.0), "99.9");
        assert_eq!(show_number(-0.0), "0");
    }
}
