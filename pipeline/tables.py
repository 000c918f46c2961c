"""The flat tables of a dataset (plans, recommendations, actions, owners, errors): one list of
columns per table, each with its header and meaning, and the rows built from plans.

The column lists are the single source of the CSV headers, the workbook's headers and the
column table in the README (a test checks the README against them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pipeline.errors import ErrorKind
from pipeline.models import ActionPlan, Owner, TargetStatus

Kind = Literal["text", "int", "bool", "date", "month"]
PLAN_ID_LENGTH = 16  # hex digits of the SHA-256: unique across any realistic collection
OWNER_JOIN = "; "


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # CSV header, snake_case
    header: str  # workbook header, for people
    kind: Kind
    description: str


@dataclass(frozen=True, slots=True)
class StoredPlan:
    """A plan as the dataset holds it: where it came from and the name of its outputs."""

    plan: ActionPlan
    path: str  # input path relative to the folder it was found in (or its name)
    name: str = ""  # output stem in the folder

    @property
    def plan_id(self) -> str:
        return plan_id(self.plan)


def plan_id(plan: ActionPlan) -> str:
    """Stable id of a plan: the start of its input's SHA-256, so the same bytes keep one id."""
    return plan.source.sha256[:PLAN_ID_LENGTH]


def _c(name: str, header: str, kind: Kind, description: str) -> Column:
    return Column(name, header, kind, description)


# Columns that several tables share, defined once so their meaning cannot drift apart.
_FILE = _c("file", "File", "text", "File name of the input.")
_ORGANISATION = _c("organisation", "Organisation", "text", "The inspected body.")
_INSPECTORATE = _c("inspectorate", "Inspectorate", "text", "HMI Probation or HMI Prisons.")
_REC_NUMBER = _c("rec_number", "Rec no.", "text", "Recommendation number as printed (or inferred).")
_REC_TEXT = _c("rec_text", "Recommendation", "text", "Recommendation text.")
_RESPONSE = _c("response", "Response", "text", "agreed, partly_agreed or not_agreed.")

_WHERE = [
    _c("plan_id", "Plan ID", "text", "Stable id of the plan: first 16 hex digits of the input's "
       "SHA-256; links the tables."),
    _c("path", "Path", "text", "Input path relative to the folder it was found in (the file "
       "name for a file named on the command line)."),
]
_PLAN_FRONT = [
    _ORGANISATION,
    _INSPECTORATE,
    _c("report_published", "Report published", "month", "When the inspection report was "
       "published: YYYY-MM (or YYYY-MM-DD) in CSV; a date cell in the workbook (the 1st of the "
       "month, shown mm/yyyy, when only the month is known)."),
    _c("submitted", "Plan submitted", "date", "Date the plan was submitted or agreed."),
]
_REC = [
    _REC_NUMBER,
    _REC_TEXT,
    _RESPONSE,
]

PLAN_COLUMNS: list[Column] = [
    *_WHERE,
    _FILE,
    _c("format", "Format", "text", "pdf or docx, judged from the file's bytes."),
    _c("pages", "Pages", "int", "Number of pages, if known."),
    _c("title", "Title", "text", "Title line of the plan."),
    *_PLAN_FRONT,
    _c("recommendations", "Recommendations", "int", "Number of recommendations."),
    _c("actions", "Actions", "int", "Number of actions."),
    _c("actions_completed", "Actions completed", "int", "Actions whose target status is "
       "completed."),
    _c("warnings", "Warnings", "int", "Number of warnings (doubts and audit findings)."),
    _c("sha256", "SHA-256", "text", "SHA-256 of the input file's bytes."),
]

RECOMMENDATION_COLUMNS: list[Column] = [
    *_WHERE,
    _FILE,
    _ORGANISATION,
    _INSPECTORATE,
    _REC_NUMBER,
    _c("rec_number_inferred", "Rec no. inferred", "bool", "True when the number was not "
       "printed and comes from order."),
    _REC_TEXT,
    _RESPONSE,
    _c("response_raw", "Response as written", "text", "Agreement cell as written."),
    _c("response_reason", "Reason category", "text", "For partly/not agreed: commissioning, "
       "policy, operational or affordability."),
    _c("reason", "Reason", "text", "Explanation given for a partly/not agreed response."),
    _c("section", "Section", "text", "Section row the recommendation sits under."),
    _c("page", "Page", "int", "Page the recommendation starts on."),
    _c("actions", "Actions", "int", "Number of actions answering it."),
]

