"""Any name the OS allows works end to end; messages cannot be forged by a name; output names
are unique, stable across reruns and short enough to write."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline import cli
from pipeline.manifest import MANIFEST_NAME
from pipeline.names import fit_name, printable, quoted

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NOT_UTF8 = os.fsdecode(b"caf\xe9 plan.pdf")
NEWLINE = "two\nlines.docx"
LONG = "x" * 250 + ".pdf"  # 254 bytes: the name alone fits, the name plus ".json" does not


def test_printable_forms() -> None:
    assert printable(NOT_UTF8) == "caf\\xe9 plan.pdf"
    assert printable("a\nb\r\tc\x1b.pdf") == "a\\nb\\r\\tc\\x1b.pdf"
    assert printable("plain – café.pdf") == "plain – café.pdf"
    assert printable("C:\\plans\\a.pdf") == "C:\\plans\\a.pdf"
    assert quoted("a\nb.pdf") == "'a\\nb.pdf'"
    assert quoted("a b.pdf") == "a b.pdf"


def test_long_names_are_shortened_stably_and_distinctly() -> None:
    a, b = "é" * 200 + "a.pdf", "é" * 200 + "b.pdf"
    assert fit_name(a) == fit_name(a) != fit_name(b)
    assert fit_name(a).endswith(".pdf") and len(os.fsencode(fit_name(a))) <= 231
    assert fit_name("short.pdf") == "short.pdf"
    assert len(os.fsencode(fit_name(os.fsdecode(b"\xff" * 300)))) <= 231


@pytest.fixture(scope="module")
def named_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    root = tmp_path_factory.mktemp("names")
    folder = root / "in"
    folder.mkdir()
    # Distinct documents: the dataset counts the same bytes once, whatever their names.
    pdfs = iter(sorted(SAMPLES.glob("*.pdf")))
    docxs = iter(sorted(SAMPLES.glob("*.docx")))
    for name in [NOT_UTF8, NEWLINE, LONG, "x.pdf", "x.docx", "x-pdf.pdf", "=HYPERLINK(1).pdf"]:
        shutil.copy(next(docxs if name.endswith(".docx") else pdfs), folder / name)
    (folder / "bad\nfake: ok.pdf").write_bytes(b"not a document")
    return root, *_cli(folder, root / "out")


def _cli(folder: Path, out: Path) -> tuple[str, int]:
    """Run the command line; returns (stderr and then stdout, exit status)."""
    err, summary = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(summary):
        code = cli.main(["extract", str(folder), "--out", str(out), "--jobs", "2"])
    return err.getvalue() + summary.getvalue(), code


def test_every_name_gives_its_own_plan(named_batch: tuple[Path, str, int]) -> None:
    root, log, code = named_batch
    assert code == 1  # the one file that is not a document
    assert "Traceback" not in log
    out = root / "out"
    plans = sorted(p for p in out.iterdir() if p.name.endswith(".json")
                   and not p.name.startswith("."))
    assert len(plans) == 7
    files = {json.loads(p.read_text("utf-8"))["source"]["file"] for p in plans}
    assert {"caf\\xe9 plan.pdf", "two\\nlines.docx", "x.pdf", "x.docx", "x-pdf.pdf"} <= files
    assert all(len(os.fsencode(p.name)) <= 255 for p in out.iterdir())


def test_tables_and_manifest_are_written(named_batch: tuple[Path, str, int]) -> None:
    root, _, _ = named_batch
    out = root / "out"
    paths = set(pd.read_csv(out / "plans.csv", encoding="utf-8-sig", dtype=str)["path"])
    assert {"caf\\xe9 plan.pdf", "two\\nlines.docx", "'=HYPERLINK(1).pdf"} <= paths
    book = openpyxl.load_workbook(out / "plans.xlsx")
    cells = {c.value for row in book.worksheets[0].iter_rows() for c in row}
    assert "caf\\xe9 plan.pdf" in cells
    manifest = json.loads((out / MANIFEST_NAME).read_text("ascii"))
    assert NOT_UTF8 + ".json" not in manifest["entries"]  # keys are output stems
    assert NOT_UTF8 in manifest["entries"]
    errors = pd.read_csv(out / "errors.csv", encoding="utf-8-sig", dtype=str)
    assert len(errors) == 1 and errors.loc[0, "file"].endswith("/bad\\nfake: ok.pdf'")


def test_a_name_cannot_forge_a_line(named_batch: tuple[Path, str, int]) -> None:
    root, log, _ = named_batch
    lines = log.splitlines()
    bad = quoted(str(root / "in" / "bad\nfake: ok.pdf"))
    assert [line for line in lines if "fake: ok" in line] == [
        f"{bad}: not a PDF or DOCX document (judged by its bytes)"]
    assert not [line for line in lines if line.startswith(("lines.docx", "fake: ok"))]


def test_rerun_keeps_every_name_and_redoes_nothing(named_batch: tuple[Path, str, int]) -> None:
    root, _, _ = named_batch
    out = root / "out"
    before = sorted(os.fsencode(p.name) for p in out.iterdir())
    log, code = _cli(root / "in", out)
    assert code == 1
    assert sorted(os.fsencode(p.name) for p in out.iterdir()) == before
    assert "7 unchanged" in log
    manifest = json.loads((out / MANIFEST_NAME).read_text("ascii"))
    assert len(manifest["entries"]) == 7
