"""The "Belangrijkste bevindingen" (analysis.findings) and Dutch number formatting
(analysis.format), on small synthetic indicator tables and the real registries."""

from __future__ import annotations


import pandas as pd
import pytest

from analysis.gebied import resolve as resolve_gebied
from analysis.compare import factsheet_rows
from analysis.findings import findings
from analysis.format import nl_difference, nl_number, nl_value

from synthetic import NAN, REG, row, table

NAMES = {
    "WK034403": "Overvecht",
    "BU03440311": "Taag- en Rubicondreef e.o.",
    "BU03440312": "Zambesidreef",
    "BU03440313": "Tigris- en Boogjes",
    "WK035603": "Batau-Zuid",
    "WK035604": "Batau-Noord",
    "BU03550205": "Vollenhove",
}


def area_name(code: str) -> str:
    return NAMES.get(code, code)


# --- synthetic tables ------------------------------------------------------------------------


def three(indicator: str, focus_code: str, gemeente_code: str, peiljaar: int, tabel: str,
          focus: float | None, gemeente: float | None, nederland: float | None) -> list[dict]:
    out = []
    for code, waarde in ((focus_code, focus), (gemeente_code, gemeente), ("NL01", nederland)):
        if waarde is not None:
            out.append(row(indicator, code, peiljaar, waarde, tabel))
    return out


FOCUS_OF = {"utrecht": "overvecht", "nieuwegein": "batau", "zeist": "vollenhove", "amersfoort": "soesterkwartier"}


def run(t: pd.DataFrame, gemeente: str, meting: int) -> list[str]:
    g = resolve_gebied(REG, FOCUS_OF[gemeente])
    return findings(factsheet_rows(t, REG, g, meting), REG, g, meting, area_name)


N_SCORED = sum(not REG.pijler(i.pijler).context for i in REG.kernset.indicatoren)
CLAIMS = ("gunstiger", "ongunstiger", "verslechterd", "verbeterd")


# --- scenarios -------------------------------------------------------------------------------


def empty() -> pd.DataFrame:
    return table()


def direction_2021() -> pd.DataFrame:
    """Overvecht 2021: worse on roken (lager_beter), better on vrijwilligerswerk (hoger_beter)."""
    return table(
        *three("roken", "WK034403", "GM0344", 2020, "50090NED", 30.0, 22.0, 20.0),
        *three("vrijwilligerswerk", "WK034403", "GM0344", 2020, "50090NED", 35.0, 28.0, 30.0),
    )


def vollenhove_2023(van: float, naar: float) -> pd.DataFrame:
    return table(
        row("ervaren_gezondheid", "BU03550205", 2020, van, "50150NED"),
        row("ervaren_gezondheid", "BU03550205", 2022, naar, "50150NED"),
        row("ervaren_gezondheid", "GM0355", 2020, 76.0, "50150NED"),
        row("ervaren_gezondheid", "GM0355", 2022, 75.0, "50150NED"),
    )


def overvecht_buurten_2023(names_high_first: bool = True) -> pd.DataFrame:
    hi, lo = (66.5, 58.2) if names_high_first else (58.2, 66.5)
    return table(
        row("ervaren_gezondheid", "BU03440311", 2022, hi, "50150NED"),  # "Taag- en Rubicondreef e.o."
        row("ervaren_gezondheid", "BU03440312", 2022, 61.0, "50150NED"),
        row("ervaren_gezondheid", "BU03440313", 2022, lo, "50150NED"),
        row("ervaren_gezondheid", "BU03440314", 2022, None, "50150NED", reden="te weinig waarnemingen"),
        row("ervaren_gezondheid", "GM0344", 2022, 79.0, "50150NED"),
    )


