"""Schema tests of the registries: the real ones load, and broken copies fail with an error
naming the file, the YAML line and the key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from analysis.errors import RegistryError
from analysis.registries import REGISTRY_FILES, load_registries


def test_registries_load_and_cover_the_monitor(reg):
    assert [f.naam for f in reg.gebieden.focusgebieden] == ["Overvecht", "Batau", "Vollenhove",
                                                                     "Soesterkwartier"]
    assert reg.focusgebied("batau").codes == ["WK035603", "WK035604"]
    assert reg.focusgebied("batau").gemeente == "GM0356"
    vollenhove = reg.focusgebied("vollenhove").delen[0]
    assert (vollenhove.code, vollenhove.binnen, vollenhove.niveau) == ("BU03550205", "WK035502", "buurt")
    assert reg.focusgebied("soesterkwartier").grenswijziging.jaar == 2022
    assert [m.jaar for m in reg.metingen.metingen] == [2021, 2023, 2025]
    assert reg.nulmeting.soort == "nulmeting"
    assert reg.meting_of("50090NED", 2020) == 2021
    assert reg.meting_of("50150NED", 2022) == 2023
    assert reg.meting_of("50090NED", 2016) is None  # pre-monitor trend


def test_kernset_has_twenty_indicators_over_all_five_pijlers(reg):
    inds = reg.kernset.indicatoren
    assert len(inds) >= 20
    pijlers = {p.id for p in reg.kernset.pijlers if not p.context}
    assert pijlers == {"gezondheid", "veiligheid", "participatie", "onderwijs", "wonen"}
    for p in pijlers:
        assert reg.indicatoren_van(p), p
    # Pijlers without a wijk-level source keep their indicators, marked, never dropped.
    onderwijs = reg.indicatoren_van("onderwijs")
    assert any(not i.bronnen and i.geen_bron for i in onderwijs)
    veiligheid = reg.indicatoren_van("veiligheid")
    assert any(not i.bronnen and i.geen_bron for i in veiligheid)
    for ind in inds:
        assert ind.label and ind.definitie and ind.leeftijd and ind.min_niveau


def test_every_registry_starts_with_a_header_comment(root):
    for name in REGISTRY_FILES.values():
        first = (root / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# "), name


def test_bronnen_credit_and_address_every_table(reg):
    for tabel_id, t in reg.bronnen.tabellen.items():
        assert t.licentie and t.bronvermelding and t.url.startswith("https://"), tabel_id
    carried = {t for b in reg.bronnen.bestanden for t in b.draagt}
    assert carried == set(reg.bronnen.tabellen)


@pytest.fixture
def registry_copy(tmp_path, root) -> Path:
    for name in REGISTRY_FILES.values():
        shutil.copy(root / "data" / name, tmp_path / name)
    return tmp_path


def _edit(folder: Path, name: str, old: str, new: str, count: int = 1) -> int:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {name}: {old!r}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


BROKEN = [
    # (id, file, old, new, expected column pattern, message phrase)
    ("unknown-pijler", "kernset.yml", "    pijler: gezondheid\n    eenheid: procent\n    richting: hoger_beter\n"
     "    leeftijd: 18+\n    min_niveau: buurt\n    bronnen:\n      - {tabel: 50090NED, kolom: Ervaren",
     "    pijler: gezondhied\n    eenheid: procent\n    richting: hoger_beter\n"
     "    leeftijd: 18+\n    min_niveau: buurt\n    bronnen:\n      - {tabel: 50090NED, kolom: Ervaren",
     None, "unknown pijler 'gezondhied'"),
    ("bad-richting", "kernset.yml", "richting: lager_beter", "richting: omlaag", r"indicatoren\[\d+\]\.richting",
     "hoger_beter"),
    ("duplicate-indicator", "kernset.yml", "  - id: roken\n", "  - id: overgewicht\n", None,
     "duplicate indicator id: overgewicht"),
    ("unknown-tabel", "kernset.yml", "{tabel: 50090NED, kolom: Roker,", "{tabel: 99999NED, kolom: Roker,",
     r"indicatoren\[\d+\]\.bronnen\[0\]\.tabel", "unknown tabel '99999NED'"),
    ("no-source-no-reason", "kernset.yml",
     "    bronnen: []\n    geen_bron: \"Komt uit de Veiligheidsmonitor (CBS); niet",
     "    bronnen: []\n    toelichting_weg: \"Komt uit de Veiligheidsmonitor (CBS); niet", None, "Extra inputs"),
    ("ratio-without-factor", "kernset.yml", "teller: a_soz_wb, noemer: a_inw, factor: 1000",
     "teller: a_soz_wb, noemer: a_inw", r"indicatoren\[\d+\]\.bronnen\[\d+\]", "'factor'"),
    ("part-outside-gemeente", "gebieden.yml", "- code: WK034403", "- code: WK035603", r"focusgebieden\[0\]",
     "does not lie in gemeente GM0344"),
    ("focus-area-in-unknown-gemeente", "gebieden.yml", "  - code: GM0355\n    naam: Zeist",
     "  - code: GM0358\n    naam: Zeist", None, "focusgebied vollenhove: unknown gemeente GM0355"),
    ("duplicate-focus-slug", "gebieden.yml", "  slug: batau\n", "  slug: overvecht\n", None,
     "duplicate focusgebied slug: overvecht"),
    ("gemeente-code-lost-zero", "gebieden.yml", "- code: GM0307", "- code: GM307", r"gemeenten\[3\]\.code",
     "should match pattern"),
    ("buurt-not-in-wijk", "gebieden.yml", "binnen: WK035502", "binnen: WK035503", r"focusgebieden\[2\]",
     "does not lie in wijk"),
    ("peiljaar-after-meting", "metingen.yml", "      50150NED: 2022\n", "      50150NED: 2024\n",
     r"metingen\[1\]", "lies after meting 2023"),
    ("metingen-out-of-order", "metingen.yml", "  - jaar: 2023", "  - jaar: 2027", r"<top>|metingen",
     "ascending order"),
    ("unknown-formaat", "bronnen.yml", "formaat: statline-csv", "formaat: excel-ish", r"bestanden\[\d+\]\.formaat",
     "unknown formaat 'excel-ish'"),
    ("online-and-offline-missing", "bronnen.yml",
     "    offline_reden: \"Opzoektabel uit de mirror; de namen staan ook in de wijk- en buurtkaart.\"\n", "",
     r"bestanden\[\d+\]", "either an 'online' fetch spec or an 'offline_reden'"),
    ("http-address", "bronnen.yml", "url: https://data.politie.nl/#/Politie/nl/dataset/47013NED/table",
     "url: http://data.politie.nl/47013NED", r"tabellen\.47013NED\.url", "should match pattern"),
    # A typo in a kernset column would otherwise delete the indicator's figures silently.
    ("kernset-kolom-typo-kwb-excel", "kernset.yml", "{tabel: 85618NED, kolom: p_koopw,", "{tabel: 85618NED, kolom: p_koopwo,",
     r"indicatoren\[\d+\]\.bronnen\[\d+\]\.kolom", "column 'p_koopwo' of tabel 85618NED is not declared"),
    ("kernset-kolom-typo-statline", "kernset.yml", "kolom: Koopwoningen, gewicht: Woningvoorraad",
     "kolom: Koopwoning, gewicht: Woningvoorraad", r"indicatoren\[\d+\]\.bronnen\[\d+\]\.kolom",
     "column 'Koopwoning' of tabel 84799NED is not declared"),
    ("kernset-kolom-typo-rivm", "kernset.yml", "{tabel: 50090NED, kolom: Roker,", "{tabel: 50090NED, kolom: Rooker,",
     r"indicatoren\[\d+\]\.bronnen\[\d+\]\.kolom", "column 'Rooker' of tabel 50090NED is not declared"),
    # A peiljaar the table does not publish (a peiljaar it publishes but the files lack is the
    # build's to find: tests/test_build_bad_input.py).
    ("peiljaar-not-published", "metingen.yml", "      50150NED: 2022\n", "      50150NED: 2021\n",
     r"metingen\[1\]\.peiljaren\.50150NED", "table 50150NED has no peiljaar 2021"),
    ("unknown-tabel-in-metingen", "metingen.yml", "      83648NED: 2020\n", "      83684NED: 2020\n",
     r"metingen\[0\]\.peiljaren\.83684NED", "unknown tabel '83684NED'"),
    ("unknown-locale", "bronnen.yml", "    formaat: statline-export-csv\n",
     "    formaat: statline-export-csv\n    locale: de\n", r"bestanden\[\d+\]\.locale", "'en' or 'nl'"),
    ("buurt-code-lost-zero", "gebieden.yml", "      - code: BU03550205", "      - code: BU3550205",
     r"focusgebieden\[2\]\.delen\[0\]\.code", "should match pattern"),
    ("binnen-on-a-wijk", "gebieden.yml", "      - code: WK034403\n        naam: Overvecht\n",
     "      - code: WK034403\n        naam: Overvecht\n        binnen: WK034403\n", r"focusgebieden\[0\]",
     "only a buurt can lie 'binnen' a wijk"),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_registry_is_reported_with_file_line_and_key(registry_copy, case):
    _id, name, old, new, column, phrase = case
    line = _edit(registry_copy, name, old, new)
    with pytest.raises(RegistryError) as info:
        load_registries(registry_copy)
    err = info.value
    assert err.path.endswith(name)
    assert phrase in str(err)
    if column is not None:
        assert err.column is not None and re.search(column, err.column), err.column
    assert isinstance(err.row, int) and err.row >= 1
    if column is not None and "bestanden" not in column and "<top>" not in column:
        # The reported line is at or near the edited one (the key's own line or its block's).
        assert abs(err.row - line) <= 12, (err.row, line)


def test_invalid_yaml_reports_the_line(registry_copy):
    _edit(registry_copy, "metingen.yml", "start_monitor: 2021", "start_monitor: [2021")
    with pytest.raises(RegistryError) as info:
        load_registries(registry_copy)
    assert "invalid YAML" in str(info.value) and isinstance(info.value.row, int)


def test_renamed_topic_in_bronnen_is_reported_against_the_kernset_column(registry_copy):
    """A topic renamed in a bestand's online spec leaves the kernset column it feeds without a
    carrier: reported at that kernset column, naming the bestand and where to declare it."""
    _edit(registry_copy, "bronnen.yml", "        Koopwoningen: []\n", "        Koopwoning: []\n")
    with pytest.raises(RegistryError) as info:
        load_registries(registry_copy)
    err = info.value
    assert err.path.endswith("kernset.yml") and re.search(r"indicatoren\[\d+\]\.bronnen\[\d+\]\.kolom", err.column)
    assert "column 'Koopwoningen' of tabel 84799NED is not declared" in err.message
    assert "cbs-kwb-84799NED" in err.message and "bronnen.yml" in err.message


@pytest.mark.parametrize("name, old, new, phrase", [
    ("colofon.yml", "contact:", "kontakt:", "colofon.yml"),
    ("zoekwoorden.yml", "synoniemen:", "synoniem:", "zoekwoorden.yml"),
    ("privacy.yml", "titels:", "titel:", "privacy.yml"),
    ("denkkader/zeist.yml", "gemeente: zeist", "gemeente: houten", "zeist.yml"),
    ("monitoringsplan.yml", "gemeenten:", "gemeente:", "monitoringsplan.yml"),
])
def test_check_validates_every_registry_of_the_book(tmp_path, root, capsys, name, old, new, phrase):
    """`vitale-wijken check` reads all YAML the book uses, not only the four data registries: a
    broken colophon, synonym list or deny-list fails it with the file named."""
    from analysis.cli import main

    folder = tmp_path / "data"
    shutil.copytree(root / "data", folder, ignore=shutil.ignore_patterns("raw", "processed", "kwalitatief"))
    assert main(["--registries", str(folder), "check"]) == 0
    assert "book registries OK" in capsys.readouterr().out
    _edit(folder, name, old, new)
    assert main(["--registries", str(folder), "check"]) == 2
    assert phrase in capsys.readouterr().err
