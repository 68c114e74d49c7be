//! Compare (`/compare?ids=a,b,c`): chosen pilots side by side, the best value in each row
//! marked, a criteria radar, and the portfolio of every saved pilot.

use super::chart_view::ChartView;
use super::format::{money, money_or_dash, payback};
use super::router::use_location;
use super::routes;
use super::state::use_app_state;
use super::uncertainty::{chance_cell, chances_it_pays};
use crate::audit::format::count;
use crate::audit::words::captions::{portfolio_caption, radar_caption};
use crate::audit::words::rounding::percent_down;
use crate::audit::{assess_quick, audit_quick, Assessment, CriterionId, Pilot};
use crate::charts::request::ChartRequest;
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

/// The ids in a raw query string (`ids=a,b%2Cc` → `a`, `b,c`). Read from the raw string, not
/// the router's decoded parameters, so that an id holding a comma (encoded by
/// [`routes::compare`]) stays one id. `decode` undoes `encodeURIComponent`; unlike
/// `URLSearchParams`, `+` stays `+`, and repeated `ids=` lists are read one after another.
pub fn ids_from_search(search: &str, decode: impl Fn(&str) -> String) -> Vec<String> {
    search
        .split('&')
        .filter_map(|pair| pair.strip_prefix("ids="))
        .flat_map(|list| list.split(','))
        .map(|part| decode(part).trim().to_string())
        .filter(|id| !id.is_empty())
        .collect()
}

/// `ids` ranked as the standard ranks pilots, best first (the default order of the columns):
/// by verdict (scale, fix, stop), then by score.
pub fn ranked(
    state: &super::state::AppState,
    ids: impl IntoIterator<Item = String>,
) -> Vec<String> {
    let mut scored: Vec<(String, (u8, f64))> = ids
        .into_iter()
        .map(|id| {
            let key = state.pilot_untracked(&id).map_or((0, -1.0), |p| {
                let a = assess_quick(&p);
                (a.verdict.rank(), a.score)
            });
            (id, key)
        })
        .collect();
    crate::order::sort_by(&mut scored, |a, b| {
        b.1 .0.cmp(&a.1 .0).then(b.1 .1.total_cmp(&a.1 .1))
    });
    scored.into_iter().map(|(id, _)| id).collect()
}

