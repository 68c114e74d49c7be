//! The questionnaire (`/pilot/:id/edit/:step`): one topic a step, every change saved at
//! once, a live verdict beside the form.

pub mod entry_input;
pub mod error_summary;
pub mod evidence_log;
pub mod field_input;
pub mod form;
pub mod gpu_editor;
pub mod live_panel;
pub mod other_tab;
pub mod review;
pub mod step_nav;

pub use form::{FormState, StepError};

use super::router::{use_location, Location};
use super::routes::{self, Step};
use super::state::{use_app_state, AppState};
use super::steps::{self, STEPS, STEP_COUNT};
use crate::audit::Pilot;
use crate::store;
use leptos::prelude::*;

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
    let step = Memo::new(move |_| {
        location
            .route
            .with(|r| r.step().and_then(|s| s.0))
            .unwrap_or(1)
    });
    let form = FormState::new(initial, step);
    let pilot = form.pilot;
    save_every_change(state, pilot);
    remember_progress(form, id.clone());
    clean_slate_each_step(form);
    focus_the_linked_input(step, location);
    let tab = other_tab::follow(state, form, id.clone());
    let title = move || pilot.with(page_title);
    Effect::new(move |_| {
        crate::ui::set_title(&format!(
            "Step {} of {STEP_COUNT} · {}",
            step.get(),
            title()
        ));
    });
    let on_submit = next_step(form, location, id.clone());
    let back_id = id.clone();
    view! {
        <h1>{title}</h1>
        <step_nav::StepNav id=id.clone() step=step/>
        <div class="questionnaire">
            <div class="questionnaire__main">
                {move || tab.conflict.get().map(|message| view! {
                    <p class="notice notice--problem" role="status" data-testid="edit-conflict">
                        {message}" "
                        <button class="button" type="button" on:click=move |_| tab.conflict.set(None)>"Dismiss"</button>
                    </p>
                })}
                {move || {
                    // A change from another tab redraws the review with the latest values.
                    tab.version.track();
                    if tab.gone.get() {
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

/// The pilot's name, or "New pilot" before it has one.
fn page_title(p: &Pilot) -> String {
    if p.name.trim().is_empty() {
        "New pilot".to_string()
    } else {
        p.name.clone()
    }
}

/// Save every change (not the first run: nothing has changed yet).
fn save_every_change(state: AppState, pilot: RwSignal<Pilot>) {
    Effect::new(move |previous: Option<()>| {
        let current = pilot.get();
        if previous.is_some() {
            state.put(current);
        }
    });
}

/// A draft remembers how far it got; it is finished once step 6 shows no error.
fn remember_progress(form: FormState, id: String) {
    Effect::new(move |_| {
        let s = form.step.get() as u32;
        let valid = form.validation.with(Vec::is_empty);
        if let Some(reached) = store::progress(&id) {
            let next = (s as usize != STEP_COUNT || !valid).then_some(reached.max(s));
            let _ = store::set_progress(&id, next);
        }
    });
}

/// A new step starts with a clean slate of shown errors.
fn clean_slate_each_step(form: FormState) {
    Effect::new(move |_| {
        form.step.track();
        form.show_all.set(false);
    });
}

/// A Change link from the review names its input in the URL's fragment: focus it once the
/// step is drawn.
fn focus_the_linked_input(step: Memo<usize>, location: Location) {
    Effect::new(move |_| {
        step.track();
        let hash = location.hash.get();
        if let Some(field) = hash.strip_prefix('#').filter(|f| f.starts_with("f-")) {
            let field = field.to_string();
            request_animation_frame(move || crate::ui::focus_by_id(&field));
        }
    });
}

/// Next: with errors on the step, show them all and focus their summary; else the next step,
/// its title focused (every step starts in the same place for keyboard and screen-reader
/// users).
fn next_step(
    form: FormState,
    location: Location,
    id: String,
) -> impl Fn(leptos::ev::SubmitEvent) + Clone + 'static {
    move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !form.step_errors().is_empty() {
            form.show_all.set(true);
            request_animation_frame(error_summary::focus_summary);
            return;
        }
        let next = (form.step.get_untracked() + 1).min(STEP_COUNT);
        location.navigate(&routes::edit(&id, next), false);
        request_animation_frame(|| crate::ui::focus_by_id("step-title"));
    }
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
                {if steps::DERIVED_FROM_GPUS.contains(&field) {
                    view! {
                        <gpu_editor::Derived field=field form=form>
                            <field_input::FieldInput field=field form=form/>
                        </gpu_editor::Derived>
                    }.into_any()
                } else {
                    view! { <field_input::FieldInput field=field form=form/> }.into_any()
                }}
                {(field == steps::LOG_AFTER).then(|| view! {
                    <evidence_log::LogEditor form=form/>
                    <evidence_log::PlanEditor form=form/>
                })}
                {(field == steps::GPUS_AFTER).then(|| view! { <gpu_editor::GpuEditor form=form/> })}
                {(field == steps::ALTERNATIVE_AFTER).then(|| view! { <gpu_editor::AlternativeEditor form=form/> })}
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
