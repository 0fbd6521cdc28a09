"""Batch runs on Dask: a wijk profile for any Dutch wijk, the same output from a warm kernel as
from a fresh one, an existing cluster through the ``--scheduler`` path, a worker that dies, a
build stopped with SIGTERM, and a site that holds only the pages that still have a source."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import pytest

from analysis.gebied import resolve, wijken_van
from analysis.runner import _kernel_key, execute_job, job_digest, job_for, plan, run, shared_inputs_digest
from analysis.sitemap import profile_page, site

pytestmark = pytest.mark.slow


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_run_gebied_writes_an_executed_profile_of_any_wijk(root):
    out = root / "book" / "profielen" / "wk034401-2025.ipynb"
    out.unlink(missing_ok=True)
    proc = subprocess.run([sys.executable, "-m", "analysis.cli", "run", "--gebied", "WK034401", "--meting", "2025",
                           "--no-progress", "--jobs", "1"], cwd=root, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    nb = nbformat.read(out, as_version=4)
    assert nb.cells[0].source == "# Wijkprofiel Wijk 01 West (Utrecht) — meting 2025"
    assert nb.metadata["vitale_wijken"]["failed"] is False
    shown = "".join(o.get("data", {}).get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                    for o in c.outputs)
    assert "Wijk 01 West" in shown and "gemeente Utrecht" in shown


def test_a_warm_kernel_gives_the_same_notebook_as_a_fresh_one(reg, root, tmp_path):
    """Two different pages through one warm kernel, then the second again in a fresh kernel."""
    shared = shared_inputs_digest(root)
    key = _kernel_key(shared, reg)
    first = job_for(profile_page(resolve(reg, "WK034402"), 2025), reg, out_root=tmp_path)
    second = job_for(site(reg).page("factsheet-vollenhove-2023"), reg, out_root=tmp_path)
    logs = str(tmp_path / "logs")
    assert execute_job(first, "a", key, logs, warm=True)["status"] == "executed"
    warm = execute_job(second, "b", key, logs, warm=True)
    fresh = execute_job(second, "b", key, logs, warm=False)
    assert warm["status"] == fresh["status"] == "executed", warm.get("error") or fresh.get("error")
    assert warm["notebook"] == fresh["notebook"]


def test_a_small_batch_runs_on_an_existing_cluster_through_the_scheduler_path(reg, root, tmp_path):
    from distributed import LocalCluster

    pages = [profile_page(resolve(reg, code), 2025) for code in ("WK035601", "WK035602", "WK035605")]
    jobs = plan(pages, reg, out_root=tmp_path)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        messages: list[str] = []
        results = run(jobs, reg, scheduler=cluster.scheduler_address, root=root, log_dir=tmp_path / "logs",
                      progress=False, log=messages.append)
        assert cluster.scheduler_address in messages[0]
    assert [r.status for r in results] == ["executed"] * 3
    for job in jobs:
        nb = nbformat.read(job.output, as_version=4)
        assert nb.metadata["vitale_wijken"]["input_hash"] == job_digest(job, shared_inputs_digest(root), reg)
    again = run(jobs, reg, scheduler="tcp://127.0.0.1:1", root=root, log_dir=tmp_path / "logs", progress=False,
                log=lambda s: None)
    assert {r.status for r in again} == {"cached"}, "nothing to do: not even a cluster is contacted"


def test_a_worker_killed_mid_run_loses_only_its_notebook(reg, root, tmp_path):
    """A worker that dies while running a notebook: that page fails (Dask does not retry it here),
    the others are written, and the next run redoes only the lost one."""
    import dask
    from distributed import Client, LocalCluster

    pages = [profile_page(resolve(reg, code), 2025) for code in ("WK030701", "WK030702", "WK030704", "WK030706")]
    jobs = plan(pages, reg, out_root=tmp_path)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        client = Client(cluster)
        victim = next(iter(client.scheduler_info()["workers"]))

        def kill_soon():
            time.sleep(1.5)  # the first notebooks are running by now
            pid = client.run(os.getpid, workers=[victim])[victim]
            os.kill(pid, signal.SIGKILL)

        import threading

        threading.Thread(target=kill_soon, daemon=True).start()
        results = run(jobs, reg, scheduler=cluster.scheduler_address, root=root, log_dir=tmp_path / "logs",
                      progress=False, log=lambda s: None)
        client.close()
    failed = [r for r in results if r.status == "failed"]
    assert 1 <= len(failed) < len(jobs), [(r.job.name, r.status, r.error) for r in results]
    assert all("worker" in r.error for r in failed)
    for r in results:
        meta = json.loads(_text(r.job.output))["metadata"]["vitale_wijken"]
        assert meta["failed"] is (r.status == "failed")
    again = run(jobs, reg, workers=1, root=root, log_dir=tmp_path / "logs", progress=False, log=lambda s: None)
    assert sorted(r.job.name for r in again if r.status == "executed") == sorted(r.job.name for r in failed)


def _processes_with(marker: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if marker.encode() in (proc / "environ").read_bytes():
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


def _copy_project(root: Path, dest: Path) -> Path:
    shutil.copytree(root / "data", dest / "data", ignore=shutil.ignore_patterns("raw"))
    shutil.copytree(root / "notebooks", dest / "notebooks")
    shutil.copytree(root / "book", dest / "book", ignore=shutil.ignore_patterns("factsheets", "verhalen", "profielen",
                                                                                "index.ipynb"))
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(root / name, dest / name)
    return dest


def test_sigterm_stops_the_build_and_leaves_no_process_behind(root, tmp_path):
    proj = _copy_project(root, tmp_path / "proj")
    marker = f"VITALE_WIJKEN_TEST_RUN={uuid.uuid4().hex}"
    env = {**os.environ, "VITALE_WIJKEN_ROOT": str(proj), marker.split("=")[0]: marker.split("=")[1]}
    proc = subprocess.Popen([sys.executable, "-m", "analysis.cli", "book", "--no-progress", "--jobs", "2"], cwd=proj,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 300
    while time.time() < deadline and len(_processes_with(marker)) < 4 and proc.poll() is None:
        time.sleep(0.5)  # the book, the scheduler's workers and their kernels are up
    assert proc.poll() is None, "the build ended before it could be stopped"
    assert len(_processes_with(marker)) >= 4, "no workers started"
    time.sleep(2)
    proc.send_signal(signal.SIGTERM)
    output, _ = proc.communicate(timeout=120)
    assert proc.returncode == 130, output[-2000:]
    deadline = time.time() + 30
    while time.time() < deadline and _processes_with(marker):
        time.sleep(0.5)
    assert not _processes_with(marker), f"left behind: {_processes_with(marker)}"
    book = proj / "book"
    before = {p: p.stat().st_mtime_ns for p in book.rglob("*.ipynb")}
    time.sleep(3)
    after = {p: p.stat().st_mtime_ns for p in book.rglob("*.ipynb")}
    assert before == after, "nothing writes into book/ after the build stopped"


def test_a_deleted_fieldwork_dataset_leaves_the_site(reg, root, built_book, tmp_path, monkeypatch):
    """The site is what the sources are: a page whose source is gone is removed from the build."""
    from analysis.book import build_book
    from analysis.registries import load_registries

    proj = tmp_path / "proj"
    shutil.copytree(root / "data", proj / "data", ignore=shutil.ignore_patterns("raw"))
    shutil.copytree(root / "notebooks", proj / "notebooks")
    shutil.copytree(root / "book", proj / "book")
    shutil.copytree(root / "_build", proj / "_build", ignore=shutil.ignore_patterns("regio", "logs"))
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(root / name, proj / name)
    # the decks bundle reveal.js from the project's slides/node_modules
    shutil.copytree(root / "slides", proj / "slides", ignore=shutil.ignore_patterns("node_modules"))
    (proj / "slides" / "node_modules").symlink_to(root / "slides" / "node_modules")
    stale = proj / "_build" / "html" / "book" / "verhalen" / "vollenhove-2023.html"
    assert stale.exists()
    shutil.rmtree(proj / "data" / "kwalitatief" / "zeist" / "2023")
    monkeypatch.setenv("VITALE_WIJKEN_ROOT", str(proj))
    messages: list[str] = []
    status = build_book(load_registries(proj / "data"), root=proj, workers=2, progress=False, log=messages.append)
    assert status == 0, "\n".join(messages[-30:])
    assert not stale.exists()
    assert not (proj / "book" / "verhalen" / "vollenhove-2023.ipynb").exists()
    assert "verhalen/vollenhove-2023" not in _text(proj / "_toc.yml")
    factsheet = _text(proj / "_build" / "html" / "book" / "factsheets" / "vollenhove-2023.html")
    assert "verhalen/vollenhove-2023" not in factsheet


def test_the_regio_edition_has_a_profile_for_every_wijk_of_the_gemeenten(reg, root, built_book):
    from analysis.book import build_book, site_dir

    messages: list[str] = []
    status = build_book(reg, editie="regio", root=root, workers=2, progress=False, log=messages.append)
    assert status == 0, "\n".join(messages[-30:])
    regio = site_dir(root, "regio")
    profiles = site(reg, "regio").of("profiel")
    assert len(profiles) == sum(len(wijken_van(reg, g.code)) for g in reg.gebieden.gemeenten) == 70
    for page in profiles:
        assert (regio / page.html).exists(), page.key
    overvecht = _text(regio / "book" / "factsheets" / "overvecht-2025.html")
    assert 'href="../profielen/wk034401-2025.html"' in overvecht, "the focus factsheet links the wijk profiles"
    standaard = _text(built_book / "book" / "factsheets" / "overvecht-2025.html")
    assert "profielen/" not in standaard and "Wijk 01 West" in standaard, "plain text where there is no profile"
    assert not (built_book / "book" / "profielen").exists()
