"""The privacy gate: nothing personal may reach the published book.

It runs twice in ``vitale-wijken book``: first on the publishable fieldwork text, before any
notebook runs (``gate_before_run``), and last on every built page and download, HTML, CSV and
PDF text (``gate_after_build``). Any finding stops the build and the built site is removed.

Modules: ``config`` (privacy.yml), ``text`` (normalising; text of HTML, CSV, PDF), ``rules``
(deduce, phonenumbers, python-stdnum, the deny-list and patterns), ``counts`` (participant
counts under 5), ``fieldwork`` (where a text comes from), ``gate`` (the two checkpoints).
"""

from .config import PrivacyConfig, load_config
from .gate import Finding, gate_after_build, gate_before_run, load_rules, report, scan_file
from .rules import Hit, Rules

__all__ = ["Finding", "Hit", "PrivacyConfig", "Rules", "gate_after_build", "gate_before_run", "load_config",
           "load_rules", "report", "scan_file"]
