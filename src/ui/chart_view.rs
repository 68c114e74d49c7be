//! A chart box: fixed height (no layout jump), ECharts loaded on first use, a caption with
//! the key figures for screen readers and for anyone who prefers numbers.

use crate::charts::echarts::{self, RenderedChart};
use crate::charts::request::ChartRequest;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

/// Size, in CSS pixels, of the paper copy of a report chart: the aspect of its printed box
/// (print.css, `.chart`: 31 mm high, a third of the page's width: 61 mm on A4), so that
/// ECharts' 12 px text prints at about 7.3 pt (31 mm ÷ 144 px × 12 px), above the 6.5 pt of
/// DESIGN §5.
pub const REPORT_PRINT_SIZE: (u32, u32) = (284, 144);

type Drawn = StoredValue<Option<SendWrapper<RenderedChart>>, LocalStorage>;

/// Keep a drawn chart so that it is disposed with its view; dispose it at once if the view
/// has already gone.
fn keep(slot: Drawn, chart: RenderedChart) {
    if let Some(Some(orphan)) = slot.try_set_value(Some(SendWrapper::new(chart))) {
        orphan.take().dispose();
    }
}

/// Draws `chart` once the element is in the page; disposes it when the view goes away.
/// With `print_size`, a second copy drawn at that size is the one printed (see
/// [`echarts::render_at`]).
#[component]
pub fn ChartView(
    chart: ChartRequest,
    label: &'static str,
    caption: String,
    #[prop(optional)] print_size: Option<(u32, u32)>,
) -> impl IntoView {
    let element = NodeRef::<Div>::new();
    let paper = NodeRef::<Div>::new();
    let problem = RwSignal::new(None::<String>);
    let rendered: Drawn = StoredValue::new_local(None);
    let rendered_paper: Drawn = StoredValue::new_local(None);
    let has_paper_copy = RwSignal::new(false);
    // Drawn, or failed with its message shown: either way nothing is left to wait for.
    let settled = RwSignal::new(false);
    let chart = SendWrapper::new(chart);
    Effect::new(move |_| {
        let Some(el) = element.get() else { return };
        let chart = chart.clone();
        spawn_local(async move {
            // ECharts and the chart module load side by side.
            let module = echarts::start_chart_module();
            let option = match echarts::load().await {
                Ok(()) => echarts::chart_option(module, &chart).await,
                Err(e) => Err(e),
            };
            // The view may have gone while the chart loaded: then draw nothing.
            if rendered.is_disposed() {
                return;
            }
            let drawn = option.and_then(|option| {
                if let (Some(size), Some(paper)) = (print_size, paper.get_untracked()) {
                    // Without a paper copy, paper gets the screen copy, scaled down.
                    if let Ok(done) = echarts::render_at(&paper, &option, size) {
                        keep(rendered_paper, done);
                        has_paper_copy.set(true);
                    }
                }
                echarts::render(&el, &option)
            });
            match drawn {
                Ok(done) => keep(rendered, done),
                Err(e) => problem.set(Some(format!(
                    "The chart could not be drawn: {e}. The figures are in the caption below."
                ))),
            }
            settled.set(true);
        });
    });
    on_cleanup(move || {
        for drawn in [rendered, rendered_paper] {
            if let Some(chart) = drawn.try_update_value(Option::take).flatten() {
                chart.take().dispose();
            }
        }
    });
    view! {
        // `data-drawn` tells print.css and the Print button that the chart is there: a print
        // started before it prints the caption (the chart's text alternative) in its place.
        <figure class="chart-figure" data-drawn=move || settled.get().then_some("true")>
            <div class="chart" class:chart--has-paper-copy=move || has_paper_copy.get() node_ref=element role="img" aria-label=label data-testid="chart"></div>
            {print_size.map(|_| view! { <div class="chart chart--paper" node_ref=paper aria-hidden="true"></div> })}
            {move || problem.get().map(|p| view! { <p class="notice">{p}</p> })}
            // The title prints under each drawn chart; the caption (the figures in words) prints
            // only in place of a chart not drawn: on paper the chart says it.
            <figcaption><strong class="chart-figure__title">{format!("{label}. ")}</strong><span class="chart-figure__text">{caption}</span></figcaption>
        </figure>
    }
}
