//! The report's charts, built from an assessment with charming's typed options, and for
//! each a caption with the key figures: the chart's text alternative. The captions are
//! written by [`crate::audit::words::captions`] and shown by the app; the charts are built
//! in the chart module (see [`super::request`]).

use super::ChartOption;
use crate::audit::evidence::history;
use crate::audit::format::{money, months, percent};
use crate::audit::reliability::lower_bound;
use crate::audit::simulation::Simulation;
pub use crate::audit::words::captions::{
    cash_flow_caption, cost_per_task_caption, cost_stack_caption, evidence_history_caption,
    npv_histogram_caption, reliability_path_caption, tornado_caption,
};
use crate::audit::{Assessment, Pilot};
use charming::component::{Axis, Grid, Legend};
use charming::datatype::{DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisType, Label, LabelAlign, LabelPosition, LineStyle, LineStyleType, MarkLine,
    MarkLineData, MarkLineVariant, NameLocation, TextStyle,
};
use charming::series::{Bar, Line, Scatter};
use charming::Chart;

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn base() -> Chart {
    base_with("40", "24")
}

/// Room around the plot: a legend above needs room at the top (28 px a row), an axis name
/// or a marked line's label on the right. Axis labels are kept inside the chart however long the figures are
/// (containLabel), so a trillion does not run off the edge.
fn base_with(top: &str, right: &str) -> Chart {
    Chart::new()
        .animation(false)
        .color(vec![
            "#1d4ed8", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#4b5563",
        ])
        .grid(
            Grid::new()
                .left("8")
                .right(right)
                .top(top)
                .bottom("24")
                .contain_label(true),
        )
}

/// A category axis that labels every category (ECharts would skip some when they crowd);
/// names of two words are set on two lines ("People\ntoday") to fit a third of a page.
fn categories<S: Into<String>>(names: Vec<S>) -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .data(names.into_iter().map(Into::into).collect())
        .axis_label(AxisLabel::new().interval(0))
}

/// The target as a dashed level line, labelled ("target 99.9%"), on a chart in percent.
fn target_line(target: f64) -> MarkLine {
    MarkLine::new()
        .silent(true)
        .symbol(vec![charming::element::Symbol::None])
        .line_style(LineStyle::new().type_(LineStyleType::Dashed))
        .label(Label::new().formatter(format!("target {}", percent(target)).as_str()))
        .data(vec![MarkLineVariant::Simple(
            MarkLineData::new().y_axis(target * 100.0),
        )])
}

/// A value axis with few ticks, so that its labels never crowd on a small chart.
fn values() -> Axis {
    Axis::new().type_(AxisType::Value).split_number(3)
}

/// A vertical value axis named at its top, the name starting at the axis (centred on it, a
/// long name would be cut at the chart's left edge).
fn values_named(name: String) -> Axis {
    values()
        .name(name)
        .name_text_style(TextStyle::new().align("left"))
}

/// People's cost per task today, then the AI's, expected and conservative (0 when unknown).
/// AI cost per task (expected and conservative) against what people cost per task today.
pub fn cost_per_task(pilot: &Pilot, a: &Assessment) -> Chart {
    let [human, ai_e, ai_c] = a.economics.costs_per_task();
    base()
        .x_axis(categories(vec![
            "People\ntoday",
            "AI\nexpected",
            "AI\nconservative",
        ]))
        .y_axis(values_named(format!("{} per task", pilot.currency)))
        .series(
            Bar::new()
                .name("Cost per task")
                // Each bar labelled with its figure as the report writes money: the label
                // shows the item's name ({b}), which holds the formatted figure.
                .data(
                    [human, ai_e, ai_c]
                        .map(|v| {
                            DataPoint::Item(
                                DataPointItem::new(round2(v)).name(money(v, &pilot.currency)),
                            )
                        })
                        .to_vec(),
                )
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Top)
                        .formatter("{b}"),
                ),
        )
}

