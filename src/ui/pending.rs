//! Views whose full versions are still being built: they say so plainly and point to what
//! works today.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// `/pilot/:id/edit/:step`: the questionnaire.
#[component]
pub fn Questionnaire() -> impl IntoView {
    let params = use_params_map();
    let step = move || params.with(|p| p.get("step").unwrap_or_default());
    view! {
        <h1>"Questionnaire"</h1>
        <p class="notice">
            "The step-by-step questionnaire (step " {step} " of 6) is not available in this version yet. "
            "You can load the example pilots in the library and open their assessments."
        </p>
        <p><A href="/">"Go to the library"</A></p>
    }
}

/// `/compare`: side-by-side comparison.
#[component]
pub fn Compare() -> impl IntoView {
    view! {
        <h1>"Compare pilots"</h1>
        <p class="notice">
            "Comparing pilots side by side is not available in this version yet. "
            "Each pilot's assessment can be opened from the library."
        </p>
        <p><A href="/">"Go to the library"</A></p>
    }
}
