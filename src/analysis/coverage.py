"""Which kernset figures the book has, per indicator, focus area and meting, and for the
ones it lacks: whether the publisher has them (``vitale-wijken data coverage``, and the
matrix on the *Data en methode* page).

A cell is ``beschikbaar`` (one figure for the whole focus area), ``deels`` (only per part or
per buurt) or ``ontbreekt``. For a missing cell ``bij_uitgever`` says why, truthfully:

* ``op te halen``: a table that feeds this meting is published online with this peiljaar,
  but its figures are not in the files this book was made from (run ``data fetch``);
* ``geheim of leeg``: the table is in the files, and the publisher gives no figure for
  this area (``.``, empty, or no weights of the same year to combine parts);
* ``geen bron``: no table the book reads publishes this indicator at all.
"""

from __future__ import annotations

import pandas as pd

from .focus import availability
from .registries import Registries

COLUMNS = ["indicator", "pijler", "focusgebied", "meting", "status", "peiljaar", "bron_tabel", "bij_uitgever",
           "reden"]
SYMBOL = {"beschikbaar": "●", "deels": "◐", "ontbreekt": "○"}
FETCHABLE = "op te halen"


def _online_tables(reg: Registries) -> set[str]:
    return {t for b in reg.bronnen.bestanden if b.online is not None for t in b.draagt}


def _published(reg: Registries, tabel: str, peiljaar: int) -> bool:
    t = reg.tabel(tabel)
    years = [t.peiljaar] if t.peiljaar is not None else t.peiljaren
    return not years or peiljaar in years


def coverage_matrix(table: pd.DataFrame, reg: Registries) -> pd.DataFrame:
    """Indicator x focus area x meting with status, source and, for gaps, whether the
    publisher has the figure. ``table`` is the processed indicator table."""
    avail = availability(table, reg)
    online = _online_tables(reg)
    # Which (indicator, table, peiljaar) the files carry, per gemeente: a table that is in the
    # files for Utrecht only is still missing for the other gemeenten.
    present = set(zip(table["indicator"], table["bron_tabel"], table["peiljaar"], table["gemeente_code"]))
    by_key = table.set_index(["indicator", "bron_tabel", "peiljaar", "gebied_code"])[["status", "reden"]]
    focus_codes = {f.slug: f.codes for f in reg.gebieden.focusgebieden}
    rows = []
    for rec in avail.itertuples(index=False):
        ind = reg.indicator(rec.indicator)
        bij, reden = "", rec.reden
        if rec.status != "beschikbaar":
            m = reg.meting(rec.meting)
            feeding = [(b.tabel, m.peiljaren[b.tabel]) for b in ind.bronnen if b.tabel in m.peiljaren]
            feeding = list(dict.fromkeys(feeding))
            codes = focus_codes[rec.focusgebied]

            def lacks(ind_id: str, t: str, p: int) -> bool:
                return not any((ind_id, t, p, c) in by_key.index and by_key.loc[(ind_id, t, p, c), "status"]
                               != "ontbreekt" or (ind_id, t, p, c) in by_key.index and "geen noemer" not in
                               str(by_key.loc[(ind_id, t, p, c), "reden"]) for c in codes)

            missing_online = [(t, p) for t, p in feeding if lacks(ind.id, t, p) and t in online
                              and _published(reg, t, p)]
            # A rate without a denominator of the same year: fetchable if the denominator is.
            for b in ind.bronnen:
                ref = b.noemer_indicator
                if ref and b.tabel in m.peiljaren:
                    p = m.peiljaren[b.tabel]
                    for t in dict.fromkeys(x.tabel for x in reg.indicator(ref).bronnen):
                        if t in online and _published(reg, t, p) and lacks(ref, t, p):
                            missing_online.append((t, p))
            missing_online = list(dict.fromkeys(missing_online))
            if not ind.bronnen:
                bij = "geen bron"
            elif missing_online:
                bij = FETCHABLE
                tabellen = ", ".join(f"{t} ({p})" for t, p in missing_online)
                reden = (f"Staat bij de uitgever in {tabellen}, maar niet in de bestanden waarmee dit boek is "
                         f"gemaakt; op te halen met `vitale-wijken data fetch`.")
                if rec.status == "deels":
                    reden = f"Nu alleen per deel. {reden}"
            elif not feeding:
                bij = "geen bron"
                reden = reden or f"Geen bron levert dit cijfer voor meting {rec.meting}."
            elif rec.status == "ontbreekt":
                why = []
                for t, p in feeding:
                    for code in focus_codes[rec.focusgebied]:
                        if (ind.id, t, p, code) in by_key.index:
                            why.append(f"{t} {p}, {code}: {by_key.loc[(ind.id, t, p, code), 'reden']}")
                if why:
                    bij, reden = "geheim of leeg", "; ".join(why)
                else:
                    bij = "niet in de bestanden"
                    reden = (f"De bestanden waarmee dit boek is gemaakt hebben geen cijfer voor dit gebied "
                             f"({', '.join(f'{t} {p}' for t, p in feeding)}), en er is geen open-data-API voor.")
        rows.append({"indicator": rec.indicator, "pijler": rec.pijler, "focusgebied": rec.focusgebied,
                     "meting": int(rec.meting), "status": rec.status,
                     "peiljaar": rec.peiljaar, "bron_tabel": rec.bron_tabel, "bij_uitgever": bij, "reden": reden})
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["peiljaar"] = out["peiljaar"].astype("Int64")
    return out


