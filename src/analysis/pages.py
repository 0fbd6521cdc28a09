"""Book pages generated straight from the registries as MyST Markdown (no notebook needed):
a framework page (denkkader) and a monitoring-plan page per gemeente, and one page on the
six werkpakketten. Goals get explicit targets (``doel-<gemeente>-<id>``) so that factsheets
and narrative pages can link to them and the strict build checks every link."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd

from . import charts
from .coverage import FETCHABLE, coverage_matrix, summary
from .data import load_indicators
from .denkkader import BLOCK_NAME, Framework, goal_label, load_frameworks
from .diagram import diagram_html
from .evaluation import AreaEvaluation, EvaluationData
from .evaluation.text import lower_first as lower_label
from .format import MAANDEN, anchor, esc, nl_count, nl_list, nl_number
from .gebied import Gebied, focus_gebieden_van
from .io import write_text_atomic
from .kwalitatief import analyse
from .kwalitatief.canon import load_dataset
from .paths import kwalitatief_dir
from .plan import (STATUS_HEADING, Monitoringsplan, load_plan, load_werkpakketten, month_end, month_start,
                   product_label, product_pages, status_of)
from .registries import Registries
from .registry_models import Gemeente
from .sitemap import SITE_DOWNLOADS, Page, Site
from .tables import ref_names, value_text

STATUS_COLORS = {"uitgevoerd": "#0072B2", "gepland": "#E69F00"}


def raw_html(markup: str) -> str:
    return "```{raw} html\n" + markup + "\n```\n"


# --- framework pages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluations:
    """The evaluation model's verdicts for every focus area and meting, computed once for all pages."""

    data: EvaluationData
    by_area: dict[tuple[str, int], AreaEvaluation]  # (focus area slug, meting) ->

    @classmethod
    def load(cls, reg: Registries) -> "Evaluations":
        from .evaluation.methods import focus_evaluations

        data = EvaluationData.load()
        keys = [(f.slug, m.jaar) for f in reg.gebieden.focusgebieden for m in reg.metingen.metingen]
        return cls(data, dict(zip(keys, focus_evaluations(data, reg), strict=True)))


def _indicator_evidence(reg: Registries, s: Site, page: Page, evs: Evaluations, g: Gebied, ind_id: str) -> str:
    """The latest figure of an indicator for a focus area, with its change since the nulmeting in the
    words of the factsheet (the same evaluation model); the publisher is named, the table code stays
    on the factsheet."""
    from .evaluation.values import Value
    from .evaluation.words import change_text

    ind = reg.indicator(ind_id)
    pijler = reg.pijler(ind.pijler)
    for m in reversed(reg.metingen.metingen):
        ev = evs.by_area[(g.key, m.jaar)]
        ie = ev.indicator(ind_id)
        fs = s.find("factsheet", gebied=g.key, meting=m.jaar)
        link = f"[factsheet {m.jaar}]({page.href(fs, anchor(f'{pijler.nummer}. {pijler.label}') if pijler.nummer else '')})"
        v = ie.focus
        if ie.onderdrukt or v.status == "ontbreekt":
            continue
        bron = reg.bronnen.tabellen[v.bron_tabel].uitgever if v.bron_tabel in reg.bronnen.tabellen else "bron"
        if v.status == "beschikbaar":
            text = f"{ind.label}: **{value_text(reg, ie, v)}** in {v.peiljaar} ({bron})"
            if ie.sinds_nulmeting is not None:
                text += f". Sinds de nulmeting: {change_text(ie.sinds_nulmeting, ref_names(ev))}"
            return f"{text}. Zie de {link}."
        values = [p.value.waarde for p in ie.delen if p.value.waarde is not None]
        if values:
            what = "per buurt" if all(p.value.niveau == "buurt" for p in ie.delen) else "per deel"
            low, high = (value_text(reg, ie, Value(ind_id, (), "beschikbaar", x, v.peiljaar, v.bron_tabel))
                         for x in (min(values), max(values)))
            return f"{ind.label}: alleen {what} bekend, van {low} tot {high} in {v.peiljaar} ({bron}). Zie de {link}."
    reden = ind.geen_bron or evs.by_area[(g.key, reg.metingen.metingen[-1].jaar)].indicator(ind_id).focus.reden
    return f"{ind.label}: dit boek heeft er geen cijfer voor. {reden or 'De bronnen geven geen cijfer voor het gebied.'}"


