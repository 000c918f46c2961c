"""Command line: ``actionplan extract`` converts files and folders, ``actionplan schema`` prints
the JSON Schema. Exit status 0 only when every input became a plan."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.manifest import tool_version

EXAMPLE = """example:
  actionplan extract plans/2020 plans/hmp-leeds.docx --out output --jobs 2
  writes output/<file name>.json and .csv per plan, and the tables of every plan the
  folder holds: plans.csv, recommendations.csv, actions.csv, owners.csv, errors.csv,
  plans.xlsx and plans.sqlite"""


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
    return value


def _formats(text: str) -> tuple[str, ...]:
    from pipeline.batch import FORMATS

    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"choose from {','.join(FORMATS)} (comma-separated), not {text!r}"
        )
    return chosen


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    from pipeline.batch import ACCEPTED_SUFFIXES, FORMATS
    from pipeline.worker import default_jobs

    parser = argparse.ArgumentParser(
        prog="actionplan",
        description="Turn HM Inspectorate action plans (PDF, DOCX) into validated JSON and CSV.",
    )
    parser.add_argument("--version", action="version", version=f"actionplan {tool_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="convert plans in files or folders",
        description=f"Convert action plans ({', '.join(ACCEPTED_SUFFIXES)}); folders are "
        "walked recursively.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    extract.add_argument("--out", required=True, type=Path, metavar="DIR",
                         help="output folder (created if missing)")
    extract.add_argument("--format", type=_formats, default=FORMATS, dest="formats",
                         metavar=",".join(FORMATS),
                         help="outputs to write, any of them (default: all); the per-plan "
                         "JSON is always written, as the record the tables are rebuilt from")
    extract.add_argument("--jobs", type=_positive_int, default=default_jobs(), metavar="N",
                         help="files converted in parallel (default: number of CPUs)")
    extract.add_argument("--force", action="store_true",
                         help="redo inputs that are unchanged since the last run")
    extract.add_argument("--prune", action="store_true",
                         help="drop plans from the output folder whose input no longer exists")
    extract.add_argument("--timeout", type=_positive_float, default=120.0, metavar="SECONDS",
                         help="time limit per file (default: 120)")
    extract.add_argument("--max-memory", type=_positive_int, default=1500, metavar="MB",
                         help="memory limit per worker process (default: 1500)")
    extract.add_argument("--max-size", type=_positive_int, default=200, metavar="MB",
                         help="refuse input files larger than this (default: 200)")

    commands.add_parser("schema", help="print the output JSON Schema",
                        description="Print the JSON Schema of the per-file JSON output.")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "schema":
        from pipeline.models import json_schema

        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    return _extract(args)


def _extract(args: argparse.Namespace) -> int:
    from pipeline.batch import BatchOptions, run_batch

    options = BatchOptions(
        out_dir=args.out, formats=args.formats, jobs=args.jobs, force=args.force,
        prune=args.prune,
        timeout_s=args.timeout, max_memory_mb=args.max_memory, max_size_mb=args.max_size,
    )
    try:
        report = run_batch(args.paths, options)
    except KeyboardInterrupt:
        print("interrupted; outputs written so far are complete", file=sys.stderr)
        return 130
    except OSError as exc:  # the output folder itself is unusable
        print(f"{exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0 if report.ok else 1
