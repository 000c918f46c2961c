"""The manifest's journal: each file's entry is appended as it is recorded, the manifest is
written whole only when folded, and reading replays the journal — so what a batch recorded is
read back the same whichever of the two files holds it, after any interruption."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.manifest import JOURNAL_NAME, MANIFEST_NAME, Entry, Manifest


def _entry(n: int) -> Entry:
    return Entry(f"'in/p{n}.pdf'", f"{n:064x}", "1.0", ("json",), f"/src/p{n}.pdf", f"p{n}.pdf")


def _on_disk(out: Path) -> dict[str, dict]:
    return json.loads((out / MANIFEST_NAME).read_text("ascii"))["entries"]


def test_saves_append_to_the_journal_and_a_fold_writes_the_manifest(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    for n in range(3):
        manifest.record(f"p{n}.pdf", _entry(n))
        manifest.save()
    manifest.forget("p1.pdf")
    manifest.save()
    assert not (tmp_path / MANIFEST_NAME).exists()  # nothing rewritten per file
    assert len((tmp_path / JOURNAL_NAME).read_text("ascii").splitlines()) == 4
    assert Manifest.load(tmp_path).entries == {"p0.pdf": _entry(0), "p2.pdf": _entry(2)}

    manifest.fold()
    assert not (tmp_path / JOURNAL_NAME).exists()
    assert sorted(_on_disk(tmp_path)) == ["p0.pdf", "p2.pdf"]
    assert _on_disk(tmp_path)["p2.pdf"]["source"] == "/src/p2.pdf"
    assert Manifest.load(tmp_path).entries == {"p0.pdf": _entry(0), "p2.pdf": _entry(2)}


def test_a_journal_left_after_its_fold_replays_to_the_same_entries(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    manifest.record("a.pdf", _entry(1))
    manifest.record("b.pdf", _entry(2))
    manifest.save()
    manifest.record("a.pdf", _entry(3))  # changed after, and forgotten after that
    manifest.forget("b.pdf")
    manifest.save()
    journal = (tmp_path / JOURNAL_NAME).read_bytes()
    manifest.fold()
    (tmp_path / JOURNAL_NAME).write_bytes(journal)  # as a crash before its removal leaves it
    assert Manifest.load(tmp_path).entries == {"a.pdf": _entry(3)}


def test_a_journal_line_cut_short_is_passed_over(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    manifest.record("a.pdf", _entry(1))
    manifest.save()
    with (tmp_path / JOURNAL_NAME).open("ab") as fh:
        fh.write(b'{"name": "b.pdf", "entry": {"input": "x", "sha')  # a power cut mid-write
    assert Manifest.load(tmp_path).entries == {"a.pdf": _entry(1)}
    after = Manifest.load(tmp_path)  # the next run records a file after the cut line
    after.record("c.pdf", _entry(3))
    after.save()
    assert Manifest.load(tmp_path).entries == {"a.pdf": _entry(1), "c.pdf": _entry(3)}
    after.fold()
    assert sorted(_on_disk(tmp_path)) == ["a.pdf", "c.pdf"]


def test_two_runs_keep_each_others_entries_through_journal_and_fold(tmp_path: Path) -> None:
    first, second = Manifest.load(tmp_path), Manifest.load(tmp_path)
    first.record("a.pdf", _entry(1))
    first.save()
    second.record("b.pdf", _entry(2))
    second.save()
    first.fold()  # takes in the other's journalled entry
    assert first.entries == {"a.pdf": _entry(1), "b.pdf": _entry(2)}
    second.record("c.pdf", _entry(3))
    second.fold()
    assert sorted(_on_disk(tmp_path)) == ["a.pdf", "b.pdf", "c.pdf"]
    assert not (tmp_path / JOURNAL_NAME).exists()
