"""The command line: sub-commands, options, exit status and what goes to stdout/stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import pipeline.batch
from pipeline import cli
from pipeline.models import json_schema

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
        [],
    ],
)
def test_bad_arguments_exit_2_with_usage_not_traceback(argv: list[str],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "usage: actionplan" in err and "Traceback" not in err


def test_options_reach_the_batch(tmp_path: Path, fake_extraction) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    argv = ["extract", str(tmp_path / "a.pdf"), "--out", str(tmp_path / "out"),
            "--format", "csv", "--jobs", "1", "--force", "--timeout", "30",
            "--max-memory", "800", "--max-size", "5"]
    assert cli.main(argv) == 0
    options = fake_extraction[0]
    assert (options.formats, options.jobs, options.force, options.timeout_s,
            options.max_memory_mb, options.max_size_mb) == (("csv",), 1, True, 30.0, 800, 5)


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
                     str(tmp_path / "missing.pdf"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    failures = [line for line in err.splitlines() if not line.startswith("[")]
    assert failures == [
        f"{tmp_path / 'bad.pdf'}: internal error: ValueError: something broke",
        f"{tmp_path / 'missing.pdf'}: no such file or folder",
    ]


def test_unusable_output_folder_is_one_line(tmp_path: Path, fake_extraction,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.pdf").write_text("ok", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file, not a folder", encoding="utf-8")
    code = cli.main(["extract", str(tmp_path / "a.pdf"), "--out", str(tmp_path / "blocker")])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_python_dash_m_pipeline_is_the_same_command() -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "schema"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "ActionPlan"
