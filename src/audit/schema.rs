//! Every input of a pilot, described once (DESIGN §8): its path in the file format, the
//! label and unit people read, a hint, how it is entered, what is allowed, and how it is read
//! from and written into a [`Pilot`].
//!
//! Validation ([`Pilot::validate`]), the questionnaire, the report's appendix, the
//! sensitivity drivers and import errors all read this table. A new input is one entry here
//! (and, if people answer it, one line in the questionnaire's steps).

use crate::error::AppError;

use super::format;
use super::model::{
    Batch, Gpu, InputRange, InputStructure, OutputDestination, Pilot, Plan, Source, Sourcing,
};
use super::number::{fraction_of_percent, parse_number, parse_whole, show_number};
use super::reliability::MAX_CASES;
use serde::{de::DeserializeOwned, Serialize};

/// How the bounds of a number are said to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A fraction, typed and shown as a percentage.
    Rate,
    /// Money in the pilot's currency.
    Money,
    /// A quantity, with its unit in words (`tasks a month`).
    Count(&'static str),
}

/// What a number may be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberRule {
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Lowest value the engine judges as it is (an invalid pilot is brought up to it by
    /// [`Pilot::sanitized`]); `min` except where a lower value is a finding of its own
    /// (0 distinct tasks fails "One task").
    pub floor: f64,
    /// How the bounds are worded.
    pub measure: Measure,
    /// Only whole numbers (stored as an integer).
    pub integer: bool,
    /// A low/high range may be given for it (DESIGN §10).
    pub ranged: bool,
}

impl NumberRule {
    const fn new(min: f64, max: f64, measure: Measure) -> Self {
        NumberRule {
            min,
            max,
            floor: min,
            measure,
            integer: false,
            ranged: false,
        }
    }

    const fn whole(self) -> Self {
        NumberRule {
            integer: true,
            ..self
        }
    }

    const fn ranged(self) -> Self {
        NumberRule {
            ranged: true,
            ..self
        }
    }

    const fn judged_from(self, floor: f64) -> Self {
        NumberRule { floor, ..self }
    }

    fn bound_words(&self, value: f64) -> String {
        match self.measure {
            // Exact: the largest target is 99.9999%, not "100%".
            Measure::Rate => format!("{}%", show_number(value * 100.0)),
            Measure::Money | Measure::Count(_) => format::count(value),
        }
    }

    /// What is allowed, in the words of the file format (rates as fractions): "a fraction
    /// from 0.5 to 0.999999 (99.9% is written 0.999)".
    pub fn in_file_words(&self) -> String {
        let (min, max) = match self.measure {
            Measure::Rate => (show_number(self.min), show_number(self.max)),
            _ => (format::count(self.min), format::count(self.max)),
        };
        match self.measure {
            Measure::Rate => format!("a fraction from {min} to {max} (99.9% is written 0.999)"),
            Measure::Money => format!("an amount from {min} to {max}"),
            Measure::Count(words) if self.integer => {
                format!("a whole number of {words} from {min} to {max}")
            }
            Measure::Count(words) => format!("a number of {words} from {min} to {max}"),
        }
    }

    /// What a value in a file must be, when `value` is not a number of this kind at all;
    /// None when it is. Out of range is a draft's marked answer, not a wrong type: only what
    /// the stored whole number cannot hold is refused.
    pub fn wrong_type(&self, value: &serde_json::Value) -> Option<String> {
        let ok = if self.integer {
            value
                .as_u64()
                .is_some_and(|n| n as f64 <= self.max.max(u32::MAX as f64))
        } else {
            value.is_number()
        };
        (!ok).then(|| self.in_file_words())
    }

    /// What is wrong with `value`, in words, or None when it is allowed.
    pub fn check(&self, value: f64) -> Option<String> {
        let mut range = format!(
            "between {} and {}",
            self.bound_words(self.min),
            self.bound_words(self.max)
        );
        if let Measure::Count(words) = self.measure {
            if !words.is_empty() {
                range = format!("{range} {words}");
            }
        }
        if !value.is_finite() {
            Some(format!("must be a number {range}"))
        } else if value < self.min && self.min == 0.0 {
            Some("must be 0 or more".to_string())
        } else if value < self.min || value > self.max {
            Some(format!("must be {range}"))
        } else {
            None
        }
    }

    /// `value` brought to what the engine judges: NaN to the floor, ±∞ and values out of
    /// range to the nearest of floor and max.
    pub fn clamp(&self, value: f64) -> f64 {
        if value.is_nan() {
            self.floor
        } else {
            value.clamp(self.floor, self.max)
        }
    }

    /// The stored value as an input shows it (percentages ×100).
    pub fn show(&self, value: f64) -> String {
        match self.measure {
            Measure::Rate => show_number(value * 100.0),
            _ if self.integer => format!("{value:.0}"),
            _ => show_number(value),
        }
    }

    /// The value as a person reads it: the input's text, with "%" for a rate.
    pub fn shown(&self, value: f64) -> String {
        match self.measure {
            Measure::Rate => format!("{}%", self.show(value)),
            _ => self.show(value),
        }
    }

    /// What was typed as the value stored, or why it is not a value at all (ranges are
    /// checked by [`Pilot::validate`]).
    pub fn read(&self, text: &str) -> Result<f64, AppError> {
        if self.integer {
            let value = parse_whole(text)? as f64;
            return if value > self.max.max(u32::MAX as f64) {
                Err(AppError::NotAValue("that number is too large".to_string()))
            } else {
                Ok(value)
            };
        }
        let value = parse_number(text)?;
        Ok(match self.measure {
            Measure::Rate => fraction_of_percent(value),
            _ => value,
        })
    }
}

/// A choice among the variants of an enum of the model, each with the words people read.
/// The value in the file is the variant's serde name: written once, on the enum.
pub trait Choice: Copy + PartialEq + Serialize + DeserializeOwned + 'static {
    /// Every variant with its label, in the order offered.
    const OPTIONS: &'static [(Self, &'static str)];
}

