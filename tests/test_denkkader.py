"""Frameworks (data/denkkader/*.yml), monitoring plans and werkpakketten: the committed files load
and hang together, and broken copies fail with an error naming the file, the YAML line and,
where the loader knows it, the key path."""

from __future__ import annotations

import dataclasses
import re
import shutil

import pandas as pd
import pytest

from analysis.denkkader import denkkader_dir, load_framework, load_frameworks
from analysis.errors import RegistryError
from analysis.paths import data_dir, kwalitatief_dir
from analysis.plan import PRODUCT_REF, load_plan, load_werkpakketten

EXPECTED_SOORT = {"amersfoort": "logic_model", "zeist": "doelenboom", "nieuwegein": "thematisch",
                  "utrecht": "thematisch"}
WERKPAKKETTEN = [
    "Coördinatie",
    "Vaststellen denkkader, logic model en selectie van indicatoren",
    "Verzameling en analyse van de kwantitatieve basisset",
    "Gemeentespecifieke monitoring",
    "Kennisontsluiting",
    "Community of Practice",
]


# --- the committed files -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def frameworks(reg):
    return load_frameworks(reg)


def test_every_gemeente_has_a_framework_of_its_kind(reg, frameworks):
    assert sorted(frameworks) == sorted(g.slug for g in reg.gebieden.gemeenten)
    for slug, fw in frameworks.items():
        k = fw.kader
        assert fw.path.name == f"{slug}.yml"
        assert k.soort == EXPECTED_SOORT[slug], slug
        assert k.voorbeeld is True, slug
        assert "voorbeeld" in k.toelichting, f"{slug}: the toelichting must say it is an illustration (voorbeeld)"
        assert len(k.blokken) >= 3, slug


def test_every_goal_has_an_activity_and_names_evidence(frameworks):
    for slug, fw in frameworks.items():
        k = fw.kader
        goals = k.goals()
        assert goals, slug
        for block, goal in goals:
            acts = k.activities_for(goal.id)
            assert acts, f"{slug}: goal {goal.id} has no activity"
            assert all(a.soort == "activiteit" for a in acts)
            assert goal.indicatoren or goal.codes, f"{slug}: goal {goal.id} names no evidence"
        # every block has at least one goal; a logic model has at most two per opgave
        for b in k.blokken:
            n = sum(k.is_goal(e) for e in b.elementen)
            assert n >= 1, f"{slug}: {b.id} has no goal"
            if k.soort == "logic_model":
                assert n <= 2, f"{slug}: {b.id} has {n} goals"


def test_logic_model_blocks_run_from_input_to_impact(frameworks):
    k = frameworks["amersfoort"].kader
    for b in k.blokken:
        assert {e.soort for e in b.elementen} == {"input", "activiteit", "output", "outcome", "impact"}, b.id


def test_goals_point_to_figures_the_book_has(reg, frameworks):
    """At least three goals per gemeente name an indicator the book has a figure for in the focus
    area, for the whole area or per part (Batau: Batau-Noord and Batau-Zuid)."""
    status = pd.read_csv(data_dir() / "processed" / "beschikbaarheid.csv")
    status = status[status["status"].isin(["beschikbaar", "deels"])]
    for slug, fw in frameworks.items():
        area = next(f.slug for f in reg.gebieden.focusgebieden if f.gemeente == reg.gemeente(slug).code)
        with_figures = set(status.loc[status["focusgebied"] == area, "indicator"])
        goals = [g.id for _, g in fw.kader.goals() if with_figures & set(g.indicatoren)]
        assert len(goals) >= 3, f"{slug}: only {goals} name an indicator with a figure"


def test_every_file_starts_with_a_header_comment_calling_itself_an_example():
    for path in sorted(denkkader_dir().glob("*.yml")) + [data_dir() / "monitoringsplan.yml",
                                                         data_dir() / "werkpakketten.yml"]:
        head = path.read_text(encoding="utf-8").splitlines()[:2]
        assert head[0].startswith("# "), path.name
        assert "voorbeeld" in " ".join(line for line in head if line.startswith("#")).lower(), path.name


