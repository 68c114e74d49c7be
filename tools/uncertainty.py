#!/usr/bin/env python3
"""Independent reference for uncertainty and planning (DESIGN §10, first four bullets).

Written from the text of DESIGN §3 and §10 only; no Rust code under src/, tests/ or
benches/ was consulted.  It computes, for a list of (n, k, target, confidence) cases,
the failure-rate posterior's p_meets_target, the power of the success-run plans, the
chance to demonstrate with m more cases and the least m giving an 80% chance, and
writes the golden file tests/golden/uncertainty.json.  The Monte Carlo economics of §10
(simulate) are NOT covered.

Usage:
    python3 tools/uncertainty.py              self-checks, then regenerate
                                              tests/golden/uncertainty.json
    python3 tools/uncertainty.py --check      recompute and compare with the committed
                                              file (exit status 1 on any difference)
    python3 tools/uncertainty.py --selfcheck  only run the assertions

Dependencies: Python 3.11 standard library + mpmath (tested with 1.3.0).  No scipy: where
DESIGN speaks of checking against scipy's betabinom/binom, this file (mpmath, 60 digits,
exact finite sums) is the independent reference.  From tools/reference.py (imported, not
copied): total_cases_needed, binom_cdf, cp_lower, cases_needed, to_f64, dump.

Inputs per case: n cases, k failures (0 <= k <= n, integers), target R and confidence C
(doubles in (0, 1), taken as the exact binary values of those doubles, as the engine
sees them).  (n, k) is "the buyer's own counted evidence" of §9; n = 0 means none.  A
caller with only vendor evidence must pass n = 0 here (§10: "needs the buyer's own
counted evidence"), whereas §3's cases_needed uses whatever evidence is counted.

Notation: q = 1 - R (the target failure rate, exact), level = 1 - C (exact),
  tail_f(N) = P(Binomial(N, q) <= f),  a = k + 1/2,  b = n - k + 1/2.

Definitions (what "expected" holds):

  p_meets_target  P(Q <= 1 - R) for Q ~ Beta(k + 1/2, n - k + 1/2) (Jeffreys posterior of
                  the failure rate); null when n = 0.

  power           16 rows {allowed_failures j, planned_cases n_j, true_failure_rate qt,
                  probability}, j = 0, 1, 2, 3 (outer) and qt = (1 - R) * {1, 1/2, 1/3,
                  1/10} (inner, in that order).  n_j = reference.total_cases_needed(j, R, C)
                  (success-run total of §3); probability = P(Binomial(n_j, qt) <= j),
                  exact sum (reference.binom_cdf).  qt is the exact rational (1 - R)/d with
                  R the double; the golden true_failure_rate is the double nearest it (an
                  engine computing (1 - R) * 0.1 may be an ulp away; the probability is
                  insensitive to that at 1e-15).  Needs no evidence: present for n = 0.
                  n_j null (only for R >= 1, outside the inputs here) -> probability null.

  K(N)            the most failures in N cases that still demonstrate the target:
                  max f with cp_lower(N, f, C) >= R, -1 if none.  Since cp_lower(N, f, C)
                  >= R  <=>  tail_f(N) <= level  (the bound is where the tail equals 1 - C
                  and the tail falls as q grows), K(N) = max f with tail_f(N) <= level,
                  found by walking f from a normal-approximation guess with the exact
                  pmf recurrence.  K is non-decreasing in N (tail_f(N) falls with N).

  cases_needed    §3's: 0 when demonstrated (cp_lower(n, k, C) >= R, i.e. K(n) >= k), else
                  total_cases_needed(k, R, C) - n.  For n = 0 this is the full success-run
                  total (2995 at the standard), as §3 says; it is given for context.

  chance(m)       P(X <= K(n + m) - k), X ~ BetaBinomial(m, a, b) (posterior predictive of
                  failures among m more cases); 0 when K(n + m) - k < 0; chance(0) = 1 if
                  already demonstrated else 0.

  chance_to_demonstrate
                  null when n = 0;  [] (empty list) when already demonstrated
                  (cases_needed = 0);  else [{more_cases: m, probability: chance(m)}] for
                  m = cases_needed * 1, * 2, * 5.

  cases_for_80_percent
                  null when n = 0; else the least m >= 0 with chance(m) >= 0.8, null if no
                  m <= 10^7 qualifies.  With m >= 0 an already-demonstrated pilot gets 0
                  (chance(0) = 1), matching cases_needed = 0; for any other pilot
                  chance(0) = 0, so "m >= 0" and "m >= 1" give the same answer.

Ambiguities in DESIGN §10 (and the brief) and how they are resolved here:
  1. Already demonstrated: §10 would list m = cases_needed x {1, 2, 5} = 0, 0, 0.  Three
     identical rows say nothing, so chance_to_demonstrate is the EMPTY list [] (nothing
     more is needed), distinct from null (no evidence).  cases_for_80_percent is 0.
  2. cases_for_80_percent counts from m = 0 (see above); limit 10^7 inclusive.
  3. No evidence (n = 0): p_meets_target, chance_to_demonstrate and cases_for_80_percent
     are null; power is given in full (§10: "no evidence needed" overrides the opening
     "each figure below is null").  cases_needed is §3's (not null).
  4. §2's list of Assessment fields omits cases_for_80_percent; §10's fourth bullet names
     it (as reliability.cases_for_80_percent): this file follows §10.
  5. The Beta posterior uses the pooled counted (n, k) exactly as given; no prior other
     than Jeffreys, no model-version weighting.

Methods (everything in mpmath at mp.dps = 60 digits, rounded once to the nearest double):
  * Beta CDF I_x(a, b): the classical continued fraction (modified Lentz), evaluated at
    80 digits, on I_x(a, b) when x < (a+1)/(a+b+2) else on 1 - I_{1-x}(b, a); the prefactor
    x^a (1-x)^b / B(a, b) from mpmath.loggamma.  Converges in <= ~2,000 iterations even
    at n = 10^9.  (mpmath.betainc's hypergeometric series does not converge at n >= 10^7,
    so it is only one of the cross-checks, for small n.)
  * Binomial tails for power: reference.binom_cdf (exact sum of j + 1 terms).
  * Binomial tails for K(N) and for total_cases_needed with many failures: the pmf at f
    from loggamma, then the exact ratio recurrence p(x-1) = p(x) x (1-q) / ((N-x+1) q)
    summed downward from f.  The binomial pmf is log-concave, so the ratio only shrinks
    further down: once r = p(x-1)/p(x) < 1 the rest is <= p(x) r / (1 - r), and the sum
    stops when that bound is below 1e-58 of the sum (a certified truncation, far below
    the double's resolution).  Checked in --selfcheck against the full exact sums of
    reference.binom_cdf and against exact rational arithmetic.  Every K(N) and every
    success-run total used is also checked for ties: |tail - level| > 1e-30 * level
    (the least relative margin in the current cases is 2.8e-8).
  * total_cases_needed(f) for f > 2000 (reference's exact search would take seconds per
    call at f = 10^5): the least N with tail_f(N) <= level, by bracketing around a normal
    guess and bisection on the certified tail; for f <= 2000 reference.total_cases_needed
    itself.  --selfcheck compares the two at many f and checks the big ones by the full
    exact sums at N and N - 1.
  * Beta-binomial CDF: an EXACT FINITE SUM of min(t, m) + 1 terms, p(0) = B(a, m + b) /
    B(a, b) from loggamma, then p(x+1) = p(x) (m - x)(x + a) / ((x + 1)(m - x - 1 + b)).
    mpmath's unbounded exponent means no underflow (p(0) ~ e^-6000 is fine) at n = m = 10^7.
  * Least m with chance >= 0.8 -- exact, without scanning 10^7 values.  Two facts:
      (i)  K(n + m) is non-decreasing in m;
      (ii) X_{m+1} = X_m + (one more Bernoulli(Q)), so X_m is stochastically increasing
           in m, and P(X_m <= t) is non-increasing in m for fixed t.
    Hence for an interval [lo, hi] of m, every chance(m) there is at most
    U = P(X_lo <= K(n + hi) - k); and when K(n + lo) = K(n + hi) the interval lies in one
    step of K, where chance is non-increasing, so its largest value is chance(lo).  A
    depth-first search over [0, 10^7] (left half first) prunes intervals with U < 0.8
    and, on intervals inside one step of K, returns lo if chance(lo) >= 0.8.  It returns
    exactly the least m of the literal definition (chance is a saw-tooth, not monotone:
    it falls within each step of K and jumps up where K does).  --selfcheck compares it
    with a literal scan m = 0, 1, 2, ... on small cases.
    Each comparison "P(X_m <= t) >= 0.8?" (for U or a leaf chance) is decided exactly, and
    cheaply, in three tiers:
      1. when the sum would be long (min(t, m) > 20000): a certified upper bound with no
         long sum, P(X_m <= t) <= F(s) + (1 - F(s)) exp(-m D(t/m || s)) for s > t/m
         (F the posterior Beta CDF, D the Bernoulli Kullback-Leibler divergence:
         Chernoff), may already say "no";
      2. the same beta-binomial sum in double precision with a certified relative error
         bound (< 1e-8: log p(0) from 60-digit loggamma, <= 7 roundings per term) decides
         when it is more than 1e-6 from 0.8;
      3. else the exact 60-digit sum decides.
    The least distance from 0.8 of any decided value (float ones counted at their
    distance minus 1e-8) is asserted to exceed 1e-12 (it is 4.9e-6 in the current
    cases), so an f64 engine cannot land on the other side at any m the search looked at;
    every m it did not look at has chance below a bound that was itself decided < 0.8.

Self-checks (--selfcheck, also run before regenerating):
  Beta CDF vs mpmath.quad of the density (small and, split around the mode, large n), vs
  mpmath.betainc (small n), vs an exact finite sum for half-integer parameters
  (I_x(1/2, 1/2) = (2/pi) asin(sqrt x) and the one-step recurrences in a and b);
  certified binomial tails vs reference.binom_cdf and exact Fractions; beta-binomial pmf
  vs mpmath.beta directly, CDF summing to 1 over its support, and the CDF vs the
  posterior mixture integral of the binomial CDF (mpmath.quad); K(N) against
  reference.cp_lower at K and K + 1 and against reference.total_cases_needed;
  fast total_cases_needed vs reference's; the literal scan for cases_for_80_percent;
  DESIGN's sanity figure: at 99.9%/95% a pilot truly at 99.95% passes the 2,995-case
  zero-failure plan 22% of the time (0.2236...).

Floats in the file are Python floats written with repr() (round-trippable).  A value
below the double range rounds to 0.0 (two chance_to_demonstrate probabilities of the
10^7-case, 12,000-failure pilot are 8e-1030 and 2e-379); tiny but representable values
(down to 1e-226) are kept as they are.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import sys
import time
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import mpmath  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

import golden  # noqa: E402  (the write-or-check command line)
import reference as ref  # noqa: E402  (sets mp.dps = 50; raised to 60 below)
from reference import binom_cdf, dump, to_f64, total_cases_needed  # noqa: E402

mp.dps = 60

GOLDEN = os.path.normpath(os.path.join(HERE, "..", "tests", "golden", "uncertainty.json"))

ONE = mpf(1)
ZERO = mpf(0)
HALF = mpf(1) / 2
M_LIMIT = 10 ** 7            # cases_for_80_percent: null if no m <= 10^7 qualifies
CHANCE_GOAL = mpf(8) / 10    # 0.8, the exact decimal (no double ever lies at it: see ties)
POWER_DIVISORS = (1, 2, 3, 10)
ALLOWED = (0, 1, 2, 3)
TRUNC_EPS = mpf(10) ** -58
TIE_REL = mpf(10) ** -30
CHANCE_TIE = mpf(10) ** -12
PRUNE_SAFETY = mpf(10) ** -40
FLOAT_MARGIN = 1e-6

# Statistics of the run (for the report / selfcheck)
STATS = {"min_tail_margin": None, "min_chance_margin": None}


def _note_margin(key, v):
    cur = STATS[key]
    if cur is None or v < cur:
        STATS[key] = v


# --------------------------------------------------------------------------------------
# Beta CDF (regularized incomplete beta) by continued fraction
# --------------------------------------------------------------------------------------

def _logbeta(a, b):
    return mpmath.loggamma(a) + mpmath.loggamma(b) - mpmath.loggamma(a + b)


def _betacf(a, b, x, eps):
    """Continued fraction of I_x(a, b) (modified Lentz), without the prefactor."""
    tiny = mpf(10) ** -500
    qab, qap, qam = a + b, a + 1, a - 1
    c = ONE
    d = 1 - qab * x / qap
    if abs(d) < tiny:
        d = tiny
    d = 1 / d
    h = d
    for m in range(1, 10 ** 6):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if abs(d) < tiny:
            d = tiny
        c = 1 + aa / c
        if abs(c) < tiny:
            c = tiny
        d = 1 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if abs(d) < tiny:
            d = tiny
        c = 1 + aa / c
        if abs(c) < tiny:
            c = tiny
        d = 1 / d
        de = d * c
        h *= de
        if abs(de - 1) < eps:
            return h
    raise ArithmeticError(f"beta continued fraction did not converge: a={a} b={b} x={x}")


def beta_cdf(a, b, x):
    """P(Beta(a, b) <= x), a, b > 0."""
    x = mpf(x)
    if x <= 0:
        return ZERO
    if x >= 1:
        return ONE
    with mp.workdps(mp.dps + 20):
        a, b, x = mpf(a), mpf(b), mpf(x)
        eps = mpf(10) ** -(mp.dps - 5)
        lb = _logbeta(a, b)
        if x < (a + 1) / (a + b + 2):
            v = mpmath.exp(a * mpmath.log(x) + b * mpmath.log1p(-x) - lb) * _betacf(a, b, x, eps) / a
        else:
            v = 1 - mpmath.exp(b * mpmath.log1p(-x) + a * mpmath.log(x) - lb) * _betacf(b, a, 1 - x, eps) / b
    return +v


def p_meets_target(n, k, R):
    if n == 0:
        return None
    return beta_cdf(k + HALF, n - k + HALF, 1 - mpf(R))


# --------------------------------------------------------------------------------------
# binomial tails with certified truncation; K(N); success-run totals
# --------------------------------------------------------------------------------------

def binom_pmf(f, N, q):
    return mpmath.exp(mpmath.loggamma(N + 1) - mpmath.loggamma(f + 1) - mpmath.loggamma(N - f + 1)
                      + f * mpmath.log(q) + (N - f) * mpmath.log1p(-q))


def binom_tail_down(f, N, q):
    """(P(F <= f), P(F = f)) for F ~ Binomial(N, q), 0 <= f < N, 0 < q < 1.
    Summed downward from f; stops when the log-concavity bound on the rest is below
    TRUNC_EPS of the sum (returned value low by less than that)."""
    pf = binom_pmf(f, N, q)
    rho = (1 - q) / q
    s = p = pf
    x = f
    while x > 0:
        r = x * rho / (N - x + 1)          # p(x-1)/p(x), increasing in x
        if r < 1 and p * r / (1 - r) < TRUNC_EPS * s:
            break
        p = p * r
        s += p
        x -= 1
    return s, pf


_Z_CACHE = {}


def _z(conf):
    if conf not in _Z_CACHE:
        _Z_CACHE[conf] = statistics.NormalDist().inv_cdf(float(conf))
    return _Z_CACHE[conf]


def K_of(N, R, C):
    """Most failures in N cases with tail_f(N) <= 1 - C (cp_lower >= R); -1 if none."""
    q = 1 - mpf(R)
    level = 1 - mpf(C)
    if N <= 0:
        return -1
    mu = N * float(q)
    guess = int(math.floor(mu - _z(C) * math.sqrt(mu * (1 - float(q)))))
    f = min(max(guess, 0), N - 1)
    T, p = binom_tail_down(f, N, q)
    ratio = q / (1 - q)
    if T <= level:
        while f + 1 < N:                   # f = N is never allowed: tail_N(N) = 1
            p_next = p * (N - f) / (f + 1) * ratio
            if T + p_next <= level:
                T += p_next
                p = p_next
                f += 1
            else:
                _note_margin("min_tail_margin", (T + p_next - level) / level)
                break
        _note_margin("min_tail_margin", (level - T) / level)
        return f
    while T > level:
        _note_margin("min_tail_margin", (T - level) / level)
        T -= p
        if f == 0:
            return -1
        p = p * f / (N - f + 1) / ratio
        f -= 1
    _note_margin("min_tail_margin", (level - T) / level)
    return f


def tail_exact_or_cert(f, N, q):
    if f < 0:
        return ZERO
    if f >= N:
        return ONE
    return binom_tail_down(f, N, q)[0]


def total_needed(f, R, C):
    """Least N with tail_f(N) <= 1 - C: reference.total_cases_needed for f <= 2000,
    else a bracketed bisection on the certified tail (same definition)."""
    if f <= 2000:
        return total_cases_needed(f, R, C)
    q = 1 - mpf(R)
    level = 1 - mpf(C)

    def ok(N):
        t = tail_exact_or_cert(f, N, q)
        _note_margin("min_tail_margin", abs(t - level) / level)
        return t <= level

    z = _z(C)
    # normal guess for the N at which f = Nq - z sqrt(Nq(1-q))
    qf = float(q)
    s = (z * math.sqrt(1 - qf) + math.sqrt(z * z * (1 - qf) + 4 * f)) / 2
    guess = int(s * s / qf)
    step = max(16, int(math.sqrt(guess)))
    lo, hi = max(f, guess - step), guess + step
    while ok(lo):
        hi = lo
        lo = max(f, lo - 2 * step)
        step *= 2
        if lo == f:
            break
    while not ok(hi):
        lo = hi
        hi += step
        step *= 2
    while hi - lo > 1:      # invariant: not ok(lo) (or lo == f, where the tail is 1), ok(hi)
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi


def cases_needed(n, k, R, C, Kn):
    if Kn >= k:
        return 0
    return total_needed(k, R, C) - n


# --------------------------------------------------------------------------------------
# beta-binomial predictive, chance(m), cases_for_80_percent
# --------------------------------------------------------------------------------------

def bb_pmf0(m, a, b):
    return mpmath.exp(mpmath.loggamma(m + b) + mpmath.loggamma(a + b)
                      - mpmath.loggamma(b) - mpmath.loggamma(m + a + b))


def bb_cdf(t, m, a, b):
    """P(X <= t), X ~ BetaBinomial(m, a, b): exact finite sum of min(t, m) + 1 terms."""
    if t < 0:
        return ZERO
    if t >= m:
        return ONE
    p = bb_pmf0(m, a, b)
    s = p
    for x in range(t):
        p = p * ((m - x) * (x + a)) / ((x + 1) * (m - x - 1 + b))
        s += p
    return s


class Pilot:
    """One (n, k, R, C) with a cache of K(N)."""

    def __init__(self, n, k, R, C):
        ref._check_nk(n, k)
        ref._check_unit("confidence", C)
        ref._check_unit("target", R)
        self.n, self.k, self.R, self.C = n, k, R, C
        self.a = k + HALF
        self.b = n - k + HALF
        self._K = {}

    def K(self, N):
        if N not in self._K:
            self._K[N] = K_of(N, self.R, self.C)
        return self._K[N]

    def chance(self, m):
        t = self.K(self.n + m) - self.k
        if m == 0:
            return ONE if t >= 0 else ZERO
        return bb_cdf(t, m, self.a, self.b)

    def cheap_upper(self, t, m):
        """A certified upper bound on P(X_m <= t) that costs no long sum:
        for any s in (t/m, 1),  P(X_m <= t) = E[P(Bin(m, Q) <= t)]
            <= P(Q <= s) + P(Q > s) P(Bin(m, s) <= t)
            <= F(s) + (1 - F(s)) exp(-m D(t/m || s))      (Chernoff),
        F the Beta(a, b) CDF, D the Kullback-Leibler divergence of Bernoullis.
        The least over a few choices of s is returned (1 when none applies)."""
        if t < 0:
            return ZERO
        if t >= m:
            return ONE
        x = mpf(t) / m
        best = ONE
        sd = mpmath.sqrt(max(x * (1 - x), mpf(1) / m) / m)
        for c in (2, 4, 8, 16):
            s = x + c * sd
            if not x < s < 1:
                continue
            if t == 0:
                logch = m * mpmath.log1p(-s)
            else:
                logch = -m * (x * mpmath.log(x / s) + (1 - x) * mpmath.log((1 - x) / (1 - s)))
            F = beta_cdf(self.a, self.b, s)
            bound = F + (1 - F) * mpmath.exp(logch)
            if bound < best:
                best = bound
        return best

    def at_least_goal(self, t, m):
        """Is P(X_m <= t) >= 0.8?  Decided exactly:
        1. for long sums (min(t, m) > 20000) the cheap certified upper bound may say no;
        2. the float screen bb_cdf_float (certified relative error < 1e-8 here) decides
           when it is more than FLOAT_MARGIN from 0.8;
        3. otherwise the exact 60-digit sum bb_cdf decides (and its margin is recorded)."""
        if t < 0:
            return False
        if t >= m:
            return True
        if min(t, m) > 20000 and self.cheap_upper(t, m) < CHANCE_GOAL - PRUNE_SAFETY:
            return False
        v = bb_cdf_float(t, m, self.a, self.b)
        if abs(v - 0.8) > FLOAT_MARGIN:
            _note_margin("min_chance_margin", mpf(abs(v - 0.8)) - mpf(10) ** -8)
            return v > 0.8
        c = bb_cdf(t, m, self.a, self.b)
        self.exact_decisions += 1
        _note_margin("min_chance_margin", abs(c - CHANCE_GOAL))
        return c >= CHANCE_GOAL

    def cases_for_80(self, limit=M_LIMIT):
        """Least m in [0, limit] with chance(m) >= 0.8 (None if none): depth-first search,
        left half first, pruning [lo, hi] when U = P(X_lo <= K(n + hi) - k) < 0.8; an
        interval inside one step of K (K(n + lo) = K(n + hi)) is decided by chance(lo),
        its largest value.  See the docstring for the proof."""
        self.search_nodes = 0
        self.exact_decisions = 0

        def search(lo, hi):
            t = self.K(self.n + hi) - self.k
            if t < 0:
                return None                 # chance is 0 throughout
            self.search_nodes += 1
            if lo == 0:
                if self.K(self.n) - self.k >= 0:
                    return 0                # chance(0) = 1: already demonstrated
            elif not self.at_least_goal(t, lo):
                return None                 # U < 0.8: no m in [lo, hi] qualifies
            elif self.K(self.n + lo) == self.K(self.n + hi):
                return lo                   # one step of K: U = chance(lo) >= 0.8
            if lo == hi:
                return None                 # lo == hi == 0, not demonstrated
            mid = (lo + hi) // 2
            r = search(lo, mid)
            if r is not None:
                return r
            return search(mid + 1, hi)

        return search(0, limit)


def bb_cdf_float(t, m, a, b):
    """P(X <= t), X ~ BetaBinomial(m, a, b), 0 <= t < m, in double precision, for
    screening only.  log p(0) comes from 60-digit loggamma, rounded to a double (relative
    error of p(0) <= |log p(0)| u, < 1e-11 for every case here); the ratio recurrence then
    costs 6 roundings per term, the sum one more, so term x carries a relative error
    <= (6x + 2) u and the sum <= (7t + 2) u, u = 2^-53: in all below 1e-8 for t <= 10^7
    (asserted), far inside FLOAT_MARGIN = 1e-6.  Terms are kept relative to a running scale (log offset) so that
    nothing overflows; terms that underflow relative to the scale are < 1e-300 of the sum."""
    assert 0 <= t < m and t <= 10 ** 7
    logp0 = mpmath.loggamma(m + b) + mpmath.loggamma(a + b) - mpmath.loggamma(b) \
        - mpmath.loggamma(m + a + b)
    offset = float(logp0)
    af, bf = float(a), float(b)
    p = 1.0
    s = 1.0
    for x in range(t):
        p = p * ((m - x) * (x + af)) / ((x + 1) * (m - x - 1 + bf))
        s += p
        if p > 1e250:
            p *= 1e-250
            s *= 1e-250
            offset += 575.6462732485114     # 250 ln 10
    e = offset + math.log(s)
    return 0.0 if e < -745 else math.exp(e)


# --------------------------------------------------------------------------------------
# the figures of one case
# --------------------------------------------------------------------------------------

def power_rows(R, C):
    rows = []
    q0 = 1 - mpf(R)
    for j in ALLOWED:
        nj = total_cases_needed(j, R, C)
        for d in POWER_DIVISORS:
            qt = q0 / d
            prob = None if nj is None else binom_cdf(j, nj, qt)
            rows.append({"allowed_failures": j, "planned_cases": nj,
                         "true_failure_rate": to_f64(qt), "probability": to_f64(prob)})
    return rows


def expected(n, k, R, C):
    pl = Pilot(n, k, R, C)
    Kn = pl.K(n)
    need = cases_needed(n, k, R, C, Kn)
    out = {"p_meets_target": to_f64(p_meets_target(n, k, R)),
           "power": power_rows(R, C)}
    if n == 0:
        out["chance_to_demonstrate"] = None
        out["cases_for_80_percent"] = None
    else:
        rows = []
        if need > 0:
            for mult in (1, 2, 5):
                m = need * mult
                rows.append({"more_cases": m, "probability": to_f64(pl.chance(m))})
        out["chance_to_demonstrate"] = rows
        out["cases_for_80_percent"] = pl.cases_for_80()
    out["cases_needed"] = need
    return out


# --------------------------------------------------------------------------------------
# the cases
# --------------------------------------------------------------------------------------

S_R, S_C = 0.999, 0.95


def build_cases():
    c = []

    def add(name, n, k, R=S_R, C=S_C):
        c.append({"name": name, "n": n, "k": k, "target": R, "confidence": C})

    add("no_evidence_standard", 0, 0)
    add("no_evidence_target_0_99", 0, 0, R=0.99)
    add("no_evidence_conf_0_9_target_0_9999", 0, 0, R=0.9999, C=0.9)
    add("n800_k0", 800, 0)
    add("n2995_k0_exactly_demonstrated", 2995, 0)
    add("n2994_k0_one_short", 2994, 0)
    add("n1253_k0", 1253, 0)
    add("n1_k0", 1, 0)
    add("n10_k0", 10, 0)
    add("n4741_k1_one_short", 4741, 1)
    add("n4742_k1_exactly_demonstrated", 4742, 1)
    add("n5000_k1", 5000, 1)
    add("n5000_k5", 5000, 5)
    add("n20000_k3", 20000, 3)
    add("n12000_k12_point_at_target", 12000, 12)
    add("n1000_k5_below_target", 1000, 5)
    add("n100_k50", 100, 50)
    add("n1e6_k900", 10 ** 6, 900)
    add("n1e6_k1000_point_at_target", 10 ** 6, 1000)
    add("n1e7_k9000", 10 ** 7, 9000)
    add("n1e7_k9900", 10 ** 7, 9900)
    add("n1e7_k12000_below_target", 10 ** 7, 12000)
    add("n1e9_k1e5_demonstrated", 10 ** 9, 10 ** 5)
    add("n1e9_k1e5_target_0_9999_point_at_target", 10 ** 9, 10 ** 5, R=0.9999)
    add("all_failed_n1", 1, 1)
    add("all_failed_n10", 10, 10)
    add("all_failed_n100_target_0_9", 100, 100, R=0.9)
    add("target_0_99_n500_k0", 500, 0, R=0.99)
    add("target_0_99_n200_k1", 200, 1, R=0.99)
    add("target_0_99_n299_k0_exactly_demonstrated", 299, 0, R=0.99)
    add("target_0_9_conf_0_9_n10_k1", 10, 1, R=0.9, C=0.9)
    add("target_0_9_conf_0_9_n22_k0_exactly_demonstrated", 22, 0, R=0.9, C=0.9)
    add("target_0_5_n10_k3", 10, 3, R=0.5)
    add("conf_0_9_n800_k0", 800, 0, C=0.9)
    add("conf_0_9_n2000_k0", 2000, 0, C=0.9)
    add("conf_0_9_n5000_k2", 5000, 2, C=0.9)
    add("conf_0_99_n800_k0", 800, 0, C=0.99)
    add("conf_0_99_n5000_k1", 5000, 1, C=0.99)
    add("conf_0_99_n100000_k60", 100000, 60, C=0.99)
    add("target_0_9999_n10000_k0", 10000, 0, R=0.9999)
    add("target_0_9999_n29956_k0_exactly_demonstrated", 29956, 0, R=0.9999)
    add("target_0_9999_n50000_k2", 50000, 2, R=0.9999)
    add("target_0_9999_conf_0_99_n1e5_k1", 100000, 1, R=0.9999, C=0.99)
    add("target_0_9999_n1e6_k50", 10 ** 6, 50, R=0.9999)
    return c


DESCRIPTION = (
    "Golden cases for DESIGN section 10 (first four bullets: failure-rate posterior, power "
    "of a plan, chance to demonstrate, assessment fields; not the Monte Carlo), written by "
    "tools/uncertainty.py from the design text only (see its docstring for every definition "
    "and resolved ambiguity). Inputs: n cases and k failures of the buyer's own counted "
    "evidence (n = 0: none), target, confidence. p_meets_target = P(Q <= 1 - target), "
    "Q ~ Beta(k + 1/2, n - k + 1/2); power rows j = 0..3 by true failure rate (1 - target) x "
    "{1, 1/2, 1/3, 1/10}, probability = P(Binomial(planned_cases, rate) <= j); "
    "chance(m) = P(BetaBinomial(m, k + 1/2, n - k + 1/2) <= K(n + m) - k), K(N) = most "
    "failures in N cases with Clopper-Pearson lower bound >= target (-1 if none); "
    "chance_to_demonstrate at m = cases_needed x {1, 2, 5}, [] when already demonstrated, "
    "null with n = 0; cases_for_80_percent = least m >= 0 with chance(m) >= 0.8 (0 when "
    "demonstrated; null if none up to 10^7 or n = 0); cases_needed as in section 3. "
    "Computed with mpmath at 60 digits (exact finite sums, continued-fraction Beta CDF), "
    "rounded once to the nearest double."
)


def build_doc(verbose=False):
    cases = []
    for cs in build_cases():
        t0 = time.time()
        exp = expected(cs["n"], cs["k"], cs["target"], cs["confidence"])
        if verbose:
            print(f"  {cs['name']}: {time.time() - t0:.2f}s  need={exp['cases_needed']} "
                  f"p={exp['p_meets_target']} c80={exp['cases_for_80_percent']}", file=sys.stderr)
        cases.append({**cs, "expected": exp})
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    assert STATS["min_tail_margin"] > TIE_REL, f"near-tie in a binomial tail: {STATS}"
    if STATS["min_chance_margin"] is not None:
        assert STATS["min_chance_margin"] > CHANCE_TIE, f"chance near 0.8: {STATS}"
    return {"description": DESCRIPTION, "cases": cases}


def render(doc):
    return dump(doc) + "\n"


# --------------------------------------------------------------------------------------
# self-checks
# --------------------------------------------------------------------------------------

def close(a, b, tol=mpf(10) ** -40):
    a, b = mpf(a), mpf(b)
    return abs(a - b) <= tol * max(abs(b), mpf(10) ** -300)


def beta_cdf_quad(a, b, x):
    """P(Beta(a, b) <= x) by numerical integration of the density (second method).
    The interval is split at the mode +- multiples of the sd so that peaked densities
    (large a + b) are integrated accurately; mass below mode - 60 sd is negligible
    (< 1e-700 for these log-concave-away-from-0 densities)."""
    with mp.workdps(mp.dps + 15):
        return +_beta_cdf_quad(mpf(a), mpf(b), mpf(x))


def _beta_cdf_quad(a, b, x):
    lb = _logbeta(a, b)

    def logdens(t):
        return (a - 1) * mpmath.log(t) + (b - 1) * mpmath.log1p(-t) - lb

    # scale the integrand to be O(1) at its largest on [0, x] (quad's tolerance is
    # absolute): at x, or at the mode when the mode lies inside (0, x)
    mode = (a - 1) / (a + b - 2) if a > 1 and b > 1 else None
    L = logdens(mode if mode is not None and mode < x else x)

    def dens(t):
        if t <= 0 or t >= 1:
            return ZERO
        return mpmath.exp(logdens(t) - L)

    mean = a / (a + b)
    sd = mpmath.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    pts = [ZERO]
    for j in range(-40, 41, 4):
        p = mean + j * sd
        if 0 < p < x and p > pts[-1]:
            pts.append(p)
    for j in (8, 4, 2):                      # toward x, where a far-tail integrand peaks
        p = x * (1 - mpf(1) / 2 ** j) if x < mean else None
        if p is not None and p > pts[-1]:
            pts.append(p)
    pts.append(x)
    return mpmath.quad(dens, pts) * mpmath.exp(L)


def beta_cdf_halfint(k, n, x, digits_lost=0):
    """I_x(k + 1/2, n - k + 1/2) by an exact finite sum (third method): start from
    I_x(1/2, 1/2) = (2/pi) asin(sqrt(x)), raise b by one (n - k times) with
    I_x(a, b+1) = I_x(a, b) + x^a (1-x)^b / (b B(a, b)), then a by one (k times) with
    I_x(a+1, b) = I_x(a, b) - x^a (1-x)^b / (a B(a, b)).  Run at extra precision: the
    sum cancels down to the result, so 40 digits more than the result's own magnitude
    (given as digits_lost) are carried."""
    with mp.workdps(mp.dps + 40 + digits_lost):
        x = mpf(x)
        a = b = HALF
        I = 2 / mpmath.pi * mpmath.asin(mpmath.sqrt(x))
        # term = x^a (1-x)^b / B(a, b), updated by ratios
        term = mpmath.exp(a * mpmath.log(x) + b * mpmath.log1p(-x) - _logbeta(a, b))
        for _ in range(n - k):
            I += term / b
            term = term * (1 - x) * (a + b) / b      # b -> b + 1
            b += 1
        for _ in range(k):
            I -= term / a
            term = term * x * (a + b) / a            # a -> a + 1
            a += 1
        return +I


def selfcheck(verbose=True):
    t0 = time.time()

    def say(msg):
        if verbose:
            print(f"  [{time.time() - t0:6.1f}s] {msg}", file=sys.stderr)

    # --- DESIGN's sanity figure: 99.95% true, 2,995-case zero-failure plan -> 22%
    assert total_cases_needed(0, S_R, S_C) == 2995
    p22 = binom_cdf(0, 2995, (1 - mpf(S_R)) / 2)
    assert close(p22, (1 - (1 - mpf(S_R)) / 2) ** 2995, mpf(10) ** -45)
    assert round(to_f64(p22), 2) == 0.22 and 0.2235 < p22 < 0.2237, p22
    row = [r for r in power_rows(S_R, S_C) if r["allowed_failures"] == 0
           and r["true_failure_rate"] == to_f64((1 - mpf(S_R)) / 2)]
    assert len(row) == 1 and row[0]["planned_cases"] == 2995
    assert row[0]["probability"] == to_f64(p22)
    say(f"22% sanity figure: {mpmath.nstr(p22, 10)}")

    # --- power rows: shape, and the plan's own defining inequality at q = 1 - R
    for R, C in ((S_R, S_C), (0.99, 0.95), (0.9999, 0.9), (0.9, 0.99)):
        rows = power_rows(R, C)
        assert len(rows) == 16
        assert [r["allowed_failures"] for r in rows] == [j for j in ALLOWED for _ in POWER_DIVISORS]
        for r in rows:
            j, nj = r["allowed_failures"], r["planned_cases"]
            if r["true_failure_rate"] == to_f64(1 - mpf(R)):
                # n_j is the least N whose tail at q = 1 - R is <= 1 - C
                assert r["probability"] <= to_f64(1 - mpf(C))
                assert binom_cdf(j, nj - 1, 1 - mpf(R)) > 1 - mpf(C)
            assert 0 < r["probability"] < 1
        # power rises as the true rate falls, and falls with more allowed failures? (no:
        # only the first is a theorem) -- check the first
        for j in ALLOWED:
            ps = [r["probability"] for r in rows if r["allowed_failures"] == j]
            assert ps == sorted(ps), (R, C, j, ps)
    say("power rows")

    # --- binomial tails: reference's exact sum vs exact Fractions (small)
    for N, f, qq in ((40, 3, Fraction(3, 100)), (2995, 2, Fraction(1, 2000)), (7, 6, Fraction(1, 3))):
        ex = sum(Fraction(math.comb(N, j)) * qq ** j * (1 - qq) ** (N - j) for j in range(f + 1))
        qm = mpf(qq.numerator) / qq.denominator
        assert close(binom_cdf(f, N, qm), mpf(ex.numerator) / ex.denominator)
        assert close(binom_tail_down(f, N, qm)[0], mpf(ex.numerator) / ex.denominator)
    # certified truncated tails vs reference's full exact sums
    for N, f, R in ((3000, 1, S_R), (20000, 10, S_R), (10 ** 6, 950, S_R), (10 ** 7, 9800, S_R),
                    (10 ** 5, 0, 0.9999), (500, 499, 0.5), (100, 60, 0.5), (10 ** 7, 30000, S_R)):
        q = 1 - mpf(R)
        assert close(binom_tail_down(f, N, q)[0], binom_cdf(f, N, q), mpf(10) ** -50), (N, f)
        assert close(binom_tail_down(f, N, q)[1], binom_pmf(f, N, q), mpf(10) ** -50)
    say("binomial tails")

    # --- Beta CDF: continued fraction vs quad / betainc / exact half-integer sums
    for n in (1, 2, 3, 10, 37, 100, 800):
        for k in sorted({0, 1, n // 3, n // 2, n - 1, n}):
            if not 0 <= k <= n:
                continue
            a, b = k + HALF, n - k + HALF
            for x in (mpf(1) / 1000, mpf(1) / 100, mpf(1) / 10, 1 - mpf(0.999), mpf(1) / 2, mpf(9) / 10):
                v = beta_cdf(a, b, x)
                if (n <= 10 or x <= mpf(1) / 10) and (n <= 100 or x < mpf(1) / 50):
                    assert close(v, beta_cdf_quad(a, b, x), mpf(10) ** -35), (n, k, x)
                assert close(v, mpmath.betainc(a, b, 0, x, regularized=True), mpf(10) ** -40), (n, k, x)
                lost = max(0, int(-mpmath.log10(v))) if v > 0 else 0
                assert close(v, beta_cdf_halfint(k, n, x, lost), mpf(10) ** -40), (n, k, x)
    say("Beta CDF, small n: quad, betainc, half-integer sums")
    for n, k, R in ((12000, 12, S_R), (20000, 3, S_R), (5000, 5, S_R), (100000, 60, S_R),
                    (50000, 2, 0.9999), (1000, 5, S_R), (100000, 100, S_R)):
        v = beta_cdf(k + HALF, n - k + HALF, 1 - mpf(R))
        lost = max(0, int(-mpmath.log10(v)))
        assert close(v, beta_cdf_halfint(k, n, 1 - mpf(R), lost), mpf(10) ** -40), (n, k, R)
    say("Beta CDF, n up to 1e5: half-integer exact sums")
    for n, k, R in ((10 ** 6, 900, S_R), (10 ** 7, 9000, S_R), (10 ** 7, 9900, S_R),
                    (10 ** 7, 10000, S_R), (10 ** 9, 10 ** 5, 0.9999), (10 ** 7, 12000, S_R)):
        a, b, x = k + HALF, n - k + HALF, 1 - mpf(R)
        v = beta_cdf(a, b, x)
        w = beta_cdf_quad(a, b, x) if v < HALF else 1 - beta_cdf_quad(b, a, 1 - x)
        assert close(v, w, mpf(10) ** -30), (n, k, R, v, w)
        with mp.workdps(90):
            assert close(v, beta_cdf(a, b, x), mpf(10) ** -50)
    say("Beta CDF, large n: quad split around the mode, 90-digit rerun")

    # --- beta-binomial: pmf vs mpmath.beta, support sums to 1, CDF vs mixture integral
    for n, k in ((0, 0), (10, 0), (10, 3), (100, 50), (5, 5), (2995, 0), (3, 1)):
        a, b = k + HALF, n - k + HALF
        for m in (1, 2, 5, 17, 60):
            total = bb_cdf(m - 1, m, a, b)
            p = bb_pmf0(m, a, b)
            for x in range(m):
                p = p * ((m - x) * (x + a)) / ((x + 1) * (m - x - 1 + b))
            direct_last = math.comb(m, m) * mpmath.beta(m + a, b) / mpmath.beta(a, b)
            assert close(p, direct_last, mpf(10) ** -45)
            assert close(total + p, ONE, mpf(10) ** -50), (n, k, m)
            for t in (0, 1, m // 2, m - 1):
                direct = sum(math.comb(m, x) * mpmath.beta(x + a, m - x + b) for x in range(t + 1)) \
                    / mpmath.beta(a, b)
                assert close(bb_cdf(t, m, a, b), direct, mpf(10) ** -45), (n, k, m, t)
        for m, t in ((20, 2), (300, 1), (60, 30)):
            mix = mpmath.quad(lambda q: binom_cdf(t, m, q) * mpmath.exp(
                (a - 1) * mpmath.log(q) + (b - 1) * mpmath.log1p(-q) - _logbeta(a, b)),
                [0, mpf(1) / 1000, mpf(1) / 100, mpf(1) / 10, HALF, 1])
            assert close(bb_cdf(t, m, a, b), mix, mpf(10) ** -25), (n, k, m, t)
    # golden-size chances: the exact sum vs the posterior mixture of binomial CDFs
    for n, k in ((1253, 0), (5000, 5), (12000, 12), (1000, 5)):
        pl = Pilot(n, k, S_R, S_C)
        m = cases_needed(n, k, S_R, S_C, pl.K(n)) * 2
        t = pl.K(n + m) - k
        a, b = pl.a, pl.b
        mean = a / (a + b)
        pts = [ZERO] + [mean * j / 4 for j in range(1, 17)] + [HALF, ONE]
        with mp.workdps(mp.dps + 10):
            mix = mpmath.quad(lambda q: binom_cdf(t, m, q) * mpmath.exp(
                (a - 1) * mpmath.log(q) + (b - 1) * mpmath.log1p(-q) - _logbeta(a, b)), pts)
        assert close(pl.chance(m), mix, mpf(10) ** -25), (n, k, m, pl.chance(m), mix)
    say("beta-binomial: pmf, support sum, mixture integral")

    # --- K(N): against cp_lower at K and K + 1, and against total_cases_needed
    checks = [(N, S_R, S_C) for N in (1, 100, 2994, 2995, 3000, 4741, 4742, 5000, 12000,
                                      20000, 100000)]
    checks += [(N, 0.99, 0.95) for N in (298, 299, 500, 1000)]
    checks += [(N, 0.9, 0.9) for N in (21, 22, 38, 100)]
    checks += [(N, 0.5, 0.95) for N in (4, 5, 10, 13)]
    checks += [(N, 0.9999, 0.99) for N in (100000, 200000)]
    for N, R, C in checks:
        K = K_of(N, R, C)
        if K >= 0:
            assert ref.cp_lower(N, K, C) >= mpf(R), (N, R, C, K)
            assert total_cases_needed(K, R, C) <= N
        if K + 1 <= N:
            assert ref.cp_lower(N, K + 1, C) < mpf(R), (N, R, C, K)
            assert total_cases_needed(K + 1, R, C) > N
    assert K_of(2995, S_R, S_C) == 0 and K_of(2994, S_R, S_C) == -1
    assert total_cases_needed(1, S_R, S_C) == 4742
    assert K_of(4742, S_R, S_C) == 1 and K_of(4741, S_R, S_C) == 0
    # large N: K by the walk vs the full exact sums of reference.binom_cdf
    for N, R in ((2 * 10 ** 7, S_R), (10 ** 7 + 2181669, S_R), (10 ** 9 + 5 * 10 ** 6, 0.9999)):
        K = K_of(N, R, S_C)
        q = 1 - mpf(R)
        assert binom_cdf(K, N, q) <= 1 - mpf(S_C) < binom_cdf(K + 1, N, q), (N, K)
    say("K(N) vs cp_lower, total_cases_needed and full sums")

    # --- fast success-run totals vs reference's exact search
    for f in (2001, 2500, 3000):
        for R, C in ((S_R, S_C), (0.99, 0.9)):
            assert total_needed(f, R, C) == total_cases_needed(f, R, C), (f, R, C)
    for f, R in ((12000, S_R), (9900, S_R), (10 ** 5, 0.9999)):
        T = total_needed(f, R, S_C)
        q = 1 - mpf(R)
        assert binom_cdf(f, T, q) <= 1 - mpf(S_C) < binom_cdf(f, T - 1, q), (f, T)
    say("success-run totals, fast vs reference")

    # --- cases_for_80_percent: the search against a literal scan m = 0, 1, 2, ...
    # (answers: 212, 134, 158, 2, 4, 605, 0, None, None, None)
    for n, k, R, C in ((10, 0, 0.9, 0.9), (30, 1, 0.9, 0.9), (40, 0, 0.95, 0.99), (20, 1, 0.8, 0.95),
                       (25, 0, 0.9, 0.95), (12, 2, 0.7, 0.9), (400, 1, 0.99, 0.9),
                       (10, 1, 0.9, 0.9), (50, 0, 0.99, 0.95), (5, 5, 0.5, 0.95)):
        pl = Pilot(n, k, R, C)
        limit = 700
        got = pl.cases_for_80(limit)
        scan = next((m for m in range(limit + 1) if pl.chance(m) >= CHANCE_GOAL), None)
        assert got == scan, (n, k, R, C, got, scan)
        # the saw-tooth: chance falls within each step of K, and is not monotone overall
        ch = [pl.chance(m) for m in range(1, 200)]
        for m in range(1, 198):
            if pl.K(n + m) == pl.K(n + m + 1):
                assert ch[m] <= ch[m - 1]
    say("cases_for_80_percent vs literal scan")
    # a case whose chance is visibly not monotone (the reason for the careful search)
    pl = Pilot(30, 2, 0.9, 0.95)
    ch = [pl.chance(m) for m in range(0, 200)]
    assert any(ch[i + 1] < ch[i] for i in range(len(ch) - 1))
    assert any(ch[i + 1] > ch[i] for i in range(len(ch) - 1))

    # --- cases_needed vs reference's (cp_lower based) definition
    for n, k, R, C in ((0, 0, S_R, S_C), (2994, 0, S_R, S_C), (2995, 0, S_R, S_C), (4741, 1, S_R, S_C),
                       (4742, 1, S_R, S_C), (1000, 5, S_R, S_C), (12000, 12, S_R, S_C),
                       (100, 50, S_R, S_C), (10, 10, S_R, S_C), (500, 0, 0.99, S_C), (10, 3, 0.5, S_C)):
        assert cases_needed(n, k, R, C, K_of(n, R, C)) == ref.cases_needed(n, k, R, C), (n, k)
    say("cases_needed vs reference")

    # --- the no-evidence convention and the demonstrated convention
    e0 = expected(0, 0, S_R, S_C)
    assert e0["p_meets_target"] is None and e0["chance_to_demonstrate"] is None
    assert e0["cases_for_80_percent"] is None and len(e0["power"]) == 16 and e0["cases_needed"] == 2995
    ed = expected(2995, 0, S_R, S_C)
    assert ed["chance_to_demonstrate"] == [] and ed["cases_for_80_percent"] == 0 and ed["cases_needed"] == 0
    say("conventions")
    return True


# --------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------

def summary(doc):
    return (f"{len(doc['cases'])} cases "
            f"(min tail margin {mpmath.nstr(STATS['min_tail_margin'], 3)}, "
            f"min |chance - 0.8| {mpmath.nstr(STATS['min_chance_margin'], 3)})")


def main(argv):
    return golden.main(argv, GOLDEN, lambda writing: render(build_doc(verbose=writing)),
                       summary, selfcheck, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
