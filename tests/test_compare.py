"""Comparisons on a factsheet (analysis.compare, on top of analysis.focus), tested on small
synthetic indicator tables and the real registries.

Every table here is built row by row with ``row``; the numbers in each test are the whole
story of that test.
"""

from __future__ import annotations


import pandas as pd
import pytest

from analysis.build.indicators import COLUMNS
from analysis.gebied import resolve as resolve_gebied
from analysis.compare import (
    Change,
    Verdict,
    change_since,
    compare_values,
    indicator_row,
    part_verdict,
    verdict,
)
from analysis.focus import AreaValue, resolve

from synthetic import REG, row, table


# --- synthetic tables ------------------------------------------------------------------------


def test_row_helper_fills_level_gemeente_and_meting():
    t = table(row("ervaren_gezondheid", "WK034403", 2020, 69.9, "50090NED"),
              row("ervaren_gezondheid", "NL01", 2016, 75.0, "50090NED"))
    assert list(t.columns) == COLUMNS
    first = t.iloc[0]
    assert (first.gebied_niveau, first.gemeente_code, first.meting) == ("wijk", "GM0344", 2021)
    assert t.iloc[1].gemeente_code == ""
    assert pd.isna(t.iloc[1].meting)  # 2016 is pre-monitor trend
    assert str(t["meting"].dtype) == "Int64" and t["peiljaar"].dtype.kind == "i"


def ind(indicator_id: str):
    return REG.indicator(indicator_id)


def av(indicator_id: str, waarde: float, peiljaar: int, tabel: str) -> AreaValue:
    return AreaValue(indicator_id, "beschikbaar", waarde, peiljaar, tabel, "direct")


# The focus areas of the three gemeenten, as pages see them.
UTRECHT = resolve_gebied(REG, "overvecht")
NIEUWEGEIN = resolve_gebied(REG, "batau")
ZEIST = resolve_gebied(REG, "vollenhove")
BATAU_GEBIED = NIEUWEGEIN


# --- 1. a single-part focus area ---------------------------------------------------------------


def gezondheid_utrecht_2020(focus: float) -> pd.DataFrame:
    return table(
        row("ervaren_gezondheid", "WK034403", 2020, focus, "50090NED"),
        row("ervaren_gezondheid", "GM0344", 2020, 80.8, "50090NED"),
        row("ervaren_gezondheid", "NL01", 2020, 78.4, "50090NED"),
    )


def test_single_part_focus_worse_than_gemeente_and_nederland():
    t = gezondheid_utrecht_2020(69.9)
    r = indicator_row(t, REG, UTRECHT, ind("ervaren_gezondheid"), 2021)
    assert r.focus == AreaValue("ervaren_gezondheid", "beschikbaar", 69.9, 2020, "50090NED", "direct")
    assert (r.gemeente.waarde, r.gemeente.bron_tabel, r.gemeente.peiljaar) == (80.8, "50090NED", 2020)
    assert (r.nederland.waarde, r.nederland.bron_tabel, r.nederland.peiljaar) == (78.4, "50090NED", 2020)
    assert r.tov_gemeente == Verdict("ongunstiger")
    assert r.tov_nederland == Verdict("ongunstiger")
    assert r.tov_gemeente.symbool == "▼" and r.tov_gemeente.judged


def test_gap_below_threshold_is_vergelijkbaar():
    # 76.9 vs Nederland 78.4: 1.5 points < drempel 2.0; vs Utrecht 80.8: 3.9 points.
    t = gezondheid_utrecht_2020(76.9)
    r = indicator_row(t, REG, UTRECHT, ind("ervaren_gezondheid"), 2021)
    assert r.tov_nederland == Verdict("vergelijkbaar")
    assert not r.tov_nederland.judged
    assert r.tov_gemeente == Verdict("ongunstiger")


def test_procent_threshold_is_two_points():
    assert REG.kernset.eenheden["procent"].drempel == 2.0


