"""The deck of the monitoringsoverleg: the four focus areas side by side (the overview page as
slides): per pijler the plain summary with a chart, and the verdicts of every area."""

from __future__ import annotations

from ..evaluation.words import level_text
from ..format import esc
from ..overzicht import Vergelijking, area_oordeel, indicator_figure_html, source_lines, verdict_html
from ..registries import Registries
from ..registry_models import Pijler
from ..sitemap import OVERZICHT, Page, Site
from .area import area_map_html, page_href
from .deck import Deck, Slide, chunks, fictional_banner, table
from .gesprekken import gesprekken

ROWS_PER_SLIDE = 8


def _latest_cell(v: Vergelijking, ind_id: str, gebied: str) -> str:
    """The area's level verdict against its gemeente in the latest meting with a figure, with the
    change since the nulmeting in that meting (the words of the factsheet)."""
    for meting in reversed(v.metingen):
        rows = v.rows(ind_id, gebied, meting)
        whole = rows[0]
        if whole.status == "beschikbaar":
            text = (f'{esc(whole.waarde)} <small>({whole.peiljaar})</small><br>'
                    f'<span data-soort="niveau" data-rol="gemeente" data-meting="{meting}">'
                    f'{verdict_html(whole.niveau_tekst("gemeente"), whole.niveau_oordeel("gemeente"))}</span>')
            if whole.hoofd is not None:
                text += (f'<br><small>sinds de nulmeting:</small> <span data-soort="verandering" data-rol="hoofd" '
                         f'data-meting="{meting}">{verdict_html(whole.hoofd_tekst(), whole.hoofd_oordeel())}</span>')
            return text
        if whole.status == "deels":
            shared = area_oordeel(rows, lambda r: r.niveau_oordeel("gemeente"))
            what = "alle delen" if shared not in ("geen", "wisselend") else "per deel of buurt"
            if what == "alle delen":
                part = next(r for r in rows[1:] if r.status == "beschikbaar")
                word = level_text(part.niveau["gemeente"], part.refs["gemeente"])
                return (f"<small>{meting}, {what}:</small><br>"
                        f"{verdict_html(word, shared)}")
            return f"<small>{meting}: alleen per deel of buurt, met wisselende oordelen</small>"
    return '<span class="vw-leeg">geen cijfer</span>'


def pijler_slides(v: Vergelijking, p: Pijler, prefix: str) -> list[Slide]:
    title = f"{p.nummer}. {p.label}" if p.nummer else p.label
    ind_ids = [i for i in v.indicators(p.id) if v.has_figure(i)]
    summary = v.summary(p.id)
    if not ind_ids:
        return [Slide(title, "<p>Voor deze pijler is er in geen enkele wijk een cijfer.</p>")]
    # The chart: the indicator with figures for the most areas and metingen.
    best = max(ind_ids, key=lambda i: sum(v.evaluaties[(g.key, m)].indicator(i).focus.status != "ontbreekt"
                                          for g in v.gebieden for m in v.metingen))
    figure = indicator_figure_html(v, best, prefix=f"{prefix}-{p.id}", width=250, height=120)
    items = "".join(f"<li>{esc(s)}</li>" for s in summary) or \
        "<li>Er is geen oordeel dat in minstens twee wijken hetzelfde is.</li>"
    first = Slide(title, f'<div class="vw-kolommen"><div class="vw-kolom-tekst"><p><strong>In het kort</strong></p>'
                         f'<ul class="vw-samenvatting">{items}</ul></div>'
                         f'<div class="vw-kolom-figuur vw-breed"><p class="vw-klein">{esc(v.reg.indicator(best).label)}</p>'
                         f"{figure}</div></div>")
    rows = [f'<tr data-indicator="{esc(i)}"><th scope="row">{esc(v.reg.indicator(i).label)}</th>'
            + "".join(f'<td data-gebied="{g.key}">{_latest_cell(v, i, g.key)}</td>' for g in v.gebieden) + "</tr>"
            for i in ind_ids]
    head = ["Cijfer"] + [f"{g.naam} (t.o.v. {g.gemeente.naam})" for g in v.gebieden]
    parts = chunks(rows, ROWS_PER_SLIDE)
    tables = [Slide(f"{title}: de oordelen" + ("" if i == 0 else " (vervolg)"),
                    table(head, part, cls="vw-oordelen vw-vier") +
                    '<p class="vw-klein">Per wijk de laatste meting met een cijfer: het niveau tegenover de eigen '
                    "gemeente en de verandering sinds de nulmeting.</p>")
              for i, part in enumerate(parts)]
    return [first, *tables]


def conversations_slide(reg: Registries, v: Vergelijking) -> Slide:
    rows, fictief = [], False
    for g in v.gebieden:
        for meting in reversed(v.metingen):
            gs = gesprekken(reg, g.gemeente.code, meting)
            if gs is None:
                continue
            fictief = fictief or gs.fictief
            themes = "; ".join(f"{t.label} ({t.deelnemers})" for t in gs.themas[:3]) or "—"
            rows.append(f'<tr><th scope="row">{esc(g.naam)}</th><td>{meting}</td><td>{esc(gs.shown(gs.deelnemers))}'
                        f"</td><td>{esc(themes)}</td></tr>")
            break
    if not rows:
        return Slide("Wat de gesprekken zeiden", "<p>Er zijn geen gesprekken verwerkt in dit boek.</p>")
    banner = fictional_banner("Deze gesprekken zijn verzonnen om te laten zien hoe de monitor ze verwerkt.") \
        if fictief else ""
    return Slide("Wat de gesprekken zeiden",
                 banner + table(["Wijk", "Meting", "Deelnemers", "Meest genoemde thema's (deelnemers)"], rows) +
                 '<p class="vw-klein">Alleen thema\'s die 5 of meer deelnemers noemden.</p>',
                 "vw-fictief" if fictief else "")


def overleg_deck(reg: Registries, s: Site, v: Vergelijking, owner: Page) -> Deck:
    prefix = "dia-overleg"
    names = ", ".join(f"{g.naam} ({g.gemeente.naam})" for g in v.gebieden)
    slides = [Slide("De vier wijken", f'<div class="vw-kolommen"><div class="vw-kolom-figuur">'
                                      f"{area_map_html(reg, v.gebieden, f'{prefix}-kaart', 'De vier wijken in hun gemeenten.', 520, 440)}"
                                      f'</div><div class="vw-kolom-tekst"><p>{esc(names)}.</p>'
                                      f"<p>Elke wijk wordt vergeleken met de eigen gemeente en met Nederland, in de "
                                      f"metingen {', '.join(str(m) for m in v.metingen)}.</p></div></div>")]
    for p in reg.kernset.pijlers:
        if not p.context:
            slides += pijler_slides(v, p, prefix)
    slides.append(conversations_slide(reg, v))
    items = "".join(f"<li>{esc(line)}</li>" for line in source_lines(reg, v.tables_used()))
    overzicht = s.page(OVERZICHT)
    slides.append(Slide("Bronnen", f'<ul class="vw-bronnen">{items}</ul><p class="vw-klein">Alle cijfers en oordelen: '
                                   f'<a href="{page_href(overzicht)}">{esc(overzicht.title)}</a>.</p>'))
    intro = ("<p>Voor het monitoringsoverleg en de Community of Practice: wat de wijken delen en waar ze "
             "verschillen.</p><p class=\"vw-klein\">Monitor Regiodeal Vitale Wijken</p>")
    return Deck("Vier wijken naast elkaar", "Monitoringsoverleg", slides, intro)
