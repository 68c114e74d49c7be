//! The wasm of the library (one wasm per view: `ui::Pages`, DESIGN §7).

use leptos::prelude::*;
use pilot_audit::ui::{self, routes::Route};

fn main() {
    ui::start(|route| match route {
        Route::Library => Some(|| view! { <ui::library::Library/> }.into_any()),
        _ => None,
    });
}
