"""Online fetch of the kernset tables (50150NED, Kerncijfers 2020-2025, Politie 47022NED,
Leefbaarometer) without the network, on the SYNTHETIC recorded responses in
tests/fixtures/odata/synthetic/ (see the README there): real OData v3 shape, invented
figures except where the mirror has the same figure. Everything is built into tmp_path,
never into data/processed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
import requests
import responses

from analysis import odata
from analysis.build import build
from analysis.coverage import coverage_matrix, summary
from analysis.data import read_table
from analysis.processed import INDICATOREN
from analysis.fetch import MANIFEST, fetch_from_mirror, fetch_online, partial_dir, read_manifest

SYN = Path(__file__).parent / "fixtures" / "odata" / "synthetic"
ODATA_URL = re.compile(r"^https://(opendata|dataderden)\.cbs\.nl/ODataFeed/odata/(\w+)/(\w+)")
LBM_URL = re.compile(r"^https://www\.leefbaarometer\.nl/resources/(.+\.csv)")
NEW = ["rivm-50150NED", "cbs-kwb-84799NED", "cbs-kwb-85039NED", "cbs-kwb-85318NED", "cbs-kwb-85618NED",
       "cbs-kwb-85984NED", "cbs-kwb-86165NED", "politie-47022NED", "leefbaarometer"]


def body_for(url: str) -> tuple[int, str]:
    m = LBM_URL.match(url)
    if m:
        return 200, (SYN / "leefbaarometer" / m.group(1)).read_text(encoding="utf-8")
    m = ODATA_URL.match(url)
    assert m, f"unexpected request {url}"
    tabel, entity = m.group(2), m.group(3)
    if tabel == "86165NED":
        return 404, json.dumps({"odata.error": {"message": {"value": "Resource not found"}}})
    query = parse_qs(urlsplit(url).query)
    flt = query.get("$filter", [""])[0]
    if entity == "UntypedDataSet":
        token = query.get("$skiptoken", [""])[0]
        year = token.removeprefix("synthetic") if token else re.search(r"(\d{4})JJ00", flt).group(1)
        name = f"UntypedDataSet_{year}_page{2 if token else 1}.json"
    elif entity == "TypedDataSet" and tabel == "47022NED":
        year = re.search(r"(\d{4})MM", flt).group(1)
        name = f"TypedDataSet_{year}.json"
    else:
        name = f"{entity}.json"
    return 200, (SYN / tabel / name).read_text(encoding="utf-8")


def serve(rsps: responses.RequestsMock, override=None) -> None:
    def callback(request):
        if override is not None:
            hit = override(request.url)
            if hit is not None:
                return hit
        status, body = body_for(request.url)
        return status, {"Content-Type": "application/json"}, body
    for pattern in (ODATA_URL, LBM_URL):
        rsps.add_callback(responses.GET, pattern, callback=callback)


def only(reg, ids):
    import dataclasses

    from analysis.registry_models import Bronnen
    return dataclasses.replace(reg, bronnen=Bronnen(tabellen=reg.bronnen.tabellen,
                                                    bestanden=[reg.bestand(i) for i in ids]))


@pytest.fixture(scope="module")
def fetched_build(reg, mirror, tmp_path_factory):
    """Mirror + every recorded online table -> build, in a temporary folder."""
    tmp = tmp_path_factory.mktemp("online")
    raw, out = tmp / "raw", tmp / "processed"
    fetch_from_mirror(reg, mirror, raw, log=lambda s: None)
    lines: list[str] = []
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        serve(rsps)
        fetch_online(reg, raw, session=requests.Session(), log=lines.append, only=set(NEW))
    build(reg, raw, out, log=lambda s: None)
    table = read_table(out / INDICATOREN.file, INDICATOREN)
    return raw, out, table, lines


@pytest.mark.slow
@pytest.mark.shared
def test_health_cells_of_2023_and_2025_gain_figures_with_intervals(fetched_build, reg):
    _, _, table, _ = fetched_build
    cov = coverage_matrix(table, reg)
    health = [i.id for i in reg.kernset.indicatoren if any(b.tabel == "50150NED" for b in i.bronnen)]
    assert len(health) >= 14
    for meting in (2023, 2025):
        cells = cov[cov["indicator"].isin(health) & (cov["meting"] == meting) & (cov["focusgebied"] == "overvecht")]
        assert (cells["status"] == "beschikbaar").all(), cells[["indicator", "status", "reden"]]
        assert set(cells["bron_tabel"]) == {"50150NED"}
    rows = table[(table["bron_tabel"] == "50150NED") & (table["gebied_code"] == "WK034403")
                 & table["meting"].isin([2023, 2025]) & table["indicator"].isin(health)]
    assert len(rows) >= 2 * 14
    assert rows["ondergrens"].notna().all() and rows["bovengrens"].notna().all()
    assert (rows["ondergrens"] <= rows["waarde"]).all() and (rows["waarde"] <= rows["bovengrens"]).all()
    # Batau (two wijken, model estimates): shown per part, never averaged.
    batau = cov[(cov["indicator"] == "overgewicht") & (cov["focusgebied"] == "batau") & (cov["meting"] == 2025)]
    assert batau["status"].tolist() == ["deels"]


@pytest.mark.slow
@pytest.mark.shared
def test_recorded_responses_fill_at_least_250_of_456_cells(fetched_build, reg):
    _, out, table, lines = fetched_build
    s = summary(coverage_matrix(table, reg))
    assert s["cellen"] == 456
    assert s["beschikbaar"] >= 250, s
    # The optional 2025 edition answered 404: skipped, said so, and nothing written for it.
    assert any("cbs-kwb-86165NED: not published (yet)" in ln for ln in lines)
    assert any(ln.startswith("  politie-47022NED (47022NED): 6 file(s)") for ln in lines), lines[-12:]


@pytest.mark.slow
@pytest.mark.shared
def test_fetched_secret_values_stay_missing_and_partial_year_is_not_a_year(fetched_build):
    _, _, table, _ = fetched_build
    # 85618NED '.' for Overvecht stays missing although the online file was fetched too.
    row = table[(table.indicator == "huishoudens_laag_inkomen") & (table.gebied_code == "WK034403")
                & (table.peiljaar == 2023)].iloc[0]
    assert row.status == "ontbreekt" and pd.isna(row.waarde)
    crime = table[(table.indicator == "misdrijven") & (table.bron_tabel == "47022NED") & (table.gebied_code == "WK035603")
                  & (table.peiljaar == 2025)]
    assert crime["meting"].isna().all()


def _fail_on(pattern: str, status: int = 200, body: str | None = None):
    def override(url):
        if re.search(pattern, url):
            return status, {"Content-Type": "application/json"}, body if body is not None else ""
        return None
    return override


BAD = [
    ("http-500", r"85618NED/TypedDataSet", 500, "{}", r"85618NED: GET https://opendata\.cbs\.nl/ODataFeed/odata/85618NED/TypedDataSet\?.*500"),
    ("truncated-page", r"85618NED/TypedDataSet", 200, '{"value": [{"WijkenEnBuurten": "GM0344  ", "Aantal',
     r"85618NED: GET .*85618NED/TypedDataSet.* did not return complete JSON"),
    ("empty-value", r"85618NED/TypedDataSet", 200, '{"odata.metadata": "x", "value": []}',
     r"85618NED: https://opendata\.cbs\.nl/ODataFeed/odata/85618NED/TypedDataSet\?\$filter=.* returned no rows"),
    ("renamed-column", r"85618NED/DataProperties", 200,
     json.dumps({"value": [{"Key": "WijkenEnBuurten", "Type": "GeoDimension"},
                           {"Key": "AantalInwonersTotaal_5", "Type": "Topic", "Title": "Aantal inwoners"}]}),
     r"85618NED: https://opendata\.cbs\.nl/ODataFeed/odata/85618NED/DataProperties has no column 'AantalInwoners'"),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_bad_response_is_one_clear_error_and_nothing_half_written(case, reg, tmp_path):
    _id, pattern, status, body, message = case
    raw = tmp_path / "raw"
    ids = ["cbs-kwb-84799NED", "cbs-kwb-85618NED"]
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        serve(rsps, _fail_on(pattern, status, body))
        with pytest.raises(odata.ODataError, match=message):
            fetch_online(only(reg, ids), raw, session=requests.Session(), log=lambda s: None)
    # The bestand fetched before the failure is complete and listed; nothing of the failing one.
    assert [f.bestand for f in read_manifest(raw)] == ["cbs-kwb-84799NED"]
    assert not (raw / "cbs-kwb" / "85618NED_kerncijfers.json").exists()
    assert sorted(p.name for p in (raw / "cbs-kwb").iterdir()) == ["84799NED_kerncijfers.json"]


def test_interrupted_fetch_resumes_from_the_parts_it_finished(reg, tmp_path):
    raw = tmp_path / "raw"
    ids = ["politie-47022NED"]
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        serve(rsps, _fail_on(r"47022NED/TypedDataSet.*2023MM", 500, "{}"))
        with pytest.raises(odata.ODataError, match=r"47022NED: GET .*500"):
            fetch_online(only(reg, ids), raw, session=requests.Session(), log=lambda s: None)
    staged = sorted(p.name for p in (partial_dir(raw) / "politie-47022NED").rglob("*.json"))
    assert staged == ["47022NED_2020.json", "47022NED_2021.json", "47022NED_2022.json"]
    assert not (raw / MANIFEST).exists()
    lines: list[str] = []
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        serve(rsps)
        written, _ = fetch_online(only(reg, ids), raw, session=requests.Session(), log=lines.append)
        data_calls = [c.request.url for c in rsps.calls if "TypedDataSet" in c.request.url]
    assert len(written) == 6 and len(data_calls) == 3  # 2020-2022 were not asked again
    assert sum("resumed from an earlier fetch" in ln for ln in lines) == 3
    assert not partial_dir(raw).exists()


def test_retrying_session_retries_server_errors():
    sess = odata.session(retries=2, backoff=0)
    adapter = sess.get_adapter("https://opendata.cbs.nl")
    assert adapter.max_retries.total == 2 and 503 in adapter.max_retries.status_forcelist
