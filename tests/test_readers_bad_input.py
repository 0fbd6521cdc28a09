"""Bad input must be reported as a SourceError that names the file, and where the input has
one, the exact row and column (the way a person finds it in the file).

Each case copies a committed fixture (tests/fixtures/, excerpts of the real mirror files)
into tmp_path, corrupts it in code, and reads it with the reader for its ``formaat`` the
way the build does: ``READERS[formaat](path, ReaderContext(regio_codes))``.

The positive tests at the bottom read the untouched fixtures and check known values, so a
reader that rejects (or misreads) good input fails too.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import openpyxl
import pandas as pd
import pytest

from analysis.errors import SourceError
from analysis.readers import OBS_COLUMNS, READERS, ReaderContext, SourceData
from analysis.readers._common import excel_error_cells
from analysis.registries import load_registries

FIXTURES = Path(__file__).parent / "fixtures"

REGIO_CODES = {"Nederland": "NL01", "Utrecht (gemeente)": "GM0344", "Amersfoort": "GM0307", "Zeist": "GM0355",
               "Nieuwegein": "GM0356"}

RIVM = "rivm_50090NED_2020_18+.xlsx"
KWB = "kwb-2023_sample.xlsx"
SELECTIE = "85984NED_kwb2024_selectie.json"
CSV_83648 = "83648NED_sample.csv"
CSV_47013 = "47013NED_sample.csv"
WOONIKVEILIG = "woonikveilig_GM0355.json"
WIJKEN = "wijken_sample.geojson"
GEOINZICHT = "geoinzicht_2024_sample.geojson"
NAMEN = "wijk_namen_sample.csv"
# SYNTHETIC excerpts of what `data fetch` writes (tests/fixtures/fetched/, see the README there).
KERN = "fetched/85618NED_kerncijfers.json"
POLITIE = "fetched/47022NED_2022.json"
RIVM_MARGES = "fetched/50150NED_2022.json"
LBM = "fetched/leefbaarometer_wijken.csv"

FORMAAT = {
    RIVM: "rivm-wijkbuurt",
    KWB: "cbs-kwb-excel",
    SELECTIE: "statline-selectie",
    CSV_83648: "statline-csv",
    CSV_47013: "statline-export-csv",
    WOONIKVEILIG: "woonikveilig-json",
    WIJKEN: "wijk-geojson",
    GEOINZICHT: "geoinzicht-geojson",
    NAMEN: "namen-csv",
    KERN: "statline-json",
    POLITIE: "statline-json",
    RIVM_MARGES: "rivm-wijkbuurt",
    LBM: "leefbaarometer-csv",
}
# Reader options as bronnen.yml gives them to the bestand of each format.
OPTIES = {LBM: load_registries().bestand("leefbaarometer").opties}

# Spreadsheet rows of the xlsx fixtures (header = row 1), as written by make_fixtures.py.
RIVM_ROWS = {"NL01": 2, "GM0344": 3, "WK034403": 4, "BU03440311": 5, "BU03440911": 6, "GM0355": 7,
             "WK035502": 8, "BU03550205": 9}
KWB_ROWS = {"GM0344": 2, "WK034403": 3, "BU03440311": 4, "BU03440312": 5}
KEY_COLUMN = {RIVM: "WijkenEnBuurten", KWB: "gwb_code_10"}


def read(fixture: str, path: Path, locale: str = "en") -> SourceData:
    ctx = ReaderContext(REGIO_CODES, opties=OPTIES.get(fixture, {}), locale=locale)
    return READERS[FORMAAT[fixture]](path, ctx)


# --------------------------------------------------------------------------- corruptions
# Each returns a function (src, dst) that writes a corrupted copy of src to dst. They check
# that the text/cell they change is really there, so a changed fixture cannot turn a case
# into a test of an unchanged file.

Corrupt = Callable[[Path, Path], None]


def _sheet_edit(edit: Callable[[Path, "openpyxl.worksheet.worksheet.Worksheet"], None]) -> Corrupt:
    def corrupt(src: Path, dst: Path) -> None:
        wb = openpyxl.load_workbook(src)
        edit(src, wb.worksheets[0])
        wb.save(dst)
    return corrupt


def _col(ws, name: str) -> int:
    header = [c.value for c in ws[1]]
    assert name in header, f"fixture has no column {name!r}"
    return header.index(name) + 1


def cells(code: str, **values: object) -> Corrupt:
    """Set cells (by column name) in the row of area ``code``."""
    def edit(src: Path, ws) -> None:
        row = (RIVM_ROWS if src.name == RIVM else KWB_ROWS)[code]
        assert str(ws.cell(row, _col(ws, KEY_COLUMN[src.name])).value).strip() == code
        for name, value in values.items():
            ws.cell(row, _col(ws, name)).value = value
    return _sheet_edit(edit)


def text_cells(code: str, **values: str) -> Corrupt:
    """Like ``cells``, but stored as text cells even where the text looks like a spreadsheet
    error (openpyxl would otherwise write '#DIV/0!' as a real error cell)."""
    def edit(src: Path, ws) -> None:
        row = (RIVM_ROWS if src.name == RIVM else KWB_ROWS)[code]
        assert str(ws.cell(row, _col(ws, KEY_COLUMN[src.name])).value).strip() == code
        for name, value in values.items():
            cell = ws.cell(row, _col(ws, name))
            cell.value = value
            cell.data_type = "s"
    return _sheet_edit(edit)


def error_cell(code: str, column: str, value: str) -> Corrupt:
    """A real spreadsheet error cell (t="e" in the sheet XML), as Excel stores #DIV/0! or #N/A."""
    set_cell = cells(code, **{column: value})

    def corrupt(src: Path, dst: Path) -> None:
        set_cell(src, dst)
        assert [v for _, _, v in excel_error_cells(dst)] == [value], "openpyxl did not write an error cell"
    return corrupt


def column_values(column: str, change: Callable[[object], object]) -> Corrupt:
    """Apply ``change`` to every value of ``column`` (all data rows)."""
    def edit(src: Path, ws) -> None:
        c = _col(ws, column)
        for r in range(2, ws.max_row + 1):
            ws.cell(r, c).value = change(ws.cell(r, c).value)
    return _sheet_edit(edit)


def rename_sheet(title: str) -> Corrupt:
    def edit(src: Path, ws) -> None:
        ws.title = title
    return _sheet_edit(edit)


