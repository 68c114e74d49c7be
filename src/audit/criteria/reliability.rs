//! `reliability` (standard 2.0): **fail** when cases were evaluated and even the upper bound
//! U is below the target (the evidence, whoever's, shows the pilot below target); **pass** on
//! the buyer's own evidence when the lower bound meets the target, assessed at the standard's
//! target and confidence or stricter, with no drift; **warn** otherwise, graded from
//! [`RELIABILITY_WARN_FLOOR`] (untested) by how far the run of cases has come:
//! `floor + span × n ÷ (n + cases needed)`. A looser target or confidence is held to the
//! standard: the goal is the standard's 99.9% at 95% where the pilot's is looser.

use super::{Context, Judged};
use crate::audit::evidence::counted;
use crate::audit::model::{EvidenceKind, Pilot, ReliabilityResult, Source, Status};
use crate::audit::reliability::{reliability, total_cases_needed};
use crate::audit::standard::{
    CriterionId, FAIL_SCORE, PASS_SCORE, RELIABILITY_MET_GRADE, RELIABILITY_WARN_FLOOR,
    RELIABILITY_WARN_SPAN, STANDARD_CONFIDENCE, STANDARD_TARGET,
};

/// Which case of the rule the pilot is in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Case {
    /// No case evaluated (warn).
    Untested,
    /// Even the upper bound is below the target (fail).
    BelowTarget,
    /// Demonstrated on the buyer's evidence, but the latest batch drifts (warn).
    Drifting {
        /// Fisher's exact test's p-value.
        p_value: f64,
    },
    /// Demonstrated on the buyer's evidence at the standard or stricter (pass).
    Demonstrated,
    /// Assessed at a looser target or confidence than the standard's (warn).
    Loose,
    /// Meets the goal, but on the vendor's evidence (warn).
    VendorDemonstrated,
    /// Not yet demonstrated (warn).
    NotYet,
}

/// Whose evidence the figures are: the counted batches' source.
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

/// What `reliability` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The case.
    pub case: Case,
    /// The target that must be shown: the pilot's, or the standard's where looser.
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

/// Judge `reliability`.
pub fn judge(ctx: &Context) -> Judged {
    let r = &ctx.pilot.reliability;
    let res = ctx.reliability;
    let (n, k) = (res.evidence.cases, res.evidence.failures);
    let buyers = res.evidence.kind == EvidenceKind::Buyer && n > 0;
    let goal_target = r.target.max(STANDARD_TARGET);
    let goal_confidence = r.confidence.max(STANDARD_CONFIDENCE);
    let loose = goal_target > r.target || goal_confidence > r.confidence;
    let goal = if loose {
        reliability(n, k, goal_target, goal_confidence)
    } else {
        res.clone()
    };
    let progress = match goal.cases_needed {
        Some(more) => n as f64 / (n as f64 + more as f64),
        None => 0.0,
    };
    let graded = RELIABILITY_WARN_FLOOR + RELIABILITY_WARN_SPAN * progress;
    let drift = res
        .drift
        .filter(|d| d.flagged && buyers && goal.demonstrated && !loose);
    let (status, score, case) = if res.point_estimate.is_none() {
        (Status::Warn, RELIABILITY_WARN_FLOOR, Case::Untested)
    } else if res.upper_bound < r.target {
        (Status::Fail, FAIL_SCORE, Case::BelowTarget)
    } else if let Some(d) = drift {
        let case = Case::Drifting { p_value: d.p_value };
        (Status::Warn, RELIABILITY_MET_GRADE, case)
    } else if buyers && goal.demonstrated && !loose {
        (Status::Pass, PASS_SCORE, Case::Demonstrated)
    } else if loose {
        (Status::Warn, graded, Case::Loose)
    } else if goal.demonstrated {
        (
            Status::Warn,
            RELIABILITY_MET_GRADE,
            Case::VendorDemonstrated,
        )
    } else {
        (Status::Warn, graded, Case::NotYet)
    };
    let finding = Finding {
        case,
        goal_target,
        goal_confidence,
        clean_run: total_cases_needed(0, goal_target, goal_confidence),
        goal,
        whose: whose(ctx.pilot),
        buyers,
    };
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

    #[test]
    fn each_case_of_the_rule() {
        assert_eq!(case(&Pilot::default()), (Status::Warn, Case::Untested));
        let own = Source::BuyerProduction;
        assert_eq!(
            case(&pilot(3000, 0, own)),
            (Status::Pass, Case::Demonstrated)
        );
        assert_eq!(
            case(&pilot(3000, 30, own)),
            (Status::Fail, Case::BelowTarget)
        );
        assert_eq!(case(&pilot(1000, 0, own)), (Status::Warn, Case::NotYet));
        let vendor = pilot(3000, 0, Source::VendorTest);
        assert_eq!(case(&vendor), (Status::Warn, Case::VendorDemonstrated));
        let mut loose = pilot(3000, 0, own);
        loose.reliability.target = 0.99;
        assert_eq!(case(&loose), (Status::Warn, Case::Loose));
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
