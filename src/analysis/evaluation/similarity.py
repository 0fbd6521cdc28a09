"""Comparison wijken: the Dutch wijken most like a focus area before the Regiodeal.

Method (also told on the Data en methode page by ``methods.comparison_text``):

1. Candidates: every Dutch wijk in the national health table at the baseline peiljaar
   (50090NED 2020) that also appears, with the same code, in the 2024 kerncijfers table.
2. Left out: the focus area itself and every other focus area (with the wijk that holds a
   focus buurt), wijken with fewer than ``MIN_INWONERS`` inhabitants (their estimates and
   shares are unstable), wijken of gemeenten whose wijk codes changed meaning between the
   two indelingen, and wijken that lack a characteristic.
3. Characteristics (``FEATURES``): moeite met rondkomen and ervaren gezondheid (50090NED,
   baseline 2020), share of inhabitants aged 65+ (wijkkaart 2024), inhabitants and population
   density (85984NED, 2024; on a log scale, so that 5,000 against 10,000 weighs as much as
   10,000 against 20,000). Size and age come from 2024, four years after the baseline: the
   national files hold no older wijk figures. WOZ value is not used: the source files hold it
   only for the four gemeenten, not nationally.
4. Each characteristic is standardised over the candidates (z-score), and the distance is
   the root mean square of the differences in z-score over the characteristics the focus
   area has. The ``k`` nearest wijken form the group.

A focus area of several wijken (Batau) gets one profile: inhabitants summed, shares and
health figures weighted by inhabitants (2024; for the selection only — never shown as a
figure of the area), density from summed inhabitants and land area. A focus buurt
(Vollenhove) gets its own buurt figures from the indicator table; the candidates stay wijken.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..codes import wijk_of
from ..registries import Registries
from .cache import derived
from .margins import margins_lookup
from .position import NATIONAL_TABLE, national_values
from .text import nl_num
from .values import ValueIndex, value_in_table

BASELINE = 2020
K_DEFAULT = 15
MIN_INWONERS = 1000


@dataclass(frozen=True)
class Feature:
    kolom: str  # column in the national table / kerncijfers table
    label: str  # Dutch, for the page
    bron_tabel: str
    peiljaar: int | None  # None: the baseline peiljaar of the health table
    log: bool = False
    indicator: str | None = None  # kernset indicator with the same meaning (for a focus buurt)


FEATURES: tuple[Feature, ...] = (
    Feature("moeite_rondkomen", "moeite met rondkomen (%)", NATIONAL_TABLE, None, indicator="moeite_rondkomen"),
    Feature("ervaren_gezondheid", "ervaren gezondheid goed of zeer goed (%)", NATIONAL_TABLE, None,
            indicator="ervaren_gezondheid"),
    Feature("aandeel_65plus", "inwoners van 65 jaar en ouder (%)", "wijkkaart2024", 2024, indicator="aandeel_65plus"),
    Feature("inwoners", "inwoners", "85984NED", 2024, log=True, indicator="inwoners"),
    Feature("bevolkingsdichtheid", "inwoners per km²", "85984NED", 2024, log=True),
)


@dataclass(frozen=True)
class ComparisonWijk:
    code: str
    naam: str
    gemeente_naam: str
    afstand: float
    kenmerken: dict[str, float]


@dataclass(frozen=True)
class ComparisonGroup:
    """The comparison wijken of one focus area and why they were chosen.

    ``profiel``: the focus area's characteristics (raw values, keyed by ``Feature.kolom``);
    ``schaal``: per characteristic the candidates' mean and standard deviation (after the
    log where ``Feature.log``); ``uitgesloten``: reason -> number of wijken left out.
    """

    focus_codes: tuple[str, ...]
    peiljaar: int
    kenmerken: tuple[Feature, ...]
    profiel: dict[str, float]
    profiel_toelichting: tuple[str, ...]
    schaal: dict[str, tuple[float, float]]
    wijken: tuple[ComparisonWijk, ...]
    aantal_kandidaten: int
    uitgesloten: dict[str, int] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(w.code for w in self.wijken)

    def table(self) -> pd.DataFrame:
        """One row per comparison wijk: name, gemeente, distance and its characteristics."""
        rows = [{"wijk_code": w.code, "wijk": w.naam, "gemeente": w.gemeente_naam, "afstand": round(w.afstand, 3),
                 **{f.kolom: w.kenmerken.get(f.kolom) for f in self.kenmerken}} for w in self.wijken]
        return pd.DataFrame(rows)

    def toelichting(self, naam: str) -> str:
        """Why these wijken, in plain Dutch."""
        used = [f.label.split(" (")[0] for f in self.kenmerken if f.kolom in self.profiel]
        verder = max(w.afstand for w in self.wijken) if self.wijken else float("nan")
        return (f"De {len(self.wijken)} wijken die het meest op {naam} leken vóór de start van de monitor, gekozen uit "
                f"{nl_num(self.aantal_kandidaten, 0)} Nederlandse wijken op: {', '.join(used)}. Een afstand van 0 is "
                f"gelijk; de verste gekozen wijk heeft afstand {nl_num(verder, 2)} (1 = één standaardafwijking per "
                f"kenmerk).")


def focus_exclusions(reg: Registries) -> tuple[str, ...]:
    """Every focus area's codes, plus the wijk that holds a focus buurt."""
    out: list[str] = []
    for f in reg.gebieden.focusgebieden:
        for d in f.delen:
            out.append(d.code)
            if d.code.startswith("BU"):
                out.append(d.binnen or wijk_of(d.code))
    return tuple(dict.fromkeys(out))


