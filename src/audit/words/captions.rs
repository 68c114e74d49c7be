//! The charts' captions (their text alternatives), the comparison's too: the figures each
//! chart shows, in words.

use super::defensibility::model;
use super::rounding::percent_down;
use crate::audit::economics::cumulative_net;
use crate::audit::evidence::{counted_run, history};
use crate::audit::format::{count, draw_share, money, percent, plural};
use crate::audit::sensitivity::TORNADO_SHOWN;
use crate::audit::simulation::Simulation;
use crate::audit::sourcing::{chart_range, BREAK_EVEN_MAX_VOLUME};
use crate::audit::{Assessment, CriterionId, Pilot, Status};

/// The caption of [`cost_per_task`].
pub fn cost_per_task_caption(pilot: &Pilot, a: &Assessment) -> String {
    let [human, ai_e, ai_c] = a.economics.costs_per_task();
    let cur = &pilot.currency;
    if a.economics.expected.ai_cost_per_task.is_some() {
        format!(
            "Cost per task: people today {}, AI {} expected and {} conservative (errors included).",
            money(human, cur),
            money(ai_e, cur),
            money(ai_c, cur)
        )
    } else {
        "Cost per task is unknown: the monthly volume is 0.".to_string()
    }
}

/// The caption of [`cost_stack`].
pub fn cost_stack_caption(pilot: &Pilot, a: &Assessment) -> String {
    let e = &a.economics.expected.monthly_cost;
    let c = &a.economics.conservative.monthly_cost;
    let baseline = a.economics.expected.monthly_baseline;
    let cur = &pilot.currency;
    format!(
        "Monthly cost: AI {} expected ({} compute, {} licence, {} maintenance, {} review, {} failures), {} conservative; people today {}.",
        money(e.total, cur),
        money(e.tokens + e.fixed_compute, cur),
        money(e.licence, cur),
        money(e.maintenance, cur),
        money(e.review, cur),
        money(e.failures, cur),
        money(c.total, cur),
        money(baseline, cur)
    )
}

/// The caption of [`sourcing_cost`](crate::charts::report::sourcing_cost): each option's
/// monthly cost at today's volume, and where the lines cross; None without a volume or
/// without two options (no chart).
pub fn sourcing_cost_caption(pilot: &Pilot, a: &Assessment) -> Option<String> {
    let s = &a.sourcing;
    let v = pilot.task.monthly_volume;
    let (low, high) = chart_range(v, s.break_even_volume)?;
    let [own, other] = s.options.as_slice() else {
        return None;
    };
    let cur = &pilot.currency;
    let crossing = match s.break_even_volume {
        Some(b) => format!("the lines cross at {} tasks a month", count(b.floor())),
        None => format!(
            "the lines do not cross below {} tasks a month",
            count(BREAK_EVEN_MAX_VOLUME)
        ),
    };
    Some(format!(
        "Monthly AI cost against tasks a month, {} to {} on log scales. At today's {}: {} {}, {} {}; {crossing}.",
        count(low),
        count(high),
        count(v),
        model(own.sourcing),
        money(own.monthly_cost, cur),
        model(other.sourcing),
        money(other.monthly_cost, cur),
    ))
}

/// The caption of [`cash_flow`].
pub fn cash_flow_caption(pilot: &Pilot, a: &Assessment) -> String {
    let horizon = pilot.finance.cash_flow_months();
    let e = &a.economics.expected;
    let c = &a.economics.conservative;
    let cur = &pilot.currency;
    let end = |case| {
        cumulative_net(pilot, case, horizon)
            .last()
            .copied()
            .unwrap_or_default()
    };
    let payback = super::unit_economics::payback_words(e.payback_months);
    format!(
        "Cumulative cash flow in {} over {horizon} months, undiscounted: {} expected, {} conservative; the expected case {payback}.",
        pilot.currency,
        money(end(e), cur),
        money(end(c), cur)
    )
}

