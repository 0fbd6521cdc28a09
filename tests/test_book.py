"""The batch runner, the template notebooks and the built book."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import nbformat
import pytest

from analysis.book import build_book, toc_text
from analysis.registries import load_registries
from analysis.runner import finalize, is_current, job_digest, job_for, plan, run, shared_inputs_digest
from analysis.sitemap import site


def test_toc_is_in_sync_with_the_registries(reg, root):
    committed = (root / "_toc.yml").read_text(encoding="utf-8")
    assert committed == toc_text(site(reg)), "_toc.yml is out of date: run `vitale-wijken book` and commit it"
    for f in reg.gebieden.focusgebieden:
        for m in reg.metingen.metingen:
            assert f"book/factsheets/{f.slug}-{m.jaar}" in committed


@pytest.mark.parametrize("name", ["factsheet.ipynb", "home.ipynb", "wijkprofiel.ipynb", "kwalitatief.ipynb"])
def test_templates_are_clean_and_hide_code(root, name):
    nb = nbformat.read(root / "notebooks" / name, as_version=4)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "the page title is a real H1"
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert not cell.outputs and cell.execution_count is None, "templates are committed without outputs"
        tags = cell.metadata.get("tags", [])
        assert "remove-input" in tags or "remove-cell" in tags, f"readers must not see code: {cell.source[:40]}"
        assert len(cell.source.splitlines()) <= 4, f"logic belongs in analysis.*: {cell.source[:60]}"


@pytest.mark.parametrize("name", ["factsheet.ipynb", "wijkprofiel.ipynb"])
def test_factsheet_parameters_cell_holds_literals_only_and_follows_the_title(root, reg, name):
    nb = nbformat.read(root / "notebooks" / name, as_version=4)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    assert nb.cells.index(params[0]) == 1
    assert "remove-cell" in params[0].metadata["tags"]
    tree = ast.parse(params[0].source)
    assert {t.id for n in tree.body for t in n.targets} == {"gebied", "meting", "registries"}
    assert all(isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant) for n in tree.body)
    headings = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for p in reg.kernset.pijlers:  # one section per pijler, titled from the registry
        assert f"{{{{pijler:{p.id}}}}}" in headings


def test_plan_covers_every_focus_area_and_meting(reg, root):
    jobs = plan(site(reg).pages, reg)
    names = [j.name for j in jobs]
    assert names[0] == "home" and len(jobs) == 1 + 4 * 3 + 4  # home, factsheets, narratives (fieldwork 2023)
    assert "verhaal-batau-2023" in names
    assert "factsheet-overvecht-2021" in names and "factsheet-soesterkwartier-2025" in names
    one = job_for(site(reg).page("factsheet-vollenhove-2023"), reg)
    assert one.parameters == {"gebied": "vollenhove", "meting": 2023}
    assert one.output == root / "book" / "factsheets" / "vollenhove-2023.ipynb"


def test_finalize_fills_the_title_and_hides_parameters(reg, root):
    job = job_for(site(reg).page("factsheet-overvecht-2021"), reg)
    nb = nbformat.read(job.template, as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell('gebied = "overvecht"', metadata={"tags": ["injected-parameters"]}))
    out = finalize(nb, job, "abc")
    assert out.cells[0].source == "# Factsheet Overvecht (Utrecht) — meting 2021"
    assert "## 1. Gezondheid" in [c.source for c in out.cells]
    assert all("remove-cell" in c.metadata["tags"] for c in out.cells[1:3])
    assert out.metadata["vitale_wijken"]["input_hash"] == "abc"
    assert not any("{{" in c.source for c in out.cells if c.cell_type == "markdown")


def test_digest_changes_with_parameters_and_template(reg, root):
    shared = shared_inputs_digest(root)
    s = site(reg)
    a, b = (job_for(s.page(k), reg) for k in ("factsheet-overvecht-2021", "factsheet-overvecht-2023"))
    assert job_digest(a, shared, reg) != job_digest(b, shared, reg)
    assert job_digest(a, shared, reg) != job_digest(a, shared + "x", reg)


# --- slow: executing notebooks and building the book ---------------------------------------------


class _Loads(HTMLParser):
    """Collects everything a page loads: scripts, stylesheets, images, frames."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href") and any(r in (a.get("rel") or "") for r in ("stylesheet", "preload",
                                                                                         "icon", "modulepreload")):
            self.urls.append(a["href"])
        if tag in ("img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.urls.append(a["src"])


def external(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url))


