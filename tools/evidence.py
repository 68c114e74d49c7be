#!/usr/bin/env python3
"""Independent reference for the evidence log and the test plan (DESIGN §9, with §3).

Written from the text of DESIGN §3 and §9 only; no Rust code under src/ or tests/ was
consulted.  It builds a set of pilots' `reliability` blocks (file version 2: batches and
plans), computes what §9 says the engine must report for each, and writes the golden file
tests/golden/evidence.json.

Usage:
    python3 tools/evidence.py              self-checks, then regenerate
                                           tests/golden/evidence.json
    python3 tools/evidence.py --check      recompute and compare with the committed file
                                           (exit status 1 on any difference)
    python3 tools/evidence.py --selfcheck  only run the assertions

Dependencies: Python 3.11 + mpmath (tested with 1.3.0).  The success-run total and the
Clopper-Pearson lower bound come from tools/reference.py (imported, not copied):
total_cases_needed, cp_lower, to_f64, dump.

Input per case:  {"name", "today": "YYYY-MM-DD",
                  "reliability": {"target", "confidence", "batches": [Batch], "plans": [Plan]}}
  Batch = {date, cases, failures, source, model_version, note}, listed oldest first
  Plan  = {set_on, target, confidence, allowed_failures, decide_by}, oldest first

Definitions (what "expected" holds):

  buyer batch     source "buyer_sample" or "buyer_production"; vendor batch: "vendor_test".
  latest          the LAST batch of that kind in list order.  Batches are listed oldest
                  first; when two batches share a date the one listed later is the later
                  one (one golden case pins this tie-break down).
  counted         with any buyer batch: the buyer batches whose model_version equals the
                  latest buyer batch's model_version (plain string equality, so "" = "not
                  recorded" matches only "" and is not a wildcard); evidence = "buyer".
                  Else, with any vendor batch: the vendor batches whose model_version
                  equals the latest vendor batch's; evidence = "vendor".  Else "none".
                  The presence of a batch decides, not its cases: a buyer batch with 0
                  cases still makes the evidence "buyer" (and leaves the vendor out).
  counted_cases, counted_failures   sums over the counted batches;
  counted_batches                   how many batches are counted.
  left_out_cases  cases of batches of the counted kind (buyer, or vendor when there is
                  no buyer batch) left out because of another model_version.
                  0 with no evidence.
  vendor_cases_left_out   (informative) cases of vendor batches not counted because the
                  buyer has batches; 0 when the evidence is "vendor" or "none" (vendor
                  batches of an older version are in left_out_cases then).

  drift           null unless evidence = "buyer" and counted_batches >= 2 (vendor
                  evidence never gets a drift test).  Then, with the recent window L
                  (standard 3.0: the newest counted batches, newest first until they hold
                  1,000 cases, always leaving at least one earlier batch) pooled against
                  the earlier counted batches pooled E, the 2x2 table
                        [[f_L, n_L - f_L],
                         [f_E, n_E - f_E]]
                  and X = failures in L given all margins (hypergeometric: population
                  N = n_L + n_E, F = f_L + f_E failures, n_L drawn),
                      p_value = P(X >= f_L) = sum_{x >= f_L} C(n_L, x) C(n_E, F - x) / C(N, F)
                  (one-sided Fisher's exact test, H1: L fails more often).  p_value = 1
                  when f_L is the least possible X (e.g. f_L = 0, or no failures at all).
                  flagged = p_value < 0.05, the comparison made on the exact rational
                  p-value against 1/20 (an exact p of 1/20 is NOT flagged).
                  The golden p_value is the double nearest the exact rational.

  Fisher method:  fisher_exact() sums the SHORTER of the two tails (P(X >= f_L) directly,
                  or 1 - P(X <= f_L - 1)) with exact Python integers: the first term from
                  math.comb, the next ones by the exact integer recurrence
                      T(x+1) = T(x) (n_L - x)(F - x) / ((x + 1)(n_E - F + x + 1))
                  (the division is exact: each T is a product of two binomials), over the
                  denominator math.comb(N, F); the Fraction is then rounded once to the
                  nearest double (CPython's int/int true division is correctly rounded).
                  This is the method used for every golden value, including 10^7-case
                  batches (there the integers have ~10^4 digits, still fast).
                  fisher_mp() is a second, independent path used for the cross-check (and
                  as the fallback when the exact integers would be too big, which no
                  golden case needs): mpmath at 60 digits, first term from log-gamma, ratio
                  recurrence of successive terms away from the mode, stopped when the
                  geometric bound on the remainder is below 1e-55 of the sum.
                  Both are checked against direct math.comb Fraction sums and hand-worked
                  tables (the lady tasting tea) in --selfcheck, and every golden p-value
                  is recomputed by fisher_mp and must give the same double.

  plan            null without plans; else for the LAST plan (the one in force):
    planned_cases     reference.total_cases_needed(allowed_failures, plan.target,
                      plan.confidence): least N with P(F <= a | N, 1 - R) <= 1 - C
                      (success-run test of §3, the plan's own target and confidence).
    counted_cases, counted_failures
                      sums over the COUNTED batches (as above: same kind, same model
                      version) whose date >= set_on ("on or after"; ISO dates compare
                      as strings).  With vendor evidence these are vendor batches: §9
                      says "counted batches", so the plan counts whatever is counted.
    status            "failed"  if counted_failures > allowed_failures;
                      "passed"  elif counted_cases >= planned_cases;
                      "overdue" elif decide_by != "" and decide_by < today (strictly
                                past: decide_by == today is not overdue);
                      "on_track" otherwise.
                      §9 lists passed (reached AND failures <= allowed), failed, overdue,
                      on_track; passed and failed exclude each other, so the only
                      precedence to settle is that both beat overdue: a plan whose
                      decide_by has passed still reads "passed" or "failed" when the
                      evidence has settled it.

  history         one point per counted batch, in list order:
                      {date: that batch's date,
                       cases, failures: the CUMULATIVE pooled counts of the counted
                                        batches up to and including this one,
                       lower_bound: reference.cp_lower(cases, failures, C)}
                  with C = the pilot's reliability.confidence (not the plan's).  0 with
                  0 pooled cases or all failed.  [] with no evidence.

Ambiguities in DESIGN §9 and how they are resolved here (each pinned by a golden case):
  1. "latest" batch: last in list order (lists are oldest first); a same-date tie goes to
     the one listed later (same_date_tie_last_listed_is_latest).
  2. model_version "" ("not recorded") is compared by plain equality, not as a wildcard
     (buyer_latest_version_not_recorded_empty_string_matches_only_empty).
  3. A version that comes back (v1, v2, v1) counts every batch of the latest version,
     not only the trailing run (vendor_version_comes_back_both_v1_batches_counted,
     drift_only_among_counted_old_version_ignored).
  4. A buyer batch with 0 cases still makes the evidence "buyer" and leaves the vendor
     out (buyer_batch_with_zero_cases_still_makes_evidence_buyer).
  5. "how many cases were left out as another model version" = left_out_cases, of the
     counted kind only; vendor cases dropped because the buyer has batches are reported
     apart as vendor_cases_left_out.
  6. Drift only for buyer evidence; vendor evidence with several batches has drift null.
  7. The drift threshold is strict (p < 0.05): an exact p of 1/20 is not flagged
     (knife_edge_exact_p_one_twentieth_not_flagged, a 3-of-3 vs 0-of-3 table; the double
     nearest 1/20 is 0.05 itself, so an f64 engine that gets p right to the last bit
     agrees; one that is off by an ulp below may not -- drop that case if it proves too
     sharp).  Every other golden p-value is at least 4.6e-5 (absolute) away from 0.05, and
     flagged == (p_value < 0.05 on doubles) is asserted for every case.
  8. Plan status precedence: failed and passed (mutually exclusive) both beat overdue;
     overdue means decide_by < today strictly; decide_by "" never overdue.
  9. The plan counts "counted batches": same kind and model version as the counted
     evidence, so vendor batches when the evidence is "vendor"; batches dated on set_on
     count ("on or after").  A plan with no evidence yet is still reported (counted 0).
 10. History points carry cumulative cases and failures (the pooled counts the bound
     was computed from), one point per counted batch (two may share a date), and the
     bound uses reliability.confidence, not the plan's.

Floats in the file are Python floats written with repr() (round-trippable).
"""

