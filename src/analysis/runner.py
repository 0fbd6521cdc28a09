"""``vitale-wijken run``: execute the template notebooks with papermill on Dask.

The batch plan comes from the site map (sitemap.py). Notebooks are dispatched to a Dask
cluster: a ``LocalCluster`` by default, or an existing one (``scheduler="tcp://host:port"``),
through the same code path. Each job

* is skipped when its inputs are unchanged: the output notebook stores a hash of the template,
  the package code, the processed tables, the registry entries the page depends on, its own
  input files, its parameters and the versions of the libraries that shape the output;
* runs in a warm kernel: every worker keeps one Jupyter kernel and reuses it, with the user
  namespace reset between notebooks (starting a kernel and importing the stack costs more than
  a wijk profile itself); the output equals that of a fresh kernel (a test checks this);
* never stops the others when it fails: its page becomes a clearly marked placeholder, the
  failure is listed in the summary and the run exits non-zero;
* is written by this process, never by a worker: when the run is stopped, nothing writes into
  book/ any more, and a worker that dies loses only the notebook it was running.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
import traceback
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Callable

from .io import write_text_atomic
from .paths import kwalitatief_dir, processed_dir, project_root
from .registries import Registries
from .sitemap import Page

PACKAGE_DIR = Path(__file__).resolve().parent

CACHE_KEY = "vitale_wijken"
KERNEL_START_S = 120
KERNEL_ATTEMPTS = 3
OUTPUT_LIBRARIES = ("altair", "pandas", "vl-convert-python", "papermill", "nbformat", "ipykernel")
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+(?::[a-z_]+)?)\s*\}\}")
# Run first in a warm kernel: forget the previous notebook's variables (imports and file caches
# stay warm). The cell is taken out again before the notebook is written.
RESET_TAG = "vitale-wijken-reset"
RESET_SOURCE = "get_ipython().run_line_magic('reset', '-f')"


@dataclass(frozen=True)
class Job:
    page: Page
    template: Path
    output: Path
    parameters: dict
    placeholders: dict = field(default_factory=dict)
    inputs: tuple[Path, ...] = ()  # job-specific input files (fieldwork), part of its hash

    @property
    def name(self) -> str:
        return self.page.key

    @property
    def title(self) -> str:
        return self.page.title


@dataclass
class Result:
    job: Job
    status: str  # executed | cached | failed
    seconds: float = 0.0
    error: str = ""
    log: Path | None = None


def placeholders(reg: Registries, page: Page) -> dict[str, str]:
    """Values for the ``{{...}}`` placeholders in the templates' Markdown cells."""
    values = {"titel": page.title}
    for p in reg.kernset.pijlers:
        values[f"pijler:{p.id}"] = f"{p.nummer}. {p.label}" if p.nummer else p.label
    return values


def job_for(page: Page, reg: Registries, *, templates: Path | None = None, out_root: Path | None = None,
            registries_folder: Path | None = None) -> Job:
    root = project_root()
    templates = templates or root / "notebooks"
    out_root = out_root or root
    parameters = dict(page.parameters)
    if registries_folder is not None:
        parameters["registries"] = str(Path(registries_folder).resolve())
    inputs: tuple[Path, ...] = ()
    if page.soort == "verhaal":
        folder = kwalitatief_dir() / parameters["gemeente"] / str(parameters["meting"])
        inputs = tuple(sorted(p for p in folder.iterdir() if p.is_file()))
    return Job(page, templates / f"{page.template}.ipynb", out_root / page.source, parameters,
               placeholders(reg, page), inputs)


def plan(pages: list[Page], reg: Registries, **kwargs: Any) -> list[Job]:
    """A job for every executed page (``job_for`` takes the keyword arguments)."""
    return [job_for(p, reg, **kwargs) for p in pages if p.executed]


# --- what a page depends on --------------------------------------------------------------------------