@pytest.mark.slow
def test_book_has_every_factsheet_with_title_and_figures(built_book, reg):
    for fg in reg.gebieden.focusgebieden:
        for m in reg.metingen.metingen:
            page = built_book / "book" / "factsheets" / f"{fg.slug}-{m.jaar}.html"
            html = page.read_text(encoding="utf-8")
            title = f"Factsheet {fg.naam} ({reg.gemeente(fg.gemeente).naam}) — meting {m.jaar}"
            assert f"<title>{title}" in html
            assert re.search(r"<h1>Factsheet .*meting \d{4}", html)
            assert "vw-figure" in html and "vegaEmbed(" in html
            assert "Factsheet.load" not in html and "fs.pijler" not in html, "code must not reach readers"
            assert 'lang="nl"' in html


@pytest.mark.slow
def test_overvecht_nulmeting_shows_the_three_health_figures(built_book):
    html = (built_book / "book" / "factsheets" / "overvecht-2021.html").read_text(encoding="utf-8")
    row = re.search(r"Ervaren gezondheid goed of zeer goed <span.*?</tr>", html, re.S).group(0)
    assert re.findall(r"<td[^>]*>(\d+,\d%)", row)[:3] == ["69,9%", "80,8%", "78,4%"]


@pytest.mark.slow
def test_no_page_loads_anything_from_outside_the_site(built_book):
    pages = sorted(built_book.rglob("*.html"))
    assert len(pages) >= 14
    for page in pages:
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        outside = [u for u in parser.urls if external(u)]
        assert not outside, f"{page.relative_to(built_book)} loads {outside}"
    for css in built_book.rglob("*.css"):
        imports = re.findall(r"@import\s+(?:url\()?['\"]?([^'\")]+)", css.read_text(encoding="utf-8", errors="ignore"))
        assert not [u for u in imports if external(u)], css
    assert (built_book / "_static" / "vega-bundle.js").stat().st_size > 500_000


@pytest.mark.slow
def test_second_run_executes_nothing(built_book, reg, root):
    results = run(plan(site(reg).pages, reg), reg, root=root, progress=False, log=lambda s: None)
    assert {r.status for r in results} == {"cached"}


@pytest.mark.slow
def test_broken_input_for_one_gemeente_fails_only_its_notebooks(reg, root, tmp_path, monkeypatch):
    processed = tmp_path / "processed"
    shutil.copytree(root / "data" / "processed", processed)
    path = processed / "indicatoren.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    target = next(i for i, ln in enumerate(lines)
                  if ln.startswith("ervaren_gezondheid,WK035603,") and ",50090NED," in ln)
    cells = lines[target].split(",")
    cells[6] = "150"  # a percentage over 100 in a Batau row
    lines[target] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setenv("VITALE_WIJKEN_PROCESSED", str(processed))
    jobs = [j for j in plan(site(reg).pages, reg, out_root=tmp_path) if j.name != "home"]
    results = run(jobs, reg, workers=2, log_dir=tmp_path / "logs", progress=False, log=lambda s: None)
    failed = sorted(r.job.name for r in results if r.status == "failed")
    errors = {r.job.name: r.error for r in results if r.status == "failed"}
    # the narrative sets its themes beside the same (broken) figures, so it fails too
    assert failed == ["factsheet-batau-2021", "factsheet-batau-2023", "factsheet-batau-2025",
                      "verhaal-batau-2023"], errors
    assert {r.status for r in results if r.job.name not in failed} == {"executed"}
    bad = next(r for r in results if r.job.name == "factsheet-batau-2021")
    assert "indicatoren.csv" in bad.error and f"row {target + 1}" in bad.error and "waarde" in bad.error
    assert bad.log.exists()
    page = nbformat.read(bad.job.output, as_version=4)
    assert page.metadata["vitale_wijken"]["failed"] is True
    assert page.cells[0].source.startswith("# Factsheet Batau (Nieuwegein) — meting 2021")
    assert not is_current(bad.job, "anything"), "a failed page is never taken from the cache"


