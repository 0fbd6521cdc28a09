"""The evaluation model of one area in one meting: every figure, comparison and verdict a
factsheet shows, computed once, so that sentences, table cells, charts and CSV values are
all read from the same objects and cannot disagree.

Entry point: ``evaluate_area(data, reg, codes, gemeente_code, meting)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import pandas as pd

from ..codes import area_level
from ..registries import Registries
from ..registry_models import Eenheid, Indicator
from .baseline import BaselineRevision, baseline_revisions
from .kinds import Kind, figure_kind
from .margins import margins_lookup
from .position import NATIONAL_TABLE, NationalPosition, national_position
from .robust import MedianWijk, gemeente_median_wijk
from .rules import MIN_INWONERS_RATE, Sparse, Verdict, judge_level, no_verdict, suppressed_rate
from .similarity import (
    K_DEFAULT,
    ComparisonGroup,
    GroupBand,
    PreTrend,
    changed_indeling,
    focus_exclusions,
    group_band,
    pre_trend,
    select_comparison_wijken,
)
from .text import decimals_for
from .trend import TrendComparison, trend_comparison
from .values import Value, ValueIndex, value_for_meting, value_in_table

NEDERLAND = "NL01"


@dataclass
class EvaluationData:
    """The loaded tables the model reads (all from data/processed/).

    ``indicators``: indicatoren.csv (long; optional columns ``ondergrens``/``bovengrens``);
    ``national``: gezondheid_wijken_nl.csv; ``kerncijfers``: kerncijfers_wijken_nl.csv;
    ``margins``: veranderingsmarges_nl.csv; ``areas``: gebieden.csv (names only).
    Tables left None switch off what needs them (national position, comparison wijken,
    derived margins), each with its reason.
    """

    indicators: pd.DataFrame
    national: pd.DataFrame | None = None
    kerncijfers: pd.DataFrame | None = None
    margins: pd.DataFrame | None = None
    areas: pd.DataFrame | None = None

    def __post_init__(self) -> None:
        self.idx = ValueIndex(self.indicators)

    @classmethod
    def load(cls, folder: str | Path | None = None) -> "EvaluationData":
        from .. import data as processed  # local import: data.py imports the builder

        f = None if folder is None else str(folder)
        return cls(processed.load_indicators(f), processed.load_national(f), processed.load_national_kerncijfers(f),
                   processed.load_change_margins(f), processed.load_areas(f))

    def names(self) -> dict[str, str]:
        """CBS code -> display name: every Dutch wijk (2024), and the four gemeenten' areas."""
        out: dict[str, str] = {NEDERLAND: "Nederland"}
        if self.kerncijfers is not None:
            out.update(zip(self.kerncijfers["wijk_code"], self.kerncijfers["wijk_naam"]))
            out.update(zip(self.kerncijfers["gemeente_code"], self.kerncijfers["gemeente_naam"]))
        if self.areas is not None:
            named = self.areas[self.areas["naam"].ne("")].sort_values("indeling")
            out.update(zip(named["gebied_code"], named["naam"]))
        return out


@dataclass(frozen=True)
class PartEvaluation:
    """A part of the area (a wijk of Batau) or a buurt in it, by the same rules as the area."""

    value: Value
    tov: dict[str, Verdict]
    sinds_nulmeting: TrendComparison | None = None
    sinds_vorige: TrendComparison | None = None
    landelijk: NationalPosition | None = None

    @property
    def code(self) -> str:
        return self.value.code


