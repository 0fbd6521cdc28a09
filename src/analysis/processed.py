"""The contract of data/processed/: which tables exist, their file names, columns and dtypes.

Shared by the builder (which writes them) and everything that reads them (notebooks, the book,
downloads), so that reading a processed table never imports the builder, the readers or an HTTP
client.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    file: str
    text: tuple[str, ...] = ()  # kept as str (codes keep their leading zeros)
    ints: tuple[str, ...] = ()  # required integers
    nullable_ints: tuple[str, ...] = ()
    floats: tuple[str, ...] = ()  # named float columns; with ``other_floats`` every other column too
    other_floats: bool = False  # wide tables: one float column per indicator

    @property
    def columns(self) -> tuple[str, ...]:
        """The fixed columns (wide tables add indicator columns after these)."""
        return (*self.text, *self.ints, *self.nullable_ints, *self.floats)

    def dtype_of(self, column: str) -> str:
        if column in self.text:
            return "str"
        if column in self.ints:
            return "int"
        if column in self.nullable_ints:
            return "Int64"
        if column in self.floats or self.other_floats:
            return "float"
        raise KeyError(f"{self.file}: column {column!r} is not part of the processed-table contract")


INDICATOREN = Table(
    "indicatoren", "indicatoren.csv",
    text=("indicator", "gebied_code", "gebied_niveau", "gemeente_code", "status", "reden", "bron_tabel", "bestand",
          "methode"),
    ints=("peiljaar",), nullable_ints=("meting",),
    # ondergrens/bovengrens: the published 95 % interval of a model estimate (empty when there is none);
    # decimalen: decimals the source publishes, when fewer than the unit's (whole percentages).
    floats=("waarde", "teller", "noemer", "ondergrens", "bovengrens", "decimalen"),
)
GEBIEDEN = Table("gebieden", "gebieden.csv", text=("gebied_code", "gebied_niveau", "gemeente_code", "wijk_code", "naam"),
                 ints=("indeling",))
BESCHIKBAARHEID = Table(
    "beschikbaarheid", "beschikbaarheid.csv",
    text=("indicator", "pijler", "focusgebied", "gemeente_code", "status", "bron_tabel", "methode", "reden"),
    ints=("meting",), nullable_ints=("peiljaar",),
)
GEZONDHEID_WIJKEN_NL = Table("gezondheid_wijken_nl", "gezondheid_wijken_nl.csv", text=("wijk_code", "gemeente_code"),
                             ints=("peiljaar",), other_floats=True)
KERNCIJFERS_WIJKEN_NL = Table(
    "kerncijfers_wijken_nl", "kerncijfers_wijken_nl.csv",
    text=("wijk_code", "gemeente_code", "wijk_naam", "gemeente_naam"), ints=("peiljaar",),
    floats=("inwoners", "oppervlakte_land_ha", "bevolkingsdichtheid", "aandeel_0_14", "aandeel_65plus"),
)
VERANDERINGSMARGES_NL = Table(
    "veranderingsmarges_nl", "veranderingsmarges_nl.csv", text=("indicator", "leeftijd", "gebied_niveau"),
    ints=("van_peiljaar", "naar_peiljaar", "aantal_gebieden"),
    floats=("mediaan_verandering", "mad", "marge_verandering", "marge_niveau"),
)
GEOMETRIE_FILE = "geometrie.geojson"
GEOMETRIE_INDELING = 2024  # the wijk map (CBS wijk- en buurtkaart 2024) that geometrie.geojson holds
NATIONAL_HEALTH_TABLE = "50090NED"  # the source table of gezondheid_wijken_nl.csv (18+)

TABLES: dict[str, Table] = {t.name: t for t in (INDICATOREN, GEBIEDEN, BESCHIKBAARHEID, GEZONDHEID_WIJKEN_NL,
                                                KERNCIJFERS_WIJKEN_NL, VERANDERINGSMARGES_NL)}
FILES: dict[str, str] = {**{t.name: t.file for t in TABLES.values()}, "geometrie": GEOMETRIE_FILE}