@pytest.mark.parametrize(
    "focus, ref, expected",
    [
        (70.0, 72.0, "ongunstiger"),  # exactly 2.0 lower: a difference
        (72.0, 70.0, "gunstiger"),  # exactly 2.0 higher: a difference
        (70.5, 72.5, "ongunstiger"),
        (70.25, 72.0, "vergelijkbaar"),  # 1.75
        (70.0, 71.9, "vergelijkbaar"),  # 1.9
    ],
)
def test_threshold_boundary_agrees_with_eenheid(focus, ref, expected):
    eenheid = REG.kernset.eenheden["procent"]
    gezondheid = ind("ervaren_gezondheid")
    assert eenheid.verschil_relevant(focus, ref) == (abs(focus - ref) >= 2.0)
    assert verdict(gezondheid, REG, focus, ref) == Verdict(expected)
    assert compare_values(gezondheid, REG, av("ervaren_gezondheid", focus, 2020, "50090NED"),
                          av("ervaren_gezondheid", ref, 2020, "50090NED")) == Verdict(expected)


@pytest.mark.parametrize("focus, ref", [(69.9, 71.9), (14.4, 16.4), (62.6, 64.6), (31.3, 33.3), (2.1, 4.1)])
def test_published_one_decimal_gap_of_exactly_the_threshold_is_a_difference(focus, ref):
    """CBS publishes percentages with one decimal: 14,4% against 16,4% is a gap of exactly 2,0
    procentpunt and must count as a difference, whatever binary floating point makes of it."""
    roken = ind("roken")  # lager_beter: the lower focus is better
    assert round(ref - focus, 1) == 2.0
    assert REG.kernset.eenheden["procent"].verschil_relevant(focus, ref)
    assert verdict(roken, REG, focus, ref) == Verdict("gunstiger")
    assert verdict(roken, REG, ref, focus) == Verdict("ongunstiger")


# --- 2. direction ----------------------------------------------------------------------------


def two_areas(indicator: str, focus: float, gemeente: float, tabel: str = "50090NED", peiljaar: int = 2020):
    return table(row(indicator, "WK034403", peiljaar, focus, tabel), row(indicator, "GM0344", peiljaar, gemeente, tabel))


@pytest.mark.parametrize(
    "focus, gemeente, expected",
    [(15.0, 20.0, "gunstiger"), (25.0, 20.0, "ongunstiger"), (19.0, 20.0, "vergelijkbaar")],
)
def test_lager_beter_lower_is_gunstiger(focus, gemeente, expected):
    assert ind("roken").richting == "lager_beter"
    r = indicator_row(two_areas("roken", focus, gemeente), REG, UTRECHT, ind("roken"), 2021)
    assert r.tov_gemeente == Verdict(expected)


@pytest.mark.parametrize(
    "focus, gemeente, expected",
    [(25.0, 20.0, "hoger"), (15.0, 20.0, "lager"), (21.0, 20.0, "vergelijkbaar")],
)
def test_neutraal_is_hoger_or_lager_without_judgement(focus, gemeente, expected):
    assert ind("mantelzorg").richting == "neutraal"
    r = indicator_row(two_areas("mantelzorg", focus, gemeente), REG, UTRECHT, ind("mantelzorg"), 2021)
    assert r.tov_gemeente == Verdict(expected)
    assert r.tov_gemeente.oordeel not in ("gunstiger", "ongunstiger")
    assert not r.tov_gemeente.judged


# --- 3. like with like ---------------------------------------------------------------------------


def test_comparator_from_another_table_is_not_compared():
    t = table(
        row("misdrijven_per_1000", "WK034403", 2024, 80.0, "47022NED", teller=2400, noemer=30000),
        row("misdrijven_per_1000", "GM0344", 2024, 60.0, "47022NED", teller=22200, noemer=370000),
        row("misdrijven_per_1000", "NL01", 2024, 45.0, "47013NED", teller=810000, noemer=18000000),
    )
    r = indicator_row(t, REG, UTRECHT, ind("misdrijven_per_1000"), 2025)
    assert (r.focus.status, r.focus.bron_tabel, r.focus.peiljaar, r.focus.waarde) == ("beschikbaar", "47022NED", 2024, 80.0)
    assert (r.nederland.status, r.nederland.bron_tabel, r.nederland.waarde) == ("beschikbaar", "47013NED", 45.0)
    assert r.tov_nederland.oordeel == "geen"
    assert r.tov_nederland.reden == "andere bron of ander peiljaar"
    # the gemeente does come from the focus value's table, so it is compared
    assert r.gemeente.bron_tabel == "47022NED"
    assert r.tov_gemeente == Verdict("ongunstiger")


