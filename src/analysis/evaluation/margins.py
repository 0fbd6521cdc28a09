"""Margins for model estimates: from the published 95 % interval, or derived from data.

Model-based small-area estimates (RIVM 50090NED/50150NED) are not exact. Where the table
publishes a 95 % interval per estimate (columns ``ondergrens``/``bovengrens`` of the
indicator table), its half-width gives the estimate's standard error. Where it does not,
the margin is derived from the spread of changes across all Dutch areas:

* take the change of every Dutch wijk (or buurt) between two consecutive peiljaren;
* its robust spread around the typical change is ``s = 1.4826 × MAD`` (the MAD scaled to
  equal the standard deviation for normally distributed data; robust to a few extreme
  areas);
* that spread holds real local divergence *and* estimation noise. Taking all of it as
  noise gives an upper bound for the noise: a change that differs from the reference change
  by more than ``1.96 × s`` (the margin for a change) is larger than 95 % of what the
  estimates' noise could produce, even if all variation between areas were noise;
* a single estimate's noise is then at most ``s / √2`` (a change is the difference of two
  estimates), which gives the margin for a level difference with an (almost exact)
  reference such as the gemeente or Nederland: ``1.96 × s / √2``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

Z95 = 1.959963984540054  # two-sided 95 % normal quantile
MAD_TO_SD = 1.482602218505602  # 1 / Φ⁻¹(3/4)
MIN_AREAS = 30  # fewer areas than this give no stable spread


@dataclass(frozen=True)
class ChangeSpread:
    """The spread of changes between two peiljaren over many areas."""

    aantal_gebieden: int
    mediaan_verandering: float
    mad: float

    @property
    def sd(self) -> float:
        return MAD_TO_SD * self.mad

    @property
    def marge_verandering(self) -> float:
        """Margin for a change judged against a reference change (difference-in-differences)."""
        return Z95 * self.sd

    @property
    def marge_niveau(self) -> float:
        """Margin for the difference between one estimate and an (almost exact) reference."""
        return Z95 * self.sd / math.sqrt(2)

    def as_record(self) -> dict[str, float | int]:
        return {
            "aantal_gebieden": self.aantal_gebieden,
            "mediaan_verandering": round(self.mediaan_verandering, 4),
            "mad": round(self.mad, 4),
            "marge_verandering": round(self.marge_verandering, 4),
            "marge_niveau": round(self.marge_niveau, 4),
        }


def change_spread(before: pd.Series, after: pd.Series, min_areas: int = MIN_AREAS) -> ChangeSpread | None:
    """Spread of ``after - before`` over the areas that have both (index = area code).

    None when fewer than ``min_areas`` areas have both values.
    """
    both = pd.concat([before.rename("a"), after.rename("b")], axis=1).dropna()
    if len(both) < min_areas:
        return None
    change = (both["b"] - both["a"]).to_numpy(dtype=float)
    med = float(np.median(change))
    mad = float(np.median(np.abs(change - med)))
    return ChangeSpread(len(both), med, mad)


@dataclass(frozen=True)
class DerivedMargin:
    """A derived margin for one indicator and area level, with its derivation."""

    indicator: str
    gebied_niveau: str
    van_peiljaar: int
    naar_peiljaar: int
    aantal_gebieden: int
    mediaan_verandering: float
    mad: float
    marge_verandering: float
    marge_niveau: float

    def uitleg(self, unit: str = "procentpunt") -> str:
        """The derivation in plain Dutch, for the Data en methode page."""
        from .text import nl_num

        meervoud = {"wijk": "wijken", "buurt": "buurten"}.get(self.gebied_niveau, self.gebied_niveau)
        return (
            f"Tussen {self.van_peiljaar} en {self.naar_peiljaar} veranderde dit cijfer in de "
            f"{nl_num(self.aantal_gebieden, 0)} {meervoud} van Nederland meestal met "
            f"{nl_num(self.mediaan_verandering, 1)} {unit}. De helft van de {meervoud} week daar minder dan "
            f"{nl_num(self.mad, 2)} {unit} van af. Daaruit volgt een marge van {nl_num(self.marge_verandering, 1)} "
            f"{unit} voor een verandering en {nl_num(self.marge_niveau, 1)} {unit} voor een verschil op één moment."
        )


def margins_lookup(margins: pd.DataFrame | None, indicator: str, niveau: str, *,
                   leeftijd: str | None = None, van: int | None = None, naar: int | None = None) -> DerivedMargin | None:
    """The derived margin of ``indicator`` at ``niveau`` (wijk/buurt) from the processed
    ``veranderingsmarges_nl`` table: for the peiljaren ``van``→``naar`` when given, else the
    most recent pair. None when there is none.

    Land and gemeente values are treated like wijk values would be: their noise is smaller,
    so the wijk margin is conservative for them.
    """
    if margins is None or margins.empty:
        return None
    from .cache import derived

    return derived(margins, ("margin", indicator, niveau, leeftijd, van, naar),
                   lambda: _lookup(margins, indicator, niveau, leeftijd, van, naar))


def _lookup(margins: pd.DataFrame, indicator: str, niveau: str, leeftijd: str | None, van: int | None,
            naar: int | None) -> DerivedMargin | None:
    lvl = "buurt" if niveau == "buurt" else "wijk"
    sel = margins[(margins["indicator"] == indicator) & (margins["gebied_niveau"] == lvl)]
    if leeftijd is not None and "leeftijd" in sel:
        sel = sel[sel["leeftijd"] == leeftijd]
    if van is not None and naar is not None:
        sel = sel[(sel["van_peiljaar"] == van) & (sel["naar_peiljaar"] == naar)]
    if sel.empty:
        return None
    row = sel.sort_values("naar_peiljaar").iloc[-1]
    return DerivedMargin(
        indicator=indicator, gebied_niveau=lvl, van_peiljaar=int(row["van_peiljaar"]),
        naar_peiljaar=int(row["naar_peiljaar"]), aantal_gebieden=int(row["aantal_gebieden"]),
        mediaan_verandering=float(row["mediaan_verandering"]), mad=float(row["mad"]),
        marge_verandering=float(row["marge_verandering"]), marge_niveau=float(row["marge_niveau"]),
    )


def se_from_interval(lower: float | None, upper: float | None) -> float | None:
    """Standard error from a published symmetric-ish 95 % interval (half-width / 1.96)."""
    if lower is None or upper is None or _nan(lower) or _nan(upper) or upper < lower:
        return None
    return (upper - lower) / (2 * Z95)


def _nan(x: float) -> bool:
    return isinstance(x, float) and math.isnan(x)
