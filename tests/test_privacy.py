"""The privacy gate (analysis.privacy): the catalogue of planted personal details, small counts,
privacy.yml validation, and no false alarms on the book's own text.

The catalogue plants every variant at once, each in its own publishable segment of a COPY of the
Batau fieldwork (VITALE_WIJKEN_KWALITATIEF points at the copy), then runs the first gate on the
fieldwork and the last gate on the rendered narrative page, and asserts for every variant the
rule, the page and the fieldwork file and row it came from. One end-to-end check through
build_book is in test_privacy_build.py.
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.errors import RegistryError
from analysis.kwalitatief.canon import load_dataset
from analysis.kwalitatief.pagina import Verhaal
from analysis.privacy import gate_after_build, gate_before_run, load_config, load_rules, rules as R, scan_file
from analysis.privacy.counts import small_counts_csv, small_counts_html

PAGE = "book/verhalen/batau-2023"


@dataclass(frozen=True)
class Variant:
    id: str
    text: str  # planted inside a sentence of a quote
    rule: str
    match: str  # part of the text the finding must show


VARIANTS = [
    # the 17 details that reached the published HTML in issue 13
    Variant("email-obfuscated-at-punt", "jan at voorbeeld punt nl", R.EMAIL_VERHULD, "jan at voorbeeld punt nl"),
    Variant("street-3bis", "Amsterdamsestraatweg 3bis", R.ADRES, "Amsterdamsestraatweg 3bis"),
    Variant("bsn-11-proef", "123456782", R.BSN, "123456782"),
    Variant("date-of-birth", "geboren 12-03-1961", R.GEBOORTEDATUM, "12-03-1961"),
    Variant("street-nr", "Kerkstraat nr. 14", R.ADRES, "Kerkstraat nr. 14"),
    Variant("street-lower-case", "kerkstraat 12", R.ADRES, "kerkstraat 12"),
    Variant("street-without-suffix", "Vredenburg 40", R.ADRES, "Vredenburg 40"),
    Variant("postcode-no-space-lower", "3563ab", R.POSTCODE, "3563ab"),
    Variant("phone-area-code-in-brackets", "(030) 123 45 67", R.TELEFOON, "123 45 67"),
    Variant("phone-spaced-hyphen", "06 - 1234 5678", R.TELEFOON, "1234 5678"),
    Variant("title-surname", "Mevrouw Verhoeven", R.NAAM, "Mevrouw Verhoeven"),
    Variant("name-line-break", "Ria\nVerhoeven", R.NAAM, "Ria Verhoeven"),
    Variant("name-no-break-space", "Ria\u00a0Verhoeven", R.NAAM, "Ria Verhoeven"),
    Variant("name-two-spaces", "Ria  Verhoeven", R.NAAM, "Ria Verhoeven"),
    Variant("name-surname-first", "Verhoeven, Ria", R.NAAM, "Verhoeven, Ria"),
    # the ones that were already caught, and more forms
    Variant("email", "ria.verhoeven@voorbeeld.nl", R.EMAIL, "ria.verhoeven@voorbeeld.nl"),
    Variant("email-obfuscated-brackets", "jan [at] voorbeeld [punt] nl", R.EMAIL_VERHULD, "jan [at] voorbeeld"),
    Variant("email-obfuscated-dot", "jan (at) voorbeeld (dot) nl", R.EMAIL_VERHULD, "jan (at) voorbeeld"),
    Variant("mobile-hyphen", "06-12345678", R.TELEFOON, "06-12345678"),
    Variant("mobile-international", "+31 6 12345678", R.TELEFOON, "+31 6 12345678"),
    Variant("landline-0031", "0031 30 2741234", R.TELEFOON, "30 2741234"),
    Variant("landline-hyphen", "030-2741234", R.TELEFOON, "030-2741234"),
    Variant("postcode", "3437 AB", R.POSTCODE, "3437 AB"),
    Variant("street-square", "Muntplein 14", R.ADRES, "Muntplein 14"),
    Variant("street-letter", "Zamenhofdreef 23b", R.ADRES, "Zamenhofdreef 23b"),
    Variant("street-hyphen-letter", "Muntplein 12-A", R.ADRES, "Muntplein 12-A"),
    Variant("street-space-letter", "Dorpsstraat 12 a", R.ADRES, "Dorpsstraat 12 a"),
    Variant("street-apartment", "Kerkstraat 14-2", R.ADRES, "Kerkstraat 14-2"),
    Variant("name-lower-case", "karim el idrissi", R.NAAM, "karim el idrissi"),
    Variant("name-upper-case", "HENK JANSEN", R.NAAM, "HENK JANSEN"),
    Variant("title-abbreviation", "Dhr. Jansen", R.NAAM, "Dhr. Jansen"),
    Variant("title-tussenvoegsel", "Mw. van Dam", R.NAAM, "Mw. van Dam"),
    Variant("initial-surname", "R. Verhoeven", R.NAAM, "R. Verhoeven"),
    Variant("surname-first-tussenvoegsel-last", "Dam, Joke van", R.NAAM, "Dam, Joke van"),
    Variant("name-dotless-i", "Fatma Yılmaz", R.NAAM, "Fatma Yilmaz"),
    Variant("iban", "NL91 ABNA 0417 1643 00", R.IBAN, "NL91 ABNA 0417 1643 00"),
    Variant("bsn-dotted", "111.222.333", R.BSN, "111.222.333"),
    Variant("date-of-birth-month-name", "geboren op 3 maart 1961", R.GEBOORTEDATUM, "3 maart 1961"),
    Variant("name-not-on-deny-list", "Jan de Vries", R.PERSOON, "Jan de Vries"),
]
PARTICIPANT = "N-D01"  # a resident (door-step interviews, 23 people): counted on the page
CODE = "veiligheid"  # a shown main theme of pijler veiligheid: its quotes are on the page


def test_catalogue_is_large_and_distinct():
    assert len(VARIANTS) >= 30
    assert len({v.id for v in VARIANTS}) == len(VARIANTS)
    assert len({v.text for v in VARIANTS}) == len(VARIANTS)


def _segment_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def plant(folder: Path, texts: list[tuple[str, str]], *, participant: str = PARTICIPANT, code: str = CODE,
          publiceerbaar: str = "ja", prefix: str = "N-P") -> dict[str, int]:
    """Append one segment per (key, text) to segmenten.csv; returns key -> CSV line of its row."""
    path = folder / "segmenten.csv"
    header, rows = _segment_rows(path)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    lines = {}
    for i, (key, text) in enumerate(texts):
        lines[key] = buf.getvalue().count("\n") + 1
        writer.writerow([f"{prefix}{i:03d}", participant, code, f"Zij zei: {text}, dat weet ik nog.", publiceerbaar])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return lines


@pytest.fixture(scope="module")
def planted(root, tmp_path_factory):
    """A copy of the fieldwork with every variant planted as a publishable quote in Batau."""
    kwal = tmp_path_factory.mktemp("veldwerk") / "kwalitatief"
    shutil.copytree(root / "data" / "kwalitatief", kwal)
    lines = plant(kwal / "nieuwegein" / "2023", [(v.id, v.text) for v in VARIANTS])
    return kwal, lines


@pytest.fixture()
def use_copy(planted, monkeypatch):
    monkeypatch.setenv("VITALE_WIJKEN_KWALITATIEF", str(planted[0]))
    return planted


def _assert_each_variant(findings, lines, where: str):
    missing = []
    for v in VARIANTS:
        row = f"nieuwegein/2023/segmenten.csv, rij {lines[v.id]}, kolom tekst"
        hits = [f for f in findings if f.rule == v.rule and v.match.casefold() in f.text.casefold()
                and f.where == where and (f"{row};" in f.bron or f.bron.endswith(row))]
        if not hits:
            missing.append(f"{v.id}: no {v.rule!r} finding for {v.match!r} on {where} from {row}")
    assert not missing, "\n".join(missing) + "\nfindings:\n" + "\n".join(map(str, findings))


def test_first_gate_names_every_planted_variant_with_its_row(use_copy, reg, root):
    _, lines = use_copy
    findings = gate_before_run(reg, root)
    _assert_each_variant(findings, lines, PAGE)


def test_last_gate_names_every_planted_variant_on_the_rendered_page(use_copy, reg, root, tmp_path):
    kwal, lines = use_copy
    ds = load_dataset(kwal / "nieuwegein" / "2023", reg)
    v = Verhaal(reg, reg.gemeente("nieuwegein"), 2023, ds)
    sections = [v.wie(), *(v.pijler(p.id) for p in reg.kernset.pijlers if not p.context), v.overig(), v.samenhang()]
    site = tmp_path / "_build" / "html"
    page = site / f"{PAGE}.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html><head><title>Gesprekken</title></head><body><main>"
                    + "".join(s.data for s in sections) + "</main></body></html>", encoding="utf-8")
    findings = gate_after_build(reg, site, root)
    _assert_each_variant(findings, lines, f"{PAGE}.html")
    assert not [f for f in findings if f.rule == R.KLEIN_AANTAL], "the page itself shows no count under 5"


def test_unpublishable_segments_are_not_checked_first_nor_shown(reg, root, tmp_path, monkeypatch):
    kwal = tmp_path / "kwalitatief"
    shutil.copytree(root / "data" / "kwalitatief", kwal)
    plant(kwal / "nieuwegein" / "2023", [("x", "Ria Verhoeven, 06-12345678")], publiceerbaar="nee")
    monkeypatch.setenv("VITALE_WIJKEN_KWALITATIEF", str(kwal))
    assert gate_before_run(reg, root) == []
    v = Verhaal(reg, reg.gemeente("nieuwegein"), 2023, load_dataset(kwal / "nieuwegein" / "2023", reg))
    assert "Verhoeven" not in v.pijler(CODE).data


def test_fieldwork_texts_other_than_segments_are_checked_first(reg, root, tmp_path, monkeypatch):
    kwal = tmp_path / "kwalitatief"
    shutil.copytree(root / "data" / "kwalitatief", kwal)
    path = kwal / "zeist" / "2023" / "codeboek.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Alleen zijn, contact met buren", "Alleen zijn (zoals mw. Yilmaz), contact met buren"),
                    encoding="utf-8")
    monkeypatch.setenv("VITALE_WIJKEN_KWALITATIEF", str(kwal))
    findings = gate_before_run(reg, root)
    assert {(f.where, f.rule) for f in findings} >= {("book/verhalen/vollenhove-2023", R.NAAM)}
    assert {f.bron for f in findings} == {str(kwal / "zeist/2023/codeboek.csv") + ", rij 11, kolom omschrijving"}


# --- small counts: suppressed on pages, refused by the gate ----------------------------------------


REFUSED_COUNTS = {
    "vw-n-cell": '<table><tr><td class="vw-n">3</td><td class="vw-n">12</td></tr></table>',
    "deelnemers-column": ('<table><thead><tr><th scope="col">Activiteit</th><th scope="col">Deelnemers</th></tr>'
                          "</thead><tbody><tr><th>Telefonisch gesprek</th><td>4</td></tr></tbody></table>"),
    "antwoorden-column": ("<table><thead><tr><th>Stelling</th><th>Antwoorden</th></tr></thead>"
                          "<tbody><tr><td>Ik voel me veilig</td><td>2</td></tr></tbody></table>"),
    "chart-data": ('<script>(function(){var spec={"datasets": {"data-1": [{"activiteit": "x", "deelnemers": 1}]}};'
                   "var opt={};})();</script>"),
    "chart-data-n": ('<script>(function(){var spec={"datasets": {"data-2": [{"code_a": "a", "n": 2}]}};'
                     "var opt={};})();</script>"),
    "running-text": "<p>Over dit thema spraken 3 deelnemers.</p>",
    "running-text-word": "<p>Dat zeiden twee respondenten.</p>",
}


@pytest.mark.parametrize("kind", REFUSED_COUNTS)
def test_small_counts_anywhere_on_a_page_are_refused(kind):
    assert small_counts_html(REFUSED_COUNTS[kind]), kind


def test_suppressed_counts_and_figures_are_not_refused():
    ok = ('<table><thead><tr><th>Groep</th><th>Deelnemers</th></tr></thead><tbody><tr><td>a</td>'
          '<td class="vw-n">&lt; 5</td></tr><tr><td>b</td><td class="vw-n">×</td></tr><tr><td>c</td><td>0</td></tr>'
          "<tr><td>d</td><td>17</td></tr></tbody></table><p>Per 1.000 inwoners 3,4 misdrijven; 25 deelnemers.</p>")
    assert small_counts_html(ok) == []


def test_small_counts_in_a_csv_download_are_refused(tmp_path, reg, root):
    assert small_counts_csv(["Activiteit", "Deelnemers"], [(2, ["a", "12"]), (3, ["b", "4"])]) == \
        ["rij 3, kolom Deelnemers: 4"]
    path = tmp_path / "wie.csv"
    path.write_text("Activiteit,Deelnemers\nFocusgroep,9\nTelefonisch,1\n", encoding="utf-8")
    found = scan_file(path, "downloads/wie.csv", load_rules(reg, root))
    assert [(f.where, f.rule, f.text) for f in found] == [("downloads/wie.csv", R.KLEIN_AANTAL,
                                                           "rij 3, kolom Deelnemers: 1")]


def _with_activity_of(kwal: Path, n: int) -> None:
    """Give Batau's telephone interview (one shopkeeper) n participants."""
    path = kwal / "nieuwegein" / "2023" / "deelnemers.csv"
    text = path.read_text(encoding="utf-8")
    extra = "".join(f"N-W{i:02d},winkeliersvereniging,ondernemer,telefonisch\n" for i in range(2, n + 1))
    path.write_text(text + extra, encoding="utf-8")


