//! Compare's table: one column per pilot, one row per figure, the best value in each row
//! marked.

use crate::audit::format::{count, lower_first};
use crate::audit::words::rounding::{percent_down, times_down};
use crate::audit::{Assessment, CriterionId, Headroom, Pilot};
use crate::ui::format::{display_name, money, money_or_dash, payback};
use crate::ui::router::use_location;
use crate::ui::uncertainty::{chance_cell, chances_it_pays};
use crate::ui::{evidence, fingerprint, routes};
use leptos::prelude::*;

/// Which cells of a row hold its best value: the highest (or lowest) known value; ties all
/// marked; nothing marked when fewer than two values are known or all are equal.
pub fn best_cells(values: &[Option<f64>], higher_is_better: bool) -> Vec<bool> {
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    let pick = if higher_is_better { f64::max } else { f64::min };
    let Some(best) = known.iter().copied().reduce(pick) else {
        return vec![false; values.len()];
    };
    if known.len() < 2 || known.iter().all(|v| *v == best) {
        return vec![false; values.len()];
    }
    values.iter().map(|v| *v == Some(best)).collect()
}

/// One row of the table: label, a value per pilot as text, and the values to rank by.
struct Row {
    label: String,
    cells: Vec<String>,
    rank: Option<(Vec<Option<f64>>, bool)>,
}

/// The pilots of the table, a column each, read into rows.
struct Columns<'a>(&'a [(Pilot, Assessment)]);

impl Columns<'_> {
    /// Each pilot's cell of a row.
    fn text(&self, cell: impl Fn(&Pilot, &Assessment) -> String) -> Vec<String> {
        self.0.iter().map(|(p, a)| cell(p, a)).collect()
    }

    /// Each pilot's value in a row, to rank by.
    fn values(&self, value: impl Fn(&Assessment) -> Option<f64>) -> Vec<Option<f64>> {
        self.0.iter().map(|(_, a)| value(a)).collect()
    }

    /// Whether every pilot counts in one currency (money rows are ranked only then).
    fn one_currency(&self) -> bool {
        self.0
            .windows(2)
            .all(|w| w[0].0.currency == w[1].0.currency)
    }
}

fn status_value(a: &Assessment, id: CriterionId) -> Option<f64> {
    a.criteria.iter().find(|c| c.id == id).map(|c| c.score)
}

fn rows(pilots: &[(Pilot, Assessment)]) -> Vec<Row> {
    let columns = Columns(pilots);
    let mut out = verdict_rows(&columns);
    out.extend(reliability_rows(&columns));
    out.extend(money_rows(&columns));
    out
}

/// The verdict, the score and each criterion's status.
fn verdict_rows(columns: &Columns) -> Vec<Row> {
    let mut out = vec![
        Row {
            label: "Verdict".into(),
            cells: columns.text(|_, a| a.verdict.label().to_string()),
            rank: Some((columns.values(|a| Some(f64::from(a.verdict.rank()))), true)),
        },
        Row {
            label: "Score".into(),
            cells: columns.text(|_, a| crate::audit::words::rounding::score_shown(a.score)),
            rank: Some((columns.values(|a| Some(a.score.round())), true)),
        },
    ];
    out.extend(CriterionId::ALL.map(|id| Row {
        label: id.name().to_string(),
        cells: columns.text(|_, a| {
            a.criteria
                .iter()
                .find(|c| c.id == id)
                .map_or("—", |c| c.status.label())
                .to_string()
        }),
        rank: Some((columns.values(|a| status_value(a, id)), true)),
    }));
    out
}

/// What the evidence shows.
fn reliability_rows(columns: &Columns) -> Vec<Row> {
    vec![
        Row {
            label: "Reliability lower bound".into(),
            cells: columns.text(|_, a| percent_down(a.reliability.lower_bound)),
            rank: Some((columns.values(|a| Some(a.reliability.lower_bound)), true)),
        },
        Row {
            label: "Cases counted".into(),
            cells: columns.text(|_, a| evidence::counted_short(&a.reliability.evidence)),
            rank: None,
        },
        Row {
            label: "Test plan".into(),
            cells: columns
                .text(|_, a| evidence::plan_short(a.reliability.plan.as_ref()).to_string()),
            rank: None,
        },
        Row {
            label: "Drift".into(),
            cells: columns.text(|_, a| evidence::drift_short(a.reliability.drift.as_ref())),
            rank: None,
        },
        Row {
            label: "Cases still needed".into(),
            cells: columns.text(|_, a| {
                a.reliability
                    .cases_needed
                    .map_or("—".to_string(), |n| count(n as f64))
            }),
            rank: Some((
                columns.values(|a| a.reliability.cases_needed.map(|n| n as f64)),
                false,
            )),
        },
    ]
}

