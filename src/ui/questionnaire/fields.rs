//! The questionnaire's fields as data: label with unit, hint, input kind, and how each reads
//! and writes the pilot. Paths are those of the file format and of `Pilot::validate`.

use crate::audit::Pilot;

/// How a field is entered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// One line of text, with a length cap.
    Text(usize),
    /// Several lines of text, with a length cap.
    LongText(usize),
    /// A number; `percent` ones are shown ×100 and stored as fractions.
    Number {
        /// Shown and typed as a percentage.
        percent: bool,
        /// Only whole numbers.
        integer: bool,
    },
    /// One of a few choices (value in the file format, label).
    Choice(&'static [(&'static str, &'static str)]),
    /// Yes or no.
    Check,
}

/// One question.
pub struct FieldSpec {
    /// Path in the file format, e.g. `task.monthly_volume`.
    pub path: &'static str,
    /// Label, with the unit.
    pub label: &'static str,
    /// One sentence of help.
    pub hint: &'static str,
    /// How it is entered.
    pub kind: Kind,
    /// The current value as the input shows it.
    pub get: fn(&Pilot) -> String,
    /// Write what was typed; Err says why it is not a value at all (ranges are checked by
    /// `Pilot::validate`).
    pub set: fn(&mut Pilot, &str) -> Result<(), String>,
}

impl FieldSpec {
    /// The element id of the input.
    pub fn input_id(&self) -> String {
        format!("f-{}", self.path.replace('.', "-"))
    }
}

/// A number as typed back into an input: up to 6 decimals, no trailing zeros.
pub fn show_number(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// Parse a typed number. The inputs are `type="number"`, so browsers hand over plain decimal
/// text; commas and underscores (thousands separators, from tests or pasted text reaching
/// this another way) are dropped, not checked.
pub fn parse_number(text: &str) -> Result<f64, String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '_')
        .collect();
    if cleaned.is_empty() {
        return Err("enter a number".to_string());
    }
    match as_json_number(&cleaned).and_then(|json| serde_json::from_str::<f64>(&json).ok()) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err("enter a number, such as 1200 or 0.5".to_string()),
    }
}

/// A decimal number as people type it (`+.5`, `007`, `5.`, `1E3`) rewritten in JSON's
/// stricter grammar (`0.5`, `7`, `5`, `1E3`), or None if it is not a decimal number.
///
/// Typed numbers are then read by serde_json's parser, which the app carries anyway, rather
/// than by `str::parse::<f64>`, whose tables and code add about 15 KB gzip to the wasm.
fn as_json_number(text: &str) -> Option<String> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'-' => ("-", &text[1..]),
        b'+' => ("", &text[1..]),
        _ => ("", text),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (rest, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let mut json = format!("{sign}{}", if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if let Some(exponent) = exponent {
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if digits.is_empty() || !all_digits(digits) {
            return None;
        }
        json.push('e');
        json.push_str(exponent);
    }
    Some(json)
}

/// A typed percentage as the fraction stored: 99.9 → 0.999 exactly (rounded to 12 decimals,
/// so that 99.9 / 100 does not store 0.9990000000000001).
pub fn fraction_of_percent(percent: f64) -> f64 {
    (percent / 100.0 * 1e12).round() / 1e12
}

/// Parse a typed whole number that is 0 or more.
pub fn parse_whole(text: &str) -> Result<u64, String> {
    let value = parse_number(text)?;
    if value < 0.0 || value.fract() != 0.0 || value > 1e15 {
        return Err("enter a whole number, 0 or more".to_string());
    }
    Ok(value as u64)
}

fn choice_get<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Through the same deserializer as whole pilots (`pilot_from_json`), so the app carries one
/// copy of each option's parser.
fn choice_set<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_path_to_error::deserialize(serde_json::Value::String(text.to_string()))
        .map_err(|_| "choose one of the options".to_string())
}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err("choose yes or no".to_string()),
    }
}

macro_rules! text {
    ($path:literal, $label:literal, $hint:literal, $cap:expr, $long:expr, $($f:ident).+) => {
        FieldSpec {
            path: $path,
            label: $label,
            hint: $hint,
            kind: if $long { Kind::LongText($cap) } else { Kind::Text($cap) },
            get: |p| p.$($f).+.clone(),
            set: |p, s| {
                p.$($f).+ = s.to_string();
                Ok(())
            },
        }
    };
}

