#!/usr/bin/env python3
"""Independent reference for the seven criteria and the verdict (DESIGN §4, standard 2.0).

Written from the text of DESIGN §2-§4 only; no Rust code under src/ or tests/ was
consulted.  It builds a set of version-1 pilots (the six examples of
src/audit/examples.json, unchanged, plus variations of them chosen to sit on or just
beside every threshold of §4), computes the status of each criterion and the verdict,
and writes the golden table tests/golden/verdicts.json.

Usage:
    python3 tools/verdicts.py           regenerate tests/golden/verdicts.json
    python3 tools/verdicts.py --check   recompute and compare with the committed file
                                        (exit status 1 on any difference)

Dependencies: Python 3.11 + mpmath.  The statistics and the economics come from
tools/reference.py (imported, not copied): cp_lower, cp_upper, economics, exact.

What is implemented (version-1 pilots: one evidence batch, no drift, no plans):

  L, U     one-sided Clopper-Pearson lower / upper bound on the success rate at the
           pilot's confidence C (L = 0 with no cases or all failed, U = 1 with no
           failures or no cases); T = target.  Computed with mpmath at 50 digits.
  buyer's evidence = evidence in {buyer_sample, buyer_production} and cases > 0.

  single_task     pass distinct_tasks == 1; warn 2 or 3; fail 0 or >= 4.
  repeatable      pass structured; warn semi_structured; fail free_form.
  reliability     fail cases > 0 and U < T (whoever's evidence);
                  pass buyer's evidence and L >= T and T >= 0.999 and C >= 0.95;
                  warn otherwise.  T, C are the exact binary values of the f64 inputs;
                  0.999 and 0.95 mean the doubles nearest them.
  integration     fail copy_paste, or neither fallback_to_human nor monitoring;
                  pass automated_workflow / system_of_record_api with both;
                  warn otherwise.
  unit_economics  expected failure rate f = k/n (1 - T with no cases), conservative
                  f = 1 - L, economics as in reference.economics;
                  pass conservative net > 0, NPV > 0 and payback <= 12 months;
                  warn expected net > 0 and NPV > 0; fail otherwise.
  deployment      u = V / provisioned_tasks_per_month when provisioned > 0;
                  fail no deployment_plan, or u < 0.25, or u > 1.25;
                  warn owner.strip() == "", or u in [0.25, 0.5) or (1.0, 1.25];
                  pass otherwise (no utilization test with provisioned = 0).
  defensibility   share = (V x token cost per task + monthly_fixed_compute) / baseline,
                  baseline = V x (human cost per task + human_error_rate x cost_per_error);
                  with baseline 0 the share is not <= 30%.
                  fail vendor_wrapper without proprietary data;
                  pass share <= 30% and (self_hosted_open_model / distilled_small_model,
                  or third_party_api with proprietary data); warn otherwise.
  verdict         stop: unit_economics fails, reliability fails, or >= 3 criteria fail;
                  no failure and reliability and unit_economics pass:
                      warn weights sum <= 20  -> "scale" (score is then > 80 whatever
                                                  the grading of a warn);
                      otherwise               -> "scale_or_fix" (the grading of a warn,
                                                  not given in DESIGN, decides);
                  "fix" otherwise.
                  Weights: single_task 10, repeatable 10, reliability 25,
                  integration 15, unit_economics 25, deployment 10, defensibility 5.

Thresholds on utilization and compute share are compared in exact rational arithmetic
(fractions.Fraction of the f64 inputs) against the decimal values 1/4, 1/2, 1, 5/4 and
3/10.  Every boundary scenario below is chosen so that an f64 implementation and an exact
one agree (dyadic ratios, integer money), and the script asserts the boundary condition
each scenario is meant to show.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # importing reference.py must not leave a __pycache__
TOOLS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TOOLS)
sys.path.insert(0, TOOLS)

import mpmath  # noqa: E402
from mpmath import mpf  # noqa: E402

import golden  # noqa: E402  (the write-or-check command line)
import reference as ref  # noqa: E402

EXAMPLES = os.path.join(REPO, "src", "audit", "examples.json")
OUT = os.path.join(REPO, "tests", "golden", "verdicts.json")
STANDARD = "2.0"

WEIGHTS = {  # DESIGN §4, in the order of the table
    "single_task": 10,
    "repeatable": 10,
    "reliability": 25,
    "integration": 15,
    "unit_economics": 25,
    "deployment": 10,
    "defensibility": 5,
}
assert sum(WEIGHTS.values()) == 100

BUYER_EVIDENCE = {"buyer_sample", "buyer_production"}
OWN_MODELS = {"self_hosted_open_model", "distilled_small_model"}
TARGET_FLOOR = mpf(0.999)      # the double nearest 0.999
CONFIDENCE_FLOOR = mpf(0.95)   # the double nearest 0.95
SHARE_MAX = Fraction(3, 10)
U_FAIL_LOW, U_WARN_LOW, U_WARN_HIGH, U_FAIL_HIGH = (
    Fraction(1, 4), Fraction(1, 2), Fraction(1), Fraction(5, 4))
PAYBACK_MAX = 12
SCALE_SCORE = 80

TIMESTAMP = "2026-11-01T00:00:00Z"


# --------------------------------------------------------------------------------------
# the criteria
# --------------------------------------------------------------------------------------

def q(v):
    """Exact rational value of a JSON number (the f64 it denotes)."""
    if isinstance(v, bool):
        raise TypeError("boolean where a number was expected")
    return Fraction(float(v)) if isinstance(v, float) else Fraction(int(v))


def bounds(p):
    """(L, U) as mpf: one-sided Clopper-Pearson bounds at the pilot's confidence."""
    r = p["reliability"]
    n, k, conf = int(r["cases_evaluated"]), int(r["failures_observed"]), r["confidence"]
    return ref.cp_lower(n, k, conf), ref.cp_upper(n, k, conf)


