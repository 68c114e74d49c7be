#!/usr/bin/env python3
"""Closed forms the Monte Carlo economics of DESIGN §10 must reproduce.

For a pilot with no input ranges, the only thing a draw varies is the AI failure rate Q,
drawn from the Jeffreys posterior Beta(k + 1/2, n - k + 1/2) of the buyer's counted
evidence.  NPV and monthly net value are then affine and decreasing in Q (DESIGN §3), so:

  P(NPV > 0)             = I_{f0}(a, b), f0 the failure rate where NPV = 0
  NPV's p-quantile       = NPV(Q's (1 - p)-quantile)
  P(payback <= 12 months) = I_{f12}(a, b), f12 where net = one-off / 12 (net > 0)

with I the regularized incomplete beta function (tools/uncertainty.py's continued
fraction, mpmath at 80 digits, itself checked against mpmath's quadrature there).  The economics are
tools/reference.py's (written from DESIGN §3), evaluated at Q = 0 and Q = 1.  The Rust
test (tests/simulation.rs) draws with the app's sampler and checks each figure within
stated Monte Carlo tolerances; it also checks Q's draws against the posterior quantiles
listed here.

Usage:
    python3 tools/simulation.py           regenerate tests/golden/simulation.json
    python3 tools/simulation.py --check   compare with the committed file
"""

import json
import sys
from pathlib import Path

from mpmath import mp, mpf

sys.path.insert(0, str(Path(__file__).resolve().parent))
import golden  # noqa: E402  (the write-or-check command line)
import reference  # noqa: E402  (economics of §3, exact(), to_f64())
import uncertainty  # noqa: E402  (beta_cdf: Lentz's continued fraction at 80 digits)

mp.dps = 60
OUT = Path(__file__).resolve().parent.parent / "tests" / "golden" / "simulation.json"
QUANTILES = ["0.05", "0.25", "0.5", "0.75", "0.95"]


def base_pilot(name, cases, failures, **over):
    task = {"monthly_volume": 20000.0, "human_minutes_per_task": 6.0, "hourly_cost": 45.0,
            "human_error_rate": 0.02, "cost_per_error": 40.0, "distinct_tasks": 1}
    reliability = {"target": 0.999, "confidence": 0.95, "failure_detection_rate": 0.6,
                   "review_share": 0.1, "review_minutes_per_task": 1.0}
    integration = {"one_off_cost": 150000.0, "monthly_maintenance": 2000.0}
    compute = {"input_tokens_per_task": 3000.0, "output_tokens_per_task": 500.0,
               "price_per_million_input": 3.0, "price_per_million_output": 15.0,
               "monthly_fixed_compute": 0.0, "monthly_licence": 5000.0}
    finance = {"discount_rate": 0.1, "horizon_months": 36}
    for key, value in over.items():
        group, field = key.split("__")
        {"task": task, "reliability": reliability, "integration": integration,
         "compute": compute, "finance": finance}[group][field] = value
    return {"name": name, "cases": cases, "failures": failures, "task": task,
            "reliability": reliability, "integration": integration, "compute": compute,
            "finance": finance}


CASES = [
    # Break-even failure rates near the observed ones: every chance well inside (0, 1).
    base_pilot("break-even near the evidence", 400, 12, task__cost_per_error=2000.0,
               task__human_error_rate=0.012),
    base_pilot("payback on the edge", 2000, 10, task__cost_per_error=5000.0,
               task__human_error_rate=0.0025, integration__one_off_cost=1_000_000.0),
    base_pilot("many cases", 50000, 40, task__cost_per_error=20000.0,
               task__human_error_rate=0.0003),
    base_pilot("few failures, pays", 3000, 2),
    base_pilot("all failed", 50, 50),
    base_pilot("a billion cases, none failed", 10**9, 0),
]


def posterior_quantile(a, b, p):
    """x with I_x(a, b) = p, by bisection on the monotone CDF (60 digits)."""
    lo, hi = mpf(0), mpf(1)
    for _ in range(200):
        mid = (lo + hi) / 2
        if uncertainty.beta_cdf(a, b, mid) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def cdf(a, b, x):
    return uncertainty.beta_cdf(a, b, x)


def case_row(case):
    n, k = case["cases"], case["failures"]
    a, b = mpf(k) + mpf(1) / 2, mpf(n - k) + mpf(1) / 2
    at0 = reference.economics(case, mpf(0))
    at1 = reference.economics(case, mpf(1))
    npv = lambda f: at0["npv"] + f * (at1["npv"] - at0["npv"])  # noqa: E731
    net0, net1 = at0["monthly_net_value"], at1["monthly_net_value"]
    # P(NPV > 0): NPV falls with f from npv(0) to npv(1).
    f0 = at0["npv"] / (at0["npv"] - at1["npv"])
    p_npv = cdf(a, b, f0) if at0["npv"] > 0 else mpf(0)
    # Payback within 12 months: net >= one-off / 12 and net > 0.
    one_off = reference.exact(case["integration"]["one_off_cost"])
    need = max(one_off / 12, mpf(0))
    f12 = (net0 - need) / (net0 - net1)
    p_payback = cdf(a, b, f12) if net0 > need or (net0 > 0 and need == 0) else mpf(0)
    quantiles = {q: posterior_quantile(a, b, mpf(q)) for q in QUANTILES}
    return {
        "name": case["name"],
        "pilot": {k2: case[k2] for k2 in ("task", "integration", "compute", "finance")}
        | {"reliability": case["reliability"] | {"batches": [
            {"date": "2026-11-01", "cases": n, "failures": k, "source": "buyer_sample",
             "model_version": "", "note": ""}]}},
        "npv_at_0": reference.to_f64(at0["npv"]),
        "npv_at_1": reference.to_f64(at1["npv"]),
        "p_npv_positive": reference.to_f64(p_npv),
        "npv_p5": reference.to_f64(npv(quantiles["0.95"])),
        "npv_p50": reference.to_f64(npv(quantiles["0.5"])),
        "npv_p95": reference.to_f64(npv(quantiles["0.05"])),
        "p_payback_within_12": reference.to_f64(p_payback),
        "posterior_quantiles": [{"p": float(q), "x": reference.to_f64(x)}
                                for q, x in quantiles.items()],
    }


def build():
    return json.dumps({"source": "tools/simulation.py (mpmath, 60 digits)",
                       "cases": [case_row(c) for c in CASES]}, indent=1) + "\n"


def main(argv):
    return golden.main(argv, str(OUT), lambda writing: build(),
                       lambda doc: f"{len(doc['cases'])} cases", usage=__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