/// The options a file may hold, as an import error says them: `one of “a”, “b”`.
pub fn one_of(options: &[(String, &'static str)]) -> String {
    let quoted: Vec<String> = options.iter().map(|(o, _)| format!("“{o}”")).collect();
    format!("one of {}", quoted.join(", "))
}

/// The file-format name of a value (`"semi_structured"`).
fn wire<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn options_of<T: Choice>() -> Vec<(String, &'static str)> {
    T::OPTIONS.iter().map(|(v, l)| (wire(v), *l)).collect()
}

/// Through the same deserializer as whole pilots (`pilot_from_json`), so the app carries one
/// copy of each option's parser.
fn read_choice<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
}

impl Choice for InputStructure {
    const OPTIONS: &'static [(Self, &'static str)] = &[
        (Self::Structured, "Structured: forms and fixed fields"),
        (
            Self::SemiStructured,
            "Semi-structured: known documents, varying layout",
        ),
        (Self::FreeForm, "Free-form: anything a person might write"),
    ];
}

impl Choice for Source {
    const OPTIONS: &'static [(Self, &'static str)] = &[
        (Self::BuyerSample, "A sample of our own cases"),
        (Self::BuyerProduction, "Our own production measurements"),
        (Self::VendorTest, "A test the vendor ran"),
    ];
}

impl Choice for OutputDestination {
    const OPTIONS: &'static [(Self, &'static str)] = &[
        (Self::CopyPaste, "A person copies it into the real system"),
        (Self::StandaloneTool, "A separate tool people open"),
        (
            Self::SystemOfRecordApi,
            "Written into the system of record by API",
        ),
        (Self::AutomatedWorkflow, "Part of an automated workflow"),
    ];
}

impl Choice for Sourcing {
    const OPTIONS: &'static [(Self, &'static str)] = &[
        (Self::ThirdPartyApi, "A third-party model API"),
        (
            Self::VendorWrapper,
            "A vendor product wrapping someone else's API",
        ),
        (Self::SelfHostedOpenModel, "An open model we host"),
        (
            Self::DistilledSmallModel,
            "A small model distilled for this task",
        ),
    ];
}

/// Currencies offered in the questionnaire; any ISO 4217 code is accepted from a file.
const CURRENCIES: &[(&str, &str)] = &[
    ("USD", "US dollar (USD)"),
    ("EUR", "Euro (EUR)"),
    ("GBP", "Pound sterling (GBP)"),
    ("CHF", "Swiss franc (CHF)"),
    ("JPY", "Japanese yen (JPY)"),
    ("CAD", "Canadian dollar (CAD)"),
    ("AUD", "Australian dollar (AUD)"),
    ("INR", "Indian rupee (INR)"),
];

fn currency_options() -> Vec<(String, &'static str)> {
    CURRENCIES
        .iter()
        .map(|(c, l)| (c.to_string(), *l))
        .collect()
}

/// A well-formed ISO 4217 code: three capital letters (`USD`, `EUR`).
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Values a choice allows beyond its options.
#[derive(Clone, Copy)]
pub struct OtherValues {
    /// True for an allowed value.
    pub accepts: fn(&str) -> bool,
    /// What is allowed, in words ("must be …").
    pub rule: &'static str,
}

/// How an input is entered, what is allowed, and how it is read and written.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Text, with a length cap in characters.
    Text {
        /// Longest allowed, in characters.
        cap: usize,
        /// Must not be empty.
        required: bool,
        /// Several lines.
        long: bool,
        /// Read.
        get: fn(&Pilot) -> &str,
        /// Write.
        set: fn(&mut Pilot, String),
    },
    /// An RFC 3339 date and time, or empty.
    Stamp {
        /// Read.
        get: fn(&Pilot) -> &str,
    },
    /// A number.
    Number {
        /// What is allowed.
        rule: NumberRule,
        /// Read (integers widened to f64).
        get: fn(&Pilot) -> f64,
        /// Write (integers: a whole, in-range value is expected).
        set: fn(&mut Pilot, f64),
    },
    /// One of a few choices: (value in the file, label).
    Choice {
        /// The options offered.
        options: fn() -> Vec<(String, &'static str)>,
        /// Read, as the value in the file.
        get: fn(&Pilot) -> String,
        /// Write a value in the file's words; false when it is not one.
        set: fn(&mut Pilot, &str) -> bool,
        /// Values beyond the options that are allowed too (currency codes), if any.
        other: Option<OtherValues>,
    },
    /// Yes or no.
    Check {
        /// Read.
        get: fn(&Pilot) -> bool,
        /// Write.
        set: fn(&mut Pilot, bool),
    },
}

/// One input of a pilot.
pub struct FieldSpec {
    /// Which input.
    pub field: Field,
    /// Path in the file format, e.g. `task.monthly_volume`.
    pub path: &'static str,
    /// What people call it: "Monthly volume".
    pub label: &'static str,
    /// Its unit in words, "" for none; "money" stands for the pilot's currency.
    pub unit: &'static str,
    /// One sentence of help.
    pub hint: &'static str,
    /// How it is entered, what is allowed, read and write.
    pub kind: Kind,
}

impl FieldSpec {
    /// The label with its unit, "money" given as the currency: "Hourly cost (EUR an hour)".
    pub fn label_with_unit(&self, currency: &str) -> String {
        if self.unit.is_empty() {
            self.label.to_string()
        } else {
            format!("{} ({})", self.label, self.unit.replace("money", currency))
        }
    }

    /// The element id of its input: `f-task-monthly_volume`.
    pub fn input_id(&self) -> String {
        format!("f-{}", self.path.replace('.', "-"))
    }

    /// The number rule, for number inputs.
    pub fn number_rule(&self) -> Option<&NumberRule> {
        match &self.kind {
            Kind::Number { rule, .. } => Some(rule),
            _ => None,
        }
    }

    /// Read and write, for number inputs.
    pub fn number_access(&self) -> Option<NumberAccess> {
        match self.kind {
            Kind::Number { get, set, .. } => Some((get, set)),
            _ => None,
        }
    }

    /// The current value as the input shows it.
    pub fn input_value(&self, pilot: &Pilot) -> String {
        match self.kind {
            Kind::Text { get, .. } | Kind::Stamp { get } => get(pilot).to_string(),
            Kind::Number { rule, get, .. } => rule.show(get(pilot)),
            Kind::Choice { get, .. } => get(pilot),
            Kind::Check { get, .. } => get(pilot).to_string(),
        }
    }

