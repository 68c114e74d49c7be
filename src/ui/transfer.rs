//! Export and import: files the browser downloads, and files the person picks or drops.

use super::clock::{new_pilot_id, now_rfc3339};
use super::state::{use_app_state, AppState};
use super::steps::step_of;
use crate::audit::format::plural;
use crate::audit::Pilot;
use crate::error::AppError;
use crate::store::file::{
    check_size, export_file_name, export_json, parse_import, plan_import, resolve_import, Held,
    ImportItem, OnConflict,
};
use crate::store::keys::HANDED_OVER;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Have the browser download `text` as the file `name`.
pub fn download(name: &str, text: &str) -> Result<(), AppError> {
    let fail = |_| AppError::Browser(format!("The browser refused to save {name}."));
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| AppError::Browser("no document".to_string()))?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Download `pilots` as `pilot-audit-YYYY-MM-DD.json`.
pub fn export(pilots: &[Pilot]) -> Result<(), AppError> {
    download(&export_file_name(&now_rfc3339()), &export_json(pilots))
}

/// A button that exports the pilots `which` returns.
#[component]
pub fn ExportButton(label: &'static str, which: Callback<(), Vec<Pilot>>) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    view! {
        <button class="button" type="button" on:click=move |_| {
            let pilots = which.run(());
            problem.set(export(&pilots).err().map(String::from));
        }>{label}</button>
        {move || problem.get().map(|p| view! { <p class="notice" role="alert">{p}</p> })}
    }
}

/// Where an import stands.
#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Problems(Vec<String>),
    Confirm(Vec<ImportItem>),
    Done(usize),
}

async fn read_file(file: web_sys::File) -> Result<String, Vec<String>> {
    check_size(file.size() as u64)?;
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| vec!["The browser could not read the file.".to_string()])?;
    text.as_string()
        .ok_or_else(|| vec!["The file is not text.".to_string()])
}

/// Hand the pilots of a shared link (`json`, an export file's text) to the library, which
/// asks about them as about an imported file; nothing is saved before that. The library is
/// another view's wasm: the browser goes there.
pub fn hand_to_library(json: &str) -> Result<(), AppError> {
    let refused = |why: &str| AppError::Browser(why.to_string());
    let window = web_sys::window().ok_or_else(|| refused("no window"))?;
    let storage = super::session_storage().ok_or_else(|| {
        refused("This browser's storage is not available, so the pilots cannot be saved here.")
    })?;
    storage
        .set_item(HANDED_OVER, json)
        .map_err(|_| refused("The browser refused to hand the pilots to the library."))?;
    window
        .location()
        .assign(super::routes::LIBRARY)
        .map_err(|_| refused("The browser refused to open the library."))
}

/// The pilots a shared link handed over, taken (a reload does not ask again).
fn take_handed_over() -> Option<String> {
    let storage = super::session_storage()?;
    let text = storage.get_item(HANDED_OVER).ok()??;
    let _ = storage.remove_item(HANDED_OVER);
    Some(text)
}

/// Write the pilots of a confirmed import (a file's or a shared link's): conflicts replaced
/// or kept beside as `choice` says; a pilot with answers to fix comes in as a draft, open at
/// the first of them. Returns how many were written.
pub fn save_import(state: &AppState, items: &[ImportItem], choice: OnConflict) -> usize {
    let pilots = resolve_import(items, choice, new_pilot_id);
    let count = pilots.len();
    for (pilot, item) in pilots.into_iter().zip(items) {
        let draft_step = item
            .problems
            .iter()
            .filter_map(|e| e.path.field().and_then(step_of))
            .min();
        let id = pilot.id.clone();
        state.put(pilot);
        if let Some(step) = draft_step {
            let _ = crate::store::set_progress(&id, Some(step as u32));
        }
    }
    count
}