def test_wie_we_spraken_shows_a_group_of_4_as_less_than_5(reg, root, tmp_path):
    kwal = tmp_path / "kwalitatief"
    shutil.copytree(root / "data" / "kwalitatief", kwal)
    _with_activity_of(kwal, 4)
    ds = load_dataset(kwal / "nieuwegein" / "2023", reg)
    html = Verhaal(reg, reg.gemeente("nieuwegein"), 2023, ds).wie().data
    assert '<td class="vw-n">&lt; 5</td>' in html and '<td class="vw-n">4</td>' not in html
    assert '<td class="vw-n">×</td>' in html  # else 4 = 59 - the others
    assert small_counts_html(html) == []
    assert '"deelnemers": 4' not in html  # nor in the chart's data


def test_a_theme_of_one_identifiable_role_is_suppressed_entirely(reg, root, tmp_path):
    """Batau's one shopkeeper (the chair of the association) raises a theme nobody else raises,
    and also speaks about a theme others raise: neither shows him, in any section."""
    kwal = tmp_path / "kwalitatief"
    shutil.copytree(root / "data" / "kwalitatief", kwal)
    folder = kwal / "nieuwegein" / "2023"
    with open(folder / "codeboek.csv", "a", encoding="utf-8") as fh:
        fh.write("parkeren,Parkeren bij de winkels,Parkeerplaatsen en vergunningen rond het plein.,wonen,\n")
    chair = next(r for r in csv.DictReader(open(folder / "deelnemers.csv", encoding="utf-8"))
                 if r["activiteit_id"] == "winkeliersvereniging")["deelnemer_id"]
    plant(folder, [("p", "de blauwe zone is een ramp"), ("v", "het plein voelt 's avonds onveilig")],
          participant=chair, code="parkeren")
    plant(folder, [("v2", "het plein voelt onveilig na sluitingstijd")], participant=chair, code=CODE, prefix="N-Q")
    ds = load_dataset(folder, reg)
    v = Verhaal(reg, reg.gemeente("nieuwegein"), 2023, ds)
    page = "".join(x.data for x in [v.wie(), *(v.pijler(p.id) for p in reg.kernset.pijlers if not p.context),
                                     v.overig(), v.samenhang(), v.naast_de_cijfers(), v.doelen()])
    assert "Parkeren" not in page and "parkeren" not in page
    assert "ondernemer" not in page.split("</table>", 1)[1]  # no column, no quote attribution after 'Wie'
    assert "sluitingstijd" not in page and "blauwe zone" not in page
    assert "Sommige groepen waren kleiner dan 5 mensen" in page


