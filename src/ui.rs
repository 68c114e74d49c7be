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
pub mod router;
pub mod routes;
pub mod share;
pub mod standard;
pub mod state;
pub mod transfer;
pub mod uncertainty;

use leptos::prelude::*;
use routes::Route;
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
    let location = router::provide_location();
    // A view is drawn again only when the kind of route changes: moving between steps, or
    // from one report to another, keeps the view, which reads its id and step itself.
    let kind = Memo::new(move |_| location.route.with(std::mem::discriminant));
    let page = move || {
        // Read, not only tracked: a memo no one has read is never computed, so never told.
        kind.get();
        match location.route.get_untracked() {
            Route::Library => view! { <library::Library/> }.into_any(),
            Route::Report { .. } => view! { <report::Report/> }.into_any(),
            Route::Edit { .. } => view! { <questionnaire::Questionnaire/> }.into_any(),
            Route::Compare => view! { <compare::Compare/> }.into_any(),
            Route::Standard => view! { <standard::Standard/> }.into_any(),
            Route::Share => view! { <share::Shared/> }.into_any(),
            Route::Panic => view! { <panic_panel::PanicOnPurpose/> }.into_any(),
            Route::NotFound => view! { <not_found::NotFound/> }.into_any(),
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
