"""Run every rule over one plan (and its report, when paired) into a ``PlanAudit``."""

from __future__ import annotations

from pipeline.audit.models import SEVERITIES, Finding, InspectionReport, PlanAudit, SeverityCounts
from pipeline.audit.rules import RULES, Subject
from pipeline.audit.score import completeness_score
from pipeline.models import ActionPlan


def audit_plan(plan: ActionPlan, report: InspectionReport | None = None) -> PlanAudit:
    """The findings of every rule on ``plan``, its score and counts; ``report`` adds report-*."""
    subject = Subject(plan, report)
    findings: list[Finding] = []
    scored: list[tuple[str, bool]] = []
    checks = 0
    for rule in RULES.values():
        for check in rule.check(subject):
            checks += 1
            if rule.scored:
                scored.append((rule.severity, check.passed))
            if not check.passed:
                findings.append(Finding(
                    rule=rule.id, severity=rule.severity, recommendation=check.recommendation,
                    action=check.action, page=check.page, message=check.message))
    findings.sort(key=lambda f: (_order(plan, f), SEVERITIES.index(f.severity)))
    counts = SeverityCounts(**{s: sum(f.severity == s for f in findings) for s in SEVERITIES})
    return PlanAudit(
        file=plan.source.file, organisation=plan.plan.organisation,
        report=report.file if report else None, score=completeness_score(scored),  # type: ignore[arg-type]
        checks=checks, counts=counts, findings=findings)


def _order(plan: ActionPlan, finding: Finding) -> int:
    """Plan-level findings first, then in the plan's order of recommendations."""
    if finding.recommendation is None:
        return -1
    for index, rec in enumerate(plan.recommendations):
        if rec.number == finding.recommendation:
            return index
    return len(plan.recommendations)  # a report recommendation the plan lacks
