"""Counting coded fieldwork the privacy-safe way.

Themes are counted in *participants* (how many people raised a code), never in raw segment
counts, because one talkative person should not weigh as ten. Any count from 1 to 4 in a
cell that breaks participants down (code x group, code x code) is suppressed: shown as
``< 5``, never as a number. Quotes come only from rows marked publishable, attributed by
group and method only.
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


def coded(ds: Dataset) -> pd.DataFrame:
    """Segment rows joined with their participant's group and method and the code's pijler."""
    seg = ds.segmenten.merge(ds.deelnemers, on="deelnemer_id", how="left")
    return seg.merge(ds.codeboek[["code_id", "label", "pijler", "ouder"]], on="code_id", how="left")


def activities(ds: Dataset) -> pd.DataFrame:
    """Who was heard: one row per activity with its number of participants."""
    n = ds.deelnemers.groupby("activiteit_id").size()
    rows = []
    for a in ds.veldwerk.activiteiten:
        groups = sorted(ds.deelnemers.loc[ds.deelnemers.activiteit_id == a.id, "groep"].unique())
        rows.append({"activiteit": a.omschrijving, "methode": a.methode, "groep": ", ".join(groups) or (a.groep or ""),
                     "periode": a.periode, "deelnemers": int(n.get(a.id, 0))})
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


def code_counts(ds: Dataset) -> list[CodeCount]:
    """Participants per code (including its sub-codes), overall and per group, in codebook order."""
    seg = coded(ds)
    below = codes_with_descendants(ds)
    groups = [g for g in sorted(ds.deelnemers["groep"].unique())]
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


def cooccurrence(ds: Dataset, codes: list[str] | None = None) -> pd.DataFrame:
    """Participants who raised both codes (top-level themes by default), long format:
    code_a, code_b, n. The diagonal holds each code's own participants."""
    seg = coded(ds)
    below = codes_with_descendants(ds)
    codes = codes or [c for c, p in zip(ds.codeboek["code_id"], ds.codeboek["ouder"]) if not p]
    people = {c: set(seg.loc[seg["code_id"].isin(below[c]), "deelnemer_id"]) for c in codes}
    rows = [{"code_a": a, "code_b": b, "n": len(people[a] & people[b])} for a in codes for b in codes]
    return pd.DataFrame(rows)


def quotes(ds: Dataset, code_id: str) -> pd.DataFrame:
    """Publishable quotes for a code (and its sub-codes): text, group, method; one row per
    segment, in segment order."""
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
