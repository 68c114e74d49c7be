//! A pilot's reliability answers and its evidence (DESIGN §2, §9): the target, the log of
//! dated batches and the test plans set before the results they judge.

use serde::{Deserialize, Serialize};

/// Default reliability target: the standard's, 99.9% of tasks done right.
pub const DEFAULT_TARGET: f64 = crate::audit::standard::STANDARD_TARGET;
/// Default confidence for the reliability bound: the standard's, 95%.
pub const DEFAULT_CONFIDENCE: f64 = crate::audit::standard::STANDARD_CONFIDENCE;

/// Reliability evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reliability {
    /// Success rate the business needs, default 0.999.
    pub target: f64,
    /// Confidence wanted in the bound, default 0.95.
    pub confidence: f64,
    /// The evidence log: dated batches of cases checked against the truth, oldest first
    /// (DESIGN §9).
    pub batches: Vec<Batch>,
    /// Test plans set before the results they judge, oldest first; the last is in force.
    pub plans: Vec<Plan>,
    /// Share of AI failures caught before they cause harm.
    pub failure_detection_rate: f64,
    /// Share of AI outputs a person reviews.
    pub review_share: f64,
    /// Minutes a person spends reviewing one output.
    pub review_minutes_per_task: f64,
}

/// One batch of the evidence log: cases checked against the truth on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Batch {
    /// When the cases were checked, `YYYY-MM-DD`.
    pub date: String,
    /// Cases checked.
    pub cases: u64,
    /// Of those, how many the pilot got wrong.
    pub failures: u64,
    /// Who checked them.
    pub source: Source,
    /// The model (or prompt) version checked; "" = not recorded.
    pub model_version: String,
    /// Free note.
    pub note: String,
}

impl Default for Batch {
    fn default() -> Self {
        Batch {
            date: String::new(),
            cases: 0,
            failures: 0,
            source: Source::BuyerSample,
            model_version: String::new(),
            note: String::new(),
        }
    }
}

/// Who produced a batch of evidence; only the buyer's own evidence can pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The vendor ran a test on its own data.
    VendorTest,
    /// The buyer ran a sample of its own cases.
    #[default]
    BuyerSample,
    /// The buyer measured it in production.
    BuyerProduction,
}

impl Source {
    /// True when the buyer produced the evidence on its own cases.
    pub fn is_buyers_own(self) -> bool {
        matches!(self, Source::BuyerSample | Source::BuyerProduction)
    }
}

/// A test plan, set before the results it judges (DESIGN §9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// When it was set, `YYYY-MM-DD`; only batches dated on or after count toward it.
    pub set_on: String,
    /// The success rate it sets out to demonstrate.
    pub target: f64,
    /// The confidence it demonstrates it at.
    pub confidence: f64,
    /// Failures allowed among the planned cases (0–20).
    pub allowed_failures: u32,
    /// The date by which it must be decided, `YYYY-MM-DD`, or "".
    pub decide_by: String,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            set_on: String::new(),
            target: DEFAULT_TARGET,
            confidence: DEFAULT_CONFIDENCE,
            allowed_failures: 0,
            decide_by: String::new(),
        }
    }
}

impl Default for Reliability {
    fn default() -> Self {
        Reliability {
            target: DEFAULT_TARGET,
            confidence: DEFAULT_CONFIDENCE,
            batches: Vec::new(),
            plans: Vec::new(),
            failure_detection_rate: 0.0,
            review_share: 0.0,
            review_minutes_per_task: 0.0,
        }
    }
}