# --- privacy.yml is validated before anything runs -------------------------------------------------


@pytest.mark.parametrize("edit, line, phrase", [
    (lambda t: t.replace("  - Henk Jansen\n", "  - Henk Jansen\n  - ''\n"), 18, "empty name"),
    (lambda t: t.replace("  - Henk Jansen\n", "  - Henk Jansen\n  -\n"), 18, "string"),
    (lambda t: t.replace("  - Henk Jansen\n", "  - Henk Jansen\n  - Al\n"), 18, "shorter than 3"),
    (lambda t: t.replace("    reden: column title (\"source\")", "    reden: x\n    x: ("), None, "reden"),
    (lambda t: t.replace("namen:", "nammen:"), None, "Extra inputs"),
], ids=["empty-name", "null-name", "two-letter-name", "exception-without-reason", "unknown-key"])
def test_privacy_yml_errors_name_file_and_line(root, tmp_path, edit, line, phrase):
    path = tmp_path / "privacy.yml"
    text = (root / "data" / "privacy.yml").read_text(encoding="utf-8")
    path.write_text(edit(text), encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        load_config(path)
    assert info.value.path == str(path)
    assert phrase in str(info.value)
    if line is not None:
        assert info.value.row == line, str(info.value)


def test_the_committed_privacy_yml_loads(root):
    cfg = load_config(root / "data" / "privacy.yml")
    assert "Ria Verhoeven" in cfg.namen and all(t.reden for t in cfg.toegestaan)


# --- no false alarms on the book's own kind of text -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Ervaren gezondheid goed of zeer goed 69,9% in 2020 (50090NED); 25.614 misdrijven; 17.470 huishoudens.",
    "Overvecht telt 2.430 misdrijven (2022). Peiljaar 2024 · 85984NED · WK034403 en BU03550205.",
    "Zamenhofdreef en omgeving", "Wijk 03 Overvecht", "Huis de Geer 79,0%", "t.o.v. Zeist: gunstiger",
    "Gaarden 76,6%", "Vollenhove 2023", "Soesterkwartier 2025", "Gerrit van Stellingwerfstraat e.o.",
    "coördinaten [5.12345,52.09123]", "0.1234567891", "kleur #2166ac", "14.010 inwoners", "Karimsen",
    "Volwassenen met een score op de Kessler-vragenlijst (K10)", "eenzaamheidsschaal van De Jong-Gierveld",
    "Bron: CBS, Kerncijfers wijken en buurten 2024", "Groen en speelplekken", "Schoon, heel en verlicht.",
    "In de gesprekken: eenzaamheid en isolement (15 deelnemers) en gezond leven en bewegen (8 deelnemers).",
    "data-ba3bb8bcad5065476ea0294146873b3e", "in 2020 en 2024 de", "E Indicator Batau Nieuwegein Nederland Oordeel",
    # wijk names as Sphinx prints them, with typographic apostrophes
    "Vergeleken met Wijk 05 \u2018t Ruige Veld (Leusden).", "Vergelijkingswijk: \u2019s-Gravendeel (Hoeksche Waard).",
])
def test_ordinary_book_text_is_not_flagged(reg, root, text):
    assert load_rules(reg, root).scan(text) == []


