#!/usr/bin/env python3
"""Independent reference for standard 3.0 (DESIGN §3 economics, §4 criteria and verdict,
§9 evidence, file version 3 of §2).

Written from the text of DESIGN §2-§4, §9 and §10 only; no Rust code was consulted.  It
builds version-3 pilots (the six examples of src/audit/examples.json, migrated as they
are, plus variations that sit on and just beside every threshold of 3.0), computes the
counted evidence, the bounds, plan, stale evidence, drift, both economic cases, the
status of each criterion and the verdict, and writes tests/golden/standard3.json.

Usage:
    python3 tools/standard3.py           regenerate tests/golden/standard3.json
    python3 tools/standard3.py --check   recompute and compare with the committed file

Dependencies: Python 3 + mpmath.  Imported, not copied: cp_lower, cp_upper,
total_cases_needed, tie_margin, to_f64 (tools/reference.py); fisher_exact, fisher_mp
(tools/evidence.py); the command line (tools/golden.py).

Evidence (§9).  n, k = counted cases, failures.
  counted     buyer batches (buyer_sample, buyer_production) whose model_version equals
              the latest buyer batch's (latest = last listed; plain string equality);
              with no buyer batch, the vendor_test batches of the latest vendor version;
              evidence = "buyer" / "vendor" / "none".  Buyer's evidence = "buyer", n > 0.
  L, U        one-sided Clopper-Pearson bounds on the success rate at the pilot's C;
  L95, U95    the same at C = 0.95 (L = 0 when n = 0 or k = n; U = 1 when k = 0).
  stale       evidence "buyer" and some batch of any source dated strictly after the last
              counted batch names a model_version that is neither "" nor the counted one.
  drift       evidence "buyer" with >= 2 counted batches: window = counted batches taken
              newest first until they hold >= 1,000 cases, stopping early so that at least
              one batch stays earlier; one-sided Fisher exact test (H1: the window fails
              more often), exact rational p; flagged = p < 1/20 (strict).
  plan        the last plan; planned_cases = success-run total for the plan's own
              (target, confidence, allowed_failures); counts counted batches dated >=
              set_on; failed if failures > allowed, else passed if cases >= planned, else
              on_track.  Golden plans have decide_by "" so no status depends on today.

Economics (§3, 3.0).  S = min(V, P) if P > 0 else V; hc = minutes/60 x h.
  f           expected (k + 1/2)/(n + 1), or 1 - min(T, T*) when n = 0 (a stricter
              target is no evidence); conservative 1 - L at max(C, 0.95) (a looser
              confidence must not lift the money: issue 27's gaming rule, beyond the
              letter of §3, which says 1 - T and 1 - L).
  per task    avoided = hc + human_error_rate x cost_per_error; AI variable = token cost
              + review_share x review_minutes/60 x h + f d hc + f (1 - d) cost_per_error.
  month m     S_m = S x min(1, m/(r + 1)), r = ramp_months; net_m = S_m x (avoided -
              variable) - (fixed compute + licence + maintenance); tasks beyond S neither
              cost nor save.  monthly_net_value = net at full volume.
  payback     remaining = one_off - spent; 0 when remaining = 0; else the first month M in
              1..120 whose undiscounted cumulative net >= remaining, interpolated:
              (M - 1) + (remaining - cum_{M-1}) / net_M; null if none (any horizon).
  npv         -remaining + sum_{m=1..H} net_m / (1 + rate)^(m/12), H = horizon_months;
              npv_judged: the same over min(H, 36); npv_including_spent: over H with
              -one_off.  roi = npv / (remaining + PV over H of AI monthly costs), null if 0.
  share       (S x token cost + fixed compute) / (S x avoided); null when that is 0.
  headroom    conservative, full volume: null if net <= 0; "infinite" if S x token cost
              + licence = 0; else 1 + net / (S x token cost + licence) (closed form).
  u           V / P when P > 0, else null.

Criteria (§4, 3.0), T* = the double 0.999, thresholds compared exactly:
  single_task     pass 1; warn 2-3; fail 0 or >= 4.
  repeatable      pass structured; warn semi_structured; fail free_form.
  reliability     better = n > 0 and 1 - L95 < human_error_rate.
                  fail (U95 < T* and not better) or plan failed;
                  pass plan passed, plan target >= T*, plan confidence >= 0.95, evidence
                       "buyer", drift not flagged, not stale;  warn otherwise.
  integration     fail copy_paste or neither fallback nor monitoring; pass workflow /
                  system of record with both; warn otherwise.
  unit_economics  pass conservative net > 0, npv_judged > 0, payback <= 12;
                  warn expected net > 0 and npv_judged > 0; fail otherwise; a pass is
                  lowered to warn when cost_per_error = 0 and detection < 1, or when there
                  is no buyer's evidence and the pass rule fails at f = 1 ("claim only").
  deployment      fail no deployment_plan, or u < 1/4 or u > 5/4; warn owner blank
                  (strip() == "") or u in [1/4, 1/2) or (1, 5/4]; pass otherwise.
  defensibility   fail vendor_wrapper without proprietary data, or API/wrapper with
                  headroom < 5/4 (null counts as < 5/4); pass share <= 3/10, headroom >= 2
                  ("infinite" counts), and own/distilled model or API on proprietary data;
                  warn otherwise.
  verdict         stop: reliability or unit_economics fails; if no criterion fails, both
                  pass, monitoring on and owner named: "scale" when the warn weights sum
                  to <= 20 (score >= 80 whatever a warn is worth in [0, 100]), else
                  "scale_or_fix" (DESIGN gives no warn grades); "fix" otherwise.

Readings chosen where DESIGN is ambiguous (each pinned by a scenario):
   1. examples.json was file version 1 (read by migrate_v1 per §9: one batch dated
      created_at's date, model_version "", note ""; vendor_claim with 0 cases -> no batch,
      ramp 0, spent 0, ranges {}, decisions []); it is version 3 now, the KYC example
      revised with a plan set before its two batches, the others as migrated.
   2. U95 < T* fails whoever's counted evidence it is (vendor too), as in 2.0.
   3. The pass column is read literally: it does not ask for pooled U95 >= T* or L >= T.
      Fail is tested first, so a passed plan with U95 < T* stops unless better than
      people, in which case it passes.
   4. A plan is judged on its own target and confidence, not the pilot's.
   5. A plan counts the counted batches whatever their source: a vendor-only failed plan
      fails reliability; a vendor-only passed plan warns (not the buyer's evidence).
   6. Stale: buyer evidence only; "after" is strict; model_version "" names no version.
   7. The drift window may hold < 1,000 cases when only one earlier batch remains.
   8. "Economics only pass on the claim": no buyer's evidence and the pass rule fails
      at f = 1.  With n = 0 the conservative f is already 1, so it bites on vendor
      evidence; a pilot that passes at any failure rate keeps its pass.
   9. The caps only lower pass to warn; warn rule judged over min(H, 36) as pass is.
  10. Compute share's "monthly baseline" is the baseline avoided on S, not on V.
  11. Headroom: null (net <= 0) wins over infinite; null fails an API/wrapper.
      Infinite is written as the string "infinite" (JSON has no infinity).
  12. npv_including_spent and roi are over the shown H (neither judges anything).
  13. Payback is undiscounted and independent of H (searched up to 120 months).

f64 safety: every threshold comparison is recorded; each is exact (rationals, equal) or
at least 1e-9 x its scale from the threshold, and an f64 shadow of every rule (build())
must give the same statuses and verdict.  Exact-boundary scenarios use integer money
(the "exact" base: human time 0, failures all caught, so f drops out of the money).
"""

from __future__ import annotations

import copy
import json
import os
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # importing the 2.0 references must leave no __pycache__
TOOLS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TOOLS)
sys.path.insert(0, TOOLS)

import mpmath  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

import golden  # noqa: E402  (the write-or-check command line)
import reference as ref  # noqa: E402  (Clopper-Pearson, success-run totals, to_f64)
import evidence as evi  # noqa: E402  (one-sided Fisher exact test, exact integers)

mp.dps = 50

EXAMPLES = os.path.join(REPO, "src", "audit", "examples.json")
OUT = os.path.join(REPO, "tests", "golden", "standard3.json")
STANDARD = "3.0"

# ---- the standard's table (DESIGN §4, 3.0), in its order ------------------------------
WEIGHTS = {
    "single_task": 10,
    "repeatable": 10,
    "reliability": 25,
    "integration": 15,
    "unit_economics": 25,
    "deployment": 10,
    "defensibility": 5,
}
assert sum(WEIGHTS.values()) == 100

TARGET_FLOOR = 0.999            # T*: the double nearest 0.999
CONFIDENCE_FLOOR = 0.95         # C of the standard's own bounds and of a plan's floor
PAYBACK_PASS_MONTHS = 12
PAYBACK_LIMIT_MONTHS = 120      # payback null beyond this
JUDGED_HORIZON_MONTHS = 36      # the standard judges over min(H, 36)
DRIFT_WINDOW_CASES = 1000
DRIFT_ALPHA = Fraction(1, 20)
SHARE_MAX = Fraction(3, 10)
HEADROOM_PASS = Fraction(2)
HEADROOM_FAIL_BELOW = Fraction(5, 4)
U_FAIL_LOW, U_WARN_LOW, U_WARN_HIGH, U_FAIL_HIGH = (
    Fraction(1, 4), Fraction(1, 2), Fraction(1), Fraction(5, 4))
SCALE_SCORE = 80

BUYER = ("buyer_sample", "buyer_production")
VENDOR = ("vendor_test",)
OWN_MODELS = ("self_hosted_open_model", "distilled_small_model")
API_OR_WRAPPER = ("third_party_api", "vendor_wrapper")

MARGIN = mpf(10) ** -9          # least relative gap of any inexact threshold comparison
TIMESTAMP = "2026-11-01T00:00:00Z"


# ======================================================================================
# numbers
# ======================================================================================

def q(v):
    """Exact rational value of a JSON number (the f64 it denotes)."""
    if isinstance(v, bool):
        raise TypeError("boolean where a number was expected")
    return Fraction(float(v)) if isinstance(v, float) else Fraction(int(v))


def to_mp(x):
    if isinstance(x, Fraction):
        return mpf(x.numerator) / x.denominator
    return mpf(x)


def f64(x):
    """Nearest double of a Fraction / mpf / int (None stays None)."""
    if x is None:
        return None
    if isinstance(x, Fraction):
        return float(x)  # correctly rounded
    return ref.to_f64(x)


