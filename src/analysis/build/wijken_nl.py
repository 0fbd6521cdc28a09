"""Every wijk of the Netherlands with its name and gemeente (data/processed/wijken_nl.csv):
the list a batch of wijk profiles runs over, and where a wijk code is looked up."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..registries import Registries

COLUMNS = ["wijk_code", "naam", "gemeente_code", "gemeente_naam", "indeling"]
MAP_FORMAT = "wijk-geojson"
ABROAD = "GM0998"  # the map's "Buitenland" pseudo-gemeente: not a Dutch wijk


def wijken_table(shapes: list[dict[str, Any]], reg: Registries) -> pd.DataFrame:
    """From the national wijk map (its indeling): one row per wijk."""
    kaart = next(b for b in reg.bronnen.bestanden if b.formaat == MAP_FORMAT)
    indeling = reg.tabel(kaart.draagt[0]).indeling
    rows = [{"wijk_code": s["gebied_code"], "naam": s["naam"], "gemeente_code": s["gemeente_code"],
             "gemeente_naam": s.get("gemeente_naam", ""), "indeling": indeling}
            for s in shapes if s["gebied_code"].startswith("WK") and s["gemeente_code"] != ABROAD]
    out = pd.DataFrame(rows, columns=COLUMNS).drop_duplicates("wijk_code")
    return out.sort_values("wijk_code").reset_index(drop=True)
