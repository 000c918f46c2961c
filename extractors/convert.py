"""Legacy word-processor files (.doc, .odt) become .docx through LibreOffice, if installed.

LibreOffice is treated as a hostile-input parser that must not reach anything:
- the document is copied without its outside links first (``linked_content``);
- LibreOffice runs with a fresh profile that blocks links from untrusted documents and
  macros, and, where the system allows it, in a private network namespace (no interface
  but a loopback that is down) and a private PID namespace;
- it runs under ``soffice_guard``, a small process in a session of its own that kills
  LibreOffice's whole process group and removes the temporary folder when the worker is
  done with the result, gives up, or dies for any reason (its pipe from the worker closes).
"""

from __future__ import annotations

import contextlib
import functools
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from extractors.errors import DamagedDocument, ResourceLimit, UnsupportedFormat
from extractors.linked_content import copy_without_links

CONVERT_TIMEOUT_S = 90
_GUARD = Path(__file__).with_name("soffice_guard.py")
# Private network and PID namespaces: the first needs root or user namespaces, so each
# form is tried once and the first that works is kept; none is a valid answer too.
_ISOLATION_PREFIXES = (
    ("unshare", "--net", "--pid", "--fork", "--kill-child"),
    ("unshare", "--map-root-user", "--net", "--pid", "--fork", "--kill-child"),
)
# LibreOffice settings for the throw-away profile: no linked content from the document
# (images, sections, auto-reload), no macros.
_PROFILE_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks",
     "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
)


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


@functools.cache
def isolation_prefix() -> tuple[str, ...]:
    """The command prefix that gives LibreOffice no network, or () where none works here."""
    for prefix in _ISOLATION_PREFIXES:
        if shutil.which(prefix[0]) is None:
            return ()
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            done = subprocess.run([*prefix, "true"], stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  timeout=10, check=False)
            if done.returncode == 0:
                return prefix
    return ()


def write_profile(profile_dir: Path) -> None:
    """A LibreOffice user profile holding only the blocking settings."""
    items = "\n".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>"
        for path, name, value in _PROFILE_SETTINGS
    )
    user = profile_dir / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}\n</oor:items>\n",
        encoding="utf-8",
    )


@contextlib.contextmanager
def converted_to_docx(path: Path, fmt: str, timeout: float = CONVERT_TIMEOUT_S) -> Iterator[Path]:
    """Yield a temporary .docx made from a .doc/.odt file; removed on exit."""
    soffice = soffice_path()
    if soffice is None:
        raise UnsupportedFormat(
            f".{fmt} needs LibreOffice to convert; install libreoffice-writer or save as .docx",
            path=str(path),
        )
    tmpdir = Path(tempfile.mkdtemp(prefix="actionplan-convert-"))
    guard: subprocess.Popen[bytes] | None = None
    try:
        # A private profile per run: parallel workers would otherwise fight over one lock.
        profile = tmpdir / "profile"
        write_profile(profile)
        # A plain name in a private folder: no user-chosen name can look like an option.
        source = tmpdir / f"input.{fmt}"
        copy_without_links(path, source, fmt)
        out = tmpdir / "out"
        command = [
            *isolation_prefix(), soffice, f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "docx", "--outdir", str(out), str(source),
        ]
        guard = subprocess.Popen(
            [sys.executable, "-I", str(_GUARD), str(tmpdir), "--", *command],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=_plain_env(tmpdir), start_new_session=True,
        )
        if _wait_for_exit_line(guard, timeout) is None:
            raise ResourceLimit(
                f"LibreOffice took longer than {timeout:.0f} s to convert the .{fmt}; skipped",
                path=str(path),
            )
        result = out / "input.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise DamagedDocument(
                f"LibreOffice could not convert this .{fmt} (damaged?); save it as .docx",
                path=str(path),
            )
        yield result
    finally:
        if guard is not None:
            _release(guard)
        shutil.rmtree(tmpdir, ignore_errors=True)


def _plain_env(tmpdir: Path) -> dict[str, str]:
    # No proxy settings or display from the caller; HOME and TMPDIR inside the private folder.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmpdir),
           "TMPDIR": str(tmpdir), "LANG": "C.UTF-8"}
    return env


def _wait_for_exit_line(guard: subprocess.Popen[bytes], timeout: float) -> int | None:
    """LibreOffice's exit status as the guard reports it, or None when time ran out."""
    assert guard.stdout is not None
    deadline = time.monotonic() + timeout
    line = b""
    while not line.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        readable, _, _ = select.select([guard.stdout], [], [], left)
        if not readable:
            return None
        chunk = os.read(guard.stdout.fileno(), 64)
        if not chunk:
            return -1  # the guard itself ended early; the missing output says the rest
        line += chunk
    try:
        return int(line)
    except ValueError:
        return -1


def _release(guard: subprocess.Popen[bytes]) -> None:
    """Close the guard's pipe (it then kills what is left and removes the folder) and reap it."""
    for stream in (guard.stdin, guard.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    try:
        guard.wait(timeout=30)
    except subprocess.TimeoutExpired:
        guard.kill()
        guard.wait()
