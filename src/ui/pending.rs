//! Views whose full versions are still being built: they say so plainly and point to what
//! works today.

use leptos::prelude::*;
use leptos_router::components::A;

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
