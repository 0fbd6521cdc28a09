"""Load the committed tables in data/processed/ with the right types, validated.

Codes stay strings (leading zeros), metingen are nullable integers, values floats.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import SourceError
from .paths import processed_dir
from .processed import (
    BESCHIKBAARHEID,
    FILES,
    GEBIEDEN,
    GEZONDHEID_WIJKEN_NL,
    INDICATOREN,
    KERNCIJFERS_WIJKEN_NL,
    VERANDERINGSMARGES_NL,
    Table,
)
from .registries import registries
from .schemas import AREA_SCHEMA, AVAILABILITY_SCHEMA, indicator_schema, national_schema
from .validation import validate


def read_table(path: Path, table: Table) -> pd.DataFrame:
    """Read a processed CSV with the contract's dtypes; the index is the line number in the file
    (header = line 1), so that a failing check names the line a person finds in the file."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])
    df.index = pd.RangeIndex(2, len(df) + 2)
    for col in df.columns:
        kind = table.dtype_of(col)
        if kind == "str":
            continue
        text = df[col].replace("", None)
        numbers = pd.to_numeric(text, errors="coerce")
        bad = numbers.isna() & text.notna()
        if bad.any():
            line = int(bad[bad].index[0])
            raise SourceError(path, f"not a number: {df.at[line, col]!r}", row=line, column=col)
        if kind == "int":
            if numbers.isna().any():
                line = int(numbers[numbers.isna()].index[0])
                raise SourceError(path, "value required", row=line, column=col)
            df[col] = numbers.astype(int)
        elif kind == "Int64":
            df[col] = numbers.astype("Int64")
        else:
            df[col] = numbers.astype(float)
    return df


def _folder(folder: str | Path | None) -> Path:
    return Path(folder) if folder is not None else processed_dir()


def indicator_path(folder: str | Path | None = None) -> Path:
    return _folder(folder) / INDICATOREN.file


@lru_cache(maxsize=4)
def _indicators_unvalidated(folder: str | None) -> pd.DataFrame:
    return read_table(indicator_path(folder), INDICATOREN)


def validate_indicators(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Check (part of) the indicator table; a failure names the file, line and column."""
    percent = [i.id for i in registries().kernset.indicatoren if i.eenheid == "procent"]
    return validate(df, indicator_schema(percent), path)


def load_indicators(folder: str | None = None, *, gemeente: str | None = None) -> pd.DataFrame:
    """The indicator table, validated. With ``gemeente`` (a CBS code) only that gemeente's
    rows and Nederland's are loaded and checked, so bad rows of one gemeente do not stop
    the pages of the others. Kept for the life of the process (a batch of wijk profiles
    reads the same gemeente again and again); the returned frame must not be changed."""
    return _validated(None if folder is None else str(folder), gemeente)


@lru_cache(maxsize=16)
def _validated(folder: str | None, gemeente: str | None) -> pd.DataFrame:
    df = _indicators_unvalidated(folder)
    if gemeente is not None:
        df = df[(df["gemeente_code"] == gemeente) | (df["gebied_code"] == registries().gebieden.nederland.code)]
    return validate_indicators(df, indicator_path(folder))


@lru_cache(maxsize=4)
def load_areas(folder: str | None = None) -> pd.DataFrame:
    df = read_table(_folder(folder) / GEBIEDEN.file, GEBIEDEN)
    return AREA_SCHEMA.validate(df)


def area_names(areas: pd.DataFrame) -> dict[str, str]:
    """code -> its name in the most recent indeling that names it."""
    named = areas[areas["naam"].ne("")].sort_values("indeling")
    return dict(zip(named["gebied_code"], named["naam"]))


@lru_cache(maxsize=4)
def load_availability(folder: str | None = None) -> pd.DataFrame:
    df = read_table(_folder(folder) / BESCHIKBAARHEID.file, BESCHIKBAARHEID)
    return AVAILABILITY_SCHEMA.validate(df)


@lru_cache(maxsize=4)
def load_national(folder: str | None = None) -> pd.DataFrame:
    df = read_table(_folder(folder) / GEZONDHEID_WIJKEN_NL.file, GEZONDHEID_WIJKEN_NL)
    return national_schema(list(df.columns[3:])).validate(df)


@lru_cache(maxsize=4)
def load_geometry(folder: str | None = None) -> dict[str, Any]:
    return json.loads((_folder(folder) / FILES["geometrie"]).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_national_kerncijfers(folder: str | None = None) -> pd.DataFrame:
    """Size, density and age shares of every Dutch wijk (2024 indeling, peiljaar 2024), with names."""
    from .schemas import NATIONAL_KERNCIJFERS_SCHEMA

    return NATIONAL_KERNCIJFERS_SCHEMA.validate(read_table(_folder(folder) / KERNCIJFERS_WIJKEN_NL.file,
                                                           KERNCIJFERS_WIJKEN_NL))


@lru_cache(maxsize=4)
def load_change_margins(folder: str | None = None) -> pd.DataFrame:
    """Spread of changes across all Dutch wijken and buurten (derived margins for model estimates)."""
    from .schemas import CHANGE_MARGINS_SCHEMA

    return CHANGE_MARGINS_SCHEMA.validate(read_table(_folder(folder) / VERANDERINGSMARGES_NL.file,
                                                     VERANDERINGSMARGES_NL))


ABROAD = "GM0998"  # the wijk map's "Buitenland": not a Dutch wijk


@lru_cache(maxsize=4)
def load_wijken_nl(folder: str | None = None) -> pd.DataFrame:
    """Every wijk of the Netherlands (indeling of the national wijk map) with its name and gemeente."""
    df = load_national_kerncijfers(folder)
    df = df[df["gemeente_code"] != ABROAD]
    return df.rename(columns={"wijk_naam": "naam"})[["wijk_code", "naam", "gemeente_code", "gemeente_naam"]]


def load_area_table(gebied, reg=None) -> pd.DataFrame:
    """The indicator rows a page about ``gebied`` needs: its gemeente's rows and Nederland's.

    The gemeenten of gebieden.yml have the full kernset in indicatoren.csv; any other wijk gets
    the figures that exist for every Dutch wijk (the national tables), in the same long form."""
    reg = reg or registries()
    if gebied.gemeente.code in reg.gemeente_codes:
        return load_indicators(gemeente=gebied.gemeente.code)
    from .national_rows import national_area_rows

    return national_area_rows(gebied.gemeente.code, reg)
