"""Comparators that a few odd areas cannot drive: a minimum population for rates, the
median wijk of a gemeente next to its official average, and map colour scales by quantiles
or clipped with the outliers named.

Minimum population. A rate per 1,000 inhabitants of an area where almost nobody lives
(business parks, a station area, rural outskirts) says little about the residents: the
crimes counted there mostly concern passers-by and firms, and one case more or less moves
the rate a lot. ``MIN_INWONERS_RATE`` (1,000) is the documented floor; ``rate_by_population``
gives the table that justifies it from the book's own data (the median rate per population
band: areas under 1,000 inhabitants have several times the rate of larger ones).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import altair as alt
import numpy as np
import pandas as pd

from .rules import MIN_INWONERS_RATE

POPULATION_BANDS = (0, 250, 500, 1000, 2000, 5000, float("inf"))


@dataclass(frozen=True)
class Suppression:
    code: str
    inwoners: float
    reden: str


def suppressed_rates(table: pd.DataFrame, indicator: str, tabel: str, peiljaar: int,
                     min_inwoners: float = MIN_INWONERS_RATE) -> list[Suppression]:
    """Areas whose rate is not shown: fewer inhabitants (``noemer``) than ``min_inwoners``."""
    from .text import nl_num

    sel = table[(table["indicator"] == indicator) & (table["bron_tabel"] == tabel)
                & (table["peiljaar"] == peiljaar) & table["noemer"].notna() & (table["noemer"] < min_inwoners)]
    return [Suppression(r.gebied_code, float(r.noemer),
                        f"niet getoond: {nl_num(r.noemer, 0)} inwoners, minder dan {nl_num(min_inwoners, 0)}")
            for r in sel.sort_values("gebied_code").itertuples()]


def rate_by_population(table: pd.DataFrame, indicator: str, tabel: str, peiljaar: int,
                       bands: tuple[float, ...] = POPULATION_BANDS) -> pd.DataFrame:
    """Median (and quartiles of) the rate of wijken and buurten per population band: the
    evidence behind ``MIN_INWONERS_RATE``."""
    sel = table[(table["indicator"] == indicator) & (table["bron_tabel"] == tabel) & (table["peiljaar"] == peiljaar)
                & table["gebied_niveau"].isin(["wijk", "buurt"]) & table["waarde"].notna() & table["noemer"].notna()]
    labels = [f"{int(lo)}–{'' if hi == float('inf') else int(hi)}" for lo, hi in zip(bands, bands[1:])]
    band = pd.cut(sel["noemer"], list(bands), labels=labels, right=False)
    out = sel.groupby(band, observed=False)["waarde"].agg(
        aantal="count", p25=lambda s: s.quantile(0.25), mediaan="median", p75=lambda s: s.quantile(0.75))
    out.index.name = "inwoners"
    return out.reset_index()


@dataclass(frozen=True)
class MedianWijk:
    """The median wijk of a gemeente (``waarde``) with the wijken it rests on."""

    gemeente_code: str
    indicator: str
    bron_tabel: str
    peiljaar: int
    waarde: float
    aantal_wijken: int
    weggelaten: tuple[Suppression, ...] = field(default_factory=tuple)


def gemeente_median_wijk(table: pd.DataFrame, indicator: str, gemeente_code: str, tabel: str, peiljaar: int, *,
                         min_inwoners: float | None = None) -> MedianWijk | None:
    """Median over the gemeente's wijken; with ``min_inwoners`` wijken below it are left out
    (use for rates). None with fewer than three wijken."""
    sel = table[(table["indicator"] == indicator) & (table["bron_tabel"] == tabel) & (table["peiljaar"] == peiljaar)
                & (table["gebied_niveau"] == "wijk") & (table["gemeente_code"] == gemeente_code)
                & (table["status"] == "beschikbaar")]
    dropped: tuple[Suppression, ...] = ()
    if min_inwoners is not None and "noemer" in sel:
        low = sel["noemer"].notna() & (sel["noemer"] < min_inwoners)
        dropped = tuple(s for s in suppressed_rates(sel, indicator, tabel, peiljaar, min_inwoners))
        sel = sel[~low]
    if len(sel) < 3:
        return None
    return MedianWijk(gemeente_code, indicator, tabel, int(peiljaar), float(sel["waarde"].median()), len(sel), dropped)


# -- map colour scales --------------------------------------------------------------------------


@dataclass(frozen=True)
class ColorScale:
    """An altair colour scale plus what the legend must say.

    ``uitschieters``: (code, value) of areas beyond the clipped domain, to be labelled on the
    map; ``toelichting``: a Dutch sentence for the caption.
    """

    scale: alt.Scale
    domain: tuple[float, ...]
    methode: str  # "kwantielen" or "afgekapt"
    uitschieters: tuple[tuple[str, float], ...]
    toelichting: str


def quantile_scale(values: pd.Series, n: int = 5, scheme: str = "blues") -> ColorScale:
    """Classes with (about) the same number of areas each: outliers get the end class and
    cannot stretch the scale. ``values`` indexed by area code."""
    v = values.dropna().astype(float)
    if v.empty:
        raise ValueError("no values to build a colour scale from")
    qs = np.unique(np.quantile(v.to_numpy(), np.linspace(0, 1, n + 1))[1:-1])
    scale = alt.Scale(type="quantile", scheme=scheme, domain=sorted(v.tolist()))
    text = (f"Kleuren in {len(qs) + 1} groepen met elk ongeveer evenveel gebieden; een heel hoge of lage waarde "
            f"verschuift de kleuren niet.")
    return ColorScale(scale, tuple(float(q) for q in qs), "kwantielen", (), text)


def clipped_scale(values: pd.Series, lower: float = 0.05, upper: float = 0.95, scheme: str = "blues") -> ColorScale:
    """A continuous scale from the ``lower`` to the ``upper`` quantile; areas beyond get the
    end colour (clamp) and are returned as outliers to be labelled."""
    from .text import nl_num

    v = values.dropna().astype(float)
    if v.empty:
        raise ValueError("no values to build a colour scale from")
    lo, hi = float(v.quantile(lower)), float(v.quantile(upper))
    if hi <= lo:
        lo, hi = float(v.min()), float(v.max())
    outliers = tuple((str(c), float(x)) for c, x in v[(v < lo) | (v > hi)].sort_values(ascending=False).items())
    scale = alt.Scale(scheme=scheme, domain=[lo, hi], clamp=True)
    text = (f"De kleuren lopen van {nl_num(lo, 0)} tot {nl_num(hi, 0)}; {len(outliers)} "
            f"{'gebied ligt' if len(outliers) == 1 else 'gebieden liggen'} daarbuiten en "
            f"{'heeft' if len(outliers) == 1 else 'hebben'} de kleur van het uiteinde, met de waarde erbij.")
    return ColorScale(scale, (lo, hi), "afgekapt", outliers, text)
