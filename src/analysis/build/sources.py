"""Read everything in data/raw/ with the reader bronnen.yml names for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from ..errors import MissingRawDataError, SourceError
from ..fetch import RawFile, read_manifest, sha256
from ..readers import READERS, ReaderContext
from ..registries import Registries


@dataclass
class RawSources:
    observaties: pd.DataFrame  # reader observations + bestand
    namen: pd.DataFrame  # gebied_code, naam, indeling
    geometrie: list[dict[str, Any]] = field(default_factory=list)


def regio_codes(reg: Registries) -> dict[str, str]:
    """StatLine region labels -> CBS codes for the areas the monitor needs."""
    codes = {"Nederland": reg.gebieden.nederland.code}
    for g in reg.gebieden.gemeenten:
        for naam in g.statline_namen:
            codes[naam] = g.code
    return codes


def _check_manifest(reg: Registries, raw: Path, files: list[RawFile]) -> None:
    present = {f.bestand for f in files}
    absent = [b for b in reg.bronnen.bestanden if b.id not in present]
    if absent:
        lines = [f"{b.id} ({', '.join(b.paden)})" for b in absent]
        raise MissingRawDataError(
            "data/raw/ lacks these sources; fetch them (e.g. `vitale-wijken data fetch --mirror ../shared/data`):\n  "
            + "\n  ".join(lines)
        )
    for f in files:
        path = raw / f.pad
        if not path.is_file():
            raise MissingRawDataError(f"{path} is listed in {raw / 'manifest.json'} but missing; fetch again")
        if sha256(path) != f.sha256:
            raise SourceError(path, "file changed since it was fetched (SHA-256 differs from the manifest); raw "
                                    "data is immutable: fetch it again instead of editing it")


def read_raw(reg: Registries, raw: Path, log: Callable[[str], None] = lambda s: None) -> RawSources:
    raw = Path(raw)
    files = read_manifest(raw)
    _check_manifest(reg, raw, files)
    ctx = ReaderContext(regio_codes(reg))
    obs_frames, name_frames, shapes = [], [], []
    known = {b.id: b for b in reg.bronnen.bestanden}
    for f in files:
        bestand = known.get(f.bestand)
        if bestand is None:
            continue  # fetched for a source the registry no longer lists
        path = raw / f.pad
        data = READERS[bestand.formaat](path, ctx)
        obs = data.observaties.copy()
        if len(bestand.draagt) == 1:
            obs["bron_tabel"] = obs["bron_tabel"].mask(obs["bron_tabel"].eq(""), bestand.draagt[0])
        stray = sorted(set(obs["bron_tabel"]) - set(bestand.draagt))
        if stray:
            raise SourceError(path, f"carries table(s) {stray} that bronnen.yml does not list for {bestand.id}")
        obs["bestand"] = bestand.id
        obs_frames.append(obs)
        if len(data.namen):
            namen = data.namen.copy()
            if "indeling" not in namen:
                namen["indeling"] = reg.tabel(bestand.draagt[0]).indeling
            name_frames.append(namen[["gebied_code", "naam", "indeling"]])
        shapes.extend(data.geometrie)
        log(f"  read {f.pad}: {len(obs)} observations")
    return RawSources(
        observaties=pd.concat(obs_frames, ignore_index=True),
        namen=pd.concat(name_frames, ignore_index=True) if name_frames else pd.DataFrame(
            columns=["gebied_code", "naam", "indeling"]),
        geometrie=shapes,
    )
