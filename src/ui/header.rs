//! The site header: product name and main navigation.

use leptos::prelude::*;
use leptos_router::components::A;

/// Header with the four main destinations. `A` marks the current page with `aria-current`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" attr:class="brand">"Pilot Audit"</A>
                <nav class="site-nav" aria-label="Main">
                    <ul>
                        <li><A href="/" exact=true>"Library"</A></li>
                        <li><A href="/pilot/new/edit/1">"New pilot"</A></li>
                        <li><A href="/compare">"Compare"</A></li>
                        <li><A href="/standard">"How we score"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