def batau_2021() -> pd.DataFrame:
    return table(
        *three("ervaren_gezondheid", "WK035603", "GM0356", 2020, "50090NED", 70.0, 75.0, 78.4),
        row("ervaren_gezondheid", "WK035604", 2020, 78.0, "50090NED"),
        *three("roken", "WK035603", "GM0356", 2020, "50090NED", 18.0, 22.0, 20.0),
        row("roken", "WK035604", 2020, 26.0, "50090NED"),
    )


def rich_2023() -> pd.DataFrame:
    """Overvecht 2023 with something for every kind of sentence."""
    return table(
        *three("huishoudens_laag_inkomen", "WK034403", "GM0344", 2023, "85618NED", 60.0, 40.0, 39.0),
        *three("arbeidsparticipatie", "WK034403", "GM0344", 2023, "85618NED", 72.0, 68.0, 69.0),
        *three("ervaren_gezondheid", "WK034403", "GM0344", 2022, "50150NED", 64.0, 79.0, 77.0),
        *three("ervaren_gezondheid", "WK034403", "GM0344", 2020, "50150NED", 70.0, 81.5, 78.0),
        row("langdurige_aandoening", "BU03440311", 2022, 52.0, "50150NED"),
        row("langdurige_aandoening", "BU03440312", 2022, 47.5, "50150NED"),
    )


SCENARIOS = {
    "empty-2021": (empty, "utrecht", 2021),
    "empty-2023": (empty, "utrecht", 2023),
    "direction-2021": (direction_2021, "utrecht", 2021),
    "vollenhove-2023": (lambda: vollenhove_2023(73.3, 62.7), "zeist", 2023),
    "buurten-2023": (overvecht_buurten_2023, "utrecht", 2023),
    "batau-2021": (batau_2021, "nieuwegein", 2021),
    "rich-2023": (rich_2023, "utrecht", 2023),
}


# --- tests -------------------------------------------------------------------------------------


def test_scored_indicators_come_from_the_registry():
    context = [p.id for p in REG.kernset.pijlers if p.context]
    assert context == ["kerncijfers"]
    assert N_SCORED == len(REG.kernset.indicatoren) - len(REG.indicatoren_van("kerncijfers"))
    assert N_SCORED == 33  # the current kernset; the tests below use N_SCORED


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_three_to_six_sentences(name):
    make, gemeente, meting = SCENARIOS[name]
    sentences = run(make(), gemeente, meting)
    assert 3 <= len(sentences) <= 6, sentences
    for s in sentences:
        assert s and s[0].isupper() and s.endswith("."), s
        assert ".." not in s, s


def test_rich_case_is_capped_at_six_sentences_and_keeps_the_buurt_sentence():
    sentences = run(rich_2023(), "utrecht", 2023)
    assert len(sentences) == 6, sentences
    assert sentences[0].startswith(f"Voor 3 van de {N_SCORED} indicatoren")
    assert "; voor 1 alleen per deel of per buurt." in sentences[0]
    assert "ongunstiger op huishoudens met een laag inkomen en ervaren gezondheid goed of zeer goed" in sentences[1]
    assert sentences[2] == "Gunstiger dan Utrecht is Overvecht op netto arbeidsparticipatie."
    assert sentences[3] == ("Vergeleken met heel Nederland is Overvecht op 2 van de 3 vergeleken indicatoren "
                            "ongunstiger, op 1 gunstiger en op 0 vergelijkbaar.")
    assert "verslechterd: van 70,0% (2020) naar 64,0% (2022, bron 50150NED)" in sentences[4]
    assert sentences[5].startswith("Eén of meer langdurige aandoeningen is over 2022 alleen per buurt bekend")


def test_first_sentence_counts_scored_indicators_with_a_figure():
    sentences = run(direction_2021(), "utrecht", 2021)
    # roken and vrijwilligerswerk
    assert sentences[0] == (f"Voor 2 van de {N_SCORED} indicatoren in de vijf pijlers is er in deze meting een cijfer "
                            f"voor Overvecht. {N_SCORED - 2} ontbreken; bij elke pijler staat waarom.")


