"""Importers: a researcher's export from a coding tool -> the canonical format (canon.py).

    import_refi_qda(path)             REFI-QDA project exchange file (.qdpx, or a bare project.qde
                                      next to a sources/ folder), written by QualCoder, MAXQDA,
                                      ATLAS.ti, NVivo, ...
    import_qualcoder_csv(path)        QualCoder's "Coding reports" CSV export
    import_taguette(highlights_csv)   Taguette's highlights CSV (+ optional codebook CSV)
    write_import(result, folder)      write and validate one dataset folder

Privacy: participants get pseudonymous ids (P01, P02, ...) in document order; researcher names
(Users, creatingUser), project names and source file names are dropped; every imported text is
marked ``publiceerbaar = nee``, because source texts contain real people's names and only a
researcher who has pseudonymised a segment may flip it to ``ja``.

REFI-QDA selection offsets (startPosition/endPosition) count Unicode code points, so they are
applied to the decoded text (Python str indices), never to the UTF-8 bytes.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterator
from xml.parsers import expat

from ..errors import SourceError, VitaleWijkenError
from . import canon

ACTIVITEIT = "import"
FORMATS = ("qdpx", "qualcoder", "taguette")
BRON = {
    "qdpx": "een REFI-QDA-project (.qdpx)",
    "qualcoder": "een QualCoder-codeerrapport (CSV)",
    "taguette": "een Taguette-export van highlights (CSV)",
}
INLEIDING = (
    "Deze teksten zijn geïmporteerd uit {bron} en nog niet door een onderzoeker gereviewd. Ze zijn niet "
    "publiceerbaar: elk segment staat op publiceerbaar = nee totdat een onderzoeker de tekst heeft "
    "gepseudonimiseerd en publiceerbaar op 'ja' heeft gezet."
)
QDA_NS = "urn:QDA-XML:project:1.0"


class DatasetExistsError(VitaleWijkenError):
    """The target folder already holds a dataset and --force was not given."""


@dataclass
class ImportResult:
    """Canonical rows (column names as in canon.COLUMNS), before they are written."""

    formaat: str  # one of FORMATS
    methode: str
    groep: str
    deelnemers: list[dict[str, str]]
    codeboek: list[dict[str, str]]
    segmenten: list[dict[str, str]]
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # an empty import: written only when confirmed

    @property
    def bron(self) -> str:
        return BRON[self.formaat]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "deelnemers": len(self.deelnemers),
            "codes": len(self.codeboek),
            "segmenten": len({s["segment_id"] for s in self.segmenten}),
            "rijen": len(self.segmenten),
        }


# --- shared helpers --------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space; strip the ends."""
    return " ".join(text.split())


