//! The audit engine: pure arithmetic, no browser. `assess(&Pilot) -> Assessment`.
//!
//! Implements DESIGN §2–§4: reliability statistics (exact Clopper–Pearson bounds and the
//! success-run test), the economics of an expected and a conservative case, the seven
//! criteria of the standard and the verdict, sensitivity and break-even figures.

#![deny(missing_docs)]

pub mod criteria;
pub mod date;
pub mod economics;
pub mod evidence;
pub mod examples;
pub mod fingerprint;
pub mod format;
pub mod model;
pub mod number;
pub mod path;
pub mod read;
pub mod reliability;
pub mod schema;
pub mod sensitivity;
pub mod simulation;
pub mod sourcing;
pub mod standard;
pub mod uncertainty;
pub mod validation;
pub mod words;

pub use model::*;
pub use read::{migrate_v1, pilot_from_json, ReadError};
pub use standard::{CriterionId, STANDARD_VERSION};
pub use validation::FieldError;

/// The assessment of a pilot whose answers are all valid, or the answers to fix: the app
/// shows no verdict or figure for a pilot that fails validation (DESIGN §6).
pub fn audit(pilot: &Pilot) -> Result<Assessment, Vec<FieldError>> {
    pilot.validate()?;
    Ok(assess(pilot))
}

/// [`audit`] with [`assess_quick`]: for the views that show neither the chance to
/// demonstrate nor the cases for an 80% chance (the library, compare, the live verdict).
pub fn audit_quick(pilot: &Pilot) -> Result<Assessment, Vec<FieldError>> {
    pilot.validate()?;
    Ok(assess_quick(pilot))
}

/// Audit one pilot against the standard.
///
/// The pilot is first brought into its allowed ranges ([`Pilot::sanitized`]), so every
/// figure is finite for any input; figures that cannot be known are `None` (null in JSON).
///
/// * Reliability: [`reliability::reliability`] on the cases and failures observed.
/// * Expected case: AI failure rate f = (failures + ½) ÷ (cases + 1), the Jeffreys
///   posterior mean, or 1 − target when nothing was tested; conservative case:
///   f = 1 − Clopper–Pearson lower bound.
/// * Criteria, score and verdict: judged by [`criteria`], phrased by [`words`]; tornado and
///   break-even: [`sensitivity`].
pub fn assess(pilot: &Pilot) -> Assessment {
    assess_on(pilot, &date::today())
}

/// [`assess`] without the two figures that search over more cases (`chance_to_demonstrate`
/// empty, `cases_for_80_percent` null): up to a few milliseconds for a pilot that cannot
/// reach an 80% chance, too slow for every keystroke or for 500 rows of the library.
pub fn assess_quick(pilot: &Pilot) -> Assessment {
    assess_with(pilot, &date::today(), false)
}

/// [`assess`] as on `today` (`YYYY-MM-DD`), the date a test plan's decide-by is judged against.
pub fn assess_on(pilot: &Pilot, today: &str) -> Assessment {
    assess_with(pilot, today, true)
}

/// The verdict, score and judged criteria of a pilot whose answers are all valid, without
/// a sentence, the tornado or the search over more cases: what the live verdict shows as
/// the person types (DESIGN §7: within one frame of a keystroke).
pub fn judge_quick(pilot: &Pilot) -> Result<criteria::Judgement, Vec<FieldError>> {
    pilot.validate()?;
    Ok(judgement_on(pilot, &date::today(), false))
}

