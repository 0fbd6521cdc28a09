"""The deck of one focus area in one meting: what its factsheet shows, as slides.

Title, the area on the map, the key findings (``evaluation.headlines``), one slide per pijler
with a chart and the verdicts (the words of ``evaluation.words``, exactly as the factsheet),
what the conversations said, the goals of the denkkader with their evidence, and sources.
"""

from __future__ import annotations

import posixpath

import altair as alt
import pandas as pd
from shapely.geometry import shape
from shapely.ops import unary_union

from .. import charts
from ..data import load_geometry
from ..denkkader import denkkader_dir, load_framework
from ..evaluation import AreaEvaluation, headlines
from ..evaluation.text import fmt_value
from ..evaluation.words import level_text
from ..format import esc, nl_list
from ..gebied import Gebied
from ..overzicht import VerdictRow, Vergelijking, source_lines, verdict_html, verdict_rows
from ..registries import Registries
from ..registry_models import Pijler
from ..sitemap import DOWNLOADS, Page, Site
from .deck import Deck, Slide, chunks, fictional_banner, table
from .gesprekken import Gesprekken, gesprekken

ROWS_PER_SLIDE = 8
MISSING_NAMED = 3  # more indicators without a figure are counted, not named
GOALS_PER_SLIDE = 5
HEADLINES_SHOWN = 6
CHART_WIDTH = 300
BAR_STEP, FACET_HEADER, CHART_BUDGET = 13, 28, 480  # pixels: a bar, an indicator's header, a slide's chart


def page_href(target: Page) -> str:
    """A link from a deck (in downloads/) to a book page."""
    return posixpath.relpath(target.html, DOWNLOADS)


# --- the map -------------------------------------------------------------------------------------------


def area_map_html(reg: Registries, areas: list[Gebied], prefix: str, caption: str, width: int = 560,
                  height: int = 460) -> str:
    """The wijken of the areas' gemeenten, each focus area filled and named (map of the book's wijken)."""
    gemeenten = {g.gemeente.code for g in areas}
    keys = {g.key for g in areas}
    gemeente_naam = {g.code: g.naam for g in reg.gebieden.gemeenten}
    features, shapes, records = [], {}, []
    for f in load_geometry()["features"]:
        p = f["properties"]
        if p["gebied_niveau"] != "wijk" or p["gemeente_code"] not in gemeenten:
            continue
        own = p["focus_rol"] and p["focusgebied"] in keys
        rol = {"deel": "focusgebied", "bevat": "wijk met het focusgebied"}.get(p["focus_rol"], "") if own else ""
        rol = rol or "andere wijk"
        features.append({"type": "Feature", "geometry": f["geometry"],
                         "properties": {"naam": f"{p['naam']} ({gemeente_naam[p['gemeente_code']]})", "rol": rol}})
        records.append({"Wijk": p["naam"], "Gemeente": gemeente_naam[p["gemeente_code"]], "Rol": rol})
        if own:
            shapes.setdefault(p["focusgebied"], []).append(shape(f["geometry"]))
    names = {g.key: g.naam for g in areas}
    labels = pd.DataFrame([{"naam": names[k], "lon": (c := unary_union(v).centroid).x, "lat": c.y}
                           for k, v in shapes.items()], columns=["naam", "lon", "lat"])
    chart = charts.region_map_chart(features, labels).properties(width=width, height=height)
    return charts.figure_html(chart, prefix=prefix, caption=caption, data=pd.DataFrame(records), description=caption)


# --- verdict tables ------------------------------------------------------------------------------------


