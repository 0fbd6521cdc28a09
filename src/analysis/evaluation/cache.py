"""Results derived from a loaded table, remembered for as long as that table lives.

A page evaluates some forty indicators against the same national table; filtering that table
again for every indicator costs more than the page itself. DataFrames cannot be dictionary
keys, so entries are keyed by the table's id and guarded by a weak reference: a new table with
a recycled id never sees another table's results."""

from __future__ import annotations

import weakref
from typing import Any, Callable, Hashable

import pandas as pd

_ENTRIES: dict[int, tuple[weakref.ref, dict[Hashable, Any]]] = {}


def derived(table: pd.DataFrame, key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()`` for ``table`` and ``key``, computed once while ``table`` exists."""
    entry = _ENTRIES.get(id(table))
    if entry is None or entry[0]() is not table:
        for stale in [k for k, (ref, _) in _ENTRIES.items() if ref() is None]:
            del _ENTRIES[stale]
        entry = (weakref.ref(table), {})
        _ENTRIES[id(table)] = entry
    results = entry[1]
    if key not in results:
        results[key] = compute()
    return results[key]
