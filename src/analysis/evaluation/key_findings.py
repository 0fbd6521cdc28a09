"""Key findings generated from the same verdicts as the tables, and a checker that finds a
sentence contradicting the model.

Sentences are plain Dutch (B1): short, common words, no table or area codes; the sources of
a sentence go in ``Headline.bronnen``. Part and buurt rows count: an area known only per
buurt gets "in 8 van de 9 buurten ongunstiger dan Utrecht", and "op geen enkele indicator
ongunstiger" is only said when no row — area, part or buurt — is.

``find_contradictions`` reads sentences (generated here, or older ones from a rendered
page) for the claims this module knows how to make and checks each against the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..registries import Registries
from .model import AreaEvaluation, IndicatorEvaluation
from .text import fmt_change, fmt_percent_change, fmt_signed, lower_first, nl_join, nl_num
from .trend import TrendComparison

MAX_LISTED = 3
MAX_SENTENCES = 6
ClaimKind = Literal["niveau", "geen_enkele", "delen_niveau", "verandering", "delen_verandering"]


@dataclass(frozen=True)
class Claim:
    """What a sentence asserts, in terms of the model.

    ``soort``: niveau (indicator's level verdict against ``rol``), geen_enkele (no indicator
    or part has ``oordeel`` against ``rol``), delen_niveau / delen_verandering (``aantal`` of
    ``totaal`` parts have ``oordeel``), verandering (the indicator's change verdict).
    """

    soort: ClaimKind
    oordeel: str
    rol: str = ""
    indicator: str | None = None
    aantal: int | None = None
    totaal: int | None = None


@dataclass(frozen=True)
class Headline:
    tekst: str
    bronnen: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = field(default_factory=tuple)


def _label(ie: IndicatorEvaluation) -> str:
    return lower_first(ie.indicator.label)


def _scored(ev: AreaEvaluation, reg: Registries) -> list[IndicatorEvaluation]:
    return [ie for ie in ev.indicatoren if not reg.pijler(ie.pijler).context]


def _sources(*ies: IndicatorEvaluation) -> tuple[str, ...]:
    out: list[str] = []
    for ie in ies:
        for v in (ie.focus, *ie.referenties.values()):
            if v.bron_tabel:
                out.append(v.bron_tabel)
        out.extend(p.value.bron_tabel for p in ie.delen if p.value.bron_tabel)
    return tuple(dict.fromkeys(out))


def _part_word(ie: IndicatorEvaluation) -> str:
    return "buurten" if all(p.value.niveau == "buurt" for p in ie.delen) else "delen"


def part_counts(ie: IndicatorEvaluation, rol: str, which: str = "niveau") -> dict[str, int]:
    """How many parts (or buurten) have each verdict: level against ``rol`` or a change."""
    counts: dict[str, int] = {}
    for p in ie.delen:
        if which == "niveau":
            v = p.tov.get(rol)
        else:
            tc = getattr(p, which)
            v = tc.verdict if tc is not None else None
        if v is not None and v.has_verdict:
            counts[v.oordeel] = counts.get(v.oordeel, 0) + 1
    return counts


# -- level against the gemeente ------------------------------------------------------------------


def _level_sentences(ev: AreaEvaluation, reg: Registries, rol: str) -> list[Headline]:
    ref = ev.referenties[rol][1]
    scored = _scored(ev, reg)
    out: list[Headline] = []
    any_worse = False
    for oordeel in ("ongunstiger", "gunstiger"):
        whole = [ie for ie in scored if ie.tov.get(rol) is not None and ie.tov[rol].oordeel == oordeel]
        whole.sort(key=lambda ie: abs(ie.tov[rol].verschil or 0.0), reverse=True)
        if whole:
            any_worse |= oordeel == "ongunstiger"
            labels = [_label(ie) for ie in whole[:MAX_LISTED]]
            rest = len(whole) - MAX_LISTED
            text = f"Vergeleken met {ref} scoort {ev.naam} {oordeel} op {nl_join(labels)}"
            if rest > 0:
                text += f" (en nog {rest} {'indicator' if rest == 1 else 'indicatoren'})"
            out.append(Headline(text + ".", _sources(*whole),
                                tuple(Claim("niveau", oordeel, rol, ie.id) for ie in whole[:MAX_LISTED])))
    per_part = [ie for ie in scored if ie.delen and any(p.tov.get(rol) and p.tov[rol].judged for p in ie.delen)]
    per_part.sort(key=lambda ie: -max(part_counts(ie, rol).get("ongunstiger", 0), part_counts(ie, rol).get(
        "gunstiger", 0)))
    for ie in per_part[:2]:
        counts = part_counts(ie, rol)
        n = sum(counts.values())
        clauses, claims = [], []
        for oordeel in ("ongunstiger", "gunstiger"):
            k = counts.get(oordeel, 0)
            if k:
                any_worse |= oordeel == "ongunstiger"
                clauses.append(f"in {k} van de {n} {_part_word(ie)} {oordeel} dan {ref}")
                claims.append(Claim("delen_niveau", oordeel, rol, ie.id, k, n))
        out.append(Headline(f"{ie.indicator.label}: {' en '.join(clauses)}.", _sources(ie), tuple(claims)))
    judged_anywhere = any(v.has_verdict for ie in scored for v in ie.tov.values()) or any(
        v.has_verdict for ie in scored for p in ie.delen for v in p.tov.values())
    if not any_worse and judged_anywhere:
        out.insert(0, Headline(f"Op geen enkele indicator scoort {ev.naam} ongunstiger dan {ref}, ook niet per deel "
                               f"of per buurt.", _sources(*scored), (Claim("geen_enkele", "ongunstiger", rol),)))
    return out


# -- change against the reference trend -------------------------------------------------------------


def _direction_word(tc: TrendComparison) -> str:
    """'daling' / 'stijging' / 'ontwikkeling' of the main reference."""
    ref = tc.referenties.get(tc.hoofd or "")
    if ref is None or ref.verschil is None or ref.verschil == 0:
        return "ontwikkeling"
    return "daling" if ref.verschil < 0 else "stijging"


def _rest_ratio(tc: TrendComparison) -> float | None:
    """naar/van of the rest of the gemeente (the gemeente minus the area) for counts."""
    ref = tc.referenties.get("gemeente")
    if ref is None or ref.van.teller is None or ref.naar.teller is None:
        return None
    a = ref.van.teller - (tc.focus.van.teller or 0)
    b = ref.naar.teller - (tc.focus.naar.teller or 0)
    return b / a if a > 0 else None


def change_phrase(ev: AreaEvaluation, ie: IndicatorEvaluation, tc: TrendComparison, naam: str,
                  when: str = "sinds de nulmeting") -> str:
    """The verdict on a change with its numbers, following the subject: 'ging in Batau sinds
    de nulmeting gelijk op met de landelijke daling (Batau −6,0; Nieuwegein −5,7; Nederland
    −5,6 procentpunt)'."""
    v = tc.verdict
    role = tc.hoofd
    ref_naam = "Nederland" if role == "nederland" else ev.referenties.get(role or "", ("", ""))[1]
    if ie.soort == "telling":
        zelf = tc.verdicts.get("zelf")
        chance = ("binnen de toevalsmarge" if zelf is not None and zelf.oordeel == "vergelijkbaar"
                  else "buiten de toevalsmarge")
        text = (f"ging in {naam} {when} van {nl_num(tc.focus.van.teller, 0)} naar {nl_num(tc.focus.naar.teller, 0)} "
                f"({fmt_percent_change(tc.focus.ratio)}): {chance}")
        if role == "gemeente":
            text += (f"; in de rest van {ref_naam} {fmt_percent_change(_rest_ratio(tc))}, "
                     f"{'dus gelijk op' if v.oordeel == 'vergelijkbaar' else 'dus ' + v.oordeel}")
        return text
    parts = [f"{naam} {fmt_signed(tc.focus.verschil, ie.decimalen)}"]
    for r in ("gemeente", "nederland"):
        if r in tc.referenties:
            parts.append(f"{ev.referenties[r][1]} {fmt_signed(tc.referenties[r].verschil, ie.decimalen)}")
    numbers = "; ".join(parts) + (" procentpunt" if ie.eenheid.label == "%" else "")
    if v.oordeel == "vergelijkbaar":
        head = (f"ging in {naam} {when} gelijk op met de landelijke {_direction_word(tc)}" if role == "nederland"
                else f"ging in {naam} {when} gelijk op met {ref_naam}")
    elif v.oordeel in ("gunstiger", "ongunstiger"):
        head = f"ontwikkelde zich in {naam} {when} {v.oordeel} dan in {ref_naam}"
    elif v.oordeel in ("hoger", "lager"):
        head = f"ging in {naam} {when} {'meer omhoog' if v.oordeel == 'hoger' else 'meer omlaag'} dan in {ref_naam}"
    else:
        head = f"is in {naam} {when} niet te beoordelen"
    return f"{head} ({numbers})"


def _change_sentences(ev: AreaEvaluation, reg: Registries, which: str) -> list[Headline]:
    scored = [ie for ie in _scored(ev, reg) if ie.changes(which)]
    if which == "sinds_vorige":
        # When the previous meting is the nulmeting, its changes were told already.
        scored = [ie for ie in scored if [tc.van_peiljaar for _, tc in ie.changes(which)]
                  != [tc.van_peiljaar for _, tc in ie.changes("sinds_nulmeting")]]
    since = "Sinds de nulmeting" if which == "sinds_nulmeting" else "Sinds de vorige meting"
    out: list[Headline] = []

    def weight(ie: IndicatorEvaluation) -> tuple[int, int]:
        verdicts = [tc.verdict for _, tc in ie.changes(which)]
        return (sum(v.judged for v in verdicts), int(ie.indicator.pijler == "gezondheid"))

    for ie in sorted(scored, key=weight, reverse=True)[:2]:
        whole = getattr(ie, which)
        if whole is not None:
            subject = (f"Het aantal {_label(ie)}" if ie.soort == "telling" and ie.eenheid.label == "aantal"
                       else ie.indicator.label)
            text = f"{subject} {change_phrase(ev, ie, whole, ev.naam, since.lower())}."
            out.append(Headline(text, _sources(ie),
                                (Claim("verandering", whole.verdict.oordeel, whole.hoofd or "zelf", ie.id),)))
            continue
        counts = part_counts(ie, "", which)
        n = sum(counts.values())
        if not n:
            continue
        first = next(tc for _, tc in ie.changes(which))
        word = _part_word(ie)
        same = counts.get("vergelijkbaar", 0)
        ref = ("de landelijke ontwikkeling" if first.hoofd == "nederland"
               else f"{ev.referenties['gemeente'][1]}")
        text = (f"{since} ging {_label(ie)} in {same} van de {n} {word} van {ev.naam} gelijk op met {ref}")
        claims = [Claim("delen_verandering", "vergelijkbaar", first.hoofd or "", ie.id, same, n)]
        if first.hoofd == "nederland" and "nederland" in first.referenties:
            text += (f" (Nederland {fmt_change(first.referenties['nederland'].verschil, ie.eenheid, ie.decimalen)}, "
                     f"{first.van_peiljaar}–{first.naar_peiljaar})")
        extra = []
        for oordeel in ("ongunstiger", "gunstiger", "hoger", "lager"):
            k = counts.get(oordeel, 0)
            if k:
                extra.append(f"in {k} {'buurt' if word == 'buurten' and k == 1 else word} {oordeel}")
                claims.append(Claim("delen_verandering", oordeel, first.hoofd or "", ie.id, k, n))
        text += "." + (f" Daarnaast {nl_join(extra)}." if extra else "")
        out.append(Headline(text, _sources(ie), tuple(claims)))
    return out


def _position_sentence(ev: AreaEvaluation, reg: Registries) -> Headline | None:
    placed = [ie for ie in _scored(ev, reg) if ie.landelijk is not None and ie.landelijk.gunstig_percentiel is not None]
    if not placed:
        return None
    ie = min(placed, key=lambda ie: ie.landelijk.gunstig_percentiel)
    return Headline(ie.landelijk.zin(ie.indicator.label, ev.naam), (ie.landelijk.bron_tabel,))


def _baseline_sentence(ev: AreaEvaluation, reg: Registries) -> Headline | None:
    for ie in _scored(ev, reg):
        changed = [b for b in ie.herziene_basis if b.gewijzigd]
        if not changed:
            continue
        b = changed[0]
        if len(ie.herziene_basis) == 1:
            text = (f"{ie.indicator.label} in {ev.naam} over {b.peiljaar} is opnieuw geschat. "
                    f"{b.zin(reg, ie.decimalen).split('. ')[0]}.")
        else:
            text = (f"{ie.indicator.label} over {b.peiljaar} is per buurt opnieuw geschat; veranderingen gaan uit van "
                    f"die nieuwe schatting, niet van de cijfers uit de nulmeting.")
        return Headline(text, (b.nulmeting_tabel, b.herziene_tabel))
    return None


def headlines(ev: AreaEvaluation, reg: Registries) -> list[Headline]:
    """Three to six key findings, each with its sources and the claims it makes."""
    out = _level_sentences(ev, reg, "gemeente")
    if not ev.is_nulmeting:
        out += _change_sentences(ev, reg, "sinds_nulmeting")
        if len(out) < MAX_SENTENCES - 1:
            out += _change_sentences(ev, reg, "sinds_vorige")
        base = _baseline_sentence(ev, reg)
        if base:
            out.append(base)
    pos = _position_sentence(ev, reg)
    if pos:
        out.insert(min(1, len(out)), pos)
    if not out:
        out.append(Headline(f"Voor {ev.naam} is in deze meting geen vergelijking met de gemeente of Nederland mogelijk: "
                            f"er zijn geen cijfers uit dezelfde bron en hetzelfde peiljaar."))
    return out[:MAX_SENTENCES]


# -- checking sentences against the model ------------------------------------------------------------


@dataclass(frozen=True)
class Contradiction:
    zin: str
    claim: Claim
    reden: str


_NONE = re.compile(r"[Oo]p geen enkele indicator(?: met een oordeel)? scoort (?P<naam>.+?) (?P<oordeel>ongunstiger|gunstiger)"
                   r" dan (?P<ref>[^,.]+)")
_PARTS = re.compile(r"(?P<label>[^:.]+): (?P<rest>(?:in \d+ van de \d+ (?:buurten|delen) \w+ dan [^,.]+?)"
                    r"(?: en in \d+ van de \d+ (?:buurten|delen) \w+ dan [^,.]+?)*)\.")
_PART = re.compile(r"in (?P<k>\d+) van de (?P<n>\d+) (?:buurten|delen) (?P<oordeel>\w+) dan (?P<ref>[^,.]+?)(?= en in|$)")
_LIST = re.compile(r"scoort (?P<naam>.+?) (?P<oordeel>ongunstiger|gunstiger) op (?P<labels>.+?)(?: \(en nog [^)]*\))?\.")
_OLD_CHANGE = re.compile(r"in (?P<k>\d+) van de (?P<n>\d+) buurten (?P<woord>verslechterd|verbeterd)")
_NEW_PARTS_CHANGE = re.compile(r"ging (?P<label>.+?) in (?P<k>\d+) van de (?P<n>\d+) (?:buurten|delen) van .+? gelijk op")
_WHOLE_CHANGE = re.compile(r"(?:Het aantal )?(?P<label>[^.:;]+?) (?:ging|ontwikkelde zich) in (?P<naam>[^.:;]+?) sinds de "
                           r"(?:nulmeting|vorige meting) (?:(?P<gelijk>gelijk op)|(?P<oordeel>gunstiger|ongunstiger) dan)")
CHANGE_WORD = {"verslechterd": "ongunstiger", "verbeterd": "gunstiger"}


def _role_of(ev: AreaEvaluation, name: str) -> str | None:
    name = name.strip()
    for role, (_, naam) in ev.referenties.items():
        if name == naam or name.endswith(" " + naam) or name == f"de gemeente {naam}":
            return role
    return None


def _indicator_by_label(ev: AreaEvaluation, label: str) -> IndicatorEvaluation | None:
    want = lower_first(label.strip()).lower()
    for ie in ev.indicatoren:
        if lower_first(ie.indicator.label).lower() == want:
            return ie
    return None


def claims_in(ev: AreaEvaluation, sentence: str) -> list[Claim]:
    """The claims a sentence makes that this module can check (others are ignored)."""
    claims: list[Claim] = []
    for m in _NONE.finditer(sentence):
        role = _role_of(ev, m["ref"])
        if role:
            claims.append(Claim("geen_enkele", m["oordeel"], role))
    for m in _PARTS.finditer(sentence):
        ie = _indicator_by_label(ev, m["label"].split(". ")[-1])
        if ie is None:
            continue
        for p in _PART.finditer(m["rest"]):
            role = _role_of(ev, p["ref"])
            if role:
                claims.append(Claim("delen_niveau", p["oordeel"], role, ie.id, int(p["k"]), int(p["n"])))
    for m in _LIST.finditer(sentence):
        if m["naam"].strip() != ev.naam:
            continue
        before = sentence[: m.start()]
        ref = re.search(r"(?:Vergeleken met|Ten opzichte van)(?: de gemeente)? (?P<ref>[^,]+?),? $", before)
        role = _role_of(ev, ref["ref"]) if ref else "gemeente"
        for label in re.split(r", | en ", m["labels"]):
            ie = _indicator_by_label(ev, label)
            if ie is not None and role:
                claims.append(Claim("niveau", m["oordeel"], role, ie.id))
    for m in _OLD_CHANGE.finditer(sentence):
        ie = next((ie for ie in ev.indicatoren if ie.delen and ie.changes("sinds_nulmeting")
                   and lower_first(ie.indicator.label).lower() in sentence.lower()), None)
        if ie is not None:
            claims.append(Claim("delen_verandering", CHANGE_WORD[m["woord"]], "", ie.id, int(m["k"]), int(m["n"])))
    for m in _NEW_PARTS_CHANGE.finditer(sentence):
        ie = _indicator_by_label(ev, m["label"])
        if ie is not None:
            claims.append(Claim("delen_verandering", "vergelijkbaar", "", ie.id, int(m["k"]), int(m["n"])))
    for m in _WHOLE_CHANGE.finditer(sentence):
        ie = _indicator_by_label(ev, m["label"]) or _indicator_by_label(ev, "geregistreerde " + m["label"])
        if ie is not None and (m["gelijk"] or m["oordeel"]):
            claims.append(Claim("verandering", "vergelijkbaar" if m["gelijk"] else m["oordeel"], "", ie.id))
    return claims


def check_claim(ev: AreaEvaluation, claim: Claim, which: str = "sinds_nulmeting") -> str | None:
    """Why ``claim`` contradicts the model, or None when it agrees."""
    if claim.soort == "geen_enkele":
        hits = [ie.indicator.label for ie in ev.indicatoren
                if (ie.tov.get(claim.rol) and ie.tov[claim.rol].oordeel == claim.oordeel)
                or any(p.tov.get(claim.rol) and p.tov[claim.rol].oordeel == claim.oordeel for p in ie.delen)]
        return f"{claim.oordeel} op: {', '.join(hits)}" if hits else None
    ie = ev.indicator(claim.indicator) if claim.indicator else None
    if ie is None:
        return None
    if claim.soort == "niveau":
        v = ie.tov.get(claim.rol)
        if v is not None and v.oordeel == claim.oordeel:
            return None
        if any(p.tov.get(claim.rol) and p.tov[claim.rol].oordeel == claim.oordeel for p in ie.delen):
            return None
        return f"{ie.id}: het oordeel in de tabel is {v.oordeel if v else 'geen'}"
    if claim.soort == "delen_niveau":
        counts = part_counts(ie, claim.rol)
        n = sum(counts.values())
        k = counts.get(claim.oordeel, 0)
        return None if (k, n) == (claim.aantal, claim.totaal) else f"{ie.id}: de tabel heeft {k} van de {n}"
    if claim.soort == "delen_verandering":
        for w in (which, "sinds_vorige" if which == "sinds_nulmeting" else "sinds_nulmeting"):
            counts = part_counts(ie, "", w)
            if sum(counts.values()) == claim.totaal and counts.get(claim.oordeel, 0) == claim.aantal:
                return None
        counts = part_counts(ie, "", which)
        return (f"{ie.id}: de tabel heeft {counts.get(claim.oordeel, 0)} van de {sum(counts.values())} "
                f"{claim.oordeel}")
    if claim.soort == "verandering":
        verdicts = [tc.verdict.oordeel for w in ("sinds_nulmeting", "sinds_vorige") for _, tc in ie.changes(w)]
        return None if claim.oordeel in verdicts else f"{ie.id}: de verandering in de tabel is {verdicts or 'geen'}"
    return None


def find_contradictions(ev: AreaEvaluation, sentences: list[str] | list[Headline]) -> list[Contradiction]:
    """Every claim in ``sentences`` that the model contradicts. Headlines are checked on
    their own claims and on the claims read from their text."""
    out: list[Contradiction] = []
    for s in sentences:
        text = s.tekst if isinstance(s, Headline) else s
        claims = list(s.claims) if isinstance(s, Headline) else []
        claims += [c for c in claims_in(ev, text) if c not in claims]
        for c in claims:
            why = check_claim(ev, c)
            if why:
                out.append(Contradiction(text, c, why))
    return out
