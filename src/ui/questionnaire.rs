//! The questionnaire (`/pilot/:id/edit/:step`): one topic a step, every change saved at
//! once, a live verdict beside the form.

pub mod error_summary;
pub mod evidence_log;
pub mod field_input;
pub mod live_panel;
pub mod review;
pub mod step_nav;
pub mod steps;

use super::router::use_location;
use super::routes::{self, Step};
use super::state::use_app_state;
use crate::audit::path::Path;
use crate::audit::schema::{Field, Kind, RangeEnd};
use crate::audit::{FieldError, Pilot};
use crate::store;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use steps::{STEPS, STEP_COUNT};

/// What the parts of the form share.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The pilot being edited; every change is saved.
    pub pilot: RwSignal<Pilot>,
    /// Text typed that is not a value at all, by field, with the reason.
    pub unparsed: RwSignal<HashMap<Field, String>>,
    /// Fields the person has changed: their errors show at once.
    pub touched: RwSignal<HashSet<Field>>,
    /// Set when Next was pressed with errors: all errors of the step show.
    pub show_all: RwSignal<bool>,
    /// Text typed into an entry's input (a batch, the plan, a range) that is not a value,
    /// by path.
    pub entry_unparsed: RwSignal<HashMap<Path, String>>,
    /// Entry inputs the person has changed, by path.
    pub entry_touched: RwSignal<HashSet<Path>>,
    /// Range errors from `Pilot::validate`.
    pub validation: Memo<Vec<FieldError>>,
    /// The current step, 1-based.
    pub step: Memo<usize>,
}

impl FormState {
    /// The message to show for `field`, if any and if it is time to show it.
    pub fn message(&self, field: Field) -> Option<String> {
        let visible = self.show_all.get() || self.touched.with(|t| t.contains(&field));
        if !visible {
            return None;
        }
        self.problem(field)
    }

    /// Why `field` is not a value, or what validation says of it.
    fn problem(&self, field: Field) -> Option<String> {
        if let Some(reason) = self.unparsed.with(|u| u.get(&field).cloned()) {
            return Some(reason);
        }
        let path = Path::Field(field);
        self.validation.with(|errors| {
            errors
                .iter()
                .find(|e| e.path == path)
                .map(|e| e.message.clone())
        })
    }

    /// The message for an entry's input (`reliability.batches[3].failures`, an input of
    /// the plan in force, an end of a range), if it is time to show it.
    pub fn entry_message(&self, path: &Path) -> Option<String> {
        let visible = self.show_all.get() || self.entry_touched.with(|t| t.contains(path));
        if !visible {
            return None;
        }
        if let Some(reason) = self.entry_unparsed.with(|u| u.get(path).cloned()) {
            return Some(reason);
        }
        let path = path.in_force(self.pilot.with(|p| p.reliability.plans.len()));
        self.validation.with(|errors| {
            errors
                .iter()
                .find(|e| e.path == path)
                .map(|e| e.message.clone())
        })
    }

    /// Errors of the current step, in field order, then the evidence log's and the plan's.
    pub fn step_errors(&self) -> Vec<StepError> {
        let (_, fields) = STEPS[self.step.get() - 1];
        let currency = self.pilot.with(|p| p.currency.clone());
        let mut errors: Vec<StepError> = Vec::new();
        for &f in fields {
            let spec = f.spec();
            if let Some(message) = self.problem(f) {
                errors.push(StepError {
                    input_id: spec.input_id(),
                    label: spec.label_with_unit(&currency),
                    message,
                });
            }
            // The ends of its range, if it has one.
            for end in RangeEnd::BOTH.iter().filter(|_| spec.takes_range()) {
                let path = Path::Range(f, *end);
                let message = self
                    .entry_unparsed
                    .with(|u| u.get(&path).cloned())
                    .or_else(|| {
                        self.validation
                            .with(|v| v.iter().find(|e| e.path == path).map(|e| e.message.clone()))
                    });
                if let Some(message) = message {
                    errors.push(StepError {
                        input_id: path.input_id(),
                        label: format!("{}, {}", spec.label, end.label().to_ascii_lowercase()),
                        message,
                    });
                }
            }
        }
        if fields.contains(&steps::LOG_AFTER) {
            errors.extend(self.log_errors());
        }
        errors
    }

