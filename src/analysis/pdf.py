"""Printable factsheets: every factsheet page printed to an A4 PDF by headless Chromium (Debian's
chromium, driven by the PyPI playwright package), using the book's print stylesheet. Charts
are SVG, so they stay vector in the PDF. A PDF is only remade when its page changed.

The same printer makes the PDFs of the slide decks: ``print_pages(..., paper=SLIDES_16_9)``
opens a deck in reveal.js's print view and prints one 16:9 page per slide."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import http.server
import shutil
import socketserver
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
A4_WIDTH_PX = 794  # 210 mm at 96 dpi: charts are laid out at the width they are printed at
RENDER_TIMEOUT_MS = 20_000
CHARTS_DRAWN = ("document.querySelectorAll('.vega-embed svg.marks').length >= "
                "document.querySelectorAll('.vw-chart').length")


@dataclass(frozen=True)
class Paper:
    """How pages are printed: the window they are laid out in, page.pdf() options, a query added to
    the URL, and a JavaScript condition that holds once the page is ready to print."""

    viewport: tuple[int, int] = (A4_WIDTH_PX, 1123)
    options: dict = field(default_factory=lambda: {
        "format": "A4", "prefer_css_page_size": True,
        "margin": {"top": "12mm", "bottom": "14mm", "left": "12mm", "right": "12mm"}})
    query: str = ""
    ready: str = CHARTS_DRAWN
    what: str = "factsheet(s)"


A4 = Paper()
# reveal.js's print view (?print-pdf) lays every slide out on a page of its own and sets the page
# size itself (the deck's width x height); it is ready once it has wrapped the slides in .pdf-page.
SLIDES_16_9 = Paper(
    viewport=(1280, 720),
    options={"prefer_css_page_size": True, "margin": {"top": "0", "bottom": "0", "left": "0", "right": "0"}},
    query="?print-pdf",
    ready=f"window.Reveal && Reveal.isReady() && document.querySelector('.pdf-page') !== null && {CHARTS_DRAWN}",
    what="presentatie(s)",
)


UNLINK_LOCAL = ("document.querySelectorAll('a[href]').forEach(a => { const u = new URL(a.href, location.href); "
                "if (u.origin === location.origin) { a.removeAttribute('href'); } })")


class ChromiumMissing(RuntimeError):
    pass


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing("Chromium is not installed: the PDF factsheets need Debian's chromium package "
                          "(`make system` installs it)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port) for the length of the block."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _digest(path: Path, extra: str = "") -> str:
    return hashlib.sha256(path.read_bytes() + extra.encode()).hexdigest()


def print_pages(site: Path, pages: dict[str, Path], stamps: Path,
                log: Callable[[str], None] = print, *, paper: Paper = A4, extra: str = "") -> list[Path]:
    """Print each page (site-relative path -> target PDF). ``stamps`` keeps a hash of the page
    each PDF was made from (and of ``extra``: other inputs, such as the files a page loads),
    outside the site. Returns the PDFs (re)made."""
    from playwright.sync_api import sync_playwright

    todo = {}
    stamps.mkdir(parents=True, exist_ok=True)
    for rel, pdf in pages.items():
        stamp = stamps / f"{pdf.name}.sha256"
        digest = _digest(site / rel, extra)
        if pdf.exists() and stamp.exists() and stamp.read_text() == digest:
            continue
        todo[rel] = (pdf, stamp, digest)
    if not todo:
        return []
    if _loop_running():
        # Playwright's sync API refuses to start inside a running event loop (a notebook, or a
        # caller that already has a sync Playwright open): print from a thread of its own.
        with ThreadPoolExecutor(max_workers=1) as pool:
            made = pool.submit(_print, site, todo, paper, sync_playwright).result()
    else:
        made = _print(site, todo, paper, sync_playwright)
    log(f"pdf: {len(made)} {paper.what} printed")
    return made


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _print(site: Path, todo: dict, paper: Paper, sync_playwright) -> list[Path]:
    made = []
    with serve(site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            width, height = paper.viewport
            page = browser.new_page(viewport={"width": width, "height": height})
            page.emulate_media(media="print")
            for rel, (pdf, stamp, digest) in todo.items():
                page.goto(f"{origin}/{rel}{paper.query}", wait_until="load")
                page.wait_for_function(paper.ready, timeout=RENDER_TIMEOUT_MS)
                # Links within the site would point at this temporary server: paper gets none.
                page.evaluate(UNLINK_LOCAL)
                pdf.parent.mkdir(parents=True, exist_ok=True)
                tmp = pdf.with_name(f".{pdf.name}.part")
                page.pdf(path=str(tmp), print_background=True, **paper.options)
                tmp.replace(pdf)
                stamp.write_text(digest)
                made.append(pdf)
        finally:
            browser.close()
    return made


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)
