"""Charts of the factsheets (altair) and how they reach a book page.

Charts are emitted as an HTML figure: a container, a short script that calls
``vegaEmbed`` (loaded once per page from the book's own ``_static/vega-bundle.js``, never
from a CDN), a caption that says what the chart shows, and the chart's data as a table in
a collapsed ``<details>``. Ids are derived from the spec, so re-running a notebook gives
identical output.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any, Callable

import altair as alt
import pandas as pd
import shapely
from shapely.geometry import mapping, shape

from .format import esc

# Colour-blind-safe (Okabe-Ito), used for the same roles everywhere in the book.
ROLE_COLORS = {
    "focusgebied": "#0072B2",
    "deel": "#56B4E9",
    "gemeente": "#E69F00",
    "nederland": "#595959",
}
ROLE_ORDER = ["focusgebied", "deel", "gemeente", "nederland"]
# Parts of a focus area (or its buurten) shown side by side: shades of the focus colour.
PART_COLORS = ["#0072B2", "#56B4E9", "#9ecae1", "#08519c", "#c6dbef", "#2171b5", "#6baed6", "#deebf7", "#4292c6",
               "#084594", "#bdd7e7", "#3182bd"]
EDITION_DASH = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]
MONITOR_MARK_COLOR = "#7F3C8D"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

NL_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
    "formatLocale": NL_LOCALE,
    "i18n": {
        "CLICK_TO_VIEW_ACTIONS": "Figuur downloaden",
        "PNG_ACTION": "Opslaan als PNG",
        "SVG_ACTION": "Opslaan als SVG",
    },
}


# Labels are never cut off: a cut name reads as another word (and wrapped labels carry "|").
CONFIG = {
    "font": FONT,
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 0},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "labelLimit": 0},
    "header": {"labelFontSize": 12, "titleFontSize": 12},  # Vega-Lite's 10 px is below what a phone shows legibly
    "title": {"fontSize": 13},
    "text": {"fontSize": 11},
    "view": {"stroke": None},
}


def spec_of(chart: alt.TopLevelMixin | dict[str, Any], *, validate: bool = False) -> dict[str, Any]:
    """The Vega-Lite spec with the book's configuration (``CONFIG``, set on the dict: copying
    a layered chart to configure it costs more than drawing a wijk profile). The schema check is
    left to the tests (``validate=True``): it takes a third of the time of a page. A spec that is
    already a dict (see ``templated``) is returned as it is."""
    if isinstance(chart, dict):
        return chart
    spec = chart.to_dict(validate=validate)
    config = dict(spec.get("config", {}))
    for key, value in CONFIG.items():
        config[key] = {**config.get(key, {}), **value} if isinstance(value, dict) else value
    spec["config"] = config
    return spec


# -- specs built once per shape ----------------------------------------------------------------------
# Building a layered or faceted chart with altair costs 0.1–0.2 s (deep copies of the whole
# chart per layer); a page has about ten. The chart's *shape* (domains, orders, colours) repeats
# from page to page, only the data differs: each shape is built with altair once, on a named
# data source, and every page fills in its own rows.

DATA_NAME = "vw-data"
_BUILDERS: dict[str, Callable[..., alt.TopLevelMixin]] = {}


@lru_cache(maxsize=512)
def _template(builder: str, shape: str) -> str:
    return json.dumps(spec_of(_BUILDERS[builder](alt.Data(name=DATA_NAME), **json.loads(shape))))


def _inject(obj: Any, values: list[dict[str, Any]]) -> Any:
    if isinstance(obj, dict):
        if obj == {"name": DATA_NAME}:
            return {"values": values}
        return {k: _inject(v, values) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_inject(v, values) for v in obj]
    return obj


def templated(builder: Callable[..., alt.TopLevelMixin], data: pd.DataFrame, **shape: Any) -> dict[str, Any]:
    """The spec of ``builder(data, **shape)``: built with altair once per ``shape`` (JSON-able
    values only), with this ``data`` filled in."""
    key = f"{builder.__module__}.{builder.__qualname__}"
    _BUILDERS.setdefault(key, builder)
    values = json.loads(data.to_json(orient="records", double_precision=15, force_ascii=False))
    return _inject(json.loads(_template(key, json.dumps(shape, sort_keys=True, ensure_ascii=False))), values)


def figure_id(prefix: str, spec: dict[str, Any]) -> str:
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:12]
    return f"{prefix}-{digest}"


def data_table_html(data: pd.DataFrame, caption: str) -> str:
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in data.columns)
    body = []
    for rec in data.itertuples(index=False):
        cells = "".join(f"<td>{esc(v)}</td>" for v in rec)
        body.append(f"<tr>{cells}</tr>")
    return (f'<table class="vw-table vw-data-table"><caption>{esc(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def figure_html(
    chart: alt.TopLevelMixin,
    *,
    prefix: str,
    caption: str,
    data: pd.DataFrame,
    description: str,
) -> str:
    """A chart as a self-contained, accessible HTML figure (see the module docstring)."""
    spec = spec_of(chart)
    spec["description"] = description
    fid = figure_id(prefix, spec)
    payload = json.dumps(spec, sort_keys=True, ensure_ascii=False).replace("</", "<\\/")
    options = json.dumps(EMBED_OPTIONS, sort_keys=True, ensure_ascii=False)
    script = (
        "(function(){var spec=" + payload + ";var opt=" + options + ";"
        "function show(){if(!window.vegaEmbed){return setTimeout(show,30);}"
        f"vegaEmbed('#{fid}-vis',spec,opt).then(function(){{"
        f"var s=document.querySelector('#{fid}-vis details > summary');"
        "if(s){s.setAttribute('aria-label','Figuur downloaden');}"
        "}).catch(function(e){"
        f"document.getElementById('{fid}-vis').textContent='De figuur kon niet worden getekend: '+e.message;}});}}"
        "show();})();"
    )
    return (
        f'<figure class="vw-figure" id="{fid}">'
        f'<div class="vw-chart" id="{fid}-vis"></div>'
        f'<script type="text/javascript">{script}</script>'
        f"<figcaption>{esc(caption)}</figcaption>"
        f'<details class="vw-data"><summary>Gegevens bij deze figuur</summary>'
        f"{data_table_html(data, caption)}</details>"
        f"</figure>"
    )


# Long labels are cut ("Ervaren gezondheid goed of z…") and two indicators then look alike:
# labels carry "|" where they may break, and axes and facet headers split them into lines.
LABEL_BREAK = "|"
LABEL_EXPR = f"split(datum.label, '{LABEL_BREAK}')"


def wrap_label(text: str, width: int = 28) -> str:
    """'Ervaren gezondheid goed of zeer goed, 65-plussers' -> 'Ervaren gezondheid goed of|zeer goed, 65-plussers'."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return LABEL_BREAK.join(lines)


