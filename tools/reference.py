#!/usr/bin/env python3
"""Independent reference implementation of the Pilot Audit arithmetic (DESIGN §3).

Written from the design text only (no Rust code consulted) to produce golden files
against which the Rust engine is checked.  Covers the reliability statistics and the
economics; NOT criteria, verdict, score or sensitivity.

Everything is computed with mpmath at 50 significant digits and rounded to the nearest
f64 only at the end.  Inputs are taken as the exact binary values of the f64s they
denote (mpf(0.95) is the double nearest 0.95, exactly as the engine sees it).

Usage:
    python3 tools/reference.py EXPORT.json OUT_DIR/   one OUT_DIR/<id>.json per pilot
    python3 tools/reference.py --table [OUT.json]     textbook check table (stdout or file)
    python3 tools/reference.py --selfcheck            only run the assertions

Dependencies: Python 3.11 standard library + mpmath (tested with 1.3.0).

Definitions (n cases, k failures, x = n - k successes, C confidence, R target):

  cp_lower(n, k, C)  exact one-sided Clopper-Pearson lower bound on the success rate:
                     the p with P(S >= x | n, p) = 1 - C; 0 when n == 0 or x == 0.
                     Solved as 1 - q, where q is the failure rate with
                     P(F <= k | n, q) = 1 - C   (F = n - S failures).
  cp_upper(n, k, C)  one-sided CP upper bound on the success rate:
                     the p with P(S <= x | n, p) = 1 - C; 1 when k == 0 (or n == 0).
                     Solved as 1 - q with P(F <= k - 1 | n, q) = C.
  total_cases_needed(k, R, C)
                     least N with P(F <= k | N, 1 - R) <= 1 - C (success-run test).
                     Equivalently the least N at which cp_lower(N, k, C) >= R.
  cases_needed       0 when cp_lower(n, k, C) >= R, else total_cases_needed - n.

The binomial lower tail P(F <= k | N, q) is an exact finite sum of k + 1 positive terms,
built by the term recurrence t_{j+1} = t_j * (N - j)/(j + 1) * q/(1 - q) from
t_0 = exp(N * log1p(-q)); mpmath's unbounded exponent range means no underflow even at
N = 10^7.  Roots are found with a bracketed Illinois (regula falsi) iteration on the
log of the tail, refined to ~1e-45 relative.  For small n the roots are cross-checked
against mpmath.betainc (regularized incomplete beta, an independent code path):
P(S >= x | n, p) = I_p(x, n - x + 1).
"""

from __future__ import annotations

import json
import math
import os
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 50

ONE = mpf(1)
ZERO = mpf(0)


# --------------------------------------------------------------------------------------
# numeric helpers
# --------------------------------------------------------------------------------------

def to_f64(x):
    """Round an mpf (or int/float) to the nearest double."""
    if x is None:
        return None
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x)
    x = mpf(x)
    if not mpmath.isfinite(x):
        raise ValueError(f"non-finite value {x}")
    return mpmath.libmp.to_float(x._mpf_, rnd=mpmath.libmp.round_nearest)


def exact(v):
    """Exact mpf of a JSON number (the double it denotes)."""
    if isinstance(v, bool):
        raise TypeError("boolean where a number was expected")
    return mpf(float(v)) if isinstance(v, float) else mpf(int(v))


def binom_cdf(k, n, q):
    """P(F <= k) for F ~ Binomial(n, q), exact sum of k+1 terms at mp.dps digits."""
    if k < 0:
        return ZERO
    if k >= n:
        return ONE
    q = mpf(q)
    if q <= 0:
        return ONE
    if q >= 1:
        return ZERO  # every case fails: F = n > k
    t = mpmath.exp(n * mpmath.log1p(-q))  # t_0 = (1-q)^n
    ratio = q / (1 - q)
    s = t
    for j in range(k):
        t = t * (n - j) / (j + 1) * ratio
        s += t
    return s


