//! The library (`/`): saved pilots with their verdicts; the example pilots one click away.

use super::format::{money, payback};
use super::routes;
use super::state::use_app_state;
use super::steps::STEP_COUNT;
use super::transfer::{download, ExportButton, ImportPanel};
use crate::audit::format::plural;
use crate::audit::{judge_quick, Pilot};
use crate::store::Entry;
use leptos::prelude::*;
use std::collections::HashSet;

/// The library view.
#[component]
pub fn Library() -> impl IntoView {
    super::set_title("Library");
    let state = use_app_state();
    // Asked by the report of a missing example (`routes::load_examples_then`): load the
    // examples, then open that report; the address is replaced either way, so a reload or
    // Back does not load them again.
    let location = super::router::use_location();
    Effect::new(move |_| {
        let Some(id) = routes::load_examples_request(&location.search.get_untracked()) else {
            return;
        };
        state.load_examples();
        let next = match state.pilot_untracked(&id) {
            Some(_) if crate::audit::examples::is_example_id(&id) => routes::report(&id),
            _ => routes::LIBRARY.to_string(),
        };
        location.navigate(&next, true);
    });
    let is_empty = move || state.entries.with(Vec::is_empty);
    view! {
        <h1>"Library"</h1>
        <UndoNotice/>
        <Show when=is_empty fallback=move || view! { <PilotList/> }>
            <EmptyLibrary/>
        </Show>
        <ImportPanel/>
    }
}

/// What the library says before anything is saved: the standard in three lines.
#[component]
fn EmptyLibrary() -> impl IntoView {
    let state = use_app_state();
    view! {
        <p class="lede">"Pilot Audit tells you whether an AI pilot should be scaled, fixed or stopped. It holds every pilot to one standard:"</p>
        <ol class="standard-summary">
            <li>"It automates one repeatable task, not everything at once."</li>
            <li>"Its reliability of 99.9% is demonstrated on your own cases, not claimed."</li>
            <li>"It works inside your systems and pays for itself per task from day one."</li>
        </ol>
        <p class="muted">"Everything stays in this browser: nothing is sent anywhere."</p>
        <div class="actions">
            <button class="button button--primary" type="button" on:click=move |_| state.load_examples()>
                "Load example pilots"
            </button>
            <a href=routes::NEW_PILOT class="button">"New pilot"</a>
            <a href=routes::STANDARD class="button">"How we score"</a>
        </div>
    }
}

/// The saved pilots, one row each, and the unreadable records.
#[component]
fn PilotList() -> impl IntoView {
    let state = use_app_state();
    // Most recently changed first; unreadable records last.
    let entries = move || {
        let mut list = state.entries.get();
        crate::order::sort_by(&mut list, |a, b| match (a, b) {
            (Entry::Pilot(x), Entry::Pilot(y)) => y.updated_at.cmp(&x.updated_at),
            (Entry::Pilot(_), _) => std::cmp::Ordering::Less,
            (_, Entry::Pilot(_)) => std::cmp::Ordering::Greater,
            _ => std::cmp::Ordering::Equal,
        });
        list
    };
    view! {
        <div class="actions">
            <a href=routes::NEW_PILOT class="button button--primary">"New pilot"</a>
            <button class="button" type="button" on:click=move |_| state.load_examples()>
                "Load example pilots"
            </button>
            <ExportButton label="Export all" which=Callback::new(move |()| state.pilots())/>
            {move || (state.selected.with(HashSet::len) >= 2).then(|| {
                let ids = super::compare::ranked(&state, state.selected.get());
                view! { <a href=routes::compare(&ids) class="button">"Compare selected"</a> }
            })}
            {move || (!state.selected.with(HashSet::is_empty)).then(|| view! {
                <ExportButton label="Export selected" which=Callback::new(move |()| {
                    let chosen = state.selected.get_untracked();
                    state.pilots().into_iter().filter(|p| chosen.contains(&p.id)).collect()
                })/>
            })}
        </div>
        {move || {
            let unreadable = state.entries.with(|e| e.iter().filter(|x| matches!(x, Entry::Unreadable { .. })).count());
            (unreadable > 0).then(|| view! {
                <p class="muted" data-testid="export-leaves-out">
                    {format!("Exports hold readable pilots only: {} left out. Use Download on {} to keep a copy.",
                        plural(unreadable as u64, "unreadable record is", "unreadable records are"),
                        if unreadable == 1 { "its row" } else { "each of their rows" })}
                </p>
            })
        }}
        <ul class="pilot-list">
            <For each=entries key=entry_key let:entry>
                {match entry {
                    Entry::Pilot(pilot) => view! { <PilotRow pilot=*pilot/> }.into_any(),
                    Entry::Unreadable { key, raw, reason } => view! { <UnreadableRow key=key raw=raw reason=reason/> }.into_any(),
                }}
            </For>
        </ul>
    }
}

fn entry_key(entry: &Entry) -> String {
    match entry {
        // Any change to the pilot (an import may keep its updated_at) must redraw its row.
        Entry::Pilot(p) => {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::hash::DefaultHasher::new();
            serde_json::to_string(p)
                .unwrap_or_default()
                .hash(&mut hasher);
            format!("p:{}:{:x}", p.id, hasher.finish())
        }
        Entry::Unreadable { key, .. } => format!("u:{key}"),
    }
}