def row_value(i: int, key: str, value: object) -> Callable[[dict], None]:
    """Set ``key`` of record ``value[i]`` of a fetched StatLine file."""
    def edit(doc: dict) -> None:
        assert key in doc["value"][i], f"record {i} has no {key!r}"
        doc["value"][i][key] = value
    return edit


def every_row(key: str, change: Callable[[object], object]) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        for rec in doc["value"]:
            rec[key] = change(rec[key])
    return edit


def rename_in_rows(old: str, new: str) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        doc["value"] = [{(new if k == old else k): v for k, v in rec.items()} for rec in doc["value"]]
    return edit


def fraction(value: object) -> object:
    """A percentage written as a fraction (69.9 -> 0.699), keeping the cell's type and padding."""
    if isinstance(value, str):
        t = value.strip()
        return value if t in ("", ".") else f"{float(t) / 100:>8.3f}"
    return None if value is None else round(value / 100, 3)


def drop_column(name: str) -> Corrupt:
    return _sheet_edit(lambda src, ws: ws.delete_cols(_col(ws, name)))


def text(old: str, new: str, *, count: int = 1, encoding: str = "utf-8") -> Corrupt:
    """Replace ``old`` by ``new`` (``count`` times, -1 = all) and write with ``encoding``."""
    def corrupt(src: Path, dst: Path) -> None:
        content = src.read_bytes().decode("utf-8")
        assert old in content, f"{old!r} not in {src.name}"
        dst.write_bytes(content.replace(old, new, count).encode(encoding))
    return corrupt


def reencode(encoding: str) -> Corrupt:
    return lambda src, dst: dst.write_bytes(src.read_bytes().decode("utf-8").encode(encoding))


def truncate_after(marker: str) -> Corrupt:
    def corrupt(src: Path, dst: Path) -> None:
        content = src.read_text(encoding="utf-8")
        assert marker in content
        dst.write_text(content[: content.index(marker) + len(marker)], encoding="utf-8")
    return corrupt


def json_edit(edit: Callable[[dict], None]) -> Corrupt:
    """Edit the parsed document and write it back in the fixture's own layout."""
    def corrupt(src: Path, dst: Path) -> None:
        raw = src.read_text(encoding="utf-8")
        doc = json.loads(raw)
        edit(doc)
        layout = {"indent": 2} if raw.startswith("{\n") else {"separators": (",", ":")}
        dst.write_text(json.dumps(doc, ensure_ascii=False, **layout), encoding="utf-8")
    return corrupt


def empty(src: Path, dst: Path) -> None:
    dst.write_bytes(b"")


def content_of(other: str) -> Corrupt:
    """Write another fixture's bytes under this fixture's name (a renamed text file)."""
    return lambda src, dst: dst.write_bytes((FIXTURES / other).read_bytes())


def _feature(doc: dict, key: str, code: str) -> dict:
    return next(f for f in doc["features"] if f["properties"][key] == code)


def _buurt(doc: dict, code: str) -> dict:
    return next(b for b in doc["buurten"] if b["code"] == code)


def _to_rd(coords):
    """Rough affine WGS84 -> RD New (Amersfoort) metres: enough to look like RD."""
    if isinstance(coords[0], (int, float)):
        lon, lat = coords
        return [round(155000 + (lon - 5.38721) * 68500, 1), round(463000 + (lat - 52.15517) * 111200, 1)]
    return [_to_rd(c) for c in coords]


def rd_geometry(doc: dict) -> None:
    geom = _feature(doc, "wijkcode", "WK035502")["geometry"]
    geom["coordinates"] = _to_rd(geom["coordinates"])


def _set(path: list, value: object) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        node = doc
        for key in path[:-1]:
            node = node[key]
        assert path[-1] in node
        node[path[-1]] = value
    return edit


def duplicate_line(line_no: int) -> Corrupt:
    """Repeat line ``line_no`` (1-based) of a text file right after itself."""
    def corrupt(src: Path, dst: Path) -> None:
        lines = src.read_bytes().splitlines(keepends=True)
        dst.write_bytes(b"".join(lines[:line_no] + [lines[line_no - 1]] + lines[line_no:]))
    return corrupt


def copy_row(code: str, onto: str) -> Corrupt:
    """Make the row of ``onto`` a second row for area ``code`` (a duplicated key)."""
    def edit(src: Path, ws) -> None:
        rows = RIVM_ROWS
        for c in range(1, ws.max_column + 1):
            ws.cell(rows[onto], c).value = ws.cell(rows[code], c).value
    return _sheet_edit(edit)


# --------------------------------------------------------------------------- the catalogue


@dataclass(frozen=True)
class Case:
    id: str
    fixture: str
    corrupt: Corrupt
    row: int | str | None
    column: str | None
    phrase: str
    detail: str | None = None  # must appear in one of err.details
    locale: str = "en"  # the bestand's declared number locale (bronnen.yml `locale`)


