"""Schemas of the four registries (data/gebieden.yml, metingen.yml, kernset.yml, bronnen.yml).

Each model checks what it can see on its own; checks that span registries live in
``registries.py``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import codes

GemeenteCode = Annotated[str, Field(pattern=rf"^{codes.GEMEENTE}$")]
WijkCode = Annotated[str, Field(pattern=rf"^{codes.WIJK}$")]
DeelCode = Annotated[str, Field(pattern=rf"^({codes.WIJK}|{codes.BUURT})$")]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Ident = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Niveau = Literal["land", "gemeente", "wijk", "buurt"]
Richting = Literal["hoger_beter", "lager_beter", "neutraal"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- gebieden ------------------------------------------------------------------------------


class Deel(_Strict):
    code: DeelCode
    naam: str
    binnen: WijkCode | None = None

    @property
    def niveau(self) -> Niveau:
        return "wijk" if self.code.startswith("WK") else "buurt"

    @model_validator(mode="after")
    def _binnen_contains(self) -> "Deel":
        if self.binnen is not None:
            if not self.code.startswith("BU"):
                raise ValueError(f"{self.code}: only a buurt can lie 'binnen' a wijk")
            if self.code[2:8] != self.binnen[2:8]:
                raise ValueError(f"{self.code} does not lie in wijk {self.binnen}")
        return self


class Grenswijziging(_Strict):
    jaar: int
    toelichting: str


class Focusgebied(_Strict):
    naam: str
    slug: Slug
    gemeente: GemeenteCode
    delen: list[Deel] = Field(min_length=1)
    toelichting: str
    grenswijziging: Grenswijziging | None = None

    @property
    def codes(self) -> list[str]:
        return [d.code for d in self.delen]

    @model_validator(mode="after")
    def _parts_in_gemeente(self) -> "Focusgebied":
        for deel in self.delen:
            if deel.code[2:6] != self.gemeente[2:6]:
                raise ValueError(f"focus area part {deel.code} does not lie in gemeente {self.gemeente}")
        return self


class Gemeente(_Strict):
    code: GemeenteCode
    naam: str
    slug: Slug
    statline_namen: list[str] = Field(min_length=1)
    wijkindeling_gewijzigd: list[int] = Field(default_factory=list)

    def indeling_vergelijkbaar(self, a: int, b: int) -> bool:
        """Whether wijk codes mean the same areas in indeling years a and b."""
        lo, hi = sorted((a, b))
        return not any(lo < jaar <= hi for jaar in self.wijkindeling_gewijzigd)


class Nederland(_Strict):
    code: Literal["NL01"]
    naam: str


class Gebieden(_Strict):
    nederland: Nederland
    gemeenten: list[Gemeente] = Field(min_length=1)
    focusgebieden: list[Focusgebied] = Field(min_length=1)
    vergelijking: list[Literal["gemeente", "nederland"]]

    @model_validator(mode="after")
    def _unique(self) -> "Gebieden":
        for items, attr, what in ((self.gemeenten, "code", "gemeente"), (self.gemeenten, "slug", "gemeente"),
                                  (self.focusgebieden, "slug", "focusgebied")):
            seen = [getattr(x, attr) for x in items]
            dupes = sorted({s for s in seen if seen.count(s) > 1})
            if dupes:
                raise ValueError(f"duplicate {what} {attr}: {', '.join(dupes)}")
        known = {g.code for g in self.gemeenten}
        for f in self.focusgebieden:
            if f.gemeente not in known:
                raise ValueError(f"focusgebied {f.slug}: unknown gemeente {f.gemeente}")
        # Page names are shared by focus areas and gemeenten (e.g. narratives): keep them apart.
        clash = sorted({f.slug for f in self.focusgebieden} & {g.slug for g in self.gemeenten})
        if clash:
            raise ValueError(f"a focusgebied slug equals a gemeente slug: {', '.join(clash)}")
        return self


# --- metingen ------------------------------------------------------------------------------


class Meting(_Strict):
    jaar: int = Field(ge=2000, le=2100)
    soort: Literal["nulmeting", "tussenmeting", "eindmeting"]
    label: str
    peiljaren: dict[str, int]
    hiaten: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _peiljaar_not_after_meting(self) -> "Meting":
        for tabel, peiljaar in self.peiljaren.items():
            if peiljaar > self.jaar:
                raise ValueError(f"{tabel}: peiljaar {peiljaar} lies after meting {self.jaar}")
        return self


class Metingen(_Strict):
    start_monitor: int
    metingen: list[Meting] = Field(min_length=1)
    onvolledig: dict[str, dict[int, str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _ordered(self) -> "Metingen":
        jaren = [m.jaar for m in self.metingen]
        if jaren != sorted(set(jaren)):
            raise ValueError(f"metingen must be unique and in ascending order, got {jaren}")
        if self.metingen[0].soort != "nulmeting" or any(
            m.soort == "nulmeting" for m in self.metingen[1:]
        ):
            raise ValueError("the first meting, and only the first, is the nulmeting")
        if self.metingen[0].jaar != self.start_monitor:
            raise ValueError("start_monitor must equal the year of the nulmeting")
        return self


# --- kernset -------------------------------------------------------------------------------


class Pijler(_Strict):
    id: Ident
    label: str
    omschrijving: str
    nummer: int | None = None
    context: bool = False


class Eenheid(_Strict):
    label: str
    decimalen: int = Field(ge=0, le=4)
    drempel: float | None = Field(default=None, ge=0)
    drempel_relatief: float | None = Field(default=None, ge=0, le=1)
    vergelijkbaar: bool = True

    @model_validator(mode="after")
    def _one_threshold(self) -> "Eenheid":
        if (self.drempel is None) == (self.drempel_relatief is None):
            raise ValueError("give exactly one of 'drempel' and 'drempel_relatief'")
        return self

    def verschil_relevant(self, a: float, b: float) -> bool:
        """Whether a and b differ by at least the threshold (float noise such as
        16.4 - 14.4 = 1.9999999999999982 must not hide a published gap of exactly 2.0)."""
        eps = 1e-9
        if self.drempel is not None:
            return abs(a - b) >= self.drempel - eps
        base = max(abs(a), abs(b))
        return base > 0 and abs(a - b) / base >= self.drempel_relatief - eps


class NoemerRef(_Strict):
    """A denominator from another table (``tabel`` + ``kolom``), or the kernset figure of another
    indicator (``indicator``: e.g. inwoners) for the same area and peiljaar, whichever edition
    carries it."""

    tabel: str | None = None
    kolom: str | None = None
    indicator: str | None = None

    @model_validator(mode="after")
    def _one_way(self) -> "NoemerRef":
        if (self.indicator is None) == (self.tabel is None or self.kolom is None):
            raise ValueError("a noemer is either {tabel, kolom} or {indicator}")
        return self


class BronKolom(_Strict):
    """Where an indicator's value comes from: a column, or a ratio of columns."""

    tabel: str
    kolom: str | None = None
    teller: str | None = None
    noemer: str | list[str] | NoemerRef | None = None
    factor: float | None = None
    leeftijd: str | None = None
    # Weight of the same table, carrier and peiljaar (e.g. a_hh for the mean household size):
    # parts of a focus area are then combined as a weighted mean.
    gewicht: str | None = None
    # Decimals the publisher (or carrier) uses for this column, when fewer than the unit's
    # (e.g. whole percentages): the book shows the figure with these decimals.
    decimalen: int | None = Field(default=None, ge=0, le=4)

    @model_validator(mode="after")
    def _column_or_ratio(self) -> "BronKolom":
        if (self.kolom is None) == (self.teller is None):
            raise ValueError("give either 'kolom' or 'teller' + 'noemer'")
        if self.teller is not None and (self.noemer is None or self.factor is None):
            raise ValueError("a ratio needs 'teller', 'noemer' and 'factor'")
        if self.kolom is not None and (self.noemer is not None or self.factor is not None):
            raise ValueError("'noemer'/'factor' only belong to a ratio")
        if self.gewicht is not None and self.is_ratio:
            raise ValueError("'gewicht' only belongs to a single column (a ratio has its own weights)")
        return self

    @property
    def is_ratio(self) -> bool:
        return self.teller is not None

    @property
    def noemer_indicator(self) -> str | None:
        return self.noemer.indicator if isinstance(self.noemer, NoemerRef) else None

    @property
    def noemer_tabel(self) -> str:
        if isinstance(self.noemer, NoemerRef):
            return self.noemer.tabel or self.tabel
        return self.tabel

    @property
    def noemer_kolommen(self) -> list[str]:
        if isinstance(self.noemer, NoemerRef):
            return [self.noemer.kolom or self.noemer.indicator]
        if isinstance(self.noemer, list):
            return list(self.noemer)
        return [self.noemer] if self.noemer else []


