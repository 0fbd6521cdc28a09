"""The canonical format of coded qualitative fieldwork, one folder per gemeente and meting:
``data/kwalitatief/<gemeente-slug>/<meting>/`` (documented in data/kwalitatief/README.md).

    veldwerk.yml     what was done: activities (method, group, period), fictional or not,
                     and the questionnaire scale and items if there was one
    deelnemers.csv   deelnemer_id, activiteit_id, groep, methode   (pseudonymous ids only)
    codeboek.csv     code_id, label, omschrijving, pijler, ouder
    segmenten.csv    segment_id, deelnemer_id, code_id, tekst, publiceerbaar (ja/nee)
    antwoorden.csv   deelnemer_id, item_id, antwoord                (optional)

A segment coded with several codes has one row per code (same segment_id and text).
Only rows with ``publiceerbaar = ja`` may ever reach the book, and their text must
already be pseudonymised. Every file is validated on load; a problem is reported with
the file, row and column.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import SourceError
from ..io import OutputSet, staged_outputs
from ..registries import Registries, load_yaml_model

GROEPEN = ("bewoner", "professional", "ondernemer", "cliënt", "sleutelfiguur", "onbekend")
METHODEN = ("focusgroep", "deurinterview", "diepte-interview", "vragenlijst", "straatinterview", "telefonisch",
            "onbekend")
OVERIG = "overig"  # pijler of codes that fit none of the five
JA_NEE = ("ja", "nee")
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
PERIODE = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")

FILES = {
    "veldwerk": "veldwerk.yml",
    "deelnemers": "deelnemers.csv",
    "codeboek": "codeboek.csv",
    "segmenten": "segmenten.csv",
    "antwoorden": "antwoorden.csv",
}
COLUMNS = {
    "deelnemers": ["deelnemer_id", "activiteit_id", "groep", "methode"],
    "codeboek": ["code_id", "label", "omschrijving", "pijler", "ouder"],
    "segmenten": ["segment_id", "deelnemer_id", "code_id", "tekst", "publiceerbaar"],
    "antwoorden": ["deelnemer_id", "item_id", "antwoord"],
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Activiteit(_Strict):
    id: str = Field(pattern=ID.pattern)
    methode: str
    groep: str | None = None  # None: several groups took part
    periode: str = Field(pattern=PERIODE.pattern)
    omschrijving: str

    @model_validator(mode="after")
    def _known(self) -> "Activiteit":
        if self.methode not in METHODEN:
            raise ValueError(f"unknown methode {self.methode!r}; use one of {', '.join(METHODEN)}")
        if self.groep is not None and self.groep not in GROEPEN:
            raise ValueError(f"unknown groep {self.groep!r}; use one of {', '.join(GROEPEN)}")
        return self


class Item(_Strict):
    id: str = Field(pattern=ID.pattern)
    tekst: str
    thema: str
    pijler: str


class Vragenlijst(_Strict):
    schaal: list[str] = Field(min_length=3)
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> "Vragenlijst":
        ids = [i.id for i in self.items]
        if len(ids) != len(set(ids)):
            raise ValueError("item ids must be unique")
        if len(self.schaal) != len(set(self.schaal)):
            raise ValueError("scale labels must be unique")
        return self


class Veldwerk(_Strict):
    gemeente: str
    meting: int
    fictief: bool
    titel: str
    inleiding: str
    activiteiten: list[Activiteit] = Field(min_length=1)
    vragenlijst: Vragenlijst | None = None
    # Set by `kwalitatief import --bevestig` when the analyst accepts a dataset without codings or
    # participants: the reason, shown on the page. Without it such a dataset is an error.
    onvolledig: str | None = None

    @model_validator(mode="after")
    def _unique(self) -> "Veldwerk":
        ids = [a.id for a in self.activiteiten]
        if len(ids) != len(set(ids)):
            raise ValueError("activity ids must be unique")
        return self


@dataclass
class Dataset:
    """One gemeente x meting of fieldwork, validated."""

    folder: Path
    veldwerk: Veldwerk
    deelnemers: pd.DataFrame
    codeboek: pd.DataFrame
    segmenten: pd.DataFrame
    antwoorden: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=COLUMNS["antwoorden"]))

    @property
    def gemeente(self) -> str:
        return self.veldwerk.gemeente

    @property
    def meting(self) -> int:
        return self.veldwerk.meting


# --- reading ---------------------------------------------------------------------------------


def _read_csv(path: Path, columns: list[str], optional: bool = False) -> pd.DataFrame:
    if not path.exists():
        if optional:
            return pd.DataFrame({c: pd.Series(dtype=str) for c in columns})
        raise SourceError(path, "file not found")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise SourceError(path, "not UTF-8 encoded", row=raw[: exc.start].count(b"\n") + 1) from None
    if not text.strip():
        raise SourceError(path, "file is empty", row=1)
    header = text.splitlines()[0]
    if "," not in header and len(columns) > 1:
        raise SourceError(path, "expected ','-separated values in the header", row=1)
    reader = csv.reader(io.StringIO(text))
    head = [h.strip() for h in next(reader)]
    dup = next((h for i, h in enumerate(head) if h in head[:i]), None)
    if dup is not None:
        raise SourceError(path, f"column {dup!r} appears twice in the header", row=1, column=dup)
    missing = [c for c in columns if c not in head]
    if missing:
        raise SourceError(path, f"missing column {missing[0]!r}", row=1, column=missing[0])
    extra = [h for h in head if h not in columns]
    if extra:
        raise SourceError(path, f"unexpected column {extra[0]!r}", row=1, column=extra[0])
    rows, lines = [], []
    end = reader.line_num
    for rec in reader:
        start, end = end + 1, reader.line_num  # a quoted text may span several lines
        if not rec:
            continue
        if len(rec) != len(head):
            raise SourceError(path, f"expected {len(head)} fields, found {len(rec)}", row=start)
        rows.append([v.strip() for v in rec])
        lines.append(start)
    df = pd.DataFrame(rows, columns=head, dtype=object)[columns] if rows else pd.DataFrame(columns=columns)
    df.index = pd.Index(lines, dtype="int64") if rows else pd.RangeIndex(2, 2)
    return df


def _require(df: pd.DataFrame, path: Path, column: str, ok, message: str) -> None:
    bad = ~df[column].map(ok).astype(bool)
    if bad.any():
        row = int(bad[bad].index[0])
        raise SourceError(path, f"{message}: {df.at[row, column]!r}", row=row, column=column)


def _unique(df: pd.DataFrame, path: Path, columns: list[str]) -> None:
    dup = df.duplicated(columns, keep="first")
    if dup.any():
        row = int(dup[dup].index[0])
        first = int(df[df[columns].apply(tuple, axis=1) == tuple(df.loc[row, columns])].index[0])
        key = ", ".join(f"{c}={df.at[row, c]!r}" for c in columns)
        raise SourceError(path, f"duplicate {key} (first on row {first})", row=row, column=columns[0])


def load_dataset(folder: Path, reg: Registries | None = None) -> Dataset:
    """Read and validate one dataset folder."""
    folder = Path(folder)
    vpath = folder / FILES["veldwerk"]
    if not vpath.exists():
        raise SourceError(vpath, "file not found: every dataset needs a veldwerk.yml")
    veldwerk = load_yaml_model(vpath, Veldwerk)
    if reg is not None:
        _check_metadata(vpath, veldwerk, reg)

    dpath, cpath, spath, apath = (folder / FILES[k] for k in ("deelnemers", "codeboek", "segmenten", "antwoorden"))
    deelnemers = _read_csv(dpath, COLUMNS["deelnemers"])
    codeboek = _read_csv(cpath, COLUMNS["codeboek"])
    segmenten = _read_csv(spath, COLUMNS["segmenten"])
    antwoorden = _read_csv(apath, COLUMNS["antwoorden"], optional=True)

    if veldwerk.onvolledig is None:
        if deelnemers.empty:
            raise SourceError(dpath, "no participants: a page needs at least one (an import without participants "
                                     "is written only with --bevestig, which sets 'onvolledig' in veldwerk.yml)", row=2)
        if segmenten.empty and antwoorden.empty:
            raise SourceError(spath, "no coded segments and no answers: nothing to publish (set 'onvolledig' in "
                                     "veldwerk.yml to publish the dataset anyway)", row=2)
    activities = {a.id: a for a in veldwerk.activiteiten}
    _require(deelnemers, dpath, "deelnemer_id", lambda v: bool(ID.match(v)), "not a valid id")
    _unique(deelnemers, dpath, ["deelnemer_id"])
    _require(deelnemers, dpath, "activiteit_id", lambda v: v in activities, "unknown activity (not in veldwerk.yml)")
    _require(deelnemers, dpath, "groep", lambda v: v in GROEPEN, f"unknown groep (use {', '.join(GROEPEN)})")
    _require(deelnemers, dpath, "methode", lambda v: v in METHODEN, f"unknown methode (use {', '.join(METHODEN)})")
    for row, rec in deelnemers.iterrows():
        act = activities[rec.activiteit_id]
        if rec.methode != act.methode:
            raise SourceError(dpath, f"methode {rec.methode!r} differs from activity {act.id!r} ({act.methode})",
                              row=int(row), column="methode")
        if act.groep is not None and rec.groep != act.groep:
            raise SourceError(dpath, f"groep {rec.groep!r} differs from activity {act.id!r} ({act.groep})",
                              row=int(row), column="groep")

    pijlers = {p.id for p in reg.kernset.pijlers if not p.context} | {OVERIG} if reg else None
    _require(codeboek, cpath, "code_id", lambda v: bool(ID.match(v)), "not a valid id")
    _unique(codeboek, cpath, ["code_id"])
    _require(codeboek, cpath, "label", bool, "empty label")
    if pijlers is not None:
        _require(codeboek, cpath, "pijler", lambda v: v in pijlers,
                 f"unknown pijler (use {', '.join(sorted(pijlers))})")
    codes = set(codeboek["code_id"])
    _require(codeboek, cpath, "ouder", lambda v: v == "" or v in codes, "unknown parent code")
    _check_no_cycles(codeboek, cpath)

    people = set(deelnemers["deelnemer_id"])
    _require(segmenten, spath, "segment_id", lambda v: bool(ID.match(v)), "not a valid id")
    _require(segmenten, spath, "deelnemer_id", lambda v: v in people, "unknown deelnemer (not in deelnemers.csv)")
    _require(segmenten, spath, "code_id", lambda v: v in codes, "unknown code (not in codeboek.csv)")
    _require(segmenten, spath, "tekst", bool, "empty text")
    _require(segmenten, spath, "publiceerbaar", lambda v: v in JA_NEE, "publiceerbaar must be 'ja' or 'nee'")
    _unique(segmenten, spath, ["segment_id", "code_id"])
    same = segmenten.groupby("segment_id")[["deelnemer_id", "tekst", "publiceerbaar"]].nunique()
    inconsistent = same[(same > 1).any(axis=1)]
    if not inconsistent.empty:
        seg = inconsistent.index[0]
        row = int(segmenten.index[segmenten["segment_id"] == seg][1])
        raise SourceError(spath, f"segment {seg!r} appears with different deelnemer, text or publiceerbaar",
                          row=row, column="segment_id")

    if veldwerk.vragenlijst is None and len(antwoorden):
        raise SourceError(apath, "answers without a 'vragenlijst' in veldwerk.yml", row=2)
    if veldwerk.vragenlijst is not None:
        items = {i.id for i in veldwerk.vragenlijst.items}
        scale = set(veldwerk.vragenlijst.schaal)
        _require(antwoorden, apath, "deelnemer_id", lambda v: v in people, "unknown deelnemer")
        _require(antwoorden, apath, "item_id", lambda v: v in items, "unknown item (not in veldwerk.yml)")
        _require(antwoorden, apath, "antwoord", lambda v: v == "" or v in scale,
                 "answer not on the scale in veldwerk.yml")
        _unique(antwoorden, apath, ["deelnemer_id", "item_id"])
        if pijlers is not None:
            for i, item in enumerate(veldwerk.vragenlijst.items):
                if item.pijler not in pijlers:
                    raise SourceError(vpath, f"unknown pijler {item.pijler!r}",
                                      column=f"vragenlijst.items[{i}].pijler")
    return Dataset(folder, veldwerk, deelnemers, codeboek, segmenten, antwoorden)


def _yaml_line(path: Path, key: str) -> int | None:
    from ..registries import _line_of

    try:
        return _line_of(yaml.compose(path.read_text(encoding="utf-8")), (key,))
    except yaml.YAMLError:
        return None


def _check_metadata(vpath: Path, veldwerk: Veldwerk, reg: Registries) -> None:
    """gemeente and meting are known, and agree with the folder <gemeente>/<meting>/ when the
    dataset lies in that layout (an import is validated in a scratch folder first)."""
    for key, lookup in (("gemeente", reg.gemeente), ("meting", reg.meting)):
        try:
            lookup(getattr(veldwerk, key))
        except KeyError as exc:
            raise SourceError(vpath, str(exc.args[0]), row=_yaml_line(vpath, key), column=key) from None
    folder = vpath.parent
    slugs = {g.slug for g in reg.gebieden.gemeenten}
    if folder.parent.name in slugs and folder.name.isdigit():
        g = reg.gemeente(veldwerk.gemeente)
        if g.slug != folder.parent.name:
            raise SourceError(vpath, f"gemeente {veldwerk.gemeente!r} does not match the folder "
                                     f"{folder.parent.name}/{folder.name}/ (expected {folder.parent.name!r})",
                              row=_yaml_line(vpath, "gemeente"), column="gemeente")
        if str(veldwerk.meting) != folder.name:
            raise SourceError(vpath, f"meting {veldwerk.meting} does not match the folder "
                                     f"{folder.parent.name}/{folder.name}/ (expected {folder.name})",
                              row=_yaml_line(vpath, "meting"), column="meting")


def check_tree(root: Path, reg: Registries) -> list[Path]:
    """Every dataset folder under ``root``, after checking that the tree holds nothing else:
    a folder that is not a known gemeente (slug) or meting (year), or a meting folder without
    a veldwerk.yml, is an error rather than something quietly left out of the book."""
    root = Path(root)
    if not root.is_dir():
        return []
    slugs = sorted(g.slug for g in reg.gebieden.gemeenten)
    jaren = sorted(str(m.jaar) for m in reg.metingen.metingen)
    folders = []
    for g in sorted(root.iterdir()):
        if g.name.startswith(".") or (g.is_file() and g.suffix.lower() in (".md", ".txt")):
            continue
        if not g.is_dir() or g.name not in slugs:
            raise SourceError(g, f"not a gemeente folder: use one of {', '.join(slugs)} "
                                 f"(data/kwalitatief/<gemeente>/<meting>/)")
        for m in sorted(g.iterdir()):
            if m.name.startswith("."):
                continue
            if not m.is_dir() or m.name not in jaren:
                raise SourceError(m, f"not a meting folder: use one of {', '.join(jaren)} "
                                     f"(data/kwalitatief/{g.name}/<meting>/)")
            if not (m / FILES["veldwerk"]).is_file():
                raise SourceError(m / FILES["veldwerk"], "file not found: every dataset folder needs a veldwerk.yml")
            folders.append(m)
    return folders


def load_fieldwork(root: Path, reg: Registries) -> list[Dataset]:
    """Every dataset under ``root``, validated, with the tree checked first (see check_tree)."""
    return [load_dataset(folder, reg) for folder in check_tree(root, reg)]


def _check_no_cycles(codeboek: pd.DataFrame, path: Path) -> None:
    parent = dict(zip(codeboek["code_id"], codeboek["ouder"]))
    for row, code in zip(codeboek.index, codeboek["code_id"]):
        seen = {code}
        p = parent[code]
        while p:
            if p in seen:
                raise SourceError(path, f"code {code!r} is its own ancestor (cycle through {p!r})", row=int(row),
                                  column="ouder")
            seen.add(p)
            p = parent.get(p, "")


def dataset_folders(root: Path) -> list[Path]:
    """Every <gemeente>/<meting>/ folder with a veldwerk.yml, sorted."""
    return sorted(p.parent for p in Path(root).glob("*/*/" + FILES["veldwerk"]))


# --- writing ---------------------------------------------------------------------------------


def _csv_text(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({c: r.get(c, "") for c in columns})
    return buf.getvalue()


def write_dataset(
    folder: Path,
    veldwerk: dict[str, Any],
    deelnemers: list[dict[str, Any]],
    codeboek: list[dict[str, Any]],
    segmenten: list[dict[str, Any]],
    antwoorden: list[dict[str, Any]] | None = None,
    *,
    header: str = "",
    reg: Registries | None = None,
) -> list[Path]:
    """Write a dataset: validated first in a scratch folder (errors name the target's files),
    then moved into ``folder`` all at once; canonical files it does not write are removed."""
    folder = Path(folder)
    texts = {FILES["veldwerk"]: header + yaml.safe_dump(veldwerk, sort_keys=False, allow_unicode=True, width=100)}
    for key, rows in (("deelnemers", deelnemers), ("codeboek", codeboek), ("segmenten", segmenten)):
        texts[FILES[key]] = _csv_text(rows, COLUMNS[key])
    if antwoorden:
        texts[FILES["antwoorden"]] = _csv_text(antwoorden, COLUMNS["antwoorden"])
    with tempfile.TemporaryDirectory(prefix="vw-dataset-") as scratch:
        for name, text in texts.items():
            (Path(scratch) / name).write_text(text, encoding="utf-8")
        try:
            load_dataset(Path(scratch), reg)
        except SourceError as exc:
            raise SourceError(folder / Path(exc.path).name, exc.message, row=exc.row, column=exc.column,
                              details=exc.details) from None
    with staged_outputs(folder) as out:
        out: OutputSet
        for name, text in texts.items():
            out.write_text(name, text)
    for name in FILES.values():
        if name not in texts:
            (folder / name).unlink(missing_ok=True)
    return [folder / n for n in texts]
