"""The at-a-glance panel and the national strip chart.

Panel: per pijler, one row per indicator with national wijk data. The x axis is the
position among all Dutch wijken in the baseline year, turned so that right is favourable
(0 = least favourable wijk, 100 = most favourable; neutral indicators: 0 = lowest value).
A dot marks the area at the baseline; an arrow shows where the area would stand now if the
rest of the country had stood still — the baseline value plus its change against the
national change (the difference-in-differences), placed on the same baseline distribution;
a grey band spans the middle half of the comparison wijken. The arrow is drawn only where a
verdict on the change exists; its colour says that verdict.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .model import AreaEvaluation, IndicatorEvaluation
from .position import NATIONAL_TABLE, national_values, percentile_of
from .text import nl_num

COLUMNS = ["pijler", "indicator", "label", "peiljaar", "positie_nul", "positie_nu", "pijl", "band_laag", "band_hoog",
           "oordeel", "tekst"]
VERDICT_COLORS = {"gunstiger": "#009E73", "ongunstiger": "#D55E00", "vergelijkbaar": "#595959", "hoger": "#0072B2",
                  "lager": "#0072B2", "geen": "#bdbdbd"}


def _favourable(pct: float, richting: str) -> float:
    return 100.0 - pct if richting == "lager_beter" else pct


def _place(values: pd.Series, value: float, richting: str) -> float:
    return _favourable(percentile_of(values.to_numpy(), value)[0], richting)


def _baseline_value(ie: IndicatorEvaluation) -> float | None:
    return ie.landelijk.waarde if ie.landelijk is not None else None


def glance_data(ev: AreaEvaluation, national: pd.DataFrame, pijler_labels: dict[str, str]) -> pd.DataFrame:
    """One row per indicator that has a national position (see the module docstring).

    ``pijler_labels``: pijler id -> label (from the kernset). Columns: ``COLUMNS``.
    """
    rows = []
    for ie in ev.indicatoren:
        if ie.pijler not in pijler_labels:
            continue
        placed = [(ie.landelijk, ie.sinds_nulmeting, ie.indicator.label)] if ie.landelijk is not None else [
            (p, _part_change(ie, p.code), f"{ie.indicator.label} ({ev.naam_van(p.code)})") for p in ie.landelijk_delen]
        for pos, tc, label in placed:
            vals = national_values(national, ie.id, pos.peiljaar, pos.bron_tabel)
            richting = ie.indicator.richting
            nul = _favourable(pos.percentiel, richting)
            now, oordeel = None, "geen"
            if tc is not None and tc.verdict.has_verdict and tc.did("nederland") is not None:
                now = _place(vals, pos.waarde + tc.did("nederland"), richting)
                oordeel = tc.verdict.oordeel
            lo = hi = None
            if ie.vergelijkingswijken is not None:
                a = _place(vals, ie.vergelijkingswijken.p25, richting)
                b = _place(vals, ie.vergelijkingswijken.p75, richting)
                lo, hi = min(a, b), max(a, b)
            rows.append({"pijler": pijler_labels[ie.pijler], "indicator": ie.id, "label": label,
                         "peiljaar": pos.peiljaar, "positie_nul": round(nul, 1),
                         "positie_nu": None if now is None else round(now, 1),
                         "pijl": None if now is None else ("links" if now < nul else "rechts"),
                         "band_laag": None if lo is None else round(lo, 1),
                         "band_hoog": None if hi is None else round(hi, 1), "oordeel": oordeel,
                         "tekst": _row_text(label, richting, pos.peiljaar, nul, now, oordeel, lo, hi)})
    return pd.DataFrame(rows, columns=COLUMNS)


def _part_change(ie: IndicatorEvaluation, code: str):
    return next((p.sinds_nulmeting for p in ie.delen if p.code == code), None)


def _row_text(label: str, richting: str, peiljaar: int, nul: float, now: float | None, oordeel: str,
              lo: float | None, hi: float | None) -> str:
    # A place, not a figure: "Zware drinker: 90" alone reads as 90 %.
    scale = ("0 = laagste, 100 = hoogste wijk" if richting == "neutraal"
             else "0 = minst gunstige, 100 = gunstigste wijk")
    text = f"{label}: plaats {nl_num(nul, 0)} van 100 in {peiljaar} ({scale} van Nederland)"
    if now is not None:
        word = {"vergelijkbaar": "gelijk op met Nederland"}.get(oordeel, f"{oordeel} dan Nederland")
        text += f"; nu plaats {nl_num(now, 0)}, {word}"
    if lo is not None:
        text += f"; vergelijkbare wijken op plaats {nl_num(lo, 0)} tot {nl_num(hi, 0)}"
    return text + "."


def glance_text(data: pd.DataFrame, naam: str) -> str:
    """The text alternative of the panel: one line per indicator, grouped by pijler."""
    if data.empty:
        return f"Voor {naam} zijn er geen indicatoren met cijfers voor alle wijken van Nederland."
    lines = [f"Plaats van {naam} tussen alle wijken van Nederland, op een schaal van 0 (minst gunstige wijk) tot "
             f"100 (gunstigste wijk); bij een cijfer zonder goede of slechte kant van 0 (laagste) tot 100 (hoogste). "
             f"'Nu' is de plaats van het begincijfer plus de verandering tegenover Nederland."]
    for pijler, grp in data.groupby("pijler", sort=False):
        lines.append(f"{pijler}:")
        lines.extend(f"- {t[0].upper()}{t[1:]}" for t in grp["tekst"])
    return "\n".join(lines)


def glance_chart(data: pd.DataFrame) -> dict:
    """Rows of indicators per pijler on a 0–100 'ongunstig → gunstig' axis (a Vega-Lite spec)."""
    from ..charts import templated

    from ..charts import wrap_label

    data = data.assign(label=data["label"].map(lambda t: wrap_label(t, 36)))
    return templated(_glance, data, order=list(dict.fromkeys(data["label"])),
                     pijlers=list(dict.fromkeys(data["pijler"])), changes=bool(data["positie_nu"].notna().any()))


def _glance(source, *, order: list[str], pijlers: list[str], changes: bool = True) -> alt.FacetChart:
    x = alt.X("positie_nul:Q", scale=alt.Scale(domain=[0, 100]),
              axis=alt.Axis(values=[0, 25, 50, 75, 100], title="plaats tussen alle wijken (← ongunstig · gunstig →)"))
    from ..charts import LABEL_EXPR

    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=0, labelExpr=LABEL_EXPR))
    base = alt.Chart(source).encode(y=y)
    band = base.transform_filter("datum.band_laag != null").mark_bar(height=10, color="#d9d9d9").encode(
        x=alt.X("band_laag:Q", scale=alt.Scale(domain=[0, 100])), x2="band_hoog:Q",
        tooltip=[alt.Tooltip("tekst:N", title="")])
    arrow = base.transform_filter("datum.positie_nu != null").mark_rule(strokeWidth=2).encode(
        x=x, x2="positie_nu:Q",
        color=alt.Color("oordeel:N", title="verandering t.o.v. Nederland",
                        scale=alt.Scale(domain=list(VERDICT_COLORS), range=list(VERDICT_COLORS.values()))))
    head = base.transform_filter("datum.positie_nu != null").mark_point(filled=True, size=60).encode(
        x=alt.X("positie_nu:Q", scale=alt.Scale(domain=[0, 100])), color=alt.Color("oordeel:N", legend=None),
        shape=alt.Shape("pijl:N", scale=alt.Scale(domain=["links", "rechts"],
                                                  range=["triangle-left", "triangle-right"]), legend=None))
    dot = base.mark_circle(size=80, color="#0072B2").encode(x=x, tooltip=[alt.Tooltip("tekst:N", title="")])
    # at the nulmeting there is no change: empty arrow layers would be unlabelled graphics for a screen reader
    return (alt.layer(*([band, arrow, head, dot] if changes else [band, dot]))
            .properties(width=360, height=alt.Step(28))
            .facet(row=alt.Row("pijler:N", title=None, sort=pijlers,
                               header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold")))
            .resolve_scale(y="independent"))


def strip_data(national: pd.DataFrame, indicator: str, peiljaar: int, marks: dict[str, float],
               tabel: str = NATIONAL_TABLE) -> pd.DataFrame:
    """All wijken's values (rol 'wijk') plus the marked areas (rol = their name)."""
    vals = national_values(national, indicator, peiljaar, tabel)
    out = pd.DataFrame({"waarde": vals.to_numpy(), "rol": "alle wijken", "naam": ""})
    extra = pd.DataFrame({"waarde": list(marks.values()), "rol": list(marks.keys()), "naam": list(marks.keys())})
    return pd.concat([out, extra], ignore_index=True)


