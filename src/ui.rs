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
pub mod pages;
pub mod panic_panel;
pub mod questionnaire;
pub mod report;
pub mod router;
pub mod routes;
pub mod share;
pub mod standard;
pub mod state;
pub mod steps;
pub mod transfer;
pub mod uncertainty;

use leptos::prelude::*;
use routes::Route;
use wasm_bindgen::JsCast;

/// The views one wasm bundle draws: the view of each route it serves, None for the others
/// (DESIGN §7: one wasm per view, or group of views, keeps each first load within budget).
/// A link to a route this bundle does not serve is loaded in full, and `assets/boot.js`
/// starts the bundle that serves it. Every bundle draws the 404 view.
pub type Pages = fn(&Route) -> Option<fn() -> AnyView>;

/// The whole app: header, the views of `pages`, and the app-wide state.
#[component]
pub fn App(pages: Pages) -> impl IntoView {
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
    // Work storage refused lives only in this page: leaving it (to another view's page too)
    // asks first, as the browser asks for any unsaved form.
    let leaving = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.work_held_only_here() {
            ev.prevent_default();
            // The older way some browsers still read.
            ev.set_return_value("");
        }
    });
    on_cleanup(move || {
        listener.remove();
        leaving.remove();
    });
    let location = router::provide_location(pages);
    // A new pilot left without a single answer is not kept as an "Untitled pilot" draft:
    // once the page is about another pilot, or none (also after a full load, from another
    // view's wasm, or in a new tab), it is forgotten.
    Effect::new(move |_| {
        location
            .route
            .with(|r| state.forget_blank_except(r.pilot_id()))
    });
    // A view is drawn again only when the kind of route changes: moving between steps, or
    // from one report to another, keeps the view, which reads its id and step itself.
    let kind = Memo::new(move |_| location.route.with(std::mem::discriminant));
    let page = move || {
        // Read, not only tracked: a memo no one has read is never computed, so never told.
        kind.get();
        // A route no view here serves (which `boot.js` should not have sent here) is a 404
        // rather than a load of the same page again.
        let route = location.route.get_untracked();
        match pages(&route) {
            Some(page) => page(),
            None => view! { <not_found::NotFound/> }.into_any(),
        }
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header::SiteHeader/>
        <main class="page" id="main" tabindex="-1">
            <banner::StorageBanner/>
            {page}
        </main>
    }
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

/// A JavaScript error as the browser's refusal, in its own words or `fallback`.
pub fn browser_error(error: &wasm_bindgen::JsValue, fallback: &str) -> crate::error::AppError {
    crate::error::AppError::Browser(error_message(error, fallback))
}

/// This tab's session storage, where the browser allows it.
pub fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
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

/// Start a bundle: the error panel, then the app with the views of `pages`.
pub fn start(pages: Pages) {
    panic_panel::install();
    mount(pages);
}

/// Replace the static first-paint markup in `#app` with the app, then mark the body ready.
pub fn mount(pages: Pages) {
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
    leptos::mount::mount_to(root, move || view! { <App pages/> }).forget();
    if let Some(body) = document.body() {
        let _ = body.set_attribute("data-app-ready", "");
    }
}
