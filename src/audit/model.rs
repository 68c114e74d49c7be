//! The pilot description (input) and its assessment (output).
//!
//! Both are also the export/import file format (DESIGN §2): field names are snake_case
//! and must not change without a schema version bump. Money is in the pilot's `currency`;
//! rates are fractions (0.999, not 99.9).

use serde::{Deserialize, Serialize};

/// Default reliability target: the standard's, 99.9% of tasks done right.
pub const DEFAULT_TARGET: f64 = super::standard::STANDARD_TARGET;
/// Default confidence for the reliability bound: the standard's, 95%.
pub const DEFAULT_CONFIDENCE: f64 = super::standard::STANDARD_CONFIDENCE;
/// Default annual discount rate: 10%.
pub const DEFAULT_DISCOUNT_RATE: f64 = 0.10;
/// Default horizon of the cash-flow analysis: 36 months.
pub const DEFAULT_HORIZON_MONTHS: u32 = 36;

/// One AI pilot, as the buyer describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pilot {
    /// Unique, stable identifier.
    pub id: String,
    /// What the buyer calls the pilot.
    pub name: String,
    /// Who builds or sells it.
    pub vendor: String,
    /// The person accountable for taking it to production; "" means nobody.
    pub owner: String,
    /// Free notes.
    pub notes: String,
    /// ISO 4217 code of every money figure, e.g. "USD".
    pub currency: String,
    /// RFC 3339 creation time.
    pub created_at: String,
    /// RFC 3339 time of the last change.
    pub updated_at: String,
    /// The job the pilot automates and what it costs people today.
    pub task: Task,
    /// What is known about how often the pilot gets the job right.
    pub reliability: Reliability,
    /// How the pilot's output reaches the business.
    pub integration: Integration,
    /// What running the model costs.
    pub compute: Compute,
    /// How future money is weighed.
    pub finance: Finance,
}

/// The task and today's human baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    /// The job, in the buyer's words.
    pub description: String,
    /// How many different jobs the pilot is asked to do (1 = a single task).
    pub distinct_tasks: u32,
    /// How regular the task's input is.
    pub input_structure: InputStructure,
    /// Task executions per month.
    pub monthly_volume: f64,
    /// Minutes a person spends on one task today.
    pub human_minutes_per_task: f64,
    /// Fully loaded cost of that person per hour.
    pub hourly_cost: f64,
    /// Share of tasks people get wrong today.
    pub human_error_rate: f64,
    /// Cost of one error that reaches the business.
    pub cost_per_error: f64,
}

/// How regular the task's input is: the more structure, the more repeatable the task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputStructure {
    /// Forms, fields, fixed layouts.
    #[default]
    Structured,
    /// Documents of a known kind with varying layout (invoices, tickets).
    SemiStructured,
    /// Anything a person might type or ask.
    FreeForm,
}

/// Reliability evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reliability {
    /// Success rate the business needs, default 0.999.
    pub target: f64,
    /// Confidence wanted in the bound, default 0.95.
    pub confidence: f64,
    /// Cases checked against the truth so far.
    pub cases_evaluated: u64,
    /// Of those, how many the pilot got wrong.
    pub failures_observed: u64,
    /// Who produced the evidence.
    pub evidence: Evidence,
    /// Share of AI failures caught before they cause harm.
    pub failure_detection_rate: f64,
    /// Share of AI outputs a person reviews.
    pub review_share: f64,
    /// Minutes a person spends reviewing one output.
    pub review_minutes_per_task: f64,
}

/// Who produced the reliability evidence; only the buyer's own evidence can pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The vendor says so.
    #[default]
    VendorClaim,
    /// The vendor ran a test on its own data.
    VendorTest,
    /// The buyer ran a sample of its own cases.
    BuyerSample,
    /// The buyer measured it in production.
    BuyerProduction,
}

impl Evidence {
    /// True when the buyer produced the evidence on its own cases.
    pub fn is_buyers_own(self) -> bool {
        matches!(self, Evidence::BuyerSample | Evidence::BuyerProduction)
    }
}

/// How the pilot is wired into the business.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Integration {
    /// Where the output lands.
    pub output_destination: OutputDestination,
    /// An escalation path to a person exists.
    pub fallback_to_human: bool,
    /// Production quality is measured continuously.
    pub monitoring: bool,
    /// A dated plan to production exists.
    pub deployment_plan: bool,
    /// Build, integration and change management, paid once.
    pub one_off_cost: f64,
    /// Upkeep per month.
    pub monthly_maintenance: f64,
}

/// Where the pilot's output lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputDestination {
    /// A person copies the answer into the real system.
    #[default]
    CopyPaste,
    /// A separate tool people must remember to open.
    StandaloneTool,
    /// Written through an API into the system of record.
    SystemOfRecordApi,
    /// Part of an automated workflow.
    AutomatedWorkflow,
}

