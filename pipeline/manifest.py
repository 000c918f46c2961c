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
            merged = _read_entries(self.path)
            for name, entry in self._changes.items():
                if entry is None:
                    merged.pop(name, None)
                else:
                    merged[name] = entry
            body = {
                "tool": "actionplan",
                "entries": {
                    name: {"input": e.input, "sha256": e.sha256, "version": e.version,
                           "formats": list(e.formats), "source": e.source, "path": e.path}
                    for name, e in sorted(merged.items())
                },
            }
            with atomic_text(self.path) as fh:
                # ASCII escapes carry names that are not UTF-8 (lone surrogates) exactly.
                json.dump(body, fh, indent=2, ensure_ascii=True)
                fh.write("\n")
        self.entries = merged
        self._changes.clear()


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
