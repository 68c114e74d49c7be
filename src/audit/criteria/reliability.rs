//! `reliability` (standard 3.0, DESIGN §4).
//!
//! * **fail** when the plan in force **failed** (more failures than it allowed: the kill
//!   criterion the buyer set), or when even the upper bound at the standard's 95%, U95, is
//!   below the standard's floor T* = 99.9% — whatever target and confidence the buyer
//!   chose — unless the pilot is **better than people** (1 − L95 under the human error
//!   rate);
//! * **pass** only on a **passed plan** (its planned cases reached, failures within those
//!   allowed) set at T* or stricter and 95% or more, on the buyer's own evidence, with no
//!   drift in the recent window and no newer model version than the one tested;
//! * **warn** otherwise: untested, stale, drifting, below the standard yet better than
//!   people, the vendor's evidence, a plan below the standard, a demonstration found without
//!   a plan or at an interim look ("not yet proof"), or not yet demonstrated. A warn is
//!   graded from [`RELIABILITY_WARN_FLOOR`] by how far the run of cases has come towards
//!   the goal (`floor + span × n ÷ (n + cases needed)`), at [`RELIABILITY_MET_GRADE`] once
//!   the figures meet it.
//!
//! Where more testing is the fix, the finding carries its chance of working (DESIGN §4).

use super::{Context, Judged};
use crate::audit::evidence::counted;
use crate::audit::model::{EvidenceKind, Pilot, PlanStatus, ReliabilityResult, Source, Status};
use crate::audit::reliability::{lower_bound, reliability, total_cases_needed, upper_bound};
use crate::audit::standard::{
    CriterionId, FAIL_SCORE, PASS_SCORE, RELIABILITY_MET_GRADE, RELIABILITY_WARN_FLOOR,
    RELIABILITY_WARN_SPAN, STANDARD_CONFIDENCE, STANDARD_TARGET,
};
use crate::audit::uncertainty::{chance_with, rate_for_chance, CHANCE_WANTED};

/// Which case of the rule the pilot is in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Case {
    /// No case evaluated (warn).
    Untested,
    /// The plan in force saw more failures than it allowed (fail).
    PlanFailed {
        /// Failures it allowed.
        allowed: u32,
        /// Failures counted since it was set.
        failures: u64,
    },
    /// Even U95 is below the standard's floor, and people err less (fail).
    BelowStandard,
    /// A passed plan at the standard, on the buyer's evidence, no drift, not stale (pass).
    Proven,
    /// A newer model version was tested after the buyer's last counted batch (warn).
    Stale,
    /// The recent window fails more often than the earlier batches (warn).
    Drifting {
        /// Fisher's exact test's p-value.
        p_value: f64,
    },
    /// U95 is below the standard's floor, but 1 − L95 is under the human error rate (warn).
    BetterThanPeople,
    /// The figures are the vendor's (warn).
    Vendor,
    /// The plan in force passed, but was set looser than the standard (warn).
    PlanBelowStandard,
    /// The figures meet the goal, but no plan was set before them (warn).
    FoundWithoutPlan,
    /// The figures meet the goal before the plan in force has reached its cases (warn).
    InterimLook,
    /// Not yet demonstrated (warn).
    NotYet,
}

/// Whose evidence the counted batches are: the counted batches' source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// Nothing counted: the target is a target.
    Target,
    /// A vendor's test.
    Vendor,
    /// The buyer's own sample.
    BuyerSample,
    /// The buyer's own production data.
    BuyerProduction,
    /// The buyer's own cases, of both kinds.
    Buyer,
}

/// The chance that the more cases a fix names demonstrate the goal (DESIGN §4, §10).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outlook {
    /// The more cases the fix names: those the goal still needs, all successful.
    pub more: u64,
    /// The chance they demonstrate it, under the posterior of the buyer's evidence.
    pub chance: f64,
    /// The true failure rate at which they would demonstrate it 80% of the time.
    pub rate_for_80_percent: Option<f64>,
}

