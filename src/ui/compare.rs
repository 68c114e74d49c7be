//! Compare (`/compare?ids=a,b,c`): chosen pilots side by side, the best value in each row
//! marked, a criteria radar, and the portfolio of every saved pilot.

mod table;

use super::chart_view::ChartView;
use super::router::use_location;
use super::routes;
use super::state::{use_app_state, AppState};
use crate::audit::words::captions::{portfolio_caption, radar_caption};
use crate::audit::{assess_quick, audit_quick, Assessment, Pilot};
use crate::charts::request::ChartRequest;
use leptos::prelude::*;
use table::CompareTable;

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
pub fn ranked(state: &AppState, ids: impl IntoIterator<Item = String>) -> Vec<String> {
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
    // Paper: the whole document takes the landscape page (print.css, `@page compare`).
    set_body_class("compare-mode", true);
    on_cleanup(|| set_body_class("compare-mode", false));
    view! {
        <div class="compare-page">
            <h1>"Compare pilots"</h1>
            {move || not_found(state, unique.get())}
            {move || answers_to_fix(state, unique.get())}
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

/// The chosen ids this browser holds no pilot of, said so.
fn not_found(state: AppState, ids: Vec<String>) -> Option<impl IntoView> {
    let missing: Vec<String> = ids
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
}

/// The chosen pilots with answers to fix, which are left out of the comparison, said so
/// (DESIGN §6) with a link to each.
fn answers_to_fix(state: AppState, ids: Vec<String>) -> Option<impl IntoView> {
    let names: Vec<(String, String)> = ids
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
    use super::ids_from_search;

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
