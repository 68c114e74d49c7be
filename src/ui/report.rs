//! The report (`/pilot/:id`): verdict, score, the seven criteria, reliability and economics.

use super::chart_view::{ChartView, REPORT_PRINT_SIZE};
use super::evidence;
use super::format::{money, money_or_dash, payback};
use super::routes;
use super::state::use_app_state;
use super::steps::{question_steps, step_of};
use super::transfer::ExportButton;
use crate::audit::economics::judged_horizon;
use crate::audit::examples::is_example_id;
use crate::audit::format::{count, percent, plural, upper_first};
use crate::audit::schema::Kind;
use crate::audit::sourcing;
use crate::audit::standard::UTILIZATION_RULES;
use crate::audit::words::rounding::{money_down, percent_beside, percent_down, percent_up};
use crate::audit::words::sourcing as words_sourcing;
use crate::audit::words::summary::first_words;
use crate::audit::words::unit_economics::{headroom_words, roi_words, unserved_words, ROI_LABEL};
use crate::audit::{Assessment, EconomicCase, Pilot, PowerRow, STANDARD_VERSION};
use crate::charts::report as report_charts;
use crate::charts::request::ChartRequest;
use leptos::prelude::*;

/// The report view for the pilot named in the path.
#[component]
pub fn Report() -> impl IntoView {
    let state = use_app_state();
    let location = super::router::use_location();
    let id = move || location.pilot_id();
    move || match state.pilot(&id()) {
        Some(pilot) => view! { <ReportBody pilot=pilot owner=Some(owner_actions)/> }.into_any(),
        None => view! { <MissingPilot id=id()/> }.into_any(),
    }
}

#[component]
fn MissingPilot(id: String) -> impl IntoView {
    // The examples themselves are only in the library's wasm (DESIGN §7): it loads them and
    // comes back here.
    let example = is_example_id(&id).then(|| routes::load_examples_then(&id));
    super::set_title("Pilot not found");
    view! {
        <h1>"Pilot not found"</h1>
        <p>"No pilot with the id " <code>{id}</code> " is saved in this browser."</p>
        <div class="actions">
            {example.map(|href| view! { <a href=href class="button button--primary">"Load example pilots"</a> })}
            <a href=routes::LIBRARY class="button">"Go to the library"</a>
        </div>
    }
}

/// What the owner of a saved pilot can do from its report: edit, export, share. None for a
/// pilot opened from a shared link (not saved here), so that the shared view's wasm carries
/// none of it (DESIGN §7).
type OwnerActions = Option<fn(Pilot) -> AnyView>;

/// Edit answers, Export this pilot, Share.
fn owner_actions(pilot: Pilot) -> AnyView {
    let edit = routes::edit(&pilot.id, 1);
    let share_copy = vec![pilot.clone()];
    view! {
        <a href=edit class="button">"Edit answers"</a>
        <ExportButton label="Export this pilot" which=Callback::new(move |()| vec![pilot.clone()])/>
        <super::share::ShareButton pilots=share_copy/>
    }
    .into_any()
}

#[component]
fn ReportBody(pilot: Pilot, owner: OwnerActions) -> impl IntoView {
    let shared = owner.is_none();
    match crate::audit::audit(&pilot) {
        Ok(a) => view! { <Assessed pilot=pilot a=a owner=owner/> }.into_any(),
        Err(errors) => view! { <AnswersToFix pilot=pilot errors=errors shared=shared/> }.into_any(),
    }
}

/// The report of a pilot opened from a shared link (DESIGN §11): the same figures, read-only
/// (nothing to edit: it is not saved here).
#[component]
pub fn SharedReport(pilot: Pilot) -> impl IntoView {
    view! { <ReportBody pilot=pilot owner=None/> }
}

