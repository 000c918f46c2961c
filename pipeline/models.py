"""Output schema of actionplan: the pydantic models are its only source.

The JSON Schema committed in ``pipeline/schema/`` is generated from these models
(``actionplan schema``); a test fails when the committed copy is stale.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.version import SCHEMA_VERSION


class Response(StrEnum):
    """How the inspected body answered a recommendation."""

    AGREED = "agreed"
    PARTLY_AGREED = "partly_agreed"
    NOT_AGREED = "not_agreed"


# The answers that owe a reason (the plan templates ask for one, and the audit checks it).
NOT_FULLY_AGREED = frozenset({Response.PARTLY_AGREED, Response.NOT_AGREED})


class ResponseReason(StrEnum):
    """The category of reason a partly or not agreed answer gives."""

    COMMISSIONING = "commissioning"
    POLICY = "policy"
    OPERATIONAL = "operational"
    AFFORDABILITY = "affordability"


class TargetStatus(StrEnum):
    """Where an action stands: a date with no status word is planned."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    ONGOING = "ongoing"
    COMPLETED = "completed"


class StrictModel(BaseModel):
    """Base for every output model: unknown fields are an error, not silently kept, and a model
    is built once, validated, and never changed afterwards."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(StrictModel):
    file: str = Field(description="File name of the input document.")
    format: Literal["pdf", "docx"] = Field(description="Format judged from the file's bytes.")
    sha256: str = Field(description="SHA-256 of the input file's bytes, hex.")
    pages: int | None = Field(
        description="Number of pages (PDF), or rendered pages recorded in a DOCX if known."
    )
    rotations: dict[int, int] = Field(
        default_factory=dict,
        description="PDF pages read turned from what their /Rotate says (page: the rotation "
        "in degrees they were read as, the frame of their provenance boxes).")


class Box(StrictModel):
    page: int = Field(description="Page the box is on (1-based).")
    x0: float = Field(description="Left edge, PDF points from the page's left.")
    top: float = Field(description="Top edge, PDF points from the page's top (as pdfplumber).")
    x1: float = Field(description="Right edge, PDF points from the page's left.")
    bottom: float = Field(description="Bottom edge, PDF points from the page's top.")


class CellPosition(StrictModel):
    table: int = Field(description="The document's tables (w:tbl, nested ones counted) in "
                       "document order, from 0.")
    row: int = Field(description="The table's rows (w:tr), from 0.")
    cell: int = Field(description="The row's cells (w:tc), from 0.")
    paragraphs: list[int] = Field(
        default_factory=list,
        description="The cell's paragraphs (w:p, nested tables' ones counted) the value is "
        "taken from, from 0.")
    page: int | None = Field(default=None, description="Page where Word recorded the text.")


class Provenance(StrictModel):
    """Where a value was read: boxes on the PDF's pages, or the DOCX table cells."""

    boxes: list[Box] = Field(
        default_factory=list,
        description="PDF: the value's lines, one box per page they are on, in reading order.")
    cells: list[CellPosition] = Field(
        default_factory=list, description="DOCX: the table cells the value is read from.")
    paragraphs: list[int] = Field(
        default_factory=list,
        description="DOCX: body paragraphs outside tables the value is read from, numbered "
        "among the document's w:p elements in document order, from 0.")


class PlanInfoProvenance(StrictModel):
    """Where the front matter was read: the title's paragraph(s), the organisation's line(s),
    the date lines."""

    title: Provenance | None = None
    organisation: Provenance | None = None
    report_published: Provenance | None = None
    submitted: Provenance | None = None


class PlanInfo(StrictModel):
    title: str | None = Field(default=None, description="Title line of the plan, as printed.")
    organisation: str | None = Field(
        default=None, description="The inspected body, e.g. 'Durham Tees Valley CRC', 'HMP Leeds'."
    )
    inspectorate: Literal["HMI Probation", "HMI Prisons"] | None = Field(
        default=None, description="Inspectorate whose report the plan answers."
    )
    report_published: str | None = Field(
        default=None,
        pattern=r"^\d{4}-\d{2}(-\d{2})?$",
        description="When the inspection report was published: YYYY-MM or YYYY-MM-DD.",
    )
    submitted: dt.date | None = Field(
        default=None, description="Date the plan was submitted or agreed."
    )
    provenance: PlanInfoProvenance | None = Field(
        default=None, description="Where each front-matter value was read, when known.")


class Owner(StrictModel):
    raw: str = Field(description="The owner exactly as written (line-wrapping undone).")
    role: str | None = Field(default=None, description="Role, team or body, as written.")
    person: str | None = Field(default=None, description="Named individual or initials, if given.")
    expansion: str | None = Field(
        default=None, description="Expansion of an abbreviated role defined in the document (SLT)."
    )
    key: str | None = Field(
        default=None, description="Canonical key for grouping the same owner across actions/plans."
    )
    provenance: Provenance | None = Field(default=None, description="Where the owner was read.")


class TargetPart(StrictModel):
    label: str | None = Field(default=None, description="What the part applies to, e.g. an area.")
    raw: str = Field(description="The part's text.")
    start: dt.date | None = Field(default=None, description="First day of the part's period.")
    end: dt.date | None = Field(default=None, description="Last day of the part's period.")
    status: TargetStatus | None = Field(default=None, description="Status the part states.")


