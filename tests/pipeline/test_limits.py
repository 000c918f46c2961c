"""The memory limit is on resident memory and its message names --max-memory; a small limit
fails files with that message, never with an import or allocation error."""

from __future__ import annotations

import io
from pathlib import Path

from pipeline.batch import BatchOptions, run_batch
from pipeline.limits import Limits
from pipeline.worker import resident_mb
from scripts.bench import build_long_plan

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "dtv_crc_2020.pdf"
LONG_PAGES = 70


def test_resident_memory_of_this_process_is_measured() -> None:
    import os

    rss = resident_mb(os.getpid())
    assert rss is not None and 5 < rss < 24_000
    assert resident_mb(2**22 + 12345) is None  # no such process


def test_a_small_memory_limit_fails_with_a_reason_naming_the_option(tmp_path: Path) -> None:
    # The batch checks a busy worker's resident memory every 0.1 s, so the file must take
    # longer than that: the 7-page sample read in about 0.1 s once the page loops ran in C,
    # and slipped between two checks. Repeated to 70 pages it takes over a second, and the
    # worker holds about 66 MB once it has imported the PDF reader, for the whole read.
    plan = build_long_plan(SAMPLE, LONG_PAGES, tmp_path)
    options = BatchOptions(tmp_path / "out", jobs=1, limits=Limits(max_memory_mb=40))
    report = run_batch([plan], options, io.StringIO(), tty=False)
    [result] = report.results
    assert result.status == "failed"
    assert result.reason == "exceeded the 40 MB memory limit (raise --max-memory)"