def slug(name: str) -> str:
    """An id-safe slug: ASCII letters, digits and underscores, lower case."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^A-Za-z0-9]+", "_", ascii_name).strip("_").lower()
    return s or "code"


def _unique(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base}_{n}"
        n += 1
    used.add(candidate)
    return candidate


def _numbered(prefix: str, count: int, width: int) -> list[str]:
    width = max(width, len(str(count)))
    return [f"{prefix}{i:0{width}d}" for i in range(1, count + 1)]


def _check_choices(methode: str, groep: str) -> None:
    if methode not in canon.METHODEN:
        raise ValueError(f"unknown methode {methode!r}; use one of {', '.join(canon.METHODEN)}")
    if groep not in canon.GROEPEN:
        raise ValueError(f"unknown groep {groep!r}; use one of {', '.join(canon.GROEPEN)}")


class _Builder:
    """Collects participants, codes and coded segments, then emits canonical rows."""

    def __init__(self, methode: str, groep: str, pijler_map: dict[str, str] | None) -> None:
        _check_choices(methode, groep)
        self.methode, self.groep = methode, groep
        self.pijler_map = pijler_map or {}
        self.people: dict[Any, str] = {}  # source key -> deelnemer_id, assigned at the end
        self.person_order: list[Any] = []
        self.codes: list[dict[str, str]] = []
        self.code_ids: set[str] = set()
        self.segments: list[tuple[Any, Any, str, list[str]]] = []  # (key, person, text, code ids)
        self.segment_index: dict[Any, int] = {}
        self.warnings: list[str] = []
        self.groups: dict[Any, str] = {}  # person key -> groep, where the export says

    def person(self, key: Any) -> Any:
        if key not in self.people:
            self.people[key] = ""
            self.person_order.append(key)
        return key

    def code(self, name: str, *, omschrijving: str = "", ouder: str = "") -> str:
        code_id = _unique(slug(name), self.code_ids)
        self.codes.append({
            "code_id": code_id,
            "label": normalise_text(name),
            "omschrijving": normalise_text(omschrijving),
            "pijler": self.pijler_map.get(name) or canon.OVERIG,
            "ouder": ouder,
        })
        return code_id

    def segment(self, key: Any, person: Any, text: str, code_id: str) -> bool:
        """Add one coding; False (and nothing added) when the text is empty."""
        text = normalise_text(text)
        if not text:
            return False
        if key not in self.segment_index:
            self.segment_index[key] = len(self.segments)
            self.segments.append((key, person, text, []))
        codes = self.segments[self.segment_index[key]][3]
        if code_id not in codes:
            codes.append(code_id)
        return True

    def result(self, formaat: str, segment_prefix: str = "S",
               segment_ids: Callable[[Any], str] | None = None) -> ImportResult:
        pids = _numbered("P", len(self.person_order), 2)
        person_id = dict(zip(self.person_order, pids))
        deelnemers = [{"deelnemer_id": pid, "activiteit_id": ACTIVITEIT, "groep": self.groups.get(key, self.groep),
                       "methode": self.methode} for key, pid in person_id.items()]
        sids = _numbered(segment_prefix, len(self.segments), 4)
        segmenten = []
        for i, (key, person, text, codes) in enumerate(self.segments):
            sid = segment_ids(key) if segment_ids else sids[i]
            for code_id in codes:
                segmenten.append({"segment_id": sid, "deelnemer_id": person_id[person], "code_id": code_id,
                                  "tekst": text, "publiceerbaar": "nee"})
        problems = []
        if not segmenten:
            problems.append(f"no codings: the export holds {len(self.codes)} code(s) but no coded text")
        if not deelnemers:
            problems.append("no participants: no case or source with coded text")
        return ImportResult(formaat, self.methode, self.groep, deelnemers, list(self.codes), segmenten,
                            self.warnings, problems)


def _decode(raw: bytes, where: str | Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(where, "not UTF-8 encoded", row=raw[: exc.start].count(b"\n") + 1) from None


def _csv_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line on which the record starts, fields) for every non-empty record; header first."""
    if not path.is_file():
        raise SourceError(path, "file not found")
    text = _decode(path.read_bytes(), path)
    if not text.strip():
        raise SourceError(path, "file is empty", row=1)
    reader = csv.reader(io.StringIO(text, newline=""))
    end = 0
    try:
        for rec in reader:
            start, end = end + 1, reader.line_num
            if rec and any(v.strip() for v in rec):
                yield start, rec
    except csv.Error as exc:
        raise SourceError(path, f"malformed CSV: {exc}", row=reader.line_num) from None


def _first(path: Path, records: Iterator[tuple[int, list[str]]]) -> list[str]:
    first = next(records, None)
    if first is None:
        raise SourceError(path, "no header row (the file holds only empty cells)", row=1)
    return first[1]


def _header(path: Path, head: list[str], required: tuple[str, ...]) -> dict[str, int]:
    names = [h.strip() for h in head]
    missing = [c for c in required if c not in names]
    if missing:
        raise SourceError(path, f"missing column {missing[0]!r} (found: {', '.join(names)})", row=1,
                          column=missing[0])
    return {n: i for i, n in reversed(list(enumerate(names)))}


