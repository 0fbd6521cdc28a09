"""Importers of coded fieldwork (REFI-QDA .qdpx, QualCoder CSV, Taguette CSV) -> canonical format."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from analysis import cli
from analysis.errors import SourceError
from analysis.kwalitatief import canon
from analysis.kwalitatief.importers import (
    DatasetExistsError,
    detect_format,
    import_qualcoder_csv,
    import_refi_qda,
    import_taguette,
    normalise_text,
    write_import,
)

NS = {"q": "urn:QDA-XML:project:1.0"}
KW = {"methode": "diepte-interview", "groep": "bewoner"}

# --- helpers -------------------------------------------------------------------------------------

USER = "11111111-1111-1111-1111-111111111111"
C_WONEN, C_VEILIG, C_VEILIG2 = ("aaaaaaaa-0000-0000-0000-00000000000%d" % i for i in (1, 2, 3))
SRC_A, SRC_B = "bbbbbbbb-0000-0000-0000-000000000001", "bbbbbbbb-0000-0000-0000-000000000002"
SEL = ["cccccccc-0000-0000-0000-00000000000%d" % i for i in range(10)]

TEXT_A = "Zij zei: café – één keer per week\nkomt de wijkagent langs. Jan Jansen woont hier."
TEXT_B = "Het park    is\n\n  opgeknapt.  Veilig voelt het niet."

CODES = f"""<CodeBook><Codes>
<Code guid="{C_WONEN}" name="Wonen &amp; buurt" isCodable="true"><Description>Over het huis
   en de straat</Description>
<Code guid="{C_VEILIG}" name="Veiligheid" isCodable="true"/>
</Code>
<Code guid="{C_VEILIG2}" name="Veiligheid" isCodable="true"/>
</Codes></CodeBook>"""


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)  # a str index: Unicode code points
    return start, start + len(part)


def selection(guid: str, text: str, part: str, *codes: str, name: str = "") -> str:
    start, end = span(text, part)
    codings = "".join(f'<Coding guid="{guid[:-1]}{i}" creatingUser="{USER}"><CodeRef targetGUID="{c}"/></Coding>'
                      for i, c in enumerate(codes))
    return (f'<PlainTextSelection guid="{guid}" name="{name}" startPosition="{start}" endPosition="{end}" '
            f'creatingUser="{USER}">\n{codings}\n</PlainTextSelection>')


def sources_xml() -> str:
    a1 = selection(SEL[0], TEXT_A, "één keer per week\nkomt de wijkagent", C_VEILIG, C_WONEN)
    a2 = selection(SEL[1], TEXT_A, "Jan Jansen woont hier.", C_WONEN)
    b1 = selection(SEL[2], TEXT_B, "park    is\n\n  opgeknapt.", C_VEILIG2)
    return f"""<TextSource guid="{SRC_A}" name="interview_jan.txt" plainTextPath="internal://interview_jan.txt">
{a1}
{a2}
</TextSource>
<TextSource guid="{SRC_B}" name="groep_noord.txt" plainTextPath="groep_noord.txt">
{b1}
</TextSource>"""


def project_xml(sources: str | None = None, cases: str = "") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews Jan" origin="test 1.0">
<Users><User guid="{USER}" name="cp"/></Users>
{CODES}
{cases}
<Sources>
{sources_xml() if sources is None else sources}
</Sources>
</Project>
"""


SOURCES = {"interview_jan.txt": TEXT_A, "groep_noord.txt": TEXT_B}


def make_qdpx(folder: Path, qde: str | None, sources: dict[str, str] | None = None, name: str = "p.qdpx") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as zf:
        if qde is not None:
            zf.writestr("project.qde", qde.encode("utf-8"))
        for fname, text in (SOURCES if sources is None else sources).items():
            zf.writestr(f"sources/{fname}", text.encode("utf-8"))
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def written_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file())