fn set_body_class(class: &str, on: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let list = body.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

/// The compare view.
#[component]
pub fn Compare() -> impl IntoView {
    super::set_title("Compare");
    let state = use_app_state();
    let location = use_location();
    let ids = Memo::new(move |_| {
        location.search.with(|search| {
            ids_from_search(search, |part| {
                js_sys::decode_uri_component(part)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_else(|| part.to_string())
            })
        })
    });
    // Each id once, in the order first given.
    let unique = Memo::new(move |_| {
        let mut seen = std::collections::HashSet::new();
        ids.get()
            .into_iter()
            .filter(|id| seen.insert(id.clone()))
            .collect::<Vec<_>>()
    });
    let chosen = Memo::new(move |_| {
        let list = unique.get();
        state.entries.track();
        list.iter()
            .filter_map(|id| state.pilot_untracked(id))
            .filter_map(|p| audit_quick(&p).ok().map(|a| (p, a)))
            .collect::<Vec<_>>()
    });
    // Pilots with answers to fix are left out of the comparison, and said so (DESIGN §6).
    let drafts = move || {
        let names: Vec<(String, String)> = unique
            .get()
            .iter()
            .filter_map(|id| state.pilot(id))
            .filter_map(|p| p.validate().err().map(|e| (p, e)))
            .map(|(p, e)| {
                let paths = crate::audit::validation::paths_of(&e);
                (
                    routes::report(&p.id),
                    format!(
                        "{} (answers to fix: {paths})",
                        super::format::display_name(&p)
                    ),
                )
            })
            .collect();
        (!names.is_empty()).then(|| {
            view! {
                <div class="notice notice--problem" role="status" data-testid="answers-to-fix">
                    "Left out until their answers are fixed: "
                    {names.into_iter().map(|(href, text)| view! { <a href=href>{text}</a>" " }).collect_view()}
                </div>
            }
        })
    };
    let unknown = move || {
        let list = unique.get();
        let missing: Vec<String> = list
            .into_iter()
            .filter(|id| state.pilot(id).is_none())
            .collect();
        (!missing.is_empty()).then(|| {
            view! {
                <p class="notice notice--problem" role="status" data-testid="unknown-ids">
                    {format!("Not found in this browser, so left out: {}.", missing.join(", "))}
                </p>
            }
        })
    };
    // Paper: the whole document takes the landscape page (print.css, `@page compare`).
    set_body_class("compare-mode", true);
    on_cleanup(|| set_body_class("compare-mode", false));
    view! {
        <div class="compare-page">
            <h1>"Compare pilots"</h1>
            {unknown}
            {drafts}
            {move || {
                let pilots = chosen.get();
                if pilots.len() >= 2 {
                    view! {
                        <div class="actions">
                            <button class="button button--primary" type="button"
                                on:click=|_| super::format::print_page()>"Print"</button>
                            <super::share::ShareButton pilots=pilots.iter().map(|(p, _)| p.clone()).collect()/>
                        </div>
                        <CompareTable pilots=pilots.clone()/>
                        <CompareCharts chosen=pilots/>
                    }.into_any()
                } else {
                    view! { <p class="lede">"Choose two or more saved pilots to compare them side by side."</p> }.into_any()
                }
            }}
            <Picker ids=ids/>
        </div>
    }
}

/// Checkboxes for every saved pilot; Compare writes the choice into the URL.
#[component]
fn Picker(ids: Memo<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    let location = use_location();
    let picked = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| picked.set(ids.get()));
    let compare = move |_| {
        let order = ranked(&state, picked.get_untracked());
        location.navigate(&routes::compare(&order), false);
    };
    view! {
        <section class="picker no-print" aria-labelledby="picker-title">
            <h2 id="picker-title">"Choose pilots"</h2>
            {move || {
                let pilots = state.pilots();
                if pilots.is_empty() {
                    return view! { <p>"No pilot is saved yet. " <a href=routes::LIBRARY>"Go to the library"</a>" to load the examples or add one."</p> }.into_any();
                }
                view! {
                    <ul class="picker__list">
                        {pilots.into_iter().map(|p| {
                            let (id_checked, id_toggle) = (p.id.clone(), p.id.clone());
                            let name = super::format::display_name(&p);
                            view! {
                                <li>
                                    <label>
                                        <input type="checkbox"
                                            prop:checked=move || picked.with(|l| l.contains(&id_checked))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                picked.update(|l| {
                                                    l.retain(|x| x != &id_toggle);
                                                    if on { l.push(id_toggle.clone()); }
                                                });
                                            }/>
                                        " "{name}
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <button class="button button--primary" type="button" on:click=compare
                disabled=move || picked.with(|l| l.len() < 2)>"Compare"</button>
        </section>
    }
}

/// One row of the table: label, a value per pilot as text, and the values to rank by.
struct Row {
    label: String,
    cells: Vec<String>,
    rank: Option<(Vec<Option<f64>>, bool)>,
}

fn status_value(a: &Assessment, id: CriterionId) -> Option<f64> {
    a.criteria.iter().find(|c| c.id == id).map(|c| c.score)
}

fn rows(pilots: &[(Pilot, Assessment)]) -> Vec<Row> {
    let same_currency = pilots
        .windows(2)
        .all(|w| w[0].0.currency == w[1].0.currency);
    let money_rank =
        |values: Vec<Option<f64>>, higher: bool| same_currency.then_some((values, higher));
    let col = |f: &dyn Fn(&Pilot, &Assessment) -> String| {
        pilots.iter().map(|(p, a)| f(p, a)).collect::<Vec<_>>()
    };
    let val = |f: &dyn Fn(&Assessment) -> Option<f64>| {
        pilots.iter().map(|(_, a)| f(a)).collect::<Vec<_>>()
    };
    let mut out = vec![
        Row {
            label: "Verdict".into(),
            cells: col(&|_, a| a.verdict.label().to_string()),
            rank: Some((val(&|a| Some(f64::from(a.verdict.rank()))), true)),
        },
        Row {
            label: "Score".into(),
            cells: col(&|_, a| format!("{:.0}", a.score)),
            rank: Some((val(&|a| Some(a.score.round())), true)),
        },
    ];
    for id in CriterionId::ALL {
        out.push(Row {
            label: id.name().to_string(),
            cells: col(&|_, a| {
                a.criteria
                    .iter()
                    .find(|c| c.id == id)
                    .map_or("—", |c| c.status.label())
                    .to_string()
            }),
            rank: Some((val(&|a| status_value(a, id)), true)),
        });
    }
    out.extend([
        Row {
            label: "Reliability lower bound".into(),
            cells: col(&|_, a| percent_down(a.reliability.lower_bound)),
            rank: Some((val(&|a| Some(a.reliability.lower_bound)), true)),
        },
        Row {
            label: "Cases counted".into(),
            cells: col(&|_, a| super::evidence::counted_short(&a.reliability.evidence)),
            rank: None,
        },
        Row {
            label: "Test plan".into(),
            cells: col(&|_, a| {
                super::evidence::plan_short(a.reliability.plan.as_ref()).to_string()
            }),
            rank: None,
        },
        Row {
            label: "Drift".into(),
            cells: col(&|_, a| super::evidence::drift_short(a.reliability.drift.as_ref())),
            rank: None,
        },
        Row {
            label: "Cases still needed".into(),
            cells: col(&|_, a| {
                a.reliability
                    .cases_needed
                    .map_or("—".to_string(), |n| count(n as f64))
            }),
            rank: Some((
                val(&|a| a.reliability.cases_needed.map(|n| n as f64)),
                false,
            )),
        },
        Row {
            label: "AI cost per task".into(),
            cells: col(&|p, a| money_or_dash(a.economics.expected.ai_cost_per_task, &p.currency)),
            rank: money_rank(val(&|a| a.economics.expected.ai_cost_per_task), false),
        },
        Row {
            label: "Cost per task today".into(),
            cells: col(&|p, a| {
                money_or_dash(a.economics.expected.baseline_cost_per_task, &p.currency)
            }),
            rank: None,
        },
        Row {
            label: "Net value a month".into(),
            cells: col(&|p, a| money(a.economics.expected.monthly_net_value, &p.currency)),
            rank: money_rank(val(&|a| Some(a.economics.expected.monthly_net_value)), true),
        },
        Row {
            label: "Payback".into(),
            cells: col(&|_, a| payback(a.economics.expected.payback_months)),
            rank: Some((
                val(&|a| Some(a.economics.expected.payback_months.unwrap_or(f64::INFINITY))),
                false,
            )),
        },
        Row {
            label: "Net present value".into(),
            cells: col(&|p, a| money(a.economics.expected.npv, &p.currency)),
            rank: money_rank(val(&|a| Some(a.economics.expected.npv)), true),
        },
        Row {
            label: "Return on investment".into(),
            cells: col(&|_, a| {
                a.economics
                    .expected
                    .roi
                    .map_or("—".to_string(), |r| format!("{}%", count(r * 100.0)))
            }),
            rank: Some((val(&|a| a.economics.expected.roi), true)),
        },
    ]);
    out
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

/// A comparison opened from a shared link (DESIGN §11): the table and the radar of the
/// pilots it holds, read-only (no column tools: the URL names no saved pilot). Pilots with
/// answers to fix are named and left out, as in compare.
#[component]
pub fn SharedCompare(pilots: Vec<Pilot>) -> impl IntoView {
    let (valid, drafts): (Vec<Pilot>, Vec<Pilot>) =
        pilots.into_iter().partition(|p| p.validate().is_ok());
    let chosen: Vec<(Pilot, Assessment)> = valid
        .into_iter()
        .map(|p| {
            let a = assess_quick(&p);
            (p, a)
        })
        .collect();
    let radar = ChartRequest::Radar {
        pilots: chosen.iter().map(|(p, _)| p.clone()).collect(),
    };
    set_body_class("compare-mode", true);
    on_cleanup(|| set_body_class("compare-mode", false));
    view! {
        <div class="compare-page">
            <h1>"Compare pilots"</h1>
            {(!drafts.is_empty()).then(|| view! {
                <p class="notice notice--problem" role="status" data-testid="answers-to-fix">
                    {format!("Left out until their answers are fixed: {}.", drafts.iter().map(super::format::display_name).collect::<Vec<_>>().join(", "))}
                </p>
            })}
            <div class="actions">
                <button class="button button--primary" type="button" on:click=|_| super::format::print_page()>"Print"</button>
            </div>
            <CompareTable pilots=chosen shared=true/>
            <div class="report-charts">
                <ChartView chart=radar label="Radar chart of the criterion scores of the shared pilots" caption="Criterion scores (0–100) of the shared pilots.".to_string()/>
            </div>
        </div>
    }
}

#[component]
fn CompareTable(pilots: Vec<(Pilot, Assessment)>, #[prop(optional)] shared: bool) -> impl IntoView {
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
    let chances = chances_it_pays(&pilots.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>());
    let same_currency = pilots
        .windows(2)
        .all(|w| w[0].0.currency == w[1].0.currency);
    view! {
        <div class="table-wrap">
            <table class="compare-table" data-testid="compare-table">
                <caption>
                    "★ marks the best value in each row. Lower is better for cases still needed, AI cost per task and payback; higher for everything else."
                    {(!same_currency).then_some(" Money rows are not ranked: the pilots use different currencies.")}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Pilot"</th>
                        {pilots.iter().enumerate().map(|(i, (p, _))| {
                            let reorder = reorder.clone();
                            let (left, right, remove) = (reorder.clone(), reorder.clone(), reorder);
                            let name = super::format::display_name(p);
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
                        }).collect_view()}
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
                        {pilots.iter().map(|(p, _)| view! { <td><super::fingerprint::Fingerprint pilot=p.clone()/></td> }).collect_view()}
                    </tr>
                    <tr data-row="Chance NPV is above zero">
                        <th scope="row">"Chance NPV is above zero"</th>
                        {move || chances.with(|drawn| {
                            let cells: Vec<(String, Option<f64>)> = drawn.iter().map(chance_cell).collect();
                            // Ranked once every pilot is drawn.
                            let settled = drawn.iter().all(Option::is_some);
                            let values: Vec<Option<f64>> = cells.iter().map(|(_, v)| *v).collect();
                            let marks = if settled { best_cells(&values, true) } else { vec![false; cells.len()] };
                            cells.into_iter().zip(marks).map(|((cell, _), best)| ranked_cell(cell, best)).collect_view()
                        })}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn CompareCharts(chosen: Vec<(Pilot, Assessment)>) -> impl IntoView {
    let state = use_app_state();
    // Only pilots whose answers are valid have figures to plot.
    let everyone: Vec<Pilot> = state
        .pilots()
        .into_iter()
        .filter(|p| p.validate().is_ok())
        .collect();
    let radar_caption = radar_caption(&chosen);
    let scatter_caption = portfolio_caption(everyone.len());
    view! {
        <div class="report-charts">
            <ChartView chart=ChartRequest::Radar { pilots: chosen.iter().map(|(p, _)| p.clone()).collect() } label="Radar chart of the criterion scores of the chosen pilots" caption=radar_caption/>
            <ChartView chart=ChartRequest::Portfolio { pilots: everyone } label="Portfolio scatter of all saved pilots" caption=scatter_caption/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{best_cells, ids_from_search};

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

    /// `decodeURIComponent` for the test: %XX escapes of ASCII.
    fn decode(part: &str) -> String {
        let mut out = String::new();
        let mut rest = part;
        while let Some(i) = rest.find('%') {
            out.push_str(&rest[..i]);
            let byte = u8::from_str_radix(&rest[i + 1..i + 3], 16).unwrap();
            out.push(char::from(byte));
            rest = &rest[i + 3..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn an_id_with_a_comma_stays_one_id() {
        assert_eq!(
            ids_from_search("ids=a,b%2Cc,d%26e", decode),
            ["a", "b,c", "d&e"]
        );
        assert_eq!(ids_from_search("x=1&ids=a,,%20b%20", decode), ["a", "b"]);
        assert!(ids_from_search("", decode).is_empty());
        assert!(ids_from_search("idsx=a", decode).is_empty());
    }
}
