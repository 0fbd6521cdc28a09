"""Observations -> the long kernset table (data/processed/indicatoren.csv).

One row per indicator, source table, area and peiljaar, for Nederland and the four
gemeenten with all their wijken and buurten. A value that is missing keeps its row with
the reason. Ratios keep their numerator and denominator so that parts of a focus area can
be combined exactly later. Wijk counts that a table only has per buurt are summed from
its buurten, and marked so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..codes import area_level, gemeente_of, wijk_of
from ..errors import SourceError
from ..registries import Registries
from ..registry_models import BronKolom, Indicator

COLUMNS = [
    "indicator", "gebied_code", "gebied_niveau", "gemeente_code", "peiljaar", "meting", "waarde", "status",
    "reden", "bron_tabel", "bestand", "teller", "noemer", "methode", "ondergrens", "bovengrens", "decimalen",
]
KEY = ["indicator", "bron_tabel", "gebied_code", "peiljaar"]


def in_scope(obs: pd.DataFrame, reg: Registries) -> pd.DataFrame:
    digits = tuple(c[2:6] for c in reg.gemeente_codes)
    code = obs["gebied_code"]
    keep = code.eq(reg.gebieden.nederland.code) | (code.str[2:6].isin(digits) & ~code.str.startswith("NL"))
    return obs[keep]


def _select(obs: pd.DataFrame, tabel: str, kolom: str, leeftijd: str | None) -> pd.DataFrame:
    sel = obs[(obs["bron_tabel"] == tabel) & (obs["kolom"] == kolom)]
    if leeftijd is not None:
        sel = sel[sel["leeftijd"] == leeftijd]
    return sel[["gebied_code", "peiljaar", "waarde", "reden", "bestand", "ondergrens", "bovengrens"]].assign(methode="")


def _with_wijk_sums(sel: pd.DataFrame) -> pd.DataFrame:
    """Add wijk rows summed from buurten where the table has buurten but not the wijk."""
    buurten = sel[sel["gebied_code"].str.startswith("BU")]
    if buurten.empty:
        return sel
    have = set(zip(sel["gebied_code"], sel["peiljaar"]))
    rows = []
    for (wijk, peiljaar), grp in buurten.groupby([buurten["gebied_code"].map(wijk_of), "peiljaar"]):
        if (wijk, peiljaar) in have:
            continue
        complete = grp["waarde"].notna().all()
        rows.append({
            "gebied_code": wijk, "peiljaar": peiljaar,
            "waarde": float(grp["waarde"].sum()) if complete else np.nan,
            "reden": "" if complete else "niet alle buurten van de wijk hebben een cijfer",
            "bestand": grp["bestand"].iloc[0],
            "methode": f"som van {len(grp)} buurten",
        })
    return pd.concat([sel, pd.DataFrame(rows)], ignore_index=True) if rows else sel


def _one_column(obs: pd.DataFrame, spec: BronKolom, kolom: str, sums: bool) -> pd.DataFrame:
    sel = _select(obs, spec.tabel, kolom, spec.leeftijd)
    if spec.gewicht is not None:
        return _weighted(obs, spec, sel)
    return _with_wijk_sums(sel) if sums else sel


def _weighted(obs: pd.DataFrame, spec: BronKolom, sel: pd.DataFrame) -> pd.DataFrame:
    """A mean kept with its weight of the same table and peiljaar (teller = value x weight,
    noemer = weight), so that parts of a focus area combine into a weighted mean."""
    w = obs[(obs["bron_tabel"] == spec.tabel) & (obs["kolom"] == spec.gewicht)]
    w = w[["gebied_code", "peiljaar", "waarde"]].drop_duplicates(["gebied_code", "peiljaar"])
    merged = sel.merge(w.rename(columns={"waarde": "_w"}), on=["gebied_code", "peiljaar"], how="left")
    has = merged["waarde"].notna() & merged["_w"].notna()
    merged["teller"] = (merged["waarde"] * merged["_w"]).where(has)
    merged["noemer"] = merged["_w"].where(has)
    merged["methode"] = np.where(has, f"gewicht: {spec.gewicht}", "")
    return merged.drop(columns="_w")


def _noemer_from_indicator(built: dict[str, pd.DataFrame], spec: BronKolom) -> pd.DataFrame:
    """The figure of another indicator (e.g. inwoners) per area and peiljaar, from whichever
    edition has it (kernset order)."""
    rows = built[spec.noemer_indicator]
    rows = rows[rows["waarde"].notna()].sort_values("_order", kind="stable")
    rows = rows.drop_duplicates(["gebied_code", "peiljaar"])
    return rows[["gebied_code", "peiljaar", "waarde", "reden", "bron_tabel"]]


def _ratio(obs: pd.DataFrame, spec: BronKolom, built: dict[str, pd.DataFrame]) -> pd.DataFrame:
    teller = _with_wijk_sums(_select(obs, spec.tabel, spec.teller, spec.leeftijd))
    parts = []
    if spec.noemer_indicator is not None:
        parts.append(_noemer_from_indicator(built, spec)[["gebied_code", "peiljaar", "waarde", "reden"]])
    for kolom in ([] if spec.noemer_indicator else spec.noemer_kolommen):
        part = _with_wijk_sums(_select(obs, spec.noemer_tabel, kolom, None))
        parts.append(part[["gebied_code", "peiljaar", "waarde", "reden"]])
    noemer = parts[0]
    for extra in parts[1:]:
        joined = noemer.merge(extra, on=["gebied_code", "peiljaar"], how="inner", suffixes=("", "_x"))
        joined["waarde"] = joined["waarde"] + joined["waarde_x"]  # NaN if any component is missing
        joined["reden"] = joined["reden"].where(joined["reden"].ne(""), joined["reden_x"])
        noemer = joined[["gebied_code", "peiljaar", "waarde", "reden"]]
    merged = teller.merge(noemer, on=["gebied_code", "peiljaar"], how="left", suffixes=("", "_n"))
    noemer_naam = (f"indicator {spec.noemer_indicator}" if spec.noemer_indicator
                   else f"{spec.noemer_tabel} {'+'.join(spec.noemer_kolommen)}")
    no_noemer = merged["waarde_n"].isna()
    value = merged["waarde"] / merged["waarde_n"].where(merged["waarde_n"] > 0) * spec.factor
    reden = merged["reden"].where(merged["reden"].ne(""), "")
    reden = reden.mask(reden.eq("") & merged["waarde"].notna() & no_noemer & merged["reden_n"].isna(),
                       f"geen noemer ({noemer_naam}) van hetzelfde peiljaar")
    reden = reden.mask(reden.eq("") & no_noemer & merged["reden_n"].notna(), merged["reden_n"])
    reden = reden.mask(reden.eq("") & value.isna(), "noemer is nul")
    formula = f"{spec.teller} / {'+'.join(spec.noemer_kolommen)} × {spec.factor:g}"
    return pd.DataFrame({
        "gebied_code": merged["gebied_code"], "peiljaar": merged["peiljaar"], "waarde": value,
        "reden": reden.fillna(""), "bestand": merged["bestand"],
        "teller": merged["waarde"], "noemer": merged["waarde_n"],
        "methode": (merged["methode"].where(merged["methode"].ne(""), "") + "; " + formula).str.lstrip("; "),
    })


def _indicator_rows(obs: pd.DataFrame, ind: Indicator, built: dict[str, pd.DataFrame]) -> pd.DataFrame:
    frames = []
    for order, spec in enumerate(ind.bronnen):
        if spec.is_ratio:
            rows = _ratio(obs, spec, built)
        else:
            rows = _one_column(obs, spec, spec.kolom, sums=ind.aggregatie_voor(spec) == "som")
        frames.append(rows.assign(indicator=ind.id, bron_tabel=spec.tabel, _order=order,
                                  decimalen=np.nan if spec.decimalen is None else float(spec.decimalen)))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _dedupe_carriers(rows: pd.DataFrame) -> pd.DataFrame:
    """Keep one row per key (the first source spec); carriers of one table must agree."""
    rows = rows.sort_values("_order", kind="stable")
    dup = rows.duplicated(KEY, keep=False)
    if dup.any():
        both = rows[dup & rows["waarde"].notna()]
        spread = both.groupby(KEY)["waarde"].agg(lambda s: s.max() - s.min())
        # Carriers agree up to the precision they publish: a whole percentage (decimalen 0)
        # may differ by rounding (0.5) from an exact ratio of the same table.
        coarse = both.groupby(KEY)["decimalen"].min()
        tol = np.where(coarse.notna(), 0.5 * 10.0 ** (-coarse.fillna(0)) + 1e-9,
                       1e-6 * np.maximum(1.0, both.groupby(KEY)["waarde"].max().abs()))
        bad = spread[spread > tol]
        if not bad.empty:
            key = bad.index[0]
            carriers = both.set_index(KEY).loc[key, "bestand"]
            raise SourceError(
                ", ".join(sorted(set(np.atleast_1d(carriers)))),
                f"two files carrying table {key[1]} disagree on {key[0]} for {key[2]} in {key[3]}",
            )
        # Prefer a row with a value over a missing one from an earlier carrier.
        rows = rows.assign(_missing=rows["waarde"].isna()).sort_values(["_missing", "_order"], kind="stable")
        rows = rows.drop_duplicates(KEY, keep="first").drop(columns="_missing")
    return rows


def build_indicator_table(obs: pd.DataFrame, reg: Registries) -> pd.DataFrame:
    scoped = in_scope(obs, reg)
    built: dict[str, pd.DataFrame] = {}
    for ind in reg.kernset.indicatoren:
        if ind.bronnen:
            built[ind.id] = _dedupe_carriers(_indicator_rows(scoped, ind, built))
    rows = pd.concat(list(built.values()), ignore_index=True)
    for col in ("teller", "noemer", "ondergrens", "bovengrens", "decimalen"):
        rows[col] = pd.to_numeric(rows[col], errors="raise").astype(float) if col in rows else np.nan
    rows["peiljaar"] = rows["peiljaar"].astype(int)
    rows["gebied_niveau"] = rows["gebied_code"].map(area_level)
    rows["gemeente_code"] = rows["gebied_code"].map(gemeente_of).fillna("")
    rows["meting"] = pd.array(
        [reg.meting_of(t, p) for t, p in zip(rows["bron_tabel"], rows["peiljaar"])], dtype="Int64"
    )
    rows["status"] = np.where(rows["waarde"].notna(), "beschikbaar", "ontbreekt")
    for tabel, years in reg.metingen.onvolledig.items():
        for year, why in years.items():
            hit = (rows["bron_tabel"] == tabel) & (rows["peiljaar"] == year)
            rows.loc[hit & rows["waarde"].notna(), "status"] = "onvolledig"
            rows.loc[hit, "reden"] = why
            rows.loc[hit, "meting"] = pd.NA
    rows["reden"] = rows["reden"].fillna("")
    rows["methode"] = rows["methode"].fillna("")
    order = {ind.id: i for i, ind in enumerate(reg.kernset.indicatoren)}
    rows = rows.assign(_ind=rows["indicator"].map(order))
    rows = rows.sort_values(["_ind", "bron_tabel", "gebied_code", "peiljaar"], kind="stable")
    return rows[COLUMNS].reset_index(drop=True)
