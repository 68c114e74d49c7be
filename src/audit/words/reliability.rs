//! `reliability` in words: what was observed, the bound that decides, and what it takes at
//! the standard's target and confidence.

use super::rounding::{percent_beside, percent_down, percent_vs};
use super::{p_value, Words};
use crate::audit::criteria::reliability::{Case, Finding, Outlook, Whose};
use crate::audit::criteria::Context;
use crate::audit::format::{chance, count, lower_first, percent, plural, Round};
use crate::audit::model::PowerRow;
use crate::audit::standard::{STANDARD_CONFIDENCE, STANDARD_TARGET};
use crate::audit::uncertainty::{CHANCE_WANTED, POWER_FRACTIONS};

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

/// The figures every sentence of `reliability` draws on, phrased once.
struct Said<'a> {
    f: &'a Finding,
    ctx: &'a Context<'a>,
    /// Whose evidence, in words ("the buyer's own cases").
    words: &'static str,
    /// The standard's target and confidence, in words.
    goal_t: String,
    goal_c: String,
    /// " of your own" unless the cases are already the buyer's.
    own: &'static str,
    /// The clean run that would demonstrate the standard ("1,200 cases").
    clean_run: String,
    /// "99.2% on 1,200 cases (10 failures)"; empty when nothing was evaluated.
    observed: String,
}

impl Said<'_> {
    fn target(&self) -> f64 {
        self.ctx.pilot.reliability.target
    }

    fn confidence(&self) -> String {
        percent(self.ctx.pilot.reliability.confidence)
    }

    fn point(&self) -> f64 {
        self.ctx.reliability.point_estimate.unwrap_or_default()
    }

    fn evaluate(&self, own: &str) -> String {
        let more = match self.f.goal.cases_needed {
            Some(c) => plural(c, "more case", "more cases"),
            None => "more cases".to_string(),
        };
        format!(
            "Evaluate {more}{own} without a failure to demonstrate {} at {} confidence.{}",
            self.goal_t,
            self.goal_c,
            self.f
                .outlook
                .map_or_else(String::new, |o| self.outlook(&o))
        )
    }

    /// Whether the cases a fix names can work (DESIGN §4): their chance, and under 50% the
    /// cases for an 80% chance, or the failure rate to reach first.
    fn outlook(&self, o: &Outlook) -> String {
        let p = chance(o.chance);
        if o.chance >= 0.5 {
            return format!(" The chance they do: {p}.");
        }
        let shown = if p == "50%" {
            "under 50%".to_string()
        } else {
            p
        };
        let res = self.ctx.reliability;
        // The cases for 80% are searched at the pilot's own target and confidence.
        let searched = !res.chance_to_demonstrate.is_empty() && !self.f.loose(self.ctx.pilot);
        let wanted = percent(CHANCE_WANTED);
        let rate = o.rate_for_80_percent.map(percent_down);
        match (searched, res.cases_for_80_percent, rate) {
            (true, Some(more), _) => format!(
                " The chance they do: only {shown}; {} more give {wanted}.",
                count(more as f64)
            ),
            (true, None, Some(rate)) => format!(
                " The chance they do: only {shown}. More testing will not get there: cut the failure rate to {rate} first."
            ),
            (_, _, Some(rate)) => format!(
                " The chance they do: only {shown}; {wanted} at a failure rate of {rate}."
            ),
            _ => format!(" The chance they do: only {shown}."),
        }
    }

    /// The bound rounded against the target (so the sentence never contradicts the verdict),
    /// and the target as shown beside it.
    fn lower(&self, bound: f64, target: f64) -> (String, String) {
        percent_vs(bound, Round::Down, target)
    }
}

