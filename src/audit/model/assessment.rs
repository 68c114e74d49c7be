//! The assessment of a pilot (DESIGN §2–§4, §9, §10): the output of `assess`.

use super::pilot::Sourcing;
use crate::audit::standard::CriterionId;
use serde::{Deserialize, Serialize};

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
    /// API against self-hosted (DESIGN §12).
    #[serde(default)]
    pub sourcing: SourcingResult,
}

/// One way to source the model, priced on today's tasks (DESIGN §12).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourcingOption {
    /// Where the model comes from.
    pub sourcing: Sourcing,
    /// What the AI costs a month this way, at today's volume and the expected failure rate.
    pub monthly_cost: f64,
    /// That per successful task; null when no task succeeds.
    pub cost_per_task: Option<f64>,
    /// Tasks a month the reserved capacity serves; null when paid per use.
    pub capacity: Option<f64>,
    /// Volume ÷ capacity; null when paid per use.
    pub utilization: Option<f64>,
}

/// What the capacity costs, API against self-hosted (DESIGN §12).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourcingResult {
    /// The pilot's own sourcing first, then the other when one is given.
    pub options: Vec<SourcingOption>,
    /// The monthly volume at which the two options cost the same; null if never within
    /// 10^9 tasks (or with one option).
    pub break_even_volume: Option<f64>,
    /// The fewest GPUs that serve today's volume at 80% utilization or less; null
    /// without a GPU block.
    pub right_sized_gpus: Option<u32>,
    /// What the GPU block saves a month at that count (negative: it needs more).
    pub right_sized_saving: Option<f64>,
    /// Capacity ÷ volume; null when paid per use or with no volume.
    pub over_provisioning: Option<f64>,
    /// The price-shock headroom of the economics (DESIGN §3).
    pub price_shock_headroom: Option<Headroom>,
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

    /// Rank in lists: scale above fix above stop (DESIGN §4, the ranking rule).
    pub fn rank(self) -> u8 {
        match self {
            Verdict::Scale => 2,
            Verdict::Fix => 1,
            Verdict::Stop => 0,
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
    pub id: CriterionId,
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
    /// A model version tested after the buyer's last counted batch; null when none.
    #[serde(default)]
    pub stale: Option<Stale>,
    /// P(failure rate ≤ 1 − target) under the Jeffreys posterior of the buyer's counted
    /// evidence (DESIGN §10); null without the buyer's own evidence.
    #[serde(default)]
    pub p_meets_target: Option<f64>,
    /// The chance plans of 0–3 allowed failures pass at true failure rates of the target's
    /// allowed rate × 1, ½, ⅓, ⅒ (needs no evidence).
    #[serde(default)]
    pub power: Vec<PowerRow>,
    /// The chance to demonstrate with the cases still needed × 1, 2, 5; empty without the
    /// buyer's own evidence or once demonstrated.
    #[serde(default)]
    pub chance_to_demonstrate: Vec<Chance>,
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
    /// One-sided p-value of Fisher's exact test (H1: the recent window fails more often).
    pub p_value: f64,
    /// `p_value < 0.05`: reliability cannot pass.
    pub flagged: bool,
    /// Cases in the recent window: the newest counted buyer batches, newest first until
    /// they hold 1,000 cases, always leaving an earlier batch (DESIGN §9).
    #[serde(default)]
    pub window_cases: u64,
    /// Failures among them.
    #[serde(default)]
    pub window_failures: u64,
    /// The chance this test flags a window of this size when the failure rate rises 4× from
    /// 0.1% (DESIGN §9), computed exactly; null where not worked out (the quick assessment).
    #[serde(default)]
    pub power: Option<f64>,
}

/// Stale evidence (DESIGN §4): a batch dated after the latest counted buyer batch names
/// another model version than the one counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stale {
    /// The model version it names.
    pub model_version: String,
    /// Its date.
    pub date: String,
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
    /// With the failure rate at the reliability lower bound, at 95% confidence or the
    /// pilot's stricter one (never a looser one: it would lift the money).
    pub conservative: EconomicCase,
    /// Volume ÷ provisioned capacity; null when capacity is pay-per-use.
    pub utilization: Option<f64>,
    /// The tasks a month the AI serves: the volume, or the capacity paid for when less
    /// (DESIGN §3); the rest stay with people and earn nothing.
    #[serde(default)]
    pub served_volume: f64,
    /// How far token prices and the licence can rise together before the conservative case
    /// at full volume stops making money (DESIGN §3); null when it makes none already.
    pub price_shock_headroom: Option<Headroom>,
}

