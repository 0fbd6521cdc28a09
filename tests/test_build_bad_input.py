"""Bad input that only the build can see: a file that reads well on its own but does not
match the registries (a renamed column, another edition, a peiljaar without data, a focus
area code no source has), and values that would break the output tables.

``vitale-wijken data build`` runs on a small data/raw/ made of the committed fixtures
(tests/fixtures/, some SYNTHETIC, see the README there), with the real registries reduced to
the bestanden present and to the focus area Overvecht. Every case must stop the build with
one error naming the file (a source file or a registry), and where it has one the row and
column, and must leave nothing in the output folder.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import openpyxl
import pandas as pd
import pytest

from analysis import cli
from analysis.build import build, checked_output
from analysis.build.areas import check_focus_codes
from analysis.build.sources import check_values
from analysis.data import load_areas
from analysis.errors import RegistryError, SourceError
from analysis.fetch import RawFile, sha256, write_manifest
from analysis.readers import READERS, ReaderContext
from analysis.registries import REGISTRY_FILES, Registries, load_registries
from analysis.registry_models import Bronnen
from analysis.schemas import indicator_schema

FIXTURES = Path(__file__).parent / "fixtures"

# bestand -> (fixture, path in data/raw as bronnen.yml gives it)
RAW = {
    "cbs-kwb-2023": ("kwb-2023_sample.xlsx", "cbs-kwb/CBS-Utrecht-kwb-2023.xlsx"),
    "cbs-kwb-85618NED": ("fetched/85618NED_kerncijfers.json", "cbs-kwb/85618NED_kerncijfers.json"),
    "leefbaarometer": ("fetched/leefbaarometer_wijken.csv", "leefbaarometer/leefbaarometer_wijken.csv"),
    "rivm-50090NED": ("rivm_50090NED_2020_18+.xlsx", "rivm-50090NED/RIVM_gezondheid2020_18+.xlsx"),
    "cbs-wijkkaart-2024": ("wijken_sample.geojson", "cbs-geo/wijken_2024_nl.geojson"),
    # the national wijk characteristics (kerncijfers_wijken_nl.csv) come from this selection
    "cbs-statline-85984NED": ("85984NED_kwb2024_selectie.json", "cbs-statline/85984NED_kwb2024_selectie.json"),
}


def reduced(reg: Registries) -> Registries:
    """The real registries with only the bestanden of RAW and the focus area Overvecht."""
    return dataclasses.replace(
        reg, bronnen=Bronnen(tabellen=reg.bronnen.tabellen, bestanden=[reg.bestand(b) for b in RAW]),
        gebieden=reg.gebieden.model_copy(update={"focusgebieden": [reg.focusgebied("overvecht")]}))


def make_raw(reg: Registries, raw: Path, corrupt: dict[str, Callable[[Path], None]] | None = None) -> None:
    corrupt = corrupt or {}
    entries = []
    for bestand, (fixture, pad) in RAW.items():
        dest = raw / pad
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / fixture, dest)
        if bestand in corrupt:
            before = dest.read_bytes()
            corrupt[bestand](dest)
            assert dest.read_bytes() != before, "the corruption changed nothing"
        entries.append(RawFile(bestand, pad, reg.bestand(bestand).formaat, "test", sha256(dest)))
    write_manifest(raw, entries)


# --------------------------------------------------------------------------- corruptions


def json_doc(edit: Callable[[dict], None]) -> Callable[[Path], None]:
    def corrupt(path: Path) -> None:
        doc = json.loads(path.read_text(encoding="utf-8"))
        edit(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    return corrupt


def rename_header(old: str, new: str) -> Callable[[Path], None]:
    def corrupt(path: Path) -> None:
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        cell = next(c for c in ws[1] if c.value == old)
        cell.value = new
        wb.save(path)
    return corrupt


def drop_lines(marker: str) -> Callable[[Path], None]:
    def corrupt(path: Path) -> None:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [ln for ln in lines if marker not in ln]
        assert len(kept) < len(lines)
        path.write_text("".join(kept), encoding="utf-8")
    return corrupt


def replace_text(old: str, new: str) -> Callable[[Path], None]:
    def corrupt(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return corrupt


def rename_topic(old: str, new: str) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        meta = doc["onderwerpen"].pop(old)
        doc["onderwerpen"][new] = meta
    return edit


# --------------------------------------------------------------------------- the catalogue


@dataclass(frozen=True)
class Case:
    id: str
    corrupt: dict[str, Callable[[Path], None]]
    file: str  # the file the error must name: a path in data/raw, or a registry file name
    row: int | str | None
    column: str | None
    phrase: str
    # A change made after the manifest was written (a raw file edited by hand).
    tamper: tuple[str, Callable[[Path], None]] | None = None


CASES = [
    # A renamed source column: the file reads, but the kernset would lose its figures.
    Case("kwb-excel-renamed-column", {"cbs-kwb-2023": rename_header("a_hh", "a_huish")},
         "cbs-kwb/CBS-Utrecht-kwb-2023.xlsx", None, "a_hh",
         "table 85618NED: column 'a_hh' is missing (renamed or dropped?); bronnen.yml says bestand cbs-kwb-2023"),
    Case("statline-json-renamed-topic", {"cbs-kwb-85618NED": json_doc(rename_topic("HuishoudensTotaal", "Huishoudens"))},
         "cbs-kwb/85618NED_kerncijfers.json", None, "HuishoudensTotaal",
         "table 85618NED: column 'HuishoudensTotaal' is missing"),
    Case("rivm-renamed-column", {"rivm-50090NED": rename_header("Roker_11", "Rokers_11")},
         "rivm-50090NED/RIVM_gezondheid2020_18+.xlsx", None, "Roker", "table 50090NED: column 'Roker' is missing"),
    Case("leefbaarometer-renamed-score-column", {"leefbaarometer": replace_text("gebiedcode,jaar,lbm",
                                                                                "gebiedcode,jaar,score")},
         "leefbaarometer/leefbaarometer_wijken.csv", 1, "lbm", "missing column 'lbm'"),
    # The edition the file's own content names must be the one bronnen.yml registers.
    Case("kerncijfers-2024-saved-as-2023", {"cbs-kwb-85618NED": json_doc(lambda d: d.update(
        titel="Kerncijfers wijken en buurten 2024"))}, "cbs-kwb/85618NED_kerncijfers.json", None, "peiljaar",
         "the file's own content (title, sheet or period) says peiljaar 2024, but table 85618NED (Kerncijfers "
         "wijken en buurten 2023) in bronnen.yml is the edition of 2023"),
    Case("kerncijfers-of-another-table", {"cbs-kwb-85618NED": json_doc(lambda d: d.update(tabel="85984NED"))},
         "cbs-kwb/85618NED_kerncijfers.json", None, None,
         "carries table(s) ['85984NED'] that bronnen.yml does not list for cbs-kwb-85618NED"),
    Case("kwb-excel-sheet-of-2024", {"cbs-kwb-2023": lambda p: _retitle_sheet(p, "kwb-2024")},
         "cbs-kwb/CBS-Utrecht-kwb-2023.xlsx", "sheet", "kwb-2024",
         "holds the Kerncijfers 2024, but the file name says 2023"),
    # A peiljaar metingen.yml uses, but the files have no data for.
    Case("peiljaar-without-data", {"leefbaarometer": drop_lines(",2022,")}, "metingen.yml", None,
         "metingen.2023.leefbaarometer",
         "meting 2023 uses peiljaar 2022 of table leefbaarometer, but the files (leefbaarometer) have no data for it; "
         "they have: 2020, 2024"),
    # The file was edited after fetching: raw data is immutable.
    Case("raw-file-edited-after-fetch", {}, "leefbaarometer/leefbaarometer_wijken.csv", None, None,
         "file changed since it was fetched", tamper=("leefbaarometer", replace_text("3.645", "3.654"))),
]


def _retitle_sheet(path: Path, title: str) -> None:
    wb = openpyxl.load_workbook(path)
    wb.worksheets[0].title = title
    wb.save(path)


@pytest.fixture
def small(reg, tmp_path):
    return reduced(reg), tmp_path / "raw", tmp_path / "processed"


def test_the_small_raw_folder_builds(small):
    """The baseline of the catalogue: the untouched fixtures build, with Overvecht's figures."""
    reg, raw, out = small
    make_raw(reg, raw)
    result = build(reg, raw, out, log=lambda s: None)
    ind = result.tables["indicatoren"]
    row = ind[(ind.indicator == "huishoudens") & (ind.gebied_code == "WK034403") & (ind.bron_tabel == "85618NED")]
    assert set(row["waarde"]) == {17305.0}
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.written)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_stops_the_build(case: Case, small):
    reg, raw, out = small
    make_raw(reg, raw, case.corrupt)
    if case.tamper is not None:
        bestand, edit = case.tamper
        edit(raw / RAW[bestand][1])
    with pytest.raises(SourceError) as info:
        build(reg, raw, out, log=lambda s: None)
    err = info.value
    assert case.file in err.path, f"expected {case.file} in {err.path}"
    assert (err.row, err.column) == (case.row, case.column), f"wrong place in: {err}"
    assert case.phrase in err.message, f"expected {case.phrase!r} in: {err}"
    assert not out.exists() or not any(out.iterdir()), "a failed build wrote output"