# --- downloads: PDF text and CSV cells ---------------------------------------------------------------


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF with these lines of text (Helvetica), written by hand: no PDF library needed."""
    def esc(t: str) -> str:
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = ("BT /F1 11 Tf 14 TL 72 770 Td " + " ".join(f"({esc(t)}) '" for t in lines) + " ET").encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
               b"/Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_pdf_text_is_scanned_across_line_breaks(tmp_path, reg, root):
    pdf = make_pdf(tmp_path / "factsheet.pdf", ["Factsheet Batau 2023: 25.614 misdrijven (2022).",
                                                "Met dank aan Ria", "Verhoeven en bel 06 - 1234 5678.",
                                                "Aan dit thema werkten 3 deelnemers mee."])
    found = scan_file(pdf, "downloads/factsheet-batau-2023.pdf", load_rules(reg, root))
    got = {(f.where, f.rule, f.text) for f in found}
    where = "downloads/factsheet-batau-2023.pdf (pagina 1)"
    assert (where, R.NAAM, "Ria Verhoeven") in got
    assert (where, R.TELEFOON, "06 - 1234 5678") in got
    assert ("downloads/factsheet-batau-2023.pdf", R.KLEIN_AANTAL, "tekst: 3 deelnemers") in got
    assert not [f for f in found if "25.614" in f.text]


def test_csv_download_cells_are_scanned(tmp_path, reg, root):
    path = tmp_path / "cijfers.csv"
    path.write_text("indicator,waarde,toelichting\nmisdrijven,2.430,bron politie\n"
                    "contact,,\"mail jan at voorbeeld punt nl\"\n", encoding="utf-8")
    found = scan_file(path, "downloads/cijfers.csv", load_rules(reg, root))
    assert [(f.where, f.rule) for f in found] == [("downloads/cijfers.csv (rij 3)", R.EMAIL_VERHULD)]


def test_axis_ticks_of_a_printed_chart_are_not_numbers_of_a_person():
    """A PDF's text holds a chart's axis ticks in a row ('0 25 50 75 100', '340 360 380'); numbers at
    equal steps separated by spaces are ticks, while the same digits written as a person writes them
    are still found."""
    from analysis.privacy.rules import axis_ticks

    assert axis_ticks("0 25 50 75 100") and axis_ticks("340 360 380") and axis_ticks("300 400 500")
    assert not axis_ticks("06 12 34 56 78") and not axis_ticks("111.222.333") and not axis_ticks("030 123 45 67")


def test_a_pdf_keeps_every_finding_its_page_has_and_drops_print_artefacts(tmp_path):
    """A PDF is printed from a page the gate reads cell by cell. 'Muntplein 20' made of a theme and
    the count in the next cell exists only in the PDF's text: not a finding. A real address that is
    on the page too, or any finding of a PDF without a page, stands."""
    from analysis.privacy.gate import Finding, _without_layout_artefacts, pdf_twin

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for name in ("rapport-x.pdf", "rapport-x.html", "los.pdf"):
        (downloads / name).write_text("x", encoding="utf-8")
    (tmp_path / "book" / "factsheets").mkdir(parents=True)
    (tmp_path / "book" / "factsheets" / "batau-2025.html").write_text("x", encoding="utf-8")
    (downloads / "factsheet-batau-2025.pdf").write_text("x", encoding="utf-8")
    assert pdf_twin(tmp_path, "downloads/rapport-x.pdf") == "downloads/rapport-x.html"
    assert pdf_twin(tmp_path, "downloads/factsheet-batau-2025.pdf") == "book/factsheets/batau-2025.html"
    assert pdf_twin(tmp_path, "downloads/los.pdf") is None
    findings = [
        Finding("downloads/rapport-x.pdf (pagina 6)", "straat met huisnummer", "Muntplein 20"),
        Finding("downloads/rapport-x.pdf (pagina 2)", "straat met huisnummer", "Kerkstraat 12"),
        Finding("downloads/rapport-x.html", "straat met huisnummer", "Kerkstraat 12"),
        Finding("downloads/rapport-x.pdf (pagina 3)", "naam op de deny-list", "Verhoeven"),
        Finding("downloads/los.pdf (pagina 1)", "telefoonnummer", "0 10 205 15 25"),
    ]
    kept, _ = _without_layout_artefacts(tmp_path, findings)
    assert [f.text for f in kept] == ["Kerkstraat 12", "Kerkstraat 12", "Verhoeven", "0 10 205 15 25"]


def test_a_name_made_by_the_print_is_dropped_but_a_name_on_the_page_stands(tmp_path):
    """Two chart labels ("Roo|kt", "Zware drinker") meet in a PDF's text as "Roo Zware", a name to
    deduce; the page has no such text, so it is a print artefact. A name that the page does
    contain stands even when the page's own scan did not flag it."""
    from analysis.privacy.gate import Finding, _without_layout_artefacts

    (tmp_path / "book" / "factsheets").mkdir(parents=True)
    (tmp_path / "book" / "factsheets" / "batau-2025.html").write_text(
        "<html><body><main><p>Rookt</p><p>Zware drinker</p><p>Met dank aan Jan de Vries.</p>"
        "<table><tr><td>Roo</td><td>Zware drinker</td></tr></table></main></body></html>",
        encoding="utf-8")
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "factsheet-batau-2025.pdf").write_text("x", encoding="utf-8")
    findings = [Finding("downloads/factsheet-batau-2025.pdf (pagina 3)", "persoonsnaam (deduce)", "Roo Zware"),
                Finding("downloads/factsheet-batau-2025.pdf (pagina 4)", "persoonsnaam (deduce)", "Jan de Vries")]
    assert [f.text for f in _without_layout_artefacts(tmp_path, findings)[0]] == ["Jan de Vries"]


