//! The pilots of the fingerprint's golden table (DESIGN §11), as a version-2 export writes
//! them: the examples, and pilots whose numbers and texts are awkward to write as
//! JavaScript does (1e21, 1e-7, 0.1 + 0.2, −0, the largest double, accents, CJK, emoji,
//! quotes, backslashes and control characters), with ranges and an evidence log.
//! `tools/fingerprint.mjs` reads this and writes `tests/golden/fingerprints.json`.
//!
//! `cargo run --example fingerprint_cases > cases.json`

use pilot_audit::audit::examples::examples;
use pilot_audit::audit::{Batch, InputRange, Plan, Source};
use pilot_audit::store::file::export_json;

fn main() {
    let mut pilots = examples();
    let mut odd = pilots[0].clone();
    odd.id = "odd-numbers".into();
    odd.name = "Zoë's “pilot” — 日本語 🚀 \"quoted\" back\\slash\ttab\u{1}".into();
    odd.notes = "line one\nline two\r\n\u{7f}\u{2028}end".into();
    odd.task.monthly_volume = 1e21;
    odd.task.human_minutes_per_task = 1e-7;
    odd.task.hourly_cost = 0.1 + 0.2;
    odd.task.human_error_rate = -0.0;
    odd.task.cost_per_error = 1.797_693_134_862_315_7e308;
    odd.compute.price_per_million_input = 123_456_789_012_345_680_000.0;
    odd.compute.price_per_million_output = 1.5e-7;
    odd.integration.one_off_cost = 0.000_001;
    odd.reliability.batches = vec![
        Batch {
            date: "2026-01-05".into(),
            cases: 10_000_000,
            failures: 3,
            source: Source::BuyerProduction,
            model_version: "v2.1-β".into(),
            note: "{\"not\": \"json\"}".into(),
        },
        Batch {
            date: "2026-02-05".into(),
            cases: 1,
            failures: 1,
            ..Batch::default()
        },
    ];
    odd.reliability.plans = vec![Plan {
        set_on: "2026-01-01".into(),
        decide_by: "2026-12-31".into(),
        ..Plan::default()
    }];
    odd.ranges.insert(
        "task.hourly_cost".into(),
        InputRange {
            low: 0.25,
            high: 1e9,
        },
    );
    odd.ranges.insert(
        "compute.monthly_licence".into(),
        InputRange {
            low: 0.0,
            high: 1e12,
        },
    );
    let mut same_inputs = odd.clone();
    same_inputs.id = "odd-numbers-copy".into();
    same_inputs.created_at = "2030-01-01T00:00:00Z".into();
    same_inputs.updated_at = "2030-01-02T00:00:00Z".into();
    pilots.push(odd);
    pilots.push(same_inputs);
    println!("{}", export_json(&pilots));
}