macro_rules! number {
    ($path:literal, $label:literal, $hint:literal, percent, $($f:ident).+) => {
        FieldSpec {
            path: $path,
            label: $label,
            hint: $hint,
            kind: Kind::Number { percent: true, integer: false },
            get: |p| show_number(p.$($f).+ * 100.0),
            set: |p, s| {
                p.$($f).+ = fraction_of_percent(parse_number(s)?);
                Ok(())
            },
        }
    };
    ($path:literal, $label:literal, $hint:literal, plain, $($f:ident).+) => {
        FieldSpec {
            path: $path,
            label: $label,
            hint: $hint,
            kind: Kind::Number { percent: false, integer: false },
            get: |p| show_number(p.$($f).+),
            set: |p, s| {
                p.$($f).+ = parse_number(s)?;
                Ok(())
            },
        }
    };
    ($path:literal, $label:literal, $hint:literal, whole $t:ty, $($f:ident).+) => {
        FieldSpec {
            path: $path,
            label: $label,
            hint: $hint,
            kind: Kind::Number { percent: false, integer: true },
            get: |p| p.$($f).+.to_string(),
            set: |p, s| {
                p.$($f).+ = <$t>::try_from(parse_whole(s)?).map_err(|_| "that number is too large".to_string())?;
                Ok(())
            },
        }
    };
}

macro_rules! choice {
    ($path:literal, $label:literal, $hint:literal, $options:expr, $($f:ident).+) => {
        FieldSpec {
            path: $path,
            label: $label,
            hint: $hint,
            kind: Kind::Choice($options),
            get: |p| choice_get(&p.$($f).+),
            set: |p, s| {
                p.$($f).+ = choice_set(s)?;
                Ok(())
            },
        }
    };
}

macro_rules! check {
    ($path:literal, $label:literal, $hint:literal, $($f:ident).+) => {
        FieldSpec {
            path: $path,
            label: $label,
            hint: $hint,
            kind: Kind::Check,
            get: |p| p.$($f).+.to_string(),
            set: |p, s| {
                p.$($f).+ = parse_bool(s)?;
                Ok(())
            },
        }
    };
}

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

const INPUT_STRUCTURES: &[(&str, &str)] = &[
    ("structured", "Structured: forms and fixed fields"),
    (
        "semi_structured",
        "Semi-structured: known documents, varying layout",
    ),
    ("free_form", "Free-form: anything a person might write"),
];

const EVIDENCE: &[(&str, &str)] = &[
    ("vendor_claim", "The vendor's claim"),
    ("vendor_test", "A test the vendor ran"),
    ("buyer_sample", "A sample of our own cases"),
    ("buyer_production", "Our own production measurements"),
];

const DESTINATIONS: &[(&str, &str)] = &[
    ("copy_paste", "A person copies it into the real system"),
    ("standalone_tool", "A separate tool people open"),
    (
        "system_of_record_api",
        "Written into the system of record by API",
    ),
    ("automated_workflow", "Part of an automated workflow"),
];

const SOURCING: &[(&str, &str)] = &[
    ("third_party_api", "A third-party model API"),
    (
        "vendor_wrapper",
        "A vendor product wrapping someone else's API",
    ),
    ("self_hosted_open_model", "An open model we host"),
    (
        "distilled_small_model",
        "A small model distilled for this task",
    ),
];

/// Step 1: basics.
pub static BASICS: [FieldSpec; 5] = [
    text!(
        "name",
        "Pilot name",
        "What your organisation calls this pilot.",
        200,
        false,
        name
    ),
    text!(
        "vendor",
        "Vendor",
        "Who builds or sells it; leave empty if it is built in-house.",
        200,
        false,
        vendor
    ),
    text!(
        "owner",
        "Accountable owner",
        "The person who will take it to production. Leave empty if nobody is named yet.",
        200,
        false,
        owner
    ),
    choice!(
        "currency",
        "Currency",
        "Every money figure of this pilot is in this currency.",
        CURRENCIES,
        currency
    ),
    text!(
        "notes",
        "Notes",
        "Anything the steering committee should know.",
        10_000,
        true,
        notes
    ),
];

/// Step 2: the task and today's human baseline.
pub static TASK: [FieldSpec; 8] = [
    text!(
        "task.description",
        "The task",
        "The one job the pilot does, in a sentence.",
        5_000,
        true,
        task.description
    ),
    number!("task.distinct_tasks", "Distinct tasks (count)", "How many different jobs the pilot is asked to do. One is the standard.", whole u32, task.distinct_tasks),
    choice!(
        "task.input_structure",
        "Input",
        "How regular the input of the task is.",
        INPUT_STRUCTURES,
        task.input_structure
    ),
    number!(
        "task.monthly_volume",
        "Monthly volume (tasks a month)",
        "How many times the task is done in a month.",
        plain,
        task.monthly_volume
    ),
    number!(
        "task.human_minutes_per_task",
        "Human time per task (minutes)",
        "Minutes a person spends on one task today.",
        plain,
        task.human_minutes_per_task
    ),
    number!(
        "task.hourly_cost",
        "Hourly cost (money an hour)",
        "Fully loaded cost of that person per hour.",
        plain,
        task.hourly_cost
    ),
    number!(
        "task.human_error_rate",
        "Human error rate (%)",
        "Share of tasks people get wrong today.",
        percent,
        task.human_error_rate
    ),
    number!(
        "task.cost_per_error",
        "Cost per error (money)",
        "What one error costs once it reaches the business.",
        plain,
        task.cost_per_error
    ),
];

