//! Charts: pure builders that turn figures into charming charts, and a small binding to
//! ECharts (SVG renderer, loaded from our own origin only when a chart is shown).

pub mod echarts;
pub mod report;
pub mod weights;
