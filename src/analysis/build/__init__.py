"""``vitale-wijken data build``: data/raw/ -> the committed tables in data/processed/.

Everything is read and validated before anything is written; the outputs are staged and
moved into place together, so bad input never leaves half-written tables behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from ..focus import availability
from ..io import geojson_text, staged_outputs
from ..registries import Registries
from ..processed import FILES as OUTPUTS
from ..schemas import (
    AREA_SCHEMA,
    AVAILABILITY_SCHEMA,
    CHANGE_MARGINS_SCHEMA,
    NATIONAL_KERNCIJFERS_SCHEMA,
    indicator_schema,
    national_schema,
)
from .areas import area_table, geometry_collection
from .indicators import build_indicator_table
from .national import map_file, national_change_margins, national_kerncijfers_table, national_wijk_table
from .sources import read_raw


@dataclass(frozen=True)
class BuildResult:
    tables: dict[str, pd.DataFrame]
    written: list[Path]


def build(reg: Registries, raw: Path, out: Path, log: Callable[[str], None] = print) -> BuildResult:
    sources = read_raw(reg, raw, log=log)
    log(f"  {len(sources.observaties):,} observations read")
    indicators = build_indicator_table(sources.observaties, reg)
    percent = [i.id for i in reg.kernset.indicatoren if i.eenheid == "procent"]
    # Schema failures on outputs are builder bugs, not bad input: pandera reports them as is.
    indicators = indicator_schema(percent).validate(indicators, lazy=True)
    areas = AREA_SCHEMA.validate(area_table(indicators, sources.namen, reg), lazy=True)
    avail = AVAILABILITY_SCHEMA.validate(availability(indicators, reg), lazy=True)
    national = national_wijk_table(sources.observaties, reg)
    national = national_schema(list(national.columns[3:])).validate(national, lazy=True)
    kerncijfers = NATIONAL_KERNCIJFERS_SCHEMA.validate(
        national_kerncijfers_table(sources.observaties, sources.geometrie, map_file(reg, raw)), lazy=True)
    margins = CHANGE_MARGINS_SCHEMA.validate(national_change_margins(sources.observaties, reg), lazy=True)
    geo = geometry_collection(sources.geometrie, reg)
    with staged_outputs(out) as staged:
        staged.write_csv(OUTPUTS["indicatoren"], indicators)
        staged.write_csv(OUTPUTS["gebieden"], areas)
        staged.write_csv(OUTPUTS["beschikbaarheid"], avail)
        staged.write_csv(OUTPUTS["gezondheid_wijken_nl"], national)
        staged.write_csv(OUTPUTS["kerncijfers_wijken_nl"], kerncijfers)
        staged.write_csv(OUTPUTS["veranderingsmarges_nl"], margins)
        staged.write_text(OUTPUTS["geometrie"], geojson_text(geo))
        names = list(staged.names)
    tables = {"indicatoren": indicators, "gebieden": areas, "beschikbaarheid": avail,
              "gezondheid_wijken_nl": national, "kerncijfers_wijken_nl": kerncijfers,
              "veranderingsmarges_nl": margins}
    for key, df in tables.items():
        log(f"  {OUTPUTS[key]}: {len(df):,} rows")
    log(f"  {OUTPUTS['geometrie']}: {len(geo['features'])} features")
    return BuildResult(tables, [Path(out) / n for n in names])
