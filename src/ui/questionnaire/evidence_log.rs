//! The evidence log and the test plan on the reliability step (DESIGN §9): add, edit and
//! delete (with undo) dated batches; set the plan before the results it judges. Every input
//! is labelled, described once in the schema (`BATCH_FIELDS`, `PLAN_FIELDS`), saved at once
//! and error-summarised like every other answer.

use super::FormState;
use crate::audit::date::today;
use crate::audit::evidence::counted;
use crate::audit::format::{count, plural};
use crate::audit::path::Path;
use crate::audit::schema::{DateRole, EntryKind, EntrySpec, BATCH_FIELDS, PLAN_FIELDS};
use crate::audit::{Batch, Pilot, Plan};
use crate::ui::clock::now_rfc3339;
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

/// Change the pilot as stored at this moment (another tab's changes to other answers are
/// kept), stamp it and show it.
pub fn change(form: FormState, edit: impl FnOnce(&mut Pilot)) {
    let mine = form.pilot.get_untracked();
    let mut next = crate::store::local::load(&mine.id).unwrap_or(mine);
    edit(&mut next);
    next.updated_at = now_rfc3339();
    form.pilot.set(next);
}

/// Write what was typed into one entry's input, or keep it aside with the reason.
fn write_entry(form: FormState, path: Path, result: Result<(), String>) {
    match result {
        Ok(()) => form.entry_unparsed.update(|u| {
            u.remove(&path);
        }),
        Err(reason) => form.entry_unparsed.update(|u| {
            u.insert(path.clone(), reason);
        }),
    }
    form.entry_touched.update(|t| {
        t.insert(path);
    });
}

