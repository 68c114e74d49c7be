//! The browser side of storage, over gloo-storage. Every call first gets the storage handle
//! ([`probe`]), because `gloo_storage::LocalStorage::raw()` panics when there is none.

use super::keys::{self, KEY_PREFIX};
use super::record::{decode, encode, Entry, StorageError};
use crate::audit::Pilot;
use gloo_storage::{LocalStorage as GlooLocalStorage, Storage as _};
use wasm_bindgen::JsValue;

fn js_message(value: &JsValue) -> String {
    js_sys::Error::from(value.clone()).message().into()
}

fn js_name(value: &JsValue) -> String {
    js_sys::Reflect::get(value, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

/// The browser's local storage, or why there is none (blocked site data throws here).
/// It writes nothing: reading must work even when storage is full, and a refused write is
/// reported by the write itself.
pub fn probe() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    window
        .local_storage()
        .map_err(|e| StorageError::Unavailable(js_message(&e)))?
        .ok_or_else(|| StorageError::Unavailable("local storage is disabled".into()))
}

fn classify(error: &JsValue) -> StorageError {
    let name = js_name(error);
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::QuotaExceeded
    } else if name == "SecurityError" {
        StorageError::Unavailable(js_message(error))
    } else {
        StorageError::Other(format!("{name} {}", js_message(error)))
    }
}

/// Save one pilot under its own key. A refused write leaves the old value as it was.
pub fn save(pilot: &Pilot) -> Result<(), StorageError> {
    probe()?;
    let value = encode(pilot)?;
    GlooLocalStorage::raw()
        .set_item(&keys::pilot(&pilot.id), &value)
        .map_err(|e| classify(&e))
}

/// One pilot as stored now (another tab may have written it a moment ago); None when it is
/// not there, not readable, or storage is unavailable.
pub fn load(id: &str) -> Option<Pilot> {
    let raw = probe().ok()?.get_item(&keys::pilot(id)).ok()??;
    decode(&raw).ok()
}

/// Delete one pilot's key (and its questionnaire progress).
pub fn delete(id: &str) -> Result<(), StorageError> {
    probe()?;
    GlooLocalStorage::delete(keys::pilot(id));
    GlooLocalStorage::delete(keys::progress(id));
    Ok(())
}

/// Every record under the prefix, readable or not, sorted by key.
pub fn load_all() -> Result<Vec<Entry>, StorageError> {
    let storage = probe()?;
    let count = storage.length().map_err(|e| classify(&e))?;
    let mut keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(KEY_PREFIX))
        .collect();
    crate::order::sort(&mut keys);
    let mut entries = Vec::with_capacity(keys.len());
    for key in keys {
        let raw = storage
            .get_item(&key)
            .map_err(|e| classify(&e))?
            .unwrap_or_default();
        entries.push(match decode(&raw) {
            Ok(pilot) => Entry::Pilot(Box::new(pilot)),
            Err(reason) => Entry::Unreadable {
                key,
                raw,
                reason: reason.into(),
            },
        });
    }
    Ok(entries)
}

/// The questionnaire step an unfinished pilot has reached; None when finished or unknown.
pub fn progress(id: &str) -> Option<u32> {
    let storage = probe().ok()?;
    storage
        .get_item(&keys::progress(id))
        .ok()
        .flatten()?
        .parse()
        .ok()
}

/// Record the step reached (Some) or that the questionnaire is finished (None).
pub fn set_progress(id: &str, step: Option<u32>) -> Result<(), StorageError> {
    let storage = probe()?;
    match step {
        Some(step) => storage.set_item(&keys::progress(id), &step.to_string()),
        None => storage.remove_item(&keys::progress(id)),
    }
    .map_err(|e| classify(&e))
}

/// Remove an unreadable record by its key (after the person chose to).
pub fn delete_key(key: &str) -> Result<(), StorageError> {
    probe()?;
    GlooLocalStorage::delete(key);
    Ok(())
}
