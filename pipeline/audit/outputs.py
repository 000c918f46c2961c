"""The audit's combined outputs: ``audit.csv`` and the ``Audit`` sheet of ``plans.xlsx``.

Both go through the project's spreadsheet safety (``pipeline.spreadsheet_safety`` via the
export writers): a message quoting document text never becomes a formula or a link. The
score is written as text ("97.5") so every cell of the sheet but the page is a string.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from pipeline.audit.models import PlanAudit
from pipeline.tables import Column

AUDIT_CSV = "audit.csv"
AUDIT_SHEET = "Audit"

AUDIT_COLUMNS: list[Column] = [
    Column("file", "File", "text", "File name of the plan."),
    Column("organisation", "Organisation", "text", "The inspected body."),
    Column("score", "Score", "text", "Completeness score of the plan, 0-100."),
    Column("rule", "Rule", "text", "Rule id (actionplan audit --rules)."),
    Column("severity", "Severity", "text", "error, warning or advice."),
    Column("recommendation", "Rec no.", "text", "Recommendation number as printed."),
    Column("action", "Action no.", "text", "Action number as printed, or its position."),
    Column("page", "Page", "int", "Page concerned."),
    Column("message", "Finding", "text", "What is wrong."),
    Column("report", "Report", "text", "Inspection report compared, if any."),
]


def audit_rows(audits: Iterable[PlanAudit]) -> list[dict[str, object]]:
    """One row per finding, plans in the order given."""
    return [
        {
            "file": audit.file, "organisation": audit.organisation,
            "score": f"{audit.score:.1f}", "rule": f.rule, "severity": f.severity,
            "recommendation": f.recommendation, "action": f.action, "page": f.page,
            "message": f.message, "report": audit.report,
        }
        for audit in audits
        for f in audit.findings
    ]


def write_audit_csv(audits: Iterable[PlanAudit], path: Path) -> None:
    """``audit.csv``: one row per finding, cells neutralised against formula injection."""
    from pipeline.export import CSV_ENCODING, atomic_text
    from pipeline.spreadsheet_safety import CSV_QUOTING, safe_csv_row

    with atomic_text(path, encoding=CSV_ENCODING) as fh:
        writer = csv.writer(fh, quoting=CSV_QUOTING, lineterminator="\r\n")
        writer.writerow(safe_csv_row(c.name for c in AUDIT_COLUMNS))
        for row in audit_rows(audits):
            writer.writerow(safe_csv_row("" if row[c.name] is None else row[c.name]
                                         for c in AUDIT_COLUMNS))
