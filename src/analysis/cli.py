"""Command line entry point: ``vitale-wijken``.

    vitale-wijken check                      validate the registries in data/*.yml
    vitale-wijken data fetch [--mirror DIR]  fill data/raw/ (online, or from a mirror)
    vitale-wijken data build                 data/raw/ -> data/processed/
    vitale-wijken data coverage              kernset figures per focus area and meting, and why not
    vitale-wijken run [--gebied G | --gemeente G [--alle-wijken] | --alle-wijken] [--meting M]
                      [--jobs N | --scheduler tcp://host:port]    execute notebooks (papermill on Dask)
    vitale-wijken book [--editie standaard|regio] [--jobs N]      the main job: run, then build the book
    vitale-wijken kwalitatief import FILE --gemeente G --meting M [--bevestig]   a coding tool's export -> canonical format
    vitale-wijken kwalitatief check          fieldwork, privacy.yml and the privacy gate on publishable text
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from .errors import VitaleWijkenError
from .paths import default_mirror, processed_dir, raw_dir


def _cmd_check(args: argparse.Namespace) -> int:
    from .registries import load_registries

    from .colofon import load_colofon
    from .denkkader import load_frameworks
    from .plan import load_plan, load_werkpakketten
    from .privacy import load_config
    from .privacy.gate import PRIVACY_FILE
    from .zoeken import load_zoekwoorden

    reg = load_registries(args.registries)
    k = reg.kernset
    with_source = sum(1 for i in k.indicatoren if i.bronnen)
    print(f"registries OK: {len(reg.gebieden.gemeenten)} gemeenten, {len(reg.metingen.metingen)} metingen, "
          f"{len(k.indicatoren)} indicators ({with_source} with a source), {len(reg.bronnen.tabellen)} tables, "
          f"{len(reg.bronnen.bestanden)} source files")
    # the other YAML files of the book: each raises with file and line on a bad entry
    frameworks = load_frameworks(reg, reg.folder / "denkkader")
    load_plan(reg), load_werkpakketten(reg), load_colofon(reg)
    privacy = load_config(reg.folder / PRIVACY_FILE)
    groups = load_zoekwoorden(reg.folder).synoniemen
    print(f"book registries OK: {len(frameworks)} frameworks, monitoringsplan, werkpakketten, colofon, "
          f"privacy.yml ({len(privacy.namen)} names), zoekwoorden.yml ({len(groups)} synonym groups)")
    return 0


def _cmd_fetch(args: argparse.Namespace) -> int:
    from .fetch import fetch_from_mirror, fetch_online
    from .registries import load_registries

    reg = load_registries(args.registries)
    raw = Path(args.raw)
    if args.mirror:
        print(f"fetch: copying from mirror {args.mirror} into {raw}")
        files = fetch_from_mirror(reg, Path(args.mirror), raw)
        print(f"fetch: {len(files)} files in {raw}")
        return 0
    print(f"fetch: downloading from the publishers' open-data APIs into {raw}")
    written, skipped = fetch_online(reg, raw)
    print(f"fetch: {len(written)} files downloaded; {len(skipped)} source(s) have no API "
          f"(get them with --mirror {default_mirror()} or by hand, see above)")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build
    from .registries import load_registries

    reg = load_registries(args.registries)
    start = time.perf_counter()
    print(f"build: {args.raw} -> {args.out}")
    build(reg, Path(args.raw), Path(args.out))
    print(f"build: done in {time.perf_counter() - start:.1f} s")
    return 0


def run_pages(reg, args: argparse.Namespace) -> list:
    """The pages a ``run`` asks for, resolved from its options in one place."""
    from .gebied import resolve, wijken_van
    from .sitemap import factsheet_page, profile_page, site

    metingen = [reg.meting(args.meting).jaar] if args.meting else None
    latest = [reg.metingen.metingen[-1].jaar]
    if args.alle_wijken:
        gemeente = reg.gemeente(args.gemeente).code if args.gemeente and not args.gemeente.upper().startswith(
            "GM") else (args.gemeente.upper() if args.gemeente else None)
        return [profile_page(w, m) for w in wijken_van(reg, gemeente) for m in (metingen or latest)]
    if args.gebied:
        g = resolve(reg, args.gebied)
        if g.is_focus:
            return [factsheet_page(g, m, several=False) for m in (metingen or [m.jaar for m in reg.metingen.metingen])]
        return [profile_page(g, m) for m in (metingen or latest)]
    pages = [p for p in site(reg, args.editie).pages if p.executed]
    if args.gemeente:
        code = reg.gemeente(args.gemeente).code
        pages = [p for p in pages if p.gemeente == code]
    if metingen:
        pages = [p for p in pages if p.meting in metingen]
    return pages


def _stop_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C, so that every ``finally`` stops its workers, kernels, the
    jupyter-book child and the browser."""
    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, handler)


