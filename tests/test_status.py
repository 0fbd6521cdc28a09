"""One status truth (issue 11, item 7): the werkpakketten page, the monitoring plans and the home
page show the same status for every product of the monitor, and a product whose pages are in the
built book is never "gepland"."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from analysis.errors import RegistryError
from analysis.plan import (
    STATUS_HEADING,
    book_products,
    load_plan,
    load_werkpakketten,
    product_label,
    product_status,
    status_of,
)
from analysis.registries import load_registries
from analysis.sitemap import site

STATUSES = ("uitgevoerd", "gepland")


# --- reading the statuses a built page shows ------------------------------------------------------------


def product_of_href(href: str) -> str | None:
    """The product a link points at: factsheets/x-2023.html -> factsheet:2023."""
    if m := re.search(r"factsheets/[^/]+-(\d{4})\.html", href):
        return f"factsheet:{m.group(1)}"
    if m := re.search(r"verhalen/[^/]+-(\d{4})\.html", href):
        return f"gesprekken:{m.group(1)}"
    if re.search(r"denkkader/[^/]+\.html", href):
        return "denkkader:"
    return None


def home_statuses(html: str, labels: dict[str, str]) -> dict[str, str]:
    """product -> status from the home page's list under STATUS_HEADING ('Label: status.')."""
    soup = BeautifulSoup(html, "html.parser")
    heading = next(h for h in soup.find_all("h2") if h.get_text(strip=True).startswith(STATUS_HEADING))
    out = {}
    for li in heading.find_parent("section").find_all("li"):
        label, _, status = li.get_text(" ", strip=True).rpartition(":")
        out[labels[label.strip()]] = status.strip(" .")
    return out


