"""Numbers the document left out: inferred from the printed siblings' scheme, else from order."""

from __future__ import annotations

import pytest

from extractors.layout import Document
from pipeline.assemble import DraftAction, DraftRec
from pipeline.finalise import finalise
from pipeline.models import PlanInfo, Source, WarningCode


def _action_numbers(printed: list[str | None]) -> list[tuple[str, bool]]:
    rec = DraftRec(number="4", texts=["The service should improve the work."],
                   response=["Agreed"], section=None, page=1,
                   actions=[DraftAction(number=n, texts=[f"Action {i}."])
                            for i, n in enumerate(printed)])
    source = Source(file="plan.pdf", format="pdf", sha256="0" * 64, pages=1)
    warnings: list = []
    document = Document(path="plan.pdf", format="pdf", blocks=[])
    plan = finalise([rec], PlanInfo(), source, document, warnings)
    assert all(w.code != WarningCode.NUMBER_INFERRED for w in warnings)  # recs only
    return [(a.number, a.number_inferred) for a in plan.recommendations[0].actions]


@pytest.mark.parametrize(
    ("printed", "numbers"),
    [
        # The first action of a recommendation is often unnumbered.
        ([None, "4b", "4c"], [("4a", True), ("4b", False), ("4c", False)]),
        ([None, "4.2", "4.3"], [("4.1", True), ("4.2", False), ("4.3", False)]),
        ([None, "b"], [("a", True), ("b", False)]),
        ([None, "2", "3"], [("1", True), ("2", False), ("3", False)]),
        # A gap takes the scheme of the sibling before it.
        (["4a", None, "4c"], [("4a", False), ("4b", True), ("4c", False)]),
        (["1", "2", None], [("1", False), ("2", False), ("3", True)]),
        # No printed sibling, or a scheme with no place left: the action's place.
        ([None, None], [("1", True), ("2", True)]),
        ([None, "1"], [("1", True), ("1", False)]),
        ([None, "ii"], [("1", True), ("ii", False)]),
    ],
)
def test_missing_action_numbers_follow_the_printed_scheme(printed, numbers) -> None:
    assert _action_numbers(printed) == numbers