def role_scale(roles: list[str] | None = None) -> alt.Scale:
    present = [r for r in ROLE_ORDER if roles is None or r in roles]
    return alt.Scale(domain=present, range=[ROLE_COLORS[r] for r in present])


def comparison_chart(data: pd.DataFrame, unit_label: str) -> dict[str, Any]:
    """Grouped horizontal bars: one group per indicator, one bar per area.

    ``data`` columns: indicator (label), gebied (display name), rol, waarde, tekst.
    """
    areas = list(dict.fromkeys(data["gebied"]))
    roles = data.drop_duplicates("gebied").set_index("gebied")["rol"]
    parts = [a for a in areas if roles[a] == "deel"]
    # More parts than distinct shades cannot be told apart by colour: then they share one colour.
    part_color = dict(zip(parts, PART_COLORS)) if len(parts) <= len(PART_COLORS) else {
        a: ROLE_COLORS["deel"] for a in parts}
    colors = [part_color.get(a) or ROLE_COLORS[roles[a]] for a in areas]
    indicators = list(dict.fromkeys(data["indicator"]))
    return templated(_comparison, data[["indicator", "gebied", "rol", "waarde", "tekst"]], areas=areas, colors=colors,
                     indicators=indicators, unit_label=unit_label)


def _comparison(source: Any, *, areas: list[str], colors: list[str], indicators: list[str],
                unit_label: str) -> alt.LayerChart:
    base = alt.Chart(source).encode(
        y=alt.Y("indicator:N", sort=indicators, title=None,
                axis=alt.Axis(labelLimit=0, labelFontWeight="bold", labelExpr=LABEL_EXPR)),
        yOffset=alt.YOffset("gebied:N", sort=areas),
        x=alt.X("waarde:Q", title=unit_label, axis=alt.Axis(format=",.0f", grid=True),
                scale=alt.Scale(domainMin=0, nice=True)),
        tooltip=[alt.Tooltip("indicator:N", title="Indicator"), alt.Tooltip("gebied:N", title="Gebied"),
                 alt.Tooltip("tekst:N", title="Waarde")],
    )
    bars = base.mark_bar().encode(color=alt.Color("gebied:N", scale=alt.Scale(domain=areas, range=colors), title=None,
                                                  sort=areas))
    labels = base.mark_text(align="left", dx=3, fontSize=11, color="#222").encode(text="tekst:N")
    return alt.layer(bars, labels).properties(width="container", height=len(indicators) * (len(areas) * 16 + 10))