def rows_by_segment(result) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in result.segmenten:
        out.setdefault(r["segment_id"], []).append(r)
    return out


# --- the real REFI-QDA sample --------------------------------------------------------------------


@pytest.mark.shared
def test_real_qdpx_sample_imports_completely(mirror):
    path = mirror / "qda" / "qc_demo.qdpx"
    result = import_refi_qda(path, **KW)
    assert len(result.codeboek) == 262
    assert len(result.segmenten) == 205
    assert len({s["segment_id"] for s in result.segmenten}) == 158
    # one of its two sources holds every coded selection: one participant (a source without coded
    # text is not counted as somebody who was heard)
    assert result.counts == {"deelnemers": 1, "codes": 262, "segmenten": 158, "rijen": 205}
    assert [d["deelnemer_id"] for d in result.deelnemers] == ["P01"]
    assert result.problems == []
    parent = {c["code_id"]: c["ouder"] for c in result.codeboek}
    assert parent["programming"] == "competencies"
    assert parent["competencies"] == "rq1_definition"
    assert parent["rq1_definition"] == ""
    assert len(parent) == 262  # duplicate names ('programming' twice, ...) got unique ids
    assert {s["publiceerbaar"] for s in result.segmenten} == {"nee"}

    # every segment text is the code-point slice of its source, in document order
    with zipfile.ZipFile(path) as zf:
        root = ET.fromstring(zf.read("project.qde"))
        expected = []
        for src in root.iterfind(".//q:TextSource", NS):
            text = zf.read("sources/" + src.get("plainTextPath")).decode("utf-8")
            for sel in src.iterfind("q:PlainTextSelection", NS):
                chunk = text[int(sel.get("startPosition")):int(sel.get("endPosition"))]
                expected.append((normalise_text(chunk), len(sel.findall("q:Coding", NS))))
    by_segment = rows_by_segment(result)
    got = [(rows[0]["tekst"], len(rows)) for rows in by_segment.values()]
    assert got == expected
    assert all(len({r["tekst"] for r in rows}) == 1 for rows in by_segment.values())


@pytest.mark.shared
def test_real_qdpx_sample_writes_without_names(mirror, reg, tmp_path):
    result = import_refi_qda(mirror / "qda" / "qc_demo.qdpx", **KW)
    out = tmp_path / "utrecht" / "2023"
    written = write_import(result, out, gemeente="utrecht", meting=2023, titel="Import", reg=reg)
    assert sorted(p.name for p in written) == ["codeboek.csv", "deelnemers.csv", "segmenten.csv", "veldwerk.yml"]
    text = written_text(out)
    for forbidden in ("board_2017", "admin-1", 'name="cp"', "qc project"):
        assert forbidden not in text
    assert re.search(r"\bcp\b", text) is None  # the researcher's user name
    ds = canon.load_dataset(out, reg)
    assert len(ds.segmenten) == 205 and set(ds.segmenten["publiceerbaar"]) == {"nee"}


# --- synthetic REFI-QDA projects -----------------------------------------------------------------


def test_qdpx_codes_participants_and_segments(tmp_path):
    path = make_qdpx(tmp_path, project_xml())
    result = import_refi_qda(path, **KW, pijler_map={"Veiligheid": "veiligheid"})
    assert result.codeboek == [
        {"code_id": "wonen_buurt", "label": "Wonen & buurt", "omschrijving": "Over het huis en de straat",
         "pijler": "overig", "ouder": ""},
        {"code_id": "veiligheid", "label": "Veiligheid", "omschrijving": "", "pijler": "veiligheid",
         "ouder": "wonen_buurt"},
        {"code_id": "veiligheid_2", "label": "Veiligheid", "omschrijving": "", "pijler": "veiligheid",
         "ouder": ""},
    ]
    assert result.deelnemers == [
        {"deelnemer_id": "P01", "activiteit_id": "import", "groep": "bewoner", "methode": "diepte-interview"},
        {"deelnemer_id": "P02", "activiteit_id": "import", "groep": "bewoner", "methode": "diepte-interview"},
    ]
    assert [(s["segment_id"], s["deelnemer_id"], s["code_id"], s["tekst"]) for s in result.segmenten] == [
        ("S0001", "P01", "veiligheid", "één keer per week komt de wijkagent"),
        ("S0001", "P01", "wonen_buurt", "één keer per week komt de wijkagent"),
        ("S0002", "P01", "wonen_buurt", "Jan Jansen woont hier."),
        ("S0003", "P02", "veiligheid_2", "park is opgeknapt."),
    ]
    assert {s["publiceerbaar"] for s in result.segmenten} == {"nee"}


