"""Dutch number formatting (analysis.format): decimal comma, thousands point, units."""

from __future__ import annotations

import pytest

from analysis.format import nl_count, nl_number, nl_value

from synthetic import NAN, REG


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


def test_nl_value_units():
    assert nl_value(73.3, REG.kernset.eenheden["procent"]) == "73,3%"
    assert nl_value(15600.0, REG.kernset.eenheden["aantal"]) == "15.600"
    assert nl_value(45.3, REG.kernset.eenheden["per_1000_inwoners"]) == "45,3 per 1.000 inwoners"
    assert nl_value(None, REG.kernset.eenheden["procent"]) == "—"


def test_small_counts_are_words():
    assert [nl_count(n) for n in (1, 5, 12, 13)] == ["één", "vijf", "twaalf", "13"]