def buyers_evidence(p):
    r = p["reliability"]
    return r["evidence"] in BUYER_EVIDENCE and int(r["cases_evaluated"]) > 0


def economics_cases(p, lower):
    """(expected, conservative) economics dicts from reference.economics."""
    r = p["reliability"]
    n, k = int(r["cases_evaluated"]), int(r["failures_observed"])
    f_expected = mpf(k) / n if n > 0 else 1 - ref.exact(r["target"])
    return ref.economics(p, f_expected), ref.economics(p, 1 - lower)


def baseline_monthly(p):
    t = p["task"]
    human = q(t["human_minutes_per_task"]) / 60 * q(t["hourly_cost"])
    return q(t["monthly_volume"]) * (human + q(t["human_error_rate"]) * q(t["cost_per_error"]))


def compute_share(p):
    """Exact compute share (Fraction), or None when the baseline is 0."""
    c = p["compute"]
    token = (q(c["input_tokens_per_task"]) * q(c["price_per_million_input"]) / 10**6
             + q(c["output_tokens_per_task"]) * q(c["price_per_million_output"]) / 10**6)
    base = baseline_monthly(p)
    if base == 0:
        return None
    return (q(p["task"]["monthly_volume"]) * token + q(c["monthly_fixed_compute"])) / base


def utilization(p):
    prov = q(p["compute"]["provisioned_tasks_per_month"])
    return q(p["task"]["monthly_volume"]) / prov if prov > 0 else None


def st_single_task(p):
    d = int(p["task"]["distinct_tasks"])
    return "pass" if d == 1 else "warn" if d in (2, 3) else "fail"


def st_repeatable(p):
    return {"structured": "pass", "semi_structured": "warn",
            "free_form": "fail"}[p["task"]["input_structure"]]


def st_reliability(p, lower, upper):
    r = p["reliability"]
    target, conf = ref.exact(r["target"]), ref.exact(r["confidence"])
    if int(r["cases_evaluated"]) > 0 and upper < target:
        return "fail"
    if (buyers_evidence(p) and lower >= target
            and target >= TARGET_FLOOR and conf >= CONFIDENCE_FLOOR):
        return "pass"
    return "warn"


def st_integration(p):
    i = p["integration"]
    dest, fb, mon = i["output_destination"], i["fallback_to_human"], i["monitoring"]
    if dest == "copy_paste" or (not fb and not mon):
        return "fail"
    if dest in ("automated_workflow", "system_of_record_api") and fb and mon:
        return "pass"
    return "warn"


def st_unit_economics(expected, conservative):
    c, e = conservative, expected
    if (c["monthly_net_value"] > 0 and c["npv"] is not None and c["npv"] > 0
            and c["payback_months"] is not None and c["payback_months"] <= PAYBACK_MAX):
        return "pass"
    if e["monthly_net_value"] > 0 and e["npv"] is not None and e["npv"] > 0:
        return "warn"
    return "fail"


def st_deployment(p):
    u = utilization(p)
    if not p["integration"]["deployment_plan"] or (
            u is not None and (u < U_FAIL_LOW or u > U_FAIL_HIGH)):
        return "fail"
    if p["owner"].strip() == "" or (
            u is not None and (u < U_WARN_LOW or u > U_WARN_HIGH)):
        return "warn"
    return "pass"


def st_defensibility(p):
    c = p["compute"]
    src, prop = c["sourcing"], c["proprietary_data"]
    if src == "vendor_wrapper" and not prop:
        return "fail"
    share = compute_share(p)
    if share is not None and share <= SHARE_MAX and (
            src in OWN_MODELS or (src == "third_party_api" and prop)):
        return "pass"
    return "warn"


def verdict(statuses):
    fails = [c for c, s in statuses.items() if s == "fail"]
    if (statuses["unit_economics"] == "fail" or statuses["reliability"] == "fail"
            or len(fails) >= 3):
        return "stop"
    if not fails and statuses["reliability"] == "pass" and statuses["unit_economics"] == "pass":
        warn_weight = sum(WEIGHTS[c] for c, s in statuses.items() if s == "warn")
        # pass = 100, warn > 0: score > 100 - warn_weight, so <= 20 guarantees > 80.
        return "scale" if 100 - warn_weight >= SCALE_SCORE else "scale_or_fix"
    return "fix"


def assess(p):
    """Statuses, verdict and the figures behind them (mpf / Fraction)."""
    lower, upper = bounds(p)
    expected, conservative = economics_cases(p, lower)
    statuses = {
        "single_task": st_single_task(p),
        "repeatable": st_repeatable(p),
        "reliability": st_reliability(p, lower, upper),
        "integration": st_integration(p),
        "unit_economics": st_unit_economics(expected, conservative),
        "deployment": st_deployment(p),
        "defensibility": st_defensibility(p),
    }
    assert list(statuses) == list(WEIGHTS)
    return {
        "statuses": statuses, "verdict": verdict(statuses),
        "L": lower, "U": upper,
        "T": ref.exact(p["reliability"]["target"]), "C": ref.exact(p["reliability"]["confidence"]),
        "expected": expected, "conservative": conservative,
        "share": compute_share(p), "u": utilization(p),
    }