def test_context_indicators_are_not_counted():
    t = table(
        *three("huishoudens_laag_inkomen", "WK034403", "GM0344", 2023, "85618NED", 60.0, 40.0, 39.0),
        # kerncijfers (context) with figures for the focus area
        *three("inwoners", "WK034403", "GM0344", 2023, "85618NED", 33000.0, 360000.0, 17900000.0),
        *three("huishoudensgrootte", "WK034403", "GM0344", 2023, "85618NED", 2.1, 1.9, 2.1),
    )
    assert {REG.indicator(i).pijler for i in ("inwoners", "huishoudensgrootte")} == {"kerncijfers"}
    g = resolve_gebied(REG, "overvecht")
    rows = factsheet_rows(t, REG, g, 2023)
    assert sum(r.focus.status == "beschikbaar" for r in rows) == 3  # two context, one scored
    sentences = findings(rows, REG, g, 2023, area_name)
    assert sentences[0].startswith(f"Voor 1 van de {N_SCORED} indicatoren")
    assert f"{N_SCORED - 1} ontbreken" in sentences[0]


@pytest.mark.parametrize("meting", [2021, 2023, 2025])
def test_all_missing_says_zero_and_claims_nothing(meting):
    sentences = run(empty(), "utrecht", meting)
    assert sentences[0].startswith(f"Voor 0 van de {N_SCORED} indicatoren")
    assert f"{N_SCORED} ontbreken" in sentences[0]
    assert sentences[1].startswith("Een oordeel ten opzichte van Utrecht is in deze meting niet mogelijk")
    text = " ".join(sentences).lower()
    for claim in CLAIMS:
        assert claim not in text, claim
    assert "vergeleken met heel nederland" not in text


def test_all_focus_figures_suppressed_claims_nothing():
    # comparators exist, but every focus value is '.'-suppressed
    t = table(
        row("roken", "WK034403", 2020, None, "50090NED", reden="geheimgehouden ('.')"),
        row("roken", "GM0344", 2020, 22.0, "50090NED"),
        row("roken", "NL01", 2020, 20.0, "50090NED"),
        row("vrijwilligerswerk", "WK034403", 2020, None, "50090NED", reden="geheimgehouden ('.')"),
        row("vrijwilligerswerk", "GM0344", 2020, 28.0, "50090NED"),
    )
    sentences = run(t, "utrecht", 2021)
    assert sentences[0].startswith(f"Voor 0 van de {N_SCORED} indicatoren")
    assert "niet mogelijk" in sentences[1]
    text = " ".join(sentences).lower()
    for claim in CLAIMS:
        assert claim not in text, claim


def test_direction_aware_lists():
    sentences = run(direction_2021(), "utrecht", 2021)
    worse = [s for s in sentences if "ongunstiger op" in s]
    better = [s for s in sentences if s.startswith("Gunstiger")]
    assert worse == ["Ten opzichte van de gemeente Utrecht scoort Overvecht ongunstiger op rookt."]
    assert better == ["Gunstiger dan Utrecht is Overvecht op doet vrijwilligerswerk."]
    assert "vrijwilligerswerk" not in worse[0]
    assert "rookt" not in better[0]
    assert ("Vergeleken met heel Nederland is Overvecht op 1 van de 2 vergeleken indicatoren ongunstiger, "
            "op 1 gunstiger en op 0 vergelijkbaar.") in sentences


def test_only_better_says_nowhere_worse():
    t = table(*three("vrijwilligerswerk", "WK034403", "GM0344", 2020, "50090NED", 35.0, 28.0, None))
    sentences = run(t, "utrecht", 2021)
    assert "Op geen enkele indicator met een oordeel scoort Overvecht ongunstiger dan Utrecht." in sentences
    assert "Gunstiger dan Utrecht is Overvecht op doet vrijwilligerswerk." in sentences


