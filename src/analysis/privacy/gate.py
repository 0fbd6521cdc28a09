"""The two checkpoints of the privacy gate.

``gate_before_run(reg, root)``  before any notebook runs: privacy.yml is valid, the fieldwork
                                tree matches the registries, and no publishable fieldwork text
                                holds a personal detail.
``gate_after_build(reg, site)`` after the build: every page and every download (HTML, CSV, PDF
                                text) holds no personal detail and no participant count under 5.

Both return findings (an empty list means: publish); bad input raises a SourceError naming the
file and row. Results are cached in ``_build/.privacy-gate.json`` per input digest, so a build
in which nothing changed neither loads deduce nor reads a PDF again.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from ..io import write_text_atomic
from ..registries import Registries
from . import counts
from .config import load_config
from .fieldwork import Origin, origins, source_of
from .rules import ADRES, KLEIN_AANTAL, PERSOON, TELEFOON, Rules
from .text import Fragment, csv_fragments, html_fragments, json_strings, normalise, pdf_fragments

PRIVACY_FILE = "privacy.yml"
CACHE = ".privacy-gate.json"
SKIP_DIRS = {"_static", "_sources", "_images"}
SKIP_FILES = {"searchindex.js", "objects.inv", ".buildinfo"}  # derived from the pages, which are scanned
TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".js", ".ipynb", ".geojson"}


@dataclass(frozen=True)
class Finding:
    where: str  # the page or download (or the page a fieldwork text would reach)
    rule: str
    text: str
    bron: str = ""  # fieldwork file, row and column the text comes from, if it does

    def __str__(self) -> str:
        text = f"{self.where}: {self.rule}: {self.text!r}"
        return text + (f" (bron: {self.bron})" if self.bron else "")


def report(findings: list[Finding], limit: int = 100) -> str:
    lines = [f"privacy gate: {len(findings)} finding(s); the book is not published"]
    lines += [f"  {f}" for f in findings[:limit]]
    if len(findings) > limit:
        lines.append(f"  ... and {len(findings) - limit} more")
    return "\n".join(lines)


# --- shared set-up -------------------------------------------------------------------------------


def fieldwork_dir(root: Path) -> Path:
    env = os.environ.get("VITALE_WIJKEN_KWALITATIEF")
    return Path(env).resolve() if env else Path(root) / "data" / "kwalitatief"


def _processed_dir(root: Path) -> Path:
    env = os.environ.get("VITALE_WIJKEN_PROCESSED")
    return Path(env).resolve() if env else Path(root) / "data" / "processed"


def area_names(reg: Registries, root: Path) -> list[str]:
    """Names of gemeenten, focus areas, wijken and buurten: public geography, allowed on pages."""
    names = {g.naam for g in reg.gebieden.gemeenten} | {f.naam for f in reg.gebieden.focusgebieden}
    table = _processed_dir(root) / "gebieden.csv"
    if table.is_file():
        with open(table, encoding="utf-8", newline="") as fh:
            names |= {row["naam"] for row in csv.DictReader(fh) if row.get("naam")}
    # Every Dutch wijk and gemeente: pages name comparison wijken from all over the country.
    national = _processed_dir(root) / "kerncijfers_wijken_nl.csv"
    if national.is_file():
        with open(national, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names |= {v for v in (row.get("wijk_naam"), row.get("gemeente_naam")) if v}
    return sorted(names)


_RULES: dict[tuple, Rules] = {}


def load_rules(reg: Registries, root: Path) -> Rules:
    """privacy.yml, validated (a bad entry raises with its line), plus the allowed area names.
    The same configuration gives the same (compiled) rules: the build's two gates share them."""
    config = load_config(Path(root) / "data" / PRIVACY_FILE)
    names = area_names(reg, root)
    key = (config.model_dump_json(), tuple(names))
    if key not in _RULES:
        _RULES.clear()  # one configuration at a time is all a process needs
        _RULES[key] = Rules(config, names)
    return _RULES[key]


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode() if isinstance(p, str) else p)
        h.update(b"\0")
    return h.hexdigest()


def _rules_key(rules: Rules, root: Path) -> str:
    code = sorted(Path(__file__).parent.glob("*.py"))
    return _digest(metadata.version("deduce"), metadata.version("phonenumbers"), metadata.version("python-stdnum"),
                   (Path(root) / "data" / PRIVACY_FILE).read_bytes(), "\n".join(rules.allowed_terms),
                   *(p.read_bytes() for p in code))


