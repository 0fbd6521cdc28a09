"""One factsheet (a focus area) or wijk profile (any Dutch wijk) in one meting.

Every sentence, table cell, chart and download on the page is read from one evaluation of the
area (``analysis.evaluation``), so they cannot disagree. The template notebooks
(notebooks/factsheet.ipynb, notebooks/wijkprofiel.ipynb) only call the methods below; each
returns something Jupyter displays (Markdown or HTML), so the published page shows results and
no code. Running text is emitted as Markdown so that it reaches the search index.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd
from IPython.display import HTML, Markdown

from . import charts
from . import factsheet_figures as figures
from .data import (
    area_names,
    load_area_table,
    load_areas,
    load_change_margins,
    load_national,
    load_national_kerncijfers,
)
from .evaluation import EvaluationData, evaluate_area, headlines
from .evaluation.glance import glance_chart, glance_data, glance_text
from .evaluation.model import AreaEvaluation, IndicatorEvaluation
from .evaluation.text import nl_num
from .format import esc, nl_list
from .gebied import Gebied, resolve
from .registries import Registries, registries
from .registry_models import Meting
from .sitemap import (
    OVERZICHT,
    SITE_DOWNLOADS,
    SLIDES_HTML,
    SLIDES_PDF,
    Page,
    Site,
    factsheet_page,
    profile_page,
    site,
)
from .tables import definitions_html, pijler_table


@dataclass
class Factsheet:
    reg: Registries
    gebied: Gebied
    meting: Meting
    table: pd.DataFrame
    areas: pd.DataFrame

    @classmethod
    def load(cls, gebied: str, meting: int | str, registries_folder: str | None = None) -> "Factsheet":
        """The page of ``gebied`` (a focus area's slug or a wijk code) in ``meting``; notebooks pass
        their parameters straight in."""
        reg = registries(registries_folder or None)
        g = resolve(reg, gebied)
        return cls(reg, g, reg.meting(meting), load_area_table(g, reg), load_areas())

    # -- the model ----------------------------------------------------------------------------

    @cached_property
    def data(self) -> EvaluationData:
        return EvaluationData(self.table, load_national(), load_national_kerncijfers(), load_change_margins(),
                              self.areas)

    @cached_property
    def names(self) -> dict[str, str]:
        names = self.data.names() | area_names(self.areas)
        names |= {d.code: d.naam for d in self.gebied.delen} | {self.gemeente.code: self.gemeente.naam}
        return names

    @cached_property
    def ev(self) -> AreaEvaluation:
        return evaluate_area(self.data, self.reg, self.gebied.codes, self.gemeente.code, self.meting.jaar,
                             naam=self.gebied.naam, names=self.names)

    def of_pijler(self, pijler: str) -> list[IndicatorEvaluation]:
        return [ie for ie in self.ev.indicatoren if ie.pijler == pijler]

    @property
    def gemeente(self):
        return self.gebied.gemeente

    @property
    def focus(self) -> str:
        return self.gebied.naam

    @cached_property
    def site(self) -> Site:
        return site(self.reg)

    @cached_property
    def page(self) -> Page:
        if self.gebied.is_focus:
            return factsheet_page(self.gebied, self.meting.jaar, several=False)
        return profile_page(self.gebied, self.meting.jaar)

    @property
    def narrative_page(self) -> Page | None:
        if not self.gebied.is_focus:
            return None
        return self.site.find("verhaal", gemeente=self.gemeente.code, meting=self.meting.jaar)

    def area_name(self, code: str) -> str:
        return self.names.get(code, code)

    # -- sections -----------------------------------------------------------------------------

    def intro(self) -> Markdown:
        """Two sentences on what the page is, and where the conversations are."""
        kind = "Deze factsheet" if self.gebied.is_focus else "Dit wijkprofiel"
        lines = [f"{kind} gaat over **{self.focus}** in de gemeente {self.gemeente.naam}. Het is de "
                 f"{self.meting.label.lower()} van de Monitor Regiodeal Vitale Wijken. We vergelijken {self.focus} "
                 f"met {self.gemeente.naam}, met heel Nederland en met wijken die op {self.focus} lijken."]
        if not self.gebied.is_focus:
            lines.append(self._wijk_text())
        verhaal = self.narrative_page
        if verhaal is not None:
            lines.append(f"Wat bewoners en professionals vertelden, staat bij de "
                         f"[gesprekken van {self.meting.jaar}]({self.page.href(verhaal)}).")
        if self.gebied.is_focus:
            overzicht = self.site.page(OVERZICHT)
            lines.append(f"Hoe het in alle vier de wijken gaat, ziet u op de pagina [{overzicht.toc_title}]"
                         f"({self.page.href(overzicht)}).")
        return Markdown("\n\n".join(lines))

    def _wijk_text(self) -> str:
        """What a wijk profile says about its area (focus areas have their own text in gebieden.yml)."""
        text = f"{self.focus} is een wijk in de gemeente {self.gemeente.naam}."
        focus = [self.reg.focusgebied(slug) for slug in self.gebied.in_focusgebieden]
        if focus:
            links = [f"[{f.naam}]({self.page.href(self.site.find('factsheet', gebied=f.slug, meting=self.meting.jaar))})"
                     for f in focus]
            text += f" Het focusgebied {nl_list(links)} ligt in deze wijk of valt ermee samen."
        else:
            text += " Het is geen focusgebied van de monitor. Het profiel toont de cijfers die er voor deze wijk zijn."
        return text

    def bevindingen(self) -> Markdown:
        """The key findings, generated from the same verdicts as the tables below them."""
        sentences = [h.tekst for h in headlines(self.ev, self.reg)]
        if not sentences:
            sentences = [f"Voor {self.focus} zijn er in deze meting geen cijfers die we kunnen vergelijken."]
        return Markdown("\n".join(f"- {s}" for s in sentences))

    def oogopslag(self) -> HTML | Markdown:
        """Per pijler each indicator's place among all Dutch wijken, the change since the
        nulmeting as an arrow, and the band of the comparison wijken."""
        labels = {p.id: (f"{p.nummer}. {p.label}" if p.nummer else p.label) for p in self.reg.kernset.pijlers
                  if not p.context}
        data = glance_data(self.ev, self.data.national, labels)
        text = glance_text(data, self.focus)
        if data.empty:
            return Markdown(text)
        caption = (f"{self.focus} tussen alle wijken van Nederland: de stip is de plaats bij de start, de pijl de "
                   f"verandering tegenover Nederland en het grijze blok de plaats van vergelijkbare wijken. Rechts "
                   f"is gunstig.")
        table = data[["pijler", "tekst"]].rename(columns={"pijler": "Pijler", "tekst": "Plaats en verandering"})
        return HTML(charts.figure_html(glance_chart(data), prefix=f"oogopslag-{self.gebied.key}", caption=caption,
                                       data=table, description=text))

    def downloads(self) -> HTML:
        """Links to the printable PDF and the figures of this page (written after the build)."""
        labels = {"handout": "Samenvatting op twee A4'tjes (pdf)", "pdf": "Factsheet als pdf (A4)",
                  "csv": "Cijfers van deze pagina (csv)"}
        links = [f'<a class="vw-download" href="{self.page.download_href(self.page.downloads[kind])}" download>'
                 f'{label}</a>' for kind, label in labels.items() if kind in self.page.downloads]
        if SLIDES_HTML in self.page.slides:
            links.append(f'<a class="vw-download" href="{self.page.download_href(self.page.slides[SLIDES_HTML])}">'
                         f'Presentatie</a>')
            links.append(f'<a class="vw-download" href="{self.page.download_href(self.page.slides[SLIDES_PDF])}" '
                         f'download>Presentatie als pdf</a>')
        links.append(f'<a class="vw-download" href="{self.page.download_href(SITE_DOWNLOADS["kernset"])}" download>'
                     f'Alle cijfers van de kernset (csv)</a>')
        return HTML(f'<p class="vw-downloads">{" ".join(links)}</p>')

    def pijler(self, pijler_id: str) -> HTML:
        p = self.reg.pijler(pijler_id)
        ies = self.of_pijler(pijler_id)
        parts = [f'<p class="vw-pijler-intro">{esc(p.omschrijving)}</p>']
        caption = f"{p.label}: {self.focus} vergeleken met {self.gemeente.naam} en Nederland ({self.meting.label})"
        parts.append(pijler_table(self.reg, self.ev, ies, caption, f"noot-{pijler_id}"))
        parts.append(definitions_html(ies))
        for figure in (figures.comparison(self, p.label, ies), figures.national(self, p.label, ies),
                       figures.trend(self, p.label, pijler_id)):
            if figure:
                parts.append(figure)
        return HTML("".join(parts))

    def kerncijfers(self) -> HTML:
        ies = self.of_pijler("kerncijfers")
        caption = f"Kerncijfers van {self.focus}, {self.gemeente.naam} en Nederland ({self.meting.label})"
        return HTML(pijler_table(self.reg, self.ev, ies, caption, "noot-kerncijfers") + definitions_html(ies))

    def kaart(self) -> HTML:
        return HTML(figures.map_figure(self))

    def vergelijkingswijken(self) -> Markdown | HTML:
        """The comparison wijken: who they are, why, their figures at the start, and whether the
        area moved with them before the monitor began."""
        group = self.ev.vergelijkingsgroep
        if group is None:
            return Markdown(f"Voor {self.focus} zijn geen vergelijkbare wijken gekozen: {self.ev.vergelijkingsgroep_reden}.")
        used = nl_list([f.label.split(" (")[0] for f in group.kenmerken if f.kolom in group.profiel])
        lines = [f"We zochten de {len(group.wijken)} wijken in Nederland die vóór de start het meest op {self.focus} "
                 f"leken. Ze zijn gekozen uit {nl_num(group.aantal_kandidaten, 0)} wijken. We keken naar {used}. Zo zie je hoe het in {self.focus} had kunnen gaan zonder de aanpak. "
                 f"De afstand zegt hoe sterk een wijk op {self.focus} lijkt: hoe kleiner, hoe meer.", "",
                 "| Wijk | Gemeente | Afstand |", "|---|---|---|",
                 *[f"| {w.naam} | {w.gemeente_naam} | {nl_num(w.afstand, 2)} |" for w in group.wijken], ""]
        rows = []
        for ie in self.ev.indicatoren:
            band = ie.vergelijkingswijken
            if band is None or self.reg.pijler(ie.pijler).context:
                continue
            own = (nl_num(ie.landelijk.waarde, ie.decimalen) if ie.landelijk is not None else "—")
            trend = ie.pretrend
            parallel = ("ja" if trend is not None and trend.parallel else
                        "nee" if trend is not None and trend.parallel is False else "onbekend")
            rows.append(f"| {ie.indicator.label} | {own} | {nl_num(band.mediaan, ie.decimalen)} "
                        f"({nl_num(band.p25, ie.decimalen)} – {nl_num(band.p75, ie.decimalen)}) | {parallel} |")
        if rows:
            year = next(ie.vergelijkingswijken.peiljaar for ie in self.ev.indicatoren if ie.vergelijkingswijken)
            lines += [f"De cijfers hieronder zijn van {year}, vóór de start. Bij de vergelijkbare wijken staat eerst "
                      f"de middelste wijk. Tussen haakjes staat de middelste helft van de wijken. De laatste kolom zegt "
                      f"of {self.focus} voor de start net zo veranderde als deze wijken.", "",
                      f"| Indicator | {self.focus} | Vergelijkbare wijken | Voor de start gelijk op |",
                      "|---|---|---|---|", *rows, ""]
        return Markdown("\n".join(lines))

    def voortrend(self) -> HTML:
        return HTML(figures.pretrend(self) or "")

    def andere_wijken(self) -> Markdown:
        """The other wijken of the gemeente, each linked to its profile where the edition has one
        (the ``vw-optional`` role renders plain text when the page is not part of the build)."""
        from .gebied import wijken_van

        focus_codes = set(self.gebied.codes) | {d.binnen for d in self.gebied.delen if d.binnen}
        try:
            wijken = [w for w in wijken_van(self.reg, self.gemeente.code) if w.codes[0] not in focus_codes]
        except KeyError:
            wijken = []
        if not wijken:
            return Markdown("")
        items = [f"{{vw-optional}}`{w.naam} <{self.page.href(profile_page(w, self.meting.jaar)).rsplit('.', 1)[0]}>`"
                 for w in wijken]
        return Markdown(f"In de regio-uitgave van dit boek heeft elke wijk van {self.gemeente.naam} een eigen profiel. "
                        f"Dit zijn de andere wijken:\n\n" + "\n".join(f"- {item}" for item in items))

    def doelen(self) -> Markdown:
        from .denkkader import goals_markdown

        used = {ie.id for ie in self.ev.indicatoren if ie.focus.status != "ontbreekt"}
        return Markdown(goals_markdown(self.reg, self.gemeente.slug, indicators=used))

    def leeswijzer(self) -> Markdown:
        """How to read the page, in short: what each verdict means and which rule made it."""
        lines = [
            f"- **Het gebied.** {self.gebied.toelichting or self._wijk_text()}",
            "- **Cijfers.** Bij elk cijfer staat het jaar waarover het gaat. Ontbreekt een cijfer, dan staat er "
            "waarom. We vullen niets zelf in.",
            "- **Oordeel.** ▲ *gunstiger* en ▼ *ongunstiger* houden rekening met wat goed is: bij roken is minder "
            "beter. Bij cijfers zonder goede of slechte kant staat ↑ *hoger* of ↓ *lager*. Is een verschil kleiner "
            "dan de foutmarge, dan staat er = *vergelijkbaar*. Het nummer bij een oordeel verwijst naar de regel die "
            "het oordeel gaf.",
            "- **Verandering.** We zetten de verandering van het gebied naast die van de gemeente en heel "
            "Nederland over dezelfde jaren. Gaat het gebied net zo hard omhoog of omlaag als Nederland, dan staat er "
            "*gelijk op met Nederland*. Zo zie je of een verandering bij de wijk hoort of overal gebeurde.",
            "- **Vergelijkbare wijken** zijn wijken in Nederland die vóór de start op dit gebied leken. Ze laten zien "
            "hoe het had kunnen gaan zonder de aanpak.",
        ]
        if self.gebied.grenswijziging:
            lines.append(f"- **Grenswijziging {self.gebied.grenswijziging.jaar}.** "
                         f"{self.gebied.grenswijziging.toelichting.strip()}")
        return Markdown("\n".join(lines))

    def bronnen(self) -> Markdown:
        used = self._tables_used()
        lines = ["De cijfers op deze pagina komen uit de volgende tabellen:", ""]
        for tabel_id in used:
            t = self.reg.tabel(tabel_id)
            years = sorted(int(y) for y in self.table.loc[self.table["bron_tabel"] == tabel_id, "peiljaar"].unique())
            meting_year = self.meting.peiljaren.get(tabel_id)
            in_meting = f"; in deze meting het jaar {meting_year}" if meting_year else ""
            lines.append(
                f"- **{t.titel}** ({t.uitgever}, tabel {tabel_id}; jaren in dit boek: "
                f"{', '.join(map(str, years))}{in_meting}). Bron: {t.bronvermelding}, licentie {t.licentie}, "
                f"<{t.url}>."
            )
        lines += ["", "**Toelichting**", ""]
        if any(self.reg.tabel(t).modelschatting for t in used):
            lines.append(
                "- De gezondheidscijfers per wijk en buurt zijn schattingen met een rekenmodel, op basis van de "
                "Gezondheidsmonitor Volwassenen en Ouderen van de GGD'en, CBS en RIVM. Lees kleine verschillen en "
                "cijfers van kleine buurten met voorzichtigheid.")
        revisions = [(ie, b) for ie in self.ev.indicatoren for b in ie.herziene_basis if b.gewijzigd]
        if revisions:
            ie, b = revisions[0]
            lines.append(f"- De bron heeft eerdere jaren opnieuw geschat ({b.herziene_tabel} tegenover "
                         f"{b.nulmeting_tabel}). {b.zin(self.reg, ie.decimalen)} Een reeks gebruikt daarom altijd één "
                         f"uitgave van de bron.")
        for t in used:
            note = self.reg.tabel(t).toelichting
            if note and not self.reg.tabel(t).modelschatting:
                lines.append(f"- {t}: {note.strip()}")
        fg = self.gebied
        if fg.grenswijziging:
            lines.append(f"- Grenswijziging: {fg.grenswijziging.toelichting.strip()}")
        if len(fg.delen) > 1:
            lines.append(
                f"- {fg.naam} bestaat uit {nl_list([d.naam for d in fg.delen])}. Aantallen zijn opgeteld; "
                "verhoudingen zijn alleen uit de delen berekend als teller en noemer van hetzelfde jaar bekend zijn. "
                "Anders staan de delen naast elkaar.")
        return Markdown("\n".join(lines))

    def _tables_used(self) -> list[str]:
        used = []
        for ie in self.ev.indicatoren:
            for v in (ie.focus, *ie.referenties.values(), *ie.focus.delen):
                if v.bron_tabel and v.bron_tabel not in used:
                    used.append(v.bron_tabel)
        return used