    /// Write what was typed or picked; Err says why it is not a value at all (ranges are
    /// checked by [`Pilot::validate`]).
    pub fn write(&self, pilot: &mut Pilot, text: &str) -> Result<(), AppError> {
        match self.kind {
            Kind::Text { set, .. } => set(pilot, text.to_string()),
            Kind::Stamp { .. } => {
                return Err(AppError::NotAValue("this is set by the app".to_string()))
            }
            Kind::Number { rule, set, .. } => set(pilot, rule.read(text)?),
            Kind::Choice { set, .. } => {
                if !set(pilot, text) {
                    return Err(AppError::NotAValue("choose one of the options".to_string()));
                }
            }
            Kind::Check { set, .. } => match text {
                "true" => set(pilot, true),
                "false" => set(pilot, false),
                _ => return Err(AppError::NotAValue("choose yes or no".to_string())),
            },
        }
        Ok(())
    }

    /// The answer as a person reads it: percentages with %, choices by label, yes/no.
    pub fn shown(&self, pilot: &Pilot) -> String {
        let raw = self.input_value(pilot);
        match self.kind {
            Kind::Number { rule, get, .. } => rule.shown(get(pilot)),
            Kind::Choice { options, .. } => options()
                .into_iter()
                .find(|(value, _)| *value == raw)
                .map_or(raw, |(_, label)| label.to_string()),
            Kind::Check { .. } => if raw == "true" { "Yes" } else { "No" }.to_string(),
            _ if raw.trim().is_empty() => "Not given".to_string(),
            _ => raw,
        }
    }
}

/// Read and write of a text input.
pub type TextAccess = (fn(&Pilot) -> &str, fn(&mut Pilot, String));
/// Read and write of a number input (integers widened to f64).
pub type NumberAccess = (fn(&Pilot) -> f64, fn(&mut Pilot, f64));

/// Read and write of a text field: `text!(task.description)`.
macro_rules! text {
    ($($f:ident).+) => {
        (|p: &Pilot| p.$($f).+.as_str(), |p: &mut Pilot, v: String| p.$($f).+ = v)
    };
}

/// Read and write of a number field, integers widened: `number!(task.monthly_volume)`.
macro_rules! number {
    ($($f:ident).+) => {
        (|p: &Pilot| p.$($f).+ as f64, |p: &mut Pilot, v: f64| p.$($f).+ = v as _)
    };
}

/// Read and write of a yes/no field.
macro_rules! check {
    ($($f:ident).+) => {
        Kind::Check { get: |p: &Pilot| p.$($f).+, set: |p: &mut Pilot, v: bool| p.$($f).+ = v }
    };
}

/// A choice among the variants of a model enum.
macro_rules! choice {
    ($t:ty, $($f:ident).+) => {
        Kind::Choice {
            options: options_of::<$t>,
            get: |p: &Pilot| wire(&p.$($f).+),
            set: |p: &mut Pilot, v: &str| match read_choice::<$t>(v) {
                Some(value) => { p.$($f).+ = value; true }
                None => false,
            },
            other: None,
        }
    };
}

const fn text_kind(cap: usize, required: bool, long: bool, (get, set): TextAccess) -> Kind {
    Kind::Text {
        cap,
        required,
        long,
        get,
        set,
    }
}

const fn number_kind(rule: NumberRule, (get, set): NumberAccess) -> Kind {
    Kind::Number { rule, get, set }
}

use Measure::{Count, Money, Rate};

/// A reliability target, the pilot's or a plan's.
const TARGET_RULE: NumberRule = NumberRule::new(0.5, 0.999_999, Rate);
/// A confidence, the pilot's or a plan's.
const CONFIDENCE_RULE: NumberRule = NumberRule::new(0.5, 0.9999, Rate);

/// Money up to a trillion.
const MONEY_MAX: f64 = 1e12;
/// Minutes of work per task, up to 100,000.
const MINUTES_MAX: f64 = 100_000.0;