def test_qdpx_offsets_are_code_points_not_bytes(tmp_path):
    text = "Zij zei: café – één keer, en dan naar huis."
    start, end = span(text, "één keer")
    raw = text.encode("utf-8")
    assert raw[start:end].decode("utf-8", errors="replace") != "één keer"  # byte offsets would be wrong
    src = (f'<TextSource guid="{SRC_A}" plainTextPath="t.txt">'
           f'<PlainTextSelection guid="{SEL[0]}" startPosition="{start}" endPosition="{end}">'
           f'<Coding guid="{SEL[1]}"><CodeRef targetGUID="{C_WONEN}"/></Coding></PlainTextSelection></TextSource>')
    result = import_refi_qda(make_qdpx(tmp_path, project_xml(src), {"t.txt": text}), **KW)
    assert [s["tekst"] for s in result.segmenten] == ["één keer"]


def test_qdpx_plain_text_content_inline(tmp_path):
    src = (f'<TextSource guid="{SRC_A}"><PlainTextContent>Één  straat,\nveel buren</PlainTextContent>'
           f'<PlainTextSelection guid="{SEL[0]}" startPosition="0" endPosition="12">'
           f'<Coding guid="{SEL[1]}"><CodeRef targetGUID="{C_WONEN}"/></Coding></PlainTextSelection></TextSource>')
    result = import_refi_qda(make_qdpx(tmp_path, project_xml(src), {}), **KW)
    assert [s["tekst"] for s in result.segmenten] == ["Één straat,"]


def test_qdpx_cases_define_participants(tmp_path):
    extra = selection(SEL[3], TEXT_B, "Veilig voelt het niet.", C_VEILIG)
    sources = sources_xml().rsplit("</TextSource>", 1)[0] + extra + "\n</TextSource>"  # a 2nd selection in B
    cases = f"""<Cases>
<Case guid="dddddddd-0000-0000-0000-000000000001" name="Piet Pietersen"><SelectionRef targetGUID="{SEL[3]}"/></Case>
<Case guid="dddddddd-0000-0000-0000-000000000002" name="Jan Jansen"><SourceRef targetGUID="{SRC_A}"/></Case>
</Cases>"""
    result = import_refi_qda(make_qdpx(tmp_path, project_xml(sources, cases)), **KW)
    assert [d["deelnemer_id"] for d in result.deelnemers] == ["P01", "P02"]
    owner = {s["tekst"]: s["deelnemer_id"] for s in result.segmenten}
    assert owner == {
        "één keer per week komt de wijkagent": "P02",  # Jan Jansen: the whole of source A
        "Jan Jansen woont hier.": "P02",
        "Veilig voelt het niet.": "P01",  # Piet Pietersen: one selection of source B
    }
    assert any("no case" in w for w in result.warnings)  # 'park is opgeknapt.' belongs to no case


def test_qdpx_bare_project_qde_next_to_sources(tmp_path):
    (tmp_path / "sources").mkdir()
    for name, text in SOURCES.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    qde = tmp_path / "project.qde"
    qde.write_text(project_xml(), encoding="utf-8")
    result = import_refi_qda(qde, **KW)
    assert result.counts == {"deelnemers": 2, "codes": 3, "segmenten": 3, "rijen": 4}
    assert detect_format(qde) == "qdpx"