# --------------------------------------------------------------------------------------
# validation of a version-1 pilot (all fields present, every value in range)
# --------------------------------------------------------------------------------------

ENUMS = {
    ("task", "input_structure"): {"structured", "semi_structured", "free_form"},
    ("reliability", "evidence"): {"vendor_claim", "vendor_test", "buyer_sample",
                                  "buyer_production"},
    ("integration", "output_destination"): {"copy_paste", "standalone_tool",
                                            "system_of_record_api", "automated_workflow"},
    ("compute", "sourcing"): {"third_party_api", "vendor_wrapper",
                              "self_hosted_open_model", "distilled_small_model"},
}
RATES = {("task", "human_error_rate"), ("reliability", "failure_detection_rate"),
         ("reliability", "review_share"), ("finance", "discount_rate")}
INTEGERS = {("task", "distinct_tasks"), ("reliability", "cases_evaluated"),
            ("reliability", "failures_observed"), ("finance", "horizon_months")}


def shape(obj):
    return {k: shape(v) for k, v in obj.items()} if isinstance(obj, dict) else type(obj) is bool


def validate(p, template):
    pid = p.get("id")
    assert shape(p) == shape(template), f"{pid}: fields differ from a version-1 pilot"
    for key in ("id", "name"):
        assert isinstance(p[key], str) and p[key].strip(), f"{pid}: empty {key}"
    for key in ("vendor", "owner", "notes", "currency", "created_at", "updated_at"):
        assert isinstance(p[key], str), f"{pid}: {key} is not a string"
    for sec in ("task", "reliability", "integration", "compute", "finance"):
        for key, v in p[sec].items():
            where = f"{pid}: {sec}.{key} = {v!r}"
            if (sec, key) in ENUMS:
                assert v in ENUMS[(sec, key)], where
            elif isinstance(v, bool) or isinstance(v, str):
                assert isinstance(template[sec][key], type(v)), where
            else:
                assert isinstance(v, (int, float)) and v == v and abs(v) != float("inf"), where
                assert v >= 0, where
                if (sec, key) in INTEGERS:
                    assert isinstance(v, int), where
                if (sec, key) in RATES:
                    assert v <= 1, where
    t, r, f = p["task"], p["reliability"], p["finance"]
    assert 1 <= t["distinct_tasks"] <= 1000, pid
    assert 0.5 <= r["target"] <= 0.999999, pid
    assert 0.5 <= r["confidence"] <= 0.9999, pid
    assert r["failures_observed"] <= r["cases_evaluated"], pid
    assert 1 <= f["horizon_months"] <= 120, pid


# --------------------------------------------------------------------------------------
# the scenarios
# --------------------------------------------------------------------------------------

def load_examples():
    with open(EXAMPLES, encoding="utf-8") as fh:
        doc = json.load(fh)
    assert doc["format"] == "pilot-audit" and doc["version"] == 1
    return {p["id"]: p for p in doc["pilots"]}


def set_path(p, path, value):
    *parents, last = path.split(".")
    obj = p
    for key in parents:
        obj = obj[key]
    assert last in obj, f"unknown field {path}"
    obj[last] = value


def variant(base, pid, note, changes):
    """A copy of `base` with dotted-path changes, a fresh id/name and fixed metadata."""
    p = copy.deepcopy(base)
    p["id"] = pid
    p["name"] = "Golden: " + pid.removeprefix("golden-").replace("-", " ")
    p["notes"] = note
    p["currency"] = "USD"
    p["created_at"] = p["updated_at"] = TIMESTAMP
    for path, value in changes.items():
        set_path(p, path, value)
    return p


def least_n_upper_reaches(k, target, conf):
    """Least n >= k with cp_upper(n, k, conf) >= target (U grows with n at fixed k >= 1)."""
    t = mpf(target)
    hi = max(k, 1)
    while ref.cp_upper(hi, k, conf) < t:
        hi *= 2
    lo = k  # cp_upper(k, k) is far below any target >= 0.5 for the k used here
    assert ref.cp_upper(lo, k, conf) < t
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ref.cp_upper(mid, k, conf) >= t:
            hi = mid
        else:
            lo = mid
    return hi


def one_off_for_npv(p, case, side):
    """An integer one-off cost putting the `case` NPV ('expected' or 'conservative')
    between +1 and +2 (side > 0) or between -2 and -1 (side < 0)."""
    probe = copy.deepcopy(p)
    probe["integration"]["one_off_cost"] = 0
    pv = assess(probe)[case]["npv"]  # PV of the monthly net values over the horizon
    return int(mpmath.floor(pv)) - 1 if side > 0 else int(mpmath.ceil(pv)) + 1


class Scenarios:
    def __init__(self):
        self.items = []

    def add(self, pilot, verdict_, statuses=None, checks=(), note=None):
        """verdict_ / statuses: what the scenario is meant to show (asserted);
        checks: (description, predicate on the assess() result) pairs (asserted);
        note: what the case shows (default: the pilot's notes)."""
        self.items.append((pilot, note or pilot["notes"], verdict_, statuses or {},
                           list(checks)))