# --------------------------------------------------------------------------- unknown focus-area codes


def _with_overvecht_code(reg: Registries, folder: Path, old: str, new: str) -> Registries:
    """A copy of the registries whose gebieden.yml gives Overvecht another code, reduced."""
    for name in REGISTRY_FILES.values():
        shutil.copy(reg.folder / name, folder / name)
    path = folder / REGISTRY_FILES["gebieden"]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return reduced(load_registries(folder))


def test_unknown_focus_area_code_stops_the_build(reg, tmp_path):
    """WK034409 is a valid-looking wijk code of Utrecht that no source file has."""
    bad = _with_overvecht_code(reg, tmp_path, "      - code: WK034403\n", "      - code: WK034409\n")
    raw, out = tmp_path / "raw", tmp_path / "processed"
    make_raw(bad, raw)
    with pytest.raises(RegistryError) as info:
        build(bad, raw, out, log=lambda s: None)
    err = info.value
    assert err.path == str(tmp_path / "gebieden.yml")
    assert err.column == "focusgebieden[0].delen[0].code"
    line = (tmp_path / "gebieden.yml").read_text(encoding="utf-8").splitlines()[err.row - 1]
    assert "WK034409" in line
    assert "focusgebied overvecht: area WK034409 (code) occurs in none of the source files" in err.message
    assert not out.exists() or not any(out.iterdir())


