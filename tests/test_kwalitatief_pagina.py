"""Narrative pages: counting participants, suppression of small cells, quotes, questionnaire."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from analysis.kwalitatief import analyse
from analysis.kwalitatief.canon import load_dataset
from analysis.evaluation.text import lower_first as lower_label
from analysis.format import nl_list
from analysis.privacy.counts import small_counts_html
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


# --- Gesprekken pages agree with their own tables (issue 11, item 8) ---------------------------------


def _table_rows(html: str) -> list[tuple[str, int, int]]:
    """(theme label, depth, Totaal) of every row of a pijler's theme table."""
    rows = []
    for label, total in re.findall(r'<tr><th scope="row">([^<]*)</th><td class="vw-n">([^<]*)</td>', html):
        depth = label.count("↳ ")
        rows.append((unescape(label.replace("↳ ", "")), depth, int(total)))
    return rows


def _summary(text: str, heading: str) -> str:
    return next(ln for ln in text.splitlines() if ln.startswith(f"**{heading}.**"))


@pytest.mark.parametrize("gemeente", ["utrecht", "nieuwegein", "zeist", "amersfoort"])
def test_every_pijler_summary_names_exactly_the_main_themes_of_its_table(gemeente, reg):
    v = Verhaal.load(gemeente, 2023)
    text = v.naast_de_cijfers().data
    for p in reg.kernset.pijlers:
        if p.context:
            continue
        html = v.pijler(p.id).data
        line = _summary(text, f"{p.nummer}. {p.label}")
        rows = _table_rows(html)
        if not rows:
            assert "Bij deze pijler staat geen thema" in html
            assert "geen thema" in line, line
            continue
        assert "geen thema" not in line, f"{p.id}: the table has {rows} but the summary says: {line}"
        main = [(label, total) for label, depth, total in rows if depth == 0]
        expected = nl_list([f"{lower_label(label)} ({total} deelnemers)" for label, total in main])
        assert f"In de gesprekken: {expected}. Cijfers voor" in line, line
        assert len(re.findall(r"\(\d+ deelnemers\)", line)) == len(main), line
        assert all(total >= analyse.MIN_CELL for _, _, total in rows)


def test_overvecht_names_its_safety_and_education_themes(reg):
    text = Verhaal.load("utrecht", 2023).naast_de_cijfers().data
    assert "criminaliteit en ondermijning (6 deelnemers)" in _summary(text, "2. Veiligheid en ondermijning")
    assert "opleiding, stage en werk (6 deelnemers)" in _summary(text, "4. Onderwijs")


def test_batau_health_summary_includes_loneliness(reg):
    v = Verhaal.load("nieuwegein", 2023)
    line = _summary(v.naast_de_cijfers().data, "1. Gezondheid")
    assert "eenzaamheid en isolement (15 deelnemers)" in line
    assert ("Eenzaamheid en isolement", 0, 15) in _table_rows(v.pijler("gezondheid").data)


@pytest.mark.parametrize("gemeente", ["utrecht", "nieuwegein", "zeist", "amersfoort"])
def test_no_small_theme_no_small_group_and_no_internal_ids_anywhere(gemeente, reg):
    v = Verhaal.load(gemeente, 2023)
    sections = [v.inleiding(), v.wie(), *(v.pijler(p.id) for p in reg.kernset.pijlers if not p.context), v.overig(),
                v.samenhang(), v.vragenlijst(), v.naast_de_cijfers(), v.doelen()]
    page = "\n".join(s.data for s in sections)
    hidden = [c for c in analyse.all_code_counts(v.ds) if c.totaal < analyse.MIN_CELL]
    unquoted = re.sub(r"<blockquote\b.*?</blockquote>", "", page, flags=re.S)  # a quote may use the words
    for c in hidden:
        assert c.label not in unquoted and lower_label(c.label) not in unquoted, f"{c.label} ({c.totaal}) is shown"
        assert analyse.quotes(v.ds, c.code_id).empty
    small_groups = set(v.ds.deelnemers["groep"]) - set(analyse.counted(v.ds)["groep"])
    for g in small_groups:
        assert f'<th scope="col">{g}</th>' not in page and f"— {g}," not in page, g
    running = "\n".join(s.data for s in (v.inleiding(), v.naast_de_cijfers(), v.doelen()))
    ids = [i for i, label in zip(v.ds.codeboek["code_id"], v.ds.codeboek["label"]) if i != label.lower()]
    assert not [i for i in ids if "_" in i and i in running]  # korte_lijnen, muntplein_aanbod, ...
    assert not [i for i in ids if re.search(rf"thema {re.escape(i)}(?=[,)])", running)]
    assert small_counts_html(page) == []  # no count from 1 to 4: cells, columns, chart data, text


def test_batau_chair_is_left_out_not_shown_as_small_or_zero(reg):
    v = Verhaal.load("nieuwegein", 2023)
    assert analyse.left_out(v.ds) == 1 and "ondernemer" not in v.groups
    page = "".join(v.pijler(p.id).data for p in reg.kernset.pijlers if not p.context) + v.samenhang().data
    assert "ondernemer" not in page and "telefonisch gesprek" not in page
    assert "Sommige groepen waren kleiner dan 5 mensen" in v.wie().data


VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", re.I)


def flesch_douma(text: str) -> float:
    """206.835 - 0.93 x words per sentence - 77 x syllables per word (syllables: vowel groups)."""
    sentences = [s for s in re.split(r"(?<=[.!?:])\s+|\n+", text) if re.search(r"\w", s)]
    words = re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", text)
    syllables = sum(max(1, len(VOWELS.findall(w))) for w in words)
    return 206.835 - 0.93 * len(words) / len(sentences) - 77 * syllables / len(words)


def _running_text(markup: str) -> str:
    markup = re.sub(r"<(table|figure|blockquote|script|details)\b.*?</\1>", " ", markup, flags=re.S)
    markup = re.sub(r"\[([^\]]+)\]\([^)]*\)|\{ref\}`([^<`]+)<[^>]*>`", lambda m: m.group(1) or m.group(2), markup)
    return unescape(re.sub(r"<[^>]+>|[*#:]{2,}|:::\{?\w*\}?", " ", markup))


@pytest.mark.parametrize("gemeente", ["utrecht", "nieuwegein", "zeist", "amersfoort"])
def test_generated_text_of_the_page_reads_at_b1(gemeente, reg, root):
    """Flesch-Douma >= 60 on what the page writes itself (the introduction, notes and summaries,
    and the template's own paragraphs); quotes, tables and figures are not running text."""
    v = Verhaal.load(gemeente, 2023)
    nb = json.loads((root / "notebooks" / "kwalitatief.ipynb").read_text(encoding="utf-8"))
    template = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"
                         and not "".join(c["source"]).startswith("#"))
    template += "\n".join("".join(c["source"]).split("\n", 1)[1] for c in nb["cells"] if c["cell_type"] == "markdown"
                          and "\n" in "".join(c["source"]))
    text = "\n".join([_running_text(v.inleiding().data), _running_text(v.wie().data),
                      _running_text(v.pijler("onderwijs").data), _running_text(v.naast_de_cijfers().data), template])
    assert flesch_douma(text) >= 60, f"{flesch_douma(text):.1f}"