CASES = [
    # -- missing columns ---------------------------------------------------------------
    Case("rivm-missing-key-column", RIVM, drop_column("Perioden"), 1, "Perioden", "missing column"),
    Case("kwb-missing-column", KWB, drop_column("a_inw"), 1, "a_inw", "missing column"),
    Case("83648-missing-column", CSV_83648, text("SoortMisdrijf,RegioS,", "SoortMisdrijf,Regio,"), 1, "RegioS",
         "missing column"),
    # -- unknown / malformed area codes --------------------------------------------------
    Case("rivm-unknown-area-code", RIVM, cells("WK034403", WijkenEnBuurten="WX034403  "), 4, "WijkenEnBuurten",
         "unknown area code"),
    Case("kwb-malformed-area-code", KWB, cells("BU03440312", gwb_code_10="BU0344031"), 5, "gwb_code_10",
         "unknown area code"),
    Case("selectie-unknown-area-code", SELECTIE, text('"WK034403": {', '"WIJK034403": {'), "WIJK034403", None,
         "unknown area code"),
    Case("woonikveilig-malformed-buurt-code", WOONIKVEILIG, text('"code":"BU03550201"', '"code":"BU0355020"'),
         "buurten[0]", "code", "unknown area code"),
    Case("names-malformed-statcode", NAMEN, text("WK030702,", "W030702,"), 3, "statcode", "unknown area code"),
    Case("rivm-soortregio-does-not-match-code", RIVM, cells("WK034403", SoortRegio_2="Buurt     "), 4,
         "SoortRegio_2", "does not match area code 'WK034403'"),
    Case("woonikveilig-buurt-of-other-gemeente", WOONIKVEILIG, text('"code":"BU03550205"', '"code":"BU03560205"'),
         "buurten[1]", "code", "BU03560205 does not lie in gemeente GM0355"),
    Case("wijken-gemeentecode-mismatch", WIJKEN, text('"gemeentecode":"GM0355"', '"gemeentecode":"GM0356"'),
         "features[1]", "gemeentecode", "does not match WK035502"),
    # -- '.' in a key column is an error ('.' in a value column is not: see below) ----------
    Case("rivm-dot-in-key-column", RIVM, cells("GM0355", WijkenEnBuurten="         ."), 7, "WijkenEnBuurten",
         "unknown area code"),
    Case("kwb-dot-in-key-column", KWB, cells("WK034403", gwb_code_10="."), 3, "gwb_code_10", "unknown area code"),
    # -- duplicated keys -------------------------------------------------------------------
    Case("rivm-duplicate-area", RIVM, copy_row("WK034403", onto="BU03440311"), 5, "WijkenEnBuurten",
         "duplicate key (WijkenEnBuurten='WK034403'", detail="first on row 4"),
    Case("kwb-duplicate-area", KWB, cells("BU03440312", gwb_code_10="BU03440311"), 5, "gwb_code_10",
         "duplicate key (gwb_code_10='BU03440311')", detail="first on row 4"),
    Case("83648-duplicate-line", CSV_83648, duplicate_line(3), 4, "RegioS", "duplicate row for Amersfoort / 2020",
         detail="first on line 3"),
    Case("47013-duplicate-region", CSV_47013, duplicate_line(11), 12, "Regio's", "duplicate row for Zeist",
         detail="first on line 11"),
    Case("woonikveilig-duplicate-buurt", WOONIKVEILIG, text('"code":"BU03550201"', '"code":"BU03550205"'),
         "buurten[0] (BU03550205)", "code", "area BU03550205 appears more than once"),
    Case("names-duplicate-statcode", NAMEN, text("WK030703,", "WK030701,"), 4, "statcode",
         "duplicate statcode WK030701 (also line 2)"),
    Case("wijken-duplicate-wijkcode", WIJKEN, json_edit(lambda d: _feature(d, "wijkcode", "WK035502")["properties"]
                                                        .update(wijkcode="WK034403", gemeentecode="GM0344")),
         "features[1]", "wijkcode", "duplicate wijkcode WK034403 (also features[0])"),
    # -- out of range ----------------------------------------------------------------------
    Case("rivm-percentage-over-100", RIVM, cells("WK034403", ErvarenGezondheidGoedZeerGoed_4="   100.5"), 4,
         "ErvarenGezondheidGoedZeerGoed_4", "percentage outside 0-100"),
    Case("kwb-percentage-over-100", KWB, cells("WK034403", p_koopw=144), 3, "p_koopw", "percentage outside 0-100"),
    Case("woonikveilig-percentage-over-100", WOONIKVEILIG,
         json_edit(lambda d: _buurt(d, "BU03550205")["gezondheid"]["trend"].update({"2022": 162.7})),
         "buurten[1] (BU03550205)", "gezondheid.trend.2022.goedErvarenGezondheid", "outside 0-100"),
    Case("kwb-negative-count", KWB, cells("BU03440311", a_inw=-4195), 4, "a_inw", "negative count"),
    Case("selectie-negative-value", SELECTIE, text('"Woningvoorraad_35": 16781', '"Woningvoorraad_35": -16781'),
         "WK034403", "Woningvoorraad_35", "negative value"),
    Case("geoinzicht-negative-count", GEOINZICHT, text('"cr_straatroof":7,', '"cr_straatroof":-7,'),
         "features[1] (GM0355)", "cr_straatroof", "not a count"),
    # The crime exports report a negative count on the right line; the column should be the
    # file's own column (as for a non-number on the same line), not the reader's 'waarde'.
    Case("47013-negative-count", CSV_47013, text('"Zeist";"2430"', '"Zeist";"-2430"'), 11,
         "Geregistreerde misdrijven 2022", "negative count"),
    # -- not a number ------------------------------------------------------------------------
    Case("rivm-comma-decimal", RIVM, cells("GM0355", Roker_11="     7,4"), 7, "Roker_11", "not a number"),
    Case("kwb-comma-decimal", KWB, cells("WK034403", g_hhgro="1,9"), 3, "g_hhgro", "not a number"),
    Case("83648-quoted-comma-decimal", CSV_83648, text(",2020,2935.0,100.0,45.2,", ',2020,2935.0,100.0,"45,2",'), 7,
         "GeregistreerdeMisdrijvenPer1000Inw_3", "not a number: '45,2'"),
    Case("83648-unquoted-comma-decimal", CSV_83648, text(",2019,2910.0,100.0,45.5,", ",2019,2910.0,100.0,45,5,"), 6,
         None, "wrong number of fields"),
    Case("47013-comma-decimal", CSV_47013, text('"Nieuwegein";"3155"', '"Nieuwegein";"3155,5"'), 9,
         "Geregistreerde misdrijven 2022", "not a number: '3155,5'"),
    Case("selectie-string-value", SELECTIE, text('"Mannen_6": 17625', '"Mannen_6": "17625"'), "WK034403",
         "Mannen_6", "not a number"),
    Case("woonikveilig-headline-not-a-number", WOONIKVEILIG,
         json_edit(lambda d: _buurt(d, "BU03550205")["gezondheid"].update(goedErvarenGezondheid="63,5")),
         "buurten[1] (BU03550205)", "gezondheid.goedErvarenGezondheid", "not a number"),
    Case("geoinzicht-cr_jaar-as-text", GEOINZICHT, text('"cr_jaar":2024}', '"cr_jaar":"2024"}'),
         "features[0] (GM0344)", "cr_jaar", "is not a year"),
    Case("woonikveilig-string-value", WOONIKVEILIG, json_edit(_set(["demografie", "huishoudensgrootte"], "2,1")),
         "<top> (GM0355)", "demografie.huishoudensgrootte", "not a number"),
    # -- empty files (size 0) -----------------------------------------------------------------
    Case("rivm-empty-xlsx", RIVM, empty, None, None, "file is empty"),
    Case("kwb-empty-xlsx", KWB, empty, None, None, "file is empty"),
    Case("83648-empty-csv", CSV_83648, empty, None, None, "file is empty"),
    Case("47013-empty-csv", CSV_47013, empty, None, None, "file is empty"),
    Case("names-empty-csv", NAMEN, empty, None, None, "file is empty"),
    Case("selectie-empty-json", SELECTIE, empty, None, None, "file is empty"),
    Case("woonikveilig-empty-json", WOONIKVEILIG, empty, None, None, "file is empty"),
    Case("wijken-empty-geojson", WIJKEN, empty, None, None, "file is empty"),
    # -- encodings ----------------------------------------------------------------------------
    Case("47013-cp1252", CSV_47013, text('"Nieuwegein";', '"S\u00fadwest-Frysl\u00e2n";', encoding="cp1252"), 9,
         None, "not UTF-8"),
    Case("47013-utf16", CSV_47013, reencode("utf-16"), 1, None, "not UTF-8"),
    # -- separators ---------------------------------------------------------------------------
    Case("83648-semicolon-separated", CSV_83648, text(",", ";", count=-1), 1, None,
         "expected ','-separated values, found ';'"),
    Case("47013-comma-separated", CSV_47013, text('";"', '","', count=-1), 5, None,
         "expected ';'-separated values, found ','"),
    # -- content that contradicts the format ---------------------------------------------------
    Case("83648-two-soorten", CSV_83648, text('"Misdrijven, totaal",Nederland,2019', "Diefstal,Nederland,2019"), 4,
         "SoortMisdrijf", "expected one SoortMisdrijf"),
    Case("47013-period-not-a-year", CSV_47013, text('"Perioden";"2022";"2023"', '"Perioden";"2022";"2023 mei"'), 5,
         "Perioden[2]", "is not a year"),
    Case("wijken-rd-coordinates", WIJKEN, json_edit(rd_geometry), "features[1]", "geometry",
         "not WGS84 longitude/latitude"),
    Case("woonikveilig-wrong-veiligheid-table", WOONIKVEILIG,
         json_edit(_set(["veiligheid", "bron"], "Politie via CBS (tabel 47013NED)")), "<top> (GM0355)",
         "veiligheid.bron", "expected table 47022NED, found 47013NED"),
    Case("woonikveilig-headline-differs-from-trend", WOONIKVEILIG,
         json_edit(lambda d: _buurt(d, "BU03550201")["gezondheid"].update(goedErvarenGezondheid=97.5)),
         "buurten[0] (BU03550201)", "gezondheid.goedErvarenGezondheid", "differs from the trend value"),
    Case("selectie-record-lacks-a-column", SELECTIE, json_edit(lambda d: d["GM0355"].pop("Mannen_6")), "GM0355",
         "Mannen_6", "other columns than the first record"),
    Case("wijken-missing-property", WIJKEN, json_edit(lambda d: d["features"][1]["properties"].pop("wijknaam")),
         "features[1]", "wijknaam", "missing property"),
    Case("wijken-point-geometry", WIJKEN,
         json_edit(lambda d: d["features"][0].update(geometry={"type": "Point", "coordinates": [5.11, 52.11]})),
         "features[0]", "geometry", "must be a Polygon or MultiPolygon"),
    Case("names-semicolon-separated", NAMEN, text(",", ";", count=-1), 1, None, "expected ','-separated values"),
    # -- broken files ---------------------------------------------------------------------------
    Case("selectie-truncated-json", SELECTIE, truncate_after('"OppervlakteLand_123": 818'), 16, None,
         "invalid JSON"),
    Case("woonikveilig-truncated-json", WOONIKVEILIG, truncate_after('"name":"Vollenhove"'), 1, None,
         "invalid JSON"),
    Case("geoinzicht-invalid-json", GEOINZICHT, text('"type":"FeatureCollection",', '"type":"FeatureCollection",,'),
         1, None, "invalid JSON"),
    Case("kwb-header-only", KWB, _sheet_edit(lambda src, ws: ws.delete_rows(2, ws.max_row - 1)), 2, None,
         "no data rows"),
    Case("rivm-xlsx-is-a-text-file", RIVM, content_of(CSV_83648), None, None, "not a readable xlsx workbook"),
    Case("kwb-xlsx-is-a-text-file", KWB, content_of(NAMEN), None, None, "not a readable xlsx workbook"),
    # -- numbers as the publisher writes them (issue 13, item 5) -------------------------------
    # Dutch thousands separators in a file declared 'en' (the default): refused, never 17.47.
    Case("kwb-thousands-separator-households", KWB, cells("WK034403", a_hh="17.470"), 3, "a_hh",
         "'17.470' looks like a Dutch thousands separator"),
    Case("kwb-thousands-separator-inhabitants", KWB, cells("WK034403", a_inw="34.910"), 3, "a_inw",
         "'34.910' looks like a Dutch thousands separator"),
    Case("47013-thousands-separator", CSV_47013, text('"Zeist";"2430"', '"Zeist";"2.430"'), 11,
         "Geregistreerde misdrijven 2022", "'2.430' looks like a Dutch thousands separator"),
    Case("kern-thousands-separator-as-text", KERN, json_edit(row_value(2, "HuishoudensTotaal_29", "17.305")),
         "value[2]", "HuishoudensTotaal_29", "'17.305' looks like a Dutch thousands separator"),
    Case("politie-thousands-separator-as-text", POLITIE, json_edit(row_value(3, "GeregistreerdeMisdrijven_1", "2.008")),
         "value[3]", "GeregistreerdeMisdrijven_1", "'2.008' looks like a Dutch thousands separator"),
    # A file declared 'nl' writes a decimal comma: a decimal point in a text cell is refused there.
    Case("kwb-nl-locale-decimal-point", KWB, cells("WK034403", g_hhgro="1.9"), 3, "g_hhgro",
         "not a number: '1.9' (decimal comma, '.' between thousands expected", locale="nl"),
    Case("47013-nl-locale-decimal-point", CSV_47013, text('"Zeist";"2430"', '"Zeist";"2430.5"'), 11,
         "Geregistreerde misdrijven 2022", "not a number: '2430.5'", locale="nl"),
    # Decimal commas in files that write a decimal point.
    Case("kern-decimal-comma-as-text", KERN, json_edit(row_value(2, "GemiddeldeHuishoudensgrootte_33", "2,0")),
         "value[2]", "GemiddeldeHuishoudensgrootte_33", "not a number: '2,0'"),
    Case("marges-decimal-comma", RIVM_MARGES, json_edit(row_value(6, "RooktTabak_7", "    64,7")), 7, "RooktTabak_7",
         "not a number"),
    Case("lbm-decimal-comma", LBM, text("WK034403,2022,3.645", 'WK034403,2022,"3,645"'), 18, "lbm",
         "not a number: '3,645'"),
    # Spreadsheet error values, as text (a CSV export, a text cell) and as real xlsx error cells.
    Case("kwb-div0-as-text", KWB, text_cells("WK034403", p_koopw="#DIV/0!"), 3, "p_koopw",
         "spreadsheet error value '#DIV/0!'"),
    Case("kwb-waarde-as-text", KWB, text_cells("BU03440312", g_wozbag="#WAARDE!"), 5, "g_wozbag",
         "spreadsheet error value '#WAARDE!'"),
    Case("kwb-div0-error-cell", KWB, error_cell("WK034403", "g_wozbag", "#DIV/0!"), 3, "g_wozbag",
         "spreadsheet error value '#DIV/0!'"),
    Case("kwb-na-error-cell", KWB, error_cell("BU03440312", "a_hh", "#N/A"), 5, "a_hh",
         "spreadsheet error value '#N/A'"),
    Case("kwb-value-error-cell", KWB, error_cell("BU03440311", "p_koopw", "#VALUE!"), 4, "p_koopw",
         "spreadsheet error value '#VALUE!'"),
    Case("rivm-div0-as-text", RIVM, text_cells("WK034403", Roker_11="#DIV/0!"), 4, "Roker_11",
         "spreadsheet error value '#DIV/0!'"),
    Case("rivm-na-error-cell", RIVM, error_cell("GM0355", "Roker_11", "#N/A"), 7, "Roker_11",
         "spreadsheet error value '#N/A'"),
    Case("83648-waarde-as-text", CSV_83648, text(",2020,2935.0,100.0,45.2,", ",2020,2935.0,100.0,#WAARDE!,"), 7,
         "GeregistreerdeMisdrijvenPer1000Inw_3", "spreadsheet error value '#WAARDE!'"),
    Case("47013-na-as-text", CSV_47013, text('"Zeist";"2430"', '"Zeist";"#N/A"'), 11,
         "Geregistreerde misdrijven 2022", "spreadsheet error value '#N/A'"),
    Case("47013-value-as-text", CSV_47013, text('"Nieuwegein";"3155"', '"Nieuwegein";"#VALUE!"'), 9,
         "Geregistreerde misdrijven 2022", "spreadsheet error value '#VALUE!'"),
    Case("kern-div0-as-text", KERN, json_edit(row_value(1, "Koopwoningen_47", "#DIV/0!")), "value[1]", "Koopwoningen_47",
         "spreadsheet error value '#DIV/0!'"),
    Case("politie-na-as-text", POLITIE, json_edit(row_value(13, "GeregistreerdeMisdrijven_1", "#N/A")), "value[13]",
         "GeregistreerdeMisdrijven_1", "spreadsheet error value '#N/A'"),
    Case("marges-div0", RIVM_MARGES, json_edit(row_value(9, "Overgewicht_5", "#DIV/0!")), 10, "Overgewicht_5",
         "spreadsheet error value '#DIV/0!'"),
    Case("lbm-na-as-text", LBM, text("WK034403,2022,3.645", "WK034403,2022,#N/A"), 18, "lbm",
         "spreadsheet error value '#N/A'"),
    # A percentage column whose values all lie in 0-1: fractions (0.699), not percentages.
    Case("kwb-percentage-as-fraction", KWB, column_values("p_koopw", fraction), 2, "p_koopw",
         "every value of this percentage column lies between 0 and 1 (first: 0.44)"),
    Case("rivm-percentage-as-fraction", RIVM, column_values("ErvarenGezondheidGoedZeerGoed_4", fraction), 2,
         "ErvarenGezondheidGoedZeerGoed_4", "every value of this percentage column lies between 0 and 1 (first: 0.784)"),
    Case("kern-percentage-as-fraction", KERN, json_edit(every_row("Koopwoningen_47", fraction)), "value[0]",
         "Koopwoningen_47", "every value of this percentage column lies between 0 and 1 (first: 0.63)"),
    Case("marges-percentage-as-fraction", RIVM_MARGES, json_edit(every_row("GoedErvarenGezondheid_4", fraction)), 1,
         "GoedErvarenGezondheid_4", "every value of this percentage column lies between 0 and 1 (first: 0.69)"),
    # Values out of range (these failed with a raw pandera traceback or passed unseen).
    Case("kwb-negative-woz", KWB, cells("WK034403", g_wozbag=-301), 3, "g_wozbag", "negative average"),
    Case("kern-negative-woz", KERN, json_edit(row_value(2, "GemiddeldeWOZWaardeVanWoningen_39", -301)), "value[2]",
         "GemiddeldeWOZWaardeVanWoningen_39", "negative value -301"),
    Case("kern-percentage-over-100", KERN, json_edit(row_value(2, "Koopwoningen_47", 120)), "value[2]", "Koopwoningen_47",
         "percentage 120 outside 0-100"),
    Case("politie-negative-count", POLITIE, json_edit(row_value(13, "GeregistreerdeMisdrijven_1", -5)), "value[13]",
         "GeregistreerdeMisdrijven_1", "negative value -5"),
    Case("lbm-negative-score", LBM, text("WK034403,2022,3.645", "WK034403,2022,-3.645"), 18, "lbm",
         "negative score -3.645"),
    # -- the edition read from the file's own content (issue 13, item 5) ------------------------
    Case("kwb-2024-saved-under-2023-name", KWB, rename_sheet("kwb-2024"), "sheet", "kwb-2024",
         "the sheet 'kwb-2024' holds the Kerncijfers 2024, but the file name says 2023"),
    Case("kern-title-without-edition", KERN, json_edit(_set(["titel"], "Kerncijfers wijken en buurten")), "<top>",
         "titel", "cannot tell the edition year from the table title"),
    # -- fetched StatLine files (statline-json): Kerncijfers and Politie 47022NED ----------------
    Case("kern-renamed-column", KERN, json_edit(rename_in_rows("AantalInwoners_5", "AantalInwonersTotaal_5")),
         "value[0]", "AantalInwoners_5", "column 'AantalInwoners_5' (AantalInwoners) is missing from this row"),
    Case("kern-unknown-area-code", KERN, json_edit(row_value(2, "WijkenEnBuurten", "WIJK034403")), "value[2]",
         "WijkenEnBuurten", "unknown area code 'WIJK034403'"),
    Case("kern-duplicate-area", KERN, json_edit(row_value(3, "WijkenEnBuurten", "WK034403  ")), "value[3]",
         "WijkenEnBuurten", "area WK034403 appears twice for the same period (also value[2])"),
    Case("kern-empty-value", KERN, json_edit(_set(["value"], [])), "value", None, "no data rows ('value' is empty)"),
    Case("kern-not-written-by-fetch", KERN, json_edit(lambda d: d.pop("onderwerpen")), "<top>", "onderwerpen",
         "missing 'onderwerpen'"),
    Case("kern-value-is-boolean", KERN, json_edit(row_value(1, "AantalInwoners_5", True)), "value[1]", "AantalInwoners_5",
         "not a number: True"),
    Case("kern-truncated-json", KERN, truncate_after('"HuishoudensTotaal_29": 17305.0'), 156, None, "invalid JSON"),
    Case("politie-period-not-a-month", POLITIE, json_edit(row_value(5, "Perioden", "2022KW02")), "value[5]", "Perioden",
         "period '2022KW02' is not like 2022MM01"),
    Case("politie-duplicate-month", POLITIE, json_edit(row_value(13, "Perioden", "2022MM01")), "value[13]",
         "WijkenEnBuurten", "area WK034403 appears twice for the same period (also value[12])"),
    Case("politie-missing-region-column", POLITIE, json_edit(lambda d: d["value"][4].pop("WijkenEnBuurten")), "value[4]",
         "WijkenEnBuurten", "missing column 'WijkenEnBuurten'"),
    # -- 50150NED with its Marges (95 % interval) ----------------------------------------------------
    Case("marges-titles-unknown", RIVM_MARGES, json_edit(lambda d: [c.update(Title=f"Grens {c['Key']}") for c in
                                                                     d["dimensies"]["Marges"][1:]]),
         "dimensies", "Marges", "cannot tell the interval bounds from the Marges titles"),
    Case("marges-interval-excludes-estimate", RIVM_MARGES, json_edit(row_value(7, "GoedErvarenGezondheid_4", "    63.0")),
         7, "GoedErvarenGezondheid", "interval 63.0-65.2 does not contain the estimate 62.2"),
    Case("marges-no-point-estimate", RIVM_MARGES, json_edit(every_row("Marges", lambda m: m.replace("MW00000",
                                                                                                      "MW00001"))),
         None, "Marges", "no point-estimate rows (Marges MW00000)"),
    Case("marges-unknown-leeftijd", RIVM_MARGES, json_edit(row_value(6, "Leeftijd", "99999")), 7, "Leeftijd",
         "unknown Leeftijd code"),
    Case("marges-duplicate-bound", RIVM_MARGES, json_edit(row_value(8, "Marges", "MOG0095")), 9, "WijkenEnBuurten",
         "duplicate key (WijkenEnBuurten='WK034403', Perioden='2022JJ00', Leeftijd='20300', Marges='MOG0095')"),
    Case("marges-bound-over-100", RIVM_MARGES, json_edit(row_value(2, "RooktTabak_7", "   100.3")), 3, "RooktTabak_7",
         "percentage outside 0-100 (value 100.3)"),
    # -- Leefbaarometer download (leefbaarometer-csv) ---------------------------------------------------
    Case("lbm-renamed-score-column", LBM, text("gebiedcode,jaar,lbm", "gebiedcode,jaar,lbm_score"), 1, "lbm",
         "missing column 'lbm'"),
    Case("lbm-year-not-a-year", LBM, text("WK034403,2022,", "WK034403,2022/23,"), 18, "jaar", "not a year: '2022/23'"),
    Case("lbm-duplicate-area-year", LBM, text("WK034403,2024,", "WK034403,2022,"), 19, "gebiedcode",
         "duplicate row for WK034403 / 2022 (also line 18)"),
    Case("lbm-unknown-area-code", LBM, text("WK034403,2022,", "Overvecht,2022,"), 18, "gebiedcode",
         "unknown area code 'Overvecht'"),
    Case("lbm-semicolon-separated", LBM, text(",", ";", count=-1), 1, None, "expected ','-separated values"),
    Case("lbm-empty", LBM, empty, None, None, "file is empty"),
]


