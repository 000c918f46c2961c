"""The output folder's record of what was converted from what, so reruns skip unchanged inputs.

``DIR/.actionplan-manifest.json`` maps each output name to the input's SHA-256, the tool
and schema versions, the formats written, the input's resolved location and its path relative
to the folder it was found in. It is the index of the dataset: the combined tables are rebuilt
from every plan it lists, and an input keeps its output name for as long as it is listed.
An entry is trusted only while its outputs still exist; a missing, unreadable or foreign
manifest simply means "convert everything".
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.export import atomic_text

MANIFEST_NAME = ".actionplan-manifest.json"


@dataclass(frozen=True, slots=True)
class Entry:
    input: str
    sha256: str
    version: str
    formats: tuple[str, ...]
    # Where the input is: not part of "unchanged" (a moved copy of the same bytes is current).
    source: str = field(default="", compare=False)  # resolved absolute path
    path: str = field(default="", compare=False)  # relative to the folder it was found in


@dataclass
class Manifest:
    """The folder's manifest as this run sees it; ``save`` merges this run's changes into
    whatever is on disk, under a lock, so batches writing into one folder keep each other's
    entries."""

    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    # What this run recorded (an Entry) or forgot (None) since the last save.
    _changes: dict[str, Entry | None] = field(default_factory=dict, repr=False)
    # The file as this run last wrote it (inode, size, mtime): unchanged means no other
    # batch has saved since, so the entries in memory are the file's.
    _written: tuple[int, int, int] | None = field(default=None, repr=False)
    # Each entry's line of the file as last encoded: saved after every file, the manifest
    # re-encoded every entry each time (quadratic in the batch's files).
    _lines: dict[str, tuple[Entry, str]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """Read DIR's manifest; an absent or unreadable one is empty."""
        path = out_dir / MANIFEST_NAME
        return cls(path, _read_entries(path))

    def is_current(self, name: str, entry: Entry, outputs: list[Path]) -> bool:
        """True when ``name`` was made from the same bytes, by this version, in these formats."""
        return self.entries.get(name) == entry and all(p.is_file() for p in outputs)

    def record(self, name: str, entry: Entry) -> None:
        self.entries[name] = entry
        self._changes[name] = entry

    def name_of(self, source: str) -> str | None:
        """The output name the input at ``source`` (resolved path) already has, if any."""
        for name, entry in self.entries.items():
            if entry.source == source:
                return name
        return None

    def forget(self, name: str) -> None:
        self.entries.pop(name, None)
        self._changes[name] = None

    def save(self) -> None:
        """Merge this run's changes into the manifest on disk and write it atomically.

        Called after every file, so an interrupted run (Ctrl-C, kill -9, a crash) leaves a
        manifest listing everything finished, and the rerun redoes only the rest.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path.with_name(MANIFEST_NAME + ".lock")):
            # Read back only when another batch may have written it since our last save.
            same = self._written is not None and _signature(self.path) == self._written
            if same and not self._changes:
                return  # the file is this run's last save, and nothing changed since
            merged = dict(self.entries) if same else _read_entries(self.path)
            for name, entry in self._changes.items():
                if entry is None:
                    merged.pop(name, None)
                else:
                    merged[name] = entry
            with atomic_text(self.path) as fh:
                fh.write(_manifest_text(merged, self._lines))
            self._written = _signature(self.path)
        self.entries = merged
        self._changes.clear()


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def _manifest_text(entries: dict[str, Entry], lines: dict[str, tuple[Entry, str]]) -> str:
    """The manifest as JSON, one entry per line. Saved after every file, so it is encoded
    entry by entry with json's C encoder (an indented dump runs in Python: a batch of
    thousands of files spent seconds re-encoding it), and an entry's line is reused while the
    entry is the same (``lines``, updated here). ASCII escapes carry names that are not UTF-8
    (lone surrogates) exactly."""
    for gone in set(lines) - set(entries):
        del lines[gone]
    for name, e in entries.items():
        held = lines.get(name)
        if held is None or held[0] is not e:  # entries are frozen: the same object, the same line
            lines[name] = (e, f"    {json.dumps(name, ensure_ascii=True)}: " + json.dumps(
                {"input": e.input, "sha256": e.sha256, "version": e.version,
                 "formats": list(e.formats), "source": e.source, "path": e.path},
                ensure_ascii=True))
    text = [lines[name][1] for name in sorted(entries)]
    entries_text = "{\n" + ",\n".join(text) + "\n  }" if text else "{}"
    return '{\n  "tool": "actionplan",\n  "entries": ' + entries_text + "\n}\n"


def _read_entries(path: Path) -> dict[str, Entry]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {
            name: Entry(e["input"], e["sha256"], e["version"], tuple(e["formats"]),
                        e.get("source", ""), e.get("path", e["input"]))
            for name, e in raw["entries"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


@contextlib.contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    """An exclusive advisory lock (where the file system offers one)."""
    with open(lock_path, "a+b") as fh:
        try:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        except (ImportError, OSError):
            pass  # no locking here (Windows, some network file systems): still atomic
        yield
