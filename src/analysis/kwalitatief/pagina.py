"""One narrative page: the qualitative fieldwork of a gemeente in one meting.

Called from notebooks/kwalitatief.ipynb; every method returns something Jupyter displays.
Participant counts in cells that break people down carry the class ``vw-n`` so that the
privacy gate can check that nothing from 1 to 4 is shown as a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import altair as alt
import pandas as pd
from IPython.display import HTML, Markdown

from .. import charts
from ..evaluation.model import IndicatorEvaluation
from ..evaluation.text import lower_first
from ..evaluation.words import level_text
from ..format import anchor, esc, nl_list, nl_value
from ..gebied import Gebied, resolve
from ..paths import kwalitatief_dir
from ..registries import Registries, registries
from ..registry_models import Gemeente
from ..sitemap import Page, Site, site
from ..tables import ref_names, value_text
from . import analyse
from .canon import OVERIG, Dataset, load_dataset

QUOTES_SHOWN = 2
METHOD_LABEL = {
    "focusgroep": "focusgroep", "deurinterview": "gesprek aan de deur", "diepte-interview": "diepte-interview",
    "vragenlijst": "vragenlijst", "straatinterview": "straatinterview", "telefonisch": "telefonisch gesprek",
    "onbekend": "gesprek",
}
FICTIONAL_NOTICE = (
    "Fictief voorbeeld. Alles op deze pagina is verzonnen: de gesprekken, de citaten en de antwoorden. Zo laten we "
    "zien hoe de monitor gesprekken verwerkt. Het gaat niet over echte bewoners of professionals. Alleen de cijfers "
    "uit de kernset zijn echt. Bij die cijfers staat de bron."
)
NO_THEME = "Bij deze pijler staat geen thema. Een thema staat hier alleen als 5 of meer deelnemers het noemden."


def dataset_folder(gemeente: Gemeente, meting: int, root: Path | None = None) -> Path:
    return (root or kwalitatief_dir()) / gemeente.slug / str(meting)


@dataclass
class Verhaal:
    reg: Registries
    gemeente: Gemeente
    meting: int
    ds: Dataset

    @classmethod
    def load(cls, gemeente: str, meting: int | str, registries_folder: str | None = None) -> "Verhaal":
        reg = registries(registries_folder or None)
        g = reg.gemeente(gemeente)
        ds = load_dataset(dataset_folder(g, int(meting)), reg)
        return cls(reg, g, int(meting), ds)

    @cached_property
    def site(self) -> Site:
        return site(self.reg)

    @cached_property
    def page(self) -> Page:
        return self.site.find("verhaal", gemeente=self.gemeente.code, meting=self.meting)

    @cached_property
    def gebied(self) -> Gebied:
        """The focus area the conversations are about (the gemeente's first, in registry order)."""
        return resolve(self.reg, self.page.gebied)

    def factsheet_href(self, heading: str = "") -> str:
        target = self.site.find("factsheet", gebied=self.gebied.key, meting=self.meting)
        return self.page.href(target, anchor(heading) if heading else "")

    @cached_property
    def counts(self) -> list[analyse.CodeCount]:
        """The shown themes (5 or more counted participants): every section uses these."""
        return analyse.code_counts(self.ds)

    @cached_property
    def groups(self) -> list[str]:
        return sorted(analyse.counted(self.ds)["groep"].unique())

    def themes(self, pijler_id: str) -> list[tuple[analyse.CodeCount, int]]:
        """(theme, depth) of a pijler, as its table shows them and its summary names them."""
        return analyse.pijler_themes(self.counts, pijler_id)

    # -- sections ---------------------------------------------------------------------------

    def inleiding(self) -> Markdown:
        v = self.ds.veldwerk
        parts = []
        if v.fictief:
            parts += [":::{warning} Fictieve gegevens", FICTIONAL_NOTICE, ":::", ""]
        if v.onvolledig:
            parts += [":::{note} Onvolledige gegevens", v.onvolledig.strip(), ":::", ""]
        fs = self.factsheet_href()
        parts += [v.inleiding.strip(), "",
                  f"De cijfers van deze meting staan in de [factsheet {self.meting}]({fs}). Eerst leest u wie we "
                  f"spraken. Daarna volgen de thema's per pijler. Aan het eind staan de gesprekken naast de cijfers."]
        return Markdown("\n".join(parts))

    def wie(self) -> HTML:
        acts = analyse.activities(self.ds)
        total = len(self.ds.deelnemers)
        rows = "".join(
            f"<tr><th scope=\"row\">{esc(r.activiteit)}</th><td>{esc(METHOD_LABEL.get(r.methode, r.methode))}</td>"
            f"<td>{esc(r.groep)}</td><td>{esc(r.periode)}</td><td class=\"vw-n\">{esc(r.getoond)}</td></tr>"
            for r in acts.itertuples(index=False)
        )
        table = (f'<div class="vw-table-wrap"><table class="vw-table"><caption>Wie we spraken: {total} deelnemers in '
                 f"{len(acts)} activiteiten</caption><thead><tr><th scope=\"col\">Activiteit</th><th scope=\"col\">"
                 f"Methode</th><th scope=\"col\">Groep</th><th scope=\"col\">Periode</th><th scope=\"col\">Deelnemers"
                 f"</th></tr></thead><tbody>{rows}</tbody></table></div>")
        shown = acts[acts["getoond"].str.isdigit()]
        data = shown.assign(methode=shown["methode"].map(lambda m: METHOD_LABEL.get(m, m)))[
            ["activiteit", "methode", "groep", "periode", "deelnemers"]]
        chart = alt.Chart(data).mark_bar().encode(
            y=alt.Y("activiteit:N", sort=list(data["activiteit"]), title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("deelnemers:Q", title="deelnemers"),
            color=alt.Color("methode:N", title="Methode", scale=alt.Scale(scheme="tableau10")),
            tooltip=["activiteit", "methode", "groep", "periode", "deelnemers"],
        ).properties(width="container", height=alt.Step(22))
        caption = f"Deelnemers per activiteit ({total} in totaal), gekleurd naar methode."
        if len(shown) < len(acts):
            caption += " Een activiteit met een verborgen aantal staat niet in de figuur."
        figure = charts.figure_html(chart, prefix=f"wie-{self.gebied.key}", caption=caption,
                                    data=data.rename(columns=str.capitalize), description=caption)
        note = ""
        if (acts["getoond"] != acts["deelnemers"].astype(str)).any():
            note += (f"<p>Een aantal van 1 tot en met 4 staat er als '{analyse.SUPPRESSED}'. Bij '{analyse.SECONDARY}' "
                     f"is het aantal verborgen. Anders kunt u het kleine aantal uitrekenen uit het totaal.</p>")
        if analyse.left_out(self.ds):
            note += ("<p>Sommige groepen waren kleiner dan 5 mensen. Wat zij zeiden, telt niet mee in de thema's, de "
                     "figuren en de citaten. Zo is niemand te herkennen.</p>")
        return HTML(table + note + figure)

    def pijler(self, pijler_id: str) -> HTML:
        themes = self.themes(pijler_id)
        if not themes:
            return HTML(f'<p class="vw-leeg-tekst">{NO_THEME}</p>')
        return HTML(self._code_table(themes, pijler_id) + self._code_chart(themes, pijler_id) + self._quotes(themes))

    def overig(self) -> HTML:
        return self.pijler(OVERIG)

    def samenhang(self) -> HTML:
        top = [c for c in self.counts if c.depth == 0]
        if len(top) < 2:
            return HTML("<p>Er zijn te weinig hoofdthema's om samenhang te tonen.</p>")
        co = analyse.cooccurrence(self.ds, [c.code_id for c in top])
        labels = {c.code_id: c.label for c in top}
        co = co.assign(thema_a=co["code_a"].map(labels), thema_b=co["code_b"].map(labels),
                       getoond=co["n"].map(analyse.shown_count),
                       waarde=co["n"].where(~co["n"].map(analyse.is_suppressed)))
        co = co[["code_a", "code_b", "thema_a", "thema_b", "getoond", "waarde"]]  # never the raw small counts
        order = [labels[c.code_id] for c in top]
        base = alt.Chart(co).encode(
            x=alt.X("thema_a:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40, labelLimit=180)),
            y=alt.Y("thema_b:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
        )
        cells = base.mark_rect(stroke="#ffffff").encode(
            color=alt.condition("datum.waarde != null",
                                alt.Color("waarde:Q", title="deelnemers", scale=alt.Scale(scheme="blues")),
                                alt.value("#e6e6e6")),
            tooltip=[alt.Tooltip("thema_a:N", title="Thema"), alt.Tooltip("thema_b:N", title="en thema"),
                     alt.Tooltip("getoond:N", title="Deelnemers")],
        )
        text = base.mark_text(fontSize=11).encode(text="getoond:N")
        chart = alt.layer(cells, text).properties(width=alt.Step(46), height=alt.Step(26))
        caption = ("Hoeveel deelnemers twee hoofdthema's allebei noemden. Op de diagonaal staat het thema zelf. "
                   "Aantallen van 1 tot en met 4 staan er als '< 5'.")
        table = co[co["code_a"] <= co["code_b"]][["thema_a", "thema_b", "getoond"]].rename(
            columns={"thema_a": "Thema", "thema_b": "En thema", "getoond": "Deelnemers"})
        return HTML(charts.figure_html(chart, prefix=f"samenhang-{self.gebied.key}", caption=caption,
                                       data=table, description=caption))

    def vragenlijst(self) -> HTML:
        vl = self.ds.veldwerk.vragenlijst
        if vl is None:
            return HTML("<p>Bij deze meting hoorde geen vragenlijst met antwoordschalen.</p>")
        lk = analyse.likert(self.ds)
        shown = lk[lk["geldig"] >= analyse.MIN_CELL]
        hidden = sorted(set(lk["tekst"]) - set(shown["tekst"]))
        parts = []
        if not shown.empty:
            chart = likert_chart(shown, vl.schaal)
            n = int(shown["geldig"].max())
            caption = (f"Antwoorden op de vragenlijst (tot {n} mensen per stelling). Links staat oneens, rechts staat "
                       f"eens. Neutraal staat in het midden.")
            pct = self.reg.kernset.eenheden["procent"]
            table = shown.assign(aandeel=shown["aandeel"].map(lambda v: nl_value(v, pct)))[
                ["tekst", "antwoord", "aandeel", "geldig"]].rename(
                columns={"tekst": "Stelling", "antwoord": "Antwoord", "aandeel": "Aandeel", "geldig": "Antwoorden"})
            parts.append(charts.figure_html(chart, prefix=f"vragenlijst-{self.gebied.key}",
                                            caption=caption, data=table, description=caption))
        if hidden:
            parts.append(f"<p>Deze stellingen hadden minder dan {analyse.MIN_CELL} antwoorden. Ze staan er niet: "
                         f"{esc(nl_list(hidden))}.</p>")
        return HTML("".join(parts))

    def naast_de_cijfers(self) -> Markdown:
        """Each pijler's themes beside the same pijler's kernset indicators for this meting; the
        themes are exactly the main themes of the pijler's table (``themes``), the figures and
        verdicts those of the factsheet (the same evaluation)."""
        from ..factsheet import Factsheet

        ev = Factsheet.load(self.gebied.key, self.meting, str(self.reg.folder)).ev
        names = ref_names(ev)
        naam = self.gebied.naam
        lines = []
        for p in self.reg.kernset.pijlers:
            if p.context:
                continue
            heading = f"{p.nummer}. {p.label}"
            themes = [c for c, depth in self.themes(p.id) if depth == 0]
            theme_text = (nl_list([f"{lower_first(c.label)} ({c.totaal} deelnemers)" for c in themes])
                          or "geen thema dat 5 of meer deelnemers noemden")
            figures = [_indicator_phrase(self.reg, ie, names) for ie in ev.indicatoren if ie.pijler == p.id]
            figures = [f for f in figures if f]
            figure_text = ". ".join(f[:1].upper() + f[1:] if i else f for i, f in enumerate(figures)) \
                if figures else "geen cijfer voor deze meting"  # one short sentence per figure
            lines += [f"**{heading}.** In de gesprekken: {theme_text}. Cijfers voor {naam}: {figure_text}. "
                      f"[Naar de factsheet]({self.factsheet_href(heading)})", ""]
        return Markdown("\n".join(lines))

    def doelen(self) -> Markdown:
        from ..denkkader import goals_markdown

        labels = {c.code_id: lower_first(c.label) for c in self.counts}
        return Markdown(goals_markdown(self.reg, self.gemeente.slug, codes=set(labels), code_labels=labels))

    # -- pieces ---------------------------------------------------------------------------------

    def _code_table(self, themes: list[tuple[analyse.CodeCount, int]], pijler_id: str) -> str:
        head = "".join(f'<th scope="col">{esc(g)}</th>' for g in self.groups)
        body = []
        for c, depth in themes:
            indent = "↳ " * depth
            row = analyse.suppress_row({g: c.per_groep.get(g, 0) for g in self.groups}, c.totaal)
            cells = "".join(f'<td class="vw-n">{row[g]}</td>' for g in self.groups)
            body.append(f'<tr><th scope="row">{indent}{esc(c.label)}</th><td class="vw-n">{c.totaal}</td>{cells}</tr>')
        label = self.reg.pijler(pijler_id).label if pijler_id != OVERIG else "Overige thema's"
        n = len(analyse.counted(self.ds))
        return (f'<div class="vw-table-wrap"><table class="vw-table vw-deelnemers"><caption>{esc(label)}: hoeveel '
                f"deelnemers een thema noemden (van {n}). Een aantal van 1 tot en met 4 staat er als '< 5'. Bij "
                f"'{analyse.SECONDARY}' is het aantal verborgen, zodat u een '< 5' niet kunt uitrekenen.</caption>"
                f'<thead><tr><th scope="col">Thema</th><th scope="col">Totaal</th>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table></div>")

    def _code_chart(self, themes: list[tuple[analyse.CodeCount, int]], pijler_id: str) -> str:
        records = []
        for c, _ in themes:
            row = analyse.suppress_row(c.per_groep, c.totaal)
            records += [{"thema": c.label, "groep": g, "n": n} for g, n in c.per_groep.items() if row[g].isdigit()
                        and n >= analyse.MIN_CELL]
        if not records:
            return ""
        data = pd.DataFrame(records)
        chart = alt.Chart(data).mark_bar().encode(
            y=alt.Y("thema:N", sort=[c.label for c, _ in themes], title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("n:Q", title="deelnemers", stack="zero"),
            color=alt.Color("groep:N", title="Groep", scale=alt.Scale(scheme="set2")),
            tooltip=[alt.Tooltip("thema:N", title="Thema"), alt.Tooltip("groep:N", title="Groep"),
                     alt.Tooltip("n:Q", title="Deelnemers")],
        ).properties(width="container", height=alt.Step(22))
        caption = ("Deelnemers per thema en groep. Een groep staat alleen in de figuur als 5 of meer deelnemers uit "
                   "die groep het thema noemden. Zo is niemand te herkennen.")
        table = data.rename(columns={"thema": "Thema", "groep": "Groep", "n": "Deelnemers"})
        return charts.figure_html(chart, prefix=f"themas-{self.gebied.key}-{pijler_id}",
                                  caption=caption, data=table, description=caption)

    def _quotes(self, themes: list[tuple[analyse.CodeCount, int]]) -> str:
        parts = []
        for c, depth in themes:
            if depth != 0:
                continue
            q = analyse.quotes(self.ds, c.code_id)
            if q.empty:
                continue
            shown = "".join(_quote_html(r) for r in q.head(QUOTES_SHOWN).itertuples(index=False))
            more = ""
            if len(q) > QUOTES_SHOWN:
                rest = "".join(_quote_html(r) for r in q.iloc[QUOTES_SHOWN:].itertuples(index=False))
                more = (f'<details class="vw-citaten"><summary>Meer citaten over {esc(lower_first(c.label))} '
                        f"({len(q) - QUOTES_SHOWN})</summary>{rest}</details>")
            parts.append(f'<div class="vw-thema"><h4>{esc(c.label)}</h4>{shown}{more}</div>')
        return "".join(parts)


def _quote_html(r) -> str:
    who = f"{r.groep}, {METHOD_LABEL.get(r.methode, r.methode)}"
    return f'<blockquote class="vw-citaat"><p>“{esc(r.tekst)}”</p><footer>— {esc(who)}</footer></blockquote>'


def _indicator_phrase(reg: Registries, ie: IndicatorEvaluation, names: dict[str, str]) -> str:
    if not ie.focus.beschikbaar or ie.onderdrukt:
        return ""
    text = f"{lower_first(ie.indicator.label)} {value_text(reg, ie, ie.focus)} ({ie.focus.peiljaar})"
    v = ie.tov.get("gemeente")
    if v is not None and v.judged:
        text += f", {level_text(v, names['gemeente'])}"
    return text


def likert_chart(data: pd.DataFrame, schaal: list[str]) -> alt.Chart:
    """Diverging stacked bars: disagreement left of zero, agreement right, neutral split."""
    k = len(schaal)
    mid = k // 2 if k % 2 else None
    records = []
    for item, grp in data.groupby("tekst", sort=False):
        share = dict(zip(grp["antwoord"], grp["aandeel"]))
        left = sum(share[s] for s in schaal[: k // 2]) + (share[schaal[mid]] / 2 if mid is not None else 0)
        start = -left
        for s in schaal:
            records.append({"stelling": item, "antwoord": s, "start": start, "end": start + share[s],
                            "aandeel": round(share[s], 1), "n": int(grp["geldig"].iloc[0])})
            start += share[s]
    frame = pd.DataFrame(records)
    colors = ["#b2182b", "#ef8a62", "#d9d9d9", "#67a9cf", "#2166ac"] if k == 5 else None
    scale = alt.Scale(domain=schaal, range=colors) if colors else alt.Scale(domain=schaal, scheme="redblue")
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y("stelling:N", sort=list(dict.fromkeys(frame["stelling"])), title=None,
                axis=alt.Axis(labelLimit=420)),
        x=alt.X("start:Q", title="aandeel van de antwoorden (%)", scale=alt.Scale(domain=[-100, 100])),
        x2="end:Q",
        color=alt.Color("antwoord:N", title="Antwoord", scale=scale, sort=schaal,
                        legend=alt.Legend(columns=3, labelLimit=160)),
        tooltip=[alt.Tooltip("stelling:N", title="Stelling"), alt.Tooltip("antwoord:N", title="Antwoord"),
                 alt.Tooltip("aandeel:Q", title="Aandeel (%)", format=",.1f"), alt.Tooltip("n:Q", title="Antwoorden")],
    ).properties(width="container", height=alt.Step(26))
