//! `integration`: fail on copy-paste or with neither fallback nor monitoring; pass in a
//! workflow or system of record with both; otherwise warn, a pass less the standard's
//! penalties for a standalone tool and for each missing safeguard.

use super::{Context, Judged};
use crate::audit::model::{OutputDestination, Status};
use crate::audit::standard::{
    CriterionId, FAIL_SCORE, PASS_SCORE, SAFEGUARD_PENALTY, STANDALONE_PENALTY,
};

/// What `integration` found: where the output lands and which safeguards exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    /// Where the output lands.
    pub destination: OutputDestination,
    /// An escalation path to a person exists.
    pub fallback: bool,
    /// Production quality is measured.
    pub monitoring: bool,
}

impl Finding {
    /// People must leave their work to use it.
    pub fn standalone(&self) -> bool {
        self.destination == OutputDestination::StandaloneTool
    }
}

/// Judge `integration`.
pub fn judge(ctx: &Context) -> Judged {
    let i = &ctx.pilot.integration;
    let finding = Finding {
        destination: i.output_destination,
        fallback: i.fallback_to_human,
        monitoring: i.monitoring,
    };
    let standalone = finding.standalone();
    let gaps = [standalone, !i.fallback_to_human, !i.monitoring]
        .iter()
        .filter(|gap| **gap)
        .count();
    let (status, score) = if i.output_destination == OutputDestination::CopyPaste
        || (!i.fallback_to_human && !i.monitoring)
    {
        (Status::Fail, FAIL_SCORE)
    } else if gaps == 0 {
        (Status::Pass, PASS_SCORE)
    } else {
        let score = PASS_SCORE
            - if standalone { STANDALONE_PENALTY } else { 0.0 }
            - SAFEGUARD_PENALTY * (gaps - standalone as usize) as f64;
        (Status::Warn, score)
    };
    Judged::new(
        CriterionId::Integration,
        status,
        score,
        super::Finding::Integration(finding),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::criteria::test_context::with;
    use crate::audit::Pilot;

    #[test]
    fn place_and_safeguards_decide_and_grade_it() {
        let judged = |destination, fallback, monitoring| {
            let mut p = Pilot::default();
            p.integration.output_destination = destination;
            p.integration.fallback_to_human = fallback;
            p.integration.monitoring = monitoring;
            with(&p, |ctx| {
                let j = judge(ctx);
                (j.status, j.score)
            })
        };
        use OutputDestination::*;
        assert_eq!(judged(CopyPaste, true, true), (Status::Fail, 0.0));
        assert_eq!(judged(AutomatedWorkflow, false, false), (Status::Fail, 0.0));
        assert_eq!(judged(SystemOfRecordApi, true, true), (Status::Pass, 100.0));
        assert_eq!(judged(SystemOfRecordApi, true, false), (Status::Warn, 75.0));
        assert_eq!(judged(StandaloneTool, true, true), (Status::Warn, 60.0));
        assert_eq!(judged(StandaloneTool, false, true), (Status::Warn, 35.0));
    }
}
