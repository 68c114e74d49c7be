//! Property tests over random valid pilots (proptest): no panic, no NaN, score in range,
//! more failures never help, dearer tokens never raise NPV, passing everything scales.

use pilot_audit::audit::assess_quick;
use pilot_audit::audit::model::*;
use pilot_audit::audit::number::parse_number;
use pilot_audit::audit::CriterionId;
use pilot_audit::{assess, Pilot};
use proptest::prelude::*;

use crate::common::batch0;

fn input_structure() -> impl Strategy<Value = InputStructure> {
    prop_oneof![
        Just(InputStructure::Structured),
        Just(InputStructure::SemiStructured),
        Just(InputStructure::FreeForm)
    ]
}

fn evidence() -> impl Strategy<Value = Source> {
    prop_oneof![
        Just(Source::VendorTest),
        Just(Source::BuyerSample),
        Just(Source::BuyerProduction)
    ]
}

fn destination() -> impl Strategy<Value = OutputDestination> {
    prop_oneof![
        Just(OutputDestination::CopyPaste),
        Just(OutputDestination::StandaloneTool),
        Just(OutputDestination::SystemOfRecordApi),
        Just(OutputDestination::AutomatedWorkflow)
    ]
}

fn sourcing() -> impl Strategy<Value = Sourcing> {
    prop_oneof![
        Just(Sourcing::ThirdPartyApi),
        Just(Sourcing::VendorWrapper),
        Just(Sourcing::SelfHostedOpenModel),
        Just(Sourcing::DistilledSmallModel)
    ]
}

