"""Exact tests for register counts (crimes, benefit recipients) under a Poisson model.

Two counts ``k0`` (exposure ``e0``) and ``k1`` (exposure ``e1``) from independent Poisson
processes: given their sum ``n = k0 + k1``, ``k1`` is binomial with
``p = e1·ρ / (e0 + e1·ρ)`` when the rate ratio ``(k1/e1) / (k0/e0)`` equals ``ρ``. That
turns the comparison into an exact binomial test and the rate ratio's interval into a
Clopper–Pearson interval for ``p`` (scipy.stats.binomtest), with no normal approximation —
it stays right for small counts.

Uses:
* a change of one area's count between two years: ``rate_ratio(k0, k1)`` (exposure equal in
  both years unless given);
* a rate against a reference rate: ``rate_ratio(k_ref, k_area, n_ref, n_area)``;
* a change against the reference's change (difference-in-differences for counts):
  ``rate_ratio(f0, f1, null_ratio=r1 / r0)``; the reference's counts are taken as known,
  which is fair when they are much larger (a gemeente against one of its wijken).

Crimes cluster (one suspect, many reports), so real counts vary somewhat more than Poisson:
the test is, if anything, too quick to call a change real — never too slow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


LEVEL = 0.95


@dataclass(frozen=True)
class RateRatio:
    k0: int
    k1: int
    e0: float
    e1: float
    null_ratio: float
    ratio: float  # observed (k1/e1) / (k0/e0); inf when k0 == 0
    lower: float  # 95 % interval of the rate ratio
    upper: float
    p_value: float  # exact two-sided test of ratio == null_ratio

    @property
    def within_margin(self) -> bool:
        """Whether the difference from ``null_ratio`` lies within chance (interval contains it)."""
        return self.lower <= self.null_ratio <= self.upper

    @property
    def relative_to_null(self) -> float:
        """The observed ratio divided by the ratio expected under the null."""
        return self.ratio / self.null_ratio


def _to_ratio(p: float, e0: float, e1: float) -> float:
    if p >= 1.0:
        return math.inf
    return p / (1.0 - p) * (e0 / e1)


def rate_ratio(k0: int, k1: int, e0: float = 1.0, e1: float = 1.0, *, null_ratio: float = 1.0,
               level: float = LEVEL) -> RateRatio | None:
    """Exact conditional test and interval for the Poisson rate ratio (k1/e1)/(k0/e0).

    None when both counts are zero (nothing to compare). Counts must be whole and >= 0,
    exposures and ``null_ratio`` > 0.
    """
    for name, k in (("k0", k0), ("k1", k1)):
        if k < 0 or float(k) != int(k):
            raise ValueError(f"{name} must be a whole count >= 0, got {k!r}")
    if e0 <= 0 or e1 <= 0 or null_ratio <= 0:
        raise ValueError("exposures and null_ratio must be > 0")
    k0, k1 = int(k0), int(k1)
    n = k0 + k1
    if n == 0:
        return None
    p0 = e1 * null_ratio / (e0 + e1 * null_ratio)
    from scipy.stats import binomtest  # 1.5 s to import: only where a count is tested

    test = binomtest(k1, n, p0)
    ci = test.proportion_ci(confidence_level=level, method="exact")
    ratio = math.inf if k0 == 0 else (k1 / e1) / (k0 / e0)
    return RateRatio(k0, k1, e0, e1, null_ratio, ratio, _to_ratio(ci.low, e0, e1), _to_ratio(ci.high, e0, e1),
                     float(test.pvalue))
