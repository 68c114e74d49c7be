//! Which inputs each step of the questionnaire asks, in order; the inputs themselves are
//! described in the schema (`audit::schema`).

use crate::audit::schema::Field;

/// The evidence log and the test plan are asked right after this input (reliability step).
pub const LOG_AFTER: Field = Field::Confidence;

/// The GPUs a hosted pilot runs on are asked right after this input (compute step), before
/// the capacity and reserved compute they give (DESIGN §12).
pub const GPUS_AFTER: Field = Field::PricePerMillionOutput;

/// The other option (DESIGN §12) is asked right after this input (compute step).
pub const ALTERNATIVE_AFTER: Field = Field::ProvisionedTasksPerMonth;

/// The inputs a GPU block gives, shown read-only while the pilot runs on one.
pub const DERIVED_FROM_GPUS: [Field; 2] =
    [Field::MonthlyFixedCompute, Field::ProvisionedTasksPerMonth];

/// Number of steps, the last being "Check your answers".
pub const STEP_COUNT: usize = 6;

/// The steps: title and the inputs asked (the last step asks none: it reviews them all).
pub const STEPS: [(&str, &[Field]); STEP_COUNT] = [
    (
        "Basics",
        &[
            Field::Name,
            Field::Vendor,
            Field::Owner,
            Field::Currency,
            Field::Notes,
        ],
    ),
    (
        "Task and human baseline",
        &[
            Field::TaskDescription,
            Field::DistinctTasks,
            Field::InputStructure,
            Field::MonthlyVolume,
            Field::RampMonths,
            Field::HumanMinutesPerTask,
            Field::HourlyCost,
            Field::HumanErrorRate,
            Field::CostPerError,
        ],
    ),
    (
        "Reliability evidence",
        &[
            Field::Target,
            Field::Confidence,
            Field::FailureDetectionRate,
            Field::ReviewShare,
            Field::ReviewMinutesPerTask,
        ],
    ),
    (
        "Integration and deployment",
        &[
            Field::OutputDestination,
            Field::FallbackToHuman,
            Field::Monitoring,
            Field::DeploymentPlan,
            Field::OneOffCost,
            Field::OneOffSpent,
            Field::MonthlyMaintenance,
        ],
    ),
    (
        "Compute and cost",
        &[
            Field::Sourcing,
            Field::InputTokensPerTask,
            Field::OutputTokensPerTask,
            Field::PricePerMillionInput,
            Field::PricePerMillionOutput,
            Field::MonthlyFixedCompute,
            Field::ProvisionedTasksPerMonth,
            Field::MonthlyLicence,
            Field::ProprietaryData,
            Field::DiscountRate,
            Field::HorizonMonths,
        ],
    ),
    ("Check your answers", &[]),
];

/// The steps that ask questions (all but the review).
pub fn question_steps() -> &'static [(&'static str, &'static [Field])] {
    &STEPS[..STEP_COUNT - 1]
}

/// The step (1-based) that asks for `field`; None for inputs the app sets (id, stamps).
pub fn step_of(field: Field) -> Option<usize> {
    STEPS
        .iter()
        .position(|(_, fields)| fields.contains(&field))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::schema::Kind;

    #[test]
    fn every_input_a_person_answers_is_asked_once() {
        for field in Field::ALL {
            let asked = STEPS
                .iter()
                .flat_map(|(_, fields)| fields.iter())
                .filter(|f| *f == field)
                .count();
            let set_by_app =
                matches!(field, Field::Id) || matches!(field.spec().kind, Kind::Stamp { .. });
            assert_eq!(asked, usize::from(!set_by_app), "{:?}", field);
        }
        assert_eq!(step_of(Field::Target), Some(3));
    }
}
