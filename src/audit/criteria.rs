//! Judge: the seven criteria of the standard and the verdict (DESIGN §4), as typed data.
//!
//! Each criterion (one file each, its tests beneath it) decides its status, its score and
//! the figures behind them, and writes no sentence: [`words`](super::words) phrases a
//! judgement for people. The rules, names, weights, thresholds and warn grades are in
//! [`standard`](super::standard). The live verdict stops here ([`Judgement`]).

pub mod defensibility;
pub mod deployment;
pub mod integration;
pub mod reliability;
pub mod repeatable;
pub mod single_task;
pub mod unit_economics;

use super::economics::{served_volume, token_cost_per_task};
use super::model::{Economics, Pilot, ReliabilityResult, Status, Verdict};
use super::standard::{CriterionId, SCALE_MIN_SCORE};

/// What the criteria read: the (sanitized) pilot and the figures already computed.
pub struct Context<'a> {
    /// The pilot, inside its allowed ranges.
    pub pilot: &'a Pilot,
    /// Reliability figures.
    pub reliability: &'a ReliabilityResult,
    /// Both economic cases.
    pub economics: &'a Economics,
}

/// What a criterion found, as data: the case it is in and the figures that decide it.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// `single_task`.
    SingleTask(single_task::Finding),
    /// `repeatable`.
    Repeatable(repeatable::Finding),
    /// `reliability`.
    Reliability(Box<reliability::Finding>),
    /// `integration`.
    Integration(integration::Finding),
    /// `unit_economics`.
    UnitEconomics(unit_economics::Finding),
    /// `deployment`.
    Deployment(deployment::Finding),
    /// `defensibility`.
    Defensibility(defensibility::Finding),
}

/// One criterion judged: its status, its score and what decided them; no sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    /// Which criterion.
    pub id: CriterionId,
    /// Pass, warn or fail.
    pub status: Status,
    /// 0–100: pass 100, fail 0, warn graded by the standard's grades.
    pub score: f64,
    /// The case and the figures behind it, for [`words`](super::words) to phrase.
    pub finding: Finding,
}

impl Judged {
    /// A judgement, its score held to 0–100.
    pub fn new(id: CriterionId, status: Status, score: f64, finding: Finding) -> Judged {
        Judged {
            id,
            status,
            score: score.clamp(0.0, 100.0),
            finding,
        }
    }
}

/// A pilot judged: verdict, score, the seven criteria and the figures they read. What the
/// live verdict shows; [`assess`](super::assess) phrases it into an
/// [`Assessment`](super::Assessment).
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Scale, fix or stop.
    pub verdict: Verdict,
    /// Weighted mean of the criterion scores, 0–100.
    pub score: f64,
    /// The seven criteria, in the order of the standard.
    pub criteria: Vec<Judged>,
    /// Reliability statistics.
    pub reliability: ReliabilityResult,
    /// Both economic cases.
    pub economics: Economics,
}

/// The seven criteria, in the order of the standard.
pub fn judge(ctx: &Context) -> Vec<Judged> {
    vec![
        single_task::judge(ctx),
        repeatable::judge(ctx),
        reliability::judge(ctx),
        integration::judge(ctx),
        unit_economics::judge(ctx),
        deployment::judge(ctx),
        defensibility::judge(ctx),
    ]
}

