//! One question: label with unit, hint, the right input, and its error at the field.

use super::entry_input;
use super::form::FormState;
use crate::audit::path::Path;
use crate::audit::schema::{Field, Kind, RangeEnd};
use crate::audit::sensitivity::SWING;
use crate::audit::{InputRange, Pilot};
use crate::ui::clock::now_rfc3339;
use crate::ui::focus_by_id;
use leptos::prelude::*;

/// How a number with decimals is typed, said after its hint.
const DECIMALS: &str = " Decimals with a point: 1.5.";

/// Write what was typed into the pilot as stored at this moment
/// ([`store::edit::written`](crate::store::edit::written)), or keep it aside with the reason
/// it is not a value.
fn apply(form: FormState, field: Field, text: String) {
    let mine = form.pilot.get_untracked();
    let stored = crate::store::local::load(&mine.id);
    let write = |p: &mut Pilot| field.spec().write(p, &text);
    match crate::store::edit::written(stored, mine, &now_rfc3339(), write) {
        Ok(next) => {
            form.unparsed.update(|u| {
                u.remove(&field);
            });
            form.pilot.set(next);
        }
        Err(reason) => form.unparsed.update(|u| {
            u.insert(field, reason.into());
        }),
    }
    form.touched.update(|t| {
        t.insert(field);
    });
}

/// A labelled input for `field`, bound to the form's pilot.
#[component]
pub fn FieldInput(field: Field, form: FormState) -> impl IntoView {
    let spec = field.spec();
    let input_id = spec.input_id();
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let currency = form.pilot.with_untracked(|p| p.currency.clone());
    let message = Memo::new(move |_| form.message(field));
    let control = control(field, form, message, hint_id.clone(), error_id.clone());
    let is_check = matches!(spec.kind, Kind::Check { .. });
    view! {
        <div class=move || if message.get().is_some() { "field field--error" } else { "field" }
            class:field--check=is_check>
            <label for=input_id>{spec.label_with_unit(&currency)}</label>
            <p class="hint" id=hint_id>{spec.hint}{spec.number_rule().map(|r| if r.integer { " A whole number." } else { DECIMALS })}</p>
            {move || message.get().map(|m| view! {
                <p class="field-error" id=error_id.clone()>
                    <span class="visually-hidden">"Error: "</span>{m}
                </p>
            })}
            {control}
            {spec.takes_range().then(|| view! { <RangeEditor field=field form=form/> })}
        </div>
    }
}

