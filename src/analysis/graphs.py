"""Transitive closure of a small directed graph (code hierarchies, framework links)."""

from __future__ import annotations

from typing import Iterable, Mapping


def closure(edges: Mapping[str, Iterable[str]], nodes: Iterable[str]) -> dict[str, set[str]]:
    """node -> every node reachable from it along ``edges`` (not including itself unless on a cycle)."""
    out = {}
    for start in nodes:
        seen: set[str] = set()
        stack = list(edges.get(start, ()))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(edges.get(node, ()))
        out[start] = seen
    return out
