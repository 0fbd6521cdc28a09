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
from typing import Any

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


def base_config(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (
        chart.configure(font=FONT)
        .configure_axis(labelFontSize=12, titleFontSize=12, labelLimit=260)
        .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom", labelLimit=260)
        .configure_view(stroke=None)
    )


CONFIG = {
    "font": FONT,
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "labelLimit": 260},
    "view": {"stroke": None},
}


def spec_of(chart: alt.TopLevelMixin, *, validate: bool = False) -> dict[str, Any]:
    """The Vega-Lite spec with the book's configuration (``base_config``, set on the dict: copying
    a layered chart to configure it costs more than drawing a wijk profile). The schema check is
    left to the tests (``validate=True``): it takes a third of the time of a page."""
    spec = chart.to_dict(validate=validate)
    config = dict(spec.get("config", {}))
    for key, value in CONFIG.items():
        config[key] = {**config.get(key, {}), **value} if isinstance(value, dict) else value
    spec["config"] = config
    return spec


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


def role_scale(roles: list[str] | None = None) -> alt.Scale:
    present = [r for r in ROLE_ORDER if roles is None or r in roles]
    return alt.Scale(domain=present, range=[ROLE_COLORS[r] for r in present])


def comparison_chart(data: pd.DataFrame, unit_label: str) -> alt.Chart:
    """Grouped horizontal bars: one group per indicator, one bar per area.

    ``data`` columns: indicator (label), gebied (display name), rol, waarde, tekst.
    """
    areas = list(dict.fromkeys(data["gebied"]))
    roles = data.drop_duplicates("gebied").set_index("gebied")["rol"]
    parts = [a for a in areas if roles[a] == "deel"]
    # More parts than distinct shades cannot be told apart by colour: then they share one colour.
    part_color = dict(zip(parts, PART_COLORS)) if len(parts) <= len(PART_COLORS) else {
        a: ROLE_COLORS["deel"] for a in parts}
    colors = alt.Scale(domain=areas, range=[part_color.get(a) or ROLE_COLORS[roles[a]] for a in areas])
    base = alt.Chart(data).encode(
        y=alt.Y("indicator:N", sort=list(dict.fromkeys(data["indicator"])), title=None,
                axis=alt.Axis(labelLimit=220, labelFontWeight="bold")),
        yOffset=alt.YOffset("gebied:N", sort=areas),
        x=alt.X("waarde:Q", title=unit_label, axis=alt.Axis(format=",.0f", grid=True),
                scale=alt.Scale(domainMin=0, nice=True)),
        tooltip=[alt.Tooltip("indicator:N", title="Indicator"), alt.Tooltip("gebied:N", title="Gebied"),
                 alt.Tooltip("tekst:N", title="Waarde")],
    )
    bars = base.mark_bar().encode(color=alt.Color("gebied:N", scale=colors, title=None, sort=areas))
    labels = base.mark_text(align="left", dx=3, fontSize=10, color="#222").encode(text="tekst:N")
    n_groups = data["indicator"].nunique()
    return alt.layer(bars, labels).properties(width="container", height=n_groups * (len(areas) * 14 + 10))


def trend_chart(data: pd.DataFrame, start_monitor: int, columns: int = 2) -> alt.Chart:
    """Small multiples per indicator: one line per area and source edition, with the
    start of the monitor marked.

    ``data`` columns: indicator, gebied, rol, bron_tabel, reeks (gebied · bron), peiljaar, waarde, tekst.
    """
    editions = sorted(data["bron_tabel"].unique())
    years = sorted(int(y) for y in data["peiljaar"].unique())
    # Layers carry no data of their own, so that each facet sees only its indicator's rows.
    base = alt.Chart().encode(
        x=alt.X("peiljaar:Q", title="Peiljaar", scale=alt.Scale(domain=[min(years) - 0.5, max(years) + 0.5]),
                axis=alt.Axis(format="d", values=years, labelAngle=0)),
        y=alt.Y("waarde:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format=",.0f")),
        color=alt.Color("rol:N", scale=role_scale(list(data["rol"].unique())), title="Gebied",
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
    mark_text = rule.mark_text(color=MONITOR_MARK_COLOR, align="left", dx=3, dy=-4, baseline="top", fontSize=10,
                               y=0).encode(text="label:N")
    return (
        alt.layer(lines, points, mark, mark_text)
        .properties(width=250, height=150)
        .facet(facet=alt.Facet("indicator:N", title=None, sort=list(dict.fromkeys(data["indicator"])),
                               header=alt.Header(labelFontWeight="bold", labelLimit=260)),
               columns=columns, data=data)
        .resolve_scale(y="independent")
    )


def clockwise(geometry: dict[str, Any]) -> dict[str, Any]:
    """d3-geo wants exterior rings clockwise on the sphere; RFC 7946 stores them the other way."""
    return mapping(shapely.orient_polygons(shape(geometry), exterior_cw=True))


def map_chart(features: list[dict[str, Any]], legend_title: str, value_format: str) -> alt.Chart:
    """Wijken coloured by a value, the focus area outlined.

    Feature properties used: naam, waarde (or None), tekst, focus_rol ('deel'/'bevat'/'').
    """
    values = alt.Data(values=[{**f, "geometry": clockwise(f["geometry"])} for f in features])
    present = [f["properties"]["waarde"] for f in features if f["properties"].get("waarde") is not None]
    has_value = bool(present)
    base = alt.Chart(values).project(type="mercator")
    # An explicit domain: wijken without a figure must not pull the scale down to zero.
    fill = (
        alt.Color("properties.waarde:Q", title=legend_title,
                  scale=alt.Scale(scheme="blues", domain=[min(present), max(present)]),
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
    return alt.layer(areas, outline, contains).properties(width=560, height=420)


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
