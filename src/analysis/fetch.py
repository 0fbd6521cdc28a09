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
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import requests

from . import odata
from .errors import MissingRawDataError, VitaleWijkenError
from .io import json_text, write_text_atomic
from .registries import Registries
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
        for p in b.paden:
            dest = raw / p
            _copy_atomic(mirror / p, dest)
            files.append(RawFile(b.id, p, b.formaat, "mirror", sha256(dest)))
        log(f"  {b.id}: {len(b.paden)} file(s) copied")
    _merge(raw, files, {b.id for b in reg.bronnen.bestanden})
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


WRITERS = {"untyped-json": _untyped_json, "selectie-json": _selectie_json, "decoded-csv": _decoded_csv}


def fetch_online(
    reg: Registries,
    raw: Path,
    session: requests.Session | None = None,
    log: Callable[[str], None] = print,
) -> tuple[list[RawFile], list[Bestand]]:
    """Download every bestand with an online spec. Returns (files written, bestanden skipped)."""
    session = session or requests.Session()
    written: list[RawFile] = []
    skipped: list[Bestand] = []
    for b in reg.bronnen.bestanden:
        if b.online is None:
            skipped.append(b)
            log(f"  {b.id}: no open-data API — {b.offline_reden.strip()}")
            continue
        # Download every part before touching data/raw, so a failure leaves the files and the
        # manifest of this bestand as they were.
        texts = [(deel.pad, WRITERS[b.online.uitvoer](session, b.online, deel)) for deel in b.online.delen]
        files = []
        for pad, text in texts:
            dest = raw / pad
            write_text_atomic(dest, text)
            files.append(RawFile(b.id, pad, b.formaat, "online", sha256(dest)))
        _merge(raw, files, {b.id})
        written.extend(files)
        log(f"  {b.id}: {len(files)} file(s) downloaded from {b.online.catalogus}")
    return written, skipped
