"""Audit of plan completeness and of a plan against its inspection report.

Library API::

    from pipeline import audit
    result = audit.audit_plan(plan)              # PlanAudit: score, counts, findings
    result = audit.audit_plan(plan, report)      # with report-* findings
    audit.RULES                                  # every rule: id, severity, description
"""

from pipeline.audit.check import audit_plan
from pipeline.audit.models import (
    Finding,
    InspectionReport,
    PlanAudit,
    ReportRecommendation,
    Severity,
    SeverityCounts,
    audit_json_schema,
    report_json_schema,
)
from pipeline.audit.rules import RULES, Rule

__all__ = [
    "RULES",
    "Finding",
    "InspectionReport",
    "PlanAudit",
    "ReportRecommendation",
    "Rule",
    "Severity",
    "SeverityCounts",
    "audit_json_schema",
    "audit_plan",
    "report_json_schema",
]