class Ledger:
    """Every threshold comparison of one assessment, so that a golden case never sits
    where an f64 engine could land on the other side: a comparison is either exact
    (both sides rational and equal: then the f64 shadow must agree, checked in build())
    or its gap exceeds MARGIN x scale."""

    def __init__(self):
        self.rows = []

    def cmp(self, x, t, scale, what):
        """sign of x - t (-1, 0, 1), recording the gap."""
        if isinstance(x, Fraction) and isinstance(t, Fraction):
            d = x - t
        else:
            d = to_mp(x) - to_mp(t)
        s = (d > 0) - (d < 0)
        self.rows.append((what, s, abs(to_mp(d)) if d != 0 else mpf(0),
                          mpf(abs(to_mp(scale))) or mpf(1),
                          isinstance(d, Fraction)))
        return s

    def check(self, pid):
        for what, s, gap, scale, exact in self.rows:
            if s == 0:
                assert exact, f"{pid}: {what} sits exactly on its threshold in inexact arithmetic"
            else:
                assert gap > MARGIN * scale, (
                    f"{pid}: {what} is {mpmath.nstr(gap, 5)} from its threshold "
                    f"(scale {mpmath.nstr(scale, 5)}): too close for an f64 engine")


# ======================================================================================
# §9: counted evidence, stale evidence, drift, plan
# ======================================================================================

def counted_evidence(batches):
    """(kind, counted batches, version, left_out_cases)."""
    buyer = [b for b in batches if b["source"] in BUYER]
    vendor = [b for b in batches if b["source"] in VENDOR]
    if buyer:
        kind, pool = "buyer", buyer
    elif vendor:
        kind, pool = "vendor", vendor
    else:
        return "none", [], None, 0
    version = pool[-1]["model_version"]
    counted = [b for b in pool if b["model_version"] == version]
    left_out = sum(b["cases"] for b in pool if b["model_version"] != version)
    return kind, counted, version, left_out


def stale_evidence(batches, kind, counted, version):
    """The first batch (any source) dated after the latest counted buyer batch that names
    a model version other than the counted one; None when there is none."""
    if kind != "buyer":
        return None
    last_date = counted[-1]["date"]
    for b in batches:
        if b["date"] > last_date and b["model_version"] not in ("", version):
            return b
    return None


def drift_window(counted):
    """(window batches, earlier batches): newest first until >= 1,000 cases, leaving at
    least one earlier batch."""
    i, cases = len(counted) - 1, 0
    while i >= 1:
        cases += counted[i]["cases"]
        i -= 1
        if cases >= DRIFT_WINDOW_CASES:
            break
    return counted[i + 1:], counted[:i + 1]


def drift(kind, counted):
    if kind != "buyer" or len(counted) < 2:
        return None
    window, earlier = drift_window(counted)
    nw, fw = sum(b["cases"] for b in window), sum(b["failures"] for b in window)
    ne, fe = sum(b["cases"] for b in earlier), sum(b["failures"] for b in earlier)
    p = evi.fisher_exact(fw, nw, fe, ne)
    assert p is not None
    assert float(p) == ref.to_f64(evi.fisher_mp(fw, nw, fe, ne)), "two Fisher paths differ"
    return {"p_value": p, "flagged": p < DRIFT_ALPHA,
            "window_cases": nw, "window_failures": fw, "window_batches": len(window)}


def plan_in_force(plans, counted):
    if not plans:
        return None
    pl = plans[-1]
    a = int(pl["allowed_failures"])
    planned = ref.total_cases_needed(a, pl["target"], pl["confidence"])
    assert ref.tie_margin(a, pl["target"], pl["confidence"], planned) > mpf(10) ** -9
    since = [b for b in counted if b["date"] >= pl["set_on"]]
    pc = sum(b["cases"] for b in since)
    pf = sum(b["failures"] for b in since)
    assert pl["decide_by"] == "", "golden plans carry no decide_by: status must not depend on today"
    if pf > a:
        status = "failed"
    elif pc >= planned:
        status = "passed"
    else:
        status = "on_track"
    return {"status": status, "planned_cases": planned, "counted_cases": pc,
            "counted_failures": pf, "target": pl["target"], "confidence": pl["confidence"]}


# ======================================================================================
# §3 economics (3.0), exact where the data allow, else mpmath at 50 digits
# ======================================================================================

def money_inputs(p):
    t, r, i, c, fin = p["task"], p["reliability"], p["integration"], p["compute"], p["finance"]
    V, P = q(t["monthly_volume"]), q(c["provisioned_tasks_per_month"])
    h = q(t["hourly_cost"])
    hc = q(t["human_minutes_per_task"]) / 60 * h
    cpe = q(t["cost_per_error"])
    d = q(r["failure_detection_rate"])
    token = (q(c["input_tokens_per_task"]) * q(c["price_per_million_input"])
             + q(c["output_tokens_per_task"]) * q(c["price_per_million_output"])) / 10**6
    review = q(r["review_share"]) * q(r["review_minutes_per_task"]) / 60 * h
    return {
        "V": V, "P": P, "S": min(V, P) if P > 0 else V,
        "hc": hc, "base_pt": hc + q(t["human_error_rate"]) * cpe,
        "token": token, "review": review,
        "c_f": d * hc + (1 - d) * cpe,          # cost of one AI failure, per failure
        "fixed_compute": q(c["monthly_fixed_compute"]),
        "licence": q(c["monthly_licence"]),
        "fixed": q(c["monthly_fixed_compute"]) + q(c["monthly_licence"])
                 + q(i["monthly_maintenance"]),
        "ramp": int(t["ramp_months"]),
        "one_off": q(i["one_off_cost"]), "spent": q(i["one_off_spent"]),
        "rate": q(fin["discount_rate"]), "H": int(fin["horizon_months"]),
    }


def served_share(m, month):
    """Share of S served in month `month` (1-based): min(1, month / (r + 1))."""
    return min(Fraction(1), Fraction(month, m["ramp"] + 1))


def economics(p, f):
    """The §3 figures for AI failure rate f (Fraction: exact; mpf: 50 digits)."""
    m = money_inputs(p)
    exact = m["c_f"] == 0 or isinstance(f, Fraction)
    cv = (lambda x: x) if exact else to_mp
    if isinstance(f, Fraction):
        fail_pt = m["c_f"] * f
    elif m["c_f"] == 0:
        fail_pt = Fraction(0)
    else:
        fail_pt = to_mp(m["c_f"]) * f
    var_pt = cv(m["token"] + m["review"]) + fail_pt    # AI variable cost per task
    margin_pt = cv(m["base_pt"]) - var_pt              # avoided minus AI variable, per task
    S, fixed = cv(m["S"]), cv(m["fixed"])
    remaining = cv(m["one_off"] - m["spent"])

    def net_month(month):
        return S * cv(served_share(m, month)) * margin_pt - fixed

    def ai_month(month):
        return S * cv(served_share(m, month)) * var_pt + fixed

    net_full = net_month(m["ramp"] + 1)
    assert net_full == S * margin_pt - fixed
    # payback: the month (interpolated) where cumulative net first covers `remaining`
    payback, cum = None, cv(Fraction(0))
    if remaining == 0:
        payback = cv(Fraction(0))
    else:
        for month in range(1, PAYBACK_LIMIT_MONTHS + 1):
            nm = net_month(month)
            if cum + nm >= remaining:
                payback = (month - 1) + (remaining - cum) / nm
                break
            cum = cum + nm
    disc = [(1 + to_mp(m["rate"])) ** (mpf(month) / 12)
            for month in range(1, max(m["H"], JUDGED_HORIZON_MONTHS) + 1)]

    def pv(fn, months):
        return sum((to_mp(fn(month)) / disc[month - 1] for month in range(1, months + 1)),
                   mpf(0))

    H, Hj = m["H"], min(m["H"], JUDGED_HORIZON_MONTHS)
    pv_net, pv_net_j = pv(net_month, H), pv(net_month, Hj)
    npv = pv_net - to_mp(remaining)
    pv_ai = to_mp(remaining) + pv(ai_month, H)
    gross = to_mp(S * cv(m["base_pt"]) + S * var_pt + fixed)   # scale of a month's money
    return {
        "failure_rate": f,
        "ai_cost_per_task": (S * var_pt + fixed) / S if S != 0 else None,
        "monthly_net_value": net_full,
        "payback_months": payback,
        "npv": npv,
        "npv_judged": pv_net_j - to_mp(remaining),
        "npv_including_spent": pv_net - to_mp(m["one_off"]),
        "roi": npv / pv_ai if pv_ai != 0 else None,
        "_gross": gross,
        "_npv_scale": gross * Hj + to_mp(remaining),
        "_price_cost": m["S"] * m["token"] + m["licence"],
    }


def headroom(cons):
    """Price-shock headroom: 1 + net / (S x token cost + licence); 'infinite' when those
    cost nothing; None when the conservative net at full volume is <= 0."""
    net = cons["monthly_net_value"]
    if net <= 0:
        return None
    if cons["_price_cost"] == 0:
        return "infinite"
    return 1 + (net if isinstance(net, Fraction) else to_mp(net)) / (
        cons["_price_cost"] if isinstance(net, Fraction) else to_mp(cons["_price_cost"]))


def compute_share(p):
    m = money_inputs(p)
    base = m["S"] * m["base_pt"]
    if base == 0:
        return None
    return (m["S"] * m["token"] + m["fixed_compute"]) / base


def utilization(p):
    m = money_inputs(p)
    return m["V"] / m["P"] if m["P"] > 0 else None


# ======================================================================================
# §4: the criteria and the verdict (3.0)
# ======================================================================================

def st_single_task(p):
    d = int(p["task"]["distinct_tasks"])
    return "pass" if d == 1 else "warn" if d in (2, 3) else "fail"


def st_repeatable(p):
    return {"structured": "pass", "semi_structured": "warn",
            "free_form": "fail"}[p["task"]["input_structure"]]


def st_integration(p):
    i = p["integration"]
    dest, fb, mon = i["output_destination"], i["fallback_to_human"], i["monitoring"]
    if dest == "copy_paste" or (not fb and not mon):
        return "fail"
    if dest in ("automated_workflow", "system_of_record_api") and fb and mon:
        return "pass"
    return "warn"


def owner_named(p):
    return p["owner"].strip() != ""


def st_deployment(p, u, led):
    def inside(lo, hi, lo_open=False, hi_open=False):
        a = led.cmp(u, lo, 1, "utilization vs %s" % lo)
        b = led.cmp(u, hi, 1, "utilization vs %s" % hi)
        return (a > 0 or (a == 0 and not lo_open)) and (b < 0 or (b == 0 and not hi_open))

    if not p["integration"]["deployment_plan"]:
        return "fail"
    if u is not None and not inside(U_FAIL_LOW, U_FAIL_HIGH):
        return "fail"
    if not owner_named(p):
        return "warn"
    if u is not None and not inside(U_WARN_LOW, U_WARN_HIGH):
        return "warn"
    return "pass"