def summary(cov: pd.DataFrame) -> dict[str, int]:
    counts = cov["status"].value_counts()
    return {"cellen": len(cov), "beschikbaar": int(counts.get("beschikbaar", 0)),
            "deels": int(counts.get("deels", 0)), "ontbreekt": int(counts.get("ontbreekt", 0)),
            "op_te_halen": int((cov["bij_uitgever"] == FETCHABLE).sum())}


def render(cov: pd.DataFrame, reg: Registries) -> str:
    """A text matrix: one line per indicator, one column per focus area and meting."""
    areas = list(reg.gebieden.focusgebieden)
    metingen = [m.jaar for m in reg.metingen.metingen]
    cols = [(a.slug, j) for a in areas for j in metingen]
    width = max(len(i.id) for i in reg.kernset.indicatoren)
    head = " " * width + " | " + " | ".join(f"{a.naam[:10]:<{4 * len(metingen) - 1}}" for a in areas)
    sub = " " * width + " | " + " | ".join(" ".join(f"{str(j)[2:]:>3}" for j in metingen) for _ in areas)
    lines = [head, sub]
    cell = {(r.indicator, r.focusgebied, r.meting): r for r in cov.itertuples(index=False)}
    for ind in reg.kernset.indicatoren:
        parts = []
        for slug, j in cols:
            r = cell[(ind.id, slug, j)]
            mark = SYMBOL[r.status] + ("⇣" if r.bij_uitgever == FETCHABLE else " ")
            parts.append(f"{mark:>3}")
        groups = [" ".join(parts[k:k + len(metingen)]) for k in range(0, len(parts), len(metingen))]
        lines.append(f"{ind.id:<{width}} | " + " | ".join(groups))
    s = summary(cov)
    lines += ["", "● heel focusgebied  ◐ alleen per deel of buurt  ○ ontbreekt  ⇣ bij de uitgever, op te halen",
              f"{s['beschikbaar']} of {s['cellen']} cells filled, {s['deels']} per part only, {s['ontbreekt']} missing; "
              f"{s['op_te_halen']} of the gaps can be fetched online (vitale-wijken data fetch)"]
    gaps = cov[cov["status"] != "beschikbaar"]
    if len(gaps):
        lines += ["", "Why cells are not filled (indicator: focus areas and metingen):"]
        for (ind, bij, reden), grp in gaps.groupby(["indicator", "bij_uitgever", "reden"], sort=False):
            where = ", ".join(f"{r.focusgebied} {r.meting}" for r in grp.itertuples())
            lines.append(f"- {ind} [{bij or grp['status'].iloc[0]}] {where}: {reden}")
    return "\n".join(lines)
