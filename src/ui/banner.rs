//! Banners above every view: work not being saved, and pilots changed in another tab.

use super::state::use_app_state;
use super::transfer::ExportButton;
use crate::store::StorageError;
use leptos::prelude::*;

/// A banner when work is not being saved (with export offered), and one when another tab
/// changed the saved pilots.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    let problem = move || {
        state.storage_error.get().map(|error| {
            let advice = match error {
                StorageError::QuotaExceeded => " Export your pilots to a file, then delete the ones you no longer need.",
                _ => " Export your pilots to a file to keep them.",
            };
            view! {
                <div class="notice notice--problem" role="alert" data-testid="storage-banner">
                    <p>{error.to_string()}{advice}</p>
                    <ExportButton label="Export all pilots" which=Callback::new(move |()| state.pilots())/>
                </div>
            }
        })
    };
    let external = move || {
        state.external_change.get().map(|(message, _)| {
            view! {
                <p class="notice" role="status" data-testid="external-change">
                    {message}" "
                    <button class="button" type="button" on:click=move |_| state.external_change.set(None)>"Dismiss"</button>
                </p>
            }
        })
    };
    let notice = move || {
        state.notice.get().map(|message| {
            view! {
                <p class="notice notice--problem" role="status" data-testid="notice">
                    {message}" "
                    <button class="button" type="button" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                </p>
            }
        })
    };
    view! { {problem} {external} {notice} }
}
