"""Where things live. Everything is relative to the project root, overridable for tests."""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The repository root: the folder holding pyproject.toml and data/."""
    env = os.environ.get("VITALE_WIJKEN_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "data").is_dir():
            return parent
    return Path.cwd()


def data_dir() -> Path:
    return project_root() / "data"


def raw_dir() -> Path:
    return data_dir() / "raw"


def processed_dir() -> Path:
    """The committed tables; VITALE_WIJKEN_PROCESSED points notebooks at another copy."""
    env = os.environ.get("VITALE_WIJKEN_PROCESSED")
    return Path(env).resolve() if env else data_dir() / "processed"


def default_mirror() -> Path:
    """The read-only source mirror beside the repository (../shared/data)."""
    env = os.environ.get("VITALE_WIJKEN_MIRROR")
    if env:
        return Path(env).resolve()
    return (project_root().parent / "shared" / "data").resolve()


def kwalitatief_dir() -> Path:
    """Coded fieldwork in the canonical format; VITALE_WIJKEN_KWALITATIEF points elsewhere."""
    env = os.environ.get("VITALE_WIJKEN_KWALITATIEF")
    return Path(env).resolve() if env else data_dir() / "kwalitatief"
