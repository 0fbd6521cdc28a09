"""Area names per indeling and the map of the four gemeenten (data/processed/gebieden.csv,
data/processed/geometrie.geojson)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from ..codes import area_level, gemeente_of, wijk_of
from ..registries import REGISTRY_FILES, Registries, cross_error

AREA_COLUMNS = ["gebied_code", "indeling", "gebied_niveau", "gemeente_code", "wijk_code", "naam"]
COORD_DECIMALS = 5


def area_table(indicators: pd.DataFrame, namen: pd.DataFrame, reg: Registries) -> pd.DataFrame:
    """One row per area and indeling in which it occurs, with its name in that indeling."""
    digits = {c[2:6] for c in reg.gemeente_codes}
    namen = namen[namen["gebied_code"].str[2:6].isin(digits) & ~namen["gebied_code"].str.startswith("NL")]
    indeling_of = {t: reg.tabel(t).indeling for t in reg.bronnen.tabellen}
    seen = indicators[["gebied_code", "bron_tabel"]].drop_duplicates()
    pairs = pd.DataFrame({"gebied_code": seen["gebied_code"], "indeling": seen["bron_tabel"].map(indeling_of)})
    pairs = pd.concat([pairs, namen[["gebied_code", "indeling"]]]).drop_duplicates()
    # Gemeenten and the Netherlands keep their registry names in every indeling.
    fixed = {reg.gebieden.nederland.code: reg.gebieden.nederland.naam} | {g.code: g.naam for g in reg.gebieden.gemeenten}
    names = namen.drop_duplicates(["gebied_code", "indeling"], keep="first").set_index(["gebied_code", "indeling"])["naam"]
    out = pairs.assign(
        gebied_niveau=pairs["gebied_code"].map(area_level),
        gemeente_code=pairs["gebied_code"].map(gemeente_of).fillna(""),
        wijk_code=pairs["gebied_code"].map(wijk_of).fillna(""),
    )
    out["naam"] = [
        fixed.get(c) or names.get((c, i), "") for c, i in zip(out["gebied_code"], out["indeling"])
    ]
    out["indeling"] = out["indeling"].astype(int)
    return out.sort_values(["gebied_code", "indeling"])[AREA_COLUMNS].reset_index(drop=True)


def check_focus_codes(reg: Registries, areas: pd.DataFrame) -> None:
    """Every focus-area part (and the wijk it lies ``binnen``) must be an area the sources
    have: a code that is in no source file is a typo or an area of another indeling, and
    would otherwise leave the focus area silently without figures."""
    known = set(areas["gebied_code"])
    path = reg.folder / REGISTRY_FILES["gebieden"]
    for i, fg in enumerate(reg.gebieden.focusgebieden):
        for j, deel in enumerate(fg.delen):
            for attr in ("code", "binnen"):
                code = getattr(deel, attr)
                if code and code not in known:
                    raise cross_error(path, ("focusgebieden", i, "delen", j, attr),
                                      f"focusgebied {fg.slug}: area {code} ({attr}) occurs in none of the source "
                                      f"files in data/raw (not in the area table built from them): a typo, or an "
                                      f"area of another indeling?")


def _rounded(geom):
    return shapely.transform(geom, lambda xy: np.round(xy, COORD_DECIMALS))


def geometry_collection(shapes: list[dict[str, Any]], reg: Registries) -> dict[str, Any]:
    """Wijken of the four gemeenten plus each gemeente's outline (union of its wijken).

    Rings follow RFC 7946 (exterior counter-clockwise); the chart code re-orients them for
    spherical projections.
    """
    roles: dict[str, tuple[str, str]] = {}
    for fg in reg.gebieden.focusgebieden:
        for deel in fg.delen:
            roles[deel.code] = (fg.slug, "deel")
            if deel.binnen:
                roles[deel.binnen] = (fg.slug, "bevat")
    features = []
    for g in reg.gebieden.gemeenten:
        wijken = sorted((s for s in shapes if s["gemeente_code"] == g.code), key=lambda s: s["gebied_code"])
        if not wijken:
            continue
        outline = shapely.union_all([w["geometry"] for w in wijken])
        features.append(_feature(g.code, "gemeente", g.naam, g.code, outline, ("", "")))
        for w in wijken:
            features.append(_feature(w["gebied_code"], "wijk", w["naam"], g.code, w["geometry"],
                                     roles.get(w["gebied_code"], ("", ""))))
    return {"type": "FeatureCollection", "name": "vitale-wijken-gebieden-2024", "features": features}


def _feature(code: str, niveau: str, naam: str, gemeente: str, geom, role: tuple[str, str]) -> dict[str, Any]:
    geom = shapely.orient_polygons(_rounded(geom), exterior_cw=False)
    return {
        "type": "Feature",
        "properties": {
            "gebied_code": code,
            "gebied_niveau": niveau,
            "naam": naam,
            "gemeente_code": gemeente,
            "focusgebied": role[0],
            "focus_rol": role[1],
            "indeling": 2024,
        },
        "geometry": mapping(geom),
    }
