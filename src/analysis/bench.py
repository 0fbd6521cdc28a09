"""``make bench``: the speed figures of issue 12, measured on this machine in one run.

* seconds per wijk for batches of 50, 100 and 200 wijk profiles (national wijken, executed
  through the same runner as ``vitale-wijken run``: Dask, warm kernels), per wijk per core, and
  the extrapolation to every wijk of the Netherlands;
* a clean ``vitale-wijken book`` (nothing built yet) and a no-op one (nothing changed), both on a
  fresh copy of the project so the working tree's ``_build`` is left alone.

Measured, not asserted: timings vary by machine, so they go in the notes, not in tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .paths import project_root

BATCHES = (50, 100, 200)
COPY = ("data", "notebooks", "book", "slides", "_config.yml", "_toc.yml", "pyproject.toml")
_NEVER = shutil.ignore_patterns("raw", "__pycache__", "*.egg-info", "node_modules")
# In book/ only the hand-written theme files are sources; every page (and the chart bundle) is
# written by the build, so a clean build starts without them.
_BOOK_SOURCES = {"_static", "_templates"}


def _copy_ignore(folder: str, names: list[str]) -> set[str]:
    ignored = set(_NEVER(folder, names))
    here = Path(folder)
    if here == project_root() / "book":
        ignored |= set(names) - _BOOK_SOURCES
    elif here == project_root() / "book" / "_static":
        ignored |= {"vega-bundle.js"} & set(names)
    return ignored


def _spread(every: list, n: int, offset: int) -> list:
    """``n`` wijken spread over the list (every k-th) so the batch is not one gemeente."""
    step = max(1, len(every) // (n + offset))
    return every[offset::step][:n]


def batch(reg, wijken: list, workers: int, out_root: Path) -> tuple[float, int]:
    """Seconds for profiles of these wijken (latest meting), executed from scratch, and failures."""
    from .runner import plan, run
    from .sitemap import profile_page

    latest = reg.metingen.metingen[-1].jaar
    jobs = plan([profile_page(w, latest) for w in wijken], reg, out_root=out_root)
    start = time.perf_counter()
    results = run(jobs, reg, workers=workers, root=out_root, log_dir=out_root / "logs", progress=False,
                  log=lambda s: None)
    seconds = time.perf_counter() - start
    failed = sum(r.status == "failed" for r in results)
    return seconds, failed


def _copy_project(dest: Path) -> Path:
    root = project_root()
    for name in COPY:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=_copy_ignore)
        elif src.exists():
            shutil.copy2(src, dest / name)
    node_modules = root / "slides" / "node_modules"
    if node_modules.is_dir():  # the decks' reveal.js; linking avoids a second npm install
        (dest / "slides" / "node_modules").symlink_to(node_modules)
    return dest


def book_time(project: Path) -> tuple[float, int]:
    """Wall seconds of ``vitale-wijken book`` in ``project`` and its exit code."""
    env = dict(os.environ, VITALE_WIJKEN_ROOT=str(project))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "analysis.cli", "book", "--no-progress"], cwd=project, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        print(proc.stdout[-3000:])
    return seconds, proc.returncode


def main(argv: list[str] | None = None) -> int:
    from .registries import load_registries

    ap = argparse.ArgumentParser(prog="python -m analysis.bench")
    ap.add_argument("--batches", type=int, nargs="*", default=list(BATCHES), help="batch sizes (wijken)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers (cores) for the batches")
    ap.add_argument("--zonder-boek", action="store_true", help="skip the clean and no-op book builds")
    args = ap.parse_args(argv)

    from .gebied import wijken_van

    reg = load_registries()
    every = wijken_van(reg)
    cores = max(1, args.jobs)
    print(f"bench on {os.cpu_count()} core(s), {cores} worker(s); wall time")
    rows = []
    with tempfile.TemporaryDirectory(prefix="vw-bench-") as tmp:
        offset = 0
        for n in args.batches:
            out = Path(tmp) / f"batch-{n}"
            seconds, failed = batch(reg, _spread(every, n, offset), cores, out)
            offset += 1  # other wijken each batch: nothing comes from a previous batch's cache
            per = seconds / n
            rows.append((n, seconds))
            print(f"  {n:4d} wijkprofielen: {seconds:7.1f} s  = {per:5.2f} s per wijk, "
                  f"{per * cores:5.2f} s per wijk per core" + (f"  ({failed} failed)" if failed else ""))
        if rows:
            n_all = len(every)
            # linear fit through the batches: fixed cost (cluster start-up) + cost per wijk
            xs, ys = [r[0] for r in rows], [r[1] for r in rows]
            if len(rows) > 1:
                mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
                slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
                fixed = my - slope * mx
            else:
                slope, fixed = ys[0] / xs[0], 0.0
            minutes = (fixed + slope * n_all) / 60
            print(f"  linear fit: {fixed:5.1f} s start-up + {slope:4.2f} s per wijk "
                  f"({slope * cores:4.2f} s per wijk per core)")
            print(f"  all {n_all} wijken of the Netherlands (extrapolated): {minutes:5.1f} min on {cores} core(s)")
    if not args.zonder_boek:
        with tempfile.TemporaryDirectory(prefix="vw-bench-book-") as tmp:
            project = _copy_project(Path(tmp) / "project")
            clean, rc1 = book_time(project)
            print(f"  vitale-wijken book, clean (nothing built): {clean:7.1f} s" + (f"  (exit {rc1})" if rc1 else ""))
            noop, rc2 = book_time(project)
            print(f"  vitale-wijken book, no-op (nothing changed): {noop:7.1f} s" + (f"  (exit {rc2})" if rc2 else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
