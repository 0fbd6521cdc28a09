"""A compact national table of the health indicators per wijk (all wijken of the
Netherlands, 18+, every 50090NED peiljaar): one row per wijk and peiljaar, one column per
kernset indicator. For national context: where a focus area stands among all wijken."""

from __future__ import annotations

import pandas as pd

from ..codes import gemeente_of
from ..registries import Registries

TABLE = "50090NED"
AGE = "18+"


def national_health_columns(reg: Registries) -> dict[str, str]:
    """Source column -> indicator id for the 18+ indicators of 50090NED."""
    cols = {}
    for ind in reg.kernset.indicatoren:
        for spec in ind.bronnen:
            if spec.tabel == TABLE and spec.kolom and spec.leeftijd == AGE:
                cols[spec.kolom] = ind.id
    return cols


def national_wijk_table(obs: pd.DataFrame, reg: Registries) -> pd.DataFrame:
    cols = national_health_columns(reg)
    sel = obs[(obs["bron_tabel"] == TABLE) & (obs["leeftijd"] == AGE) & obs["gebied_code"].str.startswith("WK")
              & obs["kolom"].isin(cols)]
    wide = sel.pivot_table(index=["gebied_code", "peiljaar"], columns="kolom", values="waarde",
                           aggfunc="first", dropna=False).rename(columns=cols)
    wide = wide.reset_index().rename(columns={"gebied_code": "wijk_code"})
    wide.insert(1, "gemeente_code", wide["wijk_code"].map(gemeente_of))
    ordered = [i for i in (ind.id for ind in reg.kernset.indicatoren) if i in wide.columns]
    wide = wide[["wijk_code", "gemeente_code", "peiljaar", *ordered]]
    wide.columns.name = None
    return wide.sort_values(["wijk_code", "peiljaar"]).reset_index(drop=True)