/// The caption of [`tornado`].
pub fn tornado_caption(pilot: &Pilot, a: &Assessment) -> String {
    let base_npv = a.economics.expected.npv;
    let cur = &pilot.currency;
    let top: Vec<String> = a
        .sensitivity
        .iter()
        .take(3)
        .map(|r| {
            format!(
                "{} (NPV {} to {})",
                r.label.to_ascii_lowercase(),
                money(r.npv_low, cur),
                money(r.npv_high, cur)
            )
        })
        .collect();
    let rest = a.sensitivity.len().saturating_sub(TORNADO_SHOWN);
    let not_drawn = match rest {
        0 => String::new(),
        1 => " 1 other driver moves it less and is not drawn.".to_string(),
        n => format!(
            " {} other drivers move it less and are not drawn.",
            count(n as f64)
        ),
    };
    format!(
        "NPV {} at the expected case; it moves most with {}.{not_drawn}",
        money(base_npv, cur),
        top.join(", ")
    )
}

/// The caption of [`npv_histogram`]: the figures it shows, in words.
pub fn npv_histogram_caption(currency: &str, sim: &Simulation) -> String {
    let cur = currency;
    format!(
        "NPV over {} draws: 5th percentile {}, median {}, 95th percentile {}; above zero in {} of draws.",
        count(f64::from(sim.draws)),
        money(sim.npv_p5, cur),
        money(sim.npv_p50, cur),
        money(sim.npv_p95, cur),
        draw_share(sim.p_npv_positive)
    )
}

/// The caption of [`reliability_path`].
pub fn reliability_path_caption(pilot: &Pilot, a: &Assessment) -> String {
    let r = &pilot.reliability;
    let (n, k, needed) = counted_run(pilot);
    let now = match a.reliability.point_estimate {
        Some(_) => format!(
            "{} now, on {}",
            percent_down(a.reliability.lower_bound),
            plural(n, "case", "cases")
        ),
        None => "nothing measured yet".to_string(),
    };
    let reach = match needed {
        Some(total) => format!(
            "{} is demonstrated at {} with {}",
            percent(r.target),
            plural(total, "case", "cases"),
            plural(k, "failure", "failures")
        ),
        None => format!("{} cannot be demonstrated", percent(r.target)),
    };
    format!(
        "Lower bound on reliability at {} confidence: {now}; {reach}.",
        percent(r.confidence)
    )
}

/// The caption of [`evidence_history`], or None when no batch is counted (no chart then).
pub fn evidence_history_caption(pilot: &Pilot) -> Option<String> {
    let points = history(&pilot.reliability);
    let (first, last) = (points.first()?, points.last()?);
    let when = |d: &str| {
        if d.is_empty() {
            "undated".to_string()
        } else {
            d.to_string()
        }
    };
    Some(format!(
        "Lower bound at {} confidence after each of {} counted: {} on {} at first, {} on {} now; target {}.",
        percent(pilot.reliability.confidence),
        plural(points.len() as u64, "batch", "batches"),
        percent_down(first.lower_bound),
        when(&first.date),
        percent_down(last.lower_bound),
        when(&last.date),
        percent(pilot.reliability.target)
    ))
}

/// The caption of the comparison's radar: each pilot's passes and score.
pub fn radar_caption(chosen: &[(Pilot, Assessment)]) -> String {
    let each = chosen
        .iter()
        .map(|(p, a)| {
            let passes = a
                .criteria
                .iter()
                .filter(|c| c.status == Status::Pass)
                .count();
            format!(
                "{}: {passes} of {} criteria pass, score {:.0}",
                p.name,
                CriterionId::ALL.len(),
                a.score
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    format!("Criterion scores (0–100). {each}.")
}

/// The caption of the portfolio scatter of `pilots` saved pilots with valid answers.
pub fn portfolio_caption(pilots: usize) -> String {
    format!(
        "All {pilots} saved pilots with valid answers: horizontal, AI cost per task as a multiple of people's (left of 1 is cheaper); vertical, the most the failure rate can be at the stated confidence, on a log scale with the lowest at the top (the dashed line is 0.1%: 99.9% reliable); bubble size, monthly net value; colour, verdict."
    )
}
