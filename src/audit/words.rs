//! Phrase: the one place that writes the sentences people read from a judgement —
//! findings and fixes, the rules of "How we score", the evidence log's wording, the charts'
//! captions — and the one place that applies the rounding rules of DESIGN §3 (lower bounds
//! down, upper bounds up, as many decimals as it takes to tell a figure from the one it is
//! compared with, a p-value never rounded up to its threshold).
//!
//! [`criteria`](super::criteria) decides; this module only says what was decided.

pub mod captions;
pub mod defensibility;
pub mod deployment;
pub mod evidence;
pub mod integration;
pub mod reliability;
pub mod repeatable;
pub mod rounding;
pub mod rules;
pub mod single_task;
pub mod sourcing;
pub mod summary;
pub mod unit_economics;

use super::criteria::{Context, Finding, Judged};
use super::format::money;
use super::model::Criterion;

/// A finding and its fix (empty on a pass), as people read them.
pub struct Words {
    /// What was found, with the figure.
    pub finding: String,
    /// What would change it, with the figure.
    pub fix: String,
}

impl Words {
    /// A finding with its fix.
    pub fn new(finding: impl Into<String>, fix: impl Into<String>) -> Words {
        Words {
            finding: finding.into(),
            fix: fix.into(),
        }
    }

    /// A finding with no fix: a pass.
    pub fn pass(finding: impl Into<String>) -> Words {
        Words::new(finding, String::new())
    }
}

/// Money in the pilot's currency.
pub(crate) fn money_of(ctx: &Context, value: f64) -> String {
    money(value, &ctx.pilot.currency)
}

/// One judged criterion, phrased.
pub fn criterion(judged: &Judged, ctx: &Context) -> Criterion {
    let words = match &judged.finding {
        Finding::SingleTask(f) => single_task::phrase(*f),
        Finding::Repeatable(f) => repeatable::phrase(*f),
        Finding::Reliability(f) => reliability::phrase(f, ctx),
        Finding::Integration(f) => integration::phrase(f),
        Finding::UnitEconomics(f) => unit_economics::phrase(f, ctx),
        Finding::Deployment(f) => deployment::phrase(f, ctx),
        Finding::Defensibility(f) => defensibility::phrase(f, ctx),
    };
    Criterion {
        id: judged.id,
        status: judged.status,
        score: judged.score,
        finding: words.finding,
        fix: words.fix,
    }
}

/// Every judged criterion, phrased, in the order given.
pub fn criteria(judged: &[Judged], ctx: &Context) -> Vec<Criterion> {
    judged.iter().map(|j| criterion(j, ctx)).collect()
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
