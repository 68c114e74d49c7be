//! One labelled input known by its path: an entry of the evidence log or the plan, or an end
//! of an answer's range. Its hint, its error at the field when it is time to show it, and
//! every change saved onto the pilot as stored at this moment.

use super::form::FormState;
use crate::audit::path::Path;
use crate::audit::schema::{EntryKind, EntrySpec};
use crate::audit::Pilot;
use crate::error::AppError;
use crate::ui::clock::now_rfc3339;
use leptos::prelude::*;

/// Change the pilot as stored at this moment (another tab's changes to other answers are
/// kept: [`store::edit::edited`](crate::store::edit::edited)), stamp it and show it.
pub fn change(form: FormState, edit: impl FnOnce(&mut Pilot)) {
    let mine = form.pilot.get_untracked();
    let stored = crate::store::local::load(&mine.id);
    form.pilot.set(crate::store::edit::edited(
        stored,
        mine,
        &now_rfc3339(),
        edit,
    ));
}

/// Write what was typed into one entry's input, or keep it aside with the reason.
fn write_entry(form: FormState, path: Path, result: Result<(), AppError>) {
    match result {
        Ok(()) => form.entry_unparsed.update(|u| {
            u.remove(&path);
        }),
        Err(reason) => form.entry_unparsed.update(|u| {
            u.insert(path.clone(), reason.into());
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
pub fn entry_input<T: 'static>(
    form: FormState,
    spec: &'static EntrySpec<T>,
    path: Path,
    value: String,
    write: impl Fn(&mut Pilot, &str) -> Result<(), AppError> + Clone + 'static,
) -> impl IntoView {
    let control = match &spec.kind {
        EntryKind::Choice { options, .. } => Control::Choice(options()),
        EntryKind::Number { rule, .. } | EntryKind::MaybeNumber { rule, .. } => Control::Number {
            integer: rule.integer,
        },
        EntryKind::Date { .. } => Control::Date,
        EntryKind::Text { cap, .. } => Control::Text { cap: *cap },
    };
    labelled_input(
        form,
        path,
        spec.label_with_unit(&form.pilot.with_untracked(|p| p.currency.clone())),
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
    write: impl Fn(&mut Pilot, &str) -> Result<(), AppError> + Clone + 'static,
) -> impl IntoView {
    let input_id = path.input_id();
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let message = {
        let path = path.clone();
        Memo::new(move |_| form.entry_message(&path))
    };
    let on_value = move |text: String| {
        let write = write.clone();
        let mut result = Ok(());
        change(form, |p| result = write(p, &text));
        write_entry(form, path.clone(), result);
    };
    let control = entry_control(
        control,
        value,
        input_id.clone(),
        message,
        (hint_id.clone(), error_id.clone()),
        on_value,
    );
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

/// The input of an entry, of its kind, holding `value`; described by its hint, and by its
/// error while there is one; every change goes to `on_value`.
fn entry_control(
    control: Control,
    value: String,
    input_id: String,
    message: Memo<Option<String>>,
    (hint_id, error_id): (String, String),
    on_value: impl Fn(String) + Clone + 'static,
) -> AnyView {
    let (described, invalid) = described_by(message, hint_id, error_id);
    let on_input = {
        let on_value = on_value.clone();
        move |ev: leptos::ev::Event| on_value(event_target_value(&ev))
    };
    match control {
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
    }
}

/// An input's `aria-describedby` (its hint, and its error while `message` holds one) and
/// `aria-invalid`.
pub fn described_by(
    message: Memo<Option<String>>,
    hint_id: String,
    error_id: String,
) -> (
    impl Fn() -> String + Clone + 'static,
    impl Fn() -> &'static str + Copy + 'static,
) {
    let described = move || match message.get() {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    let invalid = move || {
        if message.get().is_some() {
            "true"
        } else {
            "false"
        }
    };
    (described, invalid)
}
