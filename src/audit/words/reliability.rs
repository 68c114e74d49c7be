//! `reliability` in words: what was observed, the bound that decides, and what it takes at
//! the standard's target and confidence.

use super::rounding::percent_vs;
use super::{p_value, Words};
use crate::audit::criteria::reliability::{Case, Finding, Whose};
use crate::audit::criteria::Context;
use crate::audit::format::{percent, plural, Round};

/// Whose evidence the figures are, in words.
pub fn whose(whose: Whose) -> &'static str {
    match whose {
        Whose::Target => "a target",
        Whose::Vendor => "a vendor's test",
        Whose::BuyerSample => "the buyer's own sample",
        Whose::BuyerProduction => "the buyer's own production data",
        Whose::Buyer => "the buyer's own cases",
    }
}

/// The finding and fix of `reliability`.
pub fn phrase(f: &Finding, ctx: &Context) -> Words {
    let res = ctx.reliability;
    let (n, k) = (res.evidence.cases, res.evidence.failures);
    let (target, confidence) = (
        ctx.pilot.reliability.target,
        ctx.pilot.reliability.confidence,
    );
    let words = whose(f.whose);
    let goal = &f.goal;
    let (goal_t, goal_c) = (percent(f.goal_target), percent(f.goal_confidence));
    let more_cases = |cases: Option<u64>| match cases {
        Some(c) => plural(c, "more case", "more cases"),
        None => "more cases".to_string(),
    };
    let evaluate = |own: &str| {
        format!(
            "Evaluate {}{own} without a failure to demonstrate {goal_t} at {goal_c} confidence.",
            more_cases(goal.cases_needed)
        )
    };
    let own = if f.buyers { "" } else { " of your own" };
    let clean_run = f.clean_run.map_or_else(
        || "a long run of cases".to_string(),
        |c| plural(c, "case", "cases"),
    );
    let repeat = || {
        format!(
            "Repeat the evaluation on your own cases: {clean_run} without a failure demonstrate {goal_t} at {goal_c} confidence."
        )
    };
    if f.case == Case::Untested {
        return Words::new(
            format!(
                "No case has been evaluated: {} is {}, not a measurement.",
                percent(target),
                words
            ),
            evaluate(" of your own"),
        );
    }
    // Every other case has evaluated cases, so a point estimate.
    let point = res.point_estimate.unwrap_or_default();
    let observed = format!(
        "{} on {} ({})",
        percent_vs(point, Round::Nearest, target).0,
        plural(n, "case", "cases"),
        plural(k, "failure", "failures")
    );
    match f.case {
        Case::Untested | Case::BelowTarget => {
            let (upper, t) = percent_vs(res.upper_bound, Round::Up, target);
            let (failing, allowed) = percent_vs(1.0 - point, Round::Nearest, 1.0 - target);
            Words::new(
                format!(
                    "Observed {observed}; even the upper bound, {upper} at {} confidence, is below the {t} target: the evidence shows the pilot below target.",
                    percent(confidence)
                ),
                format!(
                    "Cut the failure rate from {failing} to at most {allowed}, then demonstrate it: {clean_run} in a row without a failure show {goal_t} at {goal_c} confidence."
                ),
            )
        }
        Case::Drifting { p_value: p } => {
            let (lower, t) = percent_vs(res.lower_bound, Round::Down, target);
            Words::new(
                format!(
                    "The pooled figures meet the {t} target ({observed}; lower bound {lower}), but the latest batch fails more often than the earlier ones (Fisher's exact test, {}): the pilot may be drifting.",
                    p_value(p)
                ),
                "Find what changed (model, prompt, input), then evaluate a new batch: the drift must be gone before reliability can pass.",
            )
        }
        Case::Demonstrated => {
            let (lower, t) = percent_vs(res.lower_bound, Round::Down, target);
            Words::pass(format!(
                "Demonstrated on {words}: {observed}; lower bound {lower} at {} confidence meets the {t} target.",
                percent(confidence)
            ))
        }
        Case::Loose => {
            let (lower, t) = percent_vs(goal.lower_bound, Round::Down, f.goal_target);
            let at_standard = if goal.demonstrated {
                format!(
                    "at the standard, the lower bound is {lower} at {goal_c} confidence: it meets {t}"
                )
            } else {
                format!("at the standard, the lower bound is only {lower} at {goal_c} confidence, short of {t}")
            };
            let fix = if goal.demonstrated && f.buyers {
                format!("Assess it against the standard's {goal_t} at {goal_c} confidence: your evidence already demonstrates it.")
            } else if goal.demonstrated {
                repeat()
            } else {
                evaluate(own)
            };
            Words::new(
                format!(
                    "Assessed against {} at {} confidence, looser than the standard's {goal_t} at {goal_c}, so it cannot pass; observed {observed}, and {at_standard}.",
                    percent(target),
                    percent(confidence)
                ),
                fix,
            )
        }
        Case::VendorDemonstrated => {
            let (lower, _) = percent_vs(res.lower_bound, Round::Down, target);
            Words::new(
                format!(
                    "The figures are {words}: {observed}, lower bound {lower}. Only your own cases demonstrate reliability."
                ),
                repeat(),
            )
        }
        Case::NotYet => {
            let (lower, t) = percent_vs(res.lower_bound, Round::Down, target);
            let (upper, _) = percent_vs(res.upper_bound, Round::Up, target);
            let standing = if point < target {
                format!(
                    "Observed {observed} is below the {t} target, but the evidence cannot yet tell: the upper bound is {upper} at {} confidence ({words}).",
                    percent(confidence)
                )
            } else {
                format!(
                    "Observed {observed} meets the target, but the lower bound is only {lower} at {} confidence, short of {t} ({words}).",
                    percent(confidence)
                )
            };
            Words::new(standing, evaluate(own))
        }
    }
}
