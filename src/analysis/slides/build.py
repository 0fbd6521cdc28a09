"""Writing the decks into the built site and printing them: called by ``vitale-wijken book``
after the Jupyter Book build (``build_decks``). Decks are rewritten only when their inputs
changed (code, registries, fieldwork, processed data, reveal.js); a PDF only when its deck did."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Callable

from ..io import write_text_atomic
from ..registries import Registries
from ..sitemap import DOWNLOADS, OVERZICHT, SLIDES_HTML, SLIDES_PDF, Page, Site
from .assets import OWN_CSS, RevealMissing, copy_assets, reveal_version
from .deck import Deck, deck_html

DECK_FAILED = 5
STATIC = "_static"


def deck_for(reg: Registries, s: Site, v, owner: Page) -> Deck:
    from .area import area_deck
    from .overleg import overleg_deck

    return overleg_deck(reg, s, v, owner) if owner.key == OVERZICHT else area_deck(reg, s, v, owner)


def write_decks(reg: Registries, s: Site, site_root: Path, log: Callable[[str], None] = print,
                vergelijking=None) -> list[Path]:
    """Every deck of the edition as HTML in <site>/downloads/ (the model is evaluated once)."""
    from ..overzicht import Vergelijking

    v = vergelijking or Vergelijking.build(reg)
    static = posixpath.relpath(STATIC, DOWNLOADS)
    written = []
    for owner in s.decks:
        path = Path(site_root) / DOWNLOADS / owner.slides[SLIDES_HTML]
        write_text_atomic(path, deck_html(deck_for(reg, s, v, owner), static))
        written.append(path)
    log(f"slides: {len(written)} presentatie(s) written to {Path(site_root) / DOWNLOADS}")
    return written


def build_decks(reg: Registries, s: Site, site_root: Path, stamps: Path, log: Callable[[str], None] = print) -> int:
    """Assets, decks and their PDFs. Returns 0, or DECK_FAILED (with the reason logged) when
    reveal.js or Chromium is missing."""
    from ..book import Stamp, _code_files, _digest, _registry_files
    from ..paths import processed_dir
    from ..pdf import SLIDES_16_9, ChromiumMissing, print_pages

    try:
        copy_assets(site_root)
        version = reveal_version()
    except RevealMissing as exc:
        log(f"slides: {exc}")
        return DECK_FAILED
    folder = Path(site_root) / DOWNLOADS
    stamp = Stamp(stamps, "slides")
    digest = _digest([*_code_files(), OWN_CSS, *_registry_files(reg), *processed_dir().iterdir()],
                     extra=f"{s.editie} reveal.js {version}")
    decks = {owner.key: owner.slides for owner in s.decks}
    if not (stamp.matches(digest) and all((folder / d[SLIDES_HTML]).exists() for d in decks.values())):
        write_decks(reg, s, site_root, log)
        stamp.save(digest)
    pages = {f"{DOWNLOADS}/{d[SLIDES_HTML]}": folder / d[SLIDES_PDF] for d in decks.values()}
    try:
        print_pages(site_root, pages, stamps / "slides-pdf", log=log, paper=SLIDES_16_9,
                    extra=f"reveal.js {version} {OWN_CSS.read_text(encoding='utf-8')}")
    except ChromiumMissing as exc:
        log(f"slides: {exc}")
        return DECK_FAILED
    return 0
