"""Text as the privacy rules see it: normalised, and pulled out of HTML pages, CSV files and PDFs.

Normalising makes one spelling of everything that a reader would read the same: no-break and
zero-width spaces, line breaks and runs of spaces become one space, soft hyphens disappear and
accents are dropped (so "Yılmaz"/"Yilmaz" and "Ria\\nVerhoeven" match the deny-list). Case is
kept: some rules need it (a capitalised word is a name, a lower-case one a word).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_LETTERS = str.maketrans("ıİłŁøØđĐ", "iIlLoOdD")  # letters without a decomposition: Yılmaz = Yilmaz
# Sphinx turns ' and " into typographic quotes: "'t Ruige Veld" on a page is the wijk of the table.
_QUOTES = str.maketrans({**dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"), **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"')})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """One space for any whitespace, no invisible characters, no accents, straight quotes; case kept."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_LETTERS).translate(_QUOTES)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True)
class Fragment:
    """A piece of published text and where it is (a page, 'pagina 3' of a PDF, 'rij 12' of a CSV)."""

    text: str
    where: str = ""


# --- HTML -------------------------------------------------------------------------------------

_BLOCKS = {"p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "thead", "tbody", "caption", "h1", "h2", "h3",
           "h4", "h5", "h6", "blockquote", "section", "article", "main", "aside", "nav", "header", "footer", "dd",
           "dt", "dl", "figure", "figcaption", "details", "summary", "pre", "title", "body", "head", "html", "form",
           "label", "option", "select", "button"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col"}
_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
_JSON_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"(\s*:)?')
_HASH_LIKE = re.compile(r"^[A-Za-z]*[-_]?[0-9a-f]{16,}$")


def json_strings(script: str) -> list[str]:
    """String values (not keys) inside a script: the data and labels of an embedded chart."""
    out = []
    for m in _JSON_STRING.finditer(script):
        if m.group(2):  # a key
            continue
        try:
            value = json.loads(f'"{m.group(1)}"')
        except json.JSONDecodeError:
            continue
        if value.strip() and not _HASH_LIKE.match(value):
            out.append(value)
    return out


class _PageText(HTMLParser):
    """Blocks of visible text, attribute texts and script strings of the page's main part."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.buf: list[str] = []
        self.scripts: list[str] = []
        self.attrs: list[str] = []
        self.skip = 0  # inside <style> or a heading's permalink
        self.in_script = False
        self.main_depth = 0
        self.main_blocks: list[str] | None = None

    def _flush(self) -> None:
        text = "".join(self.buf)
        if text.strip():
            self.blocks.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.skip:
            self.skip += tag not in _VOID
            return
        if tag == "style" or (tag == "a" and "headerlink" in (a.get("class") or "")):
            self.skip = 1
            return
        if tag == "script":
            self.in_script = True
        if tag in _BLOCKS:
            self._flush()
        for name in _ATTRIBUTES:
            if a.get(name):
                self.attrs.append(a[name])

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1
            return
        if tag == "script":
            self.in_script = False
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.in_script:
            self.scripts.append(data)
        else:
            self.buf.append(data)


def _main_part(markup: str) -> str:
    """The page's main content (Sphinx themes mark it); the theme's chrome around it is the same
    on every page and comes from the table of contents, whose titles are on the pages themselves."""
    start = re.search(r"<main\b[^>]*>", markup)
    if not start:
        return markup
    end = markup.rfind("</main>")
    return markup[start.start(): end + 7 if end > start.start() else len(markup)]


def html_fragments(markup: str, where: str) -> list[Fragment]:
    head = re.search(r"<title>(.*?)</title>", markup, re.S)
    parser = _PageText()
    parser.feed(_main_part(markup))
    parser.close()
    parser._flush()
    texts = [head.group(1)] if head else []
    texts += parser.blocks + parser.attrs
    for script in parser.scripts:
        texts += json_strings(script)
    seen: set[str] = set()
    out = []
    for t in texts:
        n = normalise(t)
        if n and n not in seen:
            seen.add(n)
            out.append(Fragment(n, where))
    return out


# --- CSV and PDF ------------------------------------------------------------------------------


def csv_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and (line number, cells) of a downloadable CSV (comma or semicolon separated)."""
    text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    header: list[str] = []
    for i, rec in enumerate(reader):
        if i == 0:
            header = rec
        else:
            rows.append((reader.line_num, rec))
    return header, rows


def csv_fragments(path: Path, where: str) -> list[Fragment]:
    header, rows = csv_rows(path)
    out = [Fragment(normalise(" ".join(header)), f"{where} (kopregel)")]
    seen: set[str] = set()
    for line, rec in rows:
        for cell in rec:
            n = normalise(cell)
            if n and not _NUMBER.fullmatch(n) and n not in seen:
                seen.add(n)
                out.append(Fragment(n, f"{where} (rij {line})"))
    return out


_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def pdf_fragments(path: Path, where: str) -> list[Fragment]:
    """The text of every page (pypdf): a line break inside a name or a hyphenated word at the
    end of a line is read as the reader reads it."""
    from pypdf import PdfReader

    out = []
    reader = PdfReader(str(path))
    for i, page in enumerate(reader.pages, start=1):
        raw = page.extract_text() or ""
        joined = re.sub(r"(\w)-\n(\w)", r"\1\2", raw)  # a word hyphenated at the end of a line
        out.append(Fragment(normalise(joined), f"{where} (pagina {i})"))
    return out
