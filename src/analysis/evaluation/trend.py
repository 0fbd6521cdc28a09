"""Change against the reference trend (difference-in-differences).

A change of the focus area between two peiljaren is set beside the change of the gemeente
and of Nederland over the *same* peiljaren from the *same* table, and judged on the
difference between them. A change that follows the national swing is "gelijk op", never
"verslechterd" or "verbeterd".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..registries import Registries
from ..registry_models import Indicator
from .kinds import Kind
from .margins import DerivedMargin
from .rules import Verdict, judge_change, no_verdict
from .values import Value, ValueIndex, value_in_table

REFERENCE_ORDER = ("nederland", "gemeente")  # the first available one gives the main verdict


@dataclass(frozen=True)
class Change:
    """One area's figures at two peiljaren of one table."""

    van: Value
    naar: Value

    @property
    def available(self) -> bool:
        return self.van.beschikbaar and self.naar.beschikbaar

    @property
    def verschil(self) -> float | None:
        # Rounded to 10 decimals: 72.8 - 78.4 must print and compare as -5.6, not -5.6000000000000085.
        return round(self.naar.waarde - self.van.waarde, 10) if self.available else None

    @property
    def ratio(self) -> float | None:
        """naar / van of the counts behind the figures (for counts), else None."""
        if not self.available or not self.van.teller or self.naar.teller is None:
            return None
        return self.naar.teller / self.van.teller

    @property
    def van_peiljaar(self) -> int | None:
        return self.van.peiljaar

    @property
    def naar_peiljaar(self) -> int | None:
        return self.naar.peiljaar

    @property
    def bron_tabel(self) -> str | None:
        return self.naar.bron_tabel


@dataclass(frozen=True)
class TrendComparison:
    """The focus change next to the reference changes, with a verdict per reference.

    ``referenties``/``verdicts`` are keyed by role: "gemeente", "nederland" (and, when the
    national table holds both peiljaren, "vergelijkingswijken"); for counts ``verdicts`` also
    has "zelf": the change itself against chance. ``hoofd`` is the role whose verdict is *the*
    verdict (Nederland when available: it removes the national swing); None when no
    reference has one (then ``verdict`` is "zelf" for counts, else no verdict).
    """

    indicator: str
    soort: Kind
    focus: Change
    referenties: dict[str, Change] = field(default_factory=dict)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    hoofd: str | None = None

    @property
    def verdict(self) -> Verdict:
        if self.hoofd is None:
            return self.verdicts.get("zelf", no_verdict("geen vergelijking met een referentie mogelijk"))
        return self.verdicts[self.hoofd]

    def did(self, role: str) -> float | None:
        """Focus change minus the reference's change (unit of the indicator)."""
        ref = self.referenties.get(role)
        if ref is None or ref.verschil is None or self.focus.verschil is None:
            return None
        return round(self.focus.verschil - ref.verschil, 10)

    @property
    def van_peiljaar(self) -> int | None:
        return self.focus.van_peiljaar

    @property
    def naar_peiljaar(self) -> int | None:
        return self.focus.naar_peiljaar

    @property
    def bron_tabel(self) -> str | None:
        return self.focus.bron_tabel


def trend_comparison(
    idx: ValueIndex,
    reg: Registries,
    ind: Indicator,
    kind: Kind,
    codes: tuple[str, ...],
    references: dict[str, tuple[str, str]],
    tabel: str,
    van: int,
    naar: int,
    *,
    margin: DerivedMargin | None,
    decimals: int,
    extra_references: dict[str, Change] | None = None,
) -> TrendComparison | None:
    """Compare the change of ``codes`` in ``tabel`` from ``van`` to ``naar`` with each reference.

    ``references``: role -> (CBS code, display name), e.g. {"gemeente": ("GM0356", "Nieuwegein"),
    "nederland": ("NL01", "Nederland")}. None when the focus has no figure in one of the years.
    """
    f0 = value_in_table(idx, reg, ind.id, codes, tabel, van)
    f1 = value_in_table(idx, reg, ind.id, codes, tabel, naar)
    if not (f0.beschikbaar and f1.beschikbaar):
        return None
    refs: dict[str, Change] = {}
    verdicts: dict[str, Verdict] = {}
    for role, (code, naam) in references.items():
        r0 = value_in_table(idx, reg, ind.id, [code], tabel, van)
        r1 = value_in_table(idx, reg, ind.id, [code], tabel, naar)
        if not (r0.beschikbaar and r1.beschikbaar):
            continue
        refs[role] = Change(r0, r1)
        verdicts[role] = judge_change(ind, kind, f0, f1, r0, r1, margin=margin, decimals=decimals, ref_naam=naam)
    for role, change in (extra_references or {}).items():
        if change.available:
            refs[role] = change
            verdicts[role] = judge_change(ind, kind, f0, f1, change.van, change.naar, margin=margin,
                                          decimals=decimals, ref_naam="de vergelijkingswijken")
    hoofd = next((r for r in REFERENCE_ORDER if r in verdicts and verdicts[r].has_verdict), None)
    if kind == "telling":
        # A count's own change is also judged against chance ("517 -> 552: binnen de toevalsmarge");
        # it is the verdict when no reference has one.
        verdicts["zelf"] = judge_change(ind, kind, f0, f1, None, None, margin=margin, decimals=decimals)
    return TrendComparison(ind.id, kind, Change(f0, f1), refs, verdicts, hoofd)