class Indicator(_Strict):
    id: Ident
    label: str
    definitie: str
    pijler: Ident
    eenheid: str
    richting: Richting
    leeftijd: str
    min_niveau: Niveau
    bronnen: list[BronKolom]
    geen_bron: str | None = None
    aggregatie: Literal["som", "ratio", "geen"] | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_spec_per_table(cls, data: object) -> object:
        """``{tabel: [A, B], ...}`` is shorthand for the same spec in each table (the yearly
        editions of the Kerncijfers use the same column names)."""
        if isinstance(data, dict) and isinstance(data.get("bronnen"), list):
            bronnen = []
            for spec in data["bronnen"]:
                if isinstance(spec, dict) and isinstance(spec.get("tabel"), list):
                    bronnen.extend({**spec, "tabel": t} for t in spec["tabel"])
                else:
                    bronnen.append(spec)
            data = {**data, "bronnen": bronnen}
        return data

    @model_validator(mode="after")
    def _source_or_reason(self) -> "Indicator":
        if not self.bronnen and not self.geen_bron:
            raise ValueError("an indicator without bronnen must say why in 'geen_bron'")
        if self.bronnen and self.geen_bron:
            raise ValueError("'geen_bron' only belongs to an indicator without bronnen")
        if self.aggregatie == "ratio" and not any(b.is_ratio or b.gewicht for b in self.bronnen):
            raise ValueError("aggregatie 'ratio' needs a ratio bron (teller/noemer)")
        return self

    def aggregatie_voor(self, bron: BronKolom) -> str:
        """How parts of a focus area may be combined for values from ``bron``."""
        if self.aggregatie is not None and not (self.aggregatie == "ratio" and not bron.is_ratio):
            return self.aggregatie
        if bron.is_ratio or bron.gewicht is not None:
            return "ratio"  # a weighted mean is stored as teller (value x weight) / noemer (weight)
        return "som" if self.eenheid == "aantal" else "geen"


