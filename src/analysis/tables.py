"""HTML tables of the factsheet: one per pijler, focus area against gemeente and
Nederland, with direction-aware verdicts that carry a symbol and a word (never colour
alone), and numbered notes that say why a figure is missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .compare import Change, IndicatorRow, Verdict, verdict
from .focus import AreaValue, PartValue
from .format import esc, nl_value
from .registries import Registries
from .registry_models import Gemeente

VERDICT_WORD = {
    "gunstiger": "gunstiger",
    "ongunstiger": "ongunstiger",
    "vergelijkbaar": "vergelijkbaar",
    "hoger": "hoger",
    "lager": "lager",
}
CHANGE_WORD = {
    "gunstiger": "verbeterd",
    "ongunstiger": "verslechterd",
    "vergelijkbaar": "gelijk gebleven",
    "hoger": "gestegen",
    "lager": "gedaald",
}


@dataclass
class Notes:
    """Numbered footnotes, shared by identical texts."""

    prefix: str
    texts: list[str] = field(default_factory=list)

    def ref(self, text: str) -> str:
        if text not in self.texts:
            self.texts.append(text)
        n = self.texts.index(text) + 1
        return f'<sup class="vw-noot"><a href="#{self.prefix}-{n}" aria-label="noot {n}">{n}</a></sup>'

    def html(self) -> str:
        if not self.texts:
            return ""
        items = "".join(f'<li id="{self.prefix}-{i}">{esc(t)}</li>' for i, t in enumerate(self.texts, start=1))
        return f'<ol class="vw-noten">{items}</ol>'


def verdict_html(v: Verdict, words: dict[str, str] = VERDICT_WORD) -> str:
    if v.oordeel == "geen":
        return '<span class="vw-oordeel vw-geen">—</span>'
    return (f'<span class="vw-oordeel vw-{v.oordeel}"><span aria-hidden="true">{v.symbool}</span> '
            f"{words[v.oordeel]}</span>")


def change_html(c: Change | None, row: IndicatorRow, reg: Registries) -> str:
    if c is None:
        return '<span class="vw-oordeel vw-geen">—</span>'
    eenheid = reg.kernset.eenheden[row.indicator.eenheid]
    return (f"{verdict_html(c.verdict, CHANGE_WORD)}<br><small>{esc(nl_value(c.van, eenheid))} ({c.van_peiljaar}) → "
            f"{esc(nl_value(c.naar, eenheid))} ({c.naar_peiljaar})</small>")


def value_html(v: AreaValue, row: IndicatorRow, reg: Registries, notes: Notes, reference: AreaValue | None) -> str:
    eenheid = reg.kernset.eenheden[row.indicator.eenheid]
    if v.status == "beschikbaar":
        text = esc(nl_value(v.waarde, eenheid))
        if v.methode not in ("", "direct"):
            text += notes.ref(f"{row.indicator.label}: {v.methode} ({v.bron_tabel}, {v.peiljaar}).")
        if reference is not None and reference.beschikbaar and (v.bron_tabel, v.peiljaar) != (
                reference.bron_tabel, reference.peiljaar):
            text += notes.ref(f"{row.indicator.label}: dit cijfer komt uit {v.bron_tabel} over {v.peiljaar} "
                              f"(een andere bron of een ander peiljaar); het wordt daarom niet vergeleken.")
        return text
    if v.status == "deels":
        label = "per buurt" if v.methode == "alleen buurten" else "per deel"
        return f'<span class="vw-deels">zie {label} ↓</span>' + notes.ref(f"{row.indicator.label}: {v.reden}.")
    return '<span class="vw-ontbreekt">ontbreekt</span>' + notes.ref(f"{row.indicator.label}: {v.reden}")


def _source_cell(v: AreaValue) -> str:
    if v.peiljaar is None:
        return "—"
    return f"{v.peiljaar}<br><small>{esc(v.bron_tabel)}</small>"


def _part_rows(row: IndicatorRow, reg: Registries, area_name: Callable[[str], str], n_cols: int) -> list[str]:
    if row.focus.status != "deels":
        return []
    ind = row.indicator
    eenheid = reg.kernset.eenheden[ind.eenheid]
    out = []
    for p in row.focus.delen:
        cells = [f'<th scope="row" class="vw-deelnaam">↳ {esc(area_name(p.code))}</th>',
                 f"<td>{esc(nl_value(p.waarde, eenheid))}</td>", "<td></td>", "<td></td>",
                 f"<td>{row.focus.peiljaar}<br><small>{esc(row.focus.bron_tabel)}</small></td>"]
        for ref in (row.gemeente, row.nederland):
            cells.append(f"<td>{verdict_html(_part_verdict(p, row.focus, ref, ind, reg))}</td>")
        cells.extend("<td></td>" for _ in range(n_cols - len(cells)))
        out.append(f'<tr class="vw-deelrij">{"".join(cells)}</tr>')
    return out


def _part_verdict(part: PartValue, focus: AreaValue, ref: AreaValue, ind, reg: Registries) -> Verdict:
    if part.waarde is None or not ref.beschikbaar:
        return Verdict("geen")
    if (focus.bron_tabel, focus.peiljaar) != (ref.bron_tabel, ref.peiljaar):
        return Verdict("geen")
    if not reg.kernset.eenheden[ind.eenheid].vergelijkbaar:
        return Verdict("geen")
    return verdict(ind, reg, part.waarde, ref.waarde)


def pijler_table(
    rows: list[IndicatorRow],
    reg: Registries,
    gemeente: Gemeente,
    meting: int,
    caption: str,
    area_name: Callable[[str], str],
    note_prefix: str,
) -> str:
    focus_name = gemeente.focusgebied.naam
    nul = reg.nulmeting.jaar
    prev = None
    jaren = [m.jaar for m in reg.metingen.metingen]
    if jaren.index(meting) > 0:
        prev = jaren[jaren.index(meting) - 1]
    change_cols: list[tuple[str, str]] = []
    if prev is not None and prev != nul:
        change_cols.append((f"Sinds {prev}", "sinds_vorige"))
    if meting != nul:
        change_cols.append(("Sinds nulmeting", "sinds_nulmeting"))
    headers = ["Indicator", focus_name, gemeente.naam, "Nederland", "Peiljaar en bron",
               f"{focus_name} t.o.v. {gemeente.naam}", f"{focus_name} t.o.v. Nederland",
               *[c[0] for c in change_cols]]
    notes = Notes(note_prefix)
    body = []
    for row in rows:
        ind = row.indicator
        eenheid = reg.kernset.eenheden[ind.eenheid]
        unit = f"{eenheid.label}, {ind.leeftijd}" if ind.leeftijd != "alle leeftijden" else eenheid.label
        cells = [
            f'<th scope="row">{esc(ind.label)} <span class="vw-eenheid">({esc(unit)})</span></th>',
            f"<td>{value_html(row.focus, row, reg, notes, None)}</td>",
            f"<td>{value_html(row.gemeente, row, reg, notes, row.focus)}</td>",
            f"<td>{value_html(row.nederland, row, reg, notes, row.focus)}</td>",
            f"<td>{_source_cell(row.focus)}</td>",
            f"<td>{verdict_html(row.tov_gemeente)}</td>",
            f"<td>{verdict_html(row.tov_nederland)}</td>",
        ]
        for _, attr in change_cols:
            cells.append(f"<td>{change_html(getattr(row, attr), row, reg)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
        body.extend(_part_rows(row, reg, area_name, len(headers)))
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    return (
        f'<div class="vw-table-wrap"><table class="vw-table vw-kernset">'
        f"<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>{notes.html()}"
    )


def definitions_html(rows: list[IndicatorRow], reg: Registries) -> str:
    items = []
    for row in rows:
        ind = row.indicator
        bronnen = ", ".join(dict.fromkeys(b.tabel for b in ind.bronnen)) or "geen bron beschikbaar"
        items.append(f"<dt>{esc(ind.label)}</dt><dd>{esc(ind.definitie)} <small>Leeftijd: {esc(ind.leeftijd)}. "
                     f"Bron: {esc(bronnen)}.</small></dd>")
    return (f'<details class="vw-definities"><summary>Wat meten deze indicatoren?</summary>'
            f"<dl>{''.join(items)}</dl></details>")
