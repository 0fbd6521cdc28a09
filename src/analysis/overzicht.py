"""The four focus areas side by side ("Vier wijken naast elkaar"), for the province and the
Community of Practice (notebooks/overzicht.ipynb), and the same verdicts for the slide decks.

Every verdict is read from the evaluation model (``evaluate_focus``: the one call a focus
area's factsheet is made from) and worded by ``evaluation.words``: a cell here says exactly
what the factsheet of that area and meting says. A change is shown against each reference
separately (the gemeente and Nederland), in the same words as the factsheet's main verdict.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

import altair as alt
import pandas as pd
from IPython.display import HTML, Markdown

from . import charts
from .evaluation import AreaEvaluation, EvaluationData, IndicatorEvaluation, TrendComparison, Verdict, evaluate_area
from .evaluation.text import fmt_value, lower_first, nl_join
from .evaluation.words import SYMBOL, change_text, level_text
from .format import esc
from .tables import ref_names
from .gebied import Gebied, focus_gebieden, resolve
from .reader_text import bron_naam, plain
from .registries import Registries, registries
from .registry_models import Pijler
from .sitemap import OVERZICHT, REPORT_PDF, SLIDES_HTML, SLIDES_PDF, Page, Site, site

ROLES = ("gemeente", "nederland")
NUMBER_WORDS = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]
# A summary sentence needs at least this many areas with the same verdict.
MIN_AREAS_IN_SUMMARY = 2
MAX_SUMMARY_SENTENCES = 6
MIXED = "wisselend"


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def evaluate_focus(data: EvaluationData, reg: Registries, g: Gebied, meting: int) -> AreaEvaluation:
    """The evaluation of a focus area in a meting, exactly as its factsheet computes it."""
    return evaluate_area(data, reg, g.codes, g.gemeente.code, meting, naam=g.naam)


def for_reference(tc: TrendComparison | None, role: str) -> TrendComparison | None:
    """The change judged against one reference, so that ``change_text`` words that verdict.
    None when the reference has no figure for both peiljaren (``change_text``: not judged)."""
    if tc is None or role not in tc.verdicts:
        return None
    return replace(tc, hoofd=role)


# --- one row of verdicts: an area (or one of its parts) for one indicator in one meting -----------------


@dataclass(frozen=True)
class VerdictRow:
    indicator: str
    gebied: str  # focus area key
    meting: int
    code: str  # CBS code of the part, or the area's codes joined with '+'
    naam: str
    deel: bool  # a part or buurt of the area (the area itself is known only per part)
    status: str  # beschikbaar | deels | ontbreekt
    waarde: str  # formatted, '' when missing
    peiljaar: int | None
    bron_tabel: str | None
    reden: str
    niveau: dict[str, Verdict]  # role -> level verdict
    verandering: dict[str, TrendComparison | None]  # role -> change since the nulmeting ({} in the nulmeting)
    refs: dict[str, str]  # role -> reference name
    hoofd: TrendComparison | None = None  # the change as the model judges it (its main reference)

    def niveau_tekst(self, role: str) -> str:
        return level_text(self.niveau[role], self.refs[role])

    def verandering_tekst(self, role: str) -> str:
        return change_text(self.verandering.get(role), self.refs)

    def hoofd_tekst(self) -> str:
        """The factsheet's verdict on the change since the nulmeting (Nederland first, else the gemeente)."""
        return change_text(self.hoofd, self.refs)

    def hoofd_oordeel(self) -> str:
        return "geen" if self.hoofd is None else self.hoofd.verdict.oordeel

    def niveau_oordeel(self, role: str) -> str:
        return self.niveau[role].oordeel

    def verandering_oordeel(self, role: str) -> str:
        tc = self.verandering.get(role)
        return "geen" if tc is None else tc.verdict.oordeel


