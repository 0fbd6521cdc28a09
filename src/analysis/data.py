"""Load the committed tables in data/processed/ with the right types, validated.

Codes stay strings (leading zeros), metingen are nullable integers, values floats.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .build import OUTPUTS
from .errors import SourceError
from .validation import validate
from .paths import processed_dir
from .registries import registries
from .schemas import AREA_SCHEMA, AVAILABILITY_SCHEMA, indicator_schema, national_schema

_TEXT = {"indicator", "gebied_code", "gebied_niveau", "gemeente_code", "wijk_code", "status", "reden",
         "bron_tabel", "bestand", "methode", "naam", "pijler", "focusgebied", "wijk_naam", "gemeente_naam",
         "leeftijd"}


def _read_csv(path: Path, ints: tuple[str, ...] = (), nullable_ints: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read a processed CSV; the index is the line number in the file (header = line 1)."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])
    df.index = pd.RangeIndex(2, len(df) + 2)
    for col in df.columns:
        if col in _TEXT or col.endswith("_code"):
            continue
        text = df[col].replace("", None)
        numbers = pd.to_numeric(text, errors="coerce")
        bad = numbers.isna() & text.notna()
        if bad.any():
            line = int(bad[bad].index[0])
            raise SourceError(path, f"not a number: {df.at[line, col]!r}", row=line, column=col)
        if col in ints:
            if numbers.isna().any():
                line = int(numbers[numbers.isna()].index[0])
                raise SourceError(path, "value required", row=line, column=col)
            df[col] = numbers.astype(int)
        elif col in nullable_ints:
            df[col] = numbers.astype("Int64")
        else:
            df[col] = numbers.astype(float)
    return df


def _folder(folder: str | Path | None) -> Path:
    return Path(folder) if folder is not None else processed_dir()


def indicator_path(folder: str | Path | None = None) -> Path:
    return _folder(folder) / OUTPUTS["indicatoren"]


@lru_cache(maxsize=4)
def _indicators_unvalidated(folder: str | None) -> pd.DataFrame:
    return _read_csv(indicator_path(folder), ints=("peiljaar",), nullable_ints=("meting",))


def validate_indicators(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Check (part of) the indicator table; a failure names the file, line and column."""
    percent = [i.id for i in registries().kernset.indicatoren if i.eenheid == "procent"]
    return validate(df, indicator_schema(percent), path)


def load_indicators(folder: str | None = None, *, gemeente: str | None = None) -> pd.DataFrame:
    """The indicator table, validated. With ``gemeente`` (a CBS code) only that gemeente's
    rows and Nederland's are loaded and checked, so bad rows of one gemeente do not stop
    the pages of the others."""
    df = _indicators_unvalidated(None if folder is None else str(folder))
    if gemeente is not None:
        df = df[(df["gemeente_code"] == gemeente) | (df["gebied_code"] == registries().gebieden.nederland.code)]
    return validate_indicators(df, indicator_path(folder))


@lru_cache(maxsize=4)
def load_areas(folder: str | None = None) -> pd.DataFrame:
    df = _read_csv(_folder(folder) / OUTPUTS["gebieden"], ints=("indeling",))
    return AREA_SCHEMA.validate(df)


def area_names(areas: pd.DataFrame) -> dict[str, str]:
    """code -> its name in the most recent indeling that names it."""
    named = areas[areas["naam"].ne("")].sort_values("indeling")
    return dict(zip(named["gebied_code"], named["naam"]))


@lru_cache(maxsize=4)
def load_availability(folder: str | None = None) -> pd.DataFrame:
    df = _read_csv(_folder(folder) / OUTPUTS["beschikbaarheid"], ints=("meting",), nullable_ints=("peiljaar",))
    return AVAILABILITY_SCHEMA.validate(df)


@lru_cache(maxsize=4)
def load_national(folder: str | None = None) -> pd.DataFrame:
    df = _read_csv(_folder(folder) / OUTPUTS["gezondheid_wijken_nl"], ints=("peiljaar",))
    return national_schema(list(df.columns[3:])).validate(df)


@lru_cache(maxsize=4)
def load_geometry(folder: str | None = None) -> dict[str, Any]:
    return json.loads((_folder(folder) / OUTPUTS["geometrie"]).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_national_kerncijfers(folder: str | None = None) -> pd.DataFrame:
    """Size, density and age shares of every Dutch wijk (2024 indeling, peiljaar 2024), with names."""
    from .schemas import NATIONAL_KERNCIJFERS_SCHEMA

    df = _read_csv(_folder(folder) / OUTPUTS["kerncijfers_wijken_nl"], ints=("peiljaar",))
    return NATIONAL_KERNCIJFERS_SCHEMA.validate(df)


@lru_cache(maxsize=4)
def load_change_margins(folder: str | None = None) -> pd.DataFrame:
    """Spread of changes across all Dutch wijken and buurten (derived margins for model estimates)."""
    from .schemas import CHANGE_MARGINS_SCHEMA

    df = _read_csv(_folder(folder) / OUTPUTS["veranderingsmarges_nl"],
                   ints=("van_peiljaar", "naar_peiljaar", "aantal_gebieden"))
    return CHANGE_MARGINS_SCHEMA.validate(df)
