"""The landing page of the book (notebooks/home.ipynb): the monitor in short, the four
focus areas on a map, the five pijlers and where to click."""

from __future__ import annotations

import pandas as pd
from shapely.geometry import shape
from shapely.ops import unary_union
from IPython.display import HTML, Markdown

from . import charts
from .data import load_availability, load_geometry
from .factsheet import page_name
from .registries import registries


def gebieden() -> Markdown:
    reg = registries()
    lines = []
    for g in reg.gebieden.gemeenten:
        fg = g.focusgebied
        parts = ", ".join(f"{d.naam} ({d.code})" for d in fg.delen)
        lines.append(f"- **{fg.naam}** in de gemeente {g.naam}: {parts}.")
    return Markdown("\n".join(lines))


def kaart() -> HTML:
    reg = registries()
    geo = load_geometry()
    gemeente_naam = {g.code: g.naam for g in reg.gebieden.gemeenten}
    focus_naam = {g.focusgebied.slug: g.focusgebied.naam for g in reg.gebieden.gemeenten}
    features, records, shapes = [], [], {}
    for f in geo["features"]:
        p = f["properties"]
        if p["gebied_niveau"] != "wijk":
            continue
        rol = {"deel": "focusgebied", "bevat": "wijk met het focusgebied"}.get(p["focus_rol"], "andere wijk")
        features.append({"type": "Feature", "geometry": f["geometry"],
                         "properties": {"naam": f"{p['naam']} ({gemeente_naam[p['gemeente_code']]})", "rol": rol}})
        if p["focus_rol"]:
            shapes.setdefault(p["focusgebied"], []).append(shape(f["geometry"]))
            records.append({"Gemeente": gemeente_naam[p["gemeente_code"]], "Wijk": p["naam"],
                            "Code": p["gebied_code"], "Focusgebied": focus_naam[p["focusgebied"]],
                            "Rol": "deel van het focusgebied" if p["focus_rol"] == "deel"
                            else "het focusgebied is een buurt in deze wijk"})
    labels = pd.DataFrame([
        {"naam": focus_naam[slug], "lon": (c := unary_union(geoms).centroid).x, "lat": c.y}
        for slug, geoms in shapes.items()
    ])
    chart = charts.region_map_chart(features, labels)
    caption = ("De vier gemeenten van de Regiodeal met hun wijken (indeling 2024); de focusgebieden zijn "
               "donkerblauw. Vollenhove is een buurt in de wijk Zeist-Noord (lichtblauw): buurtgrenzen zitten niet "
               "in de kaart.")
    return HTML(charts.figure_html(chart, prefix="kaart-regio", caption=caption, data=pd.DataFrame(records),
                                   description=caption))


def pijlers() -> Markdown:
    reg = registries()
    lines = []
    for p in reg.kernset.pijlers:
        if p.context:
            continue
        n = len(reg.indicatoren_van(p.id))
        lines.append(f"{p.nummer}. **{p.label}** — {p.omschrijving} ({n} indicatoren)")
    return Markdown("\n".join(lines))


def factsheets() -> Markdown:
    """A table gemeente x meting linking every factsheet, with how many indicators have a figure.

    Written as MyST Markdown so that the book build checks every link."""
    reg = registries()
    avail = load_availability()
    scored = {i.id for i in reg.kernset.indicatoren if not reg.pijler(i.pijler).context}
    from .kwalitatief.pagina import verhaal_name
    from .runner import narratives

    stories = narratives(reg)
    lines = ["| Focusgebied | " + " | ".join(m.label for m in reg.metingen.metingen) + " | Gesprekken |",
             "|---|" + "---|" * (len(reg.metingen.metingen) + 1)]
    for g in reg.gebieden.gemeenten:
        cells = [f"**{g.focusgebied.naam}** ({g.naam})"]
        for m in reg.metingen.metingen:
            sel = avail[(avail.focusgebied == g.focusgebied.slug) & (avail.meting == m.jaar)
                        & avail.indicator.isin(scored)]
            n = int((sel.status == "beschikbaar").sum())
            cells.append(f"[Factsheet {m.jaar}](factsheets/{page_name(g, m.jaar)}.ipynb) · {n} van {len(scored)} "
                         f"indicatoren met een cijfer")
        own = [f"[Gesprekken {m}](verhalen/{verhaal_name(gg, m)}.ipynb) (fictief voorbeeld)" for gg, m in stories
               if gg.code == g.code]
        cells.append(", ".join(own) or "—")
        lines.append("| " + " | ".join(cells) + " |")
    return Markdown("\n".join(lines))
