"""Command line: ``actionplan extract`` converts files and folders, ``actionplan schema`` prints
the JSON Schema. Exit status 0 only when every input became a plan, 1 when some did not, 2 for
a usage error (bad option, missing path, output that is a file), reported as one ``Error:``
line before anything is written."""

from __future__ import annotations

import argparse
import atexit
import json
import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

EXAMPLE = """example:
  actionplan extract plans/2020 plans/hmp-leeds.docx --out output --jobs 2
  writes output/<file name>.json and .csv per plan, and the tables of every plan the
  folder holds: plans.csv, recommendations.csv, actions.csv, owners.csv, errors.csv,
  plans.xlsx and plans.sqlite

  actionplan extract plans/2020 --out - | jq .plan.organisation
  writes one JSON plan per line to stdout and nothing to disk"""
STDOUT = "-"
STOPPED = 130  # the exit status of a run a stop signal ended, as a shell shows Ctrl-C
INTERRUPTED = "interrupted; outputs written so far are complete"


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line: 'Error: …', exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"Error: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """``--version``, as argparse's own action prints it, with the version looked up only
    when asked: looking it up reads the installed package's metadata (about 0.05 s of CPU),
    which every batch did before its workers could start."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS,
                 help: str = "show program's version number and exit") -> None:  # noqa: A002
        super().__init__(option_strings=option_strings, dest=dest, default=default, nargs=0,
                         help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from pipeline.version import tool_version

        print(f"actionplan {tool_version()}")
        parser.exit()


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, not {text!r}") from None
    if not 0 < value < float("inf"):
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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser for every sub-command, or for ``only`` that one (``extract``: the
    audit's commands import its models and rules, 0.1 s before a batch's worker can start)."""
    from pipeline.worker import default_jobs

    parser = _Parser(
        prog="actionplan",
        description="Turn HM Inspectorate action plans (PDF, DOCX) into validated JSON and CSV.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     parser_class=_Parser)
    _add_extract(commands, default_jobs())
    if only == "extract":
        return parser

    from pipeline.audit import cli as audit_cli
    from pipeline.review import cli as review_cli

    audit_cli.add_commands(commands, default_jobs())
    review_cli.add_command(commands, default_jobs())

    commands.add_parser("schema", help="print the output JSON Schema",
                        description="Print the JSON Schema of the per-file JSON output.")
    return parser


def _add_extract(commands: argparse._SubParsersAction, jobs: int) -> None:
    """``actionplan extract``: what to read, where to write, the limits, the review pages."""
    from pipeline.batch import ACCEPTED_SUFFIXES, FORMATS

    extract = commands.add_parser(
        "extract", help="convert plans in files or folders",
        description=f"Convert action plans. Folders are walked recursively for "
        f"{', '.join(ACCEPTED_SUFFIXES)} files (any case); a file named here is tried whatever "
        "its name. Either way the format is judged from the file's bytes.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    extract.add_argument("--out", required=True, metavar="DIR",
                         help="output folder (created if missing); '-' writes JSON Lines of "
                         "plans to stdout and no files")
    extract.add_argument("--format", type=_formats, default=FORMATS, dest="formats",
                         metavar=",".join(FORMATS),
                         help="outputs to write, any of them (default: all); the per-plan "
                         "JSON is always written, as the record the tables are rebuilt from")
    extract.add_argument("--jobs", type=_positive_int, default=jobs, metavar="N",
                         help="files converted in parallel (default: number of CPUs)")
    extract.add_argument("--force", action="store_true",
                         help="redo inputs that are unchanged since the last run")
    extract.add_argument("--prune", action="store_true",
                         help="drop plans from the output folder whose input no longer exists")
    _add_limits(extract)
    talk = extract.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_const", const=-1, dest="verbosity",
                      default=0, help="print only failures and the summary")
    talk.add_argument("-v", "--verbose", action="store_const", const=1, dest="verbosity",
                      help="also list every skipped file and every file converted")
    extract.add_argument("--review", action="store_true",
                         help="also write <file name>.review.html per plan and review.html "
                         "(see 'actionplan review')")
    from pipeline.review import cli as review_cli

    review_cli.add_page_limit(extract)


def _add_limits(extract: argparse.ArgumentParser) -> None:
    """The per-file limits, with the defaults of ``pipeline.limits.Limits``."""
    from pipeline.limits import DEFAULT_LIMITS as limits

    extract.add_argument("--timeout", type=_positive_float, default=limits.timeout_s,
                         metavar="SECONDS",
                         help=f"time limit per file (default: {limits.timeout_s:g})")
    extract.add_argument("--max-memory", type=_positive_int, default=limits.max_memory_mb,
                         metavar="MB", help="resident memory limit per worker process "
                         f"(default: {limits.max_memory_mb})")
    extract.add_argument("--max-size", type=_positive_float, default=limits.max_size_mb,
                         metavar="MB", help="refuse input files larger than this "
                         f"(default: {limits.max_size_mb:g})")
    extract.add_argument("--max-pages", type=_positive_int, default=limits.max_pages,
                         metavar="N", help="refuse PDFs declaring more pages than this "
                         f"(default: {limits.max_pages})")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status, or, as the program itself (no
    ``argv``), exits with it (``_leave``). Never a traceback on a signal: Ctrl-C, SIGTERM and
    SIGHUP stop the run at any moment with one line and status 130."""
    from pipeline import stop

    # Stop signals are recorded, and acted on where the run waits or moves on (pipeline.stop).
    if argv is None:  # the program itself: recorded up to its very exit
        stop.install()
        from pipeline import collector

        collector.collect_less_often()  # this process is the tool's own
        _leave(_stoppable(argv))
    with stop.recording():  # called from Python: the caller's handlers come back afterwards
        return _stoppable(argv)


def _leave(status: int) -> NoReturn:
    """End the program with ``status`` as a normal exit does (exit handlers run, the streams
    flushed), but without the interpreter's own shutdown: freeing every object and module
    one by one cost 0.05-0.08 s of CPU after a batch of 83 plans, in a process about to end."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # closed when the program started: nothing was written to it
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away, a closed stream
            # CPython's own exit gives 120 here whatever the status; a run that failed
            # keeps its own status, which says more.
            status = status or 120
    os._exit(status)


def _stoppable(argv: list[str] | None) -> int:
    from pipeline import stop

    try:
        code = _main(argv)
    except KeyboardInterrupt:
        code = None
    if code is None or (stop.requested() and code != STOPPED):
        # Stopped, or a stop arrived after the last point that looks (the run had finished).
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while leaving
        print(INTERRUPTED, file=sys.stderr)
        return STOPPED
    return code


def _main(argv: list[str] | None) -> int:
    if (sys.argv[1:] if argv is None else list(argv)) == ["--version"]:
        # Answered as argparse would, before building the parser: that imports the batch
        # machinery (pydantic models, writers), ten times what printing a version takes.
        from pipeline.version import tool_version

        print(f"actionplan {tool_version()}")
        raise SystemExit(0)
    given = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(only=given[0] if given[:1] == ["extract"] else None).parse_args(given)
    if args.command == "schema":
        from pipeline.models import json_schema

        print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        return 0
    if args.command in ("audit", "report"):
        from pipeline.audit import cli as audit_cli

        return audit_cli.run_command(args)
    if args.command == "review":
        from pipeline.review import cli as review_cli

        return review_cli.run_command(args)
    return _extract(args)


def _usage_error(message: str) -> int:
    print(f"Error: {message}", file=sys.stderr)
    return 2


def _extract(args: argparse.Namespace) -> int:
    from pipeline.batch import FORMATS
    from pipeline.limits import Limits

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        return _usage_error(f"no such file or folder: {', '.join(missing)}")
    limits = Limits(max_size_mb=args.max_size, max_pages=args.max_pages,
                    timeout_s=args.timeout, max_memory_mb=args.max_memory)
    if args.out == STDOUT:
        folder_only = [flag for flag, used in (("--prune", args.prune), ("--force", args.force),
                                               ("--format", args.formats != FORMATS),
                                               ("--review", args.review)) if used]
        if folder_only:
            return _usage_error(f"{', '.join(folder_only)}: only with an output folder, "
                                "not with --out -")
        return _extract_to_stdout(args, limits)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _usage_error(f"--out {out}: is a file, not a folder")
    from pipeline.batch import BatchOptions, run_batch

    options = BatchOptions(
        out_dir=out, formats=args.formats, jobs=args.jobs, force=args.force,
        prune=args.prune, limits=limits, verbosity=args.verbosity,
    )
    try:
        report = run_batch(args.paths, options)
    except OSError as exc:  # the output folder itself is unusable
        print(f"Error: {exc.filename or out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(report.summary())
    if args.review:
        from pipeline.review.run import write_reviews

        reviews = write_reviews(report, out, jobs=args.jobs, limits=limits, max_pages=args.pages)
        print(f"reviews: {len(reviews)} written")
        return 0 if report.ok and len(reviews) == len(report.plans) else 1
    return 0 if report.ok else 1


def _extract_to_stdout(args: argparse.Namespace, limits: object) -> int:
    """``--out -``: one JSON plan per line on stdout, in input order; failures on stderr."""
    from pipeline.api import extract_many

    converted = failed = 0
    try:
        for result in extract_many(args.paths, limits, jobs=args.jobs):  # type: ignore[arg-type]
            if result.plan is not None:
                sys.stdout.write(result.plan.model_dump_json() + "\n")
                sys.stdout.flush()
                converted += 1
            else:
                print(f"{result.path}: {result.error}", file=sys.stderr)
                failed += 1
    except KeyboardInterrupt:
        return STOPPED  # no line on stderr: a pipeline's reader may be what stopped it
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if args.verbosity >= 0:
        print(f"files: {converted} ok, {failed} failed", file=sys.stderr)
    return 0 if failed == 0 else 1