def detect_format(path: Path) -> str:
    """'qdpx', 'qualcoder' or 'taguette', from the extension and (for CSV) the header."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(path, "file not found")
    suffix = path.suffix.lower()
    if suffix in (".qdpx", ".qde") or zipfile.is_zipfile(path):
        return "qdpx"
    if suffix in (".csv", ".txt"):
        head = {h.strip() for h in _first(path, _csv_records(path))}
        return "taguette" if {"id", "document", "tag", "content"} <= head else "qualcoder"
    raise SourceError(path, "cannot tell the format from the file name; give --format qdpx, qualcoder or taguette")


# --- REFI-QDA ----------------------------------------------------------------------------------

_SINGLE = {"Project", "Users", "CodeBook", "Codes", "Variables", "Cases", "Sources", "Notes", "Links", "Sets",
           "Graphs"}


@dataclass
class _El:
    """A parsed XML element with its line number and a readable path (for error messages)."""

    tag: str
    attrib: dict[str, str]
    line: int
    path: str
    children: list["_El"] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def find(self, tag: str) -> "_El | None":
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list["_El"]:
        return [c for c in self.children if c.tag == tag]

    def iter(self) -> Iterator["_El"]:
        yield self
        for c in self.children:
            yield from c.iter()


class _Forbidden(Exception):
    pass


def _parse_xml(data: bytes, where: str) -> _El:
    """Parse with expat (line numbers for every element); DTDs and entities are refused."""
    parser = expat.ParserCreate(namespace_separator="}")
    stack: list[_El] = []
    counters: list[Counter] = [Counter()]
    roots: list[_El] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = name.rsplit("}", 1)[-1]
        counters[-1][tag] += 1
        step = tag if tag in _SINGLE else f"{tag}[{counters[-1][tag]}]"
        path = f"{stack[-1].path}/{step}" if stack else step
        el = _El(tag, {k.rsplit("}", 1)[-1]: v for k, v in attrs.items()}, parser.CurrentLineNumber, path)
        (stack[-1].children if stack else roots).append(el)
        stack.append(el)
        counters.append(Counter())

    def end(name: str) -> None:
        stack.pop()
        counters.pop()

    def chars(data: str) -> None:
        if stack:
            stack[-1].parts.append(data)

    def forbidden(*args: Any) -> None:
        raise _Forbidden()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = forbidden
    parser.EntityDeclHandler = forbidden
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise SourceError(where, f"XML not well-formed: {expat.ErrorString(exc.code)} (line {exc.lineno}, "
                                 f"column {exc.offset + 1})", row=exc.lineno) from None
    except _Forbidden:
        raise SourceError(where, "XML with a DOCTYPE or entity declarations is not accepted",
                          row=parser.CurrentLineNumber) from None
    root = roots[0]
    if root.tag != "Project":
        raise SourceError(where, f"root element is <{root.tag}>, expected <Project> ({QDA_NS})", row=root.line,
                          column=root.path)
    return root


class _Project:
    """project.qde and its sources, from a .qdpx ZIP or from a folder (bare project.qde)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise SourceError(path, "file not found")
        self.zip: zipfile.ZipFile | None = None
        if path.suffix.lower() == ".qde" and not zipfile.is_zipfile(path):
            self.where = str(path)
            self.qde = path.read_bytes()
            return
        try:
            self.zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise SourceError(path, "not a ZIP archive: a .qdpx file is a ZIP holding project.qde and sources/") \
                from None
        names = [n for n in self.zip.namelist() if not n.endswith("/")]
        self.members = {n.lower(): n for n in names}
        qde = self.members.get("project.qde")
        if qde is None:
            at_root = [n for n in names if "/" not in n and n.lower().endswith(".qde")]
            if len(at_root) != 1:
                self.zip.close()
                raise SourceError(path, "no project.qde in the archive: is this a REFI-QDA project export?")
            qde = at_root[0]
        self.where = f"{path}!{qde}"
        self.qde = self.zip.read(qde)

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()

    def source_where(self, name: str) -> str:
        return f"{self.path}!sources/{name}" if self.zip else str(self.path.parent / "sources" / name)

    def read_source(self, name: str) -> bytes | None:
        if self.zip is None:
            file = self.path.parent / "sources" / name
            return file.read_bytes() if file.is_file() else None
        member = self.members.get(f"sources/{name}".lower())
        return self.zip.read(member) if member else None


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _source_name(el: _El, where: str) -> str:
    raw = el.attrib["plainTextPath"].strip()
    name = raw
    if name.startswith("internal://"):
        name = name[len("internal://"):]
    elif "://" in name:
        raise SourceError(where, f"plainTextPath {raw!r} points outside the export; only texts inside "
                                 "sources/ (or internal://) can be imported", row=el.line, column=el.path)
    name = name.replace("\\", "/").lstrip("/")
    if name.lower().startswith("sources/"):
        name = name[len("sources/"):]
    if not name or ".." in PurePosixPath(name).parts:
        raise SourceError(where, f"invalid plainTextPath {raw!r}", row=el.line, column=el.path)
    return name


def _source_text(project: _Project, el: _El) -> str | None:
    """The plain text of a TextSource (or a PDF's Representation); None when the export does not
    carry it (a bare project.qde without its sources/ folder, or a file missing from sources/)."""
    content = el.find("PlainTextContent")
    if content is not None:
        return content.text
    if not el.attrib.get("plainTextPath"):
        return None
    name = _source_name(el, project.where)
    raw = project.read_source(name)
    return None if raw is None else _decode(raw, project.source_where(name))