def _cmd_coverage(args: argparse.Namespace) -> int:
    from .coverage import coverage_matrix, render
    from .data import load_indicators
    from .registries import load_registries

    reg = load_registries(args.registries)
    cov = coverage_matrix(load_indicators(str(args.processed) if args.processed else None), reg)
    print(render(cov, reg))
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from .registries import load_registries
    from .runner import plan, run, summary

    if args.alle_wijken and args.gebied:
        print("error: give --gebied or --alle-wijken, not both", file=sys.stderr)
        return 2
    reg = load_registries(args.registries)
    pages = run_pages(reg, args)
    jobs = plan(pages, reg, registries_folder=args.registries)
    results = run(jobs, reg, workers=args.jobs, scheduler=args.scheduler, warm=not args.koud,
                  progress=not args.no_progress)
    print(summary(results))
    return 1 if any(r.status == "failed" for r in results) else 0


def _cmd_book(args: argparse.Namespace) -> int:
    from .book import build_book
    from .registries import load_registries

    start = time.perf_counter()
    status = build_book(load_registries(args.registries), editie=args.editie, workers=args.jobs,
                        scheduler=args.scheduler, progress=not args.no_progress)
    print(f"book: {time.perf_counter() - start:.1f} s wall time")
    return status


def _cmd_kwalitatief_import(args: argparse.Namespace) -> int:
    from .kwalitatief import canon
    from .kwalitatief.importers import (
        detect_format,
        import_qualcoder_csv,
        import_refi_qda,
        import_taguette,
        write_import,
    )
    from .paths import kwalitatief_dir
    from .registries import load_registries

    for option, value, allowed in (("--methode", args.methode, canon.METHODEN),
                                   ("--groep", args.groep, canon.GROEPEN)):
        if value not in allowed:
            print(f"error: {option} {value!r} is not one of {', '.join(allowed)}", file=sys.stderr)
            return 2
    reg = load_registries(args.registries)
    gemeente = reg.gemeente(args.gemeente)
    meting = reg.meting(args.meting)
    fmt = detect_format(args.file) if args.format == "auto" else args.format
    if args.codebook is not None and fmt != "taguette":
        print(f"error: --codebook only applies to Taguette highlights, but {args.file} reads as {fmt}",
              file=sys.stderr)
        return 2
    kwargs = {"methode": args.methode, "groep": args.groep}
    if fmt == "qdpx":
        result = import_refi_qda(args.file, **kwargs)
    elif fmt == "qualcoder":
        result = import_qualcoder_csv(args.file, **kwargs)
    else:
        result = import_taguette(args.file, args.codebook, **kwargs)
    out = args.out if args.out is not None else kwalitatief_dir() / gemeente.slug / str(meting.jaar)
    titel = args.titel or f"Kwalitatief veldwerk {gemeente.naam}, meting {meting.jaar} (geïmporteerd)"
    n = result.counts
    print(f"import: {args.file} ({fmt}): {n['deelnemers']} deelnemers, {n['codes']} codes, {n['segmenten']} "
          f"segments ({n['rijen']} segment x code rows)")
    for warning in result.warnings:
        print(f"import: warning: {warning}")
    for problem in result.problems:
        print(f"import: warning: {problem}")
    written = write_import(result, out, gemeente=gemeente.slug, meting=meting.jaar, titel=titel,
                           force=args.force, bevestig=args.bevestig, reg=reg)
    print(f"import: wrote {', '.join(p.name for p in written)} to {out}; all publiceerbaar = nee until a researcher "
          f"has reviewed them")
    if result.problems:
        print("import: confirmed with --bevestig: the page will say the data are incomplete")
    return 0


def _cmd_kwalitatief_check(args: argparse.Namespace) -> int:
    from . import privacy
    from .book import GATE_FAILED
    from .paths import project_root
    from .registries import load_registries

    reg = load_registries(args.registries)
    findings = privacy.gate_before_run(reg, project_root())
    if findings:
        print(privacy.report(findings), file=sys.stderr)
        return GATE_FAILED
    print("kwalitatief: fieldwork and data/privacy.yml OK; no personal detail in publishable text")
    return 0


