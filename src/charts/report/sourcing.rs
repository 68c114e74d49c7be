//! Sourcing (DESIGN §12): each option's monthly cost against the monthly volume, both on
//! log scales, with today's volume and the break-even marked.

use super::{base_with, round2, values_named};
use crate::audit::format::upper_first;
use crate::audit::sourcing::{chart_range, monthly_costs_at};
use crate::audit::words::defensibility::model;
use crate::audit::{expected_rate, Assessment, Pilot};
use crate::charts::ChartOption;
use charming::component::{Axis, Legend};
use charming::element::{
    AxisType, Label, LabelPosition, MarkLineData, MarkLineVariant, NameLocation,
};
use charming::series::Line;

/// Points a line is drawn through, evenly spaced on the log scale.
const POINTS: usize = 41;

/// The volumes drawn: evenly spaced on the log scale over the chart's range, with today's
/// volume and the break-even among them (so that the lines pass exactly through the marks).
fn volumes(low: f64, high: f64, marks: &[f64]) -> Vec<f64> {
    let (a, b) = (low.ln(), high.ln());
    let mut v: Vec<f64> = (0..POINTS)
        .map(|i| (a + (b - a) * i as f64 / (POINTS - 1) as f64).exp())
        .chain(marks.iter().copied())
        .collect();
    v.sort_by(f64::total_cmp);
    v
}

/// A vertical dashed line at `volume`, labelled `name` along it near its top (level labels
/// of two close marks would print over each other on a phone).
fn mark(volume: f64, name: &str) -> MarkLineVariant {
    MarkLineVariant::Simple(
        MarkLineData::new().x_axis(volume).name(name).label(
            Label::new()
                .formatter(name)
                .position(LabelPosition::InsideEndTop),
        ),
    )
}

/// Monthly cost of each option against the volume (DESIGN §12): the pilot's own sourcing
/// and the other option, on the same failure rate, review and failures. Log scales on
/// both axes when every cost is above 0 (a line at 0 has no place on a log scale: the
/// cost axis is then linear). None without a volume or without two options.
pub fn sourcing_cost(pilot: &Pilot, a: &Assessment) -> Option<ChartOption> {
    let s = &a.sourcing;
    if s.options.len() < 2 {
        return None;
    }
    let v = pilot.task.monthly_volume;
    let (low, high) = chart_range(v, s.break_even_volume)?;
    let judged = pilot.sanitized();
    let f = expected_rate(&judged, &a.reliability);
    let marks: Vec<f64> = std::iter::once(v).chain(s.break_even_volume).collect();
    let xs = volumes(low, high, &marks);
    let costs: Vec<Vec<f64>> = xs
        .iter()
        .map(|&x| monthly_costs_at(&judged, f, x))
        .collect();
    let positive = costs.iter().flatten().all(|&c| c > 0.0);
    let mut marked = vec![mark(v, "today")];
    marked.extend(s.break_even_volume.map(|b| mark(b, "break-even")));
    let lines = crate::charts::dashed_mark_line("#111827").data(marked);
    let cost_axis = values_named(format!("{} a month", pilot.currency));
    // Room for a legend of two rows: the options' names are long.
    let mut chart = base_with("72", "32")
        .legend(Legend::new().top("0"))
        .x_axis(
            Axis::new()
                .type_(AxisType::Log)
                .min(round2(low))
                .max(round2(high))
                .name("Tasks a month")
                .name_location(NameLocation::Middle)
                .name_gap(24),
        )
        .y_axis(if positive {
            cost_axis.type_(AxisType::Log)
        } else {
            cost_axis
        });
    for (i, option) in s.options.iter().enumerate() {
        let data: Vec<Vec<f64>> = xs
            .iter()
            .zip(&costs)
            .map(|(&x, c)| vec![round2(x), c.get(i).copied().map_or(0.0, round2)])
            .collect();
        let mut line = Line::new()
            .name(upper_first(model(option.sourcing)))
            .show_symbol(false)
            .data(data);
        if i == 0 {
            line = line.mark_line(lines.clone());
        }
        chart = chart.series(line);
    }
    Some(ChartOption::from(chart))
}
