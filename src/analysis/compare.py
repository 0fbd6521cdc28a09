"""The comparisons on a factsheet: focus area against gemeente and Nederland, and change
since the previous meting and the nulmeting.

Rules that keep the comparisons honest:

* two values are only compared when they come from the same source table and peiljaar
  (one edition, one way of counting);
* a gap smaller than the unit's threshold (data/kernset.yml, ``drempel``) is
  "vergelijkbaar": the estimates cannot resolve it;
* counts are not compared between areas of different size;
* direction comes from the indicator (hoger_beter / lager_beter); neutral indicators get
  "hoger" / "lager" without a judgement;
* change is measured within one table: a later meting is set against the same table's
  peiljaar of the earlier meting (for ervaren gezondheid the re-estimated 50150NED 2020,
  not the 50090NED figure the nulmeting printed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from .gebied import Gebied
from .focus import AreaValue, PartValue, resolve, resolve_in_table
from .registries import Registries
from .registry_models import Indicator

Oordeel = Literal["gunstiger", "ongunstiger", "vergelijkbaar", "hoger", "lager", "geen"]
SYMBOL = {"gunstiger": "▲", "ongunstiger": "▼", "vergelijkbaar": "=", "hoger": "↑", "lager": "↓", "geen": ""}


@dataclass(frozen=True)
class Verdict:
    oordeel: Oordeel
    reden: str = ""

    @property
    def symbool(self) -> str:
        return SYMBOL[self.oordeel]

    @property
    def judged(self) -> bool:
        return self.oordeel in ("gunstiger", "ongunstiger")


@dataclass(frozen=True)
class Change:
    van: float
    naar: float
    van_peiljaar: int
    naar_peiljaar: int
    bron_tabel: str
    verdict: Verdict

    @property
    def verschil(self) -> float:
        return self.naar - self.van


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    focus: AreaValue
    gemeente: AreaValue
    nederland: AreaValue
    tov_gemeente: Verdict
    tov_nederland: Verdict
    sinds_vorige: Change | None
    sinds_nulmeting: Change | None
    gemeente_sinds_nulmeting: Change | None
    nederland_sinds_nulmeting: Change | None
    # For a focus area known part by part (or buurt by buurt): each part's change, same order.
    delen_sinds_vorige: tuple[Change | None, ...] = ()
    delen_sinds_nulmeting: tuple[Change | None, ...] = ()


def verdict(ind: Indicator, reg: Registries, value: float, ref: float) -> Verdict:
    eenheid = reg.kernset.eenheden[ind.eenheid]
    if not eenheid.verschil_relevant(value, ref):
        return Verdict("vergelijkbaar")
    higher = value > ref
    if ind.richting == "neutraal":
        return Verdict("hoger" if higher else "lager")
    better = higher if ind.richting == "hoger_beter" else not higher
    return Verdict("gunstiger" if better else "ongunstiger")


def compare_values(ind: Indicator, reg: Registries, a: AreaValue, b: AreaValue) -> Verdict:
    if not (a.beschikbaar and b.beschikbaar):
        return Verdict("geen", "een van beide cijfers ontbreekt")
    if (a.bron_tabel, a.peiljaar) != (b.bron_tabel, b.peiljaar):
        return Verdict("geen", "andere bron of ander peiljaar")
    if not reg.kernset.eenheden[ind.eenheid].vergelijkbaar:
        return Verdict("geen", "aantallen van gebieden van verschillende grootte zijn niet te vergelijken")
    return verdict(ind, reg, a.waarde, b.waarde)


def part_verdict(part: PartValue, focus: AreaValue, ref: AreaValue, ind: Indicator, reg: Registries) -> Verdict:
    """A part of a focus area (or a buurt in it) against a comparator, by the same rules."""
    if part.waarde is None:
        return Verdict("geen", "geen cijfer")
    whole = AreaValue(ind.id, "beschikbaar", part.waarde, focus.peiljaar, focus.bron_tabel)
    return compare_values(ind, reg, whole, ref)


def change_since(
    table: pd.DataFrame, reg: Registries, ind: Indicator, codes: list[str], now: AreaValue, earlier_meting: int
) -> Change | None:
    """Change of ``now`` since ``earlier_meting``, within the same source table."""
    if not now.beschikbaar or now.bron_tabel is None:
        return None
    peiljaar = reg.meting(earlier_meting).peiljaren.get(now.bron_tabel)
    if peiljaar is None or peiljaar == now.peiljaar:
        return None
    before, _ = resolve_in_table(table, reg, ind.id, codes, now.bron_tabel, peiljaar)
    if before is None or not before.beschikbaar:
        return None
    return Change(before.waarde, now.waarde, peiljaar, now.peiljaar, now.bron_tabel,
                  verdict(ind, reg, now.waarde, before.waarde))


def previous_meting(reg: Registries, meting: int) -> int | None:
    jaren = [m.jaar for m in reg.metingen.metingen]
    i = jaren.index(meting)
    return jaren[i - 1] if i > 0 else None


def indicator_row(table: pd.DataFrame, reg: Registries, gebied: Gebied, ind: Indicator, meting: int) -> IndicatorRow:
    codes = gebied.codes
    gemeente = gebied.gemeente
    focus = resolve(table, reg, ind.id, codes, meting)
    # Comparators try the focus value's table first, so that like is compared with like.
    order = list(dict.fromkeys(([focus.bron_tabel] if focus.bron_tabel else []) + [b.tabel for b in ind.bronnen]))
    gem = resolve(table, reg, ind.id, [gemeente.code], meting, tabellen=order or None)
    nl = resolve(table, reg, ind.id, [reg.gebieden.nederland.code], meting, tabellen=order or None)
    nul = reg.nulmeting.jaar
    prev = previous_meting(reg, meting)

    def part_changes(earlier: int | None) -> tuple[Change | None, ...]:
        if focus.status != "deels" or earlier is None or earlier == meting:
            return ()
        return tuple(
            change_since(table, reg, ind, [p.code],
                         AreaValue(ind.id, "beschikbaar", p.waarde, focus.peiljaar, focus.bron_tabel), earlier)
            if p.waarde is not None else None
            for p in focus.delen
        )

    return IndicatorRow(
        indicator=ind,
        focus=focus,
        gemeente=gem,
        nederland=nl,
        tov_gemeente=compare_values(ind, reg, focus, gem),
        tov_nederland=compare_values(ind, reg, focus, nl),
        sinds_vorige=change_since(table, reg, ind, codes, focus, prev) if prev else None,
        sinds_nulmeting=change_since(table, reg, ind, codes, focus, nul) if meting != nul else None,
        gemeente_sinds_nulmeting=change_since(table, reg, ind, [gemeente.code], gem, nul) if meting != nul else None,
        nederland_sinds_nulmeting=(change_since(table, reg, ind, [reg.gebieden.nederland.code], nl, nul)
                                   if meting != nul else None),
        delen_sinds_vorige=part_changes(prev),
        delen_sinds_nulmeting=part_changes(nul),
    )


def factsheet_rows(table: pd.DataFrame, reg: Registries, gebied: Gebied, meting: int) -> list[IndicatorRow]:
    return [indicator_row(table, reg, gebied, ind, meting) for ind in reg.kernset.indicatoren]
