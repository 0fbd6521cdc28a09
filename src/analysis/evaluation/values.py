"""Figures of an area (a list of CBS codes) in one table and peiljaar, with everything the
rules need: the count and population behind a rate, and the published 95 % interval.

Values are resolved by ``analysis.focus`` (same rules as the factsheets: one table and
peiljaar, parts combined only with weights of the same peiljaar, buurten when a wijk has no
figure); this module adds the numbers behind them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

import pandas as pd

from ..codes import area_level
from ..focus import AreaValue, join_reasons, resolve, resolve_in_table
from ..registries import Registries

Status = Literal["beschikbaar", "deels", "ontbreekt"]
INTERVAL_COLUMNS = ("ondergrens", "bovengrens")
LEVEL_RANK = {"land": 0, "gemeente": 1, "wijk": 2, "buurt": 3}


@dataclass(frozen=True)
class Value:
    """One area's figure for an indicator, or why there is none.

    ``status``: beschikbaar (``waarde`` set), deels (only ``delen`` have figures: parts or
    buurten side by side), ontbreekt (``reden`` says why). ``teller``/``noemer``: the count and
    population behind a rate (for a count, ``teller`` is the count). ``ondergrens``/
    ``bovengrens``: the published 95 % interval, when the source has one. ``niveau``: the
    finest area level among ``codes`` (a buurt's estimate is noisier than a wijk's).
    """

    indicator: str
    codes: tuple[str, ...]
    status: Status
    waarde: float | None = None
    peiljaar: int | None = None
    bron_tabel: str | None = None
    methode: str = ""
    reden: str = ""
    teller: float | None = None
    noemer: float | None = None
    ondergrens: float | None = None
    bovengrens: float | None = None
    delen: tuple["Value", ...] = field(default_factory=tuple)

    @property
    def beschikbaar(self) -> bool:
        return self.status == "beschikbaar"

    @property
    def code(self) -> str:
        return self.codes[0] if len(self.codes) == 1 else "+".join(self.codes)

    @property
    def niveau(self) -> str:
        return max((area_level(c) for c in self.codes), key=LEVEL_RANK.__getitem__)

    @property
    def has_interval(self) -> bool:
        return self.ondergrens is not None and self.bovengrens is not None

    def same_source(self, other: "Value") -> bool:
        return (self.bron_tabel, self.peiljaar) == (other.bron_tabel, other.peiljaar)


def missing(indicator: str, codes: list[str] | tuple[str, ...], reden: str) -> Value:
    return Value(indicator, tuple(codes), "ontbreekt", reden=reden)


def _num(x: object) -> float | None:
    if x is None or x is pd.NA:
        return None
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


class ValueIndex:
    """Fast lookups in the long indicator table (data/processed/indicatoren.csv)."""

    def __init__(self, table: pd.DataFrame):
        self.table = table
        cols = [c for c in ("teller", "noemer", *INTERVAL_COLUMNS) if c in table.columns]
        keyed = table.set_index(["indicator", "bron_tabel", "peiljaar", "gebied_code"])
        self._rows = keyed[["waarde", "status", *cols]]

    @cached_property
    def _by_indicator(self) -> dict[str, pd.DataFrame]:
        return {k: g for k, g in self.table.groupby("indicator", sort=False)}

    @cached_property
    def _by_source(self) -> dict[tuple, pd.DataFrame]:
        return {(k[0], k[1], int(k[2])): g for k, g in self.table.groupby(["indicator", "bron_tabel", "peiljaar"],
                                                                          sort=False)}

    @cached_property
    def _indexed(self) -> dict[tuple, pd.DataFrame]:
        return {}

    def indexed(self, indicator: str, tabel: str, peiljaar: int) -> pd.DataFrame:
        """The rows of one indicator, table and peiljaar, indexed by gebied_code."""
        key = (indicator, tabel, int(peiljaar))
        if key not in self._indexed:
            self._indexed[key] = self.rows_of(indicator, tabel, peiljaar).set_index("gebied_code")
        return self._indexed[key]

    def rows_of(self, indicator: str, tabel: str | None = None, peiljaar: int | None = None) -> pd.DataFrame:
        """The rows of one indicator (and table and peiljaar): a small frame that gives the
        same answers as the whole table in ``analysis.focus`` (which filters on these keys)."""
        if tabel is None:
            return self._by_indicator.get(indicator, self.table.iloc[0:0])
        return self._by_source.get((indicator, tabel, int(peiljaar)), self.table.iloc[0:0])

    @cached_property
    def _dict(self) -> dict[tuple, dict]:
        return {k: rec for k, rec in zip(self._rows.index, self._rows.to_dict("records"))}

    def row(self, indicator: str, tabel: str, peiljaar: int, code: str) -> dict | None:
        return self._dict.get((indicator, tabel, int(peiljaar), code))

    def extras(self, indicator: str, tabel: str, peiljaar: int, code: str) -> dict[str, float | None]:
        rec = self.row(indicator, tabel, peiljaar, code) or {}
        return {c: _num(rec.get(c)) for c in ("teller", "noemer", *INTERVAL_COLUMNS)}


def _count_or_teller(ind_eenheid: str, waarde: float | None, extras: dict[str, float | None]) -> float | None:
    if extras.get("teller") is not None:
        return extras["teller"]
    return waarde if ind_eenheid == "aantal" else None


def _single(idx: ValueIndex, reg: Registries, indicator: str, code: str, tabel: str, peiljaar: int,
            waarde: float, methode: str = "") -> Value:
    eenheid = reg.indicator(indicator).eenheid
    ex = idx.extras(indicator, tabel, peiljaar, code)
    return Value(indicator, (code,), "beschikbaar", waarde, peiljaar, tabel, methode,
                 teller=_count_or_teller(eenheid, waarde, ex), noemer=ex["noemer"],
                 ondergrens=ex["ondergrens"], bovengrens=ex["bovengrens"])


def from_area_value(idx: ValueIndex, reg: Registries, av: AreaValue, codes: list[str] | tuple[str, ...]) -> Value:
    """Turn a resolved ``AreaValue`` into a ``Value`` with counts, populations and intervals."""
    codes = tuple(codes)
    if av.status == "ontbreekt" or av.bron_tabel is None or av.peiljaar is None:
        return Value(av.indicator, codes, "ontbreekt", reden=av.reden)
    tabel, peiljaar = av.bron_tabel, av.peiljaar
    parts = tuple(_single(idx, reg, av.indicator, p.code, tabel, peiljaar, p.waarde)
                  for p in av.delen if p.waarde is not None)
    if av.status == "deels":
        return Value(av.indicator, codes, "deels", None, peiljaar, tabel, av.methode, av.reden, delen=parts)
    if len(codes) == 1:
        return _single(idx, reg, av.indicator, codes[0], tabel, peiljaar, av.waarde, av.methode)
    # Combined from parts (a sum, or a ratio of summed numerators and denominators).
    tellers = [p.teller for p in parts]
    noemers = [p.noemer for p in parts]
    teller = sum(tellers) if tellers and all(t is not None for t in tellers) else None
    noemer = sum(noemers) if noemers and all(n is not None for n in noemers) else None
    return Value(av.indicator, codes, "beschikbaar", av.waarde, peiljaar, tabel, av.methode,
                 teller=teller, noemer=noemer, delen=parts)


def value_in_table(idx: ValueIndex, reg: Registries, indicator: str, codes: list[str] | tuple[str, ...],
                   tabel: str, peiljaar: int) -> Value:
    """The figure of the area ``codes`` from one table and peiljaar."""
    av, reasons = resolve_in_table(idx.rows_of(indicator, tabel, peiljaar), reg, indicator, list(codes), tabel,
                                   peiljaar, rows=idx.indexed(indicator, tabel, peiljaar))
    if av is None:
        return missing(indicator, codes, join_reasons(reasons) or f"Geen cijfer in {tabel} {peiljaar}.")
    return from_area_value(idx, reg, av, codes)


def value_for_meting(idx: ValueIndex, reg: Registries, indicator: str, codes: list[str] | tuple[str, ...],
                     meting: int, tabellen: list[str] | None = None) -> Value:
    """The figure the factsheet of ``meting`` shows for the area ``codes``."""
    av = resolve(idx.rows_of(indicator), reg, indicator, list(codes), meting, tabellen=tabellen,
                 rows_for=lambda tabel, peiljaar: idx.indexed(indicator, tabel, peiljaar))
    return from_area_value(idx, reg, av, codes)
