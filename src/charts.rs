//! Charts: pure builders that turn figures into charming charts, and a small binding to
//! ECharts (SVG renderer, loaded from our own origin only when a chart is shown).

pub mod echarts;
pub mod portfolio;
pub mod report;
pub mod request;
pub mod weights;

/// A pilot's name as a chart shows it: at most 40 characters, so that a long name cannot
/// stretch a legend beyond its chart.
pub fn chart_name(name: &str) -> String {
    if name.chars().count() > 40 {
        format!("{}…", name.chars().take(39).collect::<String>())
    } else {
        name.to_string()
    }
}

/// A marked line as the charts draw one: dashed, in `colour`, no symbol at its ends, not
/// interactive (its label and data are the caller's).
pub fn dashed_mark_line(colour: &str) -> charming::element::MarkLine {
    use charming::element::{LineStyle, LineStyleType, MarkLine, Symbol};
    MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None])
        .line_style(LineStyle::new().type_(LineStyleType::Dashed).color(colour))
}

/// An ECharts option: a charming chart serialized, possibly with what charming cannot say
/// (per-point symbol sizes) added to the JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOption(pub serde_json::Value);

impl ChartOption {
    /// Every axis of the chart (`xAxis` and `yAxis`, one or a list), to add to.
    pub fn axes_mut(
        &mut self,
    ) -> impl Iterator<Item = &mut serde_json::Map<String, serde_json::Value>> {
        let mut axes = Vec::new();
        if let Some(option) = self.0.as_object_mut() {
            for (key, value) in option.iter_mut() {
                if key != "xAxis" && key != "yAxis" {
                    continue;
                }
                match value {
                    serde_json::Value::Object(axis) => axes.push(axis),
                    serde_json::Value::Array(list) => {
                        axes.extend(list.iter_mut().filter_map(|a| a.as_object_mut()))
                    }
                    _ => {}
                }
            }
        }
        axes.into_iter()
    }

    /// Set `axisLabel.<key>` on every axis, keeping what the label already has.
    pub fn set_axis_label(&mut self, key: &str, value: serde_json::Value) {
        for axis in self.axes_mut() {
            let label = axis
                .entry("axisLabel")
                .or_insert_with(|| serde_json::json!({}));
            if let Some(label) = label.as_object_mut() {
                label.insert(key.to_string(), value.clone());
            }
        }
    }
}

impl From<charming::Chart> for ChartOption {
    /// The chart's option, with axis labels that would overlap left out (`hideOverlap`, which
    /// charming cannot say): a trillion on a small chart would otherwise print over its
    /// neighbour.
    fn from(chart: charming::Chart) -> Self {
        let mut option =
            ChartOption(serde_json::to_value(chart).unwrap_or(serde_json::Value::Null));
        option.set_axis_label("hideOverlap", serde_json::Value::Bool(true));
        option
    }
}
