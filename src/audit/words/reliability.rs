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
            "Evaluate {more}{own} without a failure to demonstrate {} at {} confidence.",
            self.goal_t, self.goal_c
        )
    }

    fn repeat(&self) -> String {
        format!(
            "Repeat the evaluation on your own cases: {} without a failure demonstrate {} at {} confidence.",
            self.clean_run, self.goal_t, self.goal_c
        )
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
            said.evaluate(" of your own"),
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
        Case::Untested | Case::BelowTarget => below_target(&said),
        Case::Drifting { p_value: p } => drifting(&said, p),
        Case::Demonstrated => demonstrated(&said),
        Case::Loose => loose(&said),
        Case::VendorDemonstrated => vendor_demonstrated(&said),
        Case::NotYet => not_yet(&said),
    }
}

fn below_target(s: &Said) -> Words {
    let res = s.ctx.reliability;
    let (upper, t) = percent_vs(res.upper_bound, Round::Up, s.target());
    let (failing, allowed) = percent_vs(1.0 - s.point(), Round::Nearest, 1.0 - s.target());
    Words::new(
        format!(
            "Observed {}; even the upper bound, {upper} at {} confidence, is below the {t} target: the evidence shows the pilot below target.",
            s.observed,
            s.confidence()
        ),
        format!(
            "Cut the failure rate from {failing} to at most {allowed}, then demonstrate it: {} in a row without a failure show {} at {} confidence.",
            s.clean_run, s.goal_t, s.goal_c
        ),
    )
}

fn drifting(s: &Said, p: f64) -> Words {
    let (lower, t) = s.lower(s.ctx.reliability.lower_bound, s.target());
    Words::new(
        format!(
            "The pooled figures meet the {t} target ({}; lower bound {lower}), but the latest batch fails more often than the earlier ones (Fisher's exact test, {}): the pilot may be drifting.",
            s.observed,
            p_value(p)
        ),
        "Find what changed (model, prompt, input), then evaluate a new batch: the drift must be gone before reliability can pass.",
    )
}

fn demonstrated(s: &Said) -> Words {
    let (lower, t) = s.lower(s.ctx.reliability.lower_bound, s.target());
    Words::pass(format!(
        "Demonstrated on {}: {}; lower bound {lower} at {} confidence meets the {t} target.",
        s.words,
        s.observed,
        s.confidence()
    ))
}

fn loose(s: &Said) -> Words {
    let goal = &s.f.goal;
    let (goal_t, goal_c) = (&s.goal_t, &s.goal_c);
    let (lower, t) = s.lower(goal.lower_bound, s.f.goal_target);
    let at_standard = if goal.demonstrated {
        format!("at the standard, the lower bound is {lower} at {goal_c} confidence: it meets {t}")
    } else {
        format!(
            "at the standard, the lower bound is only {lower} at {goal_c} confidence, short of {t}"
        )
    };
    let fix = if goal.demonstrated && s.f.buyers {
        format!("Assess it against the standard's {goal_t} at {goal_c} confidence: your evidence already demonstrates it.")
    } else if goal.demonstrated {
        s.repeat()
    } else {
        s.evaluate(s.own)
    };
    Words::new(
        format!(
            "Assessed against {} at {} confidence, looser than the standard's {goal_t} at {goal_c}, so it cannot pass; observed {}, and {at_standard}.",
            percent(s.target()),
            s.confidence(),
            s.observed
        ),
        fix,
    )
}

fn vendor_demonstrated(s: &Said) -> Words {
    let (lower, _) = s.lower(s.ctx.reliability.lower_bound, s.target());
    Words::new(
        format!(
            "The figures are {}: {}, lower bound {lower}. Only your own cases demonstrate reliability.",
            s.words, s.observed
        ),
        s.repeat(),
    )
}

fn not_yet(s: &Said) -> Words {
    let res = s.ctx.reliability;
    let (lower, t) = s.lower(res.lower_bound, s.target());
    let (upper, _) = percent_vs(res.upper_bound, Round::Up, s.target());
    let standing = if s.point() < s.target() {
        format!(
            "Observed {} is below the {t} target, but the evidence cannot yet tell: the upper bound is {upper} at {} confidence ({}).",
            s.observed,
            s.confidence(),
            s.words
        )
    } else {
        format!(
            "Observed {} meets the target, but the lower bound is only {lower} at {} confidence, short of {t} ({}).",
            s.observed,
            s.confidence(),
            s.words
        )
    };
    Words::new(standing, s.evaluate(s.own))
}
