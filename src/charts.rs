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

/// An ECharts option: a charming chart serialized, possibly with what charming cannot say
/// (per-point symbol sizes) added to the JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOption(pub serde_json::Value);

impl From<charming::Chart> for ChartOption {
    fn from(chart: charming::Chart) -> Self {
        ChartOption(serde_json::to_value(chart).unwrap_or(serde_json::Value::Null))
    }
}