/// The expected case's money.
fn money_rows(columns: &Columns) -> Vec<Row> {
    let one_currency = columns.one_currency();
    let money_rank =
        |values: Vec<Option<f64>>, higher: bool| one_currency.then_some((values, higher));
    vec![
        Row {
            label: "AI cost per task".into(),
            cells: columns
                .text(|p, a| money_or_dash(a.economics.expected.ai_cost_per_task, &p.currency)),
            rank: money_rank(
                columns.values(|a| a.economics.expected.ai_cost_per_task),
                false,
            ),
        },
        Row {
            label: "Cost per task today".into(),
            cells: columns.text(|p, a| {
                money_or_dash(a.economics.expected.baseline_cost_per_task, &p.currency)
            }),
            rank: None,
        },
        Row {
            label: "Net value a month".into(),
            cells: columns.text(|p, a| money(a.economics.expected.monthly_net_value, &p.currency)),
            rank: money_rank(
                columns.values(|a| Some(a.economics.expected.monthly_net_value)),
                true,
            ),
        },
        Row {
            label: "Payback".into(),
            cells: columns.text(|_, a| payback(a.economics.expected.payback_months)),
            rank: Some((
                columns
                    .values(|a| Some(a.economics.expected.payback_months.unwrap_or(f64::INFINITY))),
                false,
            )),
        },
        Row {
            label: "Net present value".into(),
            cells: columns.text(|p, a| money(a.economics.expected.npv, &p.currency)),
            rank: money_rank(columns.values(|a| Some(a.economics.expected.npv)), true),
        },
        Row {
            label: crate::audit::words::unit_economics::ROI_LABEL.into(),
            cells: columns.text(|_, a| {
                crate::audit::words::unit_economics::roi_words(a.economics.expected.roi)
            }),
            rank: Some((columns.values(|a| a.economics.expected.roi), true)),
        },
        Row {
            label: "AI cost per successful task".into(),
            cells: columns.text(|p, a| money_or_dash(own_option_cost(a), &p.currency)),
            rank: money_rank(columns.values(own_option_cost), false),
        },
        Row {
            label: "Capacity ÷ work".into(),
            cells: columns.text(|_, a| {
                a.sourcing
                    .over_provisioning
                    .map_or("pay per use".to_string(), times_down)
            }),
            rank: None,
        },
        Row {
            label: "Price-shock headroom".into(),
            cells: columns.text(|_, a| match a.sourcing.price_shock_headroom {
                None => "none".to_string(),
                Some(Headroom::Unlimited(_)) => "unlimited".to_string(),
                Some(Headroom::Factor(x)) => times_down(x),
            }),
            rank: Some((
                columns.values(|a| match a.sourcing.price_shock_headroom {
                    None => Some(0.0),
                    Some(Headroom::Unlimited(_)) => Some(f64::INFINITY),
                    Some(Headroom::Factor(x)) => Some(x),
                }),
                true,
            )),
        },
    ]
}

/// The AI cost per successful task of the pilot's own sourcing (DESIGN §12).
fn own_option_cost(a: &Assessment) -> Option<f64> {
    a.sourcing.options.first().and_then(|o| o.cost_per_task)
}

/// The caption's ranking rule, from the rows themselves: which are better lower.
fn ranking_rule(pilots: &[(Pilot, Assessment)]) -> String {
    let lower: Vec<String> = rows(pilots)
        .into_iter()
        .filter(|r| matches!(r.rank, Some((_, false))))
        .map(|r| {
            // "AI cost per task" keeps its capitals; "Payback" reads "payback".
            let acronym = r
                .label
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_uppercase());
            if acronym {
                r.label
            } else {
                lower_first(&r.label)
            }
        })
        .collect();
    format!(
        "★ marks the best value in each row. Lower is better for {}; higher for everything else.",
        and_list(&lower)
    )
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One cell of the table, starred when it holds the row's best value.
fn ranked_cell(text: String, best: bool) -> impl IntoView {
    view! {
        <td class:best=best data-best=best.to_string()>
            {text}
            {best.then(|| view! { " ★"<span class="visually-hidden">" (best)"</span> })}
        </td>
    }
}