def changed_indeling(reg: Registries, a: int = BASELINE, b: int = 2024) -> tuple[str, ...]:
    """Gemeenten (codes) whose wijk codes changed meaning between indeling years a and b."""
    return tuple(g.code for g in reg.gebieden.gemeenten if not g.indeling_vergelijkbaar(a, b))


def candidate_table(national: pd.DataFrame, kerncijfers: pd.DataFrame, peiljaar: int = BASELINE) -> pd.DataFrame:
    """All wijken with the raw characteristics (index wijk_code), names and the land area."""
    cols = {}
    for f in FEATURES:
        if f.peiljaar is None:
            cols[f.kolom] = national_values(national, f.kolom, peiljaar)
    health = pd.DataFrame(cols)
    kc = kerncijfers.set_index("wijk_code")
    other = kc[[f.kolom for f in FEATURES if f.peiljaar is not None] + ["oppervlakte_land_ha"]]
    names = kc[["wijk_naam", "gemeente_naam", "gemeente_code"]]
    out = health.join(other, how="left").join(names, how="left")
    out["in_kerncijfers"] = out.index.isin(kc.index)
    return out.sort_index()


def _transform(f: Feature, x: pd.Series | float) -> pd.Series | float:
    if not f.log:
        return x
    return np.log10(np.maximum(x, 1.0))


def _weighted(values: list[float | None], weights: list[float | None]) -> float | None:
    pairs = [(v, w) for v, w in zip(values, weights) if v is not None and w]
    if len(pairs) != len(values) or not pairs:
        return None
    return sum(v * w for v, w in pairs) / sum(w for _, w in pairs)


def area_profile(codes: tuple[str, ...], candidates: pd.DataFrame, idx: ValueIndex | None, reg: Registries | None,
                 peiljaar: int = BASELINE) -> tuple[dict[str, float], tuple[str, ...]]:
    """The characteristics of the area made of ``codes`` (see the module docstring)."""
    per_part: list[dict[str, float | None]] = []
    notes: list[str] = []
    for code in codes:
        if code in candidates.index and bool(candidates.at[code, "in_kerncijfers"]):
            row = candidates.loc[code]
            per_part.append({f.kolom: _clean(row[f.kolom]) for f in FEATURES}
                            | {"oppervlakte_land_ha": _clean(row["oppervlakte_land_ha"])})
            continue
        rec: dict[str, float | None] = {f.kolom: None for f in FEATURES} | {"oppervlakte_land_ha": None}
        if idx is not None and reg is not None:
            for f in FEATURES:
                if f.indicator is None:
                    continue
                year = peiljaar if f.peiljaar is None else f.peiljaar
                tabel = f.bron_tabel if f.peiljaar is None else "85984NED"
                v = value_in_table(idx, reg, f.indicator, [code], tabel, year)
                rec[f.kolom] = v.waarde if v.beschikbaar else None
            notes.append(f"{code}: kenmerken uit de tabel van het focusgebied (geen landelijke wijkrij)")
        per_part.append(rec)
    if len(per_part) == 1:
        profile = per_part[0]
    else:
        inw = [p["inwoners"] for p in per_part]
        profile = {"inwoners": sum(inw) if all(i is not None for i in inw) else None}
        for f in FEATURES:
            if f.kolom in ("inwoners", "bevolkingsdichtheid"):
                continue
            profile[f.kolom] = _weighted([p[f.kolom] for p in per_part], inw)
        ha = [p["oppervlakte_land_ha"] for p in per_part]
        if profile["inwoners"] is not None and all(h for h in ha):
            profile["bevolkingsdichtheid"] = profile["inwoners"] / (sum(ha) / 100.0)
        else:
            profile["bevolkingsdichtheid"] = None
        notes.append("delen samengenomen: inwoners opgeteld, aandelen gewogen naar inwoners (2024), alleen voor de "
                     "keuze van vergelijkingswijken")
    return {k: float(v) for k, v in profile.items() if v is not None and k != "oppervlakte_land_ha"}, tuple(notes)


