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
    # A table only the publisher's API has (no mirror path) may be absent: the build then
    # reports it as not fetched. A mirror file that is absent is an error.
    absent = [b for b in reg.bronnen.bestanden if b.id not in present and b.paden]
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


def _check_edition(reg: Registries, path: Path, obs: pd.DataFrame) -> None:
    """A yearly edition (Kerncijfers 2023) must hold that year only: a file that says it is
    about another year (in its own title, sheet or period) is refused."""
    for tabel, years in obs.groupby("bron_tabel")["peiljaar"]:
        expected = reg.tabel(tabel).peiljaar
        other = sorted(set(years) - {expected}) if expected is not None else []
        if other:
            raise SourceError(path, f"the file's own content (title, sheet or period) says peiljaar {other[0]}, but "
                                    f"table {tabel} ({reg.tabel(tabel).titel.split(';')[0]}) in bronnen.yml is the "
                                    f"edition of {expected}: a file of another edition saved under this name?",
                              column="peiljaar")


def kernset_columns(reg: Registries) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(tabel, kolom) pairs that feed the kernset, and those of them that are percentages."""
    used: set[tuple[str, str]] = set()
    percent: set[tuple[str, str]] = set()
    for ind in reg.kernset.indicatoren:
        for b in ind.bronnen:
            for col in (b.kolom, b.teller, b.gewicht):
                if col:
                    used.add((b.tabel, col))
            if b.noemer_indicator is None:
                used.update((b.noemer_tabel, c) for c in b.noemer_kolommen)
            if b.kolom and ind.eenheid == "procent":
                percent.add((b.tabel, b.kolom))
    return used, percent


def check_values(reg: Registries, path: Path, obs: pd.DataFrame) -> None:
    """Values that feed the kernset must fit its table (no negative figure, a percentage in
    0-100, an interval around its estimate): checked here, per file, so that the error names
    the source cell instead of surfacing as a schema failure of the output table."""
    used, percent = kernset_columns(reg)
    pairs = pd.Series(list(zip(obs["bron_tabel"], obs["kolom"])), index=obs.index)
    feeds = pairs.isin(used)
    v, lo, hi = (pd.to_numeric(obs[c], errors="coerce") for c in ("waarde", "ondergrens", "bovengrens"))
    problems = [
        (feeds & (v < 0), "negative value {v!r}: the kernset needs a figure of at least 0"),
        (pairs.isin(percent) & ((v < 0) | (v > 100)), "percentage {v!r} outside 0-100"),
        (feeds & ((lo < 0) | (hi < 0)), "negative interval bound ({lo!r} - {hi!r})"),
        (feeds & ((lo > v + 1e-9) | (hi < v - 1e-9)), "interval {lo!r} - {hi!r} does not contain the estimate {v!r}"),
    ]
    for mask, text in problems:
        mask = mask.fillna(False)
        if mask.any():
            rec = obs[mask].iloc[0]
            values = {"v": _plain(rec["waarde"]), "lo": _plain(rec["ondergrens"]), "hi": _plain(rec["bovengrens"])}
            more = int(mask.sum()) - 1
            row = str(rec["bron_rij"])
            raise SourceError(path, text.format(**values) + (f" ({more} more such cells)" if more else ""),
                              row=int(row) if row.isdigit() else row, column=str(rec["kolom"]))


def _plain(value: object) -> object:
    return value.item() if hasattr(value, "item") else value


def check_columns(reg: Registries, obs: pd.DataFrame, read_ids: set[str], paths: dict[str, Path]) -> None:
    """Every column a bestand that was read must carry (bronnen.yml `kolommen`) is in its files."""
    for b in reg.bronnen.bestanden:
        if b.id not in read_ids:
            continue
        have = set(obs.loc[obs["bestand"] == b.id, "kolom"])
        missing = [k for k in reg.bronnen.kolommen_van(b) if k not in have]
        if missing:
            files = sorted(str(p) for i, p in paths.items() if i == b.id) or b.paden
            raise SourceError(", ".join(files), f"table {'/'.join(b.draagt)}: column {missing[0]!r} is missing "
                                                f"(renamed or dropped?); bronnen.yml says bestand {b.id} carries it",
                              column=missing[0], details=[f"also missing: {m}" for m in missing[1:10]])


def check_peiljaren(reg: Registries, obs: pd.DataFrame, read_ids: set[str]) -> None:
    """A peiljaar metingen.yml uses must have data when every carrier of its table was read."""
    for m in reg.metingen.metingen:
        for tabel, peiljaar in m.peiljaren.items():
            carriers = [b for b in reg.bronnen.bestanden if tabel in b.draagt]
            if not carriers or any(b.id not in read_ids for b in carriers):
                continue  # some carrier was not fetched: a gap the coverage report names
            has = ((obs["bron_tabel"] == tabel) & (obs["peiljaar"] == peiljaar)).any()
            if not has:
                years = sorted(set(obs.loc[obs["bron_tabel"] == tabel, "peiljaar"]))
                raise SourceError(reg.folder / "metingen.yml",
                                  f"meting {m.jaar} uses peiljaar {peiljaar} of table {tabel}, but the files "
                                  f"({', '.join(b.id for b in carriers)}) have no data for it; they have: "
                                  f"{', '.join(map(str, years)) or 'nothing'}", column=f"metingen.{m.jaar}.{tabel}")


def read_raw(reg: Registries, raw: Path, log: Callable[[str], None] = lambda s: None) -> RawSources:
    raw = Path(raw)
    files = read_manifest(raw)
    _check_manifest(reg, raw, files)
    codes = regio_codes(reg)
    obs_frames, name_frames, shapes = [], [], []
    known = {b.id: b for b in reg.bronnen.bestanden}
    for f in files:
        bestand = known.get(f.bestand)
        if bestand is None:
            continue  # fetched for a source the registry no longer lists
        path = raw / f.pad
        ctx = ReaderContext(codes, opties=bestand.opties, locale=bestand.locale)
        data = READERS[bestand.formaat](path, ctx)
        obs = data.observaties.copy()
        if len(bestand.draagt) == 1:
            obs["bron_tabel"] = obs["bron_tabel"].mask(obs["bron_tabel"].eq(""), bestand.draagt[0])
        stray = sorted(set(obs["bron_tabel"]) - set(bestand.draagt))
        if stray:
            raise SourceError(path, f"carries table(s) {stray} that bronnen.yml does not list for {bestand.id}")
        _check_edition(reg, path, obs)
        check_values(reg, path, obs)
        obs["bestand"] = bestand.id
        obs_frames.append(obs)
        if len(data.namen):
            namen = data.namen.copy()
            if "indeling" not in namen:
                namen["indeling"] = reg.tabel(bestand.draagt[0]).indeling
            name_frames.append(namen[["gebied_code", "naam", "indeling"]])
        shapes.extend(data.geometrie)
        log(f"  read {f.pad}: {len(obs)} observations")
    observaties = pd.concat(obs_frames, ignore_index=True)
    read_ids = {f.bestand for f in files if f.bestand in known}
    check_columns(reg, observaties, read_ids, {f.bestand: raw / f.pad for f in files})
    check_peiljaren(reg, observaties, read_ids)
    return RawSources(
        observaties=observaties,
        namen=pd.concat(name_frames, ignore_index=True) if name_frames else pd.DataFrame(
            columns=["gebied_code", "naam", "indeling"]),
        geometrie=shapes,
    )
