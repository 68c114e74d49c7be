//! The wasm of the questionnaire (one wasm per view: `ui::Pages`, DESIGN §7).

use leptos::prelude::*;
use pilot_audit::ui::{self, routes::Route};

fn main() {
    ui::start(|route| match route {
        Route::Edit { .. } => Some(|| view! { <ui::questionnaire::Questionnaire/> }.into_any()),
        _ => None,
    });
}
