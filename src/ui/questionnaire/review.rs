//! "Check your answers": every answer by step, each with a Change link.

use crate::audit::path::Path;
use crate::audit::schema::RangeEnd;
use crate::audit::{FieldError, Pilot};
use crate::ui::routes;
use crate::ui::steps::{question_steps, STEP_COUNT};
use leptos::prelude::*;

/// The review step.
#[component]
pub fn Review(pilot: RwSignal<Pilot>, invalid: Memo<Vec<FieldError>>) -> impl IntoView {
    let snapshot = pilot.get_untracked();
    let id = snapshot.id.clone();
    view! {
        <h2 id="step-title" tabindex="-1">{format!("Step {STEP_COUNT} of {STEP_COUNT}: Check your answers")}</h2>
        {move || {
            let count = invalid.with(Vec::len);
            (count > 0).then(|| view! {
                <p class="notice" role="status">{format!("{count} answer(s) still need attention: see the marked rows.")}</p>
            })
        }}
        {question_steps().iter().enumerate().map(|(i, (title, fields))| {
            let n = i + 1;
            let id = id.clone();
            view! {
                <h3>{*title}</h3>
                <dl class="review">
                    {fields.iter().map(|&field| {
                        let spec = field.spec();
                        // The step, and on it the field, which takes focus (`#f-…`).
                        let href = routes::edit_field(&id, n, field);
                        let value = invalid.with_untracked(|errors| crate::ui::format::answer_shown(field, &snapshot, errors));
                        let problem = invalid.with_untracked(|errors| {
                            errors.iter().find(|e| e.path == Path::Field(field)).map(|e| e.message.clone()).or_else(|| {
                                RangeEnd::BOTH.iter().find_map(|&end| {
                                    let at = Path::Range(field, end);
                                    errors.iter().find(|e| e.path == at).map(|e| format!("{} of its range: {}", end.label(), e.message))
                                })
                            })
                        });
                        let label = spec.label_with_unit(&snapshot.currency);
                        let change_label = format!("Change {}", crate::audit::format::lower_first(&label));
                        let row_class = if problem.is_some() { "review__row review__row--error" } else { "review__row" };
                        view! {
                            <div class=row_class>
                                <dt>{label}</dt>
                                <dd>{value}{problem.map(|m| view! { <span class="field-error">" — "{m}</span> })}</dd>
                                <dd><a href=href aria-label=change_label>"Change"</a></dd>
                            </div>
                        }
                    }).collect_view()}
                    {fields.contains(&crate::ui::steps::ALTERNATIVE_AFTER).then(|| sourcing_rows(&snapshot, invalid, routes::edit(&id, n)))}
                    {fields.contains(&crate::ui::steps::LOG_AFTER).then(|| {
                        let c = crate::audit::evidence::counted(&snapshot.reliability.batches).summary;
                        let problems: Vec<String> = invalid.with_untracked(|errors| errors.iter()
                            .filter(|e| e.path.in_log() || e.path.in_plans())
                            .map(|e| format!("{}: {}", e.path.entry_label(&snapshot).unwrap_or_else(|| e.path.to_string()), e.message))
                            .collect());
                        let row_class = if problems.is_empty() { "review__row" } else { "review__row review__row--error" };
                        let href = format!("{}#f-reliability-batches", routes::edit(&id, n));
                        let plan = snapshot.reliability.plans.last().map_or_else(|| "none set".to_string(), super::evidence_log::plan_line);
                        view! {
                            <div class=row_class>
                                <dt>"Evidence log"</dt>
                                <dd>
                                    {format!("{}; counted {} and {}. Test plan: {plan}.",
                                        crate::audit::format::plural(snapshot.reliability.batches.len() as u64, "batch", "batches"),
                                        crate::audit::format::plural(c.cases, "case", "cases"),
                                        crate::audit::format::plural(c.failures, "failure", "failures"))}
                                    {problems.into_iter().map(|m| view! { <span class="field-error">" — "{m}</span> }).collect_view()}
                                </dd>
                                <dd><a href=href aria-label="Change the evidence log">"Change"</a></dd>
                            </div>
                        }
                    })}
                </dl>
            }
        }).collect_view()}
        <div class="actions">
            <a href=routes::report(&id) class="button button--primary">"See the assessment"</a>
        </div>
    }
}

/// Whether a problem's path is part of a row's answers.
type IsPart = fn(&Path) -> bool;

/// The GPU block and the other option (DESIGN §12), one row each when there is one, with
/// their problems and a Change link to the compute step (`step`).
fn sourcing_rows(p: &Pilot, invalid: Memo<Vec<FieldError>>, step: String) -> impl IntoView {
    use crate::audit::path::GpuBlock;
    use crate::audit::schema::{ALTERNATIVE_PRICES, GPU_FIELDS};
    use crate::audit::words::sourcing::sourcing_answers;
    let c = &p.compute;
    let own = |path: &Path| matches!(path, Path::Gpu(GpuBlock::Own, _));
    let other = |path: &Path| {
        matches!(
            path,
            Path::Alternative(_) | Path::Gpu(GpuBlock::Alternative, _)
        )
    };
    // The Change link lands on the first input of each.
    let other_first = match c.alternative.as_ref().and_then(|a| a.gpu.as_ref()) {
        Some(_) => Path::Gpu(GpuBlock::Alternative, GPU_FIELDS[0].name),
        None => Path::alternative_price(ALTERNATIVE_PRICES[0]),
    };
    let places: [(Path, IsPart); 2] = [
        (Path::Gpu(GpuBlock::Own, GPU_FIELDS[0].name), own),
        (other_first, other),
    ];
    sourcing_answers(c, &p.currency)
        .into_iter()
        .zip(places)
        .filter_map(|((label, line), (focus, mine))| {
            let line = line?;
            let problems: Vec<String> = invalid.with_untracked(|errors| {
                errors
                    .iter()
                    .filter(|e| mine(&e.path))
                    .map(|e| format!("{}: {}", e.path.entry_label(p).unwrap_or_else(|| e.path.to_string()), e.message))
                    .collect()
            });
            let row_class = if problems.is_empty() { "review__row" } else { "review__row review__row--error" };
            let href = format!("{step}#{}", focus.input_id());
            let change_label = format!("Change {}", crate::audit::format::lower_first(label));
            Some(view! {
                <div class=row_class>
                    <dt>{label}</dt>
                    <dd>{line}{problems.into_iter().map(|m| view! { <span class="field-error">" — "{m}</span> }).collect_view()}</dd>
                    <dd><a href=href aria-label=change_label>"Change"</a></dd>
                </div>
            })
        })
        .collect_view()
}
