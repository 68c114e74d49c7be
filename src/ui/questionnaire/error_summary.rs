//! The error summary at the top of a step: every problem, each a link to its field.

use super::fields::steps;
use super::FormState;
use crate::ui::focus_by_id;
use leptos::prelude::*;

const SUMMARY_ID: &str = "error-summary";

/// Move focus to the summary (after a Next with errors).
pub fn focus_summary() {
    focus_by_id(SUMMARY_ID);
}

fn label_of(path: &str) -> &'static str {
    steps()
        .iter()
        .flat_map(|(_, fields)| fields.iter())
        .find(|f| f.path == path)
        .map_or("This field", |f| f.label)
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
                        {errors.into_iter().map(|(path, message)| {
                            let target = format!("f-{}", path.replace('.', "-"));
                            let href = format!("#{target}");
                            view! {
                                <li>
                                    <a href=href on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_by_id(&target);
                                    }>{format!("{}: {message}", label_of(path))}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