def test_catalogue_covers_every_format() -> None:
    assert len(CASES) >= 14
    assert len({c.id for c in CASES}) == len(CASES)
    assert {c.fixture for c in CASES} == set(FORMAAT)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_reported(case: Case, tmp_path: Path) -> None:
    src = FIXTURES / case.fixture
    dst = tmp_path / case.fixture
    dst.parent.mkdir(parents=True, exist_ok=True)
    case.corrupt(src, dst)
    assert dst.read_bytes() != src.read_bytes(), "the corruption changed nothing"

    with pytest.raises(SourceError) as info:
        read(case.fixture, dst, case.locale)
    err = info.value

    assert err.path == str(dst)
    assert case.fixture in str(err), "the message must name the file"
    assert (err.row, err.column) == (case.row, case.column), f"wrong place in: {err}"
    assert case.phrase in err.message, f"expected {case.phrase!r} in: {err}"
    if case.detail is not None:
        assert any(case.detail in d for d in err.details), f"expected {case.detail!r} in details: {err.details}"


# --------------------------------------------------------------------------- never a traceback
# One value per reader format that fails a value check: for the readers that validate with
# pandera (xlsx, selection, 50150NED) it is the pandera failure that must come out as file,
# row, column and value, never as pandera's own report or a traceback.

