//! `single_task`: one task passes, 2–3 warn (graded), none or four and more fail.

use super::{Context, Judged};
use crate::audit::model::Status;
use crate::audit::standard::{
    CriterionId, FAIL_SCORE, MAX_TASKS_TO_WARN, PASS_SCORE, SINGLE_TASK_WARN_GRADES,
};

/// How many distinct jobs the pilot is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// Exactly one.
    One,
    /// None is defined.
    NoTask,
    /// 2 to [`MAX_TASKS_TO_WARN`].
    Few(u32),
    /// More than that.
    Many(u32),
}

/// Judge `single_task`.
pub fn judge(ctx: &Context) -> Judged {
    let (status, score, finding) = match ctx.pilot.task.distinct_tasks {
        1 => (Status::Pass, PASS_SCORE, Finding::One),
        0 => (Status::Fail, FAIL_SCORE, Finding::NoTask),
        n @ 2..=MAX_TASKS_TO_WARN => (
            Status::Warn,
            SINGLE_TASK_WARN_GRADES[(n - 2) as usize],
            Finding::Few(n),
        ),
        n => (Status::Fail, FAIL_SCORE, Finding::Many(n)),
    };
    Judged::new(
        CriterionId::SingleTask,
        status,
        score,
        super::Finding::SingleTask(finding),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::criteria::test_context::with;
    use crate::audit::Pilot;

    #[test]
    fn one_passes_few_warn_by_grade_none_and_many_fail() {
        let judged = |n: u32| {
            let mut p = Pilot::default();
            p.task.distinct_tasks = n;
            with(&p, |ctx| {
                let j = judge(ctx);
                (j.status, j.score)
            })
        };
        assert_eq!(judged(1), (Status::Pass, 100.0));
        assert_eq!(judged(0), (Status::Fail, 0.0));
        assert_eq!(judged(2), (Status::Warn, 60.0));
        assert_eq!(judged(3), (Status::Warn, 30.0));
        assert_eq!(judged(4), (Status::Fail, 0.0));
    }
}
