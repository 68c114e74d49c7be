//! What a chart is drawn from, as the app asks for it, and the chart module's answer.
//!
//! The app's wasm never builds a chart: a [`ChartRequest`] names the chart and carries the
//! pilots it shows, and the chart module (`src/bin/charts.rs`, built by Trunk beside the app
//! and loaded together with ECharts when the first chart is shown) turns it into an ECharts
//! option with charming. charming's serializer is the largest single part of a wasm that
//! holds it (about 35 KB gzip), and no view needs it before a chart is on screen.

use crate::error::AppError;

use super::{portfolio, report, weights, ChartOption};
use crate::audit::simulation::{simulate, Simulation, DRAWS, SEED};
use crate::audit::{assess_quick, Assessment, Pilot};
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
    /// Report: the lower bound after each counted batch of the evidence log, by date.
    EvidenceHistory {
        /// The pilot reported on.
        pilot: Pilot,
    },
    /// Report: each sourcing option's monthly cost against the volume (DESIGN §12).
    SourcingCost {
        /// The pilot reported on.
        pilot: Pilot,
    },
    /// Report: the simulated NPVs (DESIGN §10), as the app received them from the chart
    /// module's `simulation` (not drawn a second time).
    NpvHistogram {
        /// The pilot's currency.
        currency: String,
        /// The simulation drawn.
        simulation: Simulation,
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
    pilots
        .iter()
        .map(|p| (p.clone(), assess_quick(p)))
        .collect()
}

impl ChartRequest {
    /// The ECharts option of this chart (assessing its pilots first).
    pub fn option(&self) -> ChartOption {
        let for_pilot = |pilot: &Pilot, build: fn(&Pilot, &Assessment) -> charming::Chart| {
            ChartOption::from(build(pilot, &assess_quick(pilot)))
        };
        match self {
            ChartRequest::CostPerTask { pilot } => for_pilot(pilot, report::cost_per_task),
            ChartRequest::CostStack { pilot } => for_pilot(pilot, report::cost_stack),
            ChartRequest::CashFlow { pilot } => for_pilot(pilot, report::cash_flow),
            ChartRequest::Tornado { pilot } => for_pilot(pilot, report::tornado),
            ChartRequest::ReliabilityPath { pilot } => {
                report::reliability_path_option(pilot, &assess_quick(pilot))
            }
            ChartRequest::EvidenceHistory { pilot } => {
                report::evidence_history_option(pilot, &assess_quick(pilot))
            }
            ChartRequest::SourcingCost { pilot } => {
                report::sourcing_cost(pilot, &assess_quick(pilot))
                    .unwrap_or_else(|| ChartOption::from(charming::Chart::new()))
            }
            ChartRequest::NpvHistogram {
                currency,
                simulation,
            } => ChartOption::from(report::npv_histogram(currency, simulation)),
            ChartRequest::Radar { pilots } => {
                ChartOption::from(portfolio::criteria_radar(&assessed(pilots)))
            }
            ChartRequest::Portfolio { pilots } => portfolio::portfolio_scatter(&assessed(pilots)),
            ChartRequest::Weights => ChartOption::from(weights::weights_chart()),
        }
    }
}

/// The chart module's simulation (DESIGN §10): a pilot as JSON in, its [`Simulation`] with
/// the app's draws and seed as JSON out ("null" without the buyer's own evidence), or why not.
///
/// [`Simulation`]: crate::audit::simulation::Simulation
pub fn simulation_json(pilot: &str) -> Result<String, AppError> {
    let unreadable = AppError::Unreadable;
    let value = serde_json::from_str(pilot).map_err(|e| unreadable(format!("not JSON ({e})")))?;
    let pilot = crate::audit::pilot_from_json(value)
        .map_err(|e| unreadable(format!("not a pilot ({e})")))?;
    Ok(serde_json::to_string(&simulate(&pilot, DRAWS, SEED))?)
}

/// The chart module's whole job: a request as JSON in, the ECharts option as JSON out, or
/// why not.
pub fn option_json(request: &str) -> Result<String, AppError> {
    let request: ChartRequest = serde_json::from_str(request)
        .map_err(|e| AppError::Unreadable(format!("not a chart request ({e})")))?;
    Ok(serde_json::to_string(&request.option().0)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::examples::examples;

    /// What the chart module answers to each request, read from the JSON it sends back.
    fn answer(request: &ChartRequest) -> serde_json::Value {
        let sent = serde_json::to_string(request).unwrap();
        serde_json::from_str(&option_json(&sent).unwrap()).unwrap()
    }

    #[test]
    fn every_request_travels_as_json_and_comes_back_with_its_figures() {
        let pilots = examples();
        let triage = pilots
            .iter()
            .find(|p| p.id == "example-ticket-triage")
            .unwrap()
            .clone();
        let pilot = || triage.clone();
        // People's cost per task today, from the reference's figures (tests/golden).
        assert_eq!(
            answer(&ChartRequest::CostPerTask { pilot: pilot() })["series"][0]["data"][0]["value"],
            2.54
        );
        let stack = answer(&ChartRequest::CostStack { pilot: pilot() });
        assert_eq!(stack["series"].as_array().unwrap().len(), 6);
        let flow = answer(&ChartRequest::CashFlow { pilot: pilot() });
        assert_eq!(flow["series"][0]["data"][0][1], -90_000.0);
        let tornado = answer(&ChartRequest::Tornado { pilot: pilot() });
        assert_eq!(
            tornado["yAxis"]["data"].as_array().unwrap().last().unwrap(),
            "Monthly volume"
        );
        let path = answer(&ChartRequest::ReliabilityPath { pilot: pilot() });
        assert_eq!(path["yAxis"]["axisLabel"]["showMaxLabel"], false);
        // Labels that would overlap are left out, on every axis.
        assert_eq!(path["yAxis"]["axisLabel"]["hideOverlap"], true);
        assert_eq!(tornado["xAxis"]["axisLabel"]["hideOverlap"], true);
        assert_eq!(
            tornado["yAxis"]["axisLabel"]["interval"], 0.0,
            "every driver named"
        );
        assert_eq!(path["yAxis"]["max"], 100.0);
        assert_eq!(
            path["series"][0]["markLine"]["label"]["formatter"],
            "target 99.9%"
        );
        let radar = answer(&ChartRequest::Radar {
            pilots: pilots[..3].to_vec(),
        });
        assert_eq!(radar["series"][0]["data"].as_array().unwrap().len(), 3);
        let portfolio = answer(&ChartRequest::Portfolio {
            pilots: pilots.clone(),
        });
        let points: usize = portfolio["series"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["data"].as_array().map_or(0, Vec::len))
            .sum();
        assert_eq!(points, pilots.len());
        let weights = answer(&ChartRequest::Weights);
        assert_eq!(weights["yAxis"]["data"].as_array().unwrap().len(), 7);
        assert!(option_json("{\"chart\":\"pie\"}")
            .unwrap_err()
            .message()
            .starts_with("not a chart request"));
    }
}