def verdict_rows(ev: AreaEvaluation, gebied: str, ie: IndicatorEvaluation) -> list[VerdictRow]:
    """The area's row and, when it is known only per part or buurt, a row per part."""
    refs = ref_names(ev)
    nul = ev.is_nulmeting

    def changes(tc: TrendComparison | None) -> dict[str, TrendComparison | None]:
        return {} if nul else {role: for_reference(tc, role) for role in ROLES}

    f = ie.focus
    rows = [VerdictRow(ie.id, gebied, ev.meting, "+".join(ev.codes), ev.naam, False, f.status,
                       fmt_value(f.waarde, ie.eenheid, ie.decimalen) if f.beschikbaar else "", f.peiljaar,
                       f.bron_tabel, f.reden or "", dict(ie.tov), changes(ie.sinds_nulmeting), refs,
                       None if nul else ie.sinds_nulmeting)]
    for p in ie.delen:
        v = p.value
        rows.append(VerdictRow(ie.id, gebied, ev.meting, p.code, ev.naam_van(p.code), True, v.status,
                               fmt_value(v.waarde, ie.eenheid, ie.decimalen) if v.beschikbaar else "", v.peiljaar,
                               v.bron_tabel, v.reden or "", dict(p.tov), changes(p.sinds_nulmeting), refs,
                               None if nul else p.sinds_nulmeting))
    return rows


def area_oordeel(rows: list[VerdictRow], of) -> str:
    """One verdict for an area: its own, or the verdict all its parts share (else 'wisselend')."""
    whole = rows[0]
    if whole.status == "beschikbaar":
        return of(whole)
    parts = {of(r) for r in rows[1:] if r.status == "beschikbaar"}
    if not parts:
        return "geen"
    return parts.pop() if len(parts) == 1 else MIXED


# --- the four areas in every meting --------------------------------------------------------------------


@dataclass
class Vergelijking:
    """Every focus area in every meting, evaluated once."""

    reg: Registries
    gebieden: list[Gebied]
    evaluaties: dict[tuple[str, int], AreaEvaluation]

    @classmethod
    def build(cls, reg: Registries, data: EvaluationData | None = None,
              metingen: list[int] | None = None) -> "Vergelijking":
        data = data or EvaluationData.load()
        areas = focus_gebieden(reg)
        jaren = metingen or [m.jaar for m in reg.metingen.metingen]
        evs = {(g.key, m): evaluate_focus(data, reg, g, m) for g in areas for m in jaren}
        return cls(reg, areas, evs)

    @property
    def metingen(self) -> list[int]:
        return sorted({m for _, m in self.evaluaties})

    def rows(self, ind_id: str, gebied: str, meting: int) -> list[VerdictRow]:
        ev = self.evaluaties[(gebied, meting)]
        return verdict_rows(ev, gebied, ev.indicator(ind_id))

    def indicators(self, pijler_id: str) -> list[str]:
        return [i.id for i in self.reg.kernset.indicatoren if i.pijler == pijler_id]

    def has_figure(self, ind_id: str, meting: int | None = None) -> bool:
        return any(self.evaluaties[(g.key, m)].indicator(ind_id).focus.status != "ontbreekt"
                   for g in self.gebieden for m in self.metingen if meting is None or m == meting)

    def tables_used(self) -> dict[str, set[int]]:
        """Source table -> the peiljaren of the figures shown (area, parts and references)."""
        used: dict[str, set[int]] = {}
        context = {p.id for p in self.reg.kernset.pijlers if p.context}
        for ev in self.evaluaties.values():
            for ie in ev.indicatoren:
                if ie.pijler in context:
                    continue
                for val in [ie.focus, *(p.value for p in ie.delen), *ie.referenties.values()]:
                    if val.beschikbaar and val.bron_tabel:
                        used.setdefault(val.bron_tabel, set()).add(int(val.peiljaar))
        return used

    @cached_property
    def names(self) -> dict[str, str]:
        """Area code -> name, so reasons read with names instead of CBS codes."""
        out = {d.code: d.naam for g in self.gebieden for d in g.delen}
        for ev in self.evaluaties.values():
            out |= {code: naam for code, naam in ev.referenties.values()}
        return out

    def missing_reasons(self, ind_id: str, meting: int | None = None) -> list[str]:
        reasons = [self.evaluaties[(g.key, m)].indicator(ind_id).focus.reden for g in self.gebieden
                   for m in self.metingen if meting is None or m == meting]
        return list(dict.fromkeys(plain(self.reg, r, self.names) for r in reasons if r))

    # -- summary in plain Dutch ------------------------------------------------------------------------

    def _counts(self, ind_id: str, meting: int, of) -> Counter:
        return Counter(area_oordeel(self.rows(ind_id, g.key, meting), of) for g in self.gebieden)

    def summary(self, pijler_id: str) -> list[str]:
        """Short sentences on what most areas share in a pijler, from the same verdicts as the tables.

        Per indicator: the latest meting where at least two areas have a level verdict against
        their own gemeente, and the latest with a change verdict since the nulmeting. Only
        verdicts shared by at least ``MIN_AREAS_IN_SUMMARY`` areas are told; an area known only
        per part counts when all its parts have the same verdict.
        """
        n = len(self.gebieden)
        level: dict[tuple[int, str, int], list[str]] = {}
        change: dict[tuple[int, str, str, int], list[str]] = {}
        for ind_id in self.indicators(pijler_id):
            label = label_in_sentence(self.reg.indicator(ind_id).label)
            for meting in reversed(self.metingen):
                counts = self._counts(ind_id, meting, lambda r: r.niveau_oordeel("gemeente"))
                shared = {o: k for o, k in counts.items() if o not in ("geen", MIXED) and k >= MIN_AREAS_IN_SUMMARY}
                if shared:
                    for o, k in shared.items():
                        level.setdefault((meting, o, k), []).append(label)
                    break
            for meting in reversed(self.metingen):
                if meting == self.reg.nulmeting.jaar:
                    continue
                counts = self._counts(ind_id, meting, _main_change)
                shared = {o: k for o, k in counts.items() if o not in ("geen", MIXED) and k >= MIN_AREAS_IN_SUMMARY}
                if shared:
                    for o, k in shared.items():
                        oordeel, role = o.split("|")
                        change.setdefault((meting, oordeel, role, k), []).append(label)
                    break
        sentences = [(k, meting, _level_sentence(o, k, n, labels, meting))
                     for (meting, o, k), labels in level.items()]
        sentences += [(k, meting, _change_sentence(o, role, k, n, labels, meting))
                      for (meting, o, role, k), labels in change.items()]
        sentences.sort(key=lambda s: (-s[0], -s[1]))
        return [s for _, _, s in sentences[:MAX_SUMMARY_SENTENCES]]


