//! Validation of a pilot against the allowed ranges of its inputs (DESIGN §6), read from the
//! [`schema`](super::schema): errors by path, in words a buyer understands; and the clamping
//! that keeps `assess` finite whatever it is given.

use super::format;
use super::model::{Pilot, Reliability};
use super::path::{GpuBlock, Path};
use super::reliability::MAX_CASES;
use super::schema::{
    Field, FieldSpec, Kind, RangeEnd, ALTERNATIVE_PRICES, BATCH_FIELDS, GPU_FIELDS, MAX_BATCHES,
    MAX_PLANS, PLAN_FIELDS,
};
use super::sourcing;

/// One invalid field: where it is and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Where, e.g. `task.monthly_volume`.
    pub path: Path,
    /// What is allowed, e.g. `must be 0 or more`.
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Where the errors are, as the file format names them: "task.name, reliability.target".
pub fn paths_of(errors: &[FieldError]) -> String {
    let paths: Vec<String> = errors.iter().map(|e| e.path.to_string()).collect();
    paths.join(", ")
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
                    path: Path::Field(*field),
                    message,
                });
            }
        }
        log_problems(&self.reliability, &super::date::today(), &mut errors);
        range_problems(self, &mut errors);
        spent_problem(self, &mut errors);
        sourcing_problems(self, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// A copy with every number brought to what the engine judges (its rule's floor to its
    /// maximum; NaN to the floor), batches to at most the engine's cases in all and failures to
    /// at most their cases, so that the arithmetic
    /// of an invalid pilot stays finite.
    pub fn sanitized(&self) -> Pilot {
        let mut p = self.clone();
        for field in Field::ALL {
            if let Kind::Number { rule, get, set } = field.spec().kind {
                let value = rule.clamp(get(&p));
                set(&mut p, value);
            }
        }
        // A self-hosted pilot's GPU block gives its capacity and reserved compute (§12).
        for g in [
            p.compute.gpu.as_mut(),
            p.compute.alternative.as_mut().and_then(|a| a.gpu.as_mut()),
        ]
        .into_iter()
        .flatten()
        {
            for spec in &GPU_FIELDS {
                spec.clamp(g);
            }
        }
        if let (true, Some(g)) = (
            sourcing::runs_on_own_gpus(p.compute.sourcing),
            &p.compute.gpu,
        ) {
            p.compute.provisioned_tasks_per_month = sourcing::gpu_capacity(g);
            p.compute.monthly_fixed_compute = sourcing::gpu_monthly_cost(g, p.task.hourly_cost);
        }
        // What is spent is part of the one-off.
        p.integration.one_off_spent = p.integration.one_off_spent.min(p.integration.one_off_cost);
        let r = &mut p.reliability;
        // No more cases in all than the engine reasons about: later batches give way.
        let mut room = MAX_CASES;
        for b in &mut r.batches {
            b.cases = b.cases.min(room);
            room -= b.cases;
            b.failures = b.failures.min(b.cases);
        }
        for plan in &mut r.plans {
            for spec in &PLAN_FIELDS {
                spec.clamp(plan);
            }
        }
        // Ranges the engine can draw from: on inputs that take one, each end in its rule's
        // range and on its side of the (clamped) answer; any other is left out.
        let ranges = std::mem::take(&mut p.ranges);
        for (path, range) in ranges {
            let Some(field) = Field::ranged_at(&path) else {
                continue;
            };
            let (Some(rule), Some((get, _))) =
                (field.spec().number_rule(), field.spec().number_access())
            else {
                continue;
            };
            let answer = get(&p);
            let low = rule.clamp(range.low).min(answer);
            let high = rule.clamp(range.high).max(answer);
            if low < high {
                p.ranges
                    .insert(path, super::model::InputRange { low, high });
            }
        }
        p
    }
}

/// The ranges' problems (DESIGN §10), each at the end it is about
/// (`ranges.task.monthly_volume.low`): only on inputs that take a range, each end within the
/// input's rule, low ≤ the answer ≤ high, low below high.
fn range_problems(pilot: &Pilot, errors: &mut Vec<FieldError>) {
    for (path, range) in &pilot.ranges {
        let Some(spec) = Field::ranged_at(path).map(Field::spec) else {
            let allowed: Vec<&str> = Field::ranged().map(|f| f.spec().path).collect();
            errors.push(FieldError {
                path: Path::NoRange(path.clone()),
                message: format!("takes no range: only {} do", allowed.join(", ")),
            });
            continue;
        };
        let (Some(rule), Some((get, _))) = (spec.number_rule(), spec.number_access()) else {
            continue;
        };
        let answer = get(pilot);
        let mut push = |end: RangeEnd, message: String| {
            errors.push(FieldError {
                path: Path::Range(spec.field, end),
                message,
            })
        };
        let mut ends_ok = true;
        for end in RangeEnd::BOTH {
            if let Some(message) = rule.check(end.get(range)) {
                push(end, message);
                ends_ok = false;
            }
        }
        // Against the answer only when the answer itself is allowed (else its own error says so).
        if !ends_ok || rule.check(answer).is_some() {
            continue;
        }
        if range.low > answer {
            push(
                RangeEnd::Low,
                format!("must not be above the answer ({})", rule.shown(answer)),
            );
        } else if range.high < answer {
            push(
                RangeEnd::High,
                format!("must not be below the answer ({})", rule.shown(answer)),
            );
        } else if range.low >= range.high {
            push(
                RangeEnd::High,
                format!(
                    "must be above the low end ({}): a range needs room to vary",
                    rule.shown(range.low)
                ),
            );
        }
    }
}

