"""The batch machinery with a stand-in per-file function (batch_fakes.fake_extract).

Each input's content tells the stand-in what to do (succeed, hang, hog memory, crash,
raise), so one batch exercises every way a file can end.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from pipeline.batch import (
    BatchOptions,
    BatchReport,
    Found,
    assign_names,
    collect_inputs,
    run_batch,
)
from pipeline.limits import Limits
from pipeline.manifest import MANIFEST_NAME
from pipeline.progress import Progress

FAKE = "batch_fakes:fake_extract"


def _options(out: Path, **kw: object) -> BatchOptions:
    limits = Limits(timeout_s=4, max_memory_mb=400, max_size_mb=kw.pop("max_size_mb", 200))
    base = BatchOptions(out, jobs=2, limits=limits, extract_ref=FAKE)
    return replace(base, **kw)


def _write(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")


def _run(paths: list[Path], options: BatchOptions) -> tuple[BatchReport, str]:
    log = io.StringIO()
    return run_batch(paths, options, log, tty=False), log.getvalue()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BatchReport, str]:
    root = tmp_path_factory.mktemp("mixed")
    _write(root / "in", {
        "good.pdf": "ok", "sub/good.pdf": "ok, sub", "hang.pdf": "hang", "hog.pdf": "hog",
        "crash.pdf": "crash", "locked.pdf": "encrypted", "bug.docx": "bug",
        "noplan.pdf": "empty-plan", "notes.txt": "x", "late.docx": "ok, late",
    })
    report, log = _run([root / "in"], _options(root / "out"))
    return root, report, log


def _by_name(report: BatchReport) -> dict[str, str]:
    return {Path(r.input.shown).name + ("@sub" if "sub" in r.input.shown else ""): r.status
            for r in report.results}


def test_every_way_a_file_can_end_is_reported_and_the_batch_carries_on(mixed) -> None:
    _, report, _ = mixed
    assert _by_name(report) == {
        "good.pdf": "ok", "good.pdf@sub": "ok", "late.docx": "ok", "hang.pdf": "failed",
        "hog.pdf": "failed", "crash.pdf": "failed", "locked.pdf": "failed", "bug.docx": "failed",
        "noplan.pdf": "no_plan",
    }
    assert not report.ok
    assert [s.shown.endswith("notes.txt") for s in report.skipped] == [True]


def test_failure_lines_name_the_file_and_an_actionable_reason(mixed) -> None:
    root, _, log = mixed
    lines = log.splitlines()
    expected = {
        "hang.pdf": "took longer than 4 s; skipped (raise --timeout)",
        "hog.pdf": "exceeded the 400 MB memory limit (raise --max-memory)",
        "locked.pdf": "encrypted: needs a password",
        "bug.docx": "internal error: ValueError: something broke",
        "noplan.pdf": "no action-plan table found",
    }
    for name, reason in expected.items():
        assert f"{root / 'in' / name}: {reason}" in lines
    assert any(line.startswith(f"{root / 'in' / 'crash.pdf'}: worker exited") for line in lines)
    assert "Traceback" not in log


def test_failed_inputs_leave_no_output_and_no_temp_files(mixed) -> None:
    root, _, _ = mixed
    names = sorted(p.name for p in (root / "out").iterdir())
    stems = {n.rsplit(".", 1)[0] for n in names}
    assert not stems & {"hang", "hog", "crash", "locked", "bug", "noplan"}
    assert not [n for n in names if n.endswith(".tmp")]
    assert {"actions.csv", "recommendations.csv", "errors.csv", "plans.xlsx", "plans.sqlite",
            "owners.csv", "plans.csv", MANIFEST_NAME, "late.docx.json", "late.docx.csv"
            } <= set(names)
    # The two good.pdf files got distinct names, each with JSON and CSV.
    assert len([n for n in names if n.startswith("good.pdf-") and n.endswith(".json")]) == 2


def test_combined_outputs_hold_the_good_plans_and_every_failure(mixed) -> None:
    root, report, _ = mixed
    out = root / "out"
    actions = pd.read_csv(out / "actions.csv", encoding="utf-8-sig")
    assert len(actions) == 3 * 3  # 3 good plans x (2 actions + 1 action-less recommendation)
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig")
    assert sorted(Path(f).name for f in errors["file"]) == sorted(
        ["hang.pdf", "hog.pdf", "crash.pdf", "locked.pdf", "bug.docx", "noplan.pdf"]
    )
    assert dict(zip(errors["file"].map(lambda f: Path(f).name), errors["kind"], strict=True))[
        "hang.pdf"] == "timeout"
    sheets = pd.read_excel(out / "plans.xlsx", sheet_name=None)
    assert [len(sheets[s]) for s in ("Plans", "Recommendations", "Actions", "Errors")] == [
        3, 6, 9, 6]
    assert "files: 3 ok, 5 failed, 1 no plan found, 1 skipped, 0 unchanged" in report.summary()
    assert "dataset: 3 plans in the output folder" in report.summary()
    assert "6 recommendations, 6 actions, 3 warnings" in report.summary()


def test_rerun_skips_unchanged_inputs_force_redoes_them_and_changes_are_noticed(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "in", {"a.pdf": "ok", "b.pdf": "ok, b"})
    options = _options(tmp_path / "out", jobs=1)
    first, _ = _run([tmp_path / "in"], options)
    assert [r.status for r in first.results] == ["ok", "ok"]

    second, log = _run([tmp_path / "in"], options)
    assert [r.status for r in second.results] == ["unchanged", "unchanged"]
    assert "unchanged" in log
    # Combined outputs still cover the skipped inputs.
    assert len(pd.read_csv(tmp_path / "out" / "actions.csv", encoding="utf-8-sig")) == 6

    (tmp_path / "in" / "b.pdf").write_text("ok, edited", encoding="utf-8")
    third, _ = _run([tmp_path / "in"], options)
    assert [r.status for r in third.results] == ["unchanged", "ok"]

    forced, _ = _run([tmp_path / "in"], replace(options, force=True))
    assert [r.status for r in forced.results] == ["ok", "ok"]
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text("utf-8"))
    assert sorted(manifest["entries"]) == ["a.pdf", "b.pdf"]


def test_a_file_that_now_fails_loses_its_stale_outputs(tmp_path: Path) -> None:
    _write(tmp_path / "in", {"a.pdf": "ok"})
    options = _options(tmp_path / "out", jobs=1)
    _run([tmp_path / "in"], options)
    assert (tmp_path / "out" / "a.pdf.json").exists()
    (tmp_path / "in" / "a.pdf").write_text("encrypted", encoding="utf-8")
    report, _ = _run([tmp_path / "in"], options)
    assert report.results[0].status == "failed"
    assert not (tmp_path / "out" / "a.pdf.json").exists()
    assert not (tmp_path / "out" / "a.pdf.csv").exists()
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text("utf-8"))
    assert manifest["entries"] == {}


def test_oversized_input_is_refused_without_a_worker(tmp_path: Path) -> None:
    (tmp_path / "big.pdf").write_bytes(b"ok" + bytes(2 << 20))
    report, log = _run([tmp_path / "big.pdf"], _options(tmp_path / "out", max_size_mb=1))
    assert report.results[0].kind == "too_large"
    assert f"{tmp_path / 'big.pdf'}: too large: 2 MB (limit 1 MB; raise --max-size)" in log
    assert report.worker_peaks_mb == []  # no worker was started for it


def test_format_choice_writes_only_those_tables_and_the_json_record(tmp_path: Path) -> None:
    _write(tmp_path / "in", {"a.pdf": "ok"})
    _run([tmp_path / "in"], _options(tmp_path / "out"))
    assert (tmp_path / "out" / "plans.xlsx").exists()
    _run([tmp_path / "in"], _options(tmp_path / "out", formats=("csv",)))
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"a.pdf.csv", "a.pdf.json", "actions.csv"} <= names
    # Tables not asked for are removed rather than left stale.
    assert not {"plans.xlsx", "plans.sqlite"} & names


def _found(*paths: str) -> list[Found]:
    return [Found(Path(p), Path(p).name) for p in paths]


def test_names_are_the_file_name_and_clashes_get_a_hash_of_the_resolved_path() -> None:
    files = _found("x/plan.pdf", "y/plan.docx", "z/Plan.pdf", "w/plan.pdf", "actions",
                   "solo.pdf")
    names = [i.name for i in assign_names(files)]
    assert len(set(names)) == len(names)
    # The order of the batch does not matter.
    assert names == [i.name for i in assign_names(list(reversed(files)))][::-1]
    assert names[1] == "plan.docx" and names[-1] == "solo.pdf"
    assert names[4].startswith("actions-")
    for name, path in zip([names[0], names[2]], ["x/plan.pdf", "z/Plan.pdf"], strict=True):
        digest = hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:8]
        assert name == f"{Path(path).name}-{digest}"


def test_a_name_once_given_is_kept_in_later_runs_with_other_batch_contents(
    tmp_path: Path,
) -> None:
    _write(tmp_path, {"a/plan.pdf": "ok", "b/plan.pdf": "ok, other"})
    options = _options(tmp_path / "out", jobs=1)
    first, _ = _run([tmp_path / "a"], options)
    assert first.results[0].input.name == "plan.pdf"
    second, _ = _run([tmp_path / "b", tmp_path / "a"], options)
    assert [r.status for r in second.results] == ["ok", "unchanged"]
    assert second.results[1].input.name == "plan.pdf"  # a/plan.pdf kept its name
    assert second.results[0].input.name.startswith("plan.pdf-")
    third, _ = _run([tmp_path / "b"], options)
    assert third.results[0].input.name == second.results[0].input.name


def test_folders_are_walked_and_other_files_listed_as_skipped(tmp_path: Path) -> None:
    _write(tmp_path, {"a/1.pdf": "", "a/b/2.DOCX": "", "a/3.doc": "", "a/4.odt": "",
                      "a/readme.md": "", "a/~$lock.docx": "", "named.txt": ""})
    files, skipped, missing = collect_inputs(
        [tmp_path / "a", tmp_path / "named.txt", tmp_path / "gone.pdf", tmp_path / "a"]
    )
    assert sorted(f.path.name for f in files) == ["1.pdf", "2.DOCX", "3.doc", "4.odt",
                                                  "named.txt"]
    assert sorted(f.relative for f in files) == ["1.pdf", "3.doc", "4.odt", "b/2.DOCX",
                                                 "named.txt"]
    assert sorted(Path(s.shown).name for s in skipped) == ["readme.md", "~$lock.docx"]
    assert [Path(m.shown).name for m in missing] == ["gone.pdf"]


def test_progress_bar_on_a_terminal_and_log_lines_otherwise() -> None:
    tty = io.StringIO()
    bar = Progress(2, tty, tty=True)
    bar.succeeded("a.pdf", "2 recommendations", 4)
    bar.failed("b.pdf", "encrypted: needs a password")
    bar.finish()
    text = tty.getvalue()
    assert "2/2 files" in text and "1 failed" in text and "pages/s" in text
    assert "\nb.pdf: encrypted: needs a password\n" in "\n" + text.replace("\r\x1b[2K", "\n")
    assert "ok a.pdf" not in text  # successes only move the bar

    plain = io.StringIO()
    log = Progress(2, plain, tty=False)
    log.succeeded("a.pdf", "2 recommendations", 4)
    log.failed("b.pdf", "encrypted: needs a password")
    assert plain.getvalue().splitlines() == [
        "[1/2] ok a.pdf: 2 recommendations", "b.pdf: encrypted: needs a password"]
    assert "\r" not in plain.getvalue()


def test_the_workbook_is_written_even_when_its_forked_writer_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os

    import pipeline.batch as batch_module

    real = batch_module.write_workbook
    parent = os.getpid()

    def fails_in_the_child(*args: object, **kwargs: object) -> None:
        if os.getpid() != parent:
            raise OSError(28, "No space left on device")
        real(*args, **kwargs)

    monkeypatch.setattr(batch_module, "write_workbook", fails_in_the_child)
    _write(tmp_path / "in", {"a.pdf": "ok", "b.pdf": "ok, b"})
    report, _ = _run([tmp_path / "in"], _options(tmp_path / "out"))
    assert report.ok
    sheets = pd.read_excel(tmp_path / "out" / "plans.xlsx", sheet_name=None)
    assert len(sheets["Actions"]) == 6
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]
