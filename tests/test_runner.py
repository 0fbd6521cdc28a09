"""Runner details that need no kernel: retries of a kernel that does not start, script
de-duplication in the Sphinx extension."""

from __future__ import annotations

import nbformat
import pytest

from analysis import runner
from analysis.sitemap import site
from analysis.sphinx_ext import dedupe_scripts


def _fake_papermill(monkeypatch, failures: int):
    calls = {"n": 0}

    def execute_notebook(source, output, **kwargs):
        calls["n"] += 1
        if calls["n"] <= failures:
            raise RuntimeError("Kernel didn't respond in 120 seconds")
        return source

    import papermill

    monkeypatch.setattr(papermill, "execute_notebook", execute_notebook)
    return calls


@pytest.mark.parametrize("failures, status", [(0, "executed"), (2, "executed"), (3, "failed")])
def test_a_kernel_that_does_not_start_is_retried(reg, tmp_path, monkeypatch, failures, status):
    calls = _fake_papermill(monkeypatch, failures)
    job = runner.job_for(site(reg).page("factsheet-overvecht-2021"), reg, out_root=tmp_path)
    out = runner.execute_job(job, "digest", "key", str(tmp_path / "logs"), warm=False)
    result = runner._write_result(job, "digest", out, tmp_path / "logs")
    assert result.status == status
    assert calls["n"] == min(failures + 1, runner.KERNEL_ATTEMPTS)
    page = nbformat.read(job.output, as_version=4)
    assert page.metadata["vitale_wijken"]["failed"] is (status == "failed")


def test_duplicate_inline_scripts_are_written_once():
    class Js:
        def __init__(self, filename, **attributes):
            self.filename, self.attributes = filename, attributes

    scripts = [Js("a.js"), Js(None, body="const X = 1;"), Js(None, body="const X = 1;"), Js("a.js"),
               Js(None, body="const Y = 2;")]
    context = {"script_files": scripts}
    dedupe_scripts(None, "p", "page.html", context, None)
    assert [(j.filename, j.attributes.get("body")) for j in context["script_files"]] == [
        ("a.js", None), (None, "const X = 1;"), (None, "const Y = 2;")]
