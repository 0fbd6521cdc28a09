"""Lookup tables of CBS area names: ``statcode`` plus one name column per indeling year
(``naam_2024_cbs_wijkkaart``, ``statnaam_2020_cbs_buurtkaart`` ...)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from ..errors import SourceError
from ..codes import AREA_CODE
from ._common import SourceData, empty_observations, read_text_strict

NAME_COLUMN = re.compile(r"naam_(\d{4})")


def read_names_csv(path: Path) -> SourceData:
    path = Path(path)
    text = read_text_strict(path)
    header = text.splitlines()[0]
    if "," not in header:
        raise SourceError(path, "expected ','-separated values in the header", row=1)
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames or []
    if "statcode" not in fields:
        raise SourceError(path, "missing column 'statcode'", row=1, column="statcode")
    name_cols = {c: int(m.group(1)) for c in fields if (m := NAME_COLUMN.search(c))}
    if not name_cols:
        raise SourceError(path, "no name column like 'naam_2024_...'", row=1)
    rows = []
    seen: dict[str, int] = {}
    for line_no, rec in enumerate(reader, start=2):
        code = (rec.get("statcode") or "").strip()
        if not AREA_CODE.match(code):
            raise SourceError(path, f"unknown area code {code!r}", row=line_no, column="statcode")
        if code in seen:
            raise SourceError(path, f"duplicate statcode {code} (also line {seen[code]})", row=line_no,
                              column="statcode")
        seen[code] = line_no
        for col, year in name_cols.items():
            naam = (rec.get(col) or "").strip()
            if naam:
                rows.append({"gebied_code": code, "naam": naam, "indeling": year})
    if not rows:
        raise SourceError(path, "no names found", row=2)
    return SourceData(empty_observations(), namen=pd.DataFrame(rows))
