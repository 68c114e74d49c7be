//! The views of each wasm (`ui::Pages`, DESIGN §7): one function per view, named by the bin
//! that draws it (`src/bin/view-*.rs`), and [`all`] for the wasm that draws every view, for
//! a browser whose storage is blocked (work lives in the page, so the page must not change).

use super::routes::Route;
use super::{compare, library, panic_panel, questionnaire, report, share, standard};
use leptos::prelude::*;

/// A view's constructor, when the route is one of the view's.
type Page = Option<fn() -> AnyView>;

/// `/`
pub fn library(route: &Route) -> Page {
    matches!(route, Route::Library).then_some(|| view! { <library::Library/> }.into_any())
}

/// `/pilot/:id/edit/:step`
pub fn questionnaire(route: &Route) -> Page {
    matches!(route, Route::Edit { .. })
        .then_some(|| view! { <questionnaire::Questionnaire/> }.into_any())
}

/// `/pilot/:id`
pub fn report(route: &Route) -> Page {
    matches!(route, Route::Report { .. }).then_some(|| view! { <report::Report/> }.into_any())
}

/// `/compare`
pub fn compare(route: &Route) -> Page {
    matches!(route, Route::Compare).then_some(|| view! { <compare::Compare/> }.into_any())
}

/// `/standard`, and the error panel's check (`/debug/panic`); its wasm, the smallest, also
/// takes every unknown path (`assets/boot.js`).
pub fn standard(route: &Route) -> Page {
    match route {
        Route::Standard => Some(|| view! { <standard::Standard/> }.into_any()),
        Route::Panic => Some(|| view! { <panic_panel::PanicOnPurpose/> }.into_any()),
        _ => None,
    }
}

/// `/share#…`: a link that holds one pilot.
pub fn share(route: &Route) -> Page {
    matches!(route, Route::Share)
        .then_some(|| view! { <share::Shared show=share::one_pilot/> }.into_any())
}

/// `/share/compare#…`: a link that holds several pilots.
pub fn shared_compare(route: &Route) -> Page {
    matches!(route, Route::SharedCompare).then_some(|| {
        let show = |pilots: Vec<crate::audit::Pilot>| {
            view! { <compare::SharedCompare pilots/> }.into_any()
        };
        view! { <share::Shared show/> }.into_any()
    })
}

/// Every view.
pub fn all(route: &Route) -> Page {
    [
        library,
        questionnaire,
        report,
        compare,
        standard,
        share,
        shared_compare,
    ]
    .iter()
    .find_map(|pages| pages(route))
}