/// What running the model costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Compute {
    /// Where the model comes from.
    pub sourcing: Sourcing,
    /// Input tokens per task.
    pub input_tokens_per_task: f64,
    /// Output tokens per task.
    pub output_tokens_per_task: f64,
    /// Price per million input tokens.
    pub price_per_million_input: f64,
    /// Price per million output tokens.
    pub price_per_million_output: f64,
    /// Reserved GPUs or servers per month.
    pub monthly_fixed_compute: f64,
    /// Capacity paid for, in tasks per month; 0 = pay per use.
    pub provisioned_tasks_per_month: f64,
    /// Licence per month.
    pub monthly_licence: f64,
    /// The pilot runs on data only this buyer has.
    pub proprietary_data: bool,
}

/// Where the model comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sourcing {
    /// A frontier model behind someone else's API.
    #[default]
    ThirdPartyApi,
    /// A vendor product that wraps someone else's API.
    VendorWrapper,
    /// An open model the buyer runs itself.
    SelfHostedOpenModel,
    /// A small model distilled for this one task.
    DistilledSmallModel,
}

/// How future money is weighed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Finance {
    /// Annual discount rate, default 0.10.
    pub discount_rate: f64,
    /// Months the analysis covers, default 36.
    pub horizon_months: u32,
}

impl Default for Pilot {
    fn default() -> Self {
        Pilot {
            id: String::new(),
            name: String::new(),
            vendor: String::new(),
            owner: String::new(),
            notes: String::new(),
            currency: "USD".to_string(),
            created_at: String::new(),
            updated_at: String::new(),
            task: Task::default(),
            reliability: Reliability::default(),
            integration: Integration::default(),
            compute: Compute::default(),
            finance: Finance::default(),
        }
    }
}

impl Default for Task {
    fn default() -> Self {
        Task {
            description: String::new(),
            distinct_tasks: 1,
            input_structure: InputStructure::Structured,
            monthly_volume: 0.0,
            human_minutes_per_task: 0.0,
            hourly_cost: 0.0,
            human_error_rate: 0.0,
            cost_per_error: 0.0,
        }
    }
}

impl Default for Reliability {
    fn default() -> Self {
        Reliability {
            target: DEFAULT_TARGET,
            confidence: DEFAULT_CONFIDENCE,
            cases_evaluated: 0,
            failures_observed: 0,
            evidence: Evidence::VendorClaim,
            failure_detection_rate: 0.0,
            review_share: 0.0,
            review_minutes_per_task: 0.0,
        }
    }
}

impl Default for Integration {
    fn default() -> Self {
        Integration {
            output_destination: OutputDestination::CopyPaste,
            fallback_to_human: false,
            monitoring: false,
            deployment_plan: false,
            one_off_cost: 0.0,
            monthly_maintenance: 0.0,
        }
    }
}

impl Default for Compute {
    fn default() -> Self {
        Compute {
            sourcing: Sourcing::ThirdPartyApi,
            input_tokens_per_task: 0.0,
            output_tokens_per_task: 0.0,
            price_per_million_input: 0.0,
            price_per_million_output: 0.0,
            monthly_fixed_compute: 0.0,
            provisioned_tasks_per_month: 0.0,
            monthly_licence: 0.0,
            proprietary_data: false,
        }
    }
}

impl Default for Finance {
    fn default() -> Self {
        Finance {
            discount_rate: DEFAULT_DISCOUNT_RATE,
            horizon_months: DEFAULT_HORIZON_MONTHS,
        }
    }
}

/// The audit of one pilot: `assess(&pilot)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Scale, fix or stop (DESIGN §4).
    pub verdict: Verdict,
    /// Weighted mean of the criterion scores, 0–100.
    pub score: f64,
    /// The seven criteria, in the order of the standard.
    pub criteria: Vec<Criterion>,
    /// Reliability statistics.
    pub reliability: ReliabilityResult,
    /// Both economic cases.
    pub economics: Economics,
    /// Tornado rows, widest NPV swing first.
    pub sensitivity: Vec<SensitivityRow>,
    /// Break-even figures.
    pub what_it_would_take: WhatItWouldTake,
}

/// The verdict on a pilot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Stop it: it cannot pay or is shown unreliable.
    Stop,
    /// Fix what fails or warns, then look again.
    Fix,
    /// Scale it.
    Scale,
}

impl Verdict {
    /// Display word: "Scale", "Fix" or "Stop".
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Scale => "Scale",
            Verdict::Fix => "Fix",
            Verdict::Stop => "Stop",
        }
    }
}

/// Status of one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Fails the standard.
    Fail,
    /// Short of the standard, but not disqualifying.
    Warn,
    /// Meets the standard.
    Pass,
}

