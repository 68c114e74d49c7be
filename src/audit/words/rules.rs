//! The rules of "How we score" (DESIGN §4) in words, from the standard's named thresholds.

use crate::audit::format::percent;
use crate::audit::standard::*;

/// One row of the standard: what a criterion is called, weighs and asks.
pub struct Rule {
    /// The name people read.
    pub name: &'static str,
    /// Weight in the score; the seven sum to 100.
    pub weight: f64,
    /// What passes, in words.
    pub pass: String,
    /// What warns.
    pub warn: String,
    /// What fails.
    pub fail: String,
}

/// The row of the standard for criterion `id`, in words.
pub fn rule(id: CriterionId) -> Rule {
    let rule = |pass: &str, warn: &str, fail: &str| Rule {
        name: id.name(),
        weight: id.weight(),
        pass: pass.to_string(),
        warn: warn.to_string(),
        fail: fail.to_string(),
    };
    match id {
            CriterionId::SingleTask => rule(
                "Exactly one distinct task",
                &format!("2 to {MAX_TASKS_TO_WARN} tasks"),
                &format!("No task named, or {} or more", MAX_TASKS_TO_WARN + 1),
            ),
            CriterionId::Repeatable => rule(
                "Structured input",
                "Semi-structured input",
                "Free-form input",
            ),
            CriterionId::Reliability => rule(
                &format!(
                    "On your own evidence, the lower confidence bound meets the target, assessed at {} or stricter and {} confidence or more, with no drift",
                    percent(STANDARD_TARGET),
                    percent(STANDARD_CONFIDENCE)
                ),
                "Anything else: not yet demonstrated, nothing tested, the vendor's evidence, or a looser target or confidence than the standard's",
                "Tested, and even the upper confidence bound is below the target: the evidence, whoever's it is, shows the pilot below target",
            ),
            CriterionId::Integration => rule(
                "Output lands in a workflow or system of record, with a fallback to a person and monitoring",
                "A standalone tool, or fallback or monitoring missing",
                "Copy-paste, or neither fallback nor monitoring",
            ),
            CriterionId::UnitEconomics => rule(
                &format!("Even at the reliability lower bound: positive net value, positive NPV over the horizon, and payback within {PAYBACK_PASS_MONTHS} months"),
                "At the observed failure rate (or the claimed one, untested): positive net value and positive NPV",
                "Anything worse",
            ),
            CriterionId::Deployment => rule(
                &format!(
                    "A dated plan, a named owner, and any reserved capacity used {}–{}",
                    percent(UTILIZATION_LOW),
                    percent(UTILIZATION_FULL)
                ),
                &format!(
                    "No named owner, or reserved capacity used {}–{} or {}–{}",
                    percent(UTILIZATION_IDLE),
                    percent(UTILIZATION_LOW),
                    percent(UTILIZATION_FULL),
                    percent(UTILIZATION_OVER)
                ),
                &format!(
                    "No dated plan (a press-release plan), or reserved capacity used under {} (idle) or over {} (the volume does not fit)",
                    percent(UTILIZATION_IDLE),
                    percent(UTILIZATION_OVER)
                ),
            ),
            CriterionId::Defensibility => rule(
                &format!(
                    "Compute at most {} of today's cost, and a model you control or a third-party API on data only you have",
                    percent(MAX_COMPUTE_SHARE)
                ),
                "Everything else: an API on data anyone has, a vendor wrapper on your data, or a model you host whose compute costs too much",
                "A vendor wrapper on data anyone has",
            ),
        }
}

/// The verdict rules, each as the verdict's name and the rest of its sentence.
pub fn verdict_rules() -> [(&'static str, String); 3] {
    let name = CriterionId::name;
    [
        (
            "Stop",
            format!(
                " when {} fails, when {} fails (the evidence shows the pilot below target), or when {STOP_AT_FAILS} or more criteria fail.",
                name(CriterionId::UnitEconomics),
                name(CriterionId::Reliability)
            ),
        ),
        (
            "Scale",
            format!(
                " when nothing fails, {} and {} pass, and the score is {SCALE_MIN_SCORE} or more.",
                name(CriterionId::Reliability),
                name(CriterionId::UnitEconomics)
            ),
        ),
        (
            "Fix",
            " otherwise: the report says what to change, with the figures.".to_string(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_read_the_standard_thresholds() {
        assert!(rule(CriterionId::UnitEconomics)
            .pass
            .contains("within 12 months"));
        assert!(rule(CriterionId::Deployment)
            .warn
            .contains("25%–50% or 100%–125%"));
    }
}
