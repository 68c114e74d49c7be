//! The fingerprint (DESIGN §11) against `tools/fingerprint.mjs`, which canonicalizes with
//! Node's own JSON.stringify and hashes with node:crypto: the same canonical text, byte for
//! byte, and the same fingerprint, for the examples and for pilots whose numbers and texts
//! are awkward to write as JavaScript does. Same inputs, same fingerprint: an export and
//! import, or another id and other dates, change nothing.

use pilot_audit::audit::fingerprint::{canonical_json, fingerprint};
use pilot_audit::audit::pilot_from_json;
use pilot_audit::parse_import;
use pilot_audit::store::file::export_json;

use crate::common;

#[test]
fn fingerprints_match_the_javascript_reference() {
    let golden = common::golden("fingerprints.json");
    let cases = golden["cases"].as_array().expect("cases");
    assert!(cases.len() >= 8);
    let mut pilots = Vec::new();
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let pilot = pilot_from_json(case["pilot"].clone()).expect(id);
        // (A field the case lacked would take its default here and be missing there: the
        // canonical texts would differ.)
        assert_eq!(
            canonical_json(&pilot),
            case["canonical"].as_str().unwrap(),
            "{id}"
        );
        assert_eq!(
            fingerprint(&pilot),
            case["fingerprint"].as_str().unwrap(),
            "{id}"
        );
        pilots.push(pilot);
    }
    // Through a file and back: the same fingerprints.
    for (before, after) in pilots
        .iter()
        .zip(parse_import(&export_json(&pilots)).unwrap())
    {
        assert_eq!(fingerprint(before), fingerprint(&after));
    }
    // Another id and other dates: the same inputs, the same fingerprint; one answer changed
    // by the least amount a double can: another.
    let [.., odd, copy] = &pilots[..] else {
        unreachable!()
    };
    assert_ne!((&odd.id, &odd.created_at), (&copy.id, &copy.created_at));
    assert_eq!(fingerprint(odd), fingerprint(copy));
    let mut nudged = odd.clone();
    nudged.reliability.target = f64::from_bits(nudged.reliability.target.to_bits() + 1);
    assert_ne!(fingerprint(odd), fingerprint(&nudged));
}
