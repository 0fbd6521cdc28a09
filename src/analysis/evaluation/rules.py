"""Verdicts and the rules that make them. Every verdict carries its rule: an id, a short
Dutch text for the page, the margin used and (for counts) the p-value.

Rules by kind of figure (see ``kinds``):

* ``interval``  — model estimate with a published 95 % interval: the difference (or the
  difference-in-differences) must exceed 1.96 × the combined standard error taken from the
  intervals (reference figures without an interval count as exact: a gemeente's or the
  country's estimate is far more precise than a wijk's).
* ``afgeleide_marge`` — model estimate without an interval: the margin derived from the
  spread of changes across all Dutch wijken or buurten (``margins``).
* ``poisson`` — register count or rate from a count: exact conditional Poisson test; a
  wijk is compared with the rest of its gemeente (the gemeente minus the wijk), so the two
  counts are independent.
* ``afronding`` — other register figures: a difference counts once it exceeds the rounding of
  the published figures.
* ``geen`` — no verdict; ``reden`` says why (missing figure, other table or peiljaar, a count
  between areas of different size, too few inhabitants for a rate).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..registries import Registries
from ..registry_models import Indicator
from .kinds import Kind
from .margins import Z95, DerivedMargin, se_from_interval
from .poisson import rate_ratio
from .text import nl_num
from .values import Value

Oordeel = Literal["gunstiger", "ongunstiger", "vergelijkbaar", "hoger", "lager", "geen"]
RuleId = Literal["interval", "afgeleide_marge", "poisson", "afronding", "geen"]
SYMBOL = {"gunstiger": "▲", "ongunstiger": "▼", "vergelijkbaar": "=", "hoger": "↑", "lager": "↓", "geen": ""}
JUDGED = ("gunstiger", "ongunstiger")

# A rate per 1,000 inhabitants needs this many inhabitants to be shown or compared (see robust.py).
MIN_INWONERS_RATE = 1000


@dataclass(frozen=True)
class Rule:
    id: RuleId
    tekst: str  # short Dutch text shown with the verdict
    marge: float | None = None  # the margin used, in the unit of ``Verdict.verschil``
    p_waarde: float | None = None


@dataclass(frozen=True)
class Verdict:
    """A judgement of a difference (level) or of a difference-in-differences (change).

    ``verschil``: what was judged — in the indicator's unit for estimates and register
    figures; for counts the relative difference (0.068 = 6,8 % more than expected).
    """

    oordeel: Oordeel
    regel: Rule
    verschil: float | None = None
    reden: str = ""

    @property
    def symbool(self) -> str:
        return SYMBOL[self.oordeel]

    @property
    def judged(self) -> bool:
        return self.oordeel in JUDGED

    @property
    def has_verdict(self) -> bool:
        return self.oordeel != "geen"


def no_verdict(reden: str) -> Verdict:
    return Verdict("geen", Rule("geen", reden), reden=reden)


def directed(ind: Indicator, diff: float, within: bool, rule: Rule, verschil: float | None = None) -> Verdict:
    """The verdict for a difference ``diff`` (focus minus reference) given the indicator's direction."""
    shown = diff if verschil is None else verschil
    if within:
        return Verdict("vergelijkbaar", rule, shown)
    higher = diff > 0
    if ind.richting == "neutraal":
        return Verdict("hoger" if higher else "lager", rule, shown)
    better = higher if ind.richting == "hoger_beter" else not higher
    return Verdict("gunstiger" if better else "ongunstiger", rule, shown)


def lies_within(codes: tuple[str, ...], ref_code: str) -> bool:
    """Whether every area in ``codes`` lies inside the reference area (gemeente or NL01)."""
    if ref_code == "NL01":
        return True
    if ref_code.startswith("GM"):
        return all(c[2:6] == ref_code[2:6] and not c.startswith(("GM", "NL")) for c in codes)
    return False


def _rounding(decimals: int) -> float:
    return 10.0 ** (-decimals)


def _margin_text(m: DerivedMargin, kind: str) -> str:
    meervoud = "buurten" if m.gebied_niveau == "buurt" else "wijken"
    marge = m.marge_verandering if kind == "verandering" else m.marge_niveau
    return (f"{nl_num(marge, 1)} procentpunt. Die marge volgt uit hoe alle {meervoud} van Nederland "
            f"veranderden van {m.van_peiljaar} tot {m.naar_peiljaar}; de bron geeft zelf geen marge")