/// What `reliability` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The case.
    pub case: Case,
    /// The target a plan must be set at: the pilot's, or the standard's where looser.
    pub goal_target: f64,
    /// The confidence it must be shown at.
    pub goal_confidence: f64,
    /// The bounds and cases needed at the goal.
    pub goal: ReliabilityResult,
    /// The run of cases without a failure that demonstrates the goal from scratch.
    pub clean_run: Option<u64>,
    /// Whose evidence the figures are.
    pub whose: Whose,
    /// The buyer's own cases are counted.
    pub buyers: bool,
    /// The lower bound at the standard's 95%.
    pub l95: f64,
    /// The upper bound at the standard's 95%.
    pub u95: f64,
    /// 1 − L95 is under the human error rate: fewer errors than people make today.
    pub better_than_people: bool,
    /// Where more testing is the fix: its chance of working.
    pub outlook: Option<Outlook>,
}

impl Finding {
    /// The pilot's own target or confidence is looser than the standard's.
    pub fn loose(&self, pilot: &Pilot) -> bool {
        self.goal_target > pilot.reliability.target
            || self.goal_confidence > pilot.reliability.confidence
    }
}

/// Whose evidence the counted batches of `pilot` are.
pub fn whose(pilot: &Pilot) -> Whose {
    let batches = &pilot.reliability.batches;
    let counted = counted(batches);
    let all = |source: Source| counted.indices.iter().all(|&i| batches[i].source == source);
    match counted.summary.kind {
        EvidenceKind::None => Whose::Target,
        EvidenceKind::Vendor => Whose::Vendor,
        EvidenceKind::Buyer if all(Source::BuyerSample) => Whose::BuyerSample,
        EvidenceKind::Buyer if all(Source::BuyerProduction) => Whose::BuyerProduction,
        EvidenceKind::Buyer => Whose::Buyer,
    }
}

/// The plan in force is set at the standard's floor or stricter.
fn plan_at_standard(pilot: &Pilot) -> bool {
    pilot
        .reliability
        .plans
        .last()
        .is_some_and(|p| p.target >= STANDARD_TARGET && p.confidence >= STANDARD_CONFIDENCE)
}

/// The chance that the cases the goal still needs demonstrate it, on the buyer's evidence.
fn outlook(n: u64, k: u64, goal: &ReliabilityResult, target: f64, confidence: f64) -> Outlook {
    let more = goal.cases_needed.unwrap_or(0);
    Outlook {
        more,
        chance: chance_with(n, k, more, target, confidence),
        rate_for_80_percent: rate_for_chance(n, k, more, target, confidence, CHANCE_WANTED),
    }
}

/// Which case the pilot is in, its status and score.
fn case_of(ctx: &Context, f: &Finding) -> (Case, Status, f64) {
    let res = ctx.reliability;
    let plan = res.plan.as_ref();
    let status = plan.map(|p| p.status);
    let drift = res.drift.filter(|d| d.flagged && f.buyers);
    let met = f.goal.demonstrated;
    let graded = match f.goal.cases_needed {
        _ if met => RELIABILITY_MET_GRADE,
        Some(more) => {
            let n = res.evidence.cases as f64;
            RELIABILITY_WARN_FLOOR + RELIABILITY_WARN_SPAN * n / (n + more as f64)
        }
        None => RELIABILITY_WARN_FLOOR,
    };
    let warn = |case| (case, Status::Warn, graded);
    let below_floor = f.u95 < STANDARD_TARGET;
    if res.evidence.cases == 0 {
        (Case::Untested, Status::Warn, RELIABILITY_WARN_FLOOR)
    } else if let (Some(PlanStatus::Failed), Some(p)) = (status, plan) {
        let allowed = ctx
            .pilot
            .reliability
            .plans
            .last()
            .map_or(0, |p| p.allowed_failures);
        let case = Case::PlanFailed {
            allowed,
            failures: p.counted_failures,
        };
        (case, Status::Fail, FAIL_SCORE)
    } else if below_floor && !f.better_than_people {
        (Case::BelowStandard, Status::Fail, FAIL_SCORE)
    } else if status == Some(PlanStatus::Passed)
        && plan_at_standard(ctx.pilot)
        && f.buyers
        && drift.is_none()
        && res.stale.is_none()
    {
        (Case::Proven, Status::Pass, PASS_SCORE)
    } else if res.stale.is_some() {
        warn(Case::Stale)
    } else if let Some(d) = drift {
        warn(Case::Drifting { p_value: d.p_value })
    } else if below_floor {
        warn(Case::BetterThanPeople)
    } else if !f.buyers {
        warn(Case::Vendor)
    } else if status == Some(PlanStatus::Passed) {
        warn(Case::PlanBelowStandard)
    } else if met && plan.is_some() {
        warn(Case::InterimLook)
    } else if met {
        warn(Case::FoundWithoutPlan)
    } else {
        warn(Case::NotYet)
    }
}

