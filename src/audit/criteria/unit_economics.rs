//! `unit_economics` (standard 3.0, DESIGN §4), judged over min(horizon, 36 months) so that
//! a longer horizon cannot rescue a pilot: **pass** when even the conservative case (failure
//! rate at the reliability lower bound) nets a profit, has a positive judged NPV and pays
//! the one-off still to spend back within [`PAYBACK_PASS_MONTHS`]; **warn** when the
//! expected case nets a profit with a positive judged NPV (graded by how much of the
//! conservative case's shortfall is left); **fail** otherwise. A pass is held to warn when
//! failures are priced at nothing (cost per error 0, detection under 1) or when, with no
//! evidence of the buyer's own, the economics pass only on a claim (not at a failure rate
//! of 100%). With no evidence the conservative case counts every task as failed, so the fix
//! is to evaluate cases, never a price computed from a failure rate nobody measured.

use super::{Context, Judged};
use crate::audit::economics::{
    baseline_per_task, economic_case, net_for_zero_npv, net_to_pay_back_within, served_volume,
};
use crate::audit::model::{EconomicCase, EvidenceKind, Status};
use crate::audit::standard::{
    CriterionId, ECONOMICS_CAPPED_GRADE, ECONOMICS_WARN_FLOOR, ECONOMICS_WARN_SPAN, FAIL_SCORE,
    PASS_SCORE, PAYBACK_PASS_MONTHS,
};

/// Which case of the rule the pilot is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Even the conservative case pays back in time (pass).
    Pays,
    /// No monthly volume served (fail).
    NoVolume,
    /// The expected case pays, the conservative one not in time (warn).
    Promising,
    /// The expected case does not pay (fail).
    Loses,
}

/// Why a pass is held to warn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// Uncaught failures cost nothing in the model: "enter what an error costs".
    FreeFailures,
    /// No evidence of the buyer's own, and the pass rests on a claimed failure rate.
    ClaimOnly,
}

/// What `unit_economics` found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finding {
    /// The case.
    pub case: Case,
    /// Any case was evaluated: the conservative case can be priced.
    pub tested: bool,
    /// Uncaught failures cost nothing in the model (cost per error 0, detection under 1).
    pub free_failures: bool,
    /// Why the conservative case's pass is held to warn; None when it is not.
    pub capped: Option<Cap>,
    /// The AI cost per task below which the one-off pays back within the payback bound
    /// with a positive NPV over the judged horizon (≤ 0: no price does).
    pub target_cost: f64,
}

/// A case that nets a profit with a positive NPV over the judged horizon.
fn pays(x: &EconomicCase) -> bool {
    x.monthly_net_value > 0.0 && x.npv_judged > 0.0
}

/// The pass rule on one case: it pays, and pays back within the bound.
fn passes(x: &EconomicCase) -> bool {
    pays(x) && x.payback_months.is_some_and(|m| m <= PAYBACK_PASS_MONTHS)
}

/// Judge `unit_economics`.
pub fn judge(ctx: &Context) -> Judged {
    let p = ctx.pilot;
    let (e, c) = (&ctx.economics.expected, &ctx.economics.conservative);
    let volume = served_volume(p);
    let free_failures = p.task.cost_per_error <= 0.0 && p.reliability.failure_detection_rate < 1.0;
    let buyers =
        ctx.reliability.evidence.kind == EvidenceKind::Buyer && ctx.reliability.evidence.cases > 0;
    // The monthly net value that pays the one-off still to spend back within 12 months and
    // over the judged horizon, the ramp included.
    let needed_net = (net_to_pay_back_within(p, PAYBACK_PASS_MONTHS) / PAYBACK_PASS_MONTHS)
        .max(net_for_zero_npv(p));
    let mut capped = None;
    let (status, score, case) = if passes(c) {
        capped = if free_failures {
            Some(Cap::FreeFailures)
        } else if !buyers && !passes(&economic_case(p, 1.0)) {
            Some(Cap::ClaimOnly)
        } else {
            None
        };
        match capped {
            None => (Status::Pass, PASS_SCORE, Case::Pays),
            Some(_) => (Status::Warn, ECONOMICS_CAPPED_GRADE, Case::Pays),
        }
    } else if volume <= 0.0 {
        (Status::Fail, FAIL_SCORE, Case::NoVolume)
    } else if pays(e) {
        // Graded by how far the conservative net value has come towards what it needs.
        let reach = if needed_net > 0.0 {
            (c.monthly_net_value / needed_net).clamp(0.0, 1.0)
        } else if c.monthly_net_value > 0.0 {
            1.0
        } else {
            0.0
        };
        let score = ECONOMICS_WARN_FLOOR + ECONOMICS_WARN_SPAN * reach;
        (Status::Warn, score, Case::Promising)
    } else {
        (Status::Fail, FAIL_SCORE, Case::Loses)
    };
    let finding = Finding {
        case,
        tested: ctx.reliability.evidence.cases > 0,
        free_failures,
        capped,
        target_cost: if volume > 0.0 {
            baseline_per_task(p) - needed_net / volume
        } else {
            0.0
        },
    };
    Judged::new(
        CriterionId::UnitEconomics,
        status,
        score,
        super::Finding::UnitEconomics(finding),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::criteria::test_context::with;
    use crate::audit::model::Batch;
    use crate::audit::{Pilot, Source};

    fn priced(volume: f64, one_off: f64) -> Pilot {
        let mut p = Pilot::default();
        p.task.monthly_volume = volume;
        p.task.human_minutes_per_task = 6.0;
        p.task.hourly_cost = 60.0;
        p.task.cost_per_error = 20.0;
        p.integration.one_off_cost = one_off;
        p.reliability.batches = vec![Batch {
            date: "2026-11-01".into(),
            cases: 5000,
            failures: 0,
            source: Source::BuyerProduction,
            ..Batch::default()
        }];
        p
    }

    #[test]
    fn payback_within_the_bound_passes_a_slow_one_warns_none_fails() {
        let judged = |p: &Pilot| {
            with(p, |ctx| {
                let j = judge(ctx);
                match j.finding {
                    super::super::Finding::UnitEconomics(f) => (j.status, f.case),
                    _ => unreachable!(),
                }
            })
        };
        assert_eq!(
            judged(&priced(1000.0, 10_000.0)),
            (Status::Pass, Case::Pays)
        );
        // $6 a task saved on 1,000 tasks: $6,000 a month; $100,000 takes 17 months.
        assert_eq!(
            judged(&priced(1000.0, 100_000.0)),
            (Status::Warn, Case::Promising)
        );
        assert_eq!(judged(&priced(0.0, 0.0)), (Status::Fail, Case::NoVolume));
        assert_eq!(judged(&priced(10.0, 1e7)), (Status::Fail, Case::Loses));
    }
}
