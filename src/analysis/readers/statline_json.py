"""A StatLine OData table as ``data fetch`` stores it (``statline-json``): the rows of its
TypedDataSet plus what the API said about them.

    {"tabel": "85618NED", "titel": "Kerncijfers wijken en buurten 2023", "verzoek": URL,
     "regio": "WijkenEnBuurten",
     "onderwerpen": {"AantalInwoners": {"key": "AantalInwoners_5", "eenheid": "aantal", ...}},
     "value": [{"WijkenEnBuurten": "GM0344    ", "AantalInwoners_5": 367947, ...}, ...]}

Columns are named by the registry's name for the topic (``onderwerpen``); the key the API
used is recorded beside it. A ``null`` is a figure the publisher keeps secret or does not
have (``.`` in StatLine) and never becomes a number.

* Kerncijfers wijken en buurten: no period column; the peiljaar is the edition year in the
  table's own title.
* Politie 47022NED: ``Perioden`` per month (``2022MM01``); months are summed per calendar
  year, and a year with fewer than twelve months is kept as an incomplete one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from ..codes import AREA_CODE
from ..errors import SourceError
from ._common import SourceData, number_cell, read_json, with_obs_columns

EDITION = re.compile(r"\b(20\d{2})\b")
MONTH = re.compile(r"^(\d{4})MM(\d{2})$")
YEAR = re.compile(r"^(\d{4})JJ00$")
SECRET = "niet beschikbaar of geheim bij de bron (leeg in de tabel)"
PERCENT_UNITS = {"%", "procent"}
COUNT_UNITS = {"aantal"}


def load_statline_json(path: Path) -> dict[str, Any]:
    doc = read_json(path)
    if not isinstance(doc, dict):
        raise SourceError(path, "expected a JSON object written by `vitale-wijken data fetch`")
    for key in ("tabel", "onderwerpen", "value"):
        if key not in doc:
            raise SourceError(path, f"missing {key!r}: not a file written by `vitale-wijken data fetch`", row="<top>",
                              column=key)
    if not isinstance(doc["value"], list) or not doc["value"]:
        raise SourceError(path, "no data rows ('value' is empty)", row="value")
    return doc


def area_code(path: Path, raw: object, where: str, column: str) -> str:
    code = str(raw if raw is not None else "").strip()
    if code == "NL00":  # the Kerncijfers tables code the Netherlands as NL00; CBS elsewhere NL01
        code = "NL01"
    if not AREA_CODE.match(code):
        raise SourceError(path, f"unknown area code {raw!r}", row=where, column=column)
    return code


def topic_values(path: Path, doc: dict[str, Any], rec: dict[str, Any], where: str) -> dict[str, float | None]:
    out = {}
    for name, meta in doc["onderwerpen"].items():
        key = meta["key"] if isinstance(meta, dict) else meta
        if key not in rec:
            raise SourceError(path, f"column {key!r} ({name}) is missing from this row", row=where, column=key)
        value = rec[key]
        unit = str(meta.get("eenheid", "")).strip() if isinstance(meta, dict) else ""
        if isinstance(value, str):
            # UntypedDataSet strings: read as the API writes them (decimal point, no separators).
            value = number_cell(path, value, where, key, count=unit in COUNT_UNITS)
        elif value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise SourceError(path, f"not a number: {value!r}", row=where, column=key)
        if value is not None and value < 0:
            raise SourceError(path, f"negative value {value!r}", row=where, column=key)
        if value is not None and unit in PERCENT_UNITS and value > 100:
            raise SourceError(path, f"percentage {value!r} outside 0-100", row=where, column=key)
        out[name] = None if value is None else float(value)
    return out


def refuse_fractions(path: Path, doc: dict[str, Any], obs: pd.DataFrame) -> None:
    """A percentage topic whose values all lie between 0 and 1 holds fractions (0.699 for
    69.9 %): refused, naming the first such cell."""
    for name, meta in doc["onderwerpen"].items():
        if not isinstance(meta, dict) or str(meta.get("eenheid", "")).strip() not in PERCENT_UNITS:
            continue
        v = obs.loc[obs["kolom"].eq(name) & obs["waarde"].notna(), ["waarde", "bron_rij"]]
        w = v["waarde"].astype(float)
        if len(w) and w.between(0, 1).all() and (w > 0).any() and (w < 1).any():
            raise SourceError(path, f"every value of this percentage column lies between 0 and 1 (first: "
                                    f"{float(w.iloc[0])!r}): fractions instead of percentages", row=v["bron_rij"].iloc[0],
                              column=meta["key"])


def read_statline_json(path: Path) -> SourceData:
    path = Path(path)
    doc = load_statline_json(path)
    regio = doc.get("regio", "WijkenEnBuurten")
    rows = []
    monthly = False
    edition = None
    first = doc["value"][0]
    if "Perioden" in first:
        monthly = bool(MONTH.match(str(first["Perioden"]).strip()))
    else:
        m = EDITION.search(str(doc.get("titel", "")))
        if not m:
            raise SourceError(path, f"cannot tell the edition year from the table title {doc.get('titel')!r}",
                              row="<top>", column="titel")
        edition = int(m.group(1))
    for i, rec in enumerate(doc["value"]):
        where = f"value[{i}]"
        if regio not in rec:
            raise SourceError(path, f"missing column {regio!r}", row=where, column=regio)
        code = area_code(path, rec[regio], where, regio)
        if edition is not None:
            year, month = edition, None
        else:
            period = str(rec.get("Perioden", "")).strip()
            m = MONTH.match(period) or YEAR.match(period)
            if not m or bool(MONTH.match(period)) != monthly:
                raise SourceError(path, f"period {rec.get('Perioden')!r} is not like {'2022MM01' if monthly else '2022JJ00'}",
                                  row=where, column="Perioden")
            year, month = int(m.group(1)), (int(m.group(2)) if monthly else None)
        for name, value in topic_values(path, doc, rec, where).items():
            rows.append({"gebied_code": code, "peiljaar": year, "maand": month, "kolom": name, "waarde": value,
                         "bron_rij": where})
    obs = pd.DataFrame(rows)
    refuse_fractions(path, doc, obs)
    key = ["gebied_code", "peiljaar", "maand", "kolom"]
    dup = obs.duplicated(key, keep=False)
    if dup.any():
        again = obs[obs.duplicated(key, keep="first")].iloc[0]
        same = dup.copy()
        for c in key:  # 'maand' is empty in yearly tables: compare NaN-safe
            same &= obs[c].eq(again[c]) | (obs[c].isna() & pd.isna(again[c]))
        first = obs[same].iloc[0]
        raise SourceError(path, f"area {again.gebied_code} appears twice for the same period (also {first.bron_rij})",
                          row=again.bron_rij, column=regio, details=[f"first in {first.bron_rij}"])
    obs = _yearly(obs) if monthly else obs.assign(reden=obs["waarde"].isna().map({True: SECRET, False: ""}))
    obs["bron_tabel"] = str(doc["tabel"])
    obs["leeftijd"] = ""
    obs["waarde"] = obs["waarde"].astype(float)
    return SourceData(with_obs_columns(obs.drop(columns=["maand"], errors="ignore")))


def _yearly(obs: pd.DataFrame) -> pd.DataFrame:
    """Monthly counts -> calendar years. A year is complete with twelve months that all have a
    figure; otherwise its sum is not a yearly figure and it keeps no value."""
    out = []
    for (code, year, kolom), grp in obs.groupby(["gebied_code", "peiljaar", "kolom"], sort=True):
        months = grp["maand"].nunique()
        complete = months == 12 and grp["waarde"].notna().all()
        if complete:
            value, reden = float(grp["waarde"].sum()), ""
        elif grp["waarde"].isna().any():
            value, reden = None, SECRET
        else:
            value, reden = None, f"onvolledig jaar: {months} van de 12 maanden"
        out.append({"gebied_code": code, "peiljaar": int(year), "kolom": kolom, "waarde": value, "reden": reden,
                    "bron_rij": f"{grp['bron_rij'].iloc[0]}..{grp['bron_rij'].iloc[-1]}"})
    return pd.DataFrame(out)
