"""National tables: every Dutch wijk (and, for one summary, every buurt), for national
context and for choosing comparison wijken.

Three outputs:

* ``gezondheid_wijken_nl.csv``: the health indicators per wijk (50090NED, 18+, every
  peiljaar, indeling 2020): one row per wijk and peiljaar, one column per kernset indicator.
* ``kerncijfers_wijken_nl.csv``: size, density and age structure of every wijk, peiljaar
  **2024** in the **2024 indeling** (CBS 85984NED for inhabitants, land area and density;
  the properties of the CBS wijkkaart 2024 for the age shares, which CBS publishes as whole
  percentages), with the wijk's and gemeente's names. These are the only national wijk
  characteristics in the source files; they are four years after the health baseline and
  the table says so in its ``peiljaar`` column.
* ``veranderingsmarges_nl.csv``: for every 50090NED indicator, per level (wijk, buurt) and
  per pair of consecutive peiljaren, how widely the change of all Dutch areas spreads around
  the typical change (median and MAD). It backs the derived margin for model estimates
  without a published interval (see ``analysis.evaluation.margins``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..codes import LEVEL_PATTERN, gemeente_of
from ..errors import SourceError
from ..evaluation.margins import change_spread
from ..readers.wijk_geojson import read_features
from ..registries import Registries

TABLE = "50090NED"
AGE = "18+"
KWB_TABLE = "85984NED"
MAP_TABLE = "wijkkaart2024"
KWB_COLUMNS = {  # 85984NED OData key (without its position number) -> column of kerncijfers_wijken_nl.csv
    "AantalInwoners": "inwoners",
    "OppervlakteLand": "oppervlakte_land_ha",
    "Bevolkingsdichtheid": "bevolkingsdichtheid",
}
MAP_PROPERTIES = {  # wijkkaart 2024 property -> column (whole percentages of all inhabitants)
    "0_15": "aandeel_0_14",
    "65plus": "aandeel_65plus",
}
KERNCIJFERS_COLUMNS = ["wijk_code", "gemeente_code", "wijk_naam", "gemeente_naam", "peiljaar",
                       *KWB_COLUMNS.values(), *MAP_PROPERTIES.values()]
MARGIN_COLUMNS = ["indicator", "leeftijd", "gebied_niveau", "van_peiljaar", "naar_peiljaar", "aantal_gebieden",
                  "mediaan_verandering", "mad", "marge_verandering", "marge_niveau"]


def national_health_columns(reg: Registries, age: str = AGE) -> dict[str, str]:
    """Source column -> indicator id for the indicators of 50090NED at one age group."""
    cols = {}
    for ind in reg.kernset.indicatoren:
        for spec in ind.bronnen:
            if spec.tabel == TABLE and spec.kolom and spec.leeftijd == age:
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


# -- kerncijfers per wijk (2024) ---------------------------------------------------------------


def map_file(reg: Registries, raw: Path) -> Path:
    """The wijkkaart file in data/raw/ (the bestand that carries MAP_TABLE)."""
    for b in reg.bronnen.bestanden:
        if MAP_TABLE in b.draagt:
            return Path(raw) / b.paden[0]
    raise SourceError(reg.folder / "bronnen.yml", f"no bestand carries {MAP_TABLE}")


def _map_properties(path: Path) -> pd.DataFrame:
    """Age shares from the wijkkaart's feature properties, checked cell by cell.

    The wijkkaart reader keeps shapes and names only; the shares are read here because only
    this national table uses them. A share must be a whole number 0-100 or null.
    """
    rows = []
    for i, feat in enumerate(read_features(path)):
        props = feat.get("properties") or {}
        code = str(props.get("wijkcode", "")).strip()
        if not LEVEL_PATTERN["wijk"].match(code):
            raise SourceError(path, f"unknown area code {code!r}", row=f"features[{i}]", column="wijkcode")
        rec: dict[str, Any] = {"wijk_code": code}
        for prop, col in MAP_PROPERTIES.items():
            val = props.get(prop)
            if val is not None and (isinstance(val, bool) or not isinstance(val, (int, float)) or not 0 <= val <= 100):
                raise SourceError(path, f"not a percentage 0-100: {val!r}", row=f"features[{i}]", column=prop)
            rec[col] = float(val) if val is not None else np.nan
        rows.append(rec)
    return pd.DataFrame(rows)


def national_kerncijfers_table(obs: pd.DataFrame, shapes: list[dict[str, Any]], map_path: Path) -> pd.DataFrame:
    """One row per wijk of the 2024 indeling: names, inhabitants, land area, density, age shares.

    Rows: the wijken on the wijkkaart 2024. A wijk without inhabitants in 85984NED keeps its
    row with empty figures (water, 'Buitenland').
    """
    names = pd.DataFrame([{"wijk_code": s["gebied_code"], "gemeente_code": s["gemeente_code"],
                           "wijk_naam": s["naam"], "gemeente_naam": s.get("gemeente_naam", "")}
                          for s in shapes if s["gebied_code"].startswith("WK")])
    kwb = obs[(obs["bron_tabel"] == KWB_TABLE) & obs["kolom"].isin(KWB_COLUMNS)
              & obs["gebied_code"].str.startswith("WK")]
    years = sorted(kwb["peiljaar"].unique())
    if len(years) != 1:
        raise SourceError(Path(KWB_TABLE), f"expected one peiljaar of {KWB_TABLE} per wijk, found {years}")
    wide = kwb.pivot_table(index="gebied_code", columns="kolom", values="waarde", aggfunc="first",
                           dropna=False).rename(columns=KWB_COLUMNS)
    wide = wide.reindex(columns=list(KWB_COLUMNS.values()))
    wide.index.name = "wijk_code"
    out = (names.merge(wide.reset_index(), on="wijk_code", how="left")
           .merge(_map_properties(map_path), on="wijk_code", how="left"))
    out.insert(4, "peiljaar", int(years[0]))
    out = out[KERNCIJFERS_COLUMNS]
    out.columns.name = None
    return out.sort_values("wijk_code").reset_index(drop=True)


# -- spread of changes across all areas ------------------------------------------------------------


def national_change_margins(obs: pd.DataFrame, reg: Registries) -> pd.DataFrame:
    """Spread of the change of every Dutch wijk and buurt per 50090NED indicator, age group
    and pair of consecutive peiljaren (see ``analysis.evaluation.margins.change_spread``)."""
    rows = []
    base = obs[obs["bron_tabel"] == TABLE]
    for age in sorted(base["leeftijd"].unique()):
        cols = national_health_columns(reg, age)
        if not cols:
            continue
        sel = base[(base["leeftijd"] == age) & base["kolom"].isin(cols)]
        for prefix, niveau in (("WK", "wijk"), ("BU", "buurt")):
            lvl = sel[sel["gebied_code"].str.startswith(prefix)]
            for kolom, ind_id in cols.items():
                one = lvl[lvl["kolom"] == kolom].pivot_table(index="gebied_code", columns="peiljaar",
                                                             values="waarde", aggfunc="first")
                years = sorted(one.columns)
                for van, naar in zip(years, years[1:]):
                    spread = change_spread(one[van], one[naar])
                    if spread is None:
                        continue
                    rows.append({"indicator": ind_id, "leeftijd": age, "gebied_niveau": niveau,
                                 "van_peiljaar": int(van), "naar_peiljaar": int(naar), **spread.as_record()})
    out = pd.DataFrame(rows, columns=MARGIN_COLUMNS)
    if out.empty:  # too few areas (a test's small raw folder): an empty table of the right types
        out = out.astype({c: (str if c in ("indicator", "leeftijd", "gebied_niveau") else
                              int if c in ("van_peiljaar", "naar_peiljaar", "aantal_gebieden") else float)
                          for c in MARGIN_COLUMNS})
    return out.sort_values(["indicator", "leeftijd", "gebied_niveau", "van_peiljaar"]).reset_index(drop=True)