def trend_chart(data: pd.DataFrame, start_monitor: int, columns: int = 2) -> dict[str, Any]:
    """Small multiples per indicator: one line per area and source edition, with the
    start of the monitor marked.

    ``data`` columns: indicator, gebied, rol, bron_tabel, reeks (gebied · bron), peiljaar, waarde, tekst.
    """
    return templated(_trend, data[["indicator", "gebied", "rol", "bron_tabel", "reeks", "peiljaar", "waarde", "tekst"]],
                     start_monitor=int(start_monitor), columns=columns,
                     editions=sorted(data["bron_tabel"].unique()),
                     years=sorted(int(y) for y in data["peiljaar"].unique()),
                     roles=[r for r in ROLE_ORDER if r in set(data["rol"])],
                     indicators=list(dict.fromkeys(data["indicator"])))


def _trend(source: Any, *, start_monitor: int, columns: int, editions: list[str], years: list[int],
           roles: list[str], indicators: list[str]) -> alt.FacetChart:
    # Layers carry no data of their own, so that each facet sees only its indicator's rows.
    base = alt.Chart().encode(
        x=alt.X("peiljaar:Q", title="Peiljaar", scale=alt.Scale(domain=[min(years) - 0.5, max(years) + 0.5]),
                axis=alt.Axis(format="d", values=years, labelAngle=0)),
        y=alt.Y("waarde:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format=",.0f")),
        color=alt.Color("rol:N", scale=role_scale(roles), title="Gebied",
                        legend=alt.Legend(labelExpr="{'focusgebied':'focusgebied','deel':'deel van het focusgebied',"
                                                    "'gemeente':'gemeente','nederland':'Nederland'}[datum.label]")),
        strokeDash=alt.StrokeDash("bron_tabel:N", title="Bron (editie)",
                                  scale=alt.Scale(domain=editions, range=EDITION_DASH[: len(editions)]),
                                  legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=2, symbolSize=300)),
        detail="reeks:N",
        tooltip=[alt.Tooltip("gebied:N", title="Gebied"), alt.Tooltip("peiljaar:Q", title="Peiljaar", format="d"),
                 alt.Tooltip("tekst:N", title="Waarde"), alt.Tooltip("bron_tabel:N", title="Bron")],
    )
    lines = base.mark_line(strokeWidth=2)
    points = base.mark_point(filled=True, size=40).encode(shape=alt.Shape("rol:N", legend=None))
    rule = alt.Chart(pd.DataFrame({"peiljaar": [start_monitor], "label": [f"start monitor {start_monitor}"]})).encode(
        x="peiljaar:Q")
    mark = rule.mark_rule(color=MONITOR_MARK_COLOR, strokeDash=[3, 3])
    mark_text = rule.mark_text(color=MONITOR_MARK_COLOR, align="left", dx=3, dy=-4, baseline="top", fontSize=11,
                               y=0).encode(text="label:N")
    return (
        alt.layer(lines, points, mark, mark_text)
        .properties(width=250, height=150)
        .facet(facet=alt.Facet("indicator:N", title=None, sort=indicators,
                               header=alt.Header(labelFontWeight="bold", labelLimit=0, labelExpr=LABEL_EXPR)),
               columns=columns, data=source)
        .resolve_scale(y="independent")
    )


def clockwise(geometry: dict[str, Any]) -> dict[str, Any]:
    """d3-geo wants exterior rings clockwise on the sphere; RFC 7946 stores them the other way."""
    return mapping(shapely.orient_polygons(shape(geometry), exterior_cw=True))


def map_chart(features: list[dict[str, Any]], legend_title: str, value_format: str,
              scale: alt.Scale | None = None, title: str | None = None) -> alt.Chart:
    """Wijken coloured by a value, the focus area outlined. ``scale``: a colour scale (e.g. by
    quantiles, so that one extreme wijk does not give every other wijk the same colour);
    ``title``: what the map shows, on the map itself.

    Feature properties used: naam, waarde (or None), tekst, focus_rol ('deel'/'bevat'/'').
    """
    values = alt.Data(values=[{**f, "geometry": clockwise(f["geometry"])} for f in features])
    present = [f["properties"]["waarde"] for f in features if f["properties"].get("waarde") is not None]
    has_value = bool(present)
    base = alt.Chart(values).project(type="mercator")
    # An explicit domain: wijken without a figure must not pull the scale down to zero.
    fill = (
        alt.Color("properties.waarde:Q", title=legend_title,
                  scale=scale or alt.Scale(scheme="blues", domain=[min(present), max(present)]),
                  legend=alt.Legend(format=value_format, orient="bottom", gradientLength=220))
        if has_value else alt.value("#e6e6e6")
    )
    areas = base.mark_geoshape(stroke="#ffffff", strokeWidth=0.8).encode(
        color=alt.condition("datum.properties.waarde != null", fill, alt.value("#d9d9d9")) if has_value else fill,
        tooltip=[alt.Tooltip("properties.naam:N", title="Wijk"), alt.Tooltip("properties.tekst:N", title=legend_title)],
    )
    # The outlines repeat shapes already described by the coloured layer: hidden from screen readers.
    outline = base.mark_geoshape(filled=False, stroke="#000000", strokeWidth=3, aria=False).transform_filter(
        "datum.properties.focus_rol == 'deel'")
    contains = base.mark_geoshape(filled=False, stroke="#000000", strokeWidth=2.5, strokeDash=[5, 3],
                                  aria=False).transform_filter("datum.properties.focus_rol == 'bevat'")
    # A fixed size: projection fitting fails with width "container"; CSS scales the SVG down.
    chart = alt.layer(areas, outline, contains).properties(width=560, height=420)
    return chart.properties(title=alt.Title(title, anchor="start", fontSize=13)) if title else chart