def _position(sel: _El, attr: str, where: str) -> int:
    value = sel.attrib.get(attr, "").strip()
    if not re.fullmatch(r"-?\d+", value):
        raise SourceError(where, f"{attr} {value!r} is not a whole number", row=sel.line, column=sel.path)
    return int(value)


GROEP_VARIABLES = {"groep", "group", "rol", "role", "doelgroep", "type deelnemer", "deelnemer"}


def _group_of(el: _El, variables: dict[str, str]) -> str | None:
    """A canonical groep from an element's VariableValue whose variable is named like a group
    (Cases in NVivo, document variables in MAXQDA), or None."""
    for vv in el.findall("VariableValue"):
        ref = vv.find("VariableRef")
        name = variables.get(_guid(ref.attrib.get("targetGUID")) if ref is not None else "", "")
        value = vv.find("TextValue")
        if name.strip().lower() not in GROEP_VARIABLES or value is None:
            continue
        text = value.text.strip().lower()
        for g in canon.GROEPEN:
            if text in (g, g + "s", g + "en", g.replace("ë", "e"), g.replace("ë", "e") + "en"):
                return g
    return None


def import_refi_qda(path: str | Path, *, methode: str, groep: str,
                    pijler_map: dict[str, str] | None = None) -> ImportResult:
    """Import a REFI-QDA project (.qdpx ZIP, or a project.qde next to a sources/ folder).

    Codings are read wherever the standard lets tools put them: PlainTextSelections of a
    TextSource, of a PDFSource's text Representation, and PDFSelections with a text
    Representation. Participants: one per Case that owns coded text (by SourceRef, SelectionRef
    or CodeRef), otherwise one per source with coded text; a variable named like 'groep' on a
    Case or source gives the participant's group. Selections whose text the export does not
    carry are reported, not fatal.
    """
    b = _Builder(methode, groep, pijler_map)
    project = _Project(Path(path))
    try:
        return _import_project(project, b)
    finally:
        project.close()


@dataclass
class _Selection:
    el: _El
    source: int  # index of its source
    text: str | None
    codes: list[str]


