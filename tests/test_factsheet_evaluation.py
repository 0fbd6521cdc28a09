"""Every built factsheet says what its evaluation says: the key findings contradict no row of
their own page, every verdict in the tables is the model's verdict in the model's words, and the
page sets every change against a reference, names its comparison wijken and states its rules."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from analysis.evaluation import find_contradictions
from analysis.evaluation.words import change_text, level_text
from analysis.factsheet import Factsheet
from analysis.sitemap import site
from analysis.tables import ref_names

pytestmark = pytest.mark.slow


def _pages(reg):
    return [(p, Factsheet.load(p.gebied, p.meting)) for p in site(reg).of("factsheet")]


@pytest.fixture(scope="module")
def factsheets(built_book, reg):
    out = []
    for page, fs in _pages(reg):
        soup = BeautifulSoup((built_book / page.html).read_text(encoding="utf-8"), "html.parser")
        out.append((page, fs, soup))
    return out


def _section(soup: BeautifulSoup, anchor: str):
    return soup.find("section", id=anchor)


def headline_sentences(soup: BeautifulSoup) -> list[str]:
    section = _section(soup, "belangrijkste-bevindingen")
    return [li.get_text(" ", strip=True) for li in section.find_all("li")]


def _clean(text: str) -> str:
    text = re.sub(r"\d+$", "", text.strip())  # the note number after a verdict
    return re.sub(r"^[▲▼=↑↓—]\s*", "", text).strip()


def table_rows(soup: BeautifulSoup) -> dict[str, dict[str, list[str]]]:
    """indicator label -> column header -> verdict texts shown (whole-area rows only)."""
    rows: dict[str, dict[str, list[str]]] = {}
    for table in soup.select("table.vw-kernset"):
        for tr in table.select("tbody > tr"):
            if "vw-deelrij" in (tr.get("class") or []):
                continue
            label = tr.th.get_text(" ", strip=True).rsplit(" (", 1)[0]
            rows[label] = {td["data-label"]: [_clean(s.get_text(" ", strip=True)) for s in td.select("span.vw-oordeel")]
                           for td in tr.find_all("td")}
    return rows


def test_no_key_finding_contradicts_its_own_page(factsheets):
    for page, fs, soup in factsheets:
        sentences = headline_sentences(soup)
        assert sentences, page.key
        found = find_contradictions(fs.ev, sentences)
        assert not found, f"{page.key}: " + "; ".join(f"{c.zin!r} ({c.reden})" for c in found)


def test_a_planted_contradiction_is_caught(factsheets):
    planted = {
        "factsheet-overvecht-2025": "Op geen enkele indicator met een oordeel scoort Overvecht ongunstiger dan Utrecht.",
        "factsheet-batau-2025": "Sinds de nulmeting is ervaren gezondheid goed of zeer goed in 6 van de 6 buurten "
                                "verslechterd.",
    }
    for page, fs, soup in factsheets:
        if page.key in planted:
            found = find_contradictions(fs.ev, headline_sentences(soup) + [planted[page.key]])
            assert [c.zin for c in found] == [planted[page.key]], page.key


def test_every_verdict_in_the_tables_is_the_models(factsheets):
    for page, fs, soup in factsheets:
        shown = table_rows(soup)
        names = ref_names(fs.ev)
        checked = 0
        for ie in fs.ev.indicatoren:
            row = shown.get(ie.indicator.label)
            if row is None:
                continue
            expected = [level_text(v, names[role]) for role, v in ie.tov.items() if v.oordeel != "geen"]
            assert [t for t in row["Oordeel"] if t != ""] == expected or (not expected and row["Oordeel"] in ([], [""])), (
                page.key, ie.id, row["Oordeel"], expected)
            if "Verandering sinds de nulmeting" in row and ie.sinds_nulmeting is not None:
                assert row["Verandering sinds de nulmeting"] == [change_text(ie.sinds_nulmeting, names)], (
                    page.key, ie.id)
                checked += 1
        if not fs.ev.is_nulmeting:
            assert checked or all(ie.sinds_nulmeting is None for ie in fs.ev.indicatoren), page.key


def test_changes_stand_next_to_gemeente_and_nederland_with_the_rule(factsheets):
    for page, fs, soup in factsheets:
        if fs.ev.is_nulmeting:
            continue
        names = ref_names(fs.ev)
        cells = [td for td in soup.select("table.vw-kernset td") if td.get("data-label") == "Verandering sinds de nulmeting"]
        with_change = [td.get_text(" ", strip=True) for td in cells if "→" in td.get_text()]
        assert with_change, page.key
        for text in with_change:
            if "toevalsmarge" in text or "meer dan toeval" in text:
                continue  # counts: against chance and the rest of the gemeente
            assert names["gemeente"] in text and names["nederland"] in text, (page.key, text)
        notes = soup.select("ol.vw-noten li")
        assert any("marge" in li.get_text() or "toeval" in li.get_text() for li in notes), page.key


def test_comparison_wijken_are_named_with_their_pretrend(factsheets):
    for page, fs, soup in factsheets:
        section = _section(soup, "vergelijkbare-wijken")
        text = section.get_text(" ", strip=True)
        group = fs.ev.vergelijkingsgroep
        assert group is not None, page.key
        assert all(w.naam in text for w in group.wijken), page.key
        assert "gekozen uit" in text and "Voor de start gelijk op" in text
        assert section.select(".vw-figure"), f"{page.key}: no pre-trend chart"


def test_national_position_and_glance_panel(factsheets):
    for page, fs, soup in factsheets:
        assert _section(soup, "in-een-oogopslag").select(".vw-figure"), page.key
        positions = [s.get_text() for s in soup.select("small.vw-landelijk")]
        assert positions and all("wijken (" in p or "midden" in p for p in positions), page.key


def test_vollenhove_says_its_baseline_was_re_estimated(factsheets):
    page, fs, soup = next(x for x in factsheets if x[0].key == "factsheet-vollenhove-2025")
    text = soup.get_text(" ", strip=True)
    assert "Herziene schatting: 73,3% in plaats van de 74,0% uit de nulmeting" in text


def test_batau_health_follows_the_national_swing_on_the_page(factsheets):
    page, fs, soup = next(x for x in factsheets if x[0].key == "factsheet-batau-2025")
    sentences = " ".join(headline_sentences(soup))
    assert "gelijk op met de landelijke ontwikkeling" in sentences
    assert "verslechterd" not in sentences
    assert "binnen de toevalsmarge" in sentences, "517 -> 552 misdrijven"