def national_strip_chart(data: pd.DataFrame, label: str, unit: str = "%") -> alt.Chart:
    """A compact strip: every Dutch wijk as a thin tick, the marked areas as labelled dots."""
    wijken = data[data["rol"] == "alle wijken"]
    marked = data[data["rol"] != "alle wijken"]
    ticks = alt.Chart(wijken).mark_tick(color="#bdbdbd", opacity=0.35, thickness=1).encode(
        x=alt.X("waarde:Q", title=f"{label} ({unit})", scale=alt.Scale(zero=False)))
    dots = alt.Chart(marked).mark_circle(size=90).encode(
        x="waarde:Q", color=alt.Color("naam:N", title=None),
        tooltip=[alt.Tooltip("naam:N", title="Gebied"), alt.Tooltip("waarde:Q", title=label, format=",.1f")])
    names = alt.Chart(marked).mark_text(dy=-12, fontSize=11).encode(x="waarde:Q", text="naam:N")
    return alt.layer(ticks, dots, names).properties(width="container", height=50)


def pretrend_chart(reeks: pd.DataFrame, label: str, start_monitor: int | None = None) -> alt.Chart:
    """Area (or each part) against the comparison wijken before the monitor: the group's
    median as a dashed line with its p25–p75 band, the area as solid lines.

    ``reeks``: ``PreTrend.reeks`` with a ``naam`` column added by the caller (display names).
    """
    data = reeks.assign(naam=reeks.get("naam", reeks["code"]).where(reeks["rol"] != "vergelijkingswijken",
                                                                   "vergelijkbare wijken (mediaan)"))
    years = sorted(int(y) for y in data["peiljaar"].unique())
    x = alt.X("peiljaar:Q", title="Peiljaar", axis=alt.Axis(format="d", values=years),
              scale=alt.Scale(domain=[min(years), max(years)]))
    group = data[data["rol"] == "vergelijkingswijken"]
    band = alt.Chart(group).mark_area(opacity=0.25, color="#999999").encode(x=x, y="p25:Q", y2="p75:Q")
    lines = alt.Chart(data).mark_line(point=True).encode(
        x=x, y=alt.Y("waarde:Q", title=label, scale=alt.Scale(zero=False)),
        color=alt.Color("naam:N", title=None),
        strokeDash=alt.condition("datum.rol == 'vergelijkingswijken'", alt.value([5, 3]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("naam:N", title="Gebied"), alt.Tooltip("peiljaar:Q", format="d"),
                 alt.Tooltip("waarde:Q", title=label, format=",.1f")])
    layers = [band, lines]
    if start_monitor is not None:
        layers.append(alt.Chart(pd.DataFrame({"peiljaar": [start_monitor]})).mark_rule(strokeDash=[3, 3]).encode(x=x))
    return alt.layer(*layers).properties(width=300, height=160)