def test_comparator_from_another_peiljaar_is_not_compared():
    misdrijven = ind("misdrijven_per_1000")
    v = compare_values(misdrijven, REG, av("misdrijven_per_1000", 80.0, 2024, "47013NED"),
                       av("misdrijven_per_1000", 40.0, 2022, "47013NED"))
    assert v.oordeel == "geen"
    assert v.reden == "andere bron of ander peiljaar"


def test_missing_comparator_gives_geen_with_reason():
    misdrijven = ind("misdrijven_per_1000")
    v = compare_values(misdrijven, REG, av("misdrijven_per_1000", 80.0, 2024, "47013NED"),
                       AreaValue("misdrijven_per_1000", "ontbreekt", reden="x"))
    assert v.oordeel == "geen" and v.reden


def test_counts_are_never_compared_between_areas():
    assert ind("misdrijven").eenheid == "aantal"
    assert REG.kernset.eenheden["aantal"].vergelijkbaar is False
    t = table(
        row("misdrijven", "WK034403", 2024, 2400.0, "47022NED"),
        row("misdrijven", "GM0344", 2024, 22200.0, "47022NED"),
        row("misdrijven", "NL01", 2024, 810000.0, "47022NED"),
    )
    r = indicator_row(t, REG, UTRECHT, ind("misdrijven"), 2025)
    assert r.focus.waarde == 2400.0 and r.gemeente.waarde == 22200.0 and r.nederland.waarde == 810000.0
    for v in (r.tov_gemeente, r.tov_nederland):
        assert v.oordeel == "geen"
        assert "aantallen" in v.reden


# --- 4. a focus area of two wijken (Batau) ----------------------------------------------------------

BATAU = ["WK035603", "WK035604"]


def test_batau_parts():
    assert BATAU_GEBIED.codes == BATAU


def test_batau_count_is_summed():
    t = table(
        row("inwoners", "WK035603", 2024, 9120.0, "85984NED"),
        row("inwoners", "WK035604", 2024, 6480.0, "85984NED"),
        row("inwoners", "WK035605", 2024, 5000.0, "85984NED"),  # another wijk: not part of Batau
    )
    assert REG.meting_of("85984NED", 2024) == 2025
    v = resolve(t, REG, "inwoners", BATAU, 2025)
    assert v.status == "beschikbaar"
    assert v.methode == "som van de delen"
    assert v.waarde == pytest.approx(15600.0)
    assert (v.peiljaar, v.bron_tabel) == (2024, "85984NED")
    assert [(p.code, p.waarde) for p in v.delen] == [("WK035603", 9120.0), ("WK035604", 6480.0)]


def test_batau_ratio_is_recomputed_from_summed_teller_and_noemer():
    # 1500/6000 = 25 % and 900/9000 = 10 %: together 2400/15000 = 16 %, not the mean 17.5 %.
    t = table(
        row("aandeel_65plus", "WK035603", 2024, 25.0, "85984NED", teller=1500, noemer=6000),
        row("aandeel_65plus", "WK035604", 2024, 10.0, "85984NED", teller=900, noemer=9000),
    )
    v = resolve(t, REG, "aandeel_65plus", BATAU, 2025)
    assert v.status == "beschikbaar"
    assert v.methode == "berekend uit de delen"
    assert v.waarde == pytest.approx(16.0)
    assert [(p.code, p.waarde) for p in v.delen] == [("WK035603", 25.0), ("WK035604", 10.0)]


def batau_gezondheid_2020() -> pd.DataFrame:
    return table(
        row("ervaren_gezondheid", "WK035603", 2020, 70.0, "50090NED"),
        row("ervaren_gezondheid", "WK035604", 2020, 78.0, "50090NED"),
        row("ervaren_gezondheid", "GM0356", 2020, 75.0, "50090NED"),
        row("roken", "WK035603", 2020, 18.0, "50090NED"),
        row("roken", "WK035604", 2020, 26.0, "50090NED"),
        row("roken", "GM0356", 2020, 22.0, "50090NED"),
        row("mantelzorg", "WK035603", 2020, 10.0, "50090NED"),
        row("mantelzorg", "WK035604", 2020, 16.0, "50090NED"),
        row("mantelzorg", "GM0356", 2020, 13.0, "50090NED"),
    )


