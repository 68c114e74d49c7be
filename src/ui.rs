//! The web app: shell, routes and views. Logic lives in `audit` and `store`; components
//! only show it.

pub mod banner;
pub mod chart_view;
pub mod clock;
pub mod compare;
pub mod evidence;
pub mod fingerprint;
pub mod format;
pub mod header;
pub mod library;
pub mod not_found;
pub mod panic_panel;
pub mod questionnaire;
pub mod report;
pub mod routes;
pub mod share;
pub mod standard;
pub mod state;
pub mod transfer;
pub mod uncertainty;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

/// The whole app: header, routes, and the app-wide state.
#[component]
pub fn App() -> impl IntoView {
    let state = state::AppState::load();
    provide_context(state);
    // Another tab or window changed local storage: read it again and say so.
    let listener = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let key = ev.key();
        if key
            .as_deref()
            .is_none_or(|k| k.starts_with(crate::store::KEY_PREFIX))
        {
            state.reload_after_external_change(key);
        }
    });
    on_cleanup(move || listener.remove());
    full_loads_for_escaped_percent();
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header::SiteHeader/>
            <main class="page" id="main" tabindex="-1">
                <banner::StorageBanner/>
                <Routes fallback=not_found::NotFound>
                    <Route path=path!("/") view=library::Library/>
                    <Route path=path!("/pilot/:id") view=report::Report/>
                    <Route path=path!("/pilot/:id/edit/:step") view=questionnaire::Questionnaire/>
                    <Route path=path!("/compare") view=compare::Compare/>
                    <Route path=path!("/standard") view=standard::Standard/>
                    <Route path=path!("/share") view=share::Shared/>
                    <Route path=path!("/debug/panic") view=panic_panel::PanicOnPurpose/>
                </Routes>
            </main>
        </Router>
    }
}

/// leptos_router's link handler runs `decodeURI` on a path before it navigates, which turns
/// the `%25` of an id holding `%` (encoded once by `routes`) back into `%`, so the pilot
/// would not be found. Such links load in full instead: a listener that runs before the
/// router's stops the click from reaching it, and the browser follows the link as written.
fn full_loads_for_escaped_percent() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handler =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
            let escaped = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
                .and_then(|a| a.get_attribute("href"))
                .is_some_and(|href| href.contains("%25"));
            if escaped {
                ev.stop_propagation();
            }
        });
    let _ = document.add_event_listener_with_callback_and_bool(
        "click",
        handler.as_ref().unchecked_ref(),
        true,
    );
    handler.forget();
}

/// The browser tab's title: what the view shows, then the app's name.
pub fn set_title(what: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{what} · Pilot Audit"));
    }
}

/// The message of a JavaScript error (its `message`), or `fallback`.
pub fn error_message(error: &wasm_bindgen::JsValue, fallback: &str) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| fallback.to_string())
}

/// Move keyboard focus to the element with `id`, if it is there.
pub fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Replace the static first-paint markup in `#app` with the app, then mark the body ready.
pub fn mount() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(root, App).forget();
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-app-ready", "");
    }
}
