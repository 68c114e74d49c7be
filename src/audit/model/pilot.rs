//! The pilot, as the buyer describes it (DESIGN §2): the input of `assess`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::evidence::Reliability;

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
    /// Months to full volume (0–24; file version 3): month m serves min(1, m ÷ (ramp + 1))
    /// of the volume (DESIGN §3).
    pub ramp_months: u32,
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
    /// The part of the one-off already spent (file version 3): sunk, so decisions look at
    /// what remains (DESIGN §3).
    pub one_off_spent: f64,
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
    /// The GPUs a self-hosted or distilled model runs on (DESIGN §12, file version 3):
    /// with it, the capacity and the reserved compute are derived from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu: Option<Gpu>,
    /// The other way to source the model, priced beside the pilot's own (DESIGN §12).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<Alternative>,
}

/// Hours in a month of GPU time (DESIGN §12: 8,760 ÷ 12).
pub const HOURS_PER_MONTH: f64 = 730.0;
/// Power usage effectiveness of a usual data centre: the default of [`Gpu::pue`].
pub const DEFAULT_PUE: f64 = 1.4;

/// Self-hosted capacity (DESIGN §12).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Gpu {
    /// How many GPUs are reserved.
    pub gpus: u32,
    /// Cost of one GPU per hour: rented, or the purchase amortised.
    pub hourly_cost: f64,
    /// Tasks one GPU completes per hour, sustained and measured (not peak).
    pub tasks_per_gpu_hour: f64,
    /// Power drawn by one GPU, in kW.
    pub power_kw: f64,
    /// Power usage effectiveness of the site (1 or more).
    pub pue: f64,
    /// Price of a kWh.
    pub price_per_kwh: f64,
    /// Hours a month people spend running it.
    pub ops_hours_per_month: f64,
    /// Their cost per hour; None = the pilot's hourly cost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ops_hourly_cost: Option<f64>,
}

impl Default for Gpu {
    fn default() -> Self {
        Gpu {
            gpus: 1,
            hourly_cost: 0.0,
            tasks_per_gpu_hour: 1.0,
            power_kw: 0.0,
            pue: DEFAULT_PUE,
            price_per_kwh: 0.0,
            ops_hours_per_month: 0.0,
            ops_hourly_cost: None,
        }
    }
}

/// The other option (DESIGN §12): for a self-hosted or distilled pilot the API prices it
/// could pay instead; for an API or wrapper pilot the GPUs it could run on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Alternative {
    /// Price per million input tokens of the API.
    pub price_per_million_input: f64,
    /// Price per million output tokens of the API.
    pub price_per_million_output: f64,
    /// The GPUs it could run on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpu: Option<Gpu>,
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
            ramp_months: 0,
            human_minutes_per_task: 0.0,
            hourly_cost: 0.0,
            human_error_rate: 0.0,
            cost_per_error: 0.0,
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
            one_off_spent: 0.0,
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
            gpu: None,
            alternative: None,
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

impl Finance {
    /// The months the cash flow runs over: the horizon, 1 to 120.
    pub fn cash_flow_months(&self) -> u32 {
        self.horizon_months.clamp(1, 120)
    }
}

impl Pilot {
    /// Somebody is named accountable for it (an owner of blanks names nobody).
    pub fn owner_named(&self) -> bool {
        !self.owner.trim().is_empty()
    }

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