@dataclass(frozen=True)
class IndicatorEvaluation:
    """Everything about one indicator for the area in this meting.

    ``focus``: the area's figure (status beschikbaar / deels / ontbreekt);
    ``referenties``: role ("gemeente", "nederland") -> the reference's figure, from the
    focus figure's table when it has one; ``tov``: role -> level verdict (same table and
    peiljaar only); ``delen``: parts or buurten when the area is known only per part, each
    with its own verdicts and changes; ``sinds_nulmeting``/``sinds_vorige``: the area's change
    against the reference changes (None when not computable as a whole — see ``delen``);
    ``herziene_basis``: re-estimated baseline figures; ``landelijk``: position among all
    Dutch wijken; ``vergelijkingswijken``: the comparison wijken' values at the same peiljaar;
    ``gemeente_mediaan_wijk``: the median wijk of the gemeente; ``onderdrukt``: why the area's
    rate is not shown (too few inhabitants), else None; ``pretrend``: area against comparison
    wijken before the monitor; ``landelijk_delen``: national position of each part when the
    area (several wijken) has no single figure in the national table's source.
    ``landelijk`` and ``vergelijkingswijken`` are at the national table's peiljaar of this
    meting, else of the nulmeting (stated in their ``peiljaar``).
    """

    indicator: Indicator
    eenheid: Eenheid
    soort: Kind
    decimalen: int
    focus: Value
    referenties: dict[str, Value]
    tov: dict[str, Verdict]
    delen: tuple[PartEvaluation, ...] = ()
    sinds_nulmeting: TrendComparison | None = None
    sinds_vorige: TrendComparison | None = None
    herziene_basis: tuple[BaselineRevision, ...] = ()
    landelijk: NationalPosition | None = None
    vergelijkingswijken: GroupBand | None = None
    gemeente_mediaan_wijk: MedianWijk | None = None
    onderdrukt: str | None = None
    pretrend: PreTrend | None = None
    landelijk_delen: tuple[NationalPosition, ...] = ()

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def pijler(self) -> str:
        return self.indicator.pijler

    def changes(self, which: str = "sinds_nulmeting") -> list[tuple[str, TrendComparison]]:
        """(code, comparison) for the area as a whole, or else for each part that has one."""
        whole = getattr(self, which)
        if whole is not None:
            return [(self.focus.code, whole)]
        return [(p.code, getattr(p, which)) for p in self.delen if getattr(p, which) is not None]


@dataclass(frozen=True)
class AreaEvaluation:
    """The evaluation of one area (``codes``) in one meting.

    ``referenties``: role -> (CBS code, name) of the comparators; ``naam``: the area's name;
    ``namen``: code -> name for parts, buurten and comparison wijken (used in sentences).
    """

    codes: tuple[str, ...]
    naam: str
    gemeente_code: str
    meting: int
    referenties: dict[str, tuple[str, str]]
    indicatoren: tuple[IndicatorEvaluation, ...]
    vergelijkingsgroep: ComparisonGroup | None = None
    vergelijkingsgroep_reden: str = ""
    namen: Mapping[str, str] = field(default_factory=dict)

    def indicator(self, ind_id: str) -> IndicatorEvaluation:
        for ie in self.indicatoren:
            if ie.id == ind_id:
                return ie
        raise KeyError(ind_id)

    def naam_van(self, code: str) -> str:
        """Display name of a code; the area's own name for its (joined) codes."""
        if code in ("+".join(self.codes), *([self.codes[0]] if len(self.codes) == 1 else [])):
            return self.naam
        return self.namen.get(code, code)

    nulmeting: int = 0

    @property
    def is_nulmeting(self) -> bool:
        return self.meting == self.nulmeting


def _previous(reg: Registries, meting: int) -> int | None:
    jaren = [m.jaar for m in reg.metingen.metingen]
    i = jaren.index(meting)
    return jaren[i - 1] if i > 0 else None


def _ref_values(data: EvaluationData, reg: Registries, ind: Indicator, focus: Value, refs: dict[str, tuple[str, str]],
                meting: int) -> dict[str, Value]:
    order = list(dict.fromkeys(([focus.bron_tabel] if focus.bron_tabel else []) + [b.tabel for b in ind.bronnen]))
    out = {}
    for role, (code, _) in refs.items():
        if focus.bron_tabel and focus.peiljaar and focus.status == "deels":
            v = value_in_table(data.idx, reg, ind.id, [code], focus.bron_tabel, focus.peiljaar)
            out[role] = v if v.beschikbaar else value_for_meting(data.idx, reg, ind.id, [code], meting, order or None)
        else:
            out[role] = value_for_meting(data.idx, reg, ind.id, [code], meting, order or None)
    return out


def _level_verdicts(data: EvaluationData, reg: Registries, ind: Indicator, kind: Kind, v: Value,
                    refs: dict[str, Value], decimals: int) -> dict[str, Verdict]:
    margin = margins_lookup(data.margins, ind.id, v.niveau)
    out = {}
    for role, ref in refs.items():
        if not reg.kernset.eenheden[ind.eenheid].vergelijkbaar and kind != "telling":
            out[role] = no_verdict("aantallen van gebieden van verschillende grootte zijn niet te vergelijken")
            continue
        sparse = _sparse_wijken(data, ind, v, ref) if kind == "telling" else None
        out[role] = judge_level(ind, reg, kind, v, ref, margin=margin, decimals=decimals, sparse=sparse)
    return out


