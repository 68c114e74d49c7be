//! What a chart is drawn from, as the app asks for it, and the chart module's answer.
//!
//! The app's wasm never builds a chart: a [`ChartRequest`] names the chart and carries the
//! pilots it shows, and the chart module (`src/bin/charts.rs`, built by Trunk beside the app
//! and loaded together with ECharts when the first chart is shown) turns it into an ECharts
//! option with charming. charming's serializer is the largest single part of a wasm that
//! holds it (about 35 KB gzip), and no view needs it before a chart is on screen.

use super::{portfolio, report, weights, ChartOption};
use crate::audit::{assess, Assessment, Pilot};
use serde::{Deserialize, Serialize};

/// One chart, and the pilots it is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "chart", rename_all = "snake_case")]
pub enum ChartRequest {
    /// Report: AI cost per task against people's.
    CostPerTask {
        /// The pilot reported on.
        pilot: Pilot,
    },
    /// Report: monthly cost by source.
    CostStack {
        /// The pilot reported on.
        pilot: Pilot,
    },
    /// Report: cumulative cash flow with the payback month.
    CashFlow {
        /// The pilot reported on.
        pilot: Pilot,
    },
    /// Report: what moves the NPV.
    Tornado {
        /// The pilot reported on.
        pilot: Pilot,
    },
    /// Report: reliability lower bound against the target.
    ReliabilityPath {
        /// The pilot reported on.
        pilot: Pilot,
    },
    /// Compare: the criteria radar of the chosen pilots.
    Radar {
        /// The chosen pilots, in column order.
        pilots: Vec<Pilot>,
    },
    /// Compare: the portfolio scatter of every saved pilot.
    Portfolio {
        /// Every saved pilot.
        pilots: Vec<Pilot>,
    },
    /// How we score: the criteria's weights.
    Weights,
}

fn assessed(pilots: &[Pilot]) -> Vec<(Pilot, Assessment)> {
    pilots.iter().map(|p| (p.clone(), assess(p))).collect()
}

impl ChartRequest {
    /// The ECharts option of this chart (assessing its pilots first).
    pub fn option(&self) -> ChartOption {
        let for_pilot = |pilot: &Pilot, build: fn(&Pilot, &Assessment) -> charming::Chart| {
            ChartOption::from(build(pilot, &assess(pilot)))
        };
        match self {
            ChartRequest::CostPerTask { pilot } => for_pilot(pilot, report::cost_per_task),
            ChartRequest::CostStack { pilot } => for_pilot(pilot, report::cost_stack),
            ChartRequest::CashFlow { pilot } => for_pilot(pilot, report::cash_flow),
            ChartRequest::Tornado { pilot } => for_pilot(pilot, report::tornado),
            ChartRequest::ReliabilityPath { pilot } => for_pilot(pilot, report::reliability_path),
            ChartRequest::Radar { pilots } => {
                ChartOption::from(portfolio::criteria_radar(&assessed(pilots)))
            }
            ChartRequest::Portfolio { pilots } => portfolio::portfolio_scatter(&assessed(pilots)),
            ChartRequest::Weights => ChartOption::from(weights::weights_chart()),
        }
    }
}

/// The chart module's whole job: a request as JSON in, the ECharts option as JSON out, or
/// why not.
pub fn option_json(request: &str) -> Result<String, String> {
    let request: ChartRequest =
        serde_json::from_str(request).map_err(|e| format!("not a chart request ({e})"))?;
    serde_json::to_string(&request.option().0).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::examples::examples;

    #[test]
    fn a_request_travels_as_json_and_comes_back_as_the_same_option() {
        let pilots = examples();
        let triage = pilots
            .iter()
            .find(|p| p.id == "example-ticket-triage")
            .unwrap()
            .clone();
        let requests = [
            ChartRequest::CostPerTask {
                pilot: triage.clone(),
            },
            ChartRequest::CashFlow {
                pilot: triage.clone(),
            },
            ChartRequest::Radar {
                pilots: pilots[..3].to_vec(),
            },
            ChartRequest::Portfolio {
                pilots: pilots.clone(),
            },
            ChartRequest::Weights,
        ];
        for request in requests {
            let sent = serde_json::to_string(&request).unwrap();
            let answer: serde_json::Value =
                serde_json::from_str(&option_json(&sent).unwrap()).unwrap();
            assert_eq!(answer, request.option().0, "{sent:.60}");
        }
        // The option is the one built directly from the pilot's assessment.
        let sent = serde_json::to_string(&ChartRequest::CostPerTask {
            pilot: triage.clone(),
        })
        .unwrap();
        let answer: serde_json::Value = serde_json::from_str(&option_json(&sent).unwrap()).unwrap();
        assert_eq!(answer["series"][0]["data"][0], 2.54);
        assert!(option_json("{\"chart\":\"pie\"}")
            .unwrap_err()
            .starts_with("not a chart request"));
    }
}
