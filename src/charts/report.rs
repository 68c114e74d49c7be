//! The report's charts, built from an assessment with charming's typed options, and for
//! each a caption with the key figures: the chart's text alternative. The captions are
//! written by [`crate::audit::words::captions`] and shown by the app; the charts are built
//! in the chart module (see [`super::request`]).

mod npv;
mod reliability;
mod sourcing;

use super::ChartOption;
use crate::audit::economics::cumulative_net;
use crate::audit::format::{money_short, percent};
use crate::audit::sensitivity::TORNADO_SHOWN;
pub use crate::audit::words::captions::{
    cash_flow_caption, cost_per_task_caption, cost_stack_caption, evidence_history_caption,
    npv_histogram_caption, reliability_path_caption, sourcing_cost_caption, tornado_caption,
};
use crate::audit::words::rounding::payback as payback_shown;
use crate::audit::{Assessment, EconomicCase, Pilot};
use charming::component::{Axis, Grid, Legend};
use charming::datatype::{DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisType, Label, LabelAlign, LabelPosition, LineStyle, LineStyleType, MarkLine,
    MarkLineData, MarkLineVariant, NameLocation, TextStyle,
};
use charming::series::{Bar, Line};
use charming::Chart;
pub use npv::npv_histogram;
pub use reliability::{
    evidence_history, evidence_history_option, reliability_path, reliability_path_option,
};
pub use sourcing::sourcing_cost;

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
                // Each bar labelled with its figure, short (¥73.0M) so that three labels fit
                // side by side: the label shows the item's name ({b}), the formatted figure.
                .data(
                    [human, ai_e, ai_c]
                        .map(|v| {
                            DataPoint::Item(
                                DataPointItem::new(round2(v)).name(money_short(v, &pilot.currency)),
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

/// Cumulative cash flow month by month (the one-off still to spend first, then each month's
/// net value as the volume ramps up), with the payback month marked.
pub fn cash_flow(pilot: &Pilot, a: &Assessment) -> Chart {
    let horizon = pilot.finance.cash_flow_months();
    let path = |case: &EconomicCase| -> Vec<Vec<f64>> {
        cumulative_net(pilot, case, horizon)
            .into_iter()
            .enumerate()
            .map(|(m, total)| vec![m as f64, total.round()])
            .collect()
    };
    let e = &a.economics.expected;
    let c = &a.economics.conservative;
    let mut expected = Line::new()
        .name("Expected")
        .show_symbol(false)
        .data(path(e));
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
                        .formatter(format!("payback {}", payback_shown(Some(payback))).as_str())
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
                .data(path(c)),
        )
}

/// Sensitivity tornado: change in NPV (in thousands, so the axis labels stay short) when
/// each driver moves to its low and high end.
pub fn tornado(pilot: &Pilot, a: &Assessment) -> Chart {
    let base_npv = a.economics.expected.npv;
    let rows: Vec<_> = a.sensitivity.iter().take(TORNADO_SHOWN).rev().collect();
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