VALUE_FAILURES = [
    (RIVM, cells("WK034403", ErvarenGezondheidGoedZeerGoed_4="   100.5"), "100.5"),
    (KWB, cells("BU03440311", a_inw=-4195), "-4195"),
    (KWB, cells("WK034403", recs="Wijkje"), "Wijkje"),
    (SELECTIE, text('"Woningvoorraad_35": 16781', '"Woningvoorraad_35": -16781'), "-16781"),
    (RIVM_MARGES, json_edit(row_value(6, "Leeftijd", "99999")), "99999"),
    (RIVM_MARGES, json_edit(row_value(7, "Overgewicht_5", "   101.0")), "101.0"),
    (KERN, json_edit(row_value(2, "GemiddeldeWOZWaardeVanWoningen_39", -301)), "-301"),
    (POLITIE, json_edit(row_value(13, "GeregistreerdeMisdrijven_1", -5)), "-5"),
    (LBM, text("WK034403,2022,3.645", "WK034403,2022,-3.645"), "-3.645"),
    (CSV_83648, text(",2020,2935.0,", ",2020,-2935.0,"), "-2935.0"),
    (CSV_47013, text('"Zeist";"2430"', '"Zeist";"-2430"'), "-2430"),
    (WOONIKVEILIG, json_edit(lambda d: _buurt(d, "BU03550205")["gezondheid"]["trend"].update({"2022": 162.7})), "162.7"),
    (GEOINZICHT, text('"cr_straatroof":7,', '"cr_straatroof":-7,'), "-7"),
    (WIJKEN, json_edit(rd_geometry), None),
    (NAMEN, text("WK030702,", "W030702,"), "W030702"),
]


