//! The seven criteria of the standard and the verdict (DESIGN §4).
//!
//! The rules, names, weights and thresholds are in [`standard`](super::standard).
//!
//! Warn scores are graded between fail (0) and pass (100) by how close the pilot is.

use super::economics::{annuity_factor, baseline_per_task, token_cost_per_task};
use super::format::{count, money, months, percent, percent_vs, plural, times, Round};
use super::model::{
    Criterion, EconomicCase, Economics, EvidenceKind, InputStructure, OutputDestination, Pilot,
    ReliabilityResult, Source, Sourcing, Status, Verdict,
};
use super::reliability::{self, total_cases_needed};
use super::standard::{
    CriterionId, MAX_COMPUTE_SHARE, MAX_TASKS_TO_WARN, PAYBACK_PASS_MONTHS, SCALE_MIN_SCORE,
    STANDARD_CONFIDENCE, STANDARD_TARGET, STOP_AT_FAILS, UTILIZATION_FULL, UTILIZATION_IDLE,
    UTILIZATION_LOW, UTILIZATION_OVER,
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

/// Whose evidence the figures are, in words: the counted batches' source.
fn evidence_words(pilot: &Pilot) -> &'static str {
    let batches = &pilot.reliability.batches;
    let counted = super::evidence::counted(batches);
    let all = |source: Source| counted.indices.iter().all(|&i| batches[i].source == source);
    match counted.summary.kind {
        EvidenceKind::None => "a target",
        EvidenceKind::Vendor => "a vendor's test",
        EvidenceKind::Buyer if all(Source::BuyerSample) => "the buyer's own sample",
        EvidenceKind::Buyer if all(Source::BuyerProduction) => "the buyer's own production data",
        EvidenceKind::Buyer => "the buyer's own cases",
    }
}

/// A p-value as printed, `p = 0.0312`: three significant figures, never rounded to 0 or up
/// to 0.05 from below (`p < 0.001` below a thousandth).
pub fn p_value(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_string()
    } else {
        let digits = (2 - p.log10().floor() as i32).max(0) as usize;
        let text = format!("{p:.digits$}");
        // Rounding must not carry a flagged p up to the threshold (0.0499… → 0.0500).
        let alpha = super::evidence::DRIFT_ALPHA;
        // (Read back by the app's one number parser: `str::parse::<f64>` would add its tables.)
        if p < alpha && super::number::parse_number(&text).is_ok_and(|v| v >= alpha) {
            format!("p = {:.*}", digits + 3, p)
        } else {
            format!("p = {text}")
        }
    }
}

