"""CBS "Kerncijfers wijken en buurten" Excel file (kwb-YYYY.xlsx) with CBS's short names.

One row per area (``gwb_code_10``), one column per measure (``a_inw``, ``p_koopw`` ...);
``.`` marks a value that is secret or unavailable. The peiljaar is the edition year, read
from the sheet or file name (``kwb-2023``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from python_calamine import CalamineWorkbook

from ..codes import AREA_CODE_PATTERN
from ..errors import SourceError
from ..validation import check_unique, validate
from ._common import (
    NUMBER_OR_DOT,
    SourceData,
    melt_observations,
    parse_numbers,
    read_excel_text,
    require_columns,
)

TEXT_COLUMNS = ["gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi"]
REQUIRED = ["gwb_code_10", "regio", "recs", "a_inw"]
EDITION = re.compile(r"kwb[-_ ]?(\d{4})", re.IGNORECASE)


def _edition_year(path: Path) -> int:
    try:
        sheets = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception:
        sheets = []
    for text in [*sheets, path.name]:
        m = EDITION.search(text)
        if m:
            return int(m.group(1))
    raise SourceError(path, "cannot tell the Kerncijfers edition year: expected 'kwb-YYYY' in the sheet or file name")


def read_cbs_kwb_excel(path: Path) -> SourceData:
    path = Path(path)
    df = read_excel_text(path)
    require_columns(path, df.columns, REQUIRED)
    peiljaar = _edition_year(path)
    df["gwb_code_10"] = df["gwb_code_10"].astype(str).str.strip()
    measures = [c for c in df.columns if c not in TEXT_COLUMNS]
    schema = pa.DataFrameSchema(
        {
            "gwb_code_10": pa.Column(None, pa.Check.str_matches(AREA_CODE_PATTERN, error="unknown area code")),
            "recs": pa.Column(None, pa.Check.isin(["Land", "Gemeente", "Wijk", "Buurt"], error="unknown recs")),
            **{
                m: pa.Column(None, pa.Check(lambda s: s.isna() | s.astype(str).str.match(NUMBER_OR_DOT),
                                              error="not a number or '.'"), nullable=True)
                for m in measures
            },
        }
    )
    validate(df, schema, path)
    check_unique(df, ["gwb_code_10"], path)
    values, reasons = parse_numbers(path, df, measures)
    ranges = {}
    for m in measures:
        if m.startswith("p_"):
            ranges[m] = pa.Column(float, pa.Check.in_range(0, 100, error="percentage outside 0-100"), nullable=True)
        elif m.startswith("a_"):
            ranges[m] = pa.Column(float, pa.Check.ge(0, error="negative count"), nullable=True)
    validate(values, pa.DataFrameSchema(ranges), path)
    obs = melt_observations(values, reasons, codes=df["gwb_code_10"], peiljaar=peiljaar)
    namen = pd.DataFrame({"gebied_code": df["gwb_code_10"].values, "naam": df["regio"].astype(str).str.strip().values})
    return SourceData(obs, namen=namen)
