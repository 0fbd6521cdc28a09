"""pandera validation that reports failures as one SourceError naming file, row and column."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .errors import SourceError


def validate(df: pd.DataFrame, schema: pa.DataFrameSchema, path: Path) -> pd.DataFrame:
    """Validate lazily; on failure raise one SourceError listing the first failing cells.

    The DataFrame's index must hold the row number as a person finds it in the file. A check
    across columns names the column to report by starting its error text with ``"<column>: "``.
    """
    try:
        return schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        # Table-wide checks are listed once per column of a failing row; keep one per row and
        # report cell-level failures first, since they name the offending column.
        table_wide = fc["schema_context"].eq("DataFrameSchema") & fc["index"].notna()
        fc = pd.concat([fc[~table_wide], fc[table_wide].drop_duplicates(["check", "index"]).assign(column=None)])
        fc = fc.assign(_has_row=fc["index"].notna(), _table_wide=fc["schema_context"].eq("DataFrameSchema"))
        fc = fc.sort_values(["_has_row", "_table_wide", "index"], ascending=[False, True, True], key=_sort_key,
                            kind="stable")
        lines = []
        for rec in fc.itertuples(index=False):
            where = f"row {_row(rec.index)}" if pd.notna(rec.index) else "header"
            if rec.column is not None:
                lines.append(f"{where}, column {rec.column!r}: {rec.check} (value {_plain(rec.failure_case)!r})")
            else:
                lines.append(f"{where}: {rec.check}")
        first = fc.iloc[0]
        if first["schema_context"] == "DataFrameSchema" and pd.notna(first["index"]):
            named = re.match(r"^(\w+): ", str(first["check"]))
            column = named.group(1) if named and named.group(1) in df.columns else None
        else:
            column = first["column"] if first["column"] is not None else str(first["failure_case"])
        row = _row(first["index"]) if pd.notna(first["index"]) else 1
        more = f" ({len(fc)} problems; first shown)" if len(fc) > 1 else ""
        value = "" if column is None else f" (value {_plain(first['failure_case'])!r})"
        raise SourceError(
            path,
            f"{first['check']}{value}{more}",
            row=row,
            column=column,
            details=lines[1:10],
        ) from None


def _sort_key(s: pd.Series) -> pd.Series:
    if s.name != "index":
        return s
    return pd.to_numeric(s, errors="coerce")


def _row(label: object) -> int | str:
    """Row labels are line numbers, or record keys (area codes) in keyed JSON files."""
    try:
        return int(label)
    except (TypeError, ValueError):
        return str(label)


def _plain(value: object) -> object:
    """numpy scalars print as np.float64(...); show the plain Python value."""
    return value.item() if hasattr(value, "item") else value


def check_unique(df: pd.DataFrame, columns: list[str], path: Path) -> None:
    """Raise on rows sharing a key, naming every row involved (index = row number)."""
    dup = df.duplicated(columns, keep=False)
    if not dup.any():
        return
    groups = df[dup].groupby(columns if len(columns) > 1 else columns[0], sort=False).groups
    key, rows = next(iter(groups.items()))
    rows = sorted(_row(r) for r in rows)
    key = key if isinstance(key, tuple) else (key,)
    label = ", ".join(f"{c}={k!r}" for c, k in zip(columns, key))
    details = [f"first on row {rows[0]}"] + [
        f"also duplicated: {', '.join(map(str, k if isinstance(k, tuple) else (k,)))} in rows "
        f"{', '.join(str(_row(x)) for x in sorted(r))}" for k, r in list(groups.items())[1:10]]
    raise SourceError(path, f"duplicate key ({label}) in rows {', '.join(map(str, rows))}", row=rows[1],
                      column=columns[0], details=details)
