"""One baseline, said out loud.

The nulmeting printed a figure from one edition (50090NED 2020). A later meting measures
change within its own edition (50150NED), whose figure for the same peiljaar is a new
estimate. When the two differ, the page says so with both numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..registries import Registries
from .text import fmt_value
from .values import Value, ValueIndex, value_for_meting, value_in_table


@dataclass(frozen=True)
class BaselineRevision:
    """The nulmeting's figure and the re-estimate a later meting measures change from."""

    indicator: str
    code: str  # the area (or part, or buurt) concerned
    peiljaar: int
    nulmeting_tabel: str
    nulmeting_waarde: float
    herziene_tabel: str
    herziene_waarde: float

    @property
    def gewijzigd(self) -> bool:
        return round(self.nulmeting_waarde, 6) != round(self.herziene_waarde, 6)

    def zin(self, reg: Registries, decimals: int | None = None) -> str:
        """'Herziene schatting: 73,3% in plaats van de 74,0% uit de nulmeting.'"""
        eenheid = reg.kernset.eenheden[reg.indicator(self.indicator).eenheid]
        new, old = fmt_value(self.herziene_waarde, eenheid, decimals), fmt_value(self.nulmeting_waarde, eenheid, decimals)
        if not self.gewijzigd:
            return f"De nieuwe schatting over {self.peiljaar} is gelijk aan die uit de nulmeting ({old})."
        return (f"Herziene schatting: {new} in plaats van de {old} uit de nulmeting. De bron heeft de cijfers over "
                f"{self.peiljaar} opnieuw geschat; veranderingen worden gemeten vanaf de nieuwe schatting.")


def baseline_revisions(idx: ValueIndex, reg: Registries, indicator: str, codes: list[str] | tuple[str, ...],
                       meting: int) -> tuple[BaselineRevision, ...]:
    """For a later meting: each area (or part/buurt) whose nulmeting figure came from another
    edition than the one this meting measures change in, with both figures. Empty for the
    nulmeting itself or when the editions agree on the table."""
    nul = reg.nulmeting
    if meting == nul.jaar:
        return ()
    now = value_for_meting(idx, reg, indicator, codes, meting)
    if now.status == "ontbreekt" or now.bron_tabel is None:
        return ()
    new_tabel = now.bron_tabel
    new_year = nul.peiljaren.get(new_tabel)
    if new_year is None:
        return ()
    shown = value_for_meting(idx, reg, indicator, codes, nul.jaar)
    if shown.status == "ontbreekt" or shown.bron_tabel in (None, new_tabel) or shown.peiljaar != new_year:
        return ()
    out = []
    for old in _units(shown):
        new = value_in_table(idx, reg, indicator, old.codes, new_tabel, new_year)
        if new.beschikbaar:
            out.append(BaselineRevision(indicator, old.code, new_year, shown.bron_tabel, old.waarde, new_tabel,
                                        new.waarde))
            continue
        # The new edition may have the area only per buurt: the revision is then per buurt.
        for part in new.delen:
            before = value_in_table(idx, reg, indicator, part.codes, shown.bron_tabel, new_year)
            if before.beschikbaar:
                out.append(BaselineRevision(indicator, part.code, new_year, shown.bron_tabel, before.waarde, new_tabel,
                                            part.waarde))
    return tuple(out)


def _units(v: Value) -> tuple[Value, ...]:
    if v.beschikbaar:
        return (v,)
    return tuple(p for p in v.delen if p.beschikbaar)
