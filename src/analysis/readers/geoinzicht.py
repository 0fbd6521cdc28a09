"""A third party's GeoJSON of gemeente polygons with derived gemeente-level indicators.

Property names are that party's own. Only the crime counts (``cr_*``) are read: they are
the only ones whose year the file states (``cr_jaar``), and their totals equal the sums of
Politie table 47022NED. The other properties have no stated peiljaar and are not used.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..codes import LEVEL_PATTERN
from ..errors import SourceError
from ._common import OBS_COLUMNS, SourceData, empty_observations
from .wijk_geojson import read_features

TABLE = "47022NED"


def read_geoinzicht(path: Path) -> SourceData:
    path = Path(path)
    feats = read_features(path)
    rows = []
    seen: dict[str, str] = {}
    for i, feat in enumerate(feats):
        where = f"features[{i}]"
        props = feat.get("properties") or {}
        code = str(props.get("gemeentecode", "")).strip()
        if not LEVEL_PATTERN["gemeente"].match(code):
            raise SourceError(path, f"unknown area code {props.get('gemeentecode')!r}", row=where,
                              column="gemeentecode")
        if code in seen:
            raise SourceError(path, f"duplicate gemeentecode {code} (also {seen[code]})", row=where,
                              column="gemeentecode")
        seen[code] = where
        crime = {k: v for k, v in props.items() if k.startswith("cr_") and k != "cr_jaar"}
        if not crime:
            continue
        year = props.get("cr_jaar")
        if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
            raise SourceError(path, f"cr_jaar {year!r} is not a year", row=f"{where} ({code})", column="cr_jaar")
        for key, value in sorted(crime.items()):
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
                raise SourceError(path, f"not a count: {value!r}", row=f"{where} ({code})", column=key)
            rows.append({"gebied_code": code, "peiljaar": year, "kolom": key,
                         "waarde": None if value is None else float(value),
                         "reden": "" if value is not None else "niet beschikbaar bij de bron (null)",
                         "bron_tabel": TABLE, "leeftijd": "", "bron_rij": f"{where} ({code})"})
    if not rows:
        return SourceData(empty_observations())
    obs = pd.DataFrame(rows)
    obs["waarde"] = obs["waarde"].astype(float)
    return SourceData(obs[OBS_COLUMNS])
