//! The export/import file: `{"format": "pilot-audit", "version": 1, "pilots": [...]}`, or one
//! bare pilot. Pure: parsing, validation by path, and the import plan are tested natively.

use crate::audit::{pilot_from_json, Pilot};
use serde::Serialize;
use serde_json::Value;

/// The `format` field of an export file.
pub const FORMAT: &str = "pilot-audit";
/// The newest file version this app reads and the one it writes.
pub const FILE_VERSION: u64 = 1;
/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    version: u64,
    pilots: &'a [Pilot],
}

/// The export file for `pilots`, pretty-printed.
pub fn export_json(pilots: &[Pilot]) -> String {
    serde_json::to_string_pretty(&ExportFile {
        format: FORMAT,
        version: FILE_VERSION,
        pilots,
    })
    .unwrap_or_else(|_| "{}".to_string())
}

/// `pilot-audit-YYYY-MM-DD.json` for a date given as RFC 3339 (or any text starting YYYY-MM-DD).
pub fn export_file_name(now_rfc3339: &str) -> String {
    format!(
        "pilot-audit-{}.json",
        now_rfc3339.get(..10).unwrap_or("export")
    )
}

/// Why a file cannot be imported: every problem, each naming where it is.
pub type ImportErrors = Vec<String>;

/// Refuse a file by size before reading it.
pub fn check_size(bytes: u64) -> Result<(), ImportErrors> {
    if bytes > MAX_IMPORT_BYTES {
        Err(vec![format!(
            "The file is {:.1} MB; files over 5 MB are refused.",
            bytes as f64 / (1024.0 * 1024.0)
        )])
    } else {
        Ok(())
    }
}

fn parse_pilot(value: Value, at: &str, errors: &mut ImportErrors) -> Option<Pilot> {
    match pilot_from_json(value) {
        Ok(pilot) => {
            if let Err(field_errors) = pilot.validate() {
                for e in field_errors {
                    errors.push(format!("{at}{}: {}", join_path(at, &e.path), e.message));
                }
                None
            } else {
                Some(pilot)
            }
        }
        Err(e) => {
            let path = e.path().to_string();
            let path = if path == "." {
                String::new()
            } else {
                join_path(at, &path)
            };
            errors.push(format!("{at}{path}: {}", e.inner()));
            None
        }
    }
}

fn join_path(at: &str, path: &str) -> String {
    if at.is_empty() {
        path.to_string()
    } else if path.is_empty() {
        String::new()
    } else {
        format!(".{path}")
    }
}

/// Read an import file: the export format or one bare pilot. Every pilot is validated; the
/// errors name each field by path (`pilots[2].task.monthly_volume: must be 0 or more`).
/// Nothing is returned unless every pilot is valid, and ids must be unique in the file.
pub fn parse_import(text: &str) -> Result<Vec<Pilot>, ImportErrors> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| vec![format!("The file is not valid JSON: {e}.")])?;
    let mut errors = Vec::new();
    let pilots: Vec<Pilot> = match value {
        Value::Object(ref map) if map.contains_key("pilots") || map.contains_key("format") => {
            match map.get("format").and_then(Value::as_str) {
                Some(FORMAT) => {}
                _ => errors.push(format!("format: must be \"{FORMAT}\"")),
            }
            match map.get("version").and_then(Value::as_u64) {
                Some(v) if (1..=FILE_VERSION).contains(&v) => {}
                Some(v) => errors.push(format!(
                    "version: {v} is newer than this version of Pilot Audit reads ({FILE_VERSION})"
                )),
                None => errors.push("version: must be a whole number such as 1".to_string()),
            }
            match map.get("pilots") {
                Some(Value::Array(items)) => items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| {
                        parse_pilot(item.clone(), &format!("pilots[{i}]"), &mut errors)
                    })
                    .collect(),
                _ => {
                    errors.push("pilots: must be a list of pilots".to_string());
                    Vec::new()
                }
            }
        }
        Value::Object(_) => parse_pilot(value, "", &mut errors).into_iter().collect(),
        _ => {
            errors.push(
                "The file must hold a pilot-audit export or one pilot (a JSON object).".to_string(),
            );
            Vec::new()
        }
    };
    let mut seen = std::collections::HashSet::new();
    for (i, p) in pilots.iter().enumerate() {
        if !seen.insert(p.id.as_str()) {
            errors.push(format!(
                "pilots[{i}].id: \"{}\" appears twice in the file",
                p.id
            ));
        }
    }
    if errors.is_empty() {
        if pilots.is_empty() {
            return Err(vec!["The file holds no pilot.".to_string()]);
        }
        Ok(pilots)
    } else {
        Err(errors)
    }
}

