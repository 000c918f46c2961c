"""Stop signals are recorded, never raised where they land (inside importlib's lock
bookkeeping a raised KeyboardInterrupt once left the import lock held and hung the batch):
the batch stops at its next wait with what it finished kept, and the command line exits 130
with its one line."""

from __future__ import annotations

import io
import multiprocessing as mp
import os
import signal
from pathlib import Path

import pytest

from pipeline import cli, stop
from pipeline.batch import BatchOptions, run_batch
from pipeline.limits import Limits
from pipeline.manifest import Manifest


def test_a_recorded_stop_is_not_raised_where_it_lands_but_at_the_next_check() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with stop.recording():
        os.kill(os.getpid(), signal.SIGTERM)  # handled here, in the middle of this test
        assert stop.requested()
        with pytest.raises(KeyboardInterrupt):
            stop.check()
    assert not stop.requested()
    assert signal.getsignal(signal.SIGTERM) == before  # the caller's handler is back


def _batch(tmp_path: Path, files: dict[str, str], ref: str, jobs: int):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    options = BatchOptions(tmp_path / "out", jobs=jobs, extract_ref=ref,
                           limits=Limits(timeout_s=120))
    return run_batch([folder], options, io.StringIO(), tty=False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_stops_at_its_next_wait_and_keeps_what_it_finished(tmp_path: Path,
                                                                    jobs: int) -> None:
    files = {"a.pdf": "ok", "b.pdf": "ok", "c.pdf": "stop the batch", "d.pdf": "hang"}
    with stop.recording(), pytest.raises(KeyboardInterrupt):
        _batch(tmp_path, files, "batch_fakes:fake_extract", jobs=jobs)
    entries = Manifest.load(tmp_path / "out").entries  # its journal replayed
    if jobs == 1:  # in turn: both finished before the stop, so both are kept
        assert {"a.pdf", "b.pdf"} <= set(entries)
    assert "d.pdf" not in entries  # the hang was never waited for
    assert not (tmp_path / "out" / "plans.csv").exists()  # stopped before the tables
    assert mp.active_children() == []  # every worker ended, the hung one too


def test_the_command_line_exits_130_for_a_stop_that_came_after_the_run(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def finishes_then_signalled(argv: list[str] | None) -> int:
        os.kill(os.getpid(), signal.SIGTERM)
        return 0

    monkeypatch.setattr(cli, "_main", finishes_then_signalled)
    assert cli.main(["extract"]) == 130
    assert capsys.readouterr().err == "interrupted; outputs written so far are complete\n"
