"""The evaluation model on the committed processed tables (real data, data/processed/)."""

from __future__ import annotations

import re

import pytest

from analysis.evaluation import (
    EvaluationData,
    evaluate_area,
    find_contradictions,
    glance_chart,
    glance_data,
    glance_text,
    headlines,
    method_sections,
    suppressed_rates,
)
from analysis.evaluation.similarity import focus_exclusions

CODE = re.compile(r"\b(WK|BU|GM)\d{4}|\b\d{5}NED\b|NL01")


@pytest.fixture(scope="module")
def data():
    return EvaluationData.load()


@pytest.fixture(scope="module")
def evaluations(data, reg):
    out = {}
    for f in reg.gebieden.focusgebieden:
        for m in reg.metingen.metingen:
            out[(f.slug, m.jaar)] = evaluate_area(data, reg, f.codes, f.gemeente, m.jaar, naam=f.naam)
    return out


def test_batau_health_follows_the_national_swing(evaluations):
    ie = evaluations[("batau", 2025)].indicator("ervaren_gezondheid")
    changes = ie.changes("sinds_nulmeting")
    assert len(changes) == 6  # the six buurten of the 2024 indeling
    for code, tc in changes:
        assert code.startswith(("BU035603", "BU035604"))
        assert (tc.van_peiljaar, tc.naar_peiljaar, tc.bron_tabel) == (2020, 2024, "50150NED")
        assert tc.focus.verschil < 0  # every buurt fell ...
        assert tc.referenties["nederland"].verschil == pytest.approx(72.8 - 78.4)  # ... and so did Nederland
        assert tc.referenties["gemeente"].verschil == pytest.approx(71.3 - 77.0)
        assert tc.hoofd == "nederland"
        assert tc.verdict.oordeel == "vergelijkbaar", (code, tc.did("nederland"))  # never "verslechterd"
        assert tc.verdict.regel.id == "afgeleide_marge"


def test_batau_crime_517_to_552_is_within_chance(evaluations):
    tc = evaluations[("batau", 2025)].indicator("misdrijven").sinds_vorige
    assert (tc.focus.van.teller, tc.focus.naar.teller) == (517, 552)
    assert tc.verdicts["zelf"].oordeel == "vergelijkbaar" and tc.verdicts["zelf"].regel.p_waarde > 0.05
    assert tc.hoofd == "gemeente" and tc.verdict.oordeel == "vergelijkbaar"


def test_comparison_wijken_exclude_every_focus_area(evaluations, reg, data):
    banned = set(focus_exclusions(reg))
    assert {"WK034403", "WK035603", "WK035604", "WK030703", "WK035502"} <= banned
    kern = data.kerncijfers.set_index("wijk_code")
    for f in reg.gebieden.focusgebieden:
        group = evaluations[(f.slug, 2021)].vergelijkingsgroep
        assert group is not None and len(group.wijken) == 15
        assert not banned & set(group.codes), f.naam
        assert all(kern.at[c, "inwoners"] >= 1000 for c in group.codes)
        assert not any(c.startswith("WK0307") for c in group.codes)  # Amersfoort re-divided its wijken in 2022
        assert group.wijken == tuple(sorted(group.wijken, key=lambda w: (w.afstand, w.code)))
    overvecht = evaluations[("overvecht", 2021)].vergelijkingsgroep
    assert overvecht.profiel["moeite_rondkomen"] == 27.2 and overvecht.profiel["inwoners"] == 35255


def test_vollenhove_baseline_said_out_loud(evaluations, reg):
    [rev] = evaluations[("vollenhove", 2025)].indicator("ervaren_gezondheid").herziene_basis
    assert rev.zin(reg).startswith("Herziene schatting: 73,3% in plaats van de 74,0% uit de nulmeting.")
    assert evaluations[("vollenhove", 2021)].indicator("ervaren_gezondheid").herziene_basis == ()


def test_overvecht_national_position(evaluations):
    pos = evaluations[("overvecht", 2021)].indicator("ervaren_gezondheid").landelijk
    assert (pos.peiljaar, pos.waarde) == (2020, 69.9) and pos.aandeel_tot_en_met <= 5
    assert "5% wijken van Nederland met het laagste cijfer" in pos.zin("Ervaren gezondheid", "Overvecht")


