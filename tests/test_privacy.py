"""The privacy gate: what it catches, and that it does not cry wolf on the real book."""

from __future__ import annotations

import nbformat
import pytest

from analysis.privacy import Rules, scan_html, scan_notebook, small_cells


@pytest.fixture(scope="module")
def rules(root):
    return Rules.load(root / "data" / "privacy.yml")


@pytest.mark.parametrize("text, kind", [
    ("mail me via ria.verhoeven@voorbeeld.nl graag", "e-mailadres"),
    ("bel 06-12345678.", "telefoonnummer"),
    ("bel 06 12 34 56 78", "telefoonnummer"),
    ("of +31 6 12345678", "telefoonnummer"),
    ("kantoor 030-2741234", "telefoonnummer"),
    ("postcode 3437 AB Nieuwegein", "postcode"),
    ("postcode 3437AB", "postcode"),
    ("ik woon op de Muntplein 14, tweede hoog", "straat met huisnummer"),
    ("Zamenhofdreef 23b", "straat met huisnummer"),
    ("toen zei Karim El Idrissi dat", "naam op de deny-list"),
    ("toen zei karim el idrissi dat", "naam op de deny-list"),
])
def test_personal_details_are_found(rules, text, kind):
    assert kind in [f.kind for f in rules.scan_text(text, "t")]


@pytest.mark.parametrize("text", [
    "ervaren gezondheid 69,9% in 2020 (50090NED), 25.614 misdrijven",
    "Zamenhofdreef en omgeving", "Wijk 03 Overvecht", "peiljaar 2024 · 85984NED", "WK034403 en BU03550205",
    "coördinaten [5.12345,52.09123]", "0.1234567891", "Karimsen", "tabel 47013NED over 2022",
])
def test_ordinary_book_text_is_not_flagged(rules, text):
    assert rules.scan_text(text, "t") == []


def test_small_cells_must_read_less_than_five():
    bad = '<table><tr><td class="vw-n">3</td><td class="vw-n">12</td><td>2</td></tr></table>'
    assert [f.text for f in small_cells(bad, "p")] == ["3"]
    ok = '<td class="vw-n">&lt; 5</td><td class="vw-n">0</td><td class="vw-n">×</td><td class="vw-n">5</td>'
    assert small_cells(ok, "p") == []


def test_notebook_outputs_and_markdown_are_scanned(rules, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Titel\n\nMet Henk Jansen gesproken."),
                nbformat.v4.new_code_cell("x")]
    nb.cells[1].outputs = [nbformat.v4.new_output("display_data", data={
        "text/html": '<td class="vw-n">2</td><p>mail h@voorbeeld.nl</p>'})]
    path = tmp_path / "p.ipynb"
    nbformat.write(nb, path)
    kinds = sorted(f.kind for f in scan_notebook(path, rules))
    assert kinds == ["cel met minder dan 5 deelnemers", "e-mailadres", "naam op de deny-list"]


def test_html_scan_reads_chart_data_inside_scripts(rules):
    page = '<script>var spec={"tekst": "Fatma Yilmaz zei"};</script>'
    assert [f.kind for f in scan_html(page, rules, "p")] == ["naam op de deny-list"]
