//! The report's uncertainty (DESIGN §10, first part): the chance the pilot meets its target,
//! the chance more testing demonstrates it, and the power of test plans — which needs no
//! evidence, so it is shown even before the buyer has tested.

use super::chart_view::{ChartView, REPORT_PRINT_SIZE};
use super::format::money;
use crate::audit::format::{chance, count, draw_share, percent, plural};
use crate::audit::schema::Field;
use crate::audit::simulation::{Simulation, DRAWS};
use crate::audit::uncertainty::{CHANCE_WANTED, MAX_MORE_CASES, POWER_FRACTIONS};
use crate::audit::words::reliability::power_words;
use crate::audit::{Assessment, Pilot, PowerRow};
use crate::charts::echarts;
use crate::charts::report as report_charts;
use crate::charts::request::ChartRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the chart module's simulation of a pilot gave: still drawing, the figures, none
/// (no evidence of the buyer's own) or why it could not be drawn.
type Drawn = Option<Result<Option<Simulation>, crate::error::AppError>>;

/// Simulate `pilot` in the chart module, off the typing path; the answer lands in `into`
/// (if the view is still there).
fn simulate_into(pilot: &Pilot, into: RwSignal<Drawn>) {
    let pilot = pilot.clone();
    spawn_local(async move {
        let answer = echarts::simulation(&pilot).await;
        let _ = into.try_set(Some(answer));
    });
}

/// The chance the pilot pays (DESIGN §10): P(NPV > 0), the NPV's 5th, 50th and 95th
/// percentiles, the chance of payback within 12 months and the histogram, from the chart
/// module's draws. While they are drawn the block is marked pending, so that Print waits.
#[component]
fn ChanceItPays(pilot: Pilot) -> impl IntoView {
    let drawn = RwSignal::<Drawn>::new(None);
    simulate_into(&pilot, drawn);
    let ranged: Vec<&str> = Field::ranged()
        .filter(|f| f.spec().range(&pilot).is_some())
        .map(|f| f.spec().label)
        .collect();
    let draws = count(f64::from(DRAWS));
    let (source, drawn_from) = if ranged.is_empty() {
        (
            format!("From {draws} draws of the failure rate your evidence allows; every other answer as given (give a low and a high end to answers you are unsure of, and they are drawn too)."),
            format!("from {draws} draws of the failure rate your evidence allows"),
        )
    } else {
        let answers = plural(ranged.len() as u64, "answer", "answers");
        (
            format!(
                "From {draws} draws of the failure rate your evidence allows and of {answers} given as ranges: {}.",
                ranged.join(", ").to_ascii_lowercase()
            ),
            format!("from {draws} draws of the failure rate your evidence allows and of {answers} within their ranges"),
        )
    };
    move || {
        match drawn.get() {
        None => view! {
            <p class="muted" role="status" data-pending="true" data-testid="simulation-pending">
                {format!("Drawing {draws} scenarios…")}
            </p>
        }
        .into_any(),
        Some(Err(e)) => view! {
            <p class="notice notice--problem" data-testid="simulation-error">{format!("The chance it pays could not be drawn: {e}.")}</p>
        }
        .into_any(),
        Some(Ok(None)) => ().into_any(),
        Some(Ok(Some(sim))) => {
            let cur = pilot.currency.clone();
            let caption = report_charts::npv_histogram_caption(&cur, &sim);
            view! {
                <div class="simulation" data-testid="simulation">
                    <div class="simulation__figures screen-only">
                        <h3>"Chance it pays"</h3>
                        <dl class="figures">
                            <div><dt>"Chance the NPV is above zero"</dt><dd data-testid="p-npv-positive">{draw_share(sim.p_npv_positive)}</dd></div>
                            <div><dt>"Chance of payback within 12 months"</dt><dd data-testid="p-payback-12">{draw_share(sim.p_payback_within_12)}</dd></div>
                            <div><dt>"NPV, 5th to 95th percentile"</dt><dd data-testid="npv-range">{format!("{} to {}", money(sim.npv_p5, &cur), money(sim.npv_p95, &cur))}</dd></div>
                            <div><dt>"Median NPV"</dt><dd data-testid="npv-median">{money(sim.npv_p50, &cur)}</dd></div>
                        </dl>
                        <p class="muted simulation__source">{source.clone()}</p>
                    </div>
                    // On paper the same figures in one sentence: the tiles would take a third
                    // of a page the two pages do not have.
                    <p class="simulation__sentence print-block" data-testid="simulation-sentence">
                        <strong>"Chance it pays, "</strong>{format!(
                            "{drawn_from}: NPV above zero in {} of draws, payback within 12 months in {}; NPV {} at the 5th percentile, {} at the median, {} at the 95th.",
                            draw_share(sim.p_npv_positive),
                            draw_share(sim.p_payback_within_12),
                            money(sim.npv_p5, &cur),
                            money(sim.npv_p50, &cur),
                            money(sim.npv_p95, &cur)
                        )}
                    </p>
                    <ChartView chart=ChartRequest::NpvHistogram { currency: cur.clone(), simulation: sim.clone() } label="What the NPV may be" caption=caption print_size=REPORT_PRINT_SIZE/>
                </div>
            }
            .into_any()
        }
    }
    }
}