def _fieldwork_counts(reg: Registries, s: Site, g: Gemeente) -> dict[int, tuple[dict[str, analyse.CodeCount], bool]]:
    """meting -> (participants per code, fictional?) for every fieldwork dataset of a gemeente; loaded once."""
    out = {}
    for verhaal in s.of("verhaal"):
        if verhaal.gemeente == g.code:
            ds = load_dataset(kwalitatief_dir() / g.slug / str(verhaal.meting), reg)
            out[verhaal.meting] = ({c.code_id: c for c in analyse.code_counts(ds)}, ds.veldwerk.fictief)
    return out


def _code_evidence(reg: Registries, s: Site, page: Page, g: Gemeente, code: str,
                   fieldwork: dict[int, tuple[dict[str, analyse.CodeCount], bool]]) -> list[str]:
    """How many took part in the conversations on a theme. A theme raised by fewer than 5 people is
    left out entirely (a "< 5" would still tell that someone said it)."""
    out = []
    for meting, (counts, fictief) in fieldwork.items():
        if code not in counts or analyse.is_suppressed(counts[code].totaal) or not counts[code].totaal:
            continue
        c = counts[code]
        pijler = reg.pijler(c.pijler) if c.pijler != "overig" else None
        heading = f"{pijler.nummer}. {pijler.label}" if pijler else "Overige thema's"
        link = page.href(s.find("verhaal", gemeente=g.code, meting=meting), anchor(heading))
        label = " Dit is een verzonnen voorbeeld." if fictief else ""
        out.append(f"{c.totaal} mensen spraken in {meting} over {lower_label(c.label)}.{label} "
                   f"Zie de [gesprekken {meting}]({link}).")
    return out


def framework_page(reg: Registries, s: Site, page: Page, fw: Framework, evs: Evaluations) -> str:
    k = fw.kader
    g = reg.gemeente(k.gemeente)
    areas = focus_gebieden_van(reg, g)
    fieldwork = _fieldwork_counts(reg, s, g)
    lines = [f"# {page.title}", ""]
    if k.voorbeeld:
        lines += [":::{note} Voorbeeld",
                  "Dit denkkader is een voorbeeld. Het komt uit de voortgangsrapportage van de monitor. Het is niet "
                  "het kader dat de gemeente zelf heeft vastgesteld.", ":::", ""]
    kind = {"logic_model": "logic models", "doelenboom": "een doelenboom", "thematisch": "thema's"}
    lines += [k.toelichting.strip(), "",
              f"De gemeente {g.naam} werkt met {kind[k.soort]}. In de figuur lopen pijlen van wat er gebeurt naar "
              f"wat het moet opleveren. Doelen waar de monitor naar kijkt, hebben een dikke rand.", "",
              "## Het denkkader in één figuur", "", raw_html(diagram_html(k, k.titel)), "",
              raw_html(_outline_html(fw)), "", "## Doelen en wat we erover weten", "",
              "Bij elk doel staat wat er gebeurt. Daarna volgen de laatste cijfers, en wat mensen erover zeiden in de "
              "gesprekken.", ""]
    for block, goal in k.goals():
        lines += [f"({goal_label(g.slug, goal.id)})=", f"### {goal.tekst}", "",
                  f"Dit doel hoort bij {BLOCK_ARTICLE[k.soort]} {block.titel}.", ""]
        acts = [a.tekst for a in k.activities_for(goal.id)]
        lines.append(f"- **Wat er gebeurt:** {nl_list([lower_label(a) for a in acts])}.")
        for ind in goal.indicatoren:
            for area in areas:
                where = f" ({area.naam})" if len(areas) > 1 else ""
                lines.append(f"- **Cijfer{where}:** {_indicator_evidence(reg, s, page, evs, area, ind)}")
        talks = [text for code in goal.codes for text in _code_evidence(reg, s, page, g, code, fieldwork)]
        lines += [f"- **Gesprekken:** {text}" for text in talks]
        if goal.codes and not talks:
            lines.append("- **Gesprekken:** hierover sprak in de gesprekken van dit boek niemand, of minder dan 5 "
                         "mensen.")
        if not goal.indicatoren and not goal.codes:
            lines.append("- Bij dit doel horen nog geen cijfers of gesprekken.")
        lines.append("")
    return "\n".join(lines)


