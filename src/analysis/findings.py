"""The "Belangrijkste bevindingen" of a factsheet: three to six sentences generated from
the comparisons, aware of each indicator's direction and of missing figures."""

from __future__ import annotations

from typing import Callable

from .compare import IndicatorRow, part_verdict
from .format import nl_count, nl_list, nl_value
from .registries import Registries
from .gebied import Gebied

MAX_LISTED = 3


def _no_final_dot(text: str) -> str:
    return text[:-1] if text.endswith(".") else text


def lower_label(label: str) -> str:
    """'Ervaren gezondheid …' -> 'ervaren gezondheid …', but 'WOZ-waarde' stays."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _gap(row: IndicatorRow, ref: str) -> float:
    other = row.gemeente if ref == "gemeente" else row.nederland
    base = max(abs(other.waarde or 0.0), 1e-9)
    return abs((row.focus.waarde or 0.0) - (other.waarde or 0.0)) / base


def _labels(rows: list[IndicatorRow], ref: str) -> str:
    ranked = sorted(rows, key=lambda r: _gap(r, ref), reverse=True)
    labels = [lower_label(r.indicator.label) for r in ranked[:MAX_LISTED]]
    rest = len(ranked) - MAX_LISTED
    text = nl_list(labels)
    if rest > 0:
        text += f" (en nog {rest} {'indicator' if rest == 1 else 'indicatoren'})"
    return text


def findings(
    rows: list[IndicatorRow],
    reg: Registries,
    gebied: Gebied,
    meting: int,
    area_name: Callable[[str], str],
) -> list[str]:
    focus = gebied.naam
    gem = gebied.gemeente.naam
    scored = [r for r in rows if reg.pijler(r.indicator.pijler).context is False]
    sentences: list[str] = []

    full = [r for r in scored if r.focus.status == "beschikbaar"]
    partial = [r for r in scored if r.focus.status == "deels"]
    missing = [r for r in scored if r.focus.status == "ontbreekt"]
    pijlers = nl_count(sum(1 for p in reg.kernset.pijlers if not p.context))
    text = (f"Voor {len(full)} van de {len(scored)} indicatoren in de {pijlers} pijlers is er in deze meting een "
            f"cijfer voor {focus}")
    if partial:
        text += f"; voor {len(partial)} alleen per deel of per buurt"
    text += "."
    if missing:
        text += f" {len(missing)} {'ontbreekt' if len(missing) == 1 else 'ontbreken'}; bij elke pijler staat waarom."
    sentences.append(text)

    judged = [r for r in scored if r.tov_gemeente.judged]
    worse = [r for r in judged if r.tov_gemeente.oordeel == "ongunstiger"]
    better = [r for r in judged if r.tov_gemeente.oordeel == "gunstiger"]
    per_part = _per_part_sentence(partial, reg, gebied, area_name)
    if not judged and per_part:
        sentences.append(per_part)
    elif not judged:
        sentences.append(
            f"Een oordeel ten opzichte van {gem} is in deze meting niet mogelijk: er zijn geen cijfers van "
            f"{focus} en {gem} uit dezelfde bron en hetzelfde peiljaar, of de verschillen zijn te klein."
        )
    elif worse:
        sentences.append(f"Ten opzichte van de gemeente {gem} scoort {focus} ongunstiger op {_labels(worse, 'gemeente')}.")
    else:
        sentences.append(f"Op geen enkele indicator met een oordeel scoort {focus} ongunstiger dan {gem}.")
    if better:
        sentences.append(f"Gunstiger dan {gem} is {focus} op {_labels(better, 'gemeente')}.")

    vs_nl = [r for r in scored if r.tov_nederland.oordeel in ("gunstiger", "ongunstiger", "vergelijkbaar")]
    if vs_nl:
        n_worse = sum(r.tov_nederland.oordeel == "ongunstiger" for r in vs_nl)
        n_better = sum(r.tov_nederland.oordeel == "gunstiger" for r in vs_nl)
        n_same = len(vs_nl) - n_worse - n_better
        if len(vs_nl) == 1:
            r = vs_nl[0]
            sentences.append(f"Met heel Nederland is alleen {lower_label(r.indicator.label)} te vergelijken: daarop "
                             f"is {focus} {r.tov_nederland.oordeel}.")
        else:
            sentences.append(
                f"Vergeleken met heel Nederland is {focus} op {n_worse} van de {len(vs_nl)} vergeleken indicatoren "
                f"ongunstiger, op {n_better} gunstiger en op {n_same} vergelijkbaar."
            )

    sentences.append(_change_sentence(scored, reg, gebied, meting))

    buurt_rows = [r for r in partial if r.focus.methode == "alleen buurten"]
    if buurt_rows and len(sentences) < 6:
        r = buurt_rows[0]
        eenheid = reg.kernset.eenheden[r.indicator.eenheid]
        parts = [p for p in r.focus.delen if p.code.startswith("BU") and p.waarde is not None]
        lo = min(parts, key=lambda p: p.waarde)
        hi = max(parts, key=lambda p: p.waarde)
        text = (f"{r.indicator.label} is over {r.focus.peiljaar} alleen per buurt bekend: van "
                f"{nl_value(lo.waarde, eenheid)} in {area_name(lo.code)} tot {nl_value(hi.waarde, eenheid)} in "
                f"{_no_final_dot(area_name(hi.code))}. Een cijfer voor heel {focus} is daaruit niet te maken "
                f"zonder gewichten.")
        changes = [c for c in r.delen_sinds_nulmeting if c is not None]
        if changes:
            worse = sum(c.verdict.oordeel == "ongunstiger" for c in changes)
            better = sum(c.verdict.oordeel == "gunstiger" for c in changes)
            first = changes[0]
            text += (f" Sinds de nulmeting ({first.van_peiljaar}, zelfde bron {first.bron_tabel}) is het in "
                     f"{worse} van de {len(changes)} buurten verslechterd en in {better} verbeterd.")
        sentences.append(text)
    return sentences[:6]


def _per_part_sentence(partial: list[IndicatorRow], reg: Registries, gebied: Gebied,
                       area_name: Callable[[str], str]) -> str | None:
    """For a focus area known only part by part: what each part does against the gemeente."""
    rows = [r for r in partial if r.focus.methode == "delen naast elkaar"]
    if not rows:
        return None
    verdicts: dict[str, dict[str, list[str]]] = {"ongunstiger": {}, "gunstiger": {}}
    for r in rows:
        for p in r.focus.delen:
            oordeel = part_verdict(p, r.focus, r.gemeente, r.indicator, reg).oordeel
            if oordeel in verdicts:
                verdicts[oordeel].setdefault(p.code, []).append(lower_label(r.indicator.label))
    parts = nl_list([area_name(p.code) for p in rows[0].focus.delen])
    gemeente = gebied.gemeente
    text = f"{gebied.naam} is in deze meting alleen per deel bekend ({parts})."
    for oordeel, by_part in verdicts.items():
        if not by_part:
            text += f" Geen van de delen scoort {oordeel} dan {gemeente.naam}."
            continue
        clauses = [f"{area_name(code)} op {nl_list(labels[:MAX_LISTED])}"
                   + (f" (en nog {len(labels) - MAX_LISTED})" if len(labels) > MAX_LISTED else "")
                   for code, labels in by_part.items()]
        text += f" {oordeel.capitalize()} dan {gemeente.naam} scoort {'; '.join(clauses)}."
    return text


def _change_sentence(rows: list[IndicatorRow], reg: Registries, gebied: Gebied, meting: int) -> str:
    focus = gebied.naam
    gemeente = gebied.gemeente
    if meting == reg.nulmeting.jaar:
        later = nl_list([str(m.jaar) for m in reg.metingen.metingen[1:]])
        return (f"Dit is de nulmeting: deze cijfers zijn het vertrekpunt waartegen de metingen van {later} "
                f"worden afgezet.")
    changes = [r for r in rows if r.sinds_nulmeting is not None]
    if not changes and any(c is not None for r in rows for c in r.delen_sinds_nulmeting):
        return (f"Voor heel {focus} is geen verandering sinds de nulmeting te berekenen uit één bron; per buurt of "
                f"per deel wel: die staat in de tabellen bij de pijlers.")
    if not changes:
        return (f"Veranderingen sinds de nulmeting zijn voor {focus} in deze meting niet te berekenen: geen "
                f"indicator heeft een cijfer uit dezelfde bron voor beide peiljaren.")
    moved = [r for r in changes if r.sinds_nulmeting.verdict.oordeel in ("gunstiger", "ongunstiger")]
    if not moved:
        labels = nl_list([lower_label(r.indicator.label) for r in changes[:MAX_LISTED]])
        return f"Sinds de nulmeting is {labels} in {focus} niet meer veranderd dan de cijfers kunnen onderscheiden."
    r = max(moved, key=lambda r: abs(r.sinds_nulmeting.verschil))
    c = r.sinds_nulmeting
    eenheid = reg.kernset.eenheden[r.indicator.eenheid]
    richting = "verbeterd" if c.verdict.oordeel == "gunstiger" else "verslechterd"
    text = (f"Sinds de nulmeting is {lower_label(r.indicator.label)} in {focus} {richting}: van "
            f"{nl_value(c.van, eenheid)} ({c.van_peiljaar}) naar {nl_value(c.naar, eenheid)} ({c.naar_peiljaar}, "
            f"bron {c.bron_tabel})")
    g = r.gemeente_sinds_nulmeting
    if g is not None:
        text += f"; in {gemeente.naam} ging het van {nl_value(g.van, eenheid)} naar {nl_value(g.naar, eenheid)}"
    return text + "."