def table_statuses(html: str, labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """(product, status, row text) for every table row (outside figures) that names or links a product."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article") or soup
    out = []
    for table in article.find_all("table"):
        if table.find_parent("figure") is not None:
            continue
        headers = [th.get_text(strip=True) for th in table.find_all("th")]
        if "Status" not in headers:
            continue
        col = headers.index("Status")
        for tr in table.find("tbody").find_all("tr"):
            cells = tr.find_all("td")
            status = cells[col].get_text(strip=True)
            products = {product_of_href(a.get("href", "")) for a in tr.find_all("a")}
            products |= {labels[a.get_text(strip=True)] for a in tr.find_all("a") if a.get_text(strip=True) in labels}
            for p in products - {None}:
                out.append((p, status, tr.get_text(" ", strip=True)[:90]))
    return out


def conflicts(shown: dict[str, list[tuple[str, str, str]]], truth: dict[str, str]) -> list[str]:
    """Every place where a page shows a product with another status than the truth."""
    return [f"{page}: {product} shown as {status!r}, the book says {truth[product]!r} ({row})"
            for page, rows in shown.items() for product, status, row in rows if status != truth[product]]


# --- units ---------------------------------------------------------------------------------------------------


def test_products_in_the_book_are_uitgevoerd_and_others_gepland(reg):
    s = site(reg)
    for p in book_products(s):
        assert product_status(s, p) == "uitgevoerd", p
    assert product_status(s, "gesprekken:2025") == "gepland"  # no fieldwork of 2025 in the book


def test_every_status_comes_from_the_product_when_there_is_one(reg):
    s = site(reg)
    for w in load_werkpakketten(reg).werkpakketten:
        for m in w.mijlpalen:
            assert status_of(s, m) in STATUSES
            assert (m.status is None) == (m.product is not None)
    for slug, gp in load_plan(reg).gemeenten.items():
        for a in gp.activiteiten:
            assert (a.status is None) == (a.product is not None)
            if a.product:
                assert status_of(s, a, [slug]) == product_status(s, a.product, [slug])


def _registries_with(tmp_path: Path, root: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(root / "data", folder, ignore=shutil.ignore_patterns("processed", "raw"))
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def test_a_factsheet_milestone_with_its_own_status_is_refused(tmp_path, root):
    """The defect of issue 11: werkpakketten said 'gepland' for factsheets the book has."""
    folder = _registries_with(tmp_path, root, "werkpakketten.yml",
                              'tekst: Factsheets aangevuld met nieuwe cijfers (tweede meting)\n        product: "factsheet:2023"',
                              "tekst: Factsheets aangevuld met nieuwe cijfers (tweede meting)\n        status: gepland")
    with pytest.raises(RegistryError) as e:
        load_werkpakketten(load_registries(folder, check_readers=False))
    assert "werkpakketten.yml" in str(e.value) and "refer to its product" in str(e.value)


def test_status_and_product_together_are_refused(tmp_path, root):
    folder = _registries_with(tmp_path, root, "monitoringsplan.yml", 'product: "gesprekken:2025"',
                              'product: "gesprekken:2025"\n        status: gepland')
    with pytest.raises(RegistryError, match="either a status or a product"):
        load_plan(load_registries(folder, check_readers=False))


def test_an_unknown_meting_is_refused(tmp_path, root):
    folder = _registries_with(tmp_path, root, "monitoringsplan.yml", 'product: "gesprekken:2025"',
                              'product: "gesprekken:2027"')
    with pytest.raises(RegistryError, match="no meting 2027"):
        load_plan(load_registries(folder, check_readers=False))


def test_the_page_reader_finds_a_planted_contradiction():
    labels = {"Factsheets tweede meting 2023": "factsheet:2023"}
    home = (f'<section><h2>{STATUS_HEADING}</h2><ul><li>Factsheets tweede meting 2023: <strong>uitgevoerd</strong>.'
            f'</li></ul></section>')
    wp = ('<article><table><thead><tr><th>Maand</th><th>Mijlpaal</th><th>Status</th><th>In dit boek</th></tr></thead>'
          '<tbody><tr><td>december 2023</td><td>Factsheets aangevuld</td><td>gepland</td>'
          '<td><a href="index.html#stand">Factsheets tweede meting 2023</a></td></tr></tbody></table></article>')
    plan = ('<article><table><thead><tr><th>Activiteit</th><th>Status</th><th>Opbrengst</th></tr></thead><tbody>'
            '<tr><td>Tweede meting</td><td>uitgevoerd</td><td><a href="../factsheets/batau-2023.html">f</a></td></tr>'
            '</tbody></table></article>')
    truth = home_statuses(home, labels)
    assert truth == {"factsheet:2023": "uitgevoerd"}
    found = conflicts({"werkpakketten": table_statuses(wp, labels), "plan": table_statuses(plan, labels)}, truth)
    assert len(found) == 1 and found[0].startswith("werkpakketten: factsheet:2023 shown as 'gepland'")


# --- the built book ----------------------------------------------------------------------------------------


def _in_built_book(built_book: Path, reg, product: str) -> bool:
    """Independent of the site map: are the product's HTML files in the built site?"""
    kind, _, year = product.partition(":")
    if kind == "factsheet":
        files = [built_book / "book" / "factsheets" / f"{f.slug}-{year}.html" for f in reg.gebieden.focusgebieden]
    elif kind == "gesprekken":
        files = [built_book / "book" / "verhalen" / f"{f.slug}-{year}.html"
                 for f in {f.gemeente: f for f in reversed(reg.gebieden.focusgebieden)}.values()]
    else:
        files = [built_book / "book" / "denkkader" / f"{g.slug}.html" for g in reg.gebieden.gemeenten
                 if any(f.gemeente == g.code for f in reg.gebieden.focusgebieden)]
    return all(f.is_file() for f in files)


@pytest.mark.slow
def test_home_werkpakketten_and_plans_show_one_status(built_book, reg):
    s = site(reg)
    products = {*book_products(s), "gesprekken:2025"}
    labels = {product_label(reg, p): p for p in products}
    truth = {p: "uitgevoerd" if _in_built_book(built_book, reg, p) else "gepland" for p in products}
    home = home_statuses((built_book / "book" / "index.html").read_text(encoding="utf-8"), labels)
    assert home and all(truth[p] == st for p, st in home.items()), (home, truth)
    shown = {"werkpakketten": table_statuses((built_book / "book" / "werkpakketten.html").read_text(encoding="utf-8"),
                                             labels)}
    for page in sorted((built_book / "book" / "plan").glob("*.html")):
        shown[f"plan/{page.name}"] = table_statuses(page.read_text(encoding="utf-8"), labels)
    assert len(shown) == 5 and all(shown.values()), "every page names products"
    assert {p for rows in shown.values() for p, _, _ in rows} >= set(home), "the pages cover the home page's products"
    problems = conflicts(shown, truth)
    assert not problems, "\n".join(problems)
