//! The pilots whose reports take the most room on paper, as a Pilot Audit file on stdout.
//!
//! The report must print on two pages of A4 and of Letter for any valid pilot (DESIGN §5);
//! the end-to-end test prints these. They are found, not written by hand: valid pilots are
//! drawn at random from every number's allowed range and every choice in the field schema,
//! and the ones with the longest findings, fixes and chart captions are kept — among them
//! one where every criterion fails. Each carries an evidence log of up to 40 batches and up
//! to three plans, and both ways of sourcing its model (a GPU block and an API), so that the
//! report's Sourcing section prints too. Their texts are then filled to their length caps, with wide letters, in
//! words and (the name of one) as a single unbroken run.
//!
//! `cargo run --example worst_cases > worst.json`; the same file every run (fixed seed).

use pilot_audit::audit::examples::examples;
use pilot_audit::audit::schema::{
    EntryKind, Field, Kind, ALTERNATIVE_PRICES, BATCH_FIELDS, GPU_FIELDS, MAX_ALLOWED_FAILURES,
};
use pilot_audit::audit::sourcing::{gpu_block, runs_on_own_gpus};
use pilot_audit::audit::words::sourcing::paper_words;
use pilot_audit::audit::{audit, Alternative, Assessment, Batch, Gpu, Pilot, Plan, Source, Status};
use pilot_audit::charts::report as captions;
use pilot_audit::store::file::FILE_VERSION;

/// Candidates drawn: every branch of every criterion is met many times over (40,000 draws
/// find reports 2% longer, at ten times the 30 s this takes in a debug build).
const DRAWS: usize = 4_000;

/// xorshift64*: a fixed, dependency-free stream, so the file is the same on every run.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A number in [min, max]: a bound, a value spread over every order of magnitude, or an
/// ugly fraction (long to print).
fn number(d: &mut Draw, min: f64, max: f64, integer: bool) -> f64 {
    let value = match d.below(6) {
        0 => min,
        1 => max,
        2 => min + (max - min) * d.unit(),
        _ => {
            // Log-uniform between max(min, 1e-6) and max, or near 1 for rates.
            let low = min.max(1e-6).ln();
            let high = max.max(1e-6).ln();
            (low + (high - low) * d.unit()).exp().clamp(min, max)
        }
    };
    if integer {
        value.round().clamp(min, max)
    } else {
        value
    }
}

/// Every number, choice and yes/no of `base` drawn afresh; texts kept.
fn drawn(d: &mut Draw, base: &Pilot) -> Pilot {
    let mut p = base.clone();
    for field in Field::ALL {
        let spec = field.spec();
        match spec.kind {
            Kind::Number { rule, set, .. } => {
                set(&mut p, number(d, rule.min, rule.max, rule.integer))
            }
            Kind::Choice { options, set, .. } => {
                let options = options();
                set(&mut p, &options[d.below(options.len())].0);
            }
            Kind::Check { set, .. } => set(&mut p, d.below(2) == 1),
            Kind::Text { .. } | Kind::Stamp { .. } => {}
        }
    }
    // Rates near the standard's are where the longest reliability sentences are.
    if d.below(2) == 1 {
        p.reliability.target = 0.999;
        p.reliability.confidence = 0.95;
    }
    p.reliability.batches = drawn_log(d);
    p.reliability.plans = drawn_plans(d, &p);
    give_sourcing(d, &mut p);
    p
}

/// A GPU block with every input drawn over its rule (the operations rate given or not).
fn drawn_gpu(d: &mut Draw) -> Gpu {
    let mut g = Gpu::default();
    for spec in &GPU_FIELDS {
        match spec.kind {
            EntryKind::Number { rule, set, .. } => {
                set(&mut g, number(d, rule.min, rule.max, rule.integer))
            }
            EntryKind::MaybeNumber { rule, set, .. } => set(
                &mut g,
                (d.below(2) == 1).then(|| number(d, rule.min, rule.max, rule.integer)),
            ),
            _ => unreachable!("a GPU block's inputs are numbers"),
        }
    }
    g
}

/// Both options of DESIGN §12: a hosted model's own GPUs and the API it could use instead,
/// or an API pilot's prices and the GPUs it could run on.
fn give_sourcing(d: &mut Draw, p: &mut Pilot) {
    let price = |d: &mut Draw, field: Field| {
        let rule = field.spec().number_rule().expect("a price is a number");
        number(d, rule.min, rule.max, rule.integer)
    };
    let [input, output] = ALTERNATIVE_PRICES;
    p.compute.alternative = Some(if runs_on_own_gpus(p.compute.sourcing) {
        p.compute.gpu = Some(drawn_gpu(d));
        Alternative {
            price_per_million_input: price(d, input),
            price_per_million_output: price(d, output),
            gpu: None,
        }
    } else {
        Alternative {
            gpu: Some(drawn_gpu(d)),
            ..Alternative::default()
        }
    });
}

/// An evidence log of up to 40 batches, dated in order over 2025, from every source and
/// two model versions, with counts drawn over the batch schema's ranges.
fn drawn_log(d: &mut Draw) -> Vec<Batch> {
    let n = d.below(41);
    let sources = [
        Source::VendorTest,
        Source::BuyerSample,
        Source::BuyerProduction,
    ];
    let EntryKind::Number { rule, .. } = BATCH_FIELDS[1].kind else {
        unreachable!("cases is a number")
    };
    // Cases within the engine's total: each batch at most its share.
    let max_each = (rule.max / n.max(1) as f64).floor();
    (0..n)
        .map(|i| {
            let cases = number(d, rule.min, max_each.max(rule.min), true) as u64;
            let failures = match d.below(3) {
                0 => 0,
                1 => cases.min(d.below(5) as u64),
                _ => (cases as f64 * d.unit() * d.unit()) as u64,
            };
            Batch {
                date: format!("2025-{:02}-{:02}", 1 + i * 12 / 41, 1 + d.below(28)),
                cases,
                failures,
                source: sources[d.below(3)],
                model_version: if d.below(4) == 0 { "v1" } else { "v2" }.to_string(),
                note: String::new(),
            }
        })
        .collect::<Vec<_>>()
        .into_iter()
        .scan(String::new(), |last, mut b| {
            // Oldest first.
            if b.date < *last {
                b.date = last.clone();
            }
            *last = b.date.clone();
            Some(b)
        })
        .collect()
}