def test_plan_covers_every_gemeente_with_metingen_and_fieldwork(reg):
    plan = load_plan(reg)
    assert plan.peildatum == "2023-06" and plan.voorbeeld is True
    assert "uitgevoerd" in plan.toelichting.lower() and "gepland" in plan.toelichting.lower()
    years = [m.jaar for m in reg.metingen.metingen]
    for g in reg.gebieden.gemeenten:
        acts = plan.gemeenten[g.slug].activiteiten
        factsheets = sorted(a.product for a in acts if a.product and a.product.startswith("factsheet:"))
        assert factsheets == [f"factsheet:{y}" for y in years], g.slug
        for a in acts:
            if a.product and a.product.startswith("factsheet:"):
                assert a.soort == "kwantitatief" and a.status is None, a.id  # the book derives it
        assert any(a.product == "denkkader:" for a in acts), f"{g.slug}: no activity links to the framework"
        assert any(a.status == "gepland" for a in acts), f"{g.slug}: nothing planned"
        # the fieldwork product of a meting whose dataset is in the book
        talks = {a.product for a in acts if a.product and a.product.startswith("gesprekken:")}
        assert talks, f"{g.slug}: no activity delivers a fieldwork page"
        assert any((kwalitatief_dir() / g.slug / PRODUCT_REF.match(ref).group(2) / "veldwerk.yml").is_file()
                   for ref in talks), (g.slug, talks)


def test_werkpakketten_are_the_six_of_the_monitor(reg):
    wp = load_werkpakketten(reg)
    assert wp.peildatum == "2023-06"
    assert [w.titel for w in wp.werkpakketten] == WERKPAKKETTEN
    for w in wp.werkpakketten:
        assert 2 <= len(w.mijlpalen) <= 5, w.titel
        assert w.omschrijving.strip(), w.titel
    # Without a product of the book: what was still to come in June 2023 is planned, what lies
    # before it has happened. A product's status comes from the book (tests/test_status.py).
    for w in wp.werkpakketten:
        for m in w.mijlpalen:
            if m.product is not None:
                assert m.status is None, (w.nummer, m.tekst)
            elif m.datum > wp.peildatum:
                assert m.status == "gepland", (w.nummer, m.tekst)
            else:
                assert m.status == "uitgevoerd", (w.nummer, m.tekst)
    assert {m.product for w in wp.werkpakketten for m in w.mijlpalen} >= {"factsheet:2021", "factsheet:2023",
                                                                          "factsheet:2025"}


# --- editing helpers ---------------------------------------------------------------------------------


def _line_of_text(text: str, marker: str | tuple[str, int]) -> int:
    """The line where `marker` starts, or with (marker, n) the n-th line after it."""
    marker, offset = marker if isinstance(marker, tuple) else (marker, 0)
    assert marker in text, f"marker not in edited text: {marker!r}"
    return text[: text.index(marker)].count("\n") + 1 + offset


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"expected exactly one {old!r}"
    return text.replace(old, new)


def _set_key(text: str, item_id: str, key: str, value: str | None, after: str | None = None) -> str:
    """Set (or with value None delete) `key` of the list item `- id: item_id`, keeping every other
    line as it is. `after` narrows the search to the text after that line (ids repeat per gemeente)."""
    lines = text.splitlines(keepends=True)
    start = 0
    if after is not None:
        start = next(i for i, ln in enumerate(lines) if ln.rstrip("\n") == after) + 1
    pattern = re.compile(rf"^(\s*)- id: {re.escape(item_id)}\s*$")
    first = next(i for i in range(start, len(lines)) if pattern.match(lines[i]))
    indent = " " * (len(pattern.match(lines[first]).group(1)) + 2)
    end = first + 1
    while end < len(lines) and lines[end].startswith(indent) and lines[end].strip():
        end += 1
    for i in range(first + 1, end):
        if lines[i].startswith(f"{indent}{key}:"):
            if value is None:
                del lines[i]
            else:
                lines[i] = f"{indent}{key}: {value}\n"
            return "".join(lines)
    assert value is not None, f"{item_id} has no key {key!r} to delete"
    lines.insert(end, f"{indent}{key}: {value}\n")
    return "".join(lines)


