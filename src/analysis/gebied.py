"""The area a run and a page are about (gebied): a focus area from data/gebieden.yml (one or
more CBS wijken or buurten), or any single Dutch wijk by its CBS code.

Parameters name an area by a key — a focus area's slug (``overvecht``) or a wijk code
(``WK034401``, any case) — and are resolved here, once, into a :class:`Gebied`. Nothing else
turns text into areas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from . import codes
from .registries import Registries
from .registry_models import Deel, Focusgebied, Gemeente, Grenswijziging

Soort = Literal["focusgebied", "wijk"]
_WIJK = re.compile(rf"^{codes.WIJK}$")


@dataclass(frozen=True)
class Gebied:
    key: str  # page key: the focus area's slug, or the wijk code in lower case
    naam: str
    soort: Soort
    delen: tuple[Deel, ...]
    gemeente: Gemeente
    toelichting: str = ""
    grenswijziging: Grenswijziging | None = None
    # For a wijk: the focus areas it is (part of), so a profile can point to their factsheets.
    in_focusgebieden: tuple[str, ...] = field(default_factory=tuple)

    @property
    def codes(self) -> list[str]:
        return [d.code for d in self.delen]

    @property
    def is_focus(self) -> bool:
        return self.soort == "focusgebied"

    @property
    def label(self) -> str:
        """'Overvecht (Utrecht)'."""
        return f"{self.naam} ({self.gemeente.naam})"


class UnknownGebied(KeyError):
    pass


def focus_gebied(reg: Registries, fg: Focusgebied) -> Gebied:
    return Gebied(key=fg.slug, naam=fg.naam, soort="focusgebied", delen=tuple(fg.delen),
                  gemeente=reg.gemeente(fg.gemeente), toelichting=fg.toelichting.strip(),
                  grenswijziging=fg.grenswijziging)


def focus_gebieden(reg: Registries) -> list[Gebied]:
    """Every focus area, in registry order."""
    return [focus_gebied(reg, fg) for fg in reg.gebieden.focusgebieden]


def focus_gebieden_van(reg: Registries, gemeente: Gemeente) -> list[Gebied]:
    return [g for g in focus_gebieden(reg) if g.gemeente.code == gemeente.code]


def wijk_gebied(reg: Registries, code: str, naam: str, gemeente_code: str, gemeente_naam: str) -> Gebied:
    """Any Dutch wijk as an area of its own (names from data/processed/kerncijfers_wijken_nl.csv)."""
    code = code.upper()
    if gemeente_code in reg.gemeente_codes:
        gemeente = reg.gemeente(gemeente_code)
    else:
        gemeente = Gemeente(code=gemeente_code, naam=gemeente_naam or gemeente_code,
                            slug=gemeente_code.lower(), statline_namen=[gemeente_naam or gemeente_code])
    within = tuple(f.slug for f in reg.gebieden.focusgebieden
                   if code in f.codes or any(d.binnen == code for d in f.delen))
    return Gebied(key=code.lower(), naam=naam or code, soort="wijk",
                  delen=(Deel(code=code, naam=naam or code),), gemeente=gemeente, in_focusgebieden=within)


def is_wijk_key(key: str) -> bool:
    return bool(_WIJK.match(key.strip().upper()))


def resolve(reg: Registries, key: str) -> Gebied:
    """A focus area by slug, or a wijk by CBS code (case-insensitive)."""
    k = key.strip()
    for fg in reg.gebieden.focusgebieden:
        if k.lower() == fg.slug:
            return focus_gebied(reg, fg)
    if is_wijk_key(k):
        from .data import load_wijken_nl

        wijken = load_wijken_nl()
        row = wijken[wijken["wijk_code"] == k.upper()]
        if row.empty:
            raise UnknownGebied(f"wijk {k.upper()} is not in the national wijk list (data/processed/kerncijfers_wijken_nl.csv)")
        r = row.iloc[0]
        return wijk_gebied(reg, r["wijk_code"], r["naam"], r["gemeente_code"], r["gemeente_naam"])
    known = ", ".join(fg.slug for fg in reg.gebieden.focusgebieden)
    raise UnknownGebied(f"unknown gebied {key!r}: give a focus area ({known}) or a wijk code like WK034401")


def wijken_van(reg: Registries, gemeente_code: str | None = None) -> list[Gebied]:
    """Every wijk of a gemeente (by CBS code), or of the Netherlands when no gemeente is given."""
    from .data import load_wijken_nl

    wijken = load_wijken_nl()
    if gemeente_code is not None:
        wijken = wijken[wijken["gemeente_code"] == gemeente_code.upper()]
        if wijken.empty:
            raise UnknownGebied(f"gemeente {gemeente_code} has no wijken in data/processed/kerncijfers_wijken_nl.csv")
    return [wijk_gebied(reg, r.wijk_code, r.naam, r.gemeente_code, r.gemeente_naam)
            for r in wijken.itertuples(index=False)]