def st_defensibility(p, share, room, led):
    src, prop = p["compute"]["sourcing"], p["compute"]["proprietary_data"]
    if src == "vendor_wrapper" and not prop:
        return "fail"
    if room is None:
        low, high = True, False                   # net <= 0: no headroom at all
    elif room == "infinite":
        low, high = False, True
    else:
        low = led.cmp(room, HEADROOM_FAIL_BELOW, room, "headroom vs 1.25") < 0
        high = led.cmp(room, HEADROOM_PASS, room, "headroom vs 2") >= 0
    if src in API_OR_WRAPPER and low:
        return "fail"
    share_ok = share is not None and led.cmp(share, SHARE_MAX, 1, "compute share vs 30%") <= 0
    if share_ok and high and (src in OWN_MODELS or (src == "third_party_api" and prop)):
        return "pass"
    return "warn"


def st_reliability(p, ev, led):
    """(status, better_than_people)."""
    her = q(p["task"]["human_error_rate"])
    better = ev["n"] > 0 and led.cmp(1 - ev["L95"], her, her, "1 - L95 vs human rate") < 0
    below_floor = led.cmp(ev["U95"], q(TARGET_FLOOR), 1, "U95 vs T*") < 0
    plan = ev["plan"]
    if (below_floor and not better) or (plan is not None and plan["status"] == "failed"):
        return "fail", better
    if (plan is not None and plan["status"] == "passed"
            and q(plan["target"]) >= q(TARGET_FLOOR)
            and q(plan["confidence"]) >= q(CONFIDENCE_FLOOR)
            and ev["kind"] == "buyer"
            and not (ev["drift"] and ev["drift"]["flagged"])
            and ev["stale"] is None):
        return "pass", better
    return "warn", better


def econ_passes(cons, led, tag):
    """The pass rule of unit_economics on one economics dict."""
    net_ok = led.cmp(cons["monthly_net_value"], Fraction(0), cons["_gross"],
                     tag + " net vs 0") > 0
    npv_ok = led.cmp(cons["npv_judged"], 0, cons["_npv_scale"], tag + " judged NPV vs 0") > 0
    pb = cons["payback_months"]
    pb_ok = pb is not None and led.cmp(pb, Fraction(PAYBACK_PASS_MONTHS), PAYBACK_PASS_MONTHS,
                                       tag + " payback vs 12") <= 0
    return net_ok and npv_ok and pb_ok


def st_unit_economics(p, ev, exp, cons, led):
    """(status, cap reason or None)."""
    if econ_passes(cons, led, "conservative"):
        status = "pass"
    elif (led.cmp(exp["monthly_net_value"], Fraction(0), exp["_gross"], "expected net vs 0") > 0
          and led.cmp(exp["npv_judged"], 0, exp["_npv_scale"], "expected judged NPV vs 0") > 0):
        status = "warn"
    else:
        status = "fail"
    cap = None
    if status == "pass":
        t, r = p["task"], p["reliability"]
        if q(t["cost_per_error"]) == 0 and q(r["failure_detection_rate"]) < 1:
            cap = "failures_priced_at_nothing"
        elif not ev["buyer_evidence"] and not econ_passes(
                economics(p, Fraction(1)), Ledger(), "every task failing"):
            cap = "claim_only"
        # (the throwaway Ledger: the f = 1 case is asserted f64-safe in build())
        if cap:
            status = "warn"
    return status, cap


def verdict(statuses, p):
    if statuses["reliability"] == "fail" or statuses["unit_economics"] == "fail":
        return "stop"
    if ("fail" not in statuses.values() and statuses["reliability"] == "pass"
            and statuses["unit_economics"] == "pass"
            and p["integration"]["monitoring"] and owner_named(p)):
        warn_weight = sum(WEIGHTS[c] for c, s in statuses.items() if s == "warn")
        # pass 100, warn >= 0, fail 0: score >= 100 - warn_weight, so <= 20 gives >= 80.
        return "scale" if 100 - warn_weight >= SCALE_SCORE else "scale_or_fix"
    return "fix"


def reliability_figures(p, led):
    r = p["reliability"]
    kind, counted, version, left_out = counted_evidence(r["batches"])
    n = sum(b["cases"] for b in counted)
    k = sum(b["failures"] for b in counted)
    conf = r["confidence"]
    ev = {
        "kind": kind, "n": n, "k": k, "left_out": left_out, "version": version,
        "L": ref.cp_lower(n, k, conf), "U": ref.cp_upper(n, k, conf),
        "L95": ref.cp_lower(n, k, CONFIDENCE_FLOOR), "U95": ref.cp_upper(n, k, CONFIDENCE_FLOOR),
        "Lc": ref.cp_lower(n, k, max(conf, CONFIDENCE_FLOOR)),
        "stale": stale_evidence(r["batches"], kind, counted, version),
        "drift": drift(kind, counted),
        "plan": plan_in_force(r["plans"], counted),
        "buyer_evidence": kind == "buyer" and n > 0,
    }
    if ev["drift"]:
        led.cmp(ev["drift"]["p_value"], DRIFT_ALPHA, DRIFT_ALPHA, "drift p vs 0.05")
    ev["demonstrated"] = led.cmp(ev["L"], q(r["target"]), 1, "L vs T") >= 0
    return ev


def assess(p):
    led = Ledger()
    ev = reliability_figures(p, led)
    r = p["reliability"]
    n, k = ev["n"], ev["k"]
    f_exp = Fraction(2 * k + 1, 2 * (n + 1)) if n > 0 else 1 - min(q(r["target"]), q(TARGET_FLOOR))
    f_cons = 1 - ev["Lc"] if ev["Lc"] != 0 else Fraction(1)
    exp, cons = economics(p, f_exp), economics(p, f_cons)
    share, u, room = compute_share(p), utilization(p), headroom(cons)
    rel, better = st_reliability(p, ev, led)
    ue, cap = st_unit_economics(p, ev, exp, cons, led)
    statuses = {
        "single_task": st_single_task(p),
        "repeatable": st_repeatable(p),
        "reliability": rel,
        "integration": st_integration(p),
        "unit_economics": ue,
        "deployment": st_deployment(p, u, led),
        "defensibility": st_defensibility(p, share, room, led),
    }
    assert list(statuses) == list(WEIGHTS)
    return {"statuses": statuses, "verdict": verdict(statuses, p), "ev": ev, "_p": p,
            "better": better, "cap": cap, "expected": exp, "conservative": cons,
            "share": share, "u": u, "headroom": room, "S": money_inputs(p)["S"],
            "ledger": led}


# ======================================================================================
# the f64 shadow: the same rules computed the way an f64 engine would
# ======================================================================================

def shadow(p):
    """Statuses and verdict in plain doubles (bounds and the p-value as the nearest
    doubles of the exact values); build() asserts they equal the exact ones."""
    t, r, i, c, fin = p["task"], p["reliability"], p["integration"], p["compute"], p["finance"]
    kind, counted, version, _ = counted_evidence(r["batches"])
    n = sum(b["cases"] for b in counted)
    k = sum(b["failures"] for b in counted)
    L95 = ref.to_f64(ref.cp_lower(n, k, CONFIDENCE_FLOOR))
    U95 = ref.to_f64(ref.cp_upper(n, k, CONFIDENCE_FLOOR))
    dr = drift(kind, counted)
    flagged = dr is not None and float(dr["p_value"]) < 0.05
    stale = stale_evidence(r["batches"], kind, counted, version)
    plan = plan_in_force(r["plans"], counted)
    her = float(t["human_error_rate"])
    better = n > 0 and 1 - L95 < her
    if (U95 < TARGET_FLOOR and not better) or (plan and plan["status"] == "failed"):
        rel = "fail"
    elif (plan and plan["status"] == "passed" and plan["target"] >= TARGET_FLOOR
          and plan["confidence"] >= CONFIDENCE_FLOOR and kind == "buyer" and not flagged
          and stale is None):
        rel = "pass"
    else:
        rel = "warn"

    V, P = float(t["monthly_volume"]), float(c["provisioned_tasks_per_month"])
    S = min(V, P) if P > 0 else V
    h = float(t["hourly_cost"])
    hc = t["human_minutes_per_task"] / 60 * h
    base_pt = hc + t["human_error_rate"] * t["cost_per_error"]
    token = (c["input_tokens_per_task"] * c["price_per_million_input"] / 1e6
             + c["output_tokens_per_task"] * c["price_per_million_output"] / 1e6)
    review = r["review_share"] * r["review_minutes_per_task"] / 60 * h
    d = float(r["failure_detection_rate"])
    fixed = c["monthly_fixed_compute"] + c["monthly_licence"] + i["monthly_maintenance"]
    ramp, rate, H = int(t["ramp_months"]), float(fin["discount_rate"]), int(fin["horizon_months"])
    remaining = i["one_off_cost"] - i["one_off_spent"]

    def econ(f):
        var = token + review + f * d * hc + f * (1 - d) * t["cost_per_error"]

        def net(month):
            sm = S * min(1.0, month / (ramp + 1))
            return sm * base_pt - (sm * var + fixed)
        payback = None
        if remaining == 0:
            payback = 0.0
        else:
            cum = 0.0
            for month in range(1, PAYBACK_LIMIT_MONTHS + 1):
                nm = net(month)
                if cum + nm >= remaining:
                    payback = (month - 1) + (remaining - cum) / nm
                    break
                cum += nm
        npv_j = -remaining + sum(net(month) / (1 + rate) ** (month / 12)
                                 for month in range(1, min(H, JUDGED_HORIZON_MONTHS) + 1))
        return {"net": S * base_pt - (S * var + fixed), "npv_j": npv_j, "payback": payback,
                "price_cost": S * token + c["monthly_licence"]}

    f_exp = (k + 0.5) / (n + 1) if n > 0 else 1 - min(r["target"], TARGET_FLOOR)
    Lc = ref.to_f64(ref.cp_lower(n, k, max(r["confidence"], CONFIDENCE_FLOOR)))
    e, co = econ(f_exp), econ(1 - Lc)

    def passes(x):
        return x["net"] > 0 and x["npv_j"] > 0 and x["payback"] is not None \
            and x["payback"] <= PAYBACK_PASS_MONTHS
    ue = "pass" if passes(co) else "warn" if e["net"] > 0 and e["npv_j"] > 0 else "fail"
    if ue == "pass" and ((t["cost_per_error"] == 0 and d < 1)
                         or (not (kind == "buyer" and n > 0) and not passes(econ(1.0)))):
        ue = "warn"

    u = V / P if P > 0 else None
    if not i["deployment_plan"] or (u is not None and (u < 0.25 or u > 1.25)):
        dep = "fail"
    elif not owner_named(p) or (u is not None and (u < 0.5 or u > 1.0)):
        dep = "warn"
    else:
        dep = "pass"

    src, prop = c["sourcing"], c["proprietary_data"]
    if co["net"] <= 0:
        room = None
    elif co["price_cost"] == 0:
        room = float("inf")
    else:
        room = 1 + co["net"] / co["price_cost"]
    base = S * base_pt
    share = (S * token + c["monthly_fixed_compute"]) / base if base != 0 else None
    if src == "vendor_wrapper" and not prop:
        de = "fail"
    elif src in API_OR_WRAPPER and (room is None or room < 1.25):
        de = "fail"
    elif (share is not None and share <= 0.3 and room is not None and room >= 2
          and (src in OWN_MODELS or (src == "third_party_api" and prop))):
        de = "pass"
    else:
        de = "warn"
    statuses = {"single_task": st_single_task(p), "repeatable": st_repeatable(p),
                "reliability": rel, "integration": st_integration(p),
                "unit_economics": ue, "deployment": dep, "defensibility": de}
    return statuses, verdict(statuses, p)