class Kernset(_Strict):
    pijlers: list[Pijler]
    eenheden: dict[str, Eenheid]
    kaart: list[Ident] = Field(min_length=1)
    indicatoren: list[Indicator] = Field(min_length=20)

    @model_validator(mode="after")
    def _consistent(self) -> "Kernset":
        ids = [i.id for i in self.indicatoren]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate indicator id: {', '.join(dupes)}")
        pijler_ids = [p.id for p in self.pijlers]
        for ind in self.indicatoren:
            if ind.pijler not in pijler_ids:
                raise ValueError(f"indicator {ind.id}: unknown pijler {ind.pijler!r}")
            if ind.eenheid not in self.eenheden:
                raise ValueError(f"indicator {ind.id}: unknown eenheid {ind.eenheid!r}")
        for p in self.pijlers:
            if not p.context and not any(i.pijler == p.id for i in self.indicatoren):
                raise ValueError(f"pijler {p.id} has no indicator")
        for k in self.kaart:
            if k not in ids:
                raise ValueError(f"kaart: unknown indicator {k!r}")
        for pos, ind in enumerate(self.indicatoren):
            for b in ind.bronnen:
                ref = b.noemer_indicator
                if ref is not None and ref not in ids[:pos]:
                    raise ValueError(f"indicator {ind.id}: noemer indicator {ref!r} must be listed before it")
        return self


# --- bronnen -------------------------------------------------------------------------------


class Tabel(_Strict):
    uitgever: str
    titel: str
    kort: str | None = None  # the table in running text ("de Gezondheidsmonitor (uitgave 2020)")
    licentie: str
    bronvermelding: str
    url: Annotated[str, Field(pattern=r"^https://")]
    indeling: int
    # The one peiljaar a yearly edition covers (Kerncijfers wijken en buurten 2023 -> 2023); a
    # file whose own title or period says otherwise is refused.
    peiljaar: int | None = None
    # Peiljaren a multi-year table publishes (metingen.yml may only use these).
    peiljaren: list[int] = Field(default_factory=list)
    modelschatting: bool = False

    @property
    def leesnaam(self) -> str:
        """How running text names the table: its short name, else "de <titel>"."""
        return self.kort or f"de {self.titel}"
    toelichting: str | None = None


