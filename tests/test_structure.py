"""The structure of the package: the area is the unit of a page and a run, one site map spells
every page path, reading processed tables loads neither the builder nor an HTTP client, and no
module imports another in a circle."""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.gebied import UnknownGebied, focus_gebieden, resolve, wijken_van
from analysis.processed import FILES, TABLES
from analysis.registries import load_registries
from analysis.runner import job_digest, job_for, plan, shared_inputs_digest
from analysis.sitemap import EDITIES, site

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "analysis"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules of the package imported at module level (imports inside functions are lazy on
    purpose and cannot form an import-time circle)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("analysis"):
                # `from . import charts` imports the module charts; a module importing from its own
                # package (`from . import counts` inside the package) is not a circle.
                if node.module or not name.startswith(target + "."):
                    found.add(target)
                for alias in node.names:
                    found.add(f"{target}.{alias.name}")
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("analysis")}
    return found


def test_no_import_circle_in_the_package():
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {m: {t for t in _top_level_imports(p) if t in modules and t != m} for m, p in modules.items()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(m: str, stack: list[str]) -> bool:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                cycle.extend(stack[stack.index(t):] + [t] if t in stack else [m, t])
                return True
            if state.get(t) is None and visit(t, stack + [t]):
                return True
        state[m] = 2
        return False

    for m in sorted(graph):
        if state.get(m) is None and visit(m, [m]):
            break
    assert not cycle, "import circle: " + " -> ".join(cycle)


def test_a_page_kernel_loads_neither_the_builder_nor_an_http_client(root):
    code = (
        "import sys\n"
        "from analysis.factsheet import Factsheet\n"
        "fs = Factsheet.load('batau', 2025)\n"
        "fs.leeswijzer(); fs.bevindingen(); fs.pijler('gezondheid'); fs.kaart()\n"
        "from analysis.home import Home\n"
        "Home.load().factsheets()\n"
        "bad = sorted(m for m in sys.modules if m in ('requests', 'geopandas', 'pyogrio')\n"
        "             or m.startswith(('analysis.build', 'analysis.readers', 'analysis.fetch', 'analysis.odata')))\n"
        "print(bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_page_paths_are_spelled_only_in_the_site_map():
    """Pages are named in sitemap.py; other modules ask it (href, download names)."""
    pattern = re.compile(r"""(\.\./|book/|["'])(factsheets|verhalen|denkkader|profielen|plan)/""")
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("sitemap.py",) or "kwalitatief/example" in path.as_posix():
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(PACKAGE)}:{i}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_processed_contract_covers_every_committed_table(root):
    from analysis.build import OUTPUTS

    assert OUTPUTS == FILES
    folder = root / "data" / "processed"
    for table in TABLES.values():
        header = (folder / table.file).read_text(encoding="utf-8").splitlines()[0].split(",")
        assert set(table.columns) <= set(header), table.file
        for column in header:
            table.dtype_of(column)  # raises for a column the contract does not know


# --- areas ------------------------------------------------------------------------------------------


def test_an_area_is_a_focus_area_or_any_dutch_wijk(reg):
    overvecht = resolve(reg, "overvecht")
    assert overvecht.is_focus and overvecht.codes == ["WK034403"] and overvecht.gemeente.code == "GM0344"
    batau = resolve(reg, "Batau")
    assert batau.codes == ["WK035603", "WK035604"]
    wijk = resolve(reg, "wk034401")
    assert (wijk.soort, wijk.key, wijk.codes, wijk.gemeente.naam) == ("wijk", "wk034401", ["WK034401"], "Utrecht")
    assert resolve(reg, "WK034403").in_focusgebieden == ("overvecht",)
    assert resolve(reg, "WK035502").in_focusgebieden == ("vollenhove",), "the wijk that holds the buurt Vollenhove"
    far = resolve(reg, "WK001400")
    assert far.gemeente.code == "GM0014" and far.gemeente.naam == "Groningen"
    with pytest.raises(UnknownGebied):
        resolve(reg, "WK999999")
    with pytest.raises(UnknownGebied):
        resolve(reg, "nergens")


def test_wijken_of_a_gemeente_and_of_the_netherlands(reg):
    assert [w.codes[0] for w in wijken_van(reg, "GM0344")] == [f"WK0344{i:02d}" for i in range(1, 11)]
    everywhere = wijken_van(reg)
    assert len(everywhere) > 3000 and len({w.key for w in everywhere}) == len(everywhere)
    with pytest.raises(UnknownGebied):
        wijken_van(reg, "GM9999")


def test_a_gemeente_may_hold_several_focus_areas(root, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(root / "data", folder, ignore=shutil.ignore_patterns("raw", "processed", "kwalitatief"))
    path = folder / "gebieden.yml"
    extra = ("\n  - naam: Kanaleneiland\n    gemeente: GM0344\n    slug: kanaleneiland\n    delen:\n"
             "      - code: WK034406\n        naam: Zuidwest\n    toelichting: Een tweede focusgebied in Utrecht.\n")
    text = path.read_text(encoding="utf-8").replace("\n# Shown beside every focus area", extra +
                                                    "\n# Shown beside every focus area")
    path.write_text(text, encoding="utf-8")
    reg = load_registries(folder)
    s = site(reg)
    utrecht = [p for p in s.pages if p.gemeente == "GM0344" and p.soort == "factsheet"]
    assert {p.gebied for p in utrecht} == {"overvecht", "kanaleneiland"} and len(utrecht) == 6
    assert {p.toc_title for p in utrecht} >= {"Factsheet Overvecht 2021", "Factsheet Kanaleneiland 2025"}
    toc = s.toc()
    captions = [part["caption"] for part in toc["parts"]]
    assert "Overvecht en Kanaleneiland (Utrecht)" in captions
    assert len({p.key for p in s.pages}) == len(s.pages)


# --- one site map --------------------------------------------------------------------------------


def test_the_batch_plan_the_toc_and_the_downloads_come_from_one_site_map(reg, root):
    s = site(reg)
    toc_files = [c["file"] for part in s.toc()["parts"] for c in part["chapters"]] + [s.toc()["root"]]
    assert sorted(toc_files) == sorted(p.path for p in s.pages)
    jobs = plan(s.pages, reg)
    assert [j.output.relative_to(root).as_posix() for j in jobs] == [p.source for p in s.pages if p.executed]
    assert sorted(n for n in s.downloads if n.startswith("factsheet-") and n.endswith(".pdf")) == sorted(
        f"factsheet-{f.slug}-{m.jaar}.pdf" for f in reg.gebieden.focusgebieden for m in reg.metingen.metingen)
    factsheet = s.page("factsheet-overvecht-2025")
    assert factsheet.href(s.page("verhaal-overvecht-2023")) == "../verhalen/overvecht-2023.ipynb"
    assert factsheet.download_href("x.pdf") == "../../downloads/x.pdf"
    assert s.home.href(factsheet, "1-gezondheid") == "factsheets/overvecht-2025.ipynb#1-gezondheid"


def test_the_regio_edition_adds_a_profile_of_every_wijk_of_the_gemeenten(reg):
    standaard, regio = (site(reg, e) for e in EDITIES)
    extra = {p.key for p in regio.pages} - {p.key for p in standaard.pages}
    wijken = [w for g in reg.gebieden.gemeenten for w in wijken_van(reg, g.code)]
    last = reg.metingen.metingen[-1].jaar
    assert extra == {f"profiel-{w.key}-{last}" for w in wijken}
    assert not standaard.of("profiel")
    with pytest.raises(ValueError):
        site(reg, "landelijk")


# --- what a run executes --------------------------------------------------------------------------


def _args(**kw) -> argparse.Namespace:
    base = {"gebied": None, "gemeente": None, "alle_wijken": False, "meting": None, "editie": "standaard"}
    return argparse.Namespace(**{**base, **kw})


def test_run_options_resolve_to_pages(reg):
    from analysis.cli import run_pages

    keys = lambda **kw: [p.key for p in run_pages(reg, _args(**kw))]  # noqa: E731
    assert keys(gebied="WK034401", meting=2025) == ["profiel-wk034401-2025"]
    assert keys(gebied="overvecht") == ["factsheet-overvecht-2021", "factsheet-overvecht-2023",
                                        "factsheet-overvecht-2025"]
    assert len(keys(gemeente="GM0344", alle_wijken=True)) == 10
    assert keys(gemeente="utrecht", alle_wijken=True) == keys(gemeente="GM0344", alle_wijken=True)
    assert len(keys(alle_wijken=True)) == len(wijken_van(reg))
    assert keys(gemeente="zeist", meting=2023) == ["factsheet-vollenhove-2023", "verhaal-vollenhove-2023"]
    assert len(keys()) == len([p for p in site(reg).pages if p.executed])


def test_touching_one_registry_entry_reexecutes_only_the_pages_that_depend_on_it(reg, root, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(root / "data", folder, ignore=shutil.ignore_patterns("raw", "processed", "kwalitatief"))
    shared = shared_inputs_digest(root)

    def digests(r) -> dict[str, str]:
        return {j.name: job_digest(j, shared, r) for j in plan(site(r).pages, r)}

    before = digests(load_registries(folder))
    path = folder / "gebieden.yml"
    text = path.read_text(encoding="utf-8")
    changed = text.replace("Vollenhove is een buurt in de wijk Zeist-Noord", "Vollenhove is een buurt in Zeist-Noord")
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    after = digests(load_registries(folder))
    assert sorted(k for k in before if before[k] != after[k]) == [
        "factsheet-vollenhove-2021", "factsheet-vollenhove-2023", "factsheet-vollenhove-2025"]
    path.write_text(text.replace("    naam: Zeist\n", "    naam: Zeist (gemeente)\n"), encoding="utf-8")
    renamed = digests(load_registries(folder))
    assert {k for k in before if before[k] != renamed[k]} == {
        "home", "factsheet-vollenhove-2021", "factsheet-vollenhove-2023", "factsheet-vollenhove-2025",
        "verhaal-vollenhove-2023", "overzicht"}


def test_registries_given_on_the_command_line_reach_the_notebooks(reg, tmp_path):
    page = site(reg).page("factsheet-batau-2021")
    assert "registries" not in job_for(page, reg).parameters
    job = job_for(page, reg, registries_folder=tmp_path)
    assert job.parameters == {"gebied": "batau", "meting": 2021, "registries": str(tmp_path.resolve())}


def test_unused_geodata_libraries_are_not_declared(root):
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert "geopandas" not in text and "pyogrio" not in text
    assert "dask[distributed]" in text


def test_focus_areas_in_registry_order(reg):
    assert [g.key for g in focus_gebieden(reg)] == [f.slug for f in reg.gebieden.focusgebieden]
    assert json.dumps([g.label for g in focus_gebieden(reg)], ensure_ascii=False) == (
        '["Overvecht (Utrecht)", "Batau (Nieuwegein)", "Vollenhove (Zeist)", "Soesterkwartier (Amersfoort)"]')


def test_specs_built_once_per_shape_are_valid_vega_lite_and_carry_the_page_data():
    """Charts are built with altair once per shape and filled with each page's rows; the result
    must still be a valid Vega-Lite spec holding exactly that page's data."""
    import altair as alt

    from analysis import charts, factsheet_figures
    from analysis.evaluation.glance import glance_chart, glance_data
    from analysis.factsheet import Factsheet

    root_schema = alt.vegalite.v6.schema.core.Root
    fs = Factsheet.load("batau", 2025)
    trend = factsheet_figures._trend_series(fs, "gezondheid")
    labels = {p.id: p.label for p in fs.reg.kernset.pijlers if not p.context}
    glance = glance_data(fs.ev, fs.data.national, labels)
    specs = {"trend": charts.trend_chart(trend, 2021), "glance": glance_chart(glance)}
    for name, spec in specs.items():
        root_schema.validate(spec)  # raises on an invalid spec
    assert specs["trend"]["data"]["values"][0]["gebied"] == trend.iloc[0]["gebied"]
    assert len(specs["trend"]["data"]["values"]) == len(trend)
    other = Factsheet.load("overvecht", 2021)
    again = charts.trend_chart(factsheet_figures._trend_series(other, "gezondheid"), 2021)
    assert again["data"]["values"] != specs["trend"]["data"]["values"], "each page gets its own rows"