def _row(r: VerdictRow, label: str, nulmeting: bool) -> str:
    name = f"↳ {esc(r.naam)}" if r.deel else esc(label)
    head = f'<th scope="row" class="{"vw-deelnaam" if r.deel else ""}">{name}</th>'
    attrs = f'data-indicator="{esc(r.indicator)}" data-meting="{r.meting}" data-code="{esc(r.code)}"'
    span = 3 if nulmeting else 4
    if r.status == "deels":
        return (f'<tr {attrs}>{head}<td colspan="{span}" class="vw-leeg">alleen per deel of buurt bekend '
                f"({r.peiljaar}):</td></tr>")
    if r.status != "beschikbaar":
        return f'<tr {attrs}>{head}<td colspan="{span}" class="vw-leeg">ontbreekt</td></tr>'
    value = f'{esc(r.waarde)} <small>({r.peiljaar})</small>'
    cells = [f'<td data-soort="niveau" data-rol="{role}">{verdict_html(r.niveau_tekst(role), r.niveau_oordeel(role))}'
             f"</td>" for role in ("gemeente", "nederland")]
    change = "" if nulmeting else (
        f'<td data-soort="verandering" data-rol="hoofd">{verdict_html(r.hoofd_tekst(), r.hoofd_oordeel())}</td>')
    return f"<tr {attrs}>{head}<td>{value}</td>{''.join(cells)}{change}</tr>"


def verdict_table_rows(ev: AreaEvaluation, gebied: str, ind_ids: list[str], reg: Registries) -> list[str]:
    rows = []
    for ind_id in ind_ids:
        for r in verdict_rows(ev, gebied, ev.indicator(ind_id)):
            rows.append(_row(r, reg.indicator(ind_id).label, ev.is_nulmeting))
    return rows


def verdict_table(rows: list[str], ev: AreaEvaluation) -> str:
    gemeente = ev.referenties["gemeente"][1]
    head = ["Cijfer", "Waarde", f"Tegenover {gemeente}", "Tegenover Nederland"]
    if not ev.is_nulmeting:
        head.append("Verandering sinds de nulmeting")
    return table(head, rows, cls="vw-oordelen")


def bars_chart(data: pd.DataFrame, unit: str, width: int = CHART_WIDTH) -> alt.FacetChart:
    """One small bar chart per indicator, the areas named on the axis (no legend to look up).

    ``data``: indicator, gebied, rol, waarde, tekst."""
    order = list(dict.fromkeys(data["gebied"]))
    base = alt.Chart().encode(
        y=alt.Y("gebied:N", sort=order, title=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("waarde:Q", title=unit, scale=alt.Scale(domainMin=0, nice=True), axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip("gebied:N", title="Gebied"), alt.Tooltip("tekst:N", title="Waarde")])
    bars = base.mark_bar(height={"band": 0.8}).encode(
        color=alt.Color("rol:N", scale=charts.role_scale(), legend=None))
    labels = base.mark_text(align="left", dx=3, fontSize=11, color="#222").encode(text="tekst:N")
    return alt.layer(bars, labels, data=data).properties(width=width, height=alt.Step(BAR_STEP)).facet(
        row=alt.Row("indicator:N", title=None, sort=list(dict.fromkeys(data["indicator"])),
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                      labelFontWeight="bold", labelFontSize=12, labelLimit=width + 200)),
        spacing=6,
    ).resolve_scale(y="independent")


def comparison_figure(ev: AreaEvaluation, ind_ids: list[str], reg: Registries, prefix: str) -> str:
    """Bars of the area (or its parts), its gemeente and Nederland for these indicators, in the unit
    most of them share (indicators in another unit are in the table only)."""
    shown = [ev.indicator(i) for i in ind_ids if ev.indicator(i).focus.status != "ontbreekt"]
    if not shown:
        return ""
    unit = pd.Series([ie.indicator.eenheid for ie in shown]).mode().iloc[0]
    records = []
    for ie in (x for x in shown if x.indicator.eenheid == unit):
        values = [(ev.naam, "focusgebied", ie.focus)] if ie.focus.beschikbaar else [
            (ev.naam_van(p.code), "deel", p.value) for p in ie.delen if p.value.beschikbaar]
        values += [(ev.referenties[role][1], role, v) for role, v in ie.referenties.items() if v.beschikbaar]
        records += [{"indicator": ie.indicator.label, "gebied": naam, "rol": rol, "waarde": float(v.waarde),
                     "tekst": fmt_value(v.waarde, ie.eenheid, ie.decimalen)} for naam, rol, v in values]
    data = pd.DataFrame(records)
    eenheid = reg.kernset.eenheden[unit]
    others = [ie.indicator.label for ie in shown if ie.indicator.eenheid != unit]
    who = f"{ev.naam} (per deel of buurt)" if (data["rol"] == "deel").any() else ev.naam
    caption = (f"{who}, {ev.referenties['gemeente'][1]} en Nederland "
               f"({eenheid.label}).") + (f" Alleen in de tabel: {nl_list(others)}." if others else "")
    table_data = data[["indicator", "gebied", "tekst"]].rename(
        columns={"indicator": "Cijfer", "gebied": "Gebied", "tekst": "Waarde"})
    return charts.figure_html(bars_chart(data, eenheid.label), prefix=prefix, caption=caption, data=table_data,
                              description=caption)