def test_qdpx_written_dataset_drops_names(tmp_path, reg):
    result = import_refi_qda(make_qdpx(tmp_path, project_xml()), **KW)
    out = tmp_path / "out"
    write_import(result, out, gemeente="zeist", meting=2023, titel="Gesprekken Zeist", reg=reg)
    text = written_text(out)
    for forbidden in ("interview_jan", "groep_noord", "Interviews Jan", USER):
        assert forbidden not in text
    assert re.search(r"\bcp\b", text) is None
    veldwerk = canon.load_dataset(out, reg).veldwerk
    assert veldwerk.fictief is False and veldwerk.gemeente == "zeist" and veldwerk.meting == 2023
    act = veldwerk.activiteiten[0]
    assert (act.id, act.methode, act.groep, act.periode) == ("import", "diepte-interview", "bewoner", "2023")
    assert "REFI-QDA" in act.omschrijving
    assert "publiceerbaar" in veldwerk.inleiding and "'ja'" in veldwerk.inleiding


# --- bad REFI-QDA input --------------------------------------------------------------------------


def test_qdpx_not_a_zip(tmp_path):
    path = tmp_path / "p.qdpx"
    path.write_text("this is not a zip", encoding="utf-8")
    with pytest.raises(SourceError) as exc:
        import_refi_qda(path, **KW)
    assert exc.value.path == str(path) and exc.value.row is None
    assert "not a ZIP" in exc.value.message


def test_qdpx_without_project_qde(tmp_path):
    path = make_qdpx(tmp_path, None)
    with pytest.raises(SourceError) as exc:
        import_refi_qda(path, **KW)
    assert exc.value.path == str(path)
    assert "no project.qde" in exc.value.message


def test_qdpx_xml_not_well_formed_gives_the_line(tmp_path):
    qde = project_xml().replace('<Code guid="' + C_VEILIG2 + '"', '<Code guid="' + C_VEILIG2 + '" <oops', 1)
    path = make_qdpx(tmp_path, qde)
    with pytest.raises(SourceError) as exc:
        import_refi_qda(path, **KW)
    assert exc.value.path == f"{path}!project.qde"
    assert exc.value.row == line_of(qde, "<oops") > 1
    assert "not well-formed" in exc.value.message


def test_qdpx_doctype_is_refused(tmp_path):
    qde = project_xml().replace("<Project ", '<!DOCTYPE Project [<!ENTITY a "aaaa">]>\n<Project ', 1)
    with pytest.raises(SourceError) as exc:
        import_refi_qda(make_qdpx(tmp_path, qde), **KW)
    assert "DOCTYPE" in exc.value.message and exc.value.row == 2


def test_qdpx_coderef_to_unknown_code(tmp_path):
    unknown = "eeeeeeee-0000-0000-0000-000000000009"
    qde = project_xml().replace(f'<CodeRef targetGUID="{C_VEILIG2}"/>', f'<CodeRef targetGUID="{unknown}"/>')
    path = make_qdpx(tmp_path, qde)
    with pytest.raises(SourceError) as exc:
        import_refi_qda(path, **KW)
    assert exc.value.path == f"{path}!project.qde"
    assert exc.value.row == line_of(qde, unknown)
    assert exc.value.column == "Project/Sources/TextSource[2]/PlainTextSelection[1]/Coding[1]/CodeRef[1]"
    assert unknown in exc.value.message and "unknown code" in exc.value.message