def test_value_failures_cover_every_format() -> None:
    assert {f for f, _, _ in VALUE_FAILURES} == set(FORMAAT)


@pytest.mark.parametrize("fixture, corrupt, value", VALUE_FAILURES,
                         ids=[f"{i}-{f.rsplit('/', 1)[-1]}" for i, (f, _, _) in enumerate(VALUE_FAILURES)])
def test_value_failures_name_file_row_column_value_without_traceback(fixture, corrupt, value, tmp_path) -> None:
    dst = tmp_path / fixture
    dst.parent.mkdir(parents=True, exist_ok=True)
    corrupt(FIXTURES / fixture, dst)
    with pytest.raises(SourceError) as info:
        read(fixture, dst)
    err = info.value
    shown = str(err)
    assert shown.startswith(f"file {dst}, row ") and err.row is not None and err.column is not None, shown
    if value is not None:
        assert value in err.message, f"the value {value!r} is not named in: {shown}"
    for leak in ("Traceback", "SchemaError", "pandera", "failure_case", "np.float64", "dtype("):
        assert leak not in shown, f"{leak!r} leaked into: {shown}"


# --------------------------------------------------------------------------- numbers per declared locale


def test_nl_locale_reads_thousands_separators_and_decimal_commas(tmp_path: Path) -> None:
    """The same text that is refused in an 'en' file is read per the declared 'nl' locale;
    cells stored as numbers stay numbers whatever the locale."""
    dst = tmp_path / KWB
    text_cells("WK034403", a_hh="17.470", g_hhgro="1,9")(FIXTURES / KWB, dst)
    data = read(KWB, dst, locale="nl")
    assert _obs(data, "WK034403", "a_hh")["waarde"] == 17470
    assert _obs(data, "WK034403", "g_hhgro")["waarde"] == pytest.approx(1.9)
    assert _obs(data, "WK034403", "a_inw")["waarde"] == 34910  # a number cell
    assert _obs(data, "GM0344", "g_hhgro")["waarde"] == pytest.approx(1.9)  # a number cell with decimals
    with pytest.raises(SourceError, match="looks like a Dutch thousands separator"):
        read(KWB, dst, locale="en")

    csv_dst = tmp_path / CSV_47013
    text('"Zeist";"2430"', '"Zeist";"2.430"')(FIXTURES / CSV_47013, csv_dst)
    assert _obs(read(CSV_47013, csv_dst, locale="nl"), "GM0355", "Geregistreerde misdrijven", 2022)["waarde"] == 2430