def _element_loc(reg, slug: str, element_id: str) -> str:
    fw = load_framework(denkkader_dir() / f"{slug}.yml", reg)
    for i, b in enumerate(fw.kader.blokken):
        for j, e in enumerate(b.elementen):
            if e.id == element_id:
                return f"blokken[{i}].elementen[{j}]"
    raise AssertionError(f"{slug} has no element {element_id}")


# --- a catalogue of broken frameworks ----------------------------------------------------------------
#
# Each case: id, gemeente whose real file is copied, the file name of the copy, an edit of its text,
# the expected key path (a callable giving it from the real file, a fixed string, or None when the
# loader reports a whole-file problem), a marker whose line is the expected row (None: any line),
# and phrases the message must contain.


def _col(slug, element_id, suffix=""):
    return lambda reg: _element_loc(reg, slug, element_id) + suffix


FRAMEWORK_CASES = [
    ("unknown-indicator", "amersfoort", "amersfoort.yml",
     lambda t: _set_key(t, "meer-bewegen", "indicatoren", "[ervaren_gezondheid, gelukindex]"),
     _col("amersfoort", "meer-bewegen", ".indicatoren[1]"), "gelukindex",
     ["unknown indicator 'gelukindex'", "kernset.yml"]),
    ("unknown-code", "zeist", "zeist.yml",
     lambda t: _set_key(t, "minder-geldzorgen", "codes", "[geldzorgen, schuldenvrij]"),
     _col("zeist", "minder-geldzorgen", ".codes[1]"), "schuldenvrij",
     ["unknown code 'schuldenvrij'", "codeboek.csv of zeist"]),
    ("cycle-between-outcomes", "amersfoort", "amersfoort.yml",
     lambda t: _set_key(_set_key(t, "meer-bewegen", "naar", "[gezonder-soesterkwartier, minder-eenzaam]"),
                        "minder-eenzaam", "naar", "[gezonder-soesterkwartier, meer-bewegen]"),
     _col("amersfoort", "meer-bewegen", ".naar"), None, ["a loop in the framework", "meer-bewegen", "minder-eenzaam"]),
    ("goal-without-activity", "nieuwegein", "nieuwegein.yml",
     lambda t: _set_key(t, "plein-opknappen", "naar", None),
     _col("nieuwegein", "levendig-muntplein", ".id"), "- id: levendig-muntplein",
     ["goal 'levendig-muntplein' has no activity leading to it"]),
    ("naar-points-backwards", "amersfoort", "amersfoort.yml",
     lambda t: _set_key(t, "minder-overlast", "naar", "[veilige-wijk, wijkschouw]"),
     _col("amersfoort", "minder-overlast", ".naar[1]"), None,
     ["'minder-overlast' (outcome) points back to 'wijkschouw' (activiteit)"]),
    ("naar-to-unknown-element", "utrecht", "utrecht.yml",
     lambda t: _set_key(t, "kernteam", "naar", "[kernteam-werkt-samen, wijkraad]"),
     _col("utrecht", "kernteam", ".naar[1]"), None, ["'kernteam' points to unknown element 'wijkraad'"]),
    ("duplicate-element-id", "zeist", "zeist.yml",
     lambda t: _replace(t, "- id: ontmoeting-rond-flat\n", "- id: aanbod-kinderen\n"),
     None, None, ["element id 'aanbod-kinderen' is used twice"]),
    ("evidence-on-non-goal", "amersfoort", "amersfoort.yml",
     lambda t: _set_key(t, "ouderen-in-beeld", "indicatoren", "[eenzaamheid]"),
     _col("amersfoort", "ouderen-in-beeld"), "- id: ouderen-in-beeld",
     ["only a goal (doel: true) names indicatoren or codes"]),
    ("input-in-doelenboom", "zeist", "zeist.yml",
     lambda t: _set_key(t, "netwerk-vollenhove-vooruit", "soort", "input"),
     _col("zeist", "netwerk-vollenhove-vooruit", ".soort"), "soort: input",
     ["'netwerk-vollenhove-vooruit': a doelenboom has no 'input'"]),
    ("output-in-thematisch", "utrecht", "utrecht.yml",
     lambda t: _set_key(t, "woningaanbod-vernieuwen", "soort", "output"),
     None, None, ["'woningaanbod-vernieuwen': a thematisch has no 'output'"]),
    ("unknown-gemeente", "nieuwegein", "nieuwegein.yml",
     lambda t: _replace(t, "\ngemeente: nieuwegein\n", "\ngemeente: houten\n"),
     "gemeente", "gemeente: houten", ["unknown gemeente 'houten'"]),
    ("file-name-does-not-match-gemeente", "zeist", "amersfoort.yml",
     lambda t: t,
     "gemeente", "gemeente: zeist", ["amersfoort.yml holds gemeente 'zeist'", "name it zeist.yml"]),
    ("missing-top-level-key", "utrecht", "utrecht.yml",
     lambda t: _replace(t, "titel: Verdiepingen Overvecht\n", ""),
     "titel", None, ["Field required"]),
    ("missing-element-text", "amersfoort", "amersfoort.yml",
     lambda t: _set_key(t, "wijkschouw", "tekst", None),
     _col("amersfoort", "wijkschouw", ".tekst"), "- id: wijkschouw", ["Field required"]),
    ("unknown-framework-kind", "nieuwegein", "nieuwegein.yml",
     lambda t: _replace(t, "\nsoort: thematisch\n", "\nsoort: theory_of_change\n"),
     "soort", "soort: theory_of_change", ["logic_model", "doelenboom", "thematisch"]),
    ("id-not-a-slug", "zeist", "zeist.yml",
     lambda t: _replace(t, "- id: gezonder-voelen\n", "- id: Gezonder_Voelen\n"),
     _col("zeist", "gezonder-voelen", ".id"), "- id: Gezonder_Voelen", ["should match pattern"]),
    ("misspelt-key", "amersfoort", "amersfoort.yml",
     lambda t: _set_key(t, "gezonder-soesterkwartier", "naa", "[]"),
     _col("amersfoort", "gezonder-soesterkwartier", ".naa"), "naa: []", ["Extra inputs are not permitted"]),
    ("invalid-yaml", "utrecht", "utrecht.yml",
     lambda t: _replace(t, "        tekst: Jongvolwassenen zitten beter in hun vel\n",
                        "        tekst: Jongvolwassenen zitten beter in hun vel\n       indicatoren: [x\n"),
     None, "indicatoren: [x", ["invalid YAML"]),
]


