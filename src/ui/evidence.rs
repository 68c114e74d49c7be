//! The evidence log as people read it (DESIGN §9): whose evidence counts, what was left
//! out, drift, the test plan, and the log itself on the report (newest first; on paper the
//! latest five and a count of the rest). The words are [`crate::audit::words::evidence`]'s.

use crate::audit::evidence::counted;
use crate::audit::format::count;
use crate::audit::schema::BATCH_FIELDS;
use crate::audit::words::evidence::{counted_or_why, earlier_batches, log_caption, short};
pub use crate::audit::words::evidence::{
    counted_short, demonstration_words, drift_power_words, drift_short, drift_words, left_out,
    plan_short, plan_words, whose,
};
use crate::audit::Pilot;
use leptos::prelude::*;

/// Batches the printed report lists; the rest are counted.
pub const PRINTED_BATCHES: usize = 3;

/// The log on the report: newest first, each batch counted or why not. On paper the
/// latest [`PRINTED_BATCHES`], without their notes (up to 1,000 characters each: the questionnaire and
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
            let why = counted_or_why(&c, i, b);
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
        <div class="table-wrap" tabindex="0">
            <table class="evidence-log">
                <caption>{log_caption(batches.len())}</caption>
                <thead><tr>
                    <th scope="col">"Date"</th><th scope="col">"Source"</th><th scope="col">"Model version"</th>
                    <th scope="col" class="num">"Cases"</th><th scope="col" class="num">"Failures"</th>
                    <th scope="col">"Counted"</th><th scope="col" class="screen-cell">"Note"</th>
                </tr></thead>
                <tbody>
                    {rows}
                    {(older > 0).then(|| view! {
                        <tr class="print-only"><td colspan="6">{earlier_batches(older)}</td></tr>
                    })}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
