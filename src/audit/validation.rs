//! Allowed ranges of every input (DESIGN §6), as one table that both validates a pilot
//! (errors by path, in words a buyer understands) and clamps an invalid one so that
//! `assess` stays finite whatever it is given.

use super::format;
use super::model::Pilot;
use super::reliability::MAX_CASES;
use serde::{Deserialize, Serialize};

/// One invalid field: its path in the file format and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Dotted path, e.g. `task.monthly_volume`.
    pub path: String,
    /// What is allowed, e.g. `must be 0 or more`.
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// How a numeric field's bounds are said to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A fraction shown as a percentage.
    Rate,
    /// Money in the pilot's currency.
    Money,
    /// A plain quantity with its unit in words.
    Quantity(&'static str),
}

/// Allowed range of one numeric field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberRule {
    /// Path in the file format.
    pub path: &'static str,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// How the bounds are worded.
    pub unit: Unit,
}

const MONEY_MAX: f64 = 1e12;
const MINUTES_MAX: f64 = 100_000.0;

const fn rule(path: &'static str, min: f64, max: f64, unit: Unit) -> NumberRule {
    NumberRule {
        path,
        min,
        max,
        unit,
    }
}

/// Every `f64` field of a pilot with its rule, in file order.
pub fn number_fields(p: &mut Pilot) -> [(NumberRule, &mut f64); 20] {
    use Unit::{Money, Quantity, Rate};
    let (t, r, i, c, f) = (
        &mut p.task,
        &mut p.reliability,
        &mut p.integration,
        &mut p.compute,
        &mut p.finance,
    );
    [
        (
            rule("task.monthly_volume", 0.0, 1e9, Quantity("tasks a month")),
            &mut t.monthly_volume,
        ),
        (
            rule(
                "task.human_minutes_per_task",
                0.0,
                MINUTES_MAX,
                Quantity("minutes"),
            ),
            &mut t.human_minutes_per_task,
        ),
        (
            rule("task.hourly_cost", 0.0, 1e6, Money),
            &mut t.hourly_cost,
        ),
        (
            rule("task.human_error_rate", 0.0, 1.0, Rate),
            &mut t.human_error_rate,
        ),
        (
            rule("task.cost_per_error", 0.0, 1e9, Money),
            &mut t.cost_per_error,
        ),
        (
            rule("reliability.target", 0.5, 0.999_999, Rate),
            &mut r.target,
        ),
        (
            rule("reliability.confidence", 0.5, 0.9999, Rate),
            &mut r.confidence,
        ),
        (
            rule("reliability.failure_detection_rate", 0.0, 1.0, Rate),
            &mut r.failure_detection_rate,
        ),
        (
            rule("reliability.review_share", 0.0, 1.0, Rate),
            &mut r.review_share,
        ),
        (
            rule(
                "reliability.review_minutes_per_task",
                0.0,
                MINUTES_MAX,
                Quantity("minutes"),
            ),
            &mut r.review_minutes_per_task,
        ),
        (
            rule("integration.one_off_cost", 0.0, MONEY_MAX, Money),
            &mut i.one_off_cost,
        ),
        (
            rule("integration.monthly_maintenance", 0.0, MONEY_MAX, Money),
            &mut i.monthly_maintenance,
        ),
        (
            rule(
                "compute.input_tokens_per_task",
                0.0,
                1e8,
                Quantity("tokens"),
            ),
            &mut c.input_tokens_per_task,
        ),
        (
            rule(
                "compute.output_tokens_per_task",
                0.0,
                1e8,
                Quantity("tokens"),
            ),
            &mut c.output_tokens_per_task,
        ),
        (
            rule("compute.price_per_million_input", 0.0, 1e6, Money),
            &mut c.price_per_million_input,
        ),
        (
            rule("compute.price_per_million_output", 0.0, 1e6, Money),
            &mut c.price_per_million_output,
        ),
        (
            rule("compute.monthly_fixed_compute", 0.0, MONEY_MAX, Money),
            &mut c.monthly_fixed_compute,
        ),
        (
            rule(
                "compute.provisioned_tasks_per_month",
                0.0,
                1e12,
                Quantity("tasks a month"),
            ),
            &mut c.provisioned_tasks_per_month,
        ),
        (
            rule("compute.monthly_licence", 0.0, MONEY_MAX, Money),
            &mut c.monthly_licence,
        ),
        (
            rule("finance.discount_rate", 0.0, 1.0, Rate),
            &mut f.discount_rate,
        ),
    ]
}

/// Largest number of distinct tasks accepted.
pub const MAX_DISTINCT_TASKS: u32 = 1000;
/// Longest analysis horizon accepted, in months.
pub const MAX_HORIZON_MONTHS: u32 = 120;

/// Length caps of the text fields, in characters: (path, required, cap).
const TEXT_RULES: [(&str, bool, usize); 6] = [
    ("id", true, 100),
    ("name", true, 200),
    ("vendor", false, 200),
    ("owner", false, 200),
    ("notes", false, 10_000),
    ("task.description", false, 5_000),
];

/// A well-formed ISO 4217 code: three capital letters (`USD`, `EUR`).
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

fn bound_words(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Rate => format::percent(value),
        Unit::Money => format::count(value),
        Unit::Quantity(words) => format!("{} {words}", format::count(value)),
    }
}

