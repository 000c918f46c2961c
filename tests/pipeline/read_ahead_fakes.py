"""A stand-in per-file function with a read stage, for testing the pool's read-ahead.

``warm_up`` takes a while (as loading spaCy does), so the read-ahead process, which runs only
``read_file``, reads the first files before the worker is ready. Each input's content says
what its read does; the plan's organisation says which process read the file.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from batch_fakes import small_plan

from pipeline.errors import NoPlanFound
from pipeline.hashing import file_sha256
from pipeline.models import ActionPlan

WARM_UP_S = 1.0  # what the worker's warm-up takes: the read-ahead reads meanwhile
READ_AHEAD = "read ahead"
READ_BY_WORKER = "read by the worker"


def warm_up() -> None:
    time.sleep(WARM_UP_S)


def read_file(path: Path, limits: object = None) -> tuple[str, str]:
    """The read stage: the file's text, or the misbehaviour it names."""
    text = path.read_bytes().decode("utf-8", "replace")
    if text.startswith("segfault"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if text.startswith("slow"):
        time.sleep(WARM_UP_S * 1.5)  # the worker is ready before this read ends
    if text.startswith("hang"):
        time.sleep(600)
    if text.startswith("hog"):
        hoard = []
        while True:  # grows until the memory limit stops it
            hoard.append(bytearray(64 << 20))
    if text.startswith("not a plan"):
        raise NoPlanFound("no action-plan table found (no plan column headings)")
    return "pdf", text


def extract_file(path: Path, limits: object = None, *,
                 read: tuple[str, str] | None = None) -> ActionPlan:
    """A plan whose organisation says whether the read-ahead read the file."""
    who = READ_AHEAD if read is not None else READ_BY_WORKER
    if read is None:
        read_file(path)
    return small_plan(file=path.name, organisation=who, sha256=file_sha256(path))