def _import_project(project: _Project, b: _Builder) -> ImportResult:
    where = project.where
    root = _parse_xml(project.qde, where)

    # Codes, nesting -> ouder
    code_of: dict[str, str] = {}

    def walk(parent: _El, parent_id: str) -> None:
        for el in parent.findall("Code"):
            name, guid = el.attrib.get("name", "").strip(), _guid(el.attrib.get("guid"))
            if not name or not guid:
                raise SourceError(where, f"Code without a {'name' if not name else 'guid'}", row=el.line,
                                  column=el.path)
            if guid in code_of:
                raise SourceError(where, f"duplicate Code guid {guid!r}", row=el.line, column=el.path)
            desc = el.find("Description")
            code_of[guid] = b.code(name, omschrijving=desc.text if desc is not None else "", ouder=parent_id)
            walk(el, code_of[guid])

    codebook = root.find("CodeBook")
    codes_el = codebook.find("Codes") if codebook is not None else None
    if codes_el is not None:
        walk(codes_el, "")

    def code_ref(ref: _El | None, owner: _El) -> str:
        if ref is None:
            raise SourceError(where, "Coding without a CodeRef", row=owner.line, column=owner.path)
        target = _guid(ref.attrib.get("targetGUID"))
        if target not in code_of:
            raise SourceError(where, f"CodeRef points to unknown code GUID {ref.attrib.get('targetGUID')!r}",
                              row=ref.line, column=ref.path)
        return code_of[target]

    variables_el = root.find("Variables")
    variables = {_guid(v.attrib.get("guid")): v.attrib.get("name", "")
                 for v in (variables_el.findall("Variable") if variables_el is not None else [])}

    # Sources and their selections, in document order
    sources_el = root.find("Sources")
    sources = list(sources_el.children) if sources_el is not None else []
    readable = [s for s in sources if s.tag in ("TextSource", "PDFSource")]
    other = Counter(s.tag for s in sources if s.tag not in ("TextSource", "PDFSource"))
    if other:
        b.warnings.append("skipped non-text sources: " + ", ".join(f"{n} {t}" for t, n in sorted(other.items())))
    any_guid = {_guid(e.attrib.get("guid")) for s in sources for e in s.iter()}
    selections: list[_Selection] = []
    of_source: dict[str, list[int]] = {}
    sel_index: dict[str, int] = {}
    whole = 0
    missing_text: list[str] = []
    for si, src in enumerate(readable):
        of_source[_guid(src.attrib.get("guid"))] = []
        whole += len(src.findall("Coding"))
        for c in src.findall("Coding"):
            code_ref(c.find("CodeRef"), c)
        texts = [src] if src.tag == "TextSource" else [r for r in src.findall("Representation")]
        found: list[tuple[_El, _El | None]] = [(sel, t) for t in texts for sel in t.findall("PlainTextSelection")]
        found += [(sel, sel.find("Representation")) for sel in src.findall("PDFSelection")]
        cache: dict[int, str | None] = {}
        for sel, holder in found:
            codes = [code_ref(c.find("CodeRef"), c) for c in sel.findall("Coding")]
            text = None
            if holder is not None:
                if id(holder) not in cache:
                    cache[id(holder)] = _source_text(project, holder) if codes else None
                body = cache[id(holder)]
                if sel.tag == "PDFSelection":
                    text = body
                elif body is not None:
                    start, end = _position(sel, "startPosition", where), _position(sel, "endPosition", where)
                    if not 0 <= start <= end <= len(body):
                        raise SourceError(where, f"selection [{start}, {end}) lies outside its source text "
                                                 f"({len(body)} characters)", row=sel.line, column=sel.path)
                    text = body[start:end]
                elif holder.attrib.get("plainTextPath") is None and holder.find("PlainTextContent") is None \
                        and codes:
                    raise SourceError(where, f"{src.tag} has coded selections but neither a plainTextPath nor "
                                             "PlainTextContent", row=holder.line, column=holder.path)
            if codes and text is None:
                missing_text.append(f"{sel.path} (line {sel.line})")
            of_source[_guid(src.attrib.get("guid"))].append(len(selections))
            sel_index[_guid(sel.attrib.get("guid"))] = len(selections)
            selections.append(_Selection(sel, si, text, codes))
    if whole:
        b.warnings.append(f"skipped {whole} coding(s) of whole documents (only coded selections are imported)")
    if missing_text:
        shown = "; ".join(missing_text[:10]) + (f"; and {len(missing_text) - 10} more" if len(missing_text) > 10
                                                else "")
        b.warnings.append(f"{len(missing_text)} coded selection(s) lack text (their source is not in the export's "
                          f"sources/ folder) and were skipped: {shown}")

    # Participants: Cases, else sources with coded text
    cases_el = root.find("Cases")
    cases = cases_el.findall("Case") if cases_el is not None else []
    owner: dict[int, Any] = {}
    group_of: dict[Any, str] = {}
    if cases:
        shared = 0
        for ci, case in enumerate(cases):
            key = ("case", ci)
            members: list[int] = []
            for ref in case.findall("SourceRef") + case.findall("SelectionRef") + case.findall("CodeRef"):
                target = _guid(ref.attrib.get("targetGUID"))
                if ref.tag == "SourceRef" and target in of_source:
                    members += of_source[target]
                elif ref.tag == "SelectionRef" and target in sel_index:
                    members.append(sel_index[target])
                elif ref.tag == "CodeRef" and target in code_of:
                    members += [i for i, s in enumerate(selections) if code_of[target] in s.codes]
                elif target not in any_guid and target not in code_of:
                    raise SourceError(where, f"{ref.tag} points to unknown GUID {ref.attrib.get('targetGUID')!r}",
                                      row=ref.line, column=ref.path)
            for m in members:
                if owner.setdefault(m, key) != key:
                    shared += 1
            group = _group_of(case, variables)
            if group:
                group_of[key] = group
        if shared:
            b.warnings.append(f"{shared} selection(s) belong to more than one case; each was given to the first")
    else:
        owner = {i: ("source", s.source) for i, s in enumerate(selections)}
        for si, src in enumerate(readable):
            group = _group_of(src, variables)
            if group:
                group_of[("source", si)] = group

    usable = [i for i, sel in enumerate(selections) if sel.codes and sel.text is not None and sel.text.strip()]
    for key in sorted({owner[i] for i in usable if i in owner}):
        b.person(key)  # participants numbered in the order of the cases (or sources)
    orphans = 0
    for i, sel in enumerate(selections):
        if not sel.codes or sel.text is None:
            continue
        if i not in owner:
            orphans += 1
            continue
        for code_id in sel.codes:
            if not b.segment(i, b.person(owner[i]), sel.text, code_id):
                b.warnings.append(f"skipped a coded selection without text: {sel.el.path}")
                break
    if orphans:
        b.warnings.append(f"skipped {orphans} coded selection(s) that belong to no case")
    b.groups = group_of
    return b.result("qdpx")


