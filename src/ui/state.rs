//! App-wide state, provided once at the root: the saved pilots and the storage status.

use crate::audit::examples::examples;
use crate::audit::Pilot;
use crate::store::{self, Entry, StorageError};
use leptos::prelude::*;

/// What every view reads: the entries in storage (or in memory when storage fails) and the
/// last storage problem, if any.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Saved pilots and unreadable records, in key order.
    pub entries: RwSignal<Vec<Entry>>,
    /// The last storage problem; None while saving works.
    pub storage_error: RwSignal<Option<StorageError>>,
}

impl AppState {
    /// Read everything from storage; on failure start empty, in memory, and say why.
    pub fn load() -> Self {
        let (entries, error) = match store::load_all() {
            Ok(entries) => (entries, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        AppState {
            entries: RwSignal::new(entries),
            storage_error: RwSignal::new(error),
        }
    }

    /// The readable pilots.
    pub fn pilots(&self) -> Vec<Pilot> {
        self.entries.with(|entries| {
            entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Pilot(p) => Some(p.as_ref().clone()),
                    Entry::Unreadable { .. } => None,
                })
                .collect()
        })
    }

    /// One pilot by id.
    pub fn pilot(&self, id: &str) -> Option<Pilot> {
        self.entries.with(|entries| {
            entries.iter().find_map(|e| match e {
                Entry::Pilot(p) if p.id == id => Some(p.as_ref().clone()),
                _ => None,
            })
        })
    }

    /// Keep a pilot in memory and save it; a storage failure is shown, the pilot kept.
    pub fn put(&self, pilot: Pilot) {
        let result = store::save(&pilot);
        self.entries.update(|entries| {
            match entries
                .iter_mut()
                .find(|e| matches!(e, Entry::Pilot(p) if p.id == pilot.id))
            {
                Some(slot) => *slot = Entry::Pilot(Box::new(pilot)),
                None => entries.push(Entry::Pilot(Box::new(pilot))),
            }
        });
        self.storage_error.set(result.err());
    }

    /// Add the example pilots that are not there yet.
    pub fn load_examples(&self) {
        for pilot in examples() {
            if self.pilot(&pilot.id).is_none() {
                self.put(pilot);
            }
        }
    }
}

/// The app state provided at the root.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

/// A banner when work is not being saved.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.storage_error.get().map(|error| {
            view! { <p class="notice" role="alert">{error.to_string()}</p> }
        })
    }
}
