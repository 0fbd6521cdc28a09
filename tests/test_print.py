"""What readers print: a two-page handout per factsheet, full factsheet PDFs whose tables fit the
paper, and no link in any PDF that points at the local server the PDFs were printed from."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from analysis.sitemap import site as site_map

pytestmark = pytest.mark.slow


def _uris(pdf) -> list[str]:
    out = []
    for page in PdfReader(pdf).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                out.append(str(action["/URI"]))
    return out


def test_every_factsheet_has_a_two_page_handout(built_book, reg):
    pages = site_map(reg).of("factsheet")
    assert len(pages) == 12
    for page in pages:
        pdf = built_book / "downloads" / page.downloads["handout"]
        reader = PdfReader(pdf)
        assert 1 <= len(reader.pages) <= 2, f"{pdf.name}: {len(reader.pages)} pages"
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842), "A4 portrait"
        first = reader.pages[0].extract_text()
        assert "Belangrijkste bevindingen" in first and "In één oogopslag" in first, pdf.name
        assert "Per pijler" in reader.pages[-1].extract_text() and "Bronnen" in reader.pages[-1].extract_text()
        html = (built_book / page.html).read_text(encoding="utf-8")
        assert f'href="../../downloads/{pdf.name}"' in html, "the factsheet offers its handout"


def test_no_pdf_links_to_the_print_server(built_book):
    pdfs = sorted((built_book / "downloads").glob("*.pdf"))
    assert len(pdfs) >= 12 + 12
    for pdf in pdfs:
        local = [u for u in _uris(pdf) if "127.0.0.1" in u or "localhost" in u]
        assert not local, f"{pdf.name}: {local[:3]}"


def test_printed_tables_fit_the_paper(browser, site, reg):
    """In print, every kernset table fits the width of A4 minus its margins: no column is cut off."""
    width = 703  # 210 mm - 2 x 12 mm at 96 dpi
    page = browser.new_page(viewport={"width": width, "height": 1123})
    page.emulate_media(media="print")
    try:
        for fs in site_pages(reg):
            page.goto(f"{site}/{fs.html}", wait_until="load")
            over = page.evaluate("""() => [...document.querySelectorAll('table.vw-table')].map(t => {
                const box = t.parentElement.getBoundingClientRect();
                return [...t.querySelectorAll('th, td, th *, td *')].filter(e => e.getBoundingClientRect().right > box.right + 1)
                    .map(e => e.textContent.trim().slice(0, 30)); }).flat()""")
            assert not over, f"{fs.html}: cut off in print: {over[:5]}"
    finally:
        page.close()


def site_pages(reg):
    return site_map(reg).of("factsheet")


def test_pages_print_from_inside_a_running_event_loop(playwright_api, tmp_path):
    """A notebook (or a test holding a sync Playwright) runs an event loop in its thread; printing
    must still work there instead of failing on Playwright's 'inside the asyncio loop' check."""
    import asyncio
    import threading

    from analysis.pdf import A4, print_pages

    site = tmp_path / "site"
    site.mkdir()
    (site / "p.html").write_text("<!doctype html><html><body><p>Overvecht</p></body></html>", encoding="utf-8")
    target = tmp_path / "p.pdf"

    async def inside_a_loop():
        return print_pages(site, {"p.html": target}, tmp_path / "stamps", log=lambda _m: None, paper=A4)

    # A thread of its own: the session's browser fixture may already hold a loop in this one.
    made: list = []
    worker = threading.Thread(target=lambda: made.extend(asyncio.run(inside_a_loop())))
    worker.start()
    worker.join(timeout=120)
    assert made == [target]
    assert "Overvecht" in PdfReader(target).pages[0].extract_text()
