//! "How we score" (`/standard`): the seven criteria, their weights and the verdict rules,
//! as the engine applies them.

use super::chart_view::ChartView;
use crate::audit::words::rules::{changes_from_2_0, rule, verdict_rules};
use crate::audit::{CriterionId, STANDARD_VERSION};
use crate::charts::request::ChartRequest;
use crate::charts::weights::weights_by_size;
use leptos::prelude::*;

/// The standard page.
#[component]
pub fn Standard() -> impl IntoView {
    super::set_title("How we score");
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
            {verdict_rules().into_iter().map(|(verdict, rest)| view! { <li><strong>{verdict}</strong>{rest}</li> }).collect_view()}
            <li>"Lists that rank pilots put scale before fix before stop, then the higher score first."</li>
        </ul>
        <h2>"Where the weight lies"</h2>
        <WeightsFigure/>
        <h2>"What changed from 2.0, and why"</h2>
        <ul class="changes" data-testid="changes">
            {changes_from_2_0().into_iter().map(|(what, why)| view! { <li><strong>{what}</strong>" "{why}</li> }).collect_view()}
        </ul>
        <p class="muted">{format!("Standard version {STANDARD_VERSION}.")}</p>
    }
}

#[component]
fn CriteriaRules() -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0">
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
                    {CriterionId::ALL.iter().map(|c| {
                        let rule = rule(*c);
                        view! {
                            <tr data-criterion=c.id()>
                                <th scope="row">{rule.name}</th>
                                <td class="num" data-label="Weight">{format!("{:.0}", rule.weight)}</td>
                                <td data-label="Pass">{rule.pass}</td>
                                <td data-label="Warn">{rule.warn}</td>
                                <td data-label="Fail">{rule.fail}</td>
                            </tr>
                        }
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
        .map(|(name, w)| format!("{name} {w:.0}"))
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
