"""What readers can download: the figures behind each factsheet and wijk profile as CSV, the
whole kernset table and the availability matrix. Written into the built site (``downloads/``)
after the book is rendered; the PDF factsheets land next to them (see pdf.py). Names come from
the site map."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from .compare import factsheet_rows
from .data import area_names, load_area_table, load_areas
from .focus import AreaValue
from .gebied import Gebied, resolve
from .io import frame_to_csv_text, write_text_atomic
from .paths import processed_dir
from .processed import FILES
from .registries import Registries
from .sitemap import DOWNLOADS, SITE_DOWNLOADS, Site

COLUMNS = ["meting", "focusgebied", "pijler", "indicator", "label", "eenheid", "rol", "gebied_code", "gebied",
           "waarde", "peiljaar", "bron_tabel", "bron", "status", "reden", "methode", "oordeel_tov_gemeente",
           "oordeel_tov_nederland"]


def factsheet_table(reg: Registries, g: Gebied, meting: int, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator and area shown on the page, with source and peiljaar."""
    table = table if table is not None else load_area_table(g, reg)
    names = area_names(load_areas())
    names |= {d.code: d.naam for d in g.delen} | {g.gemeente.code: g.gemeente.naam,
                                                  reg.gebieden.nederland.code: "Nederland"}
    rows = []
    for r in factsheet_rows(table, reg, g, meting):
        ind = r.indicator
        base = {"meting": meting, "focusgebied": g.naam, "pijler": ind.pijler, "indicator": ind.id,
                "label": ind.label, "eenheid": reg.kernset.eenheden[ind.eenheid].label}

        def add(role: str, code: str, v: AreaValue, waarde=None, verdicts=("", "")):
            rows.append({**base, "rol": role, "gebied_code": code, "gebied": names.get(code, code),
                         "waarde": v.waarde if waarde is None else waarde, "peiljaar": v.peiljaar,
                         "bron_tabel": v.bron_tabel or "",
                         "bron": reg.tabel(v.bron_tabel).bronvermelding if v.bron_tabel else "",
                         "status": v.status if waarde is None else "beschikbaar", "reden": v.reden,
                         "methode": v.methode, "oordeel_tov_gemeente": verdicts[0],
                         "oordeel_tov_nederland": verdicts[1]})

        add("focusgebied", "+".join(g.codes), r.focus,
            verdicts=(r.tov_gemeente.oordeel if r.tov_gemeente.oordeel != "geen" else "",
                      r.tov_nederland.oordeel if r.tov_nederland.oordeel != "geen" else ""))
        for p in r.focus.delen:
            add("deel" if p.code in g.codes else "buurt", p.code, r.focus, waarde=p.waarde)
        add("gemeente", g.gemeente.code, r.gemeente)
        add("nederland", reg.gebieden.nederland.code, r.nederland)
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["peiljaar"] = out["peiljaar"].astype("Int64")
    return out


def write_downloads(reg: Registries, s: Site, site_root: Path) -> list[Path]:
    """CSV per page that offers one, the kernset table and the availability matrix, in downloads/."""
    folder = Path(site_root) / DOWNLOADS
    written = []
    tables: dict[str, pd.DataFrame] = {}
    for page in s.pages:
        name = page.downloads.get("csv")
        if name is None:
            continue
        g = resolve(reg, page.gebied)
        key = g.gemeente.code
        if key not in tables:
            tables[key] = load_area_table(g, reg)
        path = folder / name
        write_text_atomic(path, frame_to_csv_text(factsheet_table(reg, g, page.meting, tables[key])))
        written.append(path)
    for kind, source in (("kernset", FILES["indicatoren"]), ("beschikbaarheid", FILES["beschikbaarheid"])):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(processed_dir() / source, folder / SITE_DOWNLOADS[kind])
        written.append(folder / SITE_DOWNLOADS[kind])
    return written
