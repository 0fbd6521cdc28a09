"""Deterministic, atomic writers for the committed tables in data/processed/.

Deterministic: fixed column order, rows sorted by the caller, numbers formatted the same on
every machine, LF line endings. Atomic: everything is written to a temporary folder next
to the target and moved into place only when all files are complete, so a failed build
leaves the previous tables untouched.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pandas as pd

DECIMALS = 4


def format_number(value: Any) -> str:
    """Empty for missing; integers without a decimal point; otherwise at most 4 decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, (int,)) and not isinstance(value, bool):
        return str(value)
    v = float(value)
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    text = f"{v:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def frame_to_csv_text(df: pd.DataFrame) -> str:
    out = pd.DataFrame(index=df.index)
    for col in df.columns:
        s = df[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            out[col] = [format_number(v) for v in s]
        else:
            out[col] = s.astype(object).where(s.notna(), "").astype(str)
    return out.to_csv(index=False, lineterminator="\n")


def json_text(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def geojson_text(doc: dict[str, Any]) -> str:
    """A FeatureCollection with one feature per line: small diffs when one area changes."""
    head = {k: v for k, v in doc.items() if k != "features"}
    lines = [json.dumps(f, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for f in doc["features"]]
    opening = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":"))[:-1]
    return opening + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class OutputSet:
    """Files staged in a temporary folder; ``commit`` moves them into the target folder."""

    def __init__(self, target: Path):
        self.target = Path(target)
        self.target.mkdir(parents=True, exist_ok=True)
        self.stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.target))
        self.names: list[str] = []

    def write_text(self, name: str, text: str) -> Path:
        path = self.stage / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        self.names.append(name)
        return path

    def write_csv(self, name: str, df: pd.DataFrame) -> Path:
        return self.write_text(name, frame_to_csv_text(df))

    def commit(self) -> list[Path]:
        written = []
        for name in self.names:
            dest = self.target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.stage / name, dest)
            written.append(dest)
        self.discard()
        return written

    def discard(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)


@contextmanager
def staged_outputs(target: Path) -> Iterator[OutputSet]:
    """Stage files; commit them all if the block succeeds, discard them all if it raises."""
    outputs = OutputSet(target)
    try:
        yield outputs
    except BaseException:
        outputs.discard()
        raise
    outputs.commit()


def write_text_atomic(path: Path, text: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes files private; these are published
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