from __future__ import annotations

import datetime
import json
import math
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mpmath  # noqa: E402
from mpmath import mpf  # noqa: E402

import golden  # noqa: E402  (the write-or-check command line)
import reference  # noqa: E402
from reference import cp_lower, dump, to_f64, total_cases_needed  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.normpath(os.path.join(HERE, "..", "tests", "golden", "evidence.json"))

BUYER = ("buyer_sample", "buyer_production")
VENDOR = ("vendor_test",)
SOURCES = BUYER + VENDOR
ALPHA = Fraction(1, 20)


# --------------------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------------------

def _date(s, what, allow_empty=False):
    if allow_empty and s == "":
        return s
    if not isinstance(s, str) or len(s) != 10:
        raise ValueError(f"{what}: not a YYYY-MM-DD date: {s!r}")
    datetime.date.fromisoformat(s)  # raises on a bad date
    return s


def _int(v, what):
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise ValueError(f"{what}: need a non-negative integer, got {v!r}")
    return v


def _unit(v, what):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not (0 < v < 1):
        raise ValueError(f"{what}: need a number in (0, 1), got {v!r}")
    return v


def validate(rel):
    _unit(rel["target"], "target")
    _unit(rel["confidence"], "confidence")
    for i, b in enumerate(rel["batches"]):
        _date(b["date"], f"batch {i} date")
        n = _int(b["cases"], f"batch {i} cases")
        k = _int(b["failures"], f"batch {i} failures")
        if k > n:
            raise ValueError(f"batch {i}: failures {k} > cases {n}")
        if b["source"] not in SOURCES:
            raise ValueError(f"batch {i}: unknown source {b['source']!r}")
        if not isinstance(b["model_version"], str) or not isinstance(b["note"], str):
            raise ValueError(f"batch {i}: model_version and note are strings")
    for i, p in enumerate(rel["plans"]):
        _date(p["set_on"], f"plan {i} set_on")
        _date(p["decide_by"], f"plan {i} decide_by", allow_empty=True)
        _unit(p["target"], f"plan {i} target")
        _unit(p["confidence"], f"plan {i} confidence")
        a = _int(p["allowed_failures"], f"plan {i} allowed_failures")
        if a > 20:
            raise ValueError(f"plan {i}: allowed_failures {a} > 20")


