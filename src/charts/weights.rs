//! The weights of the seven criteria, as a horizontal bar chart (the "How we score" page).

use crate::audit::CriterionId;
use charming::component::{Axis, Grid};
use charming::element::{AxisType, Label, LabelPosition};
use charming::series::Bar;
use charming::Chart;

/// Criterion names with weights, largest weight first (ties keep the standard's order).
pub fn weights_by_size() -> Vec<(&'static str, f64)> {
    let mut rows: Vec<(&'static str, f64)> = CriterionId::ALL
        .iter()
        .map(|c| (c.name(), c.weight()))
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    rows
}

/// Horizontal bars of each criterion's weight in the score, largest at the top.
pub fn weights_chart() -> Chart {
    let rows = weights_by_size();
    // ECharts draws the first category at the bottom: reverse so the largest is on top.
    let names: Vec<String> = rows.iter().rev().map(|(n, _)| n.to_string()).collect();
    let values: Vec<f64> = rows.iter().rev().map(|(_, w)| *w).collect();
    Chart::new()
        .animation(false)
        .grid(Grid::new().left("150").right("40").top("10").bottom("30"))
        .x_axis(Axis::new().type_(AxisType::Value).max(30).name("weight"))
        .y_axis(Axis::new().type_(AxisType::Category).data(names))
        .series(
            Bar::new()
                .name("Weight in the score")
                .data(values)
                .label(Label::new().show(true).position(LabelPosition::Right)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_carries_all_seven_weights() {
        let json = serde_json::to_value(weights_chart()).unwrap();
        let names = json["yAxis"]["data"].as_array().unwrap();
        assert_eq!(names.len(), 7);
        assert_eq!(names.last().unwrap(), "Reliability demonstrated");
        let sum: f64 = json["series"][0]["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .sum();
        assert_eq!(sum, 100.0);
        assert_eq!(json["animation"], false);
    }
}