def solve_decreasing(g, level, lo=ZERO, hi=ONE, rel=mpf(10) ** -45):
    """Root in (lo, hi) of g(q) = level, g strictly decreasing on [lo, hi],
    g(lo) > level > g(hi).  Illinois iteration on h(q) = log g(q) - log level."""
    loglevel = mpmath.log(level)

    def h(q):
        v = g(q)
        if v <= 0:
            return mpf("-inf")
        return mpmath.log(v) - loglevel

    # g(0) = 1 > level always here; g(1) may be 0 (log = -inf): pull hi in by bisection
    # on a log scale until h(hi) is finite, keeping the bracket valid.
    a, b = mpf(lo), mpf(hi)
    hb = h(b)
    # Geometric bracketing: many roots are tiny (q ~ 1e-7), so first shrink b by
    # factors of 2 while h(b) < 0, to find a bracket [b/2, b].
    while True:
        c = b / 2
        hc = h(c)
        if hc > 0:
            a, ha = c, hc
            break
        b, hb = c, hc
        if b < mpf(10) ** -300:
            raise ArithmeticError("root below 1e-300")
    if not mpmath.isfinite(hb):
        # bisect until finite
        while not mpmath.isfinite(hb):
            c = (a + b) / 2
            hc = h(c)
            if hc > 0:
                a, ha = c, hc
            else:
                b, hb = c, hc
    side = 0
    for _ in range(500):
        if b - a <= rel * b:
            break
        c = b - hb * (b - a) / (hb - ha)
        if not (a < c < b):
            c = (a + b) / 2
        hc = h(c)
        if hc == 0:
            return c
        if hc > 0:
            a, ha = c, hc
            if side == 1:
                hb /= 2
            side = 1
        else:
            b, hb = c, hc
            if side == -1:
                ha /= 2
            side = -1
    else:
        raise ArithmeticError("root finder did not converge")
    return (a + b) / 2


def _check_nk(n, k):
    if not (isinstance(n, int) and isinstance(k, int)) or n < 0 or k < 0 or k > n:
        raise ValueError(f"need integers 0 <= k <= n, got n={n}, k={k}")


def _check_unit(name, c):
    if not (0 < c < 1):
        raise ValueError(f"{name} must be in (0, 1), got {c}")


# --------------------------------------------------------------------------------------
# reliability
# --------------------------------------------------------------------------------------

def failure_upper(n, k, conf):
    """Upper confidence bound on the failure rate q: P(F <= k | n, q) = 1 - conf."""
    c = mpf(conf)
    return solve_decreasing(lambda q: binom_cdf(k, n, q), 1 - c)


def cp_lower(n, k, conf):
    """One-sided Clopper-Pearson lower bound on the success rate (mpf)."""
    _check_nk(n, k)
    _check_unit("confidence", conf)
    if n == 0 or n - k == 0:
        return ZERO
    if k == 0:
        # closed form: p^n = 1 - C
        return (1 - mpf(conf)) ** (ONE / n)
    return 1 - failure_upper(n, k, conf)


def cp_upper(n, k, conf):
    """One-sided Clopper-Pearson upper bound on the success rate (mpf)."""
    _check_nk(n, k)
    _check_unit("confidence", conf)
    if n == 0 or k == 0:
        return ONE
    c = mpf(conf)
    if k == n:
        # P(S <= 0 | n, p) = (1-p)^n = 1 - C
        return 1 - (1 - c) ** (ONE / n)
    # P(S <= x | n, p) = P(F >= k | n, q) = 1 - C  <=>  P(F <= k-1 | n, q) = C
    ql = solve_decreasing(lambda q: binom_cdf(k - 1, n, q), c)
    return 1 - ql


def success_run_tail(k, N, target):
    return binom_cdf(k, N, 1 - mpf(target))


def total_cases_needed(k, target, conf):
    """Least N with P(F <= k | N, 1 - R) <= 1 - C.  Exact search."""
    if not isinstance(k, int) or k < 0:
        raise ValueError("k must be a non-negative integer")
    _check_unit("confidence", conf)
    R = mpf(target)
    if R <= 0:
        return k  # any R <= 0 is met by the (0-valued) bound; N = k trivially
    if R >= 1:
        return None  # 100% can never be demonstrated
    level = 1 - mpf(conf)

    def ok(N):
        return success_run_tail(k, N, R) <= level

    lo = k  # P(F <= k | k, q) = 1 > level: not enough
    step = 1
    hi = k + step
    while not ok(hi):
        lo = hi
        step *= 2
        hi = k + step
    while hi - lo > 1:  # invariant: not ok(lo), ok(hi)
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi


def cases_needed(n, k, target, conf, lower=None):
    if lower is None:
        lower = cp_lower(n, k, conf)
    if lower >= mpf(target):
        return 0
    total = total_cases_needed(k, target, conf)
    if total is None:
        return None
    more = total - n
    # consistency: the lower bound at N cases with k failures is >= R iff N >= total,
    # so a bound below target must mean more cases are needed.
    assert more > 0, (n, k, target, conf, total)
    return more


