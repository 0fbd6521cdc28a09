"""A gemeente's framework (denkkader): logic model, doelenboom or thematic set-up, as YAML
in data/denkkader/<gemeente-slug>.yml, validated, and linked to the evidence.

All three kinds share one shape: blocks (opgaven, ambities or thema's) holding elements
that point forward (``naar``) to what they contribute to. The element kinds and their
order depend on the framework:

    logic_model   input -> activiteit -> output -> outcome -> impact   (blocks: opgaven)
    doelenboom    activiteit -> doel                                  (blocks: ambities)
    thematisch    activiteit -> doel                                  (blocks: thema's)

A *goal* is an element with ``doel: true`` (in a doelenboom or thematic set-up every
``doel`` is one). Every goal must be served by at least one activity, may name kernset
indicators and qualitative codes as its evidence, and links point forward only (an arrow
to an earlier kind is an error; a loop is an error).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .errors import RegistryError
from .graphs import closure
from .kwalitatief.canon import dataset_folders
from .paths import data_dir, kwalitatief_dir
from .registries import Registries, cross_error, load_yaml_model

Soort = Literal["logic_model", "doelenboom", "thematisch"]
ORDER: dict[str, list[str]] = {
    "logic_model": ["input", "activiteit", "output", "outcome", "impact"],
    "doelenboom": ["activiteit", "doel"],
    "thematisch": ["activiteit", "doel"],
}
BLOCK_NAME = {"logic_model": "opgave", "doelenboom": "ambitie", "thematisch": "thema"}
ELEMENT_LABEL = {"input": "Input", "activiteit": "Activiteit", "output": "Output", "outcome": "Outcome",
                 "impact": "Impact", "doel": "Doel"}
ID = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Element(_Strict):
    id: str = Field(pattern=ID)
    soort: Literal["input", "activiteit", "output", "outcome", "impact", "doel"]
    tekst: str
    naar: list[str] = Field(default_factory=list)
    doel: bool = False
    indicatoren: list[str] = Field(default_factory=list)
    codes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _evidence_only_on_goals(self) -> "Element":
        if (self.indicatoren or self.codes) and not (self.doel or self.soort == "doel"):
            raise ValueError("only a goal (doel: true) names indicatoren or codes")
        return self


class Blok(_Strict):
    id: str = Field(pattern=ID)
    titel: str
    toelichting: str = ""
    elementen: list[Element] = Field(min_length=1)


class Denkkader(_Strict):
    gemeente: str
    soort: Soort
    voorbeeld: bool
    titel: str
    toelichting: str
    blokken: list[Blok] = Field(min_length=1)

    def is_goal(self, e: Element) -> bool:
        return e.doel or e.soort == "doel"

    @property
    def elements(self) -> dict[str, Element]:
        return {e.id: e for b in self.blokken for e in b.elementen}

    def goals(self) -> list[tuple[Blok, Element]]:
        return [(b, e) for b in self.blokken for e in b.elementen if self.is_goal(e)]

    def activities_for(self, goal_id: str) -> list[Element]:
        feeders = _reaching(self.elements)[goal_id]
        return [self.elements[x] for x in sorted(feeders) if self.elements[x].soort == "activiteit"]


def structure_problem(kader: Denkkader) -> tuple[tuple, str] | None:
    """The first structural problem of a framework, as (YAML key path, message), or None."""
    order = ORDER[kader.soort]
    where: dict[str, tuple] = {}
    for i, b in enumerate(kader.blokken):
        for j, e in enumerate(b.elementen):
            loc = ("blokken", i, "elementen", j)
            if e.id in where:
                return loc + ("id",), f"element id {e.id!r} is used twice"
            if e.soort not in order:
                return loc + ("soort",), f"element {e.id!r}: a {kader.soort} has no {e.soort!r} (use {', '.join(order)})"
            where[e.id] = loc
    elements = kader.elements
    for e in elements.values():
        for k, target in enumerate(e.naar):
            if target not in elements:
                return where[e.id] + ("naar", k), f"element {e.id!r} points to unknown element {target!r}"
            if order.index(elements[target].soort) < order.index(e.soort):
                return (where[e.id] + ("naar", k),
                        f"element {e.id!r} ({e.soort}) points back to {target!r} ({elements[target].soort})")
    cycle = _find_cycle(elements)
    if cycle:
        return where[cycle[0]] + ("naar",), f"a loop in the framework: {' -> '.join(cycle)}"
    goals = [e for e in elements.values() if kader.is_goal(e)]
    if not goals:
        return ("blokken",), "the framework has no goal (doel: true)"
    feeders = _reaching(elements)
    for g in goals:
        if not any(elements[x].soort == "activiteit" for x in feeders[g.id]):
            return where[g.id] + ("id",), f"goal {g.id!r} has no activity leading to it"
    return None


def _find_cycle(elements: dict[str, Element]) -> list[str] | None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in elements[node].naar:
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        state[node] = 2
        path.pop()
        return None

    for node in elements:
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return None


def _reaching(elements: dict[str, Element]) -> dict[str, set[str]]:
    """element -> every element with a path of `naar` links to it."""
    back: dict[str, list[str]] = {}
    for e in elements.values():
        for t in e.naar:
            back.setdefault(t, []).append(e.id)
    return closure(back, elements)


@dataclass(frozen=True)
class Framework:
    path: Path
    kader: Denkkader


def denkkader_dir() -> Path:
    return data_dir() / "denkkader"


def known_codes(gemeente_slug: str, root: Path | None = None) -> set[str]:
    """Code ids of every fieldwork dataset of a gemeente (any meting)."""
    codes: set[str] = set()
    for folder in dataset_folders(root or kwalitatief_dir()):
        if folder.parent.name == gemeente_slug:
            with open(folder / "codeboek.csv", encoding="utf-8", newline="") as fh:
                codes |= {row["code_id"] for row in csv.DictReader(fh)}
    return codes


def load_framework(path: Path, reg: Registries) -> Framework:
    """Load and check one framework file: schema, then indicators and codes it names."""
    path = Path(path)
    kader = load_yaml_model(path, Denkkader)
    problem = structure_problem(kader)
    if problem:
        raise cross_error(path, *problem)
    try:
        g = reg.gemeente(kader.gemeente)
    except KeyError as exc:
        raise cross_error(path, ("gemeente",), str(exc.args[0])) from None
    if path.stem != g.slug:
        raise cross_error(path, ("gemeente",), f"file {path.name} holds gemeente {g.slug!r}: name it {g.slug}.yml")
    indicator_ids = {i.id for i in reg.kernset.indicatoren}
    codes = known_codes(g.slug)
    for i, b in enumerate(kader.blokken):
        for j, e in enumerate(b.elementen):
            for k, ind in enumerate(e.indicatoren):
                if ind not in indicator_ids:
                    raise cross_error(path, ("blokken", i, "elementen", j, "indicatoren", k),
                                       f"unknown indicator {ind!r} (not in kernset.yml)")
            for k, code in enumerate(e.codes):
                # A gemeente without any fieldwork (not yet done, or withdrawn) has nothing to check
                # the codes against; its framework page then shows no conversation evidence.
                if codes and code not in codes:
                    raise cross_error(path, ("blokken", i, "elementen", j, "codes", k),
                                       f"unknown code {code!r} (not in any codeboek.csv of {g.slug})")
    return Framework(path, kader)


def load_frameworks(reg: Registries, folder: Path | None = None) -> dict[str, Framework]:
    """gemeente slug -> framework, for every file in data/denkkader/."""
    folder = folder or denkkader_dir()
    out = {}
    for path in sorted(Path(folder).glob("*.yml")):
        fw = load_framework(path, reg)
        out[reg.gemeente(fw.kader.gemeente).slug] = fw
    missing = [g.slug for g in reg.gebieden.gemeenten if g.slug not in out]
    if missing:
        raise RegistryError(folder, f"no framework for gemeente(n) {', '.join(missing)}")
    return out


def goal_label(gemeente_slug: str, element_id: str) -> str:
    """The explicit MyST target of a goal on its framework page."""
    return f"doel-{gemeente_slug}-{element_id}"


def goals_markdown(reg: Registries, gemeente_slug: str, *, indicators: set[str] = frozenset(),
                   codes: set[str] = frozenset(), code_labels: dict[str, str] | None = None) -> str:
    """A Markdown list linking the goals of a gemeente's framework that use any of the given
    indicators or qualitative codes (for the back-links on factsheets and narrative pages);
    ``code_labels`` names the codes for readers (internal ids otherwise)."""
    path = denkkader_dir() / f"{gemeente_slug}.yml"
    if not path.exists():
        return "Voor deze gemeente is er geen denkkader in dit boek."
    kader = load_framework(path, reg).kader
    lines = []
    for block, goal in kader.goals():
        used_ind = [i for i in goal.indicatoren if i in indicators]
        used_codes = [c for c in goal.codes if c in codes]
        if not used_ind and not used_codes:
            continue
        labels = code_labels or {}
        what = [reg.indicator(i).label.lower() for i in used_ind] + [f"thema {labels.get(c, c)}" for c in used_codes]
        lines.append(f"| {{ref}}`{goal.tekst} <{goal_label(gemeente_slug, goal.id)}>` | {block.titel} | "
                     f"{', '.join(what)} |")
    if not lines:
        return "Geen doel in het denkkader gebruikt de cijfers of thema's van deze pagina."
    # A table: each goal with the part of the framework it belongs to and what on this page tells about it.
    return ("Deze pagina zegt iets over deze doelen:\n\n| Doel | Onderdeel | Wat deze pagina erover zegt |\n"
            "|---|---|---|\n" + "\n".join(lines))
