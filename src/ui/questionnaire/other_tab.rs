//! Another tab changed or deleted the pilot being edited: the form shows its latest state
//! (inputs refreshed in place, the one being typed in kept and the person told), or says it
//! is gone.

use super::form::FormState;
use crate::audit::schema::{Field, Kind};
use crate::audit::Pilot;
use crate::store;
use crate::ui::state::AppState;
use crate::ui::steps::STEP_COUNT;
use leptos::prelude::*;

/// What the form shows of another tab's changes.
#[derive(Clone, Copy)]
pub struct OtherTab {
    /// Bumped when another tab's change must redraw the review.
    pub version: RwSignal<u32>,
    /// The answers changed elsewhere while the person typed in them, in words.
    pub conflict: RwSignal<Option<String>>,
    /// The pilot was deleted elsewhere.
    pub gone: RwSignal<bool>,
}

/// Follow another tab's changes to the pilot `id` edited in `form`.
pub fn follow(state: AppState, form: FormState, id: String) -> OtherTab {
    let tab = OtherTab {
        version: RwSignal::new(0),
        conflict: RwSignal::new(None),
        gone: RwSignal::new(false),
    };
    let (pilot, step) = (form.pilot, form.step);
    Effect::new(move |_| {
        let Some((_, key)) = state.external_change.get() else {
            return;
        };
        let my_key = store::keys::pilot(&id);
        if key.as_deref().is_some_and(|k| k != my_key) {
            return;
        }
        match state.pilot_untracked(&id) {
            Some(latest) if latest != pilot.get_untracked() => {
                let mine = pilot.get_untracked();
                // Inputs are updated in place (a redraw would take the caret and the text
                // being typed); the one being typed in keeps the person's text, and they are
                // told: their next change there wins.
                let (refreshed, clashes) = refresh_inputs(&mine, &latest);
                form.unparsed
                    .update(|u| u.retain(|f, _| !refreshed.contains(f)));
                tab.conflict.set((!clashes.is_empty()).then(|| {
                    clashes
                        .iter()
                        .map(|f| {
                            let spec = f.spec();
                            format!(
                                "{} was changed in another tab to {}; this tab still shows {} and saves it with your next change here.",
                                spec.label_with_unit(&latest.currency),
                                spec.shown(&latest),
                                spec.shown(&mine)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                }));
                pilot.set(latest);
                if step.get_untracked() == STEP_COUNT {
                    tab.version.update(|v| *v += 1);
                }
            }
            Some(_) => {}
            None => tab.gone.set(true),
        }
    });
    tab
}

/// Put another tab's values into this step's inputs, in place. Returns the fields refreshed
/// and those whose input has focus (the person is typing there: their text stays).
fn refresh_inputs(mine: &Pilot, latest: &Pilot) -> (Vec<Field>, Vec<Field>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return (Vec::new(), Vec::new());
    };
    let mut refreshed = Vec::new();
    let focused = document.active_element().map(|el| el.id());
    let mut clashes = Vec::new();
    for &field in Field::ALL {
        let spec = field.spec();
        let value = spec.input_value(latest);
        if value == spec.input_value(mine) {
            continue;
        }
        let id = spec.input_id();
        if focused.as_deref() == Some(id.as_str()) {
            clashes.push(field);
            continue;
        }
        if let Some(input) = document.get_element_by_id(&id) {
            let (property, value) = match spec.kind {
                Kind::Check { .. } => {
                    ("checked", wasm_bindgen::JsValue::from_bool(value == "true"))
                }
                _ => ("value", wasm_bindgen::JsValue::from_str(&value)),
            };
            let _ = js_sys::Reflect::set(&input, &property.into(), &value);
        }
        refreshed.push(field);
    }
    (refreshed, clashes)
}