BLOCK_ARTICLE = {"logic_model": "de opgave", "doelenboom": "de ambitie", "thematisch": "het thema"}


def _outline_html(fw: Framework) -> str:
    k = fw.kader
    els = k.elements
    blocks = []
    for b in k.blokken:
        items = []
        for e in b.elementen:
            to = f" → {esc(nl_list([lower_label(els[t].tekst) for t in e.naar]))}" if e.naar else ""
            mark = " <strong>(doel)</strong>" if k.is_goal(e) else ""
            items.append(f"<li>{esc(e.soort)}: {esc(e.tekst)}{mark}{to}</li>")
        blocks.append(f"<li><strong>{esc(BLOCK_NAME[k.soort])}: {esc(b.titel)}</strong><ul>{''.join(items)}</ul></li>")
    # vw-diagramtekst: the diagram as text, a figure's alternative like the data table under a chart
    return (f'<details class="vw-definities vw-diagramtekst"><summary>Het denkkader als tekst</summary>'
            f'<ul>{"".join(blocks)}</ul></details>')


# --- monitoring plans and werkpakketten --------------------------------------------------------------


def _product_links(s: Site, page: Page, product: str, gemeenten: list[str] | None = None) -> str:
    """Links to the pages of a product, named after it ('factsheet 2023', 'gesprekken 2023', 'denkkader')."""
    kind, _, year = product.partition(":")
    pages = [p for p in product_pages(s, product, gemeenten) if p is not None]
    naam = {f.slug: f.naam for f in s.reg.gebieden.focusgebieden}
    several = len(pages) > 1
    name = {"factsheet": f"factsheet {year}", "gesprekken": f"gesprekken {year}", "denkkader": "denkkader"}[kind]
    return " ".join(f"[{name}{' ' + naam.get(p.gebied, '') if several else ''}]({page.href(p)})" for p in pages)


STATUS_ORDER = ["uitgevoerd", "gepland"]


def _years(records: pd.DataFrame) -> tuple[alt.DateTime, alt.DateTime]:
    first = int(min(records["van"])[:4])
    end = max(records["tot"])  # an exclusive end: the first day after the last month
    last = int(end[:4]) + (0 if end[5:] == "01-01" else 1)
    return alt.DateTime(year=first, month=1, date=1), alt.DateTime(year=last, month=1, date=1)


def _labelled_rows(marks: alt.Chart, records: pd.DataFrame, field: str, order: list[str]) -> alt.LayerChart:
    """Rows with their name written above the marks, across the whole width, instead of as axis
    labels: on a phone a label column would leave no room for the time axis."""
    y = alt.Y(f"{field}:N", sort=order, title=None, axis=None)
    # limit: a long name ends in an ellipsis at the plot's edge instead of widening the chart (the
    # tooltip and the table under the figure give it in full)
    names = alt.Chart(pd.DataFrame({field: order})).mark_text(
        align="left", baseline="middle", dy=-11, fontSize=12, color="#1a1a1a", limit=alt.ExprRef("width")).encode(
        y=y, x=alt.value(0), text=f"{field}:N")
    return alt.layer(marks.encode(y=y), names).properties(width="container", height=alt.Step(46))


def _status_scales() -> dict:
    """Colour and shape share domain and title, so the two make one legend."""
    return dict(
        color=alt.Color("status:N", title="Status", legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=STATUS_ORDER, range=[STATUS_COLORS[s] for s in STATUS_ORDER])),
        shape=alt.Shape("status:N", title="Status", legend=alt.Legend(orient="top"),
                        scale=alt.Scale(domain=STATUS_ORDER, range=["circle", "diamond"])),
    )


