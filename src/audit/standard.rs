//! The standard (DESIGN §4) as one table: each criterion with the name people read, its
//! weight, its rule in words, and the named thresholds the criteria apply. The criteria,
//! "How we score", the report, compare and the charts all read it.

use super::format::percent;
use super::model::Verdict;
use serde::{Deserialize, Serialize};

/// Version of the standard the criteria implement; printed on every report.
pub const STANDARD_VERSION: &str = "1.0";

/// Most distinct tasks that still only warn (`single_task`); more fail.
pub const MAX_TASKS_TO_WARN: u32 = 3;
/// Payback, in months, within which the conservative case passes `unit_economics`.
pub const PAYBACK_PASS_MONTHS: f64 = 12.0;
/// Payback, in months, within which the expected case warns on `unit_economics`.
pub const PAYBACK_WARN_MONTHS: f64 = 36.0;
/// Utilization of reserved capacity below which `deployment` fails (capacity idle).
pub const UTILIZATION_IDLE: f64 = 0.25;
/// Utilization of reserved capacity below which `deployment` warns.
pub const UTILIZATION_LOW: f64 = 0.5;
/// Share of the human baseline that compute may take for an API-based pilot to pass.
pub const MAX_COMPUTE_SHARE: f64 = 0.30;
/// Least score for the verdict scale.
pub const SCALE_MIN_SCORE: f64 = 80.0;
/// Number of failing criteria that stops a pilot whatever they are.
pub const STOP_AT_FAILS: usize = 3;

macro_rules! criteria {
    ($($(#[$doc:meta])* $variant:ident = $id:literal,)*) => {
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
        }
    };
}

criteria! {
    /// One task.
    SingleTask = "single_task",
    /// Repeatable input.
    Repeatable = "repeatable",
    /// Reliability demonstrated.
    Reliability = "reliability",
    /// Integrated where the work happens.
    Integration = "integration",
    /// Profitable per task.
    UnitEconomics = "unit_economics",
    /// A deployment plan.
    Deployment = "deployment",
    /// Defensible margin.
    Defensibility = "defensibility",
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
        let rule = |name, weight, pass: &str, warn: &str, fail: &str| Rule {
            name,
            weight,
            pass: pass.to_string(),
            warn: warn.to_string(),
            fail: fail.to_string(),
        };
        match self {
            CriterionId::SingleTask => rule(
                "One task",
                10.0,
                "Exactly one distinct task",
                &format!("Two to {MAX_TASKS_TO_WARN} tasks"),
                &format!("No task named, or {} or more", MAX_TASKS_TO_WARN + 1),
            ),
            CriterionId::Repeatable => rule(
                "Repeatable input",
                10.0,
                "Structured input",
                "Semi-structured input",
                "Free-form input",
            ),
            CriterionId::Reliability => rule(
                "Reliability demonstrated",
                25.0,
                "The lower confidence bound meets the target, on your own evidence",
                "Observed rate meets the target but is not yet demonstrated, nothing tested yet, or the evidence is the vendor's",
                "Observed success rate below the target",
            ),
            CriterionId::Integration => rule(
                "Integrated",
                15.0,
                "Output lands in a workflow or system of record, with a fallback to a person and monitoring",
                "A standalone tool, or fallback or monitoring missing",
                "Copy-paste, or neither fallback nor monitoring",
            ),
            CriterionId::UnitEconomics => rule(
                "Profitable per task",
                25.0,
                &format!("At the reliability lower bound: positive net value and payback within {PAYBACK_PASS_MONTHS} months"),
                &format!("At the observed failure rate: positive net value and payback within {PAYBACK_WARN_MONTHS} months"),
                "Anything worse",
            ),
            CriterionId::Deployment => rule(
                "Deployment plan",
                10.0,
                &format!("A dated plan, a named owner, and at least {} of any reserved capacity used", percent(UTILIZATION_LOW)),
                &format!("No named owner, or {}–{} of reserved capacity used", percent(UTILIZATION_IDLE), percent(UTILIZATION_LOW)),
                &format!("No dated plan, or under {} of reserved capacity used", percent(UTILIZATION_IDLE)),
            ),
            CriterionId::Defensibility => rule(
                "Defensible",
                5.0,
                &format!("A model you control, or a third-party API on your proprietary data with compute at most {} of today's cost", percent(MAX_COMPUTE_SHARE)),
                "A third-party API otherwise, or a vendor wrapper on your proprietary data",
                "A vendor wrapper on data anyone has",
            ),
        }
    }

    /// The name people read ("Profitable per task").
    pub fn name(self) -> &'static str {
        self.rule().name
    }

    /// Weight in the score.
    pub fn weight(self) -> f64 {
        self.rule().weight
    }
}

impl Verdict {
    /// Rank in lists: scale above fix above stop (DESIGN §4, the ranking rule).
    pub fn rank(self) -> u8 {
        match self {
            Verdict::Scale => 2,
            Verdict::Fix => 1,
            Verdict::Stop => 0,
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
        assert!(CriterionId::Deployment.rule().warn.contains("25%–50%"));
    }
}