@pytest.mark.slow
def test_nbval_on_the_template(root):
    proc = subprocess.run([sys.executable, "-m", "pytest", "--nbval-lax", "notebooks/factsheet.ipynb",
                           "-p", "no:cacheprovider", "-q"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


@pytest.mark.slow
def test_nbval_on_an_executed_factsheet(reg, root, built_book):
    executed = root / "book" / "factsheets" / "overvecht-2021.ipynb"
    proc = subprocess.run([sys.executable, "-m", "pytest", "--nbval", str(executed), "--nbval-sanitize-with",
                           "tests/nbval_sanitize.cfg", "-p", "no:cacheprovider", "-q"],
                          cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert re.search(r"\d+ passed", proc.stdout)


def test_trend_chart_facets_see_only_their_own_indicator(reg):
    """Layers inside a facet must not carry their own data, or every facet draws every series."""
    from analysis import charts
    from analysis.factsheet import Factsheet
    from analysis.factsheet_figures import _trend_series

    fs = Factsheet.load("overvecht", 2021)
    data = _trend_series(fs, "gezondheid")
    data = data.assign(indicator=data["indicator"].str.replace(charts.LABEL_BREAK, " ", regex=False))
    spec = charts.spec_of(charts.trend_chart(data, reg.metingen.start_monitor))
    assert spec["facet"]["field"] == "indicator" and "data" in spec
    series_layers = [lay for lay in spec["spec"]["layer"] if lay["mark"]["type"] in ("line", "point")]
    assert len(series_layers) == 2 and all("data" not in lay for lay in series_layers)
    assert set(data["indicator"]) >= {"Ervaren gezondheid goed of zeer goed (%)", "Rookt (%)"}
    overvecht = data[(data["rol"] == "focusgebied") & data["indicator"].str.startswith("Ervaren gezondheid goed")
                     & ~data["indicator"].str.contains("65")]
    assert sorted(overvecht["peiljaar"]) == [2012, 2016, 2020] and set(overvecht["bron_tabel"]) == {"50090NED"}


@pytest.mark.slow
def test_every_fieldwork_dataset_has_a_narrative_page_saying_it_is_fictional(built_book, reg, root):
    stories = site(reg).of("verhaal")
    assert len(stories) == 4
    for story in stories:
        html = (built_book / story.html).read_text(encoding="utf-8")
        assert "Fictieve gegevens" in html and "verzonnen" in html
        assert f"Gesprekken in {reg.focusgebied(story.gebied).naam}" in html
        factsheet = (built_book / "book" / "factsheets" / f"{story.gebied}-{story.meting}.html").read_text(
            encoding="utf-8")
        assert f'href="../verhalen/{story.gebied}-{story.meting}.html"' in factsheet


class _Links(HTMLParser):
    """Internal links and element ids of one page."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def _parse(page):
    p = _Links()
    p.feed(page.read_text(encoding="utf-8"))
    return p


@pytest.mark.slow
def test_every_internal_link_and_anchor_resolves(built_book):
    pages = {p.resolve(): _parse(p) for p in built_book.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        for href in parsed.hrefs:
            if external(href) or href.startswith(("mailto:", "javascript:")):
                continue
            path, _, frag = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_book.resolve())}: {href} (no such file)")
            elif frag and target.suffix == ".html" and frag not in pages[target].ids:
                broken.append(f"{page.relative_to(built_book.resolve())}: {href} (no anchor #{frag})")
    assert not broken, "\n".join(broken[:20])


@pytest.mark.slow
def test_frameworks_factsheets_and_narratives_link_both_ways(built_book, reg):
    from analysis.denkkader import goal_label, load_frameworks

    frameworks = load_frameworks(reg)
    for fg in reg.gebieden.focusgebieden:
        slug = fg.slug
        g = reg.gemeente(fg.gemeente)
        fw_page = (built_book / "book" / "denkkader" / f"{g.slug}.html").read_text(encoding="utf-8")
        kader = frameworks[g.slug].kader
        goals = kader.goals()
        for _, goal in goals:
            assert f'id="{goal_label(g.slug, goal.id)}"' in fw_page
        assert re.search(rf'href="../factsheets/{slug}-\d{{4}}\.html#[a-z-]+"', fw_page), "goal -> factsheet"
        assert re.search(rf'href="../verhalen/{slug}-2023\.html#[a-z0-9-]+"', fw_page), "goal -> narrative"
        assert '<svg role="img"' in fw_page and "Het denkkader als tekst" in fw_page
        with_indicators = [goal for _, goal in goals if goal.indicatoren]
        latest = (built_book / "book" / "factsheets" / f"{slug}-2021.html").read_text(encoding="utf-8")
        assert any(f'href="../denkkader/{g.slug}.html#{goal_label(g.slug, goal.id)}"' in latest
                   for goal in with_indicators), "factsheet -> goal"
        story = (built_book / "book" / "verhalen" / f"{slug}-2023.html").read_text(encoding="utf-8")
        assert f'href="../denkkader/{g.slug}.html#doel-{g.slug}-' in story, "narrative -> goal"
        plan = (built_book / "book" / "plan" / f"{g.slug}.html").read_text(encoding="utf-8")
        assert "vw-figure" in plan and ("gepland" in plan and "uitgevoerd" in plan)
    overview = (built_book / "book" / "werkpakketten.html").read_text(encoding="utf-8")
    for title in ("Coördinatie", "Community of Practice", "Kennisontsluiting"):
        assert title in overview


@pytest.mark.slow
def test_every_factsheet_has_an_a4_vector_pdf_and_a_csv(built_book, reg):
    from pypdf import PdfReader

    downloads = built_book / "downloads"
    pdfs = sorted(downloads.glob("factsheet-*.pdf"))
    csvs = sorted(downloads.glob("factsheet-*.csv"))
    assert len(pdfs) == len(csvs) == 12
    for pdf in pdfs:
        reader = PdfReader(pdf)
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842), "A4 portrait"
        assert sum(len(p.images) for p in reader.pages) == 0, "charts must be vector, not pictures"
        text = "".join(p.extract_text() for p in reader.pages)
        assert "Belangrijkste bevindingen" in text and "Bronnen en toelichting" in text
        for chrome in ("Over de monitor", "Zoeken", "Werkpakketten", "Figuur downloaden"):
            assert chrome not in text, f"{pdf.name}: navigation chrome {chrome!r} in print"
        page = (built_book / "book" / "factsheets" / f"{pdf.stem.removeprefix('factsheet-')}.html")
        html = page.read_text(encoding="utf-8")
        assert f'href="../../downloads/{pdf.name}"' in html and f'href="../../downloads/{pdf.stem}.csv"' in html


@pytest.mark.slow
def test_factsheet_csv_carries_source_and_peiljaar(built_book):
    import pandas as pd

    data = pd.read_csv(built_book / "downloads" / "factsheet-overvecht-2021.csv", dtype=str)
    assert {"bron_tabel", "bron", "peiljaar", "waarde", "status", "reden", "gebied_code"} <= set(data.columns)
    row = data[(data.indicator == "ervaren_gezondheid") & (data.rol == "focusgebied")].iloc[0]
    assert (row.gebied_code, float(row.waarde), row.peiljaar, row.bron_tabel) == ("WK034403", 69.9, "2020",
                                                                                   "50090NED")
    assert "RIVM" in row.bron
    gaps = data[(data.rol == "focusgebied") & (data.status == "ontbreekt")]
    assert len(gaps) and gaps["reden"].str.len().gt(0).all()
    kernset = pd.read_csv(built_book / "downloads" / "kernset-indicatoren.csv", dtype=str)
    assert len(kernset) > 20_000 and "bron_tabel" in kernset.columns


@pytest.mark.slow
def test_data_and_method_page_lists_every_indicator_and_source(built_book, reg):
    html = (built_book / "book" / "data-en-methode.html").read_text(encoding="utf-8")
    import html as htmllib

    text = htmllib.unescape(html)
    for ind in reg.kernset.indicatoren:
        assert ind.label in text, ind.id
    for tabel_id, t in reg.bronnen.tabellen.items():
        assert tabel_id in text and t.licentie in text
    assert "vw-figure" in html and "beschikbaarheid" in html
    assert 'href="../downloads/kernset-indicatoren.csv"' in html
