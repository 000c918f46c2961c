"""Output schema of actionplan: the pydantic models are its only source.

The JSON Schema committed in ``pipeline/schema/`` is generated from these models
(``actionplan schema``); a test fails when the committed copy is stale.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.version import SCHEMA_VERSION

Response = Literal["agreed", "partly_agreed", "not_agreed"]
ResponseReason = Literal["commissioning", "policy", "operational", "affordability"]
TargetStatus = Literal["planned", "in_progress", "ongoing", "completed"]


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
    """Where the front matter was read: the title's paragraph(s), the date lines."""

    title: Provenance | None = None
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


class Warning(StrictModel):
    message: str = Field(description="What the extractor was unsure of.")
    page: int | None = Field(default=None, description="Page concerned, if known.")


class ActionPlan(StrictModel):
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this schema.")
    source: Source
    plan: PlanInfo = Field(default_factory=PlanInfo)
    recommendations: list[Recommendation] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

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