# --------------------------------------------------------------------------- '.' is data, not an error


def _obs(data: SourceData, code: str, kolom: str, peiljaar: int | None = None) -> pd.Series:
    o = data.observaties
    sel = o[(o["gebied_code"] == code) & (o["kolom"] == kolom)]
    if peiljaar is not None:
        sel = sel[sel["peiljaar"] == peiljaar]
    assert len(sel) == 1, f"expected one observation for {code} {kolom} {peiljaar}, found {len(sel)}"
    return sel.iloc[0]


def test_rivm_dot_in_value_column_is_a_missing_value(tmp_path: Path) -> None:
    dst = tmp_path / RIVM
    cells("WK034403", ErvarenGezondheidGoedZeerGoed_4="       .")(FIXTURES / RIVM, dst)
    data = read(RIVM, dst)
    obs = _obs(data, "WK034403", "ErvarenGezondheidGoedZeerGoed")
    assert math.isnan(obs["waarde"])
    assert obs["reden"]
    assert obs["bron_rij"] == "4"
    # The rest of the row is still read.
    ws = openpyxl.load_workbook(FIXTURES / RIVM).worksheets[0]
    roker = float(ws.cell(RIVM_ROWS["WK034403"], _col(ws, "Roker_11")).value)
    assert _obs(data, "WK034403", "Roker")["waarde"] == pytest.approx(roker)


def test_kwb_dot_in_value_column_is_a_missing_value(tmp_path: Path) -> None:
    dst = tmp_path / KWB
    cells("WK034403", a_inw=".")(FIXTURES / KWB, dst)
    obs = _obs(read(KWB, dst), "WK034403", "a_inw")
    assert math.isnan(obs["waarde"])
    assert obs["reden"]


# --------------------------------------------------------------------------- good input, known values


def test_rivm_fixture_values() -> None:
    data = read(RIVM, FIXTURES / RIVM)
    o = data.observaties
    for code, value in {"WK034403": 69.9, "GM0344": 80.8, "NL01": 78.4}.items():
        obs = _obs(data, code, "ErvarenGezondheidGoedZeerGoed")
        assert obs["waarde"] == pytest.approx(value)
        assert obs["reden"] == ""
        assert obs["bron_rij"] == str(RIVM_ROWS[code])
    assert set(o["leeftijd"]) == {"18+"}
    assert set(o["peiljaar"]) == {2020}
    assert set(o["gebied_code"]) == set(RIVM_ROWS)  # codes come out without their padding
    # The fixture's all-'.' buurt: every measure is a missing value with a reason.
    dots = o[o["gebied_code"] == "BU03440911"]
    assert len(dots) > 0 and dots["waarde"].isna().all() and dots["reden"].ne("").all()
    # Columns that are empty everywhere (not asked in 2020) give no observations.
    assert "LopenNaarSchoolOfWerk" not in set(o["kolom"])