/// A stored value that could not be read: kept as it is, with Download and Delete.
#[component]
fn UnreadableRow(key: String, raw: String, reason: String) -> impl IntoView {
    let state = use_app_state();
    let file_name = format!("{}.json", key.rsplit('/').next().unwrap_or("record"));
    let delete_key = key.clone();
    view! {
        <li class="pilot-row" data-testid="unreadable-row" data-key=key.clone()>
            <div>
                <h3>"Unreadable record"</h3>
                <p class="muted">{key.clone()}": "{reason}". It is kept exactly as stored."</p>
            </div>
            <div class="pilot-row__actions">
                <button class="button" type="button" on:click=move |_| { let _ = download(&file_name, &raw); }>"Download"</button>
                <button class="button" type="button" on:click=move |_| state.delete_unreadable(&delete_key)>"Delete"</button>
            </div>
        </li>
    }
}

/// Says what was deleted, with a button that puts it back.
#[component]
fn UndoNotice() -> impl IntoView {
    let state = use_app_state();
    move || {
        state.last_deleted.get().map(|(pilot, _)| {
            let name = super::format::display_name(&pilot);
            view! {
                <p class="notice" role="status">
                    {format!("Deleted “{name}”. ")}
                    <button class="button" type="button" on:click=move |_| state.undo_delete()>"Undo"</button>
                </p>
            }
        })
    }
}

/// One saved pilot with its verdict and headline figures.
#[component]
fn PilotRow(pilot: Pilot) -> impl IntoView {
    let state = use_app_state();
    let draft_step = crate::store::progress(&pilot.id);
    let changed = pilot.updated_at.get(..10).unwrap_or("—").to_string();
    let (badge, verdict, figures) = row_figures(&pilot, changed);
    let href = routes::report(&pilot.id);
    let vendor = if pilot.vendor.is_empty() {
        "No vendor named".to_string()
    } else {
        pilot.vendor.clone()
    };
    let select_id = pilot.id.clone();
    let checked_id = pilot.id.clone();
    let name = super::format::display_name(&pilot);
    let select_label = format!("Select {name}");
    view! {
        <li class="pilot-row" data-testid="pilot-row" data-pilot-id=pilot.id.clone()>
            <div class="pilot-row__title">
                <input type="checkbox" class="pilot-row__select" aria-label=select_label
                    prop:checked=move || state.selected.with(|s| s.contains(&checked_id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.selected.update(|s| { if on { s.insert(select_id.clone()); } else { s.remove(&select_id); } });
                    }/>
                <div>
                <h3><a href=href>{name}</a></h3>
                <span class="muted">{vendor}</span>
                {draft_step.map(|s| view! { <span class="draft">{format!(" · Draft — step {s} of {STEP_COUNT}")}</span> })}
                </div>
            </div>
            <span class=badge>{verdict}</span>
            {figures}
            {row_actions(&pilot, draft_step)}
        </li>
    }
}

/// A pilot's badge class, verdict and headline figures; with invalid answers, which, and no
/// verdict or figure (DESIGN §6).
fn row_figures(pilot: &Pilot, changed: String) -> (String, &'static str, AnyView) {
    match judge_quick(pilot) {
        Ok(assessment) => {
            let verdict = assessment.verdict.label();
            let expected = &assessment.economics.expected;
            let net = money(expected.monthly_net_value, &pilot.currency);
            let payback_text = payback(expected.payback_months);
            let figures = view! {
                <dl class="pilot-row__figures">
                    <div><dt>"Score"</dt><dd>{crate::audit::words::rounding::score_shown(assessment.score)}</dd></div>
                    <div><dt>"Net value"</dt><dd>{net}" a month"</dd></div>
                    <div><dt>"Payback"</dt><dd>{payback_text}</dd></div>
                    <div><dt>"Cases counted"</dt><dd data-testid="row-counted">{super::evidence::counted_short(&assessment.reliability.evidence)}</dd></div>
                    <div><dt>"Test plan"</dt><dd data-testid="row-plan">{super::evidence::plan_short(assessment.reliability.plan.as_ref())}</dd></div>
                    {assessment.reliability.drift.filter(|d| d.flagged).map(|_| view! {
                        <div class="drift-mark" data-testid="row-drift"><dt>"Drift"</dt><dd>"flagged"</dd></div>
                    })}
                    <div><dt>"Last change"</dt><dd>{changed.clone()}</dd></div>
                </dl>
            }
            .into_any();
            (
                format!("badge badge--{}", verdict.to_ascii_lowercase()),
                verdict,
                figures,
            )
        }
        Err(errors) => {
            let paths = crate::audit::validation::paths_of(&errors);
            let figures = view! {
                <p class="pilot-row__problems" data-testid="answers-to-fix">
                    {format!("{}: {paths}. Last change {changed}.", plural(errors.len() as u64, "answer to fix", "answers to fix"))}
                </p>
            }
            .into_any();
            ("badge badge--draft".to_string(), "Answers to fix", figures)
        }
    }
}

/// A pilot's Edit (at the step its draft reached), Duplicate and Delete.
fn row_actions(pilot: &Pilot, draft_step: Option<u32>) -> impl IntoView {
    let state = use_app_state();
    let location = super::router::use_location();
    let edit_href = routes::edit(&pilot.id, draft_step.unwrap_or(1) as usize);
    let name = super::format::display_name(pilot);
    let (dup_id, del_id) = (pilot.id.clone(), pilot.id.clone());
    let (edit_label, dup_label, del_label) = (
        format!("Edit {name}"),
        format!("Duplicate {name}"),
        format!("Delete {name}"),
    );
    view! {
        <div class="pilot-row__actions">
            <a href=edit_href class="button" aria-label=edit_label>"Edit"</a>
            <button class="button" type="button" aria-label=dup_label
                on:click=move |_| {
                    if let Some(copy) = state.duplicate(&dup_id) {
                        location.navigate(&routes::edit(&copy.id, 1), false);
                    }
                }>"Duplicate"</button>
            <button class="button" type="button" aria-label=del_label
                on:click=move |_| state.delete(&del_id)>"Delete"</button>
        </div>
    }
}