def _main_change(r: VerdictRow) -> str:
    """The factsheet's verdict on a change: against Nederland when it has one, else the gemeente."""
    for role in ("nederland", "gemeente"):
        tc = r.verandering.get(role)
        if tc is not None and tc.verdict.has_verdict:
            return f"{tc.verdict.oordeel}|{role}"
    return "geen"


def _areas(k: int, n: int) -> str:
    return f"in alle {number_word(n)} wijken" if k == n else f"in {number_word(k)} van de {number_word(n)} wijken"


def label_in_sentence(label: str) -> str:
    """An indicator label inside a sentence: 'Eén of meer …' -> 'één of meer …', 'WOZ-waarde' stays."""
    text = lower_first(label)
    return "éé" + text[2:] if text.startswith("eé") else text


def _which(labels: list[str]) -> str:
    # Labels may hold commas themselves ('…, 65-plussers'): separate them with semicolons.
    return f"Dat geldt voor: {'; '.join(labels)}."


LEVEL_PHRASE = {"gunstiger": "is het cijfer gunstiger dan in de eigen gemeente",
                "ongunstiger": "is het cijfer ongunstiger dan in de eigen gemeente",
                "vergelijkbaar": "is het cijfer vergelijkbaar met de eigen gemeente",
                "hoger": "is het cijfer hoger dan in de eigen gemeente",
                "lager": "is het cijfer lager dan in de eigen gemeente"}
CHANGE_PHRASE = {"gunstiger": "ontwikkelde het cijfer zich gunstiger dan {ref}",
                 "ongunstiger": "ontwikkelde het cijfer zich ongunstiger dan {ref}",
                 "vergelijkbaar": "ging het cijfer gelijk op met {ref}",
                 "hoger": "ging het cijfer meer omhoog dan {ref}",
                 "lager": "ging het cijfer meer omlaag dan {ref}"}


