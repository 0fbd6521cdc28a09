"""The canonical format of coded qualitative fieldwork (analysis.kwalitatief.canon).

1. The committed example datasets (data/kwalitatief/*/2023) load with the registries.
2. A catalogue of broken copies of a real dataset: each case copies a committed folder into
   tmp_path, corrupts one thing with a small function, and expects a SourceError that names
   the file, the row (CSV line number, header = line 1; for veldwerk.yml the YAML line, or None
   where the loader has no line), the column and a phrase of the message.
3. write_dataset: round trip, validation errors that name the target's files and leave the
   target untouched, removal of stale files, deterministic output.
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from analysis.errors import SourceError
from analysis.kwalitatief import canon
from analysis.kwalitatief.canon import COLUMNS, FILES, dataset_folders, load_dataset, write_dataset

SLUGS = ("amersfoort", "nieuwegein", "utrecht", "zeist")


@pytest.fixture(scope="module")
def kwal(root) -> Path:
    return root / "data" / "kwalitatief"


# --- 1. the committed examples ---------------------------------------------------------------


def test_the_four_example_folders_are_found(kwal):
    assert [p.relative_to(kwal).as_posix() for p in dataset_folders(kwal)] == [f"{s}/2023" for s in SLUGS]


@pytest.mark.parametrize("slug", SLUGS)
def test_example_dataset_loads(kwal, reg, slug):
    ds = load_dataset(kwal / slug / "2023", reg)
    assert ds.gemeente == slug
    assert ds.meting == 2023
    assert ds.veldwerk.fictief is True
    assert len(ds.deelnemers) > 0 and len(ds.codeboek) > 0 and len(ds.segmenten) > 0
    assert list(ds.segmenten.columns) == COLUMNS["segmenten"]
    # rows are indexed by their CSV line number (header = line 1)
    assert ds.segmenten.index[0] == 2
    if slug == "utrecht":
        assert ds.veldwerk.vragenlijst is not None
        assert len(ds.antwoorden) > 0
    else:
        assert ds.veldwerk.vragenlijst is None
        assert len(ds.antwoorden) == 0


def test_utf8_bom_is_accepted(kwal, reg, tmp_path):
    folder = tmp_path / "nieuwegein"
    shutil.copytree(kwal / "nieuwegein" / "2023", folder)
    path = folder / "deelnemers.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    ds = load_dataset(folder, reg)
    assert list(ds.deelnemers.columns) == COLUMNS["deelnemers"]
    assert ds.deelnemers.at[2, "deelnemer_id"] == "N-FP01"


# --- 2. the catalogue of broken copies -------------------------------------------------------

Corrupt = Callable[[Path], None]


def _read_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _write_rows(path: Path, rows: list[list[str]], delimiter: str = ",") -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def edit_rows(name: str, fn: Callable[[list[list[str]]], None]) -> Corrupt:
    """Apply ``fn`` to the rows of one CSV (rows[0] is the header, rows[i] is line i + 1)."""

    def corrupt(folder: Path) -> None:
        path = folder / name
        rows = _read_rows(path)
        before = [list(r) for r in rows]
        fn(rows)
        assert rows != before, "the corruption changed nothing"
        _write_rows(path, rows)

    return corrupt


def set_cell(name: str, line: int, column: str, value: str) -> Corrupt:
    def fn(rows: list[list[str]]) -> None:
        i = rows[0].index(column)
        assert rows[line - 1][i] != value
        rows[line - 1][i] = value

    return edit_rows(name, fn)


def drop_column(name: str, column: str) -> Corrupt:
    def fn(rows: list[list[str]]) -> None:
        i = rows[0].index(column)
        for r in rows:
            del r[i]

    return edit_rows(name, fn)


def add_column(name: str, column: str, value: str) -> Corrupt:
    def fn(rows: list[list[str]]) -> None:
        rows[0].append(column)
        for r in rows[1:]:
            r.append(value)

    return edit_rows(name, fn)


def copy_row(name: str, source_line: int, target_line: int) -> Corrupt:
    def fn(rows: list[list[str]]) -> None:
        rows[target_line - 1] = list(rows[source_line - 1])

    return edit_rows(name, fn)


def yaml_replace(old: str, new: str) -> Corrupt:
    def corrupt(folder: Path) -> None:
        path = folder / FILES["veldwerk"]
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur exactly once"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return corrupt


def drop_vragenlijst(folder: Path) -> None:
    path = folder / FILES["veldwerk"]
    text = path.read_text(encoding="utf-8")
    assert "\nvragenlijst:\n" in text
    path.write_text(text[: text.index("\nvragenlijst:\n") + 1], encoding="utf-8")


def remove(name: str) -> Corrupt:
    def corrupt(folder: Path) -> None:
        (folder / name).unlink()

    return corrupt


def empty_file(name: str) -> Corrupt:
    def corrupt(folder: Path) -> None:
        (folder / name).write_bytes(b"")

    return corrupt


def cp1252_with_accent(name: str, line: int, column: str) -> Corrupt:
    """Put an 'é' on ``line`` and save the whole file as cp1252 (as Excel on Windows does)."""

    def corrupt(folder: Path) -> None:
        path = folder / name
        rows = _read_rows(path)
        i = rows[0].index(column)
        rows[line - 1][i] += " in het café"
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        text = buf.getvalue()
        assert text.split("\n")[: line - 1] == [t.encode("ascii", "ignore").decode() for t in
                                                 text.split("\n")[: line - 1]], "earlier lines must be ASCII"
        path.write_bytes(text.encode("cp1252"))

    return corrupt


def semicolons(name: str) -> Corrupt:
    def corrupt(folder: Path) -> None:
        path = folder / name
        _write_rows(path, _read_rows(path), delimiter=";")

    return corrupt


def duplicate_header_column(name: str, column: str) -> Corrupt:
    def fn(rows: list[list[str]]) -> None:
        i = rows[0].index(column)
        for r in rows:
            r.append(r[i])

    return edit_rows(name, fn)


def multiline_text_then_unknown_code(folder: Path) -> None:
    """Segment on line 4 gets a two-line text (lines 4-5); the record that was on line 6
    (now on line 7) gets an unknown code."""

    def fn(rows: list[list[str]]) -> None:
        t = rows[0].index("tekst")
        c = rows[0].index("code_id")
        rows[3][t] += "\nEn dat zeg ik al jaren."
        rows[5][c] = "armoede"

    edit_rows("segmenten.csv", fn)(folder)
    assert (folder / "segmenten.csv").read_text(encoding="utf-8").split("\n")[6].split(",")[2] == "armoede"


def blank_line_then_unknown_groep(folder: Path) -> None:
    """A blank line after line 2 of deelnemers.csv; the record that was on line 4 (now line 5)
    gets an unknown groep."""
    path = folder / "deelnemers.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[3].startswith("N-FP03,")
    lines[3] = lines[3].replace(",professional,", ",student,")
    lines.insert(2, "\n")
    path.write_text("".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    id: str
    source: str  # gemeente slug of the committed 2023 dataset that is copied
    corrupt: Corrupt
    file: str
    row: int | None
    column: str | None
    phrase: str


# Lines referred to below (header = line 1):
#   nieuwegein deelnemers.csv: 2-8 N-FP01..07 (fg-professionals, professional, focusgroep),
#                              18 N-D01, 19 N-D02 (deurgesprekken, bewoner, deurinterview)
#   nieuwegein codeboek.csv:   2 muntplein (no parent), 3 muntplein_aanbod (parent muntplein)
#   nieuwegein segmenten.csv:  4 N-S0003, 6 N-S0005, 9 and 10 N-S0008 (two codes, one text)
#   nieuwegein veldwerk.yml:   gemeente on line 4, meting on line 5; activiteiten[2] deurgesprekken starts on
#                              line 26; activiteiten[4] has 'periode: 2023-Q2' on line 39
#   utrecht antwoorden.csv:    3 U-V01,s2,neutraal
#   utrecht veldwerk.yml:      vragenlijst.items[7] (b4) has 'pijler: gezondheid'
CASES = [
    # -- missing / extra columns, wrong shape
    Case("deelnemers-missing-column", "nieuwegein", drop_column("deelnemers.csv", "groep"),
         "deelnemers.csv", 1, "groep", "missing column 'groep'"),
    Case("codeboek-missing-column", "nieuwegein", drop_column("codeboek.csv", "ouder"),
         "codeboek.csv", 1, "ouder", "missing column 'ouder'"),
    Case("segmenten-missing-column", "nieuwegein", drop_column("segmenten.csv", "publiceerbaar"),
         "segmenten.csv", 1, "publiceerbaar", "missing column 'publiceerbaar'"),
    Case("antwoorden-missing-column", "utrecht", drop_column("antwoorden.csv", "antwoord"),
         "antwoorden.csv", 1, "antwoord", "missing column 'antwoord'"),
    Case("segmenten-extra-column", "nieuwegein", add_column("segmenten.csv", "notitie", "x"),
         "segmenten.csv", 1, "notitie", "unexpected column 'notitie'"),
    Case("deelnemers-duplicate-header-column", "nieuwegein", duplicate_header_column("deelnemers.csv", "groep"),
         "deelnemers.csv", 1, "groep", "groep"),
    Case("segmenten-row-with-extra-field", "nieuwegein",
         edit_rows("segmenten.csv", lambda rows: rows[6].append("extra")),
         "segmenten.csv", 7, None, "expected 5 fields, found 6"),
    Case("deelnemers-file-missing", "nieuwegein", remove("deelnemers.csv"),
         "deelnemers.csv", None, None, "file not found"),
    Case("veldwerk-file-missing", "nieuwegein", remove("veldwerk.yml"),
         "veldwerk.yml", None, None, "file not found"),
    # -- deelnemers.csv
    Case("deelnemer-unknown-activiteit", "nieuwegein", set_cell("deelnemers.csv", 18, "activiteit_id", "deurgesprek"),
         "deelnemers.csv", 18, "activiteit_id", "unknown activity"),
    Case("deelnemer-unknown-groep", "nieuwegein", set_cell("deelnemers.csv", 18, "groep", "student"),
         "deelnemers.csv", 18, "groep", "unknown groep"),
    Case("deelnemer-unknown-methode", "nieuwegein", set_cell("deelnemers.csv", 18, "methode", "enquête"),
         "deelnemers.csv", 18, "methode", "unknown methode"),
    Case("deelnemer-methode-differs-from-activity", "nieuwegein",
         set_cell("deelnemers.csv", 18, "methode", "focusgroep"),
         "deelnemers.csv", 18, "methode", "differs from activity 'deurgesprekken'"),
    Case("deelnemer-groep-differs-from-activity", "nieuwegein",
         set_cell("deelnemers.csv", 18, "groep", "professional"),
         "deelnemers.csv", 18, "groep", "differs from activity 'deurgesprekken'"),
    Case("deelnemer-duplicate-id", "nieuwegein", set_cell("deelnemers.csv", 19, "deelnemer_id", "N-D01"),
         "deelnemers.csv", 19, "deelnemer_id", "(first on row 18)"),
    Case("deelnemer-id-is-a-name", "nieuwegein", set_cell("deelnemers.csv", 19, "deelnemer_id", "Jan de Vries"),
         "deelnemers.csv", 19, "deelnemer_id", "not a valid id"),
    Case("deelnemers-blank-line-keeps-line-numbers", "nieuwegein", blank_line_then_unknown_groep,
         "deelnemers.csv", 5, "groep", "unknown groep"),
    # -- codeboek.csv
    Case("code-unknown-pijler", "nieuwegein", set_cell("codeboek.csv", 3, "pijler", "sport"),
         "codeboek.csv", 3, "pijler", "unknown pijler"),
    Case("code-context-pijler", "nieuwegein", set_cell("codeboek.csv", 3, "pijler", "kerncijfers"),
         "codeboek.csv", 3, "pijler", "unknown pijler"),
    Case("code-unknown-parent", "nieuwegein", set_cell("codeboek.csv", 3, "ouder", "winkels"),
         "codeboek.csv", 3, "ouder", "unknown parent code"),
    Case("code-cycle", "nieuwegein", set_cell("codeboek.csv", 2, "ouder", "muntplein_aanbod"),
         "codeboek.csv", 2, "ouder", "is its own ancestor"),
    Case("code-own-parent", "nieuwegein", set_cell("codeboek.csv", 3, "ouder", "muntplein_aanbod"),
         "codeboek.csv", 3, "ouder", "is its own ancestor"),
    Case("code-duplicate-id", "nieuwegein", set_cell("codeboek.csv", 3, "code_id", "muntplein"),
         "codeboek.csv", 3, "code_id", "(first on row 2)"),
    Case("code-empty-label", "nieuwegein", set_cell("codeboek.csv", 3, "label", ""),
         "codeboek.csv", 3, "label", "empty label"),
    # -- segmenten.csv
    Case("segment-unknown-deelnemer", "nieuwegein", set_cell("segmenten.csv", 4, "deelnemer_id", "N-FP99"),
         "segmenten.csv", 4, "deelnemer_id", "unknown deelnemer"),
    Case("segment-unknown-code", "nieuwegein", set_cell("segmenten.csv", 4, "code_id", "armoede"),
         "segmenten.csv", 4, "code_id", "unknown code"),
    Case("segment-publiceerbaar-misschien", "nieuwegein", set_cell("segmenten.csv", 4, "publiceerbaar", "misschien"),
         "segmenten.csv", 4, "publiceerbaar", "'ja' or 'nee'"),
    Case("segment-empty-text", "nieuwegein", set_cell("segmenten.csv", 4, "tekst", ""),
         "segmenten.csv", 4, "tekst", "empty text"),
    Case("segment-blank-text", "nieuwegein", set_cell("segmenten.csv", 4, "tekst", "   "),
         "segmenten.csv", 4, "tekst", "empty text"),
    Case("segment-code-twice", "nieuwegein", copy_row("segmenten.csv", 4, 10),
         "segmenten.csv", 10, "segment_id", "(first on row 4)"),
    Case("segment-two-texts", "nieuwegein", set_cell("segmenten.csv", 10, "tekst", "Een andere tekst."),
         "segmenten.csv", 10, "segment_id", "different deelnemer, text or publiceerbaar"),
    Case("segment-two-publiceerbaar", "nieuwegein",
         edit_rows("segmenten.csv", lambda rows: rows[9].__setitem__(4, "nee" if rows[9][4] == "ja" else "ja")),
         "segmenten.csv", 10, "segment_id", "different deelnemer, text or publiceerbaar"),
    Case("segmenten-line-numbers-after-multiline-text", "nieuwegein", multiline_text_then_unknown_code,
         "segmenten.csv", 7, "code_id", "unknown code"),
    # -- antwoorden.csv
    Case("answer-not-on-scale", "utrecht", set_cell("antwoorden.csv", 3, "antwoord", "zeer eens"),
         "antwoorden.csv", 3, "antwoord", "not on the scale"),
    Case("answer-unknown-item", "utrecht", set_cell("antwoorden.csv", 3, "item_id", "x9"),
         "antwoorden.csv", 3, "item_id", "unknown item"),
    Case("answer-unknown-deelnemer", "utrecht", set_cell("antwoorden.csv", 3, "deelnemer_id", "U-V99"),
         "antwoorden.csv", 3, "deelnemer_id", "unknown deelnemer"),
    Case("answer-twice", "utrecht", copy_row("antwoorden.csv", 3, 5),
         "antwoorden.csv", 5, "deelnemer_id", "(first on row 3)"),
    Case("answers-without-vragenlijst", "utrecht", drop_vragenlijst,
         "antwoorden.csv", 2, None, "without a 'vragenlijst'"),
    # -- veldwerk.yml
    Case("veldwerk-unknown-methode", "nieuwegein", yaml_replace("  methode: deurinterview\n", "  methode: enquête\n"),
         "veldwerk.yml", 26, "activiteiten[2]", "unknown methode 'enquête'"),
    Case("veldwerk-bad-periode", "nieuwegein", yaml_replace("periode: 2023-Q2\n", "periode: 2023-Q5\n"),
         "veldwerk.yml", 39, "activiteiten[4].periode", "should match pattern"),
    Case("veldwerk-unknown-key", "nieuwegein", yaml_replace("fictief: true\n", "fictief: true\nnotitie: x\n"),
         "veldwerk.yml", 7, "notitie", "Extra inputs are not permitted"),
    Case("veldwerk-unknown-gemeente", "nieuwegein", yaml_replace("gemeente: nieuwegein\n", "gemeente: atlantis\n"),
         "veldwerk.yml", 4, "gemeente", "unknown gemeente 'atlantis'"),
    Case("veldwerk-unknown-meting", "nieuwegein", yaml_replace("meting: 2023\n", "meting: 1999\n"),
         "veldwerk.yml", 5, "meting", "unknown meting"),
    # -- veldwerk.yml against its folder <gemeente>/<meting>/ (issue 13: 'zeist' inside utrecht/2023)
    Case("veldwerk-gemeente-not-its-folder", "nieuwegein", yaml_replace("gemeente: nieuwegein\n", "gemeente: zeist\n"),
         "veldwerk.yml", 4, "gemeente", "does not match the folder nieuwegein/2023/"),
    Case("veldwerk-meting-not-its-folder", "nieuwegein", yaml_replace("meting: 2023\n", "meting: 2025\n"),
         "veldwerk.yml", 5, "meting", "meting 2025 does not match the folder nieuwegein/2023/"),
    # -- a dataset with nothing to publish (an empty import that was not confirmed)
    Case("deelnemers-none", "nieuwegein", edit_rows("deelnemers.csv", lambda rows: rows.__delitem__(slice(1, None))),
         "deelnemers.csv", 2, None, "no participants"),
    Case("segmenten-none", "zeist", edit_rows("segmenten.csv", lambda rows: rows.__delitem__(slice(1, None))),
         "segmenten.csv", 2, None, "no coded segments and no answers"),
    Case("veldwerk-item-unknown-pijler", "utrecht", yaml_replace("    pijler: gezondheid\n", "    pijler: sport\n"),
         "veldwerk.yml", None, "vragenlijst.items[7].pijler", "unknown pijler 'sport'"),
    # -- encoding and format
    Case("csv-cp1252", "nieuwegein", cp1252_with_accent("segmenten.csv", 4, "tekst"),
         "segmenten.csv", 4, None, "not UTF-8"),
    Case("csv-empty", "nieuwegein", empty_file("deelnemers.csv"),
         "deelnemers.csv", 1, None, "file is empty"),
    Case("csv-semicolons", "nieuwegein", semicolons("codeboek.csv"),
         "codeboek.csv", 1, None, "','-separated"),
]


def test_catalogue_ids_are_unique_and_large_enough():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 16


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_broken_dataset(kwal, reg, tmp_path, case: Case):
    folder = tmp_path / case.source / "2023"  # the layout <gemeente>/<meting>/: the folder is checked too
    shutil.copytree(kwal / case.source / "2023", folder)
    case.corrupt(folder)
    with pytest.raises(SourceError) as info:
        load_dataset(folder, reg)
    err = info.value
    assert Path(err.path) == folder / case.file, str(err)
    assert err.row == case.row, str(err)
    assert err.column == case.column, str(err)
    assert case.phrase in err.message, str(err)


# --- 3. write_dataset ------------------------------------------------------------------------


def _rows(df) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in r.items()} for r in df.to_dict("records")]


@pytest.fixture(scope="module")
def utrecht_rows(root, reg) -> dict:
    """The committed Utrecht dataset as the plain rows write_dataset takes, plus a segment whose
    text has a comma, double quotes, an accent and a line break."""
    ds = load_dataset(root / "data" / "kwalitatief" / "utrecht" / "2023", reg)
    segmenten = _rows(ds.segmenten)
    extra = {"segment_id": "U-S9999", "deelnemer_id": segmenten[0]["deelnemer_id"],
             "code_id": segmenten[0]["code_id"], "publiceerbaar": "nee",
             "tekst": 'Ze zei: "dat café, daar ga ik niet meer heen."\nTweede alinea.'}
    return {
        "veldwerk": ds.veldwerk.model_dump(exclude_none=True),
        "deelnemers": _rows(ds.deelnemers),
        "codeboek": _rows(ds.codeboek),
        "segmenten": segmenten + [extra],
        "antwoorden": _rows(ds.antwoorden),
    }


def _write(folder: Path, rows: dict, reg, **kw) -> list[Path]:
    return write_dataset(folder, rows["veldwerk"], rows["deelnemers"], rows["codeboek"], rows["segmenten"],
                         rows["antwoorden"], reg=reg, **kw)


def _dataset_files(folder: Path) -> list[str]:
    return sorted(n for n in FILES.values() if (folder / n).exists())


def test_write_then_load_gives_the_same_rows(tmp_path, reg, utrecht_rows):
    target = tmp_path / "utrecht" / "2023"
    header = "# geschreven door de test\n"
    written = _write(target, utrecht_rows, reg, header=header)
    assert sorted(p.name for p in written) == sorted(FILES.values())
    assert all(p.parent == target for p in written)
    assert sorted(p.name for p in target.iterdir()) == sorted(FILES.values())  # no staging left behind
    assert (target / "veldwerk.yml").read_text(encoding="utf-8").startswith(header)

    back = load_dataset(target, reg)
    assert back.veldwerk.model_dump(exclude_none=True) == utrecht_rows["veldwerk"]
    for key in ("deelnemers", "codeboek", "segmenten", "antwoorden"):
        assert _rows(getattr(back, key)) == utrecht_rows[key], key
    assert back.segmenten.iloc[-1]["tekst"] == utrecht_rows["segmenten"][-1]["tekst"]


def test_write_invalid_rows_names_the_target_file_and_writes_nothing(tmp_path, reg, utrecht_rows):
    rows = dict(utrecht_rows)
    rows["segmenten"] = [dict(r) for r in utrecht_rows["segmenten"]]
    rows["segmenten"][2]["code_id"] = "bestaat_niet"
    target = tmp_path / "utrecht" / "2023"
    with pytest.raises(SourceError) as info:
        _write(target, rows, reg)
    err = info.value
    assert Path(err.path) == target / "segmenten.csv"
    assert err.row == 4 and err.column == "code_id"
    assert "unknown code" in err.message
    assert "vw-dataset-" not in str(err)
    assert _dataset_files(target) == []


def test_write_invalid_veldwerk_names_the_target_file(tmp_path, reg, utrecht_rows):
    rows = dict(utrecht_rows)
    veldwerk = dict(utrecht_rows["veldwerk"])
    veldwerk["gemeente"] = "atlantis"
    rows["veldwerk"] = veldwerk
    target = tmp_path / "atlantis" / "2023"
    with pytest.raises(SourceError) as info:
        _write(target, rows, reg)
    assert Path(info.value.path) == target / "veldwerk.yml"
    assert "unknown gemeente 'atlantis'" in info.value.message
    assert _dataset_files(target) == []


def test_failed_write_leaves_an_existing_dataset_untouched(tmp_path, reg, utrecht_rows):
    target = tmp_path / "utrecht" / "2023"
    _write(target, utrecht_rows, reg)
    before = {n: (target / n).read_bytes() for n in _dataset_files(target)}
    rows = dict(utrecht_rows)
    rows["deelnemers"] = utrecht_rows["deelnemers"] + [dict(utrecht_rows["deelnemers"][0])]  # duplicate id
    rows["antwoorden"] = []
    with pytest.raises(SourceError) as info:
        _write(target, rows, reg)
    assert Path(info.value.path) == target / "deelnemers.csv"
    assert {n: (target / n).read_bytes() for n in _dataset_files(target)} == before
    assert sorted(p.name for p in target.iterdir()) == sorted(before)


def test_overwrite_without_answers_removes_old_antwoorden(tmp_path, reg, utrecht_rows):
    target = tmp_path / "utrecht" / "2023"
    _write(target, utrecht_rows, reg)
    assert (target / "antwoorden.csv").exists()

    rows = dict(utrecht_rows)
    rows["veldwerk"] = {k: v for k, v in utrecht_rows["veldwerk"].items() if k != "vragenlijst"}
    rows["antwoorden"] = None
    written = _write(target, rows, reg)
    assert "antwoorden.csv" not in [p.name for p in written]
    assert not (target / "antwoorden.csv").exists()
    assert _dataset_files(target) == sorted(n for n in FILES.values() if n != "antwoorden.csv")
    back = load_dataset(target, reg)
    assert back.veldwerk.vragenlijst is None
    assert len(back.antwoorden) == 0


def test_written_files_are_deterministic(tmp_path, reg, utrecht_rows):
    a, b = tmp_path / "a" / "2023", tmp_path / "b" / "2023"
    _write(a, utrecht_rows, reg)
    first = {n: (a / n).read_bytes() for n in _dataset_files(a)}
    assert sorted(first) == sorted(FILES.values())

    _write(a, utrecht_rows, reg)  # the same folder again
    assert {n: (a / n).read_bytes() for n in _dataset_files(a)} == first

    # another folder, with the keys of every row in reverse order: same bytes
    reversed_rows = {k: (v if k == "veldwerk" else [dict(reversed(list(r.items()))) for r in v])
                     for k, v in utrecht_rows.items()}
    _write(b, reversed_rows, reg)
    assert {n: (b / n).read_bytes() for n in _dataset_files(b)} == first

    for name in ("deelnemers.csv", "codeboek.csv", "segmenten.csv", "antwoorden.csv"):
        raw = first[name]
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw, name
        assert raw.decode("utf-8").split("\n", 1)[0] == ",".join(COLUMNS[name.removesuffix(".csv")]), name


def test_canon_constants_match_the_readme(root):
    """The groups and methods listed in data/kwalitatief/README.md are the ones the loader accepts."""
    readme = (root / "data" / "kwalitatief" / "README.md").read_text(encoding="utf-8")
    for value in canon.GROEPEN + canon.METHODEN:
        assert f"`{value}`" in readme, value


# --- 4. the fieldwork tree: every folder is a known gemeente and meting --------------------------


def _tree(kwal: Path, tmp_path: Path) -> Path:
    root = tmp_path / "kwalitatief"
    shutil.copytree(kwal, root)
    return root


@pytest.mark.parametrize("make, rel, phrase", [
    (lambda r: (r / "atlantis" / "2023").mkdir(parents=True), "atlantis", "not a gemeente folder"),
    (lambda r: (r / "utrecht" / "2099").mkdir(), "utrecht/2099", "not a meting folder"),
    (lambda r: (r / "utrecht" / "nulmeting").mkdir(), "utrecht/nulmeting", "not a meting folder"),
    (lambda r: (r / "zeist" / "2025").mkdir(), "zeist/2025/veldwerk.yml", "needs a veldwerk.yml"),
    (lambda r: (r / "notities.xlsx").write_bytes(b"x"), "notities.xlsx", "not a gemeente folder"),
], ids=["unknown-gemeente-folder", "unknown-meting-folder", "meting-folder-not-a-year",
        "dataset-folder-without-veldwerk", "stray-file"])
def test_fieldwork_tree_holds_nothing_unknown(kwal, reg, tmp_path, make, rel, phrase):
    root = _tree(kwal, tmp_path)
    make(root)
    with pytest.raises(SourceError) as info:
        canon.load_fieldwork(root, reg)
    assert Path(info.value.path) == root / rel, str(info.value)
    assert phrase in info.value.message


def test_fieldwork_tree_of_the_examples_loads(kwal, reg):
    assert [(d.gemeente, d.meting) for d in canon.load_fieldwork(kwal, reg)] == [(s, 2023) for s in SLUGS]
