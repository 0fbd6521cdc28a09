"""Shared fixtures. Tests that need ../shared/data (the source mirror) or a browser skip
with a reason on a user's machine without them, and fail loudly in CI (CI=true)."""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analysis.paths import default_mirror, project_root
from analysis.registries import load_registries

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, reason: str) -> None:
    """Skip (on a user's machine) or fail (in CI) when a test's precondition is missing."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this, but: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def root() -> Path:
    return project_root()


@pytest.fixture(scope="session")
def reg():
    return load_registries()


@pytest.fixture(scope="session")
def mirror() -> Path:
    path = default_mirror()
    require((path / "README.md").is_file(), f"the source mirror is not at {path} (set VITALE_WIJKEN_MIRROR)")
    return path


@pytest.fixture(scope="session")
def built_book(reg, root) -> Path:
    """The book built exactly as `make book` builds it (cached notebooks are reused)."""
    from analysis.book import build_book

    messages: list[str] = []
    status = build_book(reg, root=root, workers=2, progress=False, log=messages.append)
    assert status == 0, "make book failed:\n" + "\n".join(messages[-40:])
    return root / "_build" / "html"


# --- the built site in a browser (test_site.py, test_slides.py): one server and one Playwright per session ---

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


@pytest.fixture(scope="session")
def playwright_api():
    require(CHROMIUM.is_file(), f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    require(sync_playwright is not None, "the playwright package is not installed (pip install -e '.[test]')")
    return sync_playwright


@pytest.fixture(scope="session")
def site(playwright_api, built_book) -> str:
    """The origin of a local http.server serving the built book (Chromium and Playwright are checked
    first, so a machine without them skips before the book is built)."""
    require((built_book / "book" / "index.html").is_file(), f"the book is not built in {built_book}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_book)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(playwright_api, site):
    """Chromium, launched only once the book is built: the build prints PDFs with its own (sync)
    Playwright, which cannot run while another one is open in the same thread."""
    with playwright_api() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    require(AXE.is_file(), f"axe-core is missing: run `npm ci` in {AXE.parents[2]}")
    return AXE
