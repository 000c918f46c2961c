"""Inspection reports for the audit: read one into an ``InspectionReport``, and pair plans with
the reports of a folder by inspected body and publication month.

Reading runs the same safety checks as plan extraction (``extractors.guard``), then the
document's reader and ``extractors.report``; bad input is one ``ActionPlanError`` line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from extractors import READERS
from extractors.guard import check_pdf, check_zip
from extractors.report import find_recommendations
from extractors.sniff import detect_format
from pipeline.audit.models import InspectionReport, ReportRecommendation
from pipeline.errors import ActionPlanError, reader_error
from pipeline.frontmatter import read_front_matter
from pipeline.models import ActionPlan
from pipeline.text import mend_cut_words

Pairing = Callable[[list[tuple[str, ActionPlan]]],
                   tuple[dict[str, InspectionReport], list[str]]]

REPORT_SUFFIX = ".report.json"
REPORT_FORMATS = (".pdf", ".docx")
# Words that name the kind of body, not which one: "HMP Leeds" and "Leeds prison" are Leeds.
_GENERIC = frozenset({
    "hmp", "hmyoi", "yoi", "hm", "prison", "the", "of", "and", "crc", "community",
    "rehabilitation", "company", "nps", "national", "probation", "service", "division",
    "youth", "offending", "justice", "team", "partnership", "pdu", "delivery", "unit", "yos",
    "yot", "yjs", "region", "in", "for", "&",
})


def read_report(path: Path) -> InspectionReport:
    """The recommendations of one inspection report (PDF or .docx)."""
    fmt = detect_format(path)
    if fmt not in READERS:
        raise ActionPlanError("not a PDF or DOCX inspection report", path=str(path))
    try:
        (check_pdf if fmt == "pdf" else check_zip)(path)
        document = READERS[fmt](path)
    except ActionPlanError:
        raise
    except Exception as exc:
        mapped = reader_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc
    mend_cut_words(document)
    info = read_front_matter(document)
    items = find_recommendations(document)
    return InspectionReport(
        file=path.name, organisation=info.organisation,
        published=info.report_published[:7] if info.report_published else None,
        recommendations=[ReportRecommendation(
            number=i.number, text=i.text, addressee=i.addressee, section=i.section,
            reference=i.reference, page=i.page) for i in items])


def report_files(folder: Path) -> list[Path]:
    """The PDF and .docx files of a folder, walked recursively, in name order; where a report
    is there as both (the .docx it was written in and its PDF), the PDF only."""
    found = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower()
                   in REPORT_FORMATS and not p.name.startswith("~$"))
    pdfs = {p.with_suffix("") for p in found if p.suffix.lower() == ".pdf"}
    return [p for p in found if p.suffix.lower() == ".pdf" or p.with_suffix("") not in pdfs]


def body_words(name: str | None) -> frozenset[str]:
    """The words that tell one inspected body from another."""
    words = re.findall(r"[a-z0-9]+", (name or "").lower())
    return frozenset(w for w in words if w not in _GENERIC)


def best_report(plan: ActionPlan, reports: Iterable[InspectionReport]) -> InspectionReport | None:
    """The report whose body matches the plan's, preferring the same publication month."""
    mine = body_words(plan.plan.organisation)
    if not mine:
        return None
    published = (plan.plan.report_published or "")[:7]
    candidates = []
    for report in reports:
        theirs = body_words(report.organisation)
        if not theirs or not (mine <= theirs or theirs <= mine):
            continue
        if published and report.published and report.published != published:
            continue
        candidates.append((published == report.published, report))
    candidates.sort(key=lambda c: not c[0])
    return candidates[0][1] if candidates else None


def pair_with_one(report: InspectionReport) -> Pairing:
    """``--report``: every plan is compared with this report."""

    def pair(plans: list[tuple[str, ActionPlan]]) -> tuple[dict[str, InspectionReport],
                                                          list[str]]:
        return ({shown: report for shown, _ in plans},
                [f"paired {shown} with report {report.file}" for shown, _ in plans])

    return pair


def pair_by_body(reports: list[InspectionReport]) -> Pairing:
    """``--reports DIR``: each plan with the report of the same body and publication month."""

    def pair(plans: list[tuple[str, ActionPlan]]) -> tuple[dict[str, InspectionReport],
                                                          list[str]]:
        chosen: dict[str, InspectionReport] = {}
        notes = []
        for shown, plan in plans:
            report = best_report(plan, reports)
            if report is None:
                when = f", {plan.plan.report_published}" if plan.plan.report_published else ""
                notes.append(f"not paired: {shown} (no report for "
                             f"{plan.plan.organisation or 'an unnamed body'}{when})")
            else:
                chosen[shown] = report
                notes.append(f"paired {shown} with report {report.file}")
        used = {id(r) for r in chosen.values()}
        notes += [f"report not paired with any plan: {r.file}" for r in reports
                  if id(r) not in used]
        return chosen, notes

    return pair
