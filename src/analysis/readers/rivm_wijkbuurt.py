"""RIVM StatLine "Gezondheid per wijk en buurt" (50090NED, 50150NED) in its UntypedDataSet
layout.

Carriers of the same layout: the xlsx export in the mirror (one file per peiljaar and age
group) and the OData UntypedDataSet JSON that ``data fetch`` downloads. Codes and names are
space-padded (``'NL01      '``), periods look like ``2020JJ00``, every measure is a
percentage, and ``.`` marks a suppressed estimate. Columns are named by their key without
the position number (``ErvarenGezondheidGoedZeerGoed``), or by the registry's name when the
fetch recorded one.

``Marges`` ``MW00000`` is the central estimate. A fetched file also stores the Marges
categories with their titles as the API gave them; the categories titled as a lower or upper
bound become the interval (``ondergrens``/``bovengrens``) of the central estimate.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from ..codes import AREA_CODE_PATTERN
from ..errors import SourceError
from ..validation import check_unique, validate
from ._common import (
    SourceData,
    column_name,
    melt_observations,
    parse_numbers,
    read_excel_text,
    read_json,
    refuse_excel_errors,
    refuse_fractions_as_percentages,
    require_columns,
    strip_positions,
    with_obs_columns,
)

KEY_COLUMNS = ["ID", "Leeftijd", "Marges", "WijkenEnBuurten", "Perioden", "Gemeentenaam_1", "SoortRegio_2", "Codering_3"]
MEASURE = re.compile(r"^[A-Za-z0-9]+_\d+$")
LEEFTIJD = {"20300": "18+", "53115": "18-64", "80200": "65+"}
POINT_ESTIMATE = "MW00000"
SOORT_PREFIX = {"Land": "NL", "Gemeente": "GM", "Wijk": "WK", "Buurt": "BU"}


def _load(path: Path) -> tuple[pd.DataFrame, dict]:
    if path.suffix.lower() == ".json":
        doc = read_json(path)
        records = doc.get("value", doc) if isinstance(doc, dict) else doc
        if not isinstance(records, list) or not records:
            raise SourceError(path, "expected a non-empty list of UntypedDataSet records", row="value")
        df = pd.DataFrame.from_records(records).astype("string").astype(object)
        df.index = pd.RangeIndex(1, len(df) + 1)  # record number
        return df, (doc if isinstance(doc, dict) else {})
    return read_excel_text(path), {}


def _interval_keys(path: Path, meta: dict) -> dict[str, str]:
    """Marges key -> 'ondergrens' / 'bovengrens', from the titles the API gave."""
    out = {}
    others = 0
    for cat in (meta.get("dimensies") or {}).get("Marges", []):
        key, title = str(cat.get("Key", "")).strip(), str(cat.get("Title", "")).lower()
        if key == POINT_ESTIMATE:
            continue
        others += 1
        if "onder" in title or "lower" in title:
            out[key] = "ondergrens"
        elif "boven" in title or "upper" in title:
            out[key] = "bovengrens"
    # Either no bounds at all, or exactly one lower and one upper: never a guess.
    if (others or out) and sorted(out.values()) != ["bovengrens", "ondergrens"]:
        raise SourceError(path, f"cannot tell the interval bounds from the Marges titles {meta['dimensies']['Marges']!r}",
                          row="dimensies", column="Marges")
    return out


def _renames(path: Path, meta: dict, measures: list[str]) -> dict[str, str]:
    recorded = meta.get("onderwerpen") or {}
    if recorded:
        by_key = {(m["key"] if isinstance(m, dict) else m): name for name, m in recorded.items()}
        return {c: by_key.get(c, column_name(c)) for c in measures}
    return strip_positions(path, measures)


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
    return pa.DataFrameSchema(columns)


_RANGE = pa.Check.in_range(0, 100, error="percentage outside 0-100")


def read_rivm_wijkbuurt(path: Path) -> SourceData:
    """Read one 50090NED/50150NED file (xlsx or UntypedDataSet JSON) into observations."""
    path = Path(path)
    df, meta = _load(path)
    fetched = bool(meta.get("onderwerpen"))
    required = ["Leeftijd", "Marges", "WijkenEnBuurten", "Perioden"] if fetched else KEY_COLUMNS
    require_columns(path, df.columns, required)
    measures = [c for c in df.columns if c not in KEY_COLUMNS and MEASURE.match(c)]
    if not measures:
        raise SourceError(path, "no measure columns (like ErvarenGezondheidGoedZeerGoed_4) found", row=1)
    if path.suffix.lower() != ".json":
        refuse_excel_errors(path, list(df.columns))  # error cells would read as empty: a silent gap
    bounds = _interval_keys(path, meta)
    marges = df["Marges"].astype(str).str.strip()
    extra = df[marges.isin(list(bounds))].copy()
    df = df[marges == POINT_ESTIMATE]
    if df.empty:
        raise SourceError(path, f"no point-estimate rows (Marges {POINT_ESTIMATE})", column="Marges")
    # Normalise key text before validation so that the duplicate check sees ' GM0344' == 'GM0344'.
    keys = [c for c in ("WijkenEnBuurten", "Perioden", "Leeftijd", "SoortRegio_2") if c in df.columns]
    for col in keys:
        df[col] = df[col].astype(str).str.strip()
        extra[col] = extra[col].astype(str).str.strip()
    schema = _schema(measures)
    if "SoortRegio_2" not in df.columns:
        schema = schema.remove_columns(["SoortRegio_2"])
    validate(df, schema, path)
    check_unique(df, ["WijkenEnBuurten", "Perioden", "Leeftijd"], path)
    if "SoortRegio_2" in df.columns:
        _check_soort_matches_code(path, df)
    values, reasons = parse_numbers(path, df, measures)
    validate(values, pa.DataFrameSchema({m: pa.Column(float, _RANGE, nullable=True) for m in measures}), path)
    refuse_fractions_as_percentages(path, values, measures)
    names = _renames(path, meta, measures)
    obs = melt_observations(
        values.rename(columns=names), reasons.rename(columns=names),
        codes=df["WijkenEnBuurten"], peiljaar=df["Perioden"].str[:4].astype(int),
        leeftijd=df["Leeftijd"].map(LEEFTIJD),
    )
    if bounds and not extra.empty:
        obs = _with_intervals(path, obs, extra, bounds, measures, names)
    return SourceData(obs)


def _with_intervals(path: Path, obs: pd.DataFrame, extra: pd.DataFrame, bounds: dict[str, str],
                    measures: list[str], names: dict[str, str]) -> pd.DataFrame:
    check_unique(extra, ["WijkenEnBuurten", "Perioden", "Leeftijd", "Marges"], path)
    values, _ = parse_numbers(path, extra, measures)
    validate(values, pa.DataFrameSchema({m: pa.Column(float, _RANGE, nullable=True) for m in measures}), path)
    long = values.rename(columns=names).assign(
        gebied_code=extra["WijkenEnBuurten"].values, peiljaar=extra["Perioden"].str[:4].astype(int).values,
        leeftijd=extra["Leeftijd"].map(LEEFTIJD).values, rol=extra["Marges"].str.strip().map(bounds).values,
    ).melt(id_vars=["gebied_code", "peiljaar", "leeftijd", "rol"], var_name="kolom", value_name="grens")
    wide = long.pivot_table(index=["gebied_code", "peiljaar", "leeftijd", "kolom"], columns="rol", values="grens",
                            aggfunc="first", dropna=False).reset_index()
    out = obs.drop(columns=["ondergrens", "bovengrens"]).merge(
        wide, on=["gebied_code", "peiljaar", "leeftijd", "kolom"], how="left")
    for c in ("ondergrens", "bovengrens"):
        if c not in out:
            out[c] = float("nan")
    inside = out["waarde"].isna() | out["ondergrens"].isna() | out["bovengrens"].isna() | (
        (out["ondergrens"] <= out["waarde"] + 1e-9) & (out["waarde"] <= out["bovengrens"] + 1e-9))
    if not inside.all():
        bad = out[~inside].iloc[0]
        raise SourceError(path, f"interval {bad.ondergrens}-{bad.bovengrens} does not contain the estimate "
                                f"{bad.waarde}", row=int(bad.bron_rij) if str(bad.bron_rij).isdigit() else bad.bron_rij,
                          column=bad.kolom)
    return with_obs_columns(out)

