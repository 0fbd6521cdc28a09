"""The evaluation model of issue 9: "did it get better, compared with what?".

One model per area and meting (``evaluate_area``) from which every sentence, table cell,
chart and CSV value of a factsheet is generated. See README.md in this folder for the API
and the rules.

Names are imported lazily (PEP 562): the data builder imports ``margins`` without pulling
in altair or scipy.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AreaEvaluation": "model",
    "BaselineRevision": "baseline",
    "Change": "trend",
    "ChangeSpread": "margins",
    "Claim": "key_findings",
    "ColorScale": "robust",
    "ComparisonGroup": "similarity",
    "ComparisonWijk": "similarity",
    "Contradiction": "key_findings",
    "DerivedMargin": "margins",
    "EvaluationData": "model",
    "FEATURES": "similarity",
    "GroupBand": "similarity",
    "Headline": "key_findings",
    "IndicatorEvaluation": "model",
    "Kind": "kinds",
    "MIN_INWONERS_RATE": "rules",
    "MedianWijk": "robust",
    "MethodSection": "methods",
    "NationalPosition": "position",
    "PartEvaluation": "model",
    "PreTrend": "similarity",
    "RateRatio": "poisson",
    "Rule": "rules",
    "Suppression": "robust",
    "TrendComparison": "trend",
    "Value": "values",
    "ValueIndex": "values",
    "Verdict": "rules",
    "baseline_revisions": "baseline",
    "change_spread": "margins",
    "check_claim": "key_findings",
    "claims_in": "key_findings",
    "clipped_scale": "robust",
    "comparison_group": "model",
    "decimals_for": "text",
    "evaluate_area": "model",
    "evaluate_indicator": "model",
    "figure_kind": "kinds",
    "find_contradictions": "key_findings",
    "evaluation_rows": "export",
    "fmt_change": "text",
    "fmt_value": "text",
    "focus_evaluations": "methods",
    "focus_exclusions": "similarity",
    "gemeente_median_wijk": "robust",
    "glance_chart": "glance",
    "glance_data": "glance",
    "glance_text": "glance",
    "group_band": "similarity",
    "headlines": "key_findings",
    "margins_lookup": "margins",
    "method_sections": "methods",
    "national_position": "position",
    "national_strip_chart": "glance",
    "percentile_of": "position",
    "pretrend_chart": "glance",
    "pre_trend": "similarity",
    "quantile_scale": "robust",
    "rate_by_population": "robust",
    "rate_ratio": "poisson",
    "select_comparison_wijken": "similarity",
    "strip_data": "glance",
    "suppressed_rates": "robust",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