/// How an input is entered.
pub enum Control {
    /// A number typed as text (whole numbers only when `integer`).
    Number {
        /// Only whole numbers.
        integer: bool,
    },
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Text up to `cap` characters.
    Text {
        /// Longest allowed.
        cap: usize,
    },
    /// One of (value in the file, label).
    Choice(Vec<(String, &'static str)>),
}

/// One labelled input of an entry (a batch or the plan), bound through `write`.
fn entry_input<T: 'static>(
    form: FormState,
    spec: &'static EntrySpec<T>,
    path: Path,
    value: String,
    write: impl Fn(&mut Pilot, &str) -> Result<(), String> + Clone + 'static,
) -> impl IntoView {
    let control = match &spec.kind {
        EntryKind::Choice { options, .. } => Control::Choice(options()),
        EntryKind::Number { rule, .. } => Control::Number {
            integer: rule.integer,
        },
        EntryKind::Date { .. } => Control::Date,
        EntryKind::Text { cap, .. } => Control::Text { cap: *cap },
    };
    labelled_input(
        form,
        path,
        spec.label_with_unit(),
        spec.hint.to_string(),
        control,
        value,
        write,
    )
}

/// A labelled input known by its path (`reliability.batches[3].failures`,
/// `ranges.task.monthly_volume.low`): its hint, its error at the field when it is time to
/// show it, written through `write` on every change.
pub fn labelled_input(
    form: FormState,
    path: Path,
    label: String,
    hint: String,
    control: Control,
    value: String,
    write: impl Fn(&mut Pilot, &str) -> Result<(), String> + Clone + 'static,
) -> impl IntoView {
    let input_id = path.input_id();
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let message = {
        let path = path.clone();
        Memo::new(move |_| form.entry_message(&path))
    };
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match message.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    let invalid = move || {
        if message.get().is_some() {
            "true"
        } else {
            "false"
        }
    };
    let on_value = move |text: String| {
        let write = write.clone();
        let mut result = Ok(());
        change(form, |p| result = write(p, &text));
        write_entry(form, path.clone(), result);
    };
    let on_input = {
        let on_value = on_value.clone();
        move |ev: leptos::ev::Event| on_value(event_target_value(&ev))
    };
    let control = match control {
        Control::Choice(options) => view! {
            <select id=input_id.clone() aria-describedby=described aria-invalid=invalid
                on:change=move |ev| on_value(event_target_value(&ev))>
                {options.into_iter().map(|(v, label)| {
                    let selected = v == value;
                    view! { <option value=v selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        Control::Number { integer } => {
            let mode = if integer { "numeric" } else { "decimal" };
            view! {
                <input type="text" id=input_id.clone() inputmode=mode autocomplete="off" spellcheck="false"
                    prop:value=value aria-describedby=described aria-invalid=invalid on:input=on_input/>
            }
            .into_any()
        }
        Control::Date => view! {
            <input type="text" id=input_id.clone() inputmode="numeric" autocomplete="off" placeholder="YYYY-MM-DD"
                prop:value=value aria-describedby=described aria-invalid=invalid on:input=on_input/>
        }
        .into_any(),
        Control::Text { cap } => view! {
            <input type="text" id=input_id.clone() maxlength=cap.to_string()
                prop:value=value aria-describedby=described aria-invalid=invalid on:input=on_input/>
        }
        .into_any(),
    };
    view! {
        <div class=move || if message.get().is_some() { "field field--error" } else { "field" }>
            <label for=input_id>{label}</label>
            <p class="hint" id=hint_id>{hint}</p>
            {move || message.get().map(|m| view! {
                <p class="field-error" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            {control}
        </div>
    }
}

/// The evidence log: the counted evidence beside it, the newest batches, add and delete.
#[component]
pub fn LogEditor(form: FormState) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let deleted = RwSignal::new(None::<(usize, Batch)>);
    // Redrawn when batches are added or removed (not on every keystroke in one).
    let batch_count = Memo::new(move |_| form.pilot.with(|p| p.reliability.batches.len()));
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
        form.pilot.with(|p| {
            let c = counted(&p.reliability.batches).summary;
            let left = crate::ui::evidence::left_out(&c);
            let whose = crate::ui::evidence::whose(&c);
            let whose = crate::audit::format::lower_first(&whose);
            format!(
                "Counted: {}, {}: {whose}. Left out: {}.",
                plural(c.cases, "case", "cases"),
                plural(c.failures, "failure", "failures"),
                left.to_ascii_lowercase()
            )
        })
    };
    view! {
        <section class="evidence-editor" aria-labelledby="f-reliability-batches">
            <h3 id="f-reliability-batches" tabindex="-1">"Evidence log"</h3>
            <p class="hint">"Each batch of cases checked against the right answer, oldest first. Only your own batches of the latest model version count; a vendor's tests count only until you have your own."</p>
            <p class="evidence-editor__counted" role="status" data-testid="counted-summary">{summary}</p>
            {move || deleted.get().map(|(at, batch)| {
                let date = if batch.date.is_empty() { "an undated batch".to_string() } else { format!("the batch of {}", batch.date) };
                view! {
                    <p class="notice" role="status" data-testid="batch-deleted">
                        {format!("Deleted {date} ({}). ", plural(batch.cases, "case", "cases"))}
                        <button class="button" type="button" id="undo-batch" on:click=move |_| {
                            let batch = batch.clone();
                            let mut restored = at;
                            change(form, |p| {
                                restored = at.min(p.reliability.batches.len());
                                p.reliability.batches.insert(restored, batch);
                            });
                            deleted.set(None);
                            // Focus returns to the batch brought back.
                            request_animation_frame(move || focus_by_id(&batch_date(restored).input_id()));
                        }>"Undo"</button>
                    </p>
                }
            })}
            {move || {
                let n = batch_count.get();
                if n == 0 {
                    return view! { <p class="muted">"No batch yet."</p> }.into_any();
                }
                let with_errors: Vec<usize> = form.validation.with_untracked(|errors| {
                    errors.iter().filter_map(|e| match e.path { Path::Batch(i, _) => Some(i), _ => None }).collect()
                });
                let first_shown = if show_all.get() { 0 } else { n.saturating_sub(SHOWN_BATCHES) };
                let batches = form.pilot.with_untracked(|p| p.reliability.batches.clone());
                let hidden = first_shown;
                view! {
                    <ol class="batch-list">
                        {batches.into_iter().enumerate().filter(|(i, _)| *i >= first_shown || with_errors.contains(i)).map(|(i, b)| {
                            view! {
                                <li class="batch" data-testid="batch-editor">
                                    <fieldset>
                                        <legend>{format!("Batch {}", i + 1)}</legend>
                                        <div class="batch__fields">
                                            {BATCH_FIELDS.iter().enumerate().map(|(j, spec)| {
                                                entry_input(form, spec, Path::Batch(i, spec.name), spec.input_value(&b),
                                                    move |p: &mut Pilot, text: &str| match p.reliability.batches.get_mut(i) {
                                                        Some(batch) => BATCH_FIELDS[j].write(batch, text),
                                                        None => Err("this batch was deleted".to_string()),
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
                        }).collect_view()}
                    </ol>
                    {(hidden > 0).then(|| view! {
                        <button class="button" type="button" on:click=move |_| show_all.set(true)>
                            {format!("Show the {} earlier batches", count(hidden as f64))}
                        </button>
                    })}
                }.into_any()
            }}
            <button class="button" type="button" id="add-batch" data-testid="add-batch" on:click=add>"Add a batch"</button>
        </section>
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
fn revise_plan(p: &mut Pilot, j: usize, text: &str) -> Result<(), String> {
    let today = today();
    let plans = &mut p.reliability.plans;
    let Some(current) = plans.last().cloned() else {
        return Err("no plan is set".to_string());
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
