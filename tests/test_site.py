"""The built site in a real browser (headless Chromium driven by Playwright).

The book in _build/html is served on 127.0.0.1 and every page is opened as a reader would: pages
load, charts are drawn, nothing fails in the console, nothing is fetched from elsewhere, the
navigation and the offline search work, the factsheets fit a phone and the key pages pass axe-core.
Without /usr/bin/chromium, the `playwright` package or tests/browser/node_modules (`npm ci` there)
these tests skip on a user's machine and fail in CI.
"""

from __future__ import annotations

import contextlib
import struct
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import require

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).parent / "artifacts"
DESKTOP, PHONE = 1280, 390
CHART_TIMEOUT_MS = 10_000

FACTSHEET = "book/factsheets/overvecht-2021.html"
AXE_PAGES = ["book/index.html", FACTSHEET, "book/verhalen/batau-2023.html", "book/denkkader/zeist.html",
             "book/plan/amersfoort.html", "book/werkpakketten.html", "book/data-en-methode.html"]


# --- driving the browser (the fixtures playwright_api, site, browser and axe_script are in conftest.py,
# shared with test_slides.py: one Playwright per session) ----------------------------------------------


@dataclass
class Log:
    """What one page did while it was open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextlib.contextmanager
def opened(browser, url: str, width: int = DESKTOP):
    """A fresh browser context (empty localStorage) showing `url`, with its charts drawn."""
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    log = Log()
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(
        f"{m.text} [{m.location.get('url', '')}:{m.location.get('lineNumber', '')}]"))
    page.on("pageerror", lambda e: log.page_errors.append(str(e)))
    page.on("request", lambda r: log.requests.append(r.url))
    try:
        response = page.goto(url, wait_until="load")
        wait_for_charts(page)
        page.wait_for_load_state("networkidle")
        yield page, response, log
    finally:
        context.close()


def wait_for_charts(page) -> None:
    """Until every .vw-chart has been drawn by vega-embed; the chart test reports those that never are."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("() => document.querySelectorAll('.vega-embed svg.marks').length"
                               " === document.querySelectorAll('.vw-chart').length", timeout=CHART_TIMEOUT_MS)


# Why a page is too wide for the viewport: the boxes around the page title (html, body, the theme's
# columns, the article) whose content is wider than they are -- so the page, or the whole article,
# would scroll sideways -- and the elements sticking out to the right whose parent does not and that
# do not scroll inside a box of their own (the culprits; their descendants stick out too, but are not
# worth naming). A wide table or diagram that scrolls inside its own box makes neither list.
_OVERFLOW = """() => {
  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const h1 = [...document.querySelectorAll('h1')].find(e => e.checkVisibility());
  const boxes = [];
  for (let e = h1; e; e = e.parentElement)
    if (e.scrollWidth > e.clientWidth + 1) boxes.push(`${name(e)} holds ${e.scrollWidth} px in ${e.clientWidth} px`);
  const limit = document.documentElement.clientWidth + 1;
  const ownBox = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
    if (getComputedStyle(a).overflowX !== 'visible' && !boxes.some(b => b.startsWith(name(a) + ' '))) return true;
    return false; };
  const culprits = [];
  for (const e of document.body.querySelectorAll('*')) {
    const right = e.getBoundingClientRect().right, parent = e.parentElement;
    if (right > limit && parent && parent.getBoundingClientRect().right <= limit && !ownBox(e)
        && e.checkVisibility({visibilityProperty: true}))
      culprits.push(`${name(e)} (right edge at ${Math.round(right)} px, inside ${name(parent)})`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, boxes, culprits: culprits.slice(0, 8)};
}"""


def assert_no_horizontal_overflow(page, width: int, where: str) -> None:
    result = page.evaluate(_OVERFLOW)
    assert result["scrollWidth"] <= width + 1 and not result["boxes"], (
        f"{where} at {width} px: page {result['scrollWidth']} px wide; too narrow: {result['boxes']};"
        f" sticking out: {result['culprits']}")


# --- one tour of every page at desktop width ------------------------------------------------------------


