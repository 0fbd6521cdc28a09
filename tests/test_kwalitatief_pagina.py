"""Narrative pages: counting participants, suppression of small cells, quotes, questionnaire."""

from __future__ import annotations

import re

import pytest

from analysis.kwalitatief import analyse
from analysis.kwalitatief.canon import load_dataset
from analysis.kwalitatief.pagina import Verhaal, anchor


@pytest.fixture(scope="module")
def batau(reg, root):
    return load_dataset(root / "data" / "kwalitatief" / "nieuwegein" / "2023", reg)


def test_small_counts_are_suppressed_and_cannot_be_worked_out_from_the_total():
    assert analyse.shown_count(0) == "0" and analyse.shown_count(4) == "< 5" and analyse.shown_count(5) == "5"
    row = analyse.suppress_row({"bewoner": 21, "ondernemer": 1, "professional": 6}, 28)
    assert row == {"bewoner": "21", "ondernemer": "< 5", "professional": analyse.SECONDARY}
    two_hidden = analyse.suppress_row({"bewoner": 21, "ondernemer": 1, "professional": 3}, 25)
    assert two_hidden == {"bewoner": "21", "ondernemer": "< 5", "professional": "< 5"}
    assert analyse.suppress_row({"bewoner": 7, "ondernemer": 0}, 7) == {"bewoner": "7", "ondernemer": "0"}


def test_themes_count_participants_not_segments(batau):
    seg = analyse.coded(batau)
    counts = {c.code_id: c for c in analyse.code_counts(batau)}
    below = analyse.codes_with_descendants(batau)
    for code_id, c in counts.items():
        people = seg.loc[seg.code_id.isin(below[code_id]), "deelnemer_id"]
        assert c.totaal == people.nunique() <= len(people)
        assert sum(c.per_groep.values()) == c.totaal
    # somebody said more than one thing about a theme, so segment counts would differ
    assert any(seg[seg.code_id == k].deelnemer_id.duplicated().any() for k in counts)
    parents = [c for c in counts.values() if c.depth == 0 and any(x.ouder == c.code_id for x in counts.values())]
    for p in parents:
        children = [x for x in counts.values() if x.ouder == p.code_id]
        assert p.totaal >= max(ch.totaal for ch in children)


def test_quotes_are_publishable_only_and_attributed_by_group_and_method(batau):
    for code in batau.codeboek.code_id:
        q = analyse.quotes(batau, code)
        ids = set(q.segment_id)
        allowed = set(batau.segmenten.loc[batau.segmenten.publiceerbaar == "ja", "segment_id"])
        assert ids <= allowed
        assert list(q.columns) == ["segment_id", "tekst", "groep", "methode"]


def test_cooccurrence_diagonal_equals_theme_totals(batau):
    top = [c for c in analyse.code_counts(batau) if c.depth == 0]
    co = analyse.cooccurrence(batau, [c.code_id for c in top])
    diag = co[co.code_a == co.code_b].set_index("code_a")["n"]
    assert {c.code_id: c.totaal for c in top} == diag.to_dict()
    sym = co.pivot(index="code_a", columns="code_b", values="n")
    assert (sym.values == sym.values.T).all()
    assert (co[co.code_a != co.code_b]["n"] > 0).any(), "the example data has overlapping themes"


def test_likert_shares_add_up_and_count_valid_answers(reg, root):
    ds = load_dataset(root / "data" / "kwalitatief" / "utrecht" / "2023", reg)
    lk = analyse.likert(ds)
    for item, grp in lk.groupby("item_id"):
        assert grp["aandeel"].sum() == pytest.approx(100.0)
        answers = ds.antwoorden[(ds.antwoorden.item_id == item) & (ds.antwoorden.antwoord != "")]
        assert grp["geldig"].iloc[0] == len(answers) and grp["n"].sum() == len(answers)


@pytest.mark.parametrize("gemeente", ["utrecht", "nieuwegein", "zeist", "amersfoort"])
def test_page_sections_hide_ids_and_small_numbers(gemeente, reg):
    v = Verhaal.load(gemeente, 2023)
    html = "".join(x.data for x in [v.wie(), v.samenhang(), v.vragenlijst(), v.overig()]
                   + [v.pijler(p.id) for p in reg.kernset.pijlers if not p.context])
    ids = set(v.ds.deelnemers.deelnemer_id) | set(v.ds.segmenten.segment_id)
    assert not [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", html)]
    cells = re.findall(r'<td class="vw-n">([^<]*)</td>', html)
    assert cells and not [c for c in cells if c.isdigit() and 0 < int(c) < 5]
    hidden = set(v.ds.segmenten.loc[v.ds.segmenten.publiceerbaar == "nee", "tekst"])
    assert not [t for t in hidden if t in html]
    md = v.inleiding().data
    assert "Fictieve gegevens" in md and f"factsheets/{v.gebied.key}-2023.ipynb" in md


def test_beside_the_figures_links_each_pijler_to_its_factsheet_section(reg):
    text = Verhaal.load("zeist", 2023).naast_de_cijfers().data
    for p in reg.kernset.pijlers:
        if not p.context:
            assert f"vollenhove-2023.ipynb#{anchor(f'{p.nummer}. {p.label}')})" in text
    assert "ervaren gezondheid goed of zeer goed 62,7% (2022)" in text
    assert anchor("5. Wonen, gezonde leefomgeving, groen en duurzaamheid") == \
        "5-wonen-gezonde-leefomgeving-groen-en-duurzaamheid"
