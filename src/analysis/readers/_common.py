"""Shared pieces of the readers: area codes, number parsing, validation that names the cell.

Every reader returns *observations*: a long table with one row per area, peiljaar and
source column (``OBS_COLUMNS``), so the kernset builder does not care which format a
figure came from. ``bron_rij`` keeps where the figure stands in its file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
import re
from typing import Any, Iterable

import pandas as pd

from ..errors import SourceError

OBS_COLUMNS = ["gebied_code", "peiljaar", "kolom", "waarde", "reden", "bron_tabel", "leeftijd", "bron_rij",
               "ondergrens", "bovengrens"]
INTERVAL_COLUMNS = ["ondergrens", "bovengrens"]

POSITION = re.compile(r"^(?P<naam>[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*?)_(?P<nummer>\d+)$")


def column_name(key: str) -> str:
    """A StatLine column key without its position number (``AantalInwoners_5`` ->
    ``AantalInwoners``): the number is the column's place in one edition and changes
    between editions, the name does not."""
    m = POSITION.match(key)
    return m.group("naam") if m else key


def strip_positions(path: Path, keys: list[str]) -> dict[str, str]:
    """key -> name for StatLine keys; two keys with one name is an error."""
    names: dict[str, str] = {}
    seen: dict[str, str] = {}
    for key in keys:
        name = column_name(key)
        if name in seen:
            raise SourceError(path, f"columns {seen[name]!r} and {key!r} have the same name {name!r}", row=1,
                              column=key)
        seen[name] = key
        names[key] = name
    return names

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


SPREADSHEET_ERROR = re.compile(r"^#(DIV/0!|N/A|NB|WAARDE!|VALUE!|NAAM\?|NAME\?|REF!|VERW!|GETAL!|NUM!|NULL!|LEEG!|SPILL!)$",
                               re.IGNORECASE)
# One number as the locale writes it: 'en' 1234.5; 'nl' 1.234,5 (the '.' only between thousands).
NUMBER_TEXT = {
    "en": re.compile(r"^-?\d+(\.\d+)?$"),
    "nl": re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$"),
}
# '17.470' in an 'en' file: a count with three decimals is far more likely a Dutch thousands
# separator than a fraction, so it is refused rather than read as 17.47.
THOUSANDS_LOOKALIKE = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def number_from_text(text: str, locale: str) -> float | None:
    """The value of ``text`` in ``locale``, or None if it is not one number there."""
    if not NUMBER_TEXT[locale].match(text):
        return None
    if locale == "nl":
        text = text.replace(".", "").replace(",", ".")
    return float(text)


def number_cell(path: Path, text: str, row: int | str, column: str, *, locale: str = "en",
                count: bool = False) -> float | None:
    """One text cell as a number in ``locale``; '' and '.' are missing (None). A spreadsheet
    error, a count that looks like a Dutch thousands separator in an 'en' file, or anything
    else that is not one number there raises a SourceError naming the cell."""
    t = text.strip()
    if t in ("", "."):
        return None
    if SPREADSHEET_ERROR.match(t):
        raise SourceError(path, f"spreadsheet error value {t!r}, not a figure", row=row, column=column)
    if count and locale == "en" and THOUSANDS_LOOKALIKE.match(t):
        raise SourceError(path, f"count {t!r} looks like a Dutch thousands separator; declare `locale: nl` for this "
                                "bestand in bronnen.yml if the file writes numbers that way", row=row, column=column)
    value = number_from_text(t, locale)
    if value is None:
        expect = "decimal point" if locale == "en" else "decimal comma, '.' between thousands"
        raise SourceError(path, f"not a number: {text!r} ({expect} expected, '.' for missing)", row=row,
                          column=column)
    return value


def parse_numbers(path: Path, wide: pd.DataFrame, columns: list[str], *, locale: str = "en",
                  counts: Iterable[str] = (), numeric: pd.DataFrame | None = None
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parse text cells into floats. Returns (values, reasons): '.' -> NaN with DOT_REASON.

    Numbers written as text are read in the file's declared ``locale``; anything else that is
    not a number (a decimal comma in an 'en' file, a spreadsheet error such as ``#DIV/0!``, a
    count written with a thousands separator) raises a SourceError naming the cell. Cells that
    ``numeric`` marks were stored as numbers (spreadsheet number cells) carry no locale.
    """
    counts = set(counts)
    values: dict[str, pd.Series] = {}
    reasons: dict[str, pd.Series] = {}
    for col in columns:
        raw = wide[col]
        text = raw.astype("string").str.strip()
        typed = numeric[col].reindex(wide.index, fill_value=False) if numeric is not None else \
            pd.Series(False, index=wide.index)
        is_dot = text.eq(".").fillna(False)
        is_empty = text.isna() | text.eq("")
        parsed = [None if (d or e) else (_float_or_none(str(t)) if n else number_from_text(str(t), locale))
                  for t, d, e, n in zip(text, is_dot, is_empty, typed)]
        num = pd.Series([float("nan") if v is None else v for v in parsed], index=wide.index, dtype=float)
        bad = num.isna() & ~is_dot & ~is_empty
        if col in counts and locale == "en":
            bad |= text.fillna("").str.match(THOUSANDS_LOOKALIKE.pattern) & ~is_dot & ~typed
        if bad.any():
            row = bad[bad].index[0]
            cell = str(raw.loc[row]).strip()
            if SPREADSHEET_ERROR.match(cell):
                why = f"spreadsheet error value {cell!r}, not a figure"
            elif col in counts and THOUSANDS_LOOKALIKE.match(cell) and locale == "en":
                why = (f"count {cell!r} looks like a Dutch thousands separator; declare `locale: nl` for this "
                       "bestand in bronnen.yml if the file writes numbers that way")
            else:
                expect = "decimal point" if locale == "en" else "decimal comma, '.' between thousands"
                why = f"not a number: {raw.loc[row]!r} ({expect} expected, '.' for missing)"
            raise SourceError(path, why, row=int(row), column=col)
        values[col] = num
        reasons[col] = pd.Series("", index=wide.index, dtype=object).mask(is_dot, DOT_REASON)
    return pd.DataFrame(values, index=wide.index), pd.DataFrame(reasons, index=wide.index)


