//! The simulated NPV's spread: a histogram of the draws, losses and gains in two colours.

use super::{base_with, round2, values};
use crate::audit::simulation::Simulation;
use charming::component::Legend;
use charming::element::{
    AreaStyle, AxisLabel, ItemStyle, Label, LabelAlign, LineStyle, MarkLine, MarkLineData,
    MarkLineVariant, NameLocation, Step,
};
use charming::series::Line;
use charming::Chart;

/// The histogram's bins on the chart's axes: NPV in `scale`s, share of the draws in percent.
struct Bins<'a> {
    sim: &'a Simulation,
    scale: f64,
}

impl Bins<'_> {
    /// Steps that hold each bin's share from its left edge to the next, closed at the last
    /// edge; a bin's side of zero decides its series.
    fn steps(&self, pays: bool) -> Vec<Vec<f64>> {
        let h = &self.sim.npv_histogram;
        let share =
            |count: u32| round2(f64::from(count) * 100.0 / f64::from(self.sim.draws.max(1)));
        let bins: Vec<usize> = (0..h.counts.len())
            .filter(|&i| (h.bin_edges[i] >= 0.0) == pays)
            .collect();
        let mut points: Vec<Vec<f64>> = bins
            .iter()
            .map(|&i| vec![h.bin_edges[i] / self.scale, share(h.counts[i])])
            .collect();
        if let Some(&last) = bins.last() {
            points.push(vec![
                h.bin_edges[last + 1] / self.scale,
                share(h.counts[last]),
            ]);
        }
        points
    }

    /// One side of zero as a filled step line in its colour.
    fn series(&self, name: &str, colour: &str, pays: bool) -> Line {
        Line::new()
            .name(name)
            .step(Step::End)
            .show_symbol(false)
            .item_style(ItemStyle::new().color(colour))
            .line_style(LineStyle::new().color(colour))
            .area_style(AreaStyle::new().color(colour).opacity(0.35))
            .data(self.steps(pays))
    }
}

/// Zero as a dashed line, labelled level above its top end (along the line, its text would
/// stand on end), running away from the nearer edge of the axis `low..high`, as the
/// payback's label does.
fn zero_line(low: f64, high: f64) -> MarkLine {
    crate::charts::dashed_mark_line("#111827")
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
        )])
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
    let bins = Bins { sim, scale };
    let span = last - first;
    let zero_near = first - span <= 0.0 && 0.0 <= last + span;
    let (low, high) = if zero_near {
        (first.min(0.0), last.max(0.0))
    } else {
        (first, last)
    };
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
        if bins.steps(pays).is_empty() {
            continue;
        }
        let mut line = bins.series(name, colour, pays);
        if !zero_marked {
            line = line.mark_line(zero_line(low, high));
            zero_marked = true;
        }
        chart = chart.series(line);
    }
    chart
}