def timeline_chart(records: pd.DataFrame, order: list[str]) -> alt.LayerChart:
    """Bars from start to end month per activity, coloured by status."""
    start, end = _years(records)
    scales = _status_scales()
    bars = alt.Chart(records).mark_bar(cornerRadius=3, height=12, yOffset=7).encode(
        x=alt.X("van:T", title=None, axis=alt.Axis(format="%Y", tickCount="year"),
                scale=alt.Scale(domain=[start, end])),
        x2="tot:T",
        color=scales["color"],
        tooltip=[alt.Tooltip("activiteit:N", title="Activiteit"), alt.Tooltip("periode:N", title="Periode"),
                 alt.Tooltip("status:N", title="Status"), alt.Tooltip("opbrengst:N", title="Opbrengst")],
    )
    return _labelled_rows(bars, records, "activiteit", order)


def plan_page(reg: Registries, s: Site, page: Page, plan: Monitoringsplan, g: Gemeente) -> str:
    gp = plan.gemeenten[g.slug]
    rows, records = [], []
    for a in gp.activiteiten:
        periode = a.van if a.van == a.tot else f"{a.van} – {a.tot}"
        status = status_of(s, a, [g.slug])
        opbrengst = a.opbrengst or "—"
        if a.product:
            links = _product_links(s, page, a.product, [g.slug])
            opbrengst += f" ({links})" if links else ""
        rows.append(f"| {a.titel} | {periode} | {a.soort} | {status} | {opbrengst} |")
        records.append({"activiteit": a.titel, "van": month_start(a.van).isoformat(),
                        "tot": month_end(a.tot).isoformat(), "status": status, "periode": periode,
                        "opbrengst": a.opbrengst})
    data = pd.DataFrame(records)
    chart = timeline_chart(data, [a.titel for a in gp.activiteiten])
    names = nl_list([a.naam for a in focus_gebieden_van(reg, g)])
    caption = (f"Tijdlijn van het monitoringsplan voor {names}: blauw is uitgevoerd, oranje gepland "
               f"(stand {_nl_month(plan.peildatum)}, aangevuld met wat in dit boek staat).")
    table = data[["activiteit", "periode", "status", "opbrengst"]].rename(columns=str.capitalize)
    figure = charts.figure_html(chart, prefix=f"plan-{g.slug}", caption=caption, data=table, description=caption)
    lines = [f"# {page.title}", ""]
    if plan.voorbeeld:
        lines += [":::{note} Voorbeeld", plan.toelichting.strip(), ":::", ""]
    lines += [gp.toelichting.strip(), "", raw_html(figure), "",
              "| Activiteit | Periode | Soort | Status | Opbrengst |", "|---|---|---|---|---|", *rows, ""]
    return "\n".join(lines)



def _nl_month(text: str) -> str:
    """'2023-06' -> 'juni 2023'."""
    y, m = text.split("-")
    return f"{MAANDEN[int(m) - 1]} {y}"


def werkpakketten_page(reg: Registries, s: Site, page: Page) -> str:
    wp = load_werkpakketten(reg)
    status_anchor = page.href(s.home, anchor(STATUS_HEADING))
    records = []
    lines = [f"# De {nl_count(len(wp.werkpakketten))} werkpakketten", "", wp.toelichting.strip(), ""]
    for w in wp.werkpakketten:
        for m in w.mijlpalen:
            records.append({"activiteit": f"{w.nummer}. {w.kort or w.titel}", "van": month_start(m.datum).isoformat(),
                            "tot": month_end(m.datum).isoformat(), "status": status_of(s, m),
                            "periode": _nl_month(m.datum), "opbrengst": m.tekst})
    data = pd.DataFrame(records)
    order = [f"{w.nummer}. {w.kort or w.titel}" for w in wp.werkpakketten]
    start, end = _years(data)
    scales = _status_scales()
    points = alt.Chart(data).mark_point(filled=True, size=110, yOffset=7, opacity=0.85).encode(
        x=alt.X("van:T", title=None, axis=alt.Axis(format="%Y", tickCount="year"),
                scale=alt.Scale(domain=[start, end])),
        color=scales["color"], shape=scales["shape"],
        tooltip=[alt.Tooltip("activiteit:N", title="Werkpakket"), alt.Tooltip("periode:N", title="Maand"),
                 alt.Tooltip("opbrengst:N", title="Mijlpaal"), alt.Tooltip("status:N", title="Status")],
    )
    chart = _labelled_rows(points, data, "activiteit", order)
    caption = (f"Mijlpalen per werkpakket: blauwe rondjes zijn uitgevoerd, oranje ruiten gepland "
               f"(stand {_nl_month(wp.peildatum)}, aangevuld met wat in dit boek staat).")
    table = data[["activiteit", "periode", "opbrengst", "status"]].rename(columns={
        "activiteit": "Werkpakket", "periode": "Maand", "opbrengst": "Mijlpaal", "status": "Status"})
    lines += [raw_html(charts.figure_html(chart, prefix="werkpakketten", caption=caption, data=table,
                                          description=caption)), ""]
    for w in wp.werkpakketten:
        lines += [f"## {w.nummer}. {w.titel}", "", w.omschrijving.strip(), "",
                  "| Maand | Mijlpaal | Status | In dit boek |", "|---|---|---|---|"]
        for m in w.mijlpalen:
            boek = f"[{product_label(reg, m.product)}]({status_anchor})" if m.product else "—"
            lines.append(f"| {_nl_month(m.datum)} | {m.tekst} | {status_of(s, m)} | {boek} |")
        lines.append("")
    return "\n".join(lines)


