//! The standard (DESIGN §4) as one table: each criterion with the name people read, its
//! weight, its rule in words, and the named thresholds the criteria apply. The criteria,
//! "How we score", the report, compare and the charts all read it.

use super::format::percent;
use serde::{Deserialize, Serialize};

/// Version of the standard the criteria implement; printed on every report.
pub const STANDARD_VERSION: &str = "2.0";

/// The standard's reliability target: a pilot assessed against a looser one cannot pass.
pub const STANDARD_TARGET: f64 = 0.999;
/// The standard's confidence: a pilot assessed at a lower one cannot pass.
pub const STANDARD_CONFIDENCE: f64 = 0.95;
/// Most distinct tasks that still only warn (`single_task`); more fail.
pub const MAX_TASKS_TO_WARN: u32 = 3;
/// Payback, in months, within which the conservative case passes `unit_economics`.
pub const PAYBACK_PASS_MONTHS: f64 = 12.0;
/// Utilization of reserved capacity below which `deployment` fails (capacity idle).
pub const UTILIZATION_IDLE: f64 = 0.25;
/// Utilization of reserved capacity below which `deployment` warns.
pub const UTILIZATION_LOW: f64 = 0.5;
/// Utilization above which `deployment` warns: the volume outgrows what is paid for.
pub const UTILIZATION_FULL: f64 = 1.0;
/// Utilization above which `deployment` fails: the volume does not fit.
pub const UTILIZATION_OVER: f64 = 1.25;
/// Share of the human baseline that compute may take for a pilot to pass `defensibility`.
pub const MAX_COMPUTE_SHARE: f64 = 0.30;
/// Least score for the verdict scale.
pub const SCALE_MIN_SCORE: f64 = 80.0;
/// Number of failing criteria that stops a pilot whatever they are.
pub const STOP_AT_FAILS: usize = 3;

macro_rules! criteria {
    ($($(#[$doc:meta])* $variant:ident = $id:literal, $name:literal, $weight:literal;)*) => {
        /// A criterion of the standard; serialized as its id (`single_task`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum CriterionId {
            $($(#[$doc])* #[serde(rename = $id)] $variant,)*
        }

        impl CriterionId {
            /// The seven criteria, in the order of the standard.
            pub const ALL: [CriterionId; 7] = [$(CriterionId::$variant),*];

            /// The id in data and test hooks (`single_task`); never shown to people.
            pub fn id(self) -> &'static str {
                match self {
                    $(CriterionId::$variant => $id,)*
                }
            }

            /// The name people read ("Profitable per task").
            pub fn name(self) -> &'static str {
                match self {
                    $(CriterionId::$variant => $name,)*
                }
            }

            /// Weight in the score; the seven sum to 100.
            pub fn weight(self) -> f64 {
                match self {
                    $(CriterionId::$variant => $weight,)*
                }
            }
        }
    };
}

criteria! {
    /// One task.
    SingleTask = "single_task", "One task", 10.0;
    /// Repeatable input.
    Repeatable = "repeatable", "Repeatable input", 10.0;
    /// Reliability demonstrated.
    Reliability = "reliability", "Reliability demonstrated", 25.0;
    /// Integrated where the work happens.
    Integration = "integration", "Integrated", 15.0;
    /// Profitable per task.
    UnitEconomics = "unit_economics", "Profitable per task", 25.0;
    /// A deployment plan.
    Deployment = "deployment", "Deployment plan", 10.0;
    /// Defensible margin.
    Defensibility = "defensibility", "Defensible", 5.0;
}

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

impl CriterionId {
    /// The criterion's row of the standard.
    pub fn rule(self) -> Rule {
        let rule = |pass: &str, warn: &str, fail: &str| Rule {
            name: self.name(),
            weight: self.weight(),
            pass: pass.to_string(),
            warn: warn.to_string(),
            fail: fail.to_string(),
        };
        match self {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_sum_to_100_and_names_are_distinct() {
        let total: f64 = CriterionId::ALL.iter().map(|c| c.weight()).sum();
        assert_eq!(total, 100.0);
        let mut names: Vec<&str> = CriterionId::ALL.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 7);
    }

    #[test]
    fn ids_are_the_serde_names() {
        for c in CriterionId::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.id());
        }
        assert_eq!(CriterionId::UnitEconomics.name(), "Profitable per task");
        assert!(CriterionId::UnitEconomics
            .rule()
            .pass
            .contains("within 12 months"));
        assert!(CriterionId::Deployment
            .rule()
            .warn
            .contains("25%–50% or 100%–125%"));
    }
}
