//! The example pilots shipped with the app, in the export format of DESIGN §2.

use super::model::{pilot_from_json, Pilot};

/// The examples as an export file (`{"format": "pilot-audit", "version": 1, "pilots": [...]}`).
pub const EXAMPLES_JSON: &str = include_str!("examples.json");

/// The example pilots, parsed. The file is part of the crate and checked by its tests, so a
/// parse failure here is a build defect; it yields an empty list rather than a panic.
pub fn examples() -> Vec<Pilot> {
    let Ok(serde_json::Value::Object(mut file)) = serde_json::from_str(EXAMPLES_JSON) else {
        return Vec::new();
    };
    let Some(serde_json::Value::Array(pilots)) = file.remove("pilots") else {
        return Vec::new();
    };
    pilots
        .into_iter()
        .map(pilot_from_json)
        .collect::<Result<_, _>>()
        .unwrap_or_default()
}
