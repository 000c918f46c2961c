"""Hand-built plans and stand-in per-file functions for testing the batch machinery.

The stand-ins replace ``extract_file`` only in tests of batching (parallelism, limits,
outputs); they must live in an importable module because workers are spawned processes.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import signal
import time
from pathlib import Path

from pipeline.errors import EncryptedDocument
from pipeline.hashing import file_sha256
from pipeline.models import (
    Action,
    ActionPlan,
    Owner,
    PlanInfo,
    PlanWarning,
    Recommendation,
    Source,
    Target,
)


def small_plan(file: str = "plan.pdf", organisation: str = "HMP Leeds",
               sha256: str = "0" * 64) -> ActionPlan:
    """Two recommendations: one with two actions, one with none."""
    return ActionPlan(
        source=Source(file=file, format="pdf", sha256=sha256, pages=3),
        plan=PlanInfo(title="Action plan", organisation=organisation,
                      inspectorate="HMI Prisons", report_published="2020-04",
                      submitted=dt.date(2020, 5, 20)),
        recommendations=[
            Recommendation(
                number="1", text="Improve “risk” assessments, incl. £ costs", response="agreed",
                response_raw="Agreed", page=1,
                actions=[
                    Action(number="1.1", text="Train staff", page=1,
                           owners=[Owner(raw="Head of Service"), Owner(raw="SLT")],
                           target=Target(raw="May 2020", start=dt.date(2020, 5, 1),
                                         end=dt.date(2020, 5, 31), status="planned")),
                    Action(number="1.2", text="Audit cases,\nquarterly", page=2,
                           target=Target(raw="Ongoing", status="ongoing")),
                ],
            ),
            Recommendation(number="2", text="Review policy", response="not_agreed", page=3),
        ],
        warnings=[PlanWarning(code="owner-missing", message="unsure", page=2)],
    )


def fake_extract(path: Path, limits: object = None) -> ActionPlan:
    """Behave according to the file's content, so one batch can mix outcomes."""
    text = path.read_bytes().decode("utf-8", "replace")
    if text.startswith("slow"):
        time.sleep(0.4)  # long enough for a test to interrupt a batch between files
    if text.startswith("hang"):
        time.sleep(600)
    if text.startswith("hog"):
        hoard = []
        while True:  # grows until the worker's memory limit stops it
            hoard.append(bytearray(64 << 20))
    if text.startswith("crash"):
        os._exit(7)
    if text.startswith("stop the batch"):
        os.kill(os.getppid(), signal.SIGTERM)  # as a user would, from outside
    if text.startswith("encrypted"):
        raise EncryptedDocument("encrypted: needs a password")
    if text.startswith("bug"):
        raise ValueError("something broke")
    if text.startswith("gc threshold"):  # tells the worker's collector threshold
        return small_plan(file=path.name, organisation=str(gc.get_threshold()[0]))
    if text.startswith("empty-plan"):
        return ActionPlan(source=Source(file=path.name, format="pdf", sha256="1" * 64, pages=1))
    return small_plan(file=path.name, sha256=file_sha256(path))
