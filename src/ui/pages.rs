//! The views of each wasm (`ui::Pages`, DESIGN §7): one function per view, named by the bin
//! that draws it (`src/bin/view-*.rs`), and [`all`] for the wasm that draws every view, for
//! a browser whose storage is blocked (work lives in the page, so the page must not change).

use super::routes::{self, Route, View};
use super::{compare, library, panic_panel, questionnaire, report, router, share, standard};
use crate::audit::Pilot;
use leptos::prelude::*;

/// A view's constructor, when the route is one of the view's.
type Page = Option<fn() -> AnyView>;

/// `page`, when `view` draws the route.
fn when(route: &Route, view: View, page: fn() -> AnyView) -> Page {
    (route.view() == Some(view)).then_some(page)
}

/// `/`
pub fn library(route: &Route) -> Page {
    when(route, View::Library, || {
        view! { <library::Library/> }.into_any()
    })
}

/// `/pilot/:id/edit/:step`
pub fn questionnaire(route: &Route) -> Page {
    when(route, View::Questionnaire, || {
        view! { <questionnaire::Questionnaire/> }.into_any()
    })
}

/// `/pilot/:id`
pub fn report(route: &Route) -> Page {
    when(route, View::Report, || {
        view! { <report::Report/> }.into_any()
    })
}

/// `/compare`
pub fn compare(route: &Route) -> Page {
    when(route, View::Compare, || {
        view! { <compare::Compare/> }.into_any()
    })
}

/// `/standard`, and the error panel's check (`/debug/panic`); its wasm, the smallest, also
/// starts for every unknown path ([`Route::wasm`]).
pub fn standard(route: &Route) -> Page {
    match route {
        Route::Panic => Some(|| view! { <panic_panel::PanicOnPurpose/> }.into_any()),
        _ => when(route, View::Standard, || {
            view! { <standard::Standard/> }.into_any()
        }),
    }
}

/// `/share#…`: a link that holds one pilot.
pub fn share(route: &Route) -> Page {
    when(route, View::Share, || {
        view! { <share::Shared show=one_pilot/> }.into_any()
    })
}

/// `/share/compare#…`: a link that holds several pilots.
pub fn shared_compare(route: &Route) -> Page {
    when(route, View::SharedCompare, || {
        let show = |pilots: Vec<Pilot>| view! { <compare::SharedCompare pilots/> }.into_any();
        view! { <share::Shared show/> }.into_any()
    })
}

/// The shared view at [`routes::SHARE`]: the report of the one pilot its link holds. A link that
/// holds several (one made before comparisons had their own path) goes on to
/// [`routes::SHARE_COMPARE`] with the same fragment.
fn one_pilot(pilots: Vec<Pilot>) -> AnyView {
    match <[Pilot; 1]>::try_from(pilots) {
        Ok([one]) => view! { <report::SharedReport pilot=one/> }.into_any(),
        Err(_) => {
            let location = router::use_location();
            let to = format!("{}{}", routes::SHARE_COMPARE, location.hash.get_untracked());
            location.navigate(&to, true);
            view! { <p class="loading" role="status">"Opening the comparison…"</p> }.into_any()
        }
    }
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