# --- QualCoder -----------------------------------------------------------------------------------

_FID = re.compile(r"\s+fid:\d+$")
_NO_MEMO = {"NO MENO", "NO MEMO"}  # QualCoder's placeholder for an image/AV coding without a memo


def import_qualcoder_csv(path: str | Path, *, methode: str, groep: str,
                         pijler_map: dict[str, str] | None = None) -> ImportResult:
    """Import QualCoder's "Coding reports" CSV: one column per code, each cell 'text\\nfile or case'."""
    path = Path(path)
    b = _Builder(methode, groep, pijler_map)
    records = _csv_records(path)
    names = [h.strip() for h in _first(path, records)]
    for i, name in enumerate(names):
        if not name:
            raise SourceError(path, f"empty code name in the header (column {i + 1})", row=1, column=f"#{i + 1}")
    code_ids = [b.code(n) for n in names]
    placeholders = 0
    for line, rec in records:
        if len(rec) > len(names):
            raise SourceError(path, f"expected at most {len(names)} fields, found {len(rec)}", row=line)
        for col, cell in enumerate(rec):
            if not cell.strip():
                continue
            body = cell.replace("\r\n", "\n").rstrip("\n")
            text, sep, name = body.rpartition("\n")
            name = _FID.sub("", name).strip()
            if not sep or not name or not text.strip():
                raise SourceError(path, "cell lacks the coded text or the file/case name on its last line",
                                  row=line, column=names[col])
            if text.strip() in _NO_MEMO:
                placeholders += 1
                continue
            person = b.person(name)
            b.segment((name, normalise_text(text)), person, text, code_ids[col])
    if placeholders:
        b.warnings.append(f"skipped {placeholders} image/AV coding(s) without a memo")
    return b.result("qualcoder")


# --- Taguette ----------------------------------------------------------------------------------

def import_taguette(highlights_csv: str | Path, codebook_csv: str | Path | None = None, *, methode: str,
                    groep: str, pijler_map: dict[str, str] | None = None) -> ImportResult:
    """Import Taguette's highlights CSV (old: id,document,tag,content; new: also tag_parent,
    tag_full_path, tag_description) and optionally its codebook CSV (tag, description, ...)."""
    hpath = Path(highlights_csv)
    b = _Builder(methode, groep, pijler_map)
    tags: dict[str, dict[str, str]] = {}  # name -> {"description", "parent"}, in order of appearance

    def tag(name: str, description: str = "", parent: str = "") -> None:
        entry = tags.setdefault(name, {"description": "", "parent": ""})
        entry["description"] = entry["description"] or description.strip()
        entry["parent"] = entry["parent"] or parent.strip()

    if codebook_csv is not None:
        cpath = Path(codebook_csv)
        records = _csv_records(cpath)
        col = _header(cpath, _first(cpath, records), ("tag", "description"))
        parent_col = col.get("tag_parent", col.get("parent"))
        for line, rec in records:
            rec = rec + [""] * (len(col) - len(rec))
            name = rec[col["tag"]].strip()
            if not name:
                raise SourceError(cpath, "empty tag", row=line, column="tag")
            tag(name, rec[col["description"]], rec[parent_col] if parent_col is not None else "")

    records = _csv_records(hpath)
    col = _header(hpath, _first(hpath, records), ("id", "document", "tag", "content"))
    seen: dict[str, tuple[str, str, int]] = {}
    untagged = empty = 0
    for line, rec in records:
        rec = rec + [""] * (len(col) - len(rec))
        value = {k: rec[i].strip() for k, i in col.items()}
        hid, document, name = value["id"], value["document"], value["tag"]
        for required in ("id", "document"):
            if not value[required]:
                raise SourceError(hpath, f"empty {required}", row=line, column=required)
        text = normalise_text(rec[col["content"]])
        if hid in seen and seen[hid][:2] != (document, text):
            raise SourceError(hpath, f"highlight {hid} appears with a different document or text than on row "
                                     f"{seen[hid][2]}", row=line, column="id")
        seen.setdefault(hid, (document, text, line))
        if not name:
            untagged += 1
            continue
        parent = value.get("tag_parent", "")
        tag(name, value.get("tag_description", ""), parent)
        if parent:
            tag(parent)
        if not b.segment(hid, b.person(document), text, name):  # tag names are mapped to code ids below
            empty += 1
    if untagged:
        b.warnings.append(f"skipped {untagged} highlight row(s) without a tag")
    if empty:
        b.warnings.append(f"skipped {empty} highlight row(s) without text")

    # codes: every tag, parents resolved by name (a parent may appear after its child)
    used: set[str] = set()
    code_id = {name: _unique(slug(name), used) for name in tags}
    for name, entry in tags.items():
        b.codes.append({
            "code_id": code_id[name],
            "label": normalise_text(name),
            "omschrijving": normalise_text(entry["description"]),
            "pijler": b.pijler_map.get(name) or canon.OVERIG,
            "ouder": code_id.get(entry["parent"], ""),
        })
    b.segments = [(key, person, text, [code_id[c] for c in codes]) for key, person, text, codes in b.segments]
    return b.result("taguette", segment_ids=lambda hid: f"H{slug(hid)}")


