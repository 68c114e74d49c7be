//! The pilot description (input) and its assessment (output).
//!
//! Both are also the export/import file format (DESIGN §2): field names are snake_case
//! and must not change without a schema version bump. Money is in the pilot's `currency`;
//! rates are fractions (0.999, not 99.9).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// Optional uncertainty on inputs, by path in the file format (`task.monthly_volume`):
    /// the low and high ends the simulation draws between (DESIGN §10). Only inputs whose
    /// schema rule is `ranged` take one.
    pub ranges: BTreeMap<String, InputRange>,
}

/// The low and high ends of an input the buyer is unsure of (DESIGN §10): low ≤ the
/// answer ≤ high, low < high.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct InputRange {
    /// The lowest it plausibly is.
    pub low: f64,
    /// The highest it plausibly is.
    pub high: f64,
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
            ranges: BTreeMap::new(),
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
            batches: Vec::new(),
            plans: Vec::new(),
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
    /// Which evidence was counted, and what was left out (DESIGN §9).
    #[serde(default)]
    pub evidence: CountedEvidence,
    /// Fisher's exact test of the latest counted buyer batch against the earlier ones;
    /// null with fewer than two.
    #[serde(default)]
    pub drift: Option<Drift>,
    /// The test plan in force and how it stands; null without one.
    #[serde(default)]
    pub plan: Option<PlanStanding>,
    /// P(failure rate ≤ 1 − target) under the Jeffreys posterior of the buyer's counted
    /// evidence (DESIGN §10); null without the buyer's own evidence.
    #[serde(default)]
    pub p_meets_target: Option<f64>,
    /// The chance plans of 0–3 allowed failures pass at true failure rates of the target's
    /// allowed rate × 1, ½, ⅓, ⅒ (needs no evidence).
    #[serde(default)]
    pub power: Vec<super::uncertainty::PowerRow>,
    /// The chance to demonstrate with the cases still needed × 1, 2, 5; empty without the
    /// buyer's own evidence or once demonstrated.
    #[serde(default)]
    pub chance_to_demonstrate: Vec<super::uncertainty::Chance>,
    /// The least more cases with an 80% chance to demonstrate (0 once demonstrated); null
    /// without the buyer's own evidence or beyond ten million.
    #[serde(default)]
    pub cases_for_80_percent: Option<u64>,
}

/// Whose evidence the figures rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// The buyer's own batches (sample or production).
    Buyer,
    /// The vendor's tests: the buyer has none.
    Vendor,
    /// No batch at all.
    #[default]
    None,
}

/// The evidence counted (DESIGN §9): the buyer's batches of the latest buyer model version,
/// pooled, or with none the vendor's of the latest vendor model version.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CountedEvidence {
    /// `"buyer"`, `"vendor"` or `"none"`.
    pub kind: EvidenceKind,
    /// Cases counted.
    pub cases: u64,
    /// Failures among them.
    pub failures: u64,
    /// Batches counted.
    pub batches: u64,
    /// The model version counted ("" = not recorded).
    pub model_version: String,
    /// Cases of the same kind left out: another model version.
    pub left_out_cases: u64,
    /// The vendor's cases left out because the buyer has its own.
    pub vendor_cases_left_out: u64,
}

/// Drift: has the latest batch failed more often than the earlier ones?
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Drift {
    /// One-sided p-value of Fisher's exact test (H1: the latest batch fails more often).
    pub p_value: f64,
    /// `p_value < 0.05`: reliability cannot pass.
    pub flagged: bool,
}

/// Where a test plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Not decided yet, and not past its date.
    OnTrack,
    /// The planned cases are reached with no more failures than allowed.
    Passed,
    /// More failures than allowed: it can no longer pass.
    Failed,
    /// Its decide-by date is past without a decision.
    Overdue,
}

impl PlanStatus {
    /// As people read it: "on track", "passed", "failed", "overdue".
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::OnTrack => "on track",
            PlanStatus::Passed => "passed",
            PlanStatus::Failed => "failed",
            PlanStatus::Overdue => "overdue",
        }
    }
}

/// The plan in force, judged on the counted batches dated on or after it was set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanStanding {
    /// Where it stands.
    pub status: PlanStatus,
    /// The success-run total for its target, confidence and allowed failures; null when
    /// no number of cases can demonstrate it (target 100%).
    pub planned_cases: Option<u64>,
    /// Counted cases dated on or after it was set.
    pub counted_cases: u64,
    /// Failures among them.
    pub counted_failures: u64,
}

/// The lower bound after one more counted batch (the history chart).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryPoint {
    /// The batch's date.
    pub date: String,
    /// Counted cases up to and including it.
    pub cases: u64,
    /// Failures among them.
    pub failures: u64,
    /// The lower bound on the success rate at the pilot's confidence.
    pub lower_bound: f64,
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

impl Pilot {
    /// A new pilot, as **New pilot** makes it: an id, a time, and every answer at its default.
    pub fn blank(id: String, now: String) -> Pilot {
        Pilot {
            id,
            created_at: now.clone(),
            updated_at: now,
            ..Pilot::default()
        }
    }

    /// Whether nobody wrote anything into this pilot since it was made blank.
    pub fn is_blank(&self) -> bool {
        *self == Pilot::blank(self.id.clone(), self.created_at.clone())
    }

