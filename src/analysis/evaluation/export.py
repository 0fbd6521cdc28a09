"""The evaluation model as one flat table: one row per indicator and area (and per part or
buurt where the area is known only per part). Made for CSV downloads and table rendering, so
that a downloaded figure carries the same verdict and rule as the page."""

from __future__ import annotations

import pandas as pd

from .model import AreaEvaluation, IndicatorEvaluation
from .rules import Verdict
from .trend import TrendComparison
from .values import Value

COLUMNS = [
    "gebied_code", "gebied", "rol", "indicator", "pijler", "soort", "status", "waarde", "peiljaar", "bron_tabel",
    "ondergrens", "bovengrens", "reden",
    "oordeel_tov_gemeente", "regel_tov_gemeente", "oordeel_tov_nederland", "regel_tov_nederland",
    "van_peiljaar", "verandering", "verandering_gemeente", "verandering_nederland", "verschil_in_verschil",
    "oordeel_verandering", "regel_verandering", "landelijk_percentiel",
]


def _verdict_cells(tov: dict[str, Verdict], role: str) -> tuple[str, str]:
    v = tov.get(role)
    if v is None:
        return "geen", ""
    return v.oordeel, v.regel.tekst


def _change_cells(tc: TrendComparison | None) -> dict[str, object]:
    if tc is None:
        return {"van_peiljaar": None, "verandering": None, "verandering_gemeente": None,
                "verandering_nederland": None, "verschil_in_verschil": None, "oordeel_verandering": "geen",
                "regel_verandering": ""}
    ref = tc.hoofd
    return {
        "van_peiljaar": tc.van_peiljaar,
        "verandering": tc.focus.verschil,
        "verandering_gemeente": tc.referenties["gemeente"].verschil if "gemeente" in tc.referenties else None,
        "verandering_nederland": tc.referenties["nederland"].verschil if "nederland" in tc.referenties else None,
        "verschil_in_verschil": tc.did(ref) if ref else None,
        "oordeel_verandering": tc.verdict.oordeel,
        "regel_verandering": tc.verdict.regel.tekst,
    }


def _row(ev: AreaEvaluation, ie: IndicatorEvaluation, value: Value, rol: str, tov: dict[str, Verdict],
         tc: TrendComparison | None, percentiel: float | None) -> dict[str, object]:
    g_oordeel, g_regel = _verdict_cells(tov, "gemeente")
    n_oordeel, n_regel = _verdict_cells(tov, "nederland")
    return {
        "gebied_code": value.code, "gebied": ev.naam_van(value.code), "rol": rol, "indicator": ie.id,
        "pijler": ie.pijler, "soort": ie.soort, "status": value.status, "waarde": value.waarde,
        "peiljaar": value.peiljaar, "bron_tabel": value.bron_tabel or "", "ondergrens": value.ondergrens,
        "bovengrens": value.bovengrens, "reden": value.reden or (ie.onderdrukt or ""),
        "oordeel_tov_gemeente": g_oordeel, "regel_tov_gemeente": g_regel,
        "oordeel_tov_nederland": n_oordeel, "regel_tov_nederland": n_regel,
        **_change_cells(tc), "landelijk_percentiel": percentiel,
    }


def evaluation_rows(ev: AreaEvaluation) -> pd.DataFrame:
    """One row per indicator for the area, plus one per part or buurt (``rol`` = deel)."""
    rows = []
    for ie in ev.indicatoren:
        pct = ie.landelijk.percentiel if ie.landelijk is not None else None
        rows.append(_row(ev, ie, ie.focus, "focusgebied", ie.tov, ie.sinds_nulmeting, pct))
        for p in ie.delen:
            ppct = p.landelijk.percentiel if p.landelijk is not None else None
            rows.append(_row(ev, ie, p.value, "deel", p.tov, p.sinds_nulmeting, ppct))
    return pd.DataFrame(rows, columns=COLUMNS)
