//! The seven criteria of the standard and the verdict (DESIGN §4).
//!
//! The rules, names, weights and thresholds are in [`standard`](super::standard).
//!
//! Warn scores are graded between fail (0) and pass (100) by how close the pilot is.

use super::economics::{baseline_per_task, token_cost_per_task};
use super::format::{count, money, months, percent};
use super::model::{
    Criterion, Economics, Evidence, InputStructure, OutputDestination, Pilot, ReliabilityResult,
    Sourcing, Status, Verdict,
};
use super::reliability::total_cases_needed;
use super::standard::{
    CriterionId, MAX_COMPUTE_SHARE, MAX_TASKS_TO_WARN, PAYBACK_PASS_MONTHS, PAYBACK_WARN_MONTHS,
    SCALE_MIN_SCORE, STOP_AT_FAILS, UTILIZATION_IDLE, UTILIZATION_LOW,
};

/// What the criteria read: the (sanitized) pilot and the figures already computed.
pub struct Context<'a> {
    /// The pilot, inside its allowed ranges.
    pub pilot: &'a Pilot,
    /// Reliability figures.
    pub reliability: &'a ReliabilityResult,
    /// Both economic cases.
    pub economics: &'a Economics,
}

impl Context<'_> {
    fn money(&self, value: f64) -> String {
        money(value, &self.pilot.currency)
    }
}

fn criterion(
    id: CriterionId,
    status: Status,
    score: f64,
    finding: String,
    fix: String,
) -> Criterion {
    Criterion {
        id,
        status,
        score: score.clamp(0.0, 100.0),
        finding,
        fix,
    }
}

fn pass(id: CriterionId, finding: String) -> Criterion {
    criterion(id, Status::Pass, 100.0, finding, String::new())
}

/// `single_task`: one task passes, 2–3 warn (60, 30), none or four and more fail.
pub fn single_task(ctx: &Context) -> Criterion {
    let id = CriterionId::SingleTask;
    match ctx.pilot.task.distinct_tasks {
        1 => pass(id, "Automates one task.".into()),
        0 => criterion(
            id,
            Status::Fail,
            0.0,
            "No task is defined (0 distinct tasks).".into(),
            "Name the one task the pilot automates.".into(),
        ),
        n @ 2..=MAX_TASKS_TO_WARN => criterion(
            id,
            Status::Warn,
            if n == 2 { 60.0 } else { 30.0 },
            format!("Asked to do {n} different jobs."),
            format!(
                "Narrow it to the one job with the most volume; make the other {} separate pilots.",
                n - 1
            ),
        ),
        n => criterion(
            id,
            Status::Fail,
            0.0,
            format!(
                "Asked to do {} different jobs: a pilot that does everything proves nothing.",
                count(n as f64)
            ),
            format!(
                "Pick one task, measure it, and drop the other {}.",
                count((n - 1) as f64)
            ),
        ),
    }
}

/// `repeatable`: structured input passes, semi-structured warns (50), free-form fails.
pub fn repeatable(ctx: &Context) -> Criterion {
    let id = CriterionId::Repeatable;
    match ctx.pilot.task.input_structure {
        InputStructure::Structured => pass(
            id,
            "Input is structured: the same fields every time.".into(),
        ),
        InputStructure::SemiStructured => criterion(
            id,
            Status::Warn,
            50.0,
            "Input is semi-structured: known documents whose layout varies.".into(),
            "Standardise the input (templates, required fields) or measure reliability per layout."
                .into(),
        ),
        InputStructure::FreeForm => criterion(
            id,
            Status::Fail,
            0.0,
            "Input is free-form: every case differs, so no test set stands for production.".into(),
            "Choose a task whose input has a fixed structure, or constrain the input to a form."
                .into(),
        ),
    }
}

fn evidence_words(evidence: Evidence) -> &'static str {
    match evidence {
        Evidence::VendorClaim => "a vendor's claim",
        Evidence::VendorTest => "a vendor's test",
        Evidence::BuyerSample => "the buyer's own sample",
        Evidence::BuyerProduction => "the buyer's own production data",
    }
}

