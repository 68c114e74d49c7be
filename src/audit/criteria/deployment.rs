//! `deployment` (standard 3.0, as 2.0): **fail** without a dated plan, or with reserved capacity
//! idle (utilization under [`UTILIZATION_IDLE`]) or outgrown (over [`UTILIZATION_OVER`]);
//! **warn** without a named owner, or with utilization in the bands beside the one that
//! passes (graded by how close it is to that band); **pass** otherwise.

use super::{Context, Judged};
use crate::audit::model::Status;
use crate::audit::standard::{
    CriterionId, CAPACITY_WARN_FLOOR, CAPACITY_WARN_SPAN, FAIL_SCORE, NO_OWNER_GRADE, PASS_SCORE,
    UTILIZATION_FULL, UTILIZATION_IDLE, UTILIZATION_LOW, UTILIZATION_OVER,
};

/// How the volume fits the reserved capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Paid per use: no capacity to fit.
    PayPerUse,
    /// Used within the band that passes.
    Fits,
    /// Under-used or over-used, in a band that warns.
    Off,
    /// Idle or outgrown: fails.
    Misfit,
}

/// What `deployment` found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finding {
    /// A dated plan to production exists.
    pub plan: bool,
    /// Somebody is named accountable.
    pub owner_named: bool,
    /// Volume ÷ reserved capacity, when capacity is reserved.
    pub utilization: Option<f64>,
    /// How the volume fits the capacity.
    pub fit: Fit,
}

/// How utilization `u` fits the standard's bands.
pub fn fit(u: Option<f64>) -> Fit {
    match u {
        None => Fit::PayPerUse,
        Some(u) if !(UTILIZATION_IDLE..=UTILIZATION_OVER).contains(&u) => Fit::Misfit,
        Some(u) if !(UTILIZATION_LOW..=UTILIZATION_FULL).contains(&u) => Fit::Off,
        Some(_) => Fit::Fits,
    }
}

/// Judge `deployment`.
pub fn judge(ctx: &Context) -> Judged {
    let p = ctx.pilot;
    let utilization = ctx.economics.utilization;
    let finding = Finding {
        plan: p.integration.deployment_plan,
        owner_named: p.owner_named(),
        utilization,
        fit: fit(utilization),
    };
    let (status, score) = if !finding.plan || finding.fit == Fit::Misfit {
        (Status::Fail, FAIL_SCORE)
    } else if !finding.owner_named || finding.fit == Fit::Off {
        let mut score: f64 = PASS_SCORE;
        if !finding.owner_named {
            score = score.min(NO_OWNER_GRADE);
        }
        if let (Fit::Off, Some(u)) = (finding.fit, utilization) {
            let closeness = if u < UTILIZATION_LOW {
                (u - UTILIZATION_IDLE) / (UTILIZATION_LOW - UTILIZATION_IDLE)
            } else {
                (UTILIZATION_OVER - u) / (UTILIZATION_OVER - UTILIZATION_FULL)
            };
            score = score.min(CAPACITY_WARN_FLOOR + CAPACITY_WARN_SPAN * closeness.clamp(0.0, 1.0));
        }
        (Status::Warn, score)
    } else {
        (Status::Pass, PASS_SCORE)
    };
    Judged::new(
        CriterionId::Deployment,
        status,
        score,
        super::Finding::Deployment(finding),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::criteria::test_context::with;
    use crate::audit::Pilot;

    #[test]
    fn plan_owner_and_capacity_decide_and_grade_it() {
        let judged = |plan: bool, owner: &str, used: f64| {
            let mut p = Pilot::default();
            p.integration.deployment_plan = plan;
            p.owner = owner.into();
            p.task.monthly_volume = 1000.0;
            p.compute.provisioned_tasks_per_month = if used > 0.0 { 1000.0 / used } else { 0.0 };
            with(&p, |ctx| {
                let j = judge(ctx);
                (j.status, (j.score * 1e6).round() / 1e6)
            })
        };
        assert_eq!(judged(true, "Dana", 0.0), (Status::Pass, 100.0));
        assert_eq!(judged(true, "Dana", 0.8), (Status::Pass, 100.0));
        assert_eq!(judged(false, "Dana", 0.8), (Status::Fail, 0.0));
        assert_eq!(judged(true, " ", 0.8), (Status::Warn, 60.0));
        assert_eq!(judged(true, "Dana", 0.2), (Status::Fail, 0.0));
        assert_eq!(judged(true, "Dana", 1.3), (Status::Fail, 0.0));
        // Half way through the under-used band: 40 + 40 × ½.
        assert_eq!(judged(true, "Dana", 0.375), (Status::Warn, 60.0));
        assert_eq!(judged(true, "", 0.375), (Status::Warn, 60.0));
        assert_eq!(judged(true, "Dana", 1.2), (Status::Warn, 48.0));
    }
}
