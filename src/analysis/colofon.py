"""The colophon at the foot of every page: who makes the book, when it was built, which version
of the code and which data release it shows, whom to ask and under which licence.

``colophon(reg, root)`` is computed once per Sphinx run by ``analysis.sphinx_ext`` and rendered by
``book/_templates/colofon.html`` in the theme's footer, so no page source carries it and a book
whose sources did not change is not rebuilt for it. The contact line and licence come from
``data/colofon.yml``; the data release from ``metingen.yml``/``bronnen.yml`` and a digest of
``data/processed/``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .format import MAANDEN, nl_list
from .paths import processed_dir
from .registries import Registries, load_yaml_model

COLOFON = "colofon.yml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Link(_Strict):
    tekst: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")


class Licentie(_Strict):
    naam: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")
    wat: str = Field(min_length=1)


class ColofonRegister(_Strict):
    makers: str = Field(min_length=1)
    contact: Link
    licentie: Licentie


def load_colofon(reg: Registries) -> ColofonRegister:
    return load_yaml_model(reg.folder / COLOFON, ColofonRegister)


def git_version(root: Path) -> str:
    """``git describe --always --dirty`` of the project; without git (or outside a clone), the
    package version with a note saying so."""
    try:
        out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=root, capture_output=True,
                             text=True, timeout=20, check=True)
        if out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{version('vitale-wijken')} (zonder git)"
    except PackageNotFoundError:
        return "onbekend (zonder git)"


def build_date() -> date:
    """Today, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def nl_date(d: date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def newest_peiljaren(reg: Registries) -> dict[str, int]:
    """Publisher -> the newest peiljaar any meting takes from it (in order of first appearance)."""
    out: dict[str, int] = {}
    for m in reg.metingen.metingen:
        for tabel, jaar in m.peiljaren.items():
            uitgever = reg.bronnen.tabellen[tabel].uitgever
            out[uitgever] = max(jaar, out.get(uitgever, jaar))
    return out


def data_digest(folder: Path | None = None) -> str:
    """Eight hex digits identifying the processed tables the book was built from."""
    folder = folder or processed_dir()
    h = hashlib.sha256()
    for p in sorted(folder.iterdir()):
        if p.is_file() and not p.name.startswith("."):
            h.update(p.name.encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:8]


def source_licences(reg: Registries) -> str:
    """'CBS, RIVM en Politie (CC BY 4.0); Ministerie van BZK (CC0)'."""
    by_licence: dict[str, list[str]] = {}
    for t in reg.bronnen.tabellen.values():
        names = by_licence.setdefault(t.licentie, [])
        if t.uitgever not in names:
            names.append(t.uitgever)
    return "; ".join(f"{nl_list(names)} ({lic})" for lic, names in by_licence.items())


def colophon(reg: Registries, root: Path) -> dict[str, str]:
    """The colophon's fields as plain strings (a Sphinx config value: a change rewrites every page)."""
    c = load_colofon(reg)
    newest = newest_peiljaren(reg)
    jaren = ", ".join(f"{u} {j}" for u, j in newest.items())
    return {
        "makers": c.makers,
        "datum": nl_date(build_date()),
        "versie": git_version(root),
        "gegevens": f"peiljaren tot en met {max(newest.values())} ({jaren}); gegevensversie {data_digest()}",
        "contact": c.contact.tekst,
        "contact_url": c.contact.url,
        "licentie": c.licentie.naam,
        "licentie_url": c.licentie.url,
        "licentie_wat": c.licentie.wat,
        "bronnen": source_licences(reg),
    }