/// The table of `pilots`; with `shared` (a shared link's pilots) read-only: names not
/// linked, no column tools.
#[component]
pub fn CompareTable(
    pilots: Vec<(Pilot, Assessment)>,
    #[prop(optional)] shared: bool,
) -> impl IntoView {
    let one_currency = Columns(&pilots).one_currency();
    let head = column_heads(&pilots, shared);
    let chances = chance_row(&pilots);
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="compare-table" data-testid="compare-table">
                <caption>
                    {ranking_rule(&pilots)}
                    {(!one_currency).then_some(" Money rows are not ranked: the pilots use different currencies.")}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Pilot"</th>
                        {head}
                    </tr>
                </thead>
                <tbody>
                    {rows(&pilots).into_iter().map(|row| {
                        let row_label = row.label.clone();
                        let marks = row.rank.map_or_else(|| vec![false; row.cells.len()], |(values, higher)| best_cells(&values, higher));
                        view! {
                            <tr data-row=row_label>
                                <th scope="row">{row.label}</th>
                                {row.cells.into_iter().zip(marks).map(|(cell, best)| ranked_cell(cell, best)).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                    <tr data-row="Fingerprint">
                        <th scope="row">"Fingerprint"</th>
                        {pilots.iter().map(|(p, _)| view! { <td><fingerprint::Fingerprint pilot=p.clone()/></td> }).collect_view()}
                    </tr>
                    {chances}
                </tbody>
            </table>
        </div>
    }
}

/// Each pilot's column head: its name (linked to its report unless `shared`) and the tools
/// that move it left or right or remove it, which rewrite the URL.
fn column_heads(pilots: &[(Pilot, Assessment)], shared: bool) -> impl IntoView {
    let location = use_location();
    let ids: Vec<String> = pilots.iter().map(|(p, _)| p.id.clone()).collect();
    let reorder = move |from: usize, to: Option<usize>| {
        let mut list = ids.clone();
        match to {
            Some(to) if to < list.len() => list.swap(from, to),
            Some(_) => return,
            None => {
                list.remove(from);
            }
        }
        location.navigate(&routes::compare(&list), false);
    };
    let n = pilots.len();
    pilots.iter().enumerate().map(|(i, (p, _))| {
        let (left, right, remove) = (reorder.clone(), reorder.clone(), reorder.clone());
        let name = display_name(p);
        let (left_label, right_label, remove_label) = (format!("Move {name} left"), format!("Move {name} right"), format!("Remove {name}"));
        view! {
            <th scope="col" data-pilot-id=p.id.clone()>
                {if shared { view! { <span>{name}</span> }.into_any() } else { view! { <a href=routes::report(&p.id)>{name}</a> }.into_any() }}
                <span class="column-tools no-print" hidden=shared>
                    <button class="button button--small" type="button" aria-label=left_label disabled=i == 0
                        on:click=move |_| left(i, i.checked_sub(1))>"←"</button>
                    <button class="button button--small" type="button" aria-label=right_label disabled=i + 1 == n
                        on:click=move |_| right(i, Some(i + 1))>"→"</button>
                    <button class="button button--small" type="button" aria-label=remove_label
                        on:click=move |_| remove(i, None)>"×"</button>
                </span>
            </th>
        }
    }).collect_view()
}

/// The chance each pilot's NPV is above zero, drawn in the background: ranked once every
/// pilot is drawn.
fn chance_row(pilots: &[(Pilot, Assessment)]) -> impl IntoView {
    let chances = chances_it_pays(&pilots.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>());
    view! {
        <tr data-row="Chance NPV is above zero">
            <th scope="row">"Chance NPV is above zero"</th>
            {move || chances.with(|drawn| {
                let cells: Vec<(String, Option<f64>)> = drawn.iter().map(chance_cell).collect();
                let settled = drawn.iter().all(Option::is_some);
                let values: Vec<Option<f64>> = cells.iter().map(|(_, v)| *v).collect();
                let marks = if settled { best_cells(&values, true) } else { vec![false; cells.len()] };
                cells.into_iter().zip(marks).map(|((cell, _), best)| ranked_cell(cell, best)).collect_view()
            })}
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::best_cells;

    #[test]
    fn marks_the_best_value_of_a_row() {
        assert_eq!(
            best_cells(&[Some(1.0), Some(3.0), Some(2.0)], true),
            [false, true, false]
        );
        assert_eq!(
            best_cells(&[Some(1.0), Some(3.0), Some(1.0)], false),
            [true, false, true]
        );
        assert_eq!(
            best_cells(&[None, Some(3.0), Some(2.0)], false),
            [false, false, true]
        );
        assert_eq!(
            best_cells(&[Some(2.0), Some(2.0)], true),
            [false, false],
            "all equal: none is best"
        );
        assert_eq!(
            best_cells(&[None, Some(2.0)], true),
            [false, false],
            "one known value ranks nothing"
        );
    }
}