/// The input of `field`, of its kind, holding the answer as the form has it; described by
/// its hint, and by its error while there is one.
fn control(
    field: Field,
    form: FormState,
    message: Memo<Option<String>>,
    hint_id: String,
    error_id: String,
) -> AnyView {
    let spec = field.spec();
    let input_id = spec.input_id();
    let initial = form.pilot.with_untracked(|p| spec.input_value(p));
    let (described, invalid) = entry_input::described_by(message, hint_id, error_id);
    let on_input = move |ev: leptos::ev::Event| apply(form, field, event_target_value(&ev));
    match spec.kind {
        Kind::Text { cap, long: true, .. } => view! {
            <textarea id=input_id name=spec.path maxlength=cap.to_string() rows="3"
                prop:value=initial aria-describedby=described aria-invalid=invalid on:input=on_input></textarea>
        }
        .into_any(),
        Kind::Text { cap, .. } => view! {
            <input type="text" id=input_id name=spec.path maxlength=cap.to_string()
                prop:value=initial aria-describedby=described aria-invalid=invalid on:input=on_input/>
        }
        .into_any(),
        Kind::Stamp { .. } => view! {
            <input type="text" id=input_id name=spec.path readonly=true
                prop:value=initial aria-describedby=described/>
        }
        .into_any(),
        // Text, not type="number": the browser then hands over exactly what was typed, so
        // "1,5" is refused with what was read instead of silently becoming 15 or nothing.
        Kind::Number { rule, .. } => {
            let integer = rule.integer;
            view! {
                <input type="text" id=input_id name=spec.path autocomplete="off" spellcheck="false"
                    inputmode=if integer { "numeric" } else { "decimal" }
                    prop:value=initial aria-describedby=described aria-invalid=invalid on:input=on_input/>
            }
            .into_any()
        }
        Kind::Choice { options, .. } => view! {
            <select id=input_id name=spec.path aria-describedby=described aria-invalid=invalid
                on:change=move |ev| apply(form, field, event_target_value(&ev))>
                {options().into_iter().map(|(value, label)| {
                    let selected = value == initial;
                    view! { <option value=value selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        Kind::Check { .. } => {
            let checked = initial == "true";
            view! {
                <input type="checkbox" id=input_id name=spec.path prop:checked=checked
                    aria-describedby=described
                    on:change=move |ev| apply(form, field, event_target_checked(&ev).to_string())/>
            }
            .into_any()
        }
    }
}

/// The optional low and high ends of an answer the buyer is unsure of (DESIGN §10): closed
/// until asked for, one click to open (both ends start at the answer ±25%, within what the
/// answer allows), one click to remove. The simulation draws between them.
#[component]
fn RangeEditor(field: Field, form: FormState) -> impl IntoView {
    let spec = field.spec();
    let open = RwSignal::new(form.pilot.with_untracked(|p| spec.range(p).is_some()));
    let toggle_id = format!("{}-range", spec.input_id());
    let label = spec.label.to_ascii_lowercase();
    move || {
        if !open.get() {
            return view! {
                <button class="button button--small range-toggle" type="button" id=toggle_id.clone()
                    aria-label=format!("Add a range to {label}") on:click=move |_| add_range(form, field, open)>
                    "Add a range"
                </button>
            }
            .into_any();
        }
        let [low, high] = RangeEnd::BOTH.map(|end| range_end(form, field, end));
        let toggle = toggle_id.clone();
        view! {
            <fieldset class="range" data-testid="range">
                <legend>{format!("Range of {label}")}</legend>
                <div class="range__ends">{low}{high}</div>
                <button class="button button--small" type="button" id=toggle_id.clone()
                    aria-label=format!("Remove range of {label}")
                    on:click=move |_| remove_range(form, field, open, toggle.clone())>"Remove range"</button>
            </fieldset>
        }
        .into_any()
    }
}

/// Open the range of `field`: both ends at the answer ±25% (within what the answer allows),
/// shown checked at once (an answer of 0 gives no room, and says so), the low end focused.
fn add_range(form: FormState, field: Field, open: RwSignal<bool>) {
    let spec = field.spec();
    let paths = RangeEnd::BOTH.map(|end| Path::Range(field, end));
    entry_input::change(form, |p| {
        if let (Some(rule), Some((get, _))) = (spec.number_rule(), spec.number_access()) {
            let answer = get(p);
            let low = rule.clamp(answer * (1.0 - SWING));
            let high = rule.clamp(answer * (1.0 + SWING));
            p.ranges
                .insert(spec.path.to_string(), InputRange { low, high });
        }
    });
    form.entry_touched
        .update(|t| t.extend(paths.iter().cloned()));
    open.set(true);
    let first = paths[0].input_id();
    request_animation_frame(move || focus_by_id(&first));
}

/// Remove the range of `field`, and what was typed into its ends; focus goes back to the
/// button that adds one (`toggle_id`).
fn remove_range(form: FormState, field: Field, open: RwSignal<bool>, toggle_id: String) {
    let spec = field.spec();
    entry_input::change(form, |p| {
        p.ranges.remove(spec.path);
    });
    form.entry_unparsed.update(|u| {
        for end in RangeEnd::BOTH {
            u.remove(&Path::Range(field, end));
        }
    });
    open.set(false);
    request_animation_frame(move || focus_by_id(&toggle_id));
}

/// The input of one end of the range of `field`.
fn range_end(form: FormState, field: Field, end: RangeEnd) -> impl IntoView {
    let spec = field.spec();
    let currency = form.pilot.with_untracked(|p| p.currency.clone());
    let value = form.pilot.with_untracked(|p| {
        let range = spec.range(p).unwrap_or(InputRange {
            low: 0.0,
            high: 0.0,
        });
        spec.number_rule()
            .map_or_else(String::new, |r| r.show(end.get(&range)))
    });
    let hint = match end {
        RangeEnd::Low => "The lowest it plausibly is: at most the answer.",
        RangeEnd::High => "The highest it plausibly is: at least the answer.",
    };
    entry_input::labelled_input(
        form,
        Path::Range(field, end),
        format!(
            "{}, {} ({})",
            spec.label,
            end.label().to_ascii_lowercase(),
            spec.unit.replace("money", &currency)
        ),
        format!("{hint}{DECIMALS}"),
        entry_input::Control::Number { integer: false },
        value,
        move |p: &mut Pilot, text: &str| spec.write_range(p, end, text),
    )
}
