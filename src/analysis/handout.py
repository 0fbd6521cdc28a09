"""The two-page handout of a factsheet (issue 11): what an alderman's advisor reads in five
minutes. Page 1: the key findings and the at-a-glance view; page 2: per pijler what each figure
says (against the gemeente, and its change against Nederland), and the sources.

Everything is read from the same evaluation as the factsheet (``Factsheet.ev``), in the same
words. The handout is written as an HTML page into ``downloads/`` (the privacy gate reads it,
and it is the page its PDF is printed from) and printed to A4 by headless Chromium: no
navigation, no links to the local print server, symbols and words beside every colour.
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from typing import Callable

from . import charts
from .evaluation import headlines
from .evaluation.glance import glance_chart, glance_data
from .evaluation.key_findings import part_counts
from .evaluation.model import IndicatorEvaluation
from .evaluation.text import lower_first
from .evaluation.words import SYMBOL, change_text, level_text
from .format import esc, nl_list
from .io import write_text_atomic
from .registries import Registries
from .sitemap import DOWNLOADS, Page, Site
from .tables import cell_text, ref_names

HANDOUT_CSS = Path(__file__).with_name("handout.css")
HANDOUT_HTML, HANDOUT_PDF = "handout_html", "handout"
HANDOUT_FAILED = 7
MAX_PAGES = 2


def _verdict(oordeel: str, text: str) -> str:
    return (f'<span class="vw-oordeel vw-{oordeel}"><span aria-hidden="true">{SYMBOL[oordeel]}</span> '
            f"{esc(text)}</span>")


def _row(reg: Registries, fs, ie: IndicatorEvaluation) -> str | None:
    """One indicator: the figure, its verdict against the gemeente and its change, or the same
    counted over the parts when the area is known only per part."""
    names = ref_names(fs.ev)
    gemeente = names["gemeente"]
    if ie.onderdrukt or ie.focus.status == "ontbreekt":
        return None
    if ie.focus.beschikbaar:
        value = esc(cell_text(reg, ie, ie.focus)) + f' <small>({ie.focus.peiljaar})</small>'
        v = ie.tov.get("gemeente")
        level = _verdict(v.oordeel, level_text(v, gemeente)) if v is not None and v.oordeel != "geen" else "—"
        tc = ie.sinds_nulmeting
        change = _verdict(tc.verdict.oordeel, change_text(tc, names)) if tc is not None else "—"
    else:
        values = [p.value for p in ie.delen if p.value.waarde is not None]
        low, high = min(values, key=lambda x: x.waarde), max(values, key=lambda x: x.waarde)
        per_buurt = all(p.value.niveau == "buurt" for p in ie.delen)
        word, unit = ("buurten", "buurt") if per_buurt else ("delen", "deel")
        value = (f"{esc(cell_text(reg, ie, low))} tot {esc(cell_text(reg, ie, high))} "
                 f"<small>(per {unit}, {ie.focus.peiljaar})</small>")
        level = _counted(part_counts(ie, "gemeente"), len(ie.delen), word, {
            "vergelijkbaar": "vergelijkbaar", **{o: f"{o} dan {gemeente}" for o in ("gunstiger", "ongunstiger")}})
        change = _counted(part_counts(ie, "", "sinds_nulmeting"), len(ie.delen), word, {
            "vergelijkbaar": "gelijk op", "gunstiger": "gunstiger", "ongunstiger": "ongunstiger"})
    return (f'<tr><th scope="row">{esc(ie.indicator.label)}</th><td>{value}</td><td>{level}</td>'
            f"<td>{change}</td></tr>")


def _counted(counts: dict[str, int], n: int, word: str, says: dict[str, str]) -> str:
    """'▼ 3 van 6 buurten ongunstiger dan Nieuwegein; = 3 van 6 buurten vergelijkbaar'."""
    parts = [f"{SYMBOL[o]} {counts[o]} van {n} {word} {says.get(o, o)}"
             for o in ("ongunstiger", "gunstiger", "vergelijkbaar", "hoger", "lager") if counts.get(o)]
    return esc("; ".join(parts)) if parts else "—"


def handout_html(reg: Registries, s: Site, page: Page, static: str) -> str:
    from .factsheet import Factsheet

    fs = Factsheet.load(page.parameters["gebied"], page.meting, str(reg.folder))
    ev = fs.ev
    names = ref_names(ev)
    findings = "".join(f"<li>{esc(h.tekst)}</li>" for h in headlines(ev, reg)) or (
        f"<li>Voor {esc(fs.focus)} zijn er in deze meting geen cijfers die we kunnen vergelijken.</li>")
    labels = {p.id: (f"{p.nummer}. {p.label}" if p.nummer else p.label) for p in reg.kernset.pijlers if not p.context}
    glance = glance_data(ev, fs.data.national, labels)
    glance_figure = "" if glance.empty else charts.figure_html(
        glance_chart(glance), prefix=f"handout-{page.key}", caption=(
            f"{fs.focus} tussen alle wijken van Nederland. Stip: de plaats bij de start. Pijl: de verandering "
            f"tegenover Nederland. Grijs: vergelijkbare wijken. Rechts is gunstig."),
        data=glance[["pijler", "tekst"]].rename(columns={"pijler": "Pijler", "tekst": "Plaats"}),
        description=f"{fs.focus} tussen alle wijken van Nederland.")
    pijlers = []
    for p in reg.kernset.pijlers:
        if p.context:
            continue
        rows = [r for r in (_row(reg, fs, ie) for ie in fs.of_pijler(p.id)) if r]
        if not rows:
            missing = nl_list([lower_first(ie.indicator.label) for ie in fs.of_pijler(p.id)])
            pijlers.append(f'<tr class="vw-pijlerrij"><th colspan="4" scope="rowgroup">{esc(labels[p.id])}</th></tr>'
                           f'<tr><td colspan="4" class="vw-leeg">Geen cijfer in deze meting ({esc(missing)}).</td></tr>')
            continue
        pijlers.append(f'<tr class="vw-pijlerrij"><th colspan="4" scope="rowgroup">{esc(labels[p.id])}</th></tr>'
                       + "".join(rows))
    used = fs._tables_used()
    sources = "".join(f"<li>{esc(reg.tabel(t).titel)} ({esc(reg.tabel(t).uitgever)}, {esc(t)}); "
                      f"{esc(reg.tabel(t).bronvermelding)}, licentie {esc(reg.tabel(t).licentie)}.</li>" for t in used)
    online = posixpath.relpath(page.html, DOWNLOADS)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>{esc(page.title)} · samenvatting</title>\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<link rel="icon" href="{static}/favicon.svg" type="image/svg+xml">\n'
        f'<link rel="stylesheet" href="{static}/{HANDOUT_CSS.name}">\n'
        f'<script src="{static}/vega-bundle.js"></script>\n</head>\n<body>\n<main class="vw-handout">\n'
        f'<section class="vw-blad"><p class="vw-reeks">Monitor Regiodeal Vitale Wijken · samenvatting</p>'
        f"<h1>{esc(fs.focus)} ({esc(fs.gemeente.naam)}) · {esc(fs.meting.label.lower())}</h1>"
        f"<h2>Belangrijkste bevindingen</h2><ul>{findings}</ul>"
        f"<h2>In één oogopslag</h2>{glance_figure}</section>\n"
        f'<section class="vw-blad"><h2>Per pijler</h2>'
        f'<table class="vw-samenvatting"><thead><tr><th scope="col">Cijfer</th><th scope="col">{esc(fs.focus)}</th>'
        f'<th scope="col">Tegenover {esc(names["gemeente"])}</th><th scope="col">Sinds de nulmeting</th></tr></thead>'
        f"<tbody>{''.join(pijlers)}</tbody></table>"
        f'<p class="vw-klein">▲ gunstiger, ▼ ongunstiger, = vergelijkbaar of gelijk op, ↑ hoger en ↓ lager (zonder '
        f"goede of slechte kant). Een verschil telt alleen als het groter is dan de foutmarge of dan toeval. De "
        f'regels en alle cijfers staan in de <a href="{online}">factsheet</a>.</p>'
        f"<h2>Bronnen</h2><ul class=\"vw-klein\">{sources}</ul></section>\n</main>\n</body>\n</html>\n")


def write_handouts(reg: Registries, s: Site, site_root: Path) -> list[Path]:
    static = posixpath.relpath("_static", DOWNLOADS)
    written = []
    for page in s.pages:
        if HANDOUT_HTML in page.downloads:
            path = Path(site_root) / DOWNLOADS / page.downloads[HANDOUT_HTML]
            write_text_atomic(path, handout_html(reg, s, page, static))
            written.append(path)
    return written


def build_handouts(reg: Registries, s: Site, site_root: Path, stamps: Path, log: Callable[[str], None] = print) -> int:
    """The handouts (HTML) and their A4 PDFs, each remade only when its inputs changed; a handout
    of more than two pages is an error."""
    from .pdf import page_count
    from .printed import build_printed

    shutil.copyfile(HANDOUT_CSS, Path(site_root) / "_static" / HANDOUT_CSS.name)
    pages = [p for p in s.pages if HANDOUT_HTML in p.downloads]

    def write() -> None:
        written = write_handouts(reg, s, site_root)
        log(f"handout: {len(written)} samenvatting(en) written to {Path(site_root) / DOWNLOADS}")

    pdfs = build_printed(reg, s, site_root, stamps, log, name="handout", pages=pages, html=HANDOUT_HTML,
                         pdf=HANDOUT_PDF, css=HANDOUT_CSS, what="samenvatting(en)", write=write)
    if pdfs is None:
        return HANDOUT_FAILED
    too_long = [pdf.name for pdf in pdfs if page_count(pdf) > MAX_PAGES]
    if too_long:
        log(f"handout: more than {MAX_PAGES} pages: {', '.join(too_long)}")
        return HANDOUT_FAILED
    return 0
