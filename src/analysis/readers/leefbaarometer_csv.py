"""Leefbaarometer scores per wijk or buurt, as the open-data download (CSV, one line per area
and year). The column names are declared in the bestand's ``opties`` (``code``, ``jaar``,
``score``) so that a renamed column in a new release stops the build instead of being
guessed."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd

from ..codes import AREA_CODE
from ..errors import SourceError
from ._common import SourceData, number_cell, read_text_strict, with_obs_columns

TABLE = "leefbaarometer"


def read_leefbaarometer_csv(path: Path, opties: dict[str, Any] | None = None) -> SourceData:
    path = Path(path)
    opties = opties or {}
    code_col, year_col, score_col = (opties.get(k, d) for k, d in (("code", "gebiedcode"), ("jaar", "jaar"),
                                                                     ("score", "lbm")))
    text = read_text_strict(path)
    header = text.splitlines()[0]
    if "," not in header:
        raise SourceError(path, "expected ','-separated values in the header", row=1)
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in reader.fieldnames or []]
    for col in (code_col, year_col, score_col):
        if col not in fields:
            raise SourceError(path, f"missing column {col!r}", row=1, column=col)
    rows = []
    seen: dict[tuple[str, int], int] = {}
    for line_no, rec in enumerate(reader, start=2):
        if None in rec or any(v is None for v in rec.values()):
            raise SourceError(path, "wrong number of fields on this line", row=line_no)
        code = rec[code_col].strip()
        if not AREA_CODE.match(code):
            raise SourceError(path, f"unknown area code {code!r}", row=line_no, column=code_col)
        try:
            year = int(rec[year_col].strip())
        except ValueError:
            raise SourceError(path, f"not a year: {rec[year_col]!r}", row=line_no, column=year_col) from None
        if (code, year) in seen:
            raise SourceError(path, f"duplicate row for {code} / {year} (also line {seen[(code, year)]})",
                              row=line_no, column=code_col)
        seen[(code, year)] = line_no
        value = number_cell(path, rec[score_col], line_no, score_col)
        if value is not None and value < 0:
            raise SourceError(path, f"negative score {value!r}", row=line_no, column=score_col)
        rows.append({"gebied_code": code, "peiljaar": year, "kolom": score_col, "waarde": value,
                     "reden": "" if value is not None else "niet beschikbaar bij de bron (leeg)",
                     "bron_tabel": TABLE, "leeftijd": "", "bron_rij": str(line_no)})
    if not rows:
        raise SourceError(path, "no data lines after the header", row=2)
    obs = pd.DataFrame(rows)
    obs["waarde"] = obs["waarde"].astype(float)
    return SourceData(with_obs_columns(obs))
