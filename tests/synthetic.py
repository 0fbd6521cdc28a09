"""Small synthetic indicator tables for unit tests: rows in exactly the shape of
data/processed/indicatoren.csv, with level, gemeente and meting filled in."""

from __future__ import annotations

import math

import pandas as pd

from analysis.build.indicators import COLUMNS
from analysis.codes import area_level, gemeente_of
from analysis.registries import load_registries

REG = load_registries()
NAN = float("nan")


def row(indicator: str, code: str, peiljaar: int, waarde: float | None, tabel: str, *,
        status: str | None = None, reden: str = "", teller: float = NAN, noemer: float = NAN) -> dict:
    """One row of the long indicator table, with level, gemeente and meting filled in."""
    if status is None:
        status = "beschikbaar" if waarde is not None else "ontbreekt"
    if status == "beschikbaar":
        assert waarde is not None and not math.isnan(waarde), "a beschikbaar row needs a waarde"
    else:
        assert waarde is None or math.isnan(waarde), "an ontbreekt row has no waarde"
        assert reden, "an ontbreekt row says why"
    return {
        "indicator": indicator,
        "gebied_code": code,
        "gebied_niveau": area_level(code),
        "gemeente_code": gemeente_of(code) or "",
        "peiljaar": peiljaar,
        "meting": REG.meting_of(tabel, peiljaar),
        "waarde": NAN if waarde is None else float(waarde),
        "status": status,
        "reden": reden,
        "bron_tabel": tabel,
        "bestand": "synthetisch",
        "teller": float(teller),
        "noemer": float(noemer),
        "methode": "",
    }


def table(*rows: dict) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=COLUMNS)
    df["peiljaar"] = df["peiljaar"].astype(int)
    df["meting"] = pd.array([pd.NA if m is None or pd.isna(m) else int(m) for m in df["meting"]], dtype="Int64")
    for col in ("waarde", "teller", "noemer"):
        df[col] = df[col].astype(float)
    for col in ("indicator", "gebied_code", "gebied_niveau", "gemeente_code", "status", "reden", "bron_tabel",
                "bestand", "methode"):
        df[col] = df[col].astype(str)
    return df
