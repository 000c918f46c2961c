"""The completeness score: formula, bounds, and the promise that no errors means >= 90."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.audit import audit_plan
from pipeline.audit.score import completeness_score
from tests.pipeline.audit.plans import act, plan, rec


@pytest.mark.parametrize(("results", "score"), [
    ([], 100.0),
    ([("error", True), ("warning", True), ("advice", True)], 100.0),
    ([("error", False)], 10.0),
    ([("error", True), ("error", False)], 55.0),
    ([("error", True), ("warning", False)], 90.0),
    # warnings weigh 3, advice 1: 10 * 3/4
    ([("warning", True), ("advice", False)], 97.5),
    ([("warning", False), ("advice", True)], 92.5),
])
def test_formula(results, score) -> None:
    assert completeness_score(results) == score


@given(st.lists(st.tuples(st.sampled_from(["warning", "advice"]), st.booleans())),
       st.integers(min_value=0, max_value=50))
def test_no_failed_error_check_scores_at_least_90(others, errors_passed) -> None:
    results = [("error", True)] * errors_passed + others
    assert 90.0 <= completeness_score(results) <= 100.0


def test_a_plan_with_errors_scores_below_one_without() -> None:
    clean = audit_plan(plan(rec("1"), rec("2")))
    broken = audit_plan(plan(rec("1", actions=[act("1", owners=())]), rec("2")))
    assert clean.score == 100.0
    assert broken.counts.error == 1 and broken.score < 90.0
    assert broken.counts.model_dump() == {"error": 1, "warning": 0, "advice": 0}