ACTION_COLUMNS: list[Column] = [
    *_WHERE,
    _FILE,
    *_PLAN_FRONT,
    *_REC,
    _c("action_number", "Action no.", "text", "Action number as printed (or inferred); empty "
       "on the row of a recommendation without actions."),
    _c("action_text", "Action", "text", "Action text."),
    _c("owners", "Owners", "text", "Owners as written, joined by '; '."),
    _c("owner_roles", "Owner role", "text", "Each owner's role, in the same order, joined by "
       "'; ' (an owner without one leaves an empty place)."),
    _c("owner_persons", "Owner person", "text", "Each owner's named person or initials, "
       "joined the same way."),
    _c("owner_keys", "Owner key", "text", "Each owner's grouping key, joined the same way."),
    _c("target_raw", "Target as written", "text", "Target cell text as written."),
    _c("target_start", "Target start", "date", "First day of the target period."),
    _c("target_end", "Target end", "date", "Last day (deadline) of the target period."),
    _c("target_status", "Status", "text", "planned, in_progress, ongoing or completed."),
    _c("page", "Page", "int", "Page the action starts on."),
]

OWNER_COLUMNS: list[Column] = [
    *_WHERE,
    _ORGANISATION,
    _c("rec_number", "Rec no.", "text", "Recommendation number."),
    _c("action_number", "Action no.", "text", "Action number."),
    _c("owner", "Owner as written", "text", "The owner exactly as written."),
    _c("role", "Owner role", "text", "Role, team or body."),
    _c("person", "Owner person", "text", "Named individual or initials."),
    _c("expansion", "Role expanded", "text", "Expansion of an abbreviated role the document "
       "defines."),
    _c("key", "Owner key", "text", "Canonical key grouping the same owner across actions and "
       "plans."),
    _c("target_end", "Target end", "date", "Deadline of the action."),
    _c("target_status", "Status", "text", "Status of the action."),
]

ERROR_COLUMNS: list[Column] = [
    _c("file", "File", "text", "The input as named on the command line or found in a folder."),
    _c("kind", "Kind", "text",
       "Kind of failure, one of: " + ", ".join(f"`{kind}`" for kind in ErrorKind) + "."),
    _c("reason", "Reason", "text", "One-line reason."),
]

# Table name → (columns, CSV file, workbook sheet).
TABLES: dict[str, tuple[list[Column], str, str]] = {
    "plans": (PLAN_COLUMNS, "plans.csv", "Plans"),
    "recommendations": (RECOMMENDATION_COLUMNS, "recommendations.csv", "Recommendations"),
    "actions": (ACTION_COLUMNS, "actions.csv", "Actions"),
    "owners": (OWNER_COLUMNS, "owners.csv", "Owners"),
    "errors": (ERROR_COLUMNS, "errors.csv", "Errors"),
}


@dataclass(frozen=True, slots=True)
class FailedFile:
    """One input that gave no plan, as listed in errors.csv and the Errors sheet."""

    file: str
    kind: str
    reason: str


def names(columns: list[Column]) -> list[str]:
    return [c.name for c in columns]


def _joined(owners: list[Owner], field: str) -> str | None:
    values = [getattr(o, field) or "" for o in owners]
    return OWNER_JOIN.join(values) if any(values) else None


def _plan_front(stored: StoredPlan) -> dict[str, object]:
    plan = stored.plan
    return {
        "plan_id": stored.plan_id,
        "path": stored.path,
        "file": plan.source.file,
        "organisation": plan.plan.organisation,
        "inspectorate": plan.plan.inspectorate,
        "report_published": plan.plan.report_published,
        "submitted": plan.plan.submitted,
    }


