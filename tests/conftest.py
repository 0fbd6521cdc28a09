"""Shared fixtures. Tests that need ../shared/data (the source mirror) or a browser skip
with a reason on a user's machine without them, and fail loudly in CI (CI=true)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis.paths import default_mirror, project_root
from analysis.registries import load_registries

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(condition: bool, reason: str) -> None:
    """Skip (on a user's machine) or fail (in CI) when a test's precondition is missing."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this, but: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def root() -> Path:
    return project_root()


@pytest.fixture(scope="session")
def reg():
    return load_registries()


@pytest.fixture(scope="session")
def mirror() -> Path:
    path = default_mirror()
    require((path / "README.md").is_file(), f"the source mirror is not at {path} (set VITALE_WIJKEN_MIRROR)")
    return path


@pytest.fixture(scope="session")
def built_book(reg, root) -> Path:
    """The book built exactly as `make book` builds it (cached notebooks are reused)."""
    from analysis.book import build_book

    messages: list[str] = []
    status = build_book(reg, root=root, workers=2, progress=False, log=messages.append)
    assert status == 0, "make book failed:\n" + "\n".join(messages[-40:])
    return root / "_build" / "html"
