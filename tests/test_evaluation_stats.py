"""The statistics of the evaluation model on small hand-computed cases.

Every number in this module is SYNTHETIC (made up for the test, never real data) unless a
comment says otherwise; the expected results are worked out by hand in the comments.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.evaluation.baseline import BaselineRevision, baseline_revisions
from analysis.evaluation.key_findings import Claim, Headline, check_claim, find_contradictions
from analysis.evaluation.margins import MAD_TO_SD, Z95, change_spread, margins_lookup
from analysis.evaluation.model import AreaEvaluation, EvaluationData, IndicatorEvaluation, PartEvaluation
from analysis.evaluation.poisson import rate_ratio
from analysis.evaluation.position import national_position, percentile_of
from analysis.evaluation.robust import clipped_scale, gemeente_median_wijk, quantile_scale
from analysis.evaluation.rules import MIN_INWONERS_RATE, Rule, Verdict, judge_change, judge_level, suppressed_rate
from analysis.evaluation.similarity import select_comparison_wijken
from analysis.evaluation.text import fmt_value
from analysis.evaluation.values import Value, ValueIndex
from synthetic import REG, row

IND = REG.indicator("ervaren_gezondheid")  # hoger_beter, procent
CRIME = REG.indicator("misdrijven")  # lager_beter, aantal
RATE = REG.indicator("misdrijven_per_1000")


def v(code: str, waarde: float, peiljaar: int = 2020, tabel: str = "50150NED", **kw) -> Value:
    return Value(IND.id, (code,), "beschikbaar", waarde, peiljaar, tabel, **kw)


# -- derived margin ---------------------------------------------------------------------------------


def test_change_spread_by_hand():
    # changes 1, 2, 3, 4, 100 -> median 3; |dev| 2, 1, 0, 1, 97 -> MAD 1 (the outlier does not count)
    before = pd.Series([10.0] * 5, index=list("abcde"))
    after = before + pd.Series([1.0, 2.0, 3.0, 4.0, 100.0], index=list("abcde"))
    s = change_spread(before, after, min_areas=5)
    assert (s.aantal_gebieden, s.mediaan_verandering, s.mad) == (5, 3.0, 1.0)
    assert s.marge_verandering == pytest.approx(Z95 * MAD_TO_SD * 1.0)  # 1.96 x 1.4826 = 2.906
    assert s.marge_verandering == pytest.approx(2.9059, abs=1e-4)
    assert s.marge_niveau == pytest.approx(2.9059 / math.sqrt(2), abs=1e-4)  # 2.055


def test_change_spread_needs_enough_areas_and_pairs():
    before = pd.Series([1.0, 2.0, None], index=list("abc"))
    after = pd.Series([1.0, None, 3.0], index=list("abc"))
    assert change_spread(before, after, min_areas=2) is None  # only 'a' has both years


def test_margins_lookup_prefers_the_asked_years_and_level():
    table = pd.DataFrame([
        {"indicator": "x", "leeftijd": "18+", "gebied_niveau": "wijk", "van_peiljaar": 2012, "naar_peiljaar": 2016,
         "aantal_gebieden": 50, "mediaan_verandering": 0.0, "mad": 1.0, "marge_verandering": 2.9, "marge_niveau": 2.1},
        {"indicator": "x", "leeftijd": "18+", "gebied_niveau": "wijk", "van_peiljaar": 2016, "naar_peiljaar": 2020,
         "aantal_gebieden": 50, "mediaan_verandering": 0.0, "mad": 2.0, "marge_verandering": 5.8, "marge_niveau": 4.1},
        {"indicator": "x", "leeftijd": "18+", "gebied_niveau": "buurt", "van_peiljaar": 2016, "naar_peiljaar": 2020,
         "aantal_gebieden": 90, "mediaan_verandering": 0.0, "mad": 3.0, "marge_verandering": 8.7, "marge_niveau": 6.2},
    ])
    assert margins_lookup(table, "x", "wijk").marge_verandering == 5.8  # most recent pair
    assert margins_lookup(table, "x", "wijk", van=2012, naar=2016).marge_verandering == 2.9
    assert margins_lookup(table, "x", "buurt").marge_niveau == 6.2
    assert margins_lookup(table, "x", "gemeente").gebied_niveau == "wijk"  # gemeenten use the wijk margin
    assert margins_lookup(table, "y", "wijk") is None


# -- difference-in-differences ------------------------------------------------------------------------


def _margin(change: float):
    from analysis.evaluation.margins import DerivedMargin

    return DerivedMargin(IND.id, "buurt", 2016, 2020, 100, 0.0, 1.0, change, change / math.sqrt(2))


def test_did_follows_the_national_swing():
    # area 75.2 -> 68.2 (-7.0), Nederland 78.4 -> 72.8 (-5.6): DiD -1.4, margin 3.5 -> gelijk op
    verdict = judge_change(IND, "schatting", v("BU1", 75.2), v("BU1", 68.2, 2024), v("NL01", 78.4),
                           v("NL01", 72.8, 2024), margin=_margin(3.5), decimals=1, ref_naam="Nederland")
    assert verdict.oordeel == "vergelijkbaar"
    assert verdict.verschil == pytest.approx(-1.4)
    assert verdict.regel.id == "afgeleide_marge" and verdict.regel.marge == 3.5


def test_did_beyond_the_margin_is_judged_with_direction():
    # area 73.3 -> 63.5 (-9.8), Nederland -5.6: DiD -4.2 beyond 3.5 -> ongunstiger (hoger is beter)
    verdict = judge_change(IND, "schatting", v("BU1", 73.3), v("BU1", 63.5, 2024), v("NL01", 78.4),
                           v("NL01", 72.8, 2024), margin=_margin(3.5), decimals=1)
    assert verdict.oordeel == "ongunstiger" and verdict.verschil == pytest.approx(-4.2)
    lager_beter = REG.indicator("roken")
    assert judge_change(lager_beter, "schatting", v("BU1", 20.0), v("BU1", 30.0, 2024), v("NL01", 20.0),
                        v("NL01", 20.0, 2024), margin=_margin(3.5), decimals=1).oordeel == "ongunstiger"


def test_did_uses_published_intervals_when_present():
    # half-widths 1.96 each -> se 1 per estimate; focus both years, reference none -> se_did = sqrt(2)
    # margin = 1.96 * 1.414 = 2.772; DiD = -3.0 -> beyond
    f0 = v("WK1", 70.0, ondergrens=68.04, bovengrens=71.96)
    f1 = v("WK1", 64.0, 2024, ondergrens=62.04, bovengrens=65.96)
    verdict = judge_change(IND, "schatting", f0, f1, v("NL01", 78.0), v("NL01", 75.0, 2024), margin=_margin(9.9),
                           decimals=1)
    assert verdict.regel.id == "interval"
    assert verdict.regel.marge == pytest.approx(Z95 * math.sqrt(2) * (1.96 / Z95), abs=1e-3)
    assert verdict.oordeel == "ongunstiger"


def test_did_refuses_other_tables_or_years():
    verdict = judge_change(IND, "schatting", v("BU1", 75.2), v("BU1", 68.2, 2024), v("NL01", 78.4, tabel="50090NED"),
                           v("NL01", 72.8, 2024), margin=_margin(3.5), decimals=1)
    assert verdict.oordeel == "geen" and "andere bron" in verdict.reden


# -- Poisson ------------------------------------------------------------------------------------------


def test_poisson_exact_by_hand():
    # 0 -> 4: P(all 4 in the second year | 4 events, p = 1/2) = 1/16, two-sided 2/16 = 0.125;
    # Clopper-Pearson lower bound of p for 4/4 is 0.025^(1/4) = 0.39764 -> ratio 0.39764/0.60236 = 0.6601
    rr = rate_ratio(0, 4)
    assert rr.p_value == pytest.approx(0.125)
    assert rr.lower == pytest.approx(0.025 ** 0.25 / (1 - 0.025 ** 0.25), rel=1e-6)
    assert rr.upper == math.inf and rr.within_margin
    # 2 -> 8: two-sided p = 2 * P(X >= 8 | n=10, 1/2) = 2 * (45 + 10 + 1) / 1024 = 0.109375
    assert rate_ratio(2, 8).p_value == pytest.approx(112 / 1024)


def test_poisson_517_to_552_is_within_chance():
    # real counts (Batau, 47022NED 2022 -> 2024)
    rr = rate_ratio(517, 552)
    assert rr.within_margin and rr.p_value > 0.05
    assert rr.ratio == pytest.approx(552 / 517)
    assert not rate_ratio(500, 650).within_margin  # +30 % on ~500 is beyond chance


def test_poisson_with_exposures_and_null_ratio():
    # equal rates per inhabitant: 10 per 1000 in both -> ratio 1, p = 1
    rr = rate_ratio(100, 20, 10_000, 2_000)
    assert rr.ratio == pytest.approx(1.0) and rr.p_value == pytest.approx(1.0)
    # the area grew as fast as its reference (ratio 1.5 expected): within
    assert rate_ratio(100, 150, null_ratio=1.5).within_margin
    with pytest.raises(ValueError):
        rate_ratio(-1, 3)
    assert rate_ratio(0, 0) is None


def test_count_change_against_the_rest_of_the_gemeente():
    # focus 100 -> 150; gemeente 1100 -> 1150, rest 1000 -> 1000: rest unchanged, focus +50 % -> ongunstiger
    def c(code, k, year):
        return Value(CRIME.id, (code,), "beschikbaar", float(k), year, "47022NED", teller=float(k))

    verdict = judge_change(CRIME, "telling", c("WK035603", 100, 2022), c("WK035603", 150, 2024),
                           c("GM0356", 1100, 2022), c("GM0356", 1150, 2024), margin=None, decimals=0,
                           ref_naam="Nieuwegein")
    assert verdict.regel.id == "poisson" and "rest van Nieuwegein" in verdict.regel.tekst
    assert verdict.oordeel == "ongunstiger" and verdict.verschil == pytest.approx(0.5)


# -- percentile and national position -------------------------------------------------------------------


def test_percentile_by_hand():
    # values 1, 2, 3, 3, 5; value 3: 2 below, 2 equal -> (2 + 1) / 5 = 60 %; <= 80 %; >= 60 %; rank 3
    assert percentile_of([1, 2, 3, 3, 5], 3) == (60.0, 80.0, 60.0, 3)
    assert percentile_of([1, 2, 3, 3, 5], 0)[0] == 0.0


def test_national_position_sentence_takes_the_true_band():
    national = pd.DataFrame({"wijk_code": [f"WK0001{i:02d}" for i in range(40)], "gemeente_code": "GM0001",
                             "peiljaar": 2020, "ervaren_gezondheid": [float(i) for i in range(40)]})
    # value 0.5: 1 of 40 wijken (2.5 %) at or below -> the 5 % band, 'laagste'
    pos = national_position(national, "ervaren_gezondheid", "hoger_beter", 0.5, 2020)
    assert pos.aandeel_tot_en_met == 2.5 and pos.rang_van_laag == 2
    assert pos.zin("Ervaren gezondheid", "X") == ("X hoort bij de 5% wijken van Nederland met het laagste cijfer voor "
                                                  "ervaren gezondheid (2020).")
    assert pos.gunstig_percentiel == pytest.approx(2.5)
    mid = national_position(national, "ervaren_gezondheid", "lager_beter", 20.0, 2020)
    assert "rond het midden" in mid.zin("Rookt", "X") and mid.gunstig_percentiel == pytest.approx(100 - 51.25)


# -- comparison wijken ---------------------------------------------------------------------------------


def _national_tables():
    codes = ["WK000101", "WK000102", "WK000103", "WK000104", "WK000201", "WK000105"]
    national = pd.DataFrame({"wijk_code": codes, "gemeente_code": [c.replace("WK", "GM")[:6] for c in codes],
                             "peiljaar": 2020,
                             "moeite_rondkomen": [20.0, 21.0, 10.0, 30.0, 20.0, 20.0],
                             "ervaren_gezondheid": [70.0, 70.0, 80.0, 60.0, 70.0, 70.0]})
    kern = pd.DataFrame({"wijk_code": codes, "gemeente_code": national["gemeente_code"],
                         "wijk_naam": ["Focus", "Tweeling", "Rijk", "Arm", "Andere focus", "Klein"],
                         "gemeente_naam": "Synthetisch", "peiljaar": 2024,
                         "inwoners": [5000.0, 5000.0, 5000.0, 5000.0, 5000.0, 500.0],
                         "oppervlakte_land_ha": 100.0, "bevolkingsdichtheid": 5000.0,
                         "aandeel_0_14": 15.0, "aandeel_65plus": [15.0, 15.0, 15.0, 15.0, 15.0, 15.0]})
    return national, kern


def test_similarity_selection_by_hand():
    national, kern = _national_tables()
    group = select_comparison_wijken(["WK000101"], national, kern, exclude=("WK000201",), k=2, min_inwoners=1000)
    # candidates after exclusions: Tweeling, Rijk, Arm (Klein < 1000 inhabitants, Andere focus excluded)
    assert group.uitgesloten == {"focusgebied": 2, "minder dan 1.000 inwoners": 1}
    assert group.aantal_kandidaten == 3
    # moeite: 21, 10, 30 (mean 20.333, sd 8.179); gezondheid 70, 80, 60 (mean 70, sd 8.165); the constant
    # characteristics (65+, inwoners, dichtheid) have sd 0 and add nothing. Tweeling differs by
    # 1/8.179 in z on one of five characteristics: distance sqrt((0.1223^2) / 5) = 0.0547.
    assert group.codes[0] == "WK000102"
    assert group.wijken[0].afstand == pytest.approx(math.sqrt((1 / 8.1786) ** 2 / 5), rel=1e-3)
    assert len(group.wijken) == 2 and "WK000201" not in group.codes and "WK000101" not in group.codes


# -- minimum population --------------------------------------------------------------------------------


def test_minimum_population_rule():
    small = Value(RATE.id, ("WK035623",), "beschikbaar", 4433.3, 2024, "47022NED", teller=133.0, noemer=30.0)
    enough = Value(RATE.id, ("WK035603",), "beschikbaar", 37.5, 2024, "47022NED", teller=247.0, noemer=6585.0)
    ref = Value(RATE.id, ("GM0356",), "beschikbaar", 54.8, 2024, "47022NED", teller=3614.0, noemer=65971.0)
    assert "te weinig inwoners (30; minimaal 1.000)" in suppressed_rate(small)
    assert suppressed_rate(enough) is None
    assert suppressed_rate(Value(RATE.id, ("x",), "beschikbaar", 1.0, noemer=MIN_INWONERS_RATE)) is None
    verdict = judge_level(RATE, REG, "telling", small, ref, margin=None, decimals=1)
    assert verdict.oordeel == "geen" and "te weinig inwoners" in verdict.reden
    # 247 per 6585 against the rest of Nieuwegein (3367 per 59386): 37.5 vs 56.7 per 1000 -> gunstiger
    judged = judge_level(RATE, REG, "telling", enough, ref, margin=None, decimals=1)
    assert judged.oordeel == "gunstiger" and judged.regel.id == "poisson"


def test_the_rest_of_the_gemeente_is_taken_without_its_sparse_wijken():
    """100 per 10,000 (10 per 1,000) in a gemeente of 700 per 40,000. The rest is 600 per 30,000
    (20 per 1,000): gunstiger. Three business parks hold 300 crimes and 100 inhabitants; without
    them the rest is 300 per 29,900 (10.03 per 1,000): the same as the wijk."""
    from analysis.evaluation.rules import Sparse

    wijk = Value(RATE.id, ("WK000101",), "beschikbaar", 10.0, 2024, "47022NED", teller=100.0, noemer=10000.0)
    ref = Value(RATE.id, ("GM0001",), "beschikbaar", 17.5, 2024, "47022NED", teller=700.0, noemer=40000.0)
    assert judge_level(RATE, REG, "telling", wijk, ref, margin=None, decimals=1).oordeel == "gunstiger"
    judged = judge_level(RATE, REG, "telling", wijk, ref, margin=None, decimals=1,
                         sparse=Sparse(teller=300.0, noemer=100.0, aantal=3))
    assert judged.oordeel == "vergelijkbaar"
    assert "zonder 3 wijken met minder dan 1.000 inwoners" in judged.regel.tekst


def test_gemeente_median_wijk_leaves_out_small_areas():
    rows = [row(RATE.id, "WK035601", 2024, 40.0, "47022NED", teller=40, noemer=1000),
            row(RATE.id, "WK035602", 2024, 50.0, "47022NED", teller=100, noemer=2000),
            row(RATE.id, "WK035603", 2024, 60.0, "47022NED", teller=180, noemer=3000),
            row(RATE.id, "WK035623", 2024, 4433.3, "47022NED", teller=133, noemer=30)]
    table = pd.DataFrame(rows)
    med = gemeente_median_wijk(table, RATE.id, "GM0356", "47022NED", 2024, min_inwoners=1000)
    assert med.waarde == 50.0 and med.aantal_wijken == 3 and [s.code for s in med.weggelaten] == ["WK035623"]
    assert gemeente_median_wijk(table, RATE.id, "GM0356", "47022NED", 2024).waarde == 55.0  # with the outlier


def test_colour_scales_resist_outliers():
    values = pd.Series([30.0, 35, 40, 45, 50, 55, 60, 65, 70, 4433], index=[f"WK{i:06d}" for i in range(10)])
    clipped = clipped_scale(values, 0.05, 0.85)  # upper bound: 65 + 0.65 x 5 = 68.25
    assert clipped.domain[1] == pytest.approx(68.25) and clipped.uitschieters[0] == ("WK000009", 4433.0)
    assert "daarbuiten" in clipped.toelichting
    q = quantile_scale(values, n=5)
    assert q.methode == "kwantielen" and len(q.domain) == 4


# -- baseline sentence ------------------------------------------------------------------------------------


def test_baseline_sentence():
    b = BaselineRevision("ervaren_gezondheid", "BU03550205", 2020, "50090NED", 74.0, "50150NED", 73.3)
    assert b.gewijzigd
    assert b.zin(REG).startswith("Herziene schatting: 73,3% in plaats van de 74,0% uit de nulmeting.")
    assert "gelijk aan" in BaselineRevision(IND.id, "c", 2020, "a", 74.0, "b", 74.0).zin(REG)
    assert fmt_value(73.0, REG.kernset.eenheden["procent"], decimals=0) == "73%"  # whole-percentage sources


def test_baseline_revision_found_in_a_table():
    rows = [row(IND.id, "BU03550205", 2020, 74.0, "50090NED"), row(IND.id, "BU03550205", 2020, 73.3, "50150NED"),
            row(IND.id, "BU03550205", 2024, 63.5, "50150NED")]
    idx = ValueIndex(pd.DataFrame(rows))
    [rev] = baseline_revisions(idx, REG, IND.id, ["BU03550205"], 2025)
    assert (rev.nulmeting_waarde, rev.herziene_waarde, rev.nulmeting_tabel) == (74.0, 73.3, "50090NED")
    assert baseline_revisions(idx, REG, IND.id, ["BU03550205"], 2021) == ()


# -- headlines against the table ----------------------------------------------------------------------------


def _toy_evaluation() -> AreaEvaluation:
    """An area known only per buurt: 8 of 9 buurten ongunstiger than the gemeente (synthetic)."""
    worse = Verdict("ongunstiger", Rule("afgeleide_marge", "test"), -5.0)
    same = Verdict("vergelijkbaar", Rule("afgeleide_marge", "test"), -0.5)
    parts = tuple(PartEvaluation(v(f"BU034403{i:02d}", 60.0, 2024), {"gemeente": worse if i < 8 else same,
                                                                     "nederland": worse})
                  for i in range(9))
    ie = IndicatorEvaluation(IND, REG.kernset.eenheden["procent"], "schatting", 1,
                             Value(IND.id, ("WK034403",), "deels", peiljaar=2024, bron_tabel="50150NED"),
                             {}, {}, delen=parts)
    return AreaEvaluation(("WK034403",), "Overvecht", "GM0344", 2025,
                          {"gemeente": ("GM0344", "Utrecht"), "nederland": ("NL01", "Nederland")}, (ie,),
                          nulmeting=2021)


def test_planted_contradiction_is_caught():
    ev = _toy_evaluation()
    planted = "Op geen enkele indicator met een oordeel scoort Overvecht ongunstiger dan Utrecht."
    [found] = find_contradictions(ev, [planted])
    assert found.claim.soort == "geen_enkele" and "Ervaren gezondheid" in found.reden
    wrong_count = "Ervaren gezondheid goed of zeer goed: in 7 van de 9 buurten ongunstiger dan Utrecht."
    assert find_contradictions(ev, [wrong_count])
    right = "Ervaren gezondheid goed of zeer goed: in 8 van de 9 buurten ongunstiger dan Utrecht."
    assert find_contradictions(ev, [right]) == []


def test_structured_claims_are_checked_too():
    ev = _toy_evaluation()
    good = Headline("vrije tekst", claims=(Claim("delen_niveau", "ongunstiger", "gemeente", IND.id, 8, 9),))
    bad = Headline("vrije tekst", claims=(Claim("delen_niveau", "gunstiger", "gemeente", IND.id, 8, 9),))
    assert find_contradictions(ev, [good]) == []
    assert len(find_contradictions(ev, [bad])) == 1
    assert check_claim(ev, Claim("geen_enkele", "gunstiger", "gemeente")) is None


def test_evaluation_data_without_national_tables_says_why():
    data = EvaluationData(pd.DataFrame([row(IND.id, "WK034403", 2020, 69.9, "50090NED")]))
    from analysis.evaluation.model import comparison_group

    group, why = comparison_group(data, REG, ("WK034403",))
    assert group is None and "niet geladen" in why
