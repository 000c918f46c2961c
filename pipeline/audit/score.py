"""Completeness score of a plan, 0-100, from the share of checks passed weighted by severity.

    score = 90 × (error checks passed / error checks)
          + 10 × (weighted warning and advice checks passed / their weight)

with a warning check weighing 3 and an advice check 1; a group with no checks counts as all
passed. So a plan with no error finding scores at least 90, and every error check failed
leaves at most 10. Rules registered with ``scored=False`` (informative) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.audit.models import Severity

ERROR_SHARE = 90.0
WEIGHTS: dict[Severity, float] = {"warning": 3.0, "advice": 1.0}


def completeness_score(results: Iterable[tuple[Severity, bool]]) -> float:
    """Score from (severity, passed) of every scored check, rounded to one decimal."""
    errors_total = errors_passed = 0
    other_total = other_passed = 0.0
    for severity, passed in results:
        if severity == "error":
            errors_total += 1
            errors_passed += passed
        else:
            weight = WEIGHTS[severity]
            other_total += weight
            other_passed += weight * passed
    error_part = ERROR_SHARE * (errors_passed / errors_total if errors_total else 1.0)
    rest = (100.0 - ERROR_SHARE) * (other_passed / other_total if other_total else 1.0)
    return round(error_part + rest, 1)
