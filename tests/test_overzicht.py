"""The overview page and the slide decks without a built book: the site map entries, the words of
each verdict, the plain summaries, the conversations as a slide shows them, and offline decks."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.evaluation import EvaluationData
from analysis.evaluation.words import change_text, level_text
from analysis.gebied import resolve
from analysis.overzicht import (
    MIXED,
    Vergelijking,
    area_oordeel,
    evaluate_focus,
    for_reference,
    label_in_sentence,
    verdict_rows,
)
from analysis.sitemap import OVERZICHT, SLIDES_HTML, SLIDES_PDF, site
from analysis.slides.assets import RevealMissing, copy_assets, reveal_version
from analysis.slides.deck import Deck, Slide, deck_html
from analysis.slides.gesprekken import gesprekken
from conftest import require

WORDS = re.compile(r"^(in (alle )?(één|twee|drie|vier|vijf|zes)( van de (\w+))? wijken)")


@pytest.fixture(scope="module")
def data():
    return EvaluationData.load()


def test_the_overview_and_the_decks_are_in_the_site_map(reg):
    s = site(reg)
    page = s.page(OVERZICHT)
    assert page.soort == "overzicht" and page.template == "overzicht" and page.part == "Over de monitor"
    assert page.title == "Vier wijken naast elkaar" and page.executed
    assert {what for what, _ in page.depends} >= {"focus_codes", "metingen", "kernset", "bronnen"}
    decks = s.decks
    assert len(decks) == len(reg.gebieden.focusgebieden) * len(reg.metingen.metingen) + 1
    assert decks[-1].key == OVERZICHT
    fs = s.page("factsheet-overvecht-2023")
    assert fs.slides == {SLIDES_HTML: "presentatie-overvecht-2023.html", SLIDES_PDF: "presentatie-overvecht-2023.pdf"}
    assert fs.download_href(fs.slides[SLIDES_PDF]) == "../../downloads/presentatie-overvecht-2023.pdf"
    names = [n for p in decks for n in p.slides.values()]
    assert set(names) <= set(s.downloads) and len(set(names)) == 2 * len(decks)
    assert "pdf" not in page.downloads, "the overview page itself is not printed as a factsheet"
    reports = [p.downloads for p in s.of("verhaal")]
    assert reports and all(set(d) == {"rapport", "rapport_html"} for d in reports)
    assert s.page("verhaal-overvecht-2023").downloads["rapport"] == "rapport-overvecht-2023.pdf"


def test_a_change_against_each_reference_is_worded_like_the_factsheets_main_verdict(reg, data):
    ev = evaluate_focus(data, reg, resolve(reg, "batau"), 2025)
    ie = ev.indicator("ervaren_gezondheid")
    names = {role: naam for role, (_, naam) in ev.referenties.items()}
    assert ie.focus.status == "deels" and ie.delen
    rows = verdict_rows(ev, "batau", ie)
    assert [r.deel for r in rows] == [False] + [True] * len(ie.delen)
    for r, p in zip(rows[1:], ie.delen):
        tc = p.sinds_nulmeting
        assert tc is not None and tc.hoofd == "nederland"
        assert r.hoofd_tekst() == change_text(tc, names)  # the factsheet's words
        assert r.verandering_tekst("nederland") == change_text(tc, names)
        assert r.verandering_tekst("gemeente") == change_text(replace(tc, hoofd="gemeente"), names)
        assert r.verandering_tekst("gemeente").endswith("Nieuwegein")
        assert r.niveau_tekst("gemeente") == level_text(p.tov["gemeente"], "Nieuwegein")
    assert for_reference(None, "gemeente") is None
    assert for_reference(ie.delen[0].sinds_nulmeting, "vergelijkingswijken") is None
    assert change_text(None, names) == "niet te beoordelen"


def test_the_nulmeting_has_no_change(reg, data):
    ev = evaluate_focus(data, reg, resolve(reg, "overvecht"), reg.nulmeting.jaar)
    r = verdict_rows(ev, "overvecht", ev.indicator("ervaren_gezondheid"))[0]
    assert r.status == "beschikbaar" and r.verandering == {} and r.hoofd is None


def test_an_area_known_per_part_counts_only_when_all_parts_agree(reg, data):
    ev = evaluate_focus(data, reg, resolve(reg, "overvecht"), 2025)
    rows = verdict_rows(ev, "overvecht", ev.indicator("ervaren_gezondheid"))
    words = {r.niveau_oordeel("gemeente") for r in rows[1:]}
    assert len(words) > 1 and area_oordeel(rows, lambda r: r.niveau_oordeel("gemeente")) == MIXED
    same = [rows[0]] + [r for r in rows[1:] if r.niveau_oordeel("gemeente") == "ongunstiger"]
    assert area_oordeel(same, lambda r: r.niveau_oordeel("gemeente")) == "ongunstiger"


def test_labels_read_well_inside_a_sentence():
    assert label_in_sentence("Eén of meer langdurige aandoeningen") == "één of meer langdurige aandoeningen"
    assert label_in_sentence("Rookt") == "rookt"
    assert label_in_sentence("WOZ-waarde") == "WOZ-waarde"


@pytest.mark.slow
def test_every_summary_sentence_is_true_of_the_verdicts(reg, data):
    v = Vergelijking.build(reg, data)
    n = len(v.gebieden)
    numbers = {"één": 1, "twee": 2, "drie": 3, "vier": 4}
    told = 0
    for p in reg.kernset.pijlers:
        if p.context:
            continue
        for sentence in v.summary(p.id):
            m = re.match(r"(Meting (\d{4})|Sinds de nulmeting \(meting (\d{4})\)): in (alle (\w+)|(\w+) van de (\w+)) "
                         r"wijken (.+?)\. Dat geldt voor: (.+)\.$", sentence)
            assert m, sentence
            meting = int(m.group(2) or m.group(3))
            k = n if m.group(5) else numbers[m.group(6)]
            labels = m.group(9).split("; ")
            for ind in (i for i in v.indicators(p.id) if label_in_sentence(reg.indicator(i).label) in labels):
                if m.group(2):
                    oordeel = next(o for o, phrase in (("ongunstiger", "ongunstiger"), ("gunstiger", "gunstiger"),
                                                       ("vergelijkbaar", "vergelijkbaar"), ("hoger", "hoger"),
                                                       ("lager", "lager")) if phrase in m.group(8))
                    got = [area_oordeel(v.rows(ind, g.key, meting), lambda r: r.niveau_oordeel("gemeente"))
                           for g in v.gebieden]
                    assert got.count(oordeel) == k, (sentence, ind, got)
                else:
                    role = "nederland" if "Nederland" in m.group(8) else "gemeente"
                    got = [area_oordeel(v.rows(ind, g.key, meting), lambda r: (
                        r.verandering[role].verdict.oordeel if r.verandering.get(role) is not None else "geen"))
                        for g in v.gebieden]
                    assert k <= sum(o != "geen" for o in got), (sentence, ind, got)
                told += 1
            assert not re.search(r"\b(WK|BU|GM)\d{4}|\d{5}NED", sentence)
    assert told >= 10


def test_conversations_on_a_slide_keep_the_privacy_rules(reg):
    from analysis.kwalitatief.canon import load_dataset
    from analysis.paths import kwalitatief_dir

    g = reg.gemeente("utrecht")
    gs = gesprekken(reg, g.code, 2023)
    assert gs is not None and gs.fictief
    assert gs.themas and min(t.deelnemers for t in gs.themas) >= gs.min_cell == 5
    ds = load_dataset(kwalitatief_dir() / g.slug / "2023", reg)
    publishable = set(ds.segmenten.loc[ds.segmenten["publiceerbaar"] == "ja", "tekst"])
    assert gs.citaten and {c.tekst for c in gs.citaten} <= publishable
    assert gs.shown(3) == "minder dan 5" and gs.shown(7) == "7"
    assert gesprekken(reg, g.code, reg.nulmeting.jaar) is None  # no fieldwork in the nulmeting


def test_a_deck_loads_only_files_of_the_site():
    html = deck_html(Deck("Titel", "Ondertitel", [Slide("Dia", "<p>tekst</p>")]), "../_static")
    assert '<html lang="nl">' in html and "<title>Titel · presentatie</title>" in html
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls and all(u.startswith("../_static/") for u in urls), urls
    assert html.count("<section") == 2 and "<h1>Titel</h1>" in html


def test_reveal_is_copied_into_the_site_or_its_absence_is_explained(root, tmp_path):
    with pytest.raises(RevealMissing, match="make install"):
        reveal_version(tmp_path)
    require((root / "slides" / "node_modules" / "reveal.js").is_dir(), "reveal.js is not installed (make install)")
    assert re.match(r"^\d+\.\d+\.\d+$", reveal_version())
    copied = copy_assets(tmp_path / "site")
    names = sorted(p.name for p in copied)
    assert names == ["reveal.css", "reveal.js", "reveal.js-LICENSE.txt", "vw-slides.css", "white.css"]
    assert copy_assets(tmp_path / "site") == [], "unchanged assets are not copied again"
    css = (tmp_path / "site" / "_static" / "slides" / "white.css").read_text(encoding="utf-8")
    assert not re.search(r"url\((?!data:)['\"]?https?:", css), "the theme loads no font from outside"


def test_a4_printing_is_unchanged_and_decks_print_16_9():
    from analysis.pdf import A4, SLIDES_16_9

    assert A4.options["format"] == "A4" and A4.options["margin"]["top"] == "12mm" and A4.query == ""
    assert SLIDES_16_9.viewport == (1280, 720) and SLIDES_16_9.query == "?print-pdf"
    assert "Reveal.isReady()" in SLIDES_16_9.ready and "svg.marks" in SLIDES_16_9.ready


def test_the_gate_of_the_site_covers_files_in_downloads(tmp_path, reg, root):
    from analysis.privacy import gate_after_build

    site = tmp_path / "_build" / "html"
    (site / "downloads").mkdir(parents=True)
    (site / "downloads" / "presentatie-x.html").write_text("<section><p>mail: a.b@example.nl</p></section>",
                                                           encoding="utf-8")
    found = gate_after_build(reg, site, root)
    assert [(f.where, f.rule) for f in found] == [(str(Path("downloads") / "presentatie-x.html"), "e-mailadres")]
