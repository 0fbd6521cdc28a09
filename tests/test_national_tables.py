"""The national tables for comparison wijken and derived margins (data/processed/, real data),
and a clear error on bad wijkkaart properties."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.build.national import _map_properties, national_kerncijfers_table
from analysis.data import load_change_margins, load_national, load_national_kerncijfers
from analysis.errors import SourceError


def test_kerncijfers_cover_every_wijk_of_the_2024_map_with_its_peiljaar():
    kern = load_national_kerncijfers()
    assert len(kern) == 3475 and kern["wijk_code"].is_unique
    assert set(kern["peiljaar"]) == {2024}  # said out loud: four years after the health baseline
    overvecht = kern.set_index("wijk_code").loc["WK034403"]
    assert (overvecht.inwoners, overvecht.aandeel_65plus, overvecht.oppervlakte_land_ha) == (35255, 14, 818)
    assert overvecht.wijk_naam == "Wijk 03 Overvecht" and overvecht.gemeente_naam == "Utrecht"
    water = kern.set_index("wijk_code").loc["WK003499"]  # 'Groot water': no inhabitants, row kept, figures empty
    assert pd.isna(water.inwoners)


def test_most_health_wijken_have_characteristics():
    nat = load_national()
    kern = load_national_kerncijfers()
    codes_2020 = set(nat.loc[nat.peiljaar == 2020, "wijk_code"])
    shared = codes_2020 & set(kern["wijk_code"])
    assert len(shared) / len(codes_2020) > 0.9  # the rest changed code between the 2020 and 2024 indeling


def test_change_margins_per_indicator_level_and_years():
    m = load_change_margins()
    eg = m[(m.indicator == "ervaren_gezondheid") & (m.van_peiljaar == 2016)].set_index("gebied_niveau")
    assert eg.loc["wijk", "aantal_gebieden"] > 3000 and eg.loc["buurt", "aantal_gebieden"] > 12000
    assert eg.loc["buurt", "marge_verandering"] > eg.loc["wijk", "marge_verandering"]  # buurten are noisier
    assert (m["marge_niveau"] < m["marge_verandering"]).all()
    assert set(m["leeftijd"]) == {"18+", "65+"}


def _geojson(tmp_path, props):
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"wijkcode": "WK034403", "wijknaam": "Overvecht", "gemeentecode": "GM0344",
                                           **props},
         "geometry": {"type": "Polygon", "coordinates": [[[5.1, 52.1], [5.2, 52.1], [5.2, 52.2], [5.1, 52.1]]]}}]}
    path = tmp_path / "wijken.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_bad_age_share_names_file_feature_and_property(tmp_path):
    path = _geojson(tmp_path, {"0_15": 12, "65plus": "veel"})
    with pytest.raises(SourceError) as exc:
        _map_properties(path)
    text = str(exc.value)
    assert "wijken.geojson" in text and "features[0]" in text and "65plus" in text


def test_kerncijfers_table_from_observations(tmp_path):
    path = _geojson(tmp_path, {"0_15": 18, "65plus": 14})
    obs = pd.DataFrame([
        {"gebied_code": "WK034403", "peiljaar": 2024, "kolom": k, "waarde": w, "bron_tabel": "85984NED"}
        for k, w in (("AantalInwoners", 35255.0), ("OppervlakteLand", 818.0), ("Bevolkingsdichtheid", 4310.0))
    ])
    shapes = [{"gebied_code": "WK034403", "gemeente_code": "GM0344", "naam": "Overvecht", "gemeente_naam": "Utrecht"}]
    out = national_kerncijfers_table(obs, shapes, path)
    assert out.iloc[0].to_dict() == {"wijk_code": "WK034403", "gemeente_code": "GM0344", "wijk_naam": "Overvecht",
                                     "gemeente_naam": "Utrecht", "peiljaar": 2024, "inwoners": 35255.0,
                                     "oppervlakte_land_ha": 818.0, "bevolkingsdichtheid": 4310.0,
                                     "aandeel_0_14": 18.0, "aandeel_65plus": 14.0}
