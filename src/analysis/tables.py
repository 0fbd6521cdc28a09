"""HTML tables of a factsheet or wijk profile, read from the evaluation model: one per pijler,
the area against its gemeente and Nederland, the change since the nulmeting against the same
change of the references, and every verdict with the rule that made it (a numbered note).

Verdicts carry a symbol and a word (never colour alone), in the words of
``evaluation.words``, so that the table, the key findings, the overview of the four wijken and
the CSV download say the same thing. Every cell carries ``data-label`` (its column header), so
that on a phone each row can be shown as a card.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .evaluation.model import AreaEvaluation, IndicatorEvaluation, PartEvaluation
from .evaluation.position import NationalPosition
from .evaluation.rules import Verdict
from .evaluation.text import decimals_for, fmt_change, fmt_percent_change, fmt_signed, fmt_value, nl_num
from .evaluation.trend import TrendComparison
from .evaluation.values import Value
from .evaluation.words import SYMBOL, change_text, level_text
from .format import esc
from .reader_text import plain
from .registries import Registries


METHOD_NOTE = {"som van de delen": "Opgeteld uit de delen van het gebied.",
               "berekend uit de delen": "Berekend uit de tellingen van de delen van het gebied."}
MEDIAN_NOTE = ("De middelste wijk van de gemeente: de helft van de wijken heeft een hoger cijfer, de helft een lager. "
               "Een paar wijken met heel hoge cijfers trekken het cijfer van de hele gemeente omhoog; de middelste "
               "wijk niet. Wijken met minder dan 1.000 inwoners tellen niet mee bij cijfers per 1.000 inwoners.")


@dataclass
class Notes:
    """Numbered footnotes, shared by identical texts; codes in them become names (``plain``)."""

    prefix: str
    reg: Registries | None = None
    names: Mapping[str, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)

    def ref(self, text: str) -> str:
        if not text:
            return ""
        if self.reg is not None:
            text = plain(self.reg, text, self.names)
        if text not in self.texts:
            self.texts.append(text)
        n = self.texts.index(text) + 1
        return f'<sup class="vw-noot"><a href="#{self.prefix}-{n}" aria-label="noot {n}">{n}</a></sup>'

    def html(self) -> str:
        if not self.texts:
            return ""
        items = "".join(f'<li id="{self.prefix}-{i}">{esc(t)}</li>' for i, t in enumerate(self.texts, start=1))
        return f'<ol class="vw-noten">{items}</ol>'


def ref_names(ev: AreaEvaluation) -> dict[str, str]:
    return {role: naam for role, (_, naam) in ev.referenties.items()}


def value_text(reg: Registries, ie: IndicatorEvaluation, v: Value) -> str:
    """A figure with the decimals its own source publishes ('74%', '73,3%', '552')."""
    return fmt_value(v.waarde, ie.eenheid, decimals_for(reg, ie.indicator.eenheid, v.bron_tabel))


def cell_text(reg: Registries, ie: IndicatorEvaluation, v: Value) -> str:
    """A figure in a table cell: the unit stands in the row's header, only % stays."""
    text = nl_num(v.waarde, decimals_for(reg, ie.indicator.eenheid, v.bron_tabel))
    return f"{text}%" if ie.eenheid.label == "%" and text != "—" else text


def verdict_html(v: Verdict, ref_naam: str, notes: Notes) -> str:
    if v.oordeel == "geen":
        return f'<span class="vw-oordeel vw-geen" title="{esc(v.reden)}">—</span>'
    return (f'<span class="vw-oordeel vw-{v.oordeel}"><span aria-hidden="true">{SYMBOL[v.oordeel]}</span> '
            f"{esc(level_text(v, ref_naam))}</span>{notes.ref(v.regel.tekst)}")


def _verdicts_cell(tov: dict[str, Verdict], names: dict[str, str], notes: Notes) -> str:
    if all(v.oordeel == "geen" for v in tov.values()):
        why = next((v.reden for v in tov.values() if v.reden), "")
        return f'<span class="vw-oordeel vw-geen">—</span>{notes.ref(why[0].upper() + why[1:] + "." if why else "")}'
    return "<br>".join(verdict_html(v, names[role], notes) for role, v in tov.items())