/// File picker and drop zone; shows what will be added or replaced before anything is written.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_app_state();
    let stage = RwSignal::new(Stage::Idle);
    let choice = RwSignal::new(OnConflict::Replace);
    let consider = move |parsed: Result<Vec<Pilot>, Vec<String>>| {
        stage.set(match parsed {
            Ok(pilots) => {
                // Each confirmation starts on the choice its radio shows.
                choice.set(OnConflict::Replace);
                Stage::Confirm(plan_import(pilots, &state.held_ids()))
            }
            Err(problems) => Stage::Problems(problems),
        });
        // Keyboard and screen-reader users land on what the file turned out to hold.
        request_animation_frame(|| super::focus_by_id("import-result"));
    };
    let take = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        spawn_local(async move {
            consider(read_file(file).await.and_then(|text| parse_import(&text)));
        });
    };
    // "Save to my library" on a shared link: its pilots, asked about as a file's are.
    if let Some(text) = take_handed_over() {
        consider(parse_import(&text));
    }
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        take(input.files().and_then(|f| f.get(0)));
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        take(
            ev.data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0)),
        );
    };
    let confirm = move |_| {
        if let Stage::Confirm(items) = stage.get_untracked() {
            let count = save_import(&state, &items, choice.get_untracked());
            stage.set(Stage::Done(count));
        }
    };
    view! {
        <section class="import" aria-labelledby="import-title">
            <h2 id="import-title">"Import pilots"</h2>
            <div class="drop-zone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label for="import-input">"Choose a Pilot Audit file (.json, up to 5 MB), or drop it here"</label>
                <input id="import-input" type="file" accept=".json,application/json" data-testid="import-input" on:change=on_pick/>
            </div>
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Done(n) => view! { <p class="notice" role="status">{format!("Imported {}.", plural(n as u64, "pilot", "pilots"))}</p> }.into_any(),
                Stage::Problems(problems) => view! {
                    <div class="error-summary" role="alert" id="import-result" tabindex="-1">
                        <h3>"This file cannot be imported; nothing was changed"</h3>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
                Stage::Confirm(items) => view! { <ImportConfirm items=items choice=choice on_confirm=confirm on_cancel=move |_| stage.set(Stage::Idle)/> }.into_any(),
            }}
        </section>
    }
}

/// What an import (of a file or of a shared link) will add or replace, with the choice for
/// ids already held; nothing is written before `on_confirm`.
#[component]
pub fn ImportConfirm(
    items: Vec<ImportItem>,
    choice: RwSignal<OnConflict>,
    on_confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_cancel: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let conflicts = items.iter().filter(|i| i.conflict.is_some()).count();
    let unreadable = items
        .iter()
        .filter(|i| i.conflict == Some(Held::Unreadable))
        .count();
    let drafts = items.iter().filter(|i| !i.problems.is_empty()).count();
    view! {
        <div class="import-confirm" role="region" aria-label="Confirm the import" id="import-result" tabindex="-1">
            <p>{format!("{} in the file: {} new, {} with the id of a stored record{}.", plural(items.len() as u64, "pilot", "pilots"), items.len() - conflicts, conflicts,
                if unreadable > 0 { format!(" ({unreadable} of them unreadable, kept as stored unless you replace it)") } else { String::new() })}</p>
            {(drafts > 0).then(|| view! {
                <p>{format!("{} answers out of range: imported as drafts, with the answers to fix marked.", plural(drafts as u64, "pilot has", "pilots have"))}</p>
            })}
            <ul class="import-list">
                {items.into_iter().map(|item| view! {
                    <li data-testid="import-item">
                        <strong>{super::format::display_name(&item.pilot)}</strong>
                        " — "{match item.conflict {
                            Some(Held::Pilot) => "already saved",
                            Some(Held::Unreadable) => "its id is held by an unreadable record",
                            None => "new",
                        }}
                        {(!item.problems.is_empty()).then(|| view! {
                            <span class="field-error">{format!(" — answers to fix: {}", item.problems.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))}</span>
                        })}
                    </li>
                }).collect_view()}
            </ul>
            {(conflicts > 0).then(|| view! {
                <fieldset class="choice">
                    <legend>"For ids already held by a stored record"</legend>
                    <label><input type="radio" name="on-conflict" checked=true on:change=move |_| choice.set(OnConflict::Replace)/>" Replace the stored record"</label>
                    <label><input type="radio" name="on-conflict" on:change=move |_| choice.set(OnConflict::KeepBoth)/>" Keep both (the imported one gets a new id)"</label>
                </fieldset>
            })}
            <div class="actions">
                <button class="button button--primary" type="button" data-testid="import-confirm" on:click=on_confirm>"Import"</button>
                <button class="button" type="button" on:click=on_cancel>"Cancel"</button>
            </div>
        </div>
    }
}
