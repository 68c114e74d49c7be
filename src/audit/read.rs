//! Reading a pilot from JSON, and the migration of file version 1 (DESIGN §2, §9).

use super::path::Path;
use super::Pilot;

/// Why a value cannot be read as a pilot: where, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    /// Where: `reliability.cases_evaluated`, or [`Path::Whole`] for the whole value.
    pub path: Path,
    /// What is wrong, in words.
    pub message: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path == Path::Whole {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Read a pilot from parsed JSON, naming the field that failed (`task.monthly_volume`).
/// A pilot in the shape of file version 1 is migrated first ([`migrate_v1`]).
///
/// Every reader in the app goes through here (stored records, import files, the examples),
/// so the app's wasm carries one copy of the pilot's deserializer, not one per JSON source.
/// (The chart module reads pilots inside its requests with serde's derived code.)
pub fn pilot_from_json(mut value: serde_json::Value) -> Result<Pilot, ReadError> {
    migrate_v1(&mut value)?;
    // serde's own message, without the field's path: a path-tracking deserializer cost
    // 31 KB of wasm. Files and stored records are checked field by field against the schema
    // first (`store::file::parse_pilot`), which names the field; this is what is left.
    serde_json::from_value(value).map_err(|e| ReadError {
        path: Path::Whole,
        message: e.to_string(),
    })
}

/// Version 1 → 2 (DESIGN §9): `reliability.cases_evaluated`, `failures_observed` and
/// `evidence` become one batch dated with the pilot's creation (or, without one, its last
/// change), from the same source — a vendor's claim with cases becomes a vendor's test —
/// and no batch at all when no case was evaluated (failures without cases stay, as a batch
/// that validation marks). The pilot assesses to exactly the
/// figures it had. A value already holding `batches` is left as it is.
pub fn migrate_v1(value: &mut serde_json::Value) -> Result<(), ReadError> {
    use serde_json::Value;
    let stamp_date = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .and_then(crate::audit::date::date_of)
            .map(str::to_string)
    };
    let date = stamp_date("created_at").or_else(|| stamp_date("updated_at"));
    let Some(Value::Object(r)) = value.get_mut("reliability") else {
        return Ok(());
    };
    let old = ["cases_evaluated", "failures_observed", "evidence"];
    if r.contains_key("batches") || !old.iter().any(|k| r.contains_key(*k)) {
        return Ok(());
    }
    let whole = |r: &serde_json::Map<String, Value>, key: &'static str, what: &str| match r.get(key)
    {
        None => Ok(0),
        Some(v) => v.as_u64().ok_or_else(|| ReadError {
            path: Path::Legacy(key),
            message: format!("{v} — a whole number of {what}, 0 or more"),
        }),
    };
    let cases = whole(r, "cases_evaluated", "cases")?;
    let failures = whole(r, "failures_observed", "failures")?;
    let source = match r.get("evidence").map(|v| v.as_str()) {
        None | Some(Some("vendor_claim" | "vendor_test")) => "vendor_test".to_string(),
        Some(Some(s @ ("buyer_sample" | "buyer_production"))) => s.to_string(),
        Some(_) => {
            return Err(ReadError {
                path: Path::Legacy("evidence"),
                message: format!(
                    "{} — one of vendor_claim, vendor_test, buyer_sample, buyer_production",
                    r["evidence"]
                ),
            })
        }
    };
    for key in old {
        r.remove(key);
    }
    let batches = if cases == 0 && failures == 0 {
        Vec::new()
    } else {
        vec![serde_json::json!({
            "date": date.unwrap_or_default(),
            "cases": cases,
            "failures": failures,
            "source": source,
            "model_version": "",
            "note": "",
        })]
    };
    r.insert("batches".to_string(), Value::Array(batches));
    Ok(())
}
