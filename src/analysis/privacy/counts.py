"""Participant counts from 1 to 4 anywhere in a published page or download.

Fieldwork pages show such counts as '< 5' or leave the theme out (README of data/kwalitatief);
this check makes that hold for every place a count can show up:

* table cells marked ``vw-n`` (the narrative pages mark every count they print);
* any table column headed Deelnemers, Respondenten or Antwoorden, on any page or CSV;
* chart data embedded in a page: a record field named like a participant count;
* running text: "3 deelnemers", "4 respondenten".
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

COUNT_HEADER = re.compile(r"^(?:aantal\s+)?(?:deelnemers?|respondenten?|antwoorden|geïnterviewden|geinterviewden)$",
                          re.I)
COUNT_FIELDS = {"deelnemers", "aantal_deelnemers", "respondenten", "antwoorden", "geldig", "n"}
_IN_TEXT = re.compile(r"(?<![\d.,])([1-4]|twee|drie|vier)\s+(?:deelnemers?|respondenten?|geïnterviewden|"
                      r"geinterviewden|personen)\b", re.I)
_SPEC = re.compile(r"var spec=(\{.*?\});var opt=", re.S)


def is_small(text: str) -> bool:
    text = text.strip()
    return text.isdigit() and 0 < int(text) < 5


class _Tables(HTMLParser):
    """Cells of every table with their column header, and every vw-n cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.headers: list[str] = []
        self.col = 0
        self.cell: list[str] | None = None
        self.cell_is_n = False
        self.cell_is_header = False
        self.in_head = False
        self.header_row_done = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.headers, self.header_row_done = [], False
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.col = 0
        elif tag in ("td", "th"):
            a = dict(attrs)
            self.cell = []
            self.cell_is_n = "vw-n" in (a.get("class") or "").split()
            self.cell_is_header = self.in_head or (tag == "th" and not self.header_row_done
                                                  and a.get("scope") == "col")

    def handle_endtag(self, tag):
        if tag == "thead":
            self.in_head, self.header_row_done = False, True
        elif tag in ("td", "th") and self.cell is not None:
            text = "".join(self.cell).strip()
            if self.cell_is_header:
                self.headers.append(text)
            else:
                header = self.headers[self.col] if self.col < len(self.headers) else ""
                if is_small(text) and (self.cell_is_n or COUNT_HEADER.match(header)):
                    self.found.append(f"{header or 'cel'}: {text}")
            self.col += 1
            self.cell = None
        elif tag == "tr" and self.headers:
            self.header_row_done = True

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def _records(value, path: str = ""):
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)):
                yield from _records(v, k)
            elif k.casefold() in COUNT_FIELDS and isinstance(v, (int, float)) and not isinstance(v, bool) \
                    and 0 < v < 5 and float(v).is_integer():
                yield f"{path or 'figuur'}.{k}: {int(v)}"
    elif isinstance(value, list):
        for v in value:
            yield from _records(v, path)


def small_counts_html(markup: str) -> list[str]:
    """Descriptions of every participant count from 1 to 4 on a page."""
    parser = _Tables()
    parser.feed(markup)
    found = list(parser.found)
    for m in _SPEC.finditer(markup):
        try:
            spec = json.loads(m.group(1).replace("<\\/", "</"))
        except json.JSONDecodeError:
            continue
        found += [f"figuurgegevens {r}" for r in _records(spec.get("datasets", {}))]
    text = re.sub(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", " ", markup, flags=re.S)
    found += [f"tekst: {m.group(0)}" for m in _IN_TEXT.finditer(" ".join(text.split()))]
    return found


def small_counts_csv(header: list[str], rows: list[tuple[int, list[str]]]) -> list[str]:
    cols = [i for i, h in enumerate(header) if COUNT_HEADER.match(h.strip())]
    return [f"rij {line}, kolom {header[i]}: {rec[i]}" for line, rec in rows for i in cols
            if i < len(rec) and is_small(rec[i])]


def small_counts_file(path: Path) -> list[str]:
    from .text import csv_rows

    return small_counts_csv(*csv_rows(path))