def _level_sentence(oordeel: str, k: int, n: int, labels: list[str], meting: int) -> str:
    return f"Meting {meting}: {_areas(k, n)} {LEVEL_PHRASE[oordeel]}. {_which(labels)}"


def _change_sentence(oordeel: str, role: str, k: int, n: int, labels: list[str], meting: int) -> str:
    ref = "Nederland" if role == "nederland" else "de eigen gemeente"
    return (f"Sinds de nulmeting (meting {meting}): {_areas(k, n)} {CHANGE_PHRASE[oordeel].format(ref=ref)}. "
            f"{_which(labels)}")


def source_lines(reg: Registries, used: dict[str, set[int]]) -> list[str]:
    """One line per source table: title, publisher, table, the peiljaren shown, credit and licence."""
    lines = []
    for tabel_id in sorted(used):
        t = reg.tabel(tabel_id)
        years = ", ".join(str(y) for y in sorted(used[tabel_id]))
        lines.append(f"{t.titel} ({t.uitgever}, tabel {tabel_id}; peiljaren {years}). Bron: {t.bronvermelding}, "
                     f"licentie {t.licentie}.")
    return lines


# --- HTML pieces (shared with the slide decks) -----------------------------------------------------------


def verdict_html(text: str, oordeel: str) -> str:
    """A verdict as symbol and words; the words are exactly those of evaluation.words."""
    symbol = SYMBOL.get(oordeel, SYMBOL["geen"])
    return (f'<span class="vw-oordeel vw-{oordeel}"><span aria-hidden="true">{symbol}</span> '
            f'<span class="vw-woord">{esc(text)}</span></span>')


def verdict_cells(r: VerdictRow, nulmeting: bool) -> str:
    """Two cells: the level against the gemeente and Nederland, and the change since the nulmeting
    against both (each verdict on a line of its own; its words name the reference)."""
    level = "".join(f'<div data-soort="niveau" data-rol="{role}">'
                    f"{verdict_html(r.niveau_tekst(role), r.niveau_oordeel(role))}</div>" for role in ROLES)
    if nulmeting:
        return f'<td>{level}</td><td class="vw-nulmeting">—</td>'
    change = "".join(f'<div data-soort="verandering" data-rol="{role}">'
                     f"{verdict_html(r.verandering_tekst(role), r.verandering_oordeel(role))}</div>" for role in ROLES)
    return f"<td>{level}</td><td>{change}</td>"


def value_html(r: VerdictRow) -> str:
    if r.status == "beschikbaar":
        return f'{esc(r.waarde)}<br><small class="vw-bron">{r.peiljaar} · {esc(r.bron_tabel or "")}</small>'
    if r.status == "deels":
        return '<span class="vw-deels">alleen per deel of buurt ↓</span>'
    return '<span class="vw-ontbreekt">ontbreekt</span>'


def _row_html(r: VerdictRow, nulmeting: bool) -> str:
    attrs = (f'data-indicator="{esc(r.indicator)}" data-gebied="{esc(r.gebied)}" data-meting="{r.meting}" '
             f'data-code="{esc(r.code)}"')
    name = f"↳ {esc(r.naam)}" if r.deel else esc(r.naam)
    head = f'<th scope="row" class="{"vw-deelnaam" if r.deel else "vw-gebiednaam"}">{name}</th>'
    if r.status == "beschikbaar":
        body = verdict_cells(r, nulmeting)
    elif r.status == "deels":
        body = '<td colspan="2" class="vw-leeg">oordelen per deel of buurt: zie de regels hieronder</td>'
    else:
        body = f'<td colspan="2" class="vw-leeg">{esc(r.reden)}</td>'
    return f'<tr {attrs}>{head}<td>{value_html(r)}</td>{body}</tr>'