def change_html(reg: Registries, ie: IndicatorEvaluation, tc: TrendComparison | None, names: dict[str, str],
                notes: Notes, naam: str) -> str:
    """The area's change, the references' changes over the same peiljaren, and the verdict on
    the difference (for counts: against chance and against the rest of the gemeente)."""
    if tc is None:
        return '<span class="vw-oordeel vw-geen">—</span>'
    d = ie.decimalen
    years = f"{tc.van_peiljaar}→{tc.naar_peiljaar}"
    if ie.soort == "telling":
        own = (f"{naam}: {nl_num(tc.focus.van.teller, 0)} → {nl_num(tc.focus.naar.teller, 0)} "
               f"({fmt_percent_change(tc.focus.ratio)})")
        zelf = tc.verdicts.get("zelf")
        chance = ("binnen de toevalsmarge" if zelf is not None and zelf.oordeel == "vergelijkbaar"
                  else "meer dan toeval")
        lines = [own, f"{chance}{notes.ref(zelf.regel.tekst) if zelf is not None else ''}"]
    else:
        refs = " · ".join(f"{names[r]} {fmt_signed(c.verschil, d)}" for r, c in tc.referenties.items())
        lines = [f"{naam} {fmt_change(tc.focus.verschil, ie.eenheid, d)}".strip(), refs]
    v = tc.verdict
    lines[0] += f' <small class="vw-bron">({years})</small>'
    lines.append(f'<span class="vw-oordeel vw-{v.oordeel}"><span aria-hidden="true">{SYMBOL[v.oordeel]}</span> '
                 f"{esc(change_text(tc, names))}</span>{notes.ref(v.regel.tekst)}")
    return "<br>".join(lines)


def _baseline_note(reg: Registries, ie: IndicatorEvaluation, notes: Notes, code: str | None = None) -> str:
    revs = [b for b in ie.herziene_basis if b.gewijzigd and (code is None or b.code == code)]
    if not revs:
        return ""
    return notes.ref(revs[0].zin(reg, ie.decimalen)) if len(revs) == 1 or code is not None else notes.ref(
        f"De bron heeft de cijfers over {revs[0].peiljaar} per buurt opnieuw geschat; veranderingen gaan uit van de "
        f"nieuwe schatting, niet van de cijfers uit de nulmeting.")


def _focus_cell(reg: Registries, ev: AreaEvaluation, ie: IndicatorEvaluation, notes: Notes) -> str:
    v = ie.focus
    if ie.onderdrukt:
        return '<span class="vw-ontbreekt">niet getoond</span>' + notes.ref(ie.onderdrukt)
    if v.status == "deels":
        label = "per buurt" if all(p.niveau == "buurt" for p in v.delen) else "per deel"
        return f'<span class="vw-deels">zie {label} ↓</span>' + notes.ref(v.reden) + "".join(
            f'<br><small class="vw-landelijk">{esc(ev.naam_van(pos.code))}: {esc(position_short(pos))}</small>'
            for pos in ie.landelijk_delen)
    if not v.beschikbaar:
        return '<span class="vw-ontbreekt">ontbreekt</span>' + notes.ref(v.reden)
    text = esc(cell_text(reg, ie, v))
    if v.methode not in ("", "direct"):
        text += notes.ref(METHOD_NOTE.get(v.methode, f"Samengesteld: {v.methode}."))
    lines = [text, f'<small class="vw-bron">{v.peiljaar}</small>']
    if v.has_interval:
        lines.append(f'<small class="vw-marge">marge {esc(cell_text(reg, ie, _at(v, v.ondergrens)))} – '
                     f'{esc(cell_text(reg, ie, _at(v, v.bovengrens)))}</small>')
    if ie.landelijk is not None:
        lines.append(f'<small class="vw-landelijk">{esc(position_short(ie.landelijk))}</small>')
    return "<br>".join(lines)


