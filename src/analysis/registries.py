"""Load and cross-check the registries in data/*.yml.

Errors name the file, the YAML line and the key path, e.g.
``file data/kernset.yml, row 57, column 'indicatoren[3].richting': ...``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import RegistryError
from .paths import data_dir
from .registry_models import (
    Bestand,
    Bronnen,
    Focusgebied,
    Gebieden,
    Gemeente,
    Indicator,
    Kernset,
    Meting,
    Metingen,
    Pijler,
    Tabel,
)

M = TypeVar("M", bound=BaseModel)

REGISTRY_FILES = {
    "gebieden": "gebieden.yml",
    "metingen": "metingen.yml",
    "kernset": "kernset.yml",
    "bronnen": "bronnen.yml",
}


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Follow a pydantic error location through the composed YAML tree to a line number."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(key)), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _loc_text(loc: tuple[Any, ...]) -> str:
    text = ""
    for key in loc:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text or "<top>"


# libyaml's parser where PyYAML was built with it (PyPI wheels are): the registries are read on
# every build, and the pure-Python parser spends ≈ 1 s on them.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_model(path: Path, model: type[M]) -> M:
    """Parse ``path`` and validate it as ``model``; raise RegistryError with line and key."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegistryError(path, "registry file not found") from None
    except UnicodeDecodeError as exc:
        line = text_line_of_offset(path.read_bytes(), exc.start)
        raise RegistryError(path, "not valid UTF-8", row=line) from None
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RegistryError(
            path, f"invalid YAML: {getattr(exc, 'problem', exc)}",
            row=mark.line + 1 if mark else None,
        ) from None
    if not isinstance(data, dict):
        raise RegistryError(path, "expected a mapping at the top level", row=1)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        tree = yaml.compose(text)  # line numbers, only when there is an error to place
        errors = exc.errors()
        first = errors[0]
        details = [
            f"line {_line_of(tree, e['loc'])}, {_loc_text(e['loc'])}: {e['msg']}" for e in errors[1:10]
        ]
        raise RegistryError(
            path,
            first["msg"],
            row=_line_of(tree, first["loc"]),
            column=_loc_text(first["loc"]),
            details=details,
        ) from None


def text_line_of_offset(raw: bytes, offset: int) -> int:
    return raw[:offset].count(b"\n") + 1


@dataclass(frozen=True)
class Registries:
    """The four registries, cross-checked, with the lookups the rest of the code needs."""

    gebieden: Gebieden
    metingen: Metingen
    kernset: Kernset
    bronnen: Bronnen
    folder: Path

    # -- gebieden
    def gemeente(self, key: str) -> Gemeente:
        """A gemeente by CBS code, slug or name (case-insensitive)."""
        k = key.strip().lower()
        for g in self.gebieden.gemeenten:
            if k in (g.code.lower(), g.slug, g.naam.lower()):
                return g
        known = ", ".join(g.slug for g in self.gebieden.gemeenten)
        raise KeyError(f"unknown gemeente {key!r}; known: {known}")

    def focusgebied(self, slug: str) -> Focusgebied:
        for f in self.gebieden.focusgebieden:
            if f.slug == slug:
                return f
        known = ", ".join(f.slug for f in self.gebieden.focusgebieden)
        raise KeyError(f"unknown focusgebied {slug!r}; known: {known}")

    @property
    def gemeente_codes(self) -> list[str]:
        return [g.code for g in self.gebieden.gemeenten]

    # -- metingen
    def meting(self, jaar: int | str) -> Meting:
        for m in self.metingen.metingen:
            if m.jaar == int(jaar):
                return m
        known = ", ".join(str(m.jaar) for m in self.metingen.metingen)
        raise KeyError(f"unknown meting {jaar!r}; known: {known}")

    @property
    def nulmeting(self) -> Meting:
        return self.metingen.metingen[0]

    def meting_of(self, tabel: str, peiljaar: int) -> int | None:
        """The meting a (table, peiljaar) feeds, or None for trend years."""
        for m in self.metingen.metingen:
            if m.peiljaren.get(tabel) == peiljaar:
                return m.jaar
        return None

    # -- kernset
    def indicator(self, ind_id: str) -> Indicator:
        for ind in self.kernset.indicatoren:
            if ind.id == ind_id:
                return ind
        raise KeyError(f"unknown indicator {ind_id!r}")

    def pijler(self, pijler_id: str) -> Pijler:
        for p in self.kernset.pijlers:
            if p.id == pijler_id:
                return p
        raise KeyError(f"unknown pijler {pijler_id!r}")

    def indicatoren_van(self, pijler_id: str) -> list[Indicator]:
        return [i for i in self.kernset.indicatoren if i.pijler == pijler_id]

    # -- bronnen
    def tabel(self, tabel_id: str) -> Tabel:
        return self.bronnen.tabellen[tabel_id]

    def bestand(self, bestand_id: str) -> Bestand:
        for b in self.bronnen.bestanden:
            if b.id == bestand_id:
                return b
        raise KeyError(f"unknown bestand {bestand_id!r}")