/// `reliability`: demonstrated on the buyer's evidence passes; point estimate below target
/// fails; otherwise warn, graded 10 (untested) up to 60 (demonstrated, vendor's evidence),
/// and `10 + 50 × n ÷ (n + cases needed)` when not yet demonstrated.
pub fn reliability(ctx: &Context) -> Criterion {
    let id = CriterionId::Reliability;
    let r = &ctx.pilot.reliability;
    let res = ctx.reliability;
    let (target, conf) = (percent(r.target), percent(r.confidence));
    let (n, k) = (r.cases_evaluated, r.failures_observed);
    let zero_failure_run = total_cases_needed(0, r.target, r.confidence);
    let run_words = |cases: Option<u64>| match cases {
        Some(c) => count(c as f64),
        None => "more".to_string(),
    };
    let Some(point) = res.point_estimate else {
        return criterion(
            id,
            Status::Warn,
            10.0,
            format!("No case has been evaluated: {target} is {}, not a measurement.", evidence_words(r.evidence)),
            format!(
                "Evaluate {} of your own cases without a failure to demonstrate {target} at {conf} confidence.",
                run_words(res.cases_needed)
            ),
        );
    };
    let observed = format!(
        "{} on {} cases ({} failures)",
        percent(point),
        count(n as f64),
        count(k as f64)
    );
    if point < r.target {
        return criterion(
            id,
            Status::Fail,
            0.0,
            format!("Observed success rate {observed} is below the {target} target."),
            format!(
                "Cut the failure rate from {} to at most {}, then demonstrate it: {} cases in a row without a failure show {target} at {conf} confidence.",
                percent(1.0 - point),
                percent(1.0 - r.target),
                run_words(zero_failure_run)
            ),
        );
    }
    if res.demonstrated {
        if r.evidence.is_buyers_own() {
            return pass(
                id,
                format!(
                    "Demonstrated on {}: {observed}; lower bound {} at {conf} confidence meets the {target} target.",
                    evidence_words(r.evidence),
                    percent(res.lower_bound)
                ),
            );
        }
        return criterion(
            id,
            Status::Warn,
            60.0,
            format!(
                "The figures are {}: {observed}, lower bound {}. Only your own cases demonstrate reliability.",
                evidence_words(r.evidence),
                percent(res.lower_bound)
            ),
            format!(
                "Repeat the evaluation on your own cases: {} without a failure demonstrate {target} at {conf} confidence.",
                run_words(zero_failure_run)
            ),
        );
    }
    let progress = match res.cases_needed {
        Some(more) => n as f64 / (n as f64 + more as f64),
        None => 0.0,
    };
    let own = if r.evidence.is_buyers_own() {
        ""
    } else {
        " of your own"
    };
    criterion(
        id,
        Status::Warn,
        10.0 + 50.0 * progress,
        format!(
            "Observed {observed} meets the target, but the lower bound is only {} at {conf} confidence ({}).",
            percent(res.lower_bound),
            evidence_words(r.evidence)
        ),
        format!(
            "Evaluate {} more cases{own} without a failure to demonstrate {target} at {conf} confidence.",
            run_words(res.cases_needed)
        ),
    )
}