def _at(v: Value, waarde: float | None) -> Value:
    return Value(v.indicator, v.codes, "beschikbaar", waarde, v.peiljaar, v.bron_tabel)


def position_short(pos: NationalPosition) -> str:
    """'bij de 10% laagste wijken (2020)': where the area stands among all Dutch wijken."""
    side, share = (("laagste", pos.aandeel_tot_en_met) if pos.percentiel <= 50 else ("hoogste", pos.aandeel_vanaf))
    band = next((b for b in (1, 2, 5, 10, 20, 25, 30, 40) if share <= b), None)
    if band is None:
        return f"rond het midden van alle wijken ({pos.peiljaar})"
    return f"bij de {band}% {side} wijken ({pos.peiljaar})"


def _ref_cell(reg: Registries, ie: IndicatorEvaluation, role: str, notes: Notes) -> str:
    v = ie.referenties.get(role)
    if v is None:
        return "—"
    if not v.beschikbaar:
        return '<span class="vw-ontbreekt">ontbreekt</span>' + notes.ref(v.reden)
    text = esc(cell_text(reg, ie, v))
    focus = ie.focus if ie.focus.status != "ontbreekt" else None
    if focus is not None and focus.peiljaar is not None and (v.bron_tabel, v.peiljaar) != (
            focus.bron_tabel, focus.peiljaar):
        text += notes.ref("Dit cijfer komt uit een andere bron of een ander jaar dan het cijfer van het gebied. "
                          "Daarom is het niet vergeleken.")
    if role == "gemeente" and ie.gemeente_mediaan_wijk is not None:
        m = ie.gemeente_mediaan_wijk
        text += (f'<br><small class="vw-mediaan">middelste wijk: {esc(cell_text(reg, ie, _at(v, m.waarde)))}'
                 f"</small>" + notes.ref(MEDIAN_NOTE))
    return text


def _part_rows(reg: Registries, ev: AreaEvaluation, ie: IndicatorEvaluation, names: dict[str, str], notes: Notes,
               change_cols: list[tuple[str, str]], headers: list[str]) -> list[str]:
    out = []
    for p in ie.delen:
        naam = ev.naam_van(p.code)
        cells = [_th(f"↳ {esc(naam)}", "vw-deelnaam"),
                 _td(headers[1], esc(cell_text(reg, ie, p.value)) + _position_of_part(p)),
                 _td(headers[2], ""), _td(headers[3], ""),
                 _td(headers[4], _verdicts_cell(p.tov, names, notes))]
        for header, attr in change_cols:
            tc = getattr(p, attr)
            # The row is the part's: its name stands in the row header, not again in the cell.
            cells.append(_td(header, change_html(reg, ie, tc, names, notes, "" if ie.soort != "telling" else naam)
                             + (_baseline_note(reg, ie, notes, p.code) if attr == "sinds_nulmeting" else "")))
        out.append(f'<tr class="vw-deelrij">{"".join(cells)}</tr>')
    return out


def _position_of_part(p: PartEvaluation) -> str:
    if p.landelijk is None:
        return ""
    return f'<br><small class="vw-landelijk">{esc(position_short(p.landelijk))}</small>'


def _th(content: str, cls: str = "") -> str:
    return f'<th scope="row"{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}>{content}</th>'


def _td(label: str, content: str) -> str:
    return f'<td data-label="{esc(label)}">{content}</td>'


