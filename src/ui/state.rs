//! App-wide state, provided once at the root: the saved pilots and the storage status.

use super::clock::{new_pilot_id, now_rfc3339};
use crate::audit::examples::examples;
use crate::audit::Pilot;
use crate::store::file::Held;
use crate::store::keys::MADE_HERE;
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
    /// The pilot deleted last (with its questionnaire progress), for Undo.
    pub last_deleted: RwSignal<Option<(Pilot, Option<u32>)>>,
    /// Pilots ticked in the library (for export and compare).
    pub selected: RwSignal<std::collections::HashSet<String>>,
    /// Set when another tab changed saved pilots: (message, storage key or None for all).
    pub external_change: RwSignal<Option<(String, Option<String>)>>,
    /// Something the person should know about their last action (shown until dismissed).
    pub notice: RwSignal<Option<String>>,
}

impl AppState {
    /// Whether leaving the page would lose work: storage refused it (unavailable, or full),
    /// so it is held only by this page, and there is some.
    pub fn work_held_only_here(&self) -> bool {
        let refused = self.storage_error.with_untracked(|e| {
            matches!(
                e,
                Some(StorageError::Unavailable(_) | StorageError::QuotaExceeded)
            )
        });
        refused && self.entries.with_untracked(|entries| !entries.is_empty())
    }