def site_pages(built_book: Path) -> list[str]:
    """Every page of the site. Left out: _static/*.html (Jinja macro files the theme ships, not pages),
    anything under a dot-folder (e.g. a stray .pytest_cache, not part of the build) and the root
    index.html, a meta-refresh redirect without content (test_navigation_works checks it lands on
    book/index.html)."""
    pages = []
    for path in sorted(built_book.rglob("*.html")):
        rel = path.relative_to(built_book)
        if rel.parts[0] == "_static" or any(p.startswith(".") for p in rel.parts) or rel.as_posix() == "index.html":
            continue
        pages.append(rel.as_posix())
    return pages


@dataclass
class Visit:
    path: str
    status: int | None
    h1: str
    charts: list[int]  # how many svg.marks each .vw-chart holds
    chart_texts: list[str]  # what a chart says when it was not drawn
    log: Log


@pytest.fixture(scope="session")
def tour(browser, site, built_book) -> list[Visit]:
    visits = []
    for path in site_pages(built_book):
        with opened(browser, f"{site}/{path}") as (page, response, log):
            # the first *visible* h1: pages with a table of contents also carry a print-only copy
            h1 = page.evaluate("() => { const h = [...document.querySelectorAll('h1')].find(e => e.checkVisibility());"
                               " return h ? h.innerText.trim() : ''; }")
            charts = page.eval_on_selector_all(".vw-chart", "els => els.map(e => e.querySelectorAll('svg.marks').length)")
            texts = page.eval_on_selector_all(".vw-chart", "els => els.map(e => e.id + ': ' + e.innerText.slice(0, 160))")
            visits.append(Visit(path, response.status if response else None, h1, charts, texts, log))
    return visits


def toc_pages(root: Path) -> set[str]:
    lines = (root / "_toc.yml").read_text(encoding="utf-8").splitlines()
    files = {line.split(":", 1)[1].strip() for line in lines if line.strip().startswith(("root:", "- file:"))}
    return {f"{f}.html" for f in files}


def test_every_page_loads_and_has_a_title(tour, root):
    expected = toc_pages(root) | {"search.html", "genindex.html"}
    assert len(expected) >= 28 and expected <= {v.path for v in tour}, "every page of the toc was visited"
    bad = [f"{v.path}: HTTP {v.status}, h1 {v.h1!r}" for v in tour if v.status != 200 or not v.h1]
    assert not bad, "\n".join(bad)


def test_every_chart_is_drawn(tour):
    assert sum(len(v.charts) for v in tour) >= 90, "the factsheets, narratives and plans hold charts"
    bad = [f"{v.path}: {text!r} holds {n} svg.marks" for v in tour for n, text in zip(v.charts, v.chart_texts)
           if n != 1]
    assert not bad, "\n".join(bad)


def test_no_console_or_page_errors(tour):
    bad = [f"{v.path}: console error: {m}" for v in tour for m in v.log.console_errors]
    bad += [f"{v.path}: page error: {m}" for v in tour for m in v.log.page_errors]
    assert not bad, "\n".join(bad)


def test_no_request_leaves_the_local_server(tour, site):
    requests = [(v.path, url) for v in tour for url in v.log.requests]
    assert len(requests) > len(tour), "requests are being recorded"
    outside = sorted({f"{path}: {url[:160]}" for path, url in requests
                      if not url.startswith((site + "/", "data:", "blob:"))})
    assert not outside, "\n".join(outside)


# --- navigation and search ----------------------------------------------------------------------------


def test_navigation_works(browser, site):
    with opened(browser, f"{site}/") as (page, _, _log):
        page.wait_for_url(f"{site}/book/index.html")  # the root redirects to the home page
        part = page.locator("nav.bd-docs-nav p.caption", has_text="Overvecht (Utrecht)")
        link = part.locator("xpath=following-sibling::ul[1]").get_by_role("link", name="Factsheet 2021", exact=True)
        link.click()
        page.wait_for_url(f"{site}/{FACTSHEET}")
        title = page.locator("h1:visible").first.inner_text()
        assert "Factsheet Overvecht (Utrecht) — meting 2021" in title
        following = page.locator(".prev-next-area a.right-next")
        assert "volgende" in following.inner_text().lower()
        following.click()
        page.wait_for_url(lambda url: url != f"{site}/{FACTSHEET}")
        assert page.url.startswith(f"{site}/book/")
        assert page.locator("h1:visible").first.inner_text() not in ("", title)


