//! The 404 view.

use leptos::prelude::*;

/// Shown for any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    super::set_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address in Pilot Audit."</p>
        <p><a href=super::routes::LIBRARY>"Go to the library"</a></p>
    }
}
