"""A small client for the CBS/StatLine OData v3 API (opendata.cbs.nl, dataderden.cbs.nl).

Why not the ``cbsodata`` package (1.3.5, judged for this project): it sends requests
without a timeout and without retries, opens a new ``Session`` per page (so no retrying
adapter can be mounted), keeps the catalogue as a process-wide setting while this project
reads two catalogues, and ``get_data`` replaces dimension keys by titles (the build needs
the keys: area codes, ``Marges``, ``Leeftijd``) after downloading every dimension list of a
table. What is needed here is small: paged rows with ``odata.nextLink``, dimension and
DataProperties lists, retries with back-off (urllib3's ``Retry``), and errors that name the
table and the request.
"""

from __future__ import annotations

from typing import Any, Callable

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .errors import VitaleWijkenError

TIMEOUT_S = 120


class ODataError(VitaleWijkenError):
    """A request to the open-data API failed or answered something unexpected."""


class NotPublished(ODataError):
    """The API does not know the table (HTTP 404): not (yet) published."""


def session(retries: int = 4, backoff: float = 2.0) -> requests.Session:
    """A session that retries connection errors and 429/5xx answers with exponential back-off."""
    s = requests.Session()
    retry = Retry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff,
                  status_forcelist=(429, 500, 502, 503, 504), allowed_methods=("GET",),
                  raise_on_status=False, respect_retry_after_header=True)
    s.mount("https://", HTTPAdapter(max_retries=retry))
    s.headers["Accept"] = "application/json"
    return s


def _get(sess: requests.Session, url: str, params: dict[str, str] | None, what: str = "") -> dict[str, Any]:
    label = f"{what}: " if what else ""
    try:
        resp = sess.get(url, params=params, timeout=TIMEOUT_S)
    except requests.RequestException as exc:
        raise ODataError(f"{label}GET {url} failed: {exc}") from exc
    if resp.status_code == 404:
        raise NotPublished(f"{label}GET {resp.url} answered 404 (table or endpoint not published)")
    try:
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise ODataError(f"{label}GET {resp.url} failed: {exc}") from exc
    try:
        return resp.json()
    except ValueError as exc:  # requests' JSONDecodeError is a ValueError
        raise ODataError(f"{label}GET {resp.url} did not return complete JSON (truncated or not JSON)") from exc


def rows(
    sess: requests.Session,
    catalogus: str,
    tabel: str,
    entity: str = "UntypedDataSet",
    *,
    filter: str | None = None,
    select: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[dict[str, Any]]:
    """All rows of ``entity``, following ``odata.nextLink`` pages."""
    url: str | None = f"{catalogus.rstrip('/')}/{tabel}/{entity}"
    params: dict[str, str] | None = {"$format": "json"}
    if filter:
        params["$filter"] = filter
    if select:
        params["$select"] = ",".join(select)
    out: list[dict[str, Any]] = []
    while url:
        doc = _get(sess, url, params, tabel)
        if not isinstance(doc, dict) or "value" not in doc or not isinstance(doc["value"], list):
            raise ODataError(f"{tabel}: {url}: response has no 'value'")
        out.extend(doc["value"])
        if progress:
            progress(len(out))
        url = doc.get("odata.nextLink")
        params = None  # the next link carries its own query
    return out


def dimensions(sess: requests.Session, catalogus: str, tabel: str) -> list[str]:
    """Keys of the table's dimension columns, in table order."""
    props = rows(sess, catalogus, tabel, "DataProperties")
    return [p["Key"] for p in props if str(p.get("Type", "")).endswith("Dimension")]


def titles(sess: requests.Session, catalogus: str, tabel: str, dimension: str) -> dict[str, str]:
    """Key -> Title of one dimension. Keys are kept as the API gives them: some are
    space-padded (``'NL01  '``) and a filter must use them exactly."""
    return {str(r["Key"]): str(r["Title"]).strip() for r in rows(sess, catalogus, tabel, dimension)}
