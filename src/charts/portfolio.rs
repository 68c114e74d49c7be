//! Compare's charts: the criteria radar of the chosen pilots, and the portfolio scatter of
//! every saved pilot (cost relative to people against demonstrated reliability).

use super::ChartOption;
use crate::audit::format::percent;
use crate::audit::number::show_number;
use crate::audit::standard::STANDARD_TARGET;
use crate::audit::{Assessment, CriterionId, Pilot, Verdict};
use charming::component::{Axis, Grid, Legend, RadarCoordinate};
use charming::element::{AxisType, ItemStyle, Label, MarkLineData, MarkLineVariant, NameLocation};
use charming::series::{Radar, Scatter};
use charming::Chart;

/// Radar of the seven criterion scores (0–100), one shape per pilot.
pub fn criteria_radar(pilots: &[(Pilot, Assessment)]) -> Chart {
    let indicators: Vec<(&str, f64, f64)> = CriterionId::ALL
        .iter()
        .map(|c| (c.name(), 0.0, 100.0))
        .collect();
    let data: Vec<(Vec<f64>, String)> = pilots
        .iter()
        .map(|(p, a)| {
            (
                a.criteria.iter().map(|c| c.score.round()).collect(),
                super::chart_name(&p.name),
            )
        })
        .collect();
    Chart::new()
        .animation(false)
        .legend(Legend::new().top("0"))
        .radar(
            RadarCoordinate::new()
                .indicator(indicators)
                .radius("62%")
                .center(vec!["50%", "56%"]),
        )
        .series(Radar::new().name("Criteria").data(data))
}

fn verdict_colour(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Scale => "#15803d",
        Verdict::Fix => "#b45309",
        Verdict::Stop => "#b91c1c",
    }
}

/// Smallest failure-rate bound the portfolio's log axis shows.
const FLOOR: f64 = 1e-7;

/// One point of the portfolio: x = AI cost per task ÷ human cost per task (today's baseline,
/// errors included), y = the most the failure rate can be at the stated confidence
/// (1 − the reliability lower bound); None when a ratio cannot be known. On a log axis the
/// nines spread out evenly: 99%, 99.9% and 99.99% reliable are 0.01, 0.001 and 0.0001.
pub fn portfolio_point(a: &Assessment) -> Option<(f64, f64)> {
    let e = &a.economics.expected;
    let ratio = match (e.ai_cost_per_task, e.baseline_cost_per_task) {
        (Some(ai), Some(human)) if human > 0.0 => ai / human,
        _ => return None,
    };
    Some((ratio, (1.0 - a.reliability.lower_bound).clamp(FLOOR, 1.0)))
}

/// Bubble size for a monthly net value: area grows with the value, losses drawn small.
pub fn bubble_size(monthly_net_value: f64, largest: f64) -> f64 {
    if largest <= 0.0 || monthly_net_value <= 0.0 {
        return 8.0;
    }
    8.0 + 40.0 * (monthly_net_value / largest).sqrt()
}

/// Scatter of all saved pilots, coloured by verdict, bubble area by monthly net value, with
/// the 99.9% line and break-even (AI cost equal to people's) marked. charming has no
/// per-point symbol size, so each point becomes `{value: [x, y], symbolSize}` in the JSON.
pub fn portfolio_scatter(pilots: &[(Pilot, Assessment)]) -> ChartOption {
    let mut option = ChartOption::from(portfolio_chart(pilots));
    if let Some(series) = option.0.get_mut("series").and_then(|s| s.as_array_mut()) {
        for s in series {
            if let Some(points) = s.get_mut("data").and_then(|d| d.as_array_mut()) {
                for point in points.iter_mut() {
                    if let Some([x, y, size]) = point
                        .as_array()
                        .and_then(|a| <[serde_json::Value; 3]>::try_from(a.clone()).ok())
                    {
                        *point = serde_json::json!({ "value": [x, y], "symbolSize": size });
                    }
                }
            }
        }
    }
    option
}