    /// A copy without the evidence log and plans, for arithmetic that reads neither.
    pub fn without_log(&self) -> Pilot {
        let Reliability {
            target,
            confidence,
            failure_detection_rate,
            review_share,
            review_minutes_per_task,
            ..
        } = self.reliability;
        Pilot {
            id: self.id.clone(),
            name: self.name.clone(),
            vendor: self.vendor.clone(),
            owner: self.owner.clone(),
            notes: self.notes.clone(),
            currency: self.currency.clone(),
            created_at: self.created_at.clone(),
            updated_at: self.updated_at.clone(),
            task: self.task.clone(),
            reliability: Reliability {
                target,
                confidence,
                batches: Vec::new(),
                plans: Vec::new(),
                failure_detection_rate,
                review_share,
                review_minutes_per_task,
            },
            integration: self.integration.clone(),
            compute: self.compute.clone(),
            finance: self.finance.clone(),
            ranges: self.ranges.clone(),
        }
    }
}

/// Why a value cannot be read as a pilot: where, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    /// Path of the field, `reliability.cases_evaluated`, or "" for the whole value.
    pub path: String,
    /// What is wrong, in words.
    pub message: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Read a pilot from parsed JSON, naming the field that failed (`task.monthly_volume`).
/// A pilot in the shape of file version 1 is migrated first ([`migrate_v1`]).
///
/// Every reader in the app goes through here (stored records, import files, the examples),
/// so the app's wasm carries one copy of the pilot's deserializer, not one per JSON source.
/// (The chart module reads pilots inside its requests with serde's derived code.)
pub fn pilot_from_json(mut value: serde_json::Value) -> Result<Pilot, ReadError> {
    migrate_v1(&mut value)?;
    // serde's own message, without the field's path: a path-tracking deserializer cost
    // 31 KB of wasm. Files and stored records are checked field by field against the schema
    // first (`store::file::parse_pilot`), which names the field; this is what is left.
    serde_json::from_value(value).map_err(|e| ReadError {
        path: String::new(),
        message: e.to_string(),
    })
}

/// Version 1 → 2 (DESIGN §9): `reliability.cases_evaluated`, `failures_observed` and
/// `evidence` become one batch dated with the pilot's creation (or, without one, its last
/// change), from the same source — a vendor's claim with cases becomes a vendor's test —
/// and no batch at all when no case was evaluated (failures without cases stay, as a batch
/// that validation marks). The pilot assesses to exactly the
/// figures it had. A value already holding `batches` is left as it is.
pub fn migrate_v1(value: &mut serde_json::Value) -> Result<(), ReadError> {
    use serde_json::Value;
    let stamp_date = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .and_then(super::date::date_of)
            .map(str::to_string)
    };
    let date = stamp_date("created_at").or_else(|| stamp_date("updated_at"));
    let Some(Value::Object(r)) = value.get_mut("reliability") else {
        return Ok(());
    };
    let old = ["cases_evaluated", "failures_observed", "evidence"];
    if r.contains_key("batches") || !old.iter().any(|k| r.contains_key(*k)) {
        return Ok(());
    }
    let whole = |r: &serde_json::Map<String, Value>, key: &str, what: &str| match r.get(key) {
        None => Ok(0),
        Some(v) => v.as_u64().ok_or_else(|| ReadError {
            path: format!("reliability.{key}"),
            message: format!("{v} — a whole number of {what}, 0 or more"),
        }),
    };
    let cases = whole(r, "cases_evaluated", "cases")?;
    let failures = whole(r, "failures_observed", "failures")?;
    let source = match r.get("evidence").map(|v| v.as_str()) {
        None | Some(Some("vendor_claim" | "vendor_test")) => "vendor_test".to_string(),
        Some(Some(s @ ("buyer_sample" | "buyer_production"))) => s.to_string(),
        Some(_) => {
            return Err(ReadError {
                path: "reliability.evidence".to_string(),
                message: format!(
                    "{} — one of vendor_claim, vendor_test, buyer_sample, buyer_production",
                    r["evidence"]
                ),
            })
        }
    };
    for key in old {
        r.remove(key);
    }
    let batches = if cases == 0 && failures == 0 {
        Vec::new()
    } else {
        vec![serde_json::json!({
            "date": date.unwrap_or_default(),
            "cases": cases,
            "failures": failures,
            "source": source,
            "model_version": "",
            "note": "",
        })]
    };
    r.insert("batches".to_string(), Value::Array(batches));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Pilot;

    #[test]
    fn a_blank_pilot_stays_blank_only_until_something_is_written() {
        let blank = Pilot::blank("p-1".into(), "2026-11-29T20:00:00Z".into());
        assert!(blank.is_blank());
        assert_eq!(blank.updated_at, blank.created_at);
        let mut named = blank.clone();
        named.name = "Triage".into();
        assert!(!named.is_blank());
        let mut saved_later = blank.clone();
        saved_later.updated_at = "2026-11-29T20:01:00Z".into();
        assert!(
            !saved_later.is_blank(),
            "a save after an answer was cleared again"
        );
        let mut answered = blank;
        answered.task.monthly_volume += 1.0;
        assert!(!answered.is_blank());
    }
}