/// The AI's monthly cost by source, stacked, beside the human baseline.
pub fn cost_stack(pilot: &Pilot, a: &Assessment) -> Chart {
    let e = &a.economics.expected.monthly_cost;
    let c = &a.economics.conservative.monthly_cost;
    let baseline = a.economics.expected.monthly_baseline;
    let layer = |name: &str, pick: fn(&crate::audit::CostStack) -> f64| {
        Bar::new()
            .name(name)
            .stack("ai")
            .data(vec![pick(e).round(), pick(c).round(), 0.0])
    };
    base_with("72", "24")
        .legend(Legend::new().top("0").item_width(14).item_gap(8))
        .x_axis(categories(vec![
            "AI\nexpected",
            "AI\nconservative",
            "People\ntoday",
        ]))
        .y_axis(values_named(format!("{} a month", pilot.currency)))
        .series(layer("Compute", |s| s.tokens + s.fixed_compute))
        .series(layer("Licence", |s| s.licence))
        .series(layer("Maintenance", |s| s.maintenance))
        .series(layer("Review", |s| s.review))
        .series(layer("Failures", |s| s.failures))
        .series(Bar::new().name("Human baseline").stack("ai").data(vec![
            0.0,
            0.0,
            baseline.round(),
        ]))
}

/// Cumulative cash flow month by month (one-off cost first), with the payback month marked.
pub fn cash_flow(pilot: &Pilot, a: &Assessment) -> Chart {
    let horizon = pilot.finance.cash_flow_months();
    let one_off = pilot.integration.one_off_cost;
    let path = |net: f64| -> Vec<Vec<f64>> {
        (0..=horizon)
            .map(|m| vec![f64::from(m), (-one_off + f64::from(m) * net).round()])
            .collect()
    };
    let e = &a.economics.expected;
    let c = &a.economics.conservative;
    let mut expected = Line::new()
        .name("Expected")
        .show_symbol(false)
        .data(path(e.monthly_net_value));
    if let Some(payback) = e.payback_months.filter(|m| *m <= f64::from(horizon)) {
        expected = expected.mark_line(
            MarkLine::new()
                .silent(true)
                .symbol(vec![charming::element::Symbol::None])
                .line_style(LineStyle::new().type_(LineStyleType::Dashed))
                // Above the line, running away from the nearer edge: centred, a short
                // payback's label ran into the y axis's top value.
                .label(
                    Label::new()
                        .formatter(format!("payback {}", months(payback)).as_str())
                        .align(if payback < f64::from(horizon) / 2.0 {
                            LabelAlign::Left
                        } else {
                            LabelAlign::Right
                        }),
                )
                .data(vec![MarkLineVariant::Simple(
                    MarkLineData::new().x_axis(round2(payback)),
                )]),
        );
    }
    base_with("36", "44")
        .legend(Legend::new().top("0"))
        .x_axis(
            values()
                .min(0)
                .max(f64::from(horizon))
                .name("month")
                .name_location(NameLocation::End),
        )
        // No axis name: it would collide with the payback label; the caption gives the unit.
        .y_axis(values())
        .series(expected)
        .series(
            Line::new()
                .name("Conservative")
                .show_symbol(false)
                .data(path(c.monthly_net_value)),
        )
}

/// Sensitivity tornado: change in NPV (in thousands, so the axis labels stay short) when
/// each driver moves to its low and high end.
pub fn tornado(pilot: &Pilot, a: &Assessment) -> Chart {
    let base_npv = a.economics.expected.npv;
    let rows: Vec<_> = a.sensitivity.iter().rev().collect();
    let labels: Vec<String> = rows.iter().map(|r| r.label.clone()).collect();
    let low: Vec<f64> = rows
        .iter()
        .map(|r| ((r.npv_low - base_npv) / 100.0).round() / 10.0)
        .collect();
    let high: Vec<f64> = rows
        .iter()
        .map(|r| ((r.npv_high - base_npv) / 100.0).round() / 10.0)
        .collect();
    base_with("28", "24")
        .legend(Legend::new().top("0"))
        .x_axis(
            values()
                .name(format!("change in NPV, thousands of {}", pilot.currency))
                .name_location(NameLocation::Middle)
                .name_gap(24),
        )
        .y_axis(categories(labels))
        .series(Bar::new().name("Low end").stack("swing").data(low))
        .series(Bar::new().name("High end").stack("swing").data(high))
}

