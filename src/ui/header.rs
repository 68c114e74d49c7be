//! The site header: product name and main navigation.

use super::routes;
use leptos::prelude::*;
use leptos_router::components::A;

/// Header with the four main destinations. `A` marks the current page with `aria-current`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href=routes::LIBRARY attr:class="brand">"Pilot Audit"</A>
                <nav class="site-nav" aria-label="Main">
                    <ul>
                        <li><A href=routes::LIBRARY exact=true>"Library"</A></li>
                        <li><A href=routes::NEW_PILOT>"New pilot"</A></li>
                        <li><A href=routes::COMPARE>"Compare"</A></li>
                        <li><A href=routes::STANDARD>"How we score"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