/// The table: each input once, in the order of the file format.
macro_rules! schema {
    ($($(#[$doc:meta])* $variant:ident: $path:literal, $label:literal, $unit:literal, $hint:literal, $kind:expr;)*) => {
        /// Every input of a pilot, in the order of the file format.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field {
            $($(#[$doc])* $variant,)*
        }

        impl Field {
            /// Every input, in file order.
            pub const ALL: &'static [Field] = &[$(Field::$variant),*];

            /// The description of this input.
            pub fn spec(self) -> &'static FieldSpec {
                match self {
                    $(Field::$variant => {
                        const SPEC: FieldSpec = FieldSpec {
                            field: Field::$variant,
                            path: $path,
                            label: $label,
                            unit: $unit,
                            hint: $hint,
                            kind: $kind,
                        };
                        &SPEC
                    })*
                }
            }
        }
    };
}

schema! {
    /// Unique, stable id.
    Id: "id", "Id", "", "Set by the app.", text_kind(100, true, false, text!(id));
    /// The pilot's name.
    Name: "name", "Pilot name", "", "What your organisation calls this pilot.",
        text_kind(200, true, false, text!(name));
    /// Who builds or sells it.
    Vendor: "vendor", "Vendor", "", "Who builds or sells it; leave empty if it is built in-house.",
        text_kind(200, false, false, text!(vendor));
    /// The accountable owner.
    Owner: "owner", "Accountable owner", "",
        "The person who will take it to production. Leave empty if nobody is named yet.",
        text_kind(200, false, false, text!(owner));
    /// Free notes.
    Notes: "notes", "Notes", "", "Anything the steering committee should know.",
        text_kind(10_000, false, true, text!(notes));
    /// ISO 4217 currency of every money figure.
    Currency: "currency", "Currency", "", "Every money figure of this pilot is in this currency.",
        Kind::Choice {
            options: currency_options,
            get: |p: &Pilot| p.currency.clone(),
            set: |p: &mut Pilot, v: &str| {
                p.currency = v.to_string();
                true
            },
            other: Some(OtherValues {
                accepts: is_currency_code,
                rule: "must be a three-letter ISO 4217 code such as USD or EUR",
            }),
        };
    /// When the pilot was created.
    CreatedAt: "created_at", "Created", "", "Set by the app.", Kind::Stamp { get: |p: &Pilot| p.created_at.as_str() };
    /// When the pilot last changed.
    UpdatedAt: "updated_at", "Last changed", "", "Set by the app.", Kind::Stamp { get: |p: &Pilot| p.updated_at.as_str() };
    /// The task, in the buyer's words.
    TaskDescription: "task.description", "The task", "", "The one job the pilot does, in a sentence.",
        text_kind(5_000, false, true, text!(task.description));
    /// How many different jobs the pilot does.
    DistinctTasks: "task.distinct_tasks", "Distinct tasks", "count",
        "How many different jobs the pilot is asked to do. One is the standard.",
        number_kind(NumberRule::new(1.0, 1000.0, Count("tasks")).whole().judged_from(0.0), number!(task.distinct_tasks));
    /// How regular the input is.
    InputStructure: "task.input_structure", "Input", "", "How regular the input of the task is.",
        choice!(InputStructure, task.input_structure);
    /// Task executions per month.
    MonthlyVolume: "task.monthly_volume", "Monthly volume", "tasks a month",
        "How many times the task is done in a month.",
        number_kind(NumberRule::new(0.0, 1e9, Count("tasks a month")).ranged(), number!(task.monthly_volume));
    /// Months to full volume.
    RampMonths: "task.ramp_months", "Months to full volume", "months",
        "How many months the pilot takes to reach that volume once live: month 1 serves a share, the volume grows evenly, and fixed costs run in full from month 1. 0 = full volume from the first month.",
        number_kind(NumberRule::new(0.0, 24.0, Count("months")).whole(), number!(task.ramp_months));
    /// Minutes a person spends on one task.
    HumanMinutesPerTask: "task.human_minutes_per_task", "Human time per task", "minutes",
        "Minutes a person spends on one task today.",
        number_kind(NumberRule::new(0.0, MINUTES_MAX, Count("minutes")).ranged(), number!(task.human_minutes_per_task));
    /// Fully loaded cost of that person per hour.
    HourlyCost: "task.hourly_cost", "Hourly cost", "money an hour",
        "Fully loaded cost of that person per hour.",
        number_kind(NumberRule::new(0.0, 1e6, Money).ranged(), number!(task.hourly_cost));
    /// Share of tasks people get wrong today.
    HumanErrorRate: "task.human_error_rate", "Human error rate", "%",
        "Share of tasks people get wrong today.",
        number_kind(NumberRule::new(0.0, 1.0, Rate).ranged(), number!(task.human_error_rate));
    /// Cost of one error that reaches the business.
    CostPerError: "task.cost_per_error", "Cost per error", "money",
        "What one error costs once it reaches the business.",
        number_kind(NumberRule::new(0.0, 1e9, Money).ranged(), number!(task.cost_per_error));
    /// Success rate the business needs.
    Target: "reliability.target", "Reliability target", "%",
        "Share of tasks the pilot must get right. The standard is 99.9%.",
        number_kind(TARGET_RULE, number!(reliability.target));
    /// Confidence wanted in the bound.
    Confidence: "reliability.confidence", "Confidence", "%",
        "How sure the evidence must make you. 95% is usual.",
        number_kind(CONFIDENCE_RULE, number!(reliability.confidence));
    /// Share of AI failures caught before harm.
    FailureDetectionRate: "reliability.failure_detection_rate", "Failures caught", "%",
        "Share of the pilot's failures caught before they cause harm.",
        number_kind(NumberRule::new(0.0, 1.0, Rate), number!(reliability.failure_detection_rate));
    /// Share of AI outputs a person reviews.
    ReviewShare: "reliability.review_share", "Outputs reviewed", "%",
        "Share of the pilot's outputs a person checks.",
        number_kind(NumberRule::new(0.0, 1.0, Rate), number!(reliability.review_share));
    /// Minutes a person spends reviewing one output.
    ReviewMinutesPerTask: "reliability.review_minutes_per_task", "Review time", "minutes per reviewed task",
        "Minutes a person spends checking one output.",
        number_kind(NumberRule::new(0.0, MINUTES_MAX, Count("minutes")), number!(reliability.review_minutes_per_task));
    /// Where the output lands.
    OutputDestination: "integration.output_destination", "Where the output lands", "",
        "Where the pilot's answer goes.",
        choice!(OutputDestination, integration.output_destination);
    /// An escalation path to a person exists.
    FallbackToHuman: "integration.fallback_to_human", "A person takes over when the pilot is unsure", "",
        "An escalation path to a person exists.", check!(integration.fallback_to_human);
    /// Production quality is measured continuously.
    Monitoring: "integration.monitoring", "Production quality is monitored", "",
        "Quality is measured continuously, not once.", check!(integration.monitoring);
    /// A dated plan to production exists.
    DeploymentPlan: "integration.deployment_plan", "A dated plan to production exists", "",
        "Dates and steps, not a press release.", check!(integration.deployment_plan);
    /// Build, integration and change management, paid once.
    OneOffCost: "integration.one_off_cost", "One-off cost", "money",
        "Build, integration and change management, paid once.",
        number_kind(NumberRule::new(0.0, MONEY_MAX, Money).ranged(), number!(integration.one_off_cost));
    /// The part of the one-off already spent.
    OneOffSpent: "integration.one_off_spent", "One-off already spent", "money",
        "The part of the one-off cost already paid. It is gone whatever you decide, so the decision weighs only what is still to spend; the report shows both.",
        number_kind(NumberRule::new(0.0, MONEY_MAX, Money), number!(integration.one_off_spent));
    /// Upkeep per month.
    MonthlyMaintenance: "integration.monthly_maintenance", "Maintenance", "money a month",
        "Upkeep of the integration each month.",
        number_kind(NumberRule::new(0.0, MONEY_MAX, Money).ranged(), number!(integration.monthly_maintenance));
    /// Where the model comes from.
    Sourcing: "compute.sourcing", "Model", "", "Where the model comes from.",
        choice!(Sourcing, compute.sourcing);
    /// Input tokens per task.
    InputTokensPerTask: "compute.input_tokens_per_task", "Input tokens per task", "tokens",
        "Prompt and context sent for one task.",
        number_kind(NumberRule::new(0.0, 1e8, Count("tokens")), number!(compute.input_tokens_per_task));
    /// Output tokens per task.
    OutputTokensPerTask: "compute.output_tokens_per_task", "Output tokens per task", "tokens",
        "Tokens the model writes for one task.",
        number_kind(NumberRule::new(0.0, 1e8, Count("tokens")), number!(compute.output_tokens_per_task));
    /// Price per million input tokens.
    PricePerMillionInput: "compute.price_per_million_input", "Price of input tokens", "money per million",
        "Leave 0 for a model you host.",
        number_kind(NumberRule::new(0.0, 1e6, Money).ranged(), number!(compute.price_per_million_input));
    /// Price per million output tokens.
    PricePerMillionOutput: "compute.price_per_million_output", "Price of output tokens", "money per million",
        "Leave 0 for a model you host.",
        number_kind(NumberRule::new(0.0, 1e6, Money).ranged(), number!(compute.price_per_million_output));
    /// Reserved GPUs or servers per month.
    MonthlyFixedCompute: "compute.monthly_fixed_compute", "Reserved compute", "money a month",
        "GPUs or servers paid for whether used or not.",
        number_kind(NumberRule::new(0.0, MONEY_MAX, Money).ranged(), number!(compute.monthly_fixed_compute));
    /// Capacity paid for; 0 = pay per use.
    ProvisionedTasksPerMonth: "compute.provisioned_tasks_per_month", "Reserved capacity", "tasks a month",
        "Tasks a month the reserved compute can run; 0 if you pay per use.",
        number_kind(NumberRule::new(0.0, 1e12, Count("tasks a month")), number!(compute.provisioned_tasks_per_month));
    /// Licence per month.
    MonthlyLicence: "compute.monthly_licence", "Licence", "money a month",
        "What the vendor charges each month.",
        number_kind(NumberRule::new(0.0, MONEY_MAX, Money).ranged(), number!(compute.monthly_licence));
    /// The pilot runs on data only this buyer has.
    ProprietaryData: "compute.proprietary_data", "It runs on data only we have", "",
        "Proprietary data is what others cannot copy.", check!(compute.proprietary_data);
    /// Annual discount rate.
    DiscountRate: "finance.discount_rate", "Discount rate", "% a year",
        "What money a year from now is worth less. 10% is usual.",
        number_kind(NumberRule::new(0.0, 1.0, Rate), number!(finance.discount_rate));
    /// Months the analysis covers.
    HorizonMonths: "finance.horizon_months", "Horizon", "months",
        "How far ahead the cash flow is counted, 1 to 120 months.",
        number_kind(NumberRule::new(1.0, 120.0, Count("months")).whole(), number!(finance.horizon_months));
}

impl Field {
    /// The input at `path` in the file format.
    pub fn at(path: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.spec().path == path)
    }

    /// The inputs that take a low/high range (DESIGN §10), in file order.
    pub fn ranged() -> impl Iterator<Item = Field> {
        Field::ALL
            .iter()
            .copied()
            .filter(|f| f.spec().takes_range())
    }

    /// The input that takes a range at `path`, if it does.
    pub fn ranged_at(path: &str) -> Option<Field> {
        Field::at(path).filter(|f| f.spec().takes_range())
    }
}

/// One end of an input's range (DESIGN §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeEnd {
    /// The lowest it plausibly is.
    Low,
    /// The highest it plausibly is.
    High,
}

