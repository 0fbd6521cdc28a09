"""CBS "Kerncijfers wijken en buurten" Excel file (kwb-YYYY.xlsx) with CBS's short names.

One row per area (``gwb_code_10``), one column per measure (``a_inw``, ``p_koopw`` ...);
``.`` marks a value that is secret or unavailable. The peiljaar is the edition year, read
from the sheet name (``kwb-2023``); a file name that names another year is refused.
Numbers written as text are read in the bestand's declared locale (cells stored as numbers
are numbers in any locale); spreadsheet error cells are refused, and so is a negative count
or average and a percentage column that holds fractions.
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
    SourceData,
    excel_numeric_cells,
    melt_observations,
    parse_numbers,
    read_excel_text,
    refuse_excel_errors,
    refuse_fractions_as_percentages,
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
    in_sheet = next((int(m.group(1)) for t in sheets[:1] if (m := EDITION.search(t))), None)
    named = EDITION.search(path.name)
    in_name = int(named.group(1)) if named else None
    if in_sheet is not None and in_name is not None and in_sheet != in_name:
        raise SourceError(path, f"the sheet {sheets[0]!r} holds the Kerncijfers {in_sheet}, but the file name says "
                                f"{in_name}", row="sheet", column=sheets[0])
    year = in_sheet if in_sheet is not None else in_name
    if year is None:
        raise SourceError(path, "cannot tell the Kerncijfers edition year: expected 'kwb-YYYY' in the sheet or file name")
    return year


def read_cbs_kwb_excel(path: Path, locale: str = "en") -> SourceData:
    path = Path(path)
    df = read_excel_text(path)
    require_columns(path, df.columns, REQUIRED)
    refuse_excel_errors(path, list(df.columns))
    peiljaar = _edition_year(path)
    df["gwb_code_10"] = df["gwb_code_10"].astype(str).str.strip()
    measures = [c for c in df.columns if c not in TEXT_COLUMNS]
    schema = pa.DataFrameSchema(
        {
            "gwb_code_10": pa.Column(None, pa.Check.str_matches(AREA_CODE_PATTERN, error="unknown area code")),
            "recs": pa.Column(None, pa.Check.isin(["Land", "Gemeente", "Wijk", "Buurt"], error="unknown recs")),
        }
    )
    validate(df, schema, path)
    check_unique(df, ["gwb_code_10"], path)
    values, reasons = parse_numbers(path, df, measures, locale=locale, counts=[m for m in measures if m.startswith("a_")],
                                    numeric=excel_numeric_cells(path, df))
    refuse_fractions_as_percentages(path, values, [m for m in measures if m.startswith("p_")])
    ranges = {}
    for m in measures:
        if m.startswith("p_"):
            ranges[m] = pa.Column(float, pa.Check.in_range(0, 100, error="percentage outside 0-100"), nullable=True)
        elif m.startswith("a_"):
            ranges[m] = pa.Column(float, pa.Check.ge(0, error="negative count"), nullable=True)
        elif m.startswith("g_"):  # averages: WOZ value, household size, energy use, distances
            ranges[m] = pa.Column(float, pa.Check.ge(0, error="negative average"), nullable=True)
    validate(values, pa.DataFrameSchema(ranges), path)
    obs = melt_observations(values, reasons, codes=df["gwb_code_10"], peiljaar=peiljaar)
    namen = pd.DataFrame({"gebied_code": df["gwb_code_10"].values, "naam": df["regio"].astype(str).str.strip().values})
    return SourceData(obs, namen=namen)