def test_hoge_landen_rate_is_suppressed(data):
    codes = [s.code for s in suppressed_rates(data.indicators, "misdrijven_per_1000", "47022NED", 2024)]
    assert "WK035623" in codes and "WK035603" not in codes


def test_headlines_follow_the_tables_and_carry_no_codes(evaluations, reg):
    for key, ev in evaluations.items():
        hs = headlines(ev, reg)
        assert 1 <= len(hs) <= 6, key
        assert find_contradictions(ev, hs) == [], key
        for h in hs:
            assert not CODE.search(h.tekst), (key, h.tekst)


def test_planted_contradictions_on_real_pages_are_caught(evaluations):
    overvecht = evaluations[("overvecht", 2025)]
    old = "Op geen enkele indicator met een oordeel scoort Overvecht ongunstiger dan Utrecht."
    assert find_contradictions(overvecht, [old])  # the buurt rows say otherwise
    batau = evaluations[("batau", 2025)]
    old_change = ("Ervaren gezondheid goed of zeer goed is over 2024 alleen per buurt bekend. Sinds de nulmeting "
                  "(2020, zelfde bron 50150NED) is het in 6 van de 6 buurten verslechterd en in 0 verbeterd.")
    [found] = find_contradictions(batau, [old_change])
    assert found.claim.oordeel == "ongunstiger" and "0 van de 6" in found.reden


def test_glance_panel_and_text(evaluations, reg, data):
    ev = evaluations[("vollenhove", 2025)]
    labels = {p.id: p.label for p in reg.kernset.pijlers}
    panel = glance_data(ev, data.national, labels)
    row = panel[panel["indicator"] == "ervaren_gezondheid"].iloc[0]
    assert row["oordeel"] == "ongunstiger" and row["positie_nu"] < row["positie_nul"]
    assert panel["positie_nul"].between(0, 100).all()
    assert "Ervaren gezondheid goed of zeer goed" in glance_text(panel, ev.naam)
    assert glance_chart(panel)["facet"]["row"]["field"] == "pijler"
    batau = glance_data(evaluations[("batau", 2021)], data.national, labels)
    assert batau["label"].str.contains("Batau-Zuid|Batau Zuid").any()  # per part when the whole has no figure


def test_method_sections_have_worked_examples_from_the_data(data, reg, evaluations):
    sections = {s.id: s for s in method_sections(data, reg, list(evaluations.values()))}
    assert "517" in sections["poisson"].voorbeeld and "552" in sections["poisson"].voorbeeld
    assert "30 inwoners" in sections["minimum_inwoners"].voorbeeld
    assert sections["minimum_inwoners"].tabel is not None
    assert "73,3%" in sections["herziene_nulmeting"].voorbeeld
    assert "gelijk op" in sections["verschil_in_verschil"].voorbeeld
    for s in sections.values():
        assert s.uitleg and s.voorbeeld and not CODE.search(s.uitleg)


def test_flat_table_carries_the_same_verdicts(evaluations):
    from analysis.evaluation import evaluation_rows

    ev = evaluations[("batau", 2025)]
    rows = evaluation_rows(ev)
    parts = rows[(rows.indicator == "ervaren_gezondheid") & (rows.rol == "deel")]
    assert len(parts) == 6 and set(parts["oordeel_verandering"]) == {"vergelijkbaar"}
    assert (parts["verandering_nederland"] == -5.6).all()
    ie = ev.indicator("ervaren_gezondheid")
    assert list(parts["oordeel_tov_gemeente"]) == [p.tov["gemeente"].oordeel for p in ie.delen]
    assert parts["regel_verandering"].str.contains("marge").all()


def test_pretrend_chart_of_a_real_area(evaluations):
    from analysis.evaluation import pretrend_chart

    ev = evaluations[("overvecht", 2021)]
    pt = ev.indicator("ervaren_gezondheid").pretrend
    assert pt.parallel is True and {s.van for s in pt.stappen} == {2012, 2016}
    spec = pretrend_chart(pt.reeks.assign(naam=pt.reeks["code"].map(ev.naam_van)), "Ervaren gezondheid (%)",
                          2021).to_dict()
    assert len(spec["layer"]) == 3