def _digest_files(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(str(p.relative_to(root) if p.is_relative_to(root) else p.name).encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


def shared_inputs_digest(root: Path) -> str:
    """Digest of what every notebook depends on: package code, processed data, library versions.
    Registry files are not part of it: each page hashes the registry entries it uses."""
    code = _digest_files(list(PACKAGE_DIR.rglob("*.py")), PACKAGE_DIR)
    data = _digest_files([p for p in processed_dir().iterdir() if p.is_file()], processed_dir())
    versions = {lib: _version(lib) for lib in OUTPUT_LIBRARIES}
    return hashlib.sha256((code + data + json.dumps(versions, sort_keys=True)).encode()).hexdigest()


def _version(lib: str) -> str:
    try:
        return metadata.version(lib)
    except metadata.PackageNotFoundError:
        return "-"


def registry_part(reg: Registries, what: str, arg: str) -> Any:
    """The part of the registries named by a page's ``depends`` entry, as plain data."""
    g = reg.gebieden
    if what == "gebieden":
        return g.model_dump(mode="json")
    if what == "gemeente":
        return next((x.model_dump(mode="json") for x in g.gemeenten if x.code == arg), None)
    if what == "focusgebied":
        return next((x.model_dump(mode="json") for x in g.focusgebieden if x.slug == arg), None)
    if what == "focus_codes":  # which areas are focus areas (comparisons exclude them, profiles link them)
        return [(f.slug, f.naam, f.gemeente, f.codes, [d.binnen for d in f.delen]) for f in g.focusgebieden]
    if what == "nederland":
        return [g.nederland.model_dump(mode="json"), g.vergelijking]
    if what in ("metingen", "kernset", "bronnen"):
        return getattr(reg, what).model_dump(mode="json")
    if what == "gemeenten":  # names and codes only
        return [(x.code, x.naam, x.slug) for x in g.gemeenten]
    if what == "denkkader":
        files = [reg.folder / "denkkader" / f"{reg.gemeente(arg).slug}.yml", reg.folder / "monitoringsplan.yml"]
        return [(p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in files if p.exists()]
    if what == "veldwerk":  # which fieldwork datasets exist (pages link to them); content is a job input
        from .sitemap import narratives

        return [item for item in narratives(reg) if not arg or item[0] == arg]
    raise ValueError(f"unknown page dependency {what!r}")


def job_digest(job: Job, shared: str, reg: Registries) -> str:
    h = hashlib.sha256(shared.encode())
    h.update(hashlib.sha256(job.template.read_bytes()).digest())
    h.update(json.dumps([job.parameters, job.placeholders], sort_keys=True).encode())
    deps = [(what, arg, registry_part(reg, what, arg)) for what, arg in job.page.depends]
    h.update(json.dumps(deps, sort_keys=True, default=str).encode())
    for path in job.inputs:
        h.update(path.name.encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def is_current(job: Job, digest: str) -> bool:
    if not job.output.exists():
        return False
    try:
        meta = json.loads(job.output.read_text(encoding="utf-8")).get("metadata", {}).get(CACHE_KEY, {})
    except (ValueError, OSError):
        return False
    return meta.get("input_hash") == digest and not meta.get("failed", False)


# --- the notebook after execution ---------------------------------------------------------------------


def finalize(nb, job: Job, digest: str, failed: bool = False):
    """Fill placeholders, hide parameter cells, number the cells from 1 (the same in a fresh and a
    warm kernel), drop run-specific metadata, record the hash."""
    nb.cells = [c for c in nb.cells if RESET_TAG not in c.get("metadata", {}).get("tags", [])]
    count = 0
    for cell in nb.cells:
        tags = cell.metadata.setdefault("tags", [])
        if cell.cell_type == "markdown":
            cell.source = PLACEHOLDER.sub(lambda m: job.placeholders.get(m.group(1), m.group(0)), cell.source)
        if cell.cell_type == "code":
            if cell.get("execution_count") is not None:
                count += 1
                cell.execution_count = count
                for out in cell.get("outputs", []):
                    if "execution_count" in out:
                        out["execution_count"] = count
        if ("parameters" in tags or "injected-parameters" in tags) and "remove-cell" not in tags:
            tags.append("remove-cell")
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if not tags:
            cell.metadata.pop("tags")
    nb.metadata.pop("papermill", None)
    nb.metadata[CACHE_KEY] = {"input_hash": digest, "parameters": job.parameters, "failed": failed}
    return nb


def failure_page(job: Job, digest: str, error: str):
    import nbformat

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


def _short_error(exc: BaseException) -> str:
    """The useful line of an error: for a failed cell, the exception the cell raised."""
    ename = getattr(exc, "ename", None)
    evalue = getattr(exc, "evalue", None)
    if ename:
        return f"{ename}: {evalue}"
    return f"{type(exc).__name__}: {exc}"


# --- in a worker -----------------------------------------------------------------------------------


class WarmKernel:
    """A Jupyter kernel kept alive in a worker process and reused notebook after notebook.

    ``key`` says which inputs the kernel's imports and caches were made from; a job with another
    key gets a fresh kernel. The kernel exits by itself when this process dies (ipykernel polls
    its parent)."""

    def __init__(self, key: str, cwd: str, log_path: Path):
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self.key = key
        self._run_sync = run_sync
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "a", encoding="utf-8")  # the kernel's own stderr, not the terminal
        self.km = AsyncKernelManager(kernel_name="python3")
        run_sync(self.km.start_kernel)(cwd=cwd, stdout=self._log, stderr=self._log)
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=KERNEL_START_S)

    def shutdown(self) -> None:
        try:
            self.kc.stop_channels()
            self._run_sync(self.km.shutdown_kernel)(now=True)
        finally:
            self._log.close()


_KERNEL: WarmKernel | None = None


def _warm_kernel(key: str, cwd: str, log_dir: Path) -> WarmKernel:
    global _KERNEL
    if _KERNEL is not None and (_KERNEL.key != key or not _KERNEL.km.has_kernel):
        _discard_kernel()
    if _KERNEL is None:
        _KERNEL = WarmKernel(key, cwd, log_dir / "kernels" / f"kernel-{os.getpid()}.log")
    return _KERNEL


def _discard_kernel() -> None:
    global _KERNEL
    if _KERNEL is not None:
        try:
            _KERNEL.shutdown()
        except Exception:  # a dead kernel cannot be shut down twice; it is gone either way
            pass
        _KERNEL = None


def _kernel_key(shared: str, reg: Registries) -> str:
    """What a warm kernel's imports and caches were made from: code and data, the registry files
    (cached in the kernel) and the folders the environment points at. A kernel of another key
    is not reused, so a long-lived cluster never renders with stale registries."""
    env = [os.environ.get(k, "") for k in ("VITALE_WIJKEN_PROCESSED", "VITALE_WIJKEN_KWALITATIEF",
                                          "VITALE_WIJKEN_ROOT")]
    registries = _digest_files(sorted(reg.folder.glob("*.yml")), reg.folder)
    return hashlib.sha256(json.dumps([shared, registries, env]).encode()).hexdigest()


def execute_job(job: Job, digest: str, kernel_key: str, log_dir: str, warm: bool = True) -> dict:
    """Run one notebook (in a Dask worker, or in-process). Returns what the parent writes:
    the executed notebook as text, or the error, and the job's log."""
    import io

    import nbformat
    import papermill

    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("papermill")
    logger.handlers = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    start = time.perf_counter()
    root = str(project_root())
    kwargs: dict[str, Any] = {}
    try:
        for attempt in range(1, KERNEL_ATTEMPTS + 1):
            try:
                source = nbformat.read(job.template, as_version=4)
                if warm:
                    kernel = _warm_kernel(kernel_key, root, Path(log_dir))
                    kwargs = {"km": kernel.km, "kc": kernel.kc}
                    reset = nbformat.v4.new_code_cell(RESET_SOURCE)
                    reset.metadata["tags"] = [RESET_TAG]
                    source.cells.insert(0, reset)
                nb = papermill.execute_notebook(
                    source, None, parameters=job.parameters, kernel_name="python3",
                    progress_bar=False, log_output=True, cwd=root, start_timeout=KERNEL_START_S, **kwargs)
                break
            except RuntimeError as exc:
                # A kernel that does not start on a loaded machine is not the notebook's fault: retry it.
                if "Kernel didn't respond" not in str(exc) and "Kernel died" not in str(exc):
                    raise
                if warm:
                    _discard_kernel()
                if attempt == KERNEL_ATTEMPTS:
                    raise
                logger.warning("kernel did not start (attempt %d of %d); retrying", attempt, KERNEL_ATTEMPTS)
        text = nbformat.writes(finalize(nb, job, digest)) + "\n"
        return {"status": "executed", "notebook": text, "seconds": time.perf_counter() - start,
                "log": buffer.getvalue()}
    except Exception as exc:  # any failure becomes a marked page, never a missing one
        logger.error("job %s failed:\n%s", job.name, traceback.format_exc())
        partial = getattr(exc, "nb", None)
        if warm:
            _discard_kernel()  # whatever state the failure left behind goes with the kernel
        return {"status": "failed", "error": _short_error(exc), "seconds": time.perf_counter() - start,
                "log": buffer.getvalue(), "partial": nbformat.writes(partial) if partial is not None else None}
    finally:
        handler.close()


def _kernel_teardown_plugin():
    """A Dask worker plugin that shuts the warm kernel down with its worker."""
    from distributed import WorkerPlugin

    class KernelTeardown(WorkerPlugin):
        name = "vitale-wijken-kernel"

        def teardown(self, worker) -> None:
            _discard_kernel()

    return KernelTeardown()


# --- in the parent -----------------------------------------------------------------------------------


def _write_result(job: Job, digest: str, out: dict, log_dir: Path) -> Result:
    import nbformat

    log_path = log_dir / f"{job.name}.log"
    write_text_atomic(log_path, out.get("log", ""))
    if out["status"] == "executed":
        write_text_atomic(job.output, out["notebook"])
        return Result(job, "executed", out["seconds"], log=log_path)
    if out.get("partial"):
        write_text_atomic(log_dir / f"{job.name}.failed.ipynb", out["partial"])
    write_text_atomic(job.output, nbformat.writes(failure_page(job, digest, out["error"])) + "\n")
    return Result(job, "failed", out.get("seconds", 0.0), out["error"], log_path)


def _client(scheduler: str | None, workers: int):
    """A Dask client: to an existing scheduler, or to a LocalCluster of this machine."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler, timeout="30s"), None
    # ":0": any free port (None still binds 8787, which another run may hold).
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                           silence_logs=logging.ERROR, worker_dashboard_address=None)
    return Client(cluster), cluster


def run(
    jobs: list[Job],
    reg: Registries,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    warm: bool = True,
    root: Path | None = None,
    log_dir: Path | None = None,
    progress: bool = True,
    log: Callable[[str], None] = print,
) -> list[Result]:
    root = root or project_root()
    log_dir = log_dir or root / "_build" / "logs"
    shared = shared_inputs_digest(root)
    digests = {job.name: job_digest(job, shared, reg) for job in jobs}
    todo = [j for j in jobs if not is_current(j, digests[j.name])]
    results = [Result(j, "cached") for j in jobs if j not in todo]
    if not todo:
        log(f"run: all {len(jobs)} notebooks are up to date; nothing executed")
        return results
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    where = scheduler or f"a local Dask cluster of {workers} worker(s)"
    log(f"run: executing {len(todo)} of {len(jobs)} notebooks on {where}")
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="nb", desc="notebooks", leave=True)
    from distributed import as_completed

    client, cluster = _client(scheduler, workers)
    try:
        client.register_plugin(_kernel_teardown_plugin())
        kernel_key = _kernel_key(shared, reg)
        futures = {client.submit(execute_job, j, digests[j.name], kernel_key, str(log_dir), warm, pure=False,
                                 key=f"{j.name}-{digests[j.name][:12]}"): j for j in todo}
        for fut in as_completed(futures):
            job = futures[fut]
            try:
                out = fut.result()
            except Exception as exc:  # the worker died (KilledWorker) or the cluster went away
                out = {"status": "failed", "error": f"de worker stopte tijdens deze pagina ({_short_error(exc)})",
                       "log": traceback.format_exc()}
            results.append(_write_result(job, digests[job.name], out, log_dir))
            if bar is not None:
                bar.set_postfix_str(job.name)
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        client.close()
        if cluster is not None:
            cluster.close()
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
