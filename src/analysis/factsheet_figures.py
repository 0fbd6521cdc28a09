"""The figures of a factsheet or wijk profile, read from the same evaluation as its tables:
the area beside its references, the area among all Dutch wijken, the trend, the map and the
trend before the monitor against comparable wijken.

Every function takes the page (``factsheet.Factsheet``) and returns figure HTML or None."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from . import charts
from .data import load_geometry
from .evaluation.glance import pretrend_chart
from .evaluation.model import IndicatorEvaluation
from .evaluation.position import national_values
from .evaluation.robust import quantile_scale
from .evaluation.rules import MIN_INWONERS_RATE
from .evaluation.text import decimals_for, fmt_value
from .format import nl_number, nl_value
from .processed import GEOMETRIE_INDELING
from .reader_text import bron_naam

if TYPE_CHECKING:
    from .factsheet import Factsheet

DISTRIBUTION_BINS = 30


def _unit_label(ie: IndicatorEvaluation) -> str:
    return f"{ie.indicator.label} ({ie.eenheid.label})"


def comparison(fs: "Factsheet", pijler_label: str, ies: list[IndicatorEvaluation]) -> str | None:
    """Bars: the area (or its parts) beside gemeente and Nederland, percentages of one source
    and year only."""
    records = []
    for ie in ies:
        if ie.indicator.eenheid != "procent" or ie.onderdrukt:
            continue
        f = ie.focus
        entries = []
        if f.beschikbaar:
            entries.append((fs.focus, "focusgebied", f))
        elif f.status == "deels":
            entries += [(fs.area_name(p.code), "deel", p) for p in f.delen if p.beschikbaar]
        if not entries:
            continue
        for name, role in ((fs.gemeente.naam, "gemeente"), ("Nederland", "nederland")):
            v = ie.referenties.get(role)
            if v is not None and v.beschikbaar and (v.bron_tabel, v.peiljaar) == (f.bron_tabel, f.peiljaar):
                entries.append((name, role, v))
        for name, role, v in entries:
            records.append({"indicator": charts.wrap_label(ie.indicator.label), "gebied": name, "rol": role,
                            "waarde": v.waarde, "peiljaar": v.peiljaar, "bron": bron_naam(fs.reg, v.bron_tabel),
                            "tekst": fmt_value(v.waarde, ie.eenheid, decimals_for(fs.reg, "procent", v.bron_tabel))})
    if not records:
        return None
    data = pd.DataFrame(records)
    chart = charts.comparison_chart(data, "procent")
    years = sorted({int(y) for y in data["peiljaar"]})
    caption = (f"{pijler_label}: {fs.focus}, {fs.gemeente.naam} en Nederland in procenten "
               f"({', '.join(map(str, years))}). Alleen cijfers uit dezelfde bron en hetzelfde jaar.")
    table = _data_table(data, bron="bron")
    return charts.figure_html(chart, prefix=f"vergelijking-{fs.gebied.key}", caption=caption, data=table,
                              description=caption)


def _data_table(data: pd.DataFrame, bron: str) -> pd.DataFrame:
    """The table under a chart: one row per area and year, labels unwrapped ("|" breaks chart lines)."""
    return data.assign(indicator=data["indicator"].str.replace("|", " ", regex=False))[
        ["indicator", "gebied", "peiljaar", "tekst", bron]].rename(columns={
            "indicator": "Indicator", "gebied": "Gebied", "peiljaar": "Jaar", "tekst": "Waarde", bron: "Bron"})


def national(fs: "Factsheet", pijler_label: str, ies: list[IndicatorEvaluation]) -> str | None:
    """How all Dutch wijken are spread on each indicator (in bins), with the area marked."""
    national = fs.data.national
    bins, marks = [], []
    for ie in ies:
        positions = [(fs.focus, ie.landelijk)] if ie.landelijk is not None else [
            (fs.area_name(p.code), p) for p in ie.landelijk_delen]
        if not positions or national is None:
            continue
        year = positions[0][1].peiljaar
        vals = national_values(national, ie.id, year).to_numpy()
        if len(vals) < DISTRIBUTION_BINS:
            continue
        label = charts.wrap_label(f"{ie.indicator.label} ({year})")
        counts, edges = np.histogram(vals, bins=DISTRIBUTION_BINS)
        bins += [{"indicator": label, "van": float(a), "tot": float(b), "aantal": int(c), "soort": "wijken"}
                 for a, b, c in zip(edges[:-1], edges[1:], counts)]
        for name, pos in positions:
            marks.append({"indicator": label, "naam": name, "waarde": pos.waarde, "soort": "gebied",
                          "tekst": f"{name}: {fmt_value(pos.waarde, ie.eenheid, ie.decimalen)}, "
                                   f"plaats {pos.rang_van_laag} van {pos.aantal_wijken} (1 = laagste)"})
    if not marks:
        return None
    data = pd.concat([pd.DataFrame(bins), pd.DataFrame(marks)], ignore_index=True)
    chart = charts.distribution_chart(data)
    caption = (f"{pijler_label}: de grijze staven zijn alle wijken van Nederland. De lijn is {fs.focus}.")
    table = pd.DataFrame(marks)[["indicator", "tekst"]].assign(
        indicator=lambda d: d["indicator"].str.replace("|", " ", regex=False)).rename(
        columns={"indicator": "Indicator", "tekst": "Plaats"})
    return charts.figure_html(chart, prefix=f"landelijk-{fs.gebied.key}", caption=caption, data=table,
                              description=caption)


def _trend_series(fs: "Factsheet", pijler_id: str) -> pd.DataFrame:
    inds = [i for i in fs.reg.indicatoren_van(pijler_id) if i.bronnen]
    codes = {c: ("deel" if len(fs.gebied.delen) > 1 else "focusgebied") for c in fs.gebied.codes}
    refs = {fs.gemeente.code: "gemeente", fs.reg.gebieden.nederland.code: "nederland"}
    t = fs.table
    sel = t[t["indicator"].isin([i.id for i in inds]) & t["gebied_code"].isin(codes.keys() | refs.keys())
            & t["status"].eq("beschikbaar")]
    records = []
    for rec in sel.itertuples(index=False):
        ind = fs.reg.indicator(rec.indicator)
        eenheid = fs.reg.kernset.eenheden[ind.eenheid]
        rol = codes.get(rec.gebied_code) or refs[rec.gebied_code]
        # Counts of areas of different size on one axis hide the small one: only the area itself.
        if not eenheid.vergelijkbaar and rol in ("gemeente", "nederland"):
            continue
        gebied = fs.area_name(rec.gebied_code) if rol in ("focusgebied", "deel") else (
            fs.gemeente.naam if rol == "gemeente" else "Nederland")
        records.append({"indicator": charts.wrap_label(f"{ind.label} ({eenheid.label})"), "gebied": gebied,
                        "rol": rol, "bron_tabel": rec.bron_tabel, "reeks": f"{gebied} · {rec.bron_tabel}",
                        "peiljaar": int(rec.peiljaar), "waarde": float(rec.waarde),
                        "tekst": nl_value(rec.waarde, eenheid), "_o": inds.index(ind)})
    data = pd.DataFrame(records)
    if data.empty:
        return data
    spread = data.groupby("indicator")["peiljaar"].nunique()  # only more than one year makes a trend
    data = data[data["indicator"].isin(spread[spread > 1].index)]
    return data.sort_values(["_o", "rol", "bron_tabel", "peiljaar"]).drop(columns="_o")


def trend(fs: "Factsheet", pijler_label: str, pijler_id: str) -> str | None:
    data = _trend_series(fs, pijler_id)
    if data.empty:
        return None
    data["bron_tabel"] = data["bron_tabel"].map(lambda t: bron_naam(fs.reg, t))  # legend and table read names
    chart = charts.trend_chart(data, fs.reg.metingen.start_monitor)
    years = sorted(data["peiljaar"].unique())
    caption = (f"{pijler_label}: van {years[0]} tot en met {years[-1]} in {fs.focus}, {fs.gemeente.naam} en "
               f"Nederland. Elke lijn is één gebied uit één uitgave van de bron. De stippellijn is de start in "
               f"{fs.reg.metingen.start_monitor}. Aantallen staan er alleen voor {fs.focus} zelf.")
    table = _data_table(data, bron="bron_tabel")
    return charts.figure_html(chart, prefix=f"trend-{fs.gebied.key}", caption=caption, data=table,
                              description=caption)


def pretrend(fs: "Factsheet") -> str | None:
    """The area against its comparison wijken before the monitor, for the indicators used to
    choose them (the others are in the table of comparable wijken)."""
    frames = []
    for ie in fs.ev.indicatoren:
        if ie.pretrend is None or ie.id not in ("ervaren_gezondheid", "moeite_rondkomen"):
            continue
        reeks = ie.pretrend.reeks.copy()
        reeks["naam"] = [fs.focus if r == "focusgebied" else fs.area_name(c) for r, c in zip(reeks["rol"], reeks["code"])]
        reeks["indicator"] = ie.indicator.label
        frames.append((ie, reeks))
    if not frames:
        return None
    out = []
    for ie, reeks in frames:
        chart = pretrend_chart(reeks, f"{ie.indicator.label} (%)", fs.reg.metingen.start_monitor)
        verdict = {True: "liep gelijk op met", False: "liep niet gelijk op met", None: "is niet te vergelijken met"}[
            ie.pretrend.parallel]
        caption = (f"{ie.indicator.label}: {fs.focus} {verdict} de vergelijkbare wijken vóór de start van de monitor "
                   f"(grijs: de middelste helft van die wijken; stippellijn: de middelste wijk). {ie.pretrend.regel}")
        table = reeks[["naam", "peiljaar", "waarde"]].rename(columns={"naam": "Gebied", "peiljaar": "Jaar",
                                                                        "waarde": "Waarde"})
        out.append(charts.figure_html(chart, prefix=f"voortrend-{fs.gebied.key}-{ie.id}", caption=caption,
                                      data=table, description=caption))
    return "".join(out)


def map_choice(fs: "Factsheet") -> tuple[str, str, int, int, pd.DataFrame] | None:
    """(indicator, table, peiljaar, meting, wijk rows) colouring the map, or None.

    The meting's own figures first, then earlier metingen; only figures in a wijkindeling that
    matches the map."""
    metingen = [m for m in fs.reg.metingen.metingen if m.jaar <= fs.meting.jaar][::-1]
    t = fs.table
    for m in metingen:
        for ind_id in fs.reg.kernset.kaart:
            ind = fs.reg.indicator(ind_id)
            for tabel in dict.fromkeys(b.tabel for b in ind.bronnen):
                peiljaar = m.peiljaren.get(tabel)
                if peiljaar is None or not fs.gemeente.indeling_vergelijkbaar(fs.reg.tabel(tabel).indeling,
                                                                              GEOMETRIE_INDELING):
                    continue
                rows = t[(t["indicator"] == ind_id) & (t["bron_tabel"] == tabel) & (t["peiljaar"] == peiljaar)
                         & (t["gebied_niveau"] == "wijk") & (t["gemeente_code"] == fs.gemeente.code)
                         & (t["status"] == "beschikbaar")]
                if len(rows) >= 2:
                    return ind_id, tabel, peiljaar, m.jaar, rows
    return None


def map_figure(fs: "Factsheet") -> str:
    """The gemeente's wijken coloured by quantiles (a few extreme wijken do not set the colours),
    rates of wijken under the minimum population left out, the area outlined."""
    geo = load_geometry()
    feats = [f for f in geo["features"] if f["properties"]["gemeente_code"] == fs.gemeente.code
             and f["properties"]["gebied_niveau"] == "wijk"]
    choice = map_choice(fs)
    fg = fs.gebied
    outline = ("omlijnd" if all(d.niveau == "wijk" for d in fg.delen)
               else "gestippeld omlijnd: het is een buurt en buurtgrenzen staan niet op de kaart, daarom is de wijk "
                    "gemarkeerd waarin het ligt")
    values: dict[str, float] = {}
    suppressed: dict[str, str] = {}
    eenheid = None
    title = [f"Wijken van {fs.gemeente.naam}"]
    if choice is None:
        legend, scale = "geen cijfer", None
        caption = (f"Wijken van {fs.gemeente.naam} (indeling {GEOMETRIE_INDELING}); {fg.naam} is {outline}. Er zijn "
                   f"geen wijkcijfers die op deze kaart passen, dus de kaart is niet ingekleurd.")
    else:
        ind_id, tabel, peiljaar, m_jaar, rows = choice
        ind = fs.reg.indicator(ind_id)
        eenheid = fs.reg.kernset.eenheden[ind.eenheid]
        if ind.eenheid == "per_1000_inwoners":
            low = rows["noemer"].notna() & (rows["noemer"] < MIN_INWONERS_RATE)
            suppressed = {c: f"minder dan {nl_number(MIN_INWONERS_RATE, 0)} inwoners"
                          for c in rows.loc[low, "gebied_code"]}
            rows = rows[~low]
        values = dict(zip(rows["gebied_code"], rows["waarde"]))
        legend = f"{ind.label} ({eenheid.label})"
        scale = quantile_scale(pd.Series(values)) if len(values) >= 5 else None
        label = ind.label.lower() if ind.label[1].islower() else ind.label
        title.append(f"{label}, {peiljaar}")
        which = ""
        if m_jaar != fs.meting.jaar:
            which = (f" Voor deze meting zijn er geen wijkcijfers die op deze kaart passen; de kaart toont daarom "
                     f"{peiljaar}.")
            title.append(f"(geen nieuwere wijkcijfers op deze kaart)")
        caption = (f"Wijken van {fs.gemeente.naam} naar {label} ({eenheid.label}; {peiljaar}, bron: "
                   f"{fs.reg.tabel(tabel).leesnaam}); "
                   f"{fg.naam} is {outline}. "
                   + (f"{scale.toelichting} " if scale is not None else "")
                   + (f"Niet ingekleurd: {len(suppressed)} wijk(en) met minder dan "
                      f"{nl_number(MIN_INWONERS_RATE, 0)} inwoners." if suppressed else "") + which)
    map_features, records = [], []
    for f in feats:
        code = f["properties"]["gebied_code"]
        waarde = values.get(code)
        tekst = (nl_value(waarde, eenheid) if eenheid and waarde is not None else suppressed.get(code, "geen cijfer"))
        props = {"naam": f["properties"]["naam"], "waarde": waarde, "tekst": tekst,
                 "focus_rol": f["properties"]["focus_rol"] if f["properties"]["focusgebied"] == fg.key else ""}
        map_features.append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
        records.append({"Wijk": props["naam"], "Code": code, "Waarde": tekst,
                        "Focusgebied": "ja" if props["focus_rol"] else ""})
    chart = charts.map_chart(map_features, legend, ",.1f" if eenheid and eenheid.decimalen else ",.0f",
                             scale=scale.scale if scale is not None else None, title=" · ".join(title))
    return charts.figure_html(chart, prefix=f"kaart-{fg.key}", caption=caption, data=pd.DataFrame(records),
                              description=caption)