/// `integration`: fail on copy-paste or with neither fallback nor monitoring; pass in a
/// workflow or system of record with both; otherwise warn (100 − 40 standalone − 25 a gap).
pub fn integration(ctx: &Context) -> Criterion {
    let id = CriterionId::Integration;
    let i = &ctx.pilot.integration;
    let place = match i.output_destination {
        OutputDestination::CopyPaste => {
            return criterion(
                id,
                Status::Fail,
                0.0,
                "Output is copy-pasted by a person: the pilot sits beside the work, not in it.".into(),
                "Write the output into the system of record through its API, or into the workflow that uses it.".into(),
            )
        }
        OutputDestination::StandaloneTool => "a standalone tool",
        OutputDestination::SystemOfRecordApi => "the system of record",
        OutputDestination::AutomatedWorkflow => "an automated workflow",
    };
    if !i.fallback_to_human && !i.monitoring {
        return criterion(
            id,
            Status::Fail,
            0.0,
            format!("Output lands in {place}, with no fallback to a person and no monitoring: failures go unseen."),
            "Add an escalation path to a person and continuous quality monitoring.".into(),
        );
    }
    let standalone = i.output_destination == OutputDestination::StandaloneTool;
    if !standalone && i.fallback_to_human && i.monitoring {
        return pass(
            id,
            format!("Output lands in {place}, with a fallback to a person and monitoring."),
        );
    }
    let mut gaps = Vec::new();
    let mut fixes = Vec::new();
    if standalone {
        gaps.push("people must leave their work to use it");
        fixes.push("write the output into the system of record or workflow");
    }
    if !i.fallback_to_human {
        gaps.push("there is no fallback to a person");
        fixes.push("add an escalation path to a person");
    }
    if !i.monitoring {
        gaps.push("production quality is not monitored");
        fixes.push("measure production quality continuously");
    }
    let score = 100.0
        - if standalone { 40.0 } else { 0.0 }
        - 25.0 * (gaps.len() - standalone as usize) as f64;
    criterion(
        id,
        Status::Warn,
        score,
        format!("Output lands in {place}, but {}.", gaps.join(" and ")),
        capitalise(&format!("{}.", fixes.join("; "))),
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `unit_economics`: pass when the conservative case nets a profit and pays back within 12
/// months; warn when the expected case pays back within 36 (graded 40–90 by payback); else fail.
pub fn unit_economics(ctx: &Context) -> Criterion {
    let id = CriterionId::UnitEconomics;
    let p = ctx.pilot;
    let (e, c) = (&ctx.economics.expected, &ctx.economics.conservative);
    let volume = p.task.monthly_volume;
    let payback_words = |pb: Option<f64>| match pb {
        Some(m) => format!("pays back in {}", months(m)),
        None => "never pays back".to_string(),
    };
    if c.monthly_net_value > 0.0 && c.payback_months.is_some_and(|m| m <= PAYBACK_PASS_MONTHS) {
        return pass(
            id,
            format!(
                "Even at the reliability lower bound it saves {} a month and {}.",
                ctx.money(c.monthly_net_value),
                payback_words(c.payback_months)
            ),
        );
    }
    if volume <= 0.0 {
        return criterion(
            id,
            Status::Fail,
            0.0,
            format!(
                "No monthly volume: nothing to save, while fixed costs are {} a month.",
                ctx.money(-e.monthly_net_value)
            ),
            "Enter the task's monthly volume; a pilot with no volume cannot pay.".into(),
        );
    }
    // AI cost per task at which the conservative case pays back in 12 months.
    let target_cost =
        baseline_per_task(p) - p.integration.one_off_cost / (PAYBACK_PASS_MONTHS * volume);
    let ai_now = c.ai_cost_per_task.unwrap_or(0.0);
    let cost_fix = if target_cost > 0.0 {
        format!(
            "AI cost per task must fall below {} (today {} at the lower bound) to pay back within {}.",
            ctx.money(target_cost),
            ctx.money(ai_now),
            months(PAYBACK_PASS_MONTHS)
        )
    } else {
        format!(
            "The one-off cost of {} cannot pay back within {} at {} tasks a month, even at zero running cost.",
            ctx.money(p.integration.one_off_cost),
            months(PAYBACK_PASS_MONTHS),
            count(volume)
        )
    };
    if e.monthly_net_value > 0.0 && e.payback_months.is_some_and(|m| m <= PAYBACK_WARN_MONTHS) {
        let payback = e.payback_months.unwrap_or(PAYBACK_WARN_MONTHS);
        return criterion(
            id,
            Status::Warn,
            40.0 + 50.0
                * ((PAYBACK_WARN_MONTHS - payback) / (PAYBACK_WARN_MONTHS - PAYBACK_PASS_MONTHS))
                    .clamp(0.0, 1.0),
            format!(
                "Saves {} a month at the {} failure rate and {}; at the reliability lower bound it nets {} a month and {}.",
                ctx.money(e.monthly_net_value),
                if p.reliability.cases_evaluated > 0 { "observed" } else { "claimed" },
                payback_words(e.payback_months),
                ctx.money(c.monthly_net_value),
                payback_words(c.payback_months)
            ),
            cost_fix,
        );
    }
    let finding = if e.monthly_net_value <= 0.0 {
        format!(
            "Costs more than it saves: AI {} per task against {} for people today; net {} a month.",
            ctx.money(e.ai_cost_per_task.unwrap_or(0.0)),
            ctx.money(e.baseline_cost_per_task.unwrap_or(0.0)),
            ctx.money(e.monthly_net_value)
        )
    } else {
        format!(
            "Saves {} a month but {}, beyond {}.",
            ctx.money(e.monthly_net_value),
            payback_words(e.payback_months),
            months(PAYBACK_WARN_MONTHS)
        )
    };
    criterion(id, Status::Fail, 0.0, finding, cost_fix)
}

/// `deployment`: fail without a dated plan or below 25% utilization; warn without an owner
/// (60) or at 25–50% utilization (40–80); pass otherwise.
pub fn deployment(ctx: &Context) -> Criterion {
    let id = CriterionId::Deployment;
    let p = ctx.pilot;
    let volume = p.task.monthly_volume;
    let provisioned = p.compute.provisioned_tasks_per_month;
    let utilization = ctx.economics.utilization;
    let capacity_fix = format!(
        "Cut reserved capacity to at most {} tasks a month (twice the volume), or pay per use.",
        count(volume / UTILIZATION_LOW)
    );
    let capacity_finding = |u: f64| {
        if u > 0.0 {
            format!(
                "Reserved capacity is {:.1}× the volume: {} tasks a month used of {} paid for ({} utilization).",
                1.0 / u,
                count(volume),
                count(provisioned),
                percent(u)
            )
        } else {
            format!(
                "Capacity for {} tasks a month is paid for and none is used.",
                count(provisioned)
            )
        }
    };
    let idle = utilization.filter(|u| *u < UTILIZATION_IDLE);
    if !p.integration.deployment_plan || idle.is_some() {
        let mut findings = Vec::new();
        let mut fixes = Vec::new();
        if !p.integration.deployment_plan {
            findings.push(
                "No dated plan to production: a press-release plan, not a deployment plan."
                    .to_string(),
            );
            fixes.push("Set a date and the steps to production, with a named owner.".to_string());
        }
        if let Some(u) = idle {
            findings.push(capacity_finding(u));
            fixes.push(capacity_fix);
        }
        return criterion(id, Status::Fail, 0.0, findings.join(" "), fixes.join(" "));
    }
    let owner = p.owner.trim();
    let low_use = utilization.filter(|u| *u < UTILIZATION_LOW);
    if owner.is_empty() || low_use.is_some() {
        let mut findings = Vec::new();
        let mut fixes = Vec::new();
        let mut score: f64 = 100.0;
        if owner.is_empty() {
            findings.push(
                "A dated plan exists, but nobody is named as accountable for it.".to_string(),
            );
            fixes.push("Name the owner who takes it to production.".to_string());
            score = score.min(60.0);
        }
        if let Some(u) = low_use {
            findings.push(capacity_finding(u));
            fixes.push(capacity_fix);
            score = score
                .min(40.0 + 40.0 * (u - UTILIZATION_IDLE) / (UTILIZATION_LOW - UTILIZATION_IDLE));
        }
        return criterion(id, Status::Warn, score, findings.join(" "), fixes.join(" "));
    }
    let used = match utilization {
        Some(u) => format!(", reserved capacity {} used", percent(u)),
        None => ", capacity paid per use".to_string(),
    };
    pass(
        id,
        format!("A dated plan to production, owned by {owner}{used}."),
    )
}

/// Monthly compute: tokens for the volume plus reserved compute.
pub fn monthly_compute(p: &Pilot) -> f64 {
    p.task.monthly_volume * token_cost_per_task(p) + p.compute.monthly_fixed_compute
}

/// `defensibility`: a model the buyer controls passes; a third-party API passes only with
/// proprietary data and compute ≤ 30% of the baseline, else warns (50); a vendor wrapper
/// warns (40) with proprietary data and fails without.
pub fn defensibility(ctx: &Context) -> Criterion {
    let id = CriterionId::Defensibility;
    let p = ctx.pilot;
    let compute = monthly_compute(p);
    let baseline = ctx.economics.expected.monthly_baseline;
    let share = (baseline > 0.0).then(|| compute / baseline);
    let share_words = match share {
        Some(s) => format!("{} of the human baseline", percent(s)),
        None => "with no human baseline to compare".to_string(),
    };
    match p.compute.sourcing {
        Sourcing::DistilledSmallModel => pass(id, "Runs on a small model distilled for this task, which the buyer controls.".into()),
        Sourcing::SelfHostedOpenModel => pass(id, "Runs on an open model the buyer hosts: no margin hangs on someone else's API.".into()),
        Sourcing::ThirdPartyApi => {
            let cheap = share.is_some_and(|s| s <= MAX_COMPUTE_SHARE);
            if p.compute.proprietary_data && cheap {
                return pass(
                    id,
                    format!("A third-party API, but on data only you have, with compute at {share_words}."),
                );
            }
            let why = if p.compute.proprietary_data {
                format!("compute is {share_words}, over {}", percent(MAX_COMPUTE_SHARE))
            } else {
                format!("on data anyone has, with compute at {share_words}")
            };
            criterion(
                id,
                Status::Warn,
                50.0,
                format!("A third-party API {why}: the margin depends on someone else's prices."),
                format!(
                    "Distil a small model for this task, or bring compute under {} a month ({} of the baseline; today {}).",
                    ctx.money(MAX_COMPUTE_SHARE * baseline),
                    percent(MAX_COMPUTE_SHARE),
                    ctx.money(compute)
                ),
            )
        }
        Sourcing::VendorWrapper if p.compute.proprietary_data => criterion(
            id,
            Status::Warn,
            40.0,
            "A vendor's wrapper around someone else's API; your proprietary data is the only moat.".into(),
            "Secure ownership of the tuned model, or distil your own on your data.".into(),
        ),
        Sourcing::VendorWrapper => criterion(
            id,
            Status::Fail,
            0.0,
            "A vendor's wrapper around someone else's API, on data anyone has: nothing here is yours.".into(),
            "Move to a model you control, trained on data only you have.".into(),
        ),
    }
}

/// The seven criteria, in the order of the standard.
pub fn judge(ctx: &Context) -> Vec<Criterion> {
    vec![
        single_task(ctx),
        repeatable(ctx),
        reliability(ctx),
        integration(ctx),
        unit_economics(ctx),
        deployment(ctx),
        defensibility(ctx),
    ]
}

/// Weighted mean of the criterion scores with the weights of the standard, 0–100.
pub fn score(criteria: &[Criterion]) -> f64 {
    let (sum, weights) = criteria.iter().fold((0.0, 0.0), |(sum, weights), c| {
        let w = c.id.weight();
        (sum + w * c.score, weights + w)
    });
    if weights > 0.0 {
        (sum / weights).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

/// The verdict: **stop** when unit economics fail, or the buyer's own evidence shows the
/// point estimate below target, or three or more criteria fail; **scale** when nothing fails,
/// reliability and unit economics pass and the score is at least 80; **fix** otherwise.
pub fn verdict(
    pilot: &Pilot,
    reliability: &ReliabilityResult,
    criteria: &[Criterion],
    score: f64,
) -> Verdict {
    let status = |id: CriterionId| criteria.iter().find(|c| c.id == id).map(|c| c.status);
    let fails = criteria.iter().filter(|c| c.status == Status::Fail).count();
    let own_evidence_below = pilot.reliability.evidence.is_buyers_own()
        && reliability
            .point_estimate
            .is_some_and(|p| p < pilot.reliability.target);
    if status(CriterionId::UnitEconomics) == Some(Status::Fail)
        || own_evidence_below
        || fails >= STOP_AT_FAILS
    {
        Verdict::Stop
    } else if fails == 0
        && status(CriterionId::Reliability) == Some(Status::Pass)
        && status(CriterionId::UnitEconomics) == Some(Status::Pass)
        && score >= SCALE_MIN_SCORE
    {
        Verdict::Scale
    } else {
        Verdict::Fix
    }
}

/// Utilization of reserved capacity: volume ÷ provisioned tasks, when capacity is provisioned.
pub fn utilization(pilot: &Pilot) -> Option<f64> {
    let provisioned = pilot.compute.provisioned_tasks_per_month;
    (provisioned > 0.0).then(|| pilot.task.monthly_volume / provisioned)
}