/// Step 3: the reliability evidence.
pub static RELIABILITY: [FieldSpec; 8] = [
    number!(
        "reliability.target",
        "Reliability target (%)",
        "Share of tasks the pilot must get right. The standard is 99.9%.",
        percent,
        reliability.target
    ),
    number!(
        "reliability.confidence",
        "Confidence (%)",
        "How sure the evidence must make you. 95% is usual.",
        percent,
        reliability.confidence
    ),
    number!("reliability.cases_evaluated", "Cases evaluated (count)", "Cases checked against the right answer so far.", whole u64, reliability.cases_evaluated),
    number!("reliability.failures_observed", "Failures observed (count)", "Of those cases, how many the pilot got wrong.", whole u64, reliability.failures_observed),
    choice!(
        "reliability.evidence",
        "Source of the evidence",
        "Only your own cases can demonstrate reliability.",
        EVIDENCE,
        reliability.evidence
    ),
    number!(
        "reliability.failure_detection_rate",
        "Failures caught (%)",
        "Share of the pilot's failures caught before they cause harm.",
        percent,
        reliability.failure_detection_rate
    ),
    number!(
        "reliability.review_share",
        "Outputs reviewed (%)",
        "Share of the pilot's outputs a person checks.",
        percent,
        reliability.review_share
    ),
    number!(
        "reliability.review_minutes_per_task",
        "Review time (minutes per reviewed task)",
        "Minutes a person spends checking one output.",
        plain,
        reliability.review_minutes_per_task
    ),
];

/// Step 4: integration and deployment.
pub static INTEGRATION: [FieldSpec; 6] = [
    choice!(
        "integration.output_destination",
        "Where the output lands",
        "Where the pilot's answer goes.",
        DESTINATIONS,
        integration.output_destination
    ),
    check!(
        "integration.fallback_to_human",
        "A person takes over when the pilot is unsure",
        "An escalation path to a person exists.",
        integration.fallback_to_human
    ),
    check!(
        "integration.monitoring",
        "Production quality is monitored",
        "Quality is measured continuously, not once.",
        integration.monitoring
    ),
    check!(
        "integration.deployment_plan",
        "A dated plan to production exists",
        "Dates and steps, not a press release.",
        integration.deployment_plan
    ),
    number!(
        "integration.one_off_cost",
        "One-off cost (money)",
        "Build, integration and change management, paid once.",
        plain,
        integration.one_off_cost
    ),
    number!(
        "integration.monthly_maintenance",
        "Maintenance (money a month)",
        "Upkeep of the integration each month.",
        plain,
        integration.monthly_maintenance
    ),
];

/// Step 5: compute and cost.
pub static COMPUTE: [FieldSpec; 11] = [
    choice!(
        "compute.sourcing",
        "Model",
        "Where the model comes from.",
        SOURCING,
        compute.sourcing
    ),
    number!(
        "compute.input_tokens_per_task",
        "Input tokens per task (tokens)",
        "Prompt and context sent for one task.",
        plain,
        compute.input_tokens_per_task
    ),
    number!(
        "compute.output_tokens_per_task",
        "Output tokens per task (tokens)",
        "Tokens the model writes for one task.",
        plain,
        compute.output_tokens_per_task
    ),
    number!(
        "compute.price_per_million_input",
        "Price of input tokens (money per million)",
        "Leave 0 for a model you host.",
        plain,
        compute.price_per_million_input
    ),
    number!(
        "compute.price_per_million_output",
        "Price of output tokens (money per million)",
        "Leave 0 for a model you host.",
        plain,
        compute.price_per_million_output
    ),
    number!(
        "compute.monthly_fixed_compute",
        "Reserved compute (money a month)",
        "GPUs or servers paid for whether used or not.",
        plain,
        compute.monthly_fixed_compute
    ),
    number!(
        "compute.provisioned_tasks_per_month",
        "Reserved capacity (tasks a month)",
        "Tasks a month the reserved compute can run; 0 if you pay per use.",
        plain,
        compute.provisioned_tasks_per_month
    ),
    number!(
        "compute.monthly_licence",
        "Licence (money a month)",
        "What the vendor charges each month.",
        plain,
        compute.monthly_licence
    ),
    check!(
        "compute.proprietary_data",
        "It runs on data only we have",
        "Proprietary data is what others cannot copy.",
        compute.proprietary_data
    ),
    number!(
        "finance.discount_rate",
        "Discount rate (% a year)",
        "What money a year from now is worth less. 10% is usual.",
        percent,
        finance.discount_rate
    ),
    number!("finance.horizon_months", "Horizon (months)", "How far ahead the cash flow is counted, 1 to 120 months.", whole u32, finance.horizon_months),
];

