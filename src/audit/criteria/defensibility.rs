//! `defensibility` (standard 3.0): **pass** when compute takes at most
//! [`MAX_COMPUTE_SHARE`] of the baseline the served tasks avoid, token prices and the
//! licence could at least double ([`HEADROOM_PASS`]) before the conservative case makes
//! nothing, and the model is the buyer's own (hosted or distilled) or a third-party API on
//! proprietary data; **fail** for a vendor wrapper on data anyone has, or an API or wrapper
//! a price rise under [`HEADROOM_FAIL_BELOW`] wipes out (no headroom at all counts); **warn**
//! otherwise, with the standard's grade for what is missing.

use super::{monthly_compute, Context, Judged};
use crate::audit::model::{Headroom, Sourcing, Status};
use crate::audit::standard::{
    CriterionId, API_ON_PUBLIC_DATA_GRADE, COSTLY_COMPUTE_GRADE, FAIL_SCORE, HEADROOM_FAIL_BELOW,
    HEADROOM_PASS, MAX_COMPUTE_SHARE, PASS_SCORE, PRICE_EXPOSED_GRADE, WRAPPER_ON_OWN_DATA_GRADE,
};

/// Which case of the rule the pilot is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// A vendor's wrapper on data anyone has (fail).
    WrapperOnPublicData,
    /// An API or wrapper whose margin a price rise under 1.25× wipes out (fail).
    ThinMargin,
    /// A moat and compute within its share (pass).
    Defensible,
    /// A third-party API on data anyone has (warn).
    ApiOnPublicData,
    /// A vendor's wrapper on the buyer's own data (warn).
    WrapperOnOwnData,
    /// A moat, but compute over its share (warn).
    CostlyCompute,
    /// A moat and compute within its share, but prices could not double (warn).
    PriceExposed,
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
    /// The price-shock headroom of the conservative case; None when it makes nothing.
    pub headroom: Option<Headroom>,
}

/// The headroom reaches `factor` (unlimited does; none does not).
pub fn headroom_reaches(headroom: Option<Headroom>, factor: f64) -> bool {
    match headroom {
        Some(Headroom::Factor(x)) => x >= factor,
        Some(Headroom::Unlimited(_)) => true,
        None => false,
    }
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
    let headroom = ctx.economics.price_shock_headroom;
    let (status, score, case) = if sourcing == Sourcing::VendorWrapper && !proprietary {
        (Status::Fail, FAIL_SCORE, Case::WrapperOnPublicData)
    } else if !own_model && !headroom_reaches(headroom, HEADROOM_FAIL_BELOW) {
        (Status::Fail, FAIL_SCORE, Case::ThinMargin)
    } else if moat && cheap && headroom_reaches(headroom, HEADROOM_PASS) {
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
    } else if !cheap {
        (Status::Warn, COSTLY_COMPUTE_GRADE, Case::CostlyCompute)
    } else {
        (Status::Warn, PRICE_EXPOSED_GRADE, Case::PriceExposed)
    };
    let finding = Finding {
        case,
        sourcing,
        proprietary,
        compute,
        baseline,
        share,
        cheap,
        headroom,
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