def build_scenarios():
    ex = load_examples()
    s = Scenarios()

    # ---- the six examples, unchanged ------------------------------------------------
    s.add(ex["example-invoice-erp"], "scale", {"reliability": "pass", "repeatable": "warn"},
          note="Example: distilled model into the ERP, 6 failures in 20,000 production "
               "cases (L >= 99.9%); the only warning is semi-structured input (weight 10).")
    s.add(ex["example-ticket-triage"], "fix", {"reliability": "warn"},
          [("L < T", lambda a: a["L"] < a["T"])],
          note="Example: 800 clean buyer cases do not demonstrate 99.9% (L < T, U = 1): "
               "reliability warns, so fix.")
    s.add(ex["example-kyc-checks"], "scale", {c: "pass" for c in WEIGHTS},
          note="Example: every criterion passes.")
    s.add(ex["example-claims-coding"], "stop", {"reliability": "fail"},
          [("U < T", lambda a: a["U"] < a["T"])],
          note="Example: 9 failures in 2,000 buyer cases: U < 99.9%, the evidence shows "
               "the pilot below target: stop.")
    s.add(ex["example-chat-assistant"], "stop",
          {"single_task": "fail", "repeatable": "fail", "reliability": "warn",
           "integration": "fail", "defensibility": "fail", "deployment": "warn"},
          note="Example: everything assistant: 12 tasks, free-form, copy-paste, wrapper "
               "on public data (4 failures); the untested vendor claim warns, not fails.")
    s.add(ex["example-gpu-cluster"], "stop",
          {"unit_economics": "fail", "deployment": "fail", "defensibility": "warn"},
          note="Example: reserved GPUs at 4% utilization, no plan, net value negative: "
               "stop.")

    # ---- bases for the variations ---------------------------------------------------
    kyc = variant(ex["example-kyc-checks"], "golden-base-kyc",
                  "All-pass base of most variations: the KYC example in USD.", {})
    s.add(kyc, "scale", {c: "pass" for c in WEIGHTS})

    def k(pid, note, changes):
        return variant(kyc, "golden-" + pid, note, changes)

    # An exactly representable pilot: V = 1,000, one hour at $10 a task, no human errors
    # and no cost of an AI failure (detection 0, cost per error 0), so both economic
    # cases agree exactly and baseline = $10,000 a month.  AI monthly = fixed compute
    # 1,000 + maintenance 2,000; net 7,000; provisioned 1,000 (u = 1).
    exact_changes = {
        "task.distinct_tasks": 1, "task.input_structure": "structured",
        "task.monthly_volume": 1000, "task.human_minutes_per_task": 60,
        "task.hourly_cost": 10, "task.human_error_rate": 0, "task.cost_per_error": 0,
        "reliability.target": 0.999, "reliability.confidence": 0.95,
        "reliability.cases_evaluated": 2995, "reliability.failures_observed": 0,
        "reliability.evidence": "buyer_production", "reliability.failure_detection_rate": 0,
        "reliability.review_share": 0, "reliability.review_minutes_per_task": 0,
        "integration.one_off_cost": 12000, "integration.monthly_maintenance": 2000,
        "compute.sourcing": "self_hosted_open_model", "compute.input_tokens_per_task": 0,
        "compute.output_tokens_per_task": 0, "compute.price_per_million_input": 0,
        "compute.price_per_million_output": 0, "compute.monthly_fixed_compute": 1000,
        "compute.provisioned_tasks_per_month": 1000, "compute.monthly_licence": 0,
        "compute.proprietary_data": True,
    }
    exact = variant(kyc, "golden-base-exact",
                    "Exactly representable base: baseline $10,000/month, net $7,000, "
                    "u = 1, compute share 10%; AI failures cost nothing in this model.",
                    exact_changes)
    s.add(exact, "scale", {c: "pass" for c in WEIGHTS},
          [("share = 1/10", lambda a: a["share"] == Fraction(1, 10)),
           ("net = 7000 in both cases", lambda a: a["expected"]["monthly_net_value"] == 7000
            and a["conservative"]["monthly_net_value"] == 7000)])

    def x(pid, note, changes):
        return variant(exact, "golden-" + pid, note, changes)

    # ---- reliability -----------------------------------------------------------------
    s.add(k("rel-target-50pct-5-clean",
            "Assessed against a 50% target on 5 clean buyer cases: L = 0.549 >= T but "
            "a target below 99.9% can never pass: warn, must not scale.",
            {"reliability.target": 0.5, "reliability.cases_evaluated": 5,
             "reliability.failures_observed": 0, "reliability.evidence": "buyer_sample"}),
          "fix", {"reliability": "warn"},
          [("L >= T", lambda a: a["L"] >= a["T"])])
    s.add(k("rel-confidence-50pct",
            "50% confidence with 1,000 clean buyer cases: L = 0.99931 >= 99.9% but a "
            "confidence below 95% can never pass: warn, must not scale.",
            {"reliability.confidence": 0.5, "reliability.cases_evaluated": 1000,
             "reliability.failures_observed": 0, "reliability.evidence": "buyer_sample"}),
          "fix", {"reliability": "warn"}, [("L >= T", lambda a: a["L"] >= a["T"])])
    s.add(k("rel-1-in-999",
            "1 failure in 999 buyer cases at 99.9%: point estimate 99.8999% but U = "
            "0.99995 > T: not shown unreliable, warn (not fail).",
            {"reliability.cases_evaluated": 999, "reliability.failures_observed": 1,
             "reliability.evidence": "buyer_sample"}),
          "fix", {"reliability": "warn"},
          [("U > T > L", lambda a: a["U"] > a["T"] > a["L"])])
    s.add(k("rel-1-in-1000",
            "1 failure in 1,000 buyer cases: point estimate exactly 99.9%, U > T > L: warn.",
            {"reliability.cases_evaluated": 1000, "reliability.failures_observed": 1,
             "reliability.evidence": "buyer_sample"}),
          "fix", {"reliability": "warn"},
          [("U > T > L", lambda a: a["U"] > a["T"] > a["L"])])
    s.add(k("rel-no-test",
            "No test at all (vendor claim, 0 cases): reliability warns (L = 0, U = 1); "
            "conservative case prices every task as failed, expected case at 1 - T: "
            "unit economics warn: fix, not stop.",
            {"reliability.cases_evaluated": 0, "reliability.failures_observed": 0,
             "reliability.evidence": "vendor_claim"}),
          "fix", {"reliability": "warn", "unit_economics": "warn"},
          [("L = 0, U = 1", lambda a: a["L"] == 0 and a["U"] == 1)])
    s.add(k("rel-buyer-sample-no-cases",
            "Buyer's sample named but 0 cases counted: no buyer's evidence: warn.",
            {"reliability.cases_evaluated": 0, "reliability.failures_observed": 0,
             "reliability.evidence": "buyer_sample"}),
          "fix", {"reliability": "warn"})
    conf95, t999 = 0.95, 0.999
    for kk in (1, 3):
        n_up = least_n_upper_reaches(kk, t999, conf95)
        s.add(k(f"rel-upper-k{kk}-below",
                f"U = T boundary: {kk} failure(s) in {n_up - 1} buyer cases gives U just "
                f"below 99.9% at 95%: the evidence shows the pilot below target: stop.",
                {"reliability.cases_evaluated": n_up - 1, "reliability.failures_observed": kk,
                 "reliability.evidence": "buyer_sample"}),
              "stop", {"reliability": "fail"},
              [("U < T", lambda a: a["U"] < a["T"]),
               ("U clearly below T (f64-safe)", lambda a: a["T"] - a["U"] > mpf(10) ** -9)])
        s.add(k(f"rel-upper-k{kk}-above",
                f"U = T boundary: {kk} failure(s) in {n_up} buyer cases (one more case) "
                f"gives U just above 99.9%: not shown below target: warn.",
                {"reliability.cases_evaluated": n_up, "reliability.failures_observed": kk,
                 "reliability.evidence": "buyer_sample"}),
              "fix", {"reliability": "warn"},
              [("U >= T", lambda a: a["U"] >= a["T"]),
               ("U clearly above T (f64-safe)", lambda a: a["U"] - a["T"] > mpf(10) ** -9)])
    n_run = ref.total_cases_needed(0, t999, conf95)
    assert n_run == 2995
    s.add(k("rel-lower-2995-clean",
            "L = T boundary: 2,995 clean buyer cases, the least n that demonstrates "
            "99.9% at 95%: reliability passes.",
            {"reliability.cases_evaluated": n_run, "reliability.failures_observed": 0,
             "reliability.evidence": "buyer_sample"}),
          "scale", {"reliability": "pass"},
          [("L >= T", lambda a: a["L"] >= a["T"]),
           ("L clearly above T", lambda a: a["L"] - a["T"] > mpf(10) ** -12)])
    s.add(k("rel-lower-2994-clean",
            "L = T boundary: 2,994 clean buyer cases, one case fewer: L < 99.9%: warn.",
            {"reliability.cases_evaluated": n_run - 1, "reliability.failures_observed": 0,
             "reliability.evidence": "buyer_sample"}),
          "fix", {"reliability": "warn"},
          [("L < T", lambda a: a["L"] < a["T"]),
           ("L clearly below T", lambda a: a["T"] - a["L"] > mpf(10) ** -12)])
    s.add(k("rel-vendor-test-2995-clean",
            "2,995 clean cases, but the vendor's test: L >= T without buyer's evidence: warn.",
            {"reliability.cases_evaluated": n_run, "reliability.failures_observed": 0,
             "reliability.evidence": "vendor_test"}),
          "fix", {"reliability": "warn"}, [("L >= T", lambda a: a["L"] >= a["T"])])
    s.add(k("rel-vendor-test-shows-failure",
            "Vendor's own test, 5 failures in 100 cases: U < T, whoever's evidence: stop.",
            {"reliability.cases_evaluated": 100, "reliability.failures_observed": 5,
             "reliability.evidence": "vendor_test"}),
          "stop", {"reliability": "fail"}, [("U < T", lambda a: a["U"] < a["T"])])
    s.add(k("rel-target-99.89-demonstrated",
            "Target 99.89% (just under the floor) demonstrated by 20,000 clean buyer "
            "cases: warn.",
            {"reliability.target": 0.9989, "reliability.cases_evaluated": 20000,
             "reliability.failures_observed": 0, "reliability.evidence": "buyer_production"}),
          "fix", {"reliability": "warn"}, [("L >= T", lambda a: a["L"] >= a["T"])])
    s.add(k("rel-confidence-94.99-demonstrated",
            "Confidence 94.99% (just under the floor), 20,000 clean buyer cases: warn.",
            {"reliability.confidence": 0.9499, "reliability.cases_evaluated": 20000,
             "reliability.failures_observed": 0, "reliability.evidence": "buyer_production"}),
          "fix", {"reliability": "warn"}, [("L >= T", lambda a: a["L"] >= a["T"])])
    s.add(k("rel-target-99.99-at-99pct",
            "Target 99.99% at 99% confidence demonstrated by 50,000 clean production "
            "cases: pass.",
            {"reliability.target": 0.9999, "reliability.confidence": 0.99,
             "reliability.cases_evaluated": 50000, "reliability.failures_observed": 0,
             "reliability.evidence": "buyer_production"}),
          "scale", {"reliability": "pass"}, [("L >= T", lambda a: a["L"] >= a["T"])])
    s.add(k("rel-target-max-not-shown",
            "Target 99.9999% at 99.99% confidence, 100,000 clean cases: L < T, U = 1: warn.",
            {"reliability.target": 0.999999, "reliability.confidence": 0.9999,
             "reliability.cases_evaluated": 100000, "reliability.failures_observed": 0,
             "reliability.evidence": "buyer_production"}),
          "fix", {"reliability": "warn"}, [("L < T", lambda a: a["L"] < a["T"])])
    s.add(k("rel-all-failed",
            "All 10 buyer cases failed: U = 0.26 < T (reliability fails) and both "
            "economic cases price every task as failed: stop.",
            {"reliability.cases_evaluated": 10, "reliability.failures_observed": 10,
             "reliability.evidence": "buyer_sample"}),
          "stop", {"reliability": "fail"}, [("L = 0", lambda a: a["L"] == 0)])

    # ---- unit economics -----------------------------------------------------------
    chat = variant(ex["example-chat-assistant"], "golden-chat-clean",
                   "The chat assistant's economics (expected net about $43k a month) on a "
                   "single structured task, integrated, with an owner and proprietary data.",
                   {"owner": "Ola Nordmann (Operations)", "task.distinct_tasks": 1,
                    "task.input_structure": "structured",
                    "integration.output_destination": "automated_workflow",
                    "integration.fallback_to_human": True, "integration.monitoring": True,
                    "compute.proprietary_data": True})
    s.add(variant(chat, "golden-econ-horizon-6-payback-9.3",
                  "Horizon 6 months, one-off $400,000, expected net about $43k a month: "
                  "payback about 9.3 months but the NPV is negative over the horizon: "
                  "unit economics fail: must not scale (stop).",
                  {"finance.horizon_months": 6, "integration.one_off_cost": 400000}),
          "stop", {"unit_economics": "fail"},
          [("expected payback in (9.2, 9.35)",
            lambda a: 9.2 < a["expected"]["payback_months"] < 9.35),
           ("expected NPV < 0", lambda a: a["expected"]["npv"] < 0),
           ("expected net about 43k",
            lambda a: 42500 < a["expected"]["monthly_net_value"] < 43500)])
    s.add(variant(chat, "golden-econ-npv-913k-slow-payback",
                  "Nets about $43k a month, NPV about +$913k over 120 months, but the "
                  "conservative payback is about 56 months (> 12): unit economics warn, "
                  "not stop (3,000 clean production cases).",
                  {"finance.horizon_months": 120, "integration.one_off_cost": 2412000,
                   "reliability.cases_evaluated": 3000, "reliability.failures_observed": 0,
                   "reliability.evidence": "buyer_production"}),
          "fix", {"unit_economics": "warn", "reliability": "pass"},
          [("conservative net about 43k",
            lambda a: 42500 < a["conservative"]["monthly_net_value"] < 43500),
           ("conservative NPV about +913k",
            lambda a: 900000 < a["conservative"]["npv"] < 925000),
           ("conservative payback > 12", lambda a: a["conservative"]["payback_months"] > 12)])

    h12 = {"finance.horizon_months": 12}
    probe = variant(kyc, "probe", "", h12)
    for side, name, v, st in ((1, "above", "scale", "pass"), (-1, "below", "fix", "warn")):
        oo = one_off_for_npv(probe, "conservative", side)
        s.add(k(f"econ-conservative-npv-zero-{name}",
                f"Conservative NPV about 0 ({name}) over 12 months (one-off ${oo:,}): "
                + ("NPV > 0 and payback < 12: pass." if side > 0
                   else "NPV < 0 (expected NPV > 0): warn."),
                dict(h12, **{"integration.one_off_cost": oo})),
              v, {"unit_economics": st},
              [("conservative NPV on the intended side, |NPV| in [1, 2]",
                lambda a, side=side: 1 <= side * a["conservative"]["npv"] <= 2),
               ("expected NPV > 0", lambda a: a["expected"]["npv"] > 0),
               ("conservative payback < 12",
                lambda a: a["conservative"]["payback_months"] < 12)])
    for side, name, v, st in ((1, "above", "fix", "warn"), (-1, "below", "stop", "fail")):
        oo = one_off_for_npv(kyc, "expected", side)
        s.add(k(f"econ-expected-npv-zero-{name}",
                f"Expected NPV about 0 ({name}) over 36 months (one-off ${oo:,}), "
                "conservative NPV negative: "
                + ("expected case holds: warn." if side > 0 else "nothing holds: fail."),
                {"integration.one_off_cost": oo}),
              v, {"unit_economics": st},
              [("expected NPV on the intended side, |NPV| in [1, 2]",
                lambda a, side=side: 1 <= side * a["expected"]["npv"] <= 2),
               ("conservative NPV < 0", lambda a: a["conservative"]["npv"] < 0)])
    s.add(x("econ-payback-exactly-12",
            "Payback exactly 12 months (one-off $84,000, net $7,000 exactly): pass.",
            {"integration.one_off_cost": 84000}),
          "scale", {"unit_economics": "pass"},
          [("payback == 12", lambda a: a["conservative"]["payback_months"] == 12)])
    s.add(x("econ-payback-just-over-12",
            "Payback just over 12 months (one-off $84,001, net $7,000): warn.",
            {"integration.one_off_cost": 84001}),
          "fix", {"unit_economics": "warn"},
          [("payback > 12", lambda a: a["conservative"]["payback_months"] > 12)])
    s.add(x("econ-net-exactly-zero",
            "Monthly net value exactly 0 (maintenance $9,000): not > 0 in either case: "
            "fail: stop.",
            {"integration.monthly_maintenance": 9000}),
          "stop", {"unit_economics": "fail"},
          [("net == 0", lambda a: a["expected"]["monthly_net_value"] == 0)])

    # ---- deployment ----------------------------------------------------------------
    # KYC volume 25,000 a month; utilization set through the provisioned capacity only
    # (the economics do not depend on it).
    for prov, u_text, st, v in ((100000, "exactly 0.25", "warn", "scale"),
                                (100001, "just below 0.25", "fail", "fix"),
                                (50000, "exactly 0.5", "pass", "scale"),
                                (50001, "just below 0.5", "warn", "scale"),
                                (25000, "exactly 1.0", "pass", "scale"),
                                (24999, "just above 1.0", "warn", "scale"),
                                (20000, "exactly 1.25", "warn", "scale"),
                                (19999, "just above 1.25", "fail", "fix"),
                                (2500, "10 (volume 10x the capacity)", "fail", "fix")):
        s.add(k(f"dep-provisioned-{prov}",
                f"Utilization {u_text}: 25,000 tasks on {prov:,} provisioned: {st}.",
                {"compute.provisioned_tasks_per_month": prov}),
              v, {"deployment": st})
    s.add(k("dep-no-plan", "No dated deployment plan: fail.",
            {"integration.deployment_plan": False}),
          "fix", {"deployment": "fail"})
    s.add(k("dep-owner-empty", "Owner empty: warn.", {"owner": ""}),
          "scale", {"deployment": "warn"})
    s.add(k("dep-owner-blank", "Owner only spaces: counts as missing: warn.",
            {"owner": "   "}),
          "scale", {"deployment": "warn"})
    s.add(k("dep-pay-per-use", "Pay per use (provisioned 0): no utilization test: pass.",
            {"compute.provisioned_tasks_per_month": 0}),
          "scale", {"deployment": "pass"}, [("no u", lambda a: a["u"] is None)])

    # ---- defensibility -------------------------------------------------------------
    s.add(x("def-share-exactly-30pct",
            "Own model, compute share exactly 30% ($3,000 of a $10,000 baseline): pass.",
            {"compute.monthly_fixed_compute": 3000}),
          "scale", {"defensibility": "pass"},
          [("share == 3/10", lambda a: a["share"] == Fraction(3, 10))])
    s.add(x("def-share-just-over-30pct",
            "Own model, compute share 30.01% ($3,001 of $10,000): warn.",
            {"compute.monthly_fixed_compute": 3001}),
          "scale", {"defensibility": "warn"},
          [("share > 3/10", lambda a: a["share"] > Fraction(3, 10))])
    s.add(x("def-self-hosted-share-170pct",
            "Self-hosted model whose compute costs 170% of the baseline: defensibility "
            "warns; the economics fail: stop.",
            {"compute.monthly_fixed_compute": 17000}),
          "stop", {"defensibility": "warn", "unit_economics": "fail"},
          [("share == 17/10", lambda a: a["share"] == Fraction(17, 10))])
    s.add(x("def-zero-baseline",
            "Baseline 0 (hourly cost 0): compute share undefined, not <= 30%: warn; "
            "nothing to save: stop.",
            {"task.hourly_cost": 0}),
          "stop", {"defensibility": "warn", "unit_economics": "fail"},
          [("no share", lambda a: a["share"] is None)])
    api = {"compute.input_tokens_per_task": 2500, "compute.output_tokens_per_task": 300,
           "compute.price_per_million_input": 2.5, "compute.price_per_million_output": 10,
           "compute.monthly_fixed_compute": 0, "compute.provisioned_tasks_per_month": 0}
    s.add(k("def-api-public-data",
            "Third-party API on data anyone has: warn.",
            dict(api, **{"compute.sourcing": "third_party_api",
                         "compute.proprietary_data": False})),
          "scale", {"defensibility": "warn"})
    s.add(k("def-api-proprietary-data",
            "Third-party API on proprietary data, share well under 30%: pass.",
            dict(api, **{"compute.sourcing": "third_party_api",
                         "compute.proprietary_data": True})),
          "scale", {"defensibility": "pass"})
    s.add(k("def-wrapper-public-data",
            "Vendor wrapper without proprietary data: fail (fix).",
            dict(api, **{"compute.sourcing": "vendor_wrapper",
                         "compute.proprietary_data": False})),
          "fix", {"defensibility": "fail"})
    s.add(k("def-wrapper-proprietary-data",
            "Vendor wrapper on proprietary data: warn.",
            dict(api, **{"compute.sourcing": "vendor_wrapper",
                         "compute.proprietary_data": True})),
          "scale", {"defensibility": "warn"})
    s.add(k("def-distilled-public-data",
            "Distilled small model without proprietary data, share under 30%: pass.",
            {"compute.sourcing": "distilled_small_model", "compute.proprietary_data": False}),
          "scale", {"defensibility": "pass"})

    # ---- single task, repeatable input, integration ---------------------------------
    for d, st, v in ((2, "warn", "scale"), (3, "warn", "scale"), (4, "fail", "fix"),
                     (1000, "fail", "fix")):
        s.add(k(f"task-distinct-{d}", f"{d} distinct tasks: {st}.",
                {"task.distinct_tasks": d}), v, {"single_task": st})
    s.add(k("input-semi-structured", "Semi-structured input: warn.",
            {"task.input_structure": "semi_structured"}), "scale", {"repeatable": "warn"})
    s.add(k("input-free-form", "Free-form input: fail (fix).",
            {"task.input_structure": "free_form"}), "fix", {"repeatable": "fail"})
    for dest, fb, mon, st, v in (
            ("standalone_tool", True, True, "warn", "scale"),
            ("system_of_record_api", True, False, "warn", "scale"),
            ("automated_workflow", False, True, "warn", "scale"),
            ("copy_paste", True, True, "fail", "fix"),
            ("automated_workflow", False, False, "fail", "fix"),
            ("standalone_tool", False, False, "fail", "fix")):
        what = {(True, True): "fallback and monitoring", (True, False): "fallback only",
                (False, True): "monitoring only", (False, False): "neither fallback nor "
                "monitoring"}[(fb, mon)]
        tag = {(True, True): "both", (True, False): "fallback", (False, True): "monitoring",
               (False, False): "neither"}[(fb, mon)]
        s.add(k(f"int-{dest.replace('_', '-')}-{tag}", f"Output to {dest}, {what}: {st}.",
                {"integration.output_destination": dest,
                 "integration.fallback_to_human": fb, "integration.monitoring": mon}),
              v, {"integration": st})

    # ---- verdict combinations ------------------------------------------------------
    s.add(k("verdict-warn-weight-20",
            "Warnings of weight 10 + 10 = 20 (semi-structured, 2 tasks): score > 80 "
            "whatever the grading: scale.",
            {"task.input_structure": "semi_structured", "task.distinct_tasks": 2}),
          "scale")
    s.add(k("verdict-warn-weight-20-b",
            "Warnings of weight 15 + 5 = 20 (standalone tool, API on public data): scale.",
            dict(api, **{"integration.output_destination": "standalone_tool",
                         "compute.sourcing": "third_party_api",
                         "compute.proprietary_data": False})),
          "scale")
    s.add(k("verdict-warn-weight-25",
            "Warnings of weight 10 + 15 = 25 (semi-structured, standalone tool): the score "
            "may fall below 80 depending on how a warn is graded: scale or fix.",
            {"task.input_structure": "semi_structured",
             "integration.output_destination": "standalone_tool"}),
          "scale_or_fix")
    s.add(k("verdict-warn-weight-25-b",
            "Warnings of weight 10 + 10 + 5 = 25 (semi-structured, 3 tasks, API on "
            "public data): scale or fix.",
            dict(api, **{"task.input_structure": "semi_structured", "task.distinct_tasks": 3,
                         "compute.sourcing": "third_party_api",
                         "compute.proprietary_data": False})),
          "scale_or_fix")
    s.add(k("verdict-all-minor-warn",
            "Every criterion but reliability and unit economics warns (weight 50): "
            "scale or fix.",
            dict(api, **{"task.input_structure": "semi_structured", "task.distinct_tasks": 2,
                         "integration.output_destination": "standalone_tool",
                         "owner": "", "compute.sourcing": "third_party_api",
                         "compute.proprietary_data": False})),
          "scale_or_fix",
          {"single_task": "warn", "repeatable": "warn", "integration": "warn",
           "deployment": "warn", "defensibility": "warn"})
    s.add(k("verdict-two-fails",
            "Two criteria fail (4 tasks, free-form input), reliability and economics pass: "
            "fix.",
            {"task.distinct_tasks": 4, "task.input_structure": "free_form"}),
          "fix", {"single_task": "fail", "repeatable": "fail"})
    s.add(k("verdict-three-fails",
            "Three criteria fail (4 tasks, free-form input, copy-paste), reliability and "
            "economics pass: stop.",
            {"task.distinct_tasks": 4, "task.input_structure": "free_form",
             "integration.output_destination": "copy_paste"}),
          "stop", {"single_task": "fail", "repeatable": "fail", "integration": "fail",
                       "reliability": "pass", "unit_economics": "pass"})

    return s.items