@pytest.mark.parametrize("case", FRAMEWORK_CASES, ids=[c[0] for c in FRAMEWORK_CASES])
def test_broken_framework_is_reported_with_file_line_and_key(case, reg, tmp_path):
    _, slug, filename, edit, column, marker, phrases = case
    text = edit((denkkader_dir() / f"{slug}.yml").read_text(encoding="utf-8"))
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        load_framework(path, reg)
    err = info.value
    assert err.path == str(path)
    assert isinstance(err.row, int) and 1 <= err.row <= text.count("\n") + 1, err.row
    if marker is not None:
        assert err.row == _line_of_text(text, marker), str(err)
    if column is not None:
        assert err.column == (column(reg) if callable(column) else column), str(err)
    for phrase in phrases:
        assert phrase in err.message, str(err)


def test_the_unedited_copy_loads(reg, tmp_path):
    """Guards the catalogue: its errors come from the edits, not from copying."""
    for slug in EXPECTED_SOORT:
        path = tmp_path / f"{slug}.yml"
        shutil.copy(denkkader_dir() / f"{slug}.yml", path)
        assert load_framework(path, reg).kader.gemeente == slug


def test_codes_are_not_checked_for_a_gemeente_without_fieldwork(reg, tmp_path, monkeypatch):
    """Fieldwork withdrawn (or not yet done) leaves nothing to check codes against: the framework
    still loads, while a gemeente that has fieldwork keeps the check (catalogue case unknown-code)."""
    kwal = tmp_path / "kwalitatief"
    shutil.copytree(kwalitatief_dir(), kwal)
    shutil.rmtree(kwal / "zeist")
    monkeypatch.setenv("VITALE_WIJKEN_KWALITATIEF", str(kwal))
    fw = load_framework(denkkader_dir() / "zeist.yml", reg)
    assert any(e.codes for b in fw.kader.blokken for e in b.elementen)
    with pytest.raises(RegistryError, match="unknown code"):
        path = tmp_path / "amersfoort.yml"
        path.write_text(_set_key((denkkader_dir() / "amersfoort.yml").read_text(encoding="utf-8"),
                                 "meer-bewegen", "codes", "[bewegen, bestaat_niet]"), encoding="utf-8")
        load_framework(path, reg)


