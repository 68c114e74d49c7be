//! The report's uncertainty (DESIGN §10, first part): the chance the pilot meets its target,
//! the chance more testing demonstrates it, and the power of test plans — which needs no
//! evidence, so it is shown even before the buyer has tested.

use crate::audit::format::{count, percent};
use crate::audit::uncertainty::{CHANCE_WANTED, MAX_MORE_CASES, POWER_FRACTIONS};
use crate::audit::Assessment;
use leptos::prelude::*;

/// A probability as the report writes it: a percentage, never "0%" or "100%" for what is
/// only nearly so.
pub fn chance(p: f64) -> String {
    if p > 0.0 && p < 0.001 {
        "under 0.1%".to_string()
    } else if p < 1.0 && p > 0.999 {
        "over 99.9%".to_string()
    } else {
        percent(p)
    }
}

/// The uncertainty section of the report.
#[component]
pub fn Uncertainty(assessment: Assessment) -> impl IntoView {
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
    let rates: Vec<f64> = r
        .power
        .iter()
        .take(POWER_FRACTIONS.len())
        .map(|p| p.true_failure_rate)
        .collect();
    let rows: Vec<_> = r
        .power
        .chunks(POWER_FRACTIONS.len())
        .map(|row| row.to_vec())
        .collect();
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
            }.into_any()
        } else {
            view! {
                <p data-testid="test-first"><strong>"Test on your own cases first: "</strong>"the chance the pilot meets its target, and the chance more testing demonstrates it, need your own counted evidence. What a test plan can show needs none:"</p>
            }.into_any()
        }}
        <div class="table-wrap">
            <table class="power-table" data-testid="power">
                <caption>{format!("Chance a test plan passes, by the true failure rate (the target allows {})", percent(rates.first().copied().unwrap_or_default()))}</caption>
                <thead><tr>
                    <th scope="col">"Plan"</th>
                    {rates.iter().map(|q| view! { <th scope="col" class="num">{format!("at {}", percent(*q))}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let head = row.first().map(|p| match p.planned_cases {
                            Some(n) => format!("{} cases, {} allowed", count(n as f64), crate::audit::format::plural(p.allowed_failures, "failure", "failures")),
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
        </div>
    }
}