# --------------------------------------------------------------------------------------
# Fisher's exact test, one-sided (H1: the latest batch fails more often)
# --------------------------------------------------------------------------------------

def _margins(fl, nl, fe, ne):
    for v in (fl, nl, fe, ne):
        _int(v, "table entry")
    if fl > nl or fe > ne:
        raise ValueError("failures > cases in a Fisher table")
    F = fl + fe
    N = nl + ne
    xmin = max(0, F - ne)
    xmax = min(nl, F)
    return F, N, xmin, xmax


def fisher_exact(fl, nl, fe, ne, max_work=4 * 10**10):
    """Exact P(X >= fl) as a Fraction, or None if the integers would be too big.

    Sums the shorter tail with exact integers (see the module docstring)."""
    F, N, xmin, xmax = _margins(fl, nl, fe, ne)
    if fl <= xmin:
        return Fraction(1)
    # fl <= xmax always (fl <= nl and fl <= F)
    up_terms = xmax - fl + 1
    down_terms = fl - xmin  # x = xmin .. fl-1
    terms = min(up_terms, down_terms)
    # size of C(N, F) in bits, roughly F log2(e N / F): the cost of one step
    bits = 64 + (int(F * math.log2(max(2.0, math.e * N / F))) if F else 0)
    if bits * terms > max_work:
        return None
    denom = math.comb(N, F)
    s = 0
    if up_terms <= down_terms:
        x = fl
        t = math.comb(nl, x) * math.comb(ne, F - x)
        while True:
            s += t
            if x == xmax:
                break
            num = t * (nl - x) * (F - x)
            den = (x + 1) * (ne - F + x + 1)
            t, r = divmod(num, den)
            assert r == 0
            x += 1
        return Fraction(s, denom)
    # lower tail x = fl-1 down to xmin, p = 1 - lower
    x = fl - 1
    t = math.comb(nl, x) * math.comb(ne, F - x)
    while True:
        s += t
        if x == xmin:
            break
        # T(x-1) = T(x) * x (ne - F + x) / ((nl - x + 1)(F - x + 1))
        num = t * x * (ne - F + x)
        den = (nl - x + 1) * (F - x + 1)
        t, r = divmod(num, den)
        assert r == 0
        x -= 1
    return Fraction(denom - s, denom)


def _log_term(x, nl, ne, F, N):
    lg = mpmath.loggamma
    return (lg(nl + 1) - lg(x + 1) - lg(nl - x + 1)
            + lg(ne + 1) - lg(F - x + 1) - lg(ne - F + x + 1)
            - (lg(N + 1) - lg(F + 1) - lg(N - F + 1)))


def fisher_mp(fl, nl, fe, ne, dps=60):
    """P(X >= fl) as an mpf: log-gamma first term, ratio recurrence away from the mode,
    truncated by a geometric bound on the remainder (terms are log-concave)."""
    F, N, xmin, xmax = _margins(fl, nl, fe, ne)
    with mpmath.workdps(dps):
        if fl <= xmin:
            return mpf(1)
        eps = mpf(10) ** (-(dps - 5))
        mode = ((nl + 1) * (F + 1)) // (N + 2)
        if fl > mode:
            x = fl
            t = mpmath.exp(_log_term(x, nl, ne, F, N))
            s = t
            while x < xmax:
                r = mpf((nl - x) * (F - x)) / ((x + 1) * (ne - F + x + 1))
                t = t * r
                x += 1
                s += t
                # x > mode: ratios are < 1 and decreasing; remainder <= t r/(1-r)
                if r < 1 and t * r / (1 - r) < eps * s:
                    break
            return s
        x = fl - 1
        t = mpmath.exp(_log_term(x, nl, ne, F, N))
        s = t
        while x > xmin:
            r = mpf(x * (ne - F + x)) / ((nl - x + 1) * (F - x + 1))
            t = t * r
            x -= 1
            s += t
            if r < 1 and t * r / (1 - r) < eps * s:
                break
        return 1 - s


def fisher_p(fl, nl, fe, ne):
    """(p_value as float, flagged, method).  Exact when feasible, else mpmath."""
    ex = fisher_exact(fl, nl, fe, ne)
    if ex is not None:
        return float(ex), ex < ALPHA, "exact"
    v = fisher_mp(fl, nl, fe, ne)
    return to_f64(v), v < mpf(1) / 20, "mpmath"


