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
from ..compare import IndicatorRow, factsheet_rows
from ..data import load_indicators
from ..findings import lower_label
from ..format import anchor, esc, nl_list, nl_value
from ..gebied import Gebied, resolve
from ..paths import kwalitatief_dir
from ..registries import Registries, registries
from ..registry_models import Gemeente
from ..sitemap import Page, Site, site
from . import analyse
from .canon import OVERIG, Dataset, load_dataset

QUOTES_SHOWN = 2
METHOD_LABEL = {
    "focusgroep": "focusgroep", "deurinterview": "gesprek aan de deur", "diepte-interview": "diepte-interview",
    "vragenlijst": "vragenlijst", "straatinterview": "straatinterview", "telefonisch": "telefonisch gesprek",
    "onbekend": "gesprek",
}
FICTIONAL_NOTICE = (
    "Fictief voorbeeld. De gesprekken, citaten en antwoorden op deze pagina zijn verzonnen om te laten zien hoe "
    "de monitor kwalitatief veldwerk verwerkt. Ze gaan niet over echte bewoners of professionals. Alleen de cijfers "
    "uit de kernset, met bron, zijn echt."
)


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
        return analyse.code_counts(self.ds)

    @cached_property
    def groups(self) -> list[str]:
        return sorted(self.ds.deelnemers["groep"].unique())

    # -- sections ---------------------------------------------------------------------------

    def inleiding(self) -> Markdown:
        v = self.ds.veldwerk
        parts = []
        if v.fictief:
            parts += [":::{warning} Fictieve gegevens", FICTIONAL_NOTICE, ":::", ""]
        fs = self.factsheet_href()
        parts += [v.inleiding.strip(), "",
                  f"De cijfers van deze meting staan in de [factsheet {self.meting}]({fs}). Hieronder staan de "
                  f"gesprekken per pijler; aan het eind staan ze naast de cijfers."]
        return Markdown("\n".join(parts))

    def wie(self) -> HTML:
        acts = analyse.activities(self.ds)
        total = int(acts["deelnemers"].sum())
        rows = "".join(
            f"<tr><th scope=\"row\">{esc(r.activiteit)}</th><td>{esc(METHOD_LABEL.get(r.methode, r.methode))}</td>"
            f"<td>{esc(r.groep)}</td><td>{esc(r.periode)}</td><td>{r.deelnemers}</td></tr>"
            for r in acts.itertuples(index=False)
        )
        table = (f'<div class="vw-table-wrap"><table class="vw-table"><caption>Wie we spraken: {total} deelnemers in '
                 f"{len(acts)} activiteiten</caption><thead><tr><th scope=\"col\">Activiteit</th><th scope=\"col\">"
                 f"Methode</th><th scope=\"col\">Groep</th><th scope=\"col\">Periode</th><th scope=\"col\">Deelnemers"
                 f"</th></tr></thead><tbody>{rows}</tbody></table></div>")
        data = acts.assign(methode=acts["methode"].map(lambda m: METHOD_LABEL.get(m, m)))
        chart = alt.Chart(data).mark_bar().encode(
            y=alt.Y("activiteit:N", sort=list(data["activiteit"]), title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("deelnemers:Q", title="deelnemers"),
            color=alt.Color("methode:N", title="Methode", scale=alt.Scale(scheme="tableau10")),
            tooltip=["activiteit", "methode", "groep", "periode", "deelnemers"],
        ).properties(width="container", height=alt.Step(22))
        caption = f"Deelnemers per activiteit ({total} in totaal), gekleurd naar methode."
        figure = charts.figure_html(chart, prefix=f"wie-{self.gebied.key}", caption=caption,
                                    data=acts.rename(columns=str.capitalize), description=caption)
        return HTML(table + figure)

    def pijler(self, pijler_id: str) -> HTML:
        counts = [c for c in self.counts if c.pijler == pijler_id]
        if not counts:
            return HTML('<p class="vw-leeg-tekst">In de gesprekken van deze meting kwam geen thema uit deze pijler '
                        "naar voren.</p>")
        return HTML(self._code_table(counts, pijler_id) + self._code_chart(counts, pijler_id) + self._quotes(counts))

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
        caption = ("Samenhang tussen de hoofdthema's: het aantal deelnemers dat beide thema's noemde (op de diagonaal: "
                   "het thema zelf). Aantallen van 1 tot en met 4 staan er als '< 5'.")
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
            caption = (f"Antwoorden op de vragenlijst (tot {n} respondenten per stelling): links de oneens-antwoorden, "
                       f"rechts de eens-antwoorden, neutraal in het midden.")
            pct = self.reg.kernset.eenheden["procent"]
            table = shown.assign(aandeel=shown["aandeel"].map(lambda v: nl_value(v, pct)))[
                ["tekst", "antwoord", "aandeel", "geldig"]].rename(
                columns={"tekst": "Stelling", "antwoord": "Antwoord", "aandeel": "Aandeel", "geldig": "Antwoorden"})
            parts.append(charts.figure_html(chart, prefix=f"vragenlijst-{self.gebied.key}",
                                            caption=caption, data=table, description=caption))
        if hidden:
            parts.append(f"<p>Niet getoond wegens minder dan {analyse.MIN_CELL} antwoorden: "
                         f"{esc(nl_list(hidden))}.</p>")
        return HTML("".join(parts))

    def naast_de_cijfers(self) -> Markdown:
        """Each pijler's themes beside the same pijler's kernset indicators for this meting."""
        rows = factsheet_rows(load_indicators(gemeente=self.gemeente.code), self.reg, self.gebied, self.meting)
        lines = []
        for p in self.reg.kernset.pijlers:
            if p.context:
                continue
            heading = f"{p.nummer}. {p.label}"
            themes = [c for c in self.counts if c.pijler == p.id and c.depth == 0 and c.totaal > 0]
            theme_text = nl_list([f"{lower_label(c.label)} ({analyse.shown_count(c.totaal)} deelnemers)"
                                  for c in themes]) or "geen thema uit de gesprekken"
            figures = [_indicator_phrase(r, self.reg) for r in rows if r.indicator.pijler == p.id]
            figures = [f for f in figures if f]
            figure_text = "; ".join(figures) if figures else "geen cijfer voor deze meting"
            lines += [f"**{heading}.** Gesprekken: {theme_text}. Cijfers voor {self.gebied.naam}: "
                      f"{figure_text}. [Naar de factsheet]({self.factsheet_href(heading)})", ""]
        return Markdown("\n".join(lines))

    def doelen(self) -> Markdown:
        from ..denkkader import goals_markdown

        return Markdown(goals_markdown(self.reg, self.gemeente.slug, codes=set(self.ds.codeboek["code_id"])))

    # -- pieces ---------------------------------------------------------------------------------

    def _code_table(self, counts: list[analyse.CodeCount], pijler_id: str) -> str:
        head = "".join(f'<th scope="col">{esc(g)}</th>' for g in self.groups)
        body = []
        for c in counts:
            indent = "↳ " * c.depth
            row = analyse.suppress_row({g: c.per_groep.get(g, 0) for g in self.groups}, c.totaal)
            cells = "".join(f'<td class="vw-n">{row[g]}</td>' for g in self.groups)
            body.append(f'<tr><th scope="row">{indent}{esc(c.label)}</th><td class="vw-n">'
                        f"{analyse.shown_count(c.totaal)}</td>{cells}</tr>")
        label = self.reg.pijler(pijler_id).label if pijler_id != OVERIG else "Overige thema's"
        n = len(self.ds.deelnemers)
        return (f'<div class="vw-table-wrap"><table class="vw-table vw-deelnemers"><caption>{esc(label)}: aantal '
                f"deelnemers dat een thema noemde (van {n}; aantallen van 1 tot en met 4 als '< 5'; "
                f"'{analyse.SECONDARY}': verborgen zodat een '< 5' niet uit het totaal is af te leiden)</caption>"
                f'<thead><tr><th scope="col">Thema</th><th scope="col">Totaal</th>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table></div>")

    def _code_chart(self, counts: list[analyse.CodeCount], pijler_id: str) -> str:
        records = []
        for c in counts:
            row = analyse.suppress_row(c.per_groep, c.totaal)
            records += [{"thema": c.label, "groep": g, "n": n} for g, n in c.per_groep.items() if row[g].isdigit()
                        and n >= analyse.MIN_CELL]
        if not records:
            return ""
        data = pd.DataFrame(records)
        chart = alt.Chart(data).mark_bar().encode(
            y=alt.Y("thema:N", sort=[c.label for c in counts], title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("n:Q", title="deelnemers", stack="zero"),
            color=alt.Color("groep:N", title="Groep", scale=alt.Scale(scheme="set2")),
            tooltip=[alt.Tooltip("thema:N", title="Thema"), alt.Tooltip("groep:N", title="Groep"),
                     alt.Tooltip("n:Q", title="Deelnemers")],
        ).properties(width="container", height=alt.Step(22))
        caption = ("Deelnemers per thema en groep. Alleen groepen met 5 of meer deelnemers bij een thema staan in de "
                   "figuur; kleinere aantallen zijn weggelaten om niemand herkenbaar te maken.")
        table = data.rename(columns={"thema": "Thema", "groep": "Groep", "n": "Deelnemers"})
        return charts.figure_html(chart, prefix=f"themas-{self.gebied.key}-{pijler_id}",
                                  caption=caption, data=table, description=caption)

    def _quotes(self, counts: list[analyse.CodeCount]) -> str:
        parts = []
        for c in counts:
            if c.depth != 0:
                continue
            q = analyse.quotes(self.ds, c.code_id)
            if q.empty:
                continue
            shown = "".join(_quote_html(r) for r in q.head(QUOTES_SHOWN).itertuples(index=False))
            more = ""
            if len(q) > QUOTES_SHOWN:
                rest = "".join(_quote_html(r) for r in q.iloc[QUOTES_SHOWN:].itertuples(index=False))
                more = (f'<details class="vw-citaten"><summary>Meer citaten over {esc(lower_label(c.label))} '
                        f"({len(q) - QUOTES_SHOWN})</summary>{rest}</details>")
            parts.append(f'<div class="vw-thema"><h4>{esc(c.label)}</h4>{shown}{more}</div>')
        return "".join(parts)


def _quote_html(r) -> str:
    who = f"{r.groep}, {METHOD_LABEL.get(r.methode, r.methode)}"
    return f'<blockquote class="vw-citaat"><p>“{esc(r.tekst)}”</p><footer>— {esc(who)}</footer></blockquote>'


def _indicator_phrase(r: IndicatorRow, reg: Registries) -> str:
    if not r.focus.beschikbaar:
        return ""
    eenheid = reg.kernset.eenheden[r.indicator.eenheid]
    text = f"{lower_label(r.indicator.label)} {nl_value(r.focus.waarde, eenheid)} ({r.focus.peiljaar})"
    if r.tov_gemeente.judged:
        text += f", {r.tov_gemeente.oordeel} dan de gemeente"
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