/// Judge `reliability`.
pub fn judge(ctx: &Context) -> Judged {
    let r = &ctx.pilot.reliability;
    let res = ctx.reliability;
    let (n, k) = (res.evidence.cases, res.evidence.failures);
    let buyers = res.evidence.kind == EvidenceKind::Buyer && n > 0;
    let goal_target = r.target.max(STANDARD_TARGET);
    let goal_confidence = r.confidence.max(STANDARD_CONFIDENCE);
    let goal = if goal_target > r.target || goal_confidence > r.confidence {
        reliability(n, k, goal_target, goal_confidence)
    } else {
        res.clone()
    };
    let l95 = lower_bound(n, k, STANDARD_CONFIDENCE);
    let testing = buyers && !goal.demonstrated && goal.cases_needed.is_some();
    let mut finding = Finding {
        case: Case::Untested,
        goal_target,
        goal_confidence,
        clean_run: total_cases_needed(0, goal_target, goal_confidence),
        outlook: testing.then(|| outlook(n, k, &goal, goal_target, goal_confidence)),
        goal,
        whose: whose(ctx.pilot),
        buyers,
        l95,
        u95: upper_bound(n, k, STANDARD_CONFIDENCE),
        better_than_people: n > 0 && 1.0 - l95 < ctx.pilot.task.human_error_rate,
    };
    let (case, status, score) = case_of(ctx, &finding);
    finding.case = case;
    Judged::new(
        CriterionId::Reliability,
        status,
        score,
        super::Finding::Reliability(Box::new(finding)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::criteria::test_context::with;
    use crate::audit::model::Batch;

    fn pilot(cases: u64, failures: u64, source: Source) -> Pilot {
        let mut p = Pilot::default();
        p.reliability.batches = vec![Batch {
            date: "2026-11-01".into(),
            cases,
            failures,
            source,
            ..Batch::default()
        }];
        p
    }

    fn case(p: &Pilot) -> (Status, Case) {
        with(p, |ctx| {
            let j = judge(ctx);
            match j.finding {
                super::super::Finding::Reliability(f) => (j.status, f.case),
                _ => unreachable!(),
            }
        })
    }

    fn planned(mut p: Pilot, set_on: &str, allowed: u32) -> Pilot {
        p.reliability.plans = vec![crate::audit::model::Plan {
            set_on: set_on.into(),
            target: 0.999,
            confidence: 0.95,
            allowed_failures: allowed,
            decide_by: String::new(),
        }];
        p
    }

    #[test]
    fn each_case_of_the_rule() {
        assert_eq!(case(&Pilot::default()), (Status::Warn, Case::Untested));
        let own = Source::BuyerProduction;
        // Only a passed plan passes: the same 3,000 clean cases found without one warn.
        let proven = planned(pilot(3000, 0, own), "2026-10-01", 0);
        assert_eq!(case(&proven), (Status::Pass, Case::Proven));
        assert_eq!(
            case(&pilot(3000, 0, own)),
            (Status::Warn, Case::FoundWithoutPlan)
        );
        // Set after the results, the plan counts none of them: an interim look.
        let late = planned(pilot(3000, 0, own), "2026-11-02", 0);
        assert_eq!(case(&late), (Status::Warn, Case::InterimLook));
        // Allowing 3 failures, the plan needs 7,752 cases: 3,000 are not its end.
        let interim = planned(pilot(3000, 0, own), "2026-10-01", 3);
        assert_eq!(case(&interim), (Status::Warn, Case::InterimLook));
        // 0 allowed and 1 seen: the kill criterion, whatever the bounds say.
        let failed = planned(pilot(20_000, 1, own), "2026-10-01", 0);
        assert_eq!(
            case(&failed),
            (
                Status::Fail,
                Case::PlanFailed {
                    allowed: 0,
                    failures: 1
                }
            )
        );
        assert_eq!(
            case(&pilot(3000, 30, own)),
            (Status::Fail, Case::BelowStandard)
        );
        let mut better = pilot(3000, 30, own);
        better.task.human_error_rate = 0.05;
        assert_eq!(case(&better), (Status::Warn, Case::BetterThanPeople));
        assert_eq!(case(&pilot(1000, 0, own)), (Status::Warn, Case::NotYet));
        let vendor = planned(pilot(3000, 0, Source::VendorTest), "2026-10-01", 0);
        assert_eq!(case(&vendor), (Status::Warn, Case::Vendor));
        let mut loose = planned(pilot(3000, 0, own), "2026-10-01", 0);
        loose.reliability.plans[0].target = 0.99;
        assert_eq!(case(&loose), (Status::Warn, Case::PlanBelowStandard));
        let mut stale = proven.clone();
        stale.reliability.batches[0].model_version = "m1".into();
        stale.reliability.batches.push(Batch {
            date: "2026-11-20".into(),
            cases: 200,
            source: Source::VendorTest,
            model_version: "m2".into(),
            ..Batch::default()
        });
        assert_eq!(case(&stale), (Status::Warn, Case::Stale));
    }

    #[test]
    fn testing_as_a_fix_carries_its_chance() {
        let outlook = |cases, failures| {
            with(
                &pilot(cases, failures, Source::BuyerSample),
                |ctx| match judge(ctx).finding {
                    super::super::Finding::Reliability(f) => f.outlook,
                    _ => unreachable!(),
                },
            )
        };
        // 1,000 clean cases: 1,995 more clean ones demonstrate 99.9%, likely enough.
        let good = outlook(1000, 0).unwrap();
        assert_eq!(good.more, 1995);
        assert!(good.chance > 0.5, "{good:?}");
        // 3 failures in 1,500: the cases still needed rarely come without more failures.
        let poor = outlook(1500, 3).unwrap();
        assert!(poor.chance < 0.5, "{poor:?}");
        let rate = poor.rate_for_80_percent.unwrap();
        assert!(rate > 0.0 && rate < 0.001, "{rate}");
        assert_eq!(outlook(0, 0), None);
    }

    #[test]
    fn a_warn_is_graded_by_the_run_of_cases() {
        let score = |n| with(&pilot(n, 0, Source::BuyerSample), |ctx| judge(ctx).score);
        // 10 untested, rising with the run towards 60 (the 2,995 cases that demonstrate it).
        assert_eq!(with(&Pilot::default(), |ctx| judge(ctx).score), 10.0);
        let (a, b) = (score(500), score(2000));
        assert!(10.0 < a && a < b && b < 60.0, "{a} {b}");
        assert!((score(1000) - (10.0 + 50.0 * 1000.0 / 2995.0)).abs() < 1e-9);
    }
}