def drift_power(nW, nE):
    """The chance the one-sided Fisher test flags (p < 1/20) a window of nW cases against nE
    earlier cases when the failure rate is 0.1% earlier and 0.4% in the window (DESIGN §9):
    sum over every earlier count x0 of P(X0 = x0) P(X1 >= c(x0)), X0 ~ Bin(nE, 0.001),
    X1 ~ Bin(nW, 0.004), c(x0) the least window count flagged, found by a linear scan with
    the exact rational p-value.  x0 runs until the remaining earlier mass is under 1e-30."""
    q0 = mpf(1) / 1000
    q1 = 4 * q0

    def pmf(x, n, q):
        return mpmath.binomial(n, x) * q**x * (1 - q)**(n - x)

    def p_of(x1, x0):
        ex = fisher_exact(x1, nW, x0, nE)
        return ex if ex is not None else fisher_mp(x1, nW, x0, nE)

    if nW + nE > 100_000:
        return None  # beyond what exact rationals do in reasonable time: not in the table
    total, mass, c = mpf(0), mpf(0), 0
    for x0 in range(0, nE + 1):
        w = pmf(x0, nE, q0)
        mass += w
        while c <= nW and not p_of(c, x0) < ALPHA:
            c += 1
        if c > nW:
            break
        tail = 1 - sum((pmf(x, nW, q1) for x in range(c)), mpf(0))
        total += w * tail
        if 1 - mass < mpf(10) ** -30:
            break
    return to_f64(total)


# --------------------------------------------------------------------------------------
# §9
# --------------------------------------------------------------------------------------

def counted_evidence(batches):
    buyer = [b for b in batches if b["source"] in BUYER]
    vendor = [b for b in batches if b["source"] in VENDOR]
    if buyer:
        kind, pool = "buyer", buyer
        vendor_left = sum(b["cases"] for b in vendor)
    elif vendor:
        kind, pool = "vendor", vendor
        vendor_left = 0
    else:
        return "none", [], 0, 0
    version = pool[-1]["model_version"]
    counted = [b for b in pool if b["model_version"] == version]
    left_out = sum(b["cases"] for b in pool if b["model_version"] != version)
    return kind, counted, left_out, vendor_left


def expected(case):
    rel = case["reliability"]
    validate(rel)
    today = _date(case["today"], "today")
    conf = rel["confidence"]
    kind, counted, left_out, vendor_left = counted_evidence(rel["batches"])

    drift = None
    if kind == "buyer" and len(counted) >= 2:
        # Standard 3.0: the recent window, newest batches first until they hold 1,000
        # cases, always leaving at least one earlier batch, pooled.
        split = len(counted) - 1
        while split > 1 and sum(b["cases"] for b in counted[split:]) < 1000:
            split -= 1
        window, earlier = counted[split:], counted[:split]
        nW = sum(b["cases"] for b in window)
        fW = sum(b["failures"] for b in window)
        nE = sum(b["cases"] for b in earlier)
        fE = sum(b["failures"] for b in earlier)
        p, flagged, method = fisher_p(fW, nW, fE, nE)
        assert method == "exact", "every golden table is small enough for exact integers"
        # second path must give the same double
        pm = to_f64(fisher_mp(fW, nW, fE, nE))
        assert pm == p, (case["name"], p, pm)
        # the exact comparison and the f64 one (p < 0.05 on doubles) agree on every case
        assert flagged == (p < 0.05), case["name"]
        drift = {"p_value": p, "flagged": bool(flagged), "window_cases": nW,
                 "power": drift_power(nW, nE)}

    plan = None
    if rel["plans"]:
        pl = rel["plans"][-1]
        a = pl["allowed_failures"]
        planned = total_cases_needed(a, pl["target"], pl["confidence"])
        since = [b for b in counted if b["date"] >= pl["set_on"]]
        pc = sum(b["cases"] for b in since)
        pf = sum(b["failures"] for b in since)
        if pf > a:
            status = "failed"
        elif pc >= planned:
            status = "passed"
        elif pl["decide_by"] != "" and pl["decide_by"] < today:
            status = "overdue"
        else:
            status = "on_track"
        plan = {"status": status, "planned_cases": planned,
                "counted_cases": pc, "counted_failures": pf}

    history = []
    n = k = 0
    for b in counted:
        n += b["cases"]
        k += b["failures"]
        history.append({"date": b["date"], "cases": n, "failures": k,
                        "lower_bound": to_f64(cp_lower(n, k, conf))})

    return {
        "evidence": kind,
        "counted_cases": sum(b["cases"] for b in counted),
        "counted_failures": sum(b["failures"] for b in counted),
        "counted_batches": len(counted),
        "left_out_cases": left_out,
        "vendor_cases_left_out": vendor_left,
        "drift": drift,
        "plan": plan,
        "history": history,
    }


# --------------------------------------------------------------------------------------
# the cases
# --------------------------------------------------------------------------------------

TODAY = "2025-06-30"
YESTERDAY = "2025-06-29"
TOMORROW = "2025-07-01"