    /// The evidence log's errors and those of the plan in force, what was typed that is not
    /// a value first; errors of the whole log (too many batches) go to its heading.
    fn log_errors(&self) -> Vec<StepError> {
        let last_plan = self
            .pilot
            .with(|p| p.reliability.plans.len().saturating_sub(1));
        let mut entries: Vec<(Path, String)> = self.validation.with(|v| {
            v.iter()
                .filter_map(|e| match e.path {
                    Path::Batches | Path::Batch(..) => Some((e.path.clone(), e.message.clone())),
                    Path::Plan(i, name) if i == last_plan => {
                        Some((Path::PlanInForce(name), e.message.clone()))
                    }
                    _ => None,
                })
                .collect()
        });
        self.entry_unparsed.with(|u| {
            for (path, reason) in u.iter().filter(|(p, _)| p.in_log() || p.in_plans()) {
                match entries.iter_mut().find(|(p, _)| p == path) {
                    Some(entry) => entry.1 = reason.clone(),
                    None => entries.push((path.clone(), reason.clone())),
                }
            }
        });
        self.pilot.with(|p| {
            entries
                .into_iter()
                .map(|(path, message)| StepError {
                    input_id: path.input_id(),
                    label: path.entry_label(p).unwrap_or_else(|| path.to_string()),
                    message,
                })
                .collect()
        })
    }
}

/// One problem on a step: the input it is about, its label, what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct StepError {
    /// The element id to focus.
    pub input_id: String,
    /// What people call the input.
    pub label: String,
    /// What is wrong.
    pub message: String,
}

