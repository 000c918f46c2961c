"""Shorthands for writing sample specs by hand (no specs here; every value is still typed)."""

from __future__ import annotations

from scripts.samples.spec import ActionSpec, OwnerSpec

SPECS: list = []


def o(raw: str, role: str | None = None, person: str | None = None) -> OwnerSpec:
    """One expected owner; ``role`` defaults to the raw text when no person is named."""
    if role is None and person is None:
        role = raw
    return OwnerSpec(raw=raw, role=role, person=person)


def a(
    number: str | None,
    text: str,
    owners_raw: str,
    owners: list[OwnerSpec],
    target_raw: str,
    start: str | None,
    end: str | None,
    status: str | None,
    **kwargs: object,
) -> ActionSpec:
    """One action, arguments in the order a reader meets them in the row."""
    return ActionSpec(
        text=text,
        number=number,
        owners_raw=owners_raw,
        owners=owners,
        target_raw=target_raw,
        start=start,
        end=end,
        status=status,
        **kwargs,  # type: ignore[arg-type]
    )


HMPPS_DEFINITIONS = [
    ["Term", "Definition", "Additional comment"],
    [
        "Agreed",
        "All of the recommendation is agreed with, can be achieved and is affordable.",
        "The response should clearly explain how the recommendation will be achieved along with "
        "timescales. Actions should be as SMART (Specific, Measurable, Achievable, Realistic and "
        "Time-bound) as possible. Actions should be specific enough to be tracked for progress.",
    ],
    [
        "Partly Agreed",
        "Only part of the recommendation is agreed with, is achievable, affordable and will be "
        "implemented. This might be because we cannot implement the whole recommendation because "
        "of commissioning, policy, operational or affordability reasons.",
        "The response must state clearly which part of the recommendation will be implemented "
        "along with SMART actions and tracked for progress. There must be an explanation of why "
        "we cannot fully agree the recommendation - this must state clearly whether this is due "
        "to commissioning, policy, operational or affordability reasons.",
    ],
    [
        "Not Agreed",
        "The recommendation is not agreed and will not be implemented. This might be because of "
        "commissioning, policy, operational or affordability reasons.",
        "The response must clearly state the reasons why we have chosen this option. There must "
        "be an explanation of why we cannot agree the recommendation - this must state clearly "
        "whether this is due to commissioning, policy, operational or affordability reasons.",
    ],
]

HMPPS_INTRO = [
    "Her Majesty's Inspectorate of Probation is the independent inspector of youth offending and "
    "probation services in England and Wales. It reports on the effectiveness of probation and "
    "youth offending service work with adults and children.",
    "In response to the report, HMPPS/MoJ are required to draft a robust and timely action plan "
    "to address the recommendations. The action plan confirms whether recommendations are "
    "agreed, partly agreed or not agreed (see categorisations below). Where a recommendation is "
    "agreed or partly agreed, the action plan provides specific steps and actions to address "
    "these. Actions are clear, measurable, achievable and relevant with the owner and timescale "
    "of each step clearly identified. Action plans are published on the HMPPS website.",
]

HMPPS_HEADERS = [
    "1. Rec No",
    "2. Recommendation",
    "3. Agreed/ Partly Agreed/ Not Agreed",
    "4. Response Action Taken/Planned",
    "5. Responsible Owner (including named individuals and their functional role or department)",
    "6. Target Date",
]

HMPPS_OPTIONS = {
    "columns": ["rec_no", "rec_text", "response", "action_no", "action", "owner", "target"],
    "widths": [1.5, 5.0, 2.3, 0.9, 9.4, 4.2, 2.6],
    "header_spans": {3: 2},
    "tables": {"definitions": {"rows": HMPPS_DEFINITIONS, "widths": [3.5, 10.5, 12.0]}},
}
