"""The privacy gate inside `vitale-wijken book`: it runs before any notebook (so planted details in
the fieldwork stop the build at once) and after the build (so whatever reaches a page is caught,
named with its page and fieldwork row, and the site is removed)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis import privacy
from analysis.book import GATE_FAILED, build_book
from analysis.registries import registries
from test_privacy import VARIANTS, plant


def _project(root: Path, proj: Path, with_book: bool = False) -> Path:
    shutil.copytree(root / "data", proj / "data", ignore=shutil.ignore_patterns("raw"))
    shutil.copytree(root / "notebooks", proj / "notebooks")
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(root / name, proj / name)
    if with_book:
        shutil.copytree(root / "book", proj / "book")  # executed pages: all but the changed one come from cache
        if (root / "_build").is_dir():  # Sphinx environment, PDF stamps and the gate's cache: only changes redo
            shutil.copytree(root / "_build", proj / "_build", ignore=shutil.ignore_patterns("logs"))
    return proj


def test_build_refuses_to_publish_planted_fieldwork_before_running_anything(reg, root, tmp_path, monkeypatch):
    proj = _project(root, tmp_path / "proj")
    kwal = tmp_path / "kwalitatief"
    shutil.copytree(root / "data" / "kwalitatief", kwal)
    lines = plant(kwal / "nieuwegein" / "2023", [(v.id, v.text) for v in VARIANTS])
    monkeypatch.setenv("VITALE_WIJKEN_ROOT", str(proj))
    monkeypatch.setenv("VITALE_WIJKEN_KWALITATIEF", str(kwal))
    messages: list[str] = []
    status = build_book(reg, root=proj, workers=1, progress=False, log=messages.append)
    text = "\n".join(messages)
    assert status == GATE_FAILED, text
    assert "privacy gate:" in text and "the book is not published" in text
    for v in VARIANTS:
        row = f"segmenten.csv, rij {lines[v.id]}, kolom tekst"
        assert any(f"book/verhalen/batau-2023: {v.rule}:" in ln and row in ln for ln in messages[0].splitlines()), \
            f"{v.id} not named: {row}\n{text}"
    assert not (proj / "book").exists(), "no notebook ran"
    assert not (proj / "_build" / "html").exists(), "nothing publishable"


@pytest.mark.slow
def test_last_gate_catches_what_reaches_a_page_and_removes_the_site(built_book, reg, root, tmp_path, monkeypatch):
    """Suppose the first gate missed a detail (switched off here): the last gate finds it on the
    built page, names page, rule and fieldwork row, and no site is left."""
    proj = _project(root, tmp_path / "proj", with_book=True)
    segments = proj / "data" / "kwalitatief" / "nieuwegein" / "2023" / "segmenten.csv"
    lines = segments.read_text(encoding="utf-8").splitlines(keepends=True)
    planted = [i for i, ln in enumerate(lines) if "Muntplein 14" in ln]
    assert planted and all(lines[i].rstrip().endswith(",nee") for i in planted)
    for i in planted:
        lines[i] = lines[i].rstrip()[: -len("nee")] + "ja\n"
    segments.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setenv("VITALE_WIJKEN_ROOT", str(proj))
    monkeypatch.setattr(privacy, "gate_before_run", lambda reg, root: [])
    messages: list[str] = []
    # the project's own registries, as `vitale-wijken book` loads them there
    status = build_book(registries(proj / "data"), root=proj, workers=2, progress=False, log=messages.append)
    text = "\n".join(messages)
    assert status == GATE_FAILED, text
    assert "1 executed" in text, "only the changed narrative is re-executed"
    row = f"segmenten.csv, rij {planted[0] + 1}, kolom tekst"
    assert any("book/verhalen/batau-2023.html: straat met huisnummer: 'Muntplein 14'" in m and row in m
               for m in text.splitlines()), text
    assert not (proj / "_build" / "html").exists(), "nothing publishable is left behind"