def _sparse_wijken(data: EvaluationData, ind: Indicator, v: Value, ref: Value) -> Sparse | None:
    """The gemeente's wijken under ``MIN_INWONERS_RATE`` (not holding the area itself), summed:
    a rate per inhabitant is tested against the rest of the gemeente without them, as its median
    wijk is taken without them."""
    if ind.eenheid != "per_1000_inwoners" or not ref.code.startswith("GM") or not ref.beschikbaar:
        return None
    t = data.indicators
    sel = t[(t["indicator"] == ind.id) & (t["bron_tabel"] == ref.bron_tabel) & (t["peiljaar"] == ref.peiljaar)
            & (t["gebied_niveau"] == "wijk") & (t["gemeente_code"] == ref.code) & (t["status"] == "beschikbaar")
            & t["teller"].notna() & t["noemer"].notna() & (t["noemer"] < MIN_INWONERS_RATE)]
    own = {c[2:8] for c in v.codes}  # a wijk holding (a buurt of) the area is not left out
    sel = sel[~sel["gebied_code"].str[2:8].isin(own)]
    return Sparse(float(sel["teller"].sum()), float(sel["noemer"].sum()), len(sel)) if len(sel) else None


def _trend(data: EvaluationData, reg: Registries, ind: Indicator, kind: Kind, codes: tuple[str, ...],
           refs: dict[str, tuple[str, str]], tabel: str | None, naar: int | None, earlier: int | None,
           decimals: int, niveau: str) -> TrendComparison | None:
    if tabel is None or naar is None or earlier is None:
        return None
    van = reg.meting(earlier).peiljaren.get(tabel)
    if van is None or van == naar:
        return None
    margin = margins_lookup(data.margins, ind.id, niveau)
    return trend_comparison(data.idx, reg, ind, kind, codes, refs, tabel, van, naar, margin=margin, decimals=decimals)


def _national_peiljaar(reg: Registries, meting: int) -> int | None:
    return reg.meting(meting).peiljaren.get(NATIONAL_TABLE) or reg.nulmeting.peiljaren.get(NATIONAL_TABLE)


def evaluate_indicator(data: EvaluationData, reg: Registries, ind: Indicator, codes: tuple[str, ...],
                       refs: dict[str, tuple[str, str]], meting: int,
                       group: ComparisonGroup | None = None) -> IndicatorEvaluation:
    focus = value_for_meting(data.idx, reg, ind.id, codes, meting)
    kind = figure_kind(ind, reg, focus.bron_tabel)
    decimals = decimals_for(reg, ind.eenheid, focus.bron_tabel)
    ref_values = _ref_values(data, reg, ind, focus, refs, meting)
    onderdrukt = suppressed_rate(focus) if ind.eenheid == "per_1000_inwoners" else None
    tov = _level_verdicts(data, reg, ind, kind, focus, ref_values, decimals) if focus.beschikbaar else {
        role: no_verdict(focus.reden or "alleen per deel bekend") for role in refs}
    nul, prev = reg.nulmeting.jaar, _previous(reg, meting)
    since_nul = _trend(data, reg, ind, kind, codes, refs, focus.bron_tabel, focus.peiljaar,
                       nul if meting != nul else None, decimals, focus.niveau) if focus.beschikbaar else None
    since_prev = _trend(data, reg, ind, kind, codes, refs, focus.bron_tabel, focus.peiljaar, prev, decimals,
                        focus.niveau) if focus.beschikbaar else None
    nat_year = _national_peiljaar(reg, meting)
    nat = data.national if (data.national is not None and ind.id in data.national.columns) else None

    def position(codes_: tuple[str, ...]) -> NationalPosition | None:
        if nat is None or nat_year is None:
            return None
        at = value_in_table(data.idx, reg, ind.id, codes_, NATIONAL_TABLE, nat_year)
        if not at.beschikbaar:
            return None
        return national_position(nat, ind.id, ind.richting, at.waarde, nat_year, niveau=at.niveau,
                                 code=at.code)

    parts: list[PartEvaluation] = []
    if focus.status == "deels":
        for p in focus.delen:
            p_refs = {role: value_in_table(data.idx, reg, ind.id, [code], focus.bron_tabel, focus.peiljaar)
                      for role, (code, _) in refs.items()}
            parts.append(PartEvaluation(
                p, _level_verdicts(data, reg, ind, kind, p, p_refs, decimals),
                _trend(data, reg, ind, kind, p.codes, refs, p.bron_tabel, p.peiljaar,
                       nul if meting != nul else None, decimals, p.niveau),
                _trend(data, reg, ind, kind, p.codes, refs, p.bron_tabel, p.peiljaar, prev, decimals, p.niveau),
                position(p.codes)))
    band = group_band(group, nat, ind.id, nat_year) if (group is not None and nat is not None and nat_year) else None
    median = None
    if focus.bron_tabel and focus.peiljaar:
        median = gemeente_median_wijk(data.indicators, ind.id, refs["gemeente"][0], focus.bron_tabel, focus.peiljaar,
                                      min_inwoners=MIN_INWONERS_RATE if ind.eenheid == "per_1000_inwoners" else None) \
            if "gemeente" in refs else None
    whole_position = position(codes)
    part_positions: tuple[NationalPosition, ...] = ()
    if whole_position is None and len(codes) > 1:
        part_positions = tuple(p for p in (position((c,)) for c in codes) if p is not None)
    trend_before = None
    if group is not None and nat is not None and nat_year is not None:
        trend_before = pre_trend(group, nat, data.idx, reg, ind.id, data.margins, before=nat_year)
    return IndicatorEvaluation(
        indicator=ind, eenheid=reg.kernset.eenheden[ind.eenheid], soort=kind, decimalen=decimals, focus=focus, referenties=ref_values, tov=tov,
        delen=tuple(parts), sinds_nulmeting=since_nul, sinds_vorige=since_prev,
        herziene_basis=baseline_revisions(data.idx, reg, ind.id, codes, meting),
        landelijk=whole_position, vergelijkingswijken=band,
        gemeente_mediaan_wijk=median, onderdrukt=onderdrukt, pretrend=trend_before,
        landelijk_delen=part_positions,
    )