fn portfolio_chart(pilots: &[(Pilot, Assessment)]) -> Chart {
    let largest = pilots
        .iter()
        .map(|(_, a)| a.economics.expected.monthly_net_value)
        .fold(0.0_f64, f64::max);
    let mut chart = Chart::new()
        .animation(false)
        .legend(Legend::new().top("0"))
        .grid(Grid::new().left("72").right("96").top("48").bottom("48"))
        .x_axis(
            Axis::new()
                .type_(AxisType::Log)
                .name("AI cost ÷ people's cost per task")
                .name_location(NameLocation::Middle)
                .name_gap(28),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Log)
                .inverse(true)
                .max(1)
                .name("failure rate, at most")
                .name_location(NameLocation::Start),
        );
    for verdict in [Verdict::Scale, Verdict::Fix, Verdict::Stop] {
        let points: Vec<Vec<f64>> = pilots
            .iter()
            .filter(|(_, a)| a.verdict == verdict)
            .filter_map(|(_, a)| {
                let (x, y) = portfolio_point(a)?;
                let size = bubble_size(a.economics.expected.monthly_net_value, largest);
                Some(vec![x.max(1e-4), y, size.round()])
            })
            .collect();
        let mut series = Scatter::new()
            .name(verdict.label())
            .item_style(
                ItemStyle::new()
                    .color(verdict_colour(verdict))
                    .opacity(0.75),
            )
            .data(points);
        if verdict == Verdict::Scale {
            series = series.mark_line(crate::charts::dashed_mark_line("#374151").data(vec![
                        // As a string: ECharts 6 draws no mark line at a number on a log
                        // axis, but parses a string there (seen in Chromium).
                        MarkLineVariant::Simple(
                            MarkLineData::new()
                                .y_axis(show_number(1.0 - STANDARD_TARGET).as_str())
                                .label(Label::new().formatter(
                                    format!("{} reliable", percent(STANDARD_TARGET)).as_str(),
                                )),
                        ),
                        MarkLineVariant::Simple(
                            MarkLineData::new()
                                .x_axis(1)
                                .label(Label::new().formatter("break-even")),
                        ),
                    ]));
        }
        chart = chart.series(series);
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::examples::examples;

    fn assessed() -> Vec<(Pilot, Assessment)> {
        examples()
            .into_iter()
            .map(|p| {
                let a = crate::audit::assess_quick(&p);
                (p, a)
            })
            .collect()
    }

    #[test]
    fn radar_has_seven_axes_and_one_shape_per_pilot() {
        let pilots = assessed();
        let json = serde_json::to_value(criteria_radar(&pilots[..3])).unwrap();
        assert_eq!(json["radar"][0]["indicator"].as_array().unwrap().len(), 7);
        assert_eq!(json["series"][0]["data"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn scatter_places_each_pilot_by_cost_ratio_and_bound() {
        let pilots = assessed();
        let triage = &pilots[1].1;
        let (x, y) = portfolio_point(triage).unwrap();
        // (0.0852 + the expected failures' cost) ÷ 2.5433, and the 800-case bound. The
        // expected failure rate is the Jeffreys mean 0.5 ÷ 801; a failure costs a person's
        // redo when caught (80%) and an error's $12 when not.
        let failures = 0.5 / 801.0 * (0.8 * 2.5 / 60.0 * 38.0 + 0.2 * 12.0);
        assert!(
            (x - (0.085_166_666 + failures) / 2.543_333_333).abs() < 1e-6,
            "{x}"
        );
        // 1 − 0.996262337, the 800-case lower bound.
        assert!((y - 0.003_737_663).abs() < 1e-8, "{y}");
        let json = portfolio_scatter(&pilots).0;
        let series = json["series"].as_array().unwrap();
        assert_eq!(series.len(), 3);
        let total: usize = series
            .iter()
            .map(|s| s["data"].as_array().map_or(0, Vec::len))
            .sum();
        assert_eq!(total, 6);
        assert_eq!(series[0]["markLine"]["data"][0]["yAxis"], "0.001");
        assert_eq!(json["yAxis"]["type"], "log");
        let point = &series[0]["data"][0];
        assert!(point["symbolSize"].as_f64().unwrap() >= 8.0, "{point}");
        assert_eq!(point["value"].as_array().unwrap().len(), 2);
        assert!(bubble_size(100.0, 100.0) > bubble_size(25.0, 100.0));
        assert_eq!(bubble_size(-5.0, 100.0), 8.0);
    }
}
