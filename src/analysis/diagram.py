"""Framework diagrams drawn by Graphviz (``dot``, from Debian's graphviz package) as inline
SVG, top to bottom so that they stay readable on a phone: the SVG keeps a minimum width
inside a horizontally scrollable box instead of shrinking its text to nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap

from .denkkader import BLOCK_NAME, ELEMENT_LABEL, ORDER, Denkkader
from .format import esc

FILL = {"input": "#f0f0f0", "activiteit": "#dbe9f6", "output": "#e8f3e8", "outcome": "#fdebd3", "impact": "#f6dfe9",
        "doel": "#fdebd3"}
WRAP = 20
# The smallest scale at which the diagram's text (14 pt in dot) stays readable.
MIN_SCALE = 0.8


class GraphvizMissing(RuntimeError):
    pass


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(kind: str, text: str) -> str:
    lines = textwrap.wrap(text, WRAP) or [""]
    return "\\n".join([ELEMENT_LABEL[kind].upper(), *[line.replace('"', '\\"') for line in lines]])


def dot_source(kader: Denkkader, title: str) -> str:
    """The framework as a Graphviz graph: one cluster per block, elements ranked by kind."""
    order = ORDER[kader.soort]
    lines = [
        "digraph denkkader {",
        '  graph [rankdir=TB, fontname="DejaVu Sans", fontsize=14, nodesep=0.25, ranksep=0.45, '
        'labeljust=l, pad=0.2, bgcolor="white"];',
        '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=13, margin="0.12,0.06", '
        'color="#666666"];',
        '  edge [color="#555555", arrowsize=0.7];',
        f"  label={_quote(title)}; labelloc=t;",
    ]
    for b in kader.blokken:
        lines.append(f"  subgraph cluster_{b.id.replace('-', '_')} {{")
        lines.append(f'    label={_quote(BLOCK_NAME[kader.soort].capitalize() + ": " + b.titel)}; '
                     f'style="rounded"; color="#9aa5b1"; fontsize=14;')
        for kind in order:
            members = [e for e in b.elementen if e.soort == kind]
            if not members:
                continue
            for e in members:
                goal = kader.is_goal(e)
                attrs = [f'label="{_label(e.soort, e.tekst)}"', f'fillcolor="{FILL[e.soort]}"']
                if goal:
                    attrs += ['penwidth=2.5', 'color="#1a1a1a"']
                lines.append(f"    {_quote(e.id)} [{', '.join(attrs)}];")
            lines.append("    { rank=same; " + " ".join(_quote(e.id) for e in members) + " }")
        lines.append("  }")
    for b in kader.blokken:
        for e in b.elementen:
            for t in e.naar:
                lines.append(f"  {_quote(e.id)} -> {_quote(t)};")
    # Stack the blocks vertically with invisible edges: a tall, narrow figure reads on a phone.
    for above, below in zip(kader.blokken, kader.blokken[1:]):
        last = max(above.elementen, key=lambda e: order.index(e.soort))
        first = min(below.elementen, key=lambda e: order.index(e.soort))
        lines.append(f"  {_quote(last.id)} -> {_quote(first.id)} [style=invis, weight=10];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_svg(source: str) -> str:
    exe = shutil.which("dot")
    if exe is None:
        raise GraphvizMissing("Graphviz is not installed (`dot` not found): install Debian's graphviz package "
                              "(`make book` does this when it can)")
    proc = subprocess.run([exe, "-Tsvg"], input=source, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"dot failed: {proc.stderr.strip()}")
    return proc.stdout


def inline_svg(svg: str, label: str) -> tuple[str, float]:
    """Strip the XML prologue, make the SVG scale with CSS, and name it for screen readers.
    Returns (markup, natural width in px)."""
    svg = svg[svg.index("<svg"):]
    width_pt = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
    svg = re.sub(r'\swidth="[\d.]+pt"\s+height="[\d.]+pt"', "", svg, count=1)
    svg = svg.replace("<svg", f'<svg role="img" aria-label="{esc(label)}" class="vw-diagram-svg"', 1)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    return svg.strip(), width_pt * 96 / 72


def diagram_html(kader: Denkkader, title: str) -> str:
    """The diagram in a scroll box: full width on a desktop, never narrower than MIN_SCALE of
    its natural size (so a phone scrolls sideways rather than shrinking the text)."""
    svg, natural = inline_svg(render_svg(dot_source(kader, title)), title)
    min_width = round(natural * MIN_SCALE)
    return (f'<div class="vw-diagram" role="figure" aria-label="{esc(title)}">'
            f'<div class="vw-diagram-scroll"><div style="min-width:{min_width}px;max-width:{round(natural)}px">'
            f"{svg}</div></div></div>")
