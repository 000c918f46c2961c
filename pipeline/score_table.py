"""The committed per-document score table: measured scores that may only go up.

``samples/scores.tsv`` holds, for every sample document and every field it is scored on,
the hits and total of the last accepted run (``make scores`` writes it). The end-to-end test
compares each document's fresh scores with it: a drop fails; an improvement fails too until
the table is regenerated, so the table always says what the code measures and a later drop
cannot hide behind an old, lower figure. One line per document and field keeps merges of
several people's changes line-local.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.metrics import LOWER_IS_BETTER, Scores, Tally

SCORE_TABLE = Path(__file__).resolve().parents[1] / "samples" / "scores.tsv"
REGENERATE = "make scores"
HEADER = (
    "# Per-document scores measured on the samples; they may only go up.\n"
    f"# Regenerate from a run with `{REGENERATE}` and commit it with the change that moved them.\n"
    "# document\tfield\thits\ttotal\n"
)

Table = dict[str, dict[str, Tally]]


def format_table(rows: Iterable[tuple[str, Scores]]) -> str:
    """The table's text: one line per (document, field) with a non-empty total, sorted."""
    lines = []
    for doc, scores in sorted(rows):
        for name in sorted(scores):
            tally = scores[name]
            if tally.total:
                lines.append(f"{doc}\t{name}\t{tally.hits}\t{tally.total}")
    return HEADER + "\n".join(lines) + "\n"


def parse_table(text: str) -> Table:
    """Document → field → tally, from the table's text (comment lines skipped)."""
    table: Table = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise ValueError(f"score table line {number}: want 4 tab-separated values: {line!r}")
        doc, name, hits, total = parts
        table.setdefault(doc, {})[name] = Tally(int(hits), int(total))
    return table


def read_table(path: Path = SCORE_TABLE) -> Table:
    """The committed table; empty when there is none yet."""
    return parse_table(path.read_text(encoding="utf-8")) if path.exists() else {}


def _worse(name: str, now: Tally, before: Tally) -> bool:
    """``now`` is below ``before`` (above, for fields where lower is better)."""
    left, right = now.hits * before.total, before.hits * now.total
    return left > right if name in LOWER_IS_BETTER else left < right


@dataclass
class Comparison:
    """How one document's fresh scores stand against its table row."""

    drops: list[str]
    changes: list[str]  # better, or a field/total the table does not hold as measured


def compare(measured: Mapping[str, Tally], recorded: Mapping[str, Tally]) -> Comparison:
    """Field by field: drops (a failure of the code) and other changes (a stale table)."""
    drops, changes = [], []
    for name in sorted(set(measured) | set(recorded)):
        now = measured.get(name, Tally())
        before = recorded.get(name, Tally())
        if (now.hits, now.total) == (before.hits, before.total) or not (now.total or before.total):
            continue
        shown = f"{name} {before.hits}/{before.total} → {now.hits}/{now.total}"
        if before.total and now.total and _worse(name, now, before):
            drops.append(shown)
        else:
            changes.append(shown)
    return Comparison(drops, changes)