/// The simulated NPVs as a histogram (DESIGN §10): bars that lose money and bars that pay
/// in two colours, drawn as steps over the bins' round edges on a value axis. Zero, an edge
/// of the bins whenever the draws straddle it, is marked by a dashed line; the axis reaches
/// out to it when it lies within one span of the draws (further, the bars would shrink to a
/// sliver, and the legend and caption say they all pay or all lose).
pub fn npv_histogram(currency: &str, sim: &Simulation) -> Chart {
    let h = &sim.npv_histogram;
    let (first, last) = match (h.bin_edges.first(), h.bin_edges.last()) {
        (Some(&first), Some(&last)) => (first, last),
        _ => (0.0, 0.0),
    };
    let width = (last - first) / h.counts.len().max(1) as f64;
    // Thousands keep the axis labels short, unless the bins are narrower than a hundred.
    let (scale, unit) = if width >= 100.0 {
        (1000.0, "thousands of ")
    } else {
        (1.0, "")
    };
    let share = |count: u32| round2(f64::from(count) * 100.0 / f64::from(sim.draws.max(1)));
    // Steps that hold each bin's share from its left edge to the next, closed at the last
    // edge; a bin's side of zero decides its series.
    let steps = |pays: bool| -> Vec<Vec<f64>> {
        let bins: Vec<usize> = (0..h.counts.len())
            .filter(|&i| (h.bin_edges[i] >= 0.0) == pays)
            .collect();
        let mut points: Vec<Vec<f64>> = bins
            .iter()
            .map(|&i| vec![h.bin_edges[i] / scale, share(h.counts[i])])
            .collect();
        if let Some(&last) = bins.last() {
            points.push(vec![h.bin_edges[last + 1] / scale, share(h.counts[last])]);
        }
        points
    };
    let series = |name: &str, colour: &str, pays: bool| {
        Line::new()
            .name(name)
            .step(charming::element::Step::End)
            .show_symbol(false)
            .item_style(charming::element::ItemStyle::new().color(colour))
            .line_style(LineStyle::new().color(colour))
            .area_style(
                charming::element::AreaStyle::new()
                    .color(colour)
                    .opacity(0.35),
            )
            .data(steps(pays))
    };
    let span = last - first;
    let zero_near = first - span <= 0.0 && 0.0 <= last + span;
    let (low, high) = if zero_near {
        (first.min(0.0), last.max(0.0))
    } else {
        (first, last)
    };
    let zero_line = MarkLine::new()
        .silent(true)
        .symbol(vec![charming::element::Symbol::None])
        .line_style(
            LineStyle::new()
                .type_(LineStyleType::Dashed)
                .color("#111827"),
        )
        // Level, above the line's top end (along the line, its text would stand on end),
        // running away from the nearer edge, as the payback's label does.
        .label(
            Label::new()
                .formatter("NPV 0")
                .align(if (0.0 - low) < (high - low) / 2.0 {
                    LabelAlign::Left
                } else {
                    LabelAlign::Right
                }),
        )
        .data(vec![MarkLineVariant::Simple(
            MarkLineData::new().x_axis(0.0),
        )]);
    let mut chart = base_with("36", "24")
        .legend(Legend::new().top("0"))
        .x_axis(
            values()
                .min(low / scale)
                .max(high / scale)
                .name(format!("NPV, {unit}{currency}"))
                .name_location(NameLocation::Middle)
                .name_gap(24),
        )
        // Shares of the draws, "%" on each label: an axis name would meet the zero line's.
        .y_axis(values().axis_label(AxisLabel::new().formatter("{value}%")));
    let mut zero_marked = !zero_near;
    for (name, colour, pays) in [("Loses money", "#be123c", false), ("Pays", "#0f766e", true)] {
        if steps(pays).is_empty() {
            continue;
        }
        let mut line = series(name, colour, pays);
        if !zero_marked {
            line = line.mark_line(zero_line.clone());
            zero_marked = true;
        }
        chart = chart.series(line);
    }
    chart
}

/// The reliability lower bound as more cases pass without a failure, against the target.
pub fn reliability_path(pilot: &Pilot, a: &Assessment) -> Chart {
    let r = &pilot.reliability;
    let (n, k, needed) = crate::audit::evidence::counted_run(pilot);
    let total = needed.unwrap_or(n.max(1));
    let end = (n.max(total) as f64 * 1.25).ceil().max(10.0) as u64;
    let start = if n > 0 {
        (k + 1).max(n / 4)
    } else {
        (k + 1).max(total / 20)
    };
    let steps = 24u64;
    let points: Vec<Vec<f64>> = (0..=steps)
        .map(|i| start + (end - start) * i / steps)
        .map(|cases| {
            vec![
                cases as f64,
                (lower_bound(cases, k, r.confidence) * 1e5).round() / 1e3,
            ]
        })
        .collect();
    let mut series = vec![];
    if n > 0 {
        series.push(Scatter::new().name("Now").symbol_size(12).data(vec![vec![
            n as f64,
            (a.reliability.lower_bound * 1e5).round() / 1e3,
        ]]));
    }
    let line = Line::new()
        .name("Lower bound if all pass")
        .show_symbol(false)
        .data(points)
        .mark_line(target_line(r.target));
    let mut chart = base_with("36", "72")
        .legend(Legend::new().top("0"))
        .x_axis(values().name("cases").name_location(NameLocation::End))
        .y_axis(values().scale(true).name("%").max(100))
        .series(line);
    for s in series {
        chart = chart.series(s);
    }
    chart
}

