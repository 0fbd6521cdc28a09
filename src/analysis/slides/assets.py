"""The slide framework in the built site: reveal.js (from npm, ``slides/package.json``) and the
decks' own stylesheet, copied into ``_static/slides/``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..paths import project_root

STATIC_FOLDER = "slides"  # under the site's _static/
OWN_CSS = Path(__file__).with_name("vw-slides.css")
# reveal.js file -> name in _static/slides/ (its licence travels with it)
REVEAL_FILES = {"dist/reveal.js": "reveal.js", "dist/reveal.css": "reveal.css", "dist/theme/white.css": "white.css",
                "LICENSE": "reveal.js-LICENSE.txt"}


class RevealMissing(RuntimeError):
    pass


def reveal_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "slides" / "node_modules" / "reveal.js"


def reveal_version(root: Path | None = None) -> str:
    package = reveal_dir(root) / "package.json"
    if not package.is_file():
        raise RevealMissing(f"reveal.js is not installed ({package} is missing): run `make install` "
                            f"(or `npm ci` in {package.parents[2]})")
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def copy_assets(site: Path, root: Path | None = None) -> list[Path]:
    """Copy reveal.js and the decks' stylesheet into <site>/_static/slides/ (when changed)."""
    reveal_version(root)
    target = Path(site) / "_static" / STATIC_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    sources = {reveal_dir(root) / rel: name for rel, name in REVEAL_FILES.items()} | {OWN_CSS: OWN_CSS.name}
    copied = []
    for src, name in sources.items():
        if not src.is_file():
            raise RevealMissing(f"{src} is missing: reinstall reveal.js with `npm ci` in {reveal_dir(root).parents[1]}")
        dst = target / name
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            shutil.copyfile(src, dst)
            copied.append(dst)
    return copied
