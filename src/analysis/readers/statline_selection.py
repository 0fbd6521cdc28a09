"""A selection of a StatLine OData table as JSON: ``{area code: {OData column key: value}}``.

Used for 85984NED (Kerncijfers wijken en buurten 2024): column keys like
``AantalInwoners_5``, read by their name without the position number (``AantalInwoners``). The peiljaar is the Kerncijfers edition in the file name
(``..._kwb2024_...``). ``null`` means not available.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from ..errors import SourceError
from ..codes import AREA_CODE
from ..validation import validate
from ._common import NULL_REASON, SourceData, melt_observations, read_json, strip_positions

EDITION = re.compile(r"kwb[-_]?(\d{4})", re.IGNORECASE)
COLUMN_KEY = re.compile(r"^[A-Za-z0-9]+_\d+$")


def read_statline_selection(path: Path) -> SourceData:
    path = Path(path)
    m = EDITION.search(path.name)
    if not m:
        raise SourceError(path, "cannot tell the edition year: expected 'kwbYYYY' in the file name")
    peiljaar = int(m.group(1))
    doc = read_json(path)
    if not isinstance(doc, dict) or not doc:
        raise SourceError(path, "expected a non-empty object keyed by area code")
    columns: list[str] | None = None
    rows = []
    for code, rec in doc.items():
        if not AREA_CODE.match(code):
            raise SourceError(path, f"unknown area code {code!r}", row=code)
        if not isinstance(rec, dict):
            raise SourceError(path, "expected an object of column values", row=code)
        if columns is None:
            columns = sorted(rec)
            bad = [c for c in columns if not COLUMN_KEY.match(c)]
            if bad:
                raise SourceError(path, "not a StatLine column key", row=code, column=bad[0])
        elif sorted(rec) != columns:
            missing = sorted(set(columns) - set(rec)) or sorted(set(rec) - set(columns))
            raise SourceError(path, "record has other columns than the first record", row=code, column=missing[0])
        for col, val in rec.items():
            if val is not None and (isinstance(val, bool) or not isinstance(val, (int, float))):
                raise SourceError(path, f"not a number: {val!r}", row=code, column=col)
        rows.append({"gebied_code": code, **rec})
    wide = pd.DataFrame(rows).set_index("gebied_code", drop=False)
    values = wide[columns].astype(float)
    validate(values, pa.DataFrameSchema({c: pa.Column(float, pa.Check.ge(0, error="negative value"),
                                                       nullable=True) for c in columns}), path)
    reasons = pd.DataFrame("", index=values.index, columns=columns).mask(values.isna(), NULL_REASON)
    names = strip_positions(path, columns)
    values, reasons = values.rename(columns=names), reasons.rename(columns=names)
    obs = melt_observations(values, reasons, codes=wide["gebied_code"], peiljaar=peiljaar)
    return SourceData(obs)
