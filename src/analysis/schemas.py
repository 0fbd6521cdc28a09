"""pandera schemas of the processed tables: checked when they are written and when the
notebooks load them."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .codes import AREA_CODE_PATTERN, LEVELS

STATUS = ["beschikbaar", "ontbreekt", "onvolledig"]


def _level_matches_code(df: pd.DataFrame) -> pd.Series:
    prefix = df["gebied_niveau"].map({"land": "NL", "gemeente": "GM", "wijk": "WK", "buurt": "BU"})
    return prefix.eq(df["gebied_code"].str[:2])


def _value_iff_present(df: pd.DataFrame) -> pd.Series:
    has_value = df["waarde"].notna()
    return has_value.eq(df["status"].isin(["beschikbaar", "onvolledig"]))


def _reason_when_missing(df: pd.DataFrame) -> pd.Series:
    return ~df["status"].isin(["ontbreekt", "onvolledig"]) | df["reden"].astype(str).str.len().gt(0)


def indicator_schema(percent_indicators: list[str]) -> pa.DataFrameSchema:
    def percent_in_range(df: pd.DataFrame) -> pd.Series:
        pct = df["indicator"].isin(percent_indicators) & df["waarde"].notna()
        return ~pct | df["waarde"].between(0, 100)

    return pa.DataFrameSchema(
        {
            "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
            "gebied_code": pa.Column(str, pa.Check.str_matches(AREA_CODE_PATTERN)),
            "gebied_niveau": pa.Column(str, pa.Check.isin(list(LEVELS))),
            "gemeente_code": pa.Column(str, pa.Check.str_matches(r"^(GM\d{4})?$"), nullable=True),
            "peiljaar": pa.Column(int, pa.Check.in_range(2000, 2100)),
            "meting": pa.Column("Int64", nullable=True),
            "waarde": pa.Column(float, pa.Check.ge(0), nullable=True),
            "status": pa.Column(str, pa.Check.isin(STATUS)),
            "reden": pa.Column(str, nullable=True),
            "bron_tabel": pa.Column(str),
            "bestand": pa.Column(str),
            "teller": pa.Column(float, nullable=True),
            "noemer": pa.Column(float, nullable=True),
            "methode": pa.Column(str, nullable=True),
            # 95 % interval of a model estimate, where the publisher gives one (50150NED).
            "ondergrens": pa.Column(float, pa.Check.ge(0), nullable=True),
            "bovengrens": pa.Column(float, pa.Check.ge(0), nullable=True),
            # Decimals the carrier publishes when fewer than the unit's (whole percentages).
            "decimalen": pa.Column(float, pa.Check.isin([0.0, 1.0, 2.0, 3.0, 4.0]), nullable=True),
        },
        checks=[
            pa.Check(_level_matches_code, error="gebied_niveau: does not match the area code"),
            pa.Check(_value_iff_present, error="waarde: must be filled exactly when status is beschikbaar/onvolledig"),
            pa.Check(_reason_when_missing, error="reden: a missing value needs a reden"),
            pa.Check(percent_in_range, error="waarde: percentage outside 0-100"),
            pa.Check(lambda df: df["ondergrens"].isna() | df["waarde"].isna() | (df["ondergrens"] <= df["waarde"] + 1e-9),
                     error="ondergrens: lies above the estimate"),
            pa.Check(lambda df: df["bovengrens"].isna() | df["waarde"].isna() | (df["bovengrens"] >= df["waarde"] - 1e-9),
                     error="bovengrens: lies below the estimate"),
        ],
        unique=["indicator", "bron_tabel", "gebied_code", "peiljaar"],
        strict=True,
        ordered=True,
    )


AVAILABILITY_SCHEMA = pa.DataFrameSchema(
    {
        "indicator": pa.Column(str),
        "pijler": pa.Column(str),
        "focusgebied": pa.Column(str),
        "gemeente_code": pa.Column(str, pa.Check.str_matches(r"^GM\d{4}$")),
        "meting": pa.Column(int),
        "status": pa.Column(str, pa.Check.isin(["beschikbaar", "deels", "ontbreekt"])),
        "peiljaar": pa.Column("Int64", nullable=True),
        "bron_tabel": pa.Column(str, nullable=True),
        "methode": pa.Column(str, nullable=True),
        "reden": pa.Column(str, nullable=True),
    },
    checks=[pa.Check(lambda df: df["status"].eq("beschikbaar") | df["reden"].astype(str).str.len().gt(0),
                     error="every gap needs a reden")],
    unique=["indicator", "focusgebied", "meting"],
    strict=True,
)

AREA_SCHEMA = pa.DataFrameSchema(
    {
        "gebied_code": pa.Column(str, pa.Check.str_matches(AREA_CODE_PATTERN)),
        "indeling": pa.Column(int),
        "gebied_niveau": pa.Column(str, pa.Check.isin(list(LEVELS))),
        "gemeente_code": pa.Column(str, nullable=True),
        "wijk_code": pa.Column(str, nullable=True),
        "naam": pa.Column(str, nullable=True),
    },
    unique=["gebied_code", "indeling"],
    strict=True,
)


def national_schema(indicator_columns: list[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "wijk_code": pa.Column(str, pa.Check.str_matches(r"^WK\d{4}[0-9A-Z]{2}$")),
            "gemeente_code": pa.Column(str, pa.Check.str_matches(r"^GM\d{4}$")),
            "peiljaar": pa.Column(int),
            **{c: pa.Column(float, pa.Check.in_range(0, 100), nullable=True) for c in indicator_columns},
        },
        unique=["wijk_code", "peiljaar"],
        strict=True,
    )


# National wijk characteristics (2024 indeling; peiljaar 2024) for comparison wijken.
NATIONAL_KERNCIJFERS_SCHEMA = pa.DataFrameSchema(
    {
        "wijk_code": pa.Column(str, pa.Check.str_matches(r"^WK\d{4}[0-9A-Z]{2}$")),
        "gemeente_code": pa.Column(str, pa.Check.str_matches(r"^GM\d{4}$")),
        "wijk_naam": pa.Column(str),
        "gemeente_naam": pa.Column(str, nullable=True),
        "peiljaar": pa.Column(int, pa.Check.in_range(2000, 2100)),
        "inwoners": pa.Column(float, pa.Check.ge(0), nullable=True),
        "oppervlakte_land_ha": pa.Column(float, pa.Check.ge(0), nullable=True),
        "bevolkingsdichtheid": pa.Column(float, pa.Check.ge(0), nullable=True),
        "aandeel_0_14": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
        "aandeel_65plus": pa.Column(float, pa.Check.in_range(0, 100), nullable=True),
    },
    unique=["wijk_code"],
    strict=True,
    ordered=True,
)

# Spread of changes across all Dutch wijken/buurten per indicator (derived margins).
CHANGE_MARGINS_SCHEMA = pa.DataFrameSchema(
    {
        "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*$")),
        "leeftijd": pa.Column(str),
        "gebied_niveau": pa.Column(str, pa.Check.isin(["wijk", "buurt"])),
        "van_peiljaar": pa.Column(int),
        "naar_peiljaar": pa.Column(int),
        "aantal_gebieden": pa.Column(int, pa.Check.ge(1)),
        "mediaan_verandering": pa.Column(float),
        "mad": pa.Column(float, pa.Check.ge(0)),
        "marge_verandering": pa.Column(float, pa.Check.ge(0)),
        "marge_niveau": pa.Column(float, pa.Check.ge(0)),
    },
    checks=[pa.Check(lambda df: df["van_peiljaar"] < df["naar_peiljaar"], error="van_peiljaar must precede naar_peiljaar")],
    unique=["indicator", "leeftijd", "gebied_niveau", "van_peiljaar", "naar_peiljaar"],
    strict=True,
    ordered=True,
)
