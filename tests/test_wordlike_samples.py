"""The Word-like samples: committed files are what their specs build, and a prose report drawn
the same way (white boxes behind every word) holds no table and gives no plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.layout import Table
from extractors.pdf import read_pdf
from pipeline.errors import NoPlanFound
from pipeline.extract import extract_file
from scripts.build_wordlike_samples import COUNCIL_REPORT_NAME, build
from scripts.samples.plans_wordlike import PLANS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REPORT = ROOT / "tests" / "data" / COUNCIL_REPORT_NAME
STALE = "stale: rebuild with .venv/bin/python scripts/build_wordlike_samples.py"


def test_build_is_deterministic_and_matches_committed_files(tmp_path: Path) -> None:
    written = build(tmp_path, tmp_path)
    assert len(written) == 2 * len(PLANS) + 1
    for path in written:
        committed = REPORT if path.name == COUNCIL_REPORT_NAME else SAMPLES / path.name
        assert path.read_bytes() == committed.read_bytes(), f"{path.name} {STALE}"


def test_council_report_pages_hold_no_table() -> None:
    # Every word sits on a white filled box: none of them is a border, so no grid forms.
    document = read_pdf(REPORT)
    assert document.pages and document.pages >= 2
    assert not [b for b in document.blocks if isinstance(b, Table)]


def test_council_report_is_no_plan() -> None:
    with pytest.raises(NoPlanFound):
        extract_file(REPORT)


@pytest.mark.parametrize("name", ["wl_borderless_fenmoor_yjs_2024", "wl_grid_ashdown_yjs_2024"])
def test_plan_table_is_read_with_its_columns(name: str) -> None:
    document = read_pdf(SAMPLES / f"{name}.pdf")
    tables = [b for b in document.blocks if isinstance(b, Table)]
    # Six columns on every page: inset shading adds none, and without borders the columns
    # come from the header's labels (page 2 repeats no header: the columns carry over).
    assert tables and all(t.n_cols == 6 for t in tables)
    assert {t.page for t in tables} == {1, 2}
    expected = "none" if "borderless" in name else "grid"
    assert {t.ruled for t in tables} == {expected}