/// Up to three plans, the last in force, set during 2025.
fn drawn_plans(d: &mut Draw, p: &Pilot) -> Vec<Plan> {
    (0..d.below(4))
        .map(|i| Plan {
            set_on: format!("2025-{:02}-01", 1 + i * 4),
            target: p.reliability.target,
            confidence: p.reliability.confidence,
            allowed_failures: number(d, 0.0, MAX_ALLOWED_FAILURES, true) as u32,
            decide_by: if d.below(2) == 0 {
                String::new()
            } else {
                format!("2025-{:02}-28", 2 + i * 4)
            },
        })
        .collect()
}

/// Characters the report prints for a criterion row: the taller of finding and fix.
fn criteria_room(a: &Assessment) -> usize {
    a.criteria
        .iter()
        .map(|c| c.finding.chars().count().max(c.fix.chars().count()))
        .sum()
}

/// Characters of the chart captions (the history's hardly varies: two dates, two bounds)
/// and of the Sourcing paragraph printed beside them.
fn caption_room(p: &Pilot, a: &Assessment) -> usize {
    let gpus = gpu_block(&p.compute).map(|g| g.gpus);
    let sourcing = paper_words(&a.sourcing, gpus, p.task.monthly_volume, &p.currency);
    [
        sourcing,
        captions::cost_per_task_caption(p, a),
        captions::cost_stack_caption(p, a),
        captions::cash_flow_caption(p, a),
        captions::tornado_caption(p, a),
        captions::reliability_path_caption(p, a),
    ]
    .iter()
    .map(|c| c.chars().count())
    .sum()
}

/// Text of `cap` characters in wide words ("Wwwwwwww Mmmmmmm …"), or one unbroken run.
fn wide_text(cap: usize, unbroken: bool) -> String {
    if unbroken {
        return "W".repeat(cap);
    }
    let mut s = String::new();
    let words = ["Wwwwwwwwww", "Mmmmmmmmm", "WMWMWMWMWMWM", "Mmmmmmmmmmmmmm"];
    let mut i = 0;
    while s.chars().count() < cap {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(words[i % words.len()]);
        i += 1;
    }
    s.chars()
        .take(cap)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Every text at its cap (the id aside), the batches' too.
fn fill_texts(p: &mut Pilot, unbroken_name: bool) {
    for field in Field::ALL {
        if let Kind::Text { cap, set, .. } = field.spec().kind {
            if *field == Field::Id {
                continue;
            }
            set(p, wide_text(cap, unbroken_name && *field == Field::Name));
        }
    }
    for b in &mut p.reliability.batches {
        for spec in &BATCH_FIELDS {
            if let EntryKind::Text { cap, set, get } = spec.kind {
                // Keep the model version's identity (which batches count) in its first letters.
                let keep = get(b).to_string();
                set(
                    b,
                    format!("{keep}{}", wide_text(cap - keep.chars().count(), false)),
                );
            }
        }
    }
}

/// A range on every input that takes one, across its whole rule: the longest ranges the
/// appendix prints, and every answer named where the report says what was drawn.
fn give_every_range(p: &mut Pilot) {
    for field in Field::ranged() {
        let spec = field.spec();
        if let Some(rule) = spec.number_rule() {
            p.ranges.insert(
                spec.path.to_string(),
                pilot_audit::audit::InputRange {
                    low: rule.min,
                    high: rule.max,
                },
            );
        }
    }
}

fn main() {
    let base = examples()
        .into_iter()
        .next()
        .expect("the examples are part of the crate");
    let mut d = Draw(0x9E37_79B9_7F4A_7C15);
    // (room, pilot) for: criteria text, criteria text with every criterion failing, captions.
    let mut best: [(usize, Option<Pilot>); 3] = [(0, None), (0, None), (0, None)];
    for _ in 0..DRAWS {
        let p = drawn(&mut d, &base);
        let Ok(a) = audit(&p) else { continue };
        let criteria = criteria_room(&a);
        let all_fail = a.criteria.iter().all(|c| c.status == Status::Fail);
        let room = [
            criteria,
            if all_fail { criteria } else { 0 },
            caption_room(&p, &a) + criteria / 2,
        ];
        for (slot, room) in best.iter_mut().zip(room) {
            if room > slot.0 {
                *slot = (room, Some(p.clone()));
            }
        }
    }
    let names = [
        "longest-criteria",
        "every-criterion-fails",
        "longest-captions",
    ];
    let mut pilots = Vec::new();
    for (i, ((room, pilot), name)) in best.into_iter().zip(names).enumerate() {
        let Some(mut p) = pilot else {
            eprintln!("no valid pilot drawn for {name}");
            std::process::exit(1);
        };
        fill_texts(&mut p, i == 0);
        give_every_range(&mut p);
        p.id = format!("worst-{name}");
        eprintln!("{}: {room} characters", p.id);
        pilots.push(p);
    }
    let file =
        serde_json::json!({ "format": "pilot-audit", "version": FILE_VERSION, "pilots": pilots });
    println!(
        "{}",
        serde_json::to_string_pretty(&file).expect("a pilot serializes")
    );
}