class OnlineDeel(_Strict):
    pad: str
    filter: str | None = None
    select: list[str] | None = None
    # Dimension -> category title; the key is read from the dimension endpoint.
    dimensies: dict[str, str] | None = None
    # Restrict the region dimension to the gemeenten of gebieden.yml (with their wijken and
    # buurten) and Nederland; 'wijken' asks for every wijk of the country (national context).
    gebieden: Literal["monitor", "wijken"] | None = None


class Online(_Strict):
    catalogus: Annotated[str, Field(pattern=r"^https://")]
    tabel: str
    uitvoer: Literal["untyped-json", "selectie-json", "decoded-csv", "statline-json", "download"]
    sleutel: str | None = None
    # statline-json: TypedDataSet or UntypedDataSet, the region dimension, and the topics to
    # fetch, named by their key without the position number (AantalInwoners for
    # AantalInwoners_5); the full keys are read from DataProperties at fetch time. A topic may
    # list other names it carries in some editions.
    dataset: Literal["TypedDataSet", "UntypedDataSet"] = "TypedDataSet"
    regio: str = "WijkenEnBuurten"
    onderwerpen: dict[str, list[str]] | None = None
    # Dimensions whose every category (Key and Title) is stored with the data, e.g. Marges.
    dimensielijsten: list[str] = Field(default_factory=list)
    # download: a file published as is (Leefbaarometer), fetched from `catalogus` + pad.
    delen: list[OnlineDeel] = Field(min_length=1)


class Bestand(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-zA-Z0-9-]*$")]
    formaat: str
    draagt: list[str] = Field(min_length=1)
    # Paths in the mirror (../shared/data); empty for a table only the publisher's API has.
    paden: list[str] = Field(default_factory=list)
    # The kernset columns this file must carry (for online tables: the keys of
    # online.onderwerpen). A missing or renamed column stops the build.
    kolommen: list[str] = Field(default_factory=list)
    online: Online | None = None
    offline_reden: str | None = None
    afgeleid: bool = False
    # An online table that may not be published yet (Kerncijfers 2025): a 404 skips it.
    optioneel: bool = False
    # How numbers are written in the file: 'en' (decimal point, no thousands separator) or
    # 'nl' (decimal comma, '.' between thousands). A file that mixes them is refused.
    locale: Literal["en", "nl"] = "en"
    # Reader options, e.g. which Kerncijfers edition a derived file's year belongs to.
    opties: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _online_or_reason(self) -> "Bestand":
        if self.online is not None and self.online.uitvoer == "statline-json" and not self.online.onderwerpen:
            raise ValueError("a statline-json fetch needs 'onderwerpen'")
        if (self.online is None) == (self.offline_reden is None):
            raise ValueError("give either an 'online' fetch spec or an 'offline_reden'")
        if not self.paden and self.online is None:
            raise ValueError("a bestand without 'paden' in the mirror needs an 'online' spec")
        for pad in self.paden:
            if pad.startswith("/") or ".." in pad.split("/"):
                raise ValueError(f"path {pad!r} must be relative to the mirror root")
        return self


class Bronnen(_Strict):
    tabellen: dict[str, Tabel]
    bestanden: list[Bestand]

    @model_validator(mode="after")
    def _consistent(self) -> "Bronnen":
        ids = [b.id for b in self.bestanden]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate bestand id: {', '.join(dupes)}")
        for b in self.bestanden:
            for t in b.draagt:
                if t not in self.tabellen:
                    raise ValueError(f"bestand {b.id}: carries unknown tabel {t!r}")
        return self

    def kolommen_van(self, bestand: Bestand) -> list[str]:
        """The columns a bestand must carry."""
        onderwerpen = list((bestand.online.onderwerpen or {}) if bestand.online else {})
        return list(dict.fromkeys([*bestand.kolommen, *onderwerpen]))
