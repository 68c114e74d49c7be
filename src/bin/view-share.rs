//! The wasm of the shared view of a link that holds one pilot (`/share#…`; one wasm per
//! view: `ui::Pages`, DESIGN §7).

use leptos::prelude::*;
use pilot_audit::ui::{self, routes::Route, share};

fn main() {
    ui::start(|route| match route {
        Route::Share => Some(|| view! { <share::Shared show=share::one_pilot/> }.into_any()),
        _ => None,
    });
}
