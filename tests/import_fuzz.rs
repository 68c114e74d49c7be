//! The import parser against random and mutated files: it must never panic, and whatever
//! it accepts (valid pilots, or drafts with answers out of range) exports and re-imports as
//! it was, and assesses to finite figures. Prints how many inputs it ran.

use pilot_audit::audit::examples::EXAMPLES_JSON;
use pilot_audit::store::file::{export_json, parse_import};
use proptest::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

static RUNS: AtomicUsize = AtomicUsize::new(0);

fn check(text: &str) {
    RUNS.fetch_add(1, Ordering::Relaxed);
    if let Ok(pilots) = parse_import(text) {
        assert!(!pilots.is_empty());
        assert_eq!(
            parse_import(&export_json(&pilots)),
            Ok(pilots.clone()),
            "an accepted file re-imports as it was"
        );
        for p in pilots {
            // The quick assessment: the search for an 80% chance is checked by the engine's tests.
            assert!(pilot_audit::audit::assess_quick(&p).score.is_finite());
        }
    }
}

/// An edit of the example file: cut, duplicate, replace or insert a slice.
fn mutation() -> impl Strategy<Value = (usize, usize, u8, String)> {
    (
        0..EXAMPLES_JSON.len(),
        0usize..40,
        0u8..4,
        "[-0-9a-z\"{}\\[\\]:,. eE+]{0,12}",
    )
}

fn mutate(text: &str, (at, len, kind, insert): &(usize, usize, u8, String)) -> String {
    let bytes = text.as_bytes();
    let at = (*at).min(bytes.len());
    let end = (at + len).min(bytes.len());
    let mut out = Vec::with_capacity(bytes.len() + insert.len());
    out.extend_from_slice(&bytes[..at]);
    match kind {
        0 => {}                                                // cut
        1 => out.extend_from_slice(&bytes[at..end].repeat(2)), // duplicate
        2 => out.extend_from_slice(insert.as_bytes()),         // replace
        _ => {
            out.extend_from_slice(insert.as_bytes()); // insert
            out.extend_from_slice(&bytes[at..end]);
        }
    }
    out.extend_from_slice(&bytes[end..]);
    String::from_utf8_lossy(&out).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn random_json_shapes_never_panic(text in "[{}\\[\\]\":,0-9a-z_ .-]{0,300}") {
        check(&text);
        check(&format!("{{\"format\":\"pilot-audit\",\"version\":1,\"pilots\":[{text}]}}"));
    }

    #[test]
    fn mutated_export_files_never_panic(edits in prop::collection::vec(mutation(), 1..4)) {
        let mut text = EXAMPLES_JSON.to_string();
        for edit in &edits {
            text = mutate(&text, edit);
        }
        check(&text);
    }
}

#[test]
fn report_how_many_inputs_ran() {
    // Runs after or alongside the properties; the figure goes to the test output.
    random_text_never_panics();
    random_json_shapes_never_panic();
    mutated_export_files_never_panic();
    let runs = RUNS.load(Ordering::Relaxed);
    println!("import parser: {runs} inputs, no panic");
    assert!(runs >= 12_000, "{runs}");
}