def test_a_missing_framework_is_reported(reg, tmp_path):
    for slug in ("utrecht", "nieuwegein", "zeist"):
        shutil.copy(denkkader_dir() / f"{slug}.yml", tmp_path / f"{slug}.yml")
    with pytest.raises(RegistryError, match="no framework for gemeente\\(n\\) amersfoort") as info:
        load_frameworks(reg, tmp_path)
    assert info.value.path == str(tmp_path)


# --- broken plans and werkpakketten ------------------------------------------------------------------


@pytest.fixture
def reg_in(reg, tmp_path):
    """The real registries, but reading monitoringsplan.yml and werkpakketten.yml from tmp_path."""
    return dataclasses.replace(reg, folder=tmp_path)


def _activity_loc(reg, gemeente: str, activity_id: str) -> str:
    acts = load_plan(reg).gemeenten[gemeente].activiteiten
    i = next(i for i, a in enumerate(acts) if a.id == activity_id)
    return f"gemeenten.{gemeente}.activiteiten[{i}]"


PLAN_CASES = [
    ("planned-activity-with-product",
     lambda t: _set_key(t, "behoeftepeiling-openbare-ruimte", "product", '"gesprekken:2023"', after="  utrecht:"),
     lambda reg: _activity_loc(reg, "utrecht", "behoeftepeiling-openbare-ruimte"),
     "- id: behoeftepeiling-openbare-ruimte", ["either a status or a product"]),
    ("factsheet-with-its-own-status",
     lambda t: _set_key(_set_key(t, "kernset-2023", "product", None, after="  zeist:"), "kernset-2023", "status",
                        "gepland", after="  zeist:"),
     lambda reg: _activity_loc(reg, "zeist", "kernset-2023"), None, ["refer to its product"]),
    ("tot-before-van",
     lambda t: _set_key(t, "focusgroepen", "tot", '"2022-09"', after="  nieuwegein:"),
     lambda reg: _activity_loc(reg, "nieuwegein", "focusgroepen"),
     "- id: focusgroepen", ["'tot' 2022-09 lies before 'van' 2022-10"]),
    ("unknown-gemeente-key",
     lambda t: _replace(t, "\n  amersfoort:\n", "\n  houten:\n"),
     # for a block value the loader reports the value's first line, here the line below `houten:`
     lambda reg: "gemeenten.houten", ("  houten:\n", 1), ["unknown gemeente 'houten'"]),
    ("product-of-a-meting-that-does-not-exist",
     lambda t: _set_key(t, "kernset-2023", "product", '"factsheet:2024"', after="  zeist:"),
     lambda reg: _activity_loc(reg, "zeist", "kernset-2023") + ".product",
     'product: "factsheet:2024"', ["no meting 2024 (metingen.yml)"]),
    ("product-of-an-unknown-kind",
     lambda t: _set_key(t, "sleutelfiguren", "product", '"verhaal:2023"', after="  amersfoort:"),
     lambda reg: _activity_loc(reg, "amersfoort", "sleutelfiguren"),
     "- id: sleutelfiguren", ["product must look like"]),
    ("duplicate-activity-id",
     lambda t: _replace(t, "      - id: nco-analyses\n", "      - id: vragenlijst-kernteam\n"),
     lambda reg: "gemeenten.utrecht.activiteiten", None, ["duplicate activity id 'vragenlijst-kernteam'"]),
    ("month-out-of-range",
     lambda t: _set_key(t, "advies-kinderen", "van", '"2023-13"', after="  zeist:"),
     lambda reg: _activity_loc(reg, "zeist", "advies-kinderen") + ".van",
     'van: "2023-13"', ["should match pattern"]),
]


