"""What may be read as an input document, and opening one without ever blocking.

Only regular files are documents. A FIFO or a device would block or never end, and /proc and
/sys entries report a size of 0 yet can stream for ever, so they are refused from ``stat``
alone, before a single byte is read. Light enough for the batch parent to import.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
from pathlib import Path
from typing import BinaryIO

from pipeline.errors import UnsupportedFormat

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_PSEUDO_ROOTS = ("/proc", "/sys")


@functools.cache
def _pseudo_devices() -> frozenset[int]:
    devices = set()
    for root in _PSEUDO_ROOTS:
        with contextlib.suppress(OSError):
            devices.add(os.stat(root).st_dev)
    return frozenset(devices)


def special_file_reason(path: Path, info: os.stat_result | None = None) -> str | None:
    """Why ``path`` (links followed) is not a document we may read, or None if it may be."""
    info = info if info is not None else os.stat(path)
    for test, kind in _KINDS:
        if test(info.st_mode):
            return f"not a regular file ({kind}); refused without reading"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file; refused without reading"
    resolved = os.path.realpath(path)
    in_pseudo = any(resolved == root or resolved.startswith(root + "/") for root in _PSEUDO_ROOTS)
    if in_pseudo or info.st_dev in _pseudo_devices():
        return "a /proc or /sys entry, not a document; refused without reading"
    return None


def open_input(path: Path) -> BinaryIO:
    """Open a document for reading; refuse (without blocking) anything but a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        reason = special_file_reason(path, os.fstat(fd))
        if reason is not None:
            raise UnsupportedFormat(reason, path=str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