def _chart_height(ie) -> int:
    """Pixels one indicator takes in ``bars_chart``: its bars (the area or its parts, two references)
    and the indicator's header."""
    bars = (1 if ie.focus.beschikbaar else len(ie.delen)) + len(ie.referenties)
    return bars * BAR_STEP + FACET_HEADER


def indicator_groups(ev: AreaEvaluation, ind_ids: list[str], size: int) -> list[list[str]]:
    """Indicators in groups whose table rows (an indicator and its parts) and bars fit on one slide."""
    groups: list[list[str]] = [[]]
    rows = height = 0
    for ind_id in ind_ids:
        ie = ev.indicator(ind_id)
        n, h = 1 + len(ie.delen), _chart_height(ie)
        if groups[-1] and (rows + n > size or height + h > CHART_BUDGET):
            groups.append([])
            rows = height = 0
        groups[-1].append(ind_id)
        rows, height = rows + n, height + h
    return groups


def pijler_slides(ev: AreaEvaluation, g: Gebied, p: Pijler, reg: Registries, prefix: str) -> list[Slide]:
    title = f"{p.nummer}. {p.label}" if p.nummer else p.label
    ind_ids = [i.id for i in reg.kernset.indicatoren if i.pijler == p.id]
    with_figure = [i for i in ind_ids if ev.indicator(i).focus.status != "ontbreekt"]
    without = [i for i in ind_ids if i not in with_figure]
    missing = ""
    if len(without) > MISSING_NAMED:
        missing = (f'<p class="vw-klein">Voor {len(without)} andere cijfers van deze pijler is er geen cijfer in deze '
                   f"meting. Welke en waarom staat in de factsheet.</p>")
    elif without:
        missing = (f'<p class="vw-klein">Geen cijfer in deze meting: '
                   f"{esc(nl_list([reg.indicator(i).label for i in without]))}. De reden staat in de factsheet.</p>")
    if not with_figure:
        return [Slide(title, f"<p>Voor {esc(g.naam)} zijn er in meting {ev.meting} geen cijfers in deze pijler.</p>"
                             + missing)]
    groups = indicator_groups(ev, with_figure, ROWS_PER_SLIDE)
    slides = []
    for n, group in enumerate(groups):
        figure = comparison_figure(ev, group, reg, f"{prefix}-{p.id}-{n + 1}")
        tail = missing if n == len(groups) - 1 else ""
        table_html = verdict_table(verdict_table_rows(ev, g.key, group, reg), ev)
        body = (f'<div class="vw-kolommen"><div class="vw-kolom-figuur">{figure}</div>'
                f'<div class="vw-kolom-tabel">{table_html}{tail}</div></div>')
        slides.append(Slide(title if n == 0 else f"{title} (vervolg)", body))
    return slides


# --- conversations and goals ---------------------------------------------------------------------------


