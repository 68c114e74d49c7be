//! Browser tests (wasm-bindgen-test in headless Chromium): local storage through `store`.
#![cfg(target_arch = "wasm32")]

use pilot_audit::audit::examples::examples;
use pilot_audit::store::{self, Entry, KEY_PREFIX};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    let storage = store::probe().expect("storage in the test browser");
    storage.clear().expect("clear");
}

#[wasm_bindgen_test]
fn saves_and_reads_back_every_example() {
    clear();
    let pilots = examples();
    for pilot in &pilots {
        store::save(pilot).expect("save");
    }
    let loaded: Vec<_> = store::load_all()
        .expect("load")
        .into_iter()
        .map(|entry| match entry {
            Entry::Pilot(p) => *p,
            Entry::Unreadable { key, reason, .. } => panic!("{key} unreadable: {reason}"),
        })
        .collect();
    assert_eq!(loaded.len(), pilots.len());
    for pilot in &pilots {
        assert!(loaded.contains(pilot), "{} read back unchanged", pilot.id);
    }
    store::delete(&pilots[0].id).expect("delete");
    assert_eq!(store::load_all().expect("load").len(), pilots.len() - 1);
}

#[wasm_bindgen_test]
fn keeps_an_unreadable_record_byte_for_byte() {
    clear();
    let storage = store::probe().unwrap();
    let key = format!("{KEY_PREFIX}broken");
    let garbage = "{\"schema\":1,\"pilot\": [truncated";
    storage.set_item(&key, garbage).unwrap();
    store::save(&examples()[1]).unwrap();
    storage.set_item("someone-elses-key", "x").unwrap();
    let entries = store::load_all().unwrap();
    assert_eq!(entries.len(), 2, "other apps' keys are ignored");
    let unreadable = entries
        .iter()
        .find_map(|e| match e {
            Entry::Unreadable {
                key: k,
                raw,
                reason,
            } => Some((k.clone(), raw.clone(), reason.clone())),
            Entry::Pilot(_) => None,
        })
        .expect("listed as unreadable");
    assert_eq!(unreadable.0, key);
    assert_eq!(unreadable.1, garbage);
    assert!(unreadable.2.starts_with("not valid JSON"));
    assert_eq!(
        storage.get_item(&key).unwrap().as_deref(),
        Some(garbage),
        "left as it was"
    );
}
