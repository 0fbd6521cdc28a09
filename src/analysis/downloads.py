"""What readers can download: the figures behind each factsheet and wijk profile as CSV (with
the verdicts and the rules that made them, from the same evaluation as the page), the whole
kernset table and the availability matrix. Written into the built site (``downloads/``) after
the book is rendered; the PDF factsheets land next to them (see pdf.py). Names come from the
site map."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from .evaluation.export import evaluation_rows
from .evaluation.model import AreaEvaluation
from .io import frame_to_csv_text, write_text_atomic
from .paths import processed_dir
from .processed import FILES
from .registries import Registries
from .sitemap import DOWNLOADS, SITE_DOWNLOADS, Site


def page_table(reg: Registries, ev: AreaEvaluation) -> pd.DataFrame:
    """One row per indicator for the area (and per part or buurt), plus the gemeente's and
    Nederland's figure of the same source, each with source, year and verdicts."""
    rows = evaluation_rows(ev)
    refs = []
    for ie in ev.indicatoren:
        for role, v in ie.referenties.items():
            code, naam = ev.referenties[role]
            refs.append({"gebied_code": code, "gebied": naam, "rol": role, "indicator": ie.id, "pijler": ie.pijler,
                         "soort": ie.soort, "status": v.status, "waarde": v.waarde, "peiljaar": v.peiljaar,
                         "bron_tabel": v.bron_tabel or "", "ondergrens": v.ondergrens, "bovengrens": v.bovengrens,
                         "reden": v.reden})
    out = pd.concat([rows, pd.DataFrame(refs, columns=rows.columns)], ignore_index=True)
    labels = {i.id: i.label for i in reg.kernset.indicatoren}
    units = {i.id: reg.kernset.eenheden[i.eenheid].label for i in reg.kernset.indicatoren}
    out.insert(0, "meting", ev.meting)
    out.insert(4, "label", out["indicator"].map(labels))
    out.insert(5, "eenheid", out["indicator"].map(units))
    out["bron"] = out["bron_tabel"].map(lambda t: reg.tabel(t).bronvermelding if t else "")
    out["peiljaar"] = out["peiljaar"].astype("Int64")
    order = {i.id: n for n, i in enumerate(reg.kernset.indicatoren)}
    role_order = {"focusgebied": 0, "deel": 1, "gemeente": 2, "nederland": 3}
    return (out.assign(_i=out["indicator"].map(order), _r=out["rol"].map(role_order))
            .sort_values(["_i", "_r"], kind="stable").drop(columns=["_i", "_r"]).reset_index(drop=True))


def write_downloads(reg: Registries, s: Site, site_root: Path) -> list[Path]:
    """CSV per page that offers one, the kernset table and the availability matrix, in downloads/."""
    from .factsheet import Factsheet

    folder = Path(site_root) / DOWNLOADS
    written = []
    for page in s.pages:
        name = page.downloads.get("csv")
        if name is None:
            continue
        fs = Factsheet.load(page.parameters["gebied"], page.meting, str(reg.folder))
        path = folder / name
        write_text_atomic(path, frame_to_csv_text(page_table(reg, fs.ev)))
        written.append(path)
    for kind, source in (("kernset", FILES["indicatoren"]), ("beschikbaarheid", FILES["beschikbaarheid"])):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(processed_dir() / source, folder / SITE_DOWNLOADS[kind])
        written.append(folder / SITE_DOWNLOADS[kind])
    return written