impl RangeEnd {
    /// Both ends, low first.
    pub const BOTH: [RangeEnd; 2] = [RangeEnd::Low, RangeEnd::High];

    /// Name in the file format: `low`, `high`.
    pub fn name(self) -> &'static str {
        match self {
            RangeEnd::Low => "low",
            RangeEnd::High => "high",
        }
    }

    /// What people call it.
    pub fn label(self) -> &'static str {
        match self {
            RangeEnd::Low => "Low end",
            RangeEnd::High => "High end",
        }
    }

    /// Read this end of a range.
    pub fn get(self, range: &InputRange) -> f64 {
        match self {
            RangeEnd::Low => range.low,
            RangeEnd::High => range.high,
        }
    }

    /// Write this end of a range.
    pub fn set(self, range: &mut InputRange, value: f64) {
        match self {
            RangeEnd::Low => range.low = value,
            RangeEnd::High => range.high = value,
        }
    }
}

impl FieldSpec {
    /// True when a low/high range may be given for it (DESIGN §10).
    pub fn takes_range(&self) -> bool {
        self.number_rule().is_some_and(|r| r.ranged)
    }

    /// Its range on `pilot`, if it takes one and one is given.
    pub fn range(&self, pilot: &Pilot) -> Option<InputRange> {
        self.takes_range()
            .then(|| pilot.ranges.get(self.path).copied())
            .flatten()
    }

    /// What was typed into one end of its range, written onto `pilot` (a range is created
    /// at the answer when there is none); Err says why it is not a value at all.
    pub fn write_range(
        &self,
        pilot: &mut Pilot,
        end: RangeEnd,
        text: &str,
    ) -> Result<(), AppError> {
        let (Some(rule), Some((get, _))) = (self.number_rule(), self.number_access()) else {
            return Err(AppError::NotAValue(
                "this answer takes no range".to_string(),
            ));
        };
        if !rule.ranged {
            return Err(AppError::NotAValue(
                "this answer takes no range".to_string(),
            ));
        }
        let value = rule.read(text)?;
        let answer = get(pilot);
        let range = pilot
            .ranges
            .entry(self.path.to_string())
            .or_insert(InputRange {
                low: answer,
                high: answer,
            });
        end.set(range, value);
        Ok(())
    }

    /// The answer as a person reads it, with its range when it has one:
    /// "1,000 (800 to 1,500)".
    pub fn shown_with_range(&self, pilot: &Pilot) -> String {
        let answer = self.shown(pilot);
        match (self.range(pilot), self.number_rule()) {
            (Some(range), Some(rule)) => {
                format!(
                    "{answer} ({} to {})",
                    rule.shown(range.low),
                    rule.shown(range.high)
                )
            }
            _ => answer,
        }
    }
}

/// An input of one entry of a list in a pilot: a batch of the evidence log, a test plan
/// (DESIGN §9). Its path is the list's, the entry's index and its name:
/// `reliability.batches[3].failures`.
pub struct EntrySpec<T: 'static> {
    /// Name in the file format (`failures`).
    pub name: &'static str,
    /// What people call it.
    pub label: &'static str,
    /// Unit in words, "" for none.
    pub unit: &'static str,
    /// One sentence of help.
    pub hint: &'static str,
    /// How it is entered, what is allowed, read and write.
    pub kind: EntryKind<T>,
}

/// What an entry's date records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// When something happened: no later than today.
    Past,
    /// When a plan was set: no later than today, written by the app (a changed plan is a
    /// new plan set today), never typed.
    SetOn,
    /// A deadline: any date, also a future one.
    Deadline,
}

