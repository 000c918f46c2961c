"""actionplan's library API (``import actionplan``): ``extract`` one plan, ``extract_many``
plans with errors as values.

    from actionplan import Limits, extract, extract_many
    plan = extract("plans/hmp-leeds.docx")            # ActionPlan; raises ActionPlanError
    frames = plan.to_frames()                          # pandas DataFrames, datetime columns
    for result in extract_many(["plans/2020"], Limits(timeout_s=60)):
        print(result.path, result.plan or result.error)

Both take the ``Limits`` object the command line uses. ``extract`` runs in this process and
checks size and pages; ``extract_many`` runs every file in a worker process, so time and
memory limits hold too. Nothing heavy is imported until a function is called.

The API lives under the name ``actionplan``, not ``pipeline``: ``pipeline.extract`` is the
per-file module, and Python would put that module in place of a function of the same name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from pipeline.errors import ErrorKind
    from pipeline.models import ActionPlan


@dataclass(frozen=True, slots=True)
class Result:
    """One input of ``extract_many``: its plan, or why there is none."""

    path: Path
    plan: ActionPlan | None = None
    error: str | None = None  # one-line reason
    kind: ErrorKind | None = None  # e.g. encrypted, damaged, no_plan_found, timeout

    @property
    def ok(self) -> bool:
        return self.plan is not None


def extract(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> ActionPlan:
    """The action plan of one PDF or DOCX; raises ``ActionPlanError`` (one-line reason)."""
    from pipeline.errors import NoPlanFound
    from pipeline.extract import extract_file

    path = Path(path)
    plan = extract_file(path, limits)
    if not plan.recommendations:  # the rule the command line applies
        raise NoPlanFound("no action-plan table found", path=str(path))
    return plan


def extract_many(paths: Iterable[Path | str] | Path | str, limits: Limits = DEFAULT_LIMITS, *,
                 jobs: int | None = None) -> Iterator[Result]:
    """Convert files and folders (walked as the CLI walks them) in worker processes; yields a
    ``Result`` per file as each finishes, never raising for a bad file."""
    from pipeline.batch import run_files

    items = [paths] if isinstance(paths, str | Path) else list(paths)
    yield from run_files([Path(p) for p in items], limits, jobs=jobs)
