"""The committed tables in data/processed/: spot checks against the sources, structure,
and (slow, needs ../shared/data) a byte-for-byte re-derivation from the mirror."""

from __future__ import annotations

import filecmp

import pytest

from analysis.build import OUTPUTS, build
from analysis.data import load_availability, load_geometry, load_indicators, load_national
from analysis.fetch import fetch_from_mirror


def value(table, indicator, code, peiljaar, tabel):
    row = table[(table.indicator == indicator) & (table.gebied_code == code) & (table.peiljaar == peiljaar)
                & (table.bron_tabel == tabel)]
    assert len(row) == 1, (indicator, code, peiljaar, tabel, len(row))
    return row.iloc[0]


@pytest.fixture(scope="module")
def table():
    return load_indicators()


@pytest.mark.parametrize(
    "indicator, code, peiljaar, tabel, expected",
    [
        # 50090NED 2020, 18+: ervaren gezondheid goed/zeer goed
        ("ervaren_gezondheid", "WK034403", 2020, "50090NED", 69.9),  # Overvecht
        ("ervaren_gezondheid", "GM0344", 2020, "50090NED", 80.8),  # gemeente Utrecht
        ("ervaren_gezondheid", "NL01", 2020, "50090NED", 78.4),  # Nederland
        ("ervaren_gezondheid", "BU03550205", 2020, "50090NED", 74.0),  # Vollenhove
        # 50150NED re-estimated the same years: editions differ and are kept apart
        ("ervaren_gezondheid", "GM0344", 2020, "50150NED", 81.5),
        ("ervaren_gezondheid", "BU03550205", 2020, "50150NED", 73.3),
        ("ervaren_gezondheid", "BU03550205", 2022, "50150NED", 62.7),
        # registered crimes, gemeente Utrecht 2023 (Politie 47013NED)
        ("misdrijven", "GM0344", 2023, "47013NED", 25614),
    ],
)
def test_spot_checks_against_the_sources(table, indicator, code, peiljaar, tabel, expected):
    row = value(table, indicator, code, peiljaar, tabel)
    assert row.waarde == pytest.approx(expected)
    assert row.status == "beschikbaar"


def test_every_figure_records_source_edition_and_meting(table):
    assert table["bron_tabel"].ne("").all() and table["bestand"].ne("").all()
    assert value(table, "ervaren_gezondheid", "WK034403", 2020, "50090NED").meting == 2021
    assert value(table, "ervaren_gezondheid", "GM0344", 2022, "50150NED").meting == 2023
    assert value(table, "ervaren_gezondheid", "WK034403", 2016, "50090NED").meting is __import__("pandas").NA


def test_ratios_use_weights_of_the_same_year_only(table):
    row = value(table, "misdrijven_per_1000", "WK034403", 2024, "47022NED")
    assert row.waarde == pytest.approx(row.teller / row.noemer * 1000)
    assert "som van" in row.methode  # the wijk count is the sum of its buurten
    no_weight = value(table, "misdrijven_per_1000", "WK034403", 2022, "47022NED")
    assert no_weight.status == "ontbreekt" and "hetzelfde peiljaar" in no_weight.reden


def test_partial_year_is_never_a_full_year(table):
    row = value(table, "misdrijven", "GM0344", 2025, "47022NED")
    assert row.status == "onvolledig" and "onvolledig" in row.reden and row.meting is __import__("pandas").NA


def test_suppressed_values_stay_missing_with_their_reason(table):
    row = value(table, "huishoudens_laag_inkomen", "WK034403", 2023, "85618NED")
    assert row.status == "ontbreekt" and "(.)" in row.reden


def test_scope_is_the_four_gemeenten_and_nederland(table, reg):
    gemeenten = set(table["gemeente_code"]) - {""}
    assert gemeenten == set(reg.gemeente_codes)
    assert set(table.loc[table.gemeente_code == "", "gebied_code"]) == {"NL01"}
    for g in reg.gebieden.gemeenten:
        for code in [c for f in reg.gebieden.focusgebieden if f.gemeente == g.code for c in f.codes]:
            assert (table.gebied_code == code).any(), code


def test_availability_matrix_is_complete_and_explains_gaps(reg):
    avail = load_availability()
    assert len(avail) == len(reg.kernset.indicatoren) * 4 * 3
    gaps = avail[avail.status != "beschikbaar"]
    assert gaps["reden"].str.len().gt(0).all()
    onderwijs = avail[avail.pijler == "onderwijs"]
    assert set(onderwijs.status) == {"ontbreekt"}
    overvecht_2023 = avail[(avail.indicator == "ervaren_gezondheid") & (avail.focusgebied == "overvecht")
                           & (avail.meting == 2023)].iloc[0]
    assert overvecht_2023.status == "deels" and overvecht_2023.methode == "alleen buurten"


def test_national_wijk_table_covers_every_wijk(reg):
    nat = load_national()
    per_year = nat.groupby("peiljaar")["wijk_code"].nunique()
    assert list(per_year.index) == [2012, 2016, 2020]
    assert (per_year == 3177).all()
    assert nat.loc[(nat.wijk_code == "WK034403") & (nat.peiljaar == 2020), "ervaren_gezondheid"].item() == 69.9


def test_geometry_has_every_wijk_and_marks_focus_areas(reg):
    geo = load_geometry()
    props = [f["properties"] for f in geo["features"]]
    assert {p["gebied_code"] for p in props if p["gebied_niveau"] == "gemeente"} == set(reg.gemeente_codes)
    roles = {p["gebied_code"]: (p["focusgebied"], p["focus_rol"]) for p in props}
    assert roles["WK034403"] == ("overvecht", "deel")
    assert roles["WK035603"] == ("batau", "deel") and roles["WK035604"] == ("batau", "deel")
    assert roles["WK035502"] == ("vollenhove", "bevat")  # no buurt polygons: the wijk holding Vollenhove
    assert roles["WK030703"] == ("soesterkwartier", "deel")


@pytest.mark.slow
@pytest.mark.shared
def test_processed_tables_rederive_byte_for_byte(mirror, reg, root, tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    fetch_from_mirror(reg, mirror, raw, log=lambda s: None)
    build(reg, raw, out, log=lambda s: None)
    committed = root / "data" / "processed"
    names = sorted(OUTPUTS.values())
    match, mismatch, errors = filecmp.cmpfiles(committed, out, names, shallow=False)
    assert not errors, f"missing: {errors}"
    assert not mismatch, f"data/processed differs from a fresh build for {mismatch}: run `make data` and commit"
    assert sorted(p.name for p in out.iterdir()) == names  # nothing half-written left behind