/// The chance each pilot pays, one cell per pilot, for compare's table (DESIGN §10): drawn
/// in the chart module one pilot after another; "test first" without the buyer's evidence.
pub fn chances_it_pays(pilots: &[Pilot]) -> RwSignal<Vec<Drawn>> {
    let cells = RwSignal::new(vec![None; pilots.len()]);
    let pilots = pilots.to_vec();
    spawn_local(async move {
        for (i, pilot) in pilots.iter().enumerate() {
            let answer = echarts::simulation(pilot).await;
            if cells
                .try_update(|c| {
                    if let Some(cell) = c.get_mut(i) {
                        *cell = Some(answer);
                    }
                })
                .is_none()
            {
                return; // the view has gone
            }
        }
    });
    cells
}

/// One compare cell of [`chances_it_pays`].
pub fn chance_cell(drawn: &Drawn) -> (String, Option<f64>) {
    match drawn {
        None => ("drawing…".to_string(), None),
        Some(Ok(Some(sim))) => (draw_share(sim.p_npv_positive), Some(sim.p_npv_positive)),
        Some(Ok(None)) => ("test first".to_string(), None),
        Some(Err(_)) => ("could not be drawn".to_string(), None),
    }
}

/// The uncertainty section of the report.
#[component]
pub fn Uncertainty(pilot: Pilot, assessment: Assessment) -> impl IntoView {
    let r = assessment.reliability;
    let own = r.p_meets_target.is_some();
    let chances = r
        .chance_to_demonstrate
        .iter()
        .map(|c| {
            format!(
                "{} with {} more",
                chance(c.probability),
                count(c.more_cases as f64)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let eighty = match r.cases_for_80_percent {
        Some(0) => "none: demonstrated".to_string(),
        Some(m) => format!("{} more cases", count(m as f64)),
        None => format!("none up to {} more cases", count(MAX_MORE_CASES as f64)),
    };
    let in_force = pilot
        .reliability
        .plans
        .last()
        .map(|p| u64::from(p.allowed_failures));
    let power_sentence = power_words(&r.power, in_force);
    let power = r.power.clone();
    view! {
        <h2>"Uncertainty"</h2>
        <div class="uncertainty">
        {if own {
            view! {
                <dl class="figures">
                    <div><dt>"Chance it meets the target"</dt><dd data-testid="p-meets-target">{r.p_meets_target.map(chance)}</dd></div>
                    <div><dt>{format!("More cases for an {} chance to demonstrate", percent(CHANCE_WANTED))}</dt><dd data-testid="cases-for-80">{eighty}</dd></div>
                    {(!chances.is_empty()).then(|| view! {
                        <div class="figures__wide"><dt>"Chance to demonstrate"</dt><dd data-testid="chance-to-demonstrate">{chances}</dd></div>
                    })}
                </dl>
                <ChanceItPays pilot=pilot.clone()/>
            }.into_any()
        } else {
            view! {
                <p data-testid="test-first"><strong>"Test on your own cases first: "</strong>"the chance the pilot meets its target, the chance more testing demonstrates it, and the chance it pays need your own counted evidence. What a test plan can show needs none:"</p>
            }.into_any()
        }}
        // On paper one sentence; the whole table is in the appendix (DESIGN §5: two pages).
        <div class="screen-only"><PowerTable power=power testid="power"/></div>
        {power_sentence.map(|text| view! {
            <p class="print-block" data-testid="power-sentence">{text}" The whole table prints with the answers."</p>
        })}
        </div>
    }
}

/// The power table of DESIGN §10: for each plan (allowed failures 0–3, its success-run
/// cases), the chance it passes at each true failure rate.
#[component]
pub fn PowerTable(power: Vec<PowerRow>, testid: &'static str) -> impl IntoView {
    let rates: Vec<f64> = power
        .iter()
        .take(POWER_FRACTIONS.len())
        .map(|p| p.true_failure_rate)
        .collect();
    let rows: Vec<_> = power
        .chunks(POWER_FRACTIONS.len())
        .map(|row| row.to_vec())
        .collect();
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="power-table" data-testid=testid>
                <caption>{format!("Chance a test plan passes, by the true failure rate (the target allows {})", percent(rates.first().copied().unwrap_or_default()))}</caption>
                <thead><tr>
                    <th scope="col">"Plan"</th>
                    {rates.iter().map(|q| view! { <th scope="col" class="num">{format!("at {}", percent(*q))}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let head = row.first().map(|p| match p.planned_cases {
                            Some(n) => format!("{} cases, {} allowed", count(n as f64), plural(p.allowed_failures, "failure", "failures")),
                            None => "cannot demonstrate".to_string(),
                        }).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{head}</th>
                                {row.iter().map(|p| view! { <td class="num">{p.probability.map_or("—".to_string(), chance)}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
