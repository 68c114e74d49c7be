//! Calendar dates as the file format writes them, `YYYY-MM-DD`, and today's.
//!
//! Valid dates compare as text (`"2026-02-01" < "2026-11-29"`), so nothing here parses
//! them into numbers beyond checking that they exist.

/// True for a date that exists on the (proleptic Gregorian) calendar, written `YYYY-MM-DD`
/// with a year from 1900 to 9999.
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        text.get(range.clone())
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=9999).contains(&year) && (1..=days).contains(&day)
}

/// The date of an RFC 3339 stamp (`2026-09-14T08:30:00Z` → `2026-09-14`), if it has one.
pub fn date_of(stamp: &str) -> Option<&str> {
    stamp.get(..10).filter(|d| is_date(d))
}

/// Today (UTC), `YYYY-MM-DD`: the browser's clock in the app, the system's natively.
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let iso: String = js_sys::Date::new_0().to_iso_string().into();
        iso.get(..10).unwrap_or_default().to_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        civil_from_days((seconds / 86_400) as i64)
    }
}

/// The date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
#[cfg(not(target_arch = "wasm32"))]
fn civil_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_exist_or_are_refused() {
        for ok in [
            "2026-11-29",
            "2024-02-29",
            "2000-02-29",
            "1900-01-01",
            "9999-12-31",
        ] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "",
            "2026-1-29",
            "2026/11/29",
            "2026-13-01",
            "2026-00-10",
            "2026-11-31",
            "2023-02-29",
            "1900-02-29",
            "1899-12-31",
            "２０２６-11-29",
            "2026-11-29T00",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
        assert_eq!(date_of("2026-09-14T08:30:00Z"), Some("2026-09-14"));
        assert_eq!(date_of("yesterday"), None);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn civil_dates_from_days_since_the_epoch() {
        // Checked against `date -u -d @<seconds>`.
        assert_eq!(civil_from_days(0), "1970-01-01");
        assert_eq!(civil_from_days(11_016), "2000-02-29");
        assert_eq!(civil_from_days(20_786), "2026-11-29");
        assert_eq!(civil_from_days(2_932_896), "9999-12-31");
        assert!(is_date(&today()));
    }
}