# --- data and method ----------------------------------------------------------------------------------

AVAILABILITY_SYMBOL = {"beschikbaar": "●", "deels": "◐", "ontbreekt": "○"}
AVAILABILITY_COLOR = {"beschikbaar": "#0072B2", "deels": "#56B4E9", "ontbreekt": "#d9d9d9"}
DIRECTION = {"hoger_beter": "hoger is gunstiger", "lager_beter": "lager is gunstiger", "neutraal": "geen oordeel"}


# What a missing cell means at the publisher (coverage.coverage_matrix's ``bij_uitgever``), in plain Dutch.
BIJ_UITGEVER = {
    FETCHABLE: "staat bij de uitgever, op te halen",
    "geheim of leeg": "de uitgever geeft geen cijfer (geheim of leeg)",
    "niet in de bestanden": "niet in de bestanden van dit boek; geen open-data-API",
    "geen bron": "geen bron levert dit cijfer",
    "": "",
}


def coverage_chart(reg: Registries, table: pd.DataFrame | None = None) -> tuple[alt.Chart, pd.DataFrame, dict]:
    """The coverage matrix (``coverage.coverage_matrix``, the same as ``vitale-wijken data
    coverage``) as a chart, the table behind it and its summary counts."""
    cov = coverage_matrix(load_indicators() if table is None else table, reg)
    labels = {i.id: i.label for i in reg.kernset.indicatoren}
    focus = {f.slug: f.naam for f in reg.gebieden.focusgebieden}
    data = cov.assign(
        indicatorlabel=cov["indicator"].map(labels),
        kolom=cov["focusgebied"].map(focus) + " " + cov["meting"].astype(str),
        symbool=cov["status"].map(AVAILABILITY_SYMBOL) + cov["bij_uitgever"].eq(FETCHABLE).map({True: "⇣", False: ""}),
        uitgever=cov["bij_uitgever"].map(lambda b: BIJ_UITGEVER.get(b, b)),
    )
    order_y = [labels[i.id] for i in reg.kernset.indicatoren]
    order_x = [f"{f.naam} {m.jaar}" for f in reg.gebieden.focusgebieden for m in reg.metingen.metingen]
    base = alt.Chart(data).encode(
        x=alt.X("kolom:N", sort=order_x, title=None, axis=alt.Axis(labelAngle=-45, orient="top")),
        y=alt.Y("indicatorlabel:N", sort=order_y, title=None, axis=alt.Axis(labelLimit=300)),
        tooltip=[alt.Tooltip("indicatorlabel:N", title="Indicator"), alt.Tooltip("kolom:N", title="Gebied en meting"),
                 alt.Tooltip("status:N", title="Status"), alt.Tooltip("uitgever:N", title="Bij de uitgever"),
                 alt.Tooltip("reden:N", title="Reden")],
    )
    cells = base.mark_rect(stroke="#ffffff", strokeWidth=1).encode(
        color=alt.Color("status:N", title="Cijfer voor het focusgebied",
                        scale=alt.Scale(domain=list(AVAILABILITY_COLOR), range=list(AVAILABILITY_COLOR.values())),
                        legend=alt.Legend(orient="bottom")))
    text = base.mark_text(fontSize=11, color="#1a1a1a").encode(text="symbool:N")
    chart = alt.layer(cells, text).properties(width=alt.Step(26), height=alt.Step(16))
    shown = data[["indicatorlabel", "kolom", "status", "uitgever", "reden"]].rename(columns={
        "indicatorlabel": "Indicator", "kolom": "Gebied en meting", "status": "Status", "uitgever": "Bij de uitgever",
        "reden": "Reden"})
    return chart, shown, summary(cov)


