"""Words for readers where the pipeline speaks in codes: a source table's name instead of its
StatLine code, an area's name instead of its CBS code. Codes belong in the sources section and
in tooltips; reasons and captions that readers read pass through ``plain``."""

from __future__ import annotations

import re
from typing import Mapping

from .registries import Registries

TABLE_CODE = re.compile(r"\b\d{5}NED\b")
AREA_CODE = re.compile(r"\b(?:WK\d{6}|BU\d{8}|GM\d{4})\b")


def plain(reg: Registries, text: str, names: Mapping[str, str] | None = None) -> str:
    """``text`` with table codes replaced by the table's reading name and area codes by the
    area's name (when known)."""
    def table(m: re.Match) -> str:
        code = m.group(0)
        return reg.tabel(code).leesnaam if code in reg.bronnen.tabellen else code

    out = TABLE_CODE.sub(table, text)
    if names:
        out = AREA_CODE.sub(lambda m: names.get(m.group(0), m.group(0)), out)
    out = out.replace("in de bronbestanden", "in de bestanden van dit boek")
    return out[:1].upper() + out[1:] if text[:1].isupper() or text[:1].isdigit() else out


def bron_naam(reg: Registries, code: str) -> str:
    """A source table as a label on its own (a legend, a column): "Gezondheidsmonitor (uitgave 2024)"."""
    if code not in reg.bronnen.tabellen:
        return code
    name = reg.tabel(code).leesnaam.removeprefix("de ")
    return name[:1].upper() + name[1:]
