//! A router of our own (DESIGN §7: leptos_router cost ~54 KB gzip of the app's wasm): one
//! reactive location read from the address bar, same-origin link clicks turned into
//! history entries, Back and Forward followed. Which view a path shows is
//! [`routes::Route`](super::routes::Route). Nothing here decodes a path: the browser's
//! percent-encoded form is kept, and `Route::of` decodes each id once.
//!
//! Each view's wasm (a bundle, [`Pages`]) follows in place only the links to the views it
//! draws; a link to another bundle's view is left to the browser, which loads that page.

use super::routes::Route;
use super::Pages;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Where the browser is, as the views read it. Provided by [`provide_location`].
#[derive(Clone, Copy)]
pub struct Location {
    url: RwSignal<Url>,
    /// What the path shows, its ids decoded.
    pub route: Memo<Route>,
    /// The path as the browser holds it (`/pilot/a%23b`).
    pub path: Memo<String>,
    /// The query string, without its `?`.
    pub search: Memo<String>,
    /// The fragment, with its `#` ("" when there is none).
    pub hash: Memo<String>,
    /// The views this bundle draws.
    pages: Pages,
}

/// A same-origin address, percent-encoded as the browser holds it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Url {
    path: String,
    search: String,
    hash: String,
}

impl Url {
    /// `href` (absolute, or relative to the page) if it is on this origin.
    fn same_origin(href: &str) -> Option<Url> {
        let origin = web_sys::window()?.location().origin().ok()?;
        let url = web_sys::Url::new_with_base(href, &origin).ok()?;
        (url.origin() == origin).then(|| Url {
            path: url.pathname(),
            search: url
                .search()
                .strip_prefix('?')
                .unwrap_or_default()
                .to_string(),
            hash: url.hash(),
        })
    }

    /// The address bar.
    fn current() -> Option<Url> {
        Url::same_origin(&web_sys::window()?.location().href().ok()?)
    }

    fn href(&self) -> String {
        let query = if self.search.is_empty() { "" } else { "?" };
        format!("{}{query}{}{}", self.path, self.search, self.hash)
    }
}

/// The location, provided to every view, and the listeners that keep it: one click listener
/// for the whole page (a link is followed in place), and Back, Forward and the fragment
/// navigations the browser makes itself.
pub fn provide_location(pages: Pages) -> Location {
    let url = RwSignal::new(Url::current().unwrap_or_default());
    let path = Memo::new(move |_| url.with(|u| u.path.clone()));
    let location = Location {
        url,
        route: Memo::new(move |_| path.with(|p| Route::of(p))),
        path,
        search: Memo::new(move |_| url.with(|u| u.search.clone())),
        hash: Memo::new(move |_| url.with(|u| u.hash.clone())),
        pages,
    };
    provide_context(location);
    let clicks = window_event_listener(ev::click, move |ev| location.follow_link(&ev));
    let history = window_event_listener(ev::popstate, move |_| location.follow_browser());
    let fragment = window_event_listener(ev::hashchange, move |_| location.follow_browser());
    on_cleanup(move || {
        clicks.remove();
        history.remove();
        fragment.remove();
    });
    location
}

/// The location provided by [`provide_location`].
pub fn use_location() -> Location {
    expect_context::<Location>()
}

impl Location {
    /// The id of the pilot the page is about ("" when there is none), tracked.
    pub fn pilot_id(&self) -> String {
        self.route
            .with(|r| r.pilot_id().unwrap_or_default().to_string())
    }

