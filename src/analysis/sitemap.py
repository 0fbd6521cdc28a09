"""Every page of the book, described once: key, template, parameters, path, title, place in the
table of contents and download names.

The runner's batch plan, ``_toc.yml``, the links between pages and the download names are all
derived from here, so no page path is spelled anywhere else.

Two editions are built from the same pages: ``standaard`` (the focus areas: factsheets,
conversations, frameworks, plans) and ``regio``, which adds a profile of every wijk of the
gemeenten in gebieden.yml. Pages that are not in an edition's table of contents are not built
into it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .gebied import Gebied, focus_gebieden, wijken_van
from .registries import Registries

EDITIES = ("standaard", "regio")
Editie = Literal["standaard", "regio"]
Soort = Literal["home", "factsheet", "profiel", "verhaal", "denkkader", "plan", "werkpakketten", "methode",
                "overzicht"]
BOOK = "book"
DOWNLOADS = "downloads"
SITE_DOWNLOADS = {"kernset": "kernset-indicatoren.csv", "beschikbaarheid": "beschikbaarheid.csv"}
HOME_TITLE = "Monitor Regiodeal Vitale Wijken"
FACTSHEETS = f"{BOOK}/factsheets"
PROFIELEN = f"{BOOK}/profielen"
# Pages whose comparison columns need the whole width (no in-page contents panel there).
WIDE_FOLDERS = (f"{FACTSHEETS}/", f"{PROFIELEN}/")
# "Vier wijken naast elkaar" (issue 14): its page key, for links from the home page and the factsheets.
OVERZICHT = "overzicht"
# A slide deck (HTML, reveal.js) and its PDF, written into downloads/ after the build (analysis.slides).
SLIDES_HTML, SLIDES_PDF = "html", "pdf"
# The printable report of a Gesprekken page (analysis.rapport): download kinds of its A4 PDF and its HTML source.
REPORT_PDF, REPORT_HTML = "rapport", "rapport_html"


@dataclass(frozen=True)
class Page:
    key: str
    soort: Soort
    path: str  # source path relative to the project root, without suffix
    suffix: str  # ".ipynb" (executed by the runner) or ".md" (generated from the registries)
    title: str  # the page's H1
    toc_title: str
    part: str = ""  # caption of its part in the table of contents ("" for the root page)
    template: str | None = None  # notebook template in notebooks/ (executed pages)
    parameters: dict = field(default_factory=dict)  # literals only
    gebied: str | None = None  # area key
    gemeente: str | None = None  # gemeente code
    meting: int | None = None
    downloads: dict[str, str] = field(default_factory=dict)  # kind -> file name in downloads/
    # The registry entries the page depends on, besides code, template, processed data and its own
    # input files (see runner.registry_part): a change elsewhere does not re-execute it.
    depends: tuple[tuple[str, str], ...] = ()
    # The slide deck that presents this page's findings: kind (SLIDES_HTML, SLIDES_PDF) -> file in downloads/.
    slides: dict[str, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.path + self.suffix

    @property
    def html(self) -> str:
        """Where the page lands in the built site, relative to the site root."""
        return self.path + ".html"

    @property
    def executed(self) -> bool:
        return self.template is not None

    def href(self, target: "Page", anchor: str = "") -> str:
        """A Markdown link target from this page to ``target`` (Sphinx resolves the source suffix)."""
        rel = posixpath.relpath(target.source, posixpath.dirname(self.path))
        return rel + (f"#{anchor}" if anchor else "")

    def download_href(self, name: str) -> str:
        """A link from this page's HTML to a file in the site's downloads/ folder."""
        return posixpath.relpath(f"{DOWNLOADS}/{name}", posixpath.dirname(self.html))


def deck_names(name: str) -> dict[str, str]:
    """The files of a slide deck in downloads/."""
    return {SLIDES_HTML: f"presentatie-{name}.html", SLIDES_PDF: f"presentatie-{name}.pdf"}


def factsheet_page(g: Gebied, meting: int, several: bool) -> Page:
    name = f"{g.key}-{meting}"
    return Page(
        key=f"factsheet-{name}", soort="factsheet", path=f"{FACTSHEETS}/{name}", suffix=".ipynb",
        title=f"Factsheet {g.label} — meting {meting}",
        toc_title=f"Factsheet {g.naam} {meting}" if several else f"Factsheet {meting}",
        part=_part(g.gemeente.code), template="factsheet", parameters={"gebied": g.key, "meting": meting},
        gebied=g.key, gemeente=g.gemeente.code, meting=meting,
        downloads={"pdf": f"factsheet-{name}.pdf", "csv": f"factsheet-{name}.csv",
                   "handout": f"handout-{name}.pdf", "handout_html": f"handout-{name}.html"},
        depends=(("focusgebied", g.key), ("gemeente", g.gemeente.code), ("focus_codes", ""), ("nederland", ""),
                 ("metingen", ""), ("kernset", ""), ("bronnen", ""), ("denkkader", g.gemeente.code),
                 ("veldwerk", g.gemeente.code)),
        slides=deck_names(name),
    )


def profile_page(g: Gebied, meting: int) -> Page:
    name = f"{g.key}-{meting}"
    depends = (("focus_codes", ""), ("nederland", ""), ("metingen", ""), ("kernset", ""), ("bronnen", ""))
    return Page(
        key=f"profiel-{name}", soort="profiel", path=f"{PROFIELEN}/{name}", suffix=".ipynb",
        title=f"Wijkprofiel {g.label} — meting {meting}", toc_title=g.naam, part=f"Wijken van {g.gemeente.naam}",
        template="wijkprofiel", parameters={"gebied": g.key.upper(), "meting": meting}, gebied=g.key,
        gemeente=g.gemeente.code, meting=meting, downloads={"csv": f"wijkprofiel-{name}.csv"},
        depends=depends + (("gemeente", g.gemeente.code),),
    )


def _part(gemeente_code: str) -> str:
    return f"gemeente:{gemeente_code}"  # resolved to a caption in Site.toc()


@dataclass
class Site:
    reg: Registries
    editie: Editie
    pages: list[Page]

    @cached_property
    def _by_key(self) -> dict[str, Page]:
        return {p.key: p for p in self.pages}

    def page(self, key: str) -> Page:
        try:
            return self._by_key[key]
        except KeyError:
            raise KeyError(f"no page {key!r} in the {self.editie} edition") from None

    def find(self, soort: str, *, gebied: str | None = None, gemeente: str | None = None,
             meting: int | None = None) -> Page | None:
        for p in self.pages:
            if p.soort == soort and (gebied is None or p.gebied == gebied) and (
                    gemeente is None or p.gemeente == gemeente) and (meting is None or p.meting == meting):
                return p
        return None

    def of(self, soort: str) -> list[Page]:
        return [p for p in self.pages if p.soort == soort]

    @property
    def home(self) -> Page:
        return self.page("home")

    def caption(self, part: str) -> str:
        if not part.startswith("gemeente:"):
            return part
        code = part.split(":", 1)[1]
        gemeente = self.reg.gemeente(code)
        names = [f.naam for f in self.reg.gebieden.focusgebieden if f.gemeente == code]
        return f"{' en '.join(names)} ({gemeente.naam})" if names else gemeente.naam

    def toc(self) -> dict:
        parts: dict[str, list[dict]] = {}
        for p in self.pages:
            if p.key == "home":
                continue
            parts.setdefault(p.part, []).append({"file": p.path, "title": p.toc_title})
        return {"format": "jb-book", "root": self.home.path,
                "parts": [{"caption": self.caption(part), "chapters": chapters} for part, chapters in parts.items()]}

    @property
    def downloads(self) -> list[str]:
        """Every file the edition publishes in downloads/."""
        names = list(SITE_DOWNLOADS.values())
        for p in self.pages:
            names.extend(p.downloads.values())
            names.extend(p.slides.values())
        return names

    @property
    def decks(self) -> list[Page]:
        """The pages that have a slide deck, in table-of-contents order."""
        return [p for p in self.pages if p.slides]


def narratives(reg: Registries) -> list[tuple[str, int]]:
    """(gemeente code, meting) of every fieldwork dataset in data/kwalitatief, in registry order."""
    from .kwalitatief.canon import dataset_folders
    from .paths import kwalitatief_dir

    found = {(f.parent.name, f.name) for f in dataset_folders(kwalitatief_dir())}
    return [(g.code, m.jaar) for g in reg.gebieden.gemeenten for m in reg.metingen.metingen
            if (g.slug, str(m.jaar)) in found]


def site(reg: Registries, editie: Editie = "standaard") -> Site:
    """The pages of an edition, in table-of-contents order."""
    if editie not in EDITIES:
        raise ValueError(f"unknown editie {editie!r}; known: {', '.join(EDITIES)}")
    areas = focus_gebieden(reg)
    stories = narratives(reg)
    pages = [Page(key="home", soort="home", path=f"{BOOK}/index", suffix=".ipynb", title=HOME_TITLE,
                  toc_title=HOME_TITLE, template="home",
                  depends=(("focus_codes", ""), ("gemeenten", ""), ("metingen", ""), ("kernset", ""),
                           ("veldwerk", "")))]
    for gemeente in reg.gebieden.gemeenten:
        own = [a for a in areas if a.gemeente.code == gemeente.code]
        if not own:
            continue
        for a in own:
            pages += [factsheet_page(a, m.jaar, several=len(own) > 1) for m in reg.metingen.metingen]
        first = own[0]
        for code, meting in stories:
            if code == gemeente.code:
                pages.append(Page(
                    key=f"verhaal-{first.key}-{meting}", soort="verhaal", path=f"{BOOK}/verhalen/{first.key}-{meting}",
                    suffix=".ipynb", title=f"Gesprekken in {first.label} — meting {meting}",
                    toc_title=f"Gesprekken {meting}", part=_part(gemeente.code), template="kwalitatief",
                    parameters={"gemeente": gemeente.slug, "meting": meting}, gebied=first.key,
                    gemeente=gemeente.code, meting=meting,
                    downloads={REPORT_PDF: f"rapport-{first.key}-{meting}.pdf",
                               REPORT_HTML: f"rapport-{first.key}-{meting}.html"},
                    depends=(("focus_codes", ""), ("gemeente", gemeente.code), ("metingen", ""),
                             ("kernset", ""), ("bronnen", ""), ("denkkader", gemeente.code),
                             ("veldwerk", gemeente.code))))
        pages.append(Page(key=f"denkkader-{gemeente.slug}", soort="denkkader",
                          path=f"{BOOK}/denkkader/{gemeente.slug}", suffix=".md",
                          title=f"Denkkader {first.label}", toc_title="Denkkader", part=_part(gemeente.code),
                          gebied=first.key, gemeente=gemeente.code))
        pages.append(Page(key=f"plan-{gemeente.slug}", soort="plan", path=f"{BOOK}/plan/{gemeente.slug}", suffix=".md",
                          title=f"Monitoringsplan {first.label}", toc_title="Monitoringsplan",
                          part=_part(gemeente.code), gebied=first.key, gemeente=gemeente.code))
    if editie == "regio":
        latest = reg.metingen.metingen[-1].jaar
        for gemeente in reg.gebieden.gemeenten:
            pages += [profile_page(w, latest) for w in wijken_van(reg, gemeente.code)]
    about = "Over de monitor"
    pages.append(Page(key=OVERZICHT, soort="overzicht", path=f"{BOOK}/overzicht", suffix=".ipynb",
                      title="Vier wijken naast elkaar", toc_title="Vier wijken naast elkaar", part=about,
                      template="overzicht", slides=deck_names("monitoringsoverleg"),
                      depends=(("focus_codes", ""), ("gemeenten", ""), ("nederland", ""), ("metingen", ""),
                               ("kernset", ""), ("bronnen", ""))))
    pages.append(Page(key="methode", soort="methode", path=f"{BOOK}/data-en-methode", suffix=".md",
                      title="Data en methode", toc_title="Data en methode", part=about))
    pages.append(Page(key="werkpakketten", soort="werkpakketten", path=f"{BOOK}/werkpakketten", suffix=".md",
                      title="De werkpakketten", toc_title="Werkpakketten", part=about))
    keys = [p.key for p in pages]
    assert len(keys) == len(set(keys)), "page keys must be unique"
    return Site(reg, editie, pages)