def _without_figures_html(reg: Registries, ies: list[IndicatorEvaluation], heading: str,
                          names: Mapping[str, str]) -> str:
    """Indicators without any figure in this meting (not for the area, the gemeente or
    Nederland): a small table with the reason, instead of rows of empty cells."""
    by_reason: dict[str, list[str]] = {}
    for ie in ies:
        by_reason.setdefault(plain(reg, ie.focus.reden, names), []).append(ie.indicator.label)
    rows = "".join(f'<tr><th scope="row">{esc(", ".join(labels))}</th><td data-label="Waarom niet">{esc(reason)}</td>'
                   f"</tr>" for reason, labels in by_reason.items())
    return (f'<div class="vw-leeg" role="note"><table class="vw-table vw-zonder"><caption>{esc(heading)}</caption>'
            f'<thead><tr><th scope="col">Cijfer</th><th scope="col">Waarom er geen cijfer is</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")


def _has_any_figure(ie: IndicatorEvaluation) -> bool:
    return ie.focus.status != "ontbreekt" or any(v.status != "ontbreekt" for v in ie.referenties.values())


def change_columns(reg: Registries, ev: AreaEvaluation) -> list[tuple[str, str]]:
    cols = []
    if not ev.is_nulmeting:
        cols.append(("Verandering sinds de nulmeting", "sinds_nulmeting"))
        jaren = [m.jaar for m in reg.metingen.metingen]
        prev = jaren[jaren.index(ev.meting) - 1]
        if prev != ev.nulmeting:
            cols.append((f"Sinds {prev}", "sinds_vorige"))
    return cols


def pijler_table(reg: Registries, ev: AreaEvaluation, ies: list[IndicatorEvaluation], caption: str,
                 note_prefix: str) -> str:
    absent = [ie for ie in ies if not _has_any_figure(ie)]
    ies = [ie for ie in ies if _has_any_figure(ie)]
    absent_html = _without_figures_html(reg, absent, "Zonder cijfer in deze meting (ook niet voor de gemeente of "
                                                     "Nederland)", ev.namen) if absent else ""
    if not ies:
        return absent_html
    names = ref_names(ev)
    change_cols = change_columns(reg, ev)
    headers = ["Indicator", ev.naam, names["gemeente"], names["nederland"], "Oordeel",
               *[c[0] for c in change_cols]]
    notes = Notes(note_prefix, reg, ev.namen)
    body = []
    for ie in ies:
        unit = ie.eenheid.label + (f", {ie.indicator.leeftijd}" if ie.indicator.leeftijd != "alle leeftijden" else "")
        cells = [
            _th(f'{esc(ie.indicator.label)} <span class="vw-eenheid">({esc(unit)})</span>'),
            _td(headers[1], _focus_cell(reg, ev, ie, notes)),
            _td(headers[2], _ref_cell(reg, ie, "gemeente", notes)),
            _td(headers[3], _ref_cell(reg, ie, "nederland", notes)),
            _td(headers[4], _verdicts_cell(ie.tov, names, notes)),
        ]
        for header, attr in change_cols:
            tc = getattr(ie, attr)
            base = _baseline_note(reg, ie, notes) if attr == "sinds_nulmeting" and tc is not None else ""
            cells.append(_td(header, change_html(reg, ie, tc, names, notes, ev.naam) + base if tc is not None else
                             ('<span class="vw-deels">per deel ↓</span>' if ie.delen and any(
                                 getattr(p, attr) for p in ie.delen) else '<span class="vw-oordeel vw-geen">—</span>')))
        body.append(f"<tr>{''.join(cells)}</tr>")
        body.extend(_part_rows(reg, ev, ie, names, notes, change_cols, headers))
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    return (
        f'<div class="vw-table-wrap"><table class="vw-table vw-kernset">'
        f"<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>{notes.html()}{absent_html}"
    )


def definitions_html(ies: list[IndicatorEvaluation]) -> str:
    """What each figure measures: a small reference table, folded away."""
    rows = "".join(f'<tr><th scope="row">{esc(ie.indicator.label)}</th>'
                   f'<td data-label="Wat het meet">{esc(ie.indicator.definitie.strip())}</td>'
                   f'<td data-label="Leeftijd">{esc(ie.indicator.leeftijd)}</td></tr>' for ie in ies)
    return (f'<details class="vw-definities"><summary>Wat meten deze cijfers?</summary>'
            f'<table class="vw-table vw-definitietabel"><thead><tr><th scope="col">Cijfer</th>'
            f'<th scope="col">Wat het meet</th><th scope="col">Leeftijd</th></tr></thead><tbody>{rows}</tbody>'
            f"</table></details>")
