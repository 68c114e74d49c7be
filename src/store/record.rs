//! How a pilot is written to one storage value, and read back.

use crate::error::AppError;

use crate::audit::Pilot;
use serde::Serialize;

/// Version of the value's shape (2: the evidence log of file version 2; 3: ranges on
/// answers, DESIGN §10; 4: the ramp and the one-off already spent of file version 3, §3).
/// Older shapes are migrated when read, and rewritten only with the
/// next change. Each bump makes an older build see a newer record as unreadable and keep it,
/// rather than read it without what it does not know and drop that at its next save.
pub const SCHEMA_VERSION: u32 = 4;

/// What can go wrong with storage, said so that the person can act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no local storage (blocked, disabled, private mode).
    Unavailable(String),
    /// The browser refused the write: storage is full.
    QuotaExceeded,
    /// A stored value could not be read as a pilot; it is kept as it is.
    Corrupt {
        /// The storage key.
        key: String,
        /// Why it could not be read.
        reason: String,
    },
    /// Any other refusal by the browser.
    Other(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(
                f,
                "This browser's storage is not available ({why}); work is kept on this page only, until you leave or reload it."
            ),
            StorageError::QuotaExceeded => write!(
                f,
                "This browser's storage is full; the last change is kept on this page only, until you leave or reload it."
            ),
            StorageError::Corrupt { key, reason } => {
                write!(f, "The record {key} could not be read: {reason}.")
            }
            StorageError::Other(why) => write!(f, "The browser refused to save: {why}."),
        }
    }
}

/// One stored value: the schema version and the pilot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    /// Shape of this value.
    pub schema: u32,
    /// The pilot, in the file format.
    pub pilot: Pilot,
}

/// What a stored key holds: a pilot, or a value that could not be read (kept byte for byte).
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A readable pilot.
    Pilot(Box<Pilot>),
    /// An unreadable value, never dropped or overwritten silently.
    Unreadable {
        /// The storage key.
        key: String,
        /// The value exactly as stored.
        raw: String,
        /// Why it could not be read.
        reason: String,
    },
}

/// The value written for a pilot.
pub fn encode(pilot: &Pilot) -> Result<String, StorageError> {
    serde_json::to_string(&Record {
        schema: SCHEMA_VERSION,
        pilot: pilot.clone(),
    })
    .map_err(|e| StorageError::Other(e.to_string()))
}

/// Read a stored value: the current schema, or a reason it cannot be read (a future
/// schema, broken JSON, a wrong shape).
pub fn decode(raw: &str) -> Result<Pilot, AppError> {
    let unreadable = AppError::Unreadable;
    let mut value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| unreadable(format!("not valid JSON ({e})")))?;
    let schema = match value.get("schema").and_then(serde_json::Value::as_u64) {
        Some(schema) => schema,
        // Schema 0: the first builds stored the bare pilot, without a wrapper.
        None if value.get("id").is_some_and(serde_json::Value::is_string) => {
            return migrate_from_0(value);
        }
        None => return Err(unreadable("no schema version".to_string())),
    };
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(unreadable(format!(
            "written by a newer version of Pilot Audit (schema {schema}; this version reads up to {SCHEMA_VERSION})"
        )));
    }
    let pilot = match value.get_mut("pilot") {
        Some(pilot) if pilot.is_object() => pilot.take(),
        Some(_) => {
            return Err(unreadable(
                "not a pilot record (`pilot` must be an object)".to_string(),
            ))
        }
        None => return Err(unreadable("not a pilot record (no `pilot`)".to_string())),
    };
    read_pilot(pilot).map_err(|e| e.map(|why| format!("not a pilot record ({why})")))
}

/// Schema 0 → 1: a bare pilot becomes the `pilot` of a record; fields are unchanged.
fn migrate_from_0(value: serde_json::Value) -> Result<Pilot, AppError> {
    read_pilot(value).map_err(|e| e.map(|why| format!("not a pilot record of schema 0 ({why})")))
}

/// A stored pilot, read as an imported one is: each field checked against the schema, so
/// what is wrong is named by its path (`task.monthly_volume: “lots” — a number`).
fn read_pilot(value: serde_json::Value) -> Result<Pilot, AppError> {
    let mut problems = Vec::new();
    super::file::parse_pilot(value, "", &mut problems)
        .ok_or_else(|| AppError::Unreadable(problems.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_what_it_cannot_read() {
        let mut pilot = Pilot {
            id: "a".into(),
            name: "<img src=x onerror=alert(1)>".into(),
            ..Pilot::default()
        };
        pilot.task.monthly_volume = 12.5;
        let raw = encode(&pilot).unwrap();
        assert_eq!(decode(&raw), Ok(pilot));
        assert!(decode("{not json")
            .unwrap_err()
            .message()
            .starts_with("not valid JSON"));
        assert_eq!(
            decode("{\"pilot\":{}}").unwrap_err(),
            AppError::Unreadable("no schema version".to_string())
        );
        // A record written in the older shape (schema 0: the bare pilot) still reads.
        let old = r#"{"id":"old-1","name":"Written by schema 0","task":{"monthly_volume":250}}"#;
        let migrated = decode(old).expect("schema 0 migrates");
        assert_eq!(migrated.name, "Written by schema 0");
        assert_eq!(migrated.task.monthly_volume, 250.0);
        assert_eq!(
            migrated.reliability.target, 0.999,
            "missing fields take their defaults"
        );
        let newer = format!("{{\"schema\":{},\"pilot\":{{}}}}", SCHEMA_VERSION + 1);
        assert!(decode(&newer)
            .unwrap_err()
            .message()
            .contains("newer version"));
        // Schema 2 (before ranges) reads as it is, without ranges.
        let v2 = decode("{\"schema\":2,\"pilot\":{\"id\":\"v2\"}}").expect("schema 2 reads");
        assert!(v2.ranges.is_empty());
        // Schema 1 (file version 1's pilot): the evidence becomes one batch, dated with the
        // pilot's creation.
        let v1 = r#"{"schema":1,"pilot":{"id":"v1","created_at":"2026-03-02T10:00:00Z","reliability":{"cases_evaluated":800,"failures_observed":2,"evidence":"buyer_sample"}}}"#;
        let migrated = decode(v1).expect("schema 1 migrates");
        assert_eq!(migrated.reliability.batches.len(), 1);
        let b = &migrated.reliability.batches[0];
        assert_eq!(
            (b.date.as_str(), b.cases, b.failures),
            ("2026-03-02", 800, 2)
        );
        assert_eq!(b.source, crate::audit::Source::BuyerSample);
        assert!(decode("{\"schema\":1,\"pilot\":[1,2]}")
            .unwrap_err()
            .message()
            .starts_with("not a pilot record"));
        // What is wrong is named by its path, as in an imported file.
        let why = decode(r#"{"schema":3,"pilot":{"id":"w","task":{"monthly_volume":"lots"}}}"#)
            .unwrap_err()
            .to_string();
        assert!(
            why.starts_with("not a pilot record (task.monthly_volume: "),
            "{why}"
        );
        let why =
            decode(r#"{"schema":3,"pilot":{"id":"w","reliability":{"batches":[{"cases":"x"}]}}}"#)
                .unwrap_err()
                .to_string();
        assert!(why.contains("reliability.batches[0].cases"), "{why}");
    }
}
