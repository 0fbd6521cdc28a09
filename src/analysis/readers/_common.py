"""Shared pieces of the readers: area codes, number parsing, validation that names the cell.

Every reader returns *observations*: a long table with one row per area, peiljaar and
source column (``OBS_COLUMNS``), so the kernset builder does not care which format a
figure came from. ``bron_rij`` keeps where the figure stands in its file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from ..errors import SourceError

OBS_COLUMNS = ["gebied_code", "peiljaar", "kolom", "waarde", "reden", "bron_tabel", "leeftijd", "bron_rij"]

NAME_COLUMNS = ["gebied_code", "naam"]


@dataclass
class SourceData:
    """What a reader hands the builder: observations, plus area names and shapes if the
    format carries them."""

    observaties: pd.DataFrame
    namen: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=NAME_COLUMNS))
    geometrie: list[dict[str, Any]] = field(default_factory=list)


NUMBER_OR_DOT = r"^\s*(-?\d+(\.\d+)?|\.)\s*$"

# CBS marks a value that is secret or unavailable with a single dot.
DOT_REASON = "niet beschikbaar of geheim bij de bron (.)"
NULL_REASON = "niet beschikbaar bij de bron (leeg)"


def require_columns(path: Path, columns: Iterable[str], required: Iterable[str], *, header_row: int = 1) -> None:
    present = [str(c).strip() for c in columns]
    missing = [c for c in required if c not in present]
    if missing:
        raise SourceError(path, f"missing column(s) {', '.join(repr(m) for m in missing)}",
                          row=header_row, column=missing[0])


def parse_numbers(path: Path, wide: pd.DataFrame, columns: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parse text cells into floats. Returns (values, reasons): '.' -> NaN with DOT_REASON.

    Anything else that is not a number raises a SourceError naming the cell.
    """
    values: dict[str, pd.Series] = {}
    reasons: dict[str, pd.Series] = {}
    for col in columns:
        raw = wide[col]
        text = raw.astype("string").str.strip()
        is_dot = text.eq(".").fillna(False)
        is_empty = text.isna() | text.eq("")
        num = pd.to_numeric(text.where(~is_dot & ~is_empty), errors="coerce")
        bad = num.isna() & ~is_dot & ~is_empty
        if bad.any():
            row = bad[bad].index[0]
            raise SourceError(path, f"not a number: {raw.loc[row]!r} (decimal point expected, '.' for missing)",
                              row=int(row), column=col)
        values[col] = num.astype(float)
        reasons[col] = pd.Series("", index=wide.index, dtype=object).mask(is_dot, DOT_REASON)
    return pd.DataFrame(values, index=wide.index), pd.DataFrame(reasons, index=wide.index)


def melt_observations(
    values: pd.DataFrame,
    reasons: pd.DataFrame,
    *,
    codes: pd.Series,
    peiljaar: pd.Series | int,
    leeftijd: pd.Series | str = "",
    bron_tabel: str = "",
    keep_empty: bool = False,
) -> pd.DataFrame:
    """Wide (row = area, column = source column) -> observations. Empty cells are dropped
    unless ``keep_empty``: a column that is empty everywhere was not measured that year."""
    frames = []
    for col in values.columns:
        v = values[col]
        r = reasons[col]
        keep = v.notna() | r.ne("")
        if keep_empty:
            keep = pd.Series(True, index=v.index)
        frame = pd.DataFrame(
            {
                "gebied_code": codes[keep].values,
                "peiljaar": (peiljaar[keep].values if isinstance(peiljaar, pd.Series) else peiljaar),
                "kolom": col,
                "waarde": v[keep].values,
                "reden": r[keep].values,
                "bron_tabel": bron_tabel,
                "leeftijd": (leeftijd[keep].values if isinstance(leeftijd, pd.Series) else leeftijd),
                "bron_rij": [str(i) for i in v.index[keep]],
            }
        )
        frames.append(frame)
    if not frames:
        return empty_observations()
    out = pd.concat(frames, ignore_index=True)
    out["peiljaar"] = out["peiljaar"].astype(int)
    return out[OBS_COLUMNS]


def empty_observations() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float if c == "waarde" else object) for c in OBS_COLUMNS})


def read_text_strict(path: Path) -> str:
    """Read a text file as UTF-8; a wrong encoding is reported with its line."""
    raw = path.read_bytes()
    if not raw.strip():
        raise SourceError(path, "file is empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            path, f"not UTF-8 encoded (byte {raw[exc.start]:#04x} at offset {exc.start}); re-save as UTF-8",
            row=line,
        ) from None
    return text.removeprefix("\ufeff")


def read_excel_text(path: Path) -> pd.DataFrame:
    """First sheet of an xlsx as text cells. Index = spreadsheet row number (header = 1)."""
    if path.stat().st_size == 0:
        raise SourceError(path, "file is empty")
    try:
        df = pd.read_excel(path, engine="calamine", dtype=str, sheet_name=0)
    except Exception as exc:  # calamine raises its own error types for broken archives
        raise SourceError(path, f"not a readable xlsx workbook ({type(exc).__name__}: {exc})") from None
    if df.empty:
        raise SourceError(path, "the first sheet has no data rows", row=2)
    df.columns = [str(c).strip() for c in df.columns]
    df.index = pd.RangeIndex(2, len(df) + 2)
    return df