/// [`reliability_path`] as an ECharts option, with what charming cannot say: no label at the
/// axis's 100% end, which is rarely a whole step above the last tick, so its label sat on
/// that tick's (on paper it did).
pub fn reliability_path_option(pilot: &Pilot, a: &Assessment) -> ChartOption {
    without_max_label(ChartOption::from(reliability_path(pilot, a)))
}

/// [`evidence_history`] as an ECharts option, its 100% end unlabelled as the path's.
pub fn evidence_history_option(pilot: &Pilot, a: &Assessment) -> ChartOption {
    without_max_label(ChartOption::from(evidence_history(pilot, a)))
}

/// No label at the vertical axis's 100% end (see [`reliability_path_option`]).
fn without_max_label(mut option: ChartOption) -> ChartOption {
    if let Some(axis) = option.0.get_mut("yAxis").and_then(|a| a.as_object_mut()) {
        if let Some(label) = axis.get_mut("axisLabel").and_then(|l| l.as_object_mut()) {
            label.insert("showMaxLabel".into(), serde_json::Value::Bool(false));
        }
    }
    option
}

/// The evidence log's history: the lower bound after each counted batch, by date, against
/// the target (DESIGN §9).
pub fn evidence_history(pilot: &Pilot, _a: &Assessment) -> Chart {
    let r = &pilot.reliability;
    let points = history(r);
    let dates: Vec<String> = points
        .iter()
        .map(|p| {
            if p.date.is_empty() {
                "undated".to_string()
            } else {
                p.date.clone()
            }
        })
        .collect();
    let bounds: Vec<f64> = points
        .iter()
        .map(|p| (p.lower_bound * 1e5).floor() / 1e3)
        .collect();
    base_with("36", "72")
        .legend(Legend::new().top("0"))
        .x_axis(categories(dates))
        .y_axis(values().scale(true).name("%").max(100))
        .series(
            Line::new()
                .name("Lower bound after the batch")
                .data(bounds)
                .mark_line(target_line(r.target)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::{assess, examples::examples};

    #[test]
    fn charts_carry_the_assessments_figures() {
        let pilot = examples()
            .into_iter()
            .find(|p| p.id == "example-ticket-triage")
            .unwrap();
        let a = assess(&pilot);
        let cost = serde_json::to_value(cost_per_task(&pilot, &a)).unwrap();
        assert_eq!(cost["series"][0]["data"][0]["value"], 2.54);
        assert_eq!(
            cost["series"][0]["data"][0]["name"], "$2.54",
            "labelled as money"
        );
        let json = serde_json::to_value(cash_flow(&pilot, &a)).unwrap();
        assert_eq!(json["series"][0]["data"].as_array().unwrap().len(), 37);
        assert_eq!(json["series"][0]["data"][0][1], -90_000.0);
        assert_eq!(json["series"][0]["markLine"]["data"][0]["xAxis"], 0.61);
        assert_eq!(json["series"][0]["markLine"]["label"]["align"], "left");
        let caption = cash_flow_caption(&pilot, &a);
        assert!(caption.contains("pays back in 0.6 months"), "{caption}");
        let json = serde_json::to_value(tornado(&pilot, &a)).unwrap();
        assert_eq!(
            json["yAxis"]["data"].as_array().unwrap().last().unwrap(),
            "Monthly volume"
        );
        assert!(tornado_caption(&pilot, &a).contains("monthly volume"));
        let caption = reliability_path_caption(&pilot, &a);
        assert!(caption.contains("99.626% now, on 800 cases"), "{caption}");
        assert!(caption.contains("demonstrated at 2,995 cases"), "{caption}");
        let caption = cost_stack_caption(&pilot, &a);
        assert!(caption.contains("people today $152,600"), "{caption}");
        assert!(cost_per_task_caption(&pilot, &a).contains("people today $2.54"));
    }
}
