"""Legacy word-processor files (.doc, .odt) become .docx through LibreOffice, if installed."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import DamagedDocument, ResourceLimit, UnsupportedFormat

CONVERT_TIMEOUT_S = 90


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@contextlib.contextmanager
def converted_to_docx(path: Path, fmt: str, timeout: float = CONVERT_TIMEOUT_S) -> Iterator[Path]:
    """Yield a temporary .docx made from a .doc/.odt file; removed on exit."""
    soffice = soffice_path()
    if soffice is None:
        raise UnsupportedFormat(
            f".{fmt} needs LibreOffice to convert; install libreoffice-writer or save as .docx",
            path=str(path),
        )
    with tempfile.TemporaryDirectory(prefix="actionplan-convert-") as tmp:
        tmpdir = Path(tmp)
        # A private profile per run: parallel workers would otherwise fight over one lock.
        profile = (tmpdir / "profile").as_uri()
        # A plain name in a private folder: no user-chosen name can look like an option.
        source = tmpdir / f"input.{fmt}"
        shutil.copyfile(path, source)
        out = tmpdir / "out"
        command = [
            soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--nolockcheck", "--convert-to", "docx", "--outdir", str(out), str(source),
        ]
        # Own session so that a timeout kills soffice.bin too, not just its launcher script.
        proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env={**os.environ, "HOME": tmp}, start_new_session=True,
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise ResourceLimit(
                f"LibreOffice took longer than {timeout:.0f} s to convert the .{fmt}; skipped",
                path=str(path),
            ) from exc
        result = out / "input.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise DamagedDocument(
                f"LibreOffice could not convert this .{fmt} (damaged?); save it as .docx",
                path=str(path),
            )
        yield result
