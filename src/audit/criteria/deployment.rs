//! `deployment` (standard 3.0, as 2.0): **fail** without a dated plan, or with reserved capacity
//! idle (utilization under [`UTILIZATION_IDLE`]) or outgrown (over [`UTILIZATION_OVER`]);
//! **warn** without a named owner, or with utilization in the bands beside the one that
//! passes (graded by how close it is to that band); **pass** otherwise.

use super::{Context, Judged};
use crate::audit::model::Status;
use crate::audit::sourcing::{gpu_month, gpus_at_utilization, own_gpu_block};
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

/// A pilot's own GPU block (DESIGN §12) in the counts its capacity fix names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GpuCounts {
    /// GPUs in the block today.
    pub gpus: u32,
    /// The most GPUs the volume keeps at [`UTILIZATION_LOW`] or more (0: not even one).
    pub most: u32,
    /// The fewest GPUs that serve the volume at [`UTILIZATION_FULL`] or less.
    pub fewest: u32,
    /// What one GPU costs a month (its hours and its power).
    pub gpu_month: f64,
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
    /// The GPUs the capacity comes from, when the pilot runs on a block of its own.
    pub gpus: Option<GpuCounts>,
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
        gpus: own_gpu_block(&p.compute).map(|g| {
            let volume = p.task.monthly_volume;
            GpuCounts {
                gpus: g.gpus,
                most: gpus_at_utilization(g, volume, UTILIZATION_LOW).0,
                fewest: gpus_at_utilization(g, volume, UTILIZATION_FULL).1,
                gpu_month: gpu_month(g),
            }
        }),
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

    /// A GPU pilot's capacity fix names GPUs, and following it makes the capacity fit: the
    /// fewer (or more) GPUs it names pass, one GPU fewer (or more) would not.
    #[test]
    fn a_gpu_block_is_fixed_in_gpus_that_fit() {
        use crate::audit::model::{Gpu, Sourcing};
        let pilot = |gpus: u32, volume: f64| {
            let mut p = Pilot::default();
            p.integration.deployment_plan = true;
            p.owner = "Dana".into();
            p.task.monthly_volume = volume;
            p.compute.sourcing = Sourcing::SelfHostedOpenModel;
            // 100 tasks per GPU-hour: 73,000 tasks a month each, $2,190 a month each.
            p.compute.gpu = Some(Gpu {
                gpus,
                hourly_cost: 3.0,
                tasks_per_gpu_hour: 100.0,
                ..Gpu::default()
            });
            p
        };
        let finding = |p: &Pilot| {
            with(p, |ctx| {
                let judged = judge(ctx);
                let fix = crate::audit::words::criterion(&judged, ctx).fix;
                match judged.finding {
                    crate::audit::criteria::Finding::Deployment(f) => (f, fix),
                    _ => unreachable!("deployment finds a deployment finding"),
                }
            })
        };
        // 16 GPUs for 300,000 tasks: 25.7% used. At most 8 keep it half used (8 GPUs serve
        // 584,000 a month: 51.4% used; 9 serve 657,000: 45.7%); each costs 730 × $3.
        let (f, fix) = finding(&pilot(16, 300_000.0));
        assert_eq!(f.fit, Fit::Off);
        let g = f.gpus.expect("a block of its own");
        assert_eq!((g.gpus, g.most), (16, 8));
        assert_eq!(
            fix,
            "Run at most 8 of the 16 GPUs: 8 fewer save $17,520 a month. Or pay per use."
        );
        assert_eq!(finding(&pilot(8, 300_000.0)).0.fit, Fit::Fits);
        assert_eq!(finding(&pilot(9, 300_000.0)).0.fit, Fit::Off);
        // 4 GPUs for 400,000 tasks: 137% used, it fails. The fewest that serve it: 6 (5 serve
        // 365,000).
        let (f, fix) = finding(&pilot(4, 400_000.0));
        assert_eq!(f.fit, Fit::Misfit);
        assert_eq!(
            fix,
            "Run at least 6 GPUs (today 4): 2 more cost $4,380 a month. Or pay per use."
        );
        assert_eq!(finding(&pilot(6, 400_000.0)).0.fit, Fit::Fits);
        assert_eq!(finding(&pilot(5, 400_000.0)).0.fit, Fit::Off);
        // 2 GPUs for 20,000 tasks: even one is 27% used; no count of these GPUs fits.
        let (f, fix) = finding(&pilot(2, 20_000.0));
        assert_eq!(f.gpus.map(|g| g.most), Some(0));
        assert!(
            fix.starts_with("Even one of these GPUs is less than half used"),
            "{fix}"
        );
        assert_ne!(finding(&pilot(1, 20_000.0)).0.fit, Fit::Fits);
        // An API pilot's GPUs are the other option: its capacity fix is not in GPUs.
        let mut api = pilot(16, 300_000.0);
        api.compute.sourcing = Sourcing::ThirdPartyApi;
        api.compute.gpu = None;
        assert_eq!(finding(&api).0.gpus, None);
    }

    /// The counts of [`gpus_at_utilization`] at every volume of a sweep: the most GPUs the
    /// volume keeps at the rate or above, the fewest it is served by at the rate or below.
    #[test]
    fn gpu_counts_are_the_extremes_that_hold() {
        use crate::audit::model::Gpu;
        let g = Gpu {
            gpus: 1,
            tasks_per_gpu_hour: 37.3,
            ..Gpu::default()
        };
        let cap = |n: u32| f64::from(n) * 37.3 * crate::audit::model::HOURS_PER_MONTH;
        for i in 1..400 {
            let volume = f64::from(i) * 1_234.5;
            for rate in [UTILIZATION_LOW, UTILIZATION_FULL, 0.8] {
                let (most, fewest) = gpus_at_utilization(&g, volume, rate);
                if most > 0 {
                    assert!(volume / cap(most) >= rate);
                }
                assert!(volume / cap(most + 1) < rate);
                assert!(volume / cap(fewest) <= rate);
                if fewest > 1 {
                    assert!(volume / cap(fewest - 1) > rate);
                }
            }
        }
    }
}