/// The finding and fix of `reliability`.
pub fn phrase(f: &Finding, ctx: &Context) -> Words {
    let res = ctx.reliability;
    let (n, k) = (res.evidence.cases, res.evidence.failures);
    let target = ctx.pilot.reliability.target;
    let mut said = Said {
        f,
        ctx,
        words: whose(f.whose),
        goal_t: percent(f.goal_target),
        goal_c: percent(f.goal_confidence),
        own: if f.buyers { "" } else { " of your own" },
        clean_run: f.clean_run.map_or_else(
            || "a long run of cases".to_string(),
            |c| plural(c, "case", "cases"),
        ),
        observed: String::new(),
    };
    if f.case == Case::Untested {
        return Words::new(
            format!(
                "No case has been evaluated: {} is {}, not a measurement.",
                percent(target),
                said.words
            ),
            format!(
                "Set a test plan, then run it: {}",
                lower_first(&said.evaluate(" of your own"))
            ),
        );
    }
    // Every other case has evaluated cases, so a point estimate.
    said.observed = format!(
        "{} on {} ({})",
        percent_vs(said.point(), Round::Nearest, target).0,
        plural(n, "case", "cases"),
        plural(k, "failure", "failures")
    );
    match f.case {
        Case::Untested | Case::BelowStandard => below_standard(&said),
        Case::PlanFailed { allowed, failures } => plan_failed(&said, allowed, failures),
        Case::Proven => proven(&said),
        Case::Stale => stale(&said),
        Case::Drifting { p_value: p } => drifting(&said, p),
        Case::BetterThanPeople => better_than_people(&said),
        Case::Vendor => vendor(&said),
        Case::PlanBelowStandard => plan_below_standard(&said),
        Case::FoundWithoutPlan => found_without_plan(&said),
        Case::InterimLook => interim_look(&said),
        Case::NotYet => not_yet(&said),
    }
}

/// The standard's floor and confidence, as the sentences name them.
fn floor() -> (String, String) {
    (percent(STANDARD_TARGET), percent(STANDARD_CONFIDENCE))
}

/// "Set a plan, then run it": a fresh plan at the goal, its clean run.
fn set_a_plan(s: &Said) -> String {
    let run =
        s.f.clean_run
            .map_or_else(|| "a long run of".to_string(), |c| count(c as f64));
    format!(
        "Set a test plan, then run it: {run} new cases{} without a failure demonstrate {} at {} confidence.",
        s.own,
        s.goal_t,
        s.goal_c
    )
}

fn below_standard(s: &Said) -> Words {
    let (t_star, c95) = floor();
    let (upper, t) = percent_vs(s.f.u95, Round::Up, STANDARD_TARGET);
    let (failing, allowed) = percent_vs(1.0 - s.point(), Round::Nearest, 1.0 - STANDARD_TARGET);
    let people = percent(s.ctx.pilot.task.human_error_rate);
    Words::new(
        format!(
            "Observed {}; even the upper bound at {c95} confidence, {upper}, is below the standard's {t}, and people get fewer wrong ({people}).",
            s.observed
        ),
        format!(
            "Cut the failure rate from {failing} to at most {allowed}, then prove {t_star} with a plan: {} in a row without a failure.",
            s.clean_run
        ),
    )
}

fn plan_failed(s: &Said, allowed: u32, failures: u64) -> Words {
    Words::new(
        format!(
            "The test plan in force allowed {} and has seen {}: it failed. Observed {}.",
            plural(u64::from(allowed), "failure", "failures"),
            count(failures as f64),
            s.observed
        ),
        format!(
            "Stop, or remove the cause of the failures, then {}",
            lower_first(&set_a_plan(s))
        ),
    )
}

fn proven(s: &Said) -> Words {
    let res = s.ctx.reliability;
    let (lower, t) = s.lower(res.lower_bound, s.target());
    let planned = res
        .plan
        .as_ref()
        .and_then(|p| p.planned_cases)
        .map_or_else(String::new, |c| format!(" its {} cases", count(c as f64)));
    Words::pass(format!(
        "Demonstrated as planned on {}: the test plan set before the results reached{planned} within the failures it allowed; observed {}, lower bound {lower} at {} confidence against the {t} target.",
        s.words,
        s.observed,
        s.confidence()
    ))
}

