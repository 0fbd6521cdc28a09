"""A third party's per-gemeente JSON derived from CBS, Politie and RIVM tables.

Not a publisher format, so it is read as its own source and every figure is attributed to
the original table the file names in its ``bron`` fields:

* ``demografie``: Kerncijfers wijken en buurten 2024 (85984NED), for the gemeente, its
  wijken and buurten (and Nederland in ``nl.json``);
* ``veiligheid.trend``: registered crimes per calendar year (47022NED), for the gemeente
  and its buurten; the last year may be partial;
* ``gezondheid.trend``: ervaren gezondheid 18+ (50150NED), for the gemeente, its buurten
  and Nederland (which also carries ``langdurigeAandoening``).

Known quirks handled here: a buurt's ``wijkCode`` is wrong (10 characters), so the wijk is
derived from the buurt code; ``nl.json`` uses the code ``NL00`` for the Netherlands (CBS:
``NL01``); ``wozWaarde`` and ``inkomenPerInwoner`` are in thousands of euros.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from ..codes import LEVEL_PATTERN
from ..errors import SourceError
from ._common import SourceData, empty_observations, read_json, with_obs_columns

TABLE_IN_TEXT = re.compile(r"tabel (\d{5}NED)")
YEAR_IN_TEXT = re.compile(r"\b(20\d{2})\b")
PERCENT_FIELDS = {"goedErvarenGezondheid", "langdurigeAandoening", "koopwoningen", "eengezinswoning"}
NON_NUMERIC = {"postcode", "stedelijkheidLabel"}
EXPECTED_TABLES = {"kerncijfers": "85984NED", "veiligheid": "47022NED", "gezondheid": "50150NED"}


class _Reader:
    def __init__(self, path: Path, doc: dict[str, Any]):
        self.path = path
        self.doc = doc
        self.rows: list[dict[str, Any]] = []
        self.names: list[dict[str, str]] = []

    def fail(self, message: str, where: str, column: str | None = None) -> SourceError:
        return SourceError(self.path, message, row=where, column=column)

    def table(self, text: object, section: str, where: str) -> str:
        m = TABLE_IN_TEXT.search(str(text or ""))
        if not m:
            raise self.fail(f"cannot find the source table in {text!r}", where, f"{section}.bron")
        if m.group(1) != EXPECTED_TABLES[section]:
            raise self.fail(f"expected table {EXPECTED_TABLES[section]}, found {m.group(1)}", where,
                            f"{section}.bron")
        return m.group(1)

    def number(self, value: object, where: str, column: str, field: str) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(f"not a number: {value!r}", where, column)
        if value < 0:
            raise self.fail(f"negative value {value!r}", where, column)
        if field in PERCENT_FIELDS and value > 100:
            raise self.fail(f"percentage {value!r} outside 0-100", where, column)
        return float(value)

    def add(self, code: str, peiljaar: int, kolom: str, value: float | None, tabel: str, where: str,
            reden: str = "niet beschikbaar bij de bron (null)") -> None:
        self.rows.append({"gebied_code": code, "peiljaar": peiljaar, "kolom": kolom, "waarde": value,
                          "reden": "" if value is not None else reden, "bron_tabel": tabel,
                          "leeftijd": "", "bron_rij": where})

    def area(self, rec: dict[str, Any], where: str, expected_level: str, gemeente: str | None,
             kwb_table: str, kwb_year: int) -> None:
        code = str(rec.get("code", "")).strip()
        if code == "NL00":
            code = "NL01"
        if not LEVEL_PATTERN[expected_level].match(code):
            raise self.fail(f"unknown area code {rec.get('code')!r} for a {expected_level}", where, "code")
        if gemeente and code[2:6] != gemeente[2:6]:
            raise self.fail(f"{code} does not lie in gemeente {gemeente}", where, "code")
        where = f"{where} ({code})"
        if rec.get("name"):
            self.names.append({"gebied_code": code, "naam": str(rec["name"]).strip()})
        demo = rec.get("demografie")
        if not isinstance(demo, dict):
            raise self.fail("missing 'demografie'", where, "demografie")
        for field, value in demo.items():
            if field in NON_NUMERIC:
                continue
            col = f"demografie.{field}"
            self.add(code, kwb_year, col, self.number(value, where, col, field), kwb_table, where)
        veil = rec.get("veiligheid")
        if isinstance(veil, dict) and "trend" in veil:
            tabel = self.table(veil.get("bron"), "veiligheid", where)
            for year, value in self.trend_items(veil["trend"], where, "veiligheid.trend"):
                self.add(code, year, "veiligheid.trend", self.number(value, where, f"veiligheid.trend.{year}", ""),
                         tabel, where)
        gez = rec.get("gezondheid")
        if isinstance(gez, dict) and "trend" in gez:
            tabel = self.table(gez.get("bron"), "gezondheid", where)
            latest = None
            for year, value in self.trend_items(gez["trend"], where, "gezondheid.trend"):
                values = value if isinstance(value, dict) else {"goedErvarenGezondheid": value}
                for field, v in values.items():
                    col = f"gezondheid.{field}"
                    num = self.number(v, where, f"gezondheid.trend.{year}.{field}", field)
                    self.add(code, year, col, num, tabel, where)
                    if field == "goedErvarenGezondheid":
                        latest = (year, num)
            headline = self.number(gez.get("goedErvarenGezondheid"), where, "gezondheid.goedErvarenGezondheid",
                                   "goedErvarenGezondheid")
            if latest and headline is not None and latest[1] is not None and abs(headline - latest[1]) > 1e-9:
                raise self.fail(f"goedErvarenGezondheid {headline} differs from the trend value {latest[1]} "
                                f"of {latest[0]}", where, "gezondheid.goedErvarenGezondheid")

    def trend_items(self, trend: object, where: str, column: str):
        if not isinstance(trend, dict):
            raise self.fail("expected an object keyed by year", where, column)
        for key in sorted(trend):
            if not re.fullmatch(r"\d{4}", str(key)):
                raise self.fail(f"trend key {key!r} is not a year", where, column)
            yield int(key), trend[key]


def read_woonikveilig(path: Path) -> SourceData:
    path = Path(path)
    doc = read_json(path)
    if not isinstance(doc, dict):
        raise SourceError(path, "expected a JSON object")
    kind = doc.get("type")
    if kind not in ("gemeente", "land"):
        raise SourceError(path, f"unknown type {kind!r} (expected 'gemeente' or 'land')", row="<top>", column="type")
    reader = _Reader(path, doc)
    bronnen = doc.get("bronnen") or {}
    kwb_text = bronnen.get("kerncijfers", "CBS Kerncijfers wijken en buurten 2024 (tabel 85984NED)")
    kwb_table = reader.table(kwb_text, "kerncijfers", "<top>")
    year = YEAR_IN_TEXT.search(kwb_text)
    if not year:
        raise reader.fail(f"cannot find the Kerncijfers year in {kwb_text!r}", "<top>", "bronnen.kerncijfers")
    kwb_year = int(year.group(1))
    level = "land" if kind == "land" else "gemeente"
    reader.area(doc, "<top>", level, None, kwb_table, kwb_year)
    gemeente = reader.rows[0]["gebied_code"] if kind == "gemeente" and reader.rows else None
    if kind == "gemeente":
        for key, lvl in (("wijken", "wijk"), ("buurten", "buurt")):
            items = doc.get(key)
            if not isinstance(items, list):
                raise reader.fail(f"missing list '{key}'", "<top>", key)
            for i, rec in enumerate(items):
                reader.area(rec, f"{key}[{i}]", lvl, gemeente, kwb_table, kwb_year)
    if not reader.rows:
        return SourceData(empty_observations())
    obs = pd.DataFrame(reader.rows)
    obs["waarde"] = obs["waarde"].astype(float)
    dupes = obs.duplicated(["gebied_code", "peiljaar", "kolom"], keep=False)
    if dupes.any():
        first = obs[dupes].iloc[0]
        raise SourceError(path, f"area {first.gebied_code} appears more than once", row=first.bron_rij,
                          column="code")
    return SourceData(with_obs_columns(obs), namen=pd.DataFrame(reader.names))
