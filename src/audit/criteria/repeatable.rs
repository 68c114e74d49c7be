//! `repeatable`: structured input passes, semi-structured warns (graded), free-form fails.

use super::{Context, Judged};
use crate::audit::model::{InputStructure, Status};
use crate::audit::standard::{CriterionId, FAIL_SCORE, PASS_SCORE, SEMI_STRUCTURED_GRADE};

/// What the criterion found: the input's structure, as the buyer described it.
pub type Finding = InputStructure;

/// Judge `repeatable`.
pub fn judge(ctx: &Context) -> Judged {
    let structure = ctx.pilot.task.input_structure;
    let (status, score) = match structure {
        InputStructure::Structured => (Status::Pass, PASS_SCORE),
        InputStructure::SemiStructured => (Status::Warn, SEMI_STRUCTURED_GRADE),
        InputStructure::FreeForm => (Status::Fail, FAIL_SCORE),
    };
    Judged::new(
        CriterionId::Repeatable,
        status,
        score,
        super::Finding::Repeatable(structure),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::criteria::test_context::with;
    use crate::audit::Pilot;

    #[test]
    fn structure_decides_the_status() {
        for (structure, status, score) in [
            (InputStructure::Structured, Status::Pass, 100.0),
            (InputStructure::SemiStructured, Status::Warn, 50.0),
            (InputStructure::FreeForm, Status::Fail, 0.0),
        ] {
            let mut p = Pilot::default();
            p.task.input_structure = structure;
            let j = with(&p, judge);
            assert_eq!((j.status, j.score), (status, score), "{structure:?}");
        }
    }
}
