"""How readable a built page is: the Flesch-Douma score of its running text, and words readers
should never meet there (table codes, area codes, internal ids, build words, stiff inversions).

*Running text* is what a reader reads as sentences: paragraphs, list items, figure captions and
definition lists inside the article. Left out: tables (the kernset tables and the data tables of
figures), a diagram's text alternative (``vw-diagramtekst``, like a chart's data table), code, the charts' own markup, note titles, navigation and footer, and the sources
section (a section whose heading starts with "Bronnen"), where table codes belong. Tooltips are
attributes, not text, so they are never read.

Flesch-Douma (Douma 1960, the Dutch adaptation of Flesch's reading ease)::

    206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)

pooled over the whole page. B1 Dutch needs about 60 or more.

- *Words* are tokens holding at least one letter ("65-plussers" and "WOZ-waarde" are one word);
  bare numbers ("69,9%", "2024") are not counted, as the formula was made for words.
- *Sentences* end at ".", "!" or "?" followed by a space, and at the end of every block (a list
  item without a full stop is one sentence). Common abbreviations ("o.a.", "bijv.") do not end one.
- *Syllables*: Dutch hyphenation patterns (``pyphen``, the LibreOffice nl_NL dictionary) split a
  word at syllable boundaries; as typesetting never splits off a single letter ("Over-vecht",
  "idee-ën"), every hyphenation part then counts its vowel groups: a run of vowels (a e i o u y, and
  "ij") is one syllable, and a vowel with a diaeresis (ë ï ö ü) starts a new one. "Overvecht" = 3,
  "ideeën" = 3, "mooie" = 2, "België" = 3, "eenzaamheid" = 3, "WOZ-waarde" = 3.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

B1_MINIMUM = 60.0
BLOCKS = ("p", "li", "figcaption", "dd", "dt")
# Children that are blocks of their own (read separately) or not running text at all.
NESTED_BLOCKS = {"p", "ul", "ol", "dl", "table", "div", "figure", "details", "pre", "blockquote", "section",
                 "script", "style", "svg", "form", "nav", "aside"}
SKIP_INSIDE = {"table", "pre", "script", "style", "svg", "nav", "header", "footer", "form", "summary"}
SKIP_CLASSES = {"vega-embed", "vw-chart", "vw-data", "vw-diagramtekst", "admonition-title", "highlight", "cell_input", "toctree-wrapper",
                "prev-next-area", "vw-downloads", "headerlink"}
SOURCES_HEADING = re.compile(r"^\s*(\d+\.\s*)?Bronnen\b", re.I)
ABBREVIATIONS = ("o.a.", "bijv.", "bv.", "ca.", "nr.", "t.o.v.", "i.p.v.", "enz.", "e.d.", "d.w.z.", "m.a.w.", "vs.",
                 "incl.", "excl.", "max.", "min.", "resp.", "mr.", "dr.", "ir.", "drs.", "ing.", "etc.")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
TOKEN = re.compile(r"[\w'’]+(?:[-‐][\w'’]+)*")
VOWELS = "aeiouy"
DIAERESIS = "äëïöü"


# --- extracting the running text ------------------------------------------------------------------------


def _skipped(tag) -> bool:
    for el in [tag, *tag.parents]:
        name = getattr(el, "name", None)
        if name in SKIP_INSIDE:
            return True
        classes = set(el.get("class", []) or []) if hasattr(el, "get") else set()
        if classes & SKIP_CLASSES:
            return True
        if name == "section" and _is_sources_section(el):
            return True
    return False


def _is_sources_section(section) -> bool:
    heading = section.find(re.compile(r"^h[1-6]$"))
    return heading is not None and bool(SOURCES_HEADING.match(heading.get_text(" ", strip=True)))


def _own_text(tag) -> str:
    from bs4 import Comment, NavigableString, Tag

    parts = []
    for child in tag.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag):
            if child.name in NESTED_BLOCKS or (set(child.get("class", []) or []) & SKIP_CLASSES):
                continue
            parts.append(_own_text(child))
    return "".join(parts)


def running_text(html: str) -> list[str]:
    """The running text of a built page, one string per block, in page order."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one("main") or soup.body or soup
    out = []
    for tag in article.find_all(BLOCKS):
        if tag.name == "p" and tag.find_parent("li") is not None and tag.find_parent("li").find("p") is tag:
            continue  # the first paragraph of a list item is read as the item itself
        if _skipped(tag):
            continue
        text = _own_text(tag)
        if tag.name == "li":  # a list item's own paragraph(s), without nested lists
            text += " " + " ".join(_own_text(p) for p in tag.find_all("p", recursive=False))
        text = re.sub(r"\s+", " ", text).strip()
        if re.search(r"[^\W\d_]", text):
            out.append(text)
    return out


# --- counting --------------------------------------------------------------------------------------------


