//! The live verdict beside the form: verdict, score, the seven criteria, cost per task,
//! payback — judged (never phrased) as the person types; "answers to fix" while any answer is invalid.

use crate::audit::criteria::Judgement;
use crate::audit::{judge_quick, Pilot};
use crate::ui::format::{money_or_dash, payback};
use leptos::prelude::*;

/// The panel; `data-testid="live-verdict"` marks the verdict for tests.
#[component]
pub fn LivePanel(pilot: RwSignal<Pilot>) -> impl IntoView {
    // Judged, never phrased: nobody reads a finding here.
    let audited = Memo::new(move |_| pilot.with(judge_quick));
    let assessment = Memo::new(move |_| audited.with(|a| a.as_ref().ok().cloned()));
    let currency = Signal::derive(move || pilot.with(|p| p.currency.clone()));
    let problems = move || {
        let errors = audited.with(|a| a.as_ref().err().cloned().unwrap_or_default());
        view! {
            <p class="live-panel__verdict" aria-live="polite">
                <span class="verdict verdict--draft" data-testid="live-verdict">"Answers to fix"</span>
            </p>
            <p class="muted">"No verdict until every answer is valid:"</p>
            <ul class="live-panel__problems" data-testid="live-problems">
                {errors.into_iter().map(|e| {
                    let label = e.path.field().map_or(e.path.to_string(), |f| f.spec().label.to_string());
                    view! { <li>{format!("{label}: {}", e.message)}</li> }
                }).collect_view()}
            </ul>
        }
    };
    view! {
        <aside class="live-panel" aria-labelledby="live-panel-title">
            <h2 id="live-panel-title">"Live verdict"</h2>
            <Show when=move || assessment.with(Option::is_some) fallback=problems>
                <LiveVerdict assessment=assessment currency=currency/>
            </Show>
        </aside>
    }
}

#[component]
fn LiveVerdict(assessment: Memo<Option<Judgement>>, currency: Signal<String>) -> impl IntoView {
    let text = move |f: &dyn Fn(&Judgement) -> String| {
        assessment.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    view! {
        <p class="live-panel__verdict" aria-live="polite">
            <span class=move || text(&|a| format!("verdict verdict--{}", a.verdict.label().to_ascii_lowercase()))
                data-testid="live-verdict">{move || text(&|a| a.verdict.label().to_string())}</span>
            <span class="live-panel__score">{move || text(&|a| format!("score {} / 100", crate::audit::words::rounding::score_shown(a.score)))}</span>
        </p>
        <ul class="live-panel__criteria">
            {move || assessment.with(|a| a.iter().flat_map(|a| a.criteria.iter()).map(|c| {
                let status = c.status.label();
                view! {
                    <li data-testid=format!("live-{}", c.id.id()) data-status=status.to_ascii_lowercase()>
                        <span class=format!("badge badge--{}", status.to_ascii_lowercase())>{status}</span>
                        " "{c.id.name()}
                    </li>
                }
            }).collect_view())}
        </ul>
        <dl class="live-panel__figures">
            <div><dt>"AI cost per task"</dt><dd>{move || text(&|a| money_or_dash(a.economics.expected.ai_cost_per_task, &currency.get()))}</dd></div>
            <div><dt>"Cost per task today"</dt><dd>{move || text(&|a| money_or_dash(a.economics.expected.baseline_cost_per_task, &currency.get()))}</dd></div>
            <div><dt>"Payback"</dt><dd>{move || text(&|a| payback(a.economics.expected.payback_months))}</dd></div>
        </dl>
    }
}
