"""A batch killed at any moment: the manifest lists every file finished before the kill, the
rerun redoes only the rest, and the workers do not outlive the batch; two batches into one
folder keep both their entries."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from pipeline.batch import BatchOptions, run_batch
from pipeline.limits import Limits
from pipeline.manifest import Manifest

FAKE = "batch_fakes:fake_extract"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

_CHILD = """
import io, sys
from pathlib import Path
from pipeline.batch import BatchOptions, run_batch
from pipeline.limits import Limits
run_batch([Path(sys.argv[1])], BatchOptions(Path(sys.argv[2]), jobs=2, limits=Limits(timeout_s=60),
          extract_ref="batch_fakes:fake_extract"), io.StringIO(), tty=False)
"""


def _options(out: Path) -> BatchOptions:
    return replace(BatchOptions(out, jobs=2, extract_ref=FAKE), limits=Limits(timeout_s=60))


def _entries(out: Path) -> dict:
    # As the next batch reads them: the manifest with its journal replayed.
    return Manifest.load(out).entries


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_kill_9_then_rerun_redoes_only_the_unfinished_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"p{i:02}.pdf").write_text(f"slow {i}", encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])}
    batch = subprocess.Popen([sys.executable, "-c", _CHILD, str(folder), str(out)], env=env,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while len(_entries(out)) < 3:
        assert batch.poll() is None, "the batch ended before it could be killed"
        assert time.monotonic() < deadline, "no file finished in time"
        workers = _children(batch.pid) or workers
        time.sleep(0.02)
    workers = _children(batch.pid) or workers
    batch.send_signal(signal.SIGKILL)
    batch.wait()
    finished = set(_entries(out))
    assert 3 <= len(finished) < 12
    # Workers notice their parent is gone and end, busy or idle.
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived the killed batch"
        time.sleep(0.05)

    report = run_batch([folder], _options(out), io.StringIO(), tty=False)
    statuses = {r.input.name: r.status for r in report.results}
    assert {n for n, s in statuses.items() if s == "unchanged"} == finished
    assert {n for n, s in statuses.items() if s == "ok"} == set(statuses) - finished
    assert len(_entries(out)) == 12


def test_two_batches_into_one_folder_keep_both(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    for folder, names in ((a, ["a1", "a2"]), (b, ["b1", "b2"])):
        folder.mkdir()
        for name in names:
            (folder / f"{name}.pdf").write_text(f"ok {name}", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)])}
    runs = [subprocess.Popen([sys.executable, "-c", _CHILD, str(f), str(out)], env=env)
            for f in (a, b)]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    assert set(_entries(out)) == {"a1.pdf", "a2.pdf", "b1.pdf", "b2.pdf"}


def test_no_traceback_on_a_signal_at_any_moment(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    sample = ROOT / "samples" / "dtv_crc_2020.pdf"
    for i in range(3):
        (folder / f"p{i}.pdf").write_bytes(sample.read_bytes() + b"\n%" + bytes([48 + i]))
    # From the moment actionplan's code runs (the interpreter's own first ~50 ms of start-up
    # are beyond any program's reach) to the last table written.
    for delay, signum in [(0.5, signal.SIGINT), (2.0, signal.SIGTERM), (4.0, signal.SIGINT)]:
        out = tmp_path / f"out-{delay}"
        run = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(folder),
                                "--out", str(out), "--jobs", "2"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        run.send_signal(signum)
        _, err = run.communicate(timeout=120)
        text = err.decode("utf-8", "replace")
        assert "Traceback" not in text, (delay, text)
        # 130, or killed by SIGINT (-2) which a shell also shows as 130.
        assert run.returncode in (0, 130, -signal.SIGINT), (delay, run.returncode, text)
        if run.returncode == 130:  # stopped by our handler (not at the interpreter's exit)
            assert text.rstrip().endswith("interrupted; outputs written so far are complete")
