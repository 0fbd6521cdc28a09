"""A small client for the CBS/StatLine OData v3 API (opendata.cbs.nl, dataderden.cbs.nl).

Only what ``data fetch`` needs: paged rows of a table's UntypedDataSet, and the
Key -> Title lists of its dimensions (to filter or label by title).
"""

from __future__ import annotations

from typing import Any

import requests

from .errors import VitaleWijkenError

TIMEOUT_S = 120


class ODataError(VitaleWijkenError):
    """A request to the open-data API failed or answered something unexpected."""


def _get(session: requests.Session, url: str, params: dict[str, str] | None) -> dict[str, Any]:
    try:
        resp = session.get(url, params=params, timeout=TIMEOUT_S)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise ODataError(f"GET {url} failed: {exc}") from exc
    try:
        return resp.json()
    except ValueError as exc:  # requests' JSONDecodeError is a ValueError
        raise ODataError(f"GET {url} did not return JSON") from exc


def rows(
    session: requests.Session,
    catalogus: str,
    tabel: str,
    entity: str = "UntypedDataSet",
    *,
    filter: str | None = None,
    select: list[str] | None = None,
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
        doc = _get(session, url, params)
        if "value" not in doc:
            raise ODataError(f"{url}: response has no 'value'")
        out.extend(doc["value"])
        url = doc.get("odata.nextLink")
        params = None  # the next link carries its own query
    return out


def dimensions(session: requests.Session, catalogus: str, tabel: str) -> list[str]:
    """Keys of the table's dimension columns, in table order."""
    props = rows(session, catalogus, tabel, "DataProperties")
    return [p["Key"] for p in props if str(p.get("Type", "")).endswith("Dimension")]


def titles(session: requests.Session, catalogus: str, tabel: str, dimension: str) -> dict[str, str]:
    """Key -> Title of one dimension. Keys are kept as the API gives them: some are
    space-padded (``'NL01  '``) and a filter must use them exactly."""
    return {str(r["Key"]): str(r["Title"]).strip() for r in rows(session, catalogus, tabel, dimension)}