def test_an_unchanged_pdf_and_page_reuse_the_artefact_check(tmp_path, monkeypatch):
    """A no-op build does not parse every factsheet again: the decision is remembered per PDF and
    page digest, and made afresh when either changes."""
    from analysis.privacy import gate

    (tmp_path / "book" / "factsheets").mkdir(parents=True)
    page = tmp_path / "book" / "factsheets" / "batau-2025.html"
    page.write_text("<p>Rookt</p><p>Zware drinker</p>", encoding="utf-8")
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "factsheet-batau-2025.pdf").write_text("x", encoding="utf-8")
    findings = [gate.Finding("downloads/factsheet-batau-2025.pdf (pagina 3)", "persoonsnaam (deduce)", "Roo Zware")]
    digests = {"downloads/factsheet-batau-2025.pdf": "p1", "book/factsheets/batau-2025.html": "h1"}
    kept, memo = gate._without_layout_artefacts(tmp_path, findings, digests, {})
    assert kept == []

    def no_parsing(*_a, **_k):
        raise AssertionError("the page was parsed again")

    monkeypatch.setattr(gate, "html_fragments", no_parsing)
    assert gate._without_layout_artefacts(tmp_path, findings, digests, memo) == ([], memo)
    changed = dict(digests, **{"book/factsheets/batau-2025.html": "h2"})
    with pytest.raises(AssertionError, match="parsed again"):
        gate._without_layout_artefacts(tmp_path, findings, changed, memo)


def test_loading_deduce_leaves_the_callers_logging_alone():
    """deduce configures the root logger on import; the gate takes that back, so a build's output
    is not flooded with every INFO line of Dask (as it was: 'INFO:distributed.scheduler:…').
    A fresh interpreter: pytest's own log handlers would hide deduce's basicConfig."""
    import subprocess
    import sys

    script = ("import logging\n"
              "from analysis.privacy.rules import deduce_model\n"
              "deduce_model()\n"
              "log = logging.getLogger('distributed.scheduler')\n"
              "log.setLevel(logging.INFO)\n"
              "log.info('Scheduler at: tcp://127.0.0.1:1')\n"
              "print('handlers', len(logging.getLogger().handlers))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "Scheduler at" not in out.stdout + out.stderr
    assert "handlers 0" in out.stdout
