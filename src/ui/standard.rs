//! "How we score" (`/standard`): the seven criteria, their weights and the verdict rules,
//! as the engine applies them.

use super::chart_view::ChartView;
use crate::audit::criteria::WEIGHTS;
use crate::audit::STANDARD_VERSION;
use crate::charts::request::ChartRequest;
use crate::charts::weights::weights_by_size;
use leptos::prelude::*;

/// Pass / warn / fail wording of each criterion, in the order of [`WEIGHTS`].
const RULES: [(&str, &str, &str, &str); 7] = [
    ("One task", "Exactly one distinct task", "Two or three tasks", "No task named, or four or more"),
    ("Repeatable input", "Structured input", "Semi-structured input", "Free-form input"),
    (
        "Reliability, demonstrated",
        "The lower confidence bound meets the target, on your own evidence",
        "Observed rate meets the target but is not yet demonstrated, nothing tested yet, or the evidence is the vendor's",
        "Observed success rate below the target",
    ),
    (
        "Integrated where the work happens",
        "Output lands in a workflow or system of record, with a fallback to a person and monitoring",
        "A standalone tool, or fallback or monitoring missing",
        "Copy-paste, or neither fallback nor monitoring",
    ),
    (
        "Profitable per task",
        "At the reliability lower bound: positive net value and payback within 12 months",
        "At the observed failure rate: positive net value and payback within 36 months",
        "Anything worse",
    ),
    (
        "A real deployment plan",
        "A dated plan, a named owner, and at least half of any reserved capacity used",
        "No named owner, or 25–50% of reserved capacity used",
        "No dated plan, or under 25% of reserved capacity used",
    ),
    (
        "Margin you own",
        "A model you control, or a third-party API on your proprietary data with compute at most 30% of today's cost",
        "A third-party API otherwise, or a vendor wrapper on your proprietary data",
        "A vendor wrapper on data anyone has",
    ),
];

/// The standard page.
#[component]
pub fn Standard() -> impl IntoView {
    view! {
        <h1>"How we score"</h1>
        <p class="lede">
            "An AI pilot earns its keep when it automates one repeatable task, shows 99.9% reliability on "
            "your own cases, works inside the systems where the work happens, and makes money on every task "
            "from the first month, without resting its margin on someone else's prices."
        </p>
        <CriteriaRules/>
        <h2>"Score and verdict"</h2>
        <p>"Each criterion scores 100 on a pass and 0 on a fail; a warning scores in between, by how close the pilot is. The score is the weighted mean."</p>
        <ul>
            <li><strong>"Stop"</strong>" when the unit economics fail, when your own evidence shows the success rate below target, or when three or more criteria fail."</li>
            <li><strong>"Scale"</strong>" when nothing fails, reliability and unit economics pass, and the score is 80 or more."</li>
            <li><strong>"Fix"</strong>" otherwise: the report says what to change, with the figures."</li>
        </ul>
        <h2>"Where the weight lies"</h2>
        <WeightsFigure/>
        <p class="muted">{format!("Standard version {STANDARD_VERSION}.")}</p>
    }
}

#[component]
fn CriteriaRules() -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table--stack">
                <caption>"The seven criteria"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Criterion"</th>
                        <th scope="col" class="num">"Weight"</th>
                        <th scope="col">"Pass"</th>
                        <th scope="col">"Warn"</th>
                        <th scope="col">"Fail"</th>
                    </tr>
                </thead>
                <tbody>
                    {WEIGHTS.iter().zip(RULES.iter()).map(|((id, weight), (name, pass, warn, fail))| view! {
                        <tr>
                            <th scope="row">{*name}<br/><code>{*id}</code></th>
                            <td class="num" data-label="Weight">{format!("{weight:.0}")}</td>
                            <td data-label="Pass">{*pass}</td>
                            <td data-label="Warn">{*warn}</td>
                            <td data-label="Fail">{*fail}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn WeightsFigure() -> impl IntoView {
    let summary = weights_by_size()
        .iter()
        .map(|(id, w)| format!("{id} {w:.0}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <ChartView
            chart=ChartRequest::Weights
            label="Bar chart of the weight of each criterion in the score"
            caption=format!("Weight of each criterion in the score (out of 100): {summary}.")
        />
    }
}
