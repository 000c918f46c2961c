"""The command line: sub-commands, options, exit status and what goes to stdout/stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import pipeline.batch
from pipeline import cli
from pipeline.limits import Limits
from pipeline.models import ActionPlan, json_schema

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake_extraction(monkeypatch: pytest.MonkeyPatch) -> list[pipeline.batch.BatchOptions]:
    """Route the CLI's batch to the stand-in per-file function; records the options used."""
    real = pipeline.batch.run_batch
    seen: list[pipeline.batch.BatchOptions] = []

    def run(paths, options, *args, **kwargs):
        seen.append(options)
        return real(paths, replace(options, extract_ref="batch_fakes:fake_extract"), *args,
                    **kwargs)

    monkeypatch.setattr(pipeline.batch, "run_batch", run)
    return seen


def test_schema_prints_the_models_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("actionplan ")


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "x.pdf"],  # --out is required
        ["extract", "x.pdf", "--out", "o", "--format", "xml"],
        ["extract", "x.pdf", "--out", "o", "--jobs", "0"],
        ["extract", "x.pdf", "--out", "o", "--timeout", "-1"],
        ["extract", "x.pdf", "--out", "o", "--max-size", "lots"],
        ["extract", "x.pdf", "--out", "o", "--max-pages", "1.5"],
        ["extract", "x.pdf", "--out", "o", "-q", "-v"],
        [],
    ],
)
def test_bad_arguments_exit_2_with_one_error_line(argv: list[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("Error: "), err
    assert "_positive" not in err  # the message names the rule, not a function
    assert list(tmp_path.iterdir()) == []


def test_bad_values_are_explained(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["extract", "x.pdf", "--out", "o", "--max-size", "lots"])
    assert "--max-size: must be a number, not 'lots'" in capsys.readouterr().err


def test_missing_path_and_file_as_output_are_usage_errors_before_anything_is_written(
    tmp_path: Path, fake_extraction, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    code = cli.main(["extract", str(tmp_path / "a.pdf"), str(tmp_path / "gone.pdf"),
                     "--out", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err == f"Error: no such file or folder: {tmp_path / 'gone.pdf'}\n"
    assert not (tmp_path / "out").exists()
    (tmp_path / "blocker").write_text("a file", encoding="utf-8")
    code = cli.main(["extract", str(tmp_path / "a.pdf"), "--out", str(tmp_path / "blocker")])
    assert code == 2
    assert capsys.readouterr().err.startswith("Error: --out ")
    assert fake_extraction == []  # the batch never started


def test_options_reach_the_batch(tmp_path: Path, fake_extraction) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    argv = ["extract", str(tmp_path / "a.pdf"), "--out", str(tmp_path / "out"),
            "--format", "csv", "--jobs", "1", "--force", "--timeout", "30",
            "--max-memory", "800", "--max-size", "0.5", "--max-pages", "40", "--prune", "-q"]
    assert cli.main(argv) == 0
    options = fake_extraction[0]
    assert (options.formats, options.jobs, options.force, options.prune, options.verbosity) == (
        ("csv",), 1, True, True, -1)
    assert options.limits == Limits(max_size_mb=0.5, max_pages=40, timeout_s=30.0,
                                    max_memory_mb=800)


def test_all_good_exits_0_and_prints_summary(tmp_path: Path, fake_extraction,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.pdf", "b.docx"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text("ok", encoding="utf-8")
    code = cli.main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 0
    assert "files: 2 ok, 0 failed" in out
    assert sorted(p.name for p in (tmp_path / "out").glob("[ab].*")) == [
        "a.pdf.csv", "a.pdf.json", "b.docx.csv", "b.docx.json"]
    assert "Traceback" not in err


def test_any_failure_exits_1_with_one_line_per_failure(tmp_path: Path, fake_extraction,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.pdf").write_text("ok", encoding="utf-8")
    (tmp_path / "bad.pdf").write_text("bug", encoding="utf-8")
    code = cli.main(["extract", str(tmp_path / "good.pdf"), str(tmp_path / "bad.pdf"),
                     "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    failures = [line for line in err.splitlines() if not line.startswith("[")]
    assert failures == [f"{tmp_path / 'bad.pdf'}: internal error: ValueError: something broke"]


def test_quiet_prints_failures_and_summary_verbose_lists_skipped_files(
    tmp_path: Path, fake_extraction, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "in").mkdir()
    for name, text in {"a.pdf": "ok", "b.pdf": "bug", "notes.txt": "x"}.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    argv = ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--jobs", "1"]
    cli.main([*argv, "-q"])
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"{tmp_path / 'in' / 'b.pdf'}: internal error: ValueError: "
                                "something broke"]
    assert "files: 1 ok, 1 failed, 0 no plan found, 1 skipped" in out
    cli.main(argv)
    err = capsys.readouterr().err
    assert "notes.txt" not in err  # skipped files are counted in the summary, not listed
    cli.main([*argv, "-v", "--force"])
    err = capsys.readouterr().err
    assert f"skipped {tmp_path / 'in' / 'notes.txt'}: not a" in err
    assert f"ok {tmp_path / 'in' / 'a.pdf'}: 2 recommendations, 2 actions, 3 pages" in err


def test_out_dash_writes_json_lines_to_stdout_and_no_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("pipeline.batch.EXTRACT_REF", "batch_fakes:fake_extract")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for name, text in {"a.pdf": "ok", "b.pdf": "encrypted", "c.docx": "ok, c"}.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    code = cli.main(["extract", "in", "--out", "-", "--jobs", "2"])
    out, err = capsys.readouterr()
    assert code == 1
    plans = [ActionPlan.model_validate_json(line) for line in out.splitlines()]
    assert [p.source.file for p in plans] == ["a.pdf", "c.docx"]  # input order
    assert err.splitlines() == ["in/b.pdf: encrypted: needs a password",
                                "files: 2 ok, 1 failed"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    assert cli.main(["extract", "in", "--out", "-", "--prune"]) == 2
    assert capsys.readouterr().err.startswith("Error: --prune: only with an output folder")


def test_python_dash_m_pipeline_is_the_same_command() -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "schema"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "ActionPlan"


def test_the_program_leaves_with_its_status_after_its_exit_handlers(tmp_path: Path) -> None:
    # The program skips the interpreter's shutdown (cli._leave); what a normal exit does
    # must still happen: the status, the exit handlers, the buffered streams written out.
    code = ("import atexit, sys; from pipeline import cli;"
            "atexit.register(lambda: print('handler ran'));"
            f"sys.argv = ['actionplan', 'extract', {str(tmp_path / 'gone.pdf')!r}, '--out', "
            f"{str(tmp_path / 'o')!r}]; print('buffered'); cli.main()")
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=False, env=buffered)
    assert result.returncode == 2
    assert result.stdout.split("\n")[:2] == ["buffered", "handler ran"]
    assert result.stderr.startswith("Error: no such file or folder")


def test_the_program_leaves_quietly_when_started_with_stdout_closed() -> None:
    # CPython then sets sys.stdout to None; leaving must not flush it (a traceback, status 1).
    result = subprocess.run([sys.executable, "-m", "pipeline", "schema"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            timeout=120, check=False, preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr) == (0, "")


def test_extract_parses_the_same_with_its_parser_alone(tmp_path: Path) -> None:
    # `actionplan extract` builds only its own parser (the audit's imports wait for audit).
    argv = ["extract", str(tmp_path), "--out", str(tmp_path / "o"), "--jobs", "3",
            "--format", "json,csv", "--timeout", "9", "--review", "--pages", "4", "-q"]
    assert cli.build_parser(only="extract").parse_args(argv) == cli.build_parser().parse_args(argv)
    with pytest.raises(SystemExit):
        cli.build_parser(only="extract").parse_args(["audit", str(tmp_path)])
    code = ("import sys; from pipeline import cli; cli.build_parser(only='extract'); "
            "sys.exit('pipeline.audit.rules' in sys.modules)")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
