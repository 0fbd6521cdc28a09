"""Values for a focus area (focusgebied) or a comparator in one meting.

The rules, in order, per source table of the indicator (preferred edition first):

1. the table must feed this meting (data/metingen.yml gives the peiljaar);
2. a focus area of one CBS area takes that area's value;
3. a focus area of several areas is combined only with weights of the same peiljaar:
   counts are summed, ratios are recomputed from summed numerators and denominators;
   anything else (a model-based percentage) is shown part by part;
4. if a part has no value of its own but its buurten do (ervaren gezondheid 2022/2024
   exists only per buurt), the buurten are shown; a wijk total is never invented.

The first table giving a full value wins; otherwise the best partial answer; otherwise the
indicator is missing with every reason collected on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Literal

import pandas as pd

from .codes import area_level
from .registries import Registries
from .registry_models import Indicator

Status = Literal["beschikbaar", "deels", "ontbreekt"]


@dataclass(frozen=True)
class PartValue:
    code: str
    waarde: float | None
    status: str
    reden: str = ""


@dataclass(frozen=True)
class AreaValue:
    indicator: str
    status: Status
    waarde: float | None = None
    peiljaar: int | None = None
    bron_tabel: str | None = None
    methode: str = ""
    reden: str = ""
    delen: tuple[PartValue, ...] = field(default_factory=tuple)

    @property
    def beschikbaar(self) -> bool:
        return self.status == "beschikbaar"


def _rows(table: pd.DataFrame, indicator: str, tabel: str, peiljaar: int) -> pd.DataFrame:
    sel = table[(table["indicator"] == indicator) & (table["bron_tabel"] == tabel) & (table["peiljaar"] == peiljaar)]
    return sel.set_index("gebied_code")


def _factor(ind: Indicator, tabel: str) -> float | None:
    for b in ind.bronnen:
        if b.tabel == tabel and b.is_ratio:
            return b.factor
    return None


def _combine(ind: Indicator, tabel: str, rows: pd.DataFrame) -> tuple[float | None, str]:
    spec = next(b for b in ind.bronnen if b.tabel == tabel)
    how = ind.aggregatie_voor(spec)
    if how == "som":
        return float(rows["waarde"].sum()), "som van de delen"
    if how == "ratio" and rows["teller"].notna().all() and rows["noemer"].notna().all():
        noemer = float(rows["noemer"].sum())
        if noemer > 0:
            return float(rows["teller"].sum()) / noemer * (_factor(ind, tabel) or 1.0), "berekend uit de delen"
    return None, "delen naast elkaar"


def resolve_in_table(
    table: pd.DataFrame,
    reg: Registries,
    indicator: str,
    codes: list[str],
    tabel: str,
    peiljaar: int,
    *,
    rows: pd.DataFrame | None = None,
) -> tuple[AreaValue | None, list[str]]:
    """The value from one table and peiljaar: (a full or partial answer, or None; reasons).

    ``rows``: the table's rows of this indicator, source table and peiljaar, indexed by
    gebied_code, when the caller has them at hand (a page resolves hundreds of values)."""
    ind = reg.indicator(indicator)
    rows = rows if rows is not None else _rows(table, indicator, tabel, peiljaar)
    if rows.empty:
        return None, [f"In {tabel} staan geen cijfers over {peiljaar} in de bronbestanden"]
    parts = []
    missing_parts = []
    for code in codes:
        if code in rows.index and rows.loc[code, "status"] == "beschikbaar":
            parts.append(PartValue(code, float(rows.loc[code, "waarde"]), "beschikbaar"))
        elif code in rows.index:
            reden = str(rows.loc[code, "reden"] or rows.loc[code, "status"])
            missing_parts.append(PartValue(code, None, "ontbreekt", reden))
        else:
            missing_parts.append(PartValue(code, None, "ontbreekt", _absent_reason(rows, reg, code, tabel)))
    if not missing_parts:
        if len(parts) == 1:
            return AreaValue(indicator, "beschikbaar", parts[0].waarde, peiljaar, tabel, "direct"), []
        waarde, methode = _combine(ind, tabel, rows.loc[codes])
        if waarde is not None:
            return AreaValue(indicator, "beschikbaar", waarde, peiljaar, tabel, methode, delen=tuple(parts)), []
        return AreaValue(indicator, "deels", None, peiljaar, tabel, methode,
                         reden="geen gewichten van hetzelfde peiljaar om de delen samen te nemen",
                         delen=tuple(parts)), []
    buurten = _buurten_within(rows, [p.code for p in missing_parts])
    if not buurten.empty:
        delen = tuple(PartValue(c, float(r.waarde), "beschikbaar") for c, r in buurten.iterrows())
        return AreaValue(
            indicator, "deels", None, peiljaar, tabel, "alleen buurten",
            reden=f"In {tabel} staan over {peiljaar} alleen cijfers per buurt", delen=tuple(parts) + delen,
        ), []
    return None, [p.reden if p.reden.startswith(f"In {tabel} ") else f"{p.code}: {p.reden}" for p in missing_parts]


def resolve(
    table: pd.DataFrame,
    reg: Registries,
    indicator: str,
    codes: list[str],
    meting: int,
    *,
    tabellen: list[str] | None = None,
    rows_for: Callable[[str, int], pd.DataFrame] | None = None,
) -> AreaValue:
    """The value of ``indicator`` for the area made of ``codes`` in ``meting``.

    ``tabellen`` restricts and orders the source tables tried (default: the indicator's);
    ``rows_for(tabel, peiljaar)`` gives the indexed rows (see ``resolve_in_table``).
    """
    ind = reg.indicator(indicator)
    if not ind.bronnen:
        return AreaValue(indicator, "ontbreekt", reden=f"geen bron: {ind.geen_bron}")
    m = reg.meting(meting)
    reasons: list[str] = []
    partial: AreaValue | None = None
    for tabel in tabellen or list(dict.fromkeys(b.tabel for b in ind.bronnen)):
        peiljaar = m.peiljaren.get(tabel)
        if peiljaar is None:
            if tabel in m.hiaten:
                reasons.append(m.hiaten[tabel].strip())
            else:
                years = sorted(table.loc[(table["indicator"] == indicator) & (table["bron_tabel"] == tabel),
                                         "peiljaar"].unique())
                reasons.append(f"{tabel} levert niets voor meting {meting}"
                               + (f" (peiljaren in de data: {', '.join(map(str, years))})" if years else ""))
            continue
        value, why = resolve_in_table(table, reg, indicator, codes, tabel, peiljaar,
                                      rows=rows_for(tabel, peiljaar) if rows_for else None)
        if value is not None and value.beschikbaar:
            return value
        if value is not None and partial is None:
            partial = value
        reasons.extend(why)
    if partial is not None:
        return partial
    return AreaValue(indicator, "ontbreekt", reden=join_reasons(reasons))


def join_reasons(reasons: list[str]) -> str:
    """Reasons as one piece of text of whole sentences (readers see it under a table)."""
    out = []
    for r in dict.fromkeys(r.strip() for r in reasons if r and r.strip()):
        r = r[:1].upper() + r[1:]
        out.append(r if r[-1] in ".!?" else r + ".")
    return " ".join(out)


def _absent_reason(rows: pd.DataFrame, reg: Registries, code: str, tabel: str) -> str:
    gemeente = "GM" + code[2:6]
    if not rows.index.str[:2].isin([code[:2]]).any():
        return f"In {tabel} staan geen cijfers per {area_level(code)}"
    if not rows.index.str[2:6].isin([code[2:6]]).any():
        covered = sorted({reg.gemeente(c).naam for c in rows.index.map(lambda c: "GM" + c[2:6])
                          if not c.startswith("NL") and "GM" + c[2:6] in reg.gemeente_codes})
        naam = reg.gemeente(gemeente).naam if gemeente in reg.gemeente_codes else gemeente
        return (f"{tabel} staat in de bronbestanden niet voor {naam}"
                + (f" (alleen voor {', '.join(covered)})" if covered else ""))
    return f"In {tabel} staat geen cijfer voor {code}"


def _buurten_within(rows: pd.DataFrame, wijk_codes: list[str]) -> pd.DataFrame:
    prefixes = tuple("BU" + c[2:8] for c in wijk_codes if c.startswith("WK"))
    if not prefixes:
        return rows.iloc[0:0]
    sel = rows[rows.index.str.startswith(prefixes) & (rows["status"] == "beschikbaar")]
    return sel.sort_index()




def availability(table: pd.DataFrame, reg: Registries) -> pd.DataFrame:
    """Indicator x focus area x meting: beschikbaar / deels / ontbreekt, with the reason."""
    rows = []
    # Every lookup of resolve() is within one indicator: split once instead of scanning the
    # whole table for each of the cells.
    by_indicator = {k: g for k, g in table.groupby("indicator", sort=False)}
    for ind in reg.kernset.indicatoren:
        sub = by_indicator.get(ind.id, table.iloc[0:0])
        for fg in reg.gebieden.focusgebieden:
            for m in reg.metingen.metingen:
                v = resolve(sub, reg, ind.id, fg.codes, m.jaar)
                rows.append({
                    "indicator": ind.id,
                    "pijler": ind.pijler,
                    "focusgebied": fg.slug,
                    "gemeente_code": fg.gemeente,
                    "meting": m.jaar,
                    "status": v.status,
                    "peiljaar": v.peiljaar,
                    "bron_tabel": v.bron_tabel or "",
                    "methode": v.methode,
                    "reden": v.reden,
                })
    out = pd.DataFrame(rows)
    out["peiljaar"] = out["peiljaar"].astype("Int64")
    return out
