"""The landing page of the book (notebooks/home.ipynb): the monitor in short, the focus areas
on a map, the pijlers and where to click."""

from __future__ import annotations

import pandas as pd
from shapely.geometry import shape
from shapely.ops import unary_union
from IPython.display import HTML, Markdown

from . import charts
from .format import nl_count, nl_list
from .processed import GEOMETRIE_INDELING as MAP_INDELING
from .data import load_availability, load_geometry
from .gebied import focus_gebieden
from .plan import book_products, product_label, product_status
from .registries import Registries, registries
from .sitemap import OVERZICHT, site


class Home:
    def __init__(self, reg: Registries):
        self.reg = reg

    @classmethod
    def load(cls, registries_folder: str = "") -> "Home":
        return cls(registries(registries_folder or None))

    def gebieden(self) -> Markdown:
        """One plain sentence per focus area: where it lies and what it is made of."""
        reg = self.reg
        wijknaam = {f["properties"]["gebied_code"]: f["properties"]["naam"] for f in load_geometry()["features"]}
        lines = []
        for fg in focus_gebieden(reg):
            d = fg.delen
            if len(d) == 1 and d[0].binnen:
                text = f"is een buurt in de wijk {wijknaam.get(d[0].binnen, d[0].binnen)}, in {fg.gemeente.naam}."
            elif len(d) == 1:
                text = f"is een wijk in {fg.gemeente.naam}."
            else:
                soort = "wijken" if all(x.niveau == "wijk" for x in d) else "delen"
                text = f"ligt in {fg.gemeente.naam} en bestaat uit {nl_count(len(d))} {soort}: {nl_list([x.naam for x in d])}."
            lines.append(f"- **{fg.naam}** {text}")
        return Markdown("\n".join(lines))


    def kaart(self) -> HTML:
        reg = self.reg
        geo = load_geometry()
        gemeente_naam = {g.code: g.naam for g in reg.gebieden.gemeenten}
        focus_naam = {f.slug: f.naam for f in reg.gebieden.focusgebieden}
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
        wijknaam = {f["properties"]["gebied_code"]: f["properties"]["naam"] for f in geo["features"]}
        within = [f"{fg.naam} is een buurt in de wijk {wijknaam.get(d.binnen, d.binnen)}" for fg in reg.gebieden.focusgebieden
                  for d in fg.delen if d.binnen]
        caption = (f"De wijken van de {nl_count(len(reg.gebieden.gemeenten))} gemeenten, met de grenzen van "
                   f"{MAP_INDELING}. De wijken van de monitor zijn donkerblauw."
                   + (f" {nl_list(within)}. Die wijk is lichtblauw: de kaart heeft geen grenzen van buurten."
                      if within else ""))
        return HTML(charts.figure_html(chart, prefix="kaart-regio", caption=caption, data=pd.DataFrame(records),
                                       description=caption))


    def pijlers(self) -> Markdown:
        reg = self.reg
        lines = []
        for p in reg.kernset.pijlers:
            if p.context:
                continue
            n = len(reg.indicatoren_van(p.id))
            omschrijving = p.omschrijving[0].lower() + p.omschrijving[1:].rstrip(".")
            lines.append(f"{p.nummer}. **{p.label}**: {omschrijving}. Er zijn {n} cijfers.")
        return Markdown("\n".join(lines))


    def factsheets(self) -> Markdown:
        """A table gemeente x meting linking every factsheet, with how many indicators have a figure.

        Written as MyST Markdown so that the book build checks every link."""
        reg = self.reg
        s = site(reg)
        home = s.home
        avail = load_availability()
        scored = {i.id for i in reg.kernset.indicatoren if not reg.pijler(i.pijler).context}
        lines = ["| Focusgebied | " + " | ".join(m.label for m in reg.metingen.metingen) + " | Gesprekken |",
                 "|---|" + "---|" * (len(reg.metingen.metingen) + 1)]
        for fg in focus_gebieden(reg):
            cells = [f"**{fg.naam}** ({fg.gemeente.naam})"]
            for m in reg.metingen.metingen:
                sel = avail[(avail.focusgebied == fg.key) & (avail.meting == m.jaar) & avail.indicator.isin(scored)]
                n = int((sel.status == "beschikbaar").sum())
                cells.append(f"[Factsheet {m.jaar}]({home.href(s.find('factsheet', gebied=fg.key, meting=m.jaar))}) · "
                             f"{n} van {len(scored)} indicatoren met een cijfer")
            own = [f"[Gesprekken {p.meting}]({home.href(p)}) (fictief voorbeeld)" for p in s.of("verhaal")
                   if p.gebied == fg.key]
            cells.append(", ".join(own) or "—")
            lines.append("| " + " | ".join(cells) + " |")
        overzicht = s.page(OVERZICHT)
        lines += ["", f"De vier wijken staan naast elkaar op de pagina [{overzicht.toc_title}]({home.href(overzicht)}). "
                      f"Daar staan ook de presentaties voor het monitoringsoverleg."]
        return Markdown("\n".join(lines))

    def stand(self) -> Markdown:
        """What the monitor delivers and whether it is done: the same status as on the werkpakketten
        and plan pages (analysis.plan.product_status)."""
        s = site(self.reg)
        lines = [f"- {product_label(self.reg, p)}: **{product_status(s, p)}**." for p in book_products(s)]
        return Markdown("\n".join(lines))
