"""National context: where an area stands among all Dutch wijken on one indicator.

The national table (``gezondheid_wijken_nl``) holds every Dutch wijk. An area's position is
its mid-rank percentile: the share of wijken with a lower value plus half of those with the
same value. The sentence uses the side the area is closest to and the smallest round share
that is still true ("hoort bij de 5% wijken met de laagste ervaren gezondheid" is true when at
most 5 % of all wijken have the same or a lower value).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .cache import derived
from .text import lower_first, nl_num

BANDS = (1, 2, 5, 10, 20, 25, 30, 40)
NATIONAL_TABLE = "50090NED"  # the source of gezondheid_wijken_nl.csv (18+)


@dataclass(frozen=True)
class NationalPosition:
    """``percentiel``: share (0–100) of wijken below the value, ties counted half.
    ``aandeel_tot_en_met``/``aandeel_vanaf``: shares with a value <= / >= it.
    ``gunstig_percentiel``: the percentile turned so that 100 is the most favourable end
    (None for neutral indicators)."""

    indicator: str
    peiljaar: int
    bron_tabel: str
    waarde: float
    aantal_wijken: int
    rang_van_laag: int  # 1 = lowest value
    percentiel: float
    aandeel_tot_en_met: float
    aandeel_vanaf: float
    gunstig_percentiel: float | None
    niveau: str = "wijk"  # level of the area placed (a buurt is placed among wijken)
    code: str = ""  # the area placed (joined codes for an area of several parts)

    def zin(self, label: str, naam: str) -> str:
        """'Overvecht hoort bij de 5% wijken van Nederland met het laagste cijfer voor ervaren
        gezondheid (2020).'"""
        label = lower_first(label)
        side, share = (("laagste", self.aandeel_tot_en_met) if self.percentiel <= 50
                       else ("hoogste", self.aandeel_vanaf))
        band = next((b for b in BANDS if share <= b), None)
        wie = f"{naam} (een buurt)" if self.niveau == "buurt" else naam
        if band is None:
            return f"Bij {label} zit {wie} rond het midden van alle wijken van Nederland ({self.peiljaar})."
        return f"{wie} hoort bij de {band}% wijken van Nederland met het {side} cijfer voor {label} ({self.peiljaar})."

    def rang_tekst(self) -> str:
        return f"plaats {nl_num(self.rang_van_laag, 0)} van {nl_num(self.aantal_wijken, 0)} (1 = laagste)"


def national_values(national: pd.DataFrame, indicator: str, peiljaar: int,
                    tabel: str = NATIONAL_TABLE) -> pd.Series:
    """Values of all wijken for one indicator and peiljaar, indexed by wijk code."""
    if indicator not in national.columns:
        return pd.Series(dtype=float)

    def compute() -> pd.Series:
        sel = national[national["peiljaar"] == peiljaar]
        if "bron_tabel" in sel.columns:
            sel = sel[sel["bron_tabel"] == tabel]
        return sel.set_index("wijk_code")[indicator].dropna().astype(float)

    return derived(national, ("national_values", indicator, int(peiljaar), tabel), compute)


def percentile_of(values: pd.Series | np.ndarray, value: float) -> tuple[float, float, float, int]:
    """(mid-rank percentile, share <= value, share >= value, rank from low) of ``value``."""
    arr = np.asarray(values, dtype=float)
    arr = arr[~np.isnan(arr)]
    n = len(arr)
    if n == 0:
        raise ValueError("no values to place the area among")
    below = int((arr < value).sum())
    equal = int((arr == value).sum())
    above = int((arr > value).sum())
    pct = 100.0 * (below + 0.5 * equal) / n
    return pct, 100.0 * (below + equal) / n, 100.0 * (above + equal) / n, below + 1


def national_position(national: pd.DataFrame, indicator: str, richting: str, value: float, peiljaar: int, *,
                      tabel: str = NATIONAL_TABLE, niveau: str = "wijk", code: str = "",
                      exclude: tuple[str, ...] = ()) -> NationalPosition | None:
    """Position of ``value`` among all Dutch wijken (minus ``exclude``) in ``peiljaar``."""
    vals = national_values(national, indicator, peiljaar, tabel)
    if exclude:
        vals = vals.drop(index=[c for c in exclude if c in vals.index])
    if vals.empty or value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    pct, le, ge, rank = percentile_of(vals.to_numpy(), value)
    fav = None if richting == "neutraal" else (pct if richting == "hoger_beter" else 100.0 - pct)
    return NationalPosition(indicator, int(peiljaar), tabel, float(value), len(vals), rank, pct, le, ge, fav, niveau,
                            code)