def sentences(block: str) -> list[str]:
    text = block
    for abbr in ABBREVIATIONS:
        text = re.sub(rf"(?<![\w.]){re.escape(abbr)}", abbr.replace(".", "\u2024"), text, flags=re.I)
    parts = [s.strip() for s in SENTENCE_END.split(text)]
    return [p.replace("\u2024", ".") for p in parts if re.search(r"[^\W\d_]", p)]


def words(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text) if re.search(r"[^\W\d_]", t)]


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="nl_NL", left=1, right=1)


def _vowel_groups(part: str) -> int:
    s = unicodedata.normalize("NFC", part.lower()).replace("ij", "y")
    count, previous = 0, False
    for ch in s:
        if ch in DIAERESIS:
            count += 1
            previous = True
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        is_vowel = base in VOWELS
        if is_vowel and not previous:
            count += 1
        previous = is_vowel
    # "ooi", "aai" and "oei" followed by an "e" are two syllables: mooi-e, bloei-en
    return count + len(re.findall(r"(?:aai|ooi|oei)e", s))


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables of a Dutch word (see the module docstring)."""
    parts = _hyphenator().inserted(word, hyphen="\u00ad").replace("-", "\u00ad").split("\u00ad")
    return max(1, sum(_vowel_groups(p) for p in parts))


@dataclass(frozen=True)
class Score:
    words: int
    sentences: int
    syllables: int

    @property
    def flesch_douma(self) -> float | None:
        if not self.words or not self.sentences:
            return None
        return 206.835 - 0.93 * self.words / self.sentences - 77 * self.syllables / self.words

    def __str__(self) -> str:
        fd = self.flesch_douma
        return (f"Flesch-Douma {fd:.1f} ({self.words} words, {self.sentences} sentences, "
                f"{self.words / max(1, self.sentences):.1f} words/sentence, "
                f"{self.syllables / max(1, self.words):.2f} syllables/word)" if fd is not None else "no running text")


def score(blocks: list[str]) -> Score:
    n_words = n_sentences = n_syllables = 0
    for block in blocks:
        for s in sentences(block):
            ws = words(s)
            if not ws:
                continue
            n_sentences += 1
            n_words += len(ws)
            n_syllables += sum(syllables(w) for w in ws)
    return Score(n_words, n_sentences, n_syllables)


# --- words readers should not meet -------------------------------------------------------------------------

COMPARATIVES = r"(?:On)?[Gg]unstiger|Hoger|Lager|Beter|Slechter|Groter|Kleiner|Meer|Minder"
BANNED: dict[str, re.Pattern] = {
    "tabelcode": re.compile(r"\b\d{5}NED\b"),
    "gebiedscode": re.compile(r"\b(?:WK\d{6}|BU\d{8}|GM\d{4})\b"),
    # "demografie.inwoners"; not a domain ("www.rivm.nl") nor a file name ("plan.yml", a build word)
    "interne id met punt": re.compile(r"(?<![\w./])[a-z]+(?:_[a-z0-9]+)*\.[a-z][a-z0-9]{3,}(?:_[a-z0-9]+)*(?!\w|\.\w)"),
    "interne id met liggend streepje": re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
    "bouwwoord": re.compile(r"\bmirror\b|bronbestanden van dit boek|\bpapermill\b|\b\w+\.ya?ml\b", re.I),
    "Kleinereichschattingen": re.compile(r"kleinereich", re.I),
    "stijve inversie": re.compile(rf"^(?:{COMPARATIVES}) dan (?:\S+ ){{1,8}}(?:is|zijn|ligt|liggen|scoort|scoren|"
                                  rf"staat|staan)\b"),
}


@dataclass(frozen=True)
class Finding:
    soort: str
    match: str
    context: str

    def __str__(self) -> str:
        return f"{self.soort}: {self.match!r} in {self.context!r}"


def banned(blocks: list[str]) -> list[Finding]:
    out = []
    for block in blocks:
        for name, pattern in BANNED.items():
            targets = sentences(block) if name == "stijve inversie" else [block]
            for text in targets:
                for m in pattern.finditer(text):
                    start = max(0, m.start() - 50)
                    out.append(Finding(name, m.group(0), text[start:m.end() + 50]))
    return out


@dataclass
class PageReport:
    path: str
    score: Score
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        fd = self.score.flesch_douma
        return fd is not None and fd >= B1_MINIMUM and not self.findings


def page_report(path: Path, name: str | None = None) -> PageReport:
    blocks = running_text(Path(path).read_text(encoding="utf-8"))
    return PageReport(name or str(path), score(blocks), banned(blocks))


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.leesbaarheid PAGE.html ...``: the score and findings of built pages."""
    argv = sys.argv[1:] if argv is None else argv
    bad = 0
    for arg in argv:
        r = page_report(Path(arg))
        print(f"{arg}: {r.score}")
        for f in r.findings:
            print(f"  {f}")
        bad += not r.ok
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