/// The questionnaire route: creates a pilot for `/pilot/new/edit/1`, else edits the one named.
#[component]
pub fn Questionnaire() -> impl IntoView {
    let state = use_app_state();
    let location = use_location();
    let id = Memo::new(move |_| location.pilot_id());
    // Only whether the step exists, so that moving between steps keeps the same form.
    let no_such_step = Memo::new(move |_| location.route.with(|r| r.step() == Some(Step(None))));
    Effect::new(move |_| {
        if id.get() == routes::NEW_PILOT_ID {
            let pilot = state.create_pilot();
            // In place of /pilot/new/edit/1 in the history, so that Back returns to where the
            // person came from (not to a second new pilot).
            location.navigate(&routes::edit(&pilot.id, 1), true);
        }
    });
    move || {
        let current = id.get();
        if current == routes::NEW_PILOT_ID {
            return view! { <p class="loading" role="status">"Creating a new pilot…"</p> }
                .into_any();
        }
        match state.pilot_untracked(&current) {
            Some(pilot) if no_such_step.get() => {
                let first = routes::edit(&pilot.id, 1);
                crate::ui::set_title("No such step");
                view! {
                    <h1>"No such step"</h1>
                    <p>{format!("The questionnaire has {STEP_COUNT} steps, numbered 1 to {STEP_COUNT}.")}</p>
                    <p><a href=first>"Go to step 1"</a></p>
                }
                .into_any()
            }
            Some(pilot) => view! { <QuestionnaireForm initial=pilot/> }.into_any(),
            None => {
                crate::ui::set_title("Pilot not found");
                view! {
                    <h1>"Pilot not found"</h1>
                    <p>"No pilot with the id " <code>{current}</code> " is saved in this browser."</p>
                    <p><a href=routes::LIBRARY>"Go to the library"</a></p>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn QuestionnaireForm(initial: Pilot) -> impl IntoView {
    let state = use_app_state();
    let location = use_location();
    let id = initial.id.clone();
    let pilot = RwSignal::new(initial);
    let step = Memo::new(move |_| {
        location
            .route
            .with(|r| r.step().and_then(|s| s.0))
            .unwrap_or(1)
    });
    let form = FormState {
        pilot,
        unparsed: RwSignal::new(HashMap::new()),
        touched: RwSignal::new(HashSet::new()),
        entry_unparsed: RwSignal::new(HashMap::new()),
        entry_touched: RwSignal::new(HashSet::new()),
        show_all: RwSignal::new(false),
        validation: Memo::new(move |_| pilot.with(|p| p.validate().err().unwrap_or_default())),
        step,
    };
    // Save every change (not the first run: nothing has changed yet).
    Effect::new(move |previous: Option<()>| {
        let current = pilot.get();
        if previous.is_some() {
            state.put(current);
        }
    });
    // A draft remembers how far it got; it is finished once step 6 shows no error.
    let progress_id = id.clone();
    Effect::new(move |_| {
        let s = step.get() as u32;
        let valid = form.validation.with(Vec::is_empty);
        if let Some(reached) = store::progress(&progress_id) {
            let next = (s as usize != STEP_COUNT || !valid).then_some(reached.max(s));
            let _ = store::set_progress(&progress_id, next);
        }
    });
    // A new step starts with a clean slate of shown errors.
    Effect::new(move |_| {
        step.track();
        form.show_all.set(false);
    });
    // A Change link from the review names its field in the URL's fragment: focus it once
    // the step is drawn.
    Effect::new(move |_| {
        step.track();
        let hash = location.hash.get();
        if let Some(field) = hash.strip_prefix('#').filter(|f| f.starts_with("f-")) {
            let field = field.to_string();
            request_animation_frame(move || crate::ui::focus_by_id(&field));
        }
    });
    let step_id = id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.step_errors().is_empty() {
            form.show_all.set(true);
            request_animation_frame(error_summary::focus_summary);
            return;
        }
        let next = (step.get_untracked() + 1).min(STEP_COUNT);
        location.navigate(&routes::edit(&step_id, next), false);
        // Every step starts in the same place for keyboard and screen-reader users: its title.
        request_animation_frame(|| crate::ui::focus_by_id("step-title"));
    };
    // Another tab changed or deleted this pilot: show its latest state, or say it is gone.
    let form_version = RwSignal::new(0u32);
    let edit_conflict = RwSignal::new(None::<String>);
    let gone = RwSignal::new(false);
    let watched_id = id.clone();
    Effect::new(move |_| {
        let Some((_, key)) = state.external_change.get() else {
            return;
        };
        let my_key = store::record::key_for(&watched_id);
        if key.as_deref().is_some_and(|k| k != my_key) {
            return;
        }
        match state.pilot_untracked(&watched_id) {
            Some(latest) if latest != pilot.get_untracked() => {
                let mine = pilot.get_untracked();
                // Inputs are updated in place (a redraw would take the caret and the text
                // being typed); the one being typed in keeps the person's text, and they are
                // told: their next change there wins.
                let (refreshed, clashes) = refresh_inputs(&mine, &latest);
                form.unparsed
                    .update(|u| u.retain(|f, _| !refreshed.contains(f)));
                edit_conflict.set((!clashes.is_empty()).then(|| {
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
                    form_version.update(|v| *v += 1);
                }
            }
            Some(_) => {}
            None => gone.set(true),
        }
    });
    let title = move || {
        pilot.with(|p| {
            if p.name.trim().is_empty() {
                "New pilot".to_string()
            } else {
                p.name.clone()
            }
        })
    };
    Effect::new(move |_| {
        crate::ui::set_title(&format!(
            "Step {} of {STEP_COUNT} · {}",
            step.get(),
            title()
        ));
    });
    let back_id = id.clone();
    view! {
        <h1>{title}</h1>
        <step_nav::StepNav id=id.clone() step=step/>
        <div class="questionnaire">
            <div class="questionnaire__main">
                {move || edit_conflict.get().map(|message| view! {
                    <p class="notice notice--problem" role="status" data-testid="edit-conflict">
                        {message}" "
                        <button class="button" type="button" on:click=move |_| edit_conflict.set(None)>"Dismiss"</button>
                    </p>
                })}
                {move || {
                    // A change from another tab redraws the review with the latest values.
                    form_version.track();
                    if gone.get() {
                    view! {
                        <p class="notice notice--problem" role="alert" data-testid="deleted-elsewhere">
                            "This pilot was deleted in another tab or window, so this form is closed. "
                            <a href=routes::LIBRARY>"Go to the library"</a>
                        </p>
                    }.into_any()
                } else if step.get() == STEP_COUNT {
                    view! { <review::Review pilot=pilot invalid=form.validation/> }.into_any()
                } else {
                    view! { <StepForm form=form on_submit=on_submit.clone() back_id=back_id.clone()/> }.into_any()
                }}}
            </div>
            <live_panel::LivePanel pilot=pilot/>
        </div>
    }
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

#[component]
fn StepForm(
    form: FormState,
    on_submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
    back_id: String,
) -> impl IntoView {
    let step = form.step.get_untracked();
    let (title, fields) = STEPS[step - 1];
    let back = (step > 1).then(|| routes::edit(&back_id, step - 1));
    view! {
        <form class="step-form" novalidate on:submit=on_submit>
            <error_summary::ErrorSummary form=form/>
            <h2 id="step-title" tabindex="-1">{format!("Step {step} of {STEP_COUNT}: {title}")}</h2>
            {fields.iter().map(|&field| view! {
                <field_input::FieldInput field=field form=form/>
                {(field == steps::LOG_AFTER).then(|| view! {
                    <evidence_log::LogEditor form=form/>
                    <evidence_log::PlanEditor form=form/>
                })}
            }).collect_view()}
            <div class="actions">
                {back.map(|href| view! { <a href=href class="button">"Back"</a> })}
                <button class="button button--primary" type="submit">
                    {if step + 1 == STEP_COUNT { "Check your answers" } else { "Next" }}
                </button>
            </div>
        </form>
    }
}
