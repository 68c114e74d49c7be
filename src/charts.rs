//! Charts: pure builders that turn figures into charming charts, and a small binding to
//! ECharts (SVG renderer, loaded from our own origin only when a chart is shown).

pub mod echarts;
pub mod portfolio;
pub mod report;
pub mod request;
pub mod weights;

/// An ECharts option: a charming chart serialized, possibly with what charming cannot say
/// (per-point symbol sizes) added to the JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOption(pub serde_json::Value);

impl From<charming::Chart> for ChartOption {
    fn from(chart: charming::Chart) -> Self {
        ChartOption(serde_json::to_value(chart).unwrap_or(serde_json::Value::Null))
    }
}
