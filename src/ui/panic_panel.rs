//! A panic shows a recoverable error panel (static markup in `index.html`) instead of a
//! dead page: the wasm instance cannot be trusted after a panic, so the panel and its
//! Reload link need nothing from it.

use leptos::prelude::*;

/// Install the hook: log the panic, hide the app, show `#fatal-error` with the details as text.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Pilot Audit stopped: {message}").into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(details) = document.get_element_by_id("fatal-error-details") {
            details.set_text_content(Some(&message));
        }
        if let Some(app) = document.get_element_by_id("app") {
            let _ = app.set_attribute("hidden", "");
        }
        if let Some(panel) = document.get_element_by_id("fatal-error") {
            let _ = panel.remove_attribute("hidden");
        }
    }));
}

/// `/debug/panic`: panics on purpose so the tests can check the error panel.
#[component]
pub fn PanicOnPurpose() -> impl IntoView {
    let armed = RwSignal::new(false);
    Effect::new(move |_| {
        if armed.get() {
            panic!("a panic on purpose, from /debug/panic");
        }
    });
    view! {
        <h1>"Error panel check"</h1>
        <p>"This page exists to test how Pilot Audit recovers from an internal error."</p>
        <button class="button" type="button" on:click=move |_| armed.set(true)>"Trigger an internal error"</button>
    }
}
