//! The shape of an imported pilot checked against the schema before it is read: every value
//! of the wrong type named by its path, with the value found and what is allowed.

use super::{ImportErrors, MAX_LISTED_PROBLEMS};
use crate::audit::path::{GpuBlock, Path};
use crate::audit::schema::{
    one_of, EntrySpec, Field, Kind, RangeEnd, ALTERNATIVE_PRICES, BATCH_FIELDS, GPU_FIELDS,
    PLAN_FIELDS,
};
use crate::audit::{pilot_from_json, Pilot};
use serde_json::Value;

/// The JSON value found, as a person reads it: text quoted, long values cut short.
fn found(value: &Value) -> String {
    let text = match value {
        Value::Null => return "nothing (null)".to_string(),
        Value::String(s) => format!("“{s}”"),
        Value::Array(_) => return "a list".to_string(),
        Value::Object(_) => return "a group of fields".to_string(),
        other => other.to_string(),
    };
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// Check the shape of one pilot against the schema (every wrong type, not just the first),
/// then read it. Answers that are only out of range are kept: the pilot comes in as a draft
/// with them marked (`Pilot::validate` lists them).
pub(crate) fn parse_pilot(value: Value, at: &str, errors: &mut ImportErrors) -> Option<Pilot> {
    let prefix = if at.is_empty() {
        String::new()
    } else {
        format!("{at}.")
    };
    let Value::Object(_) = value else {
        let place = if at.is_empty() { "The file" } else { at };
        errors.push(format!(
            "{place}: {} — a pilot (a group of fields)",
            found(&value)
        ));
        return None;
    };
    let before = errors.len();
    let mut bad_groups: Vec<String> = Vec::new();
    for field in Field::ALL {
        let spec = field.spec();
        let segments: Vec<&str> = spec.path.split('.').collect();
        let mut current = Some(&value);
        for (i, segment) in segments.iter().enumerate() {
            current = current.and_then(|v| v.get(segment));
            let group = segments[..=i].join(".");
            if let Some(v) = current.filter(|v| i + 1 < segments.len() && !v.is_object()) {
                if !bad_groups.contains(&group) {
                    errors.push(format!("{prefix}{group}: {} — a group of fields", found(v)));
                    bad_groups.push(group);
                }
                current = None;
            }
        }
        let Some(current) = current else {
            continue; // absent: the default applies
        };
        if let Some(allowed) = wrong_type(&spec.kind, current) {
            errors.push(format!(
                "{prefix}{}: {} — {allowed}",
                Path::Field(*field),
                found(current)
            ));
        }
    }
    entry_shapes(
        &value,
        &prefix,
        (Path::Batches, Path::Batch),
        &BATCH_FIELDS,
        errors,
    );
    entry_shapes(
        &value,
        &prefix,
        (Path::Plans, Path::Plan),
        &PLAN_FIELDS,
        errors,
    );
    sourcing_shapes(&value, &prefix, errors);
    range_shapes(&value, &prefix, errors);
    if errors.len() > before {
        return None;
    }
    match pilot_from_json(value) {
        Ok(pilot) => Some(pilot),
        Err(e) => {
            let place = match (at.is_empty(), e.path == Path::Whole) {
                (true, true) => "The pilot".to_string(),
                (false, true) => at.to_string(),
                _ => format!("{prefix}{}", e.path),
            };
            errors.push(format!("{place}: cannot be read ({})", e.message));
            None
        }
    }
}

/// The shape of a list of entries (`reliability.batches`): a list of groups of fields, each
/// field of the type its spec allows; every problem named by path (`(list, entry)`: the
/// list's path and its entries' inputs').
fn entry_shapes<T>(
    pilot: &Value,
    prefix: &str,
    (list, entry): (Path, fn(usize, &'static str) -> Path),
    specs: &[EntrySpec<T>],
    errors: &mut ImportErrors,
) {
    let Some(value) = list
        .list_key()
        .and_then(|key| pilot.get("reliability")?.get(key))
    else {
        return;
    };
    let Value::Array(items) = value else {
        errors.push(format!("{prefix}{list}: {} — a list", found(value)));
        return;
    };
    for (i, item) in items.iter().enumerate() {
        if !item.is_object() {
            errors.push(format!(
                "{prefix}{list}[{i}]: {} — a group of fields",
                found(item)
            ));
            continue;
        }
        for spec in specs {
            if let Some(allowed) = item.get(spec.name).and_then(|v| spec.wrong_type(v)) {
                errors.push(format!(
                    "{prefix}{}: {} — {allowed}",
                    entry(i, spec.name),
                    found(&item[spec.name])
                ));
            }
        }
        if errors.len() > MAX_LISTED_PROBLEMS {
            return; // enough to say the file is wrong; the rest are not read
        }
    }
}

/// The shape of the GPU blocks and the other option (DESIGN §12): groups of fields, each
/// of the type its input allows (`compute.gpu.gpus: “two” — a whole number of GPUs from 1
/// to 100,000`). Absent or null, a block is not there.
fn sourcing_shapes(pilot: &Value, prefix: &str, errors: &mut ImportErrors) {
    let at = |key: &str| {
        key.split('.')
            .try_fold(pilot, |v, segment| v.get(segment))
            .filter(|v| !v.is_null())
    };
    let group = |key: &str, errors: &mut ImportErrors| match at(key) {
        Some(v) if !v.is_object() => {
            errors.push(format!("{prefix}{key}: {} — a group of fields", found(v)));
            None
        }
        other => other,
    };
    if group("compute.alternative", errors).is_some() {
        for field in ALTERNATIVE_PRICES {
            let path = Path::alternative_price(field);
            let Some(v) = at(&path.to_string()) else {
                continue;
            };
            if let Some(allowed) = wrong_type(&field.spec().kind, v) {
                errors.push(format!("{prefix}{path}: {} — {allowed}", found(v)));
            }
        }
    }
    for block in [GpuBlock::Own, GpuBlock::Alternative] {
        let Some(g) = group(block.key(), errors) else {
            continue;
        };
        for spec in &GPU_FIELDS {
            if let Some(allowed) = g.get(spec.name).and_then(|v| spec.wrong_type(v)) {
                errors.push(format!(
                    "{prefix}{}: {} — {allowed}",
                    Path::Gpu(block, spec.name),
                    found(&g[spec.name])
                ));
            }
        }
    }
}

/// The shape of `ranges` (DESIGN §10): a group keyed by the path of an input that takes a
/// range, each `{"low": …, "high": …}` with numbers of that input's kind. Anything else
/// refuses the file: a range on another input has no place in the app to show or fix it.
fn range_shapes(pilot: &Value, prefix: &str, errors: &mut ImportErrors) {
    let Some(value) = pilot.get("ranges") else {
        return;
    };
    let Value::Object(ranges) = value else {
        errors.push(format!(
            "{prefix}ranges: {} — a group of fields",
            found(value)
        ));
        return;
    };
    for (path, range) in ranges {
        let at = format!("{prefix}{}", Path::NoRange(path.clone()));
        let field = Field::ranged_at(path);
        let Some((field, rule)) = field.and_then(|f| Some((f, f.spec().number_rule()?))) else {
            let allowed: Vec<String> = Field::ranged()
                .map(|f| format!("“{}”", f.spec().path))
                .collect();
            errors.push(format!(
                "{at}: not an answer that takes a range — one of {}",
                allowed.join(", ")
            ));
            continue;
        };
        if !range.is_object() {
            errors.push(format!(
                "{at}: {} — a group of fields (low, high)",
                found(range)
            ));
            continue;
        }
        for end in RangeEnd::BOTH {
            match range.get(end.name()) {
                None => errors.push(format!(
                    "{prefix}{}: missing — {}",
                    Path::Range(field, end),
                    rule.in_file_words()
                )),
                Some(v) => {
                    if let Some(allowed) = rule.wrong_type(v) {
                        errors.push(format!(
                            "{prefix}{}: {} — {allowed}",
                            Path::Range(field, end),
                            found(v)
                        ));
                    }
                }
            }
        }
    }
}

/// What a value of this kind must be, when `value` is not one; None when it is.
fn wrong_type(kind: &Kind, value: &Value) -> Option<String> {
    match kind {
        Kind::Text { .. } | Kind::Stamp { .. } => (!value.is_string()).then(|| "text".to_string()),
        Kind::Number { rule, .. } => rule.wrong_type(value),
        Kind::Choice { options, other, .. } => match (value.as_str(), other) {
            (Some(_), Some(_)) => None,
            (Some(v), None) if options().iter().any(|(o, _)| o == v) => None,
            _ => Some(one_of(&options())),
        },
        Kind::Check { .. } => (!value.is_boolean()).then(|| "true or false".to_string()),
    }
}