def test_nulmeting_sentence_only_in_the_nulmeting():
    s2021 = run(direction_2021(), "utrecht", 2021)
    assert any(s.startswith("Dit is de nulmeting") for s in s2021)
    assert "de metingen van 2023 en 2025" in next(s for s in s2021 if s.startswith("Dit is de nulmeting"))
    s2023 = run(vollenhove_2023(73.3, 62.7), "zeist", 2023)
    assert not any("Dit is de nulmeting" in s for s in s2023)


def test_change_sentence_worse():
    sentences = run(vollenhove_2023(73.3, 62.7), "zeist", 2023)
    change = [s for s in sentences if s.startswith("Sinds de nulmeting")]
    assert change == ["Sinds de nulmeting is ervaren gezondheid goed of zeer goed in Vollenhove verslechterd: "
                      "van 73,3% (2020) naar 62,7% (2022, bron 50150NED); in Zeist ging het van 76,0% naar 75,0%."]


def test_change_sentence_better():
    sentences = run(vollenhove_2023(62.7, 73.3), "zeist", 2023)
    change = [s for s in sentences if s.startswith("Sinds de nulmeting")]
    assert len(change) == 1
    assert " verbeterd: van 62,7% (2020) naar 73,3% (2022, bron 50150NED)" in change[0]
    assert "verslechterd" not in change[0]


def test_change_within_threshold_claims_no_direction():
    sentences = run(vollenhove_2023(73.3, 72.0), "zeist", 2023)
    change = [s for s in sentences if s.startswith("Sinds de nulmeting")]
    assert change == ["Sinds de nulmeting is ervaren gezondheid goed of zeer goed in Vollenhove niet meer "
                      "veranderd dan de cijfers kunnen onderscheiden."]


def test_no_change_sentence_across_tables():
    t = table(
        row("ervaren_gezondheid", "BU03550205", 2020, 74.0, "50090NED"),
        row("ervaren_gezondheid", "BU03550205", 2022, 62.7, "50150NED"),
    )
    sentences = run(t, "zeist", 2023)
    assert any("niet te berekenen" in s for s in sentences)
    assert not any("verslechterd" in s or "verbeterd" in s for s in sentences)


def test_buurten_only_sentence_names_lowest_and_highest():
    sentences = run(overvecht_buurten_2023(names_high_first=False), "utrecht", 2023)
    buurt = [s for s in sentences if "alleen per buurt bekend" in s]
    assert len(buurt) == 1
    # lowest 58,2% is BU03440311 (a name ending in '.'), highest 66,5% BU03440313
    assert buurt[0].startswith("Ervaren gezondheid goed of zeer goed is over 2022 alleen per buurt bekend: "
                               "van 58,2% in Taag- en Rubicondreef e.o. tot 66,5% in Tigris- en Boogjes. ")
    assert "Zambesidreef" not in buurt[0]
    assert "BU03440314" not in buurt[0]


def test_name_ending_in_a_dot_gives_no_double_dot():
    sentences = run(overvecht_buurten_2023(names_high_first=True), "utrecht", 2023)
    buurt = [s for s in sentences if "alleen per buurt bekend" in s]
    assert len(buurt) == 1
    assert "van 58,2% in Tigris- en Boogjes tot 66,5% in Taag- en Rubicondreef e.o. Een cijfer" in buurt[0]
    for s in sentences:
        assert ".." not in s, s


def test_buurten_sentence_with_changes_per_buurt():
    t = pd.concat([overvecht_buurten_2023(), table(
        row("ervaren_gezondheid", "BU03440311", 2020, 60.0, "50150NED"),  # 60.0 -> 66.5: better
        row("ervaren_gezondheid", "BU03440313", 2020, 65.0, "50150NED"),  # 65.0 -> 58.2: worse
    )], ignore_index=True)
    sentences = run(t, "utrecht", 2023)
    buurt = next(s for s in sentences if "alleen per buurt bekend" in s)
    assert ("Sinds de nulmeting (2020, zelfde bron 50150NED) is het in 1 van de 2 buurten verslechterd "
            "en in 1 verbeterd.") in buurt
    assert any(s.startswith("Voor heel Overvecht is geen verandering sinds de nulmeting te berekenen")
               for s in sentences)


