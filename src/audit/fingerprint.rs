//! The fingerprint of a pilot's inputs (DESIGN §11): so that two people can check they are
//! looking at the same numbers, in any browser, after any round trip through a file or a
//! link.
//!
//! SHA-256 of the canonical JSON of the pilot: the object a version-2 export writes (a
//! version-3 answer counts once it differs from its default, so a pilot of version 2 keeps
//! its fingerprint), without `id`, `created_at` and `updated_at`; keys sorted at every level; no whitespace; numbers as
//! JavaScript's `JSON.stringify` writes them (`30000`, not `30000.0`; `1e21` as `1e+21`);
//! UTF-8. Shown as its first 12 hex digits in groups of four: `3f2a 9c01 b7e4`.
//!
//! The app hashes [`canonical_json`] with the browser's WebCrypto (no hash code in its wasm);
//! [`fingerprint`] hashes it natively with `sha2`, for the library API and the golden table
//! (`tools/fingerprint.mjs`, which canonicalizes with Node's own `JSON.stringify`).

use super::model::Pilot;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The fields a fingerprint leaves out: who the record is and when it was written, not what
/// it says.
pub const LEFT_OUT: [&str; 3] = ["id", "created_at", "updated_at"];

/// The answers file version 3 added (group, field), left out while at their default, 0: a
/// pilot no one has given a ramp or a spent part keeps the fingerprint version 2 gave it.
pub const ADDED_IN_3: [(&str, &str); 2] =
    [("task", "ramp_months"), ("integration", "one_off_spent")];

/// The canonical JSON of the pilot's inputs (see the module's documentation).
pub fn canonical_json(pilot: &Pilot) -> String {
    let mut value = serde_json::to_value(pilot).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        for key in LEFT_OUT {
            map.remove(key);
        }
        for (group, field) in ADDED_IN_3 {
            if let Some(Value::Object(group)) = map.get_mut(group) {
                if group.get(field).and_then(Value::as_f64) == Some(0.0) {
                    group.remove(field);
                }
            }
        }
    }
    let mut out = String::new();
    write_canonical(&value, &mut out);
    out
}

/// The fingerprint: the first 12 hex digits of SHA-256 of `canonical`, in groups of four.
pub fn shown(digest_hex: &str) -> String {
    let head: Vec<char> = digest_hex.chars().take(12).collect();
    head.chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The fingerprint of `pilot`, hashed natively: `3f2a 9c01 b7e4`.
pub fn fingerprint(pilot: &Pilot) -> String {
    let digest = Sha256::digest(canonical_json(pilot).as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    shown(&hex)
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => out.push_str(&u.to_string()),
            (None, Some(i), _) => out.push_str(&i.to_string()),
            (None, None, Some(f)) => out.push_str(&js_number(f)),
            _ => out.push_str("null"),
        },
        // serde_json escapes as JSON.stringify does: `"`, `\`, and control characters
        // (\b \f \n \r \t, the rest as \u00xx); everything else as it is, in UTF-8.
        Value::String(s) => out.push_str(&Value::String(s.clone()).to_string()),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            // Sorted here, whatever order the map keeps (every key is ASCII: byte order is
            // JavaScript's code-unit order).
            let mut keys: Vec<&String> = map.keys().collect();
            crate::order::sort(&mut keys);
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(&map[key], out);
            }
            out.push('}');
        }
    }
}

/// A finite number as JavaScript's `Number.prototype.toString` writes it (ECMAScript
/// Number::toString): the shortest digits that read back as the same double, in plain
/// notation from 1e-6 up to 1e21, else in exponent notation with an explicit sign.
/// Non-finite numbers write as `null`, as `JSON.stringify` does.
pub fn js_number(x: f64) -> String {
    if !x.is_finite() {
        return "null".to_string();
    }
    if x == 0.0 {
        return "0".to_string(); // -0 too
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "1.5e-7", "3e4".
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let k = digits.len() as i32;
    let n = exponent + 1;
    let sign = if x < 0.0 { "-" } else { "" };
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let e = if e >= 0 {
            format!("+{e}")
        } else {
            e.to_string()
        };
        if k == 1 {
            format!("{digits}e{e}")
        } else {
            format!("{}.{}e{e}", &digits[..1], &digits[1..])
        }
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        for (x, js) in [
            (30000.0, "30000"),
            (0.999, "0.999"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e-7, "1e-7"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (-0.0, "0"),
            (-2.5, "-2.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (f64::NAN, "null"),
        ] {
            assert_eq!(js_number(x), js, "{x:e}");
        }
        assert_eq!(shown("3f2a9c01b7e4deadbeef"), "3f2a 9c01 b7e4");
    }
}
