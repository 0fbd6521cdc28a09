"""Registered-crime tables as CSV, in the two shapes StatLine hands them out.

* ``statline-csv``: a decoded OData table (83648NED), comma-separated, one header line,
  dimensions as labels (``SoortMisdrijf``, ``RegioS`` like ``Amersfoort``, ``Perioden``).
* ``statline-export-csv``: the StatLine web export (47013NED from data.politie.nl):
  ``;``-separated and quoted, title lines, then header lines ``Onderwerp`` / ``Perioden`` /
  ``Regio's``, then one line per region, then a footer (``Bron: Politie``).

Regions come as names; ``regio_codes`` maps the names the monitor needs to CBS codes and
other regions are skipped. A trailing ``*`` on a period marks a provisional figure.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from ..errors import SourceError
from ._common import (
    INTERVAL_COLUMNS,
    OBS_COLUMNS,
    SourceData,
    empty_observations,
    number_cell,
    read_text_strict,
    with_obs_columns,
)

PERIOD = re.compile(r"^(\d{4})(\*?)$")
DIMENSIONS = ["SoortMisdrijf", "RegioS", "Perioden"]
MISSING_MARKS = {".", "-", "", "x"}


def _period(path: Path, text: str, row: int, column: str) -> int:
    m = PERIOD.match(text.strip())
    if not m:
        raise SourceError(path, f"period {text!r} is not a year", row=row, column=column)
    return int(m.group(1))


def _number(path: Path, text: str, row: int, column: str, locale: str = "en", count: bool = False) -> float | None:
    """A count or rate: a non-negative number in the file's locale, or a StatLine missing mark."""
    if text.strip() in MISSING_MARKS:
        return None
    value = number_cell(path, text, row, column, locale=locale, count=count)
    if value is not None and value < 0:
        raise SourceError(path, f"negative count or rate: {text.strip()}", row=row, column=column)
    return value


def _check_separator(path: Path, header: str, expected: str, row: int) -> None:
    other = ";" if expected == "," else ","
    if expected not in header:
        found = f"'{other}'" if other in header else "no separator"
        raise SourceError(path, f"expected '{expected}'-separated values, found {found} in the header", row=row)


class _Regions:
    """Remembers on which line each region appeared, to report a repeated one."""

    def __init__(self, path: Path, column: str):
        self.path, self.column, self.seen = path, column, {}

    def add(self, key: tuple, line_no: int) -> None:
        if key in self.seen:
            raise SourceError(self.path, f"duplicate row for {' / '.join(map(str, key))} (also line "
                                         f"{self.seen[key]})", row=line_no, column=self.column,
                              details=[f"first on line {self.seen[key]}"])
        self.seen[key] = line_no


def _observations(rows: list[dict]) -> pd.DataFrame:
    if not rows:
        return empty_observations()
    obs = pd.DataFrame(rows)
    for c in OBS_COLUMNS:
        if c not in obs and c not in INTERVAL_COLUMNS:  # interval bounds: NaN (with_obs_columns)
            obs[c] = ""
    obs["waarde"] = obs["waarde"].astype(float)
    return with_obs_columns(obs)


def read_statline_csv(path: Path, regio_codes: dict[str, str]) -> SourceData:
    path = Path(path)
    text = read_text_strict(path)
    first_line = text.splitlines()[0]
    _check_separator(path, first_line, ",", 1)
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in (reader.fieldnames or [])]
    missing = [d for d in DIMENSIONS if d not in fields]
    if missing:
        raise SourceError(path, f"missing column {missing[0]!r}", row=1, column=missing[0])
    measures = [f for f in fields if f not in DIMENSIONS]
    if not measures:
        raise SourceError(path, "no measure columns", row=1)
    soorten: set[str] = set()
    rows = []
    regions = _Regions(path, "RegioS")
    for line_no, rec in enumerate(reader, start=2):
        if None in rec or any(v is None for v in rec.values()):
            raise SourceError(path, "wrong number of fields on this line", row=line_no)
        soorten.add(rec["SoortMisdrijf"].strip())
        if len(soorten) > 1:
            raise SourceError(path, f"expected one SoortMisdrijf, found {sorted(soorten)}", row=line_no,
                              column="SoortMisdrijf")
        code = regio_codes.get(rec["RegioS"].strip())
        peiljaar = _period(path, rec["Perioden"], line_no, "Perioden")
        regions.add((rec["RegioS"].strip(), peiljaar), line_no)
        for m in measures:
            value = _number(path, rec[m], line_no, m)
            if code is None:
                continue
            rows.append({"gebied_code": code, "peiljaar": peiljaar, "kolom": m, "waarde": value,
                         "reden": "" if value is not None else "niet beschikbaar bij de bron",
                         "bron_rij": str(line_no)})
    if not soorten:
        raise SourceError(path, "no data rows", row=2)
    return SourceData(_observations(rows))


def read_statline_export_csv(path: Path, regio_codes: dict[str, str], locale: str = "en") -> SourceData:
    path = Path(path)
    text = read_text_strict(path)
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    header_idx = {row[0].strip(): i for i, row in enumerate(lines) if row and row[0].strip() in
                  ("Onderwerp", "Perioden", "Regio's")}
    if "Perioden" not in header_idx:
        raw_lines = text.splitlines()
        guess = next((i for i, ln in enumerate(raw_lines) if "Perioden" in ln), None)
        if guess is not None:
            _check_separator(path, raw_lines[guess], ";", guess + 1)
        raise SourceError(path, "no 'Perioden' header line: not a StatLine CSV export")
    p_i = header_idx["Perioden"]
    periods = lines[p_i][1:]
    subjects = lines[header_idx["Onderwerp"]][1:] if "Onderwerp" in header_idx else ["waarde"] * len(periods)
    if len(subjects) != len(periods):
        raise SourceError(path, "the Onderwerp and Perioden header lines differ in length", row=p_i + 1)
    years = [_period(path, p, p_i + 1, f"Perioden[{j + 1}]") for j, p in enumerate(periods)]
    start = max(header_idx.values()) + 1
    rows = []
    n_data = 0
    regions = _Regions(path, "Regio's")
    for i in range(start, len(lines)):
        row = lines[i]
        if len(row) <= 1:  # blank line or footer such as "Bron: Politie"
            continue
        line_no = i + 1
        if len(row) != len(periods) + 1:
            raise SourceError(path, f"expected {len(periods) + 1} fields, found {len(row)}", row=line_no)
        n_data += 1
        regions.add((row[0].strip(),), line_no)
        code = regio_codes.get(row[0].strip())
        for j, cell in enumerate(row[1:]):
            value = _number(path, cell, line_no, f"{subjects[j].strip()} {periods[j].strip()}", locale,
                            count=not subjects[j].strip().lower().startswith(("per ", "geregistreerde misdrijven per")))
            if code is None:
                continue
            rows.append({"gebied_code": code, "peiljaar": years[j], "kolom": subjects[j].strip(),
                         "waarde": value, "reden": "" if value is not None else "niet beschikbaar bij de bron",
                         "bron_rij": str(line_no)})
    if n_data == 0:
        raise SourceError(path, "no data lines after the header", row=start + 1)
    return SourceData(_observations(rows))