def distribution_chart(data: pd.DataFrame) -> dict[str, Any]:
    """Per indicator, all Dutch wijken in bins (grey bars) and the marked areas as lines.

    ``data``: rows with soort 'wijken' (indicator, van, tot, aantal) and soort 'gebied'
    (indicator, naam, waarde, tekst)."""
    return templated(_distribution, data, order=list(dict.fromkeys(data["indicator"])))


def _distribution(source: Any, *, order: list[str]) -> alt.FacetChart:
    bars = alt.Chart().transform_filter("datum.soort == 'wijken'").mark_bar(color="#c8c8c8").encode(
        x=alt.X("van:Q", title=None, scale=alt.Scale(zero=False)), x2="tot:Q",
        y=alt.Y("aantal:Q", title="wijken", axis=alt.Axis(tickCount=2)),
        tooltip=[alt.Tooltip("van:Q", title="van", format=",.1f"), alt.Tooltip("tot:Q", title="tot", format=",.1f"),
                 alt.Tooltip("aantal:Q", title="aantal wijken")])
    rules = alt.Chart().transform_filter("datum.soort == 'gebied'").mark_rule(
        color=ROLE_COLORS["focusgebied"], strokeWidth=2.5).encode(
        x="waarde:Q", tooltip=[alt.Tooltip("tekst:N", title="")])
    names = alt.Chart().transform_filter("datum.soort == 'gebied'").mark_text(
        align="left", dx=4, dy=-4, baseline="top", fontSize=11, color="#1a1a1a", y=0).encode(
        x="waarde:Q", text="naam:N")
    return (alt.layer(bars, rules, names, data=source)
            .properties(width=320, height=60)
            .facet(row=alt.Row("indicator:N", title=None, sort=order,
                               header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold",
                                                 labelLimit=0, labelExpr=LABEL_EXPR)))
            .resolve_scale(x="independent", y="independent"))


REGION_ROLES = {"focusgebied": ROLE_COLORS["focusgebied"], "wijk met het focusgebied": ROLE_COLORS["deel"],
                "andere wijk": "#e3e3e3"}


def region_map_chart(features: list[dict[str, Any]], labels: pd.DataFrame) -> alt.Chart:
    """All wijken of the four gemeenten, focus areas filled, each focus area named.

    Feature properties used: naam, rol (a key of REGION_ROLES). ``labels``: naam, lon, lat.
    """
    values = alt.Data(values=[{**f, "geometry": clockwise(f["geometry"])} for f in features])
    base = alt.Chart(values).project(type="mercator")
    areas = base.mark_geoshape(stroke="#ffffff", strokeWidth=0.6).encode(
        color=alt.Color("properties.rol:N", title=None,
                        scale=alt.Scale(domain=list(REGION_ROLES), range=list(REGION_ROLES.values()))),
        tooltip=[alt.Tooltip("properties.naam:N", title="Wijk"), alt.Tooltip("properties.rol:N", title="Rol")],
    )
    names = alt.Chart(labels).mark_text(fontSize=13, fontWeight="bold", dy=-16, color="#1a1a1a",
                                        stroke="#ffffff", strokeWidth=3, strokeOpacity=0.9).encode(
        longitude="lon:Q", latitude="lat:Q", text="naam:N")
    names_fill = alt.Chart(labels).mark_text(fontSize=13, fontWeight="bold", dy=-16, color="#1a1a1a").encode(
        longitude="lon:Q", latitude="lat:Q", text="naam:N")
    return alt.layer(areas, names, names_fill).project(type="mercator").properties(width=560, height=460)