# --------------------------------------------------------------------------------------
# golden table
# --------------------------------------------------------------------------------------

def build():
    template = load_examples()["example-invoice-erp"]
    rows, ids, names = [], set(), set()
    for pilot, note, want_verdict, want_statuses, checks in build_scenarios():
        pid = pilot["id"]
        validate(pilot, template)
        assert pid not in ids and pilot["name"] not in names, f"duplicate {pid}"
        ids.add(pid)
        names.add(pilot["name"])
        if not pid.startswith("example-"):
            assert pilot["currency"] == "USD" and pilot["created_at"] == TIMESTAMP
        a = assess(pilot)
        got = a["statuses"]
        assert a["verdict"] == want_verdict, f"{pid}: verdict {a['verdict']}, meant {want_verdict}: {got}"
        for c, st in want_statuses.items():
            assert got[c] == st, f"{pid}: {c} is {got[c]}, meant {st}"
        for desc, pred in checks:
            assert pred(a), f"{pid}: boundary condition does not hold: {desc}"
        rows.append({
            "note": note,
            "pilot": pilot,
            "statuses": got,
            "verdict": a["verdict"],
            "upper_bound": ref.to_f64(a["U"]),
            "lower_bound": ref.to_f64(a["L"]),
        })
    assert len(rows) >= 40
    return {"standard": STANDARD, "pilots": rows}


def render(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def summary(doc):
    counts = {}
    for row in doc["pilots"]:
        counts[row["verdict"]] = counts.get(row["verdict"], 0) + 1
    parts = ", ".join(f"{v} {counts.get(v, 0)}" for v in ("scale", "fix", "stop", "scale_or_fix"))
    return f"{len(doc['pilots'])} pilots ({parts}), standard {STANDARD}"


def main(argv):
    return golden.main(argv, OUT, lambda writing: render(build()), summary, usage=__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