def action_rows(stored: StoredPlan) -> list[dict[str, object]]:
    """One row per action; a recommendation without actions keeps one row with no action."""
    rows: list[dict[str, object]] = []
    front = _plan_front(stored)
    for rec in stored.plan.recommendations:
        base = {**front, "rec_number": rec.number, "rec_text": rec.text,
                "response": rec.response}
        if not rec.actions:
            rows.append({**base, "page": rec.page})
            continue
        for action in rec.actions:
            rows.append({
                **base,
                "action_number": action.number,
                "action_text": action.text,
                "owners": OWNER_JOIN.join(o.raw for o in action.owners) or None,
                "owner_roles": _joined(action.owners, "role"),
                "owner_persons": _joined(action.owners, "person"),
                "owner_keys": _joined(action.owners, "key"),
                "target_raw": action.target.raw,
                "target_start": action.target.start,
                "target_end": action.target.end,
                "target_status": action.target.status,
                "page": action.page,
            })
    return rows


def recommendation_rows(stored: StoredPlan) -> list[dict[str, object]]:
    """One row per recommendation, with its number of actions."""
    front = _plan_front(stored)
    return [
        {
            **front,
            "rec_number": rec.number,
            "rec_number_inferred": rec.number_inferred,
            "rec_text": rec.text,
            "response": rec.response,
            "response_raw": rec.response_raw,
            "response_reason": rec.response_reason,
            "reason": rec.reason,
            "section": rec.section,
            "page": rec.page,
            "actions": len(rec.actions),
        }
        for rec in stored.plan.recommendations
    ]


def owner_rows(stored: StoredPlan) -> list[dict[str, object]]:
    """One row per owner per action."""
    front = _plan_front(stored)
    return [
        {
            **front,
            "rec_number": rec.number,
            "action_number": action.number,
            "owner": owner.raw,
            "role": owner.role,
            "person": owner.person,
            "expansion": owner.expansion,
            "key": owner.key,
            "target_end": action.target.end,
            "target_status": action.target.status,
        }
        for rec in stored.plan.recommendations
        for action in rec.actions
        for owner in action.owners
    ]


def plan_row(stored: StoredPlan) -> dict[str, object]:
    """One row describing a plan: source, front matter and counts."""
    plan = stored.plan
    actions = [a for rec in plan.recommendations for a in rec.actions]
    return {
        **_plan_front(stored),
        "format": plan.source.format,
        "pages": plan.source.pages,
        "title": plan.plan.title,
        "recommendations": len(plan.recommendations),
        "actions": len(actions),
        "actions_completed": sum(1 for a in actions if a.target.status == TargetStatus.COMPLETED),
        "warnings": len(plan.warnings),
        "sha256": plan.source.sha256,
    }


def error_row(failure: FailedFile) -> dict[str, object]:
    return {"file": failure.file, "kind": failure.kind, "reason": failure.reason}


def table_rows(table: str, plans: Iterable[StoredPlan],
               failures: Iterable[FailedFile] = ()) -> list[dict[str, object]]:
    """Rows of one of ``TABLES`` for these plans (or failures, for 'errors')."""
    if table == "errors":
        return [error_row(f) for f in failures]
    build = {"plans": lambda s: [plan_row(s)], "recommendations": recommendation_rows,
             "actions": action_rows, "owners": owner_rows}[table]
    return [row for stored in plans for row in build(stored)]


def month_date(value: str | None) -> dt.date | None:
    """'2020-04' → 1 April 2020; '2020-04-17' → that day; None stays None."""
    if not value:
        return None
    year, month, *day = (int(part) for part in value.split("-"))
    return dt.date(year, month, day[0] if day else 1)


def columns_markdown() -> str:
    """The README's table of every column of every table, generated from the lists above."""
    lines = []
    for table, (columns, csv_name, sheet) in TABLES.items():
        lines += [f"**{csv_name}** (sheet {sheet}{'' if table != 'errors' else ', this run'}):",
                  "", "| column | workbook header | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.header} | {c.description} |" for c in columns]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(columns_markdown(), end="")
