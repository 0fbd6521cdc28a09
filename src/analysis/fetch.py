"""``vitale-wijken data fetch``: fill the git-ignored data/raw/ with the source files.

Two ways in, one layout out (the layout of the mirror, ../shared/data):

* from a local mirror: copy every file bronnen.yml lists;
* online: download each table that has an ``online`` spec from the publisher's OData API
  and write it in a format its reader knows. Files without an API are reported with the
  reason and where to get them.

``data/raw/manifest.json`` records every file, its reader format, where it came from and
its SHA-256, so that ``data build`` knows what it is reading.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import requests

from . import odata
from .errors import MissingRawDataError, VitaleWijkenError
from .io import json_text, write_text_atomic
from .registries import Registries
from .readers._common import column_name
from .registry_models import Bestand, Online, OnlineDeel

MANIFEST = "manifest.json"


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class RawFile:
    bestand: str
    pad: str
    formaat: str
    herkomst: str
    sha256: str


def read_manifest(raw: Path) -> list[RawFile]:
    path = raw / MANIFEST
    if not path.exists():
        raise MissingRawDataError(
            f"{path} not found: run `vitale-wijken data fetch --mirror ../shared/data` (or `data fetch` online) first"
        )
    doc = json.loads(path.read_text(encoding="utf-8"))
    return [RawFile(**entry) for entry in doc["bestanden"]]


def write_manifest(raw: Path, files: list[RawFile]) -> None:
    by_pad = {f.pad: f for f in files}
    entries = [vars(by_pad[p]) for p in sorted(by_pad)]
    write_text_atomic(raw / MANIFEST, json_text({"bestanden": entries}))


def _merge(raw: Path, new: list[RawFile], replaced_bestanden: set[str]) -> None:
    try:
        old = [f for f in read_manifest(raw) if f.bestand not in replaced_bestanden]
    except MissingRawDataError:
        old = []
    write_manifest(raw, old + new)


def _copy_atomic(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part")
    shutil.copyfile(src, tmp)
    tmp.replace(dest)


def fetch_from_mirror(reg: Registries, mirror: Path, raw: Path, log: Callable[[str], None] = print) -> list[RawFile]:
    mirror = Path(mirror)
    missing = [f"{b.id}: {p}" for b in reg.bronnen.bestanden for p in b.paden if not (mirror / p).is_file()]
    if missing:
        raise VitaleWijkenError(f"mirror {mirror} lacks {len(missing)} file(s):\n  " + "\n  ".join(missing))
    files = []
    for b in reg.bronnen.bestanden:
        if not b.paden:
            log(f"  {b.id}: not in the mirror; online only (`vitale-wijken data fetch`)")
            continue
        for p in b.paden:
            dest = raw / p
            _copy_atomic(mirror / p, dest)
            files.append(RawFile(b.id, p, b.formaat, "mirror", sha256(dest)))
        log(f"  {b.id}: {len(b.paden)} file(s) copied")
    _merge(raw, files, {b.id for b in reg.bronnen.bestanden if b.paden})
    return files


# --- online --------------------------------------------------------------------------------


def _rows(session: requests.Session, spec: Online, deel: OnlineDeel, filter: str | None = None) -> list[dict]:
    data = odata.rows(session, spec.catalogus, spec.tabel, filter=filter or deel.filter, select=deel.select)
    if not data:
        raise odata.ODataError(f"{spec.tabel}: the query for {deel.pad} returned no rows")
    return data


def _untyped_json(session: requests.Session, spec: Online, deel: OnlineDeel) -> str:
    data = _rows(session, spec, deel)
    return json_text({"tabel": spec.tabel, "filter": deel.filter, "value": data})


def _selectie_json(session: requests.Session, spec: Online, deel: OnlineDeel) -> str:
    key = spec.sleutel or "WijkenEnBuurten"
    data = _rows(session, spec, deel)
    out: dict[str, dict[str, Any]] = {}
    for rec in data:
        code = str(rec[key]).strip()
        out[code] = {k: _untyped_number(v) for k, v in rec.items() if k not in (key, "ID")}
    return json.dumps(out, ensure_ascii=False, sort_keys=True) + "\n"


def _untyped_number(v: Any) -> float | int | None:
    text = str(v).strip() if v is not None else ""
    if text in ("", "."):
        return None
    num = float(text)
    return int(num) if num.is_integer() else num


def _decoded_csv(session: requests.Session, spec: Online, deel: OnlineDeel) -> str:
    dims = odata.dimensions(session, spec.catalogus, spec.tabel)
    labels = {d: odata.titles(session, spec.catalogus, spec.tabel, d) for d in dims}
    clauses = [deel.filter] if deel.filter else []
    for dim, title in (deel.dimensies or {}).items():
        key = next((k for k, t in labels.get(dim, {}).items() if t == title), None)
        if key is None:
            raise odata.ODataError(f"{spec.tabel}: dimension {dim} has no category titled {title!r}")
        clauses.append(f"{dim} eq '{key}'")
    data = _rows(session, spec, deel, filter=" and ".join(f"({c})" for c in clauses) or None)
    columns = [c for c in data[0] if c != "ID"]
    stripped = {d: {k.strip(): t for k, t in labels[d].items()} for d in labels}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for rec in data:
        writer.writerow([labels[c].get(str(rec[c]), stripped[c].get(str(rec[c]).strip(), str(rec[c]).strip()))
                         if c in labels else str(rec[c] if rec[c] is not None else "").strip() for c in columns])
    return buf.getvalue()


def _region_clause(reg: Registries | None, spec: Online, deel: OnlineDeel) -> str | None:
    """The filter on the region dimension: the monitor's gemeenten with their wijken and
    buurten, and Nederland (``NL00`` in the Kerncijfers, ``NL01`` elsewhere)."""
    if deel.gebieden is None or reg is None:
        return None
    col = spec.regio
    if deel.gebieden == "wijken":
        return f"startswith({col},'WK')"
    parts = [f"startswith({col},'NL0')"]
    for g in reg.gebieden.gemeenten:
        digits = g.code[2:]
        parts += [f"startswith({col},'{p}{digits}')" for p in ("GM", "WK", "BU")]
    return " or ".join(parts)


def resolve_topics(spec: Online, props: list[dict[str, Any]], request: str) -> dict[str, dict[str, Any]]:
    """Registry topic names -> the key, title, unit and decimals this edition uses."""
    topics = {str(p["Key"]): p for p in props if p.get("Type") == "Topic"}
    by_name: dict[str, list[str]] = {}
    for key in topics:
        by_name.setdefault(column_name(key), []).append(key)
    out = {}
    for name, alternatives in (spec.onderwerpen or {}).items():
        found = [k for n in [name, *alternatives] for k in by_name.get(n, [])]
        if len(found) != 1:
            similar = sorted(k for k in topics if name[:6].lower() in k.lower())[:8]
            problem = "has no column" if not found else f"has several columns ({', '.join(found)}) for"
            raise odata.ODataError(
                f"{spec.tabel}: {request} {problem} {name!r}"
                + (f" (also tried {', '.join(alternatives)})" if alternatives else "")
                + (f"; similar keys: {', '.join(similar)}" if similar else "")
                + ". The table changed: update onderwerpen in bronnen.yml.")
        p = topics[found[0]]
        out[name] = {"key": found[0], "titel": str(p.get("Title", "")).strip(), "eenheid": str(p.get("Unit", "")).strip(),
                     "decimalen": p.get("Decimals")}
    return out


def _statline_json(session: requests.Session, spec: Online, deel: OnlineDeel, reg: Registries | None = None,
                   log: Callable[[str], None] = print) -> str:
    base = spec.catalogus.rstrip("/")
    props = odata.rows(session, base, spec.tabel, "DataProperties")
    topics = resolve_topics(spec, props, f"{base}/{spec.tabel}/DataProperties")
    infos = odata.rows(session, base, spec.tabel, "TableInfos")
    titel = str(infos[0].get("Title", "")).strip() if infos else ""
    dims = [str(p["Key"]) for p in props if str(p.get("Type", "")).endswith("Dimension")]
    lists = {d: odata.rows(session, base, spec.tabel, d) for d in spec.dimensielijsten}
    clauses = [c for c in (deel.filter, _region_clause(reg, spec, deel)) if c]
    for dim, title in (deel.dimensies or {}).items():
        cats = odata.rows(session, base, spec.tabel, dim)
        key = next((str(c["Key"]) for c in cats if str(c.get("Title", "")).strip() == title), None)
        if key is None:
            raise odata.ODataError(f"{spec.tabel}: dimension {dim} has no category titled {title!r} "
                                   f"(titles: {', '.join(sorted(str(c.get('Title', '')).strip() for c in cats)[:10])})")
        clauses.append(f"{dim} eq '{key}'")
    flt = " and ".join(f"({c})" for c in clauses) or None
    select = [*dims, *(t["key"] for t in topics.values())]
    request = f"{base}/{spec.tabel}/{spec.dataset}?$filter={flt or ''}"
    data = odata.rows(session, base, spec.tabel, spec.dataset, filter=flt, select=select,
                      progress=lambda n: log(f"    {spec.tabel} {deel.pad}: {n:,} rows"))
    if not data:
        raise odata.ODataError(f"{spec.tabel}: {request} returned no rows ('value' is empty)")
    missing = [t["key"] for t in topics.values() if t["key"] not in data[0]]
    if missing:
        raise odata.ODataError(f"{spec.tabel}: {request}: the rows lack column {missing[0]!r} that DataProperties lists")
    doc = {"tabel": spec.tabel, "titel": titel, "catalogus": base, "dataset": spec.dataset, "verzoek": request,
           "regio": spec.regio, "onderwerpen": topics, "dimensies": lists, "value": data}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def _download(session: requests.Session, spec: Online, deel: OnlineDeel, reg: Registries | None = None,
              log: Callable[[str], None] = print) -> str:
    url = f"{spec.catalogus.rstrip('/')}/{Path(deel.pad).name}"
    try:
        resp = session.get(url, timeout=odata.TIMEOUT_S)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise odata.ODataError(f"{spec.tabel}: GET {url} failed: {exc}") from exc
    text = resp.content.decode("utf-8-sig", errors="strict")
    if not text.strip():
        raise odata.ODataError(f"{spec.tabel}: GET {url} returned an empty file")
    return text


WRITERS = {"untyped-json": _untyped_json, "selectie-json": _selectie_json, "decoded-csv": _decoded_csv,
           "statline-json": _statline_json, "download": _download}
NEEDS_REGISTRY = {"statline-json", "download"}


@dataclass
class TableSummary:
    bestand: str
    tabel: str
    status: str  # opgehaald / overgeslagen / niet gepubliceerd / geen API
    files: int = 0
    rows: int = 0
    periods: tuple[str, ...] = ()
    areas: int = 0
    note: str = ""

    def line(self) -> str:
        if self.status != "opgehaald":
            return f"  {self.bestand} ({self.tabel}): {self.status}{': ' + self.note if self.note else ''}"
        periods = f"{self.periods[0]}..{self.periods[-1]}" if len(self.periods) > 1 else "".join(self.periods)
        return (f"  {self.bestand} ({self.tabel}): {self.files} file(s), {self.rows:,} rows, periods {periods or '-'}, "
                f"{self.areas} areas{'; ' + self.note if self.note else ''}")


def _describe(text: str) -> tuple[int, set[str], set[str]]:
    try:
        doc = json.loads(text)
    except ValueError:
        return len(text.splitlines()) - 1, set(), set()
    recs = doc.get("value", []) if isinstance(doc, dict) else []
    periods = {str(r.get("Perioden", "")).strip()[:4] for r in recs if r.get("Perioden")}
    if not periods and isinstance(doc, dict) and doc.get("titel"):
        periods = set(re.findall(r"\b20\d{2}\b", doc["titel"])[:1])
    areas = {str(r.get("WijkenEnBuurten", "")).strip() for r in recs if r.get("WijkenEnBuurten")}
    return len(recs), periods, areas


def partial_dir(raw: Path) -> Path:
    """Where parts of an unfinished online fetch wait (beside data/raw, so data/raw only ever
    holds complete bestanden); a later fetch resumes from them."""
    return Path(raw).with_name(Path(raw).name + ".partial")


def fetch_online(
    reg: Registries,
    raw: Path,
    session: requests.Session | None = None,
    log: Callable[[str], None] = print,
    only: set[str] | None = None,
) -> tuple[list[RawFile], list[Bestand]]:
    """Download every bestand with an online spec (or those in ``only``). Returns (files
    written, bestanden skipped). Each part is kept in a staging folder as soon as it is
    complete, so an interrupted fetch resumes where it stopped; a bestand is moved into
    data/raw only when all its parts are complete."""
    session = session or odata.session()
    written: list[RawFile] = []
    skipped: list[Bestand] = []
    summaries: list[TableSummary] = []
    stage_root = partial_dir(raw)
    for b in reg.bronnen.bestanden:
        if only is not None and b.id not in only:
            continue
        if b.online is None:
            skipped.append(b)
            log(f"  {b.id}: no open-data API — {b.offline_reden.strip()}")
            summaries.append(TableSummary(b.id, "/".join(b.draagt), "geen API", note="alleen via de mirror"))
            continue
        stage = stage_root / b.id
        texts: list[tuple[str, str]] = []
        try:
            for n, deel in enumerate(b.online.delen, start=1):
                staged = stage / deel.pad
                if staged.is_file():
                    log(f"  {b.id} [{n}/{len(b.online.delen)}] {deel.pad}: resumed from an earlier fetch")
                    texts.append((deel.pad, staged.read_text(encoding="utf-8")))
                    continue
                log(f"  {b.id} [{n}/{len(b.online.delen)}] {deel.pad}: downloading")
                writer = WRITERS[b.online.uitvoer]
                if b.online.uitvoer in NEEDS_REGISTRY:
                    text = writer(session, b.online, deel, reg, log)
                else:
                    text = writer(session, b.online, deel)
                write_text_atomic(staged, text)
                texts.append((deel.pad, text))
        except odata.NotPublished as exc:
            if not b.optioneel:
                raise
            skipped.append(b)
            log(f"  {b.id}: not published (yet) — skipped ({exc})")
            summaries.append(TableSummary(b.id, b.online.tabel, "niet gepubliceerd"))
            continue
        files = []
        n_rows, periods, areas = 0, set(), set()
        for pad, text in texts:
            dest = raw / pad
            write_text_atomic(dest, text)
            files.append(RawFile(b.id, pad, b.formaat, "online", sha256(dest)))
            r, pe, ar = _describe(text)
            n_rows, periods, areas = n_rows + r, periods | pe, areas | ar
        _merge(raw, files, {b.id})
        shutil.rmtree(stage, ignore_errors=True)
        written.extend(files)
        log(f"  {b.id}: {len(files)} file(s) downloaded from {b.online.catalogus}")
        summaries.append(TableSummary(b.id, b.online.tabel, "opgehaald", len(files), n_rows, tuple(sorted(periods)),
                                      len(areas)))
    if stage_root.is_dir() and not any(stage_root.iterdir()):
        stage_root.rmdir()
    log("fetch summary per table:")
    for sm in summaries:
        log(sm.line())
    return written, skipped
