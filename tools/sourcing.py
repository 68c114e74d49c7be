#!/usr/bin/env python3
"""Independent reference for sourcing (DESIGN §12): API, self-hosted or distilled.

Written from the text of DESIGN §12 (and §3 for the per-task costs); no Rust code was
consulted.  Exact rational arithmetic (fractions) on the doubles the pilots hold.

Usage:
    python3 tools/sourcing.py           regenerate tests/golden/sourcing.json
    python3 tools/sourcing.py --check   recompute and compare with the committed file

Dependencies: Python 3 + mpmath (through tools/standard3.py, which gives the examples,
q(), variant() and the §3 economics the derived capacity and compute flow into).

What is computed, for a pilot with volume V, failure rate f (the expected case of §3:
(k + 1/2)/(n + 1), or 1 - min(T, 0.999) untested) and the pilot's hourly cost h:
  GPU block   P = gpus x tasks_per_gpu_hour x 730;
              fixed = gpus x 730 x (hourly_cost + power_kw x pue x price_per_kwh)
                      + ops_hours_per_month x (ops_hourly_cost, or h when not given).
              For a self-hosted or distilled pilot its block replaces the plain
              monthly_fixed_compute and provisioned_tasks_per_month.
  options     the pilot's own sourcing, then the other (compute.alternative): an API's
              prices for a model the buyer hosts (pay per use: no capacity), GPUs for an
              API or wrapper (its block; no token cost).  Each on the same tasks V, the
              same f, review and failure costs (§3) and the same licence and maintenance:
              monthly_cost = V x (token + review + f x cost of a failure) + reserved
                             compute + licence + maintenance
              cost_per_task = monthly_cost / (V x (1 - f)) (per successful task; null
              when V x (1 - f) = 0); capacity = P (null if paid per use);
              utilization = V / P.
  break_even  the V > 0 at which both options' monthly_cost lines cross, null when they
              do not cross above 0 or only beyond 10^9 tasks, or with one option.
  right_sized the fewest GPUs (at least 1) of the block (own for a hosted model, the
              other option's for an API) whose capacity serves V at <= 80% utilization;
              saving = (gpus - right_sized) x 730 x (hourly_cost + power x pue x price)
              (operations hours stay).
  over_provisioning  P / V for the pilot's own capacity (null when P = 0 or V = 0).
"""

from __future__ import annotations

import copy
import json
import math
import os
import sys
from fractions import Fraction

TOOLS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, TOOLS)

import golden  # noqa: E402
import standard3 as s3  # noqa: E402

OUT = os.path.join(golden.REPO, "tests", "golden", "sourcing.json")
HOURS = 730
UTIL = Fraction(4, 5)
MAX_V = 10**9
OWN = ("self_hosted_open_model", "distilled_small_model")
q = s3.q


def block_capacity(g):
    return g["gpus"] * q(g["tasks_per_gpu_hour"]) * HOURS


def gpu_month(g):
    return HOURS * (q(g["hourly_cost"]) + q(g["power_kw"]) * q(g["pue"]) * q(g["price_per_kwh"]))


def block_cost(g, h):
    ops_rate = q(g["ops_hourly_cost"]) if "ops_hourly_cost" in g else h
    return g["gpus"] * gpu_month(g) + q(g["ops_hours_per_month"]) * ops_rate


def derived(p):
    """The pilot with its own block's capacity and compute in the plain fields."""
    p = copy.deepcopy(p)
    c = p["compute"]
    if c["sourcing"] in OWN and "gpu" in c:
        c["provisioned_tasks_per_month"] = float(block_capacity(c["gpu"]))
        c["monthly_fixed_compute"] = float(block_cost(c["gpu"], q(p["task"]["hourly_cost"])))
    return p


def failure_rate(p):
    kind, counted, _, _ = s3.counted_evidence(p["reliability"]["batches"])
    n = sum(b["cases"] for b in counted)
    k = sum(b["failures"] for b in counted)
    if n == 0:
        return 1 - min(q(p["reliability"]["target"]), q(s3.TARGET_FLOOR))
    return Fraction(2 * k + 1, 2 * (n + 1))