def cross_error(path: Path, loc: tuple[Any, ...], message: str) -> RegistryError:
    tree = yaml.compose(path.read_text(encoding="utf-8"))
    return RegistryError(path, message, row=_line_of(tree, loc), column=_loc_text(loc))


def _cross_check(reg: Registries, check_readers: bool = True) -> None:
    tabellen = reg.bronnen.tabellen
    kernset_path = reg.folder / REGISTRY_FILES["kernset"]

    def bron_loc(i: int, j: int, key: str) -> tuple:
        """Where bron j of indicator i is written: one spec may stand for a list of tables. The
        file is read again only to place an error."""
        raw = yaml.load(kernset_path.read_text(encoding="utf-8"), Loader=_LOADER)
        positions = []
        for k, spec in enumerate(raw["indicatoren"][i].get("bronnen") or []):
            n = len(spec["tabel"]) if isinstance(spec, dict) and isinstance(spec.get("tabel"), list) else 1
            positions.extend([k] * n)
        return ("indicatoren", i, "bronnen", positions[j] if j < len(positions) else j, key)

    for i, ind in enumerate(reg.kernset.indicatoren):
        for j, bron in enumerate(ind.bronnen):
            for tabel in {bron.tabel, bron.noemer_tabel}:
                if tabel not in tabellen:
                    raise cross_error(kernset_path, bron_loc(i, j, "tabel"), f"unknown tabel {tabel!r} (not in bronnen.yml)")
            carriers = [b for b in reg.bronnen.bestanden if bron.tabel in b.draagt]
            if not carriers:
                raise cross_error(kernset_path, bron_loc(i, j, "tabel"),
                                  f"no bestand in bronnen.yml carries tabel {bron.tabel!r}")
            columns = [c for c in (bron.kolom, bron.teller, bron.gewicht) if c]
            if bron.noemer_indicator is None and bron.noemer_tabel == bron.tabel:
                columns += bron.noemer_kolommen
            declared = {c for b in carriers for c in reg.bronnen.kolommen_van(b)}
            for col in columns:
                if col not in declared:
                    raise cross_error(
                        kernset_path, bron_loc(i, j, "kolom"),
                        f"column {col!r} of tabel {bron.tabel} is not declared by any bestand that carries it "
                        f"({', '.join(b.id for b in carriers)}): a typo, or add it to their `kolommen` in bronnen.yml")
    metingen_path = reg.folder / REGISTRY_FILES["metingen"]
    for i, m in enumerate(reg.metingen.metingen):
        for key in ("peiljaren", "hiaten"):
            for tabel in getattr(m, key):
                if tabel not in tabellen:
                    raise cross_error(metingen_path, ("metingen", i, key, tabel),
                                       f"unknown tabel {tabel!r} (not in bronnen.yml)")
        for tabel, peiljaar in m.peiljaren.items():
            t = tabellen[tabel]
            published = [t.peiljaar] if t.peiljaar is not None else t.peiljaren
            if published and peiljaar not in published:
                raise cross_error(metingen_path, ("metingen", i, "peiljaren", tabel),
                                  f"table {tabel} has no peiljaar {peiljaar} (bronnen.yml: "
                                  f"{', '.join(map(str, published))})")
    for tabel in reg.metingen.onvolledig:
        if tabel not in tabellen:
            raise cross_error(metingen_path, ("onvolledig", tabel), f"unknown tabel {tabel!r}")
    if not check_readers:
        return
    from .readers import READERS  # local import: readers do not depend on registries

    bronnen_path = reg.folder / REGISTRY_FILES["bronnen"]
    for i, b in enumerate(reg.bronnen.bestanden):
        if b.formaat not in READERS:
            raise cross_error(
                bronnen_path, ("bestanden", i, "formaat"),
                f"unknown formaat {b.formaat!r}; readers exist for: {', '.join(sorted(READERS))}",
            )


def load_registries(folder: Path | None = None, *, check_readers: bool = True) -> Registries:
    """Load all four registries from ``folder`` (default: data/) and cross-check them.

    ``check_readers=False`` skips the check that a reader exists for every file format: pages
    never read raw files, and importing the readers would load the whole data pipeline."""
    folder = Path(folder) if folder is not None else data_dir()
    reg = Registries(
        gebieden=load_yaml_model(folder / REGISTRY_FILES["gebieden"], Gebieden),
        metingen=load_yaml_model(folder / REGISTRY_FILES["metingen"], Metingen),
        kernset=load_yaml_model(folder / REGISTRY_FILES["kernset"], Kernset),
        bronnen=load_yaml_model(folder / REGISTRY_FILES["bronnen"], Bronnen),
        folder=folder,
    )
    _cross_check(reg, check_readers)
    return reg


@lru_cache(maxsize=4)
def registries(folder: str | None = None) -> Registries:
    """Cached registries for notebooks and the book; tests call load_registries directly."""
    return load_registries(Path(folder) if folder else None, check_readers=False)
