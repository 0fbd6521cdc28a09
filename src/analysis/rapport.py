"""The printable report of a gemeente-specific meting (issue 14): one A4 PDF per Gesprekken page,
with a cover, a short method section (who was spoken to, how it was coded), the themes per pijler
with the kernset figures of that pijler beside them, and the questionnaire.

The conversations are read only through the narrative page's public API (``Verhaal``: ``wie``,
``pijler``, ``overig``, ``vragenlijst``, ``counts``, ``ds``), so the report shows what the page
shows, under the same privacy rules; the figures and verdicts come from the evaluation model
(``overzicht.verdict_rows``), in the words of the factsheet. The report is written as an HTML page
into ``downloads/`` (so the privacy gate reads it) and printed to A4 by headless Chromium.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .format import esc
from .io import write_text_atomic
from .registries import Registries
from .sitemap import DOWNLOADS, REPORT_HTML, REPORT_PDF, Page, Site

if TYPE_CHECKING:  # the evaluation model (and scipy) loads only when a report is written
    from .overzicht import VerdictRow, Vergelijking

REPORT_CSS = Path(__file__).with_name("slides") / "vw-rapport.css"
REPORT_FAILED = 6


def _figures_html(rows: list[VerdictRow], label: str, gemeente: str) -> str:
    """The pijler's kernset figures of the area in this meting, with the level verdict against the gemeente."""
    from .overzicht import verdict_html

    body = []
    for r in rows:
        name = f"↳ {esc(r.naam)}" if r.deel else esc(label if not r.deel else r.naam)
        if r.status == "beschikbaar":
            cell = (f'{esc(r.waarde)} <small>({r.peiljaar})</small><br><span data-soort="niveau" data-rol="gemeente">'
                    f'{verdict_html(r.niveau_tekst("gemeente"), r.niveau_oordeel("gemeente"))}</span>')
        elif r.status == "deels":
            cell = '<span class="vw-leeg">per deel of buurt:</span>'
        else:
            continue
        attrs = f'data-indicator="{esc(r.indicator)}" data-meting="{r.meting}" data-code="{esc(r.code)}"'
        body.append(f'<tr {attrs}><th scope="row">{name}</th><td>{cell}</td></tr>')
    return "".join(body)


def figures_box(v: Vergelijking, gebied: str, meting: int, pijler_id: str) -> str:
    from .overzicht import verdict_rows

    ev = v.evaluaties[(gebied, meting)]
    gemeente = ev.referenties["gemeente"][1]
    rows = "".join(_figures_html(verdict_rows(ev, gebied, ie), ie.indicator.label, gemeente)
                   for ie in ev.indicatoren if ie.pijler == pijler_id)
    if not rows:
        return (f'<aside class="vw-cijfers"><h4>Cijfers van {esc(ev.naam)}</h4><p>Geen cijfer uit de kernset in '
                f"deze meting.</p></aside>")
    return (f'<aside class="vw-cijfers"><h4>Cijfers van {esc(ev.naam)}, meting {meting}</h4>'
            f'<table class="vw-table"><thead><tr><th scope="col">Cijfer</th><th scope="col">Waarde en oordeel '
            f"tegenover {esc(gemeente)}</th></tr></thead><tbody>{rows}</tbody></table></aside>")


def method_html(verhaal) -> str:
    """How the conversations were coded, from the dataset itself."""
    from .kwalitatief import analyse

    ds = verhaal.ds
    codes = len(ds.codeboek)
    top = int((ds.codeboek["ouder"] == "").sum())
    quotes = int((ds.segmenten["publiceerbaar"] == "ja").sum())
    return (
        "<p>Alle gesprekken en antwoorden zijn in fragmenten verdeeld. Elk fragment kreeg een of meer thema's uit een "
        f"codeboek van {codes} thema's, waarvan {top} hoofdthema's; elk thema hoort bij een pijler van de monitor.</p>"
        "<p>Per thema staat hoeveel <em>deelnemers</em> het noemden, niet hoe vaak het voorkwam. Zo telt één "
        "spraakzame deelnemer niet zwaarder dan anderen. Een hoofdthema telt iedereen die het thema of een subthema "
        "noemde.</p>"
        f"<p>Aantallen van 1 tot en met {analyse.MIN_CELL - 1} staan er als ‘{analyse.SUPPRESSED}’, zodat niemand "
        f"herkenbaar wordt. Citaten komen alleen uit fragmenten die als publiceerbaar zijn gemarkeerd ({quotes} "
        "fragmenten); ze staan er met groep en methode, nooit met een naam.</p>")


