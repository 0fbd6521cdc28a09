"""A third party's GeoJSON of gemeente polygons with derived gemeente-level indicators.

Property names are that party's own. Read are:

* the crime counts (``cr_*``), for the year the file states in ``cr_jaar``; their totals
  equal the sums of Politie table 47022NED;
* the Kerncijfers-style properties listed in the bestand's ``opties.kwb_kolommen``, for the
  Kerncijfers edition of the file's year (``metadata.year``, which must agree with the year in
  the file name), mapped to a table by ``opties.kwb_tabellen``. For 2023 these properties
  equal the CBS file for Utrecht on every field; the others are not checked and not read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from ..codes import LEVEL_PATTERN
from ..errors import SourceError
from ._common import SourceData, empty_observations, read_json, with_obs_columns
from .wijk_geojson import read_features

TABLE = "47022NED"
YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# Properties that are whole percentages in this file.
PERCENT = {"0_15", "65plus", "koopwoningen"}


def _file_year(path: Path, doc: dict[str, Any]) -> int | None:
    meta = doc.get("metadata") or {}
    year = meta.get("year")
    named = YEAR_IN_NAME.search(path.name)
    if year is None:
        return int(named.group(1)) if named else None
    if not isinstance(year, int) or isinstance(year, bool):
        raise SourceError(path, f"metadata.year {year!r} is not a year", row="metadata", column="year")
    if named and int(named.group(1)) != year:
        raise SourceError(path, f"the file says it is about {year} (metadata.year) but its name says "
                                f"{named.group(1)}", row="metadata", column="year")
    return year


def _number(path: Path, value: object, where: str, key: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise SourceError(path, f"not a count: {value!r}", row=where, column=key)
    if key in PERCENT and value > 100:
        raise SourceError(path, f"percentage {value!r} outside 0-100", row=where, column=key)
    return float(value)


def read_geoinzicht(path: Path, opties: dict[str, Any] | None = None) -> SourceData:
    path = Path(path)
    opties = opties or {}
    doc = read_json(path)
    feats = read_features(path, doc)
    year = _file_year(path, doc)
    kwb_table = {int(k): v for k, v in (opties.get("kwb_tabellen") or {}).items()}.get(year)
    kwb_columns = list(opties.get("kwb_kolommen") or []) if kwb_table else []
    rows = []
    seen: dict[str, str] = {}
    for i, feat in enumerate(feats):
        where = f"features[{i}]"
        props = feat.get("properties") or {}
        code = str(props.get("gemeentecode", "")).strip()
        if not LEVEL_PATTERN["gemeente"].match(code):
            raise SourceError(path, f"unknown area code {props.get('gemeentecode')!r}", row=where,
                              column="gemeentecode")
        if code in seen:
            raise SourceError(path, f"duplicate gemeentecode {code} (also {seen[code]})", row=where,
                              column="gemeentecode")
        seen[code] = where
        at = f"{where} ({code})"
        crime = {k: v for k, v in props.items() if k.startswith("cr_") and k != "cr_jaar"}
        if crime:
            cr_year = props.get("cr_jaar")
            if not isinstance(cr_year, int) or isinstance(cr_year, bool) or not 2000 <= cr_year <= 2100:
                raise SourceError(path, f"cr_jaar {cr_year!r} is not a year", row=at, column="cr_jaar")
            for key, value in sorted(crime.items()):
                rows.append(_row(code, cr_year, key, _number(path, value, at, key), TABLE, at))
        for key in kwb_columns:
            if key not in props:
                continue  # a gemeente without data; a column absent from every feature is reported below
            rows.append(_row(code, year, key, _number(path, props[key], at, key), kwb_table, at))
    missing = [k for k in kwb_columns if not any(k in (f.get("properties") or {}) for f in feats)]
    if missing:
        raise SourceError(path, f"missing property {missing[0]!r} (table {kwb_table})", row="features",
                          column=missing[0])
    if not rows:
        return SourceData(empty_observations())
    obs = pd.DataFrame(rows)
    obs["waarde"] = obs["waarde"].astype(float)
    return SourceData(with_obs_columns(obs))


def _row(code: str, year: int, key: str, value: float | None, table: str, where: str) -> dict[str, Any]:
    return {"gebied_code": code, "peiljaar": year, "kolom": key, "waarde": value,
            "reden": "" if value is not None else "niet beschikbaar bij de bron (null)",
            "bron_tabel": table, "leeftijd": "", "bron_rij": where}
