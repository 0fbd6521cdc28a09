"""Imports of REFI-QDA projects in the shapes NVivo, ATLAS.ti and MAXQDA write (fixtures in
tests/fixtures/qda/, synthetic): an import says what it got, an empty one is not written unless
the analyst confirms, and a bare project.qde without sources/ imports what it can."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from analysis import cli
from analysis.kwalitatief import canon
from analysis.kwalitatief.importers import ImportNotConfirmedError, import_refi_qda, write_import

FIXTURES = Path(__file__).parent / "fixtures" / "qda"
KW = {"methode": "diepte-interview", "groep": "onbekend"}


def qdpx(name: str, tmp_path: Path) -> Path:
    """Zip a fixture folder (project.qde + sources/) as a tool's export would be."""
    folder = FIXTURES / name
    path = tmp_path / f"{name}.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                zf.write(f, f.relative_to(folder).as_posix())
    return path


@pytest.mark.parametrize("name, codes", [("nvivo-zonder-coderingen", 4), ("atlas-alleen-codes", 3)])
def test_an_export_without_codings_says_so_and_is_not_written(name, codes, tmp_path, reg):
    result = import_refi_qda(qdpx(name, tmp_path), **KW)
    assert result.counts == {"deelnemers": 0, "codes": codes, "segmenten": 0, "rijen": 0}
    assert result.problems == [f"no codings: the export holds {codes} code(s) but no coded text",
                               "no participants: no case or source with coded text"]
    out = tmp_path / "zeist" / "2023"
    with pytest.raises(ImportNotConfirmedError) as exc:
        write_import(result, out, gemeente="zeist", meting=2023, titel="Import", reg=reg)
    assert "--bevestig" in str(exc.value) and "no codings" in str(exc.value)
    assert not out.exists()


def test_a_confirmed_empty_import_is_written_and_its_page_says_incomplete(tmp_path, reg):
    result = import_refi_qda(qdpx("nvivo-zonder-coderingen", tmp_path), **KW)
    out = tmp_path / "zeist" / "2023"
    write_import(result, out, gemeente="zeist", meting=2023, titel="Import", bevestig=True, reg=reg)
    ds = canon.load_dataset(out, reg)
    assert ds.veldwerk.onvolledig and "geen gecodeerde tekst en geen deelnemers" in ds.veldwerk.onvolledig
    assert ds.deelnemers.empty and ds.segmenten.empty


def test_cli_refuses_an_empty_import_without_bevestig(tmp_path, reg, capsys):
    path = qdpx("atlas-alleen-codes", tmp_path)
    out = tmp_path / "out"
    status = cli.main(["kwalitatief", "import", str(path), "--gemeente", "zeist", "--meting", "2023",
                       "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 2 and not out.exists()
    assert "warning: no codings" in captured.out and "--bevestig" in captured.err
    status = cli.main(["kwalitatief", "import", str(path), "--gemeente", "zeist", "--meting", "2023",
                       "--out", str(out), "--bevestig"])
    assert status == 0 and (out / "veldwerk.yml").is_file()
    assert "onvolledig:" in (out / "veldwerk.yml").read_text(encoding="utf-8")


def test_bare_qde_without_sources_imports_what_it_can_and_names_the_selections(tmp_path):
    qde = tmp_path / "project.qde"
    qde.write_bytes((FIXTURES / "maxqda-zonder-sources" / "project.qde").read_bytes())
    result = import_refi_qda(qde, **KW)
    assert result.counts == {"deelnemers": 0, "codes": 3, "segmenten": 0, "rijen": 0}
    lacking = next(w for w in result.warnings if "lack text" in w)
    assert lacking.startswith("3 coded selection(s) lack text")
    for path in ("Project/Sources/TextSource[1]/PlainTextSelection[1]", "Project/Sources/TextSource[1]/"
                 "PlainTextSelection[2]", "Project/Sources/TextSource[2]/PlainTextSelection[1]"):
        assert path in lacking
    assert any("no codings" in p for p in result.problems)


def test_bare_qde_with_part_of_its_sources_imports_that_part_with_document_variables(tmp_path):
    qde = tmp_path / "project.qde"
    qde.write_bytes((FIXTURES / "maxqda-zonder-sources" / "project.qde").read_bytes())
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "9C9C9C9C-0000-4000-8000-000000000002.txt").write_text(
        "Veel ouderen zitten alleen thuis, zeker in de winter.\n", encoding="utf-8")
    result = import_refi_qda(qde, **KW)
    assert result.counts == {"deelnemers": 1, "codes": 3, "segmenten": 1, "rijen": 1}
    assert result.deelnemers[0]["groep"] == "professional"  # MAXQDA document variable 'Groep'
    assert [s["tekst"] for s in result.segmenten] == ["Veel ouderen zitten alleen thuis, zeker in de winter."]
    assert "2 coded selection(s) lack text" in " ".join(result.warnings)


def test_cases_by_code_and_by_source_with_groups_and_pdf_text(tmp_path, reg):
    result = import_refi_qda(qdpx("nvivo-cases-en-pdf", tmp_path), **KW)
    assert result.problems == []
    people = {d["deelnemer_id"]: d["groep"] for d in result.deelnemers}
    assert people == {"P01": "bewoner", "P02": "ondernemer"}
    owner = {s["tekst"]: s["deelnemer_id"] for s in result.segmenten}
    assert owner == {"Het nieuwe park is een aanwinst.": "P01",  # case A: coded with its case node
                     "Na tienen is het lawaai op het plein niet te harden.": "P02"}  # case B: the PDF's text
    out = tmp_path / "amersfoort" / "2023"
    write_import(result, out, gemeente="amersfoort", meting=2023, titel="Import", reg=reg)
    ds = canon.load_dataset(out, reg)
    assert ds.veldwerk.activiteiten[0].groep is None  # several groups took part
    assert sorted(ds.deelnemers["groep"]) == ["bewoner", "ondernemer"]