def assess(p):
    t, r, i, c = p["task"], p["reliability"], p["integration"], p["compute"]
    h = q(t["hourly_cost"])
    V = q(t["monthly_volume"])
    f = failure_rate(p)
    hc = q(t["human_minutes_per_task"]) / 60 * h
    d = q(r["failure_detection_rate"])
    per_fail = d * hc + (1 - d) * q(t["cost_per_error"])
    review = q(r["review_share"]) * q(r["review_minutes_per_task"]) / 60 * h
    common_pt = review + f * per_fail
    common_fixed = q(c["monthly_licence"]) + q(i["monthly_maintenance"])

    def tokens(pin, pout):
        return (q(c["input_tokens_per_task"]) * q(pin)
                + q(c["output_tokens_per_task"]) * q(pout)) / 10**6

    own_gpu = c["sourcing"] in OWN and "gpu" in c
    if own_gpu:
        own_fixed, own_cap = block_cost(c["gpu"], h), block_capacity(c["gpu"])
    else:
        own_fixed, own_cap = q(c["monthly_fixed_compute"]), q(c["provisioned_tasks_per_month"])
    lines = [(c["sourcing"], common_fixed + own_fixed,
              common_pt + tokens(c["price_per_million_input"], c["price_per_million_output"]),
              own_cap if own_cap > 0 else None)]
    alt = c.get("alternative")
    if alt is not None:
        if c["sourcing"] in OWN:
            lines.append(("third_party_api", common_fixed,
                          common_pt + tokens(alt["price_per_million_input"],
                                             alt["price_per_million_output"]), None))
        elif "gpu" in alt:
            lines.append(("self_hosted_open_model", common_fixed + block_cost(alt["gpu"], h),
                          common_pt, block_capacity(alt["gpu"])))
    successful = V * (1 - f)
    options = []
    for src, fixed, pt, cap in lines:
        cost = fixed + V * pt
        options.append({"sourcing": src, "monthly_cost": cost,
                        "cost_per_task": cost / successful if successful > 0 else None,
                        "capacity": cap,
                        "utilization": V / cap if cap else None})
    be = None
    if len(lines) == 2:
        (_, fa, pa, _), (_, fb, pb, _) = lines
        if pa != pb:
            v = (fb - fa) / (pa - pb)
            if 0 < v <= MAX_V:
                be = v
                assert fa + v * pa == fb + v * pb
    block = c.get("gpu") if c["sourcing"] in OWN else (alt or {}).get("gpu")
    right = saving = None
    if block is not None:
        per_gpu = q(block["tasks_per_gpu_hour"]) * HOURS * UTIL
        x = V / per_gpu
        if x.denominator != 1:   # the f64 engine rounds near an integer: keep clear of it
            assert abs(x - round(x)) > Fraction(1, 10**6), "right-sizing on a boundary"
        right = max(1, math.ceil(x))
        saving = (block["gpus"] - right) * gpu_month(block)
    over = own_cap / V if own_cap > 0 and V > 0 else None
    d_p = derived(p)
    exp = s3.economics(d_p, f)
    return {
        "options": options, "break_even_volume": be, "right_sized_gpus": right,
        "right_sized_saving": saving, "over_provisioning": over,
        "derived_capacity": q(d_p["compute"]["provisioned_tasks_per_month"]),
        "derived_fixed_compute": q(d_p["compute"]["monthly_fixed_compute"]),
        "expected_net_value": exp["monthly_net_value"], "expected_npv": exp["npv"],
    }


def GPU(gpus, tph, hourly, kw=0.7, pue=1.4, kwh=0.15, ops=20.0, ops_rate=None):
    g = {"gpus": gpus, "hourly_cost": hourly, "tasks_per_gpu_hour": tph, "power_kw": kw,
         "pue": pue, "price_per_kwh": kwh, "ops_hours_per_month": ops}
    if ops_rate is not None:
        g["ops_hourly_cost"] = ops_rate
    return g


def API(pin, pout):
    return {"price_per_million_input": pin, "price_per_million_output": pout}


