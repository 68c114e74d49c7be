//! The site header: product name and main navigation.

use super::router::NavLink;
use super::routes;
use leptos::prelude::*;

/// Header with the four main destinations. `NavLink` marks the current page with `aria-current`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <NavLink href=routes::LIBRARY class="brand">"Pilot Audit"</NavLink>
                <nav class="site-nav" aria-label="Main">
                    <ul>
                        <li><NavLink href=routes::LIBRARY>"Library"</NavLink></li>
                        <li><NavLink href=routes::NEW_PILOT>"New pilot"</NavLink></li>
                        <li><NavLink href=routes::COMPARE>"Compare"</NavLink></li>
                        <li><NavLink href=routes::STANDARD>"How we score"</NavLink></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
