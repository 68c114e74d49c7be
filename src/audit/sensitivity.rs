//! Sensitivity (the tornado) and what it would take to break even (DESIGN §3).

use super::economics::{
    baseline_per_task, cost_per_ai_failure, economic_case, fixed_monthly_cost,
    net_to_pay_back_within, remaining_one_off, review_cost_per_task, token_cost_per_task,
};
pub use super::model::Driver;
use super::model::{Pilot, ReliabilityResult, SensitivityRow, WhatItWouldTake};
use super::schema::{Field, RangeEnd};
use super::standard::PAYBACK_PASS_MONTHS;

/// How far each driver swings either way without a range: ±25%.
pub const SWING: f64 = 0.25;

/// How far the ramp swings either way: ±3 months (DESIGN §3).
pub const RAMP_SWING: f64 = 3.0;

/// The drivers the tornado draws, widest first (DESIGN §3); the rest are counted.
pub const TORNADO_SHOWN: usize = 8;

impl Driver {
    /// The drivers swung ±25% (rates within 0 to 1; the one-off's part still to spend; the
    /// ramp ±3 months; the failure rate is swung apart, between its bounds): every cost
    /// driver of DESIGN §3.
    pub const SCALED: [Driver; 14] = [
        Driver::MonthlyVolume,
        Driver::HumanMinutesPerTask,
        Driver::HourlyCost,
        Driver::HumanErrorRate,
        Driver::CostPerError,
        Driver::TokenPrices,
        Driver::MonthlyLicence,
        Driver::MonthlyFixedCompute,
        Driver::MonthlyMaintenance,
        Driver::ReviewShare,
        Driver::ReviewMinutesPerTask,
        Driver::FailureDetectionRate,
        Driver::OneOffCost,
        Driver::RampMonths,
    ];

    /// The inputs this driver moves.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Driver::MonthlyVolume => &[Field::MonthlyVolume],
            Driver::HumanMinutesPerTask => &[Field::HumanMinutesPerTask],
            Driver::HourlyCost => &[Field::HourlyCost],
            Driver::HumanErrorRate => &[Field::HumanErrorRate],
            Driver::CostPerError => &[Field::CostPerError],
            Driver::TokenPrices => &[Field::PricePerMillionInput, Field::PricePerMillionOutput],
            Driver::MonthlyLicence => &[Field::MonthlyLicence],
            Driver::MonthlyFixedCompute => &[Field::MonthlyFixedCompute],
            Driver::MonthlyMaintenance => &[Field::MonthlyMaintenance],
            Driver::ReviewShare => &[Field::ReviewShare],
            Driver::ReviewMinutesPerTask => &[Field::ReviewMinutesPerTask],
            Driver::FailureDetectionRate => &[Field::FailureDetectionRate],
            Driver::OneOffCost => &[Field::OneOffCost],
            Driver::RampMonths => &[Field::RampMonths],
            Driver::FailureRate => &[],
        }
    }

    /// What people call it: the input's label, or the driver's own name.
    pub fn label(self) -> &'static str {
        match (self, self.fields()) {
            (Driver::TokenPrices, _) => "Token prices",
            (Driver::FailureRate, _) => "AI failure rate",
            (Driver::OneOffCost, _) => "One-off still to spend",
            (_, [field]) => field.spec().label,
            _ => "",
        }
    }

    /// The headline value it stands for in the tornado's labels: the input's value, or the
    /// token cost per task for token prices.
    fn value(self, pilot: &Pilot) -> f64 {
        match (self, self.fields()) {
            (Driver::TokenPrices, _) => token_cost_per_task(pilot),
            (Driver::OneOffCost, _) => remaining_one_off(pilot),
            (_, [field]) => field
                .spec()
                .number_access()
                .map_or(0.0, |(get, _)| get(pilot)),
            _ => 0.0,
        }
    }

    /// Set each input it moves to one end of its swing: across its range (DESIGN §10) where
    /// `base` gives one, else `factor` × its value, kept within what the answer allows (a
    /// rate within 0 to 1).
    fn set_end(self, pilot: &mut Pilot, base: &Pilot, end: RangeEnd, factor: f64) {
        match self {
            // The part already spent stays spent: what swings is what is still to spend.
            Driver::OneOffCost if Field::OneOffCost.spec().range(base).is_none() => {
                let spent = base.integration.one_off_cost - remaining_one_off(base);
                pilot.integration.one_off_cost = spent + remaining_one_off(base) * factor;
                return;
            }
            Driver::RampMonths => {
                let months = f64::from(base.task.ramp_months);
                let moved = if factor < 1.0 {
                    months - RAMP_SWING
                } else {
                    months + RAMP_SWING
                };
                let rule = Field::RampMonths.spec().number_rule();
                pilot.task.ramp_months = rule.map_or(0.0, |r| r.clamp(moved)) as u32;
                return;
            }
            _ => {}
        }
        for field in self.fields() {
            let spec = field.spec();
            if let (Some((get, set)), Some(rule)) = (spec.number_access(), spec.number_rule()) {
                let value = spec
                    .range(base)
                    .map_or_else(|| rule.clamp(get(base) * factor), |range| end.get(&range));
                set(pilot, value);
            }
        }
    }

    /// Put each input it moves back to its value in `base`.
    fn reset(self, pilot: &mut Pilot, base: &Pilot) {
        for field in self.fields() {
            if let Some((get, set)) = field.spec().number_access() {
                set(pilot, get(base));
            }
        }
    }
}