def test_search_works_offline(browser, site):
    with opened(browser, f"{site}/search.html?q=Overvecht") as (page, _, log):
        results = page.locator("#search-results ul.search li a")
        results.first.wait_for(timeout=10_000)
        hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert any("factsheets/" in h for h in hrefs), hrefs
        assert all(url.startswith((site + "/", "data:", "blob:")) for url in log.requests)


# --- a factsheet on a screen and on a phone -----------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_factsheet_screenshots(browser, site, width):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"overvecht-2021-{width}.png"
    shot.unlink(missing_ok=True)
    with opened(browser, f"{site}/{FACTSHEET}", width) as (page, _, _log):
        page.screenshot(path=str(shot), full_page=True)
        if width == PHONE:
            assert_no_horizontal_overflow(page, width, FACTSHEET)
    w, h = png_size(shot)
    assert shot.stat().st_size > 50_000 and w >= width and h > 2_000, (shot, w, h)


_DIAGRAM_TEXT = """() => Array.from(document.querySelectorAll('.vw-diagram svg text')).map(t => {
  const m = t.getScreenCTM();
  return {px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b), text: t.textContent.trim()};
})"""


def test_framework_diagrams_are_readable_on_a_phone(browser, site, built_book):
    pages = sorted(p.relative_to(built_book).as_posix() for p in (built_book / "book" / "denkkader").glob("*.html"))
    assert len(pages) >= 4
    problems = []
    for path in pages:
        with opened(browser, f"{site}/{path}", PHONE) as (page, _, _log):
            texts = page.evaluate(_DIAGRAM_TEXT)
            small = sorted((t for t in texts if t["px"] < 11), key=lambda t: t["px"])
            if not texts:
                problems.append(f"{path}: no diagram text")
            elif small:
                problems.append(f"{path}: {len(small)} of {len(texts)} labels under 11 px on screen, smallest: "
                                + "; ".join(f"{t['px']:.1f} px {t['text']!r}" for t in small[:5]))
            try:
                assert_no_horizontal_overflow(page, PHONE, path)
            except AssertionError as e:
                problems.append(str(e))
    assert not problems, "\n".join(problems)


# --- accessibility ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_serious_accessibility_violations(browser, site, axe_script, path):
    with opened(browser, f"{site}/{path}") as (page, response, _log):
        assert response is not None and response.status == 200, f"{path} is not a page of the book"
        page.add_script_tag(path=str(axe_script))
        violations = page.evaluate("""() => axe.run(document, {resultTypes: ['violations']}).then(r =>
            r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                                    targets: v.nodes.slice(0, 4).map(n => n.target.join(' '))})))""")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, f"{path}:\n" + "\n".join(
        f"  {v['id']} ({v['impact']}, {v['count']} nodes): {v['help']}; e.g. {v['targets']}" for v in serious)


# --- phones (390 px) and charts, site-wide (issue 11, items 3 and 6) -------------------------------------------

# Pages checked at 390 px: screenshots, chart text >= 11 px, every cell of a kernset table on screen, no
# sideways scroll of the page. The factsheets and a wijk profile join once their charts have width
# "container" and their tables carry data-label (the lead's part of issue 11).
PHONE_PAGES = ["book/index.html", "book/werkpakketten.html", "book/plan/nieuwegein.html", "book/data-en-methode.html",
               "book/factsheets/batau-2025.html", "book/factsheets/overvecht-2021.html", "book/overzicht.html"]
MIN_CHART_TEXT_PX = 11

# Every text of every drawn chart with its size on screen: font size times the scale of the SVG.
_CHART_TEXT = """() => [...document.querySelectorAll('.vw-chart svg.marks text')].filter(t => t.textContent.trim()).map(t => {
  const m = t.getScreenCTM();
  return {chart: t.closest('.vw-chart').id, text: t.textContent.trim().slice(0, 40),
          px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)};
})"""