/// What to do with an imported pilot whose id is already saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    /// Overwrite the saved pilot.
    Replace,
    /// Keep the saved one and add the imported one under a new id.
    KeepBoth,
}

/// One pilot of an import, and whether its id is taken.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportItem {
    /// The pilot as read from the file.
    pub pilot: Pilot,
    /// A pilot with this id is already saved.
    pub conflict: bool,
}

/// Which imported pilots are new and which would replace a saved one.
pub fn plan_import(incoming: Vec<Pilot>, saved_ids: &[String]) -> Vec<ImportItem> {
    incoming
        .into_iter()
        .map(|pilot| ImportItem {
            conflict: saved_ids.contains(&pilot.id),
            pilot,
        })
        .collect()
}

/// The pilots to write once the person confirmed: conflicts replace, or are kept beside the
/// saved one under `fresh_id()` with "(imported)" after the name.
pub fn resolve_import(
    items: &[ImportItem],
    choice: OnConflict,
    mut fresh_id: impl FnMut() -> String,
) -> Vec<Pilot> {
    items
        .iter()
        .map(|item| {
            let mut pilot = item.pilot.clone();
            if item.conflict && choice == OnConflict::KeepBoth {
                pilot.id = fresh_id();
                pilot.name = format!("{} (imported)", pilot.name);
            }
            pilot
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::examples::{examples, EXAMPLES_JSON};

    #[test]
    fn export_then_import_gives_the_same_pilots() {
        let pilots = examples();
        assert_eq!(parse_import(&export_json(&pilots)), Ok(pilots.clone()));
        assert_eq!(parse_import(EXAMPLES_JSON), Ok(pilots.clone()));
        let bare = serde_json::to_string(&pilots[0]).unwrap();
        assert_eq!(parse_import(&bare), Ok(vec![pilots[0].clone()]));
        assert_eq!(
            export_file_name("2026-11-28T10:00:00Z"),
            "pilot-audit-2026-11-28.json"
        );
    }

    #[test]
    fn errors_name_each_field_by_path() {
        let mut file: Value = serde_json::from_str(EXAMPLES_JSON).unwrap();
        file["pilots"][2]["task"]["monthly_volume"] = (-5.0).into();
        file["pilots"][0]["reliability"]["target"] = "high".into();
        file["pilots"][4]["finance"]["horizon_months"] = 500.into();
        let errors = parse_import(&file.to_string()).unwrap_err();
        assert!(
            errors.contains(&"pilots[2].task.monthly_volume: must be 0 or more".to_string()),
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("pilots[0].reliability.target: invalid type: string")),
            "{errors:#?}"
        );
        assert!(
            errors.contains(
                &"pilots[4].finance.horizon_months: must be between 1 and 120 months".to_string()
            ),
            "{errors:#?}"
        );
        assert_eq!(errors.len(), 3);
    }

    #[test]
    fn refuses_wrong_files() {
        assert!(parse_import("not json").unwrap_err()[0].starts_with("The file is not valid JSON"));
        assert_eq!(parse_import("[1,2]").unwrap_err().len(), 1);
        let future = r#"{"format":"pilot-audit","version":2,"pilots":[]}"#;
        assert!(parse_import(future).unwrap_err()[0].starts_with("version: 2 is newer"));
        let other = r#"{"format":"something-else","version":1,"pilots":[]}"#;
        assert_eq!(
            parse_import(other).unwrap_err()[0],
            "format: must be \"pilot-audit\""
        );
        let twice = export_json(&[examples()[0].clone(), examples()[0].clone()]);
        assert!(parse_import(&twice).unwrap_err()[0].contains("appears twice"));
        assert!(check_size(MAX_IMPORT_BYTES + 1).unwrap_err()[0].contains("over 5 MB"));
        assert_eq!(check_size(MAX_IMPORT_BYTES), Ok(()));
    }

    #[test]
    fn conflicts_replace_or_keep_both() {
        let pilots = examples();
        let saved = vec![pilots[1].id.clone()];
        let plan = plan_import(pilots[..3].to_vec(), &saved);
        assert_eq!(plan.iter().filter(|i| i.conflict).count(), 1);
        let replaced = resolve_import(&plan, OnConflict::Replace, || unreachable!());
        assert_eq!(replaced[1].id, pilots[1].id);
        let mut n = 0;
        let both = resolve_import(&plan, OnConflict::KeepBoth, || {
            n += 1;
            format!("fresh-{n}")
        });
        assert_eq!(both[1].id, "fresh-1");
        assert_eq!(both[1].name, format!("{} (imported)", pilots[1].name));
        assert_eq!(both[0].id, pilots[0].id);
    }
}
