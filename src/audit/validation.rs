//! Validation of a pilot against the allowed ranges of its inputs (DESIGN §6), read from the
//! [`schema`](super::schema): errors by path, in words a buyer understands; and the clamping
//! that keeps `assess` finite whatever it is given.

use super::format;
use super::model::Pilot;
use super::schema::{Field, FieldSpec, Kind};
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
    /// Check every input against its description in the [`schema`](super::schema). Each
    /// error names the field by its path in the file format (`task.monthly_volume`) and says
    /// what is allowed.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for field in Field::ALL {
            let spec = field.spec();
            if let Some(message) = problem(spec, self) {
                errors.push(FieldError {
                    path: spec.path.to_string(),
                    message,
                });
            }
        }
        let r = &self.reliability;
        if r.failures_observed > r.cases_evaluated {
            errors.push(FieldError {
                path: Field::FailuresObserved.spec().path.to_string(),
                message: format!(
                    "must not exceed the cases evaluated ({})",
                    format::count(r.cases_evaluated as f64)
                ),
            });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// A copy with every number brought to what the engine judges (its rule's floor to its
    /// maximum; NaN to the floor), and failures to at most the cases, so that the arithmetic
    /// of an invalid pilot stays finite.
    pub fn sanitized(&self) -> Pilot {
        let mut p = self.clone();
        for field in Field::ALL {
            if let Kind::Number { rule, get, set } = field.spec().kind {
                let value = rule.clamp(get(&p));
                set(&mut p, value);
            }
        }
        let r = &mut p.reliability;
        r.failures_observed = r.failures_observed.min(r.cases_evaluated);
        p
    }
}

/// What is wrong with one input of `pilot`, in words, or None.
fn problem(spec: &FieldSpec, pilot: &Pilot) -> Option<String> {
    match spec.kind {
        Kind::Text {
            cap, required, get, ..
        } => {
            let text = get(pilot);
            let chars = text.chars().count();
            if required && text.trim().is_empty() {
                Some("must not be empty".to_string())
            } else if chars > cap {
                Some(format!(
                    "must be at most {} characters (it has {})",
                    format::count(cap as f64),
                    format::count(chars as f64)
                ))
            } else {
                None
            }
        }
        Kind::Stamp { get } => {
            let stamp = get(pilot);
            (!stamp.is_empty() && !is_rfc3339(stamp)).then(|| {
                "must be an RFC 3339 date and time such as 2026-11-28T09:30:00Z".to_string()
            })
        }
        Kind::Number { rule, get, .. } => rule.check(get(pilot)),
        Kind::Choice {
            options,
            get,
            other,
            ..
        } => {
            let value = get(pilot);
            match other {
                Some(other) => (!(other.accepts)(&value)).then(|| other.rule.to_string()),
                None => (!options().iter().any(|(v, _)| *v == value))
                    .then(|| "must be one of the options".to_string()),
            }
        }
        Kind::Check { .. } => None,
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