def _clean(x: object) -> float | None:
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def select_comparison_wijken(
    codes: list[str] | tuple[str, ...],
    national: pd.DataFrame,
    kerncijfers: pd.DataFrame,
    *,
    exclude: tuple[str, ...] = (),
    exclude_gemeenten: tuple[str, ...] = (),
    k: int = K_DEFAULT,
    min_inwoners: float = MIN_INWONERS,
    idx: ValueIndex | None = None,
    reg: Registries | None = None,
    peiljaar: int = BASELINE,
) -> ComparisonGroup:
    """The ``k`` Dutch wijken most similar to the area ``codes`` at baseline.

    ``exclude``: CBS codes never chosen (other focus areas; the wijk holding a focus buurt).
    ``exclude_gemeenten``: gemeente codes whose wijken are never chosen (changed indeling).
    ``idx``/``reg`` are needed only when a part of the area is not a wijk of the national
    tables (a buurt).
    """
    codes = tuple(codes)
    cand = candidate_table(national, kerncijfers, peiljaar)
    profile, notes = area_profile(codes, cand, idx, reg, peiljaar)
    if not profile:
        raise ValueError(f"no characteristics for {', '.join(codes)}: cannot choose comparison wijken")
    reasons: dict[str, int] = {}

    def drop(mask: pd.Series, reason: str) -> None:
        nonlocal cand
        n = int(mask.sum())
        if n:
            reasons[reason] = reasons.get(reason, 0) + n
            cand = cand[~mask]

    banned = set(codes) | set(exclude) | {wijk_of(c) for c in codes if c.startswith("BU")}
    drop(cand.index.isin(list(banned)), "focusgebied")
    drop(cand["gemeente_code"].isin(list(exclude_gemeenten)) | cand.index.str[2:6].isin(
        [g[2:6] for g in exclude_gemeenten]), "wijkindeling gewijzigd tussen 2020 en 2024")
    drop(~cand["in_kerncijfers"], "wijkcode niet in de indeling van 2024")
    drop(cand["inwoners"].isna() | (cand["inwoners"] < min_inwoners), f"minder dan {nl_num(min_inwoners, 0)} inwoners")
    used = tuple(f for f in FEATURES if f.kolom in profile)
    drop(cand[[f.kolom for f in used]].isna().any(axis=1), "kenmerk ontbreekt")
    if cand.empty:
        raise ValueError("no candidate wijken left after the exclusions")
    scale: dict[str, tuple[float, float]] = {}
    sq = pd.Series(0.0, index=cand.index)
    for f in used:
        x = _transform(f, cand[f.kolom].astype(float))
        mu, sd = float(x.mean()), float(x.std(ddof=0))
        scale[f.kolom] = (mu, sd)
        if sd == 0:
            continue
        sq += ((x - _transform(f, profile[f.kolom])) / sd) ** 2
    dist = np.sqrt(sq / len(used))
    order = pd.DataFrame({"d": dist, "code": dist.index}).sort_values(["d", "code"])
    chosen = order.head(k).index
    wijken = tuple(
        ComparisonWijk(code, str(cand.at[code, "wijk_naam"]), str(cand.at[code, "gemeente_naam"]), float(dist[code]),
                       {f.kolom: float(cand.at[code, f.kolom]) for f in used})
        for code in chosen
    )
    n_candidates = len(cand)
    return ComparisonGroup(codes, peiljaar, used, profile, notes, scale, wijken, n_candidates, reasons)


# -- the group over time ------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupBand:
    """The comparison wijken's values of one indicator at one peiljaar (the counterfactual)."""

    indicator: str
    peiljaar: int
    bron_tabel: str
    aantal: int
    mediaan: float
    p25: float
    p75: float
    minimum: float
    maximum: float