def indicator_table_html(v: Vergelijking, ind_id: str) -> str:
    ind = v.reg.indicator(ind_id)
    groups = []
    for meting in v.metingen:
        if not v.has_figure(ind_id, meting):
            continue
        rows = [r for g in v.gebieden for r in v.rows(ind_id, g.key, meting)]
        nul = meting == v.reg.nulmeting.jaar
        label = f"Meting {meting}" + (" (nulmeting)" if nul else "")
        groups.append(f'<tbody><tr class="vw-meting-kop"><th colspan="4" scope="rowgroup">{label}</th></tr>'
                      + "".join(_row_html(r, nul) for r in rows) + "</tbody>")
    nul = v.reg.nulmeting.jaar
    head = ('<thead><tr><th scope="col">Gebied</th><th scope="col">Waarde</th><th scope="col">Niveau</th>'
            f'<th scope="col">Verandering sinds {nul}</th></tr></thead>')
    caption = f"{ind.label}: de vier wijken per meting, met het oordeel tegenover de eigen gemeente en Nederland"
    return (f'<div class="vw-table-wrap"><table class="vw-table vw-overzicht" data-indicator="{esc(ind_id)}">'
            f"<caption>{esc(caption)}</caption>{head}{''.join(groups)}</table></div>")


# --- small multiples: one panel per area ---------------------------------------------------------------


def series_frame(v: Vergelijking, ind_id: str) -> pd.DataFrame:
    """Every figure the evaluations hold for an indicator: per area the area (or its parts), its
    gemeente and Nederland, per peiljaar and source table."""
    records = []
    for g in v.gebieden:
        for meting in v.metingen:
            ev = v.evaluaties[(g.key, meting)]
            ie = ev.indicator(ind_id)
            values = [("focusgebied", ev.naam, ie.focus)] if ie.focus.beschikbaar else [
                ("deel", ev.naam_van(p.code), p.value) for p in ie.delen if p.value.beschikbaar]
            if ie.eenheid.vergelijkbaar:  # counts of a gemeente or the country would flatten the wijk's line
                values += [(role, ev.referenties[role][1], val) for role, val in ie.referenties.items()
                           if val.beschikbaar]
            for rol, naam, val in values:
                records.append({"wijk": g.naam, "rol": rol, "gebied": naam, "bron_tabel": val.bron_tabel,
                                "bron": bron_naam(v.reg, val.bron_tabel), "reeks": f"{naam} · {val.bron_tabel}", "peiljaar": int(val.peiljaar),
                                "waarde": float(val.waarde),
                                "tekst": fmt_value(val.waarde, ie.eenheid, ie.decimalen)})
    frame = pd.DataFrame(records, columns=["wijk", "rol", "gebied", "bron_tabel", "bron", "reeks", "peiljaar", "waarde",
                                           "tekst"])
    return frame.drop_duplicates(["wijk", "reeks", "peiljaar"]).reset_index(drop=True)


ROLE_LEGEND = ("{'focusgebied':'de wijk','deel':'deel of buurt van de wijk','gemeente':'eigen gemeente',"
               "'nederland':'Nederland'}[datum.label]")


def small_multiples_chart(data: pd.DataFrame, areas: list[str], unit: str, *, width: int = 250,
                          height: int = 140, columns: int = 2, shared_axis: bool = True) -> alt.FacetChart:
    """One panel per area: the area (or its parts), its gemeente and Nederland, on a shared axis
    (rates); counts of areas of different size get an axis per panel."""
    editions = sorted(data["bron"].unique())
    years = sorted(data["peiljaar"].unique())
    roles = [r for r in charts.ROLE_ORDER if r in set(data["rol"])]
    return alt.Chart(data).mark_line(point=alt.OverlayMarkDef(filled=True, size=40), strokeWidth=2).encode(
        x=alt.X("peiljaar:Q", title="Peiljaar", scale=alt.Scale(domain=[min(years) - 0.5, max(years) + 0.5]),
                axis=alt.Axis(format="d", values=[int(y) for y in years], labelAngle=0)),
        y=alt.Y("waarde:Q", title=unit, scale=alt.Scale(zero=False), axis=alt.Axis(format=",.0f")),
        color=alt.Color("rol:N", title="Lijn", scale=charts.role_scale(roles), legend=alt.Legend(labelExpr=ROLE_LEGEND)),
        strokeDash=alt.StrokeDash("bron:N", title="Bron (editie)",
                                  scale=alt.Scale(domain=editions, range=charts.EDITION_DASH[: len(editions)]),
                                  legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=2, symbolSize=300)),
        detail="reeks:N",
        tooltip=[alt.Tooltip("gebied:N", title="Gebied"), alt.Tooltip("peiljaar:Q", title="Peiljaar", format="d"),
                 alt.Tooltip("tekst:N", title="Waarde"), alt.Tooltip("bron:N", title="Bron")],
    ).properties(width=width, height=height).facet(
        facet=alt.Facet("wijk:N", title=None, sort=areas, header=alt.Header(labelFontWeight="bold", labelFontSize=13)),
        columns=columns,
    ).resolve_scale(y="shared" if shared_axis else "independent")


