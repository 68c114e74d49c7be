//! `single_task` in words.

use super::Words;
use crate::audit::criteria::single_task::Finding;
use crate::audit::format::count;

/// The finding and fix of `single_task`.
pub fn phrase(finding: Finding) -> Words {
    match finding {
        Finding::One => Words::pass("Automates one task."),
        Finding::NoTask => Words::new(
            "No task is defined (0 distinct tasks).",
            "Name the one task the pilot automates.",
        ),
        Finding::Few(n) => Words::new(
            format!("Asked to do {n} different jobs."),
            format!(
                "Narrow it to the one job with the most volume; make the other {} separate pilots.",
                n - 1
            ),
        ),
        Finding::Many(n) => Words::new(
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
