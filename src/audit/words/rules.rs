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
                    "A test plan set before the results, at {} or stricter and {} confidence or more, has passed (its planned cases reached, failures within those allowed) on your own evidence, with no drift in the recent window and no newer model version untested",
                    percent(STANDARD_TARGET),
                    percent(STANDARD_CONFIDENCE)
                ),
                "Anything else: nothing tested, not yet demonstrated, a demonstration found without a plan or before its end (an interim look, not yet proof), below the standard yet fewer errors than people make today, the vendor's evidence, a newer model version, or drift",
                &format!(
                    "The plan in force failed (more failures than it allowed: the kill criterion you set), or even the upper bound at {} confidence is below {}, whatever target and confidence you chose, and people make fewer errors",
                    percent(STANDARD_CONFIDENCE),
                    percent(STANDARD_TARGET)
                ),
            ),
            CriterionId::Integration => rule(
                "Output lands in a workflow or system of record, with a fallback to a person and monitoring",
                "A standalone tool, or fallback or monitoring missing",
                "Copy-paste, or neither fallback nor monitoring",
            ),
            CriterionId::UnitEconomics => rule(
                &format!("Even at the reliability lower bound: positive net value, positive NPV over the horizon (at most {JUDGED_HORIZON_MONTHS} months), and payback of the one-off still to spend within {PAYBACK_PASS_MONTHS} months"),
                "At the expected failure rate (or the claimed one, untested): positive net value and positive NPV; or a pass that prices failures at nothing, or rests on the claim alone",
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
                    "Compute at most {} of today's cost, prices able to rise {} before the margin is gone, and a model you control or a third-party API on data only you have",
                    percent(MAX_COMPUTE_SHARE),
                    super::rounding::times_down(HEADROOM_PASS)
                ),
                "Everything else: an API on data anyone has, a vendor wrapper on your data, a model you host whose compute costs too much, or a margin prices could not double",
                &format!(
                    "A vendor wrapper on data anyone has, or an API or wrapper whose margin a price rise under {} wipes out",
                    super::rounding::times_down(HEADROOM_FAIL_BELOW)
                ),
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
                " when {} fails, or when {} fails (the evidence shows the pilot below the standard, or the plan you set failed).",
                name(CriterionId::UnitEconomics),
                name(CriterionId::Reliability)
            ),
        ),
        (
            "Scale",
            format!(
                " when nothing fails, {} and {} pass, monitoring is on, an owner is named, and the score is {SCALE_MIN_SCORE} or more.",
                name(CriterionId::Reliability),
                name(CriterionId::UnitEconomics)
            ),
        ),
        (
            "Fix",
            " otherwise — scope faults are fixed, not stopped: the report says what to change, with the figures.".to_string(),
        ),
    ]
}

/// What changed from standard 2.0, each with why: the review a statistician and a finance
/// analyst made of 2.0 (DESIGN §4).
pub fn changes_from_2_0() -> [(&'static str, &'static str); 9] {
    [
        (
            "Only a test plan set before the results, and passed, demonstrates reliability.",
            "Looking after every batch and stopping at the first good look \"demonstrated\" a pilot truly at 99.9% about 15% of the time instead of 5%.",
        ),
        (
            "A plan that sees more failures than it allowed fails reliability: stop.",
            "A plan allowing no failure that saw one still gave scale: the kill criterion you set must bind.",
        ),
        (
            "Reliability fails when even the upper bound at 95% is below 99.9%, whatever target and confidence the pilot is assessed at.",
            "Raising the confidence or lowering the target turned a stop into a fix without changing the pilot.",
        ),
        (
            "A pilot below the standard that makes fewer errors than people do today warns instead of failing.",
            "A coding pilot four times more accurate than the people it relieves, worth millions, was told to stop.",
        ),
        (
            "The expected failure rate is the posterior mean (k + ½) ÷ (n + 1), never 0; the conservative one rests on the lower bound at 95% confidence or stricter; an untested claim counts as at most 99.9%.",
            "One clean case turned stop into fix, and a looser confidence or a stricter target on nothing tested made the money look better.",
        ),
        (
            "Money already spent is sunk; the volume ramps up; the AI serves no more tasks than the capacity paid for.",
            "Spent money was counted as still to spend, \"from day one\" assumed full volume on day one, and tasks above capacity still earned savings.",
        ),
        (
            "The money is judged over at most 36 months; a pass needs prices able to double, and a free failure or an untested claim cannot pass.",
            "A 120-month horizon rescued a loss-maker; a thin margin on an API passed though a 12% price rise wiped it out; failures priced at nothing passed.",
        ),
        (
            "A newer model version than the one you tested, or drift in the recent window of batches, keeps reliability from passing.",
            "A small clean batch after a bad one cleared the drift flag, and a vendor's new model version went unnoticed.",
        ),
        (
            "Only reliability or unit economics failing stops a pilot; scale needs monitoring and a named owner.",
            "Three scope faults stopped a demonstrated, profitable pilot, and scale was given with no monitoring and no owner.",
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
