"""How a focus area's value is resolved from the long indicator table (analysis.focus): one
area or several parts, counts summed and ratios recomputed with same-year weights, model
percentages part by part, buurten when only buurten exist, and every gap with its reason.
Verdicts and changes are the evaluation model's (tests/test_evaluation_*.py).

Every table here is built row by row with ``row``; the numbers in each test are the whole
story of that test.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.build.indicators import COLUMNS
from analysis.focus import resolve
from analysis.gebied import resolve as resolve_gebied

from synthetic import REG, row, table

BATAU = ["WK035603", "WK035604"]


def test_row_helper_fills_level_gemeente_and_meting():
    t = table(row("ervaren_gezondheid", "WK034403", 2020, 69.9, "50090NED"),
              row("ervaren_gezondheid", "NL01", 2016, 75.0, "50090NED"))
    assert list(t.columns) == COLUMNS
    first = t.iloc[0]
    assert (first.gebied_niveau, first.gemeente_code, first.meting) == ("wijk", "GM0344", 2021)
    assert t.iloc[1].gemeente_code == ""
    assert pd.isna(t.iloc[1].meting)  # 2016 is pre-monitor trend
    assert str(t["meting"].dtype) == "Int64" and t["peiljaar"].dtype.kind == "i"


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


def test_batau_parts():
    assert resolve_gebied(REG, "batau").codes == BATAU


def test_batau_model_percentage_is_shown_part_by_part():
    v = resolve(batau_gezondheid_2020(), REG, "ervaren_gezondheid", BATAU, 2021)
    assert v.status == "deels"
    assert v.methode == "delen naast elkaar"
    assert v.waarde is None  # no average is invented
    assert (v.peiljaar, v.bron_tabel) == (2020, "50090NED")
    assert [(p.code, p.waarde, p.status) for p in v.delen] == [
        ("WK035603", 70.0, "beschikbaar"), ("WK035604", 78.0, "beschikbaar")]


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
    z = REG.indicator("zonder_startkwalificatie")
    assert not z.bronnen and z.geen_bron
    t = table(row("ervaren_gezondheid", "WK034403", 2020, 69.9, "50090NED"))
    v = resolve(t, REG, "zonder_startkwalificatie", ["WK034403"], 2021)
    assert v.status == "ontbreekt"
    assert v.waarde is None
    assert z.geen_bron in v.reden


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
    )
    v = resolve(t, REG, "roken", ["WK034403"], 2021)
    assert v.status == "ontbreekt"
    assert v.waarde is None
    assert "geheimgehouden ('.')" in v.reden
    assert resolve(t, REG, "roken", ["GM0344"], 2021).beschikbaar
