//! The wasm of the shared view of a link that holds several pilots (`/share/compare#…`; one
//! wasm per view: `ui::Pages`, DESIGN §7).

use leptos::prelude::*;
use pilot_audit::audit::Pilot;
use pilot_audit::ui::{self, compare::SharedCompare, routes::Route, share::Shared};

fn main() {
    ui::start(|route| match route {
        Route::SharedCompare => Some(|| {
            let show = |pilots: Vec<Pilot>| view! { <SharedCompare pilots/> }.into_any();
            view! { <Shared show/> }.into_any()
        }),
        _ => None,
    });
}