# Cells of kernset tables (and of any table that reflows into cards) hidden or not wholly on screen, with
# every <details> opened.
_OFFSCREEN_CELLS = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });  // as a reader who opens them
  const width = document.documentElement.clientWidth;
  const cells = [...document.querySelectorAll('table.vw-kernset td, table.vw-table td[data-label]')]
                  .filter(td => td.textContent.trim());  // an empty cell hides nothing
  const bad = cells.filter(td => { const r = td.getBoundingClientRect();
    return !td.checkVisibility({visibilityProperty: true, opacityProperty: true}) || r.width < 1
           || r.left < -1 || r.right > width + 1; })
    .map(td => `${td.dataset.label}: ${td.innerText.trim().slice(0, 30)} (${Math.round(td.getBoundingClientRect().left)}-`
               + `${Math.round(td.getBoundingClientRect().right)} px)`);
  return {cells: cells.length, bad: bad.slice(0, 8), nbad: bad.length};
}"""

# Titles and facet headers of every chart as drawn (after truncation), and lines drawn flat on the bottom
# of a plot whose other lines reach its upper half: a series on an axis where it cannot be seen (e.g. the
# count of one area on the axis of the national total).
_CHART_READING = """() => {
  const txt = t => { const spans = [...t.querySelectorAll('tspan')];
    return (spans.length ? spans.map(s => s.textContent).join(' ') : t.textContent).replace(/\\s+/g, ' ').trim(); };
  return [...document.querySelectorAll('.vw-chart')].map(c => {
    const svg = c.querySelector('svg.marks');
    if (!svg) return {id: c.id, drawn: false, titles: [], headers: [], flat: []};
    const titles = [], headers = [];
    for (const t of svg.querySelectorAll('g.role-title-text text')) {
      const s = txt(t);
      if (s) (t.closest('.role-row-header, .role-column-header, .role-row-footer, .role-column-footer, .role-scope, '
                        + '.role-row-title, .role-column-title')
              ? headers : titles).push(s);
    }
    const flat = [];
    const plots = [...svg.querySelectorAll('g')].filter(g => g.querySelector(':scope > path.background')
                                                          && g.querySelector(':scope > g > g.role-axis'));
    for (const plot of plots) {
      const box = plot.querySelector(':scope > path.background').getBoundingClientRect();
      if (box.height < 20) continue;
      const lines = [...plot.querySelectorAll('g.mark-line path')].map(p => p.getBoundingClientRect())
                      .filter(r => r.width > 2);  // a one-point series draws no line
      const tall = lines.some(r => r.top < box.top + box.height * 0.5);
      lines.forEach((r, i) => {
        if (tall && r.height <= box.height * 0.015 && box.bottom - r.bottom <= Math.max(2, box.height * 0.02))
          flat.push(`line ${i + 1} of ${lines.length} lies flat on the bottom of its ${Math.round(box.height)} px plot`);
      });
    }
    return {id: c.id, drawn: true, titles, headers, flat};
  });
}"""


def chart_text_problems(page, where: str) -> list[str]:
    texts = page.evaluate(_CHART_TEXT)
    small = sorted((t for t in texts if t["px"] < MIN_CHART_TEXT_PX - 0.05), key=lambda t: t["px"])
    return [f"{where}: {len(small)} of {len(texts)} chart texts under {MIN_CHART_TEXT_PX} px, smallest: "
            + "; ".join(f"{t['px']:.1f} px {t['text']!r} ({t['chart']})" for t in small[:5])] if small else []


def offscreen_cell_problems(page, where: str) -> list[str]:
    r = page.evaluate(_OFFSCREEN_CELLS)
    return [f"{where}: {r['nbad']} of {r['cells']} table cells hidden or off screen, e.g. {r['bad']}"] if r["nbad"] else []


def chart_reading_problems(page, where: str) -> list[str]:
    charts = page.evaluate(_CHART_READING)
    problems = []
    titles = [t for c in charts for t in c["titles"]]
    problems += [f"{where}: two charts share the title {t!r}" for t in sorted({t for t in titles if titles.count(t) > 1})]
    for c in charts:
        problems += [f"{where}: {c['id']} shows the header {h!r} twice" for h in sorted({h for h in c["headers"]
                                                                                        if c["headers"].count(h) > 1})]
        problems += [f"{where}: {c['id']}: {f}" for f in c["flat"]]
    return problems


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_pages_fit_a_phone(browser, site, path):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{path.removeprefix('book/').removesuffix('.html').replace('/', '-')}-{PHONE}.png"
    shot.unlink(missing_ok=True)
    with opened(browser, f"{site}/{path}", PHONE) as (page, _, _log):
        page.screenshot(path=str(shot), full_page=True)
        drawn = page.evaluate("() => [document.querySelectorAll('.vw-chart').length,"
                              " document.querySelectorAll('.vw-chart svg.marks').length]")
        assert drawn[0] >= 1 and drawn[0] == drawn[1], f"{path}: charts drawn {drawn[1]} of {drawn[0]}"
        problems = chart_text_problems(page, path) + offscreen_cell_problems(page, path)
        try:
            assert_no_horizontal_overflow(page, PHONE, path)
        except AssertionError as e:
            problems.append(str(e))
    assert png_size(shot)[0] == PHONE
    assert not problems, "\n".join(problems)


# A kernset table as the factsheets write it (tables.pijler_table): the row header is the indicator, every
# other cell names its column in data-label. Values are placeholders of the test, not figures.
_PLANTED_TABLE = """(withLabels) => {
  const cols = ['Batau', 'Nieuwegein', 'Nederland', 'Oordeel', 'Verandering sinds de nulmeting', 'Sinds 2023'];
  const cell = (c, i) => `<td${withLabels ? ` data-label="${c}"` : ''}>waarde ${i} met wat uitleg erbij</td>`;
  const row = name => `<tr><th scope="row">${name}</th>${cols.map(cell).join('')}</tr>`;
  const html = `<div class="vw-table-wrap"><table class="vw-table vw-kernset"><caption>Proef</caption><thead><tr>`
    + `<th scope="col">Indicator</th>${cols.map(c => `<th scope="col">${c}</th>`).join('')}</tr></thead>`
    + `<tbody>${row('Ervaren gezondheid goed of zeer goed')}${row('Moeite met rondkomen')}</tbody></table></div>`;
  document.querySelector('article.bd-article').insertAdjacentHTML('afterbegin', html);
}"""


@pytest.mark.parametrize("with_labels", [True, False], ids=["data-label", "planted-without-data-label"])
def test_kernset_tables_become_cards_on_a_phone(browser, site, with_labels):
    """The book's CSS puts every cell of a kernset table on a 390 px screen; without data-label (the
    planted defect) the table keeps its columns and most of them fall off screen."""
    with opened(browser, f"{site}/book/index.html", PHONE) as (page, _, _log):
        page.evaluate(_PLANTED_TABLE, with_labels)
        problems = offscreen_cell_problems(page, "planted table")
        assert_no_horizontal_overflow(page, PHONE, "planted table")  # a wide table scrolls in its own box
    if with_labels:
        assert not problems, problems
    else:
        assert problems and "off screen" in problems[0], problems


def test_chart_text_check_sees_a_shrunken_chart(browser, site):
    """The planted defect: the old CSS that scaled a wide chart down to the column on a phone."""
    with opened(browser, f"{site}/book/index.html", PHONE) as (page, _, _log):
        assert chart_text_problems(page, "home") == []
        page.add_style_tag(content="figure.vw-figure .vw-chart svg.marks { max-width: 100% !important; height: auto; }")
        page.wait_for_timeout(100)
        assert chart_text_problems(page, "home"), "a chart scaled to a phone's column has tiny text"


def _chart_pages(built_book: Path) -> list[str]:
    return [p for p in site_pages(built_book) if p.startswith("book/")]


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_charts_have_distinct_titles_and_no_hidden_series(browser, site, built_book, width):
    pages = _chart_pages(built_book)
    assert len(pages) >= 27  # every page of the book: home, 12 factsheets, 4 x (narrative, framework, plan), 2
    problems, charts = [], 0
    for path in pages:
        with opened(browser, f"{site}/{path}", width) as (page, _, _log):
            charts += page.evaluate("() => document.querySelectorAll('.vw-chart svg.marks').length")
            problems += chart_reading_problems(page, path)
    assert charts >= 90, charts
    assert not problems, "\n".join(problems)


_PLANTED_CHARTS = """async () => {
  const host = document.querySelector('article.bd-article');
  const add = async spec => { const d = document.createElement('div'); d.className = 'vw-chart';
    d.id = 'proef-' + host.querySelectorAll('.vw-chart').length; host.prepend(d); await vegaEmbed(d, spec, {renderer: 'svg'}); };
  // the count of one area on the axis of the national total (test values)
  const rows = [];
  for (const [jaar, a, nl] of [[2020, 500, 800000], [2022, 520, 780000], [2024, 540, 760000]])
    rows.push({jaar, gebied: 'Wijk', aantal: a}, {jaar, gebied: 'Nederland', aantal: nl});
  await add({data: {values: rows}, mark: 'line', width: 300, height: 150,
             encoding: {x: {field: 'jaar', type: 'ordinal'}, y: {field: 'aantal', type: 'quantitative'},
                        color: {field: 'gebied', type: 'nominal'}}});
  // two indicators whose headers are cut to the same text, and two charts with one title
  const facet = [{ind: 'Ervaren gezondheid goed of zeer goed', v: 70}, {ind: 'Ervaren gezondheid goed of zeer goed, 65-plussers', v: 60}];
  for (let i = 0; i < 2; i++)
    await add({title: 'Gezondheid', data: {values: facet},
               facet: {field: 'ind', type: 'nominal', header: {labelLimit: 120}}, columns: 2,
               spec: {mark: 'bar', width: 120, height: 60, encoding: {y: {field: 'v', type: 'quantitative'}}}});
}"""


def test_chart_check_finds_planted_defects(browser, site):
    with opened(browser, f"{site}/book/werkpakketten.html", DESKTOP) as (page, _, _log):
        assert chart_reading_problems(page, "werkpakketten") == []
        page.evaluate(_PLANTED_CHARTS)
        problems = chart_reading_problems(page, "planted")
    assert any("share the title 'Gezondheid'" in p for p in problems), problems
    assert any("shows the header 'Ervaren gezondheid go" in p for p in problems), problems
    assert not any("title 'ind'" in p for p in problems), "a facet's field title is no chart title"
    assert any("lies flat on the bottom" in p for p in problems), problems


# --- search in the browser: the real JavaScript search and stemmer -----------------------------------------------


@pytest.mark.parametrize("query, expected", [
    ("Neckardreef", "factsheets/overvecht-"), ("Driften", "factsheets/batau-"), ("eenzaam", "verhalen/batau-2023"),
    ("criminaliteit", "factsheets/batau-2025"),
])
def test_the_browser_search_finds_buurten_word_forms_and_synonyms(browser, site, query, expected):
    with opened(browser, f"{site}/search.html?q={query}") as (page, _, _log):
        results = page.locator("#search-results ul.search li a")
        results.first.wait_for(timeout=10_000)
        hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(expected in h for h in hrefs), (query, hrefs)


def test_the_browser_stems_like_the_index(browser, site, built_book):
    """Every word of a few pages, stemmed by the JavaScript stemmer Sphinx ships and by the Python
    stemmer that writes the index (analysis.zoeken): they must agree, or words go missing."""
    import re

    from analysis.zoeken import stem

    words = set()
    for rel in ("book/index.html", "book/factsheets/batau-2025.html", "book/verhalen/batau-2023.html"):
        text = re.sub(r"<[^>]+>", " ", (built_book / rel).read_text(encoding="utf-8"))
        words |= {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}
    words = sorted(words)
    assert len(words) > 500
    with opened(browser, f"{site}/search.html") as (page, _, _log):
        js = page.evaluate("words => { const s = new Stemmer(); return words.map(w => s.stemWord(w)); }", words)
    differ = [(w, j, stem(w)) for w, j in zip(words, js) if j != stem(w)]
    assert not differ, f"{len(differ)} of {len(words)} words stem differently (word, browser, index): {differ[:10]}"
