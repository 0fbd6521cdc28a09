"""The offline search finds what readers type: buurt names from tables and findings, Dutch word
forms ("eenzaam" finds "eenzaamheid") and synonyms from data/zoekwoorden.yml ("criminaliteit"
finds pages about misdrijven).

The built index is searched with ``analysis.zoeken.SearchIndex``, a copy of Sphinx 7.4's browser
search stemming with the same algorithm as the browser (tests/test_site.py checks in Chromium that
the two stemmers agree and runs the same queries through the real JavaScript search).
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from analysis.errors import RegistryError
from analysis.zoeken import SearchIndex, load_zoekwoorden, stem, stemmer_name, synonym_map

# query -> pages that must be found, and the part of the site every hit must lie in (None: anywhere)
QUERIES = {
    # a buurt finds its own wijk's factsheets and the overview of the four wijken, nothing else
    "Neckardreef": (["book/factsheets/overvecht-2023", "book/factsheets/overvecht-2025"],
                    ("book/factsheets/overvecht-", "book/overzicht")),
    "Driften": ([f"book/factsheets/batau-{m}" for m in (2021, 2023, 2025)], ("book/factsheets/batau-", "book/overzicht")),
    "eenzaam": (["book/verhalen/batau-2023", "book/factsheets/overvecht-2025"], None),
    "criminaliteit": ([f"book/factsheets/{g}-{m}" for g in ("overvecht", "batau", "vollenhove", "soesterkwartier")
                       for m in (2021, 2023, 2025)], None),
}


# --- units -----------------------------------------------------------------------------------------


def test_dutch_stemming_joins_word_forms():
    assert stem("eenzaam") == stem("eenzaamheid")
    assert stem("woning") == stem("woningen") and stem("veilig") == stem("veiligheid")
    assert stem("Neckardreef") == "neckardref"  # what the browser's stemmer makes of it


def test_the_index_uses_the_browsers_algorithm():
    import snowballstemmer

    if "dutch_porter" in snowballstemmer.algorithms():
        # snowballstemmer >= 3: 'dutch' is a newer algorithm than the browser's JavaScript one
        assert stemmer_name() == "dutch_porter"
        assert snowballstemmer.stemmer("dutch").stemWord("neckardreef") != stem("neckardreef")


def test_synonym_registry_loads_and_maps_both_ways():
    z = load_zoekwoorden()
    m = synonym_map(z)
    assert "criminaliteit" in m[stem("misdrijven")]
    assert "misdrijven" in m[stem("criminaliteit")]
    assert all(g.waarom for g in z.synoniemen)


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "zoekwoorden.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_a_word_in_two_groups_is_refused_with_its_place(tmp_path):
    folder = _write(tmp_path, """\
        synoniemen:
          - woorden: [misdrijven, criminaliteit]
            waarom: a
          - woorden: [huizen, misdrijven]
            waarom: b
        """)
    with pytest.raises(RegistryError) as e:
        load_zoekwoorden(folder)
    msg = str(e.value)
    assert "zoekwoorden.yml" in msg and "row 4" in msg and "misdrijven" in msg


def test_a_phrase_is_refused(tmp_path):
    folder = _write(tmp_path, """\
        synoniemen:
          - woorden: [misdrijven, kleine criminaliteit]
            waarom: a
        """)
    with pytest.raises(RegistryError, match="not one word"):
        load_zoekwoorden(folder)


def test_the_index_language_adds_synonyms_and_stems_like_the_browser():
    from analysis.sphinx_ext import SYNONYMS_OPTION, DutchAsInTheBrowser

    lang = DutchAsInTheBrowser({SYNONYMS_OPTION: synonym_map(load_zoekwoorden())})
    words = lang.split("Het aantal misdrijven in Neckardreef")
    assert "criminaliteit" in words and "Neckardreef" in words
    assert lang.stem("Neckardreef") == stem("Neckardreef")


# --- a tiny Sphinx project with the extension: the whole path from text to hits --------------------


def _tiny_build(tmp_path: Path, root: Path, stemmer: str | None, monkeypatch) -> SearchIndex:
    from sphinx.application import Sphinx

    src = tmp_path / "src"
    src.mkdir()
    shutil.copytree(root / "data", src / "data", ignore=shutil.ignore_patterns("processed", "raw", "kwalitatief"))
    (src / "conf.py").write_text("extensions = ['analysis.sphinx_ext']\nlanguage = 'nl'\n", encoding="utf-8")
    (src / "index.rst").write_text(
        "Buurten\n=======\n\nIn Neckardreef en omgeving noemen bewoners eenzaamheid. Het aantal misdrijven daalt.\n\n"
        ".. raw:: html\n\n   <table><tr><td>Driften</td><td>12,3%</td></tr></table>\n", encoding="utf-8")
    if stemmer:
        import analysis.zoeken as zoeken

        monkeypatch.setattr(zoeken, "stemmer_name", lambda: stemmer)
    out = tmp_path / "out"
    app = Sphinx(str(src), str(src), str(out), str(tmp_path / "doctrees"), "html", status=None, warning=None,
                 freshenv=True)
    app.build()
    return SearchIndex.load(out)


@pytest.mark.parametrize("query", ["Neckardreef", "eenzaam", "criminaliteit", "Driften"])
def test_text_raw_html_forms_and_synonyms_reach_the_index(tmp_path, root, monkeypatch, query):
    index = _tiny_build(tmp_path, root, None, monkeypatch)
    assert index.search(query) == ["index"]


def test_an_index_stemmed_unlike_the_browser_misses_words(tmp_path, root, monkeypatch):
    """The planted defect: index with the newer 'dutch' algorithm (Sphinx's default with
    snowballstemmer 3) and the browser no longer finds the buurt."""
    import snowballstemmer

    if "dutch_porter" not in snowballstemmer.algorithms():
        pytest.skip("snowballstemmer < 3 has only one Dutch algorithm: the defect cannot occur")
    index = _tiny_build(tmp_path, root, "dutch", monkeypatch)
    assert index.search("Neckardreef") == []


# --- the built book ----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("query", list(QUERIES))
def test_search_in_the_built_book_finds_the_right_pages(built_book, query):
    index = SearchIndex.load(built_book)
    hits = index.search(query)
    must, within = QUERIES[query]
    assert set(must) <= set(hits), f"{query!r}: {hits}"
    if within:
        assert all(h.startswith(within) for h in hits), f"{query!r} also finds {hits}"