/// A pilot whose answers fail validation: which answers, each a link to its question, and
/// no verdict or figure (DESIGN §6).
#[component]
fn AnswersToFix(
    pilot: Pilot,
    errors: Vec<crate::audit::FieldError>,
    shared: bool,
) -> impl IntoView {
    super::set_title(&format!(
        "{} · Answers to fix",
        super::format::display_name(&pilot)
    ));
    let export_copy = pilot.clone();
    let id = pilot.id.clone();
    view! {
        <article class="report">
            <h1>{super::format::display_name(&pilot)}</h1>
            <section class="verdict-box" aria-label="Verdict">
                <span>"Verdict: "<span class="verdict verdict--draft" data-testid="verdict">"Answers to fix"</span></span>
                <span class="verdict-box__why">"No verdict and no figures until every answer is valid."</span>
            </section>
            <div class="error-summary" data-testid="answers-to-fix">
                <h2>{plural(errors.len() as u64, "answer to fix", "answers to fix")}</h2>
                <ul>
                    {errors.into_iter().map(|e| {
                        let field = e.path.field();
                        let label = field.map_or(e.path.to_string(), |f| f.spec().label_with_unit(&pilot.currency));
                        // A shared pilot is not saved here: nothing to link to.
                        let href = field.filter(|_| !shared).and_then(|f| step_of(f).map(|step| routes::edit_field(&id, step, f)));
                        let text = format!("{label} ({}): {}", e.path, e.message);
                        match href {
                            Some(href) => view! { <li><a href=href>{text}</a></li> }.into_any(),
                            None => view! { <li>{text}</li> }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            </div>
            <div class="actions">
                <ExportButton label="Export this pilot" which=Callback::new(move |()| vec![export_copy.clone()])/>
            </div>
        </article>
    }
}

#[component]
fn Assessed(pilot: Pilot, a: Assessment, owner: OwnerActions) -> impl IntoView {
    let verdict = a.verdict.label();
    let heading = super::format::display_name(&pilot);
    super::set_title(&format!("{heading} · Report"));
    let long_title = heading.chars().count() > 80;
    let today = crate::ui::clock::today();
    let vendor = if pilot.vendor.is_empty() {
        "No vendor named".to_string()
    } else {
        pilot.vendor.clone()
    };
    let owned = owner.map(|actions| actions(pilot.clone()));
    let first = first_words(&a, &pilot);
    view! {
        <article class="report">
            <h1 class=("report__title--long", long_title)>{heading.clone()}</h1>
            <p class="muted report__meta">
                {vendor}" · Assessed on "{today}" against Pilot Audit standard version "{STANDARD_VERSION}
                " · Fingerprint "<super::fingerprint::Fingerprint pilot=pilot.clone()/>
            </p>
            <div class="actions">
                <button class="button button--primary" type="button" data-testid="print-button"
                    on:click=|_| super::format::print_page()>"Print"</button>
                <button class="button" type="button" data-testid="print-answers-button"
                    on:click=|_| super::format::print_with_answers()>"Print with answers"</button>
                {owned}
            </div>
            <section class="verdict-box" aria-label="Verdict">
                <span>"Verdict: "<span class=format!("verdict verdict--{}", verdict.to_ascii_lowercase()) data-testid="verdict">{verdict}</span></span>
                <span>"Score: "<strong data-testid="score">{crate::audit::words::rounding::score_shown(a.score)}</strong>" / 100"</span>
                <span class="verdict-box__why">{first.verdict}</span>
            </section>
            // The three questions a first-time reader asks, before any table (issue 32): on
            // screen; on paper the criteria table that follows says it.
            <div class="first-words screen-only" data-testid="first-words" data-decider=first.decider.id()>
                <p><strong>"Why: "</strong><span data-testid="reason">{first.reason}</span></p>
                <p><strong>"Next step: "</strong><span data-testid="next-step">{first.next_step}</span></p>
            </div>
            <CriteriaTable assessment=a.clone()/>
            <ReliabilityFigures pilot=pilot.clone() assessment=a.clone()/>
            <super::uncertainty::Uncertainty pilot=pilot.clone() assessment=a.clone()/>
            <EconomicsTable pilot=pilot.clone() assessment=a.clone()/>
            <SourcingSection pilot=pilot.clone() assessment=a.clone()/>
            <WhatItWouldTake pilot=pilot.clone() assessment=a.clone()/>
            <ReportCharts pilot=pilot.clone() assessment=a.clone()/>
            <Appendix pilot=pilot power=a.reliability.power.clone()/>
        </article>
    }
}

/// Sourcing (DESIGN §12): the pilot's own way of running the model beside the other one,
/// shown when the pilot has a GPU block or another option. On paper the table, the
/// sentences and the chart's text alternative are one paragraph, and the headroom is said
/// once, in "What it would take": the two pages have no room for more (DESIGN §5).
#[component]
fn SourcingSection(pilot: Pilot, assessment: Assessment) -> impl IntoView {
    let block = sourcing::gpu_block(&pilot.compute);
    let s = assessment.sourcing.clone();
    if block.is_none() && s.options.len() < 2 {
        return None;
    }
    let cur = pilot.currency.clone();
    let volume = pilot.task.monthly_volume;
    let rows = s
        .options
        .iter()
        .map(|o| {
            let name = upper_first(crate::audit::words::defensibility::model(o.sourcing));
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td class="num">{money(o.monthly_cost, &cur)}</td>
                    <td class="num">{money_or_dash(o.cost_per_task, &cur)}</td>
                    <td class="num">{o.capacity.map_or_else(|| "pay per use".to_string(), count)}</td>
                    <td class="num">{o.utilization.map_or_else(|| "—".to_string(), |u| percent_beside(u, &UTILIZATION_RULES))}</td>
                </tr>
            }
        })
        .collect_view();
    let gpus = block.map(|g| g.gpus);
    let findings = words_sourcing::findings(&s, gpus, volume, &cur);
    let paper = words_sourcing::paper_words(&s, gpus, volume, &cur);
    let headroom = words_sourcing::price_shock_words(s.price_shock_headroom);
    Some(view! {
        <section class="sourcing" data-testid="sourcing" aria-labelledby="sourcing-heading">
            <h2 id="sourcing-heading" class="screen-only">"Sourcing"</h2>
            <div class="screen-only">
                <div class="table-wrap" tabindex="0">
                    <table>
                        <caption>{format!("Each way to run the model at today's {} tasks a month, on the same failure rate, review and failures", count(volume))}</caption>
                        <thead><tr>
                            <th scope="col">"Option"</th>
                            <th scope="col" class="num">"AI cost a month"</th>
                            <th scope="col" class="num">"Per successful task"</th>
                            <th scope="col" class="num">"Capacity (tasks a month)"</th>
                            <th scope="col" class="num">"Utilization"</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {findings.into_iter().chain([headroom]).map(|t| view! { <p>{t}</p> }).collect_view()}
                {report_charts::sourcing_cost_caption(&pilot, &assessment).map(|caption| view! {
                    <ChartView chart=ChartRequest::SourcingCost { pilot: pilot.clone() }
                        label="Monthly cost of each option against the volume" caption=caption/>
                })}
            </div>
            <p class="print-block" data-testid="sourcing-paper"><strong>"Sourcing, at today's volume: "</strong>{paper}</p>
        </section>
    })
}

#[component]
fn WhatItWouldTake(pilot: Pilot, assessment: Assessment) -> impl IntoView {
    let w = assessment.what_it_would_take;
    let headroom = headroom_words(assessment.economics.price_shock_headroom);
    let cur = pilot.currency.clone();
    let volume = w.break_even_volume.map_or_else(
        || "no volume breaks even".to_string(),
        |v| format!("{} tasks a month", count(v.ceil())),
    );
    // Ceilings are rounded down (DESIGN §3): "below $0.40" for a ceiling of $0.4062.
    let max_f = w.max_failure_rate.map_or_else(
        || "none: it loses money even without failures".to_string(),
        percent_down,
    );
    let ceiling =
        |value: Option<f64>| value.map_or_else(|| "—".to_string(), |v| money_down(v, &cur));
    view! {
        <h2>"What it would take"</h2>
        <dl class="figures">
            <div><dt>"Break-even volume"</dt><dd>{volume}</dd></div>
            <div><dt>"Break-even AI cost per task"</dt><dd>{ceiling(w.break_even_ai_cost_per_task)}</dd></div>
            <div><dt>"AI cost per task for a 12-month payback"</dt><dd>{w.ai_cost_per_task_for_12_month_payback.map_or_else(|| "none: the one-off cost cannot pay back in 12 months".to_string(), |v| money_down(v, &cur))}</dd></div>
            <div><dt>"Highest failure rate that still pays"</dt><dd>{max_f}</dd></div>
            <div><dt>"Price-shock headroom"</dt><dd data-testid="headroom">{headroom}</dd></div>
        </dl>
    }
}

#[component]
fn ReportCharts(pilot: Pilot, assessment: Assessment) -> impl IntoView {
    let (p, a) = (&pilot, &assessment);
    let figures = [
        (
            "Cost per task, AI against people",
            ChartRequest::CostPerTask { pilot: p.clone() },
            report_charts::cost_per_task_caption(p, a),
        ),
        (
            "Monthly cost by source",
            ChartRequest::CostStack { pilot: p.clone() },
            report_charts::cost_stack_caption(p, a),
        ),
        (
            "Cumulative cash flow",
            ChartRequest::CashFlow { pilot: p.clone() },
            report_charts::cash_flow_caption(p, a),
        ),
        (
            "What moves the NPV",
            ChartRequest::Tornado { pilot: p.clone() },
            report_charts::tornado_caption(p, a),
        ),
        (
            "Reliability: lower bound against target",
            ChartRequest::ReliabilityPath { pilot: p.clone() },
            report_charts::reliability_path_caption(p, a),
        ),
    ];
    // The evidence log's history, once a batch is counted (no empty chart without one).
    let history = report_charts::evidence_history_caption(p).map(|caption| {
        (
            "Evidence log: lower bound after each batch",
            ChartRequest::EvidenceHistory { pilot: p.clone() },
            caption,
        )
    });
    view! {
        // On paper the charts' own titles say what they are: the heading's line is room the
        // two pages need (DESIGN §5).
        <h2 class="screen-only">"Charts"</h2>
        <div class="report-charts">
            {figures.into_iter().chain(history).map(|(label, chart, caption)| view! {
                <ChartView chart=chart label=label caption=caption print_size=REPORT_PRINT_SIZE/>
            }).collect_view()}
        </div>
    }
}

/// Every answer, printed only when asked for (DESIGN §5), and on paper the power table the
/// report's page gives in one sentence.
#[component]
fn Appendix(pilot: Pilot, power: Vec<PowerRow>) -> impl IntoView {
    let errors = pilot.validate().err().unwrap_or_default();
    let sourcing_lines: Vec<(&str, String)> =
        words_sourcing::sourcing_answers(&pilot.compute, &pilot.currency)
            .into_iter()
            .filter_map(|(label, line)| Some((label, line?)))
            .collect();
    view! {
        <section class="appendix">
            <h2>"Appendix: every answer"</h2>
            {question_steps().iter().map(|(title, fields)| view! {
                <h3>{*title}</h3>
                <dl class="appendix__list">
                    {fields.iter().map(|field| {
                        let spec = field.spec();
                        view! {
                            <div class:appendix__wide=matches!(spec.kind, Kind::Text { long: true, .. })>
                                <dt>{spec.label_with_unit(&pilot.currency)}</dt>
                                <dd>{crate::ui::format::answer_shown(*field, &pilot, &errors)}</dd>
                            </div>
                        }
                    }).collect_view()}
                    {fields.contains(&crate::ui::steps::ALTERNATIVE_AFTER).then(|| sourcing_lines.iter().map(|(label, line)| view! {
                        <div class="appendix__wide"><dt>{*label}</dt><dd>{line.clone()}</dd></div>
                    }).collect_view())}
                </dl>
            }).collect_view()}
            <div class="print-block" data-testid="power-appendix">
                <h3>"Uncertainty: the power of test plans"</h3>
                <super::uncertainty::PowerTable power=power testid="power-appendix-table"/>
            </div>
        </section>
    }
}

#[component]
fn CriteriaTable(assessment: Assessment) -> impl IntoView {
    view! {
        <h2>"The standard, criterion by criterion"</h2>
        <div class="table-wrap" tabindex="0">
            <table class="table--stack">
                <thead><tr><th scope="col">"Criterion"</th><th scope="col">"Result"</th><th scope="col">"Finding"</th><th scope="col">"What would change it"</th></tr></thead>
                <tbody>
                    {assessment.criteria.into_iter().map(|c| {
                        let status = c.status.label();
                        view! {
                            <tr data-testid=format!("criterion-{}", c.id.id()) data-status=status.to_ascii_lowercase()>
                                <th scope="row">{c.id.name()}</th>
                                <td><span class=format!("badge badge--{}", status.to_ascii_lowercase())>{status}</span></td>
                                <td data-label="Finding">{c.finding}</td>
                                <td data-label="What would change it">{c.fix}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ReliabilityFigures(pilot: Pilot, assessment: Assessment) -> impl IntoView {
    let r = &assessment.reliability;
    // What the drift test found, then what it can catch (DESIGN §9): one text.
    let drift = match evidence::drift_power_words(r.drift.as_ref()) {
        power if power.is_empty() => evidence::drift_words(r.drift.as_ref()),
        power => format!("{}. {power}.", evidence::drift_words(r.drift.as_ref())),
    };
    let point = r
        .point_estimate
        .map_or_else(|| "not measured".to_string(), percent);
    let needed = match r.cases_needed {
        Some(0) => "none: demonstrated".to_string(),
        Some(n) => format!("{} more", count(n as f64)),
        None => "cannot be reached".to_string(),
    };
    let rel = &pilot.reliability;
    let ev = &r.evidence;
    view! {
        <h2>"Reliability"</h2>
        <dl class="figures">
            <div><dt>"Observed success rate"</dt><dd>{point}</dd></div>
            <div><dt>{format!("Lower bound at {} confidence", percent(rel.confidence))}</dt><dd>{percent_down(r.lower_bound)}</dd></div>
            <div><dt>{format!("Upper bound at {} confidence", percent(rel.confidence))}</dt><dd>{percent_up(r.upper_bound)}</dd></div>
            <div><dt>"Target"</dt><dd>{percent(rel.target)}</dd></div>
            <div><dt>"Cases needed without a failure"</dt><dd>{needed}</dd></div>
            <div><dt>"Evidence counted"</dt><dd data-testid="counted-evidence">{format!("{}, {}", plural(ev.cases, "case", "cases"), plural(ev.failures, "failure", "failures"))}</dd></div>
            <div><dt>"Whose"</dt><dd>{evidence::whose(ev)}</dd></div>
            <div><dt>"Left out"</dt><dd>{evidence::left_out(ev)}</dd></div>
            <div><dt>"Drift"</dt><dd data-testid="drift">{drift}</dd></div>
            <div><dt>"Test plan"</dt><dd data-testid="plan-status">{evidence::plan_words(r.plan.as_ref())}</dd></div>
            {r.demonstrated.then(|| view! {
                <div><dt>"Demonstration"</dt><dd>{evidence::demonstration_words(r.plan.as_ref())}</dd></div>
            })}
        </dl>
        <evidence::EvidenceLog pilot=pilot.clone()/>
    }
}

#[component]
fn EconomicsTable(pilot: Pilot, assessment: Assessment) -> impl IntoView {
    let cur = pilot.currency.clone();
    let e = assessment.economics.expected;
    let c = assessment.economics.conservative;
    let (e_judged, c_judged) = (e.npv_judged, c.npv_judged);
    let row = move |label: &'static str, f: &dyn Fn(&EconomicCase) -> String| {
        view! { <tr><th scope="row">{label}</th><td class="num">{f(&e)}</td><td class="num">{f(&c)}</td></tr> }
    };
    let cur1 = cur.clone();
    let cur5 = cur.clone();
    let cur2 = cur.clone();
    let cur3 = cur.clone();
    let cur4 = cur.clone();
    let cur6 = cur.clone();
    // Money already spent is sunk (DESIGN §3): the NPV that decides is the go-forward one;
    // the one with it counted too stands beside it, labelled.
    let spent = pilot.integration.one_off_spent > 0.0;
    let cur7 = cur.clone();
    // The standard judges over at most 36 months (DESIGN §3): both NPVs when they differ.
    let judged = judged_horizon(&pilot);
    let judged_differs = judged < pilot.finance.horizon_months;
    let judged_label = format!("Net present value over {judged} months (judged)");
    let (volume, served) = (
        pilot.task.monthly_volume,
        assessment.economics.served_volume,
    );
    let unserved = unserved_words(volume, served);
    let unserved_row = (served < volume).then(|| {
        let left = count(volume - served);
        view! { <tr><th scope="row">"Tasks a month beyond the capacity, left with people"</th><td class="num">{left.clone()}</td><td class="num">{left}</td></tr> }
    });
    let npv_label = if spent {
        "Net present value, from today"
    } else {
        "Net present value"
    };
    view! {
        <h2>"Economics"</h2>
        <div class="table-wrap" tabindex="0">
            <table>
                <caption>"Per month: expected case (likeliest failure rate) and conservative case (failure rate at the reliability lower bound)"</caption>
                <thead><tr><th scope="col">"Figure"</th><th scope="col" class="num">"Expected"</th><th scope="col" class="num">"Conservative"</th></tr></thead>
                <tbody>
                    {row("AI failure rate", &|x| percent(x.failure_rate))}
                    {row("People's time per task", &move |x| money(x.human_cost_per_task, &cur1))}
                    {row("Cost per task today (errors included)", &move |x| money_or_dash(x.baseline_cost_per_task, &cur5))}
                    {row("AI cost per task", &move |x| money_or_dash(x.ai_cost_per_task, &cur2))}
                    {unserved_row}
                    {row("Net value a month", &move |x| money(x.monthly_net_value, &cur3))}
                    {row("Payback", &|x| payback(x.payback_months))}
                    {row(npv_label, &move |x| money(x.npv, &cur4))}
                    {spent.then(|| row("Net present value, money already spent included", &move |x| money(x.npv_including_spent, &cur6)))}
                    {judged_differs.then(|| view! { <tr><th scope="row">{judged_label}</th><td class="num">{money(e_judged, &cur7)}</td><td class="num">{money(c_judged, &cur7)}</td></tr> })}
                    {row(ROI_LABEL, &|x| roi_words(x.roi))}
                </tbody>
            </table>
        </div>
        // On paper the table's row says it in one line (DESIGN §5: two pages).
        {unserved.map(|text| view! { <p class="note screen-only" data-testid="unserved">{text}</p> })}
    }
}