def test_batau_model_percentage_is_shown_part_by_part():
    t = batau_gezondheid_2020()
    r = indicator_row(t, REG, NIEUWEGEIN, ind("ervaren_gezondheid"), 2021)
    assert r.focus.status == "deels"
    assert r.focus.methode == "delen naast elkaar"
    assert r.focus.waarde is None
    assert (r.focus.peiljaar, r.focus.bron_tabel) == (2020, "50090NED")
    assert [(p.code, p.waarde, p.status) for p in r.focus.delen] == [
        ("WK035603", 70.0, "beschikbaar"), ("WK035604", 78.0, "beschikbaar")]
    # the whole is not compared; no average is invented
    assert r.tov_gemeente.oordeel == "geen"


@pytest.mark.parametrize(
    "indicator, expected",
    [
        ("ervaren_gezondheid", ["ongunstiger", "gunstiger"]),  # hoger_beter: 70 < 75 < 78
        ("roken", ["gunstiger", "ongunstiger"]),  # lager_beter: 18 < 22 < 26
        ("mantelzorg", ["lager", "hoger"]),  # neutraal: 10 < 13 < 16
    ],
)
def test_batau_part_verdicts_follow_direction(indicator, expected):
    t = batau_gezondheid_2020()
    r = indicator_row(t, REG, NIEUWEGEIN, ind(indicator), 2021)
    assert r.focus.status == "deels"
    assert [part_verdict(p, r.focus, r.gemeente, r.indicator, REG).oordeel for p in r.focus.delen] == expected


def test_part_verdict_without_value_is_geen():
    from analysis.focus import PartValue

    r = indicator_row(batau_gezondheid_2020(), REG, NIEUWEGEIN, ind("roken"), 2021)
    assert part_verdict(PartValue("WK035603", None, "ontbreekt", "x"), r.focus, r.gemeente, r.indicator,
                        REG).oordeel == "geen"


# --- 5. only buurten ---------------------------------------------------------------------------------


def overvecht_buurten_2022() -> pd.DataFrame:
    return table(
        row("ervaren_gezondheid", "BU03440312", 2022, 66.5, "50150NED"),
        row("ervaren_gezondheid", "BU03440311", 2022, 61.0, "50150NED"),
        row("ervaren_gezondheid", "BU03440313", 2022, None, "50150NED", reden="te weinig waarnemingen"),
        row("ervaren_gezondheid", "BU03440201", 2022, 80.0, "50150NED"),  # another wijk
        row("ervaren_gezondheid", "GM0344", 2022, 79.0, "50150NED"),
    )


def test_focus_known_only_per_buurt():
    t = overvecht_buurten_2022()
    assert REG.meting_of("50150NED", 2022) == 2023
    v = resolve(t, REG, "ervaren_gezondheid", ["WK034403"], 2023)
    assert v.status == "deels"
    assert v.methode == "alleen buurten"
    assert v.waarde is None
    assert (v.peiljaar, v.bron_tabel) == (2022, "50150NED")
    assert [(p.code, p.waarde) for p in v.delen] == [("BU03440311", 61.0), ("BU03440312", 66.5)]
    assert "BU03440313" not in [p.code for p in v.delen]  # the missing buurt is not listed
    assert "per buurt" in v.reden


# --- 6. missing ---------------------------------------------------------------------------------------


def test_indicator_without_source_is_missing_with_geen_bron():
    z = ind("zonder_startkwalificatie")
    assert not z.bronnen and z.geen_bron
    t = table(row("ervaren_gezondheid", "WK034403", 2020, 69.9, "50090NED"))
    v = resolve(t, REG, "zonder_startkwalificatie", ["WK034403"], 2021)
    assert v.status == "ontbreekt"
    assert v.waarde is None
    assert z.geen_bron in v.reden
    r = indicator_row(t, REG, UTRECHT, z, 2021)
    assert r.tov_gemeente.oordeel == "geen" and r.tov_nederland.oordeel == "geen"


def test_table_that_does_not_feed_the_meting_gives_the_hiaten_reason():
    hiaat = REG.meting(2023).hiaten["50090NED"].strip()
    assert "50090NED" not in REG.meting(2023).peiljaren
    t = table(row("roken", "WK034403", 2020, 25.0, "50090NED"))
    v = resolve(t, REG, "roken", ["WK034403"], 2023, tabellen=["50090NED"])
    assert v.status == "ontbreekt"
    assert v.reden == hiaat


