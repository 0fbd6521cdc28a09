"""``make bench``: time the pipeline steps on this machine and print the figures.

Measured, not asserted: the numbers go in the session notes, not in tests. Steps that need
the source mirror are skipped with a message when it is absent.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from .paths import default_mirror, project_root


def _timed(label: str, fn) -> float:
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"  {label:<48s} {seconds:7.2f} s")
    return seconds


def main() -> None:
    from .build import build
    from .data import load_indicators
    from .factsheet import Factsheet
    from .fetch import fetch_from_mirror
    from .registries import load_registries

    reg = load_registries()
    print("bench (wall time)")
    _timed("load + validate registries", load_registries)
    mirror = default_mirror()
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "processed"
        if (mirror / "README.md").exists():
            _timed("data fetch --mirror", lambda: fetch_from_mirror(reg, mirror, raw, log=lambda s: None))
            _timed("data build (read + validate + write)", lambda: build(reg, raw, out, log=lambda s: None))
        else:
            print(f"  (source mirror not found at {mirror}: data steps skipped)")
    _timed("load indicator table (validated)", lambda: load_indicators())
    _timed("one factsheet, all sections, in-process", lambda: _factsheet(Factsheet))
    root = project_root()
    with tempfile.TemporaryDirectory() as tmp:
        from .runner import plan, run

        jobs = plan(reg, out=Path(tmp) / "book", gemeente="utrecht", meting=2021)
        _timed("papermill: one factsheet (kernel start incl.)",
               lambda: run(jobs, root=root, log_dir=Path(tmp) / "logs", progress=False, log=lambda s: None))
        _timed("papermill: same factsheet again (cached)",
               lambda: run(jobs, root=root, log_dir=Path(tmp) / "logs", progress=False, log=lambda s: None))
    if shutil.which("jupyter-book"):
        print("  (full book: time `make book` from a clean clone, and again for the no-op run)")


def _factsheet(cls) -> None:
    fs = cls.load("utrecht", 2021)
    fs.leeswijzer(), fs.kerncijfers(), fs.kaart(), fs.bevindingen(), fs.bronnen()
    for p in ("gezondheid", "veiligheid", "participatie", "onderwijs", "wonen"):
        fs.pijler(p)


if __name__ == "__main__":
    main()