# -- level: one area against a reference, same table and peiljaar ----------------------------


@dataclass(frozen=True)
class Sparse:
    """Thinly populated wijken (business parks, outskirts) of a reference gemeente, left out of
    the rest of the gemeente a rate is tested against: a few dozen inhabitants with thousands of
    crimes would set the reference on their own."""

    teller: float
    noemer: float
    aantal: int


def judge_level(ind: Indicator, reg: Registries, kind: Kind, focus: Value, ref: Value, *,
                margin: DerivedMargin | None, decimals: int, sparse: Sparse | None = None) -> Verdict:
    if not (focus.beschikbaar and ref.beschikbaar):
        return no_verdict("een van beide cijfers ontbreekt")
    if not focus.same_source(ref):
        return no_verdict("andere bron of ander peiljaar")
    diff = round(focus.waarde - ref.waarde, 10)
    if kind == "schatting":
        se_f = se_from_interval(focus.ondergrens, focus.bovengrens)
        if se_f is not None:
            se_r = se_from_interval(ref.ondergrens, ref.bovengrens) or 0.0
            marge = Z95 * math.hypot(se_f, se_r)
            rule = Rule("interval", f"Regel: een verschil telt als het groter is dan de foutmarge van de bron "
                                    f"({nl_num(marge, 1)}).", marge)
            return directed(ind, diff, abs(diff) <= marge, rule)
        if margin is None:
            return no_verdict("de bron geeft geen foutmarge en er is geen landelijke marge voor deze indicator")
        rule = Rule("afgeleide_marge", f"Regel: een verschil telt als het groter is dan {_margin_text(margin, 'niveau')}.",
                    margin.marge_niveau)
        return directed(ind, diff, abs(diff) <= margin.marge_niveau, rule)
    if kind == "telling":
        if focus.noemer is None or ref.noemer is None:
            return no_verdict("aantallen van gebieden van verschillende grootte zijn niet te vergelijken")
        return _rate_level(ind, focus, ref, sparse)
    marge = _rounding(decimals)
    rule = Rule("afronding", "Regel: bij een geteld cijfer telt elk verschil dat groter is dan de afronding.", marge)
    return directed(ind, diff, abs(diff) <= marge + 1e-9, rule)


def suppressed_rate(v: Value) -> str | None:
    """Why a rate of this area is not shown or compared (too few inhabitants), or None."""
    if v.noemer is not None and v.noemer < MIN_INWONERS_RATE:
        return (f"te weinig inwoners ({nl_num(v.noemer, 0)}; minimaal {nl_num(MIN_INWONERS_RATE, 0)}) voor een "
                f"betrouwbaar cijfer per inwoner")
    return None


def _rate_level(ind: Indicator, focus: Value, ref: Value, sparse: Sparse | None = None) -> Verdict:
    why = suppressed_rate(focus)
    if why:
        return no_verdict(why)
    k_f, n_f = focus.teller, focus.noemer
    k_r, n_r = ref.teller, ref.noemer
    if k_f is None or k_r is None:
        return no_verdict("de telling achter het cijfer ontbreekt")
    rest = lies_within(focus.codes, ref.code)
    tegen = "de rest van het gebied" if rest else "het vergelijkingsgebied"
    if rest:
        k_r, n_r = k_r - k_f, n_r - n_f
        if sparse is not None and sparse.aantal:
            k_r, n_r = k_r - sparse.teller, n_r - sparse.noemer
            tegen += (f" zonder {sparse.aantal} {'wijk' if sparse.aantal == 1 else 'wijken'} met minder dan "
                      f"{nl_num(MIN_INWONERS_RATE, 0)} inwoners")
    if n_r <= 0 or k_r < 0:
        return no_verdict("het vergelijkingsgebied is niet groter dan het gebied zelf")
    rr = rate_ratio(k_r, k_f, n_r, n_f)
    if rr is None:
        return no_verdict("geen enkel geval in beide gebieden")
    rule = Rule("poisson", f"Regel: bij aantallen kijken we of het verschil met {tegen} groter is dan toeval "
                           f"(Poisson-toets). Hier: {'binnen' if rr.within_margin else 'buiten'} de toevalsmarge.",
                p_waarde=rr.p_value)
    return directed(ind, rr.ratio - 1.0, rr.within_margin, rule, verschil=focus.waarde - ref.waarde)


# -- change against a reference change (difference-in-differences) ----------------------------


