//! The evidence log and the test plan on the reliability step (DESIGN §9): add, edit and
//! delete (with undo) dated batches; set the plan before the results it judges. Every input
//! is labelled, described once in the schema (`BATCH_FIELDS`, `PLAN_FIELDS`), saved at once
//! and error-summarised like every other answer.

use super::entry_input::{change, entry_input};
use super::form::FormState;
use crate::audit::date::today;
use crate::audit::evidence::counted;
use crate::audit::format::count;
use crate::audit::path::Path;
use crate::audit::schema::{DateRole, BATCH_FIELDS, PLAN_FIELDS};
use crate::audit::words::evidence::{batch_deleted, counted_summary};
use crate::audit::{Batch, Pilot, Plan};
use crate::error::AppError;
use crate::ui::focus_by_id;
use leptos::prelude::*;

/// Batches the editor shows at first (the newest); the rest on request. Batches with an
/// error always show, so every error in the summary has its input.
pub const SHOWN_BATCHES: usize = 20;

/// A batch's first input, its date: focused when the batch is added or brought back.
fn batch_date(i: usize) -> Path {
    let [date, ..] = &BATCH_FIELDS;
    Path::Batch(i, date.name)
}

/// The plan's first input the person types, its target: focused when a plan is set.
fn plan_target() -> Path {
    let [_, target, ..] = &PLAN_FIELDS;
    Path::PlanInForce(target.name)
}

/// The evidence log: the counted evidence beside it, the newest batches, add and delete.
#[component]
pub fn LogEditor(form: FormState) -> impl IntoView {
    let deleted = RwSignal::new(None::<(usize, Batch)>);
    let add = move |_| {
        let mut added = 0;
        change(form, |p| {
            let last = p.reliability.batches.last().cloned().unwrap_or_default();
            p.reliability.batches.push(Batch {
                date: today(),
                cases: 0,
                failures: 0,
                source: last.source,
                model_version: last.model_version,
                note: String::new(),
            });
            added = p.reliability.batches.len() - 1;
        });
        deleted.set(None);
        request_animation_frame(move || focus_by_id(&batch_date(added).input_id()));
    };
    let summary = move || {
        form.pilot
            .with(|p| counted_summary(&counted(&p.reliability.batches).summary))
    };
    view! {
        <section class="evidence-editor" aria-labelledby="f-reliability-batches">
            <h3 id="f-reliability-batches" tabindex="-1">"Evidence log"</h3>
            <p class="hint">"Each batch of cases checked against the right answer, oldest first. Only your own batches of the latest model version count; a vendor's tests count only until you have your own."</p>
            <p class="evidence-editor__counted" role="status" data-testid="counted-summary">{summary}</p>
            {move || deleted.get().map(|(at, batch)| undo_notice(form, deleted, at, batch))}
            {batch_list(form, deleted)}
            <button class="button" type="button" id="add-batch" data-testid="add-batch" on:click=add>"Add a batch"</button>
        </section>
    }
}

/// The notice of the batch deleted at `at`, with Undo, which puts it back there and focuses
/// it.
fn undo_notice(
    form: FormState,
    deleted: RwSignal<Option<(usize, Batch)>>,
    at: usize,
    batch: Batch,
) -> impl IntoView {
    let notice = batch_deleted(&batch);
    let undo = move |_| {
        let batch = batch.clone();
        let mut restored = at;
        change(form, |p| {
            restored = at.min(p.reliability.batches.len());
            p.reliability.batches.insert(restored, batch);
        });
        deleted.set(None);
        request_animation_frame(move || focus_by_id(&batch_date(restored).input_id()));
    };
    view! {
        <p class="notice" role="status" data-testid="batch-deleted">
            {notice}
            <button class="button" type="button" id="undo-batch" on:click=undo>"Undo"</button>
        </p>
    }
}

/// The newest batches' editors (and every batch with an error, so that each error in the
/// summary has its input), the earlier ones on request. Redrawn when batches are added or
/// removed, not on every keystroke in one.
fn batch_list(form: FormState, deleted: RwSignal<Option<(usize, Batch)>>) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let batch_count = Memo::new(move |_| form.pilot.with(|p| p.reliability.batches.len()));
    move || {
        let n = batch_count.get();
        if n == 0 {
            return view! { <p class="muted">"No batch yet."</p> }.into_any();
        }
        let with_errors: Vec<usize> = form.validation.with_untracked(|errors| {
            errors
                .iter()
                .filter_map(|e| match e.path {
                    Path::Batch(i, _) => Some(i),
                    _ => None,
                })
                .collect()
        });
        let hidden = if show_all.get() {
            0
        } else {
            n.saturating_sub(SHOWN_BATCHES)
        };
        let batches = form.pilot.with_untracked(|p| p.reliability.batches.clone());
        view! {
            <ol class="batch-list">
                {batches.into_iter().enumerate().filter(|(i, _)| *i >= hidden || with_errors.contains(i))
                    .map(|(i, b)| batch_editor(form, i, &b, deleted)).collect_view()}
            </ol>
            {(hidden > 0).then(|| view! {
                <button class="button" type="button" on:click=move |_| show_all.set(true)>
                    {format!("Show the {} earlier batches", count(hidden as f64))}
                </button>
            })}
        }.into_any()
    }
}