fn stale(s: &Said) -> Words {
    let res = s.ctx.reliability;
    let (version, date) = res
        .stale
        .as_ref()
        .map_or(("", ""), |x| (x.model_version.as_str(), x.date.as_str()));
    Words::new(
        format!(
            "The model changed to {version} on {date} after your last test: your {} tested another version.",
            plural(res.evidence.cases, "case", "cases")
        ),
        format!("Re-prove it on {version}: {}", lower_first(&set_a_plan(s))),
    )
}

fn drifting(s: &Said, p: f64) -> Words {
    let (cases, failures) = s
        .ctx
        .reliability
        .drift
        .map_or((0, 0), |d| (d.window_cases, d.window_failures));
    Words::new(
        format!(
            "The latest batches ({}, {}) fail more often than the earlier ones (Fisher's exact test, {}): the pilot may be drifting.",
            plural(cases, "case", "cases"),
            plural(failures, "failure", "failures"),
            p_value(p)
        ),
        "Find what changed (model, prompt, input), then evaluate new batches until the latest fail no more often.",
    )
}

fn better_than_people(s: &Said) -> Words {
    let (_, c95) = floor();
    let (upper, t) = percent_vs(s.f.u95, Round::Up, STANDARD_TARGET);
    let human = s.ctx.pilot.task.human_error_rate;
    let most = percent_beside(1.0 - s.f.l95, &[human]);
    let (failing, allowed) = percent_vs(1.0 - s.point(), Round::Nearest, 1.0 - STANDARD_TARGET);
    Words::new(
        format!(
            "Below the standard, yet fewer errors than people make today: observed {}, upper bound {upper} at {c95} confidence, under {t}; the AI gets at most {most} wrong against the {} people get wrong.",
            s.observed,
            percent(human)
        ),
        format!(
            "Cut the failure rate from {failing} to at most {allowed} to meet the standard."
        ),
    )
}

fn vendor(s: &Said) -> Words {
    let (lower, _) = s.lower(s.ctx.reliability.lower_bound, s.target());
    Words::new(
        format!(
            "The figures are {}: {}, lower bound {lower}. Only your own cases demonstrate reliability.",
            s.words, s.observed
        ),
        set_a_plan(s),
    )
}

fn plan_below_standard(s: &Said) -> Words {
    let plan = s.ctx.pilot.reliability.plans.last();
    let (t, c) = plan.map_or((0.0, 0.0), |p| (p.target, p.confidence));
    let (t_star, c95) = floor();
    Words::new(
        format!(
            "The test plan in force passed, but it was set at {} at {} confidence, looser than the standard's {t_star} at {c95}.",
            percent_vs(t, Round::Down, STANDARD_TARGET).0,
            percent_vs(c, Round::Down, STANDARD_CONFIDENCE).0
        ),
        set_a_plan(s),
    )
}

/// The lower bound at the goal, rounded against it, the goal as shown beside it, and the
/// goal's confidence.
fn at_goal(s: &Said, bound: f64) -> (String, String) {
    s.lower(bound, s.f.goal_target)
}

fn found_without_plan(s: &Said) -> Words {
    let (lower, t) = at_goal(s, s.f.goal.lower_bound);
    Words::new(
        format!(
            "Observed {}; the lower bound, {lower} at {} confidence, meets {t}, but no test plan was set before the results: found at an interim look, not yet proof.",
            s.observed, s.goal_c
        ),
        set_a_plan(s),
    )
}

