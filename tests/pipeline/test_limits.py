"""The memory limit is on resident memory and its message names --max-memory; a small limit
fails files with that message, never with an import or allocation error."""

from __future__ import annotations

import io
from pathlib import Path

from pipeline.batch import BatchOptions, run_batch
from pipeline.limits import Limits
from pipeline.worker import resident_mb

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "dtv_crc_2020.pdf"


def test_resident_memory_of_this_process_is_measured() -> None:
    import os

    rss = resident_mb(os.getpid())
    assert rss is not None and 5 < rss < 24_000
    assert resident_mb(2**22 + 12345) is None  # no such process


def test_a_small_memory_limit_fails_with_a_reason_naming_the_option(tmp_path: Path) -> None:
    # The real extractor peaks near 70 MB resident on this sample (120 MB before the C page
    # loops), for a fraction of a second: a limit just under the peak can fall between two of
    # the batch's checks of resident memory (every 0.1 s) and let the file through. The
    # worker holds about 38 MB before its first file and 66 MB once it has imported the PDF
    # reader, for the whole read.
    options = BatchOptions(tmp_path / "out", jobs=1, limits=Limits(max_memory_mb=40))
    report = run_batch([SAMPLE], options, io.StringIO(), tty=False)
    [result] = report.results
    assert result.status == "failed"
    assert result.reason == "exceeded the 40 MB memory limit (raise --max-memory)"