/// How an entry's input is entered and what it allows.
pub enum EntryKind<T: 'static> {
    /// A date, `YYYY-MM-DD`; "" allowed when `optional`.
    Date {
        /// May be empty.
        optional: bool,
        /// What the date records: what it allows, who writes it.
        role: DateRole,
        /// Read.
        get: fn(&T) -> &str,
        /// Write.
        set: fn(&mut T, String),
    },
    /// A number.
    Number {
        /// What is allowed.
        rule: NumberRule,
        /// Read (integers widened).
        get: fn(&T) -> f64,
        /// Write.
        set: fn(&mut T, f64),
    },
    /// A number that may be left empty (None).
    MaybeNumber {
        /// What is allowed when given.
        rule: NumberRule,
        /// Read.
        get: fn(&T) -> Option<f64>,
        /// Write.
        set: fn(&mut T, Option<f64>),
    },
    /// One of a few choices.
    Choice {
        /// (value in the file, label).
        options: fn() -> Vec<(String, &'static str)>,
        /// Read, as the value in the file.
        get: fn(&T) -> String,
        /// Write; false when not an option.
        set: fn(&mut T, &str) -> bool,
    },
    /// Text with a length cap.
    Text {
        /// Longest allowed, in characters.
        cap: usize,
        /// Read.
        get: fn(&T) -> &str,
        /// Write.
        set: fn(&mut T, String),
    },
}

impl<T> EntrySpec<T> {
    /// The role of its date, for dates.
    pub fn date_role(&self) -> Option<DateRole> {
        match self.kind {
            EntryKind::Date { role, .. } => Some(role),
            _ => None,
        }
    }

    /// The label with its unit, money in `currency`.
    pub fn label_with_unit(&self, currency: &str) -> String {
        if self.unit.is_empty() {
            self.label.to_string()
        } else {
            format!("{} ({})", self.label, self.unit.replace("money", currency))
        }
    }

    /// The value as its input shows it.
    pub fn input_value(&self, entry: &T) -> String {
        match &self.kind {
            EntryKind::Date { get, .. } | EntryKind::Text { get, .. } => get(entry).to_string(),
            EntryKind::Number { rule, get, .. } => rule.show(get(entry)),
            EntryKind::MaybeNumber { rule, get, .. } => {
                get(entry).map_or_else(String::new, |v| rule.show(v))
            }
            EntryKind::Choice { get, .. } => get(entry),
        }
    }

    /// The value as a person reads it.
    pub fn shown(&self, entry: &T) -> String {
        let raw = self.input_value(entry);
        match &self.kind {
            EntryKind::Number { rule, get, .. } => rule.shown(get(entry)),
            EntryKind::MaybeNumber { rule, get, .. } => {
                get(entry).map_or_else(|| "not given".to_string(), |v| rule.shown(v))
            }
            EntryKind::Choice { options, .. } => options()
                .into_iter()
                .find(|(v, _)| *v == raw)
                .map_or(raw, |(_, label)| label.to_string()),
            EntryKind::Date { .. } if raw.is_empty() => "not recorded".to_string(),
            _ => raw,
        }
    }

    /// Write what was typed or picked; Err says why it is not a value at all.
    pub fn write(&self, entry: &mut T, text: &str) -> Result<(), AppError> {
        match &self.kind {
            EntryKind::Date { set, .. } | EntryKind::Text { set, .. } => {
                set(entry, text.trim().to_string())
            }
            EntryKind::Number { rule, set, .. } => set(entry, rule.read(text)?),
            EntryKind::MaybeNumber { rule, set, .. } => {
                let value = match text.trim() {
                    "" => None,
                    text => Some(rule.read(text)?),
                };
                set(entry, value);
            }
            EntryKind::Choice { set, .. } => {
                if !set(entry, text) {
                    return Err(AppError::NotAValue("choose one of the options".to_string()));
                }
            }
        }
        Ok(())
    }

    /// What is wrong with the value, in words, or None (`today` for dates).
    pub fn problem(&self, entry: &T, today: &str) -> Option<String> {
        match &self.kind {
            EntryKind::Date {
                optional,
                role,
                get,
                ..
            } => {
                let d = get(entry);
                if d.is_empty() {
                    (!optional).then(|| "must be a date written YYYY-MM-DD".to_string())
                } else if !super::date::is_date(d) {
                    Some("must be a date written YYYY-MM-DD, such as 2026-03-31".to_string())
                } else if d > today && *role != DateRole::Deadline {
                    Some(format!("must not be later than today ({today})"))
                } else {
                    None
                }
            }
            EntryKind::Number { rule, get, .. } => rule.check(get(entry)),
            EntryKind::MaybeNumber { rule, get, .. } => get(entry).and_then(|v| rule.check(v)),
            EntryKind::Choice { options, get, .. } => {
                let v = get(entry);
                (!options().iter().any(|(o, _)| *o == v))
                    .then(|| "must be one of the options".to_string())
            }
            EntryKind::Text { cap, get, .. } => {
                let chars = get(entry).chars().count();
                (chars > *cap).then(|| {
                    format!(
                        "must be at most {} characters (it has {})",
                        format::count(*cap as f64),
                        format::count(chars as f64)
                    )
                })
            }
        }
    }

    /// What a value of this input must be in a file, when `value` is not one; None when it is.
    pub fn wrong_type(&self, value: &serde_json::Value) -> Option<String> {
        match &self.kind {
            EntryKind::Date { .. } => {
                (!value.is_string()).then(|| "a date written YYYY-MM-DD".to_string())
            }
            EntryKind::Text { .. } => (!value.is_string()).then(|| "text".to_string()),
            EntryKind::Number { rule, .. } => rule.wrong_type(value),
            EntryKind::MaybeNumber { rule, .. } if !value.is_null() => rule.wrong_type(value),
            EntryKind::MaybeNumber { .. } => None,
            EntryKind::Choice { options, .. } => {
                let options = options();
                match value.as_str() {
                    Some(v) if options.iter().any(|(o, _)| o == v) => None,
                    _ => Some(one_of(&options)),
                }
            }
        }
    }
}

impl<T> EntrySpec<T> {
    /// Bring a number of `entry` to what the engine judges ([`NumberRule::clamp`]); other
    /// inputs are left as they are.
    pub fn clamp(&self, entry: &mut T) {
        match self.kind {
            EntryKind::Number { rule, get, set } => set(entry, rule.clamp(get(entry))),
            EntryKind::MaybeNumber { rule, get, set } => {
                set(entry, get(entry).map(|v| rule.clamp(v)))
            }
            _ => {}
        }
    }
}

/// Most batches a log holds.
pub const MAX_BATCHES: usize = 10_000;
/// Most plans a pilot keeps.
pub const MAX_PLANS: usize = 100;
/// Most failures a plan allows.
pub const MAX_ALLOWED_FAILURES: f64 = 20.0;