def indicator_figure_html(v: Vergelijking, ind_id: str, prefix: str = "overzicht", **size) -> str:
    data = series_frame(v, ind_id)
    if data.empty:
        return ""
    ind = v.reg.indicator(ind_id)
    eenheid = v.reg.kernset.eenheden[ind.eenheid]
    chart = small_multiples_chart(data, [g.naam for g in v.gebieden], eenheid.label,
                                  shared_axis=eenheid.vergelijkbaar, **size)
    naast = ("elk naast de eigen gemeente en Nederland" if eenheid.vergelijkbaar else
             "elk met een eigen schaal; aantallen van de gemeente en Nederland staan er niet bij")
    caption = (f"{ind.label} ({eenheid.label}) in de vier wijken, {naast}, per peiljaar. Een gestreepte lijn is een "
               f"andere editie van de bron; die cijfers zijn niet met elkaar vergeleken.")
    table = data[["wijk", "gebied", "peiljaar", "tekst", "bron"]].rename(columns={
        "wijk": "Wijk", "gebied": "Gebied", "peiljaar": "Peiljaar", "tekst": "Waarde", "bron": "Bron"})
    return charts.figure_html(chart, prefix=f"{prefix}-{ind_id}", caption=caption, data=table, description=caption)


# --- the page ------------------------------------------------------------------------------------------


