"""``vitale-wijken run``: execute the template notebooks with papermill, in parallel.

The batch plan comes from the registries: the landing page plus one factsheet per
gemeente and meting. Each job

* is skipped when its inputs are unchanged: the output notebook stores a hash of the
  template, the package code, the registries, the processed tables, the parameters and
  the versions of the libraries that shape the output;
* logs to its own file (``_build/logs/<job>.log``);
* never stops the others when it fails: its page becomes a clearly marked placeholder, the
  failure is listed in the summary and the run exits non-zero.

Outputs land in book/ under deterministic names with the H1 title filled in and the
parameter cells hidden.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable

import nbformat

from .factsheet import page_name, placeholders, title
from .io import write_text_atomic
from .kwalitatief.canon import dataset_folders
from .paths import kwalitatief_dir, processed_dir, project_root
from .registries import Registries

PACKAGE_DIR = Path(__file__).resolve().parent

CACHE_KEY = "vitale_wijken"
KERNEL_START_S = 120
KERNEL_ATTEMPTS = 3
OUTPUT_LIBRARIES = ("altair", "pandas", "vl-convert-python", "papermill", "nbformat", "ipykernel")
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+(?::[a-z_]+)?)\s*\}\}")


@dataclass(frozen=True)
class Job:
    name: str
    template: Path
    output: Path
    parameters: dict
    placeholders: dict = field(default_factory=dict)
    title: str = ""
    inputs: tuple[Path, ...] = ()  # job-specific input files, part of its hash


@dataclass
class Result:
    job: Job
    status: str  # executed | cached | failed
    seconds: float = 0.0
    error: str = ""
    log: Path | None = None


def plan(reg: Registries, *, templates: Path | None = None, out: Path | None = None,
         gemeente: str | None = None, meting: int | None = None) -> list[Job]:
    """Every notebook the book needs, or the factsheets of one gemeente and/or meting.

    ``templates`` defaults to notebooks/, ``out`` to book/."""
    templates = templates or project_root() / "notebooks"
    out = out or project_root() / "book"
    jobs: list[Job] = []
    if gemeente is None and meting is None:
        jobs.append(Job("home", templates / "home.ipynb", out / "index.ipynb", {},
                        {"titel": "Monitor Regiodeal Vitale Wijken"}, "Monitor Regiodeal Vitale Wijken"))
    gemeenten = [reg.gemeente(gemeente)] if gemeente else reg.gebieden.gemeenten
    metingen = [reg.meting(meting)] if meting else reg.metingen.metingen
    for g in gemeenten:
        for m in metingen:
            name = page_name(g, m.jaar)
            jobs.append(Job(
                name=f"factsheet-{name}",
                template=templates / "factsheet.ipynb",
                output=out / "factsheets" / f"{name}.ipynb",
                parameters={"gemeente": g.slug, "meting": m.jaar},
                placeholders=placeholders(reg, g, m.jaar),
                title=title(g, m.jaar),
            ))
    for g, m in narratives(reg):
        if (gemeente and g.code != reg.gemeente(gemeente).code) or (meting and m != int(meting)):
            continue
        from .kwalitatief.pagina import verhaal_name, verhaal_title

        folder = kwalitatief_dir() / g.slug / str(m)
        jobs.append(Job(
            name=f"verhaal-{verhaal_name(g, m)}",
            template=templates / "kwalitatief.ipynb",
            output=out / "verhalen" / f"{verhaal_name(g, m)}.ipynb",
            parameters={"gemeente": g.slug, "meting": m},
            placeholders={**placeholders(reg, g, m), "titel": verhaal_title(g, m)},
            title=verhaal_title(g, m),
            inputs=tuple(sorted(p for p in folder.iterdir() if p.is_file())),
        ))
    return jobs


def narratives(reg: Registries) -> list[tuple]:
    """(gemeente, meting) of every fieldwork dataset in data/kwalitatief, in registry order."""
    found = {(f.parent.name, f.name) for f in dataset_folders(kwalitatief_dir())}
    return [(g, m.jaar) for g in reg.gebieden.gemeenten for m in reg.metingen.metingen
            if (g.slug, str(m.jaar)) in found]


def _digest_files(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(str(p.relative_to(root) if p.is_relative_to(root) else p).encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def shared_inputs_digest(root: Path) -> str:
    """Digest of what every notebook depends on: package code, registries, processed data."""
    code = _digest_files(list(PACKAGE_DIR.rglob("*.py")), PACKAGE_DIR)
    data = _digest_files([*(root / "data").rglob("*.yml"), *(p for p in processed_dir().iterdir() if p.is_file())],
                         root)
    versions = {lib: _version(lib) for lib in OUTPUT_LIBRARIES}
    return hashlib.sha256((code + data + json.dumps(versions, sort_keys=True)).encode()).hexdigest()


def _version(lib: str) -> str:
    try:
        return metadata.version(lib)
    except metadata.PackageNotFoundError:
        return "-"


def job_digest(job: Job, shared: str) -> str:
    h = hashlib.sha256(shared.encode())
    h.update(hashlib.sha256(job.template.read_bytes()).digest())
    h.update(json.dumps([job.parameters, job.placeholders], sort_keys=True).encode())
    for path in job.inputs:
        h.update(path.name.encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def is_current(job: Job, digest: str) -> bool:
    if not job.output.exists():
        return False
    try:
        meta = nbformat.read(job.output, as_version=4).metadata.get(CACHE_KEY, {})
    except Exception:
        return False
    return meta.get("input_hash") == digest and not meta.get("failed", False)


def finalize(nb: nbformat.NotebookNode, job: Job, digest: str, failed: bool = False) -> nbformat.NotebookNode:
    """Fill placeholders, hide parameter cells, drop run-specific metadata, record the hash."""
    for cell in nb.cells:
        tags = cell.metadata.setdefault("tags", [])
        if cell.cell_type == "markdown":
            cell.source = PLACEHOLDER.sub(lambda m: job.placeholders.get(m.group(1), m.group(0)), cell.source)
        if ("parameters" in tags or "injected-parameters" in tags) and "remove-cell" not in tags:
            tags.append("remove-cell")
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if not tags:
            cell.metadata.pop("tags")
    nb.metadata.pop("papermill", None)
    nb.metadata[CACHE_KEY] = {"input_hash": digest, "parameters": job.parameters, "failed": failed}
    return nb


def failure_page(job: Job, digest: str, error: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    text = (
        f"# {job.title or job.name}\n\n"
        "```{error} Deze pagina kon niet worden gemaakt\n"
        "Bij het maken van deze pagina ging iets mis. De andere pagina's van het boek zijn wel bijgewerkt.\n"
        "```\n\n"
        f"Melding voor de beheerders van het boek:\n\n```text\n{error.strip()}\n```\n"
    )
    nb.cells.append(nbformat.v4.new_markdown_cell(text))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return finalize(nb, job, digest, failed=True)


def _execute(job: Job, digest: str, log_dir: str) -> Result:
    """Run one job in a worker process."""
    import papermill

    log_path = Path(log_dir) / f"{job.name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_path, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("papermill")
    logger.handlers = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    # The kernel inherits this worker's stderr: send its chatter to the job's log, not the terminal.
    saved_stderr = os.dup(2)
    log_fd = os.open(log_path, os.O_WRONLY | os.O_APPEND)
    os.dup2(log_fd, 2)
    start = time.perf_counter()
    tmp = job.output.with_name(f".{job.output.stem}.running.ipynb")
    job.output.parent.mkdir(parents=True, exist_ok=True)
    try:
        for attempt in range(1, KERNEL_ATTEMPTS + 1):
            try:
                papermill.execute_notebook(
                    str(job.template), str(tmp), parameters=job.parameters, kernel_name="python3",
                    progress_bar=False, log_output=True, cwd=str(project_root()), start_timeout=KERNEL_START_S,
                )
                break
            except RuntimeError as exc:
                # A kernel that does not start on a loaded machine is not the notebook's fault: retry it.
                if "Kernel didn't respond" not in str(exc) or attempt == KERNEL_ATTEMPTS:
                    raise
                logger.warning("kernel did not start (attempt %d of %d); retrying", attempt, KERNEL_ATTEMPTS)
        nb = finalize(nbformat.read(tmp, as_version=4), job, digest)
        write_text_atomic(job.output, nbformat.writes(nb) + "\n")
        return Result(job, "executed", time.perf_counter() - start, log=log_path)
    except Exception as exc:  # any failure becomes a marked page, never a missing one
        message = _short_error(exc)
        logger.error("job %s failed:\n%s", job.name, traceback.format_exc())
        if tmp.exists():
            kept = Path(log_dir) / f"{job.name}.failed.ipynb"
            tmp.replace(kept)
        write_text_atomic(job.output, nbformat.writes(failure_page(job, digest, message)) + "\n")
        return Result(job, "failed", time.perf_counter() - start, message, log_path)
    finally:
        tmp.unlink(missing_ok=True)
        handler.close()
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
        os.close(log_fd)


def _short_error(exc: Exception) -> str:
    """The useful line of an error: for a failed cell, the exception the cell raised."""
    ename = getattr(exc, "ename", None)
    evalue = getattr(exc, "evalue", None)
    if ename:
        return f"{ename}: {evalue}"
    return f"{type(exc).__name__}: {exc}"


def run(
    jobs: list[Job],
    *,
    workers: int | None = None,
    root: Path | None = None,
    log_dir: Path | None = None,
    progress: bool = True,
    log: Callable[[str], None] = print,
) -> list[Result]:
    root = root or project_root()
    log_dir = log_dir or root / "_build" / "logs"
    shared = shared_inputs_digest(root)
    digests = {job.name: job_digest(job, shared) for job in jobs}
    todo = [j for j in jobs if not is_current(j, digests[j.name])]
    results = [Result(j, "cached") for j in jobs if j not in todo]
    if not todo:
        log(f"run: all {len(jobs)} notebooks are up to date; nothing executed")
        return results
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    log(f"run: executing {len(todo)} of {len(jobs)} notebooks with {workers} worker(s)")
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="nb", desc="notebooks", leave=True)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_execute, j, digests[j.name], str(log_dir)): j for j in todo}
        for fut in as_completed(futures):
            res = fut.result()
            results.append(res)
            if bar is not None:
                bar.set_postfix_str(res.job.name)
                bar.update(1)
    if bar is not None:
        bar.close()
    order = {j.name: i for i, j in enumerate(jobs)}
    results.sort(key=lambda r: order[r.job.name])
    return results


def summary(results: list[Result], root: Path | None = None) -> str:
    root = root or project_root()
    lines = []
    for r in results:
        if r.status == "executed":
            lines.append(f"  ok      {r.job.name} ({r.seconds:.1f} s)")
        elif r.status == "failed":
            log = r.log.relative_to(root) if r.log and r.log.is_relative_to(root) else r.log
            lines.append(f"  FAILED  {r.job.name}: {r.error}\n          log: {log}")
    counts = {s: sum(r.status == s for r in results) for s in ("executed", "cached", "failed")}
    lines.append(f"run: {len(results)} notebooks: {counts['executed']} executed, {counts['cached']} up to date, "
                 f"{counts['failed']} failed")
    return "\n".join(lines)
