"""Audit output schema: the pydantic models are its only source.

``pipeline/schema/audit.schema.json`` is generated from these models (``actionplan audit
--schema``, ``make schema``); a test fails when the committed copy is stale.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pipeline.models import StrictModel

AUDIT_SCHEMA_VERSION = "1.0"

Severity = Literal["error", "warning", "advice"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "advice")


class Finding(StrictModel):
    rule: str = Field(description="Rule id, e.g. 'owner-missing' (`actionplan audit --rules`).")
    severity: Severity = Field(description="error | warning | advice, fixed per rule.")
    recommendation: str | None = Field(
        description="Recommendation number as printed (the report's for report-missing); "
        "null when the finding is about the whole plan."
    )
    action: str | None = Field(
        description="Action number as printed, or its position when the plan prints none; "
        "null when the finding is not about one action."
    )
    page: int | None = Field(default=None, description="Page concerned (1-based), if known.")
    message: str = Field(description="What is wrong, in one sentence.")


class SeverityCounts(StrictModel):
    error: int = Field(default=0, ge=0)
    warning: int = Field(default=0, ge=0)
    advice: int = Field(default=0, ge=0)


class ReportRecommendation(StrictModel):
    number: str | None = Field(description="Number as printed (digits, '5.1', 'S40'), or null.")
    text: str = Field(description="Recommendation text without its number and addressee lead-in.")
    addressee: str | None = Field(
        default=None, description="Who the report addresses it to ('HMPPS', 'The governor')."
    )
    section: str | None = Field(default=None, description="Report section it is listed in.")
    reference: str | None = Field(
        default=None, description="Paragraph reference printed with it, e.g. 'S40', '1.46'."
    )
    page: int | None = Field(default=None, description="Page it starts on (1-based), if known.")


class InspectionReport(StrictModel):
    """``<name>.report.json``: the recommendations an inspection report makes."""

    schema_version: str = Field(default=AUDIT_SCHEMA_VERSION)
    file: str = Field(description="File name of the report.")
    organisation: str | None = Field(default=None, description="Inspected body, if found.")
    published: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}$", description="Publication month, YYYY-MM, if found."
    )
    recommendations: list[ReportRecommendation] = Field(default_factory=list)


class PlanAudit(StrictModel):
    """``<name>.audit.json``: the completeness audit of one plan."""

    schema_version: str = Field(default=AUDIT_SCHEMA_VERSION)
    file: str = Field(description="File name of the plan.")
    organisation: str | None = Field(default=None, description="Inspected body of the plan.")
    report: str | None = Field(
        default=None, description="File name of the inspection report compared, if any."
    )
    score: float = Field(ge=0, le=100, description="Completeness score 0-100 (README: formula).")
    checks: int = Field(ge=0, description="Number of checks the rules made on this plan.")
    counts: SeverityCounts = Field(description="Findings per severity.")
    findings: list[Finding] = Field(default_factory=list)


def audit_json_schema() -> dict:
    """JSON Schema of ``<name>.audit.json``, generated from the models."""
    schema = PlanAudit.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://actionplan.invalid/schema/{AUDIT_SCHEMA_VERSION}/audit.schema.json"
    return schema


def report_json_schema() -> dict:
    """JSON Schema of ``<name>.report.json``, generated from the models."""
    schema = InspectionReport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://actionplan.invalid/schema/{AUDIT_SCHEMA_VERSION}/report.schema.json"
    return schema