/// Price-shock headroom: a factor (2 = prices can double), or unlimited when the pilot pays
/// nothing for tokens or a licence. Written as a number, or `"unlimited"`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Headroom {
    /// Prices × this factor bring the conservative net value to 0.
    Factor(f64),
    /// No price rise reaches it: tokens and the licence cost nothing.
    Unlimited(Unlimited),
}

/// The word `"unlimited"` in the file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unlimited {
    /// No price rise reaches it.
    Unlimited,
}

impl Economics {
    /// Cost per task: people today (errors included), the AI's expected and conservative;
    /// 0 where unknown (volume 0).
    pub fn costs_per_task(&self) -> [f64; 3] {
        let (e, c) = (&self.expected, &self.conservative);
        [
            e.baseline_cost_per_task.unwrap_or(0.0),
            e.ai_cost_per_task.unwrap_or(0.0),
            c.ai_cost_per_task.unwrap_or(0.0),
        ]
    }
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
    /// The month at which the cumulative net value covers the one-off still to spend
    /// (interpolated; 0 when nothing remains); null when not within 120 months.
    pub payback_months: Option<f64>,
    /// Net present value over the horizon, the one-off still to spend included (money
    /// already spent is sunk: decisions look forward).
    pub npv: f64,
    /// The NPV over the horizon the standard judges, min(horizon, 36 months): a longer
    /// horizon cannot rescue a pilot (DESIGN §3).
    #[serde(default)]
    pub npv_judged: f64,
    /// The NPV with the money already spent counted too (shown beside it, never judged).
    pub npv_including_spent: f64,
    /// (PV baseline avoided − PV AI cost) ÷ PV AI cost, the one-off still to spend included;
    /// null when the AI costs nothing.
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
    pub driver: Driver,
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

/// One cell of the power table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PowerRow {
    /// Failures the plan allows.
    pub allowed_failures: u64,
    /// The success-run total for them; null when none demonstrates the target.
    pub planned_cases: Option<u64>,
    /// The true failure rate assumed.
    pub true_failure_rate: f64,
    /// The chance the plan passes at that rate; null without planned cases.
    pub probability: Option<f64>,
}

/// The chance to demonstrate the target with `more_cases` more cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chance {
    /// More cases evaluated.
    pub more_cases: u64,
    /// The chance they demonstrate the target, by the posterior predictive.
    pub probability: f64,
}

/// What the tornado swings: inputs of the [`schema`](crate::audit::schema), token prices (both
/// prices together) and the AI failure rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Driver {
    /// Task executions per month.
    MonthlyVolume,
    /// Minutes a person spends on one task.
    HumanMinutesPerTask,
    /// Fully loaded hourly cost.
    HourlyCost,
    /// Share of tasks people get wrong today.
    HumanErrorRate,
    /// Cost of one error.
    CostPerError,
    /// Both token prices, together.
    TokenPrices,
    /// Licence per month.
    MonthlyLicence,
    /// Reserved compute per month.
    MonthlyFixedCompute,
    /// Maintenance per month.
    MonthlyMaintenance,
    /// Share of AI outputs a person reviews.
    ReviewShare,
    /// Minutes a person spends on one reviewed output.
    ReviewMinutesPerTask,
    /// Share of AI failures caught before they cause harm.
    FailureDetectionRate,
    /// The one-off still to spend.
    OneOffCost,
    /// Months to full volume.
    RampMonths,
    /// The AI failure rate, between its confidence bounds.
    FailureRate,
}