def test_qdpx_selection_outside_its_source(tmp_path):
    start = span(TEXT_B, "Veilig")[0]
    good = selection(SEL[2], TEXT_B, "park    is\n\n  opgeknapt.", C_VEILIG2)
    bad = (f'<PlainTextSelection guid="{SEL[2]}"\n startPosition="{start}" endPosition="{len(TEXT_B) + 5}">'
           f'<Coding guid="{SEL[3]}"><CodeRef targetGUID="{C_VEILIG2}"/></Coding></PlainTextSelection>')
    qde = project_xml(sources_xml().replace(good, bad))
    assert bad in qde
    path = make_qdpx(tmp_path, qde)
    with pytest.raises(SourceError) as exc:
        import_refi_qda(path, **KW)
    assert exc.value.path == f"{path}!project.qde"
    assert exc.value.row == line_of(qde, f'<PlainTextSelection guid="{SEL[2]}"')
    assert exc.value.column == "Project/Sources/TextSource[2]/PlainTextSelection[1]"
    assert "outside" in exc.value.message and f"({len(TEXT_B)} characters)" in exc.value.message


def test_qdpx_source_file_missing_from_sources_imports_the_rest(tmp_path):
    qde = project_xml()
    path = make_qdpx(tmp_path, qde, {"interview_jan.txt": TEXT_A})
    result = import_refi_qda(path, **KW)
    assert result.counts == {"deelnemers": 1, "codes": 3, "segmenten": 2, "rijen": 3}
    lacking = [w for w in result.warnings if "lack text" in w]
    assert lacking and "1 coded selection(s)" in lacking[0]
    assert f"Project/Sources/TextSource[2]/PlainTextSelection[1] (line {line_of(qde, SEL[2])})" in lacking[0]
    assert result.problems == []


# --- QualCoder ------------------------------------------------------------------------------------