def B(date, cases, failures, source="buyer_sample", mv="v1", note=""):
    return {"date": date, "cases": cases, "failures": failures, "source": source,
            "model_version": mv, "note": note}


def V(date, cases, failures, mv="v1", note=""):
    return B(date, cases, failures, "vendor_test", mv, note)


def P(set_on, a=0, target=0.999, confidence=0.95, decide_by=""):
    return {"set_on": set_on, "target": target, "confidence": confidence,
            "allowed_failures": a, "decide_by": decide_by}


def case(name, batches=(), plans=(), target=0.999, confidence=0.95, today=TODAY):
    return {"name": name, "today": today,
            "reliability": {"target": target, "confidence": confidence,
                            "batches": list(batches), "plans": list(plans)}}


def build_cases():
    c = []
    # ---- counted evidence --------------------------------------------------------
    c.append(case("no_batches"))
    c.append(case("vendor_only_one_batch", [V("2025-03-01", 5000, 2)]))
    c.append(case("vendor_two_batches_same_version_no_drift_test",
                  [V("2025-03-01", 3000, 0), V("2025-04-01", 2000, 9)]))
    c.append(case("vendor_two_model_versions_older_left_out",
                  [V("2025-03-01", 3000, 1, "gpt-x-0301"), V("2025-04-01", 2000, 0, "gpt-x-0401")]))
    c.append(case("vendor_version_comes_back_both_v1_batches_counted",
                  [V("2025-02-01", 1000, 1, "v1"), V("2025-03-01", 1500, 0, "v2"),
                   V("2025-04-01", 4000, 2, "v1")]))
    c.append(case("buyer_sample_only", [B("2025-05-02", 800, 0, note="first sample")]))
    c.append(case("buyer_production_only", [B("2025-05-02", 12000, 4, "buyer_production")],
                  target=0.99, confidence=0.9))
    c.append(case("buyer_and_vendor_vendor_left_out",
                  [V("2025-03-01", 10000, 0), B("2025-05-10", 500, 0)]))
    c.append(case("buyer_two_versions_older_left_out",
                  [B("2025-03-01", 1000, 2, mv="m-2024"), V("2025-03-15", 7000, 1, "m-2025"),
                   B("2025-05-01", 800, 0, mv="m-2025")]))
    c.append(case("buyer_two_versions_two_counted_batches_of_new_version",
                  [B("2025-03-01", 1000, 3, mv="v1"), B("2025-04-01", 600, 0, mv="v2"),
                   B("2025-05-01", 700, 1, mv="v2", source="buyer_production")]))
    c.append(case("buyer_latest_version_not_recorded_empty_string_matches_only_empty",
                  [B("2025-03-01", 900, 1, mv="v1"), B("2025-04-01", 400, 0, mv=""),
                   B("2025-05-01", 300, 0, mv="")]))
    c.append(case("same_date_tie_last_listed_is_latest",
                  [B("2025-05-01", 500, 0, mv="a"), B("2025-05-01", 700, 1, mv="b")]))
    c.append(case("buyer_batch_with_zero_cases_still_makes_evidence_buyer",
                  [V("2025-03-01", 5000, 0), B("2025-05-01", 0, 0)]))
    # ---- drift --------------------------------------------------------------------
    c.append(case("two_buyer_batches_sample_and_production_no_drift",
                  [B("2025-04-01", 1000, 2), B("2025-05-01", 2000, 3, "buyer_production")]))
    c.append(case("three_buyer_batches_no_drift",
                  [B("2025-03-01", 1000, 1), B("2025-04-01", 1000, 2),
                   B("2025-05-01", 1000, 2, "buyer_production")]))
    c.append(case("clear_drift_0_of_1000_then_8_of_500",
                  [B("2025-04-01", 1000, 0), B("2025-05-01", 500, 8)]))
    c.append(case("three_batches_clear_drift",
                  [B("2025-03-01", 2000, 1), B("2025-04-01", 2000, 2),
                   B("2025-05-01", 1000, 9, "buyer_production")]))
    c.append(case("borderline_two_batches_p_just_below_0_05_flagged",
                  [B("2025-04-01", 1000, 0), B("2025-05-01", 584, 3)]))
    c.append(case("borderline_two_batches_p_just_above_0_05_not_flagged",
                  [B("2025-04-01", 1000, 0), B("2025-05-01", 585, 3)]))
    c.append(case("borderline_three_batches_p_just_below_0_05_flagged",
                  [B("2025-03-01", 1000, 2), B("2025-04-01", 1000, 2),
                   B("2025-05-01", 1077, 7)]))
    c.append(case("borderline_three_batches_p_just_above_0_05_not_flagged",
                  [B("2025-03-01", 1000, 2), B("2025-04-01", 1000, 2),
                   B("2025-05-01", 1078, 7)]))
    c.append(case("knife_edge_exact_p_one_twentieth_not_flagged",
                  [B("2025-04-01", 3, 0), B("2025-05-01", 3, 3)], target=0.9))
    c.append(case("latest_batch_zero_failures_p_is_1",
                  [B("2025-04-01", 1000, 5), B("2025-05-01", 1000, 0)]))
    c.append(case("identical_batches_with_failures",
                  [B("2025-04-01", 1000, 5), B("2025-05-01", 1000, 5)]))
    c.append(case("identical_batches_zero_failures_p_is_1",
                  [B("2025-04-01", 1000, 0), B("2025-05-01", 1000, 0)]))
    c.append(case("latest_fails_less_often_p_near_1",
                  [B("2025-04-01", 1000, 10), B("2025-05-01", 1000, 1)]))
    c.append(case("drift_only_among_counted_old_version_ignored",
                  [B("2025-02-01", 1000, 0, mv="v1"), B("2025-03-01", 1000, 1, mv="v2"),
                   B("2025-04-01", 1000, 1, mv="v2"), B("2025-05-01", 500, 0, mv="v1b"),
                   B("2025-06-01", 1000, 2, mv="v2")]))
    c.append(case("huge_2M_then_10M_no_drift",
                  [B("2025-04-01", 2_000_000, 100, "buyer_production"),
                   B("2025-05-01", 10_000_000, 520, "buyer_production")]))
    c.append(case("huge_2M_then_10M_drift",
                  [B("2025-04-01", 2_000_000, 100, "buyer_production"),
                   B("2025-05-01", 10_000_000, 620, "buyer_production")]))
    c.append(case("huge_three_batches_10M_each_p_just_above_0_05_not_flagged",
                  [B("2025-04-01", 10_000_000, 300, "buyer_production"),
                   B("2025-05-01", 10_000_000, 280, "buyer_production"),
                   B("2025-06-01", 10_000_000, 325, "buyer_production")],
                  target=0.9999))
    c.append(case("huge_three_batches_10M_each_p_just_below_0_05_flagged",
                  [B("2025-04-01", 10_000_000, 300, "buyer_production"),
                   B("2025-05-01", 10_000_000, 280, "buyer_production"),
                   B("2025-06-01", 10_000_000, 326, "buyer_production")],
                  target=0.9999))
    # ---- plans --------------------------------------------------------------------
    c.append(case("plan_without_batches_on_track",
                  plans=[P("2025-06-01", decide_by="2025-09-01")]))
    c.append(case("plan_without_batches_overdue",
                  plans=[P("2025-04-01", decide_by="2025-06-01")]))
    c.append(case("plan_on_track",
                  [B("2025-05-01", 1000, 0), B("2025-06-01", 500, 0)],
                  [P("2025-04-15", decide_by="2025-08-31")]))
    c.append(case("plan_passed_exactly_at_planned_cases",
                  [B("2025-05-01", 1000, 0), B("2025-06-01", 1995, 0)],
                  [P("2025-04-15", decide_by="2025-08-31")]))
    c.append(case("plan_one_case_short_on_track",
                  [B("2025-05-01", 1000, 0), B("2025-06-01", 1994, 0)],
                  [P("2025-04-15", decide_by="2025-08-31")]))
    c.append(case("plan_failed_one_failure_over_allowed_0",
                  [B("2025-05-01", 1000, 0), B("2025-06-01", 500, 1)],
                  [P("2025-04-15", decide_by="2025-08-31")]))
    c.append(case("plan_failed_allowed_3_four_failures_even_past_planned_cases",
                  [B("2025-05-01", 5000, 2), B("2025-06-01", 5000, 2)],
                  [P("2025-04-15", a=3, target=0.999, confidence=0.95)]))
    c.append(case("plan_allowed_3_exactly_3_failures_passed",
                  [B("2025-05-01", 5000, 2), B("2025-06-01", 5000, 1)],
                  [P("2025-04-15", a=3, target=0.999, confidence=0.95)]))
    c.append(case("plan_overdue_decide_by_yesterday",
                  [B("2025-05-01", 1000, 0)],
                  [P("2025-04-15", decide_by=YESTERDAY)]))
    c.append(case("plan_decide_by_today_not_overdue",
                  [B("2025-05-01", 1000, 0)],
                  [P("2025-04-15", decide_by=TODAY)]))
    c.append(case("plan_no_decide_by_never_overdue",
                  [B("2024-01-01", 10, 0)],
                  [P("2023-01-01", decide_by="")], today="2030-01-01"))
    c.append(case("plan_passed_beats_overdue",
                  [B("2025-05-01", 3000, 0)],
                  [P("2025-04-15", decide_by="2025-05-15")]))
    c.append(case("plan_failed_beats_overdue",
                  [B("2025-05-01", 300, 1)],
                  [P("2025-04-15", decide_by="2025-05-15")]))
    c.append(case("plan_batches_before_set_on_do_not_count",
                  [B("2025-04-01", 2000, 1, note="before the plan"),
                   B("2025-05-01", 1500, 0, note="the day the plan was set"),
                   B("2025-06-01", 1494, 0)],
                  [P("2025-05-01", decide_by="2025-08-31")]))
    c.append(case("plan_batches_before_set_on_do_not_count_passes_at_2995",
                  [B("2025-04-01", 2000, 1, note="before the plan"),
                   B("2025-05-01", 1500, 0, note="the day the plan was set"),
                   B("2025-06-01", 1495, 0)],
                  [P("2025-05-01", decide_by="2025-08-31")]))
    c.append(case("two_plans_last_in_force",
                  [B("2025-03-01", 200, 1), B("2025-05-01", 300, 0), B("2025-06-01", 160, 1)],
                  [P("2025-02-01", a=0, target=0.999, confidence=0.95, decide_by="2025-04-01"),
                   P("2025-04-20", a=3, target=0.99, confidence=0.9, decide_by="2025-07-31")],
                  target=0.99, confidence=0.9))
    c.append(case("two_plans_first_would_be_failed_last_passed",
                  [B("2025-03-01", 200, 1), B("2025-05-01", 300, 0), B("2025-06-01", 400, 1)],
                  [P("2025-02-01", a=0, target=0.999, confidence=0.95, decide_by="2025-04-01"),
                   P("2025-04-20", a=3, target=0.99, confidence=0.9, decide_by="2025-07-31")],
                  target=0.99, confidence=0.9))
    c.append(case("plan_allowed_20_target_0_99_conf_0_95_on_track",
                  [B("2025-05-01", 2000, 9), B("2025-06-01", 800, 5)],
                  [P("2025-04-01", a=20, target=0.99, confidence=0.95, decide_by="2025-12-31")],
                  target=0.99))
    c.append(case("plan_allowed_20_target_0_999_conf_0_9_huge_passed",
                  [B("2025-05-01", 2_000_000, 20, "buyer_production")],
                  [P("2025-04-01", a=20, target=0.999, confidence=0.9, decide_by="2025-12-31")],
                  confidence=0.9))
    c.append(case("plan_counts_only_counted_version",
                  [B("2025-05-01", 2000, 0, mv="v1"), B("2025-05-20", 1000, 0, mv="v2"),
                   B("2025-06-01", 1000, 0, mv="v2")],
                  [P("2025-04-15", decide_by="2025-08-31")]))
    c.append(case("plan_with_vendor_evidence_counts_counted_vendor_batches",
                  [V("2025-05-01", 4000, 0)],
                  [P("2025-04-15", decide_by="2025-08-31")]))
    return c