/// Random pilots inside the allowed ranges of validation.
fn valid_pilot() -> impl Strategy<Value = Pilot> {
    let task = (
        0u32..6,
        input_structure(),
        prop_oneof![Just(0.0), 0.0..200_000.0f64],
        0.0..120.0f64,
        0.0..300.0f64,
        0.0..1.0f64,
        0.0..5_000.0f64,
    );
    let reliability = (
        0.9..0.9999f64,
        0.8..0.99f64,
        prop_oneof![Just(0u64), 1u64..50_000],
        0.0..1.0f64,
        evidence(),
        0.0..=1.0f64,
        0.0..=1.0f64,
        0.0..30.0f64,
    );
    let integration = (
        destination(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0.0..2e6f64,
        0.0..20_000.0f64,
    );
    let compute = (
        sourcing(),
        0.0..20_000.0f64,
        0.0..4_000.0f64,
        0.0..60.0f64,
        0.0..120.0f64,
        prop_oneof![Just(0.0), 0.0..100_000.0f64],
        prop_oneof![Just(0.0), 1.0..1e6f64],
        0.0..50_000.0f64,
        any::<bool>(),
    );
    let finance = (
        0.0..0.3f64,
        1u32..=120,
        prop_oneof![Just(String::new()), "[a-z ]{1,20}"],
    );
    (task, reliability, integration, compute, finance).prop_map(|(t, r, i, c, f)| {
        let mut p = Pilot {
            id: "p".into(),
            name: "Random".into(),
            owner: f.2,
            ..Pilot::default()
        };
        p.task.distinct_tasks = t.0.max(1);
        p.task.input_structure = t.1;
        p.task.monthly_volume = t.2;
        p.task.human_minutes_per_task = t.3;
        p.task.hourly_cost = t.4;
        p.task.human_error_rate = t.5;
        p.task.cost_per_error = t.6;
        p.reliability.target = r.0;
        p.reliability.confidence = r.1;
        if r.2 > 0 {
            let b = batch0(&mut p);
            b.cases = r.2;
            b.failures = (r.2 as f64 * r.3 * r.3 * r.3) as u64;
            b.source = r.4;
        }
        p.reliability.failure_detection_rate = r.5;
        p.reliability.review_share = r.6;
        p.reliability.review_minutes_per_task = r.7;
        p.integration.output_destination = i.0;
        p.integration.fallback_to_human = i.1;
        p.integration.monitoring = i.2;
        p.integration.deployment_plan = i.3;
        p.integration.one_off_cost = i.4;
        p.integration.monthly_maintenance = i.5;
        p.compute.sourcing = c.0;
        p.compute.input_tokens_per_task = c.1;
        p.compute.output_tokens_per_task = c.2;
        p.compute.price_per_million_input = c.3;
        p.compute.price_per_million_output = c.4;
        p.compute.monthly_fixed_compute = c.5;
        p.compute.provisioned_tasks_per_month = c.6;
        p.compute.monthly_licence = c.7;
        p.compute.proprietary_data = c.8;
        p.finance.discount_rate = f.0;
        p.finance.horizon_months = f.1;
        p
    })
}

fn finite_assessment(a: &Assessment) -> bool {
    let case_ok = |c: &EconomicCase| {
        [
            c.failure_rate,
            c.human_cost_per_task,
            c.monthly_baseline,
            c.monthly_net_value,
            c.npv,
            c.monthly_cost.total,
        ]
        .iter()
        .chain(c.ai_cost_per_task.iter())
        .chain(c.payback_months.iter())
        .chain(c.roi.iter())
        .all(|x| x.is_finite())
    };
    a.score.is_finite()
        && (0.0..=100.0).contains(&a.score)
        && a.criteria.iter().all(|c| (0.0..=100.0).contains(&c.score))
        && a.reliability.lower_bound.is_finite()
        && (0.0..=1.0).contains(&a.reliability.lower_bound)
        && case_ok(&a.economics.expected)
        && case_ok(&a.economics.conservative)
        && a.sensitivity
            .iter()
            .all(|r| r.npv_low.is_finite() && r.npv_high.is_finite() && r.swing.is_finite())
}

/// Whether criterion `x` decides the verdict of `a` under DESIGN §4, written from the rule
/// itself: for stop a gate (reliability, unit economics) that fails; for scale a gate that
/// passes; for fix anything that stands between the pilot and scale — a failing criterion,
/// a gate short of a pass, integration with monitoring off, deployment with no owner, or,
/// with the score under 80, a criterion short of full marks.
fn decides_under_section_4(x: CriterionId, a: &Assessment, p: &Pilot) -> bool {
    let c = a
        .criteria
        .iter()
        .find(|c| c.id == x)
        .expect("every criterion is judged");
    let gate = matches!(x, CriterionId::Reliability | CriterionId::UnitEconomics);
    match a.verdict {
        Verdict::Stop => gate && c.status == Status::Fail,
        Verdict::Scale => gate && c.status == Status::Pass,
        Verdict::Fix => {
            c.status == Status::Fail
                || (gate && c.status != Status::Pass)
                || (x == CriterionId::Integration && !p.integration.monitoring)
                || (x == CriterionId::Deployment && p.owner.trim().is_empty())
                || (a.score < 80.0 && c.score < 100.0)
        }
    }
}

/// The report's first words name that criterion and its own fix (scale has none to give).
fn first_words_hold(p: &Pilot) -> Result<(), TestCaseError> {
    use pilot_audit::audit::words::summary::first_words;
    let a = assess(p);
    let w = first_words(&a, p);
    prop_assert!(
        decides_under_section_4(w.decider, &a, p),
        "{:?} named for a {:?} ({:?})",
        w.decider,
        a.verdict,
        a.criteria
            .iter()
            .map(|c| (c.id, c.status))
            .collect::<Vec<_>>()
    );
    let c = a.criteria.iter().find(|c| c.id == w.decider).unwrap();
    prop_assert!(w.reason.contains(w.decider.name()), "{}", w.reason);
    if a.verdict != Verdict::Scale && !c.fix.is_empty() {
        prop_assert_eq!(&w.next_step, &c.fix);
    }
    Ok(())
}

#[test]
fn the_first_words_of_each_example_name_what_decides_it() {
    for p in pilot_audit::audit::examples::examples() {
        first_words_hold(&p).unwrap_or_else(|e| panic!("{}: {e}", p.id));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The reason the report opens on is a criterion that decides the verdict (issue 32).
    #[test]
    fn the_first_words_name_what_decides_the_verdict(p in valid_pilot()) {
        first_words_hold(&p)?;
    }

    /// A stored pilot reads back bit for bit, whatever its figures (serde_json's
    /// `float_roundtrip`: without it, a price of 984777.3871067745 came back as ...744).
    #[test]
    fn stored_figures_read_back_exactly(volume in any::<f64>(), price in 0.0f64..1e6, rate in 0.0f64..1.0) {
        prop_assume!(volume.is_finite());
        let mut p = Pilot { id: "p".into(), ..Pilot::default() };
        p.task.monthly_volume = volume;
        p.compute.price_per_million_input = price;
        p.task.human_error_rate = rate;
        let raw = pilot_audit::store::record::encode(&p).unwrap();
        prop_assert_eq!(pilot_audit::store::record::decode(&raw), Ok(p));
    }

    /// Numbers as people type them read exactly as core's `f64::from_str` reads them (the
    /// app reads them with serde_json's parser, to keep core's out of the wasm).
    #[test]
    fn typed_numbers_read_as_core_reads_them(
        sign in prop::sample::select(vec!["", "-", "+"]),
        int in "[0-9]{0,20}",
        frac in prop::option::of("[0-9]{0,12}"),
        exp in prop::option::of((-40i32..40, prop::sample::select(vec!["e", "E", "e+", "E+"]))),
    ) {
        let mut typed = format!("{sign}{int}");
        if let Some(frac) = &frac {
            typed.push('.');
            typed.push_str(frac);
        }
        if let Some((exp, mark)) = exp {
            // "e+-5" is not a number: a sign after the plus only with a positive exponent.
            let mark = if exp < 0 { &mark[..1] } else { mark };
            typed.push_str(&format!("{mark}{exp}"));
        }
        let read = parse_number(&typed);
        match typed.parse::<f64>() {
            Ok(oracle) if !int.is_empty() || frac.as_deref().is_some_and(|f| !f.is_empty()) => {
                prop_assert_eq!(read, Ok(oracle), "{}", typed);
            }
            _ => prop_assert!(read.is_err(), "{} should be refused", typed),
        }
    }

    /// A comma is read only as a thousands separator: "1,5" is refused, never 15.
    #[test]
    fn a_comma_is_a_thousands_separator_or_refused(
        head in "[1-9][0-9]{0,5}",
        tail in "[0-9]{1,5}",
        frac in prop::option::of("[0-9]{1,3}"),
    ) {
        let mut typed = format!("{head},{tail}");
        if let Some(frac) = &frac {
            typed.push('.');
            typed.push_str(frac);
        }
        let grouped = head.len() <= 3 && tail.len() == 3;
        match parse_number(&typed) {
            Ok(v) => {
                prop_assert!(grouped, "{} read as {}", typed, v);
                prop_assert_eq!(v, typed.replace(',', "").parse::<f64>().unwrap());
            }
            Err(why) => {
                prop_assert!(!grouped, "{} refused: {}", typed, why);
                let quoted = format!("“{typed}”");
                prop_assert!(why.message().contains(&quoted), "{}", why);
            }
        }
    }

    #[test]
    fn valid_pilots_assess_to_finite_figures(p in valid_pilot()) {
        prop_assert_eq!(p.validate(), Ok(()));
        let a = assess(&p);
        prop_assert!(finite_assessment(&a));
        prop_assert_eq!(a.criteria.len(), 7);
        prop_assert_eq!(a.reliability.demonstrated, a.reliability.evidence.cases > 0 && a.reliability.lower_bound >= p.reliability.target);
        for c in &a.criteria {
            prop_assert!(!c.finding.is_empty());
            prop_assert_eq!(c.status == Status::Pass, c.fix.is_empty(), "{}: {}", c.id.id(), c.fix);
            prop_assert!(!c.finding.contains("NaN") && !c.fix.contains("NaN") && !c.fix.contains("inf"));
        }
    }

    #[test]
    fn more_failures_never_improve_score_or_verdict(p in valid_pilot(), extra in 1u64..500) {
        let before = assess_quick(&p);
        let mut worse = p.clone();
        let cases = batch0(&mut worse).cases.max(1);
        batch0(&mut worse).cases = cases;
        let base = worse.clone();
        let before = if base == p { before } else { assess_quick(&base) };
        let b = batch0(&mut worse);
        b.failures = (b.failures + extra).min(b.cases);
        let after = assess_quick(&worse);
        prop_assert!(after.score <= before.score + 1e-9, "{} -> {}", before.score, after.score);
        prop_assert!(after.verdict <= before.verdict, "{:?} -> {:?}", before.verdict, after.verdict);
    }

    #[test]
    fn dearer_tokens_never_raise_npv(p in valid_pilot(), factor in 1.0..10.0f64) {
        let before = assess_quick(&p);
        let mut dearer = p.clone();
        dearer.compute.price_per_million_input *= factor;
        dearer.compute.price_per_million_output *= factor;
        let after = assess_quick(&dearer);
        prop_assert!(after.economics.expected.npv <= before.economics.expected.npv + 1e-6);
        prop_assert!(after.economics.conservative.npv <= before.economics.conservative.npv + 1e-6);
    }

    #[test]
    fn money_already_spent_never_worsens_a_verdict(p in valid_pilot(), share in 0.0..=1.0f64, ramp in 0u32..=24) {
        // Spent money is sunk (DESIGN §3): more of the one-off spent leaves less to spend.
        let mut ramped = p.clone();
        ramped.task.ramp_months = ramp;
        let before = assess_quick(&ramped);
        let mut spent = ramped.clone();
        spent.integration.one_off_spent = spent.integration.one_off_cost * share;
        let after = assess_quick(&spent);
        prop_assert!(after.verdict >= before.verdict, "{:?} -> {:?}", before.verdict, after.verdict);
        prop_assert!(after.score >= before.score - 1e-9, "{} -> {}", before.score, after.score);
        for (b, a) in [(&before.economics.expected, &after.economics.expected), (&before.economics.conservative, &after.economics.conservative)] {
            prop_assert!(a.npv >= b.npv - 1e-6 * b.npv.abs().max(1.0));
            prop_assert!((a.npv_including_spent - b.npv).abs() <= 1e-6 * b.npv.abs().max(1.0), "the same money, counted whole");
        }
    }

    #[test]
    fn a_horizon_past_36_months_never_changes_a_verdict(p in valid_pilot(), longer in 37u32..=120) {
        // The standard judges over min(horizon, 36) (DESIGN §3, §4): a longer horizon
        // cannot rescue a pilot.
        let mut at36 = p.clone();
        at36.finance.horizon_months = 36;
        let mut far = p.clone();
        far.finance.horizon_months = longer;
        let (a, b) = (assess_quick(&at36), assess_quick(&far));
        prop_assert_eq!(a.verdict, b.verdict);
        let statuses = |x: &pilot_audit::Assessment| x.criteria.iter().map(|c| c.status).collect::<Vec<_>>();
        prop_assert_eq!(statuses(&a), statuses(&b));
        prop_assert_eq!(a.economics.conservative.npv_judged, b.economics.conservative.npv_judged);
    }

    #[test]
    fn a_stricter_target_or_confidence_never_removes_a_stop(
        p in valid_pilot(),
        target_up in 0.0..1.0f64,
        confidence_up in 0.0..1.0f64,
    ) {
        // With evidence counted. Untested, the target is the claim (§3), up to the
        // standard's 99.9% and no further: no_target_or_confidence_does_better_than_the_standards_own.
        prop_assume!(assess_quick(&p).reliability.evidence.cases > 0);
        let before = assess_quick(&p);
        let mut strict = p.clone();
        let r = &mut strict.reliability;
        r.target += (0.99999 - r.target).max(0.0) * target_up;
        r.confidence += (0.999 - r.confidence).max(0.0) * confidence_up;
        let after = assess_quick(&strict);
        if before.verdict == Verdict::Stop {
            prop_assert_eq!(after.verdict, Verdict::Stop, "{} at {}", strict.reliability.target, strict.reliability.confidence);
        }
    }

    #[test]
    fn no_target_or_confidence_does_better_than_the_standards_own(
        p in valid_pilot(),
        target in 0.5..0.999999f64,
        confidence in 0.5..0.9999f64,
    ) {
        // Whatever the buyer assesses a pilot at, its verdict, score and money are never
        // better than at the standard's 99.9% and 95%: a looser confidence does not lift
        // the conservative case, a stricter target does not lift an untested claim.
        let at = |t: f64, c: f64| {
            let mut q = p.clone();
            q.reliability.target = t;
            q.reliability.confidence = c;
            assess_quick(&q)
        };
        let standard = at(0.999, 0.95);
        let chosen = at(target, confidence);
        let rank = |v: Verdict| match v { Verdict::Stop => 0, Verdict::Fix => 1, Verdict::Scale => 2 };
        prop_assert!(rank(chosen.verdict) <= rank(standard.verdict), "{:?} at {target}/{confidence}, {:?} at the standard", chosen.verdict, standard.verdict);
        let status = |a: &pilot_audit::Assessment, id: CriterionId| a.criteria.iter().find(|c| c.id == id).map(|c| c.status);
        for id in [CriterionId::UnitEconomics, CriterionId::Defensibility] {
            prop_assert!(status(&chosen, id) <= status(&standard, id), "{:?}", id);
        }
        let (c, s) = (&chosen.economics, &standard.economics);
        prop_assert!(c.conservative.npv_judged <= s.conservative.npv_judged + 1e-6 * s.conservative.npv_judged.abs().max(1.0));
        prop_assert!(c.expected.npv_judged <= s.expected.npv_judged + 1e-6 * s.expected.npv_judged.abs().max(1.0));
    }

    #[test]
    fn a_slower_ramp_never_raises_npv(p in valid_pilot(), ramp in 0u32..24) {
        let mut slow = p.clone();
        slow.task.ramp_months = ramp;
        let before = assess_quick(&slow);
        slow.task.ramp_months = ramp + 1;
        let after = assess_quick(&slow);
        for (b, a) in [(&before.economics.expected, &after.economics.expected), (&before.economics.conservative, &after.economics.conservative)] {
            if b.monthly_net_value + 1e-9 >= -(a.monthly_cost.fixed_compute + a.monthly_cost.licence + a.monthly_cost.maintenance) {
                prop_assert!(a.npv <= b.npv + 1e-6 * b.npv.abs().max(1.0), "{} -> {}", b.npv, a.npv);
            }
        }
    }

    #[test]
    fn passing_every_criterion_means_scale(p in valid_pilot()) {
        let a = assess_quick(&p);
        if a.criteria.iter().all(|c| c.status == Status::Pass) {
            prop_assert_eq!(a.verdict, Verdict::Scale);
            prop_assert_eq!(a.score, 100.0);
        }
    }

    #[test]
    fn cases_needed_reaches_the_target_exactly(n in 0u64..20_000, k in 0u64..30, target in 0.9..0.9999f64, conf in 0.8..0.99f64) {
        let k = k.min(n);
        let r = pilot_audit::audit::reliability::reliability(n, k, target, conf);
        let needed = r.cases_needed.expect("finite for targets below 1");
        let after = pilot_audit::audit::reliability::lower_bound(n + needed, k, conf);
        prop_assert!(after >= target - 1e-12, "n={} k={} needed={} bound {}", n, k, needed, after);
        if needed > 1 {
            let before = pilot_audit::audit::reliability::lower_bound(n + needed - 1, k, conf);
            prop_assert!(before < target + 1e-12);
        }
    }
}

/// Generated pilots that pass everything exist, so the scale property is not vacuous.
#[test]
fn a_generated_all_pass_pilot_exists() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = valid_pilot();
    let mut found = 0;
    for _ in 0..20_000 {
        let mut p = strategy.new_tree(&mut runner).unwrap().current();
        // Steer towards the standard, leaving the numbers random.
        p.task.distinct_tasks = 1;
        p.task.input_structure = InputStructure::Structured;
        batch0(&mut p).source = Source::BuyerProduction;
        p.integration.output_destination = OutputDestination::AutomatedWorkflow;
        p.integration.fallback_to_human = true;
        p.integration.monitoring = true;
        p.integration.deployment_plan = true;
        p.owner = "Owner".into();
        p.compute.sourcing = Sourcing::DistilledSmallModel;
        p.compute.provisioned_tasks_per_month = 0.0;
        p.reliability.target = 0.999;
        p.reliability.confidence = 0.95;
        // A plan set before the results, allowing the failures they hold (up to 20).
        let allowed = batch0(&mut p).failures.min(20) as u32;
        p.reliability.plans = vec![pilot_audit::audit::Plan {
            set_on: "2026-01-01".into(),
            target: 0.999,
            confidence: 0.95,
            allowed_failures: allowed,
            decide_by: String::new(),
        }];
        p.reliability.batches.truncate(1);
        let a = assess_quick(&p);
        if a.criteria.iter().all(|c| c.status == Status::Pass) {
            assert_eq!(a.verdict, Verdict::Scale);
            found += 1;
        }
    }
    assert!(found > 10, "only {found} all-pass pilots among 20,000");
}

/// A figure as printed in a finding: `99.899`, `1,742`, `-0.42`.
fn figure(text: &str) -> f64 {
    text.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {text}"))
}

/// Every comparison a finding or fix states, read back from its printed numbers, holds
/// (DESIGN §3: rounding never makes a sentence contradict itself). Each rule is what the
/// sentence says and its pattern; `checks` says which numbers it compares and how.
#[test]
fn printed_comparisons_never_contradict_themselves() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use regex::Regex;
    const P: &str = r"(-?\d[\d,]*(?:\.\d+)?)%";
    const M: &str = r"[^\d\s(-]*(-?\d[\d,]*(?:\.\d+)?)";
    let rules: Vec<(&str, Regex)> = vec![
        ("below the target", Regex::new(&format!(r"Observed {P} on [^;]*? is below the {P} target")).unwrap()),
        ("bound meets the target", Regex::new(&format!(r"the lower bound, {P} at {P} confidence, meets {P}")).unwrap()),
        ("bound short of the target", Regex::new(&format!(r"lower bound is only {P} at {P} confidence, short of {P}")).unwrap()),
        ("upper bound below the target", Regex::new(&format!(r"upper bound at {P} confidence, {P}, is below the standard's {P}")).unwrap()),
        ("cannot yet tell", Regex::new(&format!(r"below the {P} target, but the evidence cannot yet tell: the upper bound is {P}")).unwrap()),
        ("fewer errors than people", Regex::new(&format!(r"the AI gets at most {P} wrong against the {P} people get wrong")).unwrap()),
        ("cut the failure rate", Regex::new(&format!(r"from {P} to at most {P}")).unwrap()),
        ("compute over the share", Regex::new(&format!(r"compute is {P} of the human baseline, over {P}")).unwrap()),
        ("observed meets the target", Regex::new(&format!(r"Observed {P} on [^;]*? meets the {P} target, but the lower bound is only {P} at {P} confidence, short of {P}")).unwrap()),
        ("cost must fall", Regex::new(&format!(r"must fall below {M} \(today {M}")).unwrap()),
    ];
    // Pairs (first, second) each rule compares, and the order they must stand in.
    let checks = |name: &str, n: &[f64]| -> Vec<(f64, f64, &'static str)> {
        match name {
            "below the target" | "cut the failure rate" | "compute over the share" => {
                vec![(
                    n[0],
                    n[1],
                    if name == "below the target" { "<" } else { ">" },
                )]
            }
            "bound meets the target" => vec![(n[0], n[2], ">=")],
            "bound short of the target" => vec![(n[0], n[2], "<")],
            "upper bound below the target" => vec![(n[1], n[2], "<")],
            "cannot yet tell" => vec![(n[1], n[0], ">=")],
            "fewer errors than people" => vec![(n[0], n[1], "<")],
            "observed meets the target" => vec![(n[0], n[1], ">="), (n[2], n[4], "<")],
            "cost must fall" => vec![(n[0], n[1], "<")],
            _ => vec![],
        }
    };
    let mut seen = vec![0usize; rules.len()];
    let mut runner = TestRunner::deterministic();
    let strategy = valid_pilot();
    for i in 0..6_000u64 {
        let mut p = strategy.new_tree(&mut runner).unwrap().current();
        // Half at the standard, with evidence near the boundaries, where rounding bites.
        if i % 2 == 0 {
            p.reliability.target = 0.999;
            p.reliability.confidence = 0.95;
            batch0(&mut p).cases = 2_000 + (i * 7919) % 8_000;
            batch0(&mut p).failures = (i / 2) % 9;
        }
        let a = assess_quick(&p);
        for c in &a.criteria {
            for sentence in [&c.finding, &c.fix] {
                for (r, (name, pattern)) in rules.iter().enumerate() {
                    for caps in pattern.captures_iter(sentence) {
                        seen[r] += 1;
                        let n: Vec<f64> = caps
                            .iter()
                            .skip(1)
                            .map(|m| figure(m.unwrap().as_str()))
                            .collect();
                        for (x, y, op) in checks(name, &n) {
                            let holds = match op {
                                "<" => x < y,
                                ">" => x > y,
                                _ => x >= y,
                            };
                            assert!(holds, "{name}: {x} {op} {y} fails in {sentence:?}");
                        }
                    }
                }
            }
        }
    }
    for ((name, _), count) in rules.iter().zip(&seen) {
        assert!(*count > 0, "no sentence exercised the rule {name:?}");
    }
}
