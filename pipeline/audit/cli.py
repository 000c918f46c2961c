"""``actionplan audit`` and ``actionplan report``: the thin command-line layer over the audit."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.audit.models import (
    SEVERITIES,
    InspectionReport,
    audit_json_schema,
    report_json_schema,
)
from pipeline.audit.report import (
    REPORT_SUFFIX,
    Pairing,
    pair_by_body,
    pair_with_one,
    read_report,
    report_files,
)
from pipeline.audit.rules import RULES
from pipeline.errors import ActionPlanError

COMMANDS = ("audit", "report")

AUDIT_EXAMPLE = """example:
  actionplan audit plans/ --out output --fail-on error
  writes output/<name>.audit.json per plan (and the extraction, reused on reruns);
  exit status 0 when the audit ran, 1 when an input could not be read (or, with
  --fail-on, a finding of that severity or worse was made)"""


def add_commands(commands: argparse._SubParsersAction, default_jobs: int) -> None:
    """Add the audit sub-commands to the main parser."""
    audit = commands.add_parser(
        "audit", help="audit plans for completeness (and against their inspection report)",
        description="Audit action plans: every recommendation answered, every action owned "
        "and dated, reasons given; findings come from named rules (--rules).",
        epilog=AUDIT_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    audit.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="plan file or folder, as `extract` takes them")
    audit.add_argument("--out", type=Path, metavar="DIR",
                       help="output folder; an up-to-date extraction there is reused "
                       "(default: a temporary folder, findings printed)")
    audit.add_argument("--report", type=Path, metavar="REPORT",
                       help="inspection report (PDF or .docx) to compare every plan with")
    audit.add_argument("--reports", type=Path, metavar="DIR",
                       help="folder of inspection reports: each plan is compared with the one "
                       "of the same inspected body and publication month")
    audit.add_argument("--fail-on", choices=SEVERITIES[:2], metavar="error|warning",
                       help="exit 1 when a finding of this severity or worse is made")
    audit.add_argument("--jobs", type=int, default=default_jobs, metavar="N",
                       help="files extracted in parallel (default: number of CPUs)")
    audit.add_argument("--force", action="store_true", help="redo every extraction")
    audit.add_argument("--rules", action="store_true", help="list the rules and exit")
    audit.add_argument("--schema", action="store_true",
                       help="print the JSON Schema of <name>.audit.json and exit")


    report = commands.add_parser(
        "report", help="list an inspection report's recommendations",
        description="Find the recommendations of HMI Probation / HMI Prisons inspection reports "
        "(PDF or .docx) and write <file>.report.json for each.")
    report.add_argument("paths", nargs="*", type=Path, metavar="REPORT", help="report file")
    report.add_argument("--out", type=Path, metavar="DIR", help="output folder (required)")
    report.add_argument("--schema", action="store_true",
                        help="print the JSON Schema of <file>.report.json and exit")


def run_command(args: argparse.Namespace) -> int:
    """Run ``audit`` or ``report``; returns the exit status."""
    if args.command == "report":
        return _report(args)
    if args.rules:
        print(rules_table())
        return 0
    if args.schema:
        print(json.dumps(audit_json_schema(), indent=2, ensure_ascii=False))
        return 0
    if not args.paths:
        print("actionplan audit: give at least one PATH (or --rules)", file=sys.stderr)
        return 2
    reports_unreadable: list[str] = []
    pair = _pairing(args, reports_unreadable)
    if isinstance(pair, int):
        return pair
    status = _audit(args, pair)
    return 1 if reports_unreadable and status in (0, 1) else status


def _pairing(args: argparse.Namespace, unreadable: list[str]) -> Pairing | int | None:
    """How plans find their inspection report (--report, --reports), None for none, or the
    exit status when the reports cannot be used."""
    if args.report and args.reports:
        print("actionplan audit: give --report or --reports, not both", file=sys.stderr)
        return 2
    if args.report:
        found = _read_reports([args.report], unreadable)
        return pair_with_one(found[0]) if found else 1
    if args.reports:
        if not args.reports.is_dir():
            print(f"{args.reports}: no such folder", file=sys.stderr)
            return 1
        return pair_by_body(_read_reports(report_files(args.reports), unreadable))
    return None


def _audit(args: argparse.Namespace, pair: Pairing | None) -> int:
    """Audit the plans in ``args.paths``, print each plan's score (and findings when no
    --out), and return the exit status --fail-on asks for."""
    from pipeline.audit.run import run_audit

    try:
        run = run_audit(args.paths, args.out, jobs=max(args.jobs, 1), force=args.force,
                        pair=pair)
    except KeyboardInterrupt:
        print("interrupted; outputs written so far are complete", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"{exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for line in run.notes:
        print(line)
    for item in sorted(run.audited, key=lambda a: (a.audit.score, a.audit.file)):
        audit, counts = item.audit, item.audit.counts
        print(f"{audit.file}: score {audit.score:.1f}, {counts.error} errors, "
              f"{counts.warning} warnings, {counts.advice} advice")
        if args.out is None:
            for f in audit.findings:
                where = "/".join(x for x in (f.recommendation, f.action) if x) or "plan"
                print(f"  {f.severity:<7} {f.rule:<24} {where:<10} {f.message}")
    return run.exit_status(args.fail_on)


def _read_reports(paths: list[Path], unreadable: list[str]) -> list[InspectionReport]:
    """Read reports, one line on stderr for each that cannot be read."""
    reports = []
    for path in paths:
        try:
            reports.append(read_report(path))
        except ActionPlanError as exc:
            exc.path = exc.path or str(path)
            line = exc.one_line()
            unreadable.append(line)
            print(line, file=sys.stderr)
        except OSError as exc:
            line = f"{path}: cannot be read: {exc.strerror or exc}"
            unreadable.append(line)
            print(line, file=sys.stderr)
    return reports


def _report(args: argparse.Namespace) -> int:
    """``actionplan report REPORT... --out DIR``: <file>.report.json per report."""
    if args.schema:
        print(json.dumps(report_json_schema(), indent=2, ensure_ascii=False))
        return 0
    if not args.paths or args.out is None:
        print("actionplan report: give REPORT... and --out DIR", file=sys.stderr)
        return 2
    from pipeline.export import atomic_text

    unreadable: list[str] = []
    args.out.mkdir(parents=True, exist_ok=True)
    for path, report in zip(args.paths, _read_each(args.paths, unreadable), strict=True):
        if report is None:
            continue
        with atomic_text(args.out / f"{path.name}{REPORT_SUFFIX}") as fh:
            fh.write(report.model_dump_json(indent=2))
            fh.write("\n")
        print(f"{path}: {len(report.recommendations)} recommendations"
              + (f" ({report.organisation}" + (f", {report.published})" if report.published
                                               else ")") if report.organisation else ""))
    return 1 if unreadable else 0


def _read_each(paths: list[Path], unreadable: list[str]) -> list[InspectionReport | None]:
    out: list[InspectionReport | None] = []
    for path in paths:
        found = _read_reports([path], unreadable)
        out.append(found[0] if found else None)
    return out


def rules_table() -> str:
    """Every rule, one line each: id, severity, description."""
    width = max(len(r) for r in RULES)
    return "\n".join(f"{r.id:<{width}}  {r.severity:<7}  {r.description}"
                     for r in RULES.values())