def data_page(reg: Registries, page: Page, evs: Evaluations | None = None) -> str:
    kernset = page.download_href(SITE_DOWNLOADS["kernset"])
    beschikbaarheid = page.download_href(SITE_DOWNLOADS["beschikbaarheid"])
    lines = [f"# {page.title}", "",
             "Op deze pagina lees je waar de cijfers vandaan komen, wat ze meten en hoe we ze vergelijken. "
             "Alles hier komt uit de lijsten waarmee dit boek gemaakt wordt.", "",
             raw_html(f'<p class="vw-downloads"><a class="vw-download" href="{kernset}" '
                      f'download>Alle cijfers van de kernset (csv)</a> <a class="vw-download" '
                      f'href="{beschikbaarheid}" download>Welke cijfers er zijn (csv)</a></p>'),
             "", "## Indicatoren van de kernset", "",
             "Per pijler zie je hieronder welke cijfers de monitor volgt. Bij elk cijfer staat wat het meet, en welke "
             "kant gunstig is. De laatste kolom noemt de bron; de bronnen staan onderaan deze pagina.", ""]
    for p in reg.kernset.pijlers:
        heading = f"{p.nummer}. {p.label}" if p.nummer else p.label
        lines += [f"### {heading}", "", "| Indicator | Wat het meet | Eenheid en leeftijd | Richting | Bron |",
                  "|---|---|---|---|---|"]
        for ind in reg.indicatoren_van(p.id):
            eenheid = reg.kernset.eenheden[ind.eenheid].label
            bron = ", ".join(dict.fromkeys(b.tabel for b in ind.bronnen)) or f"geen bron: {ind.geen_bron}"
            lines.append(f"| {ind.label} | {ind.definitie.strip()} | {eenheid}, {ind.leeftijd} | "
                         f"{DIRECTION[ind.richting]} | {bron} |")
        lines.append("")
    lines += method_lines(reg, evs or Evaluations.load(reg))
    lines += ["## Peiljaren per meting", "",
              "Elke meting neemt uit elke bron één jaar: het peiljaar. Andere jaren blijven in de figuren met de "
              "ontwikkeling staan. Dat zijn jaren van voor de start van de monitor, of jaren tussen twee metingen.", "",
              "| Bron | " + " | ".join(m.label for m in reg.metingen.metingen) + " |",
              "|---|" + "---|" * len(reg.metingen.metingen)]
    for tabel_id in reg.bronnen.tabellen:
        cells = [str(m.peiljaren[tabel_id]) if tabel_id in m.peiljaren else "—" for m in reg.metingen.metingen]
        if any(c != "—" for c in cells):
            lines.append(f"| {tabel_id} | " + " | ".join(cells) + " |")
    chart, table, n = coverage_chart(reg)
    caption = ("Beschikbaarheid van de kernset per wijk en meting. Een dicht rondje: er is een cijfer voor het hele gebied. "
               "Een half rondje: alleen voor een deel of per buurt. Een open rondje: geen cijfer. Een pijltje: de "
               "uitgever heeft het cijfer wel, en het is op te halen. De reden staat in de tabel bij de figuur.")
    lines += ["", "## Wat er per meting beschikbaar is", "",
              f"Van de {n['cellen']} cellen (cijfer, wijk en meting) hebben er {n['beschikbaar']} een cijfer voor de "
              f"hele wijk. Bij {n['deels']} is er alleen een cijfer per deel of per buurt. Er zijn er {n['ontbreekt']} "
              f"leeg. Van de cellen zonder volledig cijfer staan er {n['op_te_halen']} wel bij de uitgever. Ze staan "
              "alleen nog niet in de bestanden waarmee dit boek is gemaakt. Ophalen kan met `vitale-wijken data fetch`.",
              "",
              raw_html(charts.figure_html(chart, prefix="beschikbaarheid", caption=caption, data=table,
                                          description=caption)), ""]
    lines += sources_lines(reg)
    return "\n".join(lines)