def scenarios():
    ex = s3.load_examples()
    out = []

    def add(name, why, base, changes):
        new_keys = {k: changes.pop(k) for k in ("compute.gpu", "compute.alternative")
                    if k in changes}
        p = s3.variant(ex[base], "sourcing-" + name, changes)
        for k, v in new_keys.items():
            p["compute"][k.split(".")[1]] = copy.deepcopy(v)
        p["id"] = p["id"].replace(".", "_")   # a path segment, not a file name
        out.append((name, why, p))

    # The KYC pilot (self-hosted, 2,500 + 300 tokens) on GPUs at 0.1x, 1x, 3.5x, 10x its
    # work of 73,000 tasks a month, against three API price levels.
    for mult, gpus, tph in ((0.1, 1, 10.0), (1, 1, 100.0), (3.5, 7, 50.0), (10, 10, 100.0)):
        assert gpus * Fraction(tph) * HOURS == Fraction(mult) * 73000 or mult == 0.1
        assert mult != 0.1 or gpus * tph * HOURS == 7300
        for level, prices in (("cheap", API(0.1, 0.4)), ("mid", API(0.5, 1.5)),
                              ("frontier", API(3, 15))):
            add(f"kyc-{mult}x-{level}",
                f"KYC self-hosted, capacity {mult}x the work, API alternative at {level} prices.",
                "example-kyc-checks",
                {"task.monthly_volume": 73000, "compute.gpu": GPU(gpus, tph, 2.5),
                 "compute.alternative": API(*prices.values())})
    add("distilled-one-small-gpu",
        "The invoice pilot's distilled model on one small GPU (0.07 kW, $0.60 an hour, 2,000 "
        "tasks an hour) against a frontier API.",
        "example-invoice-erp",
        {"compute.gpu": GPU(1, 2000.0, 0.6, kw=0.07, pue=1.2, kwh=0.12, ops=5.0),
         "compute.alternative": API(3, 15)})
    add("power-free",
        "Power priced at zero (in the colocation fee): only the GPU-hours and operations.",
        "example-kyc-checks",
        {"compute.gpu": GPU(2, 40.0, 3.1, kwh=0.0), "compute.alternative": API(0.5, 1.5)})
    add("ops-own-rate",
        "Operations at their own $95 an hour, not the pilot's $52.",
        "example-kyc-checks",
        {"compute.gpu": GPU(2, 40.0, 3.1, ops=60.0, ops_rate=95.0)})
    add("ops-pilot-rate",
        "Operations at the pilot's hourly cost (none given).",
        "example-kyc-checks", {"compute.gpu": GPU(2, 40.0, 3.1, ops=60.0)})
    add("amortised-purchase",
        "A GPU bought for $30,000 over 36 months: 30,000 / 36 / 730 an hour.",
        "example-kyc-checks",
        {"compute.gpu": GPU(4, 25.0, 30000 / 36 / 730), "compute.alternative": API(0.5, 1.5)})
    add("gpu-cluster-350pct",
        "The GPU cluster example as a block: 20,000 tasks on 3.5x their capacity.",
        "example-gpu-cluster",
        {"compute.gpu": GPU(7, 10000 / 730, 4.2, kw=1.0, ops=80.0),
         "compute.alternative": API(0.5, 1.5)})
    add("gpu-cluster-idle",
        "The GPU cluster with 40 big GPUs for 20,000 tasks (over-provisioned 40x).",
        "example-gpu-cluster",
        {"compute.gpu": GPU(40, 27.4, 4.2, kw=1.0, ops=160.0)})
    add("zero-volume",
        "No volume: nothing per successful task, no over-provisioning, 1 GPU right-sized.",
        "example-kyc-checks",
        {"task.monthly_volume": 0, "compute.gpu": GPU(2, 40.0, 3.1),
         "compute.alternative": API(0.5, 1.5)})
    add("untested-claim",
        "Untested at a 99% target: f = 1%, so cost per successful task is / 0.99.",
        "example-kyc-checks",
        {"reliability.batches": [], "reliability.plans": [], "reliability.target": 0.99,
         "compute.gpu": GPU(2, 40.0, 3.1), "compute.alternative": API(0.5, 1.5)})
    add("never-free-api",
        "The API alternative's tokens cost nothing: the lines never cross (same slope).",
        "example-kyc-checks",
        {"compute.gpu": GPU(2, 40.0, 3.1), "compute.alternative": API(0, 0)})
    add("never-beyond-1e9",
        "The API is dearer by a hair per task: the crossing lies beyond 10^9 tasks.",
        "example-kyc-checks",
        {"compute.gpu": GPU(2, 40.0, 3.1), "compute.alternative": API(1e-9, 0)})
    add("hosted-with-token-cost",
        "A hosted model that still pays tokens dearer than the API and more fixed: the "
        "lines cross below 0: never.",
        "example-kyc-checks",
        {"compute.price_per_million_input": 1.0, "compute.gpu": GPU(2, 40.0, 3.1),
         "compute.alternative": API(0.5, 1.5)})
    for name, gpus, tph in (("small", 1, 120.0), ("right", 2, 60.0), ("big", 8, 60.0)):
        add(f"api-triage-gpu-{name}",
            f"The triage API pilot with {gpus} GPUs as the other option.",
            "example-ticket-triage",
            {"compute.alternative": {**API(0, 0), "gpu": GPU(gpus, tph, 2.2)}})
    add("api-claims-gpu",
        "The claims-coding API pilot (frontier prices) against 3 GPUs of its own.",
        "example-claims-coding",
        {"compute.alternative": {**API(0, 0), "gpu": GPU(3, 30.0, 3.5, ops=40.0)}})
    add("wrapper-gpu",
        "The chat wrapper against 2 GPUs.",
        "example-chat-assistant",
        {"compute.alternative": {**API(0, 0), "gpu": GPU(2, 20.0, 2.0)}})
    add("api-alone",
        "An API pilot with no other option: one option, no break-even, no right-sizing.",
        "example-ticket-triage", {})
    add("hosted-plain-fields",
        "A hosted pilot without a block: its plain reserved compute and capacity.",
        "example-kyc-checks", {"compute.alternative": API(0.5, 1.5)})
    return out


def num(x):
    if x is None:
        return None
    return float(x)


def build():
    rows = []
    for name, why, p in scenarios():
        a = assess(p)
        for o in a["options"]:
            for k in ("monthly_cost", "cost_per_task", "capacity", "utilization"):
                o[k] = num(o[k])
        exp = {k: (num(v) if k != "options" and k != "right_sized_gpus" else v)
               for k, v in a.items()}
        rows.append({"name": name, "why": why, "pilot": p, "expected": exp})
    assert len(rows) >= 30, len(rows)
    return {"pilots": rows}


def summary(doc):
    be = sum(1 for r in doc["pilots"] if r["expected"]["break_even_volume"] is not None)
    return f"{len(doc['pilots'])} pilots, {be} with a break-even"


def main(argv):
    return golden.main(argv, OUT, lambda writing: json.dumps(build(), indent=2,
                                                             ensure_ascii=False) + "\n",
                       summary, usage=__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