def conversation_slides(reg: Registries, gs: Gesprekken | None, g: Gebied, meting: int,
                        verhaal: Page | None) -> list[Slide]:
    title = "Wat de gesprekken zeiden"
    if gs is None:
        return [Slide(title, f"<p>Voor {esc(g.gemeente.naam)} zijn in meting {meting} geen gesprekken verwerkt in "
                             f"dit boek.</p>")]
    banner = fictional_banner("Deze gesprekken en citaten zijn verzonnen om te laten zien hoe de monitor gesprekken "
                              "verwerkt. Ze gaan niet over echte mensen.") if gs.fictief else ""
    rows = []
    for p in reg.kernset.pijlers:
        for t in gs.top(p.id):
            rows.append(f'<tr><th scope="row">{esc(t.label)}</th><td>{esc(p.label)}</td>'
                        f'<td class="vw-n">{t.deelnemers}</td></tr>')
    for t in gs.top("overig"):
        rows.append(f'<tr><th scope="row">{esc(t.label)}</th><td>overig</td><td class="vw-n">{t.deelnemers}</td></tr>')
    who = (f"<p>We spraken {esc(gs.shown(gs.deelnemers))} deelnemers in {gs.activiteiten} "
           f"{'activiteit' if gs.activiteiten == 1 else 'activiteiten'}.</p>")
    left_out = (f'<p class="vw-klein">Thema\'s die minder dan {gs.min_cell} deelnemers noemden, staan hier niet '
                f"({gs.weggelaten}).</p>") if gs.weggelaten else ""
    themes = table(["Thema", "Pijler", "Deelnemers"], rows, cls="vw-themas") if rows else (
        f"<p>Geen thema werd door {gs.min_cell} of meer deelnemers genoemd.</p>")
    link = (f'<p class="vw-klein">Alles over de gesprekken: <a href="{page_href(verhaal)}">{esc(verhaal.title)}</a>.</p>'
            if verhaal else "")
    slides = [Slide(title, banner + who + themes + left_out + link, "vw-fictief" if gs.fictief else "")]
    if gs.citaten:
        quotes = "".join(f'<blockquote class="vw-citaat"><p>“{esc(c.tekst)}”</p><footer>— {esc(c.wie)} '
                         f"(over {esc(c.thema.lower())})</footer></blockquote>" for c in gs.citaten)
        slides.append(Slide("Zo zeiden deelnemers het", banner + quotes, "vw-fictief" if gs.fictief else ""))
    return slides


def _indicator_evidence(ev: AreaEvaluation, ind_id: str, reg: Registries) -> str:
    ie = ev.indicator(ind_id)
    label = reg.indicator(ind_id).label
    if ie.focus.status == "deels":
        return f"{esc(label)}: alleen per deel of buurt bekend"
    if not ie.focus.beschikbaar:
        return f"{esc(label)}: geen cijfer in deze meting"
    r = verdict_rows(ev, "", ie)[0]
    text = f"{esc(label)}: {esc(r.waarde)} ({r.peiljaar}), {esc(level_text(ie.tov['gemeente'], r.refs['gemeente']))}"
    if not ev.is_nulmeting:
        text += f"; sinds de nulmeting {esc(r.hoofd_tekst())}"
    return text


def goal_slides(reg: Registries, ev: AreaEvaluation, g: Gebied, gs: Gesprekken | None,
                denkkader: Page | None) -> list[Slide]:
    path = denkkader_dir() / f"{g.gemeente.slug}.yml"
    title = "Doelen in het denkkader"
    if not path.exists():
        return [Slide(title, "<p>Voor deze gemeente is er geen denkkader in dit boek.</p>")]
    kader = load_framework(path, reg).kader
    rows = []
    for block, goal in kader.goals():
        figures = [_indicator_evidence(ev, i, reg) for i in goal.indicatoren]
        talks = []
        for code in goal.codes:
            if gs is None or code not in gs.per_code:
                continue
            n = gs.per_code[code]
            talks.append(f"{esc(gs.labels[code])} ({esc(gs.shown(n))} deelnemers)")
        if not figures and not talks:
            continue
        evidence = "<br>".join(figures) or "—"
        rows.append(f'<tr><th scope="row">{esc(goal.tekst)}<br><small>{esc(block.titel)}</small></th>'
                    f'<td>{evidence}</td><td>{"<br>".join(talks) or "—"}</td></tr>')
    intro = ('<p class="vw-klein">Het denkkader is een voorbeeld: de gemeente stelt het zelf vast.</p>'
             if kader.voorbeeld else "")
    link = (f'<p class="vw-klein">Het hele denkkader: <a href="{page_href(denkkader)}">{esc(denkkader.title)}</a>.</p>'
            if denkkader else "")
    if not rows:
        return [Slide(title, "<p>Geen doel in het denkkader gebruikt de cijfers of gesprekken van deze meting.</p>"
                             + link)]
    parts = chunks(rows, GOALS_PER_SLIDE)
    kind = "vw-fictief" if gs is not None and gs.fictief else ""
    banner = fictional_banner("De gesprekken in de laatste kolom zijn verzonnen.") if kind else ""
    return [Slide(title if i == 0 else f"{title} (vervolg)",
                  (intro if i == 0 else "") + banner + table(["Doel", "Cijfers in deze meting", "Gesprekken"], part,
                                                             cls="vw-doelen") + (link if i == len(parts) - 1 else ""),
                  kind)
            for i, part in enumerate(parts)]