def _dask_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", type=int, default=None, help="workers of the local Dask cluster (default: number of cores)")
    p.add_argument("--scheduler", default=None, help="run on an existing Dask cluster (tcp://host:port) instead of a "
                                                    "local one")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vitale-wijken",
        description="Monitor Regiodeal Vitale Wijken: data pipeline, batch runs and the book.",
    )
    p.add_argument("--registries", type=Path, default=None, help="folder with the registry YAML files (default: data/)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("check", help="validate the registries (data/*.yml)")
    c.set_defaults(func=_cmd_check)

    d = sub.add_parser("data", help="fetch raw sources and build the processed tables")
    dsub = d.add_subparsers(dest="data_command", required=True, metavar="STEP")
    f = dsub.add_parser("fetch", help="fill data/raw/ from the publishers' APIs, or from a mirror with --mirror")
    f.add_argument("--mirror", type=Path, default=None,
                   help=f"copy from a local mirror laid out like ../shared/data (e.g. {default_mirror()})")
    f.add_argument("--raw", type=Path, default=raw_dir(), help="target folder (default: data/raw)")
    f.set_defaults(func=_cmd_fetch)
    b = dsub.add_parser("build", help="read data/raw/ and write the committed tables in data/processed/")
    b.add_argument("--raw", type=Path, default=raw_dir(), help="folder with the fetched sources (default: data/raw)")
    b.add_argument("--out", type=Path, default=processed_dir(), help="output folder (default: data/processed)")
    b.set_defaults(func=_cmd_build)
    v = dsub.add_parser("coverage", help="which kernset figures the book has per focus area and meting, and why not")
    v.add_argument("--processed", type=Path, default=None, help="folder with the processed tables (default: data/processed)")
    v.set_defaults(func=_cmd_coverage)

    r = sub.add_parser("run", help="execute notebooks with papermill on Dask (every page of the edition by default)")
    r.add_argument("--gebied", help="one area: a focus area (e.g. overvecht) or any Dutch wijk by CBS code (WK034401)")
    r.add_argument("--gemeente", help="only this gemeente's pages (slug, name or CBS code); with --alle-wijken: "
                                      "every wijk of this gemeente")
    r.add_argument("--alle-wijken", action="store_true",
                   help="a profile of every wijk (of --gemeente, or of the Netherlands)")
    r.add_argument("--meting", type=int, help="only this meting (year); wijk profiles default to the last meting")
    r.add_argument("--editie", choices=["standaard", "regio"], default="standaard",
                   help="which edition's pages to run when no area is given (default: standaard)")
    r.add_argument("--koud", action="store_true", help="a fresh kernel for every notebook (slower; for comparison)")
    _dask_options(r)
    r.set_defaults(func=_cmd_run)

    k = sub.add_parser("book", help="run the notebooks and build the book (the main job)")
    k.add_argument("--editie", choices=["standaard", "regio"], default="standaard",
                   help="standaard: the focus areas, into _build/html; regio: also a profile of every wijk of the "
                        "gemeenten, into _build/regio/_build/html")
    _dask_options(k)
    k.set_defaults(func=_cmd_book)

    q = sub.add_parser("kwalitatief", help="qualitative fieldwork in the canonical format (data/kwalitatief/)")
    qsub = q.add_subparsers(dest="kwalitatief_command", required=True, metavar="STEP")
    i = qsub.add_parser("import", help="turn a coding tool's export (REFI-QDA .qdpx, QualCoder or Taguette CSV) "
                                       "into data/kwalitatief/<gemeente>/<meting>/")
    i.add_argument("file", type=Path, help="the export: .qdpx (or project.qde), QualCoder or Taguette CSV")
    i.add_argument("--gemeente", required=True, help="gemeente (slug, name or CBS code)")
    i.add_argument("--meting", type=int, required=True, help="meting (year)")
    i.add_argument("--methode", default="onbekend", help="method of the fieldwork (default: onbekend)")
    i.add_argument("--groep", default="onbekend", help="group the participants belong to (default: onbekend)")
    i.add_argument("--codebook", type=Path, default=None, help="Taguette codebook CSV (descriptions, parents)")
    i.add_argument("--format", choices=["auto", "qdpx", "qualcoder", "taguette"], default="auto",
                   help="format of FILE (default: from the extension and header)")
    i.add_argument("--titel", default=None, help="title of the dataset (default: from gemeente and meting)")
    i.add_argument("--force", action="store_true", help="overwrite an existing dataset")
    i.add_argument("--bevestig", action="store_true",
                   help="write an import without codings or participants anyway (its page says it is incomplete)")
    i.add_argument("--out", type=Path, default=None,
                   help="output folder (default: data/kwalitatief/<gemeente-slug>/<meting>/)")
    i.set_defaults(func=_cmd_kwalitatief_import)
    c2 = qsub.add_parser("check", help="validate data/kwalitatief and data/privacy.yml and run the privacy gate on "
                                       "the publishable fieldwork text (what `book` does first)")
    c2.set_defaults(func=_cmd_kwalitatief_check)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command in ("run", "book"):
        _stop_on_sigterm()
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("stopped: workers, kernels and child processes were shut down", file=sys.stderr)
        return 130
    except VitaleWijkenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyError as exc:
        print(f"error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