/// `reliability` (standard 2.0): **fail** when cases were evaluated and even the upper bound
/// U is below the target (the evidence, whoever's, shows the pilot below target); **pass** on
/// the buyer's own evidence when the lower bound meets the target, assessed at the standard's
/// target and confidence or stricter; **warn** otherwise, graded 10 (untested) up to 60
/// (demonstrated, vendor's evidence) by how far the run of cases has come:
/// `10 + 50 × n ÷ (n + cases needed)`. A looser target or confidence is held to the standard:
/// the finding and fix say what it takes at 99.9% and 95%.
pub fn reliability(ctx: &Context) -> Criterion {
    let id = CriterionId::Reliability;
    let r = &ctx.pilot.reliability;
    let res = ctx.reliability;
    let (n, k) = (res.evidence.cases, res.evidence.failures);
    let (target, confidence) = (r.target, r.confidence);
    let buyers = res.evidence.kind == EvidenceKind::Buyer && n > 0;
    let words = evidence_words(ctx.pilot);
    // What must be shown: the pilot's own target and confidence, or the standard's where
    // those are looser.
    let goal_target = target.max(STANDARD_TARGET);
    let goal_confidence = confidence.max(STANDARD_CONFIDENCE);
    let loose = goal_target > target || goal_confidence > confidence;
    let goal = if loose {
        reliability::reliability(n, k, goal_target, goal_confidence)
    } else {
        res.clone()
    };
    let (goal_t, goal_c) = (percent(goal_target), percent(goal_confidence));
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
    // The run of cases without a failure that demonstrates the goal from scratch.
    let clean_run = total_cases_needed(0, goal_target, goal_confidence).map_or_else(
        || "a long run of cases".to_string(),
        |c| plural(c, "case", "cases"),
    );
    let observed = |point: f64| {
        format!(
            "{} on {} ({})",
            percent_vs(point, Round::Nearest, target).0,
            plural(n, "case", "cases"),
            plural(k, "failure", "failures")
        )
    };
    let Some(point) = res.point_estimate else {
        return criterion(
            id,
            Status::Warn,
            10.0,
            format!(
                "No case has been evaluated: {} is {}, not a measurement.",
                percent(target),
                words
            ),
            evaluate(" of your own"),
        );
    };
    if res.upper_bound < target {
        let (upper, t) = percent_vs(res.upper_bound, Round::Up, target);
        let (failing, allowed) = percent_vs(1.0 - point, Round::Nearest, 1.0 - target);
        return criterion(
            id,
            Status::Fail,
            0.0,
            format!(
                "Observed {}; even the upper bound, {upper} at {} confidence, is below the {t} target: the evidence shows the pilot below target.",
                observed(point),
                percent(confidence)
            ),
            format!(
                "Cut the failure rate from {failing} to at most {allowed}, then demonstrate it: {clean_run} in a row without a failure show {goal_t} at {goal_c} confidence."
            ),
        );
    }
    let progress = |needed: Option<u64>| match needed {
        Some(more) => n as f64 / (n as f64 + more as f64),
        None => 0.0,
    };
    if let Some(drift) = res
        .drift
        .filter(|d| d.flagged && buyers && goal.demonstrated && !loose)
    {
        let (lower, t) = percent_vs(res.lower_bound, Round::Down, target);
        return criterion(
            id,
            Status::Warn,
            60.0,
            format!(
                "The pooled figures meet the {t} target ({}; lower bound {lower}), but the latest batch fails more often than the earlier ones (Fisher's exact test, {}): the pilot may be drifting.",
                observed(point),
                p_value(drift.p_value)
            ),
            "Find what changed (model, prompt, input), then evaluate a new batch: the drift must be gone before reliability can pass.".to_string(),
        );
    }
    if buyers && goal.demonstrated && !loose {
        let (lower, t) = percent_vs(res.lower_bound, Round::Down, target);
        return pass(
            id,
            format!(
                "Demonstrated on {}: {}; lower bound {lower} at {} confidence meets the {t} target.",
                words,
                observed(point),
                percent(confidence)
            ),
        );
    }
    if loose {
        let (lower, t) = percent_vs(goal.lower_bound, Round::Down, goal_target);
        let at_standard = if goal.demonstrated {
            format!(
                "at the standard, the lower bound is {lower} at {goal_c} confidence: it meets {t}"
            )
        } else {
            format!("at the standard, the lower bound is only {lower} at {goal_c} confidence, short of {t}")
        };
        let fix = if goal.demonstrated && buyers {
            format!("Assess it against the standard's {goal_t} at {goal_c} confidence: your evidence already demonstrates it.")
        } else if goal.demonstrated {
            format!(
                "Repeat the evaluation on your own cases: {clean_run} without a failure demonstrate {goal_t} at {goal_c} confidence."
            )
        } else {
            evaluate(if buyers { "" } else { " of your own" })
        };
        return criterion(
            id,
            Status::Warn,
            10.0 + 50.0 * progress(goal.cases_needed),
            format!(
                "Assessed against {} at {} confidence, looser than the standard's {goal_t} at {goal_c}, so it cannot pass; observed {}, and {at_standard}.",
                percent(target),
                percent(confidence),
                observed(point)
            ),
            fix,
        );
    }
    if goal.demonstrated {
        let (lower, _) = percent_vs(res.lower_bound, Round::Down, target);
        return criterion(
            id,
            Status::Warn,
            60.0,
            format!(
                "The figures are {}: {}, lower bound {lower}. Only your own cases demonstrate reliability.",
                words,
                observed(point)
            ),
            format!(
                "Repeat the evaluation on your own cases: {clean_run} without a failure demonstrate {goal_t} at {goal_c} confidence."
            ),
        );
    }
    let (lower, t) = percent_vs(res.lower_bound, Round::Down, target);
    let (upper, _) = percent_vs(res.upper_bound, Round::Up, target);
    let standing = if point < target {
        format!(
            "Observed {} is below the {t} target, but the evidence cannot yet tell: the upper bound is {upper} at {} confidence ({}).",
            observed(point),
            percent(confidence),
            words
        )
    } else {
        format!(
            "Observed {} meets the target, but the lower bound is only {lower} at {} confidence, short of {t} ({}).",
            observed(point),
            percent(confidence),
            words
        )
    };
    criterion(
        id,
        Status::Warn,
        10.0 + 50.0 * progress(goal.cases_needed),
        standing,
        evaluate(if buyers { "" } else { " of your own" }),
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
        super::format::upper_first(&format!("{}.", fixes.join("; "))),
    )
}