def test_batau_per_part_sentence():
    sentences = run(batau_2021(), "nieuwegein", 2021)
    assert sentences[0].startswith(f"Voor 0 van de {N_SCORED} indicatoren")
    assert "; voor 2 alleen per deel of per buurt." in sentences[0]
    part = [s for s in sentences if "alleen per deel bekend" in s]
    assert len(part) == 1
    text = part[0]
    assert text.startswith("Batau is in deze meting alleen per deel bekend (Batau-Zuid en Batau-Noord).")
    segments = {seg.split(" dan Nieuwegein scoort ")[0]: seg for seg in text.rstrip(".").split(". ")[1:]}
    assert set(segments) == {"Ongunstiger", "Gunstiger"}
    worse, better = segments["Ongunstiger"], segments["Gunstiger"]
    # hoger_beter: Zuid 70 < Nieuwegein 75 < Noord 78; lager_beter: Zuid 18 < 22 < Noord 26
    assert "Batau-Zuid op ervaren gezondheid goed of zeer goed" in worse
    assert "Batau-Noord op rookt" in worse
    assert "Batau-Noord op ervaren gezondheid goed of zeer goed" in better
    assert "Batau-Zuid op rookt" in better
    assert "Batau-Zuid op rookt" not in worse and "Batau-Noord op rookt" not in better


def test_batau_part_sentence_says_when_no_part_is_better():
    t = table(
        *three("roken", "WK035603", "GM0356", 2020, "50090NED", 26.0, 22.0, 20.0),
        row("roken", "WK035604", 2020, 21.0, "50090NED"),
    )
    sentences = run(t, "nieuwegein", 2021)
    part = next(s for s in sentences if "alleen per deel bekend" in s)
    assert "Ongunstiger dan Nieuwegein scoort Batau-Zuid op rookt." in part
    assert "Geen van de delen scoort gunstiger dan Nieuwegein." in part


# --- format ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (12345.678, 1, "12.345,7"),
        (None, 1, "—"),
        (NAN, 1, "—"),
        (73.3, 1, "73,3"),
        (1234567.0, 0, "1.234.567"),
        (0.5, 2, "0,50"),
        (999.96, 1, "1.000,0"),
    ],
)
def test_nl_number(value, decimals, expected):
    assert nl_number(value, decimals) == expected


def test_nl_number_default_is_one_decimal():
    assert nl_number(12345.678) == "12.345,7"


@pytest.mark.parametrize(
    "diff, eenheid, expected",
    [
        (2.34, "procent", "+2,3 procentpunt"),
        (-2.34, "procent", "\u22122,3 procentpunt"),
        (0.0, "procent", "±0,0 procentpunt"),
        (-4.0, "per_1000_inwoners", "\u22124,0 per 1.000 inwoners"),
        (1500.0, "aantal", "+1.500"),
        (-1500.0, "aantal", "\u22121.500"),
        (None, "procent", "—"),
    ],
)
def test_nl_difference(diff, eenheid, expected):
    out = nl_difference(diff, REG.kernset.eenheden[eenheid])
    assert out == expected
    assert "-" not in out  # the minus sign is U+2212, never a hyphen


def test_nl_value_units():
    assert nl_value(73.3, REG.kernset.eenheden["procent"]) == "73,3%"
    assert nl_value(15600.0, REG.kernset.eenheden["aantal"]) == "15.600"
    assert nl_value(45.3, REG.kernset.eenheden["per_1000_inwoners"]) == "45,3 per 1.000 inwoners"
    assert nl_value(None, REG.kernset.eenheden["procent"]) == "—"
