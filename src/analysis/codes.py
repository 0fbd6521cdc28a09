"""CBS area codes: patterns and the hierarchy they encode.

Codes are strings with leading zeros. Since 2022 some gemeenten (Amsterdam) use letters in
wijk and buurt codes (``WK0363AA``), so the last characters are alphanumeric.
"""

from __future__ import annotations

import re

GEMEENTE = r"GM\d{4}"
WIJK = r"WK\d{4}[0-9A-Z]{2}"
BUURT = r"BU\d{4}[0-9A-Z]{4}"
AREA_CODE_PATTERN = rf"^(NL01|{GEMEENTE}|{WIJK}|{BUURT})$"
AREA_CODE = re.compile(AREA_CODE_PATTERN)
LEVEL_PATTERN = {
    "land": re.compile(r"^NL01$"),
    "gemeente": re.compile(rf"^{GEMEENTE}$"),
    "wijk": re.compile(rf"^{WIJK}$"),
    "buurt": re.compile(rf"^{BUURT}$"),
}
LEVELS = ("land", "gemeente", "wijk", "buurt")


def area_level(code: str) -> str:
    """land / gemeente / wijk / buurt, from the prefix of a CBS area code."""
    return {"NL": "land", "GM": "gemeente", "WK": "wijk", "BU": "buurt"}[code[:2]]


def gemeente_of(code: str) -> str | None:
    return None if code.startswith("NL") else "GM" + code[2:6]


def wijk_of(code: str) -> str | None:
    """The wijk a buurt lies in (the first six characters after the prefix)."""
    return "WK" + code[2:8] if code.startswith("BU") else None
