//! A chart box: fixed height (no layout jump), ECharts loaded on first use, a caption with
//! the key figures for screen readers and for anyone who prefers numbers.

use crate::charts::echarts::{self, RenderedChart};
use crate::charts::request::ChartRequest;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

/// Draws `chart` once the element is in the page; disposes it when the view goes away.
#[component]
pub fn ChartView(chart: ChartRequest, label: &'static str, caption: String) -> impl IntoView {
    let element = NodeRef::<Div>::new();
    let problem = RwSignal::new(None::<String>);
    let rendered: StoredValue<Option<SendWrapper<RenderedChart>>, LocalStorage> =
        StoredValue::new_local(None);
    let chart = SendWrapper::new(chart);
    Effect::new(move |_| {
        let Some(el) = element.get() else { return };
        let chart = chart.clone();
        spawn_local(async move {
            // ECharts and the chart module load side by side.
            let module = echarts::start_chart_module();
            let outcome = match echarts::load().await {
                Ok(()) => match echarts::chart_option(module, &chart).await {
                    Ok(option) => echarts::render(&el, &option),
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            };
            match outcome {
                Ok(done) => rendered.set_value(Some(SendWrapper::new(done))),
                Err(e) => problem.set(Some(format!(
                    "The chart could not be drawn: {e}. The figures are in the caption below."
                ))),
            }
        });
    });
    on_cleanup(move || {
        if let Some(chart) = rendered.try_update_value(Option::take).flatten() {
            chart.take().dispose();
        }
    });
    view! {
        <figure class="chart-figure">
            <div class="chart" node_ref=element role="img" aria-label=label data-testid="chart"></div>
            {move || problem.get().map(|p| view! { <p class="notice">{p}</p> })}
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
