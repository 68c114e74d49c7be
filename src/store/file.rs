//! The export/import file: `{"format": "pilot-audit", "version": 1, "pilots": [...]}`, or one
//! bare pilot. Pure: parsing, validation by path, and the import plan are tested natively.

use crate::audit::{FieldError, Pilot};
use serde::Serialize;
use serde_json::Value;

/// The `format` field of an export file.
pub const FORMAT: &str = "pilot-audit";
/// The newest file version this app reads and the one it writes (2: the evidence log of
/// DESIGN §9; 3: the ramp and the one-off already spent of §3, which a version-2 file reads
/// as 0; version 1 files still import, each pilot's evidence as one batch).
pub const FILE_VERSION: u64 = 3;
/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 5 * MB;
/// A megabyte as file sizes are shown.
const MB: u64 = 1024 * 1024;

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
            "The file is {:.1} MB; files over {} MB are refused.",
            bytes as f64 / MB as f64,
            MAX_IMPORT_BYTES / MB
        )])
    } else {
        Ok(())
    }
}

/// Most problems listed for one file; the rest are counted.
pub const MAX_LISTED_PROBLEMS: usize = 50;

mod shape;
pub(crate) use shape::parse_pilot;

/// Read an import file: the export format or one bare pilot. A file that is not a Pilot
/// Audit file, or holds a value of the wrong type, is refused whole, every problem named by
/// path, value found and what is allowed (`pilots[2].task.monthly_volume: “lots” — a
/// number of tasks a month, 0 to 1,000,000,000`). Answers that are only out of range are
/// kept: such a pilot imports as a draft with them marked. Ids must be unique in the file.
pub fn parse_import(text: &str) -> Result<Vec<Pilot>, ImportErrors> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let why = if e.is_eof() {
            "it ends before the data does (is it cut short?)".to_string()
        } else if e.to_string().contains("recursion limit") {
            "it is nested deeper than any Pilot Audit file".to_string()
        } else {
            format!("line {}, column {}", e.line(), e.column())
        };
        vec![format!(
            "This is not a Pilot Audit file: it is not readable JSON ({why})."
        )]
    })?;
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
        if errors.len() > MAX_LISTED_PROBLEMS {
            let rest = errors.len() - MAX_LISTED_PROBLEMS;
            errors.truncate(MAX_LISTED_PROBLEMS);
            errors.push(format!("… and {rest} more problems."));
        }
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

/// What already holds an imported pilot's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// A saved pilot.
    Pilot,
    /// A stored record that cannot be read (kept as it was until the person chooses).
    Unreadable,
}

/// One pilot of an import: whether its id is taken, and which answers need fixing.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportItem {
    /// The pilot as read from the file.
    pub pilot: Pilot,
    /// What holds its id already, if anything.
    pub conflict: Option<Held>,
    /// Answers out of range: the pilot comes in as a draft with these marked.
    pub problems: Vec<FieldError>,
}

