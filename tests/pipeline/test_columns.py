"""Column meaning from header words: every variant in the formats reference, table-driven."""

from __future__ import annotations

import pytest

from pipeline.columns import (
    Role,
    action_wording,
    classify_header,
    extra_meaning,
    header_score,
    header_text,
)

# Variants from shared/reference/action-plan-formats.md ("Column headers seen"), plus the
# numbered and line-broken forms real plans print.
HEADERS: list[tuple[str, Role]] = [
    # rec number
    ("Rec No", Role.REC_NO),
    ("1. Rec No", Role.REC_NO),
    ("1. Rec. No.", Role.REC_NO),
    ("No.", Role.REC_NO),
    ("Ref", Role.REC_NO),
    ("Ref No", Role.REC_NO),
    ("Rec\nNo", Role.REC_NO),
    ("Recommendation No.", Role.REC_NO),
    # recommendation
    ("Recommendation", Role.RECOMMENDATION),
    ("2. Recommendation", Role.RECOMMENDATION),
    ("AREA REQUIRING IMPROVEMENT (Recommendations)", Role.RECOMMENDATION),
    ("Area requiring improvement (Recommendations)", Role.RECOMMENDATION),
    ("Key concerns and recommendations", Role.RECOMMENDATION),
    # agreement
    ("Agreed/ Partly Agreed/ Not Agreed", Role.RESPONSE),
    ("3. Agreed/ Partly Agreed/ Not Agreed", Role.RESPONSE),
    ("3. Accepted/ Rejected", Role.RESPONSE),
    ("Accepted / Rejected", Role.RESPONSE),
    ("Accepted / Partly accepted / Not accepted", Role.RESPONSE),
    # actions
    ("Response Action Taken/Planned", Role.ACTION),
    ("4. Response", Role.ACTION),
    ("4. Response Action Taken/Planned", Role.ACTION),
    ("Action Taken/Planned", Role.ACTION),
    ("Action Required", Role.ACTION),
    ("Actions to be taken", Role.ACTION),
    # owner
    ("Responsible Owner (including named individuals and their functional role or department)",
     Role.OWNER),
    ("5. Responsible Owner (including named individuals and their functional role or "
     "department)", Role.OWNER),
    ("Function Responsible/ Policy Lead", Role.OWNER),
    ("Lead Officer", Role.OWNER),
    ("Lead Officer / Agency", Role.OWNER),
    ("Lead", Role.OWNER),
    ("Owner", Role.OWNER),
    # target date
    ("Target Date", Role.TARGET),
    ("6. Target Date", Role.TARGET),
    ("Target\nDate", Role.TARGET),
    ("Timescale", Role.TARGET),
    ("Planned Completion Date", Role.TARGET),
    ("Deadline", Role.TARGET),
    # extras: never actions or owners
    ("RAG", Role.EXTRA),
    ("Progress against agreed action and impact monitoring", Role.EXTRA),
    ("Progress update", Role.EXTRA),
    ("Success measure / evidence", Role.EXTRA),
    ("Agency", Role.EXTRA),
    ("Desired outcome", Role.EXTRA),
    ("Additional comment", Role.EXTRA),
    ("STATUS OF THIS RETURN", Role.EXTRA),
    # plain-English headers of local plans
    ("What we will do", Role.ACTION),
    ("Led by", Role.OWNER),
    ("By when", Role.TARGET),
    ("How we will know it has worked", Role.EXTRA),
    ("How will we know we have succeeded?", Role.EXTRA),
    ("Lead agency", Role.OWNER),
    ("Responsible", Role.OWNER),
    ("Person responsible", Role.OWNER),
    ("Timescale for completion", Role.TARGET),
    ("Key tasks", Role.ACTION),
    ("What will be different", Role.EXTRA),
]


@pytest.mark.parametrize(("header", "role"), HEADERS, ids=[h for h, _ in HEADERS])
def test_classify_header(header: str, role: Role) -> None:
    assert classify_header(header) == role


@pytest.mark.parametrize("header", ["", "   ", "\n", "Term", "Definition", "TIMETABLE", "1."])
def test_headers_that_say_nothing(header: str) -> None:
    assert classify_header(header) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1. Rec No", "rec no"),
        ("4. Response\nAction Taken/Planned", "response action taken/planned"),
        ("  6)  Target   Date ", "target date"),
        ("a) Owner", "owner"),
        ("RAG", "rag"),
        ("Recommendation", "recommendation"),
    ],
)
def test_header_text_drops_numbering_and_line_breaks(text: str, words: str) -> None:
    assert header_text(text) == words


def test_header_numbering_is_not_confused_with_a_number_header() -> None:
    # "1. Rec No" loses its "1." but keeps its own "No".
    assert header_text("1. Rec. No.") == "rec. no."
    assert classify_header("12. Recommendation") == Role.RECOMMENDATION


@pytest.mark.parametrize(
    ("roles", "score"),
    [
        # The Durham Tees Valley header: six roles.
        ([Role.REC_NO, Role.RECOMMENDATION, Role.RESPONSE, Role.ACTION, Role.OWNER,
          Role.TARGET], 6),
        # Extras and unknown columns add nothing.
        ([Role.REC_NO, Role.RECOMMENDATION, Role.ACTION, Role.OWNER, Role.TARGET, Role.EXTRA,
          None], 5),
        # A youth plan without an agreement column.
        ([Role.REC_NO, Role.RECOMMENDATION, Role.ACTION, Role.OWNER, Role.TARGET], 5),
        # Only a rec number and a date still reads as a plan.
        ([Role.REC_NO, Role.TARGET], 2),
        # Definitions table: nothing.
        ([None, None, Role.EXTRA], 0),
        # A cover table with a date column but no recommendation side.
        ([None, Role.TARGET, Role.EXTRA], 0),
        # Recommendations with only an agreement column: no action side.
        ([Role.REC_NO, Role.RECOMMENDATION, Role.RESPONSE], 0),
        ([], 0),
    ],
)
def test_header_score(roles: list[Role | None], score: int) -> None:
    assert header_score(roles) == score


def test_cover_and_definitions_headers_score_zero() -> None:
    cover = [classify_header(t) for t in ["TIMETABLE", "DATE", "STATUS OF THIS RETURN"]]
    definitions = [classify_header(t) for t in ["Term", "Definition", "Additional comment"]]
    assert header_score(cover) == 0
    assert header_score(definitions) == 0


def test_real_headers_score_as_plans() -> None:
    youth = ["No.", "Area requiring improvement (Recommendations)", "Action Required",
             "Lead Officer / Agency", "Deadline", "Progress update"]
    roles = [classify_header(t) for t in youth]
    assert roles == [Role.REC_NO, Role.RECOMMENDATION, Role.ACTION, Role.OWNER, Role.TARGET,
                     Role.EXTRA]
    assert header_score(roles) == 5


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("Progress update", "progress"),
        ("Progress against agreed action and impact monitoring", "progress"),
        ("Success measure / evidence", "success_measure"),
        ("How we will know it has worked", "success_measure"),
        ("Desired outcome", "outcome"),
        ("RAG", "rag"),
        ("Agency", "agency"),
        ("Additional comment", "comment"),
        ("What we will do", None),
    ],
)
def test_extra_columns_have_a_meaning_of_their_own(header: str, meaning: str | None) -> None:
    assert extra_meaning(header) == meaning


def test_plainest_action_header_wins() -> None:
    ranks = [action_wording(h) for h in ("Action taken/planned", "What we will do",
                                         "Response", "Steps planned")]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[-1] == 0