def group_band(group: ComparisonGroup, national: pd.DataFrame, indicator: str, peiljaar: int,
               tabel: str = NATIONAL_TABLE) -> GroupBand | None:
    vals = national_values(national, indicator, peiljaar, tabel)
    vals = vals[vals.index.isin(group.codes)]
    if len(vals) < max(3, len(group.codes) // 2):
        return None
    q = vals.quantile([0.25, 0.5, 0.75])
    return GroupBand(indicator, int(peiljaar), tabel, len(vals), float(q[0.5]), float(q[0.25]), float(q[0.75]),
                     float(vals.min()), float(vals.max()))


@dataclass(frozen=True)
class PreTrendStep:
    code: str  # the focus area part followed (the whole area when it has one figure)
    van: int
    naar: int
    focus_verandering: float
    groep_verandering: float  # median of the comparison wijken' own changes
    marge: float
    parallel: bool

    @property
    def verschil(self) -> float:
        return self.focus_verandering - self.groep_verandering


@dataclass(frozen=True)
class PreTrend:
    """Focus area against its comparison wijken before the monitor started.

    ``reeks``: long table (peiljaar, rol = focusgebied/deel/vergelijkingswijken, code, waarde,
    p25, p75) for a chart. ``parallel``: True when every step of every followed part stays
    within its margin; None when there are fewer than two peiljaren.
    """

    indicator: str
    bron_tabel: str
    reeks: pd.DataFrame
    stappen: tuple[PreTrendStep, ...]
    parallel: bool | None
    regel: str


PARALLEL_RULE = ("De ontwikkeling liep gelijk op als het verschil tussen de verandering van het gebied en die van de "
                 "vergelijkingswijken (de mediaan van hun eigen veranderingen) in elke periode binnen de marge bleef "
                 "die uit alle Nederlandse wijken of buurten volgt.")


def pre_trend(group: ComparisonGroup, national: pd.DataFrame, idx: ValueIndex, reg: Registries, indicator: str,
              margins: pd.DataFrame | None, *, before: int, tabel: str = NATIONAL_TABLE) -> PreTrend | None:
    """Focus area and comparison wijken from the first national peiljaar up to ``before`` (inclusive)."""
    years = derived(national, ("years",), lambda: sorted(int(y) for y in national["peiljaar"].unique()))
    years = [y for y in years if y <= before]
    if indicator not in national.columns or len(years) < 2:
        return None

    def group_rows() -> pd.DataFrame:
        sel = national[national["wijk_code"].isin(group.codes)]
        sel = sel[sel["bron_tabel"] == tabel] if "bron_tabel" in sel.columns else sel
        return sel.drop_duplicates(["wijk_code", "peiljaar"]).set_index(["wijk_code", "peiljaar"])

    rows_of_group = derived(national, ("group", group.codes, tabel), group_rows)
    wide = rows_of_group[indicator].unstack("peiljaar")
    wide = wide[[y for y in wide.columns if int(y) in years]]
    rows: list[dict] = []
    for y in years:
        if y in wide.columns and wide[y].notna().sum() >= 3:
            q = wide[y].dropna().quantile([0.25, 0.5, 0.75])
            rows.append({"peiljaar": y, "rol": "vergelijkingswijken", "code": "", "waarde": float(q[0.5]),
                         "p25": float(q[0.25]), "p75": float(q[0.75])})
    # The focus area as a whole when it has one figure per year, else each part.
    series: dict[str, dict[int, float]] = {}
    whole = {y: value_in_table(idx, reg, indicator, group.focus_codes, tabel, y) for y in years}
    if all(v.beschikbaar for v in whole.values()):
        series["+".join(group.focus_codes)] = {y: v.waarde for y, v in whole.items()}
        rol = "focusgebied"
    else:
        rol = "deel"
        for code in group.focus_codes:
            vals = {y: value_in_table(idx, reg, indicator, [code], tabel, y) for y in years}
            if all(v.beschikbaar for v in vals.values()):
                series[code] = {y: v.waarde for y, v in vals.items()}
    for code, vals in series.items():
        rows.extend({"peiljaar": y, "rol": rol, "code": code, "waarde": v, "p25": None, "p75": None}
                    for y, v in vals.items())
    if not series:
        return None
    steps: list[PreTrendStep] = []
    niveau = "buurt" if any(c.startswith("BU") for c in group.focus_codes) else "wijk"
    for van, naar in zip(years, years[1:]):
        if van not in wide.columns or naar not in wide.columns:
            continue
        own = (wide[naar] - wide[van]).dropna()
        m = margins_lookup(margins, indicator, niveau, van=van, naar=naar)
        if len(own) < 3 or m is None:
            continue
        g = float(own.median())
        for code, vals in series.items():
            f = vals[naar] - vals[van]
            steps.append(PreTrendStep(code, van, naar, f, g, m.marge_verandering,
                                      abs(f - g) <= m.marge_verandering))
    parallel = all(s.parallel for s in steps) if steps else None
    reeks = pd.DataFrame(rows, columns=["peiljaar", "rol", "code", "waarde", "p25", "p75"])
    return PreTrend(indicator, tabel, reeks, tuple(steps), parallel, PARALLEL_RULE)
