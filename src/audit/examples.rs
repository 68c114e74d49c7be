//! The example pilots shipped with the app, in the export format of DESIGN §2.

use super::model::Pilot;
use serde::Deserialize;

/// The examples as an export file (`{"format": "pilot-audit", "version": 1, "pilots": [...]}`).
pub const EXAMPLES_JSON: &str = include_str!("examples.json");

#[derive(Deserialize)]
struct ExportFile {
    pilots: Vec<Pilot>,
}

/// The example pilots, parsed. The file is part of the crate and checked by its tests, so a
/// parse failure here is a build defect; it yields an empty list rather than a panic.
pub fn examples() -> Vec<Pilot> {
    serde_json::from_str::<ExportFile>(EXAMPLES_JSON)
        .map(|file| file.pilots)
        .unwrap_or_default()
}