/// Weighted mean of the criterion scores with the weights of the standard, 0–100.
pub fn score(criteria: &[(CriterionId, f64)]) -> f64 {
    let (sum, weights) = criteria.iter().fold((0.0, 0.0), |(sum, weights), (id, s)| {
        let w = id.weight();
        (sum + w * s, weights + w)
    });
    if weights > 0.0 {
        (sum / weights).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

/// The verdict (standard 3.0): **stop** when reliability or unit economics fail; **scale**
/// when nothing fails, reliability and unit economics pass, monitoring is on, an owner is
/// named and the score is at least 80; **fix** otherwise — scope faults are fixed, not
/// stopped.
pub fn verdict(statuses: &[(CriterionId, Status)], score: f64, pilot: &Pilot) -> Verdict {
    let status = |id: CriterionId| statuses.iter().find(|c| c.0 == id).map(|c| c.1);
    let fails = statuses.iter().filter(|c| c.1 == Status::Fail).count();
    if status(CriterionId::UnitEconomics) == Some(Status::Fail)
        || status(CriterionId::Reliability) == Some(Status::Fail)
    {
        Verdict::Stop
    } else if fails == 0
        && status(CriterionId::Reliability) == Some(Status::Pass)
        && status(CriterionId::UnitEconomics) == Some(Status::Pass)
        && pilot.integration.monitoring
        && pilot.owner_named()
        && score >= SCALE_MIN_SCORE
    {
        Verdict::Scale
    } else {
        Verdict::Fix
    }
}

/// Why the criterion [`decider`] names decides the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// It fails.
    Fails,
    /// It is short of the pass *scale* needs (a gate that warns, monitoring off, no owner).
    ShortOfPass,
    /// The score is under the bar, and it costs the score most.
    Score,
    /// Nothing holds the pilot back: it carries the *scale*.
    Holds,
}

/// The one criterion that decides the verdict (DESIGN §4), named first on the report, and
/// why: for *stop* the gate that fails (reliability before unit economics); for *fix* the
/// first thing between the pilot and *scale* — a failing criterion (the heaviest),
/// reliability or unit economics short of a pass, monitoring off (integration), no owner
/// named (deployment), then a score under the bar (the criterion that costs it most
/// points); for *scale* reliability, demonstrated. `criteria` are (id, status, score) in
/// any order.
pub fn decider(criteria: &[(CriterionId, Status, f64)], pilot: &Pilot) -> (CriterionId, Cause) {
    use CriterionId::{Deployment, Integration, Reliability, UnitEconomics};
    let status = |id: CriterionId| criteria.iter().find(|c| c.0 == id).map(|c| c.1);
    let fails = |id: CriterionId| status(id) == Some(Status::Fail);
    // Heaviest first; the standard's order among equals.
    let mut by_weight: Vec<_> = criteria.to_vec();
    by_weight.sort_by(|a, b| b.0.weight().total_cmp(&a.0.weight()));
    if fails(Reliability) {
        return (Reliability, Cause::Fails);
    }
    if fails(UnitEconomics) {
        return (UnitEconomics, Cause::Fails);
    }
    if let Some(c) = by_weight.iter().find(|c| c.1 == Status::Fail) {
        return (c.0, Cause::Fails);
    }
    for gate in [Reliability, UnitEconomics] {
        if status(gate).is_some_and(|s| s != Status::Pass) {
            return (gate, Cause::ShortOfPass);
        }
    }
    if !pilot.integration.monitoring {
        return (Integration, Cause::ShortOfPass);
    }
    if !pilot.owner_named() {
        return (Deployment, Cause::ShortOfPass);
    }
    let scores: Vec<_> = criteria.iter().map(|c| (c.0, c.2)).collect();
    if score(&scores) < SCALE_MIN_SCORE {
        // The criterion whose shortfall weighs most in the score.
        if let Some(c) = by_weight
            .iter()
            .filter(|c| c.2 < 100.0)
            .rev()
            .max_by(|a, b| {
                (a.0.weight() * (100.0 - a.2)).total_cmp(&(b.0.weight() * (100.0 - b.2)))
            })
        {
            return (c.0, Cause::Score);
        }
    }
    (Reliability, Cause::Holds)
}

/// The verdict and score of judged criteria on `pilot`.
pub fn verdict_and_score(criteria: &[Judged], pilot: &Pilot) -> (Verdict, f64) {
    let scores: Vec<_> = criteria.iter().map(|c| (c.id, c.score)).collect();
    let statuses: Vec<_> = criteria.iter().map(|c| (c.id, c.status)).collect();
    let score = score(&scores);
    (verdict(&statuses, score, pilot), score)
}

/// Monthly compute: tokens for the served volume plus reserved compute.
pub fn monthly_compute(p: &Pilot) -> f64 {
    served_volume(p) * token_cost_per_task(p) + p.compute.monthly_fixed_compute
}

/// Utilization of reserved capacity: volume ÷ provisioned tasks, when capacity is provisioned.
pub fn utilization(pilot: &Pilot) -> Option<f64> {
    let provisioned = pilot.compute.provisioned_tasks_per_month;
    (provisioned > 0.0).then(|| pilot.task.monthly_volume / provisioned)
}

#[cfg(test)]
pub(crate) mod test_context {
    //! A context for the criteria's unit tests: a pilot assessed as `assess` would.
    use super::*;

    /// Judge `pilot` (sanitized) the way `assess` does, and hand the context to `f`.
    pub fn with<R>(pilot: &Pilot, f: impl FnOnce(&Context) -> R) -> R {
        let j = crate::audit::judgement_on(pilot, "2026-12-01", false);
        let p = pilot.sanitized();
        f(&Context {
            pilot: &p,
            reliability: &j.reliability,
            economics: &j.economics,
        })
    }
}