def comparison_group(data: EvaluationData, reg: Registries, codes: tuple[str, ...], *,
                     exclude: tuple[str, ...] | None = None, k: int = K_DEFAULT) -> tuple[ComparisonGroup | None, str]:
    """The comparison wijken of the area, or None with the reason."""
    if data.national is None or data.kerncijfers is None:
        return None, "de landelijke wijktabellen zijn niet geladen"
    baseline = reg.nulmeting.peiljaren.get(NATIONAL_TABLE)
    if baseline is None:
        return None, f"de nulmeting heeft geen peiljaar van {NATIONAL_TABLE}"
    excl = tuple(dict.fromkeys((exclude or ()) + focus_exclusions(reg)))
    try:
        group = select_comparison_wijken(codes, data.national, data.kerncijfers, exclude=excl,
                                         exclude_gemeenten=changed_indeling(reg, baseline, 2024), k=k,
                                         idx=data.idx, reg=reg, peiljaar=baseline)
    except ValueError as exc:
        return None, str(exc)
    return group, ""


def evaluate_area(
    data: EvaluationData,
    reg: Registries,
    codes: list[str] | tuple[str, ...],
    gemeente_code: str,
    meting: int,
    *,
    naam: str | None = None,
    names: Mapping[str, str] | None = None,
    indicators: list[str] | None = None,
    exclude: tuple[str, ...] | None = None,
    k: int = K_DEFAULT,
) -> AreaEvaluation:
    """Evaluate the area made of ``codes`` (CBS wijk/buurt codes) of ``gemeente_code`` in ``meting``.

    ``names``: code -> display name (default: ``data.names()``); ``naam``: the area's name
    (default: the name of its single code, or the codes joined); ``indicators``: ids to
    evaluate (default: the whole kernset); ``exclude``: extra CBS codes never chosen as
    comparison wijken (all focus areas of the registry are always excluded); ``k``: number of
    comparison wijken.
    """
    codes = tuple(codes)
    if area_level(gemeente_code) != "gemeente":
        raise ValueError(f"{gemeente_code!r} is not a gemeente code")
    names = dict(names if names is not None else data.names())
    naam = naam or (names.get(codes[0], codes[0]) if len(codes) == 1 else " + ".join(names.get(c, c) for c in codes))
    refs = {"gemeente": (gemeente_code, names.get(gemeente_code, gemeente_code)),
            "nederland": (NEDERLAND, names.get(NEDERLAND, "Nederland"))}
    group, why = comparison_group(data, reg, codes, exclude=exclude, k=k)
    if group is not None:
        for w in group.wijken:
            names.setdefault(w.code, w.naam)
    wanted = [reg.indicator(i) for i in indicators] if indicators else list(reg.kernset.indicatoren)
    evals = tuple(evaluate_indicator(data, reg, ind, codes, refs, meting, group) for ind in wanted)
    return AreaEvaluation(codes, naam, gemeente_code, meting, refs, evals, group, why, names, reg.nulmeting.jaar)
