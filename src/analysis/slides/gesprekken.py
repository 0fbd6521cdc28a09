"""What the conversations of a gemeente in a meting said, as a slide may show it.

Reads the fieldwork only through the public narrative API (``kwalitatief.pagina.Verhaal`` and
``kwalitatief.analyse``) and applies the privacy rules of the narrative pages: themes are
counted in participants, a count is shown only from ``analyse.MIN_CELL`` (5) up, and quotes
come only from rows marked publishable, attributed by group and method.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..registries import Registries
from ..sitemap import narratives

QUOTES_PER_DECK = 3
THEMES_PER_PIJLER = 3


@dataclass(frozen=True)
class Thema:
    code_id: str
    label: str
    pijler: str
    deelnemers: int  # participants who raised it; only themes with at least MIN_CELL are kept


@dataclass(frozen=True)
class Citaat:
    thema: str
    tekst: str
    wie: str  # group and method, never a person


@dataclass(frozen=True)
class Gesprekken:
    fictief: bool
    deelnemers: int
    activiteiten: int
    themas: tuple[Thema, ...]  # top-level themes, most participants first
    weggelaten: int  # top-level themes raised by fewer than MIN_CELL participants (not shown)
    citaten: tuple[Citaat, ...]
    per_code: dict[str, int]  # every code (with its sub-codes) -> participants, for the denkkader's evidence
    labels: dict[str, str]
    min_cell: int

    def shown(self, n: int) -> str:
        """A participant count as it may be published."""
        return str(n) if n >= self.min_cell else f"minder dan {self.min_cell}"

    def top(self, pijler: str) -> list[Thema]:
        return [t for t in self.themas if t.pijler == pijler][:THEMES_PER_PIJLER]


def gesprekken(reg: Registries, gemeente_code: str, meting: int) -> Gesprekken | None:
    """The fieldwork of a gemeente in a meting, or None when there is none."""
    if (gemeente_code, meting) not in narratives(reg):
        return None
    from ..kwalitatief import analyse
    from ..kwalitatief.pagina import METHOD_LABEL, Verhaal

    v = Verhaal.load(reg.gemeente(gemeente_code).slug, meting, str(reg.folder))
    top = [c for c in v.counts if c.depth == 0 and c.totaal > 0]
    kept = sorted((c for c in top if c.totaal >= analyse.MIN_CELL), key=lambda c: -c.totaal)
    themas = tuple(Thema(c.code_id, c.label, c.pijler, c.totaal) for c in kept)
    citaten = []
    for t in themas:
        q = analyse.quotes(v.ds, t.code_id)
        if not q.empty:
            r = q.iloc[0]
            citaten.append(Citaat(t.label, str(r["tekst"]), f"{r['groep']}, {METHOD_LABEL.get(r['methode'], r['methode'])}"))
        if len(citaten) == QUOTES_PER_DECK:
            break
    acts = analyse.activities(v.ds)
    return Gesprekken(
        fictief=bool(v.ds.veldwerk.fictief), deelnemers=int(len(v.ds.deelnemers)), activiteiten=int(len(acts)),
        themas=themas, weggelaten=len(top) - len(kept), citaten=tuple(citaten),
        per_code={c.code_id: c.totaal for c in v.counts}, labels={c.code_id: c.label for c in v.counts},
        min_cell=analyse.MIN_CELL)
