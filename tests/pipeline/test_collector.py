"""The tool's own processes run the cyclic garbage collector less often; a program that calls
the library keeps its own settings."""

from __future__ import annotations

import gc
import io
import subprocess
import sys
from pathlib import Path

from pipeline import collector
from pipeline.batch import BatchOptions, run_batch
from pipeline.limits import Limits

ROOT = Path(__file__).resolve().parents[2]


def test_workers_collect_less_often_and_the_caller_keeps_its_settings(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.pdf").write_text("gc threshold", encoding="utf-8")
    before = gc.get_threshold()
    options = BatchOptions(tmp_path / "out", jobs=1, extract_ref="batch_fakes:fake_extract",
                           limits=Limits(timeout_s=60))
    report = run_batch([tmp_path / "in"], options, io.StringIO(), tty=False)
    plan = report.results[0].plan
    assert plan is not None and plan.plan.organisation == str(collector.YOUNG_THRESHOLD)
    assert gc.get_threshold() == before  # the library's caller: its own settings


def test_the_command_line_collects_less_often() -> None:
    # The program itself leaves without returning (cli._leave): an exit handler reads the
    # threshold in force at its end.
    code = ("import atexit, gc, sys; from pipeline import cli; sys.argv = ['actionplan', 'schema'];"
            "atexit.register(lambda: print('threshold', gc.get_threshold()[0], file=sys.stderr));"
            "cli.main()")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert run.stderr.split() == ["threshold", str(collector.YOUNG_THRESHOLD)]
