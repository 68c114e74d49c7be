//! The wasm of compare (one wasm per view: `ui::Pages`, DESIGN §7).

use leptos::prelude::*;
use pilot_audit::ui::{self, routes::Route};

fn main() {
    ui::start(|route| match route {
        Route::Compare => Some(|| view! { <ui::compare::Compare/> }.into_any()),
        _ => None,
    });
}
