"""One reader per publisher format. ``READERS`` maps the ``formaat`` names used in
data/bronnen.yml to functions ``(path, context) -> SourceData``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ._common import OBS_COLUMNS, SourceData
from .cbs_kwb_excel import read_cbs_kwb_excel
from .crime_csv import read_statline_csv, read_statline_export_csv
from .geoinzicht import read_geoinzicht
from .leefbaarometer_csv import read_leefbaarometer_csv
from .names_csv import read_names_csv
from .rivm_wijkbuurt import read_rivm_wijkbuurt
from .statline_json import read_statline_json
from .statline_selection import read_statline_selection
from .wijk_geojson import read_wijk_geojson
from .woonikveilig import read_woonikveilig


@dataclass(frozen=True)
class ReaderContext:
    """What a reader may need beyond its file: region names -> CBS codes for formats that
    label regions by name, the bestand's reader options and number locale."""

    regio_codes: dict[str, str] = field(default_factory=dict)
    opties: dict[str, Any] = field(default_factory=dict)
    locale: str = "en"


Reader = Callable[[Path, ReaderContext], SourceData]

READERS: dict[str, Reader] = {
    "rivm-wijkbuurt": lambda p, ctx: read_rivm_wijkbuurt(p),
    "cbs-kwb-excel": lambda p, ctx: read_cbs_kwb_excel(p, locale=ctx.locale),
    "statline-json": lambda p, ctx: read_statline_json(p),
    "leefbaarometer-csv": lambda p, ctx: read_leefbaarometer_csv(p, ctx.opties),
    "statline-selectie": lambda p, ctx: read_statline_selection(p),
    "wijk-geojson": lambda p, ctx: read_wijk_geojson(p),
    "statline-csv": lambda p, ctx: read_statline_csv(p, ctx.regio_codes),
    "statline-export-csv": lambda p, ctx: read_statline_export_csv(p, ctx.regio_codes, locale=ctx.locale),
    "woonikveilig-json": lambda p, ctx: read_woonikveilig(p),
    "geoinzicht-geojson": lambda p, ctx: read_geoinzicht(p, ctx.opties),
    "namen-csv": lambda p, ctx: read_names_csv(p),
}

__all__ = ["OBS_COLUMNS", "READERS", "ReaderContext", "SourceData"]