/// Which imported pilots are new and which would replace a stored record (a pilot or an
/// unreadable record), given the ids held now.
pub fn plan_import(incoming: Vec<Pilot>, held: &[(String, Held)]) -> Vec<ImportItem> {
    incoming
        .into_iter()
        .map(|pilot| ImportItem {
            conflict: held.iter().find(|(id, _)| *id == pilot.id).map(|(_, h)| *h),
            problems: pilot.validate().err().unwrap_or_default(),
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
            if item.conflict.is_some() && choice == OnConflict::KeepBoth {
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
    fn wrong_types_are_all_named_with_the_value_found_and_what_is_allowed() {
        let mut file: Value = serde_json::from_str(EXAMPLES_JSON).unwrap();
        file["pilots"][0]["reliability"]["target"] = "high".into();
        file["pilots"][0]["task"]["monthly_volume"] = "1000".into();
        file["pilots"][1]["task"]["input_structure"] = "chaotic".into();
        file["pilots"][2]["integration"]["monitoring"] = 1.into();
        file["pilots"][3]["finance"]["horizon_months"] = (2.5).into();
        file["pilots"][4]["compute"] = 7.into();
        let errors = parse_import(&file.to_string()).unwrap_err();
        for expected in [
            "pilots[0].reliability.target: “high” — a fraction from 0.5 to 0.999999 (99.9% is written 0.999)",
            "pilots[0].task.monthly_volume: “1000” — a number of tasks a month from 0 to 1,000,000,000",
            "pilots[1].task.input_structure: “chaotic” — one of “structured”, “semi_structured”, “free_form”",
            "pilots[2].integration.monitoring: 1 — true or false",
            "pilots[3].finance.horizon_months: 2.5 — a whole number of months from 1 to 120",
            "pilots[4].compute: 7 — a group of fields",
        ] {
            assert!(errors.contains(&expected.to_string()), "{expected}\n{errors:#?}");
        }
        assert_eq!(errors.len(), 6, "{errors:#?}");
    }

    #[test]
    fn answers_only_out_of_range_import_as_drafts_marked() {
        let mut file: Value = serde_json::from_str(EXAMPLES_JSON).unwrap();
        file["pilots"][2]["task"]["monthly_volume"] = (-5.0).into();
        file["pilots"][4]["finance"]["horizon_months"] = 500.into();
        let pilots = parse_import(&file.to_string()).expect("out of range is not refused");
        let plan = plan_import(pilots, &[]);
        assert_eq!(
            plan[2].problems[0].to_string(),
            "task.monthly_volume: must be 0 or more"
        );
        assert_eq!(
            plan[4].problems[0].to_string(),
            "finance.horizon_months: must be between 1 and 120 months"
        );
        assert!(plan[0].problems.is_empty());
        // The app's own export of a draft re-imports as it was.
        let drafts: Vec<Pilot> = plan.into_iter().map(|i| i.pilot).collect();
        assert_eq!(parse_import(&export_json(&drafts)), Ok(drafts));
    }

    #[test]
    fn problems_beyond_the_cap_are_counted() {
        let pilots: Vec<Value> = (0..60)
            .map(|i| serde_json::json!({"id": format!("p{i}"), "name": "x", "task": {"monthly_volume": "many"}}))
            .collect();
        let file = serde_json::json!({"format": FORMAT, "version": 1, "pilots": pilots});
        let errors = parse_import(&file.to_string()).unwrap_err();
        assert_eq!(errors.len(), MAX_LISTED_PROBLEMS + 1);
        assert_eq!(errors.last().unwrap(), "… and 10 more problems.");
    }

    #[test]
    fn refuses_wrong_files() {
        assert!(
            parse_import("not json").unwrap_err()[0].starts_with("This is not a Pilot Audit file")
        );
        assert!(parse_import("").unwrap_err()[0].contains("ends before the data does"));
        let deep = "[".repeat(100_000);
        assert!(parse_import(&deep).unwrap_err()[0].contains("nested deeper"));
        assert_eq!(parse_import("[1,2]").unwrap_err().len(), 1);
        let newer = FILE_VERSION + 1;
        let future = format!(r#"{{"format":"pilot-audit","version":{newer},"pilots":[]}}"#);
        assert!(parse_import(&future).unwrap_err()[0]
            .starts_with(&format!("version: {newer} is newer")));
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
        let held = vec![
            (pilots[1].id.clone(), Held::Pilot),
            (pilots[2].id.clone(), Held::Unreadable),
        ];
        let plan = plan_import(pilots[..3].to_vec(), &held);
        assert_eq!(plan[0].conflict, None);
        assert_eq!(plan[1].conflict, Some(Held::Pilot));
        assert_eq!(
            plan[2].conflict,
            Some(Held::Unreadable),
            "an unreadable record is a conflict too"
        );
        let replaced = resolve_import(&plan, OnConflict::Replace, || unreachable!());
        assert_eq!(replaced[1].id, pilots[1].id);
        let mut n = 0;
        let both = resolve_import(&plan, OnConflict::KeepBoth, || {
            n += 1;
            format!("fresh-{n}")
        });
        assert_eq!(both[1].id, "fresh-1");
        assert_eq!(both[2].id, "fresh-2");
        assert_eq!(both[1].name, format!("{} (imported)", pilots[1].name));
        assert_eq!(both[0].id, pilots[0].id);
    }
}
