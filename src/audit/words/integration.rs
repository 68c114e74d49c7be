//! `integration` in words.

use super::Words;
use crate::audit::criteria::integration::Finding;
use crate::audit::format::upper_first;
use crate::audit::model::OutputDestination;

/// The finding and fix of `integration`.
pub fn phrase(f: &Finding) -> Words {
    let place = match f.destination {
        OutputDestination::CopyPaste => {
            return Words::new(
                "Output is copy-pasted by a person: the pilot sits beside the work, not in it.",
                "Write the output into the system of record through its API, or into the workflow that uses it.",
            )
        }
        OutputDestination::StandaloneTool => "a standalone tool",
        OutputDestination::SystemOfRecordApi => "the system of record",
        OutputDestination::AutomatedWorkflow => "an automated workflow",
    };
    if !f.fallback && !f.monitoring {
        return Words::new(
            format!("Output lands in {place}, with no fallback to a person and no monitoring: failures go unseen."),
            "Add an escalation path to a person and continuous quality monitoring.",
        );
    }
    let standalone = f.standalone();
    if !standalone && f.fallback && f.monitoring {
        return Words::pass(format!(
            "Output lands in {place}, with a fallback to a person and monitoring."
        ));
    }
    let mut gaps = Vec::new();
    let mut fixes = Vec::new();
    if standalone {
        gaps.push("people must leave their work to use it");
        fixes.push("write the output into the system of record or workflow");
    }
    if !f.fallback {
        gaps.push("there is no fallback to a person");
        fixes.push("add an escalation path to a person");
    }
    if !f.monitoring {
        gaps.push("production quality is not monitored");
        fixes.push("measure production quality continuously");
    }
    Words::new(
        format!("Output lands in {place}, but {}.", gaps.join(" and ")),
        upper_first(&format!("{}.", fixes.join("; "))),
    )
}