# ======================================================================================
# pilots: file version 3, migration of version 1, validation
# ======================================================================================

ENUMS = {
    ("task", "input_structure"): {"structured", "semi_structured", "free_form"},
    ("integration", "output_destination"): {"copy_paste", "standalone_tool",
                                            "system_of_record_api", "automated_workflow"},
    ("compute", "sourcing"): {"third_party_api", "vendor_wrapper",
                              "self_hosted_open_model", "distilled_small_model"},
}
RATES = {("task", "human_error_rate"), ("reliability", "failure_detection_rate"),
         ("reliability", "review_share"), ("finance", "discount_rate")}
INTEGERS = {("task", "distinct_tasks"), ("task", "ramp_months"), ("finance", "horizon_months")}
V3_KEYS = ["id", "name", "vendor", "owner", "notes", "currency", "created_at", "updated_at",
           "task", "reliability", "integration", "compute", "finance", "ranges", "decisions"]
V3_SECTIONS = {
    "task": ["description", "distinct_tasks", "input_structure", "monthly_volume",
             "human_minutes_per_task", "hourly_cost", "human_error_rate", "cost_per_error",
             "ramp_months"],
    "reliability": ["target", "confidence", "batches", "plans", "failure_detection_rate",
                    "review_share", "review_minutes_per_task"],
    "integration": ["output_destination", "fallback_to_human", "monitoring",
                    "deployment_plan", "one_off_cost", "one_off_spent", "monthly_maintenance"],
    "compute": ["sourcing", "input_tokens_per_task", "output_tokens_per_task",
                "price_per_million_input", "price_per_million_output",
                "monthly_fixed_compute", "provisioned_tasks_per_month", "monthly_licence",
                "proprietary_data"],
    "finance": ["discount_rate", "horizon_months"],
}
BATCH_KEYS = ["date", "cases", "failures", "source", "model_version", "note"]
PLAN_KEYS = ["set_on", "target", "confidence", "allowed_failures", "decide_by"]


def migrate_v1(p1):
    """A version-1 pilot in the version-3 shape (§9: one batch dated created_at's date,
    vendor_claim -> no batch without cases, else vendor_test; §2: ramp 0, spent 0)."""
    r1 = p1["reliability"]
    batches = []
    if r1["cases_evaluated"] > 0 or r1["evidence"] != "vendor_claim":
        src = "vendor_test" if r1["evidence"] == "vendor_claim" else r1["evidence"]
        batches.append({"date": p1["created_at"][:10], "cases": r1["cases_evaluated"],
                        "failures": r1["failures_observed"], "source": src,
                        "model_version": "", "note": ""})
    p = {key: p1[key] for key in V3_KEYS[:8]}
    p["task"] = dict(p1["task"], ramp_months=0)
    p["reliability"] = {"target": r1["target"], "confidence": r1["confidence"],
                        "batches": batches, "plans": [],
                        "failure_detection_rate": r1["failure_detection_rate"],
                        "review_share": r1["review_share"],
                        "review_minutes_per_task": r1["review_minutes_per_task"]}
    i1 = p1["integration"]
    p["integration"] = {key: i1[key] for key in ("output_destination", "fallback_to_human",
                                                 "monitoring", "deployment_plan", "one_off_cost")}
    p["integration"]["one_off_spent"] = 0
    p["integration"]["monthly_maintenance"] = i1["monthly_maintenance"]
    p["compute"] = dict(p1["compute"])
    p["finance"] = dict(p1["finance"])
    p["ranges"] = {}
    p["decisions"] = []
    return p


def _num(v, where, integer=False):
    assert not isinstance(v, bool) and isinstance(v, (int, float)), where
    assert v == v and abs(v) != float("inf") and v >= 0, where
    if integer:
        assert isinstance(v, int), where


def validate(p):
    pid = p.get("id")
    assert list(p) == V3_KEYS, f"{pid}: top-level fields {list(p)}"
    for sec, keys in V3_SECTIONS.items():
        assert list(p[sec]) == keys, f"{pid}: {sec} fields {list(p[sec])}"
    assert p["ranges"] == {} and p["decisions"] == [], pid
    for key in ("id", "name"):
        assert isinstance(p[key], str) and p[key].strip(), f"{pid}: empty {key}"
    for sec, keys in V3_SECTIONS.items():
        for key in keys:
            v, where = p[sec][key], f"{pid}: {sec}.{key} = {p[sec][key]!r}"
            if (sec, key) in ENUMS:
                assert v in ENUMS[(sec, key)], where
            elif key in ("fallback_to_human", "monitoring", "deployment_plan",
                         "proprietary_data"):
                assert isinstance(v, bool), where
            elif key in ("description", "batches", "plans"):
                pass
            else:
                _num(v, where, (sec, key) in INTEGERS)
                if (sec, key) in RATES:
                    assert v <= 1, where
    t, r, i, c, fin = p["task"], p["reliability"], p["integration"], p["compute"], p["finance"]
    assert 1 <= t["distinct_tasks"] <= 1000 and 0 <= t["ramp_months"] <= 24, pid
    assert 0.5 <= r["target"] <= 0.999999 and 0.5 <= r["confidence"] <= 0.9999, pid
    assert 1 <= fin["horizon_months"] <= 120, pid
    assert i["one_off_spent"] <= i["one_off_cost"], f"{pid}: spent > one-off"
    assert not (c["monthly_fixed_compute"] > 0 and c["provisioned_tasks_per_month"] == 0), (
        f"{pid}: reserved money with pay-per-use capacity (the form refuses it)")
    last = ""
    buyer_dates = set()
    for b in r["batches"]:
        assert list(b) == BATCH_KEYS, f"{pid}: batch fields"
        _num(b["cases"], pid, True)
        _num(b["failures"], pid, True)
        assert b["failures"] <= b["cases"] and b["source"] in BUYER + VENDOR, pid
        assert isinstance(b["model_version"], str) and isinstance(b["note"], str), pid
        assert b["date"] >= last, f"{pid}: batches not oldest first"
        last = b["date"]
        if b["source"] in BUYER:
            assert b["date"] not in buyer_dates, f"{pid}: two buyer batches on one date"
            buyer_dates.add(b["date"])
    for pl in r["plans"]:
        assert list(pl) == PLAN_KEYS, f"{pid}: plan fields"
        assert 0 <= pl["allowed_failures"] <= 20 and isinstance(pl["allowed_failures"], int)
        assert 0.5 <= pl["target"] < 1 and 0.5 <= pl["confidence"] < 1, pid


# ======================================================================================
# scenarios
# ======================================================================================

def load_examples():
    with open(EXAMPLES, encoding="utf-8") as fh:
        doc = json.load(fh)
    assert doc["format"] == "pilot-audit" and doc["version"] in (1, 2, 3)
    pilots = doc["pilots"]
    if doc["version"] == 1:
        pilots = [migrate_v1(p) for p in pilots]
    for p in pilots:  # the version-3 fields default (§2), so a file may leave them out
        p.setdefault("decisions", [])
        p["task"].setdefault("ramp_months", 0)
        p["integration"] = {**{k: v for k, v in p["integration"].items()
                               if k != "monthly_maintenance"},
                            "one_off_spent": p["integration"].get("one_off_spent", 0),
                            "monthly_maintenance": p["integration"]["monthly_maintenance"]}
        derive_gpus(p)
    return {p["id"]: p for p in pilots}


def derive_gpus(p):
    """DESIGN §12: a self-hosted or distilled pilot's GPU block gives its capacity,
    P = gpus x tasks_per_gpu_hour x 730, and its reserved compute, gpus x 730 x (hourly_cost
    + power_kw x pue x price_per_kwh) + ops hours x (ops_hourly_cost, else the pilot's hourly
    cost). Written into the two plain fields, exactly, and the block (with the other
    option, which §3-§4 do not read) left out."""
    c = p["compute"]
    g = c.pop("gpu", None)
    c.pop("alternative", None)
    if g is None or c["sourcing"] not in ("self_hosted_open_model", "distilled_small_model"):
        return
    x = lambda v: Fraction(str(v))  # noqa: E731  (the decimal as written)
    ops_rate = g.get("ops_hourly_cost")
    ops_rate = x(p["task"]["hourly_cost"]) if ops_rate is None else x(ops_rate)
    capacity = x(g["gpus"]) * x(g["tasks_per_gpu_hour"]) * 730
    reserved = (x(g["gpus"]) * 730 * (x(g["hourly_cost"])
                + x(g["power_kw"]) * x(g.get("pue", 1.4)) * x(g["price_per_kwh"]))
                + x(g["ops_hours_per_month"]) * ops_rate)
    as_written = lambda v: int(v) if v.denominator == 1 else float(v)  # noqa: E731
    c["provisioned_tasks_per_month"] = as_written(capacity)
    c["monthly_fixed_compute"] = as_written(reserved)


def B(date, cases, failures, source="buyer_production", mv="kyc-ocr-2.1", note=""):
    return {"date": date, "cases": cases, "failures": failures, "source": source,
            "model_version": mv, "note": note}


def VB(date, cases, failures, mv="kyc-ocr-2.1", note=""):
    return B(date, cases, failures, "vendor_test", mv, note)


def PL(set_on, allowed=0, target=0.999, confidence=0.95):
    return {"set_on": set_on, "target": target, "confidence": confidence,
            "allowed_failures": allowed, "decide_by": ""}


def set_path(p, path, value):
    *parents, last = path.split(".")
    obj = p
    for key in parents:
        obj = obj[key]
    assert last in obj, f"unknown field {path}"
    obj[last] = copy.deepcopy(value)


def variant(base, name, changes):
    p = copy.deepcopy(base)
    p["id"] = "golden3-" + name
    p["name"] = "Golden 3.0: " + name.replace("-", " ")
    p["notes"] = ""
    p["currency"] = "USD"
    p["created_at"] = p["updated_at"] = TIMESTAMP
    for path, value in changes.items():
        set_path(p, path, value)
    return p