impl Status {
    /// Display word.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pass => "Pass",
            Status::Warn => "Warn",
            Status::Fail => "Fail",
        }
    }
}

/// One criterion of the standard, judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// Which criterion (serialized as its id, e.g. `single_task`).
    pub id: super::standard::CriterionId,
    /// Pass, warn or fail.
    pub status: Status,
    /// 0–100: pass 100, fail 0, warn graded by how close.
    pub score: f64,
    /// What was found, with the figure.
    pub finding: String,
    /// What would change it, with the figure; empty on pass.
    pub fix: String,
}

/// Reliability statistics (DESIGN §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReliabilityResult {
    /// 1 − failures/cases; null when no case was evaluated.
    pub point_estimate: Option<f64>,
    /// One-sided Clopper–Pearson lower bound on the success rate at `confidence`; 0 without cases.
    pub lower_bound: f64,
    /// One-sided Clopper–Pearson upper bound on the success rate at `confidence`; 1 without cases.
    pub upper_bound: f64,
    /// `lower_bound >= target`.
    pub demonstrated: bool,
    /// More cases, all successful, until `demonstrated`; null when it can never be (target 1).
    pub cases_needed: Option<u64>,
}

/// Both economic cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Economics {
    /// With the observed failure rate (or the claimed one when nothing was tested).
    pub expected: EconomicCase,
    /// With the failure rate at the reliability lower bound.
    pub conservative: EconomicCase,
    /// Volume ÷ provisioned capacity; null when capacity is pay-per-use.
    pub utilization: Option<f64>,
}

/// The monthly economics at one AI failure rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EconomicCase {
    /// The AI failure rate this case assumes.
    pub failure_rate: f64,
    /// Person's time per task: minutes ÷ 60 × hourly cost.
    pub human_cost_per_task: f64,
    /// Human baseline per task including today's errors; null at volume 0.
    pub baseline_cost_per_task: Option<f64>,
    /// AI monthly cost ÷ volume; null at volume 0.
    pub ai_cost_per_task: Option<f64>,
    /// Human baseline per month.
    pub monthly_baseline: f64,
    /// AI cost per month, split by source.
    pub monthly_cost: CostStack,
    /// Baseline − AI monthly cost.
    pub monthly_net_value: f64,
    /// One-off cost ÷ monthly net value; null when net value is not positive.
    pub payback_months: Option<f64>,
    /// Net present value over the horizon, one-off cost included.
    pub npv: f64,
    /// (PV baseline avoided − PV AI cost) ÷ PV AI cost; null when the AI costs nothing.
    pub roi: Option<f64>,
}

/// The AI's monthly cost, by source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostStack {
    /// Tokens.
    pub tokens: f64,
    /// Reserved compute.
    pub fixed_compute: f64,
    /// Licence.
    pub licence: f64,
    /// Maintenance.
    pub maintenance: f64,
    /// People reviewing outputs.
    pub review: f64,
    /// Failures: caught ones redone by a person, uncaught ones at the cost of an error.
    pub failures: f64,
    /// Sum of the above.
    pub total: f64,
}

/// One row of the tornado: NPV at the low and high end of one driver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SensitivityRow {
    /// The driver (serialized as its id, e.g. `monthly_volume`).
    pub driver: super::sensitivity::Driver,
    /// Display label.
    pub label: String,
    /// Driver value at the low end.
    pub low_value: f64,
    /// Driver value at the high end.
    pub high_value: f64,
    /// Expected-case NPV with the driver at its low end.
    pub npv_low: f64,
    /// Expected-case NPV with the driver at its high end.
    pub npv_high: f64,
    /// |npv_high − npv_low|.
    pub swing: f64,
}

/// What it would take for the pilot to break even (expected case).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhatItWouldTake {
    /// Volume per month at which net value is zero; null when no volume breaks even.
    pub break_even_volume: Option<f64>,
    /// AI cost per task at which net value is zero at today's volume; null at volume 0.
    pub break_even_ai_cost_per_task: Option<f64>,
    /// AI cost per task at which the one-off cost pays back in 12 months; null at volume 0
    /// or when no positive cost does.
    pub ai_cost_per_task_for_12_month_payback: Option<f64>,
    /// Highest AI failure rate that keeps net value positive; null when none does.
    pub max_failure_rate: Option<f64>,
}

/// Read a pilot from parsed JSON, naming the field that failed (`task.monthly_volume`).
///
/// Every reader in the app goes through here (stored records, import files, the examples),
/// so the app's wasm carries one copy of the pilot's deserializer, not one per JSON source.
/// (The chart module reads pilots inside its requests with serde's derived code.)
pub fn pilot_from_json(
    value: serde_json::Value,
) -> Result<Pilot, serde_path_to_error::Error<serde_json::Error>> {
    serde_path_to_error::deserialize(value)
}