/// `unit_economics` (standard 2.0): **pass** when even the conservative case (failure rate
/// at the reliability lower bound) nets a profit, has a positive NPV over the horizon and
/// pays back within 12 months; **warn** when the expected case nets a profit with a positive
/// NPV (graded 40–90 by how much of the conservative case's shortfall is left); **fail**
/// otherwise. With no evidence the conservative case counts every task as failed, so the fix
/// is to evaluate cases, never a price computed from a failure rate nobody measured.
pub fn unit_economics(ctx: &Context) -> Criterion {
    let id = CriterionId::UnitEconomics;
    let p = ctx.pilot;
    let (e, c) = (&ctx.economics.expected, &ctx.economics.conservative);
    let volume = p.task.monthly_volume;
    let tested = ctx.reliability.evidence.cases > 0;
    let payback_words = |pb: Option<f64>| match pb {
        Some(m) => format!("pays back in {}", months(m)),
        None => "never pays back".to_string(),
    };
    let pays = |x: &EconomicCase| x.monthly_net_value > 0.0 && x.npv > 0.0;
    let free_failures = p.task.cost_per_error <= 0.0 && p.reliability.failure_detection_rate < 1.0;
    let free_note = if free_failures {
        " Uncaught AI failures cost nothing in this model (cost per error is 0), so reliability barely moves these figures."
    } else {
        ""
    };
    if pays(c) && c.payback_months.is_some_and(|m| m <= PAYBACK_PASS_MONTHS) {
        return pass(
            id,
            format!(
                "Even at the reliability lower bound it saves {} a month, {} and has an NPV of {} over {}.{free_note}",
                ctx.money(c.monthly_net_value),
                payback_words(c.payback_months),
                ctx.money(c.npv),
                months(p.finance.horizon_months as f64)
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
    // The monthly net value that pays the one-off back within 12 months and over the horizon.
    let annuity = annuity_factor(p.finance.discount_rate, p.finance.horizon_months);
    let one_off = p.integration.one_off_cost;
    let needed_net = (one_off / PAYBACK_PASS_MONTHS).max(if annuity > 0.0 {
        one_off / annuity
    } else {
        0.0
    });
    let target_cost = baseline_per_task(p) - needed_net / volume;
    let horizon = months(p.finance.horizon_months as f64);
    let cost_fix = |case: &EconomicCase, which: &str| {
        if target_cost > 0.0 {
            format!(
                "AI cost per task must fall below {} (today {} {which}) to pay back within {} with a positive NPV over {horizon}.",
                ctx.money(target_cost),
                ctx.money(case.ai_cost_per_task.unwrap_or(0.0)),
                months(PAYBACK_PASS_MONTHS)
            )
        } else {
            format!(
                "The one-off cost of {} cannot pay back within {} at {} tasks a month even if the AI cost nothing per task: cut it or raise the volume.",
                ctx.money(one_off),
                months(PAYBACK_PASS_MONTHS),
                count(volume)
            )
        }
    };
    let evaluate = || {
        format!(
            "Evaluate {} without a failure: untested, the conservative case counts every task as failed, so no price can be set from it yet.",
            match ctx.reliability.cases_needed {
                Some(n) => plural(n, "case of your own", "cases of your own"),
                None => "cases of your own".to_string(),
            }
        )
    };
    if pays(e) {
        let shortfall = if tested {
            format!(
                "at the reliability lower bound it nets {} a month, {}, NPV {}",
                ctx.money(c.monthly_net_value),
                payback_words(c.payback_months),
                ctx.money(c.npv)
            )
        } else {
            "untested, the conservative case cannot be priced".to_string()
        };
        // Graded by how far the conservative net value has come towards what it needs.
        let reach = if needed_net > 0.0 {
            (c.monthly_net_value / needed_net).clamp(0.0, 1.0)
        } else if c.monthly_net_value > 0.0 {
            1.0
        } else {
            0.0
        };
        return criterion(
            id,
            Status::Warn,
            40.0 + 50.0 * reach,
            format!(
                "Saves {} a month at the {} failure rate, {} with an NPV of {} over {horizon}; {shortfall}.{free_note}",
                ctx.money(e.monthly_net_value),
                if tested { "observed" } else { "claimed" },
                payback_words(e.payback_months),
                ctx.money(e.npv)
            ),
            if tested { cost_fix(c, "at the lower bound") } else { evaluate() },
        );
    }
    let finding = if e.monthly_net_value <= 0.0 {
        format!(
            "Costs more than it saves: AI {} per task against {} per task today; net {} a month.{free_note}",
            ctx.money(e.ai_cost_per_task.unwrap_or(0.0)),
            ctx.money(e.baseline_cost_per_task.unwrap_or(0.0)),
            ctx.money(e.monthly_net_value)
        )
    } else {
        format!(
            "Saves {} a month but {}: the NPV over {horizon} is {}.{free_note}",
            ctx.money(e.monthly_net_value),
            payback_words(e.payback_months),
            ctx.money(e.npv)
        )
    };
    criterion(
        id,
        Status::Fail,
        0.0,
        finding,
        cost_fix(
            e,
            if tested {
                "at the observed failure rate"
            } else {
                "at the claimed failure rate"
            },
        ),
    )
}

/// `deployment` (standard 2.0): **fail** without a dated plan, or with reserved capacity
/// idle (utilization under 25%) or outgrown (over 125%); **warn** without a named owner (60),
/// or at 25–50% (40–80) or 100–125% (80–40) utilization; **pass** otherwise.
pub fn deployment(ctx: &Context) -> Criterion {
    let id = CriterionId::Deployment;
    let p = ctx.pilot;
    let volume = p.task.monthly_volume;
    let provisioned = p.compute.provisioned_tasks_per_month;
    let utilization = ctx.economics.utilization;
    let capacity = |u: f64| -> (String, String) {
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
                    percent(u)
                ),
                format!(
                    "Cut reserved capacity to at most {} tasks a month (twice the volume), or pay per use.",
                    count(volume / UTILIZATION_LOW)
                ),
            )
        } else {
            (
                format!(
                    "The volume is {} the reserved capacity: {} tasks a month against {} paid for ({} utilization).",
                    times(u, 2),
                    count(volume),
                    count(provisioned),
                    percent(u)
                ),
                format!(
                    "Reserve capacity for at least {} tasks a month (today {}), or pay per use.",
                    count(volume / UTILIZATION_FULL),
                    count(provisioned)
                ),
            )
        }
    };
    let misfit = utilization.filter(|u| *u < UTILIZATION_IDLE || *u > UTILIZATION_OVER);
    if !p.integration.deployment_plan || misfit.is_some() {
        let mut findings = Vec::new();
        let mut fixes = Vec::new();
        if !p.integration.deployment_plan {
            findings.push(
                "No dated plan to production: a press-release plan, not a deployment plan."
                    .to_string(),
            );
            fixes.push("Set a date and the steps to production, with a named owner.".to_string());
        }
        if let Some(u) = misfit {
            let (finding, fix) = capacity(u);
            findings.push(finding);
            fixes.push(fix);
        }
        return criterion(id, Status::Fail, 0.0, findings.join(" "), fixes.join(" "));
    }
    let owner = p.owner.trim();
    let off = utilization.filter(|u| *u < UTILIZATION_LOW || *u > UTILIZATION_FULL);
    if owner.is_empty() || off.is_some() {
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
        if let Some(u) = off {
            let (finding, fix) = capacity(u);
            findings.push(finding);
            fixes.push(fix);
            let closeness = if u < UTILIZATION_LOW {
                (u - UTILIZATION_IDLE) / (UTILIZATION_LOW - UTILIZATION_IDLE)
            } else {
                (UTILIZATION_OVER - u) / (UTILIZATION_OVER - UTILIZATION_FULL)
            };
            score = score.min(40.0 + 40.0 * closeness.clamp(0.0, 1.0));
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

/// `defensibility` (standard 2.0): **pass** when compute takes at most 30% of the human
/// baseline and the model is the buyer's own (hosted or distilled) or a third-party API on
/// proprietary data; **fail** for a vendor wrapper on data anyone has; **warn** otherwise (a
/// third-party API on data anyone has 50, a wrapper on proprietary data 40, compute over 30%
/// 50), the finding naming what is missing.
pub fn defensibility(ctx: &Context) -> Criterion {
    let id = CriterionId::Defensibility;
    let p = ctx.pilot;
    let compute = monthly_compute(p);
    let baseline = ctx.economics.expected.monthly_baseline;
    let share = (baseline > 0.0).then(|| compute / baseline);
    let cheap = share.is_some_and(|s| s <= MAX_COMPUTE_SHARE);
    let proprietary = p.compute.proprietary_data;
    let share_words = match share {
        Some(s) => format!(
            "compute is {} of the human baseline",
            percent_vs(s, Round::Nearest, MAX_COMPUTE_SHARE).0
        ),
        None => "there is no human baseline to weigh compute against".to_string(),
    };
    let compute_fix = format!(
        "bring compute under {} a month ({} of the baseline; today {})",
        ctx.money(MAX_COMPUTE_SHARE * baseline),
        percent(MAX_COMPUTE_SHARE),
        ctx.money(compute)
    );
    // A fix, and the compute fix too when compute is over its share.
    let with_compute = |fix: &str| {
        if cheap {
            format!("{fix}.")
        } else {
            format!("{fix}; and {compute_fix}.")
        }
    };
    let model = match p.compute.sourcing {
        Sourcing::DistilledSmallModel => "a small model distilled for this task",
        Sourcing::SelfHostedOpenModel => "an open model the buyer hosts",
        Sourcing::ThirdPartyApi => "a third-party API",
        Sourcing::VendorWrapper => "a vendor's wrapper around someone else's API",
    };
    let own_model = matches!(
        p.compute.sourcing,
        Sourcing::DistilledSmallModel | Sourcing::SelfHostedOpenModel
    );
    if p.compute.sourcing == Sourcing::VendorWrapper && !proprietary {
        return criterion(
            id,
            Status::Fail,
            0.0,
            format!("Runs on {model}, on data anyone has: nothing here is yours."),
            "Move to a model you control, trained on data only you have.".into(),
        );
    }
    let moat = own_model || (p.compute.sourcing == Sourcing::ThirdPartyApi && proprietary);
    if moat && cheap {
        let data = if proprietary {
            ", on data only you have"
        } else {
            ""
        };
        return pass(id, format!("Runs on {model}{data}, and {share_words}."));
    }
    let (score, finding, fix) = if !moat && p.compute.sourcing == Sourcing::ThirdPartyApi {
        (
            50.0,
            format!("Runs on {model} on data anyone has, so the margin depends on someone else's prices; {share_words}."),
            with_compute("Build the task on data only you have, or distil a small model you control"),
        )
    } else if !moat {
        (
            40.0,
            format!("Runs on {model}; your proprietary data is the only moat, and {share_words}."),
            with_compute("Secure ownership of the tuned model, or distil your own on your data"),
        )
    } else {
        (
            50.0,
            format!(
                "Runs on {model}, but {share_words}, over {}.",
                percent(MAX_COMPUTE_SHARE)
            ),
            super::format::upper_first(&format!("{compute_fix}.")),
        )
    };
    criterion(id, Status::Warn, score, finding, fix)
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

/// The verdict (standard 2.0): **stop** when unit economics or reliability fail, or three or
/// more criteria fail; **scale** when nothing fails, reliability and unit economics pass and
/// the score is at least 80; **fix** otherwise.
pub fn verdict(criteria: &[Criterion], score: f64) -> Verdict {
    let status = |id: CriterionId| criteria.iter().find(|c| c.id == id).map(|c| c.status);
    let fails = criteria.iter().filter(|c| c.status == Status::Fail).count();
    if status(CriterionId::UnitEconomics) == Some(Status::Fail)
        || status(CriterionId::Reliability) == Some(Status::Fail)
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