/// The GPU blocks' and the other option's problems (DESIGN §12), each by path
/// (`compute.gpu.pue`): every input in range; the pilot's own block only on a model it
/// hosts, the other option's only on an API or wrapper.
fn sourcing_problems(p: &Pilot, errors: &mut Vec<FieldError>) {
    let c = &p.compute;
    let own_gpus = sourcing::runs_on_own_gpus(c.sourcing);
    let mut push = |path: Path, message: String| errors.push(FieldError { path, message });
    for block in [GpuBlock::Own, GpuBlock::Alternative] {
        let Some(g) = block.of(c) else { continue };
        match (block, own_gpus) {
            (GpuBlock::Own, false) => push(
                Path::Gpu(block, ""),
                "is for a model you host: an API pilot's GPUs go under the other option (compute.alternative.gpu)".to_string(),
            ),
            (GpuBlock::Alternative, true) => push(
                Path::Gpu(block, ""),
                "is for an API or wrapper pilot: the other option of a model you host is an API's prices".to_string(),
            ),
            _ => {}
        }
        for spec in &GPU_FIELDS {
            if let Some(message) = spec.problem(g, "") {
                push(Path::Gpu(block, spec.name), message);
            }
        }
    }
    if let Some(a) = &c.alternative {
        let prices = [a.price_per_million_input, a.price_per_million_output];
        for (field, value) in ALTERNATIVE_PRICES.into_iter().zip(prices) {
            let Some(rule) = field.spec().number_rule() else {
                continue;
            };
            if let Some(message) = rule.check(value) {
                push(Path::alternative_price(field), message);
            }
        }
    }
}

/// The one-off already spent is part of the one-off: at most all of it (an answer already
/// out of its own range is said so at the field, once).
fn spent_problem(p: &Pilot, errors: &mut Vec<FieldError>) {
    let i = &p.integration;
    let spent = Field::OneOffSpent.spec();
    if i.one_off_spent > i.one_off_cost && problem(spent, p).is_none() {
        errors.push(FieldError {
            path: Path::Field(Field::OneOffSpent),
            message: format!(
                "must be at most the one-off cost ({}): what is spent is part of it",
                Field::OneOffCost.spec().shown(p)
            ),
        });
    }
}

/// The evidence log's problems, each by path (`reliability.batches[3].failures`): every
/// input in range, failures at most the cases, dates no later than `today` and oldest
/// first, no more cases in all than the engine reasons about; then the plans'.
fn log_problems(r: &Reliability, today: &str, errors: &mut Vec<FieldError>) {
    let mut push = |path: Path, message: String| errors.push(FieldError { path, message });
    if r.batches.len() > MAX_BATCHES {
        push(
            Path::Batches,
            format!(
                "must hold at most {} batches (it has {})",
                format::count(MAX_BATCHES as f64),
                format::count(r.batches.len() as f64)
            ),
        );
        return;
    }
    let [date, _, failures, ..] = &BATCH_FIELDS;
    let mut previous = "";
    let mut total = 0u64;
    for (i, b) in r.batches.iter().enumerate() {
        let at = |name: &'static str| Path::Batch(i, name);
        for spec in &BATCH_FIELDS {
            if let Some(message) = spec.problem(b, today) {
                push(at(spec.name), message);
            }
        }
        if b.failures > b.cases {
            push(
                at(failures.name),
                format!(
                    "must not exceed the batch's cases ({})",
                    format::count(b.cases as f64)
                ),
            );
        }
        if !b.date.is_empty() && super::date::is_date(&b.date) {
            if b.date.as_str() < previous {
                push(
                    at(date.name),
                    format!("must not be before the batch above it ({previous}): the log is oldest first"),
                );
            }
            previous = &b.date;
        }
        total = total.saturating_add(b.cases);
    }
    if total > MAX_CASES {
        push(
            Path::Batches,
            format!(
                "must hold at most {} cases in all (it has {})",
                format::count(MAX_CASES as f64),
                format::count(total as f64)
            ),
        );
    }
    plan_problems(r, today, errors);
}

/// The plans' problems, each by path (`reliability.plans[2].target`): every input in range,
/// oldest first, a decide-by date not before the plan was set.
fn plan_problems(r: &Reliability, today: &str, errors: &mut Vec<FieldError>) {
    let mut push = |path: Path, message: String| errors.push(FieldError { path, message });
    if r.plans.len() > MAX_PLANS {
        push(
            Path::Plans,
            format!(
                "must hold at most {MAX_PLANS} plans (it has {})",
                r.plans.len()
            ),
        );
        return;
    }
    let [set_on, .., decide_by] = &PLAN_FIELDS;
    let mut previous = "";
    for (i, plan) in r.plans.iter().enumerate() {
        let at = |name: &'static str| Path::Plan(i, name);
        for spec in &PLAN_FIELDS {
            if let Some(message) = spec.problem(plan, today) {
                push(at(spec.name), message);
            }
        }
        if super::date::is_date(&plan.set_on) {
            if plan.set_on.as_str() < previous {
                push(
                    at(set_on.name),
                    format!("must not be before the plan above it ({previous}): plans are listed oldest first"),
                );
            }
            previous = &plan.set_on;
            if super::date::is_date(&plan.decide_by) && plan.decide_by < plan.set_on {
                push(
                    at(decide_by.name),
                    format!("must not be before the plan was set ({})", plan.set_on),
                );
            }
        }
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