/// The inputs of a batch of the evidence log, in file order.
pub const BATCH_FIELDS: [EntrySpec<Batch>; 6] = [
    EntrySpec {
        name: "date",
        label: "Date",
        unit: "",
        hint: "When the cases were checked, YYYY-MM-DD.",
        kind: EntryKind::Date {
            optional: true,
            role: DateRole::Past,
            get: |b| &b.date,
            set: |b, v| b.date = v,
        },
    },
    EntrySpec {
        name: "cases",
        label: "Cases",
        unit: "count",
        hint: "Cases checked against the right answer in this batch.",
        kind: EntryKind::Number {
            rule: NumberRule::new(1.0, MAX_CASES as f64, Count("cases")).whole(),
            get: |b| b.cases as f64,
            set: |b, v| b.cases = v as u64,
        },
    },
    EntrySpec {
        name: "failures",
        label: "Failures",
        unit: "count",
        hint: "Of those cases, how many the pilot got wrong.",
        kind: EntryKind::Number {
            rule: NumberRule::new(0.0, MAX_CASES as f64, Count("failures")).whole(),
            get: |b| b.failures as f64,
            set: |b, v| b.failures = v as u64,
        },
    },
    EntrySpec {
        name: "source",
        label: "Source",
        unit: "",
        hint: "Only your own cases can demonstrate reliability.",
        kind: EntryKind::Choice {
            options: options_of::<Source>,
            get: |b| wire(&b.source),
            set: |b, v| match read_choice::<Source>(v) {
                Some(s) => {
                    b.source = s;
                    true
                }
                None => false,
            },
        },
    },
    EntrySpec {
        name: "model_version",
        label: "Model version",
        unit: "",
        hint: "The model or prompt version checked; a new version starts the count again.",
        kind: EntryKind::Text {
            cap: 100,
            get: |b| &b.model_version,
            set: |b, v| b.model_version = v,
        },
    },
    EntrySpec {
        name: "note",
        label: "Note",
        unit: "",
        hint: "What was checked, by whom.",
        kind: EntryKind::Text {
            cap: 1_000,
            get: |b| &b.note,
            set: |b, v| b.note = v,
        },
    },
];

/// The pilot's own price inputs an API as the other option is priced with (DESIGN §12),
/// under `compute.alternative`: [`Path::alternative_price`](super::path::Path::alternative_price).
pub const ALTERNATIVE_PRICES: [Field; 2] =
    [Field::PricePerMillionInput, Field::PricePerMillionOutput];

/// The purchase price of one GPU, for the helper that amortises it (DESIGN §12; not kept).
pub const PURCHASE_PRICE_RULE: NumberRule = NumberRule::new(0.0, 1e8, Money);
/// The months of life a purchase is spread over, for the same helper.
pub const MONTHS_OF_LIFE_RULE: NumberRule = NumberRule::new(1.0, 240.0, Count("months")).whole();

/// The inputs of a GPU block (DESIGN §12), in file order.
pub const GPU_FIELDS: [EntrySpec<Gpu>; 8] = [
    EntrySpec {
        name: "gpus",
        label: "GPUs",
        unit: "count",
        hint: "How many GPUs are reserved for the pilot.",
        kind: EntryKind::Number {
            rule: NumberRule::new(1.0, 100_000.0, Count("GPUs")).whole(),
            get: |p| f64::from(p.gpus),
            set: |p, v| p.gpus = v as u32,
        },
    },
    EntrySpec {
        name: "hourly_cost",
        label: "Cost per GPU-hour",
        unit: "money an hour",
        hint: "Rented, or the purchase amortised: price ÷ months of life ÷ 730.",
        kind: EntryKind::Number {
            rule: NumberRule::new(0.0, 10_000.0, Money),
            get: |p| p.hourly_cost,
            set: |p, v| p.hourly_cost = v,
        },
    },
    EntrySpec {
        name: "tasks_per_gpu_hour",
        label: "Tasks per GPU-hour",
        unit: "tasks an hour",
        hint: "Sustained throughput of one GPU on this task, measured, not the peak.",
        kind: EntryKind::Number {
            rule: NumberRule::new(1.0, 1e9, Count("tasks an hour")),
            get: |p| p.tasks_per_gpu_hour,
            set: |p, v| p.tasks_per_gpu_hour = v,
        },
    },
    EntrySpec {
        name: "power_kw",
        label: "Power per GPU",
        unit: "kW",
        hint: "What one GPU draws under load, in kilowatts.",
        kind: EntryKind::Number {
            rule: NumberRule::new(0.0, 100.0, Count("kW")),
            get: |p| p.power_kw,
            set: |p, v| p.power_kw = v,
        },
    },
    EntrySpec {
        name: "pue",
        label: "PUE",
        unit: "ratio",
        hint: "Power usage effectiveness of the site: 1 or more, 1.4 is usual.",
        kind: EntryKind::Number {
            rule: NumberRule::new(1.0, 5.0, Count("")),
            get: |p| p.pue,
            set: |p, v| p.pue = v,
        },
    },
    EntrySpec {
        name: "price_per_kwh",
        label: "Electricity price",
        unit: "money per kWh",
        hint: "What a kilowatt-hour costs; 0 when power is in the hourly cost.",
        kind: EntryKind::Number {
            rule: NumberRule::new(0.0, 100.0, Money),
            get: |p| p.price_per_kwh,
            set: |p, v| p.price_per_kwh = v,
        },
    },
    EntrySpec {
        name: "ops_hours_per_month",
        label: "Operations time",
        unit: "hours a month",
        hint: "Hours a month people spend running the GPUs.",
        kind: EntryKind::Number {
            rule: NumberRule::new(0.0, 100_000.0, Count("hours a month")),
            get: |p| p.ops_hours_per_month,
            set: |p, v| p.ops_hours_per_month = v,
        },
    },
    EntrySpec {
        name: "ops_hourly_cost",
        label: "Operations hourly cost",
        unit: "money an hour",
        hint:
            "What an hour of the people running the GPUs costs; empty for the pilot's hourly cost.",
        kind: EntryKind::MaybeNumber {
            rule: NumberRule::new(0.0, 1e6, Money),
            get: |p| p.ops_hourly_cost,
            set: |p, v| p.ops_hourly_cost = v,
        },
    },
];

