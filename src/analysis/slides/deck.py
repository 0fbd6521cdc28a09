"""A deck as data (title, slides) and as one reveal.js HTML page."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..format import esc

WIDTH, HEIGHT = 1280, 720  # 16:9; reveal.js scales the slides to the screen and prints them at this size
# reveal.js options: no transitions or hash history to wait for, one PDF page per slide.
REVEAL_OPTIONS = ("{width: %d, height: %d, margin: 0.03, center: false, hash: true, transition: 'none', "
                  "backgroundTransition: 'none', slideNumber: 'c/t', controls: true, progress: true, "
                  "pdfMaxPagesPerSlide: 1, pdfSeparateFragments: false}" % (WIDTH, HEIGHT))
FICTIONAL_LABEL = "Fictief voorbeeld"


@dataclass(frozen=True)
class Slide:
    title: str
    body: str  # HTML
    kind: str = ""  # extra class: "vw-titel", "vw-fictief", ...


@dataclass(frozen=True)
class Deck:
    title: str  # the page title and the H1 of the first slide
    subtitle: str
    slides: list[Slide] = field(default_factory=list)
    intro: str = ""  # HTML under the subtitle on the first slide


def section(slide: Slide, heading: str = "h2") -> str:
    classes = " ".join(c for c in ("vw-dia", slide.kind) if c)
    return f'<section class="{classes}"><{heading}>{esc(slide.title)}</{heading}>{slide.body}</section>'


def deck_html(deck: Deck, static: str) -> str:
    """The deck as a standalone page; ``static`` is the relative path to the site's _static/."""
    first = Slide(deck.title, f'<p class="vw-ondertitel">{esc(deck.subtitle)}</p>{deck.intro}', "vw-titel")
    sections = [section(first, "h1")] + [section(s) for s in deck.slides]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(deck.title)} · presentatie</title>\n"
        f'<link rel="icon" href="{static}/favicon.svg" type="image/svg+xml">\n'
        f'<link rel="stylesheet" href="{static}/slides/reveal.css">\n'
        f'<link rel="stylesheet" href="{static}/slides/white.css">\n'
        f'<link rel="stylesheet" href="{static}/slides/vw-slides.css">\n'
        f'<script src="{static}/vega-bundle.js"></script>\n'
        "</head>\n<body>\n"
        '<div class="reveal"><main class="slides">\n' + "\n".join(sections) + "\n</main></div>\n"
        f'<script src="{static}/slides/reveal.js"></script>\n'
        f"<script>Reveal.initialize({REVEAL_OPTIONS});</script>\n"
        "</body>\n</html>\n"
    )


def table(head: list[str], rows: list[str], caption: str = "", cls: str = "") -> str:
    """A table: header cells as text, rows as ready <tr> markup."""
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    th = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    return f'<table class="vw-dia-tabel {cls}">{cap}<thead><tr>{th}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def fictional_banner(text: str) -> str:
    return f'<p class="vw-fictief-label" role="note"><strong>{FICTIONAL_LABEL}.</strong> {esc(text)}</p>'
