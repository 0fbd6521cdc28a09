"""Numbers and small phrases in Dutch for the evaluation model (decimal comma, the real
minus sign), with a per-source override of the number of decimals."""

from __future__ import annotations

import math

from ..format import nl_number
from ..registries import Registries
from ..registry_models import Eenheid

MINUS = "\u2212"


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def nl_num(value: float | None, decimals: int = 1) -> str:
    """12345.678 -> '12.345,7'; negative numbers with a real minus sign."""
    if _missing(value):
        return "—"
    text = nl_number(abs(value), decimals)
    return (MINUS + text) if round(value, decimals) < 0 else text


def decimals_for(reg: Registries, eenheid_id: str, tabel: str | None = None, decimals: int | None = None) -> int:
    """How many decimals a figure is shown with.

    An explicit ``decimals`` wins; otherwise a source table that publishes whole numbers says
    so in data/bronnen.yml (``decimalen`` on the table); otherwise the unit's ``decimalen``.
    """
    if decimals is not None:
        return decimals
    if tabel is not None and tabel in reg.bronnen.tabellen:
        own = getattr(reg.tabel(tabel), "decimalen", None)
        if own is not None:
            return int(own)
    return reg.kernset.eenheden[eenheid_id].decimalen


def fmt_value(value: float | None, eenheid: Eenheid, decimals: int | None = None) -> str:
    """'74,0%', '552', '37,5 per 1.000 inwoners'; missing -> '—'."""
    d = eenheid.decimalen if decimals is None else decimals
    text = nl_num(value, d)
    if text == "—":
        return text
    if eenheid.label == "%":
        return f"{text}%"
    if eenheid.label == "aantal":
        return text
    return f"{text} {eenheid.label}"


def fmt_signed(diff: float | None, decimals: int = 1) -> str:
    """'+2,3', '−6,0', '±0,0' (the sign follows what is printed)."""
    if _missing(diff):
        return "—"
    shown = round(diff, decimals)
    sign = "+" if shown > 0 else (MINUS if shown < 0 else "±")
    return sign + nl_number(abs(shown), decimals)


def fmt_change(diff: float | None, eenheid: Eenheid, decimals: int | None = None) -> str:
    """A signed change with its unit: '−6,0 procentpunt', '+35', '+6,8 per 1.000 inwoners'."""
    d = eenheid.decimalen if decimals is None else decimals
    text = fmt_signed(diff, d)
    if text == "—":
        return text
    unit = "procentpunt" if eenheid.label == "%" else ("" if eenheid.label == "aantal" else eenheid.label)
    return f"{text} {unit}".strip()


def fmt_percent_change(ratio: float | None, decimals: int = 1) -> str:
    """A ratio of two counts as a relative change: 552/517 -> '+6,8%'."""
    if _missing(ratio):
        return "—"
    return fmt_signed((ratio - 1) * 100, decimals) + "%"


def lower_first(label: str) -> str:
    """'Ervaren gezondheid …' -> 'ervaren gezondheid …'; 'WOZ-waarde' stays."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def nl_join(items: list[str], conjunction: str = "en") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]