/// One batch's inputs and its Delete button (the batch deleted is kept in `deleted` for undo).
fn batch_editor(
    form: FormState,
    i: usize,
    b: &Batch,
    deleted: RwSignal<Option<(usize, Batch)>>,
) -> impl IntoView {
    view! {
        <li class="batch" data-testid="batch-editor">
            <fieldset>
                <legend>{format!("Batch {}", i + 1)}</legend>
                <div class="batch__fields">
                    {BATCH_FIELDS.iter().enumerate().map(|(j, spec)| {
                        entry_input(form, spec, Path::Batch(i, spec.name), spec.input_value(b),
                            move |p: &mut Pilot, text: &str| match p.reliability.batches.get_mut(i) {
                                Some(batch) => BATCH_FIELDS[j].write(batch, text),
                                None => Err(AppError::NotAValue("this batch was deleted".to_string())),
                            })
                    }).collect_view()}
                </div>
                <button class="button" type="button" on:click=move |_| {
                    let mut removed = None;
                    change(form, |p| {
                        if i < p.reliability.batches.len() {
                            removed = Some(p.reliability.batches.remove(i));
                        }
                    });
                    form.entry_unparsed.update(|u| u.retain(|k, _| !matches!(k, Path::Batch(..))));
                    deleted.set(removed.map(|b| (i, b)));
                    request_animation_frame(|| focus_by_id("undo-batch"));
                }>{format!("Delete batch {}", i + 1)}</button>
            </fieldset>
        </li>
    }
}

/// The test plan: the one in force editable, earlier ones listed. A changed target,
/// confidence or allowed failures is a new plan dated today (the same day's plan is revised
/// in place); earlier plans stay listed.
#[component]
pub fn PlanEditor(form: FormState) -> impl IntoView {
    // Redrawn only when the first plan is set: a revision that starts a new plan keeps the
    // inputs (and the caret in them).
    let has_plan = Memo::new(move |_| form.pilot.with(|p| !p.reliability.plans.is_empty()));
    let set_plan = move |_| {
        change(form, |p| {
            p.reliability.plans.push(Plan {
                set_on: today(),
                target: p.reliability.target,
                confidence: p.reliability.confidence,
                allowed_failures: 0,
                decide_by: String::new(),
            });
        });
        request_animation_frame(|| focus_by_id(&plan_target().input_id()));
    };
    view! {
        <section class="evidence-editor" aria-labelledby="plan-title">
            <h3 id="plan-title">"Test plan"</h3>
            <p class="hint">"Set before the results it judges: how many cases, with how many failures allowed, demonstrate the target. Looking at the verdict after every batch and stopping at a lucky moment is not a demonstration."</p>
            {move || {
                if !has_plan.get() {
                    return view! {
                        <button class="button" type="button" data-testid="set-plan" on:click=set_plan>"Set a test plan"</button>
                    }.into_any();
                }
                let current = form.pilot.with_untracked(|p| p.reliability.plans.last().cloned().unwrap_or_default());
                view! {
                    <p data-testid="plan-in-force">{move || form.pilot.with(|p| {
                        let a = crate::audit::evidence::plan(&p.reliability, &crate::audit::evidence::counted(&p.reliability.batches), &today());
                        format!("In force since {}. {}.", p.reliability.plans.last().map(|pl| pl.set_on.clone()).unwrap_or_default(),
                            crate::ui::evidence::plan_words(a.as_ref()))
                    })}</p>
                    <div class="batch__fields">
                        {PLAN_FIELDS.iter().enumerate().filter(|(_, s)| s.date_role() != Some(DateRole::SetOn)).map(|(j, spec)| {
                            entry_input(form, spec, Path::PlanInForce(spec.name), spec.input_value(&current),
                                move |p: &mut Pilot, text: &str| revise_plan(p, j, text))
                        }).collect_view()}
                    </div>
                    {move || form.pilot.with(|p| {
                        let plans = &p.reliability.plans;
                        let earlier = &plans[..plans.len().saturating_sub(1)];
                        (!earlier.is_empty()).then(|| view! {
                            <details>
                                <summary>{format!("Earlier plans ({})", earlier.len())}</summary>
                                <ul>
                                    {earlier.iter().map(|pl| view! { <li>{plan_line(pl)}</li> }).collect_view()}
                                </ul>
                            </details>
                        })
                    })}
                }.into_any()
            }}
        </section>
    }
}

/// One earlier plan in words.
pub fn plan_line(plan: &Plan) -> String {
    let [_, target, confidence, allowed, decide] = &PLAN_FIELDS;
    format!(
        "Set on {}: {} at {} confidence, {} allowed{}",
        plan.set_on,
        target.shown(plan),
        confidence.shown(plan),
        allowed.shown(plan),
        if plan.decide_by.is_empty() {
            String::new()
        } else {
            format!(", decide by {}", decide.shown(plan))
        }
    )
}

/// Write input `j` of the plan in force: a changed target, confidence or allowed failures
/// on a plan set before today starts a new plan dated today; the decide-by date is revised
/// in place.
fn revise_plan(p: &mut Pilot, j: usize, text: &str) -> Result<(), AppError> {
    let today = today();
    let plans = &mut p.reliability.plans;
    let Some(current) = plans.last().cloned() else {
        return Err(AppError::NotAValue("no plan is set".to_string()));
    };
    let mut revised = current.clone();
    PLAN_FIELDS[j].write(&mut revised, text)?;
    if revised == current {
        return Ok(());
    }
    let terms_changed = PLAN_FIELDS[j].date_role() != Some(DateRole::Deadline);
    if terms_changed && current.set_on != today {
        revised.set_on = today;
        plans.push(revised);
    } else if let Some(last) = plans.last_mut() {
        *last = revised;
    }
    Ok(())
}
