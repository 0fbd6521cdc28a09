"""Command line entry point: ``vitale-wijken``.

    vitale-wijken check                      validate the registries in data/*.yml
    vitale-wijken data fetch [--mirror DIR]  fill data/raw/ (online, or from a mirror)
    vitale-wijken data build                 data/raw/ -> data/processed/
    vitale-wijken run [--gemeente G] [--meting M] [--jobs N]   execute the notebooks
    vitale-wijken book [--jobs N]            the main job: run, then build the book
    vitale-wijken kwalitatief import FILE --gemeente G --meting M [--bevestig]   a coding tool's export -> canonical format
    vitale-wijken kwalitatief check          fieldwork, privacy.yml and the privacy gate on publishable text
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import VitaleWijkenError
from .paths import default_mirror, processed_dir, raw_dir


def _cmd_check(args: argparse.Namespace) -> int:
    from .registries import load_registries

    reg = load_registries(args.registries)
    k = reg.kernset
    with_source = sum(1 for i in k.indicatoren if i.bronnen)
    print(f"registries OK: {len(reg.gebieden.gemeenten)} gemeenten, {len(reg.metingen.metingen)} metingen, "
          f"{len(k.indicatoren)} indicators ({with_source} with a source), {len(reg.bronnen.tabellen)} tables, "
          f"{len(reg.bronnen.bestanden)} source files")
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


def _cmd_run(args: argparse.Namespace) -> int:
    from .registries import load_registries
    from .runner import plan, run, summary

    reg = load_registries(args.registries)
    jobs = plan(reg, gemeente=args.gemeente, meting=args.meting)
    results = run(jobs, workers=args.jobs, progress=not args.no_progress)
    print(summary(results))
    return 1 if any(r.status == "failed" for r in results) else 0


def _cmd_book(args: argparse.Namespace) -> int:
    from .book import build_book
    from .registries import load_registries

    start = time.perf_counter()
    status = build_book(load_registries(args.registries), workers=args.jobs, progress=not args.no_progress)
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
    from .paths import project_root
    from .registries import load_registries

    reg = load_registries(args.registries)
    findings = privacy.gate_before_run(reg, project_root())
    if findings:
        print(privacy.report(findings), file=sys.stderr)
        return 3
    print("kwalitatief: fieldwork and data/privacy.yml OK; no personal detail in publishable text")
    return 0


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

    r = sub.add_parser("run", help="execute the notebooks with papermill (all gemeenten x metingen by default)")
    r.add_argument("--gemeente", help="only this gemeente (slug, name or CBS code)")
    r.add_argument("--meting", type=int, help="only this meting (year)")
    r.add_argument("--jobs", type=int, default=None, help="parallel workers (default: number of cores)")
    r.add_argument("--no-progress", action="store_true", help="no progress bar")
    r.set_defaults(func=_cmd_run)

    k = sub.add_parser("book", help="run the notebooks and build the book into _build/html (the main job)")
    k.add_argument("--jobs", type=int, default=None, help="parallel workers (default: number of cores)")
    k.add_argument("--no-progress", action="store_true", help="no progress bar")
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
    try:
        return args.func(args)
    except VitaleWijkenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyError as exc:
        print(f"error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
