"""HTML tables of the factsheet: one per pijler, focus area against gemeente and
Nederland, with direction-aware verdicts that carry a symbol and a word (never colour
alone), and numbered notes that say why a figure is missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .compare import Change, IndicatorRow, Verdict, part_verdict
from .focus import AreaValue
from .format import esc, nl_difference, nl_value
from .registries import Registries
from .gebied import Gebied

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


def verdict_html(v: Verdict, words: dict[str, str] | None = None) -> str:
    if v.oordeel == "geen":
        return '<span class="vw-oordeel vw-geen">—</span>'
    return (f'<span class="vw-oordeel vw-{v.oordeel}"><span aria-hidden="true">{v.symbool}</span> '
            f"{(words or {}).get(v.oordeel, v.oordeel)}</span>")


def change_html(c: Change | None, row: IndicatorRow, reg: Registries) -> str:
    if c is None:
        return '<span class="vw-oordeel vw-geen">—</span>'
    eenheid = reg.kernset.eenheden[row.indicator.eenheid]
    return (f"{verdict_html(c.verdict, CHANGE_WORD)}<br><small>{esc(nl_difference(c.verschil, eenheid))}: "
            f"{esc(nl_value(c.van, eenheid))} ({c.van_peiljaar}) → {esc(nl_value(c.naar, eenheid))} "
            f"({c.naar_peiljaar})</small>")


def value_html(v: AreaValue, row: IndicatorRow, reg: Registries, notes: Notes, reference: AreaValue | None) -> str:
    """A cell value; notes carry the reason without the indicator's name so that indicators
    with the same reason share one note."""
    eenheid = reg.kernset.eenheden[row.indicator.eenheid]
    if v.status == "beschikbaar":
        text = esc(nl_value(v.waarde, eenheid))
        if v.methode not in ("", "direct"):
            text += notes.ref(f"Samengesteld: {v.methode} ({v.bron_tabel}, peiljaar {v.peiljaar}).")
        if reference is not None and reference.beschikbaar and (v.bron_tabel, v.peiljaar) != (
                reference.bron_tabel, reference.peiljaar):
            text += notes.ref(f"Dit cijfer komt uit {v.bron_tabel} over {v.peiljaar}: een andere bron of een ander "
                              f"peiljaar dan het cijfer van het focusgebied, dus niet vergeleken.")
        return text
    if v.status == "deels":
        label = "per buurt" if v.methode == "alleen buurten" else "per deel"
        return f'<span class="vw-deels">zie {label} ↓</span>' + notes.ref(f"{v.reden}.")
    return '<span class="vw-ontbreekt">ontbreekt</span>' + notes.ref(v.reden)


def _source_line(v: AreaValue) -> str:
    if v.peiljaar is None:
        return ""
    return f'<br><small class="vw-bron">peiljaar {v.peiljaar} · {esc(v.bron_tabel)}</small>'


def _verdicts_html(pairs: list[tuple[str, Verdict]]) -> str:
    if all(v.oordeel == "geen" for _, v in pairs):
        return '<span class="vw-oordeel vw-geen">—</span>'
    return "<br>".join(f'<span class="vw-tov">t.o.v. {esc(name)}:</span> {verdict_html(v)}' for name, v in pairs)


def _part_rows(row: IndicatorRow, reg: Registries, gebied: Gebied, area_name: Callable[[str], str],
               change_cols: list[tuple[str, str]]) -> list[str]:
    if row.focus.status != "deels":
        return []
    ind = row.indicator
    eenheid = reg.kernset.eenheden[ind.eenheid]
    out = []
    for i, p in enumerate(row.focus.delen):
        changes = []
        for _, attr in change_cols:
            per_part = getattr(row, f"delen_{attr}")
            changes.append(f"<td>{change_html(per_part[i] if i < len(per_part) else None, row, reg)}</td>")
        verdicts = [(gebied.gemeente.naam, part_verdict(p, row.focus, row.gemeente, ind, reg)),
                    ("Nederland", part_verdict(p, row.focus, row.nederland, ind, reg))]
        cells = [f'<th scope="row" class="vw-deelnaam">↳ {esc(area_name(p.code))}</th>',
                 f"<td>{esc(nl_value(p.waarde, eenheid))}</td>", "<td></td>", "<td></td>",
                 f"<td>{_verdicts_html(verdicts)}</td>", *changes]
        out.append(f'<tr class="vw-deelrij">{"".join(cells)}</tr>')
    return out


def _without_figures_html(rows: list[IndicatorRow], heading: str) -> str:
    """Indicators without any figure in this meting (not for the focus area, the gemeente or
    Nederland): named with the reason, instead of rows of empty cells."""
    by_reason: dict[str, list[str]] = {}
    for row in rows:
        by_reason.setdefault(row.focus.reden, []).append(row.indicator.label)
    items = "".join(f"<li><strong>{esc(', '.join(labels))}</strong>: {esc(reason)}</li>"
                    for reason, labels in by_reason.items())
    return f'<div class="vw-leeg" role="note"><p><strong>{esc(heading)}</strong></p><ul>{items}</ul></div>'


def _has_any_figure(row: IndicatorRow) -> bool:
    return any(v.status != "ontbreekt" for v in (row.focus, row.gemeente, row.nederland))


def pijler_table(
    rows: list[IndicatorRow],
    reg: Registries,
    gebied: Gebied,
    meting: int,
    caption: str,
    area_name: Callable[[str], str],
    note_prefix: str,
) -> str:
    absent = [r for r in rows if not _has_any_figure(r)]
    rows = [r for r in rows if _has_any_figure(r)]
    absent_html = _without_figures_html(absent, "Zonder cijfer in deze meting (ook niet voor de gemeente of "
                                                "Nederland)") if absent else ""
    if not rows:
        return f'<p class="vw-tabeltitel"><strong>{esc(caption)}</strong></p>' + absent_html
    focus_name = gebied.naam
    gemeente = gebied.gemeente
    nul = reg.nulmeting.jaar
    jaren = [m.jaar for m in reg.metingen.metingen]
    prev = jaren[jaren.index(meting) - 1] if jaren.index(meting) > 0 else None
    change_cols: list[tuple[str, str]] = []
    if prev is not None and prev != nul:
        change_cols.append((f"Sinds {prev}", "sinds_vorige"))
    if meting != nul:
        change_cols.append(("Sinds de nulmeting", "sinds_nulmeting"))
    headers = ["Indicator", focus_name, gemeente.naam, "Nederland", f"Oordeel over {focus_name}",
               *[c[0] for c in change_cols]]
    notes = Notes(note_prefix)
    body = []
    for row in rows:
        ind = row.indicator
        eenheid = reg.kernset.eenheden[ind.eenheid]
        unit = f"{eenheid.label}, {ind.leeftijd}" if ind.leeftijd != "alle leeftijden" else eenheid.label
        verdicts = [(gemeente.naam, row.tov_gemeente), ("Nederland", row.tov_nederland)]
        cells = [
            f'<th scope="row">{esc(ind.label)} <span class="vw-eenheid">({esc(unit)})</span></th>',
            f"<td>{value_html(row.focus, row, reg, notes, None)}{_source_line(row.focus)}</td>",
            f"<td>{value_html(row.gemeente, row, reg, notes, row.focus)}</td>",
            f"<td>{value_html(row.nederland, row, reg, notes, row.focus)}</td>",
            f"<td>{_verdicts_html(verdicts)}</td>",
        ]
        for _, attr in change_cols:
            cells.append(f"<td>{change_html(getattr(row, attr), row, reg)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
        body.extend(_part_rows(row, reg, gebied, area_name, change_cols))
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    return (
        f'<div class="vw-table-wrap"><table class="vw-table vw-kernset">'
        f"<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>{notes.html()}{absent_html}"
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
