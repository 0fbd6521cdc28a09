"""Errors that name the file, row and column they are about."""

from __future__ import annotations

from pathlib import Path


class VitaleWijkenError(Exception):
    """Base class for errors the CLI reports without a traceback."""


class SourceError(VitaleWijkenError):
    """Bad input in a source or registry file.

    ``row`` is the row (or record path) as a person would look it up in the file:
    spreadsheet row numbers count the header as row 1, CSV line numbers count every line.
    """

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        row: int | str | None = None,
        column: str | None = None,
        details: list[str] | None = None,
    ) -> None:
        self.path = str(path)
        self.row = row
        self.column = column
        self.message = message
        self.details = details or []
        super().__init__(self._render())

    def _render(self) -> str:
        where = [f"file {self.path}"]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = ", ".join(where) + f": {self.message}"
        if self.details:
            text += "\n" + "\n".join(f"  - {d}" for d in self.details)
        return text


class RegistryError(SourceError):
    """A registry (data/*.yml) is malformed or inconsistent."""


class MissingRawDataError(VitaleWijkenError):
    """data/raw/ lacks a file the build needs."""
