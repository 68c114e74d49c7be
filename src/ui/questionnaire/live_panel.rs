//! The live verdict beside the form: verdict, score, the seven criteria, cost per task,
//! payback — recomputed as the person types.

use crate::audit::{assess, Pilot};
use crate::ui::format::{money_or_dash, payback};
use leptos::prelude::*;

/// The panel; `data-testid="live-verdict"` marks the verdict for tests.
#[component]
pub fn LivePanel(pilot: RwSignal<Pilot>) -> impl IntoView {
    let assessment = Memo::new(move |_| pilot.with(assess));
    let currency = move || pilot.with(|p| p.currency.clone());
    view! {
        <aside class="live-panel" aria-labelledby="live-panel-title">
            <h2 id="live-panel-title">"Live verdict"</h2>
            <p class="live-panel__verdict" aria-live="polite">
                <span class=move || format!("verdict verdict--{}", assessment.with(|a| a.verdict.label().to_lowercase()))
                    data-testid="live-verdict">{move || assessment.with(|a| a.verdict.label())}</span>
                <span class="live-panel__score">{move || assessment.with(|a| format!("score {:.0} / 100", a.score))}</span>
            </p>
            <ul class="live-panel__criteria">
                {move || assessment.with(|a| a.criteria.iter().map(|c| {
                    let status = c.status.label();
                    view! {
                        <li data-testid=format!("live-{}", c.id.id()) data-status=status.to_lowercase()>
                            <span class=format!("badge badge--{}", status.to_lowercase())>{status}</span>
                            " "{c.id.name()}
                        </li>
                    }
                }).collect_view())}
            </ul>
            <dl class="live-panel__figures">
                <div><dt>"AI cost per task"</dt><dd>{move || assessment.with(|a| money_or_dash(a.economics.expected.ai_cost_per_task, &currency()))}</dd></div>
                <div><dt>"Cost per task today"</dt><dd>{move || assessment.with(|a| money_or_dash(a.economics.expected.baseline_cost_per_task, &currency()))}</dd></div>
                <div><dt>"Payback"</dt><dd>{move || assessment.with(|a| payback(a.economics.expected.payback_months))}</dd></div>
            </dl>
        </aside>
    }
}
