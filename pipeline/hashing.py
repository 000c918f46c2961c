"""Content hashes of input files, computed in the worker that reads the file (under its limits).

The last file's digest is kept, keyed by its identity and modification time, so that hashing
an input before extraction and recording it in the plan read the bytes once.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipeline.input_files import open_input

_last: tuple[tuple[int, int, int, int], str] | None = None


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a regular file's bytes, read in chunks; special files are refused."""
    global _last
    with open_input(path) as fh:
        info = os.fstat(fh.fileno())
        key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        if _last is not None and _last[0] == key:
            return _last[1]
        digest = hashlib.sha256()
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    _last = (key, digest.hexdigest())
    return _last[1]
