//! The evidence log's words (DESIGN §9): whose evidence counts, what was left out, drift,
//! the test plan, and why each batch counts or not.

use super::p_value;
use crate::audit::evidence::Counted;
use crate::audit::format::{count, plural, upper_first};
use crate::audit::model::{Batch, CountedEvidence, Drift, EvidenceKind, PlanStanding, PlanStatus};

/// Whose evidence the figures rest on.
pub fn whose(ev: &CountedEvidence) -> String {
    let version = if ev.model_version.is_empty() {
        String::new()
    } else {
        format!(", model version {}", short(&ev.model_version, 16))
    };
    match ev.kind {
        EvidenceKind::Buyer => format!(
            "Your own cases ({}{version})",
            plural(ev.batches, "batch", "batches")
        ),
        EvidenceKind::Vendor => format!(
            "The vendor's tests: you have none of your own ({}{version})",
            plural(ev.batches, "batch", "batches")
        ),
        EvidenceKind::None => "None yet: no batch is logged".to_string(),
    }
}

/// The evidence log's count as the questionnaire shows it beside the log.
pub fn counted_summary(ev: &CountedEvidence) -> String {
    format!(
        "Counted: {}, {}: {}. Left out: {}.",
        plural(ev.cases, "case", "cases"),
        plural(ev.failures, "failure", "failures"),
        crate::audit::format::lower_first(&whose(ev)),
        left_out(ev).to_ascii_lowercase()
    )
}

/// The notice of a batch deleted (it can be brought back).
pub fn batch_deleted(batch: &Batch) -> String {
    let date = if batch.date.is_empty() {
        "an undated batch".to_string()
    } else {
        format!("the batch of {}", batch.date)
    };
    format!(
        "Deleted {date} ({}). ",
        plural(batch.cases, "case", "cases")
    )
}

/// What was left out of the counted evidence, and why.
pub fn left_out(ev: &CountedEvidence) -> String {
    let mut parts = Vec::new();
    if ev.left_out_cases > 0 {
        parts.push(format!(
            "{} of another model version",
            plural(ev.left_out_cases, "case", "cases")
        ));
    }
    if ev.vendor_cases_left_out > 0 {
        parts.push(format!(
            "{} of the vendor's (you have your own)",
            plural(ev.vendor_cases_left_out, "case", "cases")
        ));
    }
    if parts.is_empty() {
        "Nothing".to_string()
    } else {
        parts.join("; ")
    }
}

/// Drift between the latest counted batch and the earlier ones.
pub fn drift_words(drift: Option<&Drift>) -> String {
    match drift {
        None => "Not tested: it takes two batches of your own".to_string(),
        Some(d) if d.flagged => format!(
            "Flagged: the latest batches fail more often ({})",
            p_value(d.p_value)
        ),
        Some(d) => format!("None found ({})", p_value(d.p_value)),
    }
}

/// What the drift test can catch (DESIGN §9): "A 4× rise from 0.1% is caught 32% of the
/// time in 1,200 cases"; empty when not worked out.
pub fn drift_power_words(drift: Option<&Drift>) -> String {
    match drift.and_then(|d| d.power.map(|p| (d.window_cases, p))) {
        Some((cases, p)) => format!(
            "A {} rise from {} is caught {} of the time in {}",
            crate::audit::format::times(super::super::evidence::DRIFT_POWER_RISE, 0),
            crate::audit::format::percent(super::super::evidence::DRIFT_POWER_BASE_RATE),
            crate::audit::format::chance(p),
            plural(cases, "case", "cases")
        ),
        None => String::new(),
    }
}

/// The plan in force and where it stands.
pub fn plan_words(plan: Option<&PlanStanding>) -> String {
    let Some(p) = plan else {
        return "None set: set one before the next results".to_string();
    };
    let planned = p
        .planned_cases
        .map_or_else(|| "no number of".to_string(), |n| count(n as f64));
    format!(
        "{}: {} of {planned} planned cases, {}",
        upper_first(p.status.label()),
        count(p.counted_cases as f64),
        plural(p.counted_failures, "failure", "failures")
    )
}

/// The plan's status in a word or two: "on track", …, or "none".
pub fn plan_short(plan: Option<&PlanStanding>) -> &'static str {
    plan.map_or("none", |p| p.status.label())
}

/// Drift in a word or two, with the p-value when tested.
pub fn drift_short(drift: Option<&Drift>) -> String {
    match drift {
        None => "not tested".to_string(),
        Some(d) if d.flagged => format!("flagged ({})", p_value(d.p_value)),
        Some(d) => format!("none found ({})", p_value(d.p_value)),
    }
}

/// Cases counted, and whose when not the buyer's: "2,400" or "500 (vendor's)".
pub fn counted_short(ev: &CountedEvidence) -> String {
    match ev.kind {
        EvidenceKind::Vendor => format!("{} (vendor's)", count(ev.cases as f64)),
        _ => count(ev.cases as f64),
    }
}

/// Whether a demonstration was planned or found by looking before the plan was done.
pub fn demonstration_words(plan: Option<&PlanStanding>) -> &'static str {
    match plan.map(|p| p.status) {
        Some(PlanStatus::Passed) => "Planned: the test plan in force has passed",
        _ => "Found at an interim look: set a plan, then run it",
    }
}

/// At most `chars` characters of a text the report quotes (a note holds up to 1,000; the
/// questionnaire shows it whole), cut at a word with "…".
pub fn short(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(chars - 1).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    let kept = if at_word.chars().count() < chars / 2 {
        cut.as_str()
    } else {
        at_word
    };
    format!("{}…", kept.trim_end())
}

/// Why batch `i` of the log is counted or left out.
pub fn counted_or_why(c: &Counted, i: usize, b: &Batch) -> &'static str {
    if c.indices.contains(&i) {
        "counted"
    } else if c.summary.kind == EvidenceKind::Buyer && !b.source.is_buyers_own() {
        "left out: the vendor's"
    } else {
        "left out: another model version"
    }
}

/// The log's caption: "Evidence log, newest first: 3 batches".
pub fn log_caption(batches: usize) -> String {
    format!(
        "Evidence log, newest first: {}",
        plural(batches as u64, "batch", "batches")
    )
}

/// The printed log's last row, for the batches it leaves to the app.
pub fn earlier_batches(older: usize) -> String {
    format!(
        "… and {} earlier, listed in the app.",
        plural(older as u64, "batch", "batches")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_each_standing() {
        let plan = PlanStanding {
            status: PlanStatus::OnTrack,
            planned_cases: Some(2995),
            counted_cases: 1200,
            counted_failures: 1,
        };
        assert_eq!(
            plan_words(Some(&plan)),
            "On track: 1,200 of 2,995 planned cases, 1 failure"
        );
        assert!(drift_words(Some(&Drift {
            p_value: 0.012,
            flagged: true,
            window_cases: 1200,
            window_failures: 4,
            power: None,
        }))
        .contains("p = 0.0120"));
        let tested = Drift {
            p_value: 0.4,
            flagged: false,
            window_cases: 1000,
            window_failures: 1,
            power: Some(0.1814),
        };
        assert_eq!(
            drift_power_words(Some(&tested)),
            "A 4× rise from 0.1% is caught 18.1% of the time in 1,000 cases"
        );
        assert_eq!(drift_power_words(None), "");
    }
}