@pytest.mark.parametrize("case", PLAN_CASES, ids=[c[0] for c in PLAN_CASES])
def test_broken_plan_is_reported_with_file_line_and_key(case, reg, reg_in, tmp_path):
    _, edit, column, marker, phrases = case
    text = edit((data_dir() / "monitoringsplan.yml").read_text(encoding="utf-8"))
    path = tmp_path / "monitoringsplan.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        load_plan(reg_in)
    err = info.value
    assert err.path == str(path)
    assert isinstance(err.row, int) and 1 <= err.row <= text.count("\n") + 1, err.row
    if marker is not None:
        assert err.row == _line_of_text(text, marker), str(err)
    assert err.column == column(reg), str(err)
    for phrase in phrases:
        assert phrase in err.message, str(err)


def _drop_werkpakket_6(text: str) -> str:
    head, sep, _ = text.partition("  - nummer: 6\n")
    assert sep, "werkpakket 6 not found"
    return head


def _swap_2_and_3(text: str) -> str:
    text = _replace(text, "  - nummer: 2\n", "  - nummer: 9\n")
    text = _replace(text, "  - nummer: 3\n", "  - nummer: 2\n")
    return _replace(text, "  - nummer: 9\n", "  - nummer: 3\n")


WERKPAKKET_CASES = [
    # for a block value the loader reports the value's first line, here the line below `werkpakketten:`
    ("five-instead-of-six", _drop_werkpakket_6, "werkpakketten", ("werkpakketten:\n", 1),
     ["at least 6 items"]),
    ("wrong-order", _swap_2_and_3, None, None, ["numbered 1 to 6, in order"]),
    ("bad-milestone-month",
     lambda t: _replace(t, 'datum: "2022-07"\n        tekst: Derde CoP',
                        'datum: "juli 2022"\n        tekst: Derde CoP'),
     "werkpakketten[5].mijlpalen[0].datum", 'datum: "juli 2022"', ["should match pattern"]),
    ("unknown-status",
     lambda t: _replace(t, "tekst: Werkbezoek aan de Muntenbuurt in Nieuwegein\n        status: uitgevoerd",
                        "tekst: Werkbezoek aan de Muntenbuurt in Nieuwegein\n        status: bezig"),
     "werkpakketten[5].mijlpalen[3].status", "status: bezig", ["'gepland' or 'uitgevoerd'"]),
]


@pytest.mark.parametrize("case", WERKPAKKET_CASES, ids=[c[0] for c in WERKPAKKET_CASES])
def test_broken_werkpakketten_are_reported_with_file_line_and_key(case, reg_in, tmp_path):
    _, edit, column, marker, phrases = case
    text = edit((data_dir() / "werkpakketten.yml").read_text(encoding="utf-8"))
    path = tmp_path / "werkpakketten.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        load_werkpakketten(reg_in)
    err = info.value
    assert err.path == str(path)
    assert isinstance(err.row, int) and 1 <= err.row <= text.count("\n") + 1, err.row
    if marker is not None:
        assert err.row == _line_of_text(text, marker), str(err)
    if column is not None:
        assert err.column == column, str(err)
    for phrase in phrases:
        assert phrase in err.message, str(err)


def test_unedited_plan_and_werkpakketten_copies_load(reg_in, tmp_path):
    for name in ("monitoringsplan.yml", "werkpakketten.yml"):
        shutil.copy(data_dir() / name, tmp_path / name)
    assert load_plan(reg_in).gemeenten
    assert len(load_werkpakketten(reg_in).werkpakketten) == 6