    /// Read everything from storage; on failure start empty, in memory, and say why.
    pub fn load() -> Self {
        let (entries, error) = match store::load_all() {
            Ok(entries) => (entries, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        AppState {
            entries: RwSignal::new(entries),
            storage_error: RwSignal::new(error),
            last_deleted: RwSignal::new(None),
            selected: RwSignal::new(Default::default()),
            external_change: RwSignal::new(None),
            notice: RwSignal::new(None),
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
        self.entries.with(|entries| find_pilot(entries, id))
    }

    /// One pilot by id, without subscribing to changes (for views that own their copy).
    pub fn pilot_untracked(&self, id: &str) -> Option<Pilot> {
        self.entries
            .with_untracked(|entries| find_pilot(entries, id))
    }

    /// Every id a stored record holds, readable or not: an import or the examples must not
    /// take one without the person's choice.
    pub fn held_ids(&self) -> Vec<(String, Held)> {
        self.entries.with_untracked(|entries| {
            entries
                .iter()
                .map(|e| match e {
                    Entry::Pilot(p) => (p.id.clone(), Held::Pilot),
                    Entry::Unreadable { key, .. } => (
                        key.strip_prefix(store::KEY_PREFIX)
                            .unwrap_or(key)
                            .to_string(),
                        Held::Unreadable,
                    ),
                })
                .collect()
        })
    }

    /// Keep a pilot in memory and save it; a storage failure is shown, the pilot kept. The
    /// entry under its key (a pilot, or an unreadable record the person chose to replace)
    /// gives way to it.
    pub fn put(&self, pilot: Pilot) {
        let result = store::save(&pilot);
        let key = store::keys::pilot(&pilot.id);
        self.entries.update(|entries| {
            match entries.iter_mut().find(|e| match e {
                Entry::Pilot(p) => p.id == pilot.id,
                Entry::Unreadable { key: k, .. } => *k == key,
            }) {
                Some(slot) => *slot = Entry::Pilot(Box::new(pilot)),
                None => entries.push(Entry::Pilot(Box::new(pilot))),
            }
        });
        self.storage_error.set(result.err());
    }

    /// Add the example pilots whose ids no stored record holds; say so when an unreadable
    /// record holds one (it is never written over).
    pub fn load_examples(&self) {
        let held = self.held_ids();
        let mut blocked = 0;
        for pilot in examples() {
            match held.iter().find(|(id, _)| *id == pilot.id) {
                None => self.put(pilot),
                Some((_, Held::Unreadable)) => blocked += 1,
                Some((_, Held::Pilot)) => {}
            }
        }
        self.notice.set((blocked > 0).then(|| {
            format!(
                "{} not loaded: an unreadable record holds its id. Download or delete that record first; it is kept as stored.",
                crate::audit::format::plural(blocked as u64, "example was", "examples were")
            )
        }));
    }
}

fn find_pilot(entries: &[Entry], id: &str) -> Option<Pilot> {
    entries.iter().find_map(|e| match e {
        Entry::Pilot(p) if p.id == id => Some(p.as_ref().clone()),
        _ => None,
    })
}

/// The app state provided at the root.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// A new, empty pilot with the standard's defaults, saved at once.
    pub fn create_pilot(&self) -> Pilot {
        let pilot = Pilot::blank(new_pilot_id(), now_rfc3339());
        self.put(pilot.clone());
        let mut made = made_here();
        made.push(pilot.id.clone());
        set_made_here(&made);
        let _ = store::set_progress(&pilot.id, Some(1));
        pilot
    }

    /// A copy of a pilot under a new id, named "Copy of …".
    pub fn duplicate(&self, id: &str) -> Option<Pilot> {
        let mut copy = self.pilot(id)?;
        let now = now_rfc3339();
        copy.id = new_pilot_id();
        copy.name = format!("Copy of {}", copy.name);
        copy.created_at = now.clone();
        copy.updated_at = now;
        self.put(copy.clone());
        Some(copy)
    }

    /// Delete a pilot; it is kept in `last_deleted` so that Undo can put it back.
    pub fn delete(&self, id: &str) {
        let Some(pilot) = self.pilot(id) else { return };
        let progress = store::progress(id);
        let result = store::delete(id);
        self.entries.update(|entries| {
            entries.retain(|e| !matches!(e, Entry::Pilot(p) if p.id == id));
        });
        self.storage_error.set(result.err());
        self.last_deleted.set(Some((pilot, progress)));
    }

    /// Forget the new pilots this tab made that nobody wrote anything into, but the one named
    /// `keep` (the page is about it), without an Undo: there is nothing to lose. Only this
    /// tab's (another tab's blank pilot is a form someone is filling in), and only as stored
    /// now (it may have been typed into since this page read it).
    pub fn forget_blank_except(&self, keep: Option<&str>) {
        let made = made_here();
        if made.is_empty() {
            return;
        }
        let (kept, others): (Vec<String>, Vec<String>) =
            made.into_iter().partition(|id| Some(id.as_str()) == keep);
        let mut forgotten = Vec::new();
        for id in others {
            if store::local::load(&id).is_some_and(|p| p.is_blank()) {
                match store::delete(&id) {
                    Ok(()) => forgotten.push(id),
                    Err(e) => self.storage_error.set(Some(e)),
                }
            }
        }
        set_made_here(&kept);
        if !forgotten.is_empty() {
            self.entries.update(|entries| {
                entries.retain(|e| !matches!(e, Entry::Pilot(p) if forgotten.contains(&p.id)));
            });
        }
    }

    /// Delete an unreadable record (the person chose to, after being offered a download).
    pub fn delete_unreadable(&self, key: &str) {
        let result = store::local::delete_key(key);
        self.entries.update(|entries| {
            entries.retain(|e| !matches!(e, Entry::Unreadable { key: k, .. } if k == key));
        });
        self.storage_error.set(result.err());
    }

    /// Read everything again after another tab changed storage, and say so.
    pub fn reload_after_external_change(&self, key: Option<String>) {
        match store::load_all() {
            Ok(entries) => self.entries.set(entries),
            Err(e) => self.storage_error.set(Some(e)),
        }
        self.external_change.set(Some((
            "Saved pilots were changed in another tab or window; this page now shows the latest."
                .to_string(),
            key,
        )));
    }

    /// Put the last deleted pilot back, as it was.
    /// If a record took its id meanwhile (an import, another tab), it comes back beside that
    /// record under a new id, never over it.
    pub fn undo_delete(&self) {
        if let Some((mut pilot, progress)) = self.last_deleted.get_untracked() {
            if self.held_ids().iter().any(|(id, _)| *id == pilot.id) {
                pilot.id = new_pilot_id();
                pilot.name = format!("{} (restored)", pilot.name);
            }
            let id = pilot.id.clone();
            self.put(pilot);
            let _ = store::set_progress(&id, progress);
            self.last_deleted.set(None);
        }
    }
}

/// The ids of the new pilots this tab made and has not forgotten.
fn made_here() -> Vec<String> {
    super::session_storage()
        .and_then(|s| s.get_item(MADE_HERE).ok().flatten())
        .map(|list| {
            list.split('\n')
                .filter(|id| !id.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn set_made_here(ids: &[String]) {
    if let Some(storage) = super::session_storage() {
        let _ = if ids.is_empty() {
            storage.remove_item(MADE_HERE)
        } else {
            storage.set_item(MADE_HERE, &ids.join("\n"))
        };
    }
}
