"""The colophon at the foot of every page: build date, version, data release, contact, licence."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest

from analysis import colofon
from analysis.colofon import colophon, data_digest, git_version, load_colofon, newest_peiljaren, nl_date


def test_git_version_is_git_describe(root):
    expected = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=root, capture_output=True,
                              text=True).stdout.strip()
    assert git_version(root) == expected and expected


def test_git_version_falls_back_outside_a_clone(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert git_version(tmp_path) == "0.1.0 (zonder git)"


def test_git_version_falls_back_without_git(tmp_path, monkeypatch, root):
    def no_git(*args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(colofon.subprocess, "run", no_git)
    assert git_version(root).endswith("(zonder git)")


def test_build_date_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01 00:00 UTC
    assert nl_date(colofon.build_date()) == "1 januari 2025"


def test_colophon_fields_come_from_the_registries(reg, root):
    c = colophon(reg, root)
    register = load_colofon(reg)
    assert c["contact"] == register.contact.tekst and c["licentie"] == register.licentie.naam
    newest = newest_peiljaren(reg)
    assert set(newest) >= {"CBS", "RIVM", "Politie"}
    assert f"tot en met {max(newest.values())}" in c["gegevens"] and data_digest() in c["gegevens"]
    assert "CC BY 4.0" in c["bronnen"]


def test_the_contact_line_passes_the_privacy_gate(reg):
    """No e-mail address or phone number: the gate would stop the build on every page."""
    register = load_colofon(reg)
    text = register.contact.tekst + " " + register.contact.url
    assert "@" not in text and not re.search(r"\d{3}[- ]?\d{3,}", text)


@pytest.mark.slow
def test_every_page_carries_the_same_colophon(built_book, reg, root):
    redirect = built_book / "index.html"  # a meta-refresh without a page around it
    # downloads/ holds printable documents (decks, handouts) with their own source lines
    pages = [p for p in built_book.rglob("*.html")
             if "_static" not in p.parts and "downloads" not in p.parts and p != redirect]
    assert len(pages) >= 28
    versions = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count('class="vw-colofon"') == 1, page
        versions.add(re.search(r'vw-colofon-versie">([^<]+)<', html).group(1))
    assert len(versions) == 1, f"pages from different builds: {versions}"


@pytest.mark.slow
def test_colophon_on_a_built_page(built_book, reg, root):
    html = (built_book / "book" / "factsheets" / "batau-2025.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="vw-colofon">(.*?)</div>', html, re.S).group(1)
    register = load_colofon(reg)
    datum = re.search(r'vw-colofon-datum">(\d{1,2}) (\w+) (\d{4})<', block)
    assert datum and datum.group(2) in colofon.MAANDEN
    built = date(int(datum.group(3)), colofon.MAANDEN.index(datum.group(2)) + 1, int(datum.group(1)))
    assert built <= date.today()
    versie = re.search(r'vw-colofon-versie">([^<]+)<', block).group(1)
    sha = versie.removesuffix("-dirty").rsplit("-g", 1)[-1]
    assert subprocess.run(["git", "cat-file", "-e", f"{sha}^{{commit}}"], cwd=root).returncode == 0, versie
    assert f"gegevensversie {data_digest()}" in block
    assert register.contact.tekst in block and f'href="{register.contact.url}"' in block
    assert f'href="{register.licentie.url}" rel="license">{register.licentie.naam}<' in block


@pytest.mark.slow
def test_a_second_build_does_not_start_sphinx_for_the_colophon(built_book, reg, root):
    """The colophon is rendered at build time, not written into page sources: a no-op build stays one."""
    from analysis.book import build_book

    messages: list[str] = []
    assert build_book(reg, root=root, workers=2, progress=False, log=messages.append) == 0
    assert any("Jupyter Book not started" in m for m in messages), messages[-10:]