def test_suppressed_value_is_missing_with_its_reason():
    t = table(
        row("roken", "WK034403", 2020, None, "50090NED", reden="geheimgehouden ('.')"),
        row("roken", "GM0344", 2020, 20.0, "50090NED"),
        row("roken", "NL01", 2020, 19.0, "50090NED"),
    )
    r = indicator_row(t, REG, UTRECHT, ind("roken"), 2021)
    assert r.focus.status == "ontbreekt"
    assert r.focus.waarde is None
    assert "geheimgehouden ('.')" in r.focus.reden
    assert r.gemeente.beschikbaar
    assert r.tov_gemeente.oordeel == "geen"


# --- 7. change since ---------------------------------------------------------------------------------


def vollenhove(van: float, naar: float) -> pd.DataFrame:
    return table(
        row("ervaren_gezondheid", "BU03550205", 2020, van, "50150NED"),
        row("ervaren_gezondheid", "BU03550205", 2022, naar, "50150NED"),
        row("ervaren_gezondheid", "GM0355", 2020, 76.0, "50150NED"),
        row("ervaren_gezondheid", "GM0355", 2022, 75.0, "50150NED"),
    )


def test_change_since_nulmeting_within_one_table():
    t = vollenhove(73.3, 62.7)
    gezondheid = ind("ervaren_gezondheid")
    r = indicator_row(t, REG, ZEIST, gezondheid, 2023)
    assert (r.focus.waarde, r.focus.bron_tabel, r.focus.peiljaar) == (62.7, "50150NED", 2022)
    c = r.sinds_nulmeting
    assert c == Change(van=73.3, naar=62.7, van_peiljaar=2020, naar_peiljaar=2022, bron_tabel="50150NED",
                       verdict=Verdict("ongunstiger"))
    assert c.verschil == pytest.approx(-10.6)
    assert r.sinds_vorige == c  # the previous meting of 2023 is the nulmeting
    assert (r.gemeente_sinds_nulmeting.van, r.gemeente_sinds_nulmeting.naar) == (76.0, 75.0)
    assert r.gemeente_sinds_nulmeting.verdict == Verdict("vergelijkbaar")
    # the same, called directly
    assert change_since(t, REG, gezondheid, ["BU03550205"], r.focus, 2021) == c


def test_improvement_is_gunstiger():
    r = indicator_row(vollenhove(62.7, 73.3), REG, ZEIST, ind("ervaren_gezondheid"), 2023)
    assert r.sinds_nulmeting.verdict == Verdict("gunstiger")


def test_change_within_threshold_is_vergelijkbaar():
    r = indicator_row(vollenhove(73.3, 72.0), REG, ZEIST, ind("ervaren_gezondheid"), 2023)
    assert (r.sinds_nulmeting.van, r.sinds_nulmeting.naar) == (73.3, 72.0)
    assert r.sinds_nulmeting.verdict == Verdict("vergelijkbaar")


def test_no_change_across_tables():
    # 2023 comes from 50150NED 2022; the earlier figure exists only in 50090NED 2020.
    t = table(
        row("ervaren_gezondheid", "BU03550205", 2020, 74.0, "50090NED"),
        row("ervaren_gezondheid", "BU03550205", 2022, 62.7, "50150NED"),
    )
    r = indicator_row(t, REG, ZEIST, ind("ervaren_gezondheid"), 2023)
    assert (r.focus.waarde, r.focus.bron_tabel) == (62.7, "50150NED")
    assert r.sinds_nulmeting is None
    assert r.sinds_vorige is None


def test_no_change_for_the_nulmeting_itself():
    t = vollenhove(73.3, 62.7)
    gezondheid = ind("ervaren_gezondheid")
    r = indicator_row(t, REG, ZEIST, gezondheid, 2021)
    assert (r.focus.waarde, r.focus.bron_tabel, r.focus.peiljaar) == (73.3, "50150NED", 2020)
    assert r.sinds_nulmeting is None and r.sinds_vorige is None
    assert r.gemeente_sinds_nulmeting is None and r.nederland_sinds_nulmeting is None
    assert change_since(t, REG, gezondheid, ["BU03550205"], r.focus, 2021) is None


