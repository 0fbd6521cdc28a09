"""The fictional example datasets in data/kwalitatief/<gemeente>/2023/: plain data files (no
generator), valid, fictional and labelled as such, faithful to the fieldwork of the progress
report, and with planted personal details only in segments that may never be published (found
here with the privacy gate's own rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.kwalitatief.canon import load_dataset
from analysis.privacy.gate import load_rules

SLUGS = ("utrecht", "nieuwegein", "zeist", "amersfoort")

# Participants per activity, as in the progress report (Zeist's imago survey: ~30 respondents).
DEELNEMERS = {
    "nieuwegein": {"fg-professionals": 7, "fg-bewoners": 9, "deurgesprekken": 23, "winkeliersvereniging": 1,
                   "verdiepende-interviews": 16},
    "utrecht": {"vragenlijst-kernteam": 14, "fg-kernteam": 8},
    "zeist": {"interviews-professionals": 18, "interviews-clienten": 21, "straatinterviews": 23,
              "imago-onderzoek": 30},
    "amersfoort": {"sleutelfiguren": 6, "fg-professionals": 8, "interviews-bewoners": 12},
}
METHODE_GROEP = {
    ("nieuwegein", "fg-professionals"): ("focusgroep", "professional", "2022-Q4"),
    ("nieuwegein", "fg-bewoners"): ("focusgroep", "bewoner", "2022-Q4"),
    ("nieuwegein", "deurgesprekken"): ("deurinterview", "bewoner", "2022-Q4"),
    ("nieuwegein", "winkeliersvereniging"): ("telefonisch", "ondernemer", "2022-Q4"),
    ("nieuwegein", "verdiepende-interviews"): ("diepte-interview", "bewoner", "2023-Q2"),
    ("utrecht", "vragenlijst-kernteam"): ("vragenlijst", "professional", "2022-12"),
    ("utrecht", "fg-kernteam"): ("focusgroep", "professional", "2023-01"),
    ("zeist", "interviews-professionals"): ("diepte-interview", "professional", "2022"),
    ("zeist", "interviews-clienten"): ("diepte-interview", "cliënt", "2022"),
    ("zeist", "straatinterviews"): ("straatinterview", "bewoner", "2022"),
    ("zeist", "imago-onderzoek"): ("vragenlijst", "bewoner", "2023"),
    ("amersfoort", "sleutelfiguren"): ("diepte-interview", "sleutelfiguur", "2023-Q3"),
    ("amersfoort", "fg-professionals"): ("focusgroep", "professional", "2023-Q4"),
    ("amersfoort", "interviews-bewoners"): ("diepte-interview", "bewoner", "2023-Q4"),
}



@pytest.fixture(scope="module")
def rules(reg, root):
    return load_rules(reg, root)


def details(rules, text: str) -> set[str]:
    return {h.rule for h in rules.scan(text)}


@pytest.fixture(scope="module")
def kwal(root: Path) -> Path:
    return root / "data" / "kwalitatief"


@pytest.fixture(scope="module")
def datasets(kwal: Path, reg):
    return {slug: load_dataset(kwal / slug / "2023", reg) for slug in SLUGS}


def test_the_example_data_are_data_files_not_code(root: Path, kwal: Path):
    assert not (root / "src" / "analysis" / "kwalitatief" / "example.py").exists()
    for slug in SLUGS:
        names = sorted(p.name for p in (kwal / slug / "2023").iterdir())
        assert {"veldwerk.yml", "deelnemers.csv", "codeboek.csv", "segmenten.csv"} <= set(names), slug


def test_every_dataset_loads_and_is_fictional(datasets, kwal: Path):
    for slug, ds in datasets.items():
        assert ds.gemeente == slug and ds.meting == 2023
        assert ds.veldwerk.fictief is True
        assert "fictief voorbeeld" in ds.veldwerk.titel.lower()
        assert "fictief voorbeeld" in ds.veldwerk.inleiding.lower()
        assert (kwal / slug / "2023" / "veldwerk.yml").read_text(encoding="utf-8").startswith("# FICTIEF VOORBEELD")


def test_participants_and_activities_follow_the_progress_report(datasets):
    for slug, ds in datasets.items():
        counts = ds.deelnemers.groupby("activiteit_id").size().to_dict()
        assert counts == DEELNEMERS[slug], slug
        for act in ds.veldwerk.activiteiten:
            assert (act.methode, act.groep, act.periode) == METHODE_GROEP[(slug, act.id)]


def test_utrecht_questionnaire(datasets):
    ds = datasets["utrecht"]
    vl = ds.veldwerk.vragenlijst
    assert vl is not None and vl.schaal == ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]
    assert len(vl.items) == 8 and all(i.thema and i.pijler for i in vl.items)
    respondents = set(ds.deelnemers.loc[ds.deelnemers["activiteit_id"] == "vragenlijst-kernteam", "deelnemer_id"])
    assert set(ds.antwoorden["deelnemer_id"]) == respondents
    assert len(ds.antwoorden) == 14 * 8
    assert 1 <= (ds.antwoorden["antwoord"] == "").sum() <= 6


def test_codebooks_and_codings_are_realistic(datasets):
    pijlers = set()
    for slug, ds in datasets.items():
        assert 10 <= len(ds.codeboek) <= 16, slug
        assert (ds.codeboek["ouder"] != "").sum() >= 3, f"{slug}: no hierarchy"
        pijlers |= set(ds.codeboek["pijler"])
        segs = ds.segmenten.drop_duplicates("segment_id")
        per_person = segs.groupby("deelnemer_id").size().reindex(ds.deelnemers["deelnemer_id"], fill_value=0)
        assert per_person.between(1, 6).all(), slug
        assert (ds.segmenten.groupby("segment_id").size() > 1).sum() >= 3, f"{slug}: no co-occurring codes"
        share = (ds.segmenten["publiceerbaar"] == "ja").mean()
        assert 0.70 <= share <= 0.85, f"{slug}: {share:.0%} publishable"
        cells = ds.segmenten.merge(ds.deelnemers, on="deelnemer_id").groupby(["code_id", "groep"])[
            "deelnemer_id"].nunique()
        assert (cells >= 5).sum() >= 5, f"{slug}: too few cells of 5 or more"
        assert cells.between(1, 4).sum() >= 3, f"{slug}: no small cells"
    assert {"gezondheid", "veiligheid", "participatie", "onderwijs", "wonen"} <= pijlers


def test_planted_details_only_in_unpublishable_segments(datasets, rules):
    """Each dataset keeps 2-3 segments with planted personal details, so the gate can be
    exercised; every one of them is marked 'nee'."""
    for slug, ds in datasets.items():
        segs = ds.segmenten.drop_duplicates("segment_id")
        planted = segs[segs["tekst"].map(lambda t: bool(details(rules, t)))]
        assert 2 <= len(planted) <= 3, f"{slug}: {len(planted)} segments with personal details"
        assert set(planted["publiceerbaar"]) == {"nee"}, f"{slug}: a personal detail in a publishable segment"


def test_publishable_text_is_free_of_personal_details(datasets, rules):
    for slug, ds in datasets.items():
        published = ds.segmenten.loc[ds.segmenten["publiceerbaar"] == "ja", "tekst"].drop_duplicates()
        leaks = {t: details(rules, t) for t in published if details(rules, t)}
        assert not leaks, f"{slug}: {leaks}"
        v = ds.veldwerk
        texts = [v.titel, v.inleiding, *(a.omschrijving for a in v.activiteiten),
                 *ds.codeboek["label"], *ds.codeboek["omschrijving"]]
        if v.vragenlijst is not None:
            texts += [i.tekst for i in v.vragenlijst.items]
        assert not [t for t in texts if details(rules, t)], slug
