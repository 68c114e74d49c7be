//! `deployment` in words.

use super::rounding::{money_down, money_up, percent_beside};
use super::Words;
use crate::audit::criteria::deployment::{Finding, Fit, GpuCounts};
use crate::audit::criteria::Context;
use crate::audit::format::{count, times};
use crate::audit::standard::{UTILIZATION_FULL, UTILIZATION_LOW, UTILIZATION_RULES};

/// A multiple as a word where there is one: "twice", else "2.5×".
fn multiple(value: f64) -> String {
    if value == 2.0 {
        "twice".to_string()
    } else {
        times(value, 1)
    }
}

/// The fix for capacity reserved beyond the volume, in GPUs when it comes from a block of
/// the pilot's own: as many as the volume keeps at least half used, and what the rest cost.
fn fewer_gpus(g: &GpuCounts, currency: &str) -> String {
    if g.most == 0 {
        return "Even one of these GPUs is less than half used by the volume: pay per use, or run a smaller model on a smaller GPU.".to_string();
    }
    let fewer = g.gpus.saturating_sub(g.most);
    format!(
        "Run at most {} of the {} GPUs: {} fewer save {} a month. Or pay per use.",
        count(f64::from(g.most)),
        count(f64::from(g.gpus)),
        count(f64::from(fewer)),
        money_down(f64::from(fewer) * g.gpu_month, currency)
    )
}

/// The fix for a volume beyond the reserved capacity, in GPUs: the fewest that serve it.
fn more_gpus(g: &GpuCounts, currency: &str) -> String {
    let more = g.fewest.saturating_sub(g.gpus);
    format!(
        "Run at least {} GPUs (today {}): {} more cost {} a month. Or pay per use.",
        count(f64::from(g.fewest)),
        count(f64::from(g.gpus)),
        count(f64::from(more)),
        money_up(f64::from(more) * g.gpu_month, currency)
    )
}

/// The capacity's finding and fix at utilization `u`.
fn capacity(u: f64, f: &Finding, ctx: &Context) -> (String, String) {
    let currency = &ctx.pilot.currency;
    let volume = ctx.pilot.task.monthly_volume;
    let provisioned = ctx.pilot.compute.provisioned_tasks_per_month;
    if u <= 0.0 {
        (
            format!(
                "Capacity for {} tasks a month is paid for and none is used.",
                count(provisioned)
            ),
            "Stop paying for reserved capacity the volume does not use, or pay per use."
                .to_string(),
        )
    } else if u < UTILIZATION_LOW {
        (
            format!(
                "Reserved capacity is {} the volume: {} tasks a month used of {} paid for ({} utilization).",
                times(1.0 / u, 1),
                count(volume),
                count(provisioned),
                percent_beside(u, &UTILIZATION_RULES)
            ),
            f.gpus.map_or_else(
                || {
                    format!(
                        "Cut reserved capacity to at most {} tasks a month ({} the volume), or pay per use.",
                        count((volume / UTILIZATION_LOW).floor()),
                        multiple(1.0 / UTILIZATION_LOW)
                    )
                },
                |g| fewer_gpus(&g, currency),
            ),
        )
    } else {
        (
            format!(
                "The volume is {} the reserved capacity: {} tasks a month against {} paid for ({} utilization).",
                times(u, 2),
                count(volume),
                count(provisioned),
                percent_beside(u, &UTILIZATION_RULES)
            ),
            f.gpus.map_or_else(
                || {
                    format!(
                        "Reserve capacity for at least {} tasks a month (today {}), or pay per use.",
                        count((volume / UTILIZATION_FULL).ceil()),
                        count(provisioned)
                    )
                },
                |g| more_gpus(&g, currency),
            ),
        )
    }
}

/// The finding and fix of `deployment`.
pub fn phrase(f: &Finding, ctx: &Context) -> Words {
    let mut findings = Vec::new();
    let mut fixes = Vec::new();
    let failing = !f.plan || f.fit == Fit::Misfit;
    if failing && !f.plan {
        findings.push(
            "No dated plan to production: a press-release plan, not a deployment plan.".to_string(),
        );
        fixes.push("Set a date and the steps to production, with a named owner.".to_string());
    }
    if !failing && !f.owner_named {
        findings
            .push("A dated plan exists, but nobody is named as accountable for it.".to_string());
        fixes.push("Name the owner who takes it to production.".to_string());
    }
    let shown = if failing { Fit::Misfit } else { Fit::Off };
    if let (true, Some(u)) = (f.fit == shown, f.utilization) {
        let (finding, fix) = capacity(u, f, ctx);
        findings.push(finding);
        fixes.push(fix);
    }
    if findings.is_empty() {
        let used = match f.utilization {
            Some(u) => format!(
                ", reserved capacity {} used",
                percent_beside(u, &UTILIZATION_RULES)
            ),
            None => ", capacity paid per use".to_string(),
        };
        let owner = ctx.pilot.owner.trim();
        return Words::pass(format!(
            "A dated plan to production, owned by {owner}{used}."
        ));
    }
    Words::new(findings.join(" "), fixes.join(" "))
}