def test_eindmeting_changes_since_nulmeting_and_since_previous():
    t = table(
        row("ervaren_gezondheid", "BU03550205", 2020, 73.3, "50150NED"),
        row("ervaren_gezondheid", "BU03550205", 2022, 62.7, "50150NED"),
        row("ervaren_gezondheid", "BU03550205", 2024, 66.0, "50150NED"),
    )
    r = indicator_row(t, REG, ZEIST, ind("ervaren_gezondheid"), 2025)
    assert (r.sinds_nulmeting.van, r.sinds_nulmeting.van_peiljaar, r.sinds_nulmeting.verdict.oordeel) == (
        73.3, 2020, "ongunstiger")
    assert (r.sinds_vorige.van, r.sinds_vorige.van_peiljaar, r.sinds_vorige.verdict.oordeel) == (
        62.7, 2022, "gunstiger")


# --- 8. per-part changes --------------------------------------------------------------------------------


def test_indicator_row_gives_per_part_changes_in_the_order_of_the_parts():
    t = table(
        # listed Noord first on purpose: the order must follow focus.delen, not the table
        row("ervaren_gezondheid", "WK035604", 2022, 60.0, "50150NED"),
        row("ervaren_gezondheid", "WK035603", 2022, 70.0, "50150NED"),
        row("ervaren_gezondheid", "WK035604", 2020, 64.0, "50150NED"),
        row("ervaren_gezondheid", "WK035603", 2020, 65.0, "50150NED"),
        row("ervaren_gezondheid", "GM0356", 2022, 74.0, "50150NED"),
    )
    r = indicator_row(t, REG, NIEUWEGEIN, ind("ervaren_gezondheid"), 2023)
    assert r.focus.status == "deels" and r.focus.methode == "delen naast elkaar"
    assert [p.code for p in r.focus.delen] == BATAU
    assert r.sinds_nulmeting is None  # no whole to change
    changes = r.delen_sinds_nulmeting
    assert len(changes) == len(r.focus.delen) == 2
    assert [(c.van, c.naar, c.verdict.oordeel) for c in changes] == [(65.0, 70.0, "gunstiger"),
                                                                     (64.0, 60.0, "ongunstiger")]
    assert [c.naar for c in changes] == [p.waarde for p in r.focus.delen]
    assert all(c.bron_tabel == "50150NED" and (c.van_peiljaar, c.naar_peiljaar) == (2020, 2022) for c in changes)
    assert r.delen_sinds_vorige == changes


def test_per_buurt_changes_keep_a_gap_for_a_buurt_without_earlier_figure():
    t = overvecht_buurten_2022()
    t = pd.concat([t, table(row("ervaren_gezondheid", "BU03440312", 2020, 70.0, "50150NED"))], ignore_index=True)
    r = indicator_row(t, REG, UTRECHT, ind("ervaren_gezondheid"), 2023)
    assert [p.code for p in r.focus.delen] == ["BU03440311", "BU03440312"]
    changes = r.delen_sinds_nulmeting
    assert len(changes) == 2
    assert changes[0] is None  # BU03440311 has no 2020 figure in 50150NED
    assert (changes[1].van, changes[1].naar, changes[1].verdict.oordeel) == (70.0, 66.5, "ongunstiger")


def test_no_per_part_changes_for_a_whole_focus_area():
    r = indicator_row(vollenhove(73.3, 62.7), REG, ZEIST, ind("ervaren_gezondheid"), 2023)
    assert r.delen_sinds_nulmeting == () and r.delen_sinds_vorige == ()


def test_empty_table_everything_missing():
    t = table()
    assert t.empty and list(t.columns) == COLUMNS
    r = indicator_row(t, REG, UTRECHT, ind("roken"), 2021)
    assert r.focus.status == "ontbreekt" and r.focus.reden
    assert r.tov_gemeente.oordeel == "geen"


def test_change_of_exactly_the_threshold_is_a_difference():
    r = indicator_row(vollenhove(72.0, 70.0), REG, ZEIST, ind("ervaren_gezondheid"), 2023)
    assert r.sinds_nulmeting.verdict == Verdict("ongunstiger")
    r = indicator_row(vollenhove(72.0, 70.5), REG, ZEIST, ind("ervaren_gezondheid"), 2023)
    assert r.sinds_nulmeting.verdict == Verdict("vergelijkbaar")
