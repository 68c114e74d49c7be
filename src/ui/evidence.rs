//! The evidence log as people read it (DESIGN §9): whose evidence counts, what was left
//! out, drift, the test plan, and the log itself on the report (newest first; on paper the
//! latest five and a count of the rest).

use crate::audit::criteria::p_value;
use crate::audit::evidence::counted;
use crate::audit::format::{count, plural};
use crate::audit::schema::BATCH_FIELDS;
use crate::audit::{CountedEvidence, Drift, EvidenceKind, Pilot, PlanStanding, PlanStatus};
use leptos::prelude::*;

/// Batches the printed report lists; the rest are counted.
pub const PRINTED_BATCHES: usize = 5;

/// Whose evidence the figures rest on.
pub fn whose(ev: &CountedEvidence) -> String {
    let version = if ev.model_version.is_empty() {
        String::new()
    } else {
        format!(", model version {}", short(&ev.model_version, 16))
    };
    match ev.kind {
        EvidenceKind::Buyer => format!(
            "Your own cases ({}{version})",
            plural(ev.batches, "batch", "batches")
        ),
        EvidenceKind::Vendor => format!(
            "The vendor's tests: you have none of your own ({}{version})",
            plural(ev.batches, "batch", "batches")
        ),
        EvidenceKind::None => "None yet: no batch is logged".to_string(),
    }
}

/// What was left out of the counted evidence, and why.
pub fn left_out(ev: &CountedEvidence) -> String {
    let mut parts = Vec::new();
    if ev.left_out_cases > 0 {
        parts.push(format!(
            "{} of another model version",
            plural(ev.left_out_cases, "case", "cases")
        ));
    }
    if ev.vendor_cases_left_out > 0 {
        parts.push(format!(
            "{} of the vendor's (you have your own)",
            plural(ev.vendor_cases_left_out, "case", "cases")
        ));
    }
    if parts.is_empty() {
        "Nothing".to_string()
    } else {
        parts.join("; ")
    }
}

/// Drift between the latest counted batch and the earlier ones.
pub fn drift_words(drift: Option<&Drift>) -> String {
    match drift {
        None => "Not tested: it takes two batches of your own".to_string(),
        Some(d) if d.flagged => format!(
            "Flagged: the latest batch fails more often ({}, Fisher's exact test)",
            p_value(d.p_value)
        ),
        Some(d) => format!("None found ({})", p_value(d.p_value)),
    }
}

/// The plan in force and where it stands.
pub fn plan_words(plan: Option<&PlanStanding>) -> String {
    let Some(p) = plan else {
        return "None set: set one before the next results".to_string();
    };
    let planned = p
        .planned_cases
        .map_or_else(|| "no number of".to_string(), |n| count(n as f64));
    format!(
        "{}: {} of {planned} planned cases, {}",
        crate::audit::format::upper_first(p.status.label()),
        count(p.counted_cases as f64),
        plural(p.counted_failures, "failure", "failures")
    )
}

/// The plan's status in a word or two: "on track", …, or "none".
pub fn plan_short(plan: Option<&PlanStanding>) -> &'static str {
    plan.map_or("none", |p| p.status.label())
}

/// Drift in a word or two, with the p-value when tested.
pub fn drift_short(drift: Option<&Drift>) -> String {
    match drift {
        None => "not tested".to_string(),
        Some(d) if d.flagged => format!("flagged ({})", p_value(d.p_value)),
        Some(d) => format!("none found ({})", p_value(d.p_value)),
    }
}

/// Cases counted, and whose when not the buyer's: "2,400" or "500 (vendor's)".
pub fn counted_short(ev: &CountedEvidence) -> String {
    match ev.kind {
        EvidenceKind::Vendor => format!("{} (vendor's)", count(ev.cases as f64)),
        _ => count(ev.cases as f64),
    }
}

/// Whether a demonstration was planned or found by looking before the plan was done.
pub fn demonstration_words(plan: Option<&PlanStanding>) -> &'static str {
    match plan.map(|p| p.status) {
        Some(PlanStatus::Passed) => "Planned: the test plan in force has passed",
        _ => "Found at an interim look, not by a plan that has passed: confirm it with a plan",
    }
}

/// At most `chars` characters of a text the report quotes (a note holds up to 1,000; the
/// questionnaire shows it whole), cut at a word with "…".
fn short(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(chars - 1).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    let kept = if at_word.chars().count() < chars / 2 {
        cut.as_str()
    } else {
        at_word
    };
    format!("{}…", kept.trim_end())
}

/// The log on the report: newest first, each batch counted or why not. On paper the
/// latest five, without their notes (up to 1,000 characters each: the questionnaire and
/// the screen show them), and a count of the rest.
#[component]
pub fn EvidenceLog(pilot: Pilot) -> impl IntoView {
    let batches = &pilot.reliability.batches;
    if batches.is_empty() {
        return view! { <p class="muted">"The evidence log is empty: no batch of cases has been checked yet."</p> }
            .into_any();
    }
    let c = counted(batches);
    let older = batches.len().saturating_sub(PRINTED_BATCHES);
    let rows = batches
        .iter()
        .enumerate()
        .rev()
        .enumerate()
        .map(|(shown, (i, b))| {
            let why = if c.indices.contains(&i) {
                "counted".to_string()
            } else if c.summary.kind == EvidenceKind::Buyer && !b.source.is_buyers_own() {
                "left out: the vendor's".to_string()
            } else {
                "left out: another model version".to_string()
            };
            let [date, _, _, source, version, note] = &BATCH_FIELDS;
            let older_row = shown >= PRINTED_BATCHES;
            view! {
                <tr class=("screen-only", older_row) data-testid="batch-row">
                    <td class="nowrap">{date.shown(b)}</td>
                    <td>{source.shown(b)}</td>
                    <td>{short(&version.shown(b), 16)}</td>
                    <td class="num">{count(b.cases as f64)}</td>
                    <td class="num">{count(b.failures as f64)}</td>
                    <td>{why}</td>
                    <td class="screen-cell">{short(&note.shown(b), 60)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="evidence-log">
                <caption>{format!("Evidence log, newest first: {}", plural(batches.len() as u64, "batch", "batches"))}</caption>
                <thead><tr>
                    <th scope="col">"Date"</th><th scope="col">"Source"</th><th scope="col">"Model version"</th>
                    <th scope="col" class="num">"Cases"</th><th scope="col" class="num">"Failures"</th>
                    <th scope="col">"Counted"</th><th scope="col" class="screen-cell">"Note"</th>
                </tr></thead>
                <tbody>
                    {rows}
                    {(older > 0).then(|| view! {
                        <tr class="print-only"><td colspan="6">{format!("… and {} earlier, listed in the app.", plural(older as u64, "batch", "batches"))}</td></tr>
                    })}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_each_standing() {
        let plan = PlanStanding {
            status: PlanStatus::OnTrack,
            planned_cases: Some(2995),
            counted_cases: 1200,
            counted_failures: 1,
        };
        assert_eq!(
            plan_words(Some(&plan)),
            "On track: 1,200 of 2,995 planned cases, 1 failure"
        );
        assert!(drift_words(Some(&Drift {
            p_value: 0.012,
            flagged: true
        }))
        .contains("p = 0.0120"));
    }
}
