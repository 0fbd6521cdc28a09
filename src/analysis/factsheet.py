"""One factsheet: a focus area in one meting, against its gemeente and Nederland.

The template notebook (notebooks/factsheet.ipynb) only calls the methods below; each
returns something Jupyter displays (Markdown or HTML), so the published page shows
results and no code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd
from IPython.display import HTML, Markdown

from . import charts
from .compare import IndicatorRow, factsheet_rows
from .data import area_names, load_area_table, load_areas, load_geometry
from .findings import findings
from .format import esc, nl_count, nl_list, nl_value
from .gebied import Gebied, resolve
from .registries import Registries, registries
from .registry_models import Meting
from .sitemap import Page, Site, factsheet_page, profile_page, site
from .processed import GEOMETRIE_INDELING
from .tables import definitions_html, pijler_table

MAP_INDELING = GEOMETRIE_INDELING


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

    @property
    def gemeente(self):
        return self.gebied.gemeente

    @cached_property
    def site(self) -> Site:
        return site(self.reg)

    @cached_property
    def page(self) -> Page:
        if self.gebied.is_focus:
            return factsheet_page(self.gebied, self.meting.jaar, several=False)
        return profile_page(self.gebied, self.meting.jaar)

    # -- helpers ----------------------------------------------------------------------------

    @cached_property
    def rows(self) -> list[IndicatorRow]:
        return factsheet_rows(self.table, self.reg, self.gebied, self.meting.jaar)

    def rows_of(self, pijler: str) -> list[IndicatorRow]:
        return [r for r in self.rows if r.indicator.pijler == pijler]

    @cached_property
    def _names(self) -> dict[str, str]:
        names = area_names(self.areas)
        for deel in self.gebied.delen:
            names[deel.code] = deel.naam
        return names

    def area_name(self, code: str) -> str:
        return self._names.get(code, code)

    @property
    def focus(self) -> str:
        return self.gebied.naam

    # -- sections -----------------------------------------------------------------------------

    def leeswijzer(self) -> Markdown:
        m = self.meting
        fg = self.gebied
        peiljaren = ", ".join(f"{t} → {p}" for t, p in sorted(m.peiljaren.items()))
        procent = self.reg.kernset.eenheden["procent"]
        pijlers = nl_count(sum(1 for p in self.reg.kernset.pijlers if not p.context))
        kind = "Deze factsheet" if fg.is_focus else "Dit wijkprofiel"
        lines = [
            f"{kind} hoort bij de **{m.label.lower()}** van de Monitor Regiodeal Vitale Wijken. "
            f"Ze zet de kernset van de monitor voor **{fg.naam}** naast de gemeente {self.gemeente.naam} "
            f"en heel Nederland, in {pijlers} pijlers.",
            "",
            f"- **Het gebied.** {fg.toelichting.strip() or self._wijk_text()}",
            f"- **Peiljaren.** Elke bron levert voor deze meting één peiljaar (tabel → peiljaar: {peiljaren}); "
            f"bij elk cijfer staat het peiljaar en de brontabel.",
            f"- **Oordeel.** ▲ *gunstiger* en ▼ *ongunstiger* houden rekening met de richting van de indicator "
            f"(bij roken is lager gunstiger). Bij indicatoren zonder goede of slechte richting staat ↑ *hoger* of "
            f"↓ *lager*. Verschillen kleiner dan {nl_value(procent.drempel, procent, with_unit=False)} "
            f"procentpunt (of 5 procent van de waarde bij andere eenheden) heten *vergelijkbaar*: de "
            f"schattingen zijn niet preciezer.",
            "- **Ontbrekende cijfers** staan er als *ontbreekt*, met in een voetnoot de reden. Er wordt niets "
            "bijgeschat of ingevuld.",
        ]
        if fg.grenswijziging:
            lines.append(f"- **Grenswijziging {fg.grenswijziging.jaar}.** {fg.grenswijziging.toelichting.strip()}")
        verhaal = self.narrative_page
        if verhaal is not None:
            lines.append(f"- **Gesprekken.** Bij deze meting horen ook gesprekken met bewoners en professionals: "
                         f"[Gesprekken {self.meting.jaar}]({self.page.href(verhaal)}).")
        return Markdown("\n".join(lines))

    def _wijk_text(self) -> str:
        """What a wijk profile says about its area (focus areas have their own text in gebieden.yml)."""
        code = self.gebied.codes[0]
        text = f"{self.gebied.naam} ({code}) is een wijk in de gemeente {self.gemeente.naam}."
        focus = [self.reg.focusgebied(slug) for slug in self.gebied.in_focusgebieden]
        if focus:
            links = [f"[{f.naam}]({self.page.href(self.site.find('factsheet', gebied=f.slug, meting=self.meting.jaar))})"
                     for f in focus]
            text += f" Het focusgebied {nl_list(links)} ligt in deze wijk of valt ermee samen."
        else:
            text += " Het is geen focusgebied van de monitor; het profiel toont de cijfers die voor elke wijk bestaan."
        return text

    @property
    def narrative_page(self) -> Page | None:
        if not self.gebied.is_focus:
            return None
        return self.site.find("verhaal", gemeente=self.gemeente.code, meting=self.meting.jaar)

    def downloads(self) -> HTML:
        """Links to the printable PDF and the figures of this page (written after the build)."""
        from .sitemap import SITE_DOWNLOADS

        labels = {"pdf": "Factsheet als pdf (A4)", "csv": "Cijfers van deze pagina (csv)"}
        links = [f'<a class="vw-download" href="{self.page.download_href(name)}" download>{labels[kind]}</a>'
                 for kind, name in self.page.downloads.items()]
        links.append(f'<a class="vw-download" href="{self.page.download_href(SITE_DOWNLOADS["kernset"])}" download>'
                     f'Alle cijfers van de kernset (csv)</a>')
        return HTML(f'<p class="vw-downloads">{" ".join(links)}</p>')

    def kerncijfers(self) -> HTML:
        rows = self.rows_of("kerncijfers")
        caption = f"Kerncijfers van {self.focus}, {self.gemeente.naam} en Nederland ({self.meting.label})"
        return HTML(pijler_table(rows, self.reg, self.gebied, self.meting.jaar, caption, self.area_name,
                                 "noot-kerncijfers") + definitions_html(rows, self.reg))

    def bevindingen(self) -> Markdown:
        sentences = findings(self.rows, self.reg, self.gebied, self.meting.jaar, self.area_name)
        return Markdown("\n".join(f"- {s}" for s in sentences))

    def pijler(self, pijler_id: str) -> HTML:
        p = self.reg.pijler(pijler_id)
        rows = self.rows_of(pijler_id)
        parts = [f'<p class="vw-pijler-intro">{esc(p.omschrijving)}</p>']
        caption = f"{p.label}: {self.focus} vergeleken met {self.gemeente.naam} en Nederland ({self.meting.label})"
        parts.append(pijler_table(rows, self.reg, self.gebied, self.meting.jaar, caption, self.area_name,
                                  f"noot-{pijler_id}"))
        parts.append(definitions_html(rows, self.reg))
        comparison = self._comparison_figure(p.label, rows)
        if comparison:
            parts.append(comparison)
        trend = self._trend_figure(p.label, pijler_id)
        if trend:
            parts.append(trend)
        return HTML("".join(parts))

    def doelen(self) -> Markdown:
        from .denkkader import goals_markdown

        used = {r.indicator.id for r in self.rows if r.focus.status != "ontbreekt"}
        return Markdown(goals_markdown(self.reg, self.gemeente.slug, indicators=used))

    def andere_wijken(self) -> Markdown:
        """The other wijken of the gemeente, each linked to its profile where the edition has one
        (the ``vw-optional`` role renders plain text when the page is not part of the build)."""
        focus_codes = set(self.gebied.codes) | {d.binnen for d in self.gebied.delen if d.binnen}
        from .gebied import wijken_van

        wijken = [w for w in wijken_van(self.reg, self.gemeente.code) if w.codes[0] not in focus_codes]
        if not wijken:
            return Markdown("")
        items = [f"{{vw-optional}}`{w.naam} <{self.page.href(profile_page(w, self.meting.jaar)).rsplit('.', 1)[0]}>`"
                 for w in wijken]
        return Markdown(f"De andere wijken van {self.gemeente.naam}: " + ", ".join(items) + ". In de regio-editie "
                        "van dit boek heeft elke wijk een eigen profiel.")

    def kaart(self) -> HTML:
        return HTML(self._map_figure())

    def bronnen(self) -> Markdown:
        used = self._tables_used()
        lines = ["De cijfers op deze pagina komen uit de volgende tabellen:", ""]
        for tabel_id in used:
            t = self.reg.tabel(tabel_id)
            years = sorted(self.table.loc[self.table["bron_tabel"] == tabel_id, "peiljaar"].unique())
            meting_year = self.meting.peiljaren.get(tabel_id)
            in_meting = f"; in deze meting peiljaar {meting_year}" if meting_year else ""
            lines.append(
                f"- **{t.titel}** ({t.uitgever}, tabel {tabel_id}; peiljaren in dit boek: "
                f"{', '.join(map(str, years))}{in_meting}). Bron: {t.bronvermelding}, licentie {t.licentie}, "
                f"<{t.url}>."
            )
        lines += ["", "**Toelichting**", ""]
        if any(self.reg.tabel(t).modelschatting for t in used):
            lines.append(
                "- De gezondheidscijfers per wijk en buurt zijn modelschattingen (kleine-gebiedsschattingen) op "
                "basis van de Gezondheidsmonitor Volwassenen en Ouderen van de GGD'en, CBS en RIVM. Ze geven geen "
                "marges; lees kleine verschillen en cijfers van kleine buurten met voorzichtigheid."
            )
        if {"50090NED", "50150NED"} <= set(used):
            lines.append(
                "- In 2022 heeft het RIVM de eerdere jaren opnieuw geschat (tabel 50150NED). Daardoor verschilt "
                "hetzelfde jaar tussen de edities (ervaren gezondheid 2020 in de gemeente Utrecht: 80,8% in "
                "50090NED, 81,5% in 50150NED). Een reeks gebruikt altijd één editie; veranderingen sinds de "
                "nulmeting worden binnen één editie berekend."
            )
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
                "verhoudingen zijn alleen uit de delen berekend als teller en noemer van hetzelfde peiljaar "
                "bekend zijn. Anders staan de delen naast elkaar."
            )
        return Markdown("\n".join(lines))

    # -- figures --------------------------------------------------------------------------------

    def _tables_used(self) -> list[str]:
        used = []
        for r in self.rows:
            for v in (r.focus, r.gemeente, r.nederland):
                if v.bron_tabel and v.bron_tabel not in used:
                    used.append(v.bron_tabel)
        return used

    def _comparison_figure(self, pijler_label: str, rows: list[IndicatorRow]) -> str | None:
        records = []
        for r in rows:
            eenheid = self.reg.kernset.eenheden[r.indicator.eenheid]
            if r.indicator.eenheid != "procent":
                continue
            entries = []
            if r.focus.beschikbaar:
                entries.append((self.focus, "focusgebied", r.focus.waarde, r.focus))
            elif r.focus.status == "deels":
                entries += [(self.area_name(p.code), "deel", p.waarde, r.focus) for p in r.focus.delen
                            if p.waarde is not None]
            if not entries:
                continue
            for name, role, v in ((self.gemeente.naam, "gemeente", r.gemeente), ("Nederland", "nederland",
                                                                                 r.nederland)):
                if v.beschikbaar and (v.bron_tabel, v.peiljaar) == (r.focus.bron_tabel, r.focus.peiljaar):
                    entries.append((name, role, v.waarde, v))
            for name, role, waarde, v in entries:
                records.append({"indicator": r.indicator.label, "gebied": name, "rol": role, "waarde": waarde,
                                "tekst": nl_value(waarde, eenheid), "peiljaar": v.peiljaar, "bron": v.bron_tabel})
        if not records:
            return None
        data = pd.DataFrame(records)
        chart = charts.comparison_chart(data, "procent")
        years = sorted({int(y) for y in data["peiljaar"]})
        caption = (f"{pijler_label}: {self.focus} naast {self.gemeente.naam} en Nederland, in procenten "
                   f"(peiljaar {', '.join(map(str, years))}; alleen cijfers uit dezelfde bron en hetzelfde peiljaar).")
        table = data[["indicator", "gebied", "tekst", "peiljaar", "bron"]].rename(columns={
            "indicator": "Indicator", "gebied": "Gebied", "tekst": "Waarde", "peiljaar": "Peiljaar", "bron": "Bron"})
        return charts.figure_html(chart, prefix=f"vergelijking-{self.gebied.key}", caption=caption,
                                  data=table, description=caption)

    def _trend_series(self, pijler_id: str) -> pd.DataFrame:
        inds = [i for i in self.reg.indicatoren_van(pijler_id) if i.bronnen]
        codes = {c: ("deel" if len(self.gebied.delen) > 1 else "focusgebied") for c in self.gebied.codes}
        codes[self.gemeente.code] = "gemeente"
        codes[self.reg.gebieden.nederland.code] = "nederland"
        t = self.table
        sel = t[t["indicator"].isin([i.id for i in inds]) & t["gebied_code"].isin(codes)
                & t["status"].eq("beschikbaar")]
        if sel.empty:
            return sel
        records = []
        labels = {i.id: i.label for i in inds}
        for rec in sel.itertuples(index=False):
            ind = self.reg.indicator(rec.indicator)
            eenheid = self.reg.kernset.eenheden[ind.eenheid]
            gebied = self.area_name(rec.gebied_code) if codes[rec.gebied_code] in ("focusgebied", "deel") else (
                self.gemeente.naam if codes[rec.gebied_code] == "gemeente" else "Nederland")
            records.append({"indicator": f"{labels[rec.indicator]} ({eenheid.label})", "gebied": gebied,
                            "rol": codes[rec.gebied_code], "bron_tabel": rec.bron_tabel,
                            "reeks": f"{gebied} · {rec.bron_tabel}", "peiljaar": int(rec.peiljaar),
                            "waarde": float(rec.waarde), "tekst": nl_value(rec.waarde, eenheid)})
        data = pd.DataFrame(records)
        # Only indicators with more than one peiljaar make a trend.
        spread = data.groupby("indicator")["peiljaar"].nunique()
        return data[data["indicator"].isin(spread[spread > 1].index)]

    def _trend_figure(self, pijler_label: str, pijler_id: str) -> str | None:
        data = self._trend_series(pijler_id)
        if data.empty:
            return None
        order = {i.label: n for n, i in enumerate(self.reg.kernset.indicatoren)}
        data = data.assign(_o=data["indicator"].map(lambda s: order.get(s.rsplit(" (", 1)[0], 99)))
        data = data.sort_values(["_o", "rol", "bron_tabel", "peiljaar"]).drop(columns="_o")
        chart = charts.trend_chart(data, self.reg.metingen.start_monitor)
        years = sorted(data["peiljaar"].unique())
        caption = (f"{pijler_label}: verloop van {years[0]} tot en met {years[-1]} voor {self.focus}, "
                   f"{self.gemeente.naam} en Nederland. Elke lijn is één gebied uit één bron (editie); de "
                   f"stippellijn markeert de start van de monitor in {self.reg.metingen.start_monitor}.")
        table = data[["indicator", "gebied", "peiljaar", "tekst", "bron_tabel"]].rename(columns={
            "indicator": "Indicator", "gebied": "Gebied", "peiljaar": "Peiljaar", "tekst": "Waarde",
            "bron_tabel": "Bron"})
        return charts.figure_html(chart, prefix=f"trend-{self.gebied.key}", caption=caption,
                                  data=table, description=caption)

    def map_choice(self) -> tuple[str, str, int, int, pd.DataFrame] | None:
        """(indicator, table, peiljaar, meting, wijk rows) colouring the map, or None.

        The meting's own figures first, then earlier metingen; only figures in a wijkindeling
        that matches the map.
        """
        metingen = [m for m in self.reg.metingen.metingen if m.jaar <= self.meting.jaar][::-1]
        t = self.table
        for m in metingen:
            for ind_id in self.reg.kernset.kaart:
                ind = self.reg.indicator(ind_id)
                for tabel in dict.fromkeys(b.tabel for b in ind.bronnen):
                    peiljaar = m.peiljaren.get(tabel)
                    if peiljaar is None:
                        continue
                    if not self.gemeente.indeling_vergelijkbaar(self.reg.tabel(tabel).indeling, MAP_INDELING):
                        continue
                    rows = t[(t["indicator"] == ind_id) & (t["bron_tabel"] == tabel) & (t["peiljaar"] == peiljaar)
                             & (t["gebied_niveau"] == "wijk") & (t["gemeente_code"] == self.gemeente.code)
                             & (t["status"] == "beschikbaar")]
                    if len(rows) >= 2:
                        return ind_id, tabel, peiljaar, m.jaar, rows
        return None

    def _map_figure(self) -> str:
        geo = load_geometry()
        feats = [f for f in geo["features"] if f["properties"]["gemeente_code"] == self.gemeente.code
                 and f["properties"]["gebied_niveau"] == "wijk"]
        choice = self.map_choice()
        fg = self.gebied
        outline = ("omlijnd" if all(d.niveau == "wijk" for d in fg.delen)
                   else "gestippeld omlijnd: het is een buurt en buurtgrenzen zitten niet in de kaart, daarom is "
                        "de wijk gemarkeerd waarin het ligt")
        records = []
        if choice is None:
            legend, fmt = "geen cijfer", ",.0f"
            caption = (f"Wijken van {self.gemeente.naam} (indeling {MAP_INDELING}); {fg.naam} is {outline}. Er zijn "
                       f"geen wijkcijfers in de indeling van deze kaart voor deze of een eerdere meting, dus de "
                       f"kaart is niet ingekleurd.")
            values = {}
            eenheid = None
        else:
            ind_id, tabel, peiljaar, m_jaar, rows = choice
            ind = self.reg.indicator(ind_id)
            eenheid = self.reg.kernset.eenheden[ind.eenheid]
            values = dict(zip(rows["gebied_code"], rows["waarde"]))
            legend = f"{ind.label} ({eenheid.label})"
            fmt = ",.1f" if eenheid.decimalen else ",.0f"
            which = "" if m_jaar == self.meting.jaar else (
                f" Voor deze meting zijn er geen wijkcijfers die op deze kaart passen; de kaart toont meting {m_jaar}.")
            caption = (f"Wijken van {self.gemeente.naam} naar {ind.label.lower() if ind.label[1].islower() else ind.label} "
                       f"({eenheid.label}; peiljaar {peiljaar}, bron {tabel}); {fg.naam} is {outline}.{which}")
        map_features = []
        for f in feats:
            code = f["properties"]["gebied_code"]
            waarde = values.get(code)
            tekst = nl_value(waarde, eenheid) if eenheid and waarde is not None else "geen cijfer"
            props = {"naam": f["properties"]["naam"], "waarde": waarde, "tekst": tekst,
                     "focus_rol": f["properties"]["focus_rol"] if f["properties"]["focusgebied"] == fg.key else ""}
            map_features.append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
            records.append({"Wijk": props["naam"], "Code": code, "Waarde": tekst,
                            "Focusgebied": "ja" if props["focus_rol"] else ""})
        chart = charts.map_chart(map_features, legend, fmt)
        return charts.figure_html(chart, prefix=f"kaart-{fg.key}", caption=caption, data=pd.DataFrame(records),
                                  description=caption)
