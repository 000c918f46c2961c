"""What a sample plan says, written by hand: the documents and the expected JSON come from it.

Each sample is a ``PlanSpec``. The renderers draw the document from it in a given template
style; ``expected_json`` writes what a careful human reader of that document would record.
Expected values (owners split, dates as ISO, statuses) are typed here by hand, never
computed by actionplan's own code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class OwnerSpec:
    raw: str
    role: str | None = None
    person: str | None = None


@dataclass
class ActionSpec:
    text: str  # the action's words, without its number
    number: str | None  # as printed, no brackets/trailing dot ("1", "1.1", "1a"); None: unprinted
    owners_raw: str  # owner cell text for this action, "\n" between lines
    owners: list[OwnerSpec]  # expected split, hand-checked
    target_raw: str  # target cell text, "\n" between lines
    start: str | None  # expected ISO start
    end: str | None  # expected ISO end
    status: str | None  # planned | in_progress | ongoing | completed | None
    expected_number: str | None = None  # what a reader records when number is None (inferred)
    extras: dict[str, str] = field(default_factory=dict)  # extra columns' text (RAG, progress...)


@dataclass
class RecSpec:
    number: str | None  # as printed, without brackets/trailing dot; None when not printed
    text: str
    response_raw: str | None
    response: str | None  # agreed | partly_agreed | not_agreed | None
    actions: list[ActionSpec]
    section: str | None = None
    reason: str | None = None  # explanation printed for partly/not agreed (not an action)
    response_reason: str | None = None  # commissioning | policy | operational | affordability
    expected_number: str | None = None  # inferred number when ``number`` is None
    extras: dict[str, str] = field(default_factory=dict)  # rec-level extra columns' text
    options: dict[str, Any] = field(default_factory=dict)  # per-rec renderer switches


@dataclass
class PlanSpec:
    name: str  # file stem in samples/
    template: str  # renderer style name
    front_matter: list[str]  # paragraphs printed before the table
    headers: list[str]  # column headers as printed
    recs: list[RecSpec]
    title: str | None = None
    organisation: str | None = None
    inspectorate: str | None = None  # "HMI Probation" | "HMI Prisons" | None
    report_published: str | None = None  # YYYY-MM or YYYY-MM-DD
    submitted: str | None = None  # YYYY-MM-DD
    options: dict[str, Any] = field(default_factory=dict)  # renderer switches


def expected_json(spec: PlanSpec) -> dict[str, Any]:
    """The expected output for a sample, in the shape of actionplan's JSON (a subset)."""
    recs = []
    for rec in spec.recs:
        actions = []
        for i, act in enumerate(rec.actions, start=1):
            printed = act.number is not None
            actions.append(
                {
                    "number": act.number if printed else (act.expected_number or str(i)),
                    "number_inferred": not printed,
                    "text": act.text,
                    "owners": [
                        {"raw": o.raw, "role": o.role, "person": o.person} for o in act.owners
                    ],
                    "target": {
                        "raw": act.target_raw,
                        "start": act.start,
                        "end": act.end,
                        "status": act.status,
                    },
                }
            )
        recs.append(
            {
                "number": rec.number if rec.number is not None else rec.expected_number,
                "number_inferred": rec.number is None,
                "text": rec.text,
                "response": rec.response,
                "response_raw": rec.response_raw,
                "response_reason": rec.response_reason,
                "reason": rec.reason,
                "section": rec.section,
                "actions": actions,
            }
        )
    return {
        "plan": {
            "title": spec.title,
            "organisation": spec.organisation,
            "inspectorate": spec.inspectorate,
            "report_published": spec.report_published,
            "submitted": spec.submitted,
        },
        "recommendations": recs,
    }
