"""Counting coded fieldwork the privacy-safe way.

Themes are counted in *participants* (how many people raised a code), never in raw segment
counts, because one talkative person should not weigh as ten. Three rules keep people from
being recognised:

* Participants from a group or an activity with fewer than 5 people (one telephone interview
  with the chair of the shopkeepers' association) are *left out* of every count, chart,
  co-occurrence and quote: a '< 5' or '0' in their column would still tell what they said.
* A theme raised by fewer than 5 (counted) participants is not shown anywhere.
* Within a shown theme, a group count from 1 to 4 reads '< 5', and one more cell is hidden
  when the '< 5' could otherwise be worked out from the total.

Quotes come only from rows marked publishable, attributed by group and method only. Every
page section and text is generated from the same ``code_counts`` so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..graphs import closure
from .canon import Dataset

MIN_CELL = 5
SUPPRESSED = "< 5"
SECONDARY = "×"  # a count of 5 or more hidden so that a '< 5' beside it cannot be worked out from the total


def shown_count(n: int) -> str:
    """A participant count as it may be published: 0, '< 5', or the number."""
    return SUPPRESSED if 0 < n < MIN_CELL else str(n)


def is_suppressed(n: int) -> bool:
    return 0 < n < MIN_CELL


def suppress_row(cells: dict[str, int], total: int) -> dict[str, str]:
    """How a row of group counts may be published beside its (shown) total.

    Counts from 1 to 4 become '< 5'. If that leaves a single hidden cell, it could be
    worked out as the total minus the others, so the smallest other non-zero count is
    hidden too (marked with SECONDARY).
    """
    shown = {g: shown_count(n) for g, n in cells.items()}
    hidden = [g for g, n in cells.items() if is_suppressed(n)]
    if len(hidden) == 1 and not is_suppressed(total):
        others = sorted((n, g) for g, n in cells.items() if n >= MIN_CELL)
        if others:
            shown[others[0][1]] = SECONDARY
    return shown


def counted(ds: Dataset) -> pd.DataFrame:
    """The participants that count: not in a group or activity of fewer than MIN_CELL people."""
    d = ds.deelnemers
    group_n = d.groupby("groep")["deelnemer_id"].transform("size")
    activity_n = d.groupby("activiteit_id")["deelnemer_id"].transform("size")
    return d[(group_n >= MIN_CELL) & (activity_n >= MIN_CELL)]


def left_out(ds: Dataset) -> int:
    """How many participants are left out of the counts (see ``counted``)."""
    return len(ds.deelnemers) - len(counted(ds))


def coded(ds: Dataset) -> pd.DataFrame:
    """Segment rows of the counted participants, joined with their group and method and the
    code's pijler."""
    seg = ds.segmenten.merge(counted(ds), on="deelnemer_id", how="inner")
    return seg.merge(ds.codeboek[["code_id", "label", "pijler", "ouder"]], on="code_id", how="left")


def activities(ds: Dataset) -> pd.DataFrame:
    """Who was heard: one row per activity with its number of participants (a number) and that
    number as it may be published (``getoond``: '< 5', or '×' where it would give one away)."""
    n = ds.deelnemers.groupby("activiteit_id").size()
    counts = {a.id: int(n.get(a.id, 0)) for a in ds.veldwerk.activiteiten}
    shown = suppress_row(counts, len(ds.deelnemers))
    rows = []
    for a in ds.veldwerk.activiteiten:
        groups = sorted(ds.deelnemers.loc[ds.deelnemers.activiteit_id == a.id, "groep"].unique())
        rows.append({"activiteit": a.omschrijving, "methode": a.methode, "groep": ", ".join(groups) or (a.groep or ""),
                     "periode": a.periode, "deelnemers": counts[a.id], "getoond": shown[a.id]})
    return pd.DataFrame(rows)


def codes_with_descendants(ds: Dataset) -> dict[str, set[str]]:
    """code_id -> the code and every code below it (a parent theme counts its children)."""
    children: dict[str, list[str]] = {}
    for code, parent in zip(ds.codeboek["code_id"], ds.codeboek["ouder"]):
        if parent:
            children.setdefault(parent, []).append(code)
    return {code: below | {code} for code, below in closure(children, ds.codeboek["code_id"]).items()}


