"""The readability check itself (analysis.leesbaarheid): running text, syllables, Flesch-Douma and
the banned patterns, each shown to fail on planted text. The check over the built book is in
tests/test_b1.py."""

from __future__ import annotations

import pytest

from analysis.leesbaarheid import (
    B1_MINIMUM,
    BANNED,
    banned,
    page_report,
    running_text,
    score,
    sentences,
    syllables,
    words,
)


@pytest.mark.parametrize("word, n", [
    ("de", 1), ("zee", 1), ("nieuw", 1), ("Overvecht", 3), ("eenzaamheid", 3), ("gezondheid", 3), ("ideeën", 3),
    ("België", 3), ("mooie", 2), ("sociale", 4), ("situatie", 4), ("geïnteresseerd", 5), ("coöperatie", 5),
    ("uitgevoerd", 3), ("Nederland", 3), ("WOZ-waarde", 3), ("vergelijkbaar", 4), ("bewoners", 3),
])
def test_dutch_syllables(word, n):
    assert syllables(word) == n


def test_words_and_sentences():
    assert words("In 2024 had 69,9% van de 65-plussers een WOZ-waarde.") == ["In", "had", "van", "de", "65-plussers",
                                                                           "een", "WOZ-waarde"]
    assert sentences("Dit is o.a. een zin. En dit, bijv. nog een! Klopt dat? Ja") == [
        "Dit is o.a. een zin.", "En dit, bijv. nog een!", "Klopt dat?", "Ja"]
    assert sentences("Er wonen 1.000 mensen.") == ["Er wonen 1.000 mensen."]


def test_flesch_douma_formula():
    s = score(["De kat zit op de mat."])  # 6 words, 1 sentence, 6 syllables
    assert (s.words, s.sentences, s.syllables) == (6, 1, 6)
    assert s.flesch_douma == pytest.approx(206.835 - 0.93 * 6 - 77 * 1)


def test_long_words_and_sentences_score_low():
    plain = score(["We meten drie keer. Elke keer kijken we naar de wijk. Zo zien we of het beter gaat."])
    stiff = score(["De gemeentespecifieke monitoringsactiviteiten worden gedurende de looptijd van de regiodeal "
                   "systematisch geoperationaliseerd, geïmplementeerd en geëvalueerd door de betrokken "
                   "onderzoeksorganisaties."])
    assert plain.flesch_douma >= B1_MINIMUM > stiff.flesch_douma


PAGE = """<html><body><nav><p>Navigatie met 50150NED</p></nav>
<article class="bd-article">
 <h1>Titel</h1>
 <p>Dit is gewone tekst.</p>
 <ul><li>Een punt. <ul><li>Een dieper punt.</li></ul></li><li><p>Een punt met alinea.</p></li></ul>
 <div class="admonition note"><p class="admonition-title">Voorbeeld</p><p>Tekst in een noot.</p></div>
 <table class="vw-table"><tr><td><p>In een tabel: WK035603</p></td></tr></table>
 <figure class="vw-figure"><div class="vw-chart"><div class="vega-embed"><details><summary>Menu</summary>
   <p>Opslaan als PNG</p></details></div></div>
   <figcaption>Wat de figuur laat zien.</figcaption>
   <details class="vw-data"><summary>Gegevens</summary><table><tr><td>85984NED</td></tr></table></details></figure>
 <p>Een <abbr title="tabel 85984NED">bron</abbr> met tooltip.</p>
 <pre>code_in_een_blok = 1</pre>
 <script>var x = "50150NED";</script>
 <section id="bronnen-en-toelichting"><h2>Bronnen en toelichting</h2><p>Bron: 50150NED, peiljaar 2024.</p></section>
</article><footer><p>Colofon 86165NED</p></footer></body></html>"""


def test_running_text_is_paragraphs_items_and_captions_only():
    assert running_text(PAGE) == ["Dit is gewone tekst.", "Een punt.", "Een dieper punt.", "Een punt met alinea.",
                                  "Tekst in een noot.", "Wat de figuur laat zien.", "Een bron met tooltip."]


@pytest.mark.parametrize("soort, planted", [
    ("tabelcode", "De cijfers komen uit 50150NED van het RIVM."),
    ("gebiedscode", "Batau-Noord (WK035603) ligt in Nieuwegein."),
    ("gebiedscode", "De buurt BU03560300 hoort erbij."),
    ("gebiedscode", "De gemeente GM0356 doet mee."),
    ("interne id met punt", "Zie indicator demografie.inwoners voor meer."),
    ("interne id met liggend streepje", "Het thema korte_lijnen komt niet voor."),
    ("bouwwoord", "De cijfers komen uit de mirror."),
    ("bouwwoord", "Dat staat niet in de bronbestanden van dit boek."),
    ("bouwwoord", "Dit staat in monitoringsplan.yml beschreven."),
    ("Kleinereichschattingen", "Het zijn Kleinereichschattingen."),
    ("stijve inversie", "Gunstiger dan Nieuwegein is Batau op misdrijven."),
    ("stijve inversie", "Het gaat goed. Hoger dan Utrecht is de WOZ-waarde in Overvecht."),
])
def test_each_banned_pattern_is_found(soort, planted):
    assert soort in BANNED
    found = banned([planted])
    assert [f.soort for f in found] == [soort], found


@pytest.mark.parametrize("clean", [
    "Batau is gunstiger dan Nieuwegein op misdrijven.",
    "Kijk op www.rivm.nl voor meer.",
    "Het aandeel ligt op 69,9%. Dat is 1.000 keer.",
    "De eindmeting is in 2025.",
    "Meer dan de helft woont er lang.",
])
def test_plain_sentences_pass(clean):
    assert banned([clean]) == []


def test_a_page_with_planted_defects_fails(tmp_path):
    page = tmp_path / "p.html"
    good = "<p>We meten drie keer. Elke keer kijken we naar de wijk. Zo zien we of het beter gaat.</p>"
    page.write_text(f'<article class="bd-article">{good}</article>', encoding="utf-8")
    assert page_report(page).ok
    page.write_text(f'<article class="bd-article">{good}<p>Bron: 50150NED.</p></article>', encoding="utf-8")
    assert not page_report(page).ok
    long = ("<p>De gemeentespecifieke monitoringsactiviteiten worden gedurende de looptijd systematisch "
            "geoperationaliseerd en geëvalueerd door de betrokken onderzoeksorganisaties.</p>")
    page.write_text(f'<article class="bd-article">{good}{long}</article>', encoding="utf-8")
    r = page_report(page)
    assert not r.ok and not r.findings and r.score.flesch_douma < B1_MINIMUM
