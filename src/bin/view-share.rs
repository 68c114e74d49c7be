//! The wasm of the shared view (`/share#…`) (one wasm per view: `ui::Pages`, DESIGN §7).

use leptos::prelude::*;
use pilot_audit::ui::{self, routes::Route};

fn main() {
    ui::start(|route| match route {
        Route::Share => Some(|| view! { <ui::share::Shared/> }.into_any()),
        _ => None,
    });
}
