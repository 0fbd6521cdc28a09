"""RIVM StatLine "Gezondheid per wijk en buurt" (50090NED) in its UntypedDataSet layout.

Two carriers of the same layout: the xlsx export in the mirror (one file per peiljaar and
age group) and the OData UntypedDataSet JSON that ``data fetch`` downloads. Codes and
names are space-padded (``'NL01      '``), periods look like ``2020JJ00``, every measure is
a percentage, and ``.`` marks a suppressed estimate.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from ..codes import AREA_CODE_PATTERN
from ..errors import SourceError
from ..validation import check_unique, validate
from ._common import (
    NUMBER_OR_DOT,
    SourceData,
    melt_observations,
    parse_numbers,
    read_excel_text,
    read_text_strict,
    require_columns,
)

KEY_COLUMNS = ["ID", "Leeftijd", "Marges", "WijkenEnBuurten", "Perioden", "Gemeentenaam_1", "SoortRegio_2", "Codering_3"]
MEASURE = re.compile(r"^[A-Za-z0-9]+_\d+$")
LEEFTIJD = {"20300": "18+", "53115": "18-64", "80200": "65+"}
POINT_ESTIMATE = "MW00000"
SOORT_PREFIX = {"Land": "NL", "Gemeente": "GM", "Wijk": "WK", "Buurt": "BU"}


def _load(path: Path) -> pd.DataFrame:
    if path.suffix.lower() == ".json":
        doc = json.loads(read_text_strict(path))
        records = doc.get("value", doc) if isinstance(doc, dict) else doc
        if not isinstance(records, list) or not records:
            raise SourceError(path, "expected a non-empty list of UntypedDataSet records")
        df = pd.DataFrame.from_records(records).astype("string").astype(object)
        df.index = pd.RangeIndex(1, len(df) + 1)  # record number
        return df
    return read_excel_text(path)


def _check_soort_matches_code(path: Path, df: pd.DataFrame) -> None:
    prefix = df["SoortRegio_2"].map(SOORT_PREFIX)
    bad = prefix.ne(df["WijkenEnBuurten"].str[:2])
    if bad.any():
        row = bad[bad].index[0]
        raise SourceError(path, f"SoortRegio {df.at[row, 'SoortRegio_2']!r} does not match area code "
                                f"{df.at[row, 'WijkenEnBuurten']!r}", row=int(row), column="SoortRegio_2")


def _schema(measures: list[str]) -> pa.DataFrameSchema:
    columns = {
        "WijkenEnBuurten": pa.Column(None, pa.Check(lambda s: s.str.strip().str.match(AREA_CODE_PATTERN), element_wise=False,
                          error="unknown area code")
        ),
        "Perioden": pa.Column(None, pa.Check.str_matches(r"^\d{4}JJ00$", error="period is not like 2020JJ00")),
        "Leeftijd": pa.Column(None, pa.Check(lambda s: s.str.strip().isin(list(LEEFTIJD)),
                                            error="unknown Leeftijd code (20300, 53115 or 80200)")),
        "SoortRegio_2": pa.Column(None, pa.Check(lambda s: s.str.strip().isin(list(SOORT_PREFIX)),
                                                error="unknown SoortRegio")),
    }
    for m in measures:
        columns[m] = pa.Column(None, pa.Check(lambda s: s.isna() | s.astype(str).str.match(NUMBER_OR_DOT),
                                                error="not a number or '.'"), nullable=True)
    return pa.DataFrameSchema(columns)


_RANGE = pa.Check.in_range(0, 100, error="percentage outside 0-100")


def read_rivm_wijkbuurt(path: Path) -> SourceData:
    """Read one 50090NED file (xlsx or UntypedDataSet JSON) into observations."""
    path = Path(path)
    df = _load(path)
    require_columns(path, df.columns, KEY_COLUMNS)
    measures = [c for c in df.columns if c not in KEY_COLUMNS and MEASURE.match(c)]
    if not measures:
        raise SourceError(path, "no measure columns (like ErvarenGezondheidGoedZeerGoed_4) found", row=1)
    df = df[df["Marges"].astype(str).str.strip() == POINT_ESTIMATE]
    if df.empty:
        raise SourceError(path, f"no point-estimate rows (Marges {POINT_ESTIMATE})", column="Marges")
    # Normalise key text before validation so that the duplicate check sees ' GM0344' == 'GM0344'.
    for col in ("WijkenEnBuurten", "Perioden", "Leeftijd", "SoortRegio_2"):
        df[col] = df[col].astype(str).str.strip()
    validate(df, _schema(measures), path)
    check_unique(df, ["WijkenEnBuurten", "Perioden", "Leeftijd"], path)
    _check_soort_matches_code(path, df)
    values, reasons = parse_numbers(path, df, measures)
    validate(values, pa.DataFrameSchema({m: pa.Column(float, _RANGE, nullable=True) for m in measures}), path)
    return SourceData(
        melt_observations(
            values,
            reasons,
            codes=df["WijkenEnBuurten"],
            peiljaar=df["Perioden"].str[:4].astype(int),
            leeftijd=df["Leeftijd"].map(LEEFTIJD),
        )
    )