def test_unknown_binnen_code_is_named(reg):
    """A buurt the sources have, inside a wijk they do not: the `binnen` code is reported."""
    areas = load_areas()
    vollenhove = reg.focusgebied("vollenhove").delen[0]
    assert vollenhove.binnen == "WK035502" and (areas.gebied_code == "BU03550205").any()
    check_focus_codes(reg, areas)  # the committed area table has every code of gebieden.yml
    with pytest.raises(RegistryError) as info:
        check_focus_codes(reg, areas[areas.gebied_code != "WK035502"])
    err = info.value
    assert err.path.endswith("gebieden.yml") and err.column == "focusgebieden[2].delen[0].binnen"
    assert "focusgebied vollenhove: area WK035502 (binnen)" in err.message


def test_cli_reports_build_errors_without_traceback(reg, tmp_path, monkeypatch, capsys):
    """`vitale-wijken data build` prints one line naming file, row, column and value, exit 2."""
    import analysis.registries

    bad = _with_overvecht_code(reg, tmp_path, "      - code: WK034403\n", "      - code: WK034409\n")
    monkeypatch.setattr(analysis.registries, "load_registries", lambda folder=None, **kw: bad)
    raw, out = tmp_path / "raw", tmp_path / "processed"
    make_raw(bad, raw)
    assert cli.main(["data", "build", "--raw", str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: file {tmp_path / 'gebieden.yml'}, row ") and "WK034409" in err
    assert "Traceback" not in err

    good = reduced(reg)
    monkeypatch.setattr(analysis.registries, "load_registries", lambda folder=None, **kw: good)
    raw2 = tmp_path / "raw2"
    make_raw(good, raw2, {"cbs-kwb-2023": lambda p: _set_cell(p, "WK034403", "g_wozbag", -301)})
    assert cli.main(["data", "build", "--raw", str(raw2), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: file {raw2 / RAW['cbs-kwb-2023'][1]}, row 3, column 'g_wozbag': ")
    assert "-301" in err and "Traceback" not in err and "SchemaError" not in err


def _set_cell(path: Path, code: str, column: str, value: object) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)
    ws.cell(row, header.index(column) + 1).value = value
    wb.save(path)


# --------------------------------------------------------------------------- values that would break the outputs


def _kwb_observations(reg: Registries, tmp_path: Path, code: str, column: str, value: float) -> tuple[Path, pd.DataFrame]:
    """Observations of the KWB fixture as read_raw holds them, with one value replaced as a
    reader without its own range checks would pass it on."""
    path = tmp_path / "kwb-2023.xlsx"
    shutil.copyfile(FIXTURES / "kwb-2023_sample.xlsx", path)
    obs = READERS["cbs-kwb-excel"](path, ReaderContext()).observaties.copy()
    obs["bron_tabel"] = "85618NED"
    hit = (obs.gebied_code == code) & (obs.kolom == column)
    assert hit.sum() == 1
    obs.loc[hit, "waarde"] = value
    return path, obs


@pytest.mark.parametrize("column, value, phrase", [
    ("a_hh", -17305.0, "negative value -17305.0"),
    ("p_koopw", 120.0, "percentage 120.0 outside 0-100"),
])
def test_values_that_feed_the_kernset_are_checked_per_source_cell(reg, tmp_path, column, value, phrase):
    path, obs = _kwb_observations(reg, tmp_path, "WK034403", column, value)
    with pytest.raises(SourceError) as info:
        check_values(reg, path, obs)
    err = info.value
    assert (err.path, err.row, err.column) == (str(path), 3, column)
    assert phrase in err.message


def test_interval_that_misses_its_estimate_is_refused(reg, tmp_path):
    path, obs = _kwb_observations(reg, tmp_path, "WK034403", "p_koopw", 20.0)
    hit = (obs.gebied_code == "WK034403") & (obs.kolom == "p_koopw")
    obs.loc[hit, ["ondergrens", "bovengrens"]] = [21.0, 25.0]
    with pytest.raises(SourceError, match=r"interval 21.0 - 25.0 does not contain the estimate 20.0") as info:
        check_values(reg, path, obs)
    assert (info.value.row, info.value.column) == (3, "p_koopw")
    # A column the kernset does not use may hold what it holds (median wealth can be negative).
    path, obs = _kwb_observations(reg, tmp_path, "WK034403", "m_hh_ver", -5.0)
    check_values(reg, path, obs)


def test_output_schema_failure_names_table_line_column_value_and_source(reg, tmp_path):
    """A builder bug that breaks the indicator table's contract is one clear error, not a
    pandera report: the file it would have become, the line, column, value and source bestand."""
    table = pd.read_csv(FIXTURES.parent.parent / "data" / "processed" / "indicatoren.csv", dtype=str,
                        keep_default_na=False, nrows=50)
    from analysis.data import read_table
    from analysis.processed import INDICATOREN

    path = tmp_path / "indicatoren.csv"
    table.to_csv(path, index=False)
    df = read_table(path, INDICATOREN).reset_index(drop=True)
    first = df[df["waarde"].notna()].index[0]
    df.loc[first, "waarde"] = -np.abs(df.loc[first, "waarde"]) - 1
    percent = [i.id for i in reg.kernset.indicatoren if i.eenheid == "procent"]
    with pytest.raises(SourceError) as info:
        checked_output(df, indicator_schema(percent), tmp_path / "out", "indicatoren")
    err = info.value
    shown = str(err)
    assert err.path == str(tmp_path / "out" / "indicatoren.csv")
    assert (err.row, err.column) == (first + 2, "waarde")
    assert f"value {float(df.loc[first, 'waarde'])!r}" in err.message and "builder bug" in err.message
    assert f"bestand: {df.loc[first, 'bestand']}" in err.details[0]
    assert "Traceback" not in shown and "SchemaError" not in shown
