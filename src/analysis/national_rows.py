"""Indicator rows for a wijk outside the gemeenten of gebieden.yml, from the national tables.

The national tables are wide (one column per indicator) to stay small; a page needs the long
form of data/processed/indicatoren.csv. Only the wijken of one gemeente, that gemeente and
Nederland are turned long, so a profile costs milliseconds.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .data import load_indicators, load_national
from .processed import NATIONAL_HEALTH_TABLE as NATIONAL_TABLE
from .registries import Registries

LONG_COLUMNS = ["indicator", "gebied_code", "gebied_niveau", "gemeente_code", "peiljaar", "meting", "waarde",
                "status", "reden", "bron_tabel", "bestand", "teller", "noemer", "methode"]


@lru_cache(maxsize=1)
def _nederland_rows() -> pd.DataFrame:
    table = load_indicators()
    return table[table["gebied_niveau"] == "land"]


def national_area_rows(gemeente_code: str, reg: Registries) -> pd.DataFrame:
    wide = load_national()
    sel = wide[wide["gemeente_code"] == gemeente_code]
    indicators = [c for c in sel.columns if c not in ("wijk_code", "gemeente_code", "peiljaar")]
    long = sel.melt(id_vars=["wijk_code", "gemeente_code", "peiljaar"], value_vars=indicators, var_name="indicator",
                    value_name="waarde").rename(columns={"wijk_code": "gebied_code"})
    long = long.assign(
        gebied_niveau="wijk",
        meting=[reg.meting_of(NATIONAL_TABLE, int(p)) for p in long["peiljaar"]],
        status=long["waarde"].notna().map({True: "beschikbaar", False: "ontbreekt"}),
        reden=long["waarde"].isna().map({True: f"In {NATIONAL_TABLE} staat geen cijfer voor deze wijk", False: ""}),
        bron_tabel=NATIONAL_TABLE, bestand="gezondheid_wijken_nl", teller=float("nan"), noemer=float("nan"),
        methode="",
    )
    long["meting"] = long["meting"].astype("Int64")
    nl = _nederland_rows()
    nl = nl[nl["bron_tabel"] == NATIONAL_TABLE]
    out = pd.concat([long[LONG_COLUMNS], nl[LONG_COLUMNS]], ignore_index=True)
    return out[out["indicator"].isin({i.id for i in reg.kernset.indicatoren})]
