//! `defensibility` (standard 2.0): **pass** when compute takes at most
//! [`MAX_COMPUTE_SHARE`] of the human baseline and the model is the buyer's own (hosted or
//! distilled) or a third-party API on proprietary data; **fail** for a vendor wrapper on
//! data anyone has; **warn** otherwise, with the standard's grade for what is missing.

use super::{monthly_compute, Context, Judged};
use crate::audit::model::{Sourcing, Status};
use crate::audit::standard::{
    CriterionId, API_ON_PUBLIC_DATA_GRADE, COSTLY_COMPUTE_GRADE, FAIL_SCORE, MAX_COMPUTE_SHARE,
    PASS_SCORE, WRAPPER_ON_OWN_DATA_GRADE,
};

/// Which case of the rule the pilot is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// A vendor's wrapper on data anyone has (fail).
    WrapperOnPublicData,
    /// A moat and compute within its share (pass).
    Defensible,
    /// A third-party API on data anyone has (warn).
    ApiOnPublicData,
    /// A vendor's wrapper on the buyer's own data (warn).
    WrapperOnOwnData,
    /// A moat, but compute over its share (warn).
    CostlyCompute,
}

/// What `defensibility` found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finding {
    /// The case.
    pub case: Case,
    /// How the model is sourced.
    pub sourcing: Sourcing,
    /// The pilot runs on data only this buyer has.
    pub proprietary: bool,
    /// Monthly compute: tokens for the volume plus reserved compute.
    pub compute: f64,
    /// The human baseline per month.
    pub baseline: f64,
    /// Compute ÷ baseline; null without a baseline.
    pub share: Option<f64>,
    /// Compute within its share of the baseline.
    pub cheap: bool,
}

/// Judge `defensibility`.
pub fn judge(ctx: &Context) -> Judged {
    let p = ctx.pilot;
    let compute = monthly_compute(p);
    let baseline = ctx.economics.expected.monthly_baseline;
    let share = (baseline > 0.0).then(|| compute / baseline);
    let cheap = share.is_some_and(|s| s <= MAX_COMPUTE_SHARE);
    let sourcing = p.compute.sourcing;
    let proprietary = p.compute.proprietary_data;
    let own_model = matches!(
        sourcing,
        Sourcing::DistilledSmallModel | Sourcing::SelfHostedOpenModel
    );
    let moat = own_model || (sourcing == Sourcing::ThirdPartyApi && proprietary);
    let (status, score, case) = if sourcing == Sourcing::VendorWrapper && !proprietary {
        (Status::Fail, FAIL_SCORE, Case::WrapperOnPublicData)
    } else if moat && cheap {
        (Status::Pass, PASS_SCORE, Case::Defensible)
    } else if !moat && sourcing == Sourcing::ThirdPartyApi {
        (
            Status::Warn,
            API_ON_PUBLIC_DATA_GRADE,
            Case::ApiOnPublicData,
        )
    } else if !moat {
        (
            Status::Warn,
            WRAPPER_ON_OWN_DATA_GRADE,
            Case::WrapperOnOwnData,
        )
    } else {
        (Status::Warn, COSTLY_COMPUTE_GRADE, Case::CostlyCompute)
    };
    let finding = Finding {
        case,
        sourcing,
        proprietary,
        compute,
        baseline,
        share,
        cheap,
    };
    Judged::new(
        CriterionId::Defensibility,
        status,
        score,
        super::Finding::Defensibility(finding),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::criteria::test_context::with;
    use crate::audit::Pilot;

    #[test]
    fn sourcing_data_and_compute_share_decide_it() {
        let judged = |sourcing, proprietary, price: f64| {
            let mut p = Pilot::default();
            p.task.monthly_volume = 1000.0;
            p.task.human_minutes_per_task = 6.0;
            p.task.hourly_cost = 60.0;
            p.compute.sourcing = sourcing;
            p.compute.proprietary_data = proprietary;
            p.compute.input_tokens_per_task = 1e6;
            p.compute.price_per_million_input = price;
            with(&p, |ctx| {
                let j = judge(ctx);
                match j.finding {
                    super::super::Finding::Defensibility(f) => (j.status, f.case),
                    _ => unreachable!(),
                }
            })
        };
        use Sourcing::*;
        // $6 a task today; tokens at $1 a task are 1/6 of it, at $3 half.
        assert_eq!(
            judged(VendorWrapper, false, 1.0),
            (Status::Fail, Case::WrapperOnPublicData)
        );
        assert_eq!(
            judged(DistilledSmallModel, false, 1.0),
            (Status::Pass, Case::Defensible)
        );
        assert_eq!(
            judged(ThirdPartyApi, true, 1.0),
            (Status::Pass, Case::Defensible)
        );
        assert_eq!(
            judged(ThirdPartyApi, false, 1.0),
            (Status::Warn, Case::ApiOnPublicData)
        );
        assert_eq!(
            judged(VendorWrapper, true, 1.0),
            (Status::Warn, Case::WrapperOnOwnData)
        );
        assert_eq!(
            judged(SelfHostedOpenModel, false, 3.0),
            (Status::Warn, Case::CostlyCompute)
        );
    }
}