def report_html(reg: Registries, s: Site, v: Vergelijking, page: Page, static: str) -> str:
    from .kwalitatief.pagina import FICTIONAL_NOTICE, Verhaal

    g = reg.gemeente(page.gemeente)
    verhaal = Verhaal.load(g.slug, page.meting, str(reg.folder))
    ds = verhaal.ds
    area = next(x for x in v.gebieden if x.key == page.gebied)
    periods = sorted(a.periode for a in ds.veldwerk.activiteiten)
    fictional = (f'<p class="vw-fictief-label" role="note"><strong>Fictief voorbeeld.</strong> '
                 f"{esc(FICTIONAL_NOTICE)}</p>") if ds.veldwerk.fictief else ""
    page_link = posixpath.relpath(page.html, DOWNLOADS)
    cover = (f'<section class="vw-omslag"><p class="vw-reeks">Monitor Regiodeal Vitale Wijken · rapport</p>'
             f"<h1>{esc(page.title)}</h1><p class=\"vw-ondertitel\">{esc(ds.veldwerk.titel)}</p>"
             f"<p>Veldwerk: {esc(periods[0])}{'' if len(periods) == 1 else ' tot en met ' + esc(periods[-1])}. "
             f"{esc(area.naam)}, gemeente {esc(g.naam)}.</p>{fictional}"
             f'<p class="vw-klein">Dit rapport is de printversie van de pagina '
             f'<a href="{page_link}">{esc(page.title)}</a>.</p></section>')
    parts = [cover, f"<h2>1. Inleiding</h2><p>{esc(ds.veldwerk.inleiding.strip())}</p>",
             "<h2>2. Methode</h2><h3>Wie we spraken</h3>", verhaal.wie().data,
             "<h3>Hoe de gesprekken zijn gecodeerd</h3>", method_html(verhaal),
             "<h2>3. Thema's per pijler, met de cijfers ernaast</h2>"
             "<p>Per pijler staan links de thema's uit de gesprekken en rechts de cijfers uit de kernset van "
             f"{esc(area.naam)} in dezelfde meting, met het oordeel zoals in de factsheet.</p>"]
    for p in reg.kernset.pijlers:
        if p.context:
            continue
        parts.append(f'<section class="vw-pijler"><h3>{p.nummer}. {esc(p.label)}</h3><div class="vw-naast">'
                     f'<div class="vw-themas">{verhaal.pijler(p.id).data}</div>'
                     f"{figures_box(v, area.key, page.meting, p.id)}</div></section>")
    parts.append(f'<section class="vw-pijler"><h3>Overige thema\'s</h3>{verhaal.overig().data}</section>')
    parts += ["<h2>4. Vragenlijst</h2>", verhaal.vragenlijst().data,
              "<h2>5. Over deze gegevens</h2><p>Deelnemers zijn alleen met een pseudoniem vastgelegd. Bij het "
              "bouwen van het boek controleert een automatische toets dit rapport op namen, adressen, "
              "telefoonnummers en kleine aantallen.</p>"]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>{esc(page.title)} · rapport</title>\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="icon" href="{static}/favicon.svg" type="image/svg+xml">\n'
        f'<link rel="stylesheet" href="{static}/slides/{REPORT_CSS.name}">\n'
        f'<script src="{static}/vega-bundle.js"></script>\n</head>\n<body>\n<main class="vw-rapport">\n'
        + "\n".join(parts) + "\n</main>\n</body>\n</html>\n")


def write_reports(reg: Registries, s: Site, site_root: Path, v: Vergelijking | None = None,
                  log: Callable[[str], None] = print) -> list[Path]:
    from .overzicht import Vergelijking

    pages = s.of("verhaal")
    # Only the areas and metingen that have fieldwork are evaluated.
    v = v or Vergelijking.build(reg, metingen=sorted({p.meting for p in pages}))
    static = posixpath.relpath("_static", DOWNLOADS)
    written = []
    for page in pages:
        path = Path(site_root) / DOWNLOADS / page.downloads[REPORT_HTML]
        write_text_atomic(path, report_html(reg, s, v, page, static))
        written.append(path)
    log(f"rapport: {len(written)} rapport(en) written to {Path(site_root) / DOWNLOADS}")
    return written


def build_reports(reg: Registries, s: Site, site_root: Path, stamps: Path, log: Callable[[str], None] = print) -> int:
    """The reports (HTML) and their A4 PDFs, each remade only when its inputs changed."""
    import shutil

    from .printed import build_printed

    target = Path(site_root) / "_static" / "slides" / REPORT_CSS.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPORT_CSS, target)
    pdfs = build_printed(reg, s, site_root, stamps, log, name="rapport", pages=s.of("verhaal"), html=REPORT_HTML,
                         pdf=REPORT_PDF, css=REPORT_CSS, what="rapport(en)",
                         write=lambda: write_reports(reg, s, site_root, log=log))
    return REPORT_FAILED if pdfs is None else 0