fn interim_look(s: &Said) -> Words {
    let res = s.ctx.reliability;
    let (lower, t) = at_goal(s, s.f.goal.lower_bound);
    let plan = res.plan.as_ref();
    let (planned, counted) = plan.map_or((None, 0), |p| (p.planned_cases, p.counted_cases));
    let more = planned.map(|p| p.saturating_sub(counted)).unwrap_or(0);
    Words::new(
        format!(
            "Observed {}; the lower bound, {lower} at {} confidence, meets {t} before the test plan in force has reached its cases ({} counted since it was set): found at an interim look, not yet proof.",
            s.observed,
            s.goal_c,
            count(counted as f64)
        ),
        format!(
            "Run the plan to its end: {} more, within the failures it allows.",
            plural(more, "case", "cases")
        ),
    )
}

fn not_yet(s: &Said) -> Words {
    let goal = &s.f.goal;
    let (lower, t) = at_goal(s, goal.lower_bound);
    let (upper, _) = percent_vs(goal.upper_bound, Round::Up, s.f.goal_target);
    // Against the standard where the pilot's own target or confidence is looser.
    let whose_goal = if s.f.loose(s.ctx.pilot) {
        format!(
            "the standard's {t} (stricter than the {} at {} confidence set here)",
            percent(s.target()),
            s.confidence()
        )
    } else {
        format!("the {t} target")
    };
    let standing = if s.point() < s.f.goal_target {
        format!(
            "Observed {} is below {whose_goal}, but the evidence cannot yet tell: the upper bound is {upper} at {} confidence ({}).",
            s.observed, s.goal_c, s.words
        )
    } else {
        format!(
            "Observed {} meets {whose_goal}, but the lower bound is only {lower} at {} confidence, short of {t} ({}).",
            s.observed, s.goal_c, s.words
        )
    };
    Words::new(standing, s.evaluate(s.own))
}

/// The power table of DESIGN §10 in one sentence, for paper: the plan in force (or, without
/// one the table holds, the first that can demonstrate) at the rate the target allows and
/// at the lowest rate of the table. None when no plan of the table can demonstrate.
pub fn power_words(power: &[PowerRow], in_force: Option<u64>) -> Option<String> {
    let plans: Vec<&[PowerRow]> = power
        .chunks(POWER_FRACTIONS.len())
        .filter(|row| row.first().is_some_and(|p| p.planned_cases.is_some()))
        .collect();
    let row = plans
        .iter()
        .find(|row| Some(row[0].allowed_failures) == in_force)
        .or(plans.first())?;
    let (at_target, lowest) = (row.first()?, row.last()?);
    let allowed = match at_target.allowed_failures {
        0 => "no failure".to_string(),
        n => plural(n, "failure", "failures"),
    };
    Some(format!(
        "A test plan of {} cases with {allowed} allowed passes {} of the time if the pilot truly fails {} of cases, as the target allows, and {} if it fails {}.",
        count(at_target.planned_cases? as f64),
        chance(at_target.probability?),
        percent(at_target.true_failure_rate),
        chance(lowest.probability?),
        percent(lowest.true_failure_rate)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::uncertainty::power;

    #[test]
    fn the_power_table_in_one_sentence() {
        // 99.9% at 95%: 2,995 cases with none allowed (0.999^2995 = 0.0500, 0.9999^2995 =
        // 0.7412); 4,742 with one allowed (binomial: 0.0500 and 0.9180).
        let table = power(0.999, 0.95);
        assert_eq!(
            power_words(&table, None).unwrap(),
            "A test plan of 2,995 cases with no failure allowed passes 5% of the time if the pilot truly fails 0.1% of cases, as the target allows, and 74.1% if it fails 0.01%."
        );
        assert_eq!(
            power_words(&table, Some(1)).unwrap(),
            "A test plan of 4,742 cases with 1 failure allowed passes 5% of the time if the pilot truly fails 0.1% of cases, as the target allows, and 91.8% if it fails 0.01%."
        );
        // A plan in force the table does not hold: the first plan.
        assert!(power_words(&table, Some(7))
            .unwrap()
            .contains("2,995 cases"));
        assert_eq!(power_words(&[], None), None);
    }
}