    /// Go to `href` (built by `routes`) in place: a new history entry, or with `replace` the
    /// current one rewritten (Back then skips it). Another origin, or a history that refuses,
    /// is loaded in full.
    pub fn navigate(&self, href: &str, replace: bool) {
        match Url::same_origin(href) {
            Some(to) => self.go(to, replace),
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().assign(href);
                }
            }
        }
    }

    /// Whether this bundle draws the page at `url` (every bundle draws the 404 view).
    fn draws(&self, url: &Url) -> bool {
        let route = Route::of(&url.path);
        route == Route::NotFound || (self.pages)(&route).is_some()
    }

    /// Go to `to`, an address on this origin, in place. The parsed address itself, never its
    /// text parsed again (a path such as `//host/x` would read as another origin). A page
    /// another bundle draws is loaded in full.
    fn go(&self, to: Url, replace: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if !self.draws(&to) {
            let location = window.location();
            let _ = if replace {
                location.replace(&to.href())
            } else {
                location.assign(&to.href())
            };
            return;
        }
        let from = self.url.get_untracked();
        if to == from && !replace {
            // A link to the page shown adds no entry (Back would seem to do nothing).
            return;
        }
        let history = window.history();
        let written = history.and_then(|h| {
            if replace {
                h.replace_state_with_url(&JsValue::NULL, "", Some(&to.href()))
            } else {
                h.push_state_with_url(&JsValue::NULL, "", Some(&to.href()))
            }
        });
        if written.is_err() {
            let _ = window.location().assign(&to.href());
            return;
        }
        let new_page = to.path != from.path;
        self.url.set(to);
        if new_page {
            window.scroll_to_with_x_and_y(0.0, 0.0);
            focus_main();
        }
    }

    /// A click on a link this app can follow in place: followed, and the browser's own
    /// navigation cancelled.
    fn follow_link(&self, ev: &web_sys::MouseEvent) {
        let Some(to) = followable_link(ev) else {
            return;
        };
        // Only the fragment changes: the browser scrolls to it, moves focus there and adds
        // the entry (the skip link); `hashchange` brings it here.
        let here = self.url.get_untracked();
        if to.path == here.path && to.search == here.search && !to.hash.is_empty() {
            if to.hash == "#main" {
                // The skip link moves focus and leaves the address alone: on `/share` the
                // fragment is the shared link, which `#main` would replace.
                ev.prevent_default();
                focus_main();
            }
            return;
        }
        // A page another bundle draws: the browser loads it.
        if self.draws(&to) {
            ev.prevent_default();
            self.go(to, false);
        }
    }

    /// Back, Forward, or a fragment the browser followed: read the address bar again. The
    /// browser restores the scroll position of an entry; focus moves as for a link.
    fn follow_browser(&self) {
        let Some(now) = Url::current() else {
            return;
        };
        let from = self.url.get_untracked();
        if !self.draws(&now) {
            // An entry this page did not make (none should lead elsewhere): load it in full.
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
            return;
        }
        if now != from {
            let new_page = now.path != from.path;
            self.url.set(now);
            if new_page {
                focus_main();
            }
        }
    }
}

/// The same-origin address of the link clicked, if the app should follow it in place: a
/// plain left click (no Ctrl, Meta, Shift or Alt: those open tabs and windows, or download)
/// not already handled, on an `<a href>` with no `target`, no `download`, not `rel=external`.
fn followable_link(ev: &web_sys::MouseEvent) -> Option<Url> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let link = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !link.target().is_empty() || link.has_attribute("download") || external {
        return None;
    }
    Url::same_origin(&link.href())
}

/// After moving to another page, keyboard and screen-reader users start at its content, not
/// on a link that may have gone (leptos_router left focus wherever it was): `<main>`, which
/// is always there and the skip link's target too, rather than a heading some views draw
/// only once their data is in. A view that knows better moves it on in the next frame
/// (the questionnaire's step title, or the field a Change link names).
fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = main.focus_with_options(&options);
    }
}

/// A link that says whether it leads to the page shown (`aria-current="page"`), as
/// leptos_router's `<A>` did: the page is the link's path or below it; `/` is only itself.
#[component]
pub fn NavLink(
    #[prop(into)] href: String,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let target = href.clone();
    let current = move || {
        location
            .path
            .with(|path| leads_to(&target, path))
            .then_some("page")
    };
    view! { <a href=href class=class aria-current=current>{children()}</a> }
}

/// Whether a link to `href` leads to the page at `path` (or one below it).
fn leads_to(href: &str, path: &str) -> bool {
    let target = href.split(['?', '#']).next().unwrap_or_default();
    path == target
        || (target != "/"
            && path
                .strip_prefix(target)
                .is_some_and(|rest| rest.starts_with('/')))
}

#[cfg(test)]
mod tests {
    use super::leads_to;

    #[test]
    fn a_link_leads_to_its_page_and_those_below() {
        assert!(leads_to("/", "/"));
        assert!(!leads_to("/", "/compare"));
        assert!(leads_to("/compare", "/compare"));
        assert!(leads_to("/compare", "/compare/"));
        assert!(!leads_to("/compare", "/compared"));
        assert!(leads_to("/pilot/a/edit/2", "/pilot/a/edit/2"));
        assert!(!leads_to("/pilot/a/edit/2", "/pilot/a/edit/3"));
        assert!(leads_to("/pilot/a/edit/2#f-name", "/pilot/a/edit/2"));
        assert!(leads_to("/compare?ids=a", "/compare"));
        assert!(!leads_to("/pilot/a", "/pilot/a%23b"));
    }
}
