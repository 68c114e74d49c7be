//! "Check your answers": every answer by step, each with a Change link.

use super::fields::{steps, FieldSpec, Kind, STEP_COUNT};
use crate::audit::{FieldError, Pilot};
use leptos::prelude::*;
use leptos_router::components::A;

/// An answer as a person reads it: percentages with %, choices by label, yes/no.
pub fn shown(spec: &FieldSpec, pilot: &Pilot) -> String {
    let raw = (spec.get)(pilot);
    match spec.kind {
        Kind::Number { percent: true, .. } => format!("{raw}%"),
        Kind::Choice(options) => options
            .iter()
            .find(|(value, _)| *value == raw)
            .map_or(raw.clone(), |(_, label)| label.to_string()),
        Kind::Check => if raw == "true" { "Yes" } else { "No" }.to_string(),
        _ if raw.trim().is_empty() => "Not given".to_string(),
        _ => raw,
    }
}

/// The review step.
#[component]
pub fn Review(pilot: RwSignal<Pilot>, invalid: Memo<Vec<FieldError>>) -> impl IntoView {
    let snapshot = pilot.get_untracked();
    let id = snapshot.id.clone();
    view! {
        <h2>{format!("Step {STEP_COUNT} of {STEP_COUNT}: Check your answers")}</h2>
        {move || {
            let count = invalid.with(Vec::len);
            (count > 0).then(|| view! {
                <p class="notice" role="status">{format!("{count} answer(s) still need attention: see the marked rows.")}</p>
            })
        }}
        {steps().iter().enumerate().take(STEP_COUNT - 1).map(|(i, (title, fields))| {
            let n = i + 1;
            let id = id.clone();
            view! {
                <h3>{*title}</h3>
                <dl class="review">
                    {fields.iter().map(|spec| {
                        // The step, and on it the field, which takes focus (`#f-…`).
                        let href = format!("/pilot/{id}/edit/{n}#{}", spec.input_id());
                        let value = shown(spec, &snapshot);
                        let problem = invalid.with_untracked(|errors| errors.iter().find(|e| e.path == spec.path).map(|e| e.message.clone()));
                        let label = spec.label.replace("money", &snapshot.currency);
                        let change_label = format!("Change {}", spec.label.to_lowercase());
                        let row_class = if problem.is_some() { "review__row review__row--error" } else { "review__row" };
                        view! {
                            <div class=row_class>
                                <dt>{label}</dt>
                                <dd>{value}{problem.map(|m| view! { <span class="field-error">" — "{m}</span> })}</dd>
                                <dd><A href=href attr:aria-label=change_label>"Change"</A></dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            }
        }).collect_view()}
        <div class="actions">
            <A href=format!("/pilot/{id}") attr:class="button button--primary">"See the assessment"</A>
        </div>
    }
}
