"""The slide decks and the overview page in the built book (issue 14).

Every deck is opened in headless Chromium and stepped through slide by slide: it loads, logs no
error, fetches nothing from outside 127.0.0.1, draws every chart and passes axe-core (no serious or
critical violation) on every slide. The verdicts on the overview page and in the decks are checked
against the evaluation model (the verdict of the same indicator, area and meting that the area's
factsheet is made from), the PDFs against the decks, and the privacy gate against both.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup

from analysis.evaluation import EvaluationData, evaluate_area
from analysis.evaluation.words import change_text, level_text
from analysis.gebied import focus_gebieden
from analysis.sitemap import DOWNLOADS, OVERZICHT, SLIDES_HTML, SLIDES_PDF
from analysis.sitemap import site as site_map
from test_site import ARTIFACTS, opened, png_size

pytestmark = pytest.mark.slow

SCREENSHOT = ARTIFACTS / "slide-overvecht-2023-gezondheid.png"


@pytest.fixture(scope="session")
def evaluations(reg):
    """The model of every focus area and meting, computed here the way a factsheet computes it."""
    data = EvaluationData.load()
    return {(g.key, m.jaar): evaluate_area(data, reg, g.codes, g.gemeente.code, m.jaar, naam=g.naam)
            for g in focus_gebieden(reg) for m in reg.metingen.metingen}


@pytest.fixture(scope="session")
def decks(reg, built_book) -> list[str]:
    s = site_map(reg)
    paths = [f"{DOWNLOADS}/{p.slides[SLIDES_HTML]}" for p in s.decks]
    assert len(paths) == 4 * 3 + 1, "a deck per focus area and meting, and one for the monitoringsoverleg"
    missing = [p for p in paths if not (built_book / p).is_file()]
    assert not missing, f"decks not built: {missing}"
    return paths


# --- the model behind every verdict ----------------------------------------------------------------


def expected(ev, ind_id: str, code: str, soort: str, rol: str) -> str:
    """The words of the model for one cell, computed from the evaluation (not from the page code)."""
    ie = ev.indicator(ind_id)
    names = {role: naam for role, (_, naam) in ev.referenties.items()}
    if code == "+".join(ev.codes):
        tov, tc = ie.tov, ie.sinds_nulmeting
    else:
        part = next(p for p in ie.delen if p.code == code)
        tov, tc = part.tov, part.sinds_nulmeting
    if soort == "niveau":
        return level_text(tov[rol], names[rol])
    if rol == "hoofd":
        return change_text(tc, names)
    return change_text(dataclasses.replace(tc, hoofd=rol) if tc is not None and rol in tc.verdicts else None, names)


def verdict_cells(markup: str):
    """(indicator, area key or None, meting, code, soort, rol, words) of every verdict on a page."""
    soup = BeautifulSoup(markup, "html.parser")
    for tr in soup.select("tr[data-indicator][data-meting][data-code]"):
        for cell in tr.select("[data-soort][data-rol]"):
            yield (tr["data-indicator"], tr.get("data-gebied"), int(tr["data-meting"]), tr["data-code"],
                   cell["data-soort"], cell["data-rol"], cell.select_one(".vw-woord").get_text())


def test_every_verdict_on_the_overview_is_the_factsheets_verdict(built_book, reg, evaluations):
    page = built_book / site_map(reg).page(OVERZICHT).html
    cells = list(verdict_cells(page.read_text(encoding="utf-8")))
    wrong = [f"{ind} {gebied} {meting} {code} {soort}/{rol}: page {text!r}, model "
             f"{expected(evaluations[(gebied, meting)], ind, code, soort, rol)!r}"
             for ind, gebied, meting, code, soort, rol, text in cells
             if text != expected(evaluations[(gebied, meting)], ind, code, soort, rol)]
    assert not wrong, "\n".join(wrong[:20])
    # Nothing the model judges is left out: every area figure of a pijler indicator has its cells.
    context = {p.id for p in reg.kernset.pijlers if p.context}
    whole = {key: "+".join(ev.codes) for key, ev in evaluations.items()}
    shown = {(ind, gebied, meting) for ind, gebied, meting, code, *_ in cells if code == whole[(gebied, meting)]}
    wanted = {(ie.id, g, m) for (g, m), ev in evaluations.items() for ie in ev.indicatoren
              if ie.pijler not in context and ie.focus.beschikbaar}
    assert wanted <= shown, f"missing on the overview: {sorted(wanted - shown)[:10]}"
    roles = {(soort, rol) for *_, soort, rol, _ in cells}
    assert roles == {("niveau", "gemeente"), ("niveau", "nederland"), ("verandering", "gemeente"),
                     ("verandering", "nederland")}
    assert len(cells) > 400


def test_every_verdict_in_a_deck_is_the_factsheets_verdict(built_book, reg, evaluations, decks):
    s = site_map(reg)
    checked = 0
    for owner in s.decks:
        if owner.key == OVERZICHT:
            continue
        markup = (built_book / DOWNLOADS / owner.slides[SLIDES_HTML]).read_text(encoding="utf-8")
        ev = evaluations[(owner.gebied, owner.meting)]
        for ind, _, meting, code, soort, rol, text in verdict_cells(markup):
            assert meting == owner.meting
            assert text == expected(ev, ind, code, soort, rol), (owner.key, ind, code, soort, rol)
            checked += 1
    assert checked > 200


# --- every deck in the browser ----------------------------------------------------------------------


AXE_RUN = """() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help}; e.g. ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`))"""
SLIDE_STATE = """() => { const s = Reveal.getCurrentSlide();
  const charts = [...s.querySelectorAll('.vw-chart')];
  return {title: (s.querySelector('h1, h2') || {}).innerText || '',
          charts: charts.length, drawn: charts.filter(c => c.querySelector('svg.marks')).length,
          overflow: s.scrollHeight > Reveal.getConfig().height + 2 }; }"""


def test_every_deck_steps_through_every_slide(browser, site, axe_script, decks, built_book):
    problems, slides_seen = [], 0
    for path in decks:
        with opened(browser, f"{site}/{path}", 1280) as (page, response, log):
            assert response.status == 200, path
            page.wait_for_function("window.Reveal && Reveal.isReady()")
            page.add_script_tag(path=str(axe_script))
            total = page.evaluate("Reveal.getTotalSlides()")
            for i in range(total):
                page.evaluate(f"Reveal.slide({i})")
                page.wait_for_function(f"Reveal.getIndices().h === {i}")
                page.wait_for_function("() => [...Reveal.getCurrentSlide().querySelectorAll('.vw-chart')]"
                                       ".every(c => c.querySelector('svg.marks'))", timeout=10_000)
                state = page.evaluate(SLIDE_STATE)
                if not state["title"]:
                    problems.append(f"{path} slide {i + 1}: no heading")
                if state["overflow"]:
                    problems.append(f"{path} slide {i + 1} ({state['title']}): content runs off the slide")
                problems += [f"{path} slide {i + 1}: axe: {v}" for v in page.evaluate(AXE_RUN)]
                if path.endswith("overvecht-2023.html") and state["title"] == "1. Gezondheid":
                    ARTIFACTS.mkdir(exist_ok=True)
                    page.screenshot(path=str(SCREENSHOT))
                slides_seen += 1
            charts = page.evaluate("[document.querySelectorAll('.vw-chart').length, "
                                   "document.querySelectorAll('.vw-chart svg.marks').length]")
            if charts[0] != charts[1] or charts[0] < 2:
                problems.append(f"{path}: {charts[1]} of {charts[0]} charts drawn")
            problems += [f"{path}: console error: {m}" for m in log.console_errors]
            problems += [f"{path}: page error: {m}" for m in log.page_errors]
            outside = [u for u in log.requests if not u.startswith((site + "/", "data:", "blob:"))]
            problems += [f"{path}: request outside the site: {u}" for u in outside]
            if not any(u.endswith("/_static/slides/reveal.js") for u in log.requests):
                problems.append(f"{path}: reveal.js was not loaded from the site")
    assert not problems, "\n".join(problems[:30])
    assert slides_seen >= 13 * 8
    w, h = png_size(SCREENSHOT)
    assert (w, h) == (1280, 900) and SCREENSHOT.stat().st_size > 30_000


# --- PDFs, stamps, privacy ---------------------------------------------------------------------------


def test_every_deck_has_a_pdf_with_one_16_9_page_per_slide(built_book, reg, decks):
    from pypdf import PdfReader

    counts = {}
    for owner in site_map(reg).decks:
        markup = (built_book / DOWNLOADS / owner.slides[SLIDES_HTML]).read_text(encoding="utf-8")
        slides = len(BeautifulSoup(markup, "html.parser").select(".slides > section"))
        reader = PdfReader(built_book / DOWNLOADS / owner.slides[SLIDES_PDF])
        counts[owner.key] = (slides, len(reader.pages))
        for p in reader.pages:
            w, h = float(p.mediabox.width), float(p.mediabox.height)
            assert abs(w / h - 16 / 9) < 0.02, (owner.key, w, h)
        assert "/Font" in str(reader.pages[1]["/Resources"]), "slides are printed as text, not as images"
    wrong = {k: v for k, v in counts.items() if v[0] != v[1]}
    assert not wrong, f"slides vs PDF pages: {wrong}"


def test_decks_are_not_rebuilt_when_nothing_changed(built_book, reg, root):
    from analysis.slides.build import build_decks

    s = site_map(reg)
    files = [built_book / DOWNLOADS / n for p in s.decks for n in p.slides.values()]
    before = {f: f.stat().st_mtime_ns for f in files}
    messages: list[str] = []
    assert build_decks(reg, s, built_book, root / "_build" / ".stamps", messages.append) == 0
    assert {f: f.stat().st_mtime_ns for f in files} == before
    assert not [m for m in messages if "written" in m or "printed" in m], messages


def _scan(folder, rules) -> list:
    """The last gate's scan of every file in ``folder`` (the gate's own per-file function)."""
    from analysis.privacy import scan_file

    return [f for p in sorted(folder.rglob("*.html")) for f in scan_file(p, str(p.relative_to(folder)), rules)]


def test_the_privacy_gate_reads_decks_and_the_overview(built_book, reg, root, tmp_path):
    from analysis.privacy import load_rules
    from analysis.privacy.rules import KLEIN_AANTAL, TELEFOON

    rules = load_rules(reg, root)
    s = site_map(reg)
    pages = [s.page(OVERZICHT).html] + [f"{DOWNLOADS}/{p.slides[SLIDES_HTML]}" for p in s.decks]
    for rel in pages:
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((built_book / rel).read_text(encoding="utf-8"), encoding="utf-8")
    assert _scan(tmp_path, rules) == [], "the built decks and overview pass the gate"
    deck = tmp_path / pages[-1]
    planted = deck.read_text(encoding="utf-8").replace("</section>", '<p>Bel 06-12345678</p></section>', 1)
    planted = planted.replace("</tbody>", '<tr><td class="vw-n">3</td></tr></tbody>', 1)
    deck.write_text(planted, encoding="utf-8")
    kinds = {f.rule for f in _scan(tmp_path, rules) if f.where == pages[-1]}
    assert kinds == {TELEFOON, KLEIN_AANTAL}


def test_conversation_slides_show_only_publishable_quotes_and_counts_of_five_or_more(built_book, reg):
    from analysis.kwalitatief.canon import load_dataset
    from analysis.paths import kwalitatief_dir

    s = site_map(reg)
    checked = 0
    for owner in s.decks:
        if owner.key == OVERZICHT or s.find("verhaal", gemeente=owner.gemeente, meting=owner.meting) is None:
            continue
        soup = BeautifulSoup((built_book / DOWNLOADS / owner.slides[SLIDES_HTML]).read_text(encoding="utf-8"),
                             "html.parser")
        ds = load_dataset(kwalitatief_dir() / reg.gemeente(owner.gemeente).slug / str(owner.meting), reg)
        publishable = set(ds.segmenten.loc[ds.segmenten["publiceerbaar"] == "ja", "tekst"])
        quotes = [q.select_one("p").get_text().strip("“”") for q in soup.select("blockquote.vw-citaat")]
        assert quotes and set(quotes) <= publishable, owner.key
        counts = [int(td.get_text()) for td in soup.select("td.vw-n")]
        assert counts and min(counts) >= 5, owner.key
        fictional = [sec for sec in soup.select("section.vw-fictief")]
        assert fictional and all(sec.select_one(".vw-fictief-label") for sec in fictional), owner.key
        assert all(q.find_parent("section") in fictional for q in soup.select("blockquote.vw-citaat"))
        checked += 1
    assert checked == 4


def test_the_overview_summaries_are_plain_and_hold_no_codes(built_book, reg):
    soup = BeautifulSoup((built_book / site_map(reg).page(OVERZICHT).html).read_text(encoding="utf-8"), "html.parser")
    sentences = [li.get_text() for li in soup.select(".vw-samenvatting li")]
    assert len(sentences) >= 5
    codes = re.compile(r"\b(WK|BU|GM)\d{4,8}\b|\b\d{5}NED\b")
    assert not [t for t in sentences if codes.search(t)]
    assert all(re.search(r"in (alle )?(één|twee|drie|vier)( van de vier)? wijken", t) for t in sentences), sentences


# --- the printable reports of the Gesprekken pages ------------------------------------------------------


@pytest.fixture(scope="session")
def reports(reg, built_book) -> list:
    from analysis.sitemap import REPORT_HTML

    pages = site_map(reg).of("verhaal")
    assert len(pages) == 4, "a report per Gesprekken page"
    for p in pages:
        assert (built_book / DOWNLOADS / p.downloads[REPORT_HTML]).is_file(), p.key
    return pages


def test_every_report_is_an_a4_pdf_with_cover_method_and_themes(built_book, reports, evaluations):
    from pypdf import PdfReader

    from analysis.sitemap import REPORT_HTML, REPORT_PDF

    for p in reports:
        reader = PdfReader(built_book / DOWNLOADS / p.downloads[REPORT_PDF])
        assert len(reader.pages) >= 4, p.key
        for page in reader.pages:
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(w - 595.3) < 2 and abs(h - 841.9) < 2, (p.key, w, h)  # A4 in points
        cover = reader.pages[0].extract_text()
        assert p.title.split(" —")[0] in cover and "Fictief voorbeeld" in cover, "the cover says what and that it is fictional"
        text = " ".join(page.extract_text() for page in reader.pages)
        for heading in ("2. Methode", "Wie we spraken", "Hoe de gesprekken zijn gecodeerd", "3. Thema's per pijler",
                        "1. Gezondheid", "5. Wonen"):
            assert heading in text, (p.key, heading)
        markup = (built_book / DOWNLOADS / p.downloads[REPORT_HTML]).read_text(encoding="utf-8")
        cells = list(verdict_cells(markup))
        assert cells, p.key
        for ind, _, meting, code, soort, rol, words in cells:
            assert words == expected(evaluations[(p.gebied, meting)], ind, code, soort, rol), (p.key, ind, code)


def test_every_report_opens_cleanly_in_the_browser(browser, site, axe_script, reports):
    from analysis.sitemap import REPORT_HTML

    problems = []
    for p in reports:
        path = f"{DOWNLOADS}/{p.downloads[REPORT_HTML]}"
        with opened(browser, f"{site}/{path}", 1280) as (page, response, log):
            assert response.status == 200
            charts = page.evaluate("[document.querySelectorAll('.vw-chart').length, "
                                   "document.querySelectorAll('.vw-chart svg.marks').length]")
            if charts[0] < 3 or charts[0] != charts[1]:
                problems.append(f"{path}: {charts[1]} of {charts[0]} charts drawn")
            page.add_script_tag(path=str(axe_script))
            problems += [f"{path}: axe: {v}" for v in page.evaluate(AXE_RUN)]
            problems += [f"{path}: console: {m}" for m in log.console_errors + log.page_errors]
            problems += [f"{path}: outside: {u}" for u in log.requests
                         if not u.startswith((site + "/", "data:", "blob:"))]
    assert not problems, "\n".join(problems)


def test_the_privacy_gate_reads_the_reports(built_book, reg, root, reports, tmp_path):
    from analysis.privacy import load_rules
    from analysis.privacy.rules import NAAM
    from analysis.sitemap import REPORT_HTML

    rules = load_rules(reg, root)
    rel = f"{DOWNLOADS}/{reports[0].downloads[REPORT_HTML]}"
    (tmp_path / DOWNLOADS).mkdir()
    markup = (built_book / rel).read_text(encoding="utf-8")
    (tmp_path / rel).write_text(markup, encoding="utf-8")
    assert _scan(tmp_path, rules) == []
    name = rules.config.namen[0]
    (tmp_path / rel).write_text(markup.replace("</main>", f"<p>{name}</p></main>"), encoding="utf-8")
    found = _scan(tmp_path, rules)
    assert NAAM in {f.rule for f in found} and all(name in f.text for f in found), found
