//! The example pilots shipped with the app, in the export format of DESIGN §2.

use super::model::Pilot;
use super::read::pilot_from_json;

/// The examples as an export file (`{"format": "pilot-audit", "version": 3, "pilots": [...]}`).
pub const EXAMPLES_JSON: &str = include_str!("examples.json");

/// How every example's id begins (a test holds the examples to it): enough to tell an
/// example's id without the examples themselves, which only the library's wasm carries.
pub const ID_PREFIX: &str = "example-";

/// Whether `id` is an example's (by its prefix; see [`ID_PREFIX`]).
pub fn is_example_id(id: &str) -> bool {
    id.starts_with(ID_PREFIX)
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn every_example_id_has_the_prefix() {
        let examples = super::examples();
        assert_eq!(examples.len(), 6);
        for pilot in examples {
            assert!(super::is_example_id(&pilot.id), "{}", pilot.id);
        }
        assert!(!super::is_example_id("p-1"));
    }
}
