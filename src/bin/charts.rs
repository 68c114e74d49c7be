//! The chart module: a second, small wasm that Trunk builds beside the app and the app loads
//! together with ECharts when the first chart is shown (`charts::echarts::chart_option`).
//! It holds charming and its serializer, and the simulation's sampler, so the app's own wasm
//! does not.

use wasm_bindgen::prelude::*;

/// A chart request as JSON in (`charts::request::ChartRequest`), the ECharts option as JSON
/// out; an error says why not.
#[wasm_bindgen]
pub fn chart_option(request: &str) -> Result<String, JsValue> {
    pilot_audit::charts::request::option_json(request).map_err(|e| JsValue::from_str(e.message()))
}

/// The Monte Carlo economics of a pilot (DESIGN §10) as JSON, or "null" without the buyer's
/// own evidence: the sampler lives here, out of the app's first load.
#[wasm_bindgen]
pub fn simulation(pilot: &str) -> Result<String, JsValue> {
    pilot_audit::charts::request::simulation_json(pilot).map_err(|e| JsValue::from_str(e.message()))
}

fn main() {}