def tie_margin(k, target, conf, total):
    """Relative distance of the tail from 1-C at total and total-1 (near-tie detector)."""
    level = 1 - mpf(conf)
    a = success_run_tail(k, total, target)
    b = success_run_tail(k, total - 1, target) if total - 1 > k else ONE
    return min(abs(a - level), abs(b - level)) / level


# --------------------------------------------------------------------------------------
# economics
# --------------------------------------------------------------------------------------

def economics(pilot, f):
    """DESIGN §3 economics for AI failure rate f (mpf).  Returns a dict of mpf/None."""
    t, r, i, c, fin = (pilot["task"], pilot["reliability"], pilot["integration"],
                       pilot["compute"], pilot.get("finance", {}))
    f = mpf(f)
    V = exact(t["monthly_volume"])
    h = exact(t["hourly_cost"])
    human_cost_per_task = exact(t["human_minutes_per_task"]) / 60 * h
    cost_per_error = exact(t["cost_per_error"])
    baseline = V * (human_cost_per_task + exact(t["human_error_rate"]) * cost_per_error)

    token_cost = (exact(c["input_tokens_per_task"]) * exact(c["price_per_million_input"]) / 10**6
                  + exact(c["output_tokens_per_task"]) * exact(c["price_per_million_output"]) / 10**6)
    review = exact(r["review_share"]) * exact(r["review_minutes_per_task"]) / 60 * h
    d = exact(r["failure_detection_rate"])
    variable = (token_cost + review
                + f * d * human_cost_per_task
                + f * (1 - d) * cost_per_error)
    ai_monthly = (V * variable + exact(c["monthly_fixed_compute"]) + exact(c["monthly_licence"])
                  + exact(i["monthly_maintenance"]))
    ai_cost_per_task = ai_monthly / V if V != 0 else None
    net = baseline - ai_monthly
    one_off = exact(i["one_off_cost"])
    payback = one_off / net if net > 0 else None

    rate = exact(fin.get("discount_rate", 0.10))
    horizon = int(fin.get("horizon_months", 36))
    if rate <= -1:
        npv = roi = None
    else:
        disc = [(1 + rate) ** (mpf(m) / 12) for m in range(1, horizon + 1)]
        npv = -one_off + sum((net / x for x in disc), ZERO)
        pv_base = sum((baseline / x for x in disc), ZERO)
        pv_ai = one_off + sum((ai_monthly / x for x in disc), ZERO)
        roi = (pv_base - pv_ai) / pv_ai if pv_ai != 0 else None

    return {
        "failure_rate": f,
        "human_cost_per_task": human_cost_per_task,
        "ai_cost_per_task": ai_cost_per_task,
        "monthly_net_value": net,
        "payback_months": payback,
        "npv": npv,
        "roi": roi,
    }


def assess_reference(pilot):
    r = pilot["reliability"]
    n = int(r["cases_evaluated"])
    k = int(r["failures_observed"])
    target = exact(r.get("target", 0.999))
    conf = exact(r.get("confidence", 0.95))
    _check_nk(n, k)
    lower = cp_lower(n, k, conf)
    upper = cp_upper(n, k, conf)
    point = 1 - mpf(k) / n if n > 0 else None
    needed = cases_needed(n, k, target, conf, lower)
    f_expected = mpf(k) / n if n > 0 else 1 - target
    f_conservative = 1 - lower
    return {
        "id": pilot["id"],
        "reliability": {
            "point_estimate": point,
            "lower_bound": lower,
            "upper_bound": upper,
            "cases_needed": needed,
        },
        "expected": economics(pilot, f_expected),
        "conservative": economics(pilot, f_conservative),
    }


# --------------------------------------------------------------------------------------
# JSON output: floats with 17 significant digits, never NaN/inf
# --------------------------------------------------------------------------------------