def judge_change(ind: Indicator, kind: Kind, f0: Value, f1: Value, r0: Value | None, r1: Value | None, *,
                 margin: DerivedMargin | None, decimals: int, ref_naam: str = "") -> Verdict:
    """Judge the focus change f0 -> f1 against the reference change r0 -> r1 (same table and
    peiljaren). Without a reference (r0/r1 None) only counts are judged, against no change."""
    if not (f0.beschikbaar and f1.beschikbaar):
        return no_verdict("een van beide cijfers ontbreekt")
    have_ref = r0 is not None and r1 is not None and r0.beschikbaar and r1.beschikbaar
    if have_ref and not (r0.same_source(f0) and r1.same_source(f1)):
        return no_verdict("de vergelijking komt uit een andere bron of andere peiljaren")
    if kind == "telling":
        return _count_change(ind, f0, f1, r0 if have_ref else None, r1 if have_ref else None, ref_naam)
    if not have_ref:
        return no_verdict("geen verandering van een vergelijkingsgebied uit dezelfde bron")
    did = round((f1.waarde - f0.waarde) - (r1.waarde - r0.waarde), 10)  # no float noise at the margin
    tegen = f"de verandering in {ref_naam}" if ref_naam else "de verandering van het vergelijkingsgebied"
    if kind == "schatting":
        ses_f = [se_from_interval(v.ondergrens, v.bovengrens) for v in (f0, f1)]
        if all(s is not None for s in ses_f):
            ses_r = [se_from_interval(v.ondergrens, v.bovengrens) or 0.0 for v in (r0, r1)]
            marge = Z95 * math.sqrt(sum(s * s for s in ses_f + ses_r))
            rule = Rule("interval", f"Regel: de verandering telt als ze meer dan de foutmarge van de bron "
                                    f"({nl_num(marge, 1)}) afwijkt van {tegen}.", marge)
            return directed(ind, did, abs(did) <= marge, rule)
        if margin is None:
            return no_verdict("de bron geeft geen foutmarge en er is geen landelijke marge voor deze indicator")
        rule = Rule("afgeleide_marge", f"Regel: de verandering telt als ze meer afwijkt van {tegen} dan "
                                       f"{_margin_text(margin, 'verandering')}.",
                    margin.marge_verandering)
        return directed(ind, did, abs(did) <= margin.marge_verandering, rule)
    marge = 2 * _rounding(decimals)
    rule = Rule("afronding", f"Regel: bij een geteld cijfer telt de verandering als ze meer dan de afronding afwijkt "
                             f"van {tegen}.", marge)
    return directed(ind, did, abs(did) <= marge + 1e-9, rule)


def _count_change(ind: Indicator, f0: Value, f1: Value, r0: Value | None, r1: Value | None,
                  ref_naam: str) -> Verdict:
    k0, k1 = f0.teller, f1.teller
    if k0 is None or k1 is None:
        return no_verdict("de telling achter het cijfer ontbreekt")
    for v in (f0, f1):
        why = suppressed_rate(v)
        if why:
            return no_verdict(why)
    null_ratio, tegen = 1.0, "gelijk blijven"
    if r0 is not None and r1 is not None and r0.teller is not None and r1.teller is not None:
        a, b = r0.teller, r1.teller
        rest = lies_within(f0.codes, r0.code)
        if rest:
            a, b = a - k0, b - k1
        if a > 0 and b > 0:
            null_ratio = b / a
            naam = ref_naam or "het vergelijkingsgebied"
            tegen = f"de verandering in de rest van {naam}" if rest else f"de verandering in {naam}"
    # Populations of both years when both are known; otherwise equal exposure.
    e0 = f0.noemer if (f0.noemer and f1.noemer) else 1.0
    e1 = f1.noemer if (f0.noemer and f1.noemer) else 1.0
    rr = rate_ratio(k0, k1, e0, e1, null_ratio=null_ratio)
    if rr is None:
        return no_verdict("geen enkel geval in beide jaren")
    wat = "de verandering" if tegen == "gelijk blijven" else f"het verschil met {tegen}"
    rule = Rule("poisson", f"Regel: bij aantallen kijken we of {wat} groter is dan toeval (Poisson-toets). "
                           f"Hier: {'binnen' if rr.within_margin else 'buiten'} de toevalsmarge.",
                p_waarde=rr.p_value)
    return directed(ind, rr.relative_to_null - 1.0, rr.within_margin, rule)
