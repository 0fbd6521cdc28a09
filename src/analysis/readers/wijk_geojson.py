"""The national wijk map (CBS/PDOK wijk- en buurtkaart, generalised) as GeoJSON in WGS84.

Each feature: ``wijkcode``, ``wijknaam``, ``gemeentecode``, ``gemeentenaam`` and a Polygon
or MultiPolygon. The reader returns the shapes and names; it checks codes, uniqueness and
that coordinates are longitude/latitude inside the Netherlands.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from shapely.geometry import shape

from ..codes import LEVEL_PATTERN
from ..errors import SourceError
from ._common import SourceData, empty_observations, read_json

# Generous box around the Netherlands in WGS84 (lon, lat); RD metres fall far outside.
NL_BOUNDS = (3.0, 50.5, 7.5, 53.8)


def read_features(path: Path, doc: dict | None = None) -> list[dict]:
    if doc is None:
        doc = read_json(path)
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise SourceError(path, "expected a GeoJSON FeatureCollection")
    feats = doc.get("features")
    if not isinstance(feats, list) or not feats:
        raise SourceError(path, "the FeatureCollection has no features")
    return feats


def checked_shape(path: Path, feat: dict, where: str):
    geom = feat.get("geometry")
    if not isinstance(geom, dict) or geom.get("type") not in ("Polygon", "MultiPolygon"):
        raise SourceError(path, "geometry must be a Polygon or MultiPolygon", row=where, column="geometry")
    try:
        shp = shape(geom)
    except Exception as exc:
        raise SourceError(path, f"unreadable geometry ({exc})", row=where, column="geometry") from None
    minx, miny, maxx, maxy = shp.bounds
    lo_x, lo_y, hi_x, hi_y = NL_BOUNDS
    if minx < lo_x or maxx > hi_x or miny < lo_y or maxy > hi_y:
        raise SourceError(
            path, f"coordinates {shp.bounds} are not WGS84 longitude/latitude inside the Netherlands",
            row=where, column="geometry",
        )
    return shp


def read_wijk_geojson(path: Path) -> SourceData:
    path = Path(path)
    feats = read_features(path)
    seen: dict[str, int] = {}
    shapes = []
    for i, feat in enumerate(feats):
        where = f"features[{i}]"
        props = feat.get("properties") or {}
        for key in ("wijkcode", "wijknaam", "gemeentecode"):
            if key not in props:
                raise SourceError(path, "missing property", row=where, column=key)
        code = str(props["wijkcode"]).strip()
        if not LEVEL_PATTERN["wijk"].match(code):
            raise SourceError(path, f"unknown area code {code!r}", row=where, column="wijkcode")
        if not LEVEL_PATTERN["gemeente"].match(str(props["gemeentecode"])) or props["gemeentecode"][2:6] != code[2:6]:
            raise SourceError(path, f"gemeentecode {props['gemeentecode']!r} does not match {code}",
                              row=where, column="gemeentecode")
        if code in seen:
            raise SourceError(path, f"duplicate wijkcode {code} (also features[{seen[code]}])",
                              row=where, column="wijkcode")
        seen[code] = i
        shapes.append({
            "gebied_code": code,
            "naam": str(props["wijknaam"] or code).strip(),
            "gemeente_code": props["gemeentecode"],
            "gemeente_naam": str(props.get("gemeentenaam") or "").strip(),
            "geometry": checked_shape(path, feat, where),
        })
    namen = pd.DataFrame([{"gebied_code": s["gebied_code"], "naam": s["naam"]} for s in shapes])
    return SourceData(empty_observations(), namen=namen, geometrie=shapes)
