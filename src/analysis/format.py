"""Numbers and words the Dutch way: decimal comma, thousands point."""

from __future__ import annotations

import html
import math
import re
import unicodedata

from .registry_models import Eenheid


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def nl_number(value: float | None, decimals: int = 1) -> str:
    """12345.678 -> '12.345,7'. Missing -> '—'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def nl_value(value: float | None, eenheid: Eenheid, *, with_unit: bool = True) -> str:
    text = nl_number(value, eenheid.decimalen)
    if text == "—" or not with_unit:
        return text
    if eenheid.label == "%":
        return f"{text}%"
    if eenheid.label in ("aantal",):
        return text
    return f"{text} {eenheid.label}"


def nl_list(items: list[str], conjunction: str = "en") -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


_WORDS = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]


def nl_count(n: int) -> str:
    """A small count as a word, as Dutch prose writes it ('vijf pijlers'); larger ones as digits."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def anchor(heading: str) -> str:
    """The id MyST gives a heading (GitHub style), to link to a section of a page."""
    text = unicodedata.normalize("NFKC", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")