def qualcoder_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:  # as QualCoder writes it
        writer = csv.writer(fh, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_qualcoder_csv(tmp_path):
    path = qualcoder_csv(tmp_path / "Report_codings.csv", ["Veiligheid", "Wonen & buurt"], [
        ["De straat is\ndonker 's avonds\ninterview_jan.txt", "De straat is donker 's avonds\ninterview_jan.txt"],
        ["Meer politie graag\nJan Jansen fid:12", "Fijne buren\ngroep_noord.txt"],
        ["", "Huur is hoog\ninterview_jan.txt fid:3"],  # same file, report made from an attribute selection
        ["NO MENO\nfoto_voordeur.jpg", ""],  # an image coding without a memo: no text to import
    ])
    result = import_qualcoder_csv(path, **KW)
    assert [(c["code_id"], c["label"], c["ouder"]) for c in result.codeboek] == [
        ("veiligheid", "Veiligheid", ""), ("wonen_buurt", "Wonen & buurt", "")]
    assert [d["deelnemer_id"] for d in result.deelnemers] == ["P01", "P02", "P03"]
    assert [(s["segment_id"], s["deelnemer_id"], s["code_id"], s["tekst"]) for s in result.segmenten] == [
        ("S0001", "P01", "veiligheid", "De straat is donker 's avonds"),
        ("S0001", "P01", "wonen_buurt", "De straat is donker 's avonds"),
        ("S0002", "P02", "veiligheid", "Meer politie graag"),
        ("S0003", "P03", "wonen_buurt", "Fijne buren"),
        ("S0004", "P01", "wonen_buurt", "Huur is hoog"),
    ]
    assert any("without a memo" in w for w in result.warnings)
    flat = repr(result)
    for name in ("interview_jan", "Jan Jansen", "fid:", "groep_noord", "foto_voordeur", "NO MENO"):
        assert name not in flat
    assert detect_format(path) == "qualcoder"


def test_qualcoder_cell_without_name_line(tmp_path):
    path = qualcoder_csv(tmp_path / "r.csv", ["Veiligheid", "Wonen"], [
        ["Twee\nregels\ninterview_jan.txt", ""],  # record on lines 2-4
        ["Nog\neen\nx.txt", "Geen bestandsnaam"],  # record on lines 5-7
    ])
    with pytest.raises(SourceError) as exc:
        import_qualcoder_csv(path, **KW)
    assert exc.value.path == str(path)
    assert (exc.value.row, exc.value.column) == (5, "Wonen")
    assert "file/case name" in exc.value.message


# --- Taguette -------------------------------------------------------------------------------------


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    return path


def test_taguette_old_layout_with_codebook(tmp_path):
    highlights = write_csv(tmp_path / "all_tags.csv", [
        ["id", "document", "tag", "content"],
        ["7", "Interview Jan Jansen", "veiligheid", "Het is  donker\nop straat"],
        ["7", "Interview Jan Jansen", "wonen", "Het is  donker\nop straat"],
        ["9", "Interview Jan Jansen", "", "niet getagd"],
        ["12", "Focusgroep Noord", "wonen", "Huur is hoog"],
    ])
    codebook = write_csv(tmp_path / "codebook.csv", [
        ["tag", "description", "number of highlights"],
        ["wonen", "Over huis en buurt", "2"],
        ["veiligheid", "Zich veilig voelen", "1"],
        ["groen", "Parken", "0"],
    ])
    result = import_taguette(highlights, codebook, **KW)
    assert [(c["code_id"], c["omschrijving"], c["ouder"]) for c in result.codeboek] == [
        ("wonen", "Over huis en buurt", ""), ("veiligheid", "Zich veilig voelen", ""), ("groen", "Parken", "")]
    assert [d["deelnemer_id"] for d in result.deelnemers] == ["P01", "P02"]
    assert [(s["segment_id"], s["deelnemer_id"], s["code_id"], s["tekst"]) for s in result.segmenten] == [
        ("H7", "P01", "veiligheid", "Het is donker op straat"),
        ("H7", "P01", "wonen", "Het is donker op straat"),
        ("H12", "P02", "wonen", "Huur is hoog"),
    ]
    assert any("without a tag" in w for w in result.warnings)
    assert "Jan Jansen" not in repr(result) and "Noord" not in repr(result)
    assert detect_format(highlights) == "taguette"


def test_taguette_new_layout_parents_and_descriptions(tmp_path):
    highlights = write_csv(tmp_path / "h.csv", [
        ["id", "document", "tag", "tag_parent", "tag_full_path", "tag_description", "content"],
        ["3", "doc a", "straatverlichting", "veiligheid", "veiligheid/straatverlichting", "Licht op straat",
         "Lampen kapot"],
        ["4", "doc b", "veiligheid", "", "veiligheid", "Zich veilig voelen", "Ik voel me veilig"],
    ])
    codebook = write_csv(tmp_path / "c.csv", [
        ["tag", "tag_parent", "description", "number of highlights", "number of documents"],
        ["veiligheid", "", "", "1", "1"],
        ["lantaarnpalen", "straatverlichting", "Palen", "0", "0"],
    ])
    result = import_taguette(highlights, codebook, **KW, pijler_map={"veiligheid": "veiligheid"})
    codes = {c["code_id"]: c for c in result.codeboek}
    assert codes["straatverlichting"]["ouder"] == "veiligheid"
    assert codes["lantaarnpalen"]["ouder"] == "straatverlichting"  # parent named before it appears
    assert codes["straatverlichting"]["omschrijving"] == "Licht op straat"
    assert codes["veiligheid"]["omschrijving"] == "Zich veilig voelen"
    assert (codes["veiligheid"]["pijler"], codes["straatverlichting"]["pijler"]) == ("veiligheid", "overig")
    assert [s["segment_id"] for s in result.segmenten] == ["H3", "H4"]


def test_taguette_missing_columns(tmp_path):
    highlights = write_csv(tmp_path / "h.csv", [["id", "document", "tag"], ["1", "d", "t"]])
    with pytest.raises(SourceError) as exc:
        import_taguette(highlights, **KW)
    assert (exc.value.path, exc.value.row, exc.value.column) == (str(highlights), 1, "content")
    good = write_csv(tmp_path / "g.csv", [["id", "document", "tag", "content"], ["1", "d", "t", "x"]])
    codebook = write_csv(tmp_path / "c.csv", [["tag", "number of highlights"], ["t", "1"]])
    with pytest.raises(SourceError) as exc:
        import_taguette(good, codebook, **KW)
    assert (exc.value.path, exc.value.row, exc.value.column) == (str(codebook), 1, "description")


# --- writing and the CLI --------------------------------------------------------------------------


def test_write_import_refuses_to_overwrite_and_validates_first(tmp_path, reg):
    result = import_refi_qda(make_qdpx(tmp_path, project_xml()), **KW)
    out = tmp_path / "out"
    write_import(result, out, gemeente="zeist", meting=2023, titel="Eerste", reg=reg)
    with pytest.raises(DatasetExistsError):
        write_import(result, out, gemeente="zeist", meting=2023, titel="Tweede", reg=reg)
    assert canon.load_dataset(out, reg).veldwerk.titel == "Eerste"
    (out / "antwoorden.csv").write_text("deelnemer_id,item_id,antwoord\nP01,v1,ja\n", encoding="utf-8")
    write_import(result, out, gemeente="zeist", meting=2023, titel="Tweede", force=True, reg=reg)
    assert canon.load_dataset(out, reg).veldwerk.titel == "Tweede"
    assert not (out / "antwoorden.csv").exists()  # answers of the replaced dataset do not linger

    bad = import_refi_qda(make_qdpx(tmp_path, project_xml(), name="q.qdpx"), **KW, pijler_map={"Veiligheid": "x"})
    fresh = tmp_path / "fresh"
    with pytest.raises(SourceError) as exc:
        write_import(bad, fresh, gemeente="zeist", meting=2023, titel="Fout", reg=reg)
    assert exc.value.path == str(fresh / "codeboek.csv") and exc.value.column == "pijler"
    assert not fresh.exists()  # an invalid import never lands in the target folder


def test_importers_reject_unknown_methode(tmp_path):
    with pytest.raises(ValueError, match="methode"):
        import_refi_qda(make_qdpx(tmp_path, project_xml()), methode="enquête", groep="bewoner")


def test_cli_kwalitatief_import(tmp_path, reg, capsys):
    path = make_qdpx(tmp_path, project_xml())
    out = tmp_path / "data" / "kwalitatief" / "nieuwegein" / "2023"
    code = cli.main(["kwalitatief", "import", str(path), "--gemeente", "Nieuwegein", "--meting", "2023",
                     "--methode", "focusgroep", "--groep", "professional", "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "2 deelnemers, 3 codes, 3 segments (4 segment x code rows)" in printed
    ds = canon.load_dataset(out, reg)
    assert ds.veldwerk.gemeente == "nieuwegein"
    assert set(ds.deelnemers["methode"]) == {"focusgroep"} and set(ds.deelnemers["groep"]) == {"professional"}
    assert cli.main(["kwalitatief", "import", str(path), "--gemeente", "nieuwegein", "--meting", "2023",
                     "--out", str(out)]) == 2  # exists: needs --force
    assert "--force" in capsys.readouterr().err


def test_cli_taguette_with_codebook_auto_detected(tmp_path, reg, capsys):
    highlights = write_csv(tmp_path / "h.csv", [["id", "document", "tag", "content"], ["1", "doc", "wonen", "Tekst"]])
    codebook = write_csv(tmp_path / "c.csv", [["tag", "description", "number of highlights"], ["wonen", "Huis", "1"]])
    out = tmp_path / "out"
    code = cli.main(["kwalitatief", "import", str(highlights), "--codebook", str(codebook), "--gemeente", "amersfoort",
                     "--meting", "2025", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    ds = canon.load_dataset(out, reg)
    assert list(ds.codeboek["omschrijving"]) == ["Huis"] and list(ds.segmenten["segment_id"]) == ["H1"]
