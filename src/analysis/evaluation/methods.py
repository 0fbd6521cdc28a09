"""The rules of the evaluation model explained in plain Dutch for the *Data en methode*
page, each with one worked example computed from the book's own data.

``method_sections(data, reg)`` evaluates the registry's focus areas and takes, per rule, the
first real case where the rule decided a verdict; a rule that no figure in the book uses yet
says so instead of inventing an example.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..registries import Registries
from .key_findings import change_phrase
from .margins import margins_lookup
from .model import AreaEvaluation, EvaluationData, evaluate_area
from .robust import rate_by_population
from .rules import MIN_INWONERS_RATE
from .similarity import FEATURES, K_DEFAULT, MIN_INWONERS, PARALLEL_RULE
from .text import fmt_value, lower_first, nl_num


@dataclass(frozen=True)
class MethodSection:
    id: str  # the rule id (matches ``Rule.id`` where there is one)
    titel: str
    uitleg: str
    voorbeeld: str  # a worked example from the book's data, or why there is none
    tabel: pd.DataFrame | None = None  # supporting figures (e.g. rates per population band)


def focus_evaluations(data: EvaluationData, reg: Registries) -> list[AreaEvaluation]:
    """Every focus area of the registry in every meting."""
    return [evaluate_area(data, reg, f.codes, f.gemeente, m.jaar, naam=f.naam)
            for f in reg.gebieden.focusgebieden for m in reg.metingen.metingen]


def _trends(evs: list[AreaEvaluation]):
    for ev in evs:
        for ie in ev.indicatoren:
            for which in ("sinds_nulmeting", "sinds_vorige"):
                for code, tc in ie.changes(which):
                    yield ev, ie, code, which, tc


def _did_example(evs: list[AreaEvaluation]) -> str:
    for ev, ie, code, which, tc in _trends(evs):
        if ie.soort == "schatting" and tc.hoofd == "nederland" and tc.verdict.oordeel == "vergelijkbaar" \
                and tc.focus.verschil is not None and tc.referenties["nederland"].verschil < 0 \
                and tc.focus.verschil < tc.referenties["nederland"].verschil:
            naam = ev.naam_van(code)
            when = "sinds de nulmeting" if which == "sinds_nulmeting" else "sinds de vorige meting"
            return (f"{ie.indicator.label} {change_phrase(ev, ie, tc, naam, when)}. {naam} daalde "
                    f"{nl_num(-tc.focus.verschil, 1)} procentpunt, maar heel Nederland daalde ook "
                    f"{nl_num(-tc.referenties['nederland'].verschil, 1)}. Het verschil is "
                    f"{nl_num(abs(tc.did('nederland')), 1)} procentpunt: kleiner dan de marge. Daarom staat er niet "
                    f"'verslechterd' maar 'gelijk op'.")
    return "Er is in dit boek nog geen verandering met een landelijke vergelijking."


def _poisson_example(evs: list[AreaEvaluation]) -> str:
    for ev, ie, code, which, tc in _trends(evs):
        zelf = tc.verdicts.get("zelf")
        if ie.soort == "telling" and zelf is not None and zelf.oordeel == "vergelijkbaar" and tc.focus.verschil:
            k0, k1 = tc.focus.van.teller, tc.focus.naar.teller
            return (f"Het aantal {lower_first(ie.indicator.label)} in {ev.naam_van(code)} ging van {nl_num(k0, 0)} "
                    f"({tc.van_peiljaar}) naar {nl_num(k1, 0)} ({tc.naar_peiljaar}). Als er in beide jaren evenveel "
                    f"kans op een misdrijf was, dan verschillen twee jaartellingen vaak zoveel: de kans op een verschil "
                    f"van deze grootte of groter is {nl_num(zelf.regel.p_waarde * 100, 0)}%. Dat is binnen de "
                    f"toevalsmarge, dus geen echte verandering.")
    return "Er is in dit boek nog geen telling met twee jaren."


def _margin_example(data: EvaluationData) -> str:
    parts = []
    for niveau in ("wijk", "buurt"):
        m = margins_lookup(data.margins, "ervaren_gezondheid", niveau)
        if m is not None:
            parts.append(f"Ervaren gezondheid, per {niveau}: {m.uitleg()}")
    return " ".join(parts) or "De tabel met landelijke veranderingen ontbreekt."


def _interval_example(evs: list[AreaEvaluation]) -> str:
    for ev in evs:
        for ie in ev.indicatoren:
            for role, v in ie.tov.items():
                if v.regel.id == "interval":
                    return (f"{ie.indicator.label} in {ev.naam}: verschil met {ev.referenties[role][1]} "
                            f"{nl_num(v.verschil, 1)} procentpunt, foutmarge {nl_num(v.regel.marge, 1)}: "
                            f"{v.oordeel}.")
    return ("In de cijfers van dit boek staan nog geen 95%-marges van de bron. Zodra een tabel ze heeft, gaat deze "
            "regel voor de marge die we zelf afleiden.")


def _rate_example(data: EvaluationData, evs: list[AreaEvaluation], reg: Registries) -> tuple[str, pd.DataFrame | None]:
    ind = next((i for i in reg.kernset.indicatoren if i.eenheid == "per_1000_inwoners" and i.bronnen), None)
    if ind is None:
        return "Er zijn geen cijfers per inwoner in dit boek.", None
    t = data.indicators
    sel = t[(t["indicator"] == ind.id) & t["noemer"].notna() & (t["noemer"] < MIN_INWONERS_RATE)
            & t["gebied_niveau"].isin(["wijk", "buurt"]) & t["waarde"].notna()]
    if sel.empty:
        return "Geen enkel gebied in dit boek valt onder de grens.", None
    top = sel.sort_values(["gebied_niveau", "waarde"], ascending=[False, False]).iloc[0]
    names = evs[0].namen if evs else {}
    eenheid = reg.kernset.eenheden[ind.eenheid]
    text = (f"{names.get(top.gebied_code, 'Een gebied')} heeft {nl_num(top.noemer, 0)} inwoners en "
            f"{nl_num(top.teller, 0)} {lower_first(ind.label).split(' per ')[0]} in {int(top.peiljaar)}: "
            f"{fmt_value(top.waarde, eenheid)}. Dat zegt weinig over de bewoners. Zo'n cijfer tonen we niet en het telt "
            f"niet mee in vergelijkingen.")
    return text, rate_by_population(t, ind.id, str(top.bron_tabel), int(top.peiljaar))


def _comparison_example(evs: list[AreaEvaluation]) -> str:
    for ev in evs:
        g = ev.vergelijkingsgroep
        if g is not None and g.wijken:
            first = [f"{w.naam} ({w.gemeente_naam})" for w in g.wijken[:4]]
            return (f"Voor {ev.naam} zijn dat onder meer {', '.join(first)}. {g.toelichting(ev.naam)}")
    return "Er zijn geen landelijke wijktabellen geladen."


def _pretrend_example(evs: list[AreaEvaluation]) -> str:
    for ev in evs:
        for ie in ev.indicatoren:
            pt = ie.pretrend
            if pt is not None and pt.stappen:
                s = pt.stappen[-1]
                word = "gelijk op" if s.parallel else "niet gelijk op"
                return (f"{ie.indicator.label} in {ev.naam_van(s.code)}: van {s.van} tot {s.naar} "
                        f"{nl_num(s.focus_verandering, 1)} procentpunt, de vergelijkingswijken "
                        f"{nl_num(s.groep_verandering, 1)}. Verschil {nl_num(abs(s.verschil), 1)}, marge "
                        f"{nl_num(s.marge, 1)}: {word}.")
    return "Er is geen reeks van vóór de start van de monitor."


def _position_example(evs: list[AreaEvaluation]) -> str:
    for ev in evs:
        for ie in ev.indicatoren:
            if ie.landelijk is not None and ie.landelijk.gunstig_percentiel is not None:
                return f"{ie.landelijk.zin(ie.indicator.label, ev.naam)} Dat is {ie.landelijk.rang_tekst()}."
    return "Er zijn geen landelijke wijkcijfers geladen."


def _baseline_example(evs: list[AreaEvaluation], reg: Registries) -> str:
    for ev in evs:
        for ie in ev.indicatoren:
            for b in ie.herziene_basis:
                if b.gewijzigd and b.code in ev.codes:
                    return f"{ie.indicator.label} in {ev.naam} ({b.peiljaar}): {b.zin(reg, ie.decimalen)}"
    for ev in evs:
        for ie in ev.indicatoren:
            for b in ie.herziene_basis:
                if b.gewijzigd:
                    return f"{ie.indicator.label} in {ev.naam_van(b.code)} ({b.peiljaar}): {b.zin(reg, ie.decimalen)}"
    return "Geen enkele nulmeting in dit boek is opnieuw geschat."


def _rounding_example(evs: list[AreaEvaluation]) -> str:
    for ev in evs:
        for ie in ev.indicatoren:
            for role, v in ie.tov.items():
                if v.regel.id == "afronding" and v.has_verdict and ie.focus.beschikbaar:
                    ref = ie.referenties[role]
                    return (f"{ie.indicator.label} in {ev.naam}: {fmt_value(ie.focus.waarde, ie.eenheid, ie.decimalen)}"
                            f", in {ev.referenties[role][1]} {fmt_value(ref.waarde, ie.eenheid, ie.decimalen)}: "
                            f"{v.oordeel}.")
    return "Er is in dit boek nog geen registercijfer met een vergelijking."


def _headline_example(evs: list[AreaEvaluation], reg: Registries) -> str:
    from .key_findings import headlines

    for ev in evs:
        for h in headlines(ev, reg):
            if any(c.soort == "delen_niveau" for c in h.claims):
                return (f"Op de factsheet van {ev.naam} ({ev.meting}) staat: '{h.tekst}' Dat staat er alleen omdat de "
                        f"tabel per buurt precies dat laat zien.")
    return "Er is in dit boek nog geen gebied dat alleen per buurt bekend is."


def method_sections(data: EvaluationData, reg: Registries,
                    evaluations: list[AreaEvaluation] | None = None) -> list[MethodSection]:
    """The Data en methode text of every rule, with worked examples from the real data."""
    evs = evaluations if evaluations is not None else focus_evaluations(data, reg)
    rate_text, rate_table = _rate_example(data, evs, reg)
    kenmerken = ", ".join(f.label.split(" (")[0] for f in FEATURES)
    return [
        MethodSection(
            "verschil_in_verschil", "Vergelijken met de landelijke ontwikkeling",
            "Een cijfer kan in een wijk dalen omdat het overal daalt. Daarom zetten we de verandering van het gebied "
            "naast de verandering van de gemeente en van heel Nederland, over dezelfde jaren en uit dezelfde bron. "
            "Het oordeel gaat over het verschil tussen die veranderingen. Volgt het gebied de landelijke ontwikkeling, "
            "dan staat er 'gelijk op', ook als het cijfer zelf daalde.",
            _did_example(evs)),
        MethodSection(
            "interval", "Foutmarge uit de bron",
            "De gezondheidscijfers per wijk en buurt zijn schattingen. Waar de bron een 95%-interval geeft, rekenen "
            "we daarmee: een verschil telt pas als het groter is dan de foutmarge van de schattingen samen.",
            _interval_example(evs)),
        MethodSection(
            "afgeleide_marge", "Foutmarge afgeleid uit alle wijken",
            "Geeft de bron geen interval, dan kijken we hoe sterk de verandering verschilt tussen alle wijken (of "
            "buurten) van Nederland. We nemen aan dat al dat verschil toeval kan zijn. Een verandering die meer "
            "afwijkt dan 95% van wat toeval dan kan geven, telt als verschil. Voor een verschil op één moment is de "
            "marge kleiner, want daar speelt maar één schatting mee.",
            _margin_example(data)),
        MethodSection(
            "poisson", "Tellingen: de toevalsmarge",
            "Aantallen zoals misdrijven schommelen van jaar tot jaar, ook als er niets verandert. We toetsen of het "
            "verschil groter is dan zulk toeval (een exacte toets voor tellingen, Poisson). Een wijk vergelijken we "
            "met de rest van de gemeente. Het aantal inwoners nemen we in beide jaren gelijk, omdat de bron het "
            "alleen voor 2024 geeft.",
            _poisson_example(evs)),
        MethodSection(
            "afronding", "Andere registercijfers",
            "Cijfers uit een register, zoals het aandeel 65-plussers of de WOZ-waarde, zijn geen schattingen. Elk "
            "verschil dat groter is dan de afronding van de bron telt mee. Bij zulke cijfers zonder goede of slechte "
            "kant staat alleen 'hoger' of 'lager'.",
            _rounding_example(evs)),
        MethodSection(
            "minimum_inwoners", "Te weinig inwoners voor een cijfer per inwoner",
            f"Een cijfer per 1.000 inwoners tonen en vergelijken we alleen bij minstens "
            f"{nl_num(MIN_INWONERS_RATE, 0)} inwoners. In bedrijventerreinen en buitengebieden wonen weinig mensen; "
            f"de misdrijven daar treffen vooral bedrijven en voorbijgangers. De tabel laat zien dat zulke gebieden "
            f"vele malen hogere cijfers hebben dan woonwijken. Naast het gemiddelde van de gemeente tonen we ook de "
            f"middelste wijk van de gemeente, zodat één uitschieter het beeld niet bepaalt. Bij de toets tegen de "
            f"rest van de gemeente laten we zulke wijken ook weg.",
            rate_text, rate_table),
        MethodSection(
            "vergelijkingswijken", "Vergelijkbare wijken",
            f"Voor elk focusgebied zoeken we de {K_DEFAULT} Nederlandse wijken die er vóór de start het meest op "
            f"leken. We kijken naar: {kenmerken}. Gezondheid en moeite met rondkomen komen uit 2020; inwoners, "
            f"dichtheid en leeftijd uit 2024, omdat er voor heel Nederland geen oudere wijkcijfers in dit boek staan. "
            f"De WOZ-waarde staat er landelijk niet in en telt niet mee. Andere focusgebieden, wijken met minder dan "
            f"{nl_num(MIN_INWONERS, 0)} inwoners en wijken waarvan de grenzen tussen 2020 en 2024 veranderden, doen "
            f"niet mee. {PARALLEL_RULE}",
            _comparison_example(evs) + " " + _pretrend_example(evs)),
        MethodSection(
            "landelijke_positie", "Plaats tussen alle wijken",
            "Bij cijfers die er voor alle wijken van Nederland zijn, zeggen we waar het gebied staat: bij welk deel "
            "van de wijken met het laagste of hoogste cijfer het hoort. Een buurt zetten we naast alle wijken; dat "
            "staat er dan bij.",
            _position_example(evs)),
        MethodSection(
            "herziene_nulmeting", "Een nieuwe schatting van de nulmeting",
            "Het RIVM schat oudere jaren soms opnieuw. Een latere meting rekent dan vanaf de nieuwe schatting, zodat "
            "beide cijfers uit dezelfde bron komen. Op de pagina staan dan beide cijfers.",
            _baseline_example(evs, reg)),
        MethodSection(
            "kernbevindingen", "Belangrijkste bevindingen",
            "De zinnen bovenaan een factsheet komen uit dezelfde oordelen als de tabellen, ook die per deel en per "
            "buurt. Een test controleert elke zin tegen de tabel van de eigen pagina.",
            _headline_example(evs, reg)),
    ]
