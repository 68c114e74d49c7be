//! `defensibility` in words.

use super::rounding::percent_vs;
use super::rounding::times_down;
use super::{money_of, Words};
use crate::audit::criteria::defensibility::{Case, Finding};
use crate::audit::criteria::Context;
use crate::audit::format::{percent, upper_first, Round};
use crate::audit::model::{Headroom, Sourcing};
use crate::audit::standard::{HEADROOM_FAIL_BELOW, HEADROOM_PASS, MAX_COMPUTE_SHARE};

/// The model's sourcing, as a phrase.
pub fn model(sourcing: Sourcing) -> &'static str {
    match sourcing {
        Sourcing::DistilledSmallModel => "a small model distilled for this task",
        Sourcing::SelfHostedOpenModel => "an open model the buyer hosts",
        Sourcing::ThirdPartyApi => "a third-party API",
        Sourcing::VendorWrapper => "a vendor's wrapper around someone else's API",
    }
}

/// "{lead} its margin is gone at 1.18× today's token and licence prices, under {rule}.",
/// or `none` when the pilot makes nothing at today's prices.
fn margin_gone(f: &Finding, lead: &str, rule: f64, none: &str) -> String {
    match f.headroom {
        Some(Headroom::Factor(x)) => format!(
            "{lead} its margin is gone at {} today's token and licence prices, under {}.",
            times_down(x),
            times_down(rule)
        ),
        _ => none.to_string(),
    }
}

/// The fix of a margin prices could wipe out, ending on the `alternative` model.
fn widen(alternative: &str) -> String {
    format!(
        "Widen the margin to survive prices at {}: fewer tokens per task, fixed prices, or {alternative}.",
        times_down(HEADROOM_PASS)
    )
}

/// The finding and fix of `defensibility`.
pub fn phrase(f: &Finding, ctx: &Context) -> Words {
    let model = model(f.sourcing);
    let share_words = match f.share {
        Some(s) => format!(
            "compute is {} of the human baseline",
            percent_vs(s, Round::Nearest, MAX_COMPUTE_SHARE).0
        ),
        None => "there is no human baseline to weigh compute against".to_string(),
    };
    let compute_fix = format!(
        "bring compute under {} a month ({} of the baseline; today {})",
        money_of(ctx, MAX_COMPUTE_SHARE * f.baseline),
        percent(MAX_COMPUTE_SHARE),
        money_of(ctx, f.compute)
    );
    // A fix, and the compute fix too when compute is over its share.
    let with_compute = |fix: &str| {
        if f.cheap {
            format!("{fix}.")
        } else {
            format!("{fix}; and {compute_fix}.")
        }
    };
    match f.case {
        Case::ThinMargin => Words::new(
            margin_gone(f, &format!("Runs on {model};"), HEADROOM_FAIL_BELOW, &format!("Runs on {model} and makes nothing at today's prices: any price rise deepens the loss.")),
            widen("a model you control"),
        ),
        Case::PriceExposed => Words::new(
            margin_gone(f, &format!("Runs on {model} and {share_words}, but"), HEADROOM_PASS, &format!("Runs on {model} and {share_words}, but it makes nothing at today's prices.")),
            widen("a cheaper model"),
        ),
        Case::WrapperOnPublicData => Words::new(
            format!("Runs on {model}, on data anyone has: nothing here is yours."),
            "Move to a model you control, trained on data only you have.",
        ),
        Case::Defensible => {
            let data = if f.proprietary {
                ", on data only you have"
            } else {
                ""
            };
            Words::pass(format!("Runs on {model}{data}, and {share_words}."))
        }
        Case::ApiOnPublicData => Words::new(
            format!("Runs on {model} on data anyone has, so the margin depends on someone else's prices; {share_words}."),
            with_compute("Build the task on data only you have, or distil a small model you control"),
        ),
        Case::WrapperOnOwnData => Words::new(
            format!("Runs on {model}; your proprietary data is the only moat, and {share_words}."),
            with_compute("Secure ownership of the tuned model, or distil your own on your data"),
        ),
        Case::CostlyCompute => Words::new(
            format!(
                "Runs on {model}, but {share_words}, over {}.",
                percent(MAX_COMPUTE_SHARE)
            ),
            upper_first(&format!("{compute_fix}.")),
        ),
    }
}