/// The inputs of a test plan, in file order.
pub const PLAN_FIELDS: [EntrySpec<Plan>; 5] = [
    EntrySpec {
        name: "set_on",
        label: "Set on",
        unit: "",
        hint: "The day the plan was set, before the results it judges.",
        kind: EntryKind::Date {
            optional: false,
            role: DateRole::SetOn,
            get: |p| &p.set_on,
            set: |p, v| p.set_on = v,
        },
    },
    EntrySpec {
        name: "target",
        label: "Target",
        unit: "%",
        hint: "The success rate the plan sets out to demonstrate.",
        kind: EntryKind::Number {
            rule: TARGET_RULE,
            get: |p| p.target,
            set: |p, v| p.target = v,
        },
    },
    EntrySpec {
        name: "confidence",
        label: "Confidence",
        unit: "%",
        hint: "How sure the planned cases must make you.",
        kind: EntryKind::Number {
            rule: CONFIDENCE_RULE,
            get: |p| p.confidence,
            set: |p, v| p.confidence = v,
        },
    },
    EntrySpec {
        name: "allowed_failures",
        label: "Failures allowed",
        unit: "count",
        hint: "Failures the planned cases may hold; each one adds cases to the plan.",
        kind: EntryKind::Number {
            rule: NumberRule::new(0.0, MAX_ALLOWED_FAILURES, Count("failures")).whole(),
            get: |p| f64::from(p.allowed_failures),
            set: |p, v| p.allowed_failures = v as u32,
        },
    },
    EntrySpec {
        name: "decide_by",
        label: "Decide by",
        unit: "",
        hint: "The date by which the plan must be decided, or empty.",
        kind: EntryKind::Date {
            optional: true,
            role: DateRole::Deadline,
            get: |p| &p.decide_by,
            set: |p, v| p.decide_by = v,
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_what_it_writes() {
        let mut pilot = Pilot::default();
        for field in Field::ALL {
            let spec = field.spec();
            if matches!(spec.kind, Kind::Stamp { .. }) {
                continue;
            }
            let shown = spec.input_value(&pilot);
            spec.write(&mut pilot, &shown)
                .unwrap_or_else(|e| panic!("{}: {e}", spec.path));
            assert_eq!(spec.input_value(&pilot), shown, "{}", spec.path);
        }
        assert_eq!(pilot, Pilot::default());
    }

    /// Each path is where the file format keeps the value the field writes.
    #[test]
    fn every_path_is_the_file_format_path() {
        for field in Field::ALL {
            let spec = field.spec();
            let mut pilot = Pilot::default();
            let (marker, expected) = match spec.kind {
                Kind::Text { set, .. } => {
                    set(&mut pilot, "marker".into());
                    ("marker".to_string(), serde_json::json!("marker"))
                }
                Kind::Stamp { .. } => {
                    pilot.created_at = "2026-01-02T03:04:05Z".into();
                    pilot.updated_at = "2026-01-02T03:04:05Z".into();
                    let v = spec.input_value(&pilot);
                    (v.clone(), serde_json::json!(v))
                }
                Kind::Number { set, get, .. } => {
                    set(&mut pilot, 7.0);
                    assert_eq!(get(&pilot), 7.0, "{}", spec.path);
                    ("7".into(), serde_json::json!(7))
                }
                Kind::Choice { options, set, .. } => {
                    let last = options().pop().unwrap().0;
                    assert!(set(&mut pilot, &last), "{}", spec.path);
                    (last.clone(), serde_json::json!(last))
                }
                Kind::Check { set, .. } => {
                    set(&mut pilot, true);
                    ("true".into(), serde_json::json!(true))
                }
            };
            let json = serde_json::to_value(&pilot).unwrap();
            let at = spec.path.split('.').fold(&json, |value, key| &value[key]);
            assert!(
                at == &expected || at.as_f64() == expected.as_f64() && at.is_number(),
                "{}: {at} is not {marker}",
                spec.path
            );
        }
    }

    #[test]
    fn percentages_are_typed_as_percent_and_stored_as_fractions() {
        let mut pilot = Pilot::default();
        let target = Field::Target.spec();
        assert_eq!(target.input_value(&pilot), "99.9");
        target.write(&mut pilot, "99.5").unwrap();
        assert_eq!(pilot.reliability.target, 0.995);
        target.write(&mut pilot, "99.9").unwrap();
        assert_eq!(pilot.reliability.target, 0.999);
        Field::MonthlyVolume
            .spec()
            .write(&mut pilot, "12,500")
            .unwrap();
        assert_eq!(pilot.task.monthly_volume, 12_500.0);
        assert!(Field::MonthlyVolume
            .spec()
            .write(&mut pilot, "lots")
            .is_err());
        let mut batch = Batch::default();
        assert!(BATCH_FIELDS[1].write(&mut batch, "2.5").is_err());
        BATCH_FIELDS[1].write(&mut batch, "1,200").unwrap();
        assert_eq!(batch.cases, 1200);
        assert!(Field::DistinctTasks.spec().write(&mut pilot, "-1").is_err());
        assert!(Field::DistinctTasks
            .spec()
            .write(&mut pilot, "1e12")
            .is_err());
        assert!(Field::InputStructure
            .spec()
            .write(&mut pilot, "chaotic")
            .is_err());
        Field::InputStructure
            .spec()
            .write(&mut pilot, "free_form")
            .unwrap();
        assert_eq!(pilot.task.input_structure, InputStructure::FreeForm);
        assert_eq!(
            Field::InputStructure.spec().shown(&pilot),
            "Free-form: anything a person might write"
        );
    }

    #[test]
    fn labels_carry_their_unit_in_the_currency() {
        assert_eq!(
            Field::HourlyCost.spec().label_with_unit("EUR"),
            "Hourly cost (EUR an hour)"
        );
        assert_eq!(Field::Name.spec().label_with_unit("EUR"), "Pilot name");
        assert_eq!(Field::at("task.monthly_volume"), Some(Field::MonthlyVolume));
        assert_eq!(Field::at("task.nothing"), None);
    }

    #[test]
    fn ranges_are_allowed_on_the_inputs_of_design_10() {
        let ranged: Vec<&str> = Field::ranged().map(|f| f.spec().path).collect();
        assert_eq!(
            ranged,
            [
                "task.monthly_volume",
                "task.human_minutes_per_task",
                "task.hourly_cost",
                "task.human_error_rate",
                "task.cost_per_error",
                "integration.one_off_cost",
                "integration.monthly_maintenance",
                "compute.price_per_million_input",
                "compute.price_per_million_output",
                "compute.monthly_fixed_compute",
                "compute.monthly_licence",
            ]
        );
    }
}
