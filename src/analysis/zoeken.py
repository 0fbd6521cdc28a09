"""The book's offline search: how words are stemmed for the index, the synonym registry
(``data/zoekwoorden.yml``), and a Python copy of the browser's search for tests.

Why the stemmer is chosen here. Sphinx writes the index with the Python ``snowballstemmer``
package and the browser stems the query with the JavaScript stemmer Sphinx ships in
``language_data.js``. Since snowballstemmer 3.0 the Python algorithm called ``dutch`` is a new
one, while Sphinx 7.4's JavaScript is still the classic Porter-style Dutch stemmer (called
``dutch_porter`` in snowballstemmer 3). With both, "Neckardreef" is indexed as ``neckardreef``
but searched as ``neckardref``, and nothing is found. The index must therefore use the
algorithm the browser uses; ``tests/test_site.py`` stems the index's words in the browser to
prove they agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .paths import data_dir
from .registries import cross_error, load_yaml_model

ZOEKWOORDEN = "zoekwoorden.yml"
WORD = re.compile(r"^\w+$")


def stemmer_name() -> str:
    """The snowball algorithm equal to the browser's Dutch stemmer (see the module docstring)."""
    return "dutch_porter" if "dutch_porter" in snowballstemmer.algorithms() else "dutch"


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer(stemmer_name())


def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


# --- the synonym registry -------------------------------------------------------------------------


class _Groep(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    woorden: list[str] = Field(min_length=2)
    waarom: str = Field(min_length=1)

    @field_validator("woorden")
    @classmethod
    def _single_words(cls, v: list[str]) -> list[str]:
        for w in v:
            if not WORD.match(w):
                raise ValueError(f"{w!r} is not one word (letters, digits or _ only)")
        return v


class Zoekwoorden(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    synoniemen: list[_Groep]


def load_zoekwoorden(folder: Path | None = None) -> Zoekwoorden:
    """Validated synonym groups; a word (by its stem) may belong to one group only."""
    path = (folder or data_dir()) / ZOEKWOORDEN
    z = load_yaml_model(path, Zoekwoorden)
    seen: dict[str, int] = {}
    for i, g in enumerate(z.synoniemen):
        for j, w in enumerate(g.woorden):
            s = stem(w)
            if s in seen and seen[s] != i:
                raise cross_error(path, ("synoniemen", i, "woorden", j),
                                  f"{w!r} is already in group {seen[s] + 1}; a word belongs to one group")
            seen[s] = i
    return z


def synonym_map(z: Zoekwoorden) -> dict[str, list[str]]:
    """stem -> the other words of its group (unstemmed: the indexer stems them itself)."""
    out: dict[str, list[str]] = {}
    for g in z.synoniemen:
        for w in g.woorden:
            out.setdefault(stem(w), [o for o in g.woorden if stem(o) != stem(w)])
    return out


# --- the browser's search, in Python --------------------------------------------------------------


@dataclass(frozen=True)
class SearchIndex:
    docnames: list[str]
    titles: list[str]
    terms: dict[str, list[int]]
    titleterms: dict[str, list[int]]
    alltitles: dict[str, list]
    stopwords: frozenset[str] = frozenset()

    @classmethod
    def load(cls, site: Path) -> "SearchIndex":
        """Read ``searchindex.js`` (``Search.setIndex({...})``) and the stopwords of ``language_data.js``."""
        text = (site / "searchindex.js").read_text(encoding="utf-8")
        data = json.loads(text[text.index("(") + 1:text.rindex(")")])
        stop = frozenset()
        lang = site / "_static" / "language_data.js"
        if lang.exists():
            m = re.search(r"var stopwords = (\[.*?\]);", lang.read_text(encoding="utf-8"), re.S)
            stop = frozenset(json.loads(m.group(1))) if m else frozenset()

        def lists(d: dict) -> dict[str, list[int]]:
            return {k: v if isinstance(v, list) else [v] for k, v in d.items()}

        return cls(data["docnames"], data["titles"], lists(data["terms"]), lists(data["titleterms"]),
                   data.get("alltitles", {}), stop)

    def search(self, query: str) -> list[str]:
        """The docnames the browser lists for ``query`` (Sphinx 7.4 searchtools.js: every query
        word must match a page, as a whole stemmed term or as part of one; titles match too)."""
        words = [w for w in re.split(r"[^\w]+", query.strip(), flags=re.U) if w]
        terms = {stem(w) for w in words if w.lower() not in self.stopwords and not w.isdigit()}
        found: dict[int, set[str]] = {}
        for term in terms:
            files: set[int] = set()
            for table in (self.terms, self.titleterms):
                files.update(table.get(term, []))
                if len(term) > 2 and term not in table:
                    for key, docs in table.items():
                        if term in key:
                            files.update(docs)
            for f in files:
                found.setdefault(f, set()).add(term)
        wanted = {t for t in terms if len(t) > 2}
        hits = {f for f, ws in found.items() if ws == terms or ws == wanted}
        q = query.lower().strip()
        for title, places in self.alltitles.items():
            if q in title.lower() and len(q) >= len(title) / 2:
                hits.update(file for file, _anchor in places)
        return sorted(self.docnames[f] for f in hits)
