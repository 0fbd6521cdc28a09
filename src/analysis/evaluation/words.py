"""The words a verdict is shown with, in one place: a factsheet's table cell, the overview of the
four wijken, a slide and a CSV say exactly the same thing for the same verdict.

A level verdict compares the area with a reference in one peiljaar; a change verdict compares the
area's change with the reference's change over the same peiljaren (difference-in-differences)."""

from __future__ import annotations

from .rules import Verdict
from .trend import TrendComparison

SYMBOL = {"gunstiger": "▲", "ongunstiger": "▼", "vergelijkbaar": "=", "hoger": "↑", "lager": "↓", "geen": "—"}
LEVEL_WORD = {"gunstiger": "gunstiger", "ongunstiger": "ongunstiger", "vergelijkbaar": "vergelijkbaar",
              "hoger": "hoger", "lager": "lager", "geen": "geen oordeel"}


def level_text(v: Verdict, ref_naam: str) -> str:
    """'ongunstiger dan Utrecht', 'vergelijkbaar met Nederland', 'geen oordeel'."""
    if v.oordeel == "geen":
        return LEVEL_WORD["geen"]
    if v.oordeel == "vergelijkbaar":
        return f"vergelijkbaar met {ref_naam}"
    return f"{LEVEL_WORD[v.oordeel]} dan {ref_naam}"


def change_text(tc: TrendComparison | None, ref_namen: dict[str, str]) -> str:
    """The verdict on a change against its reference: 'gelijk op met Nederland',
    'ongunstiger dan Nederland', 'meer omhoog dan Zeist', 'niet te beoordelen'."""
    if tc is None:
        return "niet te beoordelen"
    v = tc.verdict
    ref = ref_namen.get(tc.hoofd or "", "")
    if v.oordeel == "vergelijkbaar":
        return f"gelijk op met {ref}" if ref else "binnen de toevalsmarge"
    if v.oordeel in ("gunstiger", "ongunstiger"):
        return f"{v.oordeel} dan {ref}" if ref else v.oordeel
    if v.oordeel in ("hoger", "lager"):
        return f"{'meer omhoog' if v.oordeel == 'hoger' else 'meer omlaag'} dan {ref}"
    return "niet te beoordelen"


def change_symbol(tc: TrendComparison | None) -> str:
    return SYMBOL["geen"] if tc is None else SYMBOL[tc.verdict.oordeel]