# --------------------------------------------------------------------------------------
# self-checks
# --------------------------------------------------------------------------------------

def fisher_direct(fl, nl, fe, ne):
    """Textbook sum with math.comb and Fractions, no recurrence (third path)."""
    F, N, xmin, xmax = _margins(fl, nl, fe, ne)
    return Fraction(sum(math.comb(nl, x) * math.comb(ne, F - x) for x in range(fl, xmax + 1)),
                    math.comb(N, F))


def selfcheck():
    # --- hand-worked tables
    # lady tasting tea (8 cups, 4 of each): all 4 right p = 1/70; 3 right p = 17/70
    assert fisher_exact(4, 4, 0, 4) == Fraction(1, 70)
    assert fisher_exact(3, 4, 1, 4) == Fraction(17, 70)
    # 3 of 3 fail vs 0 of 3: p = C(3,3)C(3,0)/C(6,3) = 1/20, exactly alpha, not flagged
    assert fisher_exact(3, 3, 0, 3) == Fraction(1, 20)
    assert fisher_p(3, 3, 0, 3)[1] is False
    # 1 of 1 vs 0 of 1: p = 1/2
    assert fisher_exact(1, 1, 0, 1) == Fraction(1, 2)
    # [[8,2],[1,5]]: n_L=10, n_E=6, F=9: (C(10,8)C(6,1) + C(10,9)C(6,0)) / C(16,9)
    assert fisher_exact(8, 10, 1, 6) == Fraction(45 * 6 + 10, 11440)
    # clear drift 8/500 vs 0/1000: only x = 8 possible beyond: C(500,8)/C(1500,8)
    assert fisher_exact(8, 500, 0, 1000) == Fraction(math.comb(500, 8), math.comb(1500, 8))
    # no failures at all, latest zero failures: p = 1
    assert fisher_exact(0, 1000, 0, 1000) == 1 and fisher_exact(0, 10, 5, 10) == 1
    # the least possible X: F - n_E = 2 here, so f_L = 2 gives p = 1
    assert fisher_exact(2, 5, 3, 3) == 1
    # --- the three paths agree on a grid of small tables (both tails of fisher_exact)
    for nl in (1, 2, 3, 5, 10, 37):
        for ne in (1, 2, 4, 10, 50):
            for fl in range(nl + 1):
                for fe in range(ne + 1):
                    d = fisher_direct(fl, nl, fe, ne)
                    e = fisher_exact(fl, nl, fe, ne)
                    assert d == e, (fl, nl, fe, ne, d, e)
                    m = fisher_mp(fl, nl, fe, ne)
                    assert abs(m - mpf(d.numerator) / d.denominator) <= mpf(10) ** -50, \
                        (fl, nl, fe, ne)
                    # complement through the swapped table: X' = F - X (failures of
                    # the earlier rows), P(X <= fl - 1) = P(X' >= fe + 1)
                    if fl >= 1:
                        comp = (fisher_direct(fe + 1, ne, fl - 1, nl) if fe + 1 <= ne
                                else Fraction(0))
                        assert d + comp == 1, (fl, nl, fe, ne)
    # --- Vandermonde: the full sum equals C(N, F) (p at the least X is 1)
    for nl, ne, F in ((1000, 2000, 7), (500, 1000, 8), (10**6, 3 * 10**6, 40)):
        xmin = max(0, F - ne)
        assert fisher_exact(xmin, nl, F - xmin, ne) == 1
        assert fisher_direct(xmin, nl, F - xmin, ne) == 1
    # --- medium and big tables: exact vs mpmath give the same double
    for t in ((3, 584, 0, 1000), (3, 585, 0, 1000), (6, 873, 4, 2000), (40, 5000, 20, 6000),
              (520, 10**7, 100, 2 * 10**6), (620, 10**7, 100, 2 * 10**6),
              (2000, 10**7, 1500, 10**7), (5, 2 * 10**6, 0, 2 * 10**6)):
        e = fisher_exact(*t)
        assert e is not None
        assert float(e) == to_f64(fisher_mp(*t)), t
    for t in ((3, 584, 0, 1000), (6, 873, 4, 2000), (40, 5000, 20, 6000)):
        assert fisher_exact(*t) == fisher_direct(*t), t
    # exactly at the 0.05 border found by search: 3/584 flagged, 3/585 not
    assert fisher_exact(3, 584, 0, 1000) < ALPHA < fisher_exact(3, 585, 0, 1000)
    # --- the mpmath fallback on a table too big for exact integers (p is tiny, but finite
    #     and monotone in f_L)
    big = (60_000, 10**7, 40_000, 10**7)
    assert fisher_exact(*big, max_work=10**6) is None
    p_big = fisher_mp(*big)
    assert 0 < p_big < mpf(10) ** -300
    assert fisher_mp(60_001, 10**7, 39_999, 10**7) < p_big
    # --- the imported reference passes its own checks (CP bounds vs betainc, totals)
    reference.selfcheck()
    # --- plan totals (from reference): textbook values
    assert total_cases_needed(3, 0.999, 0.95) == 7752  # chi-square approx. 15.507/0.002
    assert total_cases_needed(20, 0.99, 0.95) == 2902  # approx. 58.124/0.02
    assert total_cases_needed(3, 0.99, 0.9) == 667     # approx. 13.362/0.02
    assert total_cases_needed(0, 0.999, 0.95) == 2995
    assert total_cases_needed(0, 0.99, 0.95) == 299
    # --- the counted-evidence rules on a tiny example
    kind, counted, lo, vl = counted_evidence(
        [V("2025-01-01", 5, 0, "a"), B("2025-01-02", 7, 0, mv="x"), B("2025-01-03", 3, 0, mv="y")])
    assert (kind, [b["cases"] for b in counted], lo, vl) == ("buyer", [3], 7, 5)
    # --- every golden case: invariants
    for cs in build_cases():
        ex = expected(cs)
        if ex["evidence"] == "none":
            assert ex["counted_batches"] == 0 and ex["history"] == []
        assert len(ex["history"]) == ex["counted_batches"]
        if ex["history"]:
            assert ex["history"][-1]["cases"] == ex["counted_cases"]
            assert ex["history"][-1]["failures"] == ex["counted_failures"]
        if ex["plan"]:
            assert ex["plan"]["counted_cases"] <= ex["counted_cases"]
        total = sum(b["cases"] for b in cs["reliability"]["batches"])
        assert ex["counted_cases"] + ex["left_out_cases"] + ex["vendor_cases_left_out"] == total
    return True


# --------------------------------------------------------------------------------------
# file
# --------------------------------------------------------------------------------------

DESCRIPTION = (
    "Golden cases for DESIGN section 9 (evidence log, drift, test plan, history), written "
    "by tools/evidence.py from the design text only (see its docstring for every "
    "definition and resolved ambiguity). Drift p-values are exact (integer arithmetic) "
    "rounded once to the nearest double; lower bounds are one-sided Clopper-Pearson at "
    "reliability.confidence (tools/reference.py, 50 digits); planned_cases is the "
    "success-run total for the plan's own target, confidence and allowed_failures. "
    "history cases/failures are cumulative over the counted batches."
)


def build_doc():
    cases = []
    for cs in build_cases():
        dates = [b["date"] for b in cs["reliability"]["batches"]]
        assert dates == sorted(dates), f"{cs['name']}: batches not oldest first"
        cases.append({**cs, "expected": expected(cs)})
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    return {"description": DESCRIPTION, "cases": cases}


def render(doc):
    return dump(doc) + "\n"


def main(argv):
    return golden.main(argv, GOLDEN, lambda writing: render(build_doc()),
                       lambda doc: f"{len(doc['cases'])} cases", selfcheck, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