def method_lines(reg: Registries, evs: Evaluations) -> list[str]:
    """How figures are compared: general rules, then every rule of the evaluation model with its
    worked example from the book (``analysis.evaluation.methods.method_sections``)."""
    from .evaluation.methods import method_sections

    lines = ["## Hoe we de cijfers vergelijken", "",
             "- We zetten een wijk alleen naast de gemeente en Nederland als de cijfers uit dezelfde bron en "
             "hetzelfde jaar komen.",
             "- Bestaat een wijk uit meer delen, dan tellen we aantallen op. Een aandeel rekenen we opnieuw uit, met "
             "gegevens van hetzelfde jaar. Kan dat niet, dan staan de delen naast elkaar.",
             "- Ontbreekt een cijfer, dan schatten we het niet zelf. De reden staat bij het cijfer.",
             "- Gesprekken tellen we in deelnemers per thema. Minder dan 5 deelnemers laten we niet zien. De "
             "gesprekken in dit boek zijn verzonnen: het is een voorbeeld.", "",
             "Hieronder staat per regel hoe we bepalen of een verschil telt. Bij elke regel staat een voorbeeld uit "
             "dit boek.", ""]
    for sec in method_sections(evs.data, reg, list(evs.by_area.values())):
        lines += [f"### {sec.titel}", "", sec.uitleg.strip(), "", f"*Voorbeeld.* {sec.voorbeeld.strip()}", ""]
        if sec.tabel is not None and len(sec.tabel):
            lines += [_markdown_table(sec.tabel), ""]
    return lines


def _markdown_table(df: pd.DataFrame) -> str:
    def cell(v) -> str:
        if isinstance(v, float):
            return nl_number(v, 1)
        return str(v).replace("|", "/")

    head = "| " + " | ".join(str(c)[:1].upper() + str(c)[1:] for c in df.columns) + " |"
    rows = ["| " + " | ".join(cell(v) for v in rec) + " |" for rec in df.itertuples(index=False)]
    return "\n".join([head, "|" + "---|" * len(df.columns), *rows])


def sources_lines(reg: Registries) -> list[str]:
    """The sources section: table codes, titles, licences and notes (codes belong here)."""
    lines = ["## Bronnen en toelichting", "", "| Tabel | Titel | Uitgever | Licentie en bronvermelding | Indeling |",
             "|---|---|---|---|---|"]
    for tabel_id, t in reg.bronnen.tabellen.items():
        lines.append(f"| {tabel_id} | [{t.titel}]({t.url}) | {t.uitgever} | {t.licentie}; {t.bronvermelding} | "
                     f"{t.indeling} |")
    notes = [f"- **{tid}**: {t.toelichting.strip()}" for tid, t in reg.bronnen.tabellen.items() if t.toelichting]
    return [*lines, "", *notes, ""]


# --- writing ----------------------------------------------------------------------------------------


def generated_pages(reg: Registries, s: Site) -> dict[str, str]:
    """Source path (relative to the project root) -> text, for every page made from the registries."""
    frameworks = load_frameworks(reg)
    plan = load_plan(reg)
    evs = Evaluations.load(reg)
    out = {}
    for page in s.pages:
        if page.executed:
            continue
        if page.soort == "werkpakketten":
            out[page.source] = werkpakketten_page(reg, s, page)
        elif page.soort == "methode":
            out[page.source] = data_page(reg, page, evs)
        else:
            g = reg.gemeente(page.gemeente)
            if page.soort == "denkkader":
                out[page.source] = framework_page(reg, s, page, frameworks[g.slug], evs)
            elif page.soort == "plan":
                out[page.source] = plan_page(reg, s, page, plan, g)
            else:
                raise ValueError(f"no generator for page {page.key} ({page.soort})")
    return out


def write_pages(reg: Registries, s: Site, root: Path) -> list[Path]:
    """Write the generated pages; unchanged files are left alone so Sphinx rebuilds little."""
    written = []
    for rel, text in generated_pages(reg, s).items():
        path = Path(root) / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        write_text_atomic(path, text)
        written.append(path)
    return written
