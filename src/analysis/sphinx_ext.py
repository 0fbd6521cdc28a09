"""A small Sphinx extension for the book (listed in _config.yml under extra_extensions).

* Sphinx 7.4 writes an inline script that an extension adds late (sphinx-thebe's THEBE_JS_URL
  constants) twice into every page, and the second copy throws "Identifier already declared"
  in the browser console. Scripts are de-duplicated here, keeping the first of each.
* The role ``{vw-optional}`text <path>``` links to another page when that page is part of the
  build, and is plain text otherwise. Factsheets use it for wijk profiles, which only the regio
  edition contains, so one page serves both editions and the strict build still checks every
  other link.
* Search: the index is stemmed with the same Dutch algorithm as the browser's query (see
  ``analysis.zoeken``) and a word from ``data/zoekwoorden.yml`` also indexes its synonyms.
* The colophon (``analysis.colofon``) is computed once per run and handed to the footer template
  ``book/_templates/colofon.html``. It and the search settings are config values that rewrite
  every page when they change, so all pages show the same build and the index is stemmed alike.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.search.nl import SearchDutch
from sphinx.util.nodes import split_explicit_title

SYNONYMS_OPTION = "vw_synoniemen"


def optional_doc_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    _, title, target = split_explicit_title(text)
    env = inliner.document.settings.env
    docname = posixpath.normpath(posixpath.join(posixpath.dirname(env.docname), target))
    node = pending_xref(rawtext, refdomain="std", reftype="doc", reftarget="/" + docname, refexplicit=True,
                        refdoc=env.docname, refwarn=True)
    node["vw_optional"] = True
    node += nodes.inline(title, title)
    return [node], []


def wide_pages(app, pagename, templatename, context, doctree) -> None:
    """No in-page contents panel on factsheets and wijk profiles: their comparison columns
    need the page's width."""
    from .sitemap import WIDE_FOLDERS

    if pagename.startswith(WIDE_FOLDERS):
        context["secondary_sidebar_items"] = []


def resolve_optional(app, env, node, contnode):
    """A missing target of ``vw-optional`` is not an error: keep the text without a link."""
    if node.get("vw_optional"):
        return contnode
    return None


def _script_key(js) -> tuple:
    attributes = getattr(js, "attributes", {}) or {}
    return (getattr(js, "filename", None) or "", tuple(sorted((k, str(v)) for k, v in attributes.items())))


def dedupe_scripts(app, pagename, templatename, context, doctree) -> None:
    seen: set[tuple] = set()
    unique = []
    for js in context.get("script_files", []):
        key = _script_key(js)
        if key not in seen:
            seen.add(key)
            unique.append(js)
    context["script_files"] = unique


class DutchAsInTheBrowser(SearchDutch):
    """Sphinx's Dutch search language, stemming as the browser does and adding synonyms."""

    def init(self, options: dict) -> None:
        import snowballstemmer

        from .zoeken import stemmer_name

        self.stemmer = snowballstemmer.stemmer(stemmer_name())
        self.synonyms: dict[str, list[str]] = dict(options.get(SYNONYMS_OPTION) or {})

    def split(self, input: str) -> list[str]:  # noqa: A002 - the signature of the base class
        words = super().split(input)
        if not self.synonyms:
            return words
        extra = [s for w in words for s in self.synonyms.get(self.stem(w), ())]
        return words + extra


def _data_folder(app) -> Path:
    from .paths import data_dir

    folder = Path(app.srcdir) / "data"
    return folder if (folder / "colofon.yml").is_file() else data_dir()


def compute_build_values(app, config) -> None:
    """The colophon and the search settings of this run, as config values (see the module docstring)."""
    from .colofon import colophon
    from .registries import load_registries
    from .zoeken import load_zoekwoorden, stemmer_name, synonym_map

    folder = _data_folder(app)
    reg = load_registries(folder, check_readers=False)
    config.vw_colofon = colophon(reg, Path(app.srcdir))
    synonyms = synonym_map(load_zoekwoorden(folder))
    config.html_search_options = {**(config.html_search_options or {}), SYNONYMS_OPTION: synonyms}
    config.vw_zoekindex = {"stemmer": stemmer_name(), "synoniemen": synonyms}


def add_colophon(app, pagename, templatename, context, doctree) -> None:
    context["vw_colofon"] = app.config.vw_colofon


def setup(app):
    app.add_config_value("vw_colofon", {}, "html", types=(dict,))
    app.add_config_value("vw_zoekindex", {}, "html", types=(dict,))
    app.add_search_language(DutchAsInTheBrowser)
    app.connect("config-inited", compute_build_values)
    app.connect("html-page-context", add_colophon)
    app.connect("html-page-context", dedupe_scripts, priority=900)
    app.connect("html-page-context", wide_pages, priority=901)
    app.add_role("vw-optional", optional_doc_role)
    app.connect("missing-reference", resolve_optional)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