def fmt_num(x):
    """ints as ints; Python floats (echoed inputs) in shortest round-trip form;
    computed mpf values rounded to the nearest f64 and printed with 17 significant
    digits (always with a '.' or exponent so they read as floats)."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError("non-finite number in output")
        return repr(x)
    v = to_f64(x)
    if not math.isfinite(v):
        raise ValueError("non-finite number in output")
    s = "%.17g" % v
    if not any(ch in s for ch in ".eE"):
        s += ".0"
    return s


def dump(obj, indent=0):
    pad = "  " * indent
    if obj is None:
        return "null"
    if isinstance(obj, str):
        return json.dumps(obj)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f'{pad}  {json.dumps(k)}: {dump(v, indent + 1)}' for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if not obj:
            return "[]"
        if all(isinstance(v, dict) and all(not isinstance(w, (dict, list)) for w in v.values())
               for v in obj):
            # one flat object per line (tables)
            rows = [pad + "  {" + ", ".join(f'{json.dumps(k)}: {dump(w)}' for k, w in v.items()) + "}"
                    for v in obj]
            return "[\n" + ",\n".join(rows) + "\n" + pad + "]"
        return "[\n" + ",\n".join(pad + "  " + dump(v, indent + 1) for v in obj) + "\n" + pad + "]"
    return fmt_num(obj)


# --------------------------------------------------------------------------------------
# table of textbook cases
# --------------------------------------------------------------------------------------

NS = [1, 10, 100, 800, 2995, 10000, 1000000, 10000000]
KS = [0, 1, 2, 5, 50]
HALF_NS = [10, 100, 800, 10000, 2]  # (10, 5) and (100, 50) are already in the grid
ALL_NS = [1, 10, 100, 2995]
CONFS = [0.95, 0.90, 0.99]
TARGETS = [0.999, 0.99, 0.9]


def table_cases():
    pairs = []
    for n in NS:
        for k in KS:
            if k <= n:
                pairs.append((n, k))
    for n in HALF_NS:
        if (n, n // 2) not in pairs:
            pairs.append((n, n // 2))
    for n in ALL_NS:
        if (n, n) not in pairs:
            pairs.append((n, n))
    combos = [(c, t) for c in CONFS for t in TARGETS]  # combos[0] = (0.95, 0.999)
    others = combos[1:]
    cases = []
    for idx, (n, k) in enumerate(pairs):
        cases.append((n, k, 0.95, 0.999))
        c, t = others[idx % len(others)]
        cases.append((n, k, c, t))
    return cases


def table_row(n, k, conf, target):
    lower = cp_lower(n, k, conf)
    upper = cp_upper(n, k, conf)
    total = total_cases_needed(k, target, conf)
    # consistency of the three definitions
    demonstrated = lower >= mpf(target)
    assert demonstrated == (n >= total), (n, k, conf, target, total)
    margin = tie_margin(k, target, conf, total)
    assert margin > mpf(10) ** -9, f"near-tie in success-run test: {(k, target, conf)}"
    assert 0 <= lower <= upper <= 1
    return {
        "n": n, "k": k, "confidence": conf, "target": target,
        "lower_bound": lower, "upper_bound": upper, "total_cases_needed": total,
    }


def build_table():
    return [table_row(*c) for c in table_cases()]


# --------------------------------------------------------------------------------------
# self-checks
# --------------------------------------------------------------------------------------

def close(a, b, tol=mpf(10) ** -35):
    return abs(mpf(a) - mpf(b)) <= tol * max(ONE, abs(mpf(b)))


def betainc_sf(n, x, p):
    """P(S >= x | n, p) via the regularized incomplete beta (independent path)."""
    return mpmath.betainc(x, n - x + 1, 0, p, regularized=True)


def selfcheck():
    # --- success-run test, textbook values
    assert total_cases_needed(0, 0.999, 0.95) == 2995
    assert total_cases_needed(0, 0.99, 0.95) == 299
    assert [total_cases_needed(k, 0.90, 0.90) for k in range(4)] == [22, 38, 52, 65]
    for R in (0.999, 0.99, 0.9, 0.9999, 0.5, 0.99999):
        for C in (0.95, 0.9, 0.99, 0.5):
            closed = int(mpmath.ceil(mpmath.log(1 - mpf(C)) / mpmath.log(mpf(R))))
            assert total_cases_needed(0, R, C) == closed, (R, C)
    # --- CP bounds, textbook values
    lo = cp_lower(100, 1, 0.95)
    assert abs(to_f64(1 - lo) - 0.0466) < 5e-5 and abs(to_f64(lo) - 0.9534) < 5e-5, lo
    assert close(cp_lower(10, 0, 0.95), (1 - mpf(0.95)) ** (ONE / 10))
    assert abs(to_f64(cp_lower(10, 0, 0.95)) - 0.05 ** 0.1) < 1e-15
    # the general solver agrees with the closed forms
    for n in (1, 10, 100, 2995):
        assert close(1 - failure_upper(n, 0, 0.95), cp_lower(n, 0, 0.95)), n
        ql = solve_decreasing(lambda q: binom_cdf(n - 1, n, q), mpf(0.95))
        assert close(1 - ql, cp_upper(n, n, 0.95), mpf(10) ** -30), n
    # --- edge conventions
    assert cp_lower(0, 0, 0.95) == 0 and cp_upper(0, 0, 0.95) == 1
    assert cp_lower(5, 5, 0.95) == 0 and cp_upper(5, 0, 0.95) == 1
    # --- cross-check the exact sums against mpmath.betainc for small n
    for n in (1, 2, 3, 7, 10, 25, 100, 800):
        for k in sorted({0, 1, 2, 5, n // 2, n - 1, n}):
            if not 0 <= k <= n:
                continue
            x = n - k
            for C in (0.9, 0.95, 0.99):
                level = 1 - mpf(C)
                pl, pu = cp_lower(n, k, C), cp_upper(n, k, C)
                assert 0 <= pl <= pu <= 1
                if x > 0:
                    # P(S >= x | n, pl) = 1 - C
                    assert close(betainc_sf(n, x, pl), level, mpf(10) ** -30), (n, k, C)
                if k > 0:
                    # P(S <= x | n, pu) = 1 - C  <=>  P(S >= x+1 | n, pu) = C
                    assert close(betainc_sf(n, x + 1, pu), mpf(C), mpf(10) ** -30), (n, k, C)
                # point estimate lies between the bounds
                assert pl <= ONE - mpf(k) / n <= pu
    # --- large n, small k: betainc's series terminates (b = k or k+1 small), so the
    #     independent check is cheap there too
    for n in (2995, 10_000, 1_000_000, 10_000_000):
        for k in (1, 2, 5, 50):
            x = n - k
            pl, pu = cp_lower(n, k, 0.95), cp_upper(n, k, 0.95)
            assert close(betainc_sf(n, x, pl), 1 - mpf(0.95), mpf(10) ** -30), (n, k)
            assert close(betainc_sf(n, x + 1, pu), mpf(0.95), mpf(10) ** -30), (n, k)
    # --- binomial tail vs direct fsum of exact rationals (tiny case)
    from fractions import Fraction
    q = Fraction(3, 100)
    exact_cdf = sum(Fraction(math.comb(40, j)) * q**j * (1 - q) ** (40 - j) for j in range(4))
    assert close(binom_cdf(3, 40, mpf(3) / 100), mpf(exact_cdf.numerator) / exact_cdf.denominator)
    # --- cases_needed is consistent with the lower bound
    for (n, k) in ((0, 0), (100, 0), (2994, 0), (2995, 0), (3000, 1), (4743, 1), (4744, 1)):
        need = cases_needed(n, k, 0.999, 0.95)
        total = total_cases_needed(k, 0.999, 0.95)
        assert need == max(0, total - n)
        assert (need == 0) == (cp_lower(n, k, 0.95) >= mpf(0.999))
        if need:
            assert cp_lower(n + need, k, 0.95) >= mpf(0.999)
            assert cp_lower(n + need - 1, k, 0.95) < mpf(0.999)
    # --- large n works without overflow
    big = cp_lower(10_000_000, 50, 0.95)
    assert 0.99999 < to_f64(big) < 1
    return True


# --------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------

def load_pilots(path):
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    if isinstance(doc, dict) and doc.get("format") == "pilot-audit":
        if doc.get("version") != 1:
            raise ValueError(f"unsupported version {doc.get('version')}")
        return doc["pilots"]
    if isinstance(doc, dict) and "task" in doc and "reliability" in doc:
        return [doc]  # a bare Pilot
    raise ValueError("not a pilot-audit export nor a bare pilot")


def run_pilots(src, out_dir):
    pilots = load_pilots(src)
    os.makedirs(out_dir, exist_ok=True)
    status = 0
    for p in pilots:
        pid = p.get("id", "")
        safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in pid) or "pilot"
        try:
            result = assess_reference(p)
        except (KeyError, ValueError, TypeError) as e:
            print(f"pilot {pid!r}: cannot compute: {e!r}", file=sys.stderr)
            result = {"id": pid, "error": str(e)}
            status = 1
        with open(os.path.join(out_dir, safe + ".json"), "w", encoding="utf-8") as fh:
            fh.write(dump(result) + "\n")
        print(f"wrote {os.path.join(out_dir, safe + '.json')}")
    return status


def main(argv):
    if len(argv) >= 1 and argv[0] == "--selfcheck":
        selfcheck()
        print("self-checks passed")
        return 0
    if len(argv) >= 1 and argv[0] == "--table":
        selfcheck()
        text = dump(build_table()) + "\n"
        if len(argv) >= 2:
            with open(argv[1], "w", encoding="utf-8") as fh:
                fh.write(text)
            print(f"self-checks passed; wrote {argv[1]}", file=sys.stderr)
        else:
            sys.stdout.write(text)
        return 0
    if len(argv) == 2:
        selfcheck()
        return run_pilots(argv[0], argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
