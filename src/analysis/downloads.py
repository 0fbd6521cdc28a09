"""What readers can download: the figures behind each factsheet as CSV, the whole kernset
table and the availability matrix. Written into the built site (``downloads/``) after the
book is rendered; the PDF factsheets land next to them (see pdf.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from .build import OUTPUTS
from .compare import factsheet_rows
from .data import area_names, load_areas, load_indicators
from .factsheet import page_name
from .focus import AreaValue
from .io import frame_to_csv_text, write_text_atomic
from .paths import processed_dir
from .registries import Registries
from .registry_models import Gemeente

FOLDER = "downloads"
COLUMNS = ["meting", "focusgebied", "pijler", "indicator", "label", "eenheid", "rol", "gebied_code", "gebied",
           "waarde", "peiljaar", "bron_tabel", "bron", "status", "reden", "methode", "oordeel_tov_gemeente",
           "oordeel_tov_nederland"]


def factsheet_table(reg: Registries, g: Gemeente, meting: int, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator and area shown on the factsheet, with source and peiljaar."""
    table = table if table is not None else load_indicators(gemeente=g.code)
    names = area_names(load_areas())
    names |= {d.code: d.naam for d in g.focusgebied.delen} | {g.code: g.naam, reg.gebieden.nederland.code: "Nederland"}
    rows = []
    for r in factsheet_rows(table, reg, g, meting):
        ind = r.indicator
        base = {"meting": meting, "focusgebied": g.focusgebied.naam, "pijler": ind.pijler, "indicator": ind.id,
                "label": ind.label, "eenheid": reg.kernset.eenheden[ind.eenheid].label}

        def add(role: str, code: str, v: AreaValue, waarde=None, verdicts=("", "")):
            rows.append({**base, "rol": role, "gebied_code": code, "gebied": names.get(code, code),
                         "waarde": v.waarde if waarde is None else waarde, "peiljaar": v.peiljaar,
                         "bron_tabel": v.bron_tabel or "",
                         "bron": reg.tabel(v.bron_tabel).bronvermelding if v.bron_tabel else "",
                         "status": v.status if waarde is None else "beschikbaar", "reden": v.reden,
                         "methode": v.methode, "oordeel_tov_gemeente": verdicts[0],
                         "oordeel_tov_nederland": verdicts[1]})

        focus_code = "+".join(g.focusgebied.codes)
        add("focusgebied", focus_code, r.focus,
            verdicts=(r.tov_gemeente.oordeel if r.tov_gemeente.oordeel != "geen" else "",
                      r.tov_nederland.oordeel if r.tov_nederland.oordeel != "geen" else ""))
        for p in r.focus.delen:
            add("deel" if p.code in g.focusgebied.codes else "buurt", p.code, r.focus, waarde=p.waarde)
        add("gemeente", g.code, r.gemeente)
        add("nederland", reg.gebieden.nederland.code, r.nederland)
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["peiljaar"] = out["peiljaar"].astype("Int64")
    return out


def download_name(g: Gemeente, meting: int, suffix: str) -> str:
    return f"factsheet-{page_name(g, meting)}.{suffix}"


def write_downloads(reg: Registries, site: Path) -> list[Path]:
    """CSV per factsheet, the kernset table and the availability matrix, in site/downloads/."""
    folder = Path(site) / FOLDER
    written = []
    for g in reg.gebieden.gemeenten:
        table = load_indicators(gemeente=g.code)
        for m in reg.metingen.metingen:
            path = folder / download_name(g, m.jaar, "csv")
            write_text_atomic(path, frame_to_csv_text(factsheet_table(reg, g, m.jaar, table)))
            written.append(path)
    for name, source in (("kernset-indicatoren.csv", OUTPUTS["indicatoren"]),
                         ("beschikbaarheid.csv", OUTPUTS["beschikbaarheid"])):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(processed_dir() / source, folder / name)
        written.append(folder / name)
    return written
