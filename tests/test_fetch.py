"""``vitale-wijken data fetch`` without the network.

Online fetch: every GET is answered by ``responses`` from the bodies in tests/fixtures/odata/
(constructed in the CBS/StatLine OData v3 response shape from values in the real mirror, see
the README there). ``responses`` refuses any request that is not registered, so a test that
reaches for the network fails. Mirror fetch: a tiny fake mirror in tmp_path.

Registries are the real ones (data/*.yml) with ``bronnen.bestanden`` reduced to the bestanden
under test, so the online specs (catalogus, tabel, filters, select, dimension titles) are the
ones the project really uses.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses
import yaml
from responses import matchers

from analysis import cli, odata
from analysis.errors import VitaleWijkenError
from analysis.fetch import MANIFEST, fetch_from_mirror, fetch_online, read_manifest
from analysis.paths import data_dir
from analysis.readers._common import DOT_REASON
from analysis.readers.crime_csv import read_statline_csv
from analysis.readers.rivm_wijkbuurt import read_rivm_wijkbuurt
from analysis.readers.statline_selection import read_statline_selection
from analysis.registries import REGISTRY_FILES, Registries, load_registries
from analysis.registry_models import Bestand, Bronnen

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
ODATA_FIXTURES = FIXTURES / "odata"

DATADERDEN = "https://dataderden.cbs.nl/ODataApi/odata"
OPENDATA = "https://opendata.cbs.nl/ODataApi/odata"
JSON_TYPE = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8"

# 50090NED: the 2020 / 18+ deel of the rivm-50090NED bestand.
RIVM_ID = "rivm-50090NED"
RIVM_PAD = "rivm-50090NED/50090NED_2020_20300.json"
RIVM_URL = f"{DATADERDEN}/50090NED/UntypedDataSet"
RIVM_FILTER = "Perioden eq '2020JJ00' and Leeftijd eq '20300'"
RIVM_PAGE1 = "50090NED_UntypedDataSet_2020JJ00_20300_page1.json"
RIVM_PAGE2 = "50090NED_UntypedDataSet_2020JJ00_20300_page2.json"

SEL_ID = "cbs-statline-85984NED"
SEL_PAD = "cbs-statline/85984NED_kwb2024_selectie.json"
SEL_URL = f"{OPENDATA}/85984NED/UntypedDataSet"
SEL_BODY = "85984NED_UntypedDataSet_selectie.json"

CRIME_ID = "cbs-83648NED"
CRIME_PAD = "cbs-83648NED/83648NED_misdrijven_totaal_gemeente_2010_2020.csv"
CRIME = f"{OPENDATA}/83648NED"
CRIME_KEY = "T001161"  # the Key of "Misdrijven, totaal" in the recorded SoortMisdrijf list

# What the 85984NED selection must come out as: the values of the mirror file
# cbs-statline/85984NED_kwb2024_selectie.json for these codes (null where CBS has '.').
EXPECTED_SELECTIE = {
    "GM0307": {"AantalInwoners_5": 161852, "Bevolkingsdichtheid_34": 2590, "Mannen_6": 80172,
               "OppervlakteLand_123": 6249, "OppervlakteTotaal_122": 6386, "OppervlakteWater_124": 137,
               "Vrouwen_7": 81680, "Woningvoorraad_35": 71416},
    "GM0344": {"AantalInwoners_5": 374238, "Bevolkingsdichtheid_34": 3991, "Mannen_6": 182799,
               "OppervlakteLand_123": 9377, "OppervlakteTotaal_122": 9921, "OppervlakteWater_124": 544,
               "Vrouwen_7": 191439, "Woningvoorraad_35": 167124},
    "WK030703": {"AantalInwoners_5": 12185, "Bevolkingsdichtheid_34": 5927, "Mannen_6": 6100,
                 "OppervlakteLand_123": 206, "OppervlakteTotaal_122": 206, "OppervlakteWater_124": 0,
                 "Vrouwen_7": 6090, "Woningvoorraad_35": 5964},
    "WK030732": {"AantalInwoners_5": 0, "Bevolkingsdichtheid_34": None, "Mannen_6": 0,
                 "OppervlakteLand_123": 126, "OppervlakteTotaal_122": 127, "OppervlakteWater_124": 0,
                 "Vrouwen_7": 0, "Woningvoorraad_35": None},
    "WK034403": {"AantalInwoners_5": 35255, "Bevolkingsdichtheid_34": 4310, "Mannen_6": 17625,
                 "OppervlakteLand_123": 818, "OppervlakteTotaal_122": 848, "OppervlakteWater_124": 30,
                 "Vrouwen_7": 17635, "Woningvoorraad_35": 16781},
}

EXPECTED_CRIME_CSV = (
    "SoortMisdrijf,RegioS,Perioden,TotaalGeregistreerdeMisdrijven_1,GeregistreerdeMisdrijvenPer1000Inw_3\n"
    '"Misdrijven, totaal",Nederland,2019,820505,47.5\n'
    '"Misdrijven, totaal",Nederland,2020,808030,46.4\n'
    '"Misdrijven, totaal",Amersfoort,2019,7605,48.7\n'
    '"Misdrijven, totaal",Amersfoort,2020,7455,47.4\n'
    "\"Misdrijven, totaal\",'s-Gravenhage (gemeente),2019,37315,69.4\n"
    "\"Misdrijven, totaal\",'s-Gravenhage (gemeente),2020,37235,68.2\n"
)


# --- helpers -------------------------------------------------------------------------------


def recorded(name: str) -> dict:
    return json.loads((ODATA_FIXTURES / name).read_text(encoding="utf-8"))


def serve(rsps: responses.RequestsMock, url: str, name: str, params: dict[str, str] | None = None,
          *, strict: bool = True) -> None:
    """Answer GET ``url`` (with exactly ``params`` as query, unless not ``strict``) with a fixture."""
    match = [matchers.query_param_matcher(params, strict_match=strict)] if params is not None else []
    rsps.get(url, body=(ODATA_FIXTURES / name).read_text(encoding="utf-8"), content_type=JSON_TYPE, match=match)


def serve_rivm(rsps: responses.RequestsMock) -> None:
    page1 = recorded(RIVM_PAGE1)
    serve(rsps, RIVM_URL, RIVM_PAGE1, {"$format": "json", "$filter": RIVM_FILTER})
    # The next link carries its own query ($format, $filter, $skip): matched exactly.
    serve(rsps, page1["odata.nextLink"], RIVM_PAGE2)


def serve_selectie(rsps: responses.RequestsMock, reg: Registries) -> None:
    deel = reg.bestand(SEL_ID).online.delen[0]
    serve(rsps, SEL_URL, SEL_BODY, {"$format": "json", "$filter": deel.filter, "$select": ",".join(deel.select)})


def serve_crime(rsps: responses.RequestsMock, *, with_data: bool = True) -> None:
    serve(rsps, f"{CRIME}/DataProperties", "83648NED_DataProperties.json", {"$format": "json"})
    for dim in ("SoortMisdrijf", "RegioS", "Perioden"):
        serve(rsps, f"{CRIME}/{dim}", f"83648NED_{dim}.json", {"$format": "json"})
    if with_data:
        # Loose on purpose: the test asserts on the $filter the code actually sent.
        serve(rsps, f"{CRIME}/UntypedDataSet", "83648NED_UntypedDataSet_T001161.json", {"$format": "json"},
              strict=False)


def rivm_2020_18plus(b: Bestand) -> Bestand:
    """The rivm-50090NED bestand with only its 2020 / 18+ online deel."""
    delen = [d for d in b.online.delen if d.pad == RIVM_PAD]
    assert len(delen) == 1 and delen[0].filter == RIVM_FILTER, "bronnen.yml no longer has the 2020/18+ deel"
    return b.model_copy(update={"online": b.online.model_copy(update={"delen": delen})})


def reduced(reg: Registries, *bestanden: Bestand | str) -> Registries:
    """The registries with only these bestanden (ids or adapted Bestand objects)."""
    chosen = [reg.bestand(b) if isinstance(b, str) else b for b in bestanden]
    return dataclasses.replace(reg, bronnen=Bronnen(tabellen=reg.bronnen.tabellen, bestanden=chosen))


def online_reg(reg: Registries) -> Registries:
    return reduced(reg, rivm_2020_18plus(reg.bestand(RIVM_ID)), SEL_ID, CRIME_ID)


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_doc(raw: Path) -> dict[str, dict]:
    doc = json.loads((raw / MANIFEST).read_text(encoding="utf-8"))
    return {e["pad"]: e for e in doc["bestanden"]}


def requested(rsps: responses.RequestsMock, path_end: str) -> list[dict[str, list[str]]]:
    """Query parameters of every recorded request whose URL path ends with ``path_end``."""
    out = []
    for call in rsps.calls:
        parts = urlsplit(call.request.url)
        if parts.path.endswith(path_end):
            out.append(parse_qs(parts.query))
    return out


# --- online ---------------------------------------------------------------------------------


def test_untyped_json_follows_next_link_and_keeps_rows_of_both_pages(reg, tmp_path):
    raw = tmp_path / "raw"
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        serve_rivm(rsps)
        written, skipped = fetch_online(reduced(reg, rivm_2020_18plus(reg.bestand(RIVM_ID))), raw,
                                        session=requests.Session(), log=lambda s: None)
        assert len(rsps.calls) == 2
        # The second request is the next link itself, with its own $skip and no re-added params.
        assert rsps.calls[1].request.url == recorded(RIVM_PAGE1)["odata.nextLink"]
    assert [f.pad for f in written] == [RIVM_PAD] and skipped == []
    doc = json.loads((raw / RIVM_PAD).read_text(encoding="utf-8"))
    assert doc["tabel"] == "50090NED" and doc["filter"] == RIVM_FILTER
    codes = [r["WijkenEnBuurten"] for r in doc["value"]]
    expected = [r["WijkenEnBuurten"] for r in recorded(RIVM_PAGE1)["value"] + recorded(RIVM_PAGE2)["value"]]
    assert codes == expected
    assert "WK034403  " in codes and "BU03440911" in codes  # one row from each page, raw padding kept


def test_untyped_json_output_reads_with_the_rivm_reader(reg, tmp_path):
    raw = tmp_path / "raw"
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        serve_rivm(rsps)
        fetch_online(reduced(reg, rivm_2020_18plus(reg.bestand(RIVM_ID))), raw,
                     session=requests.Session(), log=lambda s: None)
    obs = read_rivm_wijkbuurt(raw / RIVM_PAD).observaties
    assert set(obs["gebied_code"]) == {"NL01", "GM0344", "WK034403", "BU03440311", "BU03440312", "BU03440911"}
    assert set(obs["peiljaar"]) == {2020} and set(obs["leeftijd"]) == {"18+"}

    def value(code: str, kolom: str):
        hit = obs[(obs["gebied_code"] == code) & (obs["kolom"] == kolom)]
        assert len(hit) == 1, (code, kolom)
        return hit.iloc[0]

    assert value("WK034403", "ErvarenGezondheidGoedZeerGoed")["waarde"] == pytest.approx(69.9)
    assert value("NL01", "Ondergewicht")["waarde"] == pytest.approx(2.0)
    assert value("BU03440312", "WekelijkseSporters")["waarde"] == pytest.approx(39.3)  # from page 2
    dot = value("BU03440911", "ErvarenGezondheidGoedZeerGoed")
    assert dot["reden"] == DOT_REASON and dot["waarde"] != dot["waarde"]  # NaN: suppressed at the source


def test_selectie_json_has_the_mirror_format_and_reads(reg, tmp_path):
    raw = tmp_path / "raw"
    deel = reg.bestand(SEL_ID).online.delen[0]
    body_columns = set(recorded(SEL_BODY)["value"][0])
    assert body_columns == set(deel.select), "the recorded body no longer matches the $select in bronnen.yml"
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        serve_selectie(rsps, reg)
        written, _ = fetch_online(reduced(reg, SEL_ID), raw, session=requests.Session(), log=lambda s: None)
    assert [f.pad for f in written] == [SEL_PAD]
    doc = json.loads((raw / SEL_PAD).read_text(encoding="utf-8"))
    # {code: {column: number}}: codes stripped, the sleutel column left out, '.' -> null, ints stay ints.
    assert doc == EXPECTED_SELECTIE
    assert all(type(v) is int for v in doc["GM0344"].values())
    obs = read_statline_selection(raw / SEL_PAD).observaties
    hit = obs[(obs["gebied_code"] == "WK034403") & (obs["kolom"] == "AantalInwoners")]
    assert hit["waarde"].tolist() == [35255.0] and hit["peiljaar"].tolist() == [2024]
    assert len(obs) == 5 * 8  # nulls are kept as observations with a reason


def test_decoded_csv_filters_by_title_and_decodes_keys(reg, tmp_path):
    raw = tmp_path / "raw"
    spec = reg.bestand(CRIME_ID).online
    assert spec.delen[0].dimensies == {"SoortMisdrijf": "Misdrijven, totaal"}
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        serve_crime(rsps)
        written, _ = fetch_online(reduced(reg, CRIME_ID), raw, session=requests.Session(), log=lambda s: None)
        data_requests = requested(rsps, "/83648NED/UntypedDataSet")
    assert len(data_requests) == 1
    assert data_requests[0]["$filter"] == [f"(SoortMisdrijf eq '{CRIME_KEY}')"]
    assert [f.pad for f in written] == [CRIME_PAD]
    text = (raw / CRIME_PAD).read_text(encoding="utf-8")
    assert text == EXPECTED_CRIME_CSV  # keys -> titles ('NL01  ' -> Nederland, 2020JJ00 -> 2020), no ID
    obs = read_statline_csv(raw / CRIME_PAD, {"Nederland": "NL01", "Amersfoort": "GM0307"}).observaties
    assert set(obs["gebied_code"]) == {"NL01", "GM0307"} and len(obs) == 2 * 2 * 2
    hit = obs[(obs["gebied_code"] == "GM0307") & (obs["peiljaar"] == 2020)
              & (obs["kolom"] == "TotaalGeregistreerdeMisdrijven_1")]
    assert hit["waarde"].tolist() == [7455.0]
    hit = obs[(obs["gebied_code"] == "NL01") & (obs["peiljaar"] == 2019)
              & (obs["kolom"] == "GeregistreerdeMisdrijvenPer1000Inw_3")]
    assert hit["waarde"].tolist() == [47.5]


def test_decoded_csv_unknown_dimension_title_is_an_odata_error(reg, tmp_path):
    b = reg.bestand(CRIME_ID)
    deel = b.online.delen[0].model_copy(update={"dimensies": {"SoortMisdrijf": "Misdrijven totaal"}})
    b = b.model_copy(update={"online": b.online.model_copy(update={"delen": [deel]})})
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        serve_crime(rsps, with_data=False)
        with pytest.raises(odata.ODataError, match=r"83648NED: dimension SoortMisdrijf has no category titled "
                                                   r"'Misdrijven totaal'"):
            fetch_online(reduced(reg, b), tmp_path / "raw", session=requests.Session(), log=lambda s: None)
    assert not (tmp_path / "raw" / CRIME_PAD).exists()


def test_bestanden_without_online_spec_are_skipped_with_their_reason(reg, tmp_path):
    raw = tmp_path / "raw"
    lines: list[str] = []
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:  # nothing registered
        written, skipped = fetch_online(reduced(reg, "cbs-kwb-2023", "politie-47013NED", "woonikveilig"), raw,
                                        session=requests.Session(), log=lines.append)
        assert len(rsps.calls) == 0
    assert written == []
    assert [b.id for b in skipped] == ["cbs-kwb-2023", "politie-47013NED", "woonikveilig"]
    for b in skipped:
        assert b.offline_reden
        line = next(ln for ln in lines if ln.strip().startswith(f"{b.id}:"))
        assert "no open-data API" in line and b.offline_reden.strip() in line
    assert not any(p.is_file() and p.name != MANIFEST for p in raw.rglob("*"))


def test_manifest_lists_online_files_and_keeps_earlier_mirror_entries(reg, tmp_path):
    raw = tmp_path / "raw"
    mirror = tmp_path / "mirror"
    # An earlier mirror fetch: wijknamen (kept), the 85984NED selection (same path online:
    # replaced) and one 50090NED xlsx (a path the online fetch does not write: dropped, as its
    # bestand is now carried by the online JSON files).
    wijknamen = reg.bestand("wijknamen")
    rivm = reg.bestand(RIVM_ID)
    rivm_xlsx = rivm.paden[-1]
    assert rivm_xlsx.endswith(".xlsx")
    for p in [*wijknamen.paden, SEL_PAD, rivm_xlsx]:
        (mirror / p).parent.mkdir(parents=True, exist_ok=True)
        (mirror / p).write_text(f"mirror copy of {p}\n", encoding="utf-8")
    fetch_from_mirror(reduced(reg, "wijknamen", SEL_ID, rivm.model_copy(update={"paden": [rivm_xlsx]})),
                      mirror, raw, log=lambda s: None)
    before = manifest_doc(raw)
    assert before[SEL_PAD]["herkomst"] == "mirror" and rivm_xlsx in before

    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        serve_rivm(rsps)
        serve_selectie(rsps, reg)
        serve_crime(rsps)
        written, _ = fetch_online(online_reg(reg), raw, session=requests.Session(), log=lambda s: None)

    entries = manifest_doc(raw)
    assert sorted(f.pad for f in written) == sorted([RIVM_PAD, SEL_PAD, CRIME_PAD])
    expected_formaat = {RIVM_PAD: ("rivm-50090NED", "rivm-wijkbuurt"),
                        SEL_PAD: ("cbs-statline-85984NED", "statline-selectie"),
                        CRIME_PAD: ("cbs-83648NED", "statline-csv")}
    for pad, (bestand, formaat) in expected_formaat.items():
        e = entries[pad]
        assert (e["bestand"], e["formaat"], e["herkomst"]) == (bestand, formaat, "online")
        assert e["sha256"] == file_sha(raw / pad)
    assert entries[SEL_PAD]["sha256"] != before[SEL_PAD]["sha256"]  # the online file replaced the copy
    for p in wijknamen.paden:  # merge: the other bestand's mirror entries survive unchanged
        assert entries[p] == before[p]
    assert rivm_xlsx not in entries  # the replaced bestand's earlier entries are gone
    assert set(entries) == {*expected_formaat, *wijknamen.paden}
    assert [f.pad for f in read_manifest(raw)] == sorted(entries)  # readable, sorted by pad


def test_http_500_is_an_odata_error_naming_the_url(reg, tmp_path):
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        rsps.get(SEL_URL, status=500, body="Internal Server Error")
        with pytest.raises(odata.ODataError) as exc:
            fetch_online(reduced(reg, SEL_ID), tmp_path / "raw", session=requests.Session(), log=lambda s: None)
    assert SEL_URL in str(exc.value) and "500" in str(exc.value)
    assert not (tmp_path / "raw" / SEL_PAD).exists()
    assert not (tmp_path / "raw" / MANIFEST).exists()


def test_http_500_on_a_next_page_names_that_page(reg, tmp_path):
    next_link = recorded(RIVM_PAGE1)["odata.nextLink"]
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        serve(rsps, RIVM_URL, RIVM_PAGE1, {"$format": "json", "$filter": RIVM_FILTER})
        rsps.get(next_link, status=500)
        with pytest.raises(odata.ODataError) as exc:
            fetch_online(reduced(reg, rivm_2020_18plus(reg.bestand(RIVM_ID))), tmp_path / "raw",
                         session=requests.Session(), log=lambda s: None)
    assert next_link in str(exc.value)
    assert not (tmp_path / "raw" / RIVM_PAD).exists()  # no half table written


def test_non_json_body_is_an_odata_error_naming_the_url(reg, tmp_path):
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        rsps.get(f"{CRIME}/DataProperties", status=200, content_type="text/html",
                 body="<html><body>Service temporarily unavailable</body></html>")
        with pytest.raises(odata.ODataError) as exc:
            fetch_online(reduced(reg, CRIME_ID), tmp_path / "raw", session=requests.Session(), log=lambda s: None)
    assert f"{CRIME}/DataProperties" in str(exc.value)


def test_json_without_value_is_an_odata_error_naming_the_url():
    with responses.RequestsMock(assert_all_requests_are_fired=True) as rsps:
        rsps.get(f"{CRIME}/UntypedDataSet", json={"odata.metadata": f"{CRIME}/$metadata"})
        with pytest.raises(odata.ODataError, match=r"has no 'value'") as exc:
            odata.rows(requests.Session(), OPENDATA, "83648NED")
    assert f"{CRIME}/UntypedDataSet" in str(exc.value)


# --- mirror ---------------------------------------------------------------------------------

# bestand id -> [(mirror path, fixture that stands in for it)]
MIRROR_FILES = {
    CRIME_ID: [(CRIME_PAD, "83648NED_sample.csv")],
    SEL_ID: [(SEL_PAD, "85984NED_kwb2024_selectie.json")],
    "wijknamen": [("lookups/wijk_namen_lookup.csv", "wijk_namen_sample.csv")],
}


def make_mirror(root: Path, files: list[tuple[str, str]]) -> Path:
    """A fake mirror: fixture files copied under their mirror paths (a small text file where
    the fixture is absent)."""
    for pad, fixture in files:
        dest = root / pad
        dest.parent.mkdir(parents=True, exist_ok=True)
        src = FIXTURES / fixture
        if src.is_file():
            shutil.copyfile(src, dest)
        else:
            dest.write_bytes(f"stand-in for {pad}\r\nwith a CRLF and \xe9\n".encode("utf-8"))
    return root


def mirror_reg(reg: Registries) -> Registries:
    wijknamen = reg.bestand("wijknamen")
    return reduced(reg, CRIME_ID, SEL_ID, wijknamen.model_copy(update={"paden": wijknamen.paden[:1]}))


def test_mirror_fetch_copies_bytes_and_writes_manifest(reg, tmp_path):
    files = [f for fs in MIRROR_FILES.values() for f in fs]
    mirror = make_mirror(tmp_path / "mirror", files)
    raw = tmp_path / "raw"
    lines: list[str] = []
    copied = fetch_from_mirror(mirror_reg(reg), mirror, raw, log=lines.append)
    assert sorted(f.pad for f in copied) == sorted(p for p, _ in files)
    entries = manifest_doc(raw)
    assert set(entries) == {p for p, _ in files}
    for bestand_id, fs in MIRROR_FILES.items():
        for pad, _ in fs:
            assert (raw / pad).read_bytes() == (mirror / pad).read_bytes()
            e = entries[pad]
            assert (e["bestand"], e["herkomst"], e["formaat"]) == (bestand_id, "mirror", reg.bestand(bestand_id).formaat)
            assert e["sha256"] == file_sha(mirror / pad)
    assert any(ln.strip() == f"{CRIME_ID}: 1 file(s) copied" for ln in lines)
    assert not [p for p in raw.rglob(".*.part")]  # no temporary files left behind


def test_mirror_missing_a_file_raises_and_copies_nothing(reg, tmp_path):
    files = [f for fs in MIRROR_FILES.values() for f in fs]
    mirror = make_mirror(tmp_path / "mirror", files)
    (mirror / CRIME_PAD).unlink()
    raw = tmp_path / "raw"
    with pytest.raises(VitaleWijkenError) as exc:
        fetch_from_mirror(mirror_reg(reg), mirror, raw, log=lambda s: None)
    message = str(exc.value)
    assert "lacks 1 file(s)" in message and f"{CRIME_ID}: {CRIME_PAD}" in message
    assert SEL_PAD not in message
    assert not raw.exists() or not any(raw.rglob("*"))  # checked before anything is copied


# --- CLI ------------------------------------------------------------------------------------


def reduced_registry_folder(folder: Path) -> tuple[Path, list[tuple[str, str]]]:
    """The four registries in ``folder``, with every bestand in bronnen.yml cut to its first
    path (so the cross-checks still pass). Returns the folder and the (path, fixture) list."""
    folder.mkdir(parents=True)
    src = data_dir()
    for name in ("gebieden", "metingen", "kernset"):
        shutil.copyfile(src / REGISTRY_FILES[name], folder / REGISTRY_FILES[name])
    bronnen = yaml.safe_load((src / REGISTRY_FILES["bronnen"]).read_text(encoding="utf-8"))
    fixture_for = {pad: fixture for fs in MIRROR_FILES.values() for pad, fixture in fs}
    files = []
    for b in bronnen["bestanden"]:
        if not b.get("paden"):
            continue  # online only: not in a mirror
        b["paden"] = b["paden"][:1]
        files.append((b["paden"][0], fixture_for.get(b["paden"][0], "-")))
    (folder / REGISTRY_FILES["bronnen"]).write_text(
        yaml.safe_dump(bronnen, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_registries(folder)  # the reduced copy must itself be a valid registry
    return folder, files


def test_cli_data_fetch_from_mirror(tmp_path, capsys):
    regdir, files = reduced_registry_folder(tmp_path / "registries")
    mirror = make_mirror(tmp_path / "mirror", files)
    raw = tmp_path / "raw"
    code = cli.main(["--registries", str(regdir), "data", "fetch", "--mirror", str(mirror), "--raw", str(raw)])
    out = capsys.readouterr().out
    assert code == 0
    assert f"fetch: {len(files)} files in {raw}" in out
    entries = manifest_doc(raw)
    assert set(entries) == {p for p, _ in files}
    assert {e["herkomst"] for e in entries.values()} == {"mirror"}
    for pad, _ in files:
        assert entries[pad]["sha256"] == file_sha(mirror / pad)


def test_cli_data_fetch_reports_a_missing_mirror_file(tmp_path, capsys):
    regdir, files = reduced_registry_folder(tmp_path / "registries")
    mirror = make_mirror(tmp_path / "mirror", files)
    (mirror / SEL_PAD).unlink()
    raw = tmp_path / "raw"
    code = cli.main(["--registries", str(regdir), "data", "fetch", "--mirror", str(mirror), "--raw", str(raw)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: mirror ") and f"{SEL_ID}: {SEL_PAD}" in err
    assert not (raw / MANIFEST).exists()