@dataclass(frozen=True)
class CodeCount:
    code_id: str
    label: str
    pijler: str
    ouder: str
    depth: int
    totaal: int  # participants who raised the code or any code below it
    per_groep: dict[str, int]


def all_code_counts(ds: Dataset) -> list[CodeCount]:
    """Counted participants per code (including its sub-codes), overall and per group, in
    codebook order, whatever their size. Never publish these directly: use ``code_counts``."""
    seg = coded(ds)
    below = codes_with_descendants(ds)
    groups = sorted(counted(ds)["groep"].unique())
    parent = dict(zip(ds.codeboek["code_id"], ds.codeboek["ouder"]))
    out = []
    for rec in ds.codeboek.itertuples(index=False):
        people = seg[seg["code_id"].isin(below[rec.code_id])].drop_duplicates("deelnemer_id")
        per = {g: int((people["groep"] == g).sum()) for g in groups}
        depth, p = 0, parent[rec.code_id]
        while p:
            depth, p = depth + 1, parent[p]
        out.append(CodeCount(rec.code_id, rec.label, rec.pijler, rec.ouder, depth, len(people), per))
    return out


def code_counts(ds: Dataset) -> list[CodeCount]:
    """The themes a page may show: raised by at least MIN_CELL counted participants."""
    return [c for c in all_code_counts(ds) if c.totaal >= MIN_CELL]


def pijler_themes(counts: list[CodeCount], pijler: str) -> list[tuple[CodeCount, int]]:
    """(theme, depth within the pijler) of every shown theme of a pijler, in codebook order.

    A theme's place in the pijler follows its nearest ancestor of the same pijler: a sub-theme
    of another pijler's theme (Batau's 'eenzaamheid' under 'meedoen') is a main theme here."""
    of = {c.code_id: c for c in counts}
    out = []
    for c in counts:
        if c.pijler != pijler:
            continue
        depth, p = 0, c.ouder
        while p:
            if p in of and of[p].pijler == pijler:
                depth += 1
            p = of[p].ouder if p in of else ""
        out.append((c, depth))
    return out


def cooccurrence(ds: Dataset, codes: list[str] | None = None) -> pd.DataFrame:
    """Counted participants who raised both codes (the shown top-level themes by default), long
    format: code_a, code_b, n. The diagonal holds each code's own participants."""
    seg = coded(ds)
    below = codes_with_descendants(ds)
    codes = codes or [c.code_id for c in code_counts(ds) if c.depth == 0]
    people = {c: set(seg.loc[seg["code_id"].isin(below[c]), "deelnemer_id"]) for c in codes}
    rows = [{"code_a": a, "code_b": b, "n": len(people[a] & people[b])} for a in codes for b in codes]
    return pd.DataFrame(rows)


def quotes(ds: Dataset, code_id: str) -> pd.DataFrame:
    """Publishable quotes of counted participants for a code (and its sub-codes): text, group,
    method; one row per segment, in segment order. None for a theme that is not shown."""
    if code_id not in {c.code_id for c in code_counts(ds)}:
        return pd.DataFrame(columns=["segment_id", "tekst", "groep", "methode"])
    seg = coded(ds)
    below = codes_with_descendants(ds)[code_id]
    sel = seg[seg["code_id"].isin(below) & (seg["publiceerbaar"] == "ja")]
    sel = sel.drop_duplicates("segment_id").sort_values("segment_id", kind="stable")
    return sel[["segment_id", "tekst", "groep", "methode"]].reset_index(drop=True)


def likert(ds: Dataset) -> pd.DataFrame:
    """Answers per questionnaire item: item, tekst, antwoord, n, aandeel (% of valid answers)."""
    vl = ds.veldwerk.vragenlijst
    if vl is None:
        return pd.DataFrame(columns=["item_id", "tekst", "thema", "antwoord", "n", "aandeel", "geldig"])
    rows = []
    for item in vl.items:
        answers = ds.antwoorden.loc[ds.antwoorden["item_id"] == item.id, "antwoord"]
        valid = answers[answers != ""]
        for label in vl.schaal:
            n = int((valid == label).sum())
            rows.append({"item_id": item.id, "tekst": item.tekst, "thema": item.thema, "antwoord": label, "n": n,
                         "aandeel": 100.0 * n / len(valid) if len(valid) else 0.0, "geldig": len(valid)})
    return pd.DataFrame(rows)
