//! The wasm of the report (one wasm per view: `ui::Pages`, DESIGN §7).

use leptos::prelude::*;
use pilot_audit::ui::{self, routes::Route};

fn main() {
    ui::start(|route| match route {
        Route::Report { .. } => Some(|| view! { <ui::report::Report/> }.into_any()),
        _ => None,
    });
}
