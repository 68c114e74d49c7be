//! The error summary at the top of a step: every problem, each a link to its field.

use super::form::FormState;
use crate::ui::focus_by_id;
use leptos::prelude::*;

const SUMMARY_ID: &str = "error-summary";

/// Move focus to the summary (after a Next with errors).
pub fn focus_summary() {
    focus_by_id(SUMMARY_ID);
}

/// Shown once Next was pressed with errors on the step.
#[component]
pub fn ErrorSummary(form: FormState) -> impl IntoView {
    move || {
        if !form.show_all.get() {
            return None;
        }
        let errors = form.step_errors();
        (!errors.is_empty()).then(|| {
            view! {
                <div class="error-summary" id=SUMMARY_ID tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                    <h2 id="error-summary-title">"There is a problem"</h2>
                    <ul>
                        {errors.into_iter().map(|e| {
                            let target = e.input_id;
                            let href = format!("#{target}");
                            let (label, message) = (e.label, e.message);
                            view! {
                                <li>
                                    <a href=href on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_by_id(&target);
                                    }>{format!("{label}: {message}")}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
