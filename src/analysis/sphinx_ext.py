"""A small Sphinx extension for the book (listed in _config.yml under extra_extensions).

* Sphinx 7.4 writes an inline script that an extension adds late (sphinx-thebe's THEBE_JS_URL
  constants) twice into every page, and the second copy throws "Identifier already declared"
  in the browser console. Scripts are de-duplicated here, keeping the first of each.
* The role ``{vw-optional}`text <path>``` links to another page when that page is part of the
  build, and is plain text otherwise. Factsheets use it for wijk profiles, which only the regio
  edition contains, so one page serves both editions and the strict build still checks every
  other link.
"""

from __future__ import annotations

import posixpath

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.util.nodes import split_explicit_title


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


def setup(app):
    app.connect("html-page-context", dedupe_scripts, priority=900)
    app.connect("html-page-context", wide_pages, priority=901)
    app.add_role("vw-optional", optional_doc_role)
    app.connect("missing-reference", resolve_optional)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
