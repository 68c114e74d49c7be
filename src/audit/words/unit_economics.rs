//! `unit_economics` in words.

use super::rounding::{money_down, months_beside, times_down};
use super::{money_of, Words};
use crate::audit::criteria::unit_economics::{Cap, Case, Finding};
use crate::audit::criteria::Context;
use crate::audit::economics::{judged_horizon, remaining_one_off};
use crate::audit::format::{count, months, plural};
use crate::audit::model::{EconomicCase, Headroom};
use crate::audit::standard::PAYBACK_PASS_MONTHS;

pub(super) fn payback_words(payback: Option<f64>) -> String {
    match payback {
        Some(m) => format!("pays back in {}", months_beside(m, PAYBACK_PASS_MONTHS)),
        None => "never pays back".to_string(),
    }
}

/// The note added to every finding when uncaught failures cost nothing in the model.
fn free_note(f: &Finding) -> &'static str {
    if f.free_failures {
        " Uncaught AI failures cost nothing in this model (cost per error is 0), so reliability barely moves these figures."
    } else {
        ""
    }
}

/// The horizon the standard judges over, min(horizon, 36 months), in words.
fn horizon(ctx: &Context) -> String {
    months(f64::from(judged_horizon(ctx.pilot)))
}

/// The fix on cost: the AI cost per task that would pay, or why no price does.
fn cost_fix(f: &Finding, ctx: &Context, case: &EconomicCase, which: &str) -> String {
    let p = ctx.pilot;
    let money = |value: f64| money_of(ctx, value);
    if f.target_cost > 0.0 {
        format!(
            "AI cost per task must fall below {} (today {} {which}) to pay back within {} with a positive NPV over {}.",
            money_down(f.target_cost, &p.currency),
            money(case.ai_cost_per_task.unwrap_or(0.0)),
            months(PAYBACK_PASS_MONTHS),
            horizon(ctx)
        )
    } else {
        let remaining = remaining_one_off(p);
        let one_off = if remaining < p.integration.one_off_cost {
            format!(
                "The one-off still to spend, {} of {},",
                money(remaining),
                money(p.integration.one_off_cost)
            )
        } else {
            format!("The one-off cost of {}", money(remaining))
        };
        format!(
            "{one_off} cannot pay back within {} at {} tasks a month even if the AI cost nothing per task: cut it or raise the volume.",
            months(PAYBACK_PASS_MONTHS),
            count(p.task.monthly_volume)
        )
    }
}

/// The finding and fix of `unit_economics`.
pub fn phrase(f: &Finding, ctx: &Context) -> Words {
    let (e, c) = (&ctx.economics.expected, &ctx.economics.conservative);
    let money = |value: f64| money_of(ctx, value);
    let pays = format!(
        "Even at the reliability lower bound it saves {} a month, {} and has an NPV of {} over {}.",
        money(c.monthly_net_value),
        payback_words(c.payback_months),
        money(c.npv_judged),
        horizon(ctx)
    );
    match (f.case, f.capped) {
        (Case::Pays, None) => Words::pass(pays),
        (Case::Pays, Some(Cap::FreeFailures)) => Words::new(
            format!("{pays} But uncaught AI failures cost nothing in this model (cost per error is 0), so the figures cannot show what unreliability costs."),
            "Enter what an error that reaches the business costs: with it, the economics can be judged.",
        ),
        (Case::Pays, Some(Cap::ClaimOnly)) => Words::new(
            format!("{pays} But it pays only on {}: at a failure rate nobody here measured.", if f.tested { "the vendor's test" } else { "the claimed failure rate" }),
            format!(
                "Evaluate {} to price it on your own evidence.",
                match ctx.reliability.cases_needed {
                    Some(n) if n > 0 => plural(n, "case of your own", "cases of your own"),
                    _ => "cases of your own".to_string(),
                }
            ),
        ),
        (Case::NoVolume, _) => Words::new(
            format!(
                "No monthly volume: nothing to save, while fixed costs are {} a month.",
                money(-e.monthly_net_value)
            ),
            "Enter the task's monthly volume; a pilot with no volume cannot pay.",
        ),
        (Case::Promising, _) => promising(f, ctx),
        (Case::Loses, _) => loses(f, ctx),
    }
}

