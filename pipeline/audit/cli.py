"""``actionplan audit`` and ``actionplan report``: the thin command-line layer over the audit."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.audit.models import SEVERITIES, audit_json_schema
from pipeline.audit.rules import RULES

COMMANDS = ("audit",)

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
    audit.add_argument("--fail-on", choices=SEVERITIES[:2], metavar="error|warning",
                       help="exit 1 when a finding of this severity or worse is made")
    audit.add_argument("--jobs", type=int, default=default_jobs, metavar="N",
                       help="files extracted in parallel (default: number of CPUs)")
    audit.add_argument("--force", action="store_true", help="redo every extraction")
    audit.add_argument("--rules", action="store_true", help="list the rules and exit")
    audit.add_argument("--schema", action="store_true",
                       help="print the JSON Schema of <name>.audit.json and exit")


def run_command(args: argparse.Namespace) -> int:
    """Run ``audit``; returns the exit status."""
    if args.rules:
        print(rules_table())
        return 0
    if args.schema:
        print(json.dumps(audit_json_schema(), indent=2, ensure_ascii=False))
        return 0
    if not args.paths:
        print("actionplan audit: give at least one PATH (or --rules)", file=sys.stderr)
        return 2
    from pipeline.audit.run import run_audit

    try:
        run = run_audit(args.paths, args.out, jobs=max(args.jobs, 1), force=args.force)
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


def rules_table() -> str:
    """Every rule, one line each: id, severity, description."""
    width = max(len(r) for r in RULES)
    return "\n".join(f"{r.id:<{width}}  {r.severity:<7}  {r.description}"
                     for r in RULES.values())