/// Failure-rate range of the tornado: between its Clopper–Pearson bounds (1 − upper bound …
/// 1 − lower bound); 0 to 1 with no evidence, the widest bar, as it should be (DESIGN §3).
pub fn failure_rate_range(rel: &ReliabilityResult) -> (f64, f64) {
    (1.0 - rel.upper_bound, 1.0 - rel.lower_bound)
}

/// Tornado rows: expected-case NPV with each driver at either end of its swing (its range
/// where the pilot gives one, else −25% and +25%; the failure rate between its bounds),
/// sorted by swing, widest first.
pub fn tornado(pilot: &Pilot, expected_rate: f64, rel: &ReliabilityResult) -> Vec<SensitivityRow> {
    // The economics read no batch: a copy without the evidence log (which may hold 10,000).
    let mut work = pilot.without_log();
    let mut rows: Vec<SensitivityRow> = Driver::SCALED
        .iter()
        .map(|&driver| {
            let mut at = |end: RangeEnd, factor: f64| {
                driver.set_end(&mut work, pilot, end, factor);
                let end_value = (driver.value(&work), economic_case(&work, expected_rate).npv);
                driver.reset(&mut work, pilot);
                end_value
            };
            let (low_value, npv_low) = at(RangeEnd::Low, 1.0 - SWING);
            let (high_value, npv_high) = at(RangeEnd::High, 1.0 + SWING);
            row(driver, low_value, high_value, npv_low, npv_high)
        })
        .collect();
    let (low, high) = failure_rate_range(rel);
    rows.push(row(
        Driver::FailureRate,
        low,
        high,
        economic_case(pilot, low).npv,
        economic_case(pilot, high).npv,
    ));
    crate::order::sort_by(&mut rows, |a, b| b.swing.total_cmp(&a.swing));
    rows
}

fn row(driver: Driver, low: f64, high: f64, npv_low: f64, npv_high: f64) -> SensitivityRow {
    SensitivityRow {
        driver,
        label: driver.label().to_string(),
        low_value: low,
        high_value: high,
        npv_low,
        npv_high,
        swing: (npv_high - npv_low).abs(),
    }
}

/// Break-even figures at failure rate `f` (the expected case):
/// * volume: fixed monthly cost ÷ (baseline per task − AI variable cost per task);
/// * AI cost per task: the baseline per task (net value is zero there);
/// * AI cost per task for a 12-month payback: baseline per task − one-off ÷ (12 × volume);
/// * failure rate: (baseline − volume × (tokens + review) − fixed) ÷ (volume × cost per failure).
pub fn what_it_would_take(pilot: &Pilot, f: f64) -> WhatItWouldTake {
    let volume = pilot.task.monthly_volume;
    let baseline = baseline_per_task(pilot);
    let fixed = fixed_monthly_cost(pilot);
    let variable_before_failures = token_cost_per_task(pilot) + review_cost_per_task(pilot);
    let per_failure = cost_per_ai_failure(pilot);
    let margin = baseline - variable_before_failures - f * per_failure;
    let break_even_volume = (margin > 0.0).then(|| fixed / margin);
    let headroom = volume * (baseline - variable_before_failures) - fixed;
    let max_failure_rate = if volume <= 0.0 || headroom <= 0.0 {
        None
    } else if per_failure <= 0.0 {
        Some(1.0)
    } else {
        Some((headroom / (volume * per_failure)).min(1.0))
    };
    WhatItWouldTake {
        break_even_volume,
        break_even_ai_cost_per_task: (volume > 0.0).then_some(baseline),
        ai_cost_per_task_for_12_month_payback: (volume > 0.0)
            .then(|| {
                baseline
                    - net_to_pay_back_within(pilot, PAYBACK_PASS_MONTHS)
                        / (PAYBACK_PASS_MONTHS * volume)
            })
            .filter(|cost| *cost > 0.0),
        max_failure_rate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scaled_driver_moves_numbers_and_every_ranged_number_has_a_driver() {
        for driver in Driver::SCALED {
            assert!(!driver.fields().is_empty(), "{driver:?}");
            for field in driver.fields() {
                assert!(
                    field.spec().number_access().is_some(),
                    "{driver:?}: {field:?}"
                );
            }
            assert!(!driver.label().is_empty());
        }
        // An input the buyer can give a range (DESIGN §10) is one the tornado swings.
        for &field in Field::ALL {
            if field.spec().number_rule().is_some_and(|r| r.ranged) {
                assert!(
                    Driver::SCALED.iter().any(|d| d.fields().contains(&field)),
                    "{field:?}"
                );
            }
        }
        assert_eq!(Driver::HumanMinutesPerTask.label(), "Human time per task");
        assert_eq!(Driver::MonthlyFixedCompute.label(), "Reserved compute");
    }
}
