//! The reliability charts: the lower bound as clean cases accrue, and after each batch.

use super::{base_with, categories, target_line, values, ChartOption};
use crate::audit::evidence::history;
use crate::audit::reliability::lower_bound;
use crate::audit::{Assessment, Pilot};
use charming::component::Legend;
use charming::element::NameLocation;
use charming::series::{Line, Scatter};
use charming::Chart;

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