/// Judge the (sanitized) `pilot` as on `today`; `planning` adds the chance to demonstrate
/// and the cases for an 80% chance.
pub(crate) fn judgement_on(pilot: &Pilot, today: &str, planning: bool) -> criteria::Judgement {
    let p = pilot.sanitized();
    let r = &p.reliability;
    let counted = evidence::counted(&r.batches);
    let mut rel = reliability::reliability(
        counted.summary.cases,
        counted.summary.failures,
        r.target,
        r.confidence,
    );
    rel.drift = evidence::drift(&r.batches, &counted);
    rel.stale = evidence::stale(&r.batches, &counted);
    rel.plan = evidence::plan(r, &counted, today);
    rel.power = uncertainty::power(r.target, r.confidence);
    if counted.summary.kind == EvidenceKind::Buyer {
        let (n, k) = (counted.summary.cases, counted.summary.failures);
        rel.p_meets_target = uncertainty::p_meets_target(n, k, r.target);
    }
    if let (Some(d), true) = (rel.drift.as_mut(), planning) {
        let earlier = counted.summary.cases.saturating_sub(d.window_cases);
        d.power = Some(evidence::drift_power(d.window_cases, earlier));
    }
    if counted.summary.kind == EvidenceKind::Buyer && planning {
        let (n, k) = (counted.summary.cases, counted.summary.failures);
        rel.chance_to_demonstrate =
            uncertainty::chance_to_demonstrate(n, k, rel.cases_needed, r.target, r.confidence);
        rel.cases_for_80_percent =
            uncertainty::cases_for_80_percent(n, k, rel.demonstrated, r.target, r.confidence);
    }
    rel.evidence = counted.summary;
    let conservative = economics::economic_case(&p, conservative_rate(&p, &rel));
    let economics = Economics {
        expected: economics::economic_case(&p, expected_rate(&p, &rel)),
        price_shock_headroom: economics::price_shock_headroom(&conservative),
        conservative,
        utilization: criteria::utilization(&p),
        served_volume: economics::served_volume(&p),
    };
    let judged = criteria::judge(&criteria::Context {
        pilot: &p,
        reliability: &rel,
        economics: &economics,
    });
    let (verdict, score) = criteria::verdict_and_score(&judged, &p);
    criteria::Judgement {
        verdict,
        score,
        criteria: judged,
        reliability: rel,
        economics,
    }
}

/// The expected case's failure rate (DESIGN §3): the Jeffreys posterior mean
/// (k + ½) ÷ (n + 1) of the counted evidence, never 0 from a handful of clean cases; the
/// claim when nothing was tested, 1 − target, but never better than the standard's
/// 1 − 99.9%: a stricter target is no evidence, so it cannot lift the untested money.
pub fn expected_rate(p: &Pilot, rel: &ReliabilityResult) -> f64 {
    let (n, k) = (rel.evidence.cases, rel.evidence.failures);
    if n == 0 {
        1.0 - p.reliability.target.min(standard::STANDARD_TARGET)
    } else {
        (k as f64 + 0.5) / (n as f64 + 1.0)
    }
}

/// The conservative case's failure rate (DESIGN §3): 1 − the lower bound of the counted
/// evidence, at the pilot's confidence but never below the standard's 95%: a looser
/// confidence raises the bound, and must not lift the money the verdict rests on.
pub fn conservative_rate(p: &Pilot, rel: &ReliabilityResult) -> f64 {
    let confidence = p.reliability.confidence.max(standard::STANDARD_CONFIDENCE);
    if confidence == p.reliability.confidence {
        1.0 - rel.lower_bound
    } else {
        let (n, k) = (rel.evidence.cases, rel.evidence.failures);
        1.0 - reliability::lower_bound(n, k, confidence)
    }
}

fn assess_with(pilot: &Pilot, today: &str, planning: bool) -> Assessment {
    let j = judgement_on(pilot, today, planning);
    let p = pilot.sanitized();
    let ctx = criteria::Context {
        pilot: &p,
        reliability: &j.reliability,
        economics: &j.economics,
    };
    let expected_rate = expected_rate(&p, &j.reliability);
    Assessment {
        verdict: j.verdict,
        score: j.score,
        criteria: words::criteria(&j.criteria, &ctx),
        sensitivity: sensitivity::tornado(&p, expected_rate, &j.reliability),
        what_it_would_take: sensitivity::what_it_would_take(&p, expected_rate),
        sourcing: sourcing::sourcing(&p, expected_rate, j.economics.price_shock_headroom),
        reliability: j.reliability.clone(),
        economics: j.economics.clone(),
    }
}
