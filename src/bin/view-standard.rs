//! The wasm of the standard, and of every unknown path (one wasm per view: `ui::Pages`,
//! DESIGN §7).

use leptos::prelude::*;
use pilot_audit::ui::{self, routes::Route};

fn main() {
    ui::start(|route| match route {
        Route::Standard => Some(|| view! { <ui::standard::Standard/> }.into_any()),
        Route::Panic => Some(|| view! { <ui::panic_panel::PanicOnPurpose/> }.into_any()),
        _ => None,
    });
}