def test_kwb_fixture_values() -> None:
    data = read(KWB, FIXTURES / KWB)
    assert _obs(data, "WK034403", "a_inw")["waarde"] == 34910
    assert set(data.observaties["peiljaar"]) == {2023}
    g_ele = _obs(data, "GM0344", "g_ele")  # '.' in this release
    assert math.isnan(g_ele["waarde"]) and g_ele["reden"]
    assert dict(zip(data.namen["gebied_code"], data.namen["naam"]))["WK034403"] == "Wijk 03 Overvecht"


def test_selectie_fixture_values() -> None:
    data = read(SELECTIE, FIXTURES / SELECTIE)
    assert _obs(data, "WK035502", "AantalInwoners")["waarde"] == 17345
    assert set(data.observaties["peiljaar"]) == {2024}
    assert set(data.observaties["gebied_code"]) == {"GM0344", "WK034403", "GM0355", "WK035502"}


def test_83648_fixture_values() -> None:
    data = read(CSV_83648, FIXTURES / CSV_83648)
    assert _obs(data, "GM0355", "TotaalGeregistreerdeMisdrijven_1", 2020)["waarde"] == 2935
    assert _obs(data, "NL01", "GeregistreerdeMisdrijvenPer1000Inw_3", 2019)["waarde"] == pytest.approx(47.5)
    assert set(data.observaties["gebied_code"]) == {"NL01", "GM0307", "GM0355"}


def test_47013_fixture_values() -> None:
    data = read(CSV_47013, FIXTURES / CSV_47013)
    obs = _obs(data, "GM0344", "Geregistreerde misdrijven", 2023)
    assert obs["waarde"] == 25614
    assert obs["bron_rij"] == "10"
    assert set(data.observaties["gebied_code"]) == {"NL01", "GM0307", "GM0344", "GM0355", "GM0356"}


def test_woonikveilig_fixture_values() -> None:
    data = read(WOONIKVEILIG, FIXTURES / WOONIKVEILIG)
    obs = _obs(data, "BU03550205", "gezondheid.goedErvarenGezondheid", 2022)
    assert obs["waarde"] == pytest.approx(62.7)
    assert obs["bron_tabel"] == "50150NED"
    crime = _obs(data, "GM0355", "veiligheid.trend", 2023)
    assert crime["waarde"] == 2371 and crime["bron_tabel"] == "47022NED"
    assert set(data.observaties["gebied_code"]) == {"GM0355", "WK035502", "BU03550201", "BU03550205"}


def test_wijken_fixture_values() -> None:
    data = read(WIJKEN, FIXTURES / WIJKEN)
    names = dict(zip(data.namen["gebied_code"], data.namen["naam"]))
    assert names == {"WK034403": "Wijk 03 Overvecht", "WK035502": "Zeist-Noord"}
    shapes = {s["gebied_code"]: s["geometry"] for s in data.geometrie}
    # Overvecht lies north of Utrecht centre (lat ~52.1), Zeist-Noord east of it (lon ~5.2).
    assert 52.09 < shapes["WK034403"].centroid.y < 52.13 and 5.09 < shapes["WK034403"].centroid.x < 5.14
    assert 5.2 < shapes["WK035502"].centroid.x < 5.3


def test_geoinzicht_fixture_values() -> None:
    data = read(GEOINZICHT, FIXTURES / GEOINZICHT)
    obs = _obs(data, "GM0344", "cr_totaal_misdrijven")
    assert obs["waarde"] == 25124 and obs["peiljaar"] == 2024 and obs["bron_tabel"] == "47022NED"


def test_names_fixture_values() -> None:
    data = read(NAMEN, FIXTURES / NAMEN)
    n = data.namen
    assert set(n["gebied_code"]) == {"WK030701", "WK030702", "WK030703"}
    row = n[(n["gebied_code"] == "WK030703") & (n["indeling"] == 2024)]
    assert row["naam"].tolist() == ["Soesterkwartier"]


def test_fetched_kerncijfers_fixture_values() -> None:
    data = read(KERN, FIXTURES / KERN)
    assert set(data.observaties["peiljaar"]) == {2023}  # from the title, "Kerncijfers wijken en buurten 2023"
    assert _obs(data, "WK034403", "AantalInwoners")["waarde"] == 34910
    assert set(data.observaties["gebied_code"]) == {"NL01", "GM0344", "WK034403", "BU03550205"}  # NL00 -> NL01
    secret = _obs(data, "WK034403", "HuishoudensMetEenLaagInkomen")
    assert math.isnan(secret["waarde"]) and secret["reden"]


def test_fetched_47022_fixture_sums_twelve_months() -> None:
    doc = json.loads((FIXTURES / POLITIE).read_text(encoding="utf-8"))
    months = [r["GeregistreerdeMisdrijven_1"] for r in doc["value"] if r["WijkenEnBuurten"].strip() == "WK034403"]
    assert len(months) == 12
    assert _obs(read(POLITIE, FIXTURES / POLITIE), "WK034403", "GeregistreerdeMisdrijven", 2022)["waarde"] == sum(months)


def test_fetched_50150_fixture_has_intervals() -> None:
    obs = read(RIVM_MARGES, FIXTURES / RIVM_MARGES).observaties
    row = obs[(obs.gebied_code == "WK034403") & (obs.kolom == "GoedErvarenGezondheid") & (obs.leeftijd == "18+")].iloc[0]
    assert (row.ondergrens, row.waarde, row.bovengrens) == (59.2, 62.2, 65.2)


def test_leefbaarometer_fixture_values() -> None:
    obs = read(LBM, FIXTURES / LBM).observaties
    assert _obs(read(LBM, FIXTURES / LBM), "WK034403", "lbm", 2022)["waarde"] == pytest.approx(3.645)
    assert set(obs["peiljaar"]) == {2020, 2022, 2024}


@pytest.mark.parametrize("fixture", sorted(FORMAAT))
def test_every_reader_gives_numeric_values_and_bounds(fixture: str) -> None:
    """The builder compares values and interval bounds as numbers: no reader may hand them on as text."""
    obs = read(fixture, FIXTURES / fixture).observaties
    assert list(obs.columns) == OBS_COLUMNS
    for col in ("waarde", "ondergrens", "bovengrens"):
        assert obs[col].dtype == float, f"{col} is {obs[col].dtype}"


@pytest.mark.parametrize("fixture", sorted(FORMAAT))
def test_fixtures_stay_small(fixture: str) -> None:
    assert (FIXTURES / fixture).stat().st_size < 10_000
