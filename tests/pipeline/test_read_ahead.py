"""The pool's read-ahead: while the workers warm up (spaCy), a cold process reads the first
files and the workers finish them; a crash, hang or runaway read there fails only that file.

The stand-in (read_ahead_fakes) warms up for a second, so the read-ahead is sure to read the
first files; each plan's organisation says which process read its file.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import pytest
from read_ahead_fakes import READ_AHEAD, READ_BY_WORKER

from pipeline.batch import BatchOptions, BatchReport, run_batch
from pipeline.extract import extract_file, read_file
from pipeline.limits import Limits

FAKE = "read_ahead_fakes:extract_file"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


LIMITS = Limits(timeout_s=20, max_memory_mb=400)


def _batch(tmp_path: Path, files: dict[str, str], *, jobs: int,
           limits: Limits = LIMITS) -> BatchReport:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    options = BatchOptions(tmp_path / "out", jobs=jobs, limits=limits, extract_ref=FAKE)
    return run_batch([folder], options, io.StringIO(), tty=False)


def _by_name(report: BatchReport) -> dict[str, tuple[str, str]]:
    return {Path(r.input.shown.strip("'")).name:
            (r.status, r.plan.plan.organisation if r.plan else r.reason)  # type: ignore[misc]
            for r in report.results}


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_first_files_are_read_ahead_and_finished_by_the_workers(tmp_path: Path,
                                                                     jobs: int) -> None:
    files = {f"{i}.pdf": f"plan {i}" for i in range(4)}
    results = _by_name(_batch(tmp_path, files, jobs=jobs))
    assert {status for status, _ in results.values()} == {"ok"}
    assert results["0.pdf"][1] == READ_AHEAD  # read while the workers were warming up
    assert set(results) == set(files)


def test_once_the_worker_is_ready_it_reads_the_rest_itself(tmp_path: Path) -> None:
    # The first read outlasts the worker's warm-up: the read-ahead takes no second file.
    results = _by_name(_batch(tmp_path, {"0.pdf": "slow", "1.pdf": "plan", "2.pdf": "plan"},
                              jobs=1))
    assert results == {"0.pdf": ("ok", READ_AHEAD), "1.pdf": ("ok", READ_BY_WORKER),
                       "2.pdf": ("ok", READ_BY_WORKER)}


def test_a_reader_crash_in_the_read_ahead_fails_that_file_only(tmp_path: Path) -> None:
    results = _by_name(_batch(tmp_path, {"0.pdf": "segfault", "1.pdf": "plan"}, jobs=1))
    assert results["0.pdf"] == ("failed", "crashed the reader (SIGSEGV); the file may be damaged")
    assert results["1.pdf"][0] == "ok"


def test_a_hang_in_the_read_ahead_times_out_that_file_only(tmp_path: Path) -> None:
    limits = Limits(timeout_s=2, max_memory_mb=400)
    results = _by_name(_batch(tmp_path, {"0.pdf": "hang", "1.pdf": "plan"}, jobs=1,
                              limits=limits))
    assert results["0.pdf"] == ("failed", "took longer than 2 s; skipped (raise --timeout)")
    assert results["1.pdf"][0] == "ok"


def test_a_runaway_read_ahead_is_stopped_at_the_memory_limit(tmp_path: Path) -> None:
    limits = Limits(timeout_s=20, max_memory_mb=300)
    results = _by_name(_batch(tmp_path, {"0.pdf": "hog", "1.pdf": "plan"}, jobs=2,
                              limits=limits))
    assert results["0.pdf"] == ("failed", "exceeded the 300 MB memory limit (raise --max-memory)")
    assert results["1.pdf"][0] == "ok"


def test_what_the_read_ahead_dismisses_needs_no_worker(tmp_path: Path) -> None:
    report = _batch(tmp_path, {"0.pdf": "not a plan"}, jobs=2)
    [result] = report.results
    assert (result.status, result.reason) == (
        "no_plan", "no action-plan table found (no plan column headings)")


@pytest.mark.parametrize("name", ["eastbrook_yot_2022.pdf", "dtv_crc_2020.pdf"])
def test_a_plan_finished_from_a_pickled_read_is_the_plan_read_in_place(name: str) -> None:
    path = SAMPLES / name
    handed = pickle.loads(pickle.dumps(read_file(path), pickle.HIGHEST_PROTOCOL))
    assert extract_file(path, read=handed) == extract_file(path)
