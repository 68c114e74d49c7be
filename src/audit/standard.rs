//! The standard (DESIGN §4) as one table: each criterion with the name people read, its
//! weight, its rule in words, and the named thresholds the criteria apply. The criteria,
//! "How we score", the report, compare and the charts all read it.

use serde::{Deserialize, Serialize};

/// Version of the standard the criteria implement; printed on every report.
pub const STANDARD_VERSION: &str = "3.0";

/// The standard's reliability target: a pilot assessed against a looser one cannot pass.
pub const STANDARD_TARGET: f64 = 0.999;
/// The standard's confidence: a pilot assessed at a lower one cannot pass.
pub const STANDARD_CONFIDENCE: f64 = 0.95;
/// Most distinct tasks that still only warn (`single_task`); more fail.
pub const MAX_TASKS_TO_WARN: u32 = 3;
/// The most months the standard judges the money over: a longer horizon cannot rescue a
/// pilot (DESIGN §3).
pub const JUDGED_HORIZON_MONTHS: u32 = 36;
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
/// Every utilization `deployment` is judged against, lowest first.
pub const UTILIZATION_RULES: [f64; 4] = [
    UTILIZATION_IDLE,
    UTILIZATION_LOW,
    UTILIZATION_FULL,
    UTILIZATION_OVER,
];
/// Share of the human baseline that compute may take for a pilot to pass `defensibility`.
pub const MAX_COMPUTE_SHARE: f64 = 0.30;
/// Price-shock headroom at or above which `defensibility` can pass: prices can double.
pub const HEADROOM_PASS: f64 = 2.0;
/// Price-shock headroom below which an API or a wrapper fails `defensibility`.
pub const HEADROOM_FAIL_BELOW: f64 = 1.25;
/// Least score for the verdict scale.
pub const SCALE_MIN_SCORE: f64 = 80.0;

// The warn grades: a warn scores between fail (0) and pass (100) by how close it comes.

/// Score of a pass.
pub const PASS_SCORE: f64 = 100.0;
/// Score of a fail.
pub const FAIL_SCORE: f64 = 0.0;
/// `single_task` warns: the score of 2 distinct tasks, then of 3 (up to [`MAX_TASKS_TO_WARN`]).
pub const SINGLE_TASK_WARN_GRADES: [f64; 2] = [60.0, 30.0];
/// `repeatable` warns on semi-structured input with this score.
pub const SEMI_STRUCTURED_GRADE: f64 = 50.0;
/// `reliability` warns from this score (nothing tested) ...
pub const RELIABILITY_WARN_FLOOR: f64 = 10.0;
/// ... up by this much times the run's progress, n ÷ (n + cases needed).
pub const RELIABILITY_WARN_SPAN: f64 = 50.0;
/// `reliability` warns with this score when the figures meet the target but cannot pass
/// (the vendor's evidence, or drift).
pub const RELIABILITY_MET_GRADE: f64 = RELIABILITY_WARN_FLOOR + RELIABILITY_WARN_SPAN;
/// `integration` warns: a standalone tool loses this much of a pass ...
pub const STANDALONE_PENALTY: f64 = 40.0;
/// ... and each missing safeguard (fallback, monitoring) this much.
pub const SAFEGUARD_PENALTY: f64 = 25.0;
/// `unit_economics` warns from this score ...
pub const ECONOMICS_WARN_FLOOR: f64 = 40.0;
/// ... up by this much times the share of the needed conservative net value reached.
pub const ECONOMICS_WARN_SPAN: f64 = 50.0;
/// `deployment` warns without a named owner at most with this score.
pub const NO_OWNER_GRADE: f64 = 60.0;
/// `deployment` warns on capacity from this score (at the idle or over bound) ...
pub const CAPACITY_WARN_FLOOR: f64 = 40.0;
/// ... up by this much at the edge of the band that passes.
pub const CAPACITY_WARN_SPAN: f64 = 40.0;
/// `defensibility` warns on a third-party API on data anyone has.
pub const API_ON_PUBLIC_DATA_GRADE: f64 = 50.0;
/// `defensibility` warns on a vendor wrapper on the buyer's own data.
pub const WRAPPER_ON_OWN_DATA_GRADE: f64 = 40.0;
/// `defensibility` warns on a model the buyer controls whose compute costs too much.
pub const COSTLY_COMPUTE_GRADE: f64 = 50.0;
/// `defensibility` warns on a moat whose margin could not take prices doubling.
pub const PRICE_EXPOSED_GRADE: f64 = 60.0;
/// `unit_economics` warns on a pass it cannot count (failures priced at nothing, or the
/// claim only) with this score.
pub const ECONOMICS_CAPPED_GRADE: f64 = ECONOMICS_WARN_FLOOR + ECONOMICS_WARN_SPAN;

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
    }
}
