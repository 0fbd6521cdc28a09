"""A4 downloads the book writes as HTML and then prints (handouts, reports): the HTML is rewritten
only when code, registries or processed tables changed, a PDF only when its HTML changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from .registries import Registries
from .sitemap import DOWNLOADS, Page, Site


def build_printed(reg: Registries, s: Site, site_root: Path, stamps: Path, log: Callable[[str], None], *,
                  name: str, pages: list[Page], html: str, pdf: str, css: Path, what: str,
                  write: Callable[[], object]) -> list[Path] | None:
    """Write (when stale) and print the ``html`` download of each page to its ``pdf`` download.
    Returns the PDFs, or None when there is no Chromium to print with (logged)."""
    from .book import Stamp, _code_files, _digest, _registry_files
    from .paths import processed_dir
    from .pdf import A4, ChromiumMissing, print_pages

    folder = Path(site_root) / DOWNLOADS
    stamp = Stamp(stamps, f"{name}-html")
    digest = _digest([*_code_files(), css, *_registry_files(reg), *processed_dir().iterdir()], extra=s.editie)
    if not (stamp.matches(digest) and all((folder / p.downloads[html]).exists() for p in pages)):
        write()
        stamp.save(digest)
    todo = {f"{DOWNLOADS}/{p.downloads[html]}": folder / p.downloads[pdf] for p in pages}
    try:
        print_pages(site_root, todo, stamps / f"{name}-pdf", log=log, paper=replace(A4, what=what),
                    extra=css.read_text(encoding="utf-8"))
    except ChromiumMissing as exc:
        log(f"{name}: {exc}")
        return None
    return list(todo.values())