class Target(StrictModel):
    raw: str | None = Field(default=None, description="Target cell text as written.")
    start: dt.date | None = Field(default=None, description="First day of the target period.")
    end: dt.date | None = Field(default=None, description="Last day (deadline) of the period.")
    status: TargetStatus | None = Field(
        default=None,
        description="planned (a date, no status word), in_progress, ongoing, completed.",
    )
    parts: list[TargetPart] = Field(
        default_factory=list,
        description="Per-area or per-clause parts when the cell mixes several.",
    )
    provenance: Provenance | None = Field(default=None, description="Where the target was read.")


class Action(StrictModel):
    number: str | None = Field(default=None, description="Action number as printed, or inferred.")
    number_inferred: bool = Field(
        default=False, description="True when the number was not printed and comes from order."
    )
    text: str = Field(description="Action text, line-wrapping undone, numbering prefix removed.")
    owners: list[Owner] = Field(default_factory=list, description="Owners of the action.")
    target: Target = Field(default_factory=Target, description="Target date or status.")
    page: int | None = Field(default=None, description="Page the action starts on (1-based).")
    provenance: Provenance | None = Field(
        default=None, description="Where the action's text was read.")


class Recommendation(StrictModel):
    number: str | None = Field(description="Recommendation number as printed, or inferred.")
    number_inferred: bool = Field(
        default=False, description="True when the number was lost and inferred from order."
    )
    text: str = Field(description="Recommendation text, line-wrapping undone.")
    response: Response | None = Field(default=None, description="Normalised agreement.")
    response_raw: str | None = Field(default=None, description="Agreement cell as written.")
    response_reason: ResponseReason | None = Field(
        default=None, description="For partly/not agreed: the category of reason the text states."
    )
    reason: str | None = Field(
        default=None, description="Explanation given for a partly/not agreed response."
    )
    section: str | None = Field(
        default=None, description="Section row the recommendation sits under."
    )
    page: int | None = Field(
        default=None, description="Page the recommendation starts on (1-based)."
    )
    actions: list[Action] = Field(default_factory=list, description="Actions answering it.")
    provenance: Provenance | None = Field(
        default=None, description="Where the recommendation's text was read.")
    response_provenance: Provenance | None = Field(
        default=None, description="Where the agreement (and any reason under it) was read.")


class WarningCode(StrEnum):
    """Every kind of warning a plan can carry, by a stable id to filter on (the message is for
    people and may be reworded). Each code says what it means; the README lists them."""

    meaning: str

    def __new__(cls, value: str, meaning: str) -> WarningCode:
        member = str.__new__(cls, value)
        member._value_ = value
        member.meaning = meaning
        return member

    READER_NOTE = ("reader-note", "the reader saw content it does not read (an embedded "
                   "document, a chart, SmartArt) or a page tree that disagrees with itself")
    NUMBER_INFERRED = ("number-inferred",
                       "a recommendation number was not printed; it was inferred from order")
    RESPONSE_NOT_UNDERSTOOD = ("response-not-understood",
                               "the agreement cell says none of agreed, partly or not agreed")
    REASON_MISSING = ("reason-missing", "a partly or not agreed answer gives no reason")
    OWNER_MISSING = ("owner-missing", "an action has no owner")
    TARGET_MISSING = ("target-missing", "an action has no target date")
    TARGET_REVISED = ("target-revised",
                      "a revised date is the target; the original stays in the raw text")
    TARGET_NOT_UNDERSTOOD = ("target-not-understood", "no date or status was read in a target")
    TARGET_NO_YEAR = ("target-no-year",
                      "a target gives a day or month without a year, and the plan lends none")
    TARGET_YEAR_INFERRED = ("target-year-inferred",
                            "a target's missing year was taken from the plan's other dates")
    TARGET_RANGE_REVERSED = ("target-range-reversed", "a target range ends before it starts")
    TARGET_WORDS_IGNORED = ("target-words-ignored",
                            "a target's dates were read, but some words beside them were not")
    TARGET_SHORTHAND = ("target-shorthand", "shorthand read one way: 'Dec 20' as a month and "
                        "two-digit year, 'Q3 2020' as a calendar (not financial) quarter")
    TARGET_STACKED = ("target-stacked",
                      "several dates stacked in one target; their span was taken")


class PlanWarning(StrictModel):
    code: WarningCode | None = Field(
        default=None,
        description="Kind of warning, a stable id to filter on; always set since schema 1.1 "
                    "(null only in plans written before).",
    )
    message: str = Field(description="What the extractor was unsure of.")
    page: int | None = Field(default=None, description="Page concerned, if known.")


class ActionPlan(StrictModel):
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this schema.")
    source: Source
    plan: PlanInfo = Field(default_factory=PlanInfo)
    recommendations: list[Recommendation] = Field(default_factory=list)
    warnings: list[PlanWarning] = Field(default_factory=list)

    def to_frames(self) -> dict:
        """The plan as pandas DataFrames ('plans', 'recommendations', 'actions', 'owners'),
        the same tables as the CSV files, with datetime64 date columns."""
        from pipeline.export import plan_frames  # pandas only when asked for

        return plan_frames(self)


def json_schema() -> dict:
    """JSON Schema of the output document, generated from the models."""
    schema = ActionPlan.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://actionplan.invalid/schema/{SCHEMA_VERSION}/actionplan.schema.json"
    return schema


def warning_codes_markdown() -> str:
    """The README's table of warning codes, generated from ``WarningCode``."""
    rows = [f"| `{code}` | {code.meaning} |" for code in WarningCode]
    return "\n".join(["| code | meaning |", "|---|---|", *rows, ""])