class Overzicht:
    """The overview page: called from notebooks/overzicht.ipynb, every method returns something
    Jupyter displays."""

    def __init__(self, reg: Registries, vergelijking: Vergelijking):
        self.reg = reg
        self.v = vergelijking

    @classmethod
    def load(cls, registries_folder: str = "") -> "Overzicht":
        reg = registries(registries_folder or None)
        return cls(reg, Vergelijking.build(reg))

    @cached_property
    def site(self) -> Site:
        return site(self.reg)

    @cached_property
    def page(self) -> Page:
        return self.site.page(OVERZICHT)

    def _areas_text(self) -> str:
        return nl_join([f"{g.naam} ({g.gemeente.naam})" for g in self.v.gebieden])

    def inleiding(self) -> Markdown:
        metingen = nl_join([str(m) for m in self.v.metingen])
        methode = self.page.href(self.site.page("methode"))
        lines = [
            f"Op deze pagina staan de vier wijken naast elkaar: {self._areas_text()}. Per pijler en per cijfer ziet u "
            f"elke wijk in de metingen {metingen}.",
            "",
            "Elke wijk wordt vergeleken met de **eigen gemeente** en met **Nederland**. Dat gebeurt op twee manieren:",
            "",
            "- **Niveau**: is het cijfer van de wijk gunstiger, ongunstiger of vergelijkbaar? Alleen cijfers uit "
            "dezelfde bron en hetzelfde jaar worden vergeleken.",
            "- **Verandering sinds de nulmeting**: ging de wijk meer vooruit of achteruit dan de gemeente of "
            "Nederland in dezelfde jaren? Een verschil dat binnen de foutmarge valt, heet *gelijk op*.",
            "",
            f"De oordelen zijn dezelfde als in de factsheets. Hoe een oordeel wordt bepaald, staat bij "
            f"[Data en methode]({methode}). Per pijler staat eerst een korte samenvatting. Daarin tellen alleen "
            f"oordelen die in minstens {number_word(MIN_AREAS_IN_SUMMARY)} wijken gelden. Een wijk met alleen cijfers "
            f"per deel of buurt telt mee als alle delen hetzelfde oordeel hebben.",
        ]
        return Markdown("\n".join(lines))

    def pijler(self, pijler_id: str) -> HTML:
        p: Pijler = self.reg.pijler(pijler_id)
        summary = self.v.summary(pijler_id)
        parts = [f'<p class="vw-pijler-intro">{esc(p.omschrijving)}</p>'] if p.omschrijving else []
        if not any(self.v.has_figure(i) for i in self.v.indicators(pijler_id)):
            parts.append('<p class="vw-samenvatting">In het kort: voor deze pijler is er in geen enkele wijk een '
                         'cijfer.</p>')
        elif summary:
            items = "".join(f"<li>{esc(s)}</li>" for s in summary)
            parts.append(f'<div class="vw-samenvatting"><p><strong>In het kort</strong></p><ul>{items}</ul></div>')
        else:
            parts.append('<p class="vw-samenvatting">In het kort: er is geen oordeel dat in minstens twee wijken '
                         'hetzelfde is.</p>')
        without = []
        for ind_id in self.v.indicators(pijler_id):
            ind = self.reg.indicator(ind_id)
            if not self.v.has_figure(ind_id):
                without.append((ind.label, self.v.missing_reasons(ind_id)))
                continue
            parts.append(f'<h3 id="{esc(self.anchor(ind_id))}">{esc(ind.label)}</h3>')
            parts.append(indicator_figure_html(self.v, ind_id))
            parts.append(indicator_table_html(self.v, ind_id))
            empty = [m for m in self.v.metingen if not self.v.has_figure(ind_id, m)]
            if empty:
                reasons = self.v.missing_reasons(ind_id, empty[-1])
                parts.append(f'<p class="vw-leeg-tekst">Geen cijfer in meting {esc(nl_join([str(m) for m in empty]))}: '
                             f'{esc(reasons[0] if reasons else "de bronnen geven geen cijfer")}</p>')
        if without:
            items = "".join(f"<li><strong>{esc(label)}</strong>: {esc(reasons[0] if reasons else '')}</li>"
                            for label, reasons in without)
            parts.append(f"<p>Voor deze cijfers is er in geen enkele wijk een cijfer:</p><ul>{items}</ul>")
        return HTML("".join(parts))

    @staticmethod
    def anchor(ind_id: str) -> str:
        return f"overzicht-{ind_id.replace('_', '-')}"

    def presentaties(self) -> HTML:
        """Links to the slide decks (HTML and PDF): the monitoringsoverleg's and one per area and meting."""
        items = []
        for owner in self.site.decks:
            label = ("Monitoringsoverleg: de vier wijken samen" if owner.key == OVERZICHT else
                     f"{resolve(self.reg, owner.gebied).label}, meting {owner.meting}")
            html_href = self.page.download_href(owner.slides[SLIDES_HTML])
            pdf_href = self.page.download_href(owner.slides[SLIDES_PDF])
            items.append(f'<li>{esc(label)}: <a href="{html_href}">dia\'s</a> · '
                         f'<a href="{pdf_href}" download>pdf</a></li>')
        reports = [f'<li>{esc(v.title)}: <a href="{self.page.download_href(v.downloads[REPORT_PDF])}" download>'
                   f"rapport (pdf, A4)</a></li>" for v in self.site.of("verhaal") if REPORT_PDF in v.downloads]
        more = (f"<p>Per meting met gesprekken is er een rapport om te printen:</p>"
                f'<ul class="vw-rapporten">{"".join(reports)}</ul>') if reports else ""
        return HTML('<ul class="vw-presentaties">' + "".join(items) + "</ul>" + more)

    def bronnen(self) -> Markdown:
        return Markdown("De cijfers op deze pagina komen uit deze tabellen:\n\n" + "\n".join(
            f"- {line}" for line in source_lines(self.reg, self.v.tables_used())))
