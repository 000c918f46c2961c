"""A per-file function whose warm-up never finishes until the test lets it: the pool's warm-up
thread then waits as one waiting on a lock it will never get would."""

from __future__ import annotations

import threading
from pathlib import Path

from batch_fakes import small_plan

from pipeline.models import ActionPlan

RELEASE = threading.Event()  # set by the test when it is done


def warm_up() -> None:
    RELEASE.wait(120)


def read_file(path: Path, limits: object = None) -> str:
    return path.read_text("utf-8")


def extract_file(path: Path, limits: object = None, *, read: str | None = None) -> ActionPlan:
    return small_plan(file=path.name)