# --- writing -------------------------------------------------------------------------------------


class ImportNotConfirmedError(VitaleWijkenError):
    """The import has no codings or no participants and the analyst did not confirm it."""


ONVOLLEDIG = ("Deze import bevat {wat}. Een onderzoeker heeft bevestigd dat de gegevens toch in het boek mogen. "
              "De aantallen op deze pagina zeggen daarom weinig.")


def write_import(result: ImportResult, folder: str | Path, *, gemeente: str, meting: int | str, titel: str,
                 force: bool = False, bevestig: bool = False, reg: Any = None) -> list[Path]:
    """Write ``result`` as a canonical dataset in ``folder`` and validate it with canon.load_dataset.

    The dataset is first written and validated in a scratch folder, so an invalid import never
    lands in ``folder``. Refuses to replace an existing dataset unless ``force``, and to write an
    import without codings or participants (``result.problems``) unless ``bevestig``: such a
    dataset would still become a page; confirmed, the page says it is incomplete.
    """
    if result.problems and not bevestig:
        raise ImportNotConfirmedError("nothing written: " + "; ".join(result.problems)
                                      + ". Check the export (is it the coded project?), or confirm with --bevestig "
                                        "to write it anyway")
    from ..registries import load_registries

    folder = Path(folder)
    reg = reg if reg is not None else load_registries()
    g = reg.gemeente(gemeente)
    m = reg.meting(meting)
    existing = [n for n in canon.FILES.values() if (folder / n).exists()]
    if existing and not force:
        raise DatasetExistsError(f"{folder} already holds a dataset ({', '.join(existing)}); "
                                 "use --force to overwrite it")
    groups = sorted({d["groep"] for d in result.deelnemers})
    veldwerk = {
        "gemeente": g.slug,
        "meting": m.jaar,
        "fictief": False,
        "titel": titel,
        "inleiding": INLEIDING.format(bron=result.bron),
        "activiteiten": [{
            "id": ACTIVITEIT,
            "methode": result.methode,
            "groep": groups[0] if len(groups) == 1 else (result.groep if not groups else None),
            "periode": str(m.jaar),
            "omschrijving": f"Geïmporteerd uit {result.bron}; nog niet gereviewd.",
        }],
    }
    if result.problems:
        wat = " en ".join(w for w, bad in (("geen gecodeerde tekst", not result.segmenten),
                                           ("geen deelnemers", not result.deelnemers)) if bad)
        veldwerk["onvolledig"] = ONVOLLEDIG.format(wat=wat)
    if veldwerk["activiteiten"][0]["groep"] is None:
        del veldwerk["activiteiten"][0]["groep"]
    header = ("# Geïmporteerd met `vitale-wijken kwalitatief import`. Alle segmenten staan op publiceerbaar = nee:\n"
              "# pas de tekst aan (pseudonimiseren) en zet dan publiceerbaar op ja.\n")
    # write_dataset validates before anything lands in folder and drops a replaced dataset's extra files.
    return canon.write_dataset(folder, veldwerk, result.deelnemers, result.codeboek, result.segmenten,
                               header=header, reg=reg)