impl NumberRule {
    /// What is wrong with `value`, in words, or None when it is allowed.
    pub fn check(&self, value: f64) -> Option<String> {
        let range = format!(
            "between {} and {}",
            bound_words(self.min, self.unit),
            bound_words(self.max, self.unit)
        );
        if !value.is_finite() {
            Some(format!("must be a number {range}"))
        } else if value < self.min && self.min == 0.0 {
            Some("must be 0 or more".to_string())
        } else if value < self.min || value > self.max {
            Some(format!("must be {range}"))
        } else {
            None
        }
    }

    /// `value` brought into the range: NaN and −∞ to the minimum, +∞ to the maximum.
    pub fn clamp(&self, value: f64) -> f64 {
        if value.is_nan() {
            self.min
        } else {
            value.clamp(self.min, self.max)
        }
    }
}

fn text_fields(p: &Pilot) -> [&str; 6] {
    [
        &p.id,
        &p.name,
        &p.vendor,
        &p.owner,
        &p.notes,
        &p.task.description,
    ]
}

/// True when `text` has the shape of an RFC 3339 date-time, e.g. `2026-11-28T09:30:00Z`.
fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        range
            .clone()
            .all(|i| b.get(i).is_some_and(u8::is_ascii_digit))
    };
    let head_ok = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && matches!(b[10], b'T' | b't' | b' ')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !head_ok {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    let rb = rest.as_bytes();
    matches!(rest, "Z" | "z")
        || (rb.len() == 6
            && matches!(rb[0], b'+' | b'-')
            && rb[1..3].iter().all(u8::is_ascii_digit)
            && rb[3] == b':'
            && rb[4..6].iter().all(u8::is_ascii_digit))
}

impl Pilot {
    /// Check every field against its allowed range. Each error names the field by its path
    /// in the file format (`task.monthly_volume`) and says what is allowed.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut push = |path: &str, message: String| {
            errors.push(FieldError {
                path: path.to_string(),
                message,
            })
        };
        for ((path, required, cap), text) in TEXT_RULES.iter().zip(text_fields(self)) {
            let chars = text.chars().count();
            if *required && text.trim().is_empty() {
                push(path, "must not be empty".to_string());
            } else if chars > *cap {
                push(
                    path,
                    format!(
                        "must be at most {} characters (it has {})",
                        format::count(*cap as f64),
                        format::count(chars as f64)
                    ),
                );
            }
        }
        if !is_currency_code(&self.currency) {
            push(
                "currency",
                "must be a three-letter ISO 4217 code such as USD or EUR".to_string(),
            );
        }
        for (path, stamp) in [
            ("created_at", &self.created_at),
            ("updated_at", &self.updated_at),
        ] {
            if !stamp.is_empty() && !is_rfc3339(stamp) {
                push(
                    path,
                    "must be an RFC 3339 date and time such as 2026-11-28T09:30:00Z".to_string(),
                );
            }
        }
        let tasks = self.task.distinct_tasks;
        if !(1..=MAX_DISTINCT_TASKS).contains(&tasks) {
            push(
                "task.distinct_tasks",
                format!(
                    "must be between 1 and {} tasks",
                    format::count(MAX_DISTINCT_TASKS as f64)
                ),
            );
        }
        let mut copy = self.clone();
        for (rule, value) in number_fields(&mut copy) {
            if let Some(message) = rule.check(*value) {
                push(rule.path, message);
            }
        }
        let r = &self.reliability;
        if r.cases_evaluated > MAX_CASES {
            push(
                "reliability.cases_evaluated",
                format!("must be at most {} cases", format::count(MAX_CASES as f64)),
            );
        }
        if r.failures_observed > r.cases_evaluated {
            push(
                "reliability.failures_observed",
                format!(
                    "must not exceed the cases evaluated ({})",
                    format::count(r.cases_evaluated as f64)
                ),
            );
        }
        if !(1..=MAX_HORIZON_MONTHS).contains(&self.finance.horizon_months) {
            push(
                "finance.horizon_months",
                format!("must be between 1 and {MAX_HORIZON_MONTHS} months"),
            );
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// A copy with every number brought into its allowed range, so that the arithmetic of an
    /// invalid pilot stays finite: NaN to the minimum, ±∞ and out-of-range values to the
    /// nearest bound, failures to at most the cases, horizon to 1–120 months.
    pub fn sanitized(&self) -> Pilot {
        let mut p = self.clone();
        for (rule, value) in number_fields(&mut p) {
            *value = rule.clamp(*value);
        }
        p.task.distinct_tasks = p.task.distinct_tasks.min(MAX_DISTINCT_TASKS);
        let r = &mut p.reliability;
        r.cases_evaluated = r.cases_evaluated.min(MAX_CASES);
        r.failures_observed = r.failures_observed.min(r.cases_evaluated);
        p.finance.horizon_months = p.finance.horizon_months.clamp(1, MAX_HORIZON_MONTHS);
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_rfc3339() {
        assert!(is_rfc3339("2026-11-28T09:30:00Z"));
        assert!(is_rfc3339("2026-11-28T09:30:00.123+01:00"));
        assert!(!is_rfc3339("2026-11-28"));
        assert!(!is_rfc3339("2026-11-28T09:30:00"));
        assert!(!is_rfc3339("yesterday at noon, roughly"));
    }
}