def _fieldwork_key(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return _digest(*(str(p.relative_to(folder)) for p in files), *(p.read_bytes() for p in files))


def _load_cache(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_cache(path: Path, data: dict) -> None:
    write_text_atomic(path, json.dumps(data, sort_keys=True, ensure_ascii=False))


# --- first: the fieldwork ------------------------------------------------------------------------


def _fieldwork_index(reg: Registries, root: Path, datasets: list) -> list[tuple[str, Origin]]:
    """(page, origin) of every fieldwork text of the (validated) datasets."""
    from ..sitemap import site  # imported only when something is scanned

    s = site(reg)
    index = []
    for ds in datasets:
        page = s.find("verhaal", gemeente=reg.gemeente(ds.gemeente).code, meting=ds.meting)
        index += [(page.path if page else f"gesprekken {ds.gemeente} {ds.meting}", o) for o in origins(ds, root)]
    return index


def _datasets(reg: Registries, root: Path) -> list:
    """Every fieldwork dataset, the tree and each file validated (raises a SourceError)."""
    from ..kwalitatief.canon import load_fieldwork

    return load_fieldwork(fieldwork_dir(root), reg)


def gate_before_run(reg: Registries, root: Path) -> list[Finding]:
    """Validate privacy.yml and the fieldwork, then check every publishable fieldwork text."""
    root = Path(root)
    rules = load_rules(reg, root)
    datasets = _datasets(reg, root)
    cache_path = root / "_build" / CACHE
    cache = _load_cache(cache_path)
    key = _digest(_rules_key(rules, root), _fieldwork_key(fieldwork_dir(root)))
    passed = cache.get("before", [])
    if key in passed:
        return []
    findings = []
    for page, o in _fieldwork_index(reg, root, datasets):
        if o.publishable:
            findings += [Finding(page, h.rule, h.text, str(o)) for h in rules.scan(o.text)]
    if not findings:
        cache["before"] = ([key] + [k for k in passed if k != key])[:5]  # a few recent fieldwork states
        _save_cache(cache_path, cache)
    return findings


# --- last: every page and download ---------------------------------------------------------------


def _site_files(site: Path) -> list[Path]:
    out = []
    for p in sorted(site.rglob("*")):
        rel = p.relative_to(site)
        if not p.is_file() or rel.parts[0] in SKIP_DIRS or p.name in SKIP_FILES or p.name.startswith("."):
            continue
        if p.suffix.lower() in {".html", ".csv", ".pdf"} | TEXT_SUFFIXES | JSON_SUFFIXES:
            out.append(p)
    return out


def scan_file(path: Path, where: str, rules: Rules) -> list[Finding]:
    """Personal details and small participant counts in one published file."""
    suffix = path.suffix.lower()
    small: list[str] = []
    if suffix == ".html":
        markup = path.read_text(encoding="utf-8", errors="replace")
        fragments = html_fragments(markup, where)
        small = counts.small_counts_html(markup)
    elif suffix == ".csv":
        fragments = csv_fragments(path, where)
        small = counts.small_counts_file(path)
    elif suffix == ".pdf":
        fragments = pdf_fragments(path, where)
        small = [s for f in fragments for s in counts.small_counts_html(f"<p>{f.text}</p>")]
    elif suffix in JSON_SUFFIXES:
        fragments = [Fragment(normalise(t), where) for t in json_strings(path.read_text(encoding="utf-8",
                                                                                       errors="replace"))]
    else:
        fragments = [Fragment(normalise(path.read_text(encoding="utf-8", errors="replace")), where)]
    found = [Finding(f.where, h.rule, h.text) for f in fragments for h in rules.scan(f.text)]
    found += [Finding(where, KLEIN_AANTAL, s) for s in small]
    return list(dict.fromkeys(found))


def gate_after_build(reg: Registries, site: Path, root: Path | None = None) -> list[Finding]:
    """Scan every page and download of the built site. ``root`` defaults to the project root
    that holds ``site`` (``<root>/_build/html``)."""
    site = Path(site)
    root = Path(root) if root is not None else site.parent.parent
    rules = load_rules(reg, root)
    datasets = _datasets(reg, root)
    cache_path = site.parent / CACHE
    cache = _load_cache(cache_path)
    key = _rules_key(rules, root)  # a file's findings depend on its bytes and the rules only
    before = cache.get("after", {}) if cache.get("after_key") == key else {}
    after, findings = {}, []
    for path in _site_files(site):
        rel = str(path.relative_to(site))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if rel in before and before[rel]["digest"] == digest:
            found = [Finding(**f) for f in before[rel]["findings"]]
        else:
            found = scan_file(path, rel, rules)
        after[rel] = {"digest": digest, "findings": [asdict(f) for f in found]}
        findings += found
    # Telling print artefacts apart parses the PDF's page: remembered per PDF and page digest.
    memo = cache.get("artefacts", {}) if cache.get("after_key") == key else {}
    findings, memo = _without_layout_artefacts(site, findings, {rel: e["digest"] for rel, e in after.items()}, memo)
    cache["after_key"], cache["after"], cache["artefacts"] = key, after, memo
    _save_cache(cache_path, cache)
    if findings:  # where each came from: today's fieldwork
        index = _fieldwork_index(reg, root, datasets)
        findings = [_with_source(f, index) for f in findings]
    return findings


# Rules whose pattern spans several words or numbers: in a PDF's text, neighbouring table cells,
# chart labels and the ticks of axes run together into such patterns ("verloedering 11",
# "0 10 205 15 25", "Roo Zware" from two chart labels).
LAYOUT_SENSITIVE = (ADRES, TELEFOON, PERSOON)


def pdf_twin(site: Path, rel: str) -> str | None:
    """The HTML page a PDF in the site was printed from: a deck or report beside it in downloads/
    (same name), or the factsheet page of ``downloads/factsheet-<name>.pdf``."""
    path = Path(rel)
    if path.suffix != ".pdf":
        return None
    for twin in (path.with_suffix(".html"),
                 Path("book") / "factsheets" / (path.stem.removeprefix("factsheet-") + ".html")):
        if (site / twin).is_file():
            return str(twin)
    return None


def _without_layout_artefacts(site: Path, findings: list[Finding], digests: dict[str, str] | None = None,
                              memo: dict | None = None) -> tuple[list[Finding], dict]:
    """A PDF is a print of a page the gate scanned cell by cell. A layout-sensitive finding in the
    PDF is an artefact of the print when its page has neither the same finding nor the text
    itself (the words only meet in the print). Every other finding in a PDF stands, and a PDF
    without a known page keeps all of them. ``digests`` (file -> content digest) and ``memo``
    (the previous result) let an unchanged PDF and page skip the check; returns the kept
    findings and the new memo."""
    digests, memo = digests or {}, memo or {}
    by_page = {(f.where.split(" (")[0], f.rule, normalise(f.text)) for f in findings}
    page_text: dict[str, str] = {}

    def text_of(twin: str) -> str:
        if twin not in page_text:
            markup = (site / twin).read_text(encoding="utf-8", errors="replace")
            # fragments (cells, paragraphs) kept apart: words of neighbouring cells do not meet here
            page_text[twin] = " \x00 ".join(normalise(f.text).casefold() for f in html_fragments(markup, twin))
        return page_text[twin]

    def artefact(f: Finding, twin: str) -> bool:
        return ((twin, f.rule, normalise(f.text)) not in by_page
                and normalise(f.text).casefold() not in text_of(twin))

    kept, new_memo = [], {}
    for f in findings:
        rel = f.where.split(" (")[0]
        twin = pdf_twin(site, rel)
        if not (twin and f.rule in LAYOUT_SENSITIVE):
            kept.append(f)
            continue
        both = f"{digests.get(rel)}:{digests.get(twin)}" if rel in digests and twin in digests else None
        entry = new_memo.setdefault(rel, {"digest": both, "dropped": []})
        old = memo.get(rel, {})
        known = both is not None and old.get("digest") == both
        item = [f.where, f.rule, f.text]
        if (item in old.get("dropped", [])) if known else artefact(f, twin):
            entry["dropped"].append(item)
        else:
            kept.append(f)
    return kept, new_memo


def _with_source(f: Finding, index: list[tuple[str, Origin]]) -> Finding:
    """The finding with the fieldwork text it most likely came from: on the same page and
    publishable first, then publishable anywhere, then anything (marked: it should not be shown)."""
    if f.rule == KLEIN_AANTAL:
        return f
    page = f.where.split(" (")[0].removesuffix(".html")
    matches = {id(o) for o in source_of(f.text, [o for _, o in index])}
    ranked = sorted(((p != page, not o.publishable), i) for i, (p, o) in enumerate(index) if id(o) in matches)
    if not ranked:
        return f
    best = [index[i][1] for rank, i in ranked if rank == ranked[0][0]][:5]  # identical texts: name them all
    mark = "" if best[0].publishable else " (niet publiceerbaar!)"
    return Finding(f.where, f.rule, f.text, "; ".join(str(o) for o in best) + mark)
