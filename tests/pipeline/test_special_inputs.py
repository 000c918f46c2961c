"""Inputs that are not plain files, or cannot be listed: refused with a reason, never a hang,
never skipped in silence; and no byte of any input is read by the batch process itself."""

from __future__ import annotations

import builtins
import errno
import io
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, collect_inputs, run_batch
from pipeline.errors import UnsupportedFormat
from pipeline.input_files import open_input, special_file_reason
from pipeline.limits import Limits

FAKE = "batch_fakes:fake_extract"


def _options(out: Path, **kw: object) -> BatchOptions:
    return replace(BatchOptions(out, jobs=2, limits=Limits(timeout_s=20), extract_ref=FAKE),
                   **kw)


@pytest.fixture()
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.pdf").write_text("ok", encoding="utf-8")
    os.mkfifo(folder / "pipe.pdf")
    (folder / "endless.docx").symlink_to("/dev/zero")
    (folder / "kernel.pdf").symlink_to("/proc/self/status")
    (folder / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (tmp_path / "elsewhere").mkdir()
    (folder / "linked-folder").symlink_to(tmp_path / "elsewhere")
    return folder


def test_special_files_fail_with_a_reason_and_the_good_file_converts(
    odd_folder: Path, tmp_path: Path
) -> None:
    log = io.StringIO()
    started = time.monotonic()
    report = run_batch([odd_folder], _options(tmp_path / "out"), log, tty=False)
    assert time.monotonic() - started < 60
    by_name = {Path(r.input.shown).name: r for r in report.results}
    assert by_name["good.pdf"].status == "ok"
    assert by_name["pipe.pdf"].reason == (
        "not a regular file (a named pipe (FIFO)); refused without reading")
    assert by_name["endless.docx"].reason == (
        "not a regular file (a character device); refused without reading")
    assert by_name["kernel.pdf"].reason == (
        "a /proc or /sys entry, not a document; refused without reading")
    assert by_name["gone.pdf"].reason == "cannot be read: No such file or directory"
    assert [s.reason for s in report.skipped] == ["a link to a folder; not followed"]
    lines = log.getvalue().splitlines()
    assert f"{odd_folder / 'pipe.pdf'}: not a regular file (a named pipe (FIFO)); refused " \
           "without reading" in lines
    assert not report.ok


def test_special_file_named_directly_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    report = run_batch([tmp_path / "pipe.pdf"], _options(tmp_path / "out"), io.StringIO(),
                       tty=False)
    assert [r.kind for r in report.results] == ["not_a_file"]


def test_the_batch_process_reads_no_input_byte(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # Workers are spawned and open files in processes of their own; here any open is a bug.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.pdf").write_text("ok", encoding="utf-8")
    opened: list[str] = []

    def guarded(real):  # type: ignore[no-untyped-def]
        def opener(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(file, (str, os.PathLike)) and os.fspath(file).startswith(str(folder)):
                opened.append(os.fspath(file))
            return real(file, *args, **kwargs)
        return opener

    monkeypatch.setattr(builtins, "open", guarded(builtins.open))
    monkeypatch.setattr(io, "open", guarded(io.open))
    monkeypatch.setattr(os, "open", guarded(os.open))
    out = tmp_path / "out"
    first = run_batch([folder], _options(out), io.StringIO(), tty=False)
    again = run_batch([folder], _options(out), io.StringIO(), tty=False)
    assert [r.status for r in first.results] == ["ok"]
    assert [r.status for r in again.results] == ["unchanged"]  # the worker hashed it
    monkeypatch.undo()
    assert opened == []
    (folder / "a.pdf").write_text("ok, changed", encoding="utf-8")
    third = run_batch([folder], _options(out), io.StringIO(), tty=False)
    assert [r.status for r in third.results] == ["ok"]


def test_opening_a_fifo_neither_blocks_nor_reads(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.pdf")
    (tmp_path / "via-link.pdf").symlink_to(tmp_path / "p.pdf")
    for name in ("p.pdf", "via-link.pdf"):
        with pytest.raises(UnsupportedFormat, match="named pipe"):
            open_input(tmp_path / name)


def test_regular_files_pass(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-")
    assert special_file_reason(tmp_path / "x.pdf") is None
    with open_input(tmp_path / "x.pdf") as fh:
        assert fh.read() == b"%PDF-"


def test_a_folder_that_cannot_be_listed_is_a_failure(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.pdf").write_text("ok", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith("locked"):  # root reads any folder, so refuse it by hand
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, skipped, failed = collect_inputs([folder])
    assert [f.path.name for f in files] == ["a.pdf"]
    assert [(f.shown, f.reason, f.kind) for f in failed] == [
        (str(folder / "locked"), "folder cannot be read: Permission denied", "unreadable")]
    report = run_batch([folder], _options(tmp_path / "out"), io.StringIO(), tty=False)
    assert not report.ok
    assert [(Path(r.input.shown).name, r.status, r.kind) for r in report.results] == [
        ("a.pdf", "ok", ""), ("locked", "failed", "unreadable")]
