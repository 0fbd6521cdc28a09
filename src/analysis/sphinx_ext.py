"""A small Sphinx extension for the book (listed in _config.yml under extra_extensions).

Sphinx 7.4 writes an inline script that an extension adds late (sphinx-thebe's THEBE_JS_URL
constants) twice into every page, and the second copy throws "Identifier already declared"
in the browser console. Scripts are de-duplicated here, keeping the first of each.
"""

from __future__ import annotations


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
    return {"parallel_read_safe": True, "parallel_write_safe": True}
