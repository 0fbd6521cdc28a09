"""The privacy gate: nothing personal may reach the published book.

It scans the executed notebooks before the book is rendered and every built HTML page
after, for

* e-mail addresses, Dutch phone numbers, postcodes (1234 AB) and street names with a
  house number (Muntplein 14);
* names on the deny-list in data/privacy.yml;
* participant counts from 1 to 4 shown as numbers in cells that break people down
  (table cells marked ``vw-n``): those must read ``< 5``.

Any finding fails ``make book``; the built site is then removed so it cannot be published.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from pydantic import BaseModel, ConfigDict, Field

from .registries import load_yaml_model

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# Not inside a longer number or a decimal (1.0612345678), but a sentence may end after it.
PHONE = re.compile(r"(?<![\w.,])(?:\+31|0031|0)(?:[\s-]?\d){9}(?!\d|[.,]\d)")
POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\w-])")


class PrivacyConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    namen: list[str] = Field(default_factory=list)
    straattypen: list[str] = Field(min_length=1)
    toegestaan: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    where: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.kind}: {self.text!r}"


class Rules:
    def __init__(self, config: PrivacyConfig):
        self.config = config
        suffixes = "|".join(re.escape(s) for s in config.straattypen)
        self.street = re.compile(rf"\b[A-Z][\w'-]*(?:{suffixes})\s+\d{{1,4}}(?:\s?[a-zA-Z])?\b")
        self.names = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.IGNORECASE) for n in config.namen]

    @classmethod
    def load(cls, path: Path) -> "Rules":
        return cls(load_yaml_model(path, PrivacyConfig))

    def scan_text(self, text: str, where: str) -> list[Finding]:
        text = html.unescape(text)
        found = []
        for kind, pattern in (("e-mailadres", EMAIL), ("telefoonnummer", PHONE), ("postcode", POSTCODE),
                              ("straat met huisnummer", self.street)):
            found += [Finding(where, kind, m.group(0)) for m in pattern.finditer(text)]
        for pattern in self.names:
            found += [Finding(where, "naam op de deny-list", m.group(0)) for m in pattern.finditer(text)]
        return [f for f in found if f.text not in self.config.toegestaan]


class _SmallCells(HTMLParser):
    """Collects the text of every cell with the class vw-n."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.cells: list[str] = []
        self.buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("td", "th") and "vw-n" in classes:
            self.depth = 1
            self.buf = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.depth:
            self.cells.append("".join(self.buf).strip())
            self.depth = 0

    def handle_data(self, data):
        if self.depth:
            self.buf.append(data)


def small_cells(markup: str, where: str) -> list[Finding]:
    parser = _SmallCells()
    parser.feed(markup)
    return [Finding(where, "cel met minder dan 5 deelnemers", c) for c in parser.cells
            if c.isdigit() and 0 < int(c) < 5]


def scan_html(markup: str, rules: Rules, where: str) -> list[Finding]:
    return rules.scan_text(markup, where) + small_cells(markup, where)


def scan_notebook(path: Path, rules: Rules, label: str | None = None) -> list[Finding]:
    nb = nbformat.read(path, as_version=4)
    where = label or str(path)
    found = []
    for i, cell in enumerate(nb.cells):
        here = f"{where} (cel {i + 1})"
        if cell.cell_type == "markdown":
            found += rules.scan_text(cell.source, here)
            continue
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            for mime, value in data.items():
                text = value if isinstance(value, str) else "".join(value) if isinstance(value, list) else \
                    json.dumps(value)
                if mime == "text/html":
                    found += scan_html(text, rules, here)
                elif mime.startswith("text/"):
                    found += rules.scan_text(text, here)
            if out.get("output_type") == "stream":
                found += rules.scan_text(out.get("text", ""), here)
    return found


def scan_notebooks(folder: Path, rules: Rules) -> list[Finding]:
    found = []
    for path in sorted(Path(folder).rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts or path.name.startswith("."):
            continue
        found += scan_notebook(path, rules, str(path.relative_to(folder)))
    return found


def scan_site(site: Path, rules: Rules) -> list[Finding]:
    found = []
    for path in sorted(Path(site).rglob("*.html")):
        found += scan_html(path.read_text(encoding="utf-8", errors="replace"), rules, str(path.relative_to(site)))
    return found


def report(findings: list[Finding], limit: int = 30) -> str:
    lines = [f"privacy gate: {len(findings)} finding(s); the book is not published"]
    lines += [f"  {f}" for f in findings[:limit]]
    if len(findings) > limit:
        lines.append(f"  ... and {len(findings) - limit} more")
    return "\n".join(lines)