/// Number of steps, the last being "Check your answers".
pub const STEP_COUNT: usize = 6;

/// The steps: title and fields (the last step has none: it reviews all answers).
pub fn steps() -> [(&'static str, &'static [FieldSpec]); STEP_COUNT] {
    [
        ("Basics", &BASICS),
        ("Task and human baseline", &TASK),
        ("Reliability evidence", &RELIABILITY),
        ("Integration and deployment", &INTEGRATION),
        ("Compute and cost", &COMPUTE),
        ("Check your answers", &[]),
    ]
}

/// The step (1-based) that asks for `path`.
pub fn step_of(path: &str) -> Option<usize> {
    steps()
        .iter()
        .position(|(_, fields)| fields.iter().any(|f| f.path == path))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_what_it_writes() {
        let mut pilot = Pilot::default();
        for (_, fields) in steps() {
            for field in fields {
                let shown = (field.get)(&pilot);
                (field.set)(&mut pilot, &shown).unwrap_or_else(|e| panic!("{}: {e}", field.path));
                assert_eq!((field.get)(&pilot), shown, "{}", field.path);
            }
        }
        assert_eq!(pilot, Pilot::default());
    }

    #[test]
    fn percentages_are_typed_as_percent_and_stored_as_fractions() {
        let mut pilot = Pilot::default();
        assert_eq!((RELIABILITY[0].get)(&pilot), "99.9");
        (RELIABILITY[0].set)(&mut pilot, "99.5").unwrap();
        assert_eq!(pilot.reliability.target, 0.995);
        (RELIABILITY[0].set)(&mut pilot, "99.9").unwrap();
        assert_eq!(pilot.reliability.target, 0.999);
        (TASK[3].set)(&mut pilot, "12,500").unwrap();
        assert_eq!(pilot.task.monthly_volume, 12_500.0);
        assert!((TASK[3].set)(&mut pilot, "lots").is_err());
        assert!((RELIABILITY[2].set)(&mut pilot, "2.5").is_err());
        assert!((TASK[1].set)(&mut pilot, "-1").is_err());
    }

    #[test]
    fn typed_numbers_read_as_the_standard_library_reads_them() {
        // The oracle is core's `f64::from_str`, a second, independent parser.
        for typed in [
            "0",
            "7",
            "007",
            "-0",
            "+3",
            "1200",
            "12,500",
            " 42 ",
            "0.5",
            ".5",
            "-.25",
            "5.",
            "99.9",
            "0.999",
            "1e3",
            "1E3",
            "2.5e-3",
            "+1.5E+2",
            "0.1",
            "0.7",
            "123456.789",
            "1e15",
            "9007199254740993",
            "3.141592653589793",
            "1_000",
        ] {
            let oracle: f64 = typed.trim().replace([',', '_'], "").parse().unwrap();
            assert_eq!(parse_number(typed), Ok(oracle), "{typed:?}");
        }
        for refused in [
            "", " ", "-", "+", ".", "e3", "1e", "1e+", "1.2.3", "1..2", "--1", "+-1", "0x10",
            "inf", "NaN", "infinity", "1e999", "12a", "½", "1 2",
        ] {
            assert!(
                parse_number(refused).is_err(),
                "{refused:?} should be refused"
            );
        }
    }

    #[test]
    fn every_validated_path_is_asked_somewhere() {
        // Each path validation can report (except id and timestamps) has a question.
        let mut pilot = Pilot::default();
        let mut copy = pilot.clone();
        for (rule, _) in crate::audit::validation::number_fields(&mut copy) {
            assert!(
                step_of(rule.path).is_some(),
                "{} has no question",
                rule.path
            );
        }
        for path in [
            "name",
            "vendor",
            "owner",
            "notes",
            "currency",
            "task.description",
            "task.distinct_tasks",
            "reliability.cases_evaluated",
            "reliability.failures_observed",
            "finance.horizon_months",
        ] {
            assert!(step_of(path).is_some(), "{path} has no question");
        }
        pilot.name = "x".into();
        assert_eq!(step_of("reliability.target"), Some(3));
    }
}
