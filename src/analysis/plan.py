"""Monitoring plans per gemeente (data/monitoringsplan.yml) and the six werkpakketten of the
monitor with their milestones (data/werkpakketten.yml), and the one truth about their products.

A *product* is something the monitor delivers that the book shows: the factsheets of a meting
(``factsheet:2023``), the conversations of a meting (``gesprekken:2023``) or the frameworks
(``denkkader:``). An activity or milestone that delivers one names it with ``product:`` and has
no status of its own: ``product_status`` derives it from the site map -- "uitgevoerd" when the
book holds the product's pages, "gepland" otherwise. Werkpakketten, plan pages and the home page
all call it, so they cannot disagree (issue 11, item 7). Other activities (meetings, reports
outside the book) keep their own ``status:``, written once.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .registries import Registries, cross_error, load_yaml_model

if TYPE_CHECKING:
    from .sitemap import Page, Site

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
Status = Literal["gepland", "uitgevoerd"]
PRODUCT_REF = re.compile(r"^(factsheet|gesprekken|denkkader):(\d{4})?$")
STATUS_HEADING = "Stand van de monitor"  # the home page's section listing every product with its status
PRODUCT_KINDS = {"factsheet": "factsheet", "gesprekken": "verhaal", "denkkader": "denkkader"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _status_or_product(what: str, status: str | None, product: str | None, text: str) -> None:
    if (status is None) == (product is None):
        raise ValueError(f"{what}: give either a status or a product (whose status the book derives), not both")
    if product is not None and not PRODUCT_REF.match(product):
        raise ValueError(f"{what}: product must look like factsheet:2021, gesprekken:2023 or denkkader:")
    if product is None and "factsheet" in text.lower():
        raise ValueError(f"{what}: names a factsheet, so refer to its product (product: factsheet:<meting>) "
                         f"instead of giving a status")


class PlanActiviteit(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    titel: str
    soort: Literal["kwantitatief", "kwalitatief", "overleg", "rapportage"]
    van: str = Field(pattern=MONTH)
    tot: str = Field(pattern=MONTH)
    status: Status | None = None  # only for activities that deliver no product of the book
    opbrengst: str = ""
    product: str | None = None  # the product it delivers: factsheet:YYYY, gesprekken:YYYY, denkkader:

    @model_validator(mode="after")
    def _consistent(self) -> "PlanActiviteit":
        if self.tot < self.van:
            raise ValueError(f"{self.id}: 'tot' {self.tot} lies before 'van' {self.van}")
        _status_or_product(self.id, self.status, self.product, f"{self.titel} {self.opbrengst}")
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
    status: Status | None = None  # only for milestones that deliver no product of the book
    product: str | None = None
    gemeenten: list[str] = Field(default_factory=list)  # slugs: the product for these gemeenten only

    @model_validator(mode="after")
    def _consistent(self) -> "Mijlpaal":
        _status_or_product(self.tekst, self.status, self.product, self.tekst)
        if self.gemeenten and self.product is None:
            raise ValueError(f"{self.tekst}: gemeenten only narrows a product")
        return self


class Werkpakket(_Strict):
    nummer: int = Field(ge=1, le=9)
    titel: str
    kort: str | None = Field(default=None, max_length=32)  # short title for the timeline (fits a phone)
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
            _check_product(reg, path, ("gemeenten", key, "activiteiten", i, "product"), a.product)
    return plan


def load_werkpakketten(reg: Registries) -> Werkpakketten:
    path = reg.folder / "werkpakketten.yml"
    wp = load_yaml_model(path, Werkpakketten)
    slugs = [g.slug for g in reg.gebieden.gemeenten]
    for i, w in enumerate(wp.werkpakketten):
        for j, m in enumerate(w.mijlpalen):
            _check_product(reg, path, ("werkpakketten", i, "mijlpalen", j, "product"), m.product)
            for k, slug in enumerate(m.gemeenten):
                if slug not in slugs:
                    raise cross_error(path, ("werkpakketten", i, "mijlpalen", j, "gemeenten", k),
                                      f"unknown gemeente {slug!r}; known: {', '.join(slugs)}")
    return wp


def _check_product(reg: Registries, path, loc: tuple, product: str | None) -> None:
    if product is None:
        return
    kind, year = PRODUCT_REF.match(product).groups()
    if (kind == "denkkader") != (year is None):
        raise cross_error(path, loc, f"{product!r}: a {kind} product {'has no' if kind == 'denkkader' else 'needs a'} "
                                     f"meting year")
    if year and int(year) not in [m.jaar for m in reg.metingen.metingen]:
        raise cross_error(path, loc, f"no meting {year} (metingen.yml)")


# --- products: one status, derived from the site map ---------------------------------------------------


def _scope(reg: Registries, gemeenten: list[str] | None) -> list:
    """The gemeenten (registry models) a product is judged for: the given slugs, or every gemeente
    with a focus area."""
    focus = {f.gemeente for f in reg.gebieden.focusgebieden}
    every = [g for g in reg.gebieden.gemeenten if g.code in focus]
    return [g for g in every if g.slug in gemeenten] if gemeenten else every


def product_pages(s: "Site", product: str, gemeenten: list[str] | None = None) -> list["Page | None"]:
    """The pages that make up a product for the gemeenten in scope (None where the book lacks one)."""
    kind, year = PRODUCT_REF.match(product).groups()
    soort = PRODUCT_KINDS[kind]
    meting = int(year) if year else None
    out: list[Page | None] = []
    for g in _scope(s.reg, gemeenten):
        if soort == "factsheet":
            out += [s.find(soort, gebied=f.slug, meting=meting) for f in s.reg.gebieden.focusgebieden
                    if f.gemeente == g.code]
        else:
            out.append(s.find(soort, gemeente=g.code, meting=meting))
    return out


def product_status(s: "Site", product: str, gemeenten: list[str] | None = None) -> Status:
    """'uitgevoerd' when the book holds every page of the product (for the gemeenten in scope)."""
    pages = product_pages(s, product, gemeenten)
    return "uitgevoerd" if pages and all(p is not None for p in pages) else "gepland"


def product_label(reg: Registries, product: str) -> str:
    """How the book names a product: 'Factsheets tweede meting 2023', 'Gesprekken 2023', 'Denkkader'."""
    kind, year = PRODUCT_REF.match(product).groups()
    if kind == "denkkader":
        return "Denkkader per gemeente"
    if kind == "gesprekken":
        return f"Gesprekken {year}"
    meting = reg.meting(int(year))
    return f"Factsheets {meting.label[0].lower()}{meting.label[1:]}"


def status_of(s: "Site", item: "PlanActiviteit | Mijlpaal", gemeenten: list[str] | None = None) -> Status:
    """An activity's or milestone's status: its own, or its product's."""
    if item.product is None:
        return item.status
    scope = gemeenten if gemeenten is not None else (getattr(item, "gemeenten", None) or None)
    return product_status(s, item.product, scope)


def book_products(s: "Site") -> list[str]:
    """The products the home page lists: the factsheets of every meting, the conversations of every
    meting with fieldwork in the book, and the frameworks."""
    out = [f"factsheet:{m.jaar}" for m in s.reg.metingen.metingen]
    out += [f"gesprekken:{m.jaar}" for m in s.reg.metingen.metingen
            if any(p.meting == m.jaar for p in s.of("verhaal"))]
    return out + ["denkkader:"]
