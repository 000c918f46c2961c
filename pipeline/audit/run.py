"""``actionplan audit``: extract (or reuse an up-to-date extraction), audit, write the outputs.

Extraction is the batch's own (``pipeline.batch.run_batch`` into the same folder), so a plan
whose bytes and tool version are unchanged since the last run is read back, not redone.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from pipeline.audit.check import audit_plan
from pipeline.audit.html import AUDIT_HTML, render_page
from pipeline.audit.models import SEVERITIES, InspectionReport, PlanAudit, Severity
from pipeline.audit.outputs import (
    AUDIT_COLUMNS,
    AUDIT_CSV,
    AUDIT_SHEET,
    audit_rows,
    write_audit_csv,
)
from pipeline.audit.report import Pairing
from pipeline.batch import BatchOptions, FileResult, dataset_plans, run_batch
from pipeline.export import WORKBOOK_NAME, atomic_text, write_workbook
from pipeline.manifest import Manifest
from pipeline.models import ActionPlan
from pipeline.tables import FailedFile

AUDIT_SUFFIX = ".audit.json"


@dataclass
class AuditedPlan:
    name: str  # output stem in DIR, as the batch named it
    plan: ActionPlan
    audit: PlanAudit


@dataclass
class AuditRun:
    audited: list[AuditedPlan] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # one line each: "<file>: <reason>"
    notes: list[str] = field(default_factory=list)  # pairing with reports, said to the user

    def worst(self) -> Severity | None:
        """The most severe finding of any plan, or None when there is none."""
        for severity in SEVERITIES:
            if any(getattr(a.audit.counts, severity) for a in self.audited):
                return severity
        return None

    def exit_status(self, fail_on: Severity | None) -> int:
        """1 when an input could not be read, or a finding at ``fail_on`` or worse; else 0."""
        if self.unreadable:
            return 1
        worst = self.worst()
        if fail_on and worst and SEVERITIES.index(worst) <= SEVERITIES.index(fail_on):
            return 1
        return 0





def run_audit(paths: list[Path], out_dir: Path | None, *, jobs: int, force: bool = False,
              pair: Pairing | None = None, stream: TextIO | None = None) -> AuditRun:
    """Audit every plan under ``paths``; with ``out_dir`` write the outputs there."""
    stream = stream if stream is not None else sys.stderr
    if out_dir is None:
        with tempfile.TemporaryDirectory(prefix="actionplan_audit_") as tmp:
            return _run(paths, Path(tmp), jobs, force, pair, stream, write=False)
    return _run(paths, out_dir, jobs, force, pair, stream, write=True)


def _run(paths: list[Path], out_dir: Path, jobs: int, force: bool, pair: Pairing | None,
         stream: TextIO, *, write: bool) -> AuditRun:
    batch = run_batch(paths, BatchOptions(out_dir=out_dir, jobs=jobs, force=force), stream)
    run = AuditRun()
    ok: list[FileResult] = []
    for result in batch.results:
        if result.plan is None:
            run.unreadable.append(f"{result.input.shown}: {result.reason}")
        else:
            ok.append(result)
    reports: dict[str, InspectionReport] = {}
    if pair:
        reports, run.notes = pair([(r.input.shown, r.plan) for r in ok if r.plan])
    for result in ok:
        plan = result.plan
        assert plan is not None  # kept above
        audit = audit_plan(plan, reports.get(result.input.shown))
        run.audited.append(AuditedPlan(result.input.name, plan, audit))
    if write:
        write_outputs(run, out_dir)
        failures = [FailedFile(r.input.shown, r.kind, r.reason) for r in batch.results
                    if r.status in ("failed", "no_plan")]
        add_audit_sheet(run, out_dir, failures)
    return run


def write_outputs(run: AuditRun, out_dir: Path) -> None:
    """``<name>.audit.json`` per plan, ``audit.csv`` and ``audit.html``."""
    for item in run.audited:
        write_audit_json(item.audit, out_dir / f"{item.name}{AUDIT_SUFFIX}")
    write_audit_csv([a.audit for a in run.audited], out_dir / AUDIT_CSV)
    page = render_page([(a.audit, a.plan) for a in run.audited])
    with atomic_text(out_dir / AUDIT_HTML) as fh:
        fh.write(page)


def add_audit_sheet(run: AuditRun, out_dir: Path, failures: list[FailedFile]) -> None:
    """Write ``plans.xlsx`` again, the dataset's sheets followed by the Audit sheet."""
    held = dataset_plans(Manifest.load(out_dir), out_dir, {})
    rows = audit_rows(a.audit for a in run.audited)
    write_workbook(held.plans, failures, out_dir / WORKBOOK_NAME,
                   extra_sheets=[(AUDIT_SHEET, AUDIT_COLUMNS, rows)])


def write_audit_json(audit: PlanAudit, path: Path) -> None:
    """One plan's audit as indented UTF-8 JSON, atomically."""
    with atomic_text(path) as fh:
        fh.write(audit.model_dump_json(indent=2))
        fh.write("\n")