def least_n(pred, lo, hi):
    """Least n in (lo, hi] with pred(n), given not pred(lo) and pred(hi), pred monotone."""
    assert not pred(lo) and pred(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid
    return hi


class Scenarios:
    def __init__(self):
        self.items = []

    def add(self, name, why, pilot, verdict_, statuses=None, checks=()):
        """verdict_ / statuses: what the scenario is meant to show; checks: (description,
        predicate on assess()'s result).  All asserted in build()."""
        self.items.append((name, why, pilot, verdict_, statuses or {}, list(checks)))


ALL_PASS = {c: "pass" for c in WEIGHTS}


def build_scenarios():
    ex = load_examples()
    s = Scenarios()

    # ---- the six examples, as they are -------------------------------------------------
    s.add("example-invoice-erp",
          "Example: 6 failures in 20,000 production cases demonstrate 99.9% (L >= T), but "
          "found without a test plan: reliability warns (not yet proof), so fix.",
          ex["example-invoice-erp"], "fix", {"reliability": "warn", "unit_economics": "pass"},
          [("L >= T", lambda a: a["ev"]["demonstrated"]),
           ("no plan", lambda a: a["ev"]["plan"] is None)])
    s.add("example-ticket-triage",
          "Example: 800 clean buyer cases (L < T, U95 = 1), no plan: reliability warns; the "
          "economics pass on the buyer's own evidence: fix.",
          ex["example-ticket-triage"], "fix", {"reliability": "warn", "unit_economics": "pass"})
    s.add("example-kyc-checks",
          "Example (revised for 3.0): a plan set on 2026-06-15 before any result (99.9% at "
          "95%, at most 4 failures: 9,151 cases) passed on two batches of 6,000 production "
          "cases with 2 failures each: every criterion passes: scale.",
          ex["example-kyc-checks"], "scale", ALL_PASS,
          [("L >= T", lambda a: a["ev"]["demonstrated"]),
           ("plan passed", lambda a: a["ev"]["plan"]["status"] == "passed")])
    s.add("example-claims-coding",
          "Example: 9 failures in 2,000 buyer cases put U95 below 99.9%, but 1 - L95 "
          "(0.78%) is under the people's 3% error rate: warn, not stop; monitoring off: fix.",
          ex["example-claims-coding"], "fix",
          {"reliability": "warn", "unit_economics": "pass", "integration": "warn"},
          [("U95 < T*", lambda a: a["ev"]["U95"] < mpf(TARGET_FLOOR)),
           ("better than people", lambda a: a["better"])])
    s.add("example-chat-assistant",
          "Example: four scope faults (12 tasks, free-form, copy-paste, wrapper on public "
          "data) and only the vendor's claim: economics warn on the claim; scope faults are "
          "fixed, not stopped: fix.",
          ex["example-chat-assistant"], "fix",
          {"single_task": "fail", "repeatable": "fail", "reliability": "warn",
           "integration": "fail", "unit_economics": "warn", "deployment": "warn",
           "defensibility": "fail"},
          [("no evidence", lambda a: a["ev"]["kind"] == "none")])
    s.add("example-gpu-cluster",
          "Example: reserved GPUs at 4% utilization, no deployment plan, net value "
          "negative: unit economics fail: stop.",
          ex["example-gpu-cluster"], "stop",
          {"unit_economics": "fail", "deployment": "fail", "reliability": "warn"},
          [("vendor evidence", lambda a: a["ev"]["kind"] == "vendor")])

    # ---- bases -------------------------------------------------------------------------
    kyc_batches = [B("2026-07-01", 6000, 2), B("2026-08-01", 6000, 2)]
    kyc = variant(ex["example-kyc-checks"], "base-kyc", {
        "reliability.batches": kyc_batches,
        "reliability.plans": [PL("2026-06-15", allowed=4)],
    })
    s.add("base-kyc",
          "All-pass base: the KYC example with its 12,000 cases (4 failures) logged as two "
          "batches after a plan (allowed 4 failures, 9,151 cases) that passed: scale.",
          kyc, "scale", ALL_PASS,
          [("plan passed", lambda a: a["ev"]["plan"]["status"] == "passed"),
           ("drift not flagged", lambda a: not a["ev"]["drift"]["flagged"])])

    def K(name, why, changes, verdict_, statuses=None, checks=()):
        s.add(name, why, variant(kyc, name, changes), verdict_, statuses, checks)

    # Exact base: every money figure is an integer in both cases.  People spend no time
    # (human cost per task 0); their errors (50% at $20) are what the pilot saves, and
    # the AI's failures are all caught (detection 1) at no cost, so f drops out:
    # baseline $10,000, AI $3,000 (fixed compute 1,000 + maintenance 2,000), net $7,000.
    exact = variant(kyc, "base-exact", {
        "task.monthly_volume": 1000, "task.human_minutes_per_task": 0,
        "task.hourly_cost": 10, "task.human_error_rate": 0.5, "task.cost_per_error": 20,
        "reliability.batches": [B("2026-08-01", 3000, 0, mv="m1")],
        "reliability.plans": [PL("2026-07-01")],
        "reliability.failure_detection_rate": 1, "reliability.review_share": 0,
        "reliability.review_minutes_per_task": 0,
        "integration.one_off_cost": 12000, "integration.monthly_maintenance": 2000,
        "compute.input_tokens_per_task": 0, "compute.output_tokens_per_task": 0,
        "compute.monthly_fixed_compute": 1000, "compute.provisioned_tasks_per_month": 1000,
    })
    s.add("base-exact",
          "Exactly representable base: baseline $10,000 a month, AI $3,000, net $7,000 in "
          "both cases (AI failures are all caught at no cost), u = 1, share 10%: scale.",
          exact, "scale", ALL_PASS,
          [("net == 7000 both", lambda a: a["expected"]["monthly_net_value"] == 7000
            == a["conservative"]["monthly_net_value"]),
           ("share == 1/10", lambda a: a["share"] == Fraction(1, 10))])

    def X(name, why, changes, verdict_, statuses=None, checks=()):
        s.add(name, why, variant(exact, name, changes), verdict_, statuses, checks)

    # Reliability base: people at 99.9% (human rate 0.1%), so a pilot with U95 < T* is
    # never "better than people"; no plan.
    relb = variant(kyc, "base-rel", {"task.human_error_rate": 0.001,
                                     "reliability.plans": []})

    def R(name, why, changes, verdict_, statuses=None, checks=()):
        s.add(name, why, variant(relb, name, changes), verdict_, statuses, checks)

    T_STAR = mpf(TARGET_FLOOR)

    # ---- U95 = T* +- one case ----------------------------------------------------------
    for kk in (1, 3, 7):
        n_up = least_n(lambda n, kk=kk: ref.cp_upper(n, kk, CONFIDENCE_FLOOR) >= T_STAR,
                       kk, 10**6)
        R(f"rel-u95-k{kk}-n{n_up - 1}",
          f"{kk} failure(s) in {n_up - 1:,} buyer cases: U95 just below 99.9% and people are "
          f"better (0.1%): reliability fails: stop.",
          {"reliability.batches": [B("2026-08-01", n_up - 1, kk, "buyer_sample")]},
          "stop", {"reliability": "fail"},
          [("U95 < T*", lambda a: a["ev"]["U95"] < T_STAR), ("not better", lambda a: not a["better"])])
        R(f"rel-u95-k{kk}-n{n_up}",
          f"{kk} failure(s) in {n_up:,} buyer cases (one case more): U95 just reaches 99.9%: "
          f"not shown below the floor: warn (no plan): fix.",
          {"reliability.batches": [B("2026-08-01", n_up, kk, "buyer_sample")]},
          "fix", {"reliability": "warn"},
          [("U95 >= T*", lambda a: a["ev"]["U95"] >= T_STAR)])

    # ---- 1 - L95 = human rate ----------------------------------------------------------
    her = 0.01
    n_h = least_n(lambda n: 1 - ref.cp_lower(n, 5, CONFIDENCE_FLOOR) < mpf(her), 5, 10**6)
    for n_, side, v, st in ((n_h, "below", "fix", "warn"), (n_h - 1, "above", "stop", "fail")):
        R(f"rel-people-1pct-k5-n{n_}",
          f"5 failures in {n_:,} buyer cases, U95 < 99.9%; people err 1%: 1 - L95 is just "
          f"{side} 1%: " + ("better than people: warn, not stop." if st == "warn"
                            else "not better than people: fail: stop."),
          {"task.human_error_rate": her,
           "reliability.batches": [B("2026-08-01", n_, 5, "buyer_sample")]},
          v, {"reliability": st},
          [("U95 < T*", lambda a: a["ev"]["U95"] < T_STAR),
           ("better as meant", lambda a, st=st: a["better"] == (st == "warn"))])

    # ---- the 2.0 escapes ---------------------------------------------------------------
    b7 = [B("2026-08-01", 3000, 7, "buyer_sample")]
    R("esc-3000-7-c95",
      "3,000 cases with 7 failures at 95% confidence: U95 < 99.9%, people err 0.1%: stop.",
      {"reliability.batches": b7}, "stop", {"reliability": "fail"},
      [("U < T", lambda a: a["ev"]["U"] < T_STAR)])
    R("esc-3000-7-c99",
      "The same 3,000 cases and 7 failures at 99% confidence: U (99%) is above 99.9%, the "
      "2.0 escape; judged at 95% U95 < 99.9%: still stop.",
      {"reliability.batches": b7, "reliability.confidence": 0.99}, "stop",
      {"reliability": "fail"},
      [("U(99%) >= T (2.0 escape)", lambda a: a["ev"]["U"] >= T_STAR),
       ("U95 < T*", lambda a: a["ev"]["U95"] < T_STAR)])
    R("esc-3000-7-target-50pct",
      "The same evidence against a 50% target: U >= T (the 2.0 escape), but U95 < T*: "
      "lowering the target does not escape stop.",
      {"reliability.batches": b7, "reliability.target": 0.5}, "stop",
      {"reliability": "fail"},
      [("U >= T", lambda a: a["ev"]["U"] >= mpf(0.5)), ("demonstrated at 50%",
                                                        lambda a: a["ev"]["demonstrated"])])
    # ---- issue 27: the money cannot be lifted by the target or the confidence ----------
    K("esc-confidence-80-money",
      "The KYC base at 80% confidence with a one-off of $3,322,900: at the 80% lower bound "
      "the conservative case would pay back in 11.997 months (pass, scale); it is judged at "
      "95%, where it pays back in 12.003: unit economics warn: fix.",
      {"reliability.confidence": 0.8, "integration.one_off_cost": 3322900}, "fix",
      {"reliability": "pass", "unit_economics": "warn"},
      [("would pass at L80", lambda a: econ_passes(
          economics(a["_p"], 1 - ref.cp_lower(12000, 4, 0.8)), Ledger(), "at L80"))])
    K("esc-confidence-99-money",
      "The same at 99% confidence: a stricter confidence is the pilot's own and is used: "
      "the conservative case is dearer still: unit economics warn: fix.",
      {"reliability.confidence": 0.99, "integration.one_off_cost": 3322900}, "fix",
      {"reliability": "pass", "unit_economics": "warn"})
    untested_dear = {"reliability.batches": [], "reliability.plans": [],
                     "reliability.failure_detection_rate": 0,
                     "compute.monthly_licence": 260610}
    K("esc-untested-claim-999",
      "Untested, failures never caught, a licence of $260,610: at the claimed 99.9% the "
      "expected judged NPV is below 0: unit economics fail: stop.",
      untested_dear, "stop", {"unit_economics": "fail"})
    K("esc-untested-claim-9999",
      "The same claiming 99.99%: at f = 0.01% the expected NPV would be positive (warn, "
      "fix), but a target is no evidence: the claim counts as at most 99.9%: still stop.",
      {**untested_dear, "reliability.target": 0.9999}, "stop", {"unit_economics": "fail"},
      [("would warn at 1 - T", lambda a: economics(a["_p"], 1 - q(0.9999))["npv_judged"] > 0)])
    K("esc-3000-7-people-1.5pct",
      "The same 3,000 cases and 7 failures where people err 1.5%: 1 - L95 (0.44%) is "
      "under it: better than people: warn, not stop.",
      {"reliability.batches": b7, "reliability.plans": []}, "fix", {"reliability": "warn"},
      [("better", lambda a: a["better"]), ("U95 < T*", lambda a: a["ev"]["U95"] < T_STAR)])
    R("rel-vendor-5-in-100",
      "The vendor's own test shows 5 failures in 100 cases: U95 < 99.9% whoever's evidence "
      "it is: stop.",
      {"reliability.batches": [VB("2026-08-01", 100, 5)]}, "stop", {"reliability": "fail"})
    R("rel-all-failed",
      "All 10 buyer cases failed: U95 far below; both cases price every task as failed: stop.",
      {"reliability.batches": [B("2026-08-01", 10, 10, "buyer_sample")]}, "stop",
      {"reliability": "fail", "unit_economics": "fail"})

    # ---- one clean case must not turn stop into fix --------------------------------------
    # A fraud check where a missed case costs $60,000 and half the failures are caught.
    fraud = {"task.human_error_rate": 0.0001, "task.cost_per_error": 60000,
             "reliability.failure_detection_rate": 0.5, "reliability.plans": []}
    K("econ-claim-only-loses",
      "No test at all: the expected case at the claimed 0.1% failure rate loses money "
      "(a miss costs $60,000): unit economics fail: stop.",
      dict(fraud, **{"reliability.batches": []}), "stop", {"unit_economics": "fail"},
      [("expected net < 0", lambda a: a["expected"]["monthly_net_value"] < 0),
       ("profitable at f = 0 (what 2.0's k/n = 0 would price)",
        lambda a: economics(a["_pilot"], Fraction(0))["monthly_net_value"] > 0
        and economics(a["_pilot"], Fraction(0))["npv_judged"] > 0)])
    K("econ-one-clean-case",
      "One clean buyer case: 2.0 priced it at f = 0 and said fix; the Jeffreys mean "
      "(1/2)/2 = 25% loses money: unit economics fail: still stop.",
      dict(fraud, **{"reliability.batches": [B("2026-08-01", 1, 0, "buyer_sample")]}),
      "stop", {"unit_economics": "fail"},
      [("f = 1/4", lambda a: a["expected"]["failure_rate"] == Fraction(1, 4)),
       ("profitable at f = 0", lambda a: economics(a["_pilot"], Fraction(0))["npv_judged"] > 0)])

    # ---- much more accurate than people, large NPV ---------------------------------------
    K("rel-4x-better-than-people",
      "9 failures in 2,000 buyer cases (U95 < 99.9%) where people err 3%: 1 - L95 = 0.78%, "
      "about 4x fewer errors, NPV in the millions: warn, fix, never stop.",
      {"task.human_error_rate": 0.03, "reliability.plans": [],
       "reliability.batches": [B("2026-08-01", 2000, 9, "buyer_sample")]},
      "fix", {"reliability": "warn", "unit_economics": "pass"},
      [("better", lambda a: a["better"]), ("U95 < T*", lambda a: a["ev"]["U95"] < T_STAR),
       ("NPV > 1M", lambda a: a["conservative"]["npv_judged"] > 10**6)])

    # ---- plans ---------------------------------------------------------------------------
    K("plan-none-demonstrated",
      "No plan: 12,000 cases with 4 failures demonstrate 99.9% (L >= T) found without a "
      "plan: warn: fix.",
      {"reliability.plans": []}, "fix", {"reliability": "warn"},
      [("L >= T", lambda a: a["ev"]["demonstrated"])])
    K("plan-interim-look",
      "Plan set 2026-07-15 (allowed 4, 9,154 cases): only 6,000 cases since; the pooled "
      "12,000 show L >= T, found at an interim look: warn: fix.",
      {"reliability.plans": [PL("2026-07-15", allowed=4)]}, "fix", {"reliability": "warn"},
      [("on track", lambda a: a["ev"]["plan"]["status"] == "on_track"),
       ("L >= T", lambda a: a["ev"]["demonstrated"])])
    K("plan-set-on-first-batch-date",
      "Plan set on the day of the first batch: batches dated on set_on count: passed: scale.",
      {"reliability.plans": [PL("2026-07-01", allowed=4)]}, "scale", {"reliability": "pass"},
      [("counted 12000", lambda a: a["ev"]["plan"]["counted_cases"] == 12000)])
    X("plan-failed-0-allowed-1-seen",
      "Plan allows 0 failures; the 3,000 cases since show 1 (U95 >= 99.9%): "
      "the kill criterion the buyer set: reliability fails: stop, never scale.",
      {"reliability.batches": [B("2026-08-01", 3000, 1, mv="m1")]}, "stop",
      {"reliability": "fail", "unit_economics": "pass"},
      [("plan failed", lambda a: a["ev"]["plan"]["status"] == "failed"),
       ("U95 >= T*", lambda a: a["ev"]["U95"] >= T_STAR)])
    X("plan-passed-2995",
      "Plan allows 0 failures: exactly the 2,995 planned cases, all clean: passed: scale.",
      {"reliability.batches": [B("2026-08-01", 2995, 0, mv="m1")]}, "scale",
      {"reliability": "pass"},
      [("passed at 2995", lambda a: a["ev"]["plan"]["planned_cases"] == 2995
        == a["ev"]["plan"]["counted_cases"])])
    X("plan-one-case-short-2994",
      "One case short of the 2,995 planned: on track, not passed: warn: fix.",
      {"reliability.batches": [B("2026-08-01", 2994, 0, mv="m1")]}, "fix",
      {"reliability": "warn"},
      [("on track", lambda a: a["ev"]["plan"]["status"] == "on_track")])
    X("plan-before-set-on-not-counted",
      "4,000 clean cases before the plan and 2,000 after: only the 2,000 count toward it: "
      "on track: warn, although the pooled L >= T.",
      {"reliability.batches": [B("2026-06-01", 4000, 0, mv="m1"),
                               B("2026-08-01", 2000, 0, mv="m1")]},
      "fix", {"reliability": "warn"},
      [("L >= T", lambda a: a["ev"]["demonstrated"]),
       ("plan counts 2000", lambda a: a["ev"]["plan"]["counted_cases"] == 2000)])
    X("plan-target-below-floor",
      "A plan at a 99% target (299 cases needed) passed on 3,000 clean cases: the plan's "
      "T < T* (whatever the pilot's own target, 99.9% here): warn: fix.",
      {"reliability.plans": [PL("2026-07-01", target=0.99)]}, "fix", {"reliability": "warn"},
      [("passed", lambda a: a["ev"]["plan"]["status"] == "passed")])
    X("plan-at-floor-pilot-target-lower",
      "The pilot's target reads 99% but the plan in force was set at 99.9% / 95% and "
      "passed: the plan's own target and confidence are judged: pass: scale.",
      {"reliability.target": 0.99}, "scale", {"reliability": "pass"},
      [("passed", lambda a: a["ev"]["plan"]["status"] == "passed")])
    X("plan-confidence-below-floor",
      "A plan at 90% confidence passed: the plan's C < 95%: warn.",
      {"reliability.plans": [PL("2026-07-01", confidence=0.9)],
       "reliability.confidence": 0.9}, "fix", {"reliability": "warn"},
      [("passed", lambda a: a["ev"]["plan"]["status"] == "passed")])
    X("plan-last-in-force",
      "An older plan (allowed 0) would have failed on a batch before the new plan; the plan "
      "in force (set later, allowed 0) counts only the 3,000 clean cases after it: passed: "
      "scale.",
      {"reliability.batches": [B("2026-06-01", 500, 1, mv="m1"),
                               B("2026-08-01", 3000, 0, mv="m1")],
       "reliability.plans": [PL("2026-05-01"), PL("2026-07-01")]}, "scale",
      {"reliability": "pass"},
      [("passed", lambda a: a["ev"]["plan"]["status"] == "passed")])
    X("plan-vendor-evidence-passed",
      "A passed plan on the vendor's test only (no buyer batch): not the buyer's evidence: "
      "warn; the economics pass at any failure rate, so unit economics pass: fix.",
      {"reliability.batches": [VB("2026-08-01", 3000, 0, mv="m1")]}, "fix",
      {"reliability": "warn", "unit_economics": "pass"},
      [("passed", lambda a: a["ev"]["plan"]["status"] == "passed"),
       ("vendor", lambda a: a["ev"]["kind"] == "vendor")])
    X("plan-vendor-evidence-failed",
      "The plan in force counts the counted (vendor) batches: 1 failure against 0 allowed: "
      "failed: stop.",
      {"reliability.batches": [VB("2026-08-01", 3000, 1, mv="m1")]}, "stop",
      {"reliability": "fail"},
      [("failed", lambda a: a["ev"]["plan"]["status"] == "failed")])
    X("plan-old-version-left-out",
      "A bad batch of an older model version (m0) is left out; the m1 batch after the plan "
      "passes it: scale.",
      {"reliability.batches": [B("2026-07-10", 2000, 9, mv="m0"),
                               B("2026-08-01", 3000, 0, mv="m1")]}, "scale",
      {"reliability": "pass"},
      [("left out 2000", lambda a: a["ev"]["left_out"] == 2000)])

    pre_bad = [B("2026-06-01", 500, 10, "buyer_sample"), B("2026-08-01", 3000, 0, "buyer_sample")]
    R("plan-passed-pooled-u95-below-floor",
      "A plan (allowed 0) passed on 3,000 clean cases, but with the 10 failures in 500 "
      "cases before it the pooled U95 is under 99.9% and people err 0.1%: fail wins: stop.",
      {"reliability.batches": pre_bad, "reliability.plans": [PL("2026-07-01")]}, "stop",
      {"reliability": "fail"},
      [("passed", lambda a: a["ev"]["plan"]["status"] == "passed"),
       ("U95 < T*", lambda a: a["ev"]["U95"] < T_STAR), ("not better", lambda a: not a["better"])])
    K("plan-passed-pooled-u95-below-floor-better-than-people",
      "The same evidence where people err 1.5%: better than people, so not a fail, and the "
      "passed plan meets every pass condition of the table: pass: scale.",
      {"reliability.batches": pre_bad, "reliability.plans": [PL("2026-07-01")]}, "scale",
      {"reliability": "pass"},
      [("U95 < T*", lambda a: a["ev"]["U95"] < T_STAR), ("better", lambda a: a["better"]),
       ("no drift flagged", lambda a: not a["ev"]["drift"]["flagged"])])

    # ---- stale evidence ------------------------------------------------------------------
    K("stale-vendor-new-version",
      "A vendor batch dated 2026-10-01 names model kyc-ocr-3.0 after the buyer's last "
      "counted batch (2026-08-01, kyc-ocr-2.1): stale: re-prove it: warn.",
      {"reliability.batches": kyc_batches + [VB("2026-10-01", 500, 0, mv="kyc-ocr-3.0")]},
      "fix", {"reliability": "warn"},
      [("stale", lambda a: a["ev"]["stale"] is not None),
       ("plan passed", lambda a: a["ev"]["plan"]["status"] == "passed")])
    K("stale-vendor-same-version",
      "A later vendor batch of the counted version kyc-ocr-2.1: not stale: scale.",
      {"reliability.batches": kyc_batches + [VB("2026-10-01", 500, 0)]}, "scale",
      {"reliability": "pass"}, [("not stale", lambda a: a["ev"]["stale"] is None)])
    K("stale-vendor-version-not-recorded",
      "A later vendor batch with no model version recorded (\"\"): names no other "
      "version: not stale: scale.",
      {"reliability.batches": kyc_batches + [VB("2026-10-01", 500, 0, mv="")]}, "scale",
      {"reliability": "pass"}, [("not stale", lambda a: a["ev"]["stale"] is None)])
    K("stale-vendor-new-version-same-day",
      "A vendor batch of kyc-ocr-3.0 dated the same day as the last buyer batch: not "
      "after it: not stale: scale.",
      {"reliability.batches": [kyc_batches[0], VB("2026-08-01", 500, 0, mv="kyc-ocr-3.0"),
                               kyc_batches[1]]}, "scale",
      {"reliability": "pass"}, [("not stale", lambda a: a["ev"]["stale"] is None)])

    # ---- drift ---------------------------------------------------------------------------
    def drift_batches(newest):
        return [B("2026-07-01", 10000, 0), B("2026-08-01", 400, 4),
                B("2026-09-01", newest, 0)]
    K("drift-window-1000",
      "Newest batch 1,000 clean cases: it fills the window alone; the 4 failures in 400 "
      "cases before it are in the earlier pool: no drift: scale.",
      {"reliability.batches": drift_batches(1000)}, "scale", {"reliability": "pass"},
      [("window 1000", lambda a: a["ev"]["drift"]["window_cases"] == 1000),
       ("not flagged", lambda a: not a["ev"]["drift"]["flagged"])])
    K("drift-window-999",
      "Newest batch 999 clean cases: the window takes the 400-case batch with 4 failures "
      "too (a small clean batch cannot wash out a bad one): drift flagged: warn.",
      {"reliability.batches": drift_batches(999)}, "fix", {"reliability": "warn"},
      [("window 1399", lambda a: a["ev"]["drift"]["window_cases"] == 1399),
       ("flagged", lambda a: a["ev"]["drift"]["flagged"]),
       ("plan passed", lambda a: a["ev"]["plan"]["status"] == "passed")])
    K("drift-two-batches-window-leaves-one",
      "Two batches: the window is the newest only (300 cases, 3 failures) although under "
      "1,000, as one batch is always left earlier (10,000 clean): flagged: warn.",
      {"reliability.batches": [B("2026-07-01", 10000, 0), B("2026-08-01", 300, 3)],
       "reliability.plans": [PL("2026-06-15", allowed=4)]}, "fix", {"reliability": "warn"},
      [("window 300", lambda a: a["ev"]["drift"]["window_cases"] == 300),
       ("flagged", lambda a: a["ev"]["drift"]["flagged"])])
    K("drift-vendor-batches-no-test",
      "Vendor evidence in two batches, the second worse: no drift test without buyer "
      "batches; U95 >= T*: warn.",
      {"reliability.batches": [VB("2026-07-01", 10000, 0), VB("2026-08-01", 300, 3)],
       "reliability.plans": []}, "fix", {"reliability": "warn"},
      [("no drift", lambda a: a["ev"]["drift"] is None)])

    # ---- payback = 12 with and without ramp; money already spent -------------------------
    X("payback-12-exactly",
      "Payback exactly 12 months (one-off $84,000, net $7,000): pass: scale.",
      {"integration.one_off_cost": 84000}, "scale", {"unit_economics": "pass"},
      [("payback == 12", lambda a: a["conservative"]["payback_months"] == 12)])
    X("payback-12-just-over",
      "Payback 12.0001 months (one-off $84,001): warn: fix.",
      {"integration.one_off_cost": 84001}, "fix", {"unit_economics": "warn"},
      [("payback > 12", lambda a: a["conservative"]["payback_months"] > 12)])
    X("payback-12-ramp-1",
      "Ramp 1 month (month 1 at half volume: net $2,000, then $7,000): one-off $79,000 "
      "is paid back at exactly 12 months: pass: scale.",
      {"task.ramp_months": 1, "integration.one_off_cost": 79000}, "scale",
      {"unit_economics": "pass"},
      [("payback == 12", lambda a: a["conservative"]["payback_months"] == 12)])
    X("payback-12-ramp-1-just-over",
      "Ramp 1 month, one-off $79,001: payback just over 12: warn: fix.",
      {"task.ramp_months": 1, "integration.one_off_cost": 79001}, "fix",
      {"unit_economics": "warn"},
      [("payback > 12", lambda a: a["conservative"]["payback_months"] > 12)])
    X("payback-12-ramp-3",
      "Ramp 3 months (nets -$500, $2,000, $4,500, then $7,000): one-off $69,000 is paid "
      "back at exactly 12: pass: scale.",
      {"task.ramp_months": 3, "integration.one_off_cost": 69000}, "scale",
      {"unit_economics": "pass"},
      [("payback == 12", lambda a: a["conservative"]["payback_months"] == 12)])
    X("payback-12-ramp-off-by-ramp",
      "Without the ramp $79,000 pays back in 11.3 months; the same one-off with a 3-month "
      "ramp takes 13.4: the ramp decides: warn: fix.",
      {"task.ramp_months": 3, "integration.one_off_cost": 79000}, "fix",
      {"unit_economics": "warn"},
      [("payback > 12", lambda a: a["conservative"]["payback_months"] > 12)])
    X("payback-ramp-24",
      "Ramp 24 months (full volume from month 25, fixed costs from month 1): the $12,000 "
      "one-off pays back in about 17.4 months, not 1.7: warn: fix.",
      {"task.ramp_months": 24}, "fix", {"unit_economics": "warn"},
      [("payback in (17, 18)", lambda a: 17 < a["conservative"]["payback_months"] < 18)])
    X("spent-payback-12",
      "One-off $100,000 of which $16,000 already spent: $84,000 remain: payback exactly 12: "
      "pass: scale.",
      {"integration.one_off_cost": 100000, "integration.one_off_spent": 16000}, "scale",
      {"unit_economics": "pass"},
      [("payback == 12", lambda a: a["conservative"]["payback_months"] == 12)])
    X("spent-not-still-to-spend",
      "One-off $300,000, $288,000 already spent: the $12,000 left pays back in 1.7 "
      "months; counted in full the NPV would be negative: pass: scale.",
      {"integration.one_off_cost": 300000, "integration.one_off_spent": 288000}, "scale",
      {"unit_economics": "pass"},
      [("npv incl. spent < 0 < npv", lambda a: a["conservative"]["npv_including_spent"] < 0
        < a["conservative"]["npv_judged"])])
    X("spent-all",
      "The whole one-off already spent: nothing remains: payback 0: pass: scale.",
      {"integration.one_off_cost": 50000, "integration.one_off_spent": 50000}, "scale",
      {"unit_economics": "pass"},
      [("payback == 0", lambda a: a["conservative"]["payback_months"] == 0)])

    # ---- horizon 36 vs 37 (and 24, 120) ---------------------------------------------------
    probe = assess(variant(exact, "probe", {"integration.one_off_cost": 0,
                                            "finance.horizon_months": 37}))
    pv37 = probe["conservative"]["npv"]
    pv36 = probe["conservative"]["npv_judged"]
    mid = int(mpmath.floor((pv36 + pv37) / 2))
    just = int(mpmath.floor(pv36)) - 1
    for H, v, st in ((36, "stop", "fail"), (37, "stop", "fail"), (120, "stop", "fail")):
        X(f"horizon-{H}-loss-at-36",
          f"One-off ${mid:,}: NPV over 36 months < 0 < NPV over 37; horizon {H}: judged over "
          f"{min(H, 36)} months: the longer horizon cannot rescue it: stop.",
          {"integration.one_off_cost": mid, "finance.horizon_months": H}, v,
          {"unit_economics": st},
          [("judged NPV < 0", lambda a: a["expected"]["npv_judged"] < 0)]
          + ([("shown NPV > 0", lambda a: a["expected"]["npv"] > 0)] if H > 36 else []))
    X("horizon-36-just-positive",
      f"One-off ${just:,}: NPV over 36 months just above 0 (payback about 31 months): "
      "expected case holds: warn: fix.",
      {"integration.one_off_cost": just}, "fix", {"unit_economics": "warn"},
      [("0 < judged NPV <= 2", lambda a: 0 < a["expected"]["npv_judged"] <= 2)])
    X("horizon-24-judged-24",
      f"Horizon 24 with one-off ${just:,}: judged over 24 months (< 36), NPV < 0: stop.",
      {"integration.one_off_cost": just, "finance.horizon_months": 24}, "stop",
      {"unit_economics": "fail"},
      [("judged NPV < 0", lambda a: a["expected"]["npv_judged"] < 0)])

    # ---- net exactly 0, failures priced at nothing, the claim ---------------------------
    X("econ-net-exactly-zero",
      "Maintenance $9,000: net value exactly 0 in both cases: not > 0: fail: stop.",
      {"integration.monthly_maintenance": 9000}, "stop", {"unit_economics": "fail"},
      [("net == 0", lambda a: a["expected"]["monthly_net_value"] == 0)])
    K("econ-failures-priced-at-nothing",
      "Cost per error 0 with detection 95%: uncaught failures cost nothing here, so unit "
      "economics are at most warn (enter what an error costs): fix.",
      {"task.cost_per_error": 0}, "fix", {"unit_economics": "warn"},
      [("would pass", lambda a: a["cap"] == "failures_priced_at_nothing")])
    K("econ-cost-per-error-0-detection-1",
      "Cost per error 0 but every failure caught (detection 1): nothing goes unpriced: pass: "
      "scale.",
      {"task.cost_per_error": 0, "reliability.failure_detection_rate": 1}, "scale",
      {"unit_economics": "pass"})
    K("econ-vendor-claim-only",
      "Only the vendor's test (12,000 cases, 4 failures): the conservative case passes on "
      "the vendor's figures only: at most warn: fix.",
      {"reliability.batches": [VB("2026-07-01", 6000, 2), VB("2026-08-01", 6000, 2)]},
      "fix", {"unit_economics": "warn", "reliability": "warn"},
      [("capped", lambda a: a["cap"] == "claim_only")])
    X("econ-no-evidence-any-failure-rate",
      "No batch at all, but the economics pass even with every task failing (all failures "
      "caught at no cost): unit economics pass; reliability warns: fix.",
      {"reliability.batches": []}, "fix", {"unit_economics": "pass", "reliability": "warn"},
      [("none", lambda a: a["ev"]["kind"] == "none")])

    # ---- headroom 1.25 and 2 -------------------------------------------------------------
    api = {"compute.sourcing": "third_party_api", "compute.proprietary_data": True}
    for lic, v, st, room in ((3500, "scale", "pass", Fraction(2)),
                             (3501, "scale", "warn", None),
                             (5600, "scale", "warn", Fraction(5, 4)),
                             (5601, "fix", "fail", None)):
        what = {3500: "exactly 2: prices can double: pass",
                3501: "just under 2: warn",
                5600: "exactly 1.25: not under 1.25: warn",
                5601: "just under 1.25 on an API: fail"}[lic]
        X(f"headroom-licence-{lic}",
          f"API on proprietary data, licence ${lic:,} (net ${7000 - lic:,}): headroom {what}.",
          dict(api, **{"compute.monthly_licence": lic}), v, {"defensibility": st},
          [("headroom as meant", {
              3500: lambda a: a["headroom"] == 2,
              3501: lambda a: Fraction(5, 4) < a["headroom"] < 2,
              5600: lambda a: a["headroom"] == Fraction(5, 4),
              5601: lambda a: 1 < a["headroom"] < Fraction(5, 4)}[lic])])
    X("headroom-own-model-1.25",
      "Own model, licence $5,601: headroom under 1.25 fails only an API or wrapper: warn.",
      {"compute.monthly_licence": 5601}, "scale", {"defensibility": "warn"})
    X("headroom-api-loss",
      "API pilot losing money (maintenance $9,500): no headroom (null): defensibility "
      "fails; unit economics fail: stop.",
      dict(api, **{"compute.monthly_licence": 100, "integration.monthly_maintenance": 9500}),
      "stop", {"defensibility": "fail", "unit_economics": "fail"},
      [("headroom null", lambda a: a["headroom"] is None)])
    X("headroom-wrapper-proprietary",
      "Vendor wrapper on proprietary data, headroom 2: a wrapper never passes: warn.",
      {"compute.sourcing": "vendor_wrapper", "compute.monthly_licence": 3500}, "scale",
      {"defensibility": "warn"})
    K("def-wrapper-public-data",
      "Vendor wrapper on data anyone has: fail (a scope fault): fix.",
      {"compute.sourcing": "vendor_wrapper", "compute.proprietary_data": False}, "fix",
      {"defensibility": "fail"})
    X("def-share-exactly-30pct",
      "Own model, compute share exactly 30% ($3,000 of $10,000): pass.",
      {"compute.monthly_fixed_compute": 3000}, "scale", {"defensibility": "pass"},
      [("share == 3/10", lambda a: a["share"] == Fraction(3, 10))])
    X("def-share-just-over-30pct",
      "Compute share 30.01% ($3,001 of $10,000): warn.",
      {"compute.monthly_fixed_compute": 3001}, "scale", {"defensibility": "warn"})
    X("def-share-on-served-volume",
      "1,250 tasks on capacity for 1,000 (u = 1.25): share is $3,500 over the baseline of "
      "the 1,000 served (35%, warn), not of all 1,250 (28%).",
      {"task.monthly_volume": 1250, "compute.monthly_fixed_compute": 3500}, "scale",
      {"defensibility": "warn", "deployment": "warn"},
      [("share == 7/20", lambda a: a["share"] == Fraction(7, 20)),
       ("S == 1000", lambda a: a["S"] == 1000)])

    # ---- utilization ---------------------------------------------------------------------
    for prov, u_text, st, v in ((100000, "exactly 0.25", "warn", "scale"),
                                (100001, "just below 0.25", "fail", "fix"),
                                (50000, "exactly 0.5", "pass", "scale"),
                                (50001, "just below 0.5", "warn", "scale"),
                                (25000, "exactly 1", "pass", "scale"),
                                (24999, "just above 1 (one task unserved)", "warn", "scale"),
                                (20000, "exactly 1.25 (5,000 unserved)", "warn", "scale"),
                                (19999, "just above 1.25", "fail", "fix")):
        K(f"u-provisioned-{prov}",
          f"25,000 tasks on {prov:,} provisioned: utilization {u_text}: deployment {st}.",
          {"compute.provisioned_tasks_per_month": prov}, v, {"deployment": st},
          [("S = min(V, P)", lambda a, prov=prov: a["S"] == min(25000, prov))])

    # ---- scope faults, monitoring, owner, the score --------------------------------------
    K("scope-three-faults",
      "Demonstrated and profitable, with three scope faults (4 tasks, free-form input, "
      "copy-paste): fixed, not stopped: fix.",
      {"task.distinct_tasks": 4, "task.input_structure": "free_form",
       "integration.output_destination": "copy_paste"}, "fix",
      {"single_task": "fail", "repeatable": "fail", "integration": "fail",
       "reliability": "pass", "unit_economics": "pass"})
    K("scale-needs-monitoring",
      "All else passes, monitoring off (integration warn, weight 15): scale needs "
      "monitoring: fix.",
      {"integration.monitoring": False}, "fix", {"integration": "warn"})
    K("scale-needs-owner",
      "All else passes, no named owner (deployment warn, weight 10): scale needs an "
      "owner: fix.",
      {"owner": "  "}, "fix", {"deployment": "warn"})
    K("score-warn-weight-20",
      "Warnings of weight 10 + 10 = 20 (semi-structured, 2 tasks): score >= 80 whatever "
      "a warn is worth: scale.",
      {"task.input_structure": "semi_structured", "task.distinct_tasks": 2}, "scale")
    K("score-warn-weight-25",
      "Warnings of weight 10 + 15 = 25 (semi-structured, standalone tool): the score may "
      "fall under 80 depending on the warn grades: scale or fix.",
      {"task.input_structure": "semi_structured",
       "integration.output_destination": "standalone_tool"}, "scale_or_fix")
    return s.items


# ======================================================================================
# golden table
# ======================================================================================

def num(x):
    """JSON value of a figure: nearest double, 'infinite', or null."""
    if x is None or isinstance(x, str):
        return x
    if isinstance(x, bool):
        return x
    return f64(x)


def case_figures(c):
    keys = ("failure_rate", "ai_cost_per_task", "monthly_net_value", "payback_months", "npv", "npv_judged",
            "npv_including_spent", "roi")
    return {k: num(c[k]) for k in keys}


def cases_needed(p, ev):
    """More cases, all successful, until L >= T at the pilot's (T, C): 0 once demonstrated,
    else the success-run total less n (at least 1)."""
    if ev["demonstrated"]:
        return 0
    r = p["reliability"]
    total = ref.total_cases_needed(ev["k"], r["target"], r["confidence"])
    return max(total - ev["n"], 1)


def expected_json(a):
    ev = a["ev"]
    plan = ev["plan"]
    d = ev["drift"]
    return {
        "criteria": a["statuses"],
        "verdict": a["verdict"],
        "evidence": ev["kind"],
        "n": ev["n"],
        "k": ev["k"],
        "left_out_cases": ev["left_out"],
        "L": num(ev["L"]), "U": num(ev["U"]), "L95": num(ev["L95"]), "U95": num(ev["U95"]),
        "demonstrated": ev["demonstrated"],
        "cases_needed": cases_needed(a["_pilot"], ev),
        "better_than_people": a["better"],
        "plan": None if plan is None else {k: plan[k] for k in (
            "status", "planned_cases", "counted_cases", "counted_failures")},
        "stale": ev["stale"] is not None,
        "drift": None if d is None else {
            "p_value": float(d["p_value"]), "flagged": bool(d["flagged"]),
            "window_cases": d["window_cases"], "window_failures": d["window_failures"]},
        "served_volume": num(a["S"]),
        "utilization": num(a["u"]),
        "compute_share": num(a["share"]),
        "headroom": num(a["headroom"]),
        "unit_economics_capped": a["cap"],
        "expected": case_figures(a["expected"]),
        "conservative": case_figures(a["conservative"]),
    }


def build():
    rows, names = [], set()
    for name, why, pilot, want_v, want_st, checks in build_scenarios():
        validate(pilot)
        assert name not in names, f"duplicate scenario {name}"
        names.add(name)
        a = assess(pilot)
        a["_pilot"] = pilot
        a["ledger"].check(name)
        got = a["statuses"]
        assert a["verdict"] == want_v, f"{name}: verdict {a['verdict']}, meant {want_v}: {got}"
        for c, st in want_st.items():
            assert got[c] == st, f"{name}: {c} is {got[c]}, meant {st}"
        for desc, pred in checks:
            assert pred(a), f"{name}: the condition it is meant to show does not hold: {desc}"
        sh_st, sh_v = shadow(pilot)
        assert (sh_st, sh_v) == (got, a["verdict"]), f"{name}: f64 shadow differs: {sh_st}"
        # the f = 1 economics used by the claim-only rule must be f64-safe too
        led1 = Ledger()
        econ_passes(economics(pilot, Fraction(1)), led1, "every task failing")
        led1.check(name)
        rows.append({"name": name, "why": why, "pilot": pilot, "expected": expected_json(a)})
    assert len(rows) >= 60, len(rows)
    return {"standard": STANDARD, "pilots": rows}


def render(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def summary(doc):
    counts = {}
    for row in doc["pilots"]:
        v = row["expected"]["verdict"]
        counts[v] = counts.get(v, 0) + 1
    parts = ", ".join(f"{v} {counts.get(v, 0)}" for v in ("scale", "fix", "stop", "scale_or_fix"))
    return f"{len(doc['pilots'])} pilots ({parts}), standard {STANDARD}"


def main(argv):
    return golden.main(argv, OUT, lambda writing: render(build()), summary, usage=__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
