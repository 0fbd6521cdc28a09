"""Slide decks (kennisontsluiting, issue 14): one per focus area and meting, presenting what its
factsheet shows, and one for the monitoringsoverleg with the four areas side by side.

Decks are HTML pages built on reveal.js (npm, ``slides/package.json``), written into the built
site's ``downloads/`` after the Jupyter Book build, with the framework copied into
``_static/slides/``: they load nothing from outside the site. Each deck is also printed to a PDF
by headless Chromium (16:9, one page per slide). Entry point: ``build.build_decks``.
"""
