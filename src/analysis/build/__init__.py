"""``vitale-wijken data build``: data/raw/ -> the committed tables in data/processed/.

Everything is read and validated before anything is written; the outputs are staged and
moved into place together, so bad input never leaves half-written tables behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd
import pandera.pandas as pa

from ..errors import SourceError
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
from .areas import area_table, check_focus_codes, geometry_collection
from ..validation import validate
from .indicators import build_indicator_table
from .national import map_file, national_change_margins, national_kerncijfers_table, national_wijk_table
from .sources import read_raw


@dataclass(frozen=True)
class BuildResult:
    tables: dict[str, pd.DataFrame]
    written: list[Path]


def checked_output(df: pd.DataFrame, schema: pa.DataFrameSchema, out: Path, key: str) -> pd.DataFrame:
    """Validate an output table; a failure names the file it would be written to, the line
    the row would have there (header = line 1), the column and the value, plus the source
    bestand of that row where the table records one."""
    lines = df.reset_index(drop=True)
    lines.index = pd.RangeIndex(2, len(df) + 2)
    try:
        checked = validate(lines, schema, Path(out) / OUTPUTS[key])
    except SourceError as exc:
        origin = []
        if isinstance(exc.row, int) and exc.row in lines.index:
            rec = lines.loc[exc.row]
            origin = [f"{c}: {rec[c]}" for c in ("indicator", "gebied_code", "peiljaar", "bestand", "bron_tabel")
                      if c in lines.columns]
        raise SourceError(exc.path, f"built table breaks its contract (a builder bug; nothing was written): "
                                    f"{exc.message}", row=exc.row, column=exc.column,
                          details=[", ".join(origin)] * bool(origin) + exc.details) from None
    return checked.reset_index(drop=True)


def build(reg: Registries, raw: Path, out: Path, log: Callable[[str], None] = print) -> BuildResult:
    sources = read_raw(reg, raw, log=log)
    log(f"  {len(sources.observaties):,} observations read")
    indicators = build_indicator_table(sources.observaties, reg)
    percent = [i.id for i in reg.kernset.indicatoren if i.eenheid == "procent"]
    # Bad input is stopped by the readers and read_raw; a schema failure here is a builder bug,
    # still reported as file (the table it would have become), line, column and value.
    indicators = checked_output(indicators, indicator_schema(percent), out, "indicatoren")
    areas = checked_output(area_table(indicators, sources.namen, reg), AREA_SCHEMA, out, "gebieden")
    check_focus_codes(reg, areas)
    avail = checked_output(availability(indicators, reg), AVAILABILITY_SCHEMA, out, "beschikbaarheid")
    national = national_wijk_table(sources.observaties, reg)
    national = checked_output(national, national_schema(list(national.columns[3:])), out, "gezondheid_wijken_nl")
    kerncijfers = checked_output(national_kerncijfers_table(sources.observaties, sources.geometrie, map_file(reg, raw)),
                                 NATIONAL_KERNCIJFERS_SCHEMA, out, "kerncijfers_wijken_nl")
    margins = checked_output(national_change_margins(sources.observaties, reg), CHANGE_MARGINS_SCHEMA, out,
                             "veranderingsmarges_nl")
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
