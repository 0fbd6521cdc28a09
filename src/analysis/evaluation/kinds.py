"""What kind of figure an indicator is in a given source table; the kind decides which rule
judges a difference.

* ``schatting`` — a model-based estimate (RIVM small-area estimates; ``modelschatting`` in
  data/bronnen.yml). Judged with the published 95 % interval, else with the margin derived
  from the spread of changes across all Dutch areas.
* ``telling`` — a count from a register of events or persons (crimes; a rate per 1,000
  inhabitants built from such a count). Judged with the exact Poisson test on the counts.
* ``registercijfer`` — any other register figure (shares of inhabitants, WOZ value, household
  size, gas use): a full count, rounded by the publisher. Differences count once they exceed
  the rounding of the published figure.

A registry may name the kind explicitly with ``soort_cijfer`` on the indicator (read with
``getattr`` so that this module works before that key exists).
"""

from __future__ import annotations

from typing import Literal

from ..registries import Registries
from ..registry_models import Indicator

Kind = Literal["schatting", "telling", "registercijfer"]
KINDS: tuple[Kind, ...] = ("schatting", "telling", "registercijfer")
COUNT_UNITS = ("aantal", "per_1000_inwoners")


def figure_kind(ind: Indicator, reg: Registries, tabel: str | None) -> Kind:
    explicit = getattr(ind, "soort_cijfer", None)
    if explicit in KINDS:
        return explicit
    if tabel is not None and tabel in reg.bronnen.tabellen and reg.tabel(tabel).modelschatting:
        return "schatting"
    # A judged count (or rate from a count) is a count of events or persons; a neutral count
    # (inhabitants, households) describes the area and is never judged.
    if ind.eenheid in COUNT_UNITS and ind.richting != "neutraal":
        return "telling"
    return "registercijfer"


def ratio_factor(ind: Indicator, tabel: str | None) -> float | None:
    """The factor of a ratio source (1000 for 'per 1.000 inwoners'), else None."""
    for b in ind.bronnen:
        if b.tabel == tabel and b.is_ratio:
            return b.factor
    return None
