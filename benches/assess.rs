//! `cargo bench --bench assess`: microseconds per `assess` (sensitivity, chance to
//! demonstrate and cases for 80% included) and per `assess_quick` (the library, compare and
//! the live verdict: without the last two) for each example pilot, a large-sample pilot and
//! a 10,000-batch log. Prints figures; asserts nothing about time.

use pilot_audit::audit::examples::examples;
use pilot_audit::audit::{assess_quick, Assessment};
use std::hint::black_box;
use std::time::Instant;

fn time_per_call(pilot: &pilot_audit::Pilot) -> String {
    let full = time_one(pilot, pilot_audit::assess);
    let quick = time_one(pilot, assess_quick);
    format!("{full:>12.2} {quick:>12.2}")
}

fn time_one(pilot: &pilot_audit::Pilot, assess: fn(&pilot_audit::Pilot) -> Assessment) -> f64 {
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
    println!("{:<28} {:>12} {:>12}", "pilot", "µs/assess", "µs/quick");
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
    all.sort_by(f64::total_cmp);
    if let Some(median) = all.get(all.len() / 2) {
        println!("median over the examples: {median:.2} µs per assess_quick (target < 50 µs)");
    }
}
