"""Monitoring plans per gemeente (data/monitoringsplan.yml) and the six werkpakketten of the
monitor with their milestones (data/werkpakketten.yml)."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .registries import Registries, cross_error, load_yaml_model

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
Status = Literal["gepland", "uitgevoerd"]
PAGE_REF = re.compile(r"^(factsheet|gesprekken|denkkader):(\d{4})?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanActiviteit(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    titel: str
    soort: Literal["kwantitatief", "kwalitatief", "overleg", "rapportage"]
    van: str = Field(pattern=MONTH)
    tot: str = Field(pattern=MONTH)
    status: Status
    opbrengst: str = ""
    pagina: str | None = None  # a page of the book it produced: factsheet:YYYY, gesprekken:YYYY, denkkader:

    @model_validator(mode="after")
    def _consistent(self) -> "PlanActiviteit":
        if self.tot < self.van:
            raise ValueError(f"{self.id}: 'tot' {self.tot} lies before 'van' {self.van}")
        if self.pagina is not None and not PAGE_REF.match(self.pagina):
            raise ValueError(f"{self.id}: pagina must look like factsheet:2021, gesprekken:2023 or denkkader:")
        if self.status == "gepland" and self.pagina:
            raise ValueError(f"{self.id}: a planned activity has produced no page yet")
        return self


class GemeentePlan(_Strict):
    toelichting: str
    activiteiten: list[PlanActiviteit] = Field(min_length=1)


class Monitoringsplan(_Strict):
    peildatum: str = Field(pattern=MONTH)
    voorbeeld: bool
    toelichting: str
    gemeenten: dict[str, GemeentePlan]


class Mijlpaal(_Strict):
    datum: str = Field(pattern=MONTH)
    tekst: str
    status: Status


class Werkpakket(_Strict):
    nummer: int = Field(ge=1, le=9)
    titel: str
    omschrijving: str
    mijlpalen: list[Mijlpaal] = Field(min_length=1)


class Werkpakketten(_Strict):
    peildatum: str = Field(pattern=MONTH)
    toelichting: str
    werkpakketten: list[Werkpakket] = Field(min_length=6, max_length=6)

    @model_validator(mode="after")
    def _numbered(self) -> "Werkpakketten":
        if [w.nummer for w in self.werkpakketten] != list(range(1, 7)):
            raise ValueError("werkpakketten are numbered 1 to 6, in order")
        return self


def month_start(text: str) -> date:
    y, m = map(int, text.split("-"))
    return date(y, m, 1)


def month_end(text: str) -> date:
    y, m = map(int, text.split("-"))
    return date(y + (m == 12), m % 12 + 1, 1)


def load_plan(reg: Registries) -> Monitoringsplan:
    path = reg.folder / "monitoringsplan.yml"
    plan = load_yaml_model(path, Monitoringsplan)
    slugs = [g.slug for g in reg.gebieden.gemeenten]
    for key in plan.gemeenten:
        if key not in slugs:
            raise cross_error(path, ("gemeenten", key), f"unknown gemeente {key!r}; known: {', '.join(slugs)}")
    for g in slugs:
        if g not in plan.gemeenten:
            raise cross_error(path, ("gemeenten",), f"no monitoring plan for {g!r}")
    for key, gp in plan.gemeenten.items():
        ids = [a.id for a in gp.activiteiten]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise cross_error(path, ("gemeenten", key, "activiteiten"), f"duplicate activity id {dupes[0]!r}")
        for i, a in enumerate(gp.activiteiten):
            if a.pagina:
                kind, year = PAGE_REF.match(a.pagina).groups()
                if year and int(year) not in [m.jaar for m in reg.metingen.metingen]:
                    raise cross_error(path, ("gemeenten", key, "activiteiten", i, "pagina"),
                                      f"no meting {year} (metingen.yml)")
    return plan


def load_werkpakketten(reg: Registries) -> Werkpakketten:
    return load_yaml_model(reg.folder / "werkpakketten.yml", Werkpakketten)
