"""The fieldwork text that can reach the book, with the file, row and column it comes from.

Publishable means: segments marked ``publiceerbaar = ja``, and everything in veldwerk.yml and
codeboek.csv (titles, introductions, activity descriptions, questionnaire items, code labels
and descriptions), which pages print as they are. The same index, over *all* segments, tells
the last gate where a finding on a page came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..kwalitatief.canon import FILES, Dataset
from ..registries import _line_of, _loc_text
from .text import normalise


@dataclass(frozen=True)
class Origin:
    text: str  # normalised
    file: str
    row: int | None
    column: str
    publishable: bool

    def __str__(self) -> str:
        row = f", rij {self.row}" if self.row is not None else ""
        return f"{self.file}{row}, kolom {self.column}"


def _rel(path: Path, root: Path | None) -> str:
    path = Path(path)
    if root is not None:
        try:
            return str(path.resolve().relative_to(Path(root).resolve()))
        except ValueError:
            pass
    return str(path)


def origins(ds: Dataset, root: Path | None = None) -> list[Origin]:
    """Every text of one dataset that a page may print, and every segment (publishable or not)."""
    out: list[Origin] = []
    vpath = ds.folder / FILES["veldwerk"]
    tree = yaml.compose(vpath.read_text(encoding="utf-8"))
    vfile = _rel(vpath, root)
    v = ds.veldwerk
    fields = [(("titel",), v.titel), (("inleiding",), v.inleiding)]
    fields += [(("activiteiten", i, "omschrijving"), a.omschrijving) for i, a in enumerate(v.activiteiten)]
    if v.onvolledig:
        fields.append((("onvolledig",), v.onvolledig))
    if v.vragenlijst is not None:
        fields += [(("vragenlijst", "items", i, key), getattr(item, key)) for i, item in enumerate(v.vragenlijst.items)
                   for key in ("tekst", "thema")]
    for loc, text in fields:
        out.append(Origin(normalise(text), vfile, _line_of(tree, loc), _loc_text(loc), True))
    cfile = _rel(ds.folder / FILES["codeboek"], root)
    for line, rec in ds.codeboek.iterrows():
        out += [Origin(normalise(rec[c]), cfile, int(line), c, True) for c in ("label", "omschrijving") if rec[c]]
    sfile = _rel(ds.folder / FILES["segmenten"], root)
    for line, rec in ds.segmenten.drop_duplicates("segment_id").iterrows():
        out.append(Origin(normalise(rec["tekst"]), sfile, int(line), "tekst", rec["publiceerbaar"] == "ja"))
    return out


def source_of(text: str, index: list[Origin]) -> list[Origin]:
    """Fieldwork texts that contain ``text`` (both normalised, case-insensitive)."""
    needle = normalise(text).casefold()
    return [o for o in index if needle and needle in o.text.casefold()]
