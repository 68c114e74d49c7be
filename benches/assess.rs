//! `cargo bench --bench assess`: microseconds per `assess` (sensitivity, chance to
//! demonstrate and cases for 80% included) and per `assess_quick` (the library and
//! compare: without the last two) and per `judge_quick` (the live verdict: the judgement
//! without a sentence) for each example pilot, a large-sample pilot and
//! a 10,000-batch log; and milliseconds per `simulate` of the app's 10,000 draws. Prints
//! figures; asserts nothing about time.

use pilot_audit::audit::examples::examples;
use pilot_audit::audit::schema::Field;
use pilot_audit::audit::InputRange;
use pilot_audit::audit::{assess_quick, judge_quick};
use pilot_audit::simulate;
use std::hint::black_box;
use std::time::Instant;

fn time_per_call(pilot: &pilot_audit::Pilot) -> String {
    let full = time_one(pilot, pilot_audit::assess);
    let quick = time_one(pilot, assess_quick);
    let live = time_one(pilot, judge_quick);
    format!("{full:>12.2} {quick:>12.2} {live:>12.2}")
}

fn time_one<T>(pilot: &pilot_audit::Pilot, assess: fn(&pilot_audit::Pilot) -> T) -> f64 {
    // Warm up, then time enough calls to last about 0.2 s.
    for _ in 0..10 {
        black_box(assess(black_box(pilot)));
    }
    let mut calls = 10u32;
    loop {
        let start = Instant::now();
        for _ in 0..calls {
            black_box(assess(black_box(pilot)));
        }
        let elapsed = start.elapsed().as_secs_f64();
        if elapsed > 0.2 || calls > 10_000_000 {
            return elapsed / f64::from(calls) * 1e6;
        }
        calls *= 4;
    }
}

fn main() {
    let pilots = examples();
    let mut all = Vec::new();
    println!(
        "{:<28} {:>12} {:>12} {:>12}",
        "pilot", "µs/assess", "µs/quick", "µs/live"
    );
    for pilot in &pilots {
        let us = time_per_call(pilot);
        all.push(time_one(pilot, assess_quick));
        println!("{:<28} {us}", pilot.id);
    }
    if let Some(first) = pilots.first() {
        let mut big = first.clone();
        big.reliability.batches = vec![pilot_audit::audit::Batch {
            date: "2026-01-05".into(),
            cases: 10_000_000,
            failures: 2_500,
            ..Default::default()
        }];
        let us = time_per_call(&big);
        println!("{:<28} {us}", "10^7 cases, 2,500 failures");
        // A long log: 10,000 batches of the buyer's, with drift tested on the last.
        let mut long = first.clone();
        long.reliability.batches = (0..10_000u64)
            .map(|i| pilot_audit::audit::Batch {
                date: format!("2026-{:02}-{:02}", 1 + i / 1000 % 12, 1 + i % 28),
                cases: 500,
                failures: i % 3,
                ..Default::default()
            })
            .collect();
        let us = time_per_call(&long);
        println!("{:<28} {us}", "10,000 batches");
    }
    // The chance it pays: the app's 10,000 draws (DESIGN §10), without and with ranges.
    let draws = pilot_audit::audit::simulation::DRAWS;
    for pilot in pilots
        .iter()
        .filter(|p| simulate(p, 1, 1).is_some())
        .take(1)
    {
        let mut ranged = pilot.clone();
        for field in Field::ranged() {
            let spec = field.spec();
            if let Some((get, _)) = spec.number_access() {
                let v = get(pilot);
                ranged.ranges.insert(
                    spec.path.into(),
                    InputRange {
                        low: v * 0.5,
                        high: v * 2.0 + 1.0,
                    },
                );
            }
        }
        for (name, p) in [("no ranges", pilot), ("every range", &ranged)] {
            let start = Instant::now();
            let runs = 20;
            for _ in 0..runs {
                black_box(simulate(black_box(p), draws, 1));
            }
            let ms = start.elapsed().as_secs_f64() * 1e3 / f64::from(runs);
            println!("simulate {} {draws} draws, {name}: {ms:.2} ms", pilot.id);
        }
    }
    all.sort_by(f64::total_cmp);
    if let Some(median) = all.get(all.len() / 2) {
        println!("median over the examples: {median:.2} µs per assess_quick (target < 50 µs)");
    }
}
