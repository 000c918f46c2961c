"""The ``review`` sub-command and the ``--review``/``--pages`` options of ``extract``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.review.pages import DEFAULT_MAX_PAGES

EXAMPLE = """example:
  actionplan review plans/2020 --out output
  extracts the plans (or reuses an up-to-date extraction in output/), then writes
  output/<file name>.review.html per plan and output/review.html listing them"""


def _positive_int(text: str) -> int:
    from pipeline.cli import _positive_int as positive

    return positive(text)


def add_page_limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pages", type=_positive_int, default=DEFAULT_MAX_PAGES, metavar="N",
                        help="render at most the first N pages of each PDF on its review page "
                        f"(default: {DEFAULT_MAX_PAGES})")


def add_command(commands: argparse._SubParsersAction, default_jobs: int) -> None:
    review = commands.add_parser(
        "review", help="write a review page per plan: the document with what was read outlined",
        description="Extract plans (reusing an up-to-date extraction in DIR) and write "
        "<file name>.review.html per plan: the PDF's pages (or the DOCX's tables) with every "
        "value outlined in its role's colour, the plan beside them, findings and a timeline; "
        "and review.html, an index of the plans. The pages fetch nothing when viewed.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    review.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="file or folder")
    review.add_argument("--out", required=True, metavar="DIR", help="output folder")
    review.add_argument("--jobs", type=_positive_int, default=default_jobs, metavar="N",
                        help="files handled in parallel (default: number of CPUs)")
    review.add_argument("--force", action="store_true", help="extract unchanged inputs again")
    review.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                        help="time limit per file, for extraction and for its page "
                        "(default: 120)")
    review.add_argument("--max-memory", type=_positive_int, default=1500, metavar="MB",
                        help="resident memory limit per worker process (default: 1500)")
    add_page_limit(review)


def run_command(args: argparse.Namespace) -> int:
    """``actionplan review``: 0 when every input became a plan with its page, else 1."""
    from pipeline.limits import Limits
    from pipeline.review.run import INDEX_HTML, run_review

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        print(f"Error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"Error: --out {out}: is a file, not a folder", file=sys.stderr)
        return 2
    if not args.timeout > 0:
        print(f"Error: --timeout must be above 0, not {args.timeout}", file=sys.stderr)
        return 2
    limits = Limits(timeout_s=args.timeout, max_memory_mb=args.max_memory)
    batch, reviews = run_review(args.paths, out, jobs=args.jobs, limits=limits,
                                max_pages=args.pages, force=args.force)
    print(batch.summary())
    print(f"reviews: {len(reviews)} written; index: {out / INDEX_HTML}")
    return 0 if batch.ok and len(reviews) == len(batch.plans) else 1