def _float_or_none(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def excel_numeric_cells(path: Path, like: pd.DataFrame) -> pd.DataFrame:
    """Which cells of the first sheet are stored as numbers (True) rather than text, aligned
    with ``read_excel_text``'s frame: a number cell is a number whatever the file's locale."""
    typed = pd.read_excel(path, engine="calamine", dtype=object, sheet_name=0)
    typed.columns = [str(c).strip() for c in typed.columns]
    typed.index = pd.RangeIndex(2, len(typed) + 2)
    mask = typed.apply(lambda col: col.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
                                           and v == v))
    return mask.reindex(index=like.index, columns=like.columns, fill_value=False).astype(bool)


def refuse_fractions_as_percentages(path: Path, values: pd.DataFrame, columns: Iterable[str]) -> None:
    """A percentage column whose values all lie between 0 and 1 holds fractions (0.699 for
    69.9 %): refused, naming the first such cell."""
    for col in columns:
        v = values[col].dropna()
        if len(v) and v.between(0, 1).all() and (v > 0).any() and (v < 1).any():
            row = v.index[0]
            raise SourceError(path, f"every value of this percentage column lies between 0 and 1 (first: "
                                    f"{float(v.iloc[0])!r}): fractions instead of percentages", row=int(row), column=col)


def excel_error_cells(path: Path) -> list[tuple[int, str, str]]:
    """(row, column letter, value) of cells stored as spreadsheet errors in the first sheet.

    The xlsx reader turns them into empty cells, which would look like missing data."""
    import zipfile
    from xml.etree import ElementTree

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    try:
        with zipfile.ZipFile(path) as zf:
            names = sorted(n for n in zf.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
            if not names:
                return []
            xml = zf.read(names[0])
        if b't="e"' not in xml and b"t='e'" not in xml:  # the common case, and cheap: no error cell
            return []
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError):
        return []
    out = []
    for c in root.iterfind(".//m:sheetData/m:row/m:c[@t='e']", ns):
        ref = c.get("r", "")
        m = re.match(r"^([A-Z]+)(\d+)$", ref)
        v = c.find("m:v", ns)
        if m:
            out.append((int(m.group(2)), m.group(1), v.text if v is not None else "#?"))
    return out


def refuse_excel_errors(path: Path, header: list[str]) -> None:
    errors = excel_error_cells(path)
    if not errors:
        return
    row, letters, value = errors[0]
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    column = header[index - 1] if 0 < index <= len(header) else letters
    raise SourceError(path, f"spreadsheet error value {value!r}, not a figure"
                      + (f" ({len(errors)} such cells)" if len(errors) > 1 else ""), row=row, column=column)


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
    return with_obs_columns(out)


def with_obs_columns(obs: pd.DataFrame) -> pd.DataFrame:
    """The observation columns in order; interval bounds empty where a reader has none."""
    for c in INTERVAL_COLUMNS:
        if c not in obs:
            obs[c] = float("nan")
    return obs[OBS_COLUMNS]


def empty_observations() -> pd.DataFrame:
    numeric = {"waarde", *INTERVAL_COLUMNS}
    return pd.DataFrame({c: pd.Series(dtype=float if c in numeric else object) for c in OBS_COLUMNS})


def read_json(path: Path):
    """A JSON file read strictly as UTF-8; invalid JSON is reported with its line."""
    try:
        return json.loads(read_text_strict(path))
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"invalid JSON: {exc.msg}", row=exc.lineno) from None


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
