"""B1 Dutch, measured on the built book (issue 11, item 4): the running text of every page of the
kinds below scores Flesch-Douma >= 60 and holds none of the banned patterns (table and area codes,
internal ids, build words, stiff inversions). How text is extracted and scored is in
``analysis.leesbaarheid`` (unit tests with planted defects: tests/test_leesbaarheid.py).

``PAGE_KINDS`` maps a kind to its pages; wijk profiles are checked in the regio edition
(tests/test_batch.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.leesbaarheid import B1_MINIMUM, page_report

PAGE_KINDS = {
    "home": ["book/index.html"],
    "data-en-methode": ["book/data-en-methode.html"],
    "werkpakketten": ["book/werkpakketten.html"],
    "plan": "book/plan/*.html",
    "denkkader": "book/denkkader/*.html",
    "gesprekken": "book/verhalen/*.html",
    "factsheet": "book/factsheets/*.html",
    "overzicht": ["book/overzicht.html"],
}


def pages_of(built_book: Path, kind: str) -> list[str]:
    spec = PAGE_KINDS[kind]
    if isinstance(spec, str):
        return sorted(p.relative_to(built_book).as_posix() for p in built_book.glob(spec))
    return spec


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_running_text_is_b1_and_free_of_codes(built_book, kind):
    pages = pages_of(built_book, kind)
    assert pages, f"no built pages of kind {kind}"
    problems = []
    for rel in pages:
        r = page_report(built_book / rel, rel)
        fd = r.score.flesch_douma
        assert r.score.words >= 50, f"{rel}: hardly any running text found ({r.score})"
        if fd is None or fd < B1_MINIMUM:
            problems.append(f"{rel}: {r.score} (B1 needs {B1_MINIMUM:.0f})")
        problems += [f"{rel}: {f}" for f in r.findings]
    assert not problems, "\n".join(problems)