# --- the deck ------------------------------------------------------------------------------------------


def area_deck(reg: Registries, s: Site, v: Vergelijking, owner: Page) -> Deck:
    g = next(x for x in v.gebieden if x.key == owner.gebied)
    ev = v.evaluaties[(g.key, owner.meting)]
    prefix = f"dia-{g.key}-{owner.meting}"
    meting = reg.meting(owner.meting)
    verhaal = s.find("verhaal", gemeente=g.gemeente.code, meting=owner.meting)
    denkkader = s.find("denkkader", gemeente=g.gemeente.code)
    gs = gesprekken(reg, g.gemeente.code, owner.meting)
    slides: list[Slide] = []
    parts = nl_list([d.naam for d in g.delen])
    caption = f"De wijken van {g.gemeente.naam}; {g.naam} is ingekleurd."
    slides.append(Slide(f"Waar ligt {g.naam}?",
                        f'<div class="vw-kolommen"><div class="vw-kolom-figuur">'
                        f"{area_map_html(reg, [g], f'{prefix}-kaart', caption, 520, 440)}</div>"
                        f'<div class="vw-kolom-tekst"><p>{esc(g.naam)} ligt in de gemeente {esc(g.gemeente.naam)}.</p>'
                        f"<p>In de cijfers bestaat het gebied uit: {esc(parts)}.</p></div></div>"))
    found = headlines(ev, reg)[:HEADLINES_SHOWN]
    items = "".join(f"<li>{esc(h.tekst)} <small>({esc(', '.join(h.bronnen))})</small></li>" for h in found)
    slides.append(Slide("Belangrijkste bevindingen", f'<ul class="vw-bevindingen">{items}</ul>' if items else
                        "<p>Voor deze meting zijn er geen bevindingen met een oordeel.</p>"))
    for p in reg.kernset.pijlers:
        if not p.context:
            slides += pijler_slides(ev, g, p, reg, prefix)
    slides += conversation_slides(reg, gs, g, owner.meting, verhaal)
    slides += goal_slides(reg, ev, g, gs, denkkader)
    slides.append(sources_slide(reg, ev, owner, gs, s))
    intro = (f'<p>Wat de cijfers en gesprekken laten zien, met dezelfde oordelen als de '
             f'<a href="{page_href(owner)}">factsheet</a>.</p>'
             f'<p class="vw-klein">Monitor Regiodeal Vitale Wijken · {esc(meting.label)}</p>')
    return Deck(f"{g.label} — meting {owner.meting}", "Presentatie van de monitor", slides, intro)


def sources_slide(reg: Registries, ev: AreaEvaluation, owner: Page, gs: Gesprekken | None, s: Site) -> Slide:
    used: dict[str, set[int]] = {}
    for ie in ev.indicatoren:
        for val in [ie.focus, *(p.value for p in ie.delen), *ie.referenties.values()]:
            if val.beschikbaar and val.bron_tabel:
                used.setdefault(val.bron_tabel, set()).add(int(val.peiljaar))
    items = "".join(f"<li>{esc(line)}</li>" for line in source_lines(reg, used))
    notes = ["Een oordeel vergelijkt alleen cijfers uit dezelfde bron en hetzelfde jaar. Een verandering telt pas als "
             "die groter is dan de foutmarge; anders heet die ‘gelijk op’."]
    if gs is not None and gs.fictief:
        notes.append("De gesprekken in deze presentatie zijn een fictief voorbeeld.")
    methode = s.page("methode")
    body = (f'<ul class="vw-bronnen">{items}</ul>' + "".join(f'<p class="vw-klein">{esc(n)}</p>' for n in notes)
            + f'<p class="vw-klein">Meer uitleg: <a href="{page_href(methode)}">{esc(methode.title)}</a> · '
              f'<a href="{page_href(owner)}">{esc(owner.title)}</a>.</p>')
    return Slide("Bronnen", body)
