//! The report's first words (issue 32): what the verdict is, the one reason that decides
//! it and the one next step, in plain words, from the judgement alone
//! ([`decider`](crate::audit::criteria::decider) says which criterion decides).

use super::rounding::score_shown;
use crate::audit::criteria::{decider, Cause};
use crate::audit::format::lower_first;
use crate::audit::model::{Assessment, Criterion, Pilot, Status, Verdict};
use crate::audit::standard::{CriterionId, SCALE_MIN_SCORE};

/// The three answers the report opens on.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstWords {
    /// The criterion the reason and the next step come from.
    pub decider: CriterionId,
    /// What the verdict means, in one sentence.
    pub verdict: &'static str,
    /// The one reason, with its figure.
    pub reason: String,
    /// The one next step, with its number (for testing, its chance of working).
    pub next_step: String,
}

/// What a verdict means, in one sentence.
pub fn verdict_sentence(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Scale => "It meets the standard: scale it.",
        Verdict::Fix => "Not yet: fix what warns or fails below, then assess again.",
        Verdict::Stop => {
            "It fails the standard where it matters: stop it, or start again narrower."
        }
    }
}

/// The report's first words for assessment `a` of `pilot`.
pub fn first_words(a: &Assessment, pilot: &Pilot) -> FirstWords {
    let judged: Vec<_> = a
        .criteria
        .iter()
        .map(|c| (c.id, c.status, c.score))
        .collect();
    let (id, cause) = decider(&judged, pilot);
    let c = a
        .criteria
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .unwrap_or_else(|| Criterion {
            id,
            status: Status::Pass,
            score: 100.0,
            finding: String::new(),
            fix: String::new(),
        });
    let name = c.id.name();
    let reason = match cause {
        Cause::Holds => format!("{name}: {}", c.finding),
        Cause::Score => format!(
            "The score is {} of the {} that scale needs, and “{name}” costs it most: {}",
            score_shown(a.score),
            score_shown(SCALE_MIN_SCORE),
            lower_first(&c.finding)
        ),
        Cause::Fails => format!("“{name}” fails: {}", lower_first(&c.finding)),
        Cause::ShortOfPass => format!("“{name}” is not yet a pass: {}", lower_first(&c.finding)),
    };
    let next_step = match a.verdict {
        Verdict::Scale => "Take it to the full volume as planned, keep monitoring on, and test again whenever the model version changes.".to_string(),
        _ if c.fix.is_empty() => "Fix what warns or fails below, then assess again.".to_string(),
        _ => c.fix,
    };
    FirstWords {
        decider: id,
        verdict: verdict_sentence(a.verdict),
        reason,
        next_step,
    }
}