/// The expected case pays, the conservative one does not (or cannot be priced yet).
fn promising(f: &Finding, ctx: &Context) -> Words {
    let (e, c) = (&ctx.economics.expected, &ctx.economics.conservative);
    let money = |value: f64| money_of(ctx, value);
    let shortfall = if f.tested {
        format!(
            "at the reliability lower bound it nets {} a month, {}, NPV {}",
            money(c.monthly_net_value),
            payback_words(c.payback_months),
            money(c.npv_judged)
        )
    } else {
        "untested, the conservative case cannot be priced".to_string()
    };
    let fix = if f.tested {
        cost_fix(f, ctx, c, "at the lower bound")
    } else {
        format!(
            "Evaluate {} without a failure: untested, the conservative case counts every task as failed, so no price can be set from it yet.",
            match ctx.reliability.cases_needed {
                Some(n) => plural(n, "case of your own", "cases of your own"),
                None => "cases of your own".to_string(),
            }
        )
    };
    Words::new(
        format!(
            "Saves {} a month at the {} failure rate, {} with an NPV of {} over {}; {shortfall}.{}",
            money(e.monthly_net_value),
            if f.tested { "expected" } else { "claimed" },
            payback_words(e.payback_months),
            money(e.npv_judged),
            horizon(ctx),
            free_note(f)
        ),
        fix,
    )
}

/// Even the expected case does not pay.
fn loses(f: &Finding, ctx: &Context) -> Words {
    let e = &ctx.economics.expected;
    let money = |value: f64| money_of(ctx, value);
    let finding = if e.monthly_net_value <= 0.0 {
        format!(
            "Costs more than it saves: AI {} per task against {} per task today; net {} a month.{}",
            money(e.ai_cost_per_task.unwrap_or(0.0)),
            money(e.baseline_cost_per_task.unwrap_or(0.0)),
            money(e.monthly_net_value),
            free_note(f)
        )
    } else {
        format!(
            "Saves {} a month but {}: the NPV over {} is {}.{}",
            money(e.monthly_net_value),
            payback_words(e.payback_months),
            horizon(ctx),
            money(e.npv_judged),
            free_note(f)
        )
    };
    let which = if f.tested {
        "at the expected failure rate"
    } else {
        "at the claimed failure rate"
    };
    Words::new(finding, cost_fix(f, ctx, e, which))
}

/// The price-shock headroom (DESIGN §3) as a figure with its meaning: how far token prices
/// and the licence can rise together before the conservative case stops making money.
pub fn headroom_words(headroom: Option<Headroom>) -> String {
    match headroom {
        None => "none: it makes no money at today's prices".to_string(),
        Some(Headroom::Unlimited(_)) => "unlimited: no tokens or licence to pay".to_string(),
        Some(Headroom::Factor(x)) => format!("{} today's token and licence prices", times_down(x)),
    }
}

/// The tasks the reserved capacity cannot serve (DESIGN §3), when there are any: they stay
/// with people at today's cost and earn nothing.
pub fn unserved_words(volume: f64, served: f64) -> Option<String> {
    (served < volume).then(|| {
        format!(
            "The capacity paid for serves {} of the {} tasks a month: the other {} stay with people at today's cost and earn nothing.",
            count(served),
            count(volume),
            count(volume - served)
        )
    })
}

/// What the return figure divides by, in its label (DESIGN §3: "return on AI spend").
pub const ROI_LABEL: &str = "Return on AI spend (NPV ÷ all AI costs, discounted)";

/// The return as a whole percentage, "—" when there is no AI cost to divide by.
pub fn roi_words(roi: Option<f64>) -> String {
    roi.map_or_else(|| "—".to_string(), |r| format!("{}%", count(r * 100.0)))
}
